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