/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Something an account does only with a permission granted when it was connected. INSIGHTS: the network's insights (views, reach, saves, shares; on Threads every post metric). */
export type AccountCapability =
  | 'INSIGHTS';

/** Why signUp or logIn refused. */
export type AuthErrorCode =
  | 'EMAIL_TAKEN'
  | 'INVALID_CREDENTIALS'
  | 'INVALID_EMAIL'
  | 'INVALID_NAME'
  | 'INVALID_TIMEZONE'
  | 'INVALID_TOKEN'
  | 'INVALID_WORKSPACE_NAME'
  | 'NOT_CONFIGURED'
  | 'PASSWORD_TOO_WEAK'
  | 'RATE_LIMITED'
  | 'SESSION_NOT_FOUND'
  | 'WRONG_PASSWORD';

/** A Bluesky account to connect with an app password (Settings → App passwords). */
export type BlueskyAccountConnectInput = {
  /** An app password, not the account's main password. */
  appPassword: string;
  /** Like alice.bsky.social. */
  handle: string;
  /** The account's PDS; https://bsky.social when omitted. */
  serviceUrl?: string | null | undefined;
  workspaceId: string | number;
};

/** Credentials to sign in with. */
export type LogInInput = {
  email: string;
  password: string;
};

/** Why oauthStart refused. */
export type OAuthStartErrorCode =
  | 'ACCOUNT_ALREADY_CONNECTED'
  | 'ACCOUNT_NOT_FOUND'
  | 'APP_PASSWORD_REQUIRED'
  | 'BAD_CREDENTIALS'
  | 'HTTP_REQUIRED'
  | 'INVALID_HANDLE'
  | 'INVALID_SERVICE_URL'
  | 'MEDIA_NOT_FOUND'
  | 'NOT_CONFIGURED'
  | 'PLATFORM_NOT_SUPPORTED'
  | 'POST_NOT_FOUND'
  | 'SERVICE_UNAVAILABLE'
  | 'SERVICE_URL_NOT_ALLOWED'
  | 'TARGET_NOT_FOUND'
  | 'WORKSPACE_NOT_FOUND';

/** The workspace to connect accounts to, and the network to connect. */
export type OAuthStartInput = {
  /** THREADS, INSTAGRAM, FACEBOOK or REDDIT (Bluesky connects with an app password). */
  platform: Platform;
  workspaceId: string | number;
};

/** A network Herald publishes to. */
export type Platform =
  | 'BLUESKY'
  | 'FACEBOOK'
  | 'INSTAGRAM'
  | 'REDDIT'
  | 'THREADS';

/** A new user, and the workspace they will own. */
export type SignUpInput = {
  email: string;
  name: string;
  /** 10 to 256 characters. */
  password: string;
  /** IANA time zone of the workspace; UTC by default. */
  timezone?: string | null | undefined;
  /** Defaults to "<name>'s workspace". */
  workspaceName?: string | null | undefined;
};

/** Why an account could not be connected. SERVICE_URL_NOT_ALLOWED: the PDS (the service URL, or the one the account's DID document names) is on a private or local network address, or answered with a redirect; Herald calls only public addresses and follows no redirects. */
export type SocialAccountConnectErrorCode =
  | 'ACCOUNT_ALREADY_CONNECTED'
  | 'ACCOUNT_NOT_FOUND'
  | 'APP_PASSWORD_REQUIRED'
  | 'BAD_CREDENTIALS'
  | 'HTTP_REQUIRED'
  | 'INVALID_HANDLE'
  | 'INVALID_SERVICE_URL'
  | 'MEDIA_NOT_FOUND'
  | 'NOT_CONFIGURED'
  | 'PLATFORM_NOT_SUPPORTED'
  | 'POST_NOT_FOUND'
  | 'SERVICE_UNAVAILABLE'
  | 'SERVICE_URL_NOT_ALLOWED'
  | 'TARGET_NOT_FOUND'
  | 'WORKSPACE_NOT_FOUND';

