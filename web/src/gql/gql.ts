/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Accounts($workspaceId: ID!) {\n    socialAccounts(workspaceId: $workspaceId) {\n      id\n      platform\n      handle\n      displayName\n      status\n      statusReason\n      missingCapabilities {\n        capability\n        message\n      }\n    }\n    oauthNetworks {\n      platform\n      configured\n    }\n  }\n": typeof types.AccountsDocument,
    "\n  mutation BlueskyAccountConnect($input: BlueskyAccountConnectInput!) {\n    blueskyAccountConnect(input: $input) {\n      account {\n        id\n        status\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.BlueskyAccountConnectDocument,
    "\n  mutation OAuthStart($input: OAuthStartInput!) {\n    oauthStart(input: $input) {\n      authorizationUrl\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.OAuthStartDocument,
    "\n  mutation SocialAccountDisconnect($id: ID!) {\n    socialAccountDisconnect(id: $id) {\n      account {\n        id\n        status\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": typeof types.SocialAccountDisconnectDocument,
    "\n  mutation ComposerPostCreate($input: PostCreateInput!) {\n    postCreate(input: $input) {\n      post {\n        id\n        status\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.ComposerPostCreateDocument,
    "\n  mutation ComposerPostPublishNow($id: ID!) {\n    postPublishNow(id: $id) {\n      post {\n        id\n        status\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.ComposerPostPublishNowDocument,
    "\n  fragment PostTargetItem on PostTarget {\n    id\n    platform\n    status\n    publishedAt\n    deletedAt\n    externalUrl\n    attempts\n    lastError {\n      code\n      message\n      retryable\n    }\n    account {\n      id\n      handle\n      displayName\n    }\n  }\n": typeof types.PostTargetItemFragmentDoc,
    "\n  fragment PostItem on Post {\n    id\n    text\n    status\n    scheduledAt\n    createdAt\n    targets {\n      ...PostTargetItem\n    }\n  }\n": typeof types.PostItemFragmentDoc,
    "\n  query PostsPage($workspaceId: ID!, $filter: PostFilter, $first: Int!, $after: String) {\n    posts(workspaceId: $workspaceId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...PostItem\n        }\n      }\n    }\n  }\n": typeof types.PostsPageDocument,
    "\n  subscription PostStatusChanged($workspaceId: ID!, $since: ID) {\n    postStatusChanged(workspaceId: $workspaceId, since: $since) {\n      eventId\n      post {\n        ...PostItem\n      }\n      target {\n        ...PostTargetItem\n      }\n    }\n  }\n": typeof types.PostStatusChangedDocument,
    "\n  query WorkspaceAccounts($workspaceId: ID!) {\n    socialAccounts(workspaceId: $workspaceId) {\n      id\n      platform\n      handle\n      displayName\n      status\n    }\n  }\n": typeof types.WorkspaceAccountsDocument,
    "\n  mutation PostCancel($id: ID!) {\n    postCancel(id: $id) {\n      post {\n        ...PostItem\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": typeof types.PostCancelDocument,
    "\n  mutation PostDelete($id: ID!) {\n    postDelete(id: $id) {\n      deletedPostId\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": typeof types.PostDeleteDocument,
    "\n  mutation PostTargetRetry($id: ID!) {\n    postTargetRetry(id: $id) {\n      target {\n        id\n        status\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": typeof types.PostTargetRetryDocument,
    "\n  mutation PostTargetDelete($id: ID!) {\n    postTargetDelete(id: $id) {\n      target {\n        id\n        deletedAt\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": typeof types.PostTargetDeleteDocument,
    "\n  mutation PostSchedule($id: ID!, $input: PostScheduleInput!) {\n    postSchedule(id: $id, input: $input) {\n      post {\n        ...PostItem\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.PostScheduleDocument,
    "\n  mutation WorkspaceCreate($input: WorkspaceCreateInput!) {\n    workspaceCreate(input: $input) {\n      workspace {\n        id\n        name\n        timezone\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.WorkspaceCreateDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      token\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.LogInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  query Shell {\n    me {\n      id\n      name\n      email\n    }\n    workspaces {\n      id\n      name\n      timezone\n    }\n  }\n": typeof types.ShellDocument,
    "\n  mutation LogOut {\n    logOut\n  }\n": typeof types.LogOutDocument,
};
const documents: Documents = {
    "\n  query Accounts($workspaceId: ID!) {\n    socialAccounts(workspaceId: $workspaceId) {\n      id\n      platform\n      handle\n      displayName\n      status\n      statusReason\n      missingCapabilities {\n        capability\n        message\n      }\n    }\n    oauthNetworks {\n      platform\n      configured\n    }\n  }\n": types.AccountsDocument,
    "\n  mutation BlueskyAccountConnect($input: BlueskyAccountConnectInput!) {\n    blueskyAccountConnect(input: $input) {\n      account {\n        id\n        status\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.BlueskyAccountConnectDocument,
    "\n  mutation OAuthStart($input: OAuthStartInput!) {\n    oauthStart(input: $input) {\n      authorizationUrl\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.OAuthStartDocument,
    "\n  mutation SocialAccountDisconnect($id: ID!) {\n    socialAccountDisconnect(id: $id) {\n      account {\n        id\n        status\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": types.SocialAccountDisconnectDocument,
    "\n  mutation ComposerPostCreate($input: PostCreateInput!) {\n    postCreate(input: $input) {\n      post {\n        id\n        status\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.ComposerPostCreateDocument,
    "\n  mutation ComposerPostPublishNow($id: ID!) {\n    postPublishNow(id: $id) {\n      post {\n        id\n        status\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.ComposerPostPublishNowDocument,
    "\n  fragment PostTargetItem on PostTarget {\n    id\n    platform\n    status\n    publishedAt\n    deletedAt\n    externalUrl\n    attempts\n    lastError {\n      code\n      message\n      retryable\n    }\n    account {\n      id\n      handle\n      displayName\n    }\n  }\n": types.PostTargetItemFragmentDoc,
    "\n  fragment PostItem on Post {\n    id\n    text\n    status\n    scheduledAt\n    createdAt\n    targets {\n      ...PostTargetItem\n    }\n  }\n": types.PostItemFragmentDoc,
    "\n  query PostsPage($workspaceId: ID!, $filter: PostFilter, $first: Int!, $after: String) {\n    posts(workspaceId: $workspaceId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...PostItem\n        }\n      }\n    }\n  }\n": types.PostsPageDocument,
    "\n  subscription PostStatusChanged($workspaceId: ID!, $since: ID) {\n    postStatusChanged(workspaceId: $workspaceId, since: $since) {\n      eventId\n      post {\n        ...PostItem\n      }\n      target {\n        ...PostTargetItem\n      }\n    }\n  }\n": types.PostStatusChangedDocument,
    "\n  query WorkspaceAccounts($workspaceId: ID!) {\n    socialAccounts(workspaceId: $workspaceId) {\n      id\n      platform\n      handle\n      displayName\n      status\n    }\n  }\n": types.WorkspaceAccountsDocument,
    "\n  mutation PostCancel($id: ID!) {\n    postCancel(id: $id) {\n      post {\n        ...PostItem\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": types.PostCancelDocument,
    "\n  mutation PostDelete($id: ID!) {\n    postDelete(id: $id) {\n      deletedPostId\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": types.PostDeleteDocument,
    "\n  mutation PostTargetRetry($id: ID!) {\n    postTargetRetry(id: $id) {\n      target {\n        id\n        status\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": types.PostTargetRetryDocument,
    "\n  mutation PostTargetDelete($id: ID!) {\n    postTargetDelete(id: $id) {\n      target {\n        id\n        deletedAt\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": types.PostTargetDeleteDocument,
    "\n  mutation PostSchedule($id: ID!, $input: PostScheduleInput!) {\n    postSchedule(id: $id, input: $input) {\n      post {\n        ...PostItem\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.PostScheduleDocument,
    "\n  mutation WorkspaceCreate($input: WorkspaceCreateInput!) {\n    workspaceCreate(input: $input) {\n      workspace {\n        id\n        name\n        timezone\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.WorkspaceCreateDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      token\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.LogInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.SignUpDocument,
    "\n  query Shell {\n    me {\n      id\n      name\n      email\n    }\n    workspaces {\n      id\n      name\n      timezone\n    }\n  }\n": types.ShellDocument,
    "\n  mutation LogOut {\n    logOut\n  }\n": types.LogOutDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Accounts($workspaceId: ID!) {\n    socialAccounts(workspaceId: $workspaceId) {\n      id\n      platform\n      handle\n      displayName\n      status\n      statusReason\n      missingCapabilities {\n        capability\n        message\n      }\n    }\n    oauthNetworks {\n      platform\n      configured\n    }\n  }\n"): (typeof documents)["\n  query Accounts($workspaceId: ID!) {\n    socialAccounts(workspaceId: $workspaceId) {\n      id\n      platform\n      handle\n      displayName\n      status\n      statusReason\n      missingCapabilities {\n        capability\n        message\n      }\n    }\n    oauthNetworks {\n      platform\n      configured\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BlueskyAccountConnect($input: BlueskyAccountConnectInput!) {\n    blueskyAccountConnect(input: $input) {\n      account {\n        id\n        status\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BlueskyAccountConnect($input: BlueskyAccountConnectInput!) {\n    blueskyAccountConnect(input: $input) {\n      account {\n        id\n        status\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OAuthStart($input: OAuthStartInput!) {\n    oauthStart(input: $input) {\n      authorizationUrl\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OAuthStart($input: OAuthStartInput!) {\n    oauthStart(input: $input) {\n      authorizationUrl\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SocialAccountDisconnect($id: ID!) {\n    socialAccountDisconnect(id: $id) {\n      account {\n        id\n        status\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SocialAccountDisconnect($id: ID!) {\n    socialAccountDisconnect(id: $id) {\n      account {\n        id\n        status\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ComposerPostCreate($input: PostCreateInput!) {\n    postCreate(input: $input) {\n      post {\n        id\n        status\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ComposerPostCreate($input: PostCreateInput!) {\n    postCreate(input: $input) {\n      post {\n        id\n        status\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ComposerPostPublishNow($id: ID!) {\n    postPublishNow(id: $id) {\n      post {\n        id\n        status\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ComposerPostPublishNow($id: ID!) {\n    postPublishNow(id: $id) {\n      post {\n        id\n        status\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PostTargetItem on PostTarget {\n    id\n    platform\n    status\n    publishedAt\n    deletedAt\n    externalUrl\n    attempts\n    lastError {\n      code\n      message\n      retryable\n    }\n    account {\n      id\n      handle\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment PostTargetItem on PostTarget {\n    id\n    platform\n    status\n    publishedAt\n    deletedAt\n    externalUrl\n    attempts\n    lastError {\n      code\n      message\n      retryable\n    }\n    account {\n      id\n      handle\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PostItem on Post {\n    id\n    text\n    status\n    scheduledAt\n    createdAt\n    targets {\n      ...PostTargetItem\n    }\n  }\n"): (typeof documents)["\n  fragment PostItem on Post {\n    id\n    text\n    status\n    scheduledAt\n    createdAt\n    targets {\n      ...PostTargetItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PostsPage($workspaceId: ID!, $filter: PostFilter, $first: Int!, $after: String) {\n    posts(workspaceId: $workspaceId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...PostItem\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PostsPage($workspaceId: ID!, $filter: PostFilter, $first: Int!, $after: String) {\n    posts(workspaceId: $workspaceId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...PostItem\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PostStatusChanged($workspaceId: ID!, $since: ID) {\n    postStatusChanged(workspaceId: $workspaceId, since: $since) {\n      eventId\n      post {\n        ...PostItem\n      }\n      target {\n        ...PostTargetItem\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription PostStatusChanged($workspaceId: ID!, $since: ID) {\n    postStatusChanged(workspaceId: $workspaceId, since: $since) {\n      eventId\n      post {\n        ...PostItem\n      }\n      target {\n        ...PostTargetItem\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceAccounts($workspaceId: ID!) {\n    socialAccounts(workspaceId: $workspaceId) {\n      id\n      platform\n      handle\n      displayName\n      status\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceAccounts($workspaceId: ID!) {\n    socialAccounts(workspaceId: $workspaceId) {\n      id\n      platform\n      handle\n      displayName\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostCancel($id: ID!) {\n    postCancel(id: $id) {\n      post {\n        ...PostItem\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PostCancel($id: ID!) {\n    postCancel(id: $id) {\n      post {\n        ...PostItem\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostDelete($id: ID!) {\n    postDelete(id: $id) {\n      deletedPostId\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PostDelete($id: ID!) {\n    postDelete(id: $id) {\n      deletedPostId\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostTargetRetry($id: ID!) {\n    postTargetRetry(id: $id) {\n      target {\n        id\n        status\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PostTargetRetry($id: ID!) {\n    postTargetRetry(id: $id) {\n      target {\n        id\n        status\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostTargetDelete($id: ID!) {\n    postTargetDelete(id: $id) {\n      target {\n        id\n        deletedAt\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PostTargetDelete($id: ID!) {\n    postTargetDelete(id: $id) {\n      target {\n        id\n        deletedAt\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostSchedule($id: ID!, $input: PostScheduleInput!) {\n    postSchedule(id: $id, input: $input) {\n      post {\n        ...PostItem\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PostSchedule($id: ID!, $input: PostScheduleInput!) {\n    postSchedule(id: $id, input: $input) {\n      post {\n        ...PostItem\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkspaceCreate($input: WorkspaceCreateInput!) {\n    workspaceCreate(input: $input) {\n      workspace {\n        id\n        name\n        timezone\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation WorkspaceCreate($input: WorkspaceCreateInput!) {\n    workspaceCreate(input: $input) {\n      workspace {\n        id\n        name\n        timezone\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      token\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      token\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Shell {\n    me {\n      id\n      name\n      email\n    }\n    workspaces {\n      id\n      name\n      timezone\n    }\n  }\n"): (typeof documents)["\n  query Shell {\n    me {\n      id\n      name\n      email\n    }\n    workspaces {\n      id\n      name\n      timezone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogOut {\n    logOut\n  }\n"): (typeof documents)["\n  mutation LogOut {\n    logOut\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;