/** Why an account could not be disconnected. */
export type SocialAccountDisconnectErrorCode =
  | 'ACCOUNT_ALREADY_CONNECTED'
  | 'ACCOUNT_NOT_FOUND'
  | 'APP_PASSWORD_REQUIRED'
  | 'BAD_CREDENTIALS'
  | 'HTTP_REQUIRED'
  | 'INVALID_HANDLE'
  | 'INVALID_SERVICE_URL'
  | 'MEDIA_NOT_FOUND'
  | 'NOT_CONFIGURED'
  | 'PLATFORM_NOT_SUPPORTED'
  | 'POST_NOT_FOUND'
  | 'SERVICE_UNAVAILABLE'
  | 'SERVICE_URL_NOT_ALLOWED'
  | 'TARGET_NOT_FOUND'
  | 'WORKSPACE_NOT_FOUND';

/** ACTIVE publishes; NEEDS_REAUTH must be reconnected; DISCONNECTED was removed by an admin. */
export type SocialAccountStatus =
  | 'ACTIVE'
  | 'DISCONNECTED'
  | 'NEEDS_REAUTH';

export type AccountsQueryVariables = Exact<{
  workspaceId: string | number;
}>;


export type AccountsQuery = { socialAccounts: Array<{ id: string, platform: Platform, handle: string, displayName: string | null, status: SocialAccountStatus, statusReason: string | null, missingCapabilities: Array<{ capability: AccountCapability, message: string }> }>, oauthNetworks: Array<{ platform: Platform, configured: boolean }> };

export type BlueskyAccountConnectMutationVariables = Exact<{
  input: BlueskyAccountConnectInput;
}>;


export type BlueskyAccountConnectMutation = { blueskyAccountConnect: { account: { id: string, status: SocialAccountStatus } | null, userErrors: Array<{ code: SocialAccountConnectErrorCode, field: Array<string> | null, message: string }> } };

export type OAuthStartMutationVariables = Exact<{
  input: OAuthStartInput;
}>;


export type OAuthStartMutation = { oauthStart: { authorizationUrl: string | null, userErrors: Array<{ code: OAuthStartErrorCode, field: Array<string> | null, message: string }> } };

export type SocialAccountDisconnectMutationVariables = Exact<{
  id: string | number;
}>;


export type SocialAccountDisconnectMutation = { socialAccountDisconnect: { account: { id: string, status: SocialAccountStatus } | null, userErrors: Array<{ code: SocialAccountDisconnectErrorCode, message: string }> } };

export type LogInMutationVariables = Exact<{
  input: LogInInput;
}>;


export type LogInMutation = { logIn: { token: string | null, userErrors: Array<{ code: AuthErrorCode, field: Array<string> | null, message: string }> } };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp: { token: string | null, userErrors: Array<{ code: AuthErrorCode, field: Array<string> | null, message: string }> } };

export type ShellQueryVariables = Exact<{ [key: string]: never; }>;


export type ShellQuery = { me: { id: string, name: string, email: string } | null, workspaces: Array<{ id: string, name: string, timezone: string }> };

export type LogOutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogOutMutation = { logOut: boolean };


export const AccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Accounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"socialAccounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"workspaceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"missingCapabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"capability"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"oauthNetworks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"configured"}}]}}]}}]} as unknown as DocumentNode<AccountsQuery, AccountsQueryVariables>;
export const BlueskyAccountConnectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BlueskyAccountConnect"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BlueskyAccountConnectInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"blueskyAccountConnect"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<BlueskyAccountConnectMutation, BlueskyAccountConnectMutationVariables>;
export const OAuthStartDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OAuthStart"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OAuthStartInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"oauthStart"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authorizationUrl"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<OAuthStartMutation, OAuthStartMutationVariables>;
export const SocialAccountDisconnectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SocialAccountDisconnect"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"socialAccountDisconnect"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SocialAccountDisconnectMutation, SocialAccountDisconnectMutationVariables>;
export const LogInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LogInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<LogInMutation, LogInMutationVariables>;
export const SignUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SignUpMutation, SignUpMutationVariables>;
export const ShellDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Shell"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workspaces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}}]}}]}}]} as unknown as DocumentNode<ShellQuery, ShellQueryVariables>;
export const LogOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logOut"}}]}}]} as unknown as DocumentNode<LogOutMutation, LogOutMutationVariables>;