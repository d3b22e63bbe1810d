/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Something an account does only with a permission granted when it was connected. INSIGHTS: the network's insights (views, reach, saves, shares; on Threads every post metric). */
export type AccountCapability =
  | 'INSIGHTS';

/** Why altTextGenerate gave no alt text. */
export type AltTextGenerateErrorCode =
  | 'ACCOUNT_NOT_FOUND'
  | 'AI_BLOCKED'
  | 'AI_EMPTY'
  | 'AI_NOT_CONFIGURED'
  | 'AI_QUOTA_EXCEEDED'
  | 'AI_UNAVAILABLE'
  | 'BRIEF_REQUIRED'
  | 'BRIEF_TOO_LONG'
  | 'DUPLICATE_MEDIA'
  | 'DUPLICATE_PLATFORM'
  | 'INPUT_TOO_LONG'
  | 'INVALID_LANGUAGE'
  | 'INVALID_REQUEST_ID'
  | 'LANGUAGE_REQUIRED'
  | 'MEDIA_NOT_AN_IMAGE'
  | 'MEDIA_NOT_FOUND'
  | 'MEDIA_NOT_READY'
  | 'NO_PLATFORMS'
  | 'POST_NOT_FOUND'
  | 'REQUEST_ID_USED'
  | 'TARGET_NOT_FOUND'
  | 'TEXT_REQUIRED'
  | 'THREADS_NOT_SUPPORTED'
  | 'TONE_REQUIRED'
  | 'TONE_TOO_LONG'
  | 'TOO_MANY_MEDIA'
  | 'WORKSPACE_NOT_FOUND';

/** Why no export was made. */
export type AnalyticsExportErrorCode =
  | 'ACCOUNT_NOT_FOUND'
  | 'INVALID_PERIOD'
  | 'MEDIA_NOT_FOUND'
  | 'POST_NOT_FOUND'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'TARGET_NOT_FOUND'
  | 'TARGET_NOT_PUBLISHED'
  | 'WORKSPACE_NOT_FOUND';

/** The period to export: the posts published in [from, to). */
export type AnalyticsExportInput = {
  from: string;
  to: string;
  workspaceId: string | number;
};

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

/** Why captionGenerate gave no suggestions. */
export type CaptionGenerateErrorCode =
  | 'ACCOUNT_NOT_FOUND'
  | 'AI_BLOCKED'
  | 'AI_EMPTY'
  | 'AI_NOT_CONFIGURED'
  | 'AI_QUOTA_EXCEEDED'
  | 'AI_UNAVAILABLE'
  | 'BRIEF_REQUIRED'
  | 'BRIEF_TOO_LONG'
  | 'DUPLICATE_MEDIA'
  | 'DUPLICATE_PLATFORM'
  | 'INPUT_TOO_LONG'
  | 'INVALID_LANGUAGE'
  | 'INVALID_REQUEST_ID'
  | 'LANGUAGE_REQUIRED'
  | 'MEDIA_NOT_AN_IMAGE'
  | 'MEDIA_NOT_FOUND'
  | 'MEDIA_NOT_READY'
  | 'NO_PLATFORMS'
  | 'POST_NOT_FOUND'
  | 'REQUEST_ID_USED'
  | 'TARGET_NOT_FOUND'
  | 'TEXT_REQUIRED'
  | 'THREADS_NOT_SUPPORTED'
  | 'TONE_REQUIRED'
  | 'TONE_TOO_LONG'
  | 'TOO_MANY_MEDIA'
  | 'WORKSPACE_NOT_FOUND';

/** What to write about, and for which networks. */
export type CaptionGenerateInput = {
  /** What the post is about (at most 2,000 characters). */
  brief: string;
  /** A language tag (en, de, pt-BR). */
  language?: string | null | undefined;
  /** Up to 4 READY files the post goes out with; the model looks at the images. */
  mediaIds?: Array<string | number> | null | undefined;
  /** One suggestion per network, in this order. */
  platforms: Array<Platform>;
  /** A UUID you picked: subscribe to captionGenerated with it first to see the text live. */
  requestId?: string | number | null | undefined;
  /** e.g. 'playful', 'formal' (≤ 60 characters). */
  tone?: string | null | undefined;
  workspaceId: string | number;
};

/** Buckets of a period: local days, or weeks from Monday. */
export type Granularity =
  | 'DAY'
  | 'WEEK';

/** Where an Instagram post goes. */
export type InstagramKind =
  | 'FEED'
  | 'REEL'
  | 'STORY';

/** Credentials to sign in with. */
export type LogInInput = {
  email: string;
  password: string;
};

/** Why mediaAssetDelete refused. */
export type MediaAssetDeleteErrorCode =
  | 'ACCOUNT_NOT_FOUND'
  | 'ALT_TEXT_TOO_LONG'
  | 'CHECK_IN_PROGRESS'
  | 'FILE_DAMAGED'
  | 'FILE_TOO_LARGE'
  | 'INVALID_BYTE_SIZE'
  | 'INVALID_FILENAME'
  | 'MEDIA_IN_USE'
  | 'MEDIA_NOT_FOUND'
  | 'POST_NOT_FOUND'
  | 'SIZE_MISMATCH'
  | 'STORAGE_QUOTA_EXCEEDED'
  | 'TARGET_NOT_FOUND'
  | 'TOO_MANY_PENDING_UPLOADS'
  | 'TOO_MANY_PIXELS'
  | 'UNSUPPORTED_CONTENT_TYPE'
  | 'UNSUPPORTED_FILE_TYPE'
  | 'UPLOAD_CHANGED'
  | 'UPLOAD_MISSING'
  | 'WORKSPACE_NOT_FOUND';

/** Which assets to list. */
export type MediaAssetFilter = {
  kind?: MediaKind | null | undefined;
  status?: MediaStatus | null | undefined;
};

/** Why mediaAssetUpdate refused. */
export type MediaAssetUpdateErrorCode =
  | 'ACCOUNT_NOT_FOUND'
  | 'ALT_TEXT_TOO_LONG'
  | 'CHECK_IN_PROGRESS'
  | 'FILE_DAMAGED'
  | 'FILE_TOO_LARGE'
  | 'INVALID_BYTE_SIZE'
  | 'INVALID_FILENAME'
  | 'MEDIA_IN_USE'
  | 'MEDIA_NOT_FOUND'
  | 'POST_NOT_FOUND'
  | 'SIZE_MISMATCH'
  | 'STORAGE_QUOTA_EXCEEDED'
  | 'TARGET_NOT_FOUND'
  | 'TOO_MANY_PENDING_UPLOADS'
  | 'TOO_MANY_PIXELS'
  | 'UNSUPPORTED_CONTENT_TYPE'
  | 'UNSUPPORTED_FILE_TYPE'
  | 'UPLOAD_CHANGED'
  | 'UPLOAD_MISSING'
  | 'WORKSPACE_NOT_FOUND';

/** Changes to an asset. Omitted fields stay as they are. */
export type MediaAssetUpdateInput = {
  /** An empty string or null clears it; omitted, it stays. */
  altText?: string | null | undefined;
};

/** What a file is: detected from its bytes once checked, what it claimed to be before. */
export type MediaKind =
  | 'GIF'
  | 'IMAGE'
  | 'VIDEO';

/** PENDING_UPLOAD until mediaUploadComplete checks the bytes; then READY or REJECTED. */
export type MediaStatus =
  | 'PENDING_UPLOAD'
  | 'READY'
  | 'REJECTED';

/** Why mediaUploadComplete did not make the asset READY (a rejection code is final; the others not). */
export type MediaUploadCompleteErrorCode =
  | 'ACCOUNT_NOT_FOUND'
  | 'ALT_TEXT_TOO_LONG'
  | 'CHECK_IN_PROGRESS'
  | 'FILE_DAMAGED'
  | 'FILE_TOO_LARGE'
  | 'INVALID_BYTE_SIZE'
  | 'INVALID_FILENAME'
  | 'MEDIA_IN_USE'
  | 'MEDIA_NOT_FOUND'
  | 'POST_NOT_FOUND'
  | 'SIZE_MISMATCH'
  | 'STORAGE_QUOTA_EXCEEDED'
  | 'TARGET_NOT_FOUND'
  | 'TOO_MANY_PENDING_UPLOADS'
  | 'TOO_MANY_PIXELS'
  | 'UNSUPPORTED_CONTENT_TYPE'
  | 'UNSUPPORTED_FILE_TYPE'
  | 'UPLOAD_CHANGED'
  | 'UPLOAD_MISSING'
  | 'WORKSPACE_NOT_FOUND';

/** Why mediaUploadCreate refused. */
export type MediaUploadCreateErrorCode =
  | 'ACCOUNT_NOT_FOUND'
  | 'ALT_TEXT_TOO_LONG'
  | 'CHECK_IN_PROGRESS'
  | 'FILE_DAMAGED'
  | 'FILE_TOO_LARGE'
  | 'INVALID_BYTE_SIZE'
  | 'INVALID_FILENAME'
  | 'MEDIA_IN_USE'
  | 'MEDIA_NOT_FOUND'
  | 'POST_NOT_FOUND'
  | 'SIZE_MISMATCH'
  | 'STORAGE_QUOTA_EXCEEDED'
  | 'TARGET_NOT_FOUND'
  | 'TOO_MANY_PENDING_UPLOADS'
  | 'TOO_MANY_PIXELS'
  | 'UNSUPPORTED_CONTENT_TYPE'
  | 'UNSUPPORTED_FILE_TYPE'
  | 'UPLOAD_CHANGED'
  | 'UPLOAD_MISSING'
  | 'WORKSPACE_NOT_FOUND';

/** The file a client is about to upload, as it knows it. */
export type MediaUploadCreateInput = {
  /** Exactly how many bytes will be sent. */
  byteSize: number;
  /** The type the client believes it is; the upload must carry it. Herald checks the bytes. */
  contentType: string;
  /** The file's name (for the library; not trusted). */
  filename: string;
  workspaceId: string | number;
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

/** Why postCancel refused. */
export type PostCancelErrorCode =
  | 'ACCOUNT_DISCONNECTED'
  | 'ACCOUNT_NEEDS_REAUTH'
  | 'ACCOUNT_NOT_FOUND'
  | 'DELETE_FAILED'
  | 'DELETE_NOT_SUPPORTED'
  | 'DUPLICATE_MEDIA'
  | 'DUPLICATE_TARGET'
  | 'EMPTY_POST'
  | 'IMAGE_TOO_LARGE'
  | 'INVALID_DATETIME'
  | 'INVALID_ID'
  | 'INVALID_LANG'
  | 'INVALID_LINK'
  | 'INVALID_OPTION'
  | 'INVALID_QUOTE_URI'
  | 'INVALID_REPLY_URI'
  | 'INVALID_SUBREDDIT'
  | 'MEDIA_ASPECT_RATIO'
  | 'MEDIA_FORMAT_UNSUPPORTED'
  | 'MEDIA_KIND_MISMATCH'
  | 'MEDIA_KIND_NOT_SUPPORTED'
  | 'MEDIA_NOT_FOUND'
  | 'MEDIA_NOT_READY'
  | 'MEDIA_NOT_SUPPORTED_YET'
  | 'MEDIA_REQUIRED'
  | 'MEDIA_URL_NOT_PUBLIC'
  | 'MIXED_MEDIA'
  | 'NO_TARGETS'
  | 'PLATFORM_NOT_SUPPORTED'
  | 'POST_ALREADY_STARTED'
  | 'POST_IN_FLIGHT'
  | 'POST_NOT_CANCELLABLE'
  | 'POST_NOT_EDITABLE'
  | 'POST_NOT_FOUND'
  | 'RATE_LIMITED'
  | 'SCHEDULED_IN_PAST'
  | 'SUBREDDIT_REQUIRED'
  | 'TARGET_ALREADY_DELETED'
  | 'TARGET_NOT_FOUND'
  | 'TARGET_NOT_PUBLISHED'
  | 'TARGET_NOT_RETRYABLE'
  | 'TARGET_NOT_UNCONFIRMED'
  | 'TEXT_TOO_LONG'
  | 'TEXT_TOO_MANY_BYTES'
  | 'THREADS_NOT_SUPPORTED'
  | 'TITLE_REQUIRED'
  | 'TITLE_TOO_LONG'
  | 'TOO_MANY_HASHTAGS'
  | 'TOO_MANY_IMAGES'
  | 'TOO_MANY_LANGS'
  | 'TOO_MANY_LINKS'
  | 'TOO_MANY_MEDIA'
  | 'TOO_MANY_TARGETS'
  | 'TOO_MANY_THREAD_PARTS'
  | 'TOO_MANY_VIDEOS'
  | 'VIDEO_TOO_LARGE'
  | 'VIDEO_TOO_LONG'
  | 'VIDEO_TOO_SHORT'
  | 'WORKSPACE_NOT_FOUND';

/** Why postCreate refused. */
export type PostCreateErrorCode =
  | 'ACCOUNT_DISCONNECTED'
  | 'ACCOUNT_NEEDS_REAUTH'
  | 'ACCOUNT_NOT_FOUND'
  | 'DELETE_FAILED'
  | 'DELETE_NOT_SUPPORTED'
  | 'DUPLICATE_MEDIA'
  | 'DUPLICATE_TARGET'
  | 'EMPTY_POST'
  | 'IMAGE_TOO_LARGE'
  | 'INVALID_DATETIME'
  | 'INVALID_ID'
  | 'INVALID_LANG'
  | 'INVALID_LINK'
  | 'INVALID_OPTION'
  | 'INVALID_QUOTE_URI'
  | 'INVALID_REPLY_URI'
  | 'INVALID_SUBREDDIT'
  | 'MEDIA_ASPECT_RATIO'
  | 'MEDIA_FORMAT_UNSUPPORTED'
  | 'MEDIA_KIND_MISMATCH'
  | 'MEDIA_KIND_NOT_SUPPORTED'
  | 'MEDIA_NOT_FOUND'
  | 'MEDIA_NOT_READY'
  | 'MEDIA_NOT_SUPPORTED_YET'
  | 'MEDIA_REQUIRED'
  | 'MEDIA_URL_NOT_PUBLIC'
  | 'MIXED_MEDIA'
  | 'NO_TARGETS'
  | 'PLATFORM_NOT_SUPPORTED'
  | 'POST_ALREADY_STARTED'
  | 'POST_IN_FLIGHT'
  | 'POST_NOT_CANCELLABLE'
  | 'POST_NOT_EDITABLE'
  | 'POST_NOT_FOUND'
  | 'RATE_LIMITED'
  | 'SCHEDULED_IN_PAST'
  | 'SUBREDDIT_REQUIRED'
  | 'TARGET_ALREADY_DELETED'
  | 'TARGET_NOT_FOUND'
  | 'TARGET_NOT_PUBLISHED'
  | 'TARGET_NOT_RETRYABLE'
  | 'TARGET_NOT_UNCONFIRMED'
  | 'TEXT_TOO_LONG'
  | 'TEXT_TOO_MANY_BYTES'
  | 'THREADS_NOT_SUPPORTED'
  | 'TITLE_REQUIRED'
  | 'TITLE_TOO_LONG'
  | 'TOO_MANY_HASHTAGS'
  | 'TOO_MANY_IMAGES'
  | 'TOO_MANY_LANGS'
  | 'TOO_MANY_LINKS'
  | 'TOO_MANY_MEDIA'
  | 'TOO_MANY_TARGETS'
  | 'TOO_MANY_THREAD_PARTS'
  | 'TOO_MANY_VIDEOS'
  | 'VIDEO_TOO_LARGE'
  | 'VIDEO_TOO_LONG'
  | 'VIDEO_TOO_SHORT'
  | 'WORKSPACE_NOT_FOUND';

/** A new post. Without scheduledAt it is a DRAFT. */
export type PostCreateInput = {
  mediaIds?: Array<string | number> | null | undefined;
  /** With a UTC offset. */
  scheduledAt?: string | null | undefined;
  targets: Array<PostTargetInput>;
  text: string;
  thread?: Array<ThreadPartInput> | null | undefined;
  workspaceId: string | number;
};

/** Why postDelete refused. */
export type PostDeleteErrorCode =
  | 'ACCOUNT_DISCONNECTED'
  | 'ACCOUNT_NEEDS_REAUTH'
  | 'ACCOUNT_NOT_FOUND'
  | 'DELETE_FAILED'
  | 'DELETE_NOT_SUPPORTED'
  | 'DUPLICATE_MEDIA'
  | 'DUPLICATE_TARGET'
  | 'EMPTY_POST'
  | 'IMAGE_TOO_LARGE'
  | 'INVALID_DATETIME'
  | 'INVALID_ID'
  | 'INVALID_LANG'
  | 'INVALID_LINK'
  | 'INVALID_OPTION'
  | 'INVALID_QUOTE_URI'
  | 'INVALID_REPLY_URI'
  | 'INVALID_SUBREDDIT'
  | 'MEDIA_ASPECT_RATIO'
  | 'MEDIA_FORMAT_UNSUPPORTED'
  | 'MEDIA_KIND_MISMATCH'
  | 'MEDIA_KIND_NOT_SUPPORTED'
  | 'MEDIA_NOT_FOUND'
  | 'MEDIA_NOT_READY'
  | 'MEDIA_NOT_SUPPORTED_YET'
  | 'MEDIA_REQUIRED'
  | 'MEDIA_URL_NOT_PUBLIC'
  | 'MIXED_MEDIA'
  | 'NO_TARGETS'
  | 'PLATFORM_NOT_SUPPORTED'
  | 'POST_ALREADY_STARTED'
  | 'POST_IN_FLIGHT'
  | 'POST_NOT_CANCELLABLE'
  | 'POST_NOT_EDITABLE'
  | 'POST_NOT_FOUND'
  | 'RATE_LIMITED'
  | 'SCHEDULED_IN_PAST'
  | 'SUBREDDIT_REQUIRED'
  | 'TARGET_ALREADY_DELETED'
  | 'TARGET_NOT_FOUND'
  | 'TARGET_NOT_PUBLISHED'
  | 'TARGET_NOT_RETRYABLE'
  | 'TARGET_NOT_UNCONFIRMED'
  | 'TEXT_TOO_LONG'
  | 'TEXT_TOO_MANY_BYTES'
  | 'THREADS_NOT_SUPPORTED'
  | 'TITLE_REQUIRED'
  | 'TITLE_TOO_LONG'
  | 'TOO_MANY_HASHTAGS'
  | 'TOO_MANY_IMAGES'
  | 'TOO_MANY_LANGS'
  | 'TOO_MANY_LINKS'
  | 'TOO_MANY_MEDIA'
  | 'TOO_MANY_TARGETS'
  | 'TOO_MANY_THREAD_PARTS'
  | 'TOO_MANY_VIDEOS'
  | 'VIDEO_TOO_LARGE'
  | 'VIDEO_TOO_LONG'
  | 'VIDEO_TOO_SHORT'
  | 'WORKSPACE_NOT_FOUND';

/** Which posts to list; the fields given must all match. */
export type PostFilter = {
  /** Posts with a target on this account (one of another workspace matches nothing). */
  accountId?: string | number | null | undefined;
  /** Posts with a target on this network. */
  platform?: Platform | null | undefined;
  status?: PostStatus | null | undefined;
};

/** Why postPublishNow refused. */
export type PostPublishNowErrorCode =
  | 'ACCOUNT_DISCONNECTED'
  | 'ACCOUNT_NEEDS_REAUTH'
  | 'ACCOUNT_NOT_FOUND'
  | 'DELETE_FAILED'
  | 'DELETE_NOT_SUPPORTED'
  | 'DUPLICATE_MEDIA'
  | 'DUPLICATE_TARGET'
  | 'EMPTY_POST'
  | 'IMAGE_TOO_LARGE'
  | 'INVALID_DATETIME'
  | 'INVALID_ID'
  | 'INVALID_LANG'
  | 'INVALID_LINK'
  | 'INVALID_OPTION'
  | 'INVALID_QUOTE_URI'
  | 'INVALID_REPLY_URI'
  | 'INVALID_SUBREDDIT'
  | 'MEDIA_ASPECT_RATIO'
  | 'MEDIA_FORMAT_UNSUPPORTED'
  | 'MEDIA_KIND_MISMATCH'
  | 'MEDIA_KIND_NOT_SUPPORTED'
  | 'MEDIA_NOT_FOUND'
  | 'MEDIA_NOT_READY'
  | 'MEDIA_NOT_SUPPORTED_YET'
  | 'MEDIA_REQUIRED'
  | 'MEDIA_URL_NOT_PUBLIC'
  | 'MIXED_MEDIA'
  | 'NO_TARGETS'
  | 'PLATFORM_NOT_SUPPORTED'
  | 'POST_ALREADY_STARTED'
  | 'POST_IN_FLIGHT'
  | 'POST_NOT_CANCELLABLE'
  | 'POST_NOT_EDITABLE'
  | 'POST_NOT_FOUND'
  | 'RATE_LIMITED'
  | 'SCHEDULED_IN_PAST'
  | 'SUBREDDIT_REQUIRED'
  | 'TARGET_ALREADY_DELETED'
  | 'TARGET_NOT_FOUND'
  | 'TARGET_NOT_PUBLISHED'
  | 'TARGET_NOT_RETRYABLE'
  | 'TARGET_NOT_UNCONFIRMED'
  | 'TEXT_TOO_LONG'
  | 'TEXT_TOO_MANY_BYTES'
  | 'THREADS_NOT_SUPPORTED'
  | 'TITLE_REQUIRED'
  | 'TITLE_TOO_LONG'
  | 'TOO_MANY_HASHTAGS'
  | 'TOO_MANY_IMAGES'
  | 'TOO_MANY_LANGS'
  | 'TOO_MANY_LINKS'
  | 'TOO_MANY_MEDIA'
  | 'TOO_MANY_TARGETS'
  | 'TOO_MANY_THREAD_PARTS'
  | 'TOO_MANY_VIDEOS'
  | 'VIDEO_TOO_LARGE'
  | 'VIDEO_TOO_LONG'
  | 'VIDEO_TOO_SHORT'
  | 'WORKSPACE_NOT_FOUND';

/** Why postRewrite gave no text. */
export type PostRewriteErrorCode =
  | 'ACCOUNT_NOT_FOUND'
  | 'AI_BLOCKED'
  | 'AI_EMPTY'
  | 'AI_NOT_CONFIGURED'
  | 'AI_QUOTA_EXCEEDED'
  | 'AI_UNAVAILABLE'
  | 'BRIEF_REQUIRED'
  | 'BRIEF_TOO_LONG'
  | 'DUPLICATE_MEDIA'
  | 'DUPLICATE_PLATFORM'
  | 'INPUT_TOO_LONG'
  | 'INVALID_LANGUAGE'
  | 'INVALID_REQUEST_ID'
  | 'LANGUAGE_REQUIRED'
  | 'MEDIA_NOT_AN_IMAGE'
  | 'MEDIA_NOT_FOUND'
  | 'MEDIA_NOT_READY'
  | 'NO_PLATFORMS'
  | 'POST_NOT_FOUND'
  | 'REQUEST_ID_USED'
  | 'TARGET_NOT_FOUND'
  | 'TEXT_REQUIRED'
  | 'THREADS_NOT_SUPPORTED'
  | 'TONE_REQUIRED'
  | 'TONE_TOO_LONG'
  | 'TOO_MANY_MEDIA'
  | 'WORKSPACE_NOT_FOUND';

/** A post to rewrite for one network. */
export type PostRewriteInput = {
  instruction: RewriteInstruction;
  /** For TRANSLATE: a language tag. */
  language?: string | null | undefined;
  platform: Platform;
  text: string;
  /** For CHANGE_TONE: the tone to use. */
  tone?: string | null | undefined;
  workspaceId: string | number;
};

/** Why postSchedule refused. */
export type PostScheduleErrorCode =
  | 'ACCOUNT_DISCONNECTED'
  | 'ACCOUNT_NEEDS_REAUTH'
  | 'ACCOUNT_NOT_FOUND'
  | 'DELETE_FAILED'
  | 'DELETE_NOT_SUPPORTED'
  | 'DUPLICATE_MEDIA'
  | 'DUPLICATE_TARGET'
  | 'EMPTY_POST'
  | 'IMAGE_TOO_LARGE'
  | 'INVALID_DATETIME'
  | 'INVALID_ID'
  | 'INVALID_LANG'
  | 'INVALID_LINK'
  | 'INVALID_OPTION'
  | 'INVALID_QUOTE_URI'
  | 'INVALID_REPLY_URI'
  | 'INVALID_SUBREDDIT'
  | 'MEDIA_ASPECT_RATIO'
  | 'MEDIA_FORMAT_UNSUPPORTED'
  | 'MEDIA_KIND_MISMATCH'
  | 'MEDIA_KIND_NOT_SUPPORTED'
  | 'MEDIA_NOT_FOUND'
  | 'MEDIA_NOT_READY'
  | 'MEDIA_NOT_SUPPORTED_YET'
  | 'MEDIA_REQUIRED'
  | 'MEDIA_URL_NOT_PUBLIC'
  | 'MIXED_MEDIA'
  | 'NO_TARGETS'
  | 'PLATFORM_NOT_SUPPORTED'
  | 'POST_ALREADY_STARTED'
  | 'POST_IN_FLIGHT'
  | 'POST_NOT_CANCELLABLE'
  | 'POST_NOT_EDITABLE'
  | 'POST_NOT_FOUND'
  | 'RATE_LIMITED'
  | 'SCHEDULED_IN_PAST'
  | 'SUBREDDIT_REQUIRED'
  | 'TARGET_ALREADY_DELETED'
  | 'TARGET_NOT_FOUND'
  | 'TARGET_NOT_PUBLISHED'
  | 'TARGET_NOT_RETRYABLE'
  | 'TARGET_NOT_UNCONFIRMED'
  | 'TEXT_TOO_LONG'
  | 'TEXT_TOO_MANY_BYTES'
  | 'THREADS_NOT_SUPPORTED'
  | 'TITLE_REQUIRED'
  | 'TITLE_TOO_LONG'
  | 'TOO_MANY_HASHTAGS'
  | 'TOO_MANY_IMAGES'
  | 'TOO_MANY_LANGS'
  | 'TOO_MANY_LINKS'
  | 'TOO_MANY_MEDIA'
  | 'TOO_MANY_TARGETS'
  | 'TOO_MANY_THREAD_PARTS'
  | 'TOO_MANY_VIDEOS'
  | 'VIDEO_TOO_LARGE'
  | 'VIDEO_TOO_LONG'
  | 'VIDEO_TOO_SHORT'
  | 'WORKSPACE_NOT_FOUND';

/** When to publish. */
export type PostScheduleInput = {
  /** With a UTC offset; in the future. */
  scheduledAt: string;
};

/** A summary of the post's targets: PARTIALLY_PUBLISHED when some published and some failed. */
export type PostStatus =
  | 'CANCELLED'
  | 'DRAFT'
  | 'FAILED'
  | 'PARTIALLY_PUBLISHED'
  | 'PUBLISHED'
  | 'PUBLISHING'
  | 'SCHEDULED';

/** Why postTargetDelete refused; the post is still on its network. */
export type PostTargetDeleteErrorCode =
  | 'ACCOUNT_DISCONNECTED'
  | 'ACCOUNT_NEEDS_REAUTH'
  | 'ACCOUNT_NOT_FOUND'
  | 'DELETE_FAILED'
  | 'DELETE_NOT_SUPPORTED'
  | 'DUPLICATE_MEDIA'
  | 'DUPLICATE_TARGET'
  | 'EMPTY_POST'
  | 'IMAGE_TOO_LARGE'
  | 'INVALID_DATETIME'
  | 'INVALID_ID'
  | 'INVALID_LANG'
  | 'INVALID_LINK'
  | 'INVALID_OPTION'
  | 'INVALID_QUOTE_URI'
  | 'INVALID_REPLY_URI'
  | 'INVALID_SUBREDDIT'
  | 'MEDIA_ASPECT_RATIO'
  | 'MEDIA_FORMAT_UNSUPPORTED'
  | 'MEDIA_KIND_MISMATCH'
  | 'MEDIA_KIND_NOT_SUPPORTED'
  | 'MEDIA_NOT_FOUND'
  | 'MEDIA_NOT_READY'
  | 'MEDIA_NOT_SUPPORTED_YET'
  | 'MEDIA_REQUIRED'
  | 'MEDIA_URL_NOT_PUBLIC'
  | 'MIXED_MEDIA'
  | 'NO_TARGETS'
  | 'PLATFORM_NOT_SUPPORTED'
  | 'POST_ALREADY_STARTED'
  | 'POST_IN_FLIGHT'
  | 'POST_NOT_CANCELLABLE'
  | 'POST_NOT_EDITABLE'
  | 'POST_NOT_FOUND'
  | 'RATE_LIMITED'
  | 'SCHEDULED_IN_PAST'
  | 'SUBREDDIT_REQUIRED'
  | 'TARGET_ALREADY_DELETED'
  | 'TARGET_NOT_FOUND'
  | 'TARGET_NOT_PUBLISHED'
  | 'TARGET_NOT_RETRYABLE'
  | 'TARGET_NOT_UNCONFIRMED'
  | 'TEXT_TOO_LONG'
  | 'TEXT_TOO_MANY_BYTES'
  | 'THREADS_NOT_SUPPORTED'
  | 'TITLE_REQUIRED'
  | 'TITLE_TOO_LONG'
  | 'TOO_MANY_HASHTAGS'
  | 'TOO_MANY_IMAGES'
  | 'TOO_MANY_LANGS'
  | 'TOO_MANY_LINKS'
  | 'TOO_MANY_MEDIA'
  | 'TOO_MANY_TARGETS'
  | 'TOO_MANY_THREAD_PARTS'
  | 'TOO_MANY_VIDEOS'
  | 'VIDEO_TOO_LARGE'
  | 'VIDEO_TOO_LONG'
  | 'VIDEO_TOO_SHORT'
  | 'WORKSPACE_NOT_FOUND';

/** One account to publish to, optionally with its own text. */
export type PostTargetInput = {
  accountId: string | number;
  mediaIds?: Array<string | number> | null | undefined;
  options?: PostTargetOptionsInput | null | undefined;
  /** Replaces the post's text for this account. */
  text?: string | null | undefined;
};

/** Per-network options of a target; each network reads its own. */
export type PostTargetOptionsInput = {
  /** Instagram: a comment Herald adds right after publishing. */
  firstComment?: string | null | undefined;
  /** Reddit: a post flair id; some subreddits require one (FLAIR_REQUIRED). */
  flairId?: string | null | undefined;
  /** Instagram: FEED (default), REEL or STORY. */
  instagramKind?: InstagramKind | null | undefined;
  /** Bluesky: up to 3 language tags (BCP 47, like en or pt-BR). */
  langs?: Array<string> | null | undefined;
  /** Facebook: a link shared with the post (shown as a preview). Reddit: makes a link post to this address (the text is then not sent). */
  link?: string | null | undefined;
  /** Bluesky: quote this post (an at:// URI or a https://bsky.app/profile/<handle>/post/<id> link); with media the post quotes it and shows its own images or video. */
  quoteUri?: string | null | undefined;
  /** Bluesky: publish as a reply to this post (an at:// URI or a bsky.app post link); a thread continues under it. */
  replyToUri?: string | null | undefined;
  /** Reddit (required): r/<name> or <name>. */
  subreddit?: string | null | undefined;
  /** Reddit (required): at most 300 characters. */
  title?: string | null | undefined;
};

/** What a person found on the network. */
export type PostTargetOutcome =
  | 'FAILED'
  | 'PUBLISHED';

/** Why postTargetResolve refused. */
export type PostTargetResolveErrorCode =
  | 'ACCOUNT_DISCONNECTED'
  | 'ACCOUNT_NEEDS_REAUTH'
  | 'ACCOUNT_NOT_FOUND'
  | 'DELETE_FAILED'
  | 'DELETE_NOT_SUPPORTED'
  | 'DUPLICATE_MEDIA'
  | 'DUPLICATE_TARGET'
  | 'EMPTY_POST'
  | 'IMAGE_TOO_LARGE'
  | 'INVALID_DATETIME'
  | 'INVALID_ID'
  | 'INVALID_LANG'
  | 'INVALID_LINK'
  | 'INVALID_OPTION'
  | 'INVALID_QUOTE_URI'
  | 'INVALID_REPLY_URI'
  | 'INVALID_SUBREDDIT'
  | 'MEDIA_ASPECT_RATIO'
  | 'MEDIA_FORMAT_UNSUPPORTED'
  | 'MEDIA_KIND_MISMATCH'
  | 'MEDIA_KIND_NOT_SUPPORTED'
  | 'MEDIA_NOT_FOUND'
  | 'MEDIA_NOT_READY'
  | 'MEDIA_NOT_SUPPORTED_YET'
  | 'MEDIA_REQUIRED'
  | 'MEDIA_URL_NOT_PUBLIC'
  | 'MIXED_MEDIA'
  | 'NO_TARGETS'
  | 'PLATFORM_NOT_SUPPORTED'
  | 'POST_ALREADY_STARTED'
  | 'POST_IN_FLIGHT'
  | 'POST_NOT_CANCELLABLE'
  | 'POST_NOT_EDITABLE'
  | 'POST_NOT_FOUND'
  | 'RATE_LIMITED'
  | 'SCHEDULED_IN_PAST'
  | 'SUBREDDIT_REQUIRED'
  | 'TARGET_ALREADY_DELETED'
  | 'TARGET_NOT_FOUND'
  | 'TARGET_NOT_PUBLISHED'
  | 'TARGET_NOT_RETRYABLE'
  | 'TARGET_NOT_UNCONFIRMED'
  | 'TEXT_TOO_LONG'
  | 'TEXT_TOO_MANY_BYTES'
  | 'THREADS_NOT_SUPPORTED'
  | 'TITLE_REQUIRED'
  | 'TITLE_TOO_LONG'
  | 'TOO_MANY_HASHTAGS'
  | 'TOO_MANY_IMAGES'
  | 'TOO_MANY_LANGS'
  | 'TOO_MANY_LINKS'
  | 'TOO_MANY_MEDIA'
  | 'TOO_MANY_TARGETS'
  | 'TOO_MANY_THREAD_PARTS'
  | 'TOO_MANY_VIDEOS'
  | 'VIDEO_TOO_LARGE'
  | 'VIDEO_TOO_LONG'
  | 'VIDEO_TOO_SHORT'
  | 'WORKSPACE_NOT_FOUND';

/** What happened to an UNCONFIRMED target, as someone who checked says. */
export type PostTargetResolveInput = {
  /** With PUBLISHED: the link to the post on the network (http or https). */
  externalUrl?: string | null | undefined;
  outcome: PostTargetOutcome;
};

/** Why postTargetRetry refused. */
export type PostTargetRetryErrorCode =
  | 'ACCOUNT_DISCONNECTED'
  | 'ACCOUNT_NEEDS_REAUTH'
  | 'ACCOUNT_NOT_FOUND'
  | 'DELETE_FAILED'
  | 'DELETE_NOT_SUPPORTED'
  | 'DUPLICATE_MEDIA'
  | 'DUPLICATE_TARGET'
  | 'EMPTY_POST'
  | 'IMAGE_TOO_LARGE'
  | 'INVALID_DATETIME'
  | 'INVALID_ID'
  | 'INVALID_LANG'
  | 'INVALID_LINK'
  | 'INVALID_OPTION'
  | 'INVALID_QUOTE_URI'
  | 'INVALID_REPLY_URI'
  | 'INVALID_SUBREDDIT'
  | 'MEDIA_ASPECT_RATIO'
  | 'MEDIA_FORMAT_UNSUPPORTED'
  | 'MEDIA_KIND_MISMATCH'
  | 'MEDIA_KIND_NOT_SUPPORTED'
  | 'MEDIA_NOT_FOUND'
  | 'MEDIA_NOT_READY'
  | 'MEDIA_NOT_SUPPORTED_YET'
  | 'MEDIA_REQUIRED'
  | 'MEDIA_URL_NOT_PUBLIC'
  | 'MIXED_MEDIA'
  | 'NO_TARGETS'
  | 'PLATFORM_NOT_SUPPORTED'
  | 'POST_ALREADY_STARTED'
  | 'POST_IN_FLIGHT'
  | 'POST_NOT_CANCELLABLE'
  | 'POST_NOT_EDITABLE'
  | 'POST_NOT_FOUND'
  | 'RATE_LIMITED'
  | 'SCHEDULED_IN_PAST'
  | 'SUBREDDIT_REQUIRED'
  | 'TARGET_ALREADY_DELETED'
  | 'TARGET_NOT_FOUND'
  | 'TARGET_NOT_PUBLISHED'
  | 'TARGET_NOT_RETRYABLE'
  | 'TARGET_NOT_UNCONFIRMED'
  | 'TEXT_TOO_LONG'
  | 'TEXT_TOO_MANY_BYTES'
  | 'THREADS_NOT_SUPPORTED'
  | 'TITLE_REQUIRED'
  | 'TITLE_TOO_LONG'
  | 'TOO_MANY_HASHTAGS'
  | 'TOO_MANY_IMAGES'
  | 'TOO_MANY_LANGS'
  | 'TOO_MANY_LINKS'
  | 'TOO_MANY_MEDIA'
  | 'TOO_MANY_TARGETS'
  | 'TOO_MANY_THREAD_PARTS'
  | 'TOO_MANY_VIDEOS'
  | 'VIDEO_TOO_LARGE'
  | 'VIDEO_TOO_LONG'
  | 'VIDEO_TOO_SHORT'
  | 'WORKSPACE_NOT_FOUND';

/** DRAFT → SCHEDULED → QUEUED → PUBLISHING → PUBLISHED | FAILED | CANCELLED; UNCONFIRMED when Herald cannot tell whether the network published it (it never guesses by publishing again). */
export type PostTargetStatus =
  | 'CANCELLED'
  | 'DRAFT'
  | 'FAILED'
  | 'PUBLISHED'
  | 'PUBLISHING'
  | 'QUEUED'
  | 'SCHEDULED'
  | 'UNCONFIRMED';

/** What to do to a post. */
export type RewriteInstruction =
  | 'CHANGE_TONE'
  | 'SHORTEN'
  | 'SPLIT_THREAD'
  | 'TRANSLATE';

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

/** How a network measures a text: GRAPHEMES (user-perceived characters, an emoji family is one), CODE_POINTS (Unicode code points), META (code points, but an emoji counts its UTF-8 bytes). */
export type TextCounting =
  | 'CODE_POINTS'
  | 'GRAPHEMES'
  | 'META';

/** A further part of a thread. */
export type ThreadPartInput = {
  mediaIds?: Array<string | number> | null | undefined;
  text: string;
};

/** Why workspaceCreate refused. */
export type WorkspaceCreateErrorCode =
  | 'INVALID_TIMEZONE'
  | 'INVALID_WORKSPACE_NAME';

/** A new workspace. */
export type WorkspaceCreateInput = {
  /** 1 to 100 characters. */
  name: string;
  /** IANA time zone; UTC when omitted. */
  timezone?: string | null | undefined;
};

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

export type AnalyticsSumsFragment = { postsPublished: number, postsMeasured: number, likes: number | null, reposts: number | null, replies: number | null, quotes: number | null, views: number | null, reach: number | null, saves: number | null, score: number | null, upvoteRatio: number | null, engagement: number, engagementRate: number | null, followers: number | null };

export type AnalyticsPageQueryVariables = Exact<{
  workspaceId: string | number;
  from: string;
  to: string;
  granularity: Granularity;
}>;


export type AnalyticsPageQuery = { analyticsOverview: { timezone: string, granularity: Granularity, totals: { postsPublished: number, postsMeasured: number, likes: number | null, reposts: number | null, replies: number | null, quotes: number | null, views: number | null, reach: number | null, saves: number | null, score: number | null, upvoteRatio: number | null, engagement: number, engagementRate: number | null, followers: number | null }, networks: Array<{ platform: Platform, postsPublished: number, postsMeasured: number, likes: number | null, reposts: number | null, replies: number | null, quotes: number | null, views: number | null, reach: number | null, saves: number | null, score: number | null, upvoteRatio: number | null, engagement: number, engagementRate: number | null, followers: number | null }>, topPosts: Array<{ engagement: number, metrics: { collectedAt: string, likes: number | null, reposts: number | null, replies: number | null, quotes: number | null, views: number | null, saves: number | null }, target: { id: string, platform: Platform, text: string, publishedAt: string | null, externalUrl: string | null, account: { id: string, handle: string } } | null }>, buckets: Array<{ date: string, start: string, postsPublished: number, engagement: number }> }, postingHeatmap: Array<{ weekday: number, hour: number, posts: number, engagement: number, averageEngagement: number | null }>, socialAccounts: Array<{ id: string, platform: Platform, handle: string, status: SocialAccountStatus, followersHistory: Array<{ at: string, followers: number }> }> };

export type AnalyticsExportMutationVariables = Exact<{
  input: AnalyticsExportInput;
}>;


export type AnalyticsExportMutation = { analyticsExport: { url: string | null, expiresAt: string | null, userErrors: Array<{ code: AnalyticsExportErrorCode, message: string }> } };

export type AnalyticsUpdatedSubscriptionVariables = Exact<{
  workspaceId: string | number;
}>;


export type AnalyticsUpdatedSubscription = { analyticsUpdated: { eventId: string, issuedAt: string } };

export type ComposerCaptionGeneratedSubscriptionVariables = Exact<{
  requestId: string | number;
}>;


export type ComposerCaptionGeneratedSubscription = { captionGenerated: { requestId: string, platform: Platform, delta: string, done: boolean, text: string | null } };

export type ComposerCaptionGenerateMutationVariables = Exact<{
  input: CaptionGenerateInput;
}>;


export type ComposerCaptionGenerateMutation = { captionGenerate: { requestId: string | null, suggestions: Array<{ platform: Platform, text: string }>, userErrors: Array<{ code: CaptionGenerateErrorCode, message: string }> } };

export type ComposerPostRewriteMutationVariables = Exact<{
  input: PostRewriteInput;
}>;


export type ComposerPostRewriteMutation = { postRewrite: { text: string | null, parts: Array<string>, userErrors: Array<{ code: PostRewriteErrorCode, message: string }> } };

export type ComposerAltTextGenerateMutationVariables = Exact<{
  mediaId: string | number;
  language?: string | null | undefined;
}>;


export type ComposerAltTextGenerateMutation = { altTextGenerate: { altText: string | null, userErrors: Array<{ code: AltTextGenerateErrorCode, message: string }> } };

export type ComposerPlatformRulesQueryVariables = Exact<{ [key: string]: never; }>;


export type ComposerPlatformRulesQuery = { platformRules: Array<{ platform: Platform, label: string, mediaRequired: boolean, titleRequired: boolean, subredditRequired: boolean, threads: boolean, maxThreadPosts: number | null, firstComment: boolean, quote: boolean, reply: boolean, link: boolean, linkOption: boolean, langs: boolean, flair: boolean, text: { maxLength: number, counting: TextCounting, maxBytes: number | null, maxLinks: number | null, maxHashtags: number | null, titleMaxLength: number | null }, media: Array<{ variant: string | null, minItems: number, maxItems: number, maxVideos: number, imageTypes: Array<string>, videoTypes: Array<string> }> }> };

export type ComposerPostValidateQueryVariables = Exact<{
  input: PostCreateInput;
}>;


export type ComposerPostValidateQuery = { postValidate: { valid: boolean, userErrors: Array<{ code: PostCreateErrorCode, field: Array<string> | null, message: string }> } };

export type ComposerPostCreateMutationVariables = Exact<{
  input: PostCreateInput;
}>;


export type ComposerPostCreateMutation = { postCreate: { post: { id: string, status: PostStatus } | null, userErrors: Array<{ code: PostCreateErrorCode, field: Array<string> | null, message: string }> } };

export type ComposerPostPublishNowMutationVariables = Exact<{
  id: string | number;
}>;


export type ComposerPostPublishNowMutation = { postPublishNow: { post: { id: string, status: PostStatus } | null, userErrors: Array<{ code: PostPublishNowErrorCode, field: Array<string> | null, message: string }> } };

export type ComposerAssetFragment = { id: string, kind: MediaKind, status: MediaStatus, filename: string, rejectionReason: string | null, altText: string | null, width: number | null, height: number | null, thumbnailUrl: string | null, url: string | null };

export type ComposerMediaAssetsQueryVariables = Exact<{
  workspaceId: string | number;
}>;


export type ComposerMediaAssetsQuery = { mediaAssets: { edges: Array<{ node: { id: string, kind: MediaKind, status: MediaStatus, filename: string, rejectionReason: string | null, altText: string | null, width: number | null, height: number | null, thumbnailUrl: string | null, url: string | null } }> } };

export type ComposerMediaUploadCreateMutationVariables = Exact<{
  input: MediaUploadCreateInput;
}>;


export type ComposerMediaUploadCreateMutation = { mediaUploadCreate: { uploadUrl: string | null, uploadMethod: string | null, asset: { id: string, kind: MediaKind, status: MediaStatus, filename: string, rejectionReason: string | null, altText: string | null, width: number | null, height: number | null, thumbnailUrl: string | null, url: string | null } | null, uploadHeaders: Array<{ name: string, value: string }>, userErrors: Array<{ code: MediaUploadCreateErrorCode, message: string }> } };

export type ComposerMediaUploadCompleteMutationVariables = Exact<{
  id: string | number;
}>;


export type ComposerMediaUploadCompleteMutation = { mediaUploadComplete: { asset: { id: string, kind: MediaKind, status: MediaStatus, filename: string, rejectionReason: string | null, altText: string | null, width: number | null, height: number | null, thumbnailUrl: string | null, url: string | null } | null, userErrors: Array<{ code: MediaUploadCompleteErrorCode, message: string }> } };

export type ComposerMediaAssetUpdateMutationVariables = Exact<{
  id: string | number;
  altText?: string | null | undefined;
}>;


export type ComposerMediaAssetUpdateMutation = { mediaAssetUpdate: { asset: { id: string, kind: MediaKind, status: MediaStatus, filename: string, rejectionReason: string | null, altText: string | null, width: number | null, height: number | null, thumbnailUrl: string | null, url: string | null } | null, userErrors: Array<{ code: MediaAssetUpdateErrorCode, message: string }> } };

export type MediaPageQueryVariables = Exact<{
  workspaceId: string | number;
  filter?: MediaAssetFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type MediaPageQuery = { mediaAssets: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: MediaKind, status: MediaStatus, filename: string, rejectionReason: string | null, contentType: string | null, byteSize: number | null, width: number | null, height: number | null, durationSeconds: number | null, altText: string | null, createdAt: string, url: string | null, thumbnailUrl: string | null } }> } };

export type StorageUsageQueryVariables = Exact<{
  workspaceId: string | number;
}>;


export type StorageUsageQuery = { workspace: { id: string, storageUsage: { usedBytes: number, limitBytes: number } } | null };

export type MediaAssetUpdateMutationVariables = Exact<{
  id: string | number;
  input: MediaAssetUpdateInput;
}>;


export type MediaAssetUpdateMutation = { mediaAssetUpdate: { asset: { id: string, kind: MediaKind, status: MediaStatus, filename: string, rejectionReason: string | null, contentType: string | null, byteSize: number | null, width: number | null, height: number | null, durationSeconds: number | null, altText: string | null, createdAt: string, url: string | null, thumbnailUrl: string | null } | null, userErrors: Array<{ code: MediaAssetUpdateErrorCode, field: Array<string> | null, message: string }> } };

export type MediaAssetDeleteMutationVariables = Exact<{
  id: string | number;
}>;


export type MediaAssetDeleteMutation = { mediaAssetDelete: { deletedMediaAssetId: string | null, userErrors: Array<{ code: MediaAssetDeleteErrorCode, message: string }> } };

export type PostsMediaQueryVariables = Exact<{
  workspaceId: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type PostsMediaQuery = { posts: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, text: string, status: PostStatus, scheduledAt: string | null, media: Array<{ id: string }>, thread: Array<{ media: Array<{ id: string }> }>, targets: Array<{ status: PostTargetStatus, media: Array<{ id: string }> }> } }> } };

export type PostTargetItemFragment = { id: string, platform: Platform, status: PostTargetStatus, publishedAt: string | null, deletedAt: string | null, externalUrl: string | null, attempts: number, lastError: { code: string, message: string, retryable: boolean } | null, account: { id: string, handle: string, displayName: string | null } };

export type PostItemFragment = { id: string, text: string, status: PostStatus, scheduledAt: string | null, createdAt: string, targets: Array<{ id: string, platform: Platform, status: PostTargetStatus, publishedAt: string | null, deletedAt: string | null, externalUrl: string | null, attempts: number, lastError: { code: string, message: string, retryable: boolean } | null, account: { id: string, handle: string, displayName: string | null } }> };

export type PostsPageQueryVariables = Exact<{
  workspaceId: string | number;
  filter?: PostFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type PostsPageQuery = { posts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, text: string, status: PostStatus, scheduledAt: string | null, createdAt: string, targets: Array<{ id: string, platform: Platform, status: PostTargetStatus, publishedAt: string | null, deletedAt: string | null, externalUrl: string | null, attempts: number, lastError: { code: string, message: string, retryable: boolean } | null, account: { id: string, handle: string, displayName: string | null } }> } }> } };

export type PostStatusChangedSubscriptionVariables = Exact<{
  workspaceId: string | number;
  since?: string | number | null | undefined;
}>;


export type PostStatusChangedSubscription = { postStatusChanged: { eventId: string, post: { id: string, text: string, status: PostStatus, scheduledAt: string | null, createdAt: string, targets: Array<{ id: string, platform: Platform, status: PostTargetStatus, publishedAt: string | null, deletedAt: string | null, externalUrl: string | null, attempts: number, lastError: { code: string, message: string, retryable: boolean } | null, account: { id: string, handle: string, displayName: string | null } }> }, target: { id: string, platform: Platform, status: PostTargetStatus, publishedAt: string | null, deletedAt: string | null, externalUrl: string | null, attempts: number, lastError: { code: string, message: string, retryable: boolean } | null, account: { id: string, handle: string, displayName: string | null } } | null } };

export type WorkspaceAccountsQueryVariables = Exact<{
  workspaceId: string | number;
}>;


export type WorkspaceAccountsQuery = { socialAccounts: Array<{ id: string, platform: Platform, handle: string, displayName: string | null, status: SocialAccountStatus }> };

export type PostCancelMutationVariables = Exact<{
  id: string | number;
}>;


export type PostCancelMutation = { postCancel: { post: { id: string, text: string, status: PostStatus, scheduledAt: string | null, createdAt: string, targets: Array<{ id: string, platform: Platform, status: PostTargetStatus, publishedAt: string | null, deletedAt: string | null, externalUrl: string | null, attempts: number, lastError: { code: string, message: string, retryable: boolean } | null, account: { id: string, handle: string, displayName: string | null } }> } | null, userErrors: Array<{ code: PostCancelErrorCode, message: string }> } };

export type PostDeleteMutationVariables = Exact<{
  id: string | number;
}>;


export type PostDeleteMutation = { postDelete: { deletedPostId: string | null, userErrors: Array<{ code: PostDeleteErrorCode, message: string }> } };

export type PostTargetRetryMutationVariables = Exact<{
  id: string | number;
}>;


export type PostTargetRetryMutation = { postTargetRetry: { target: { id: string, status: PostTargetStatus } | null, userErrors: Array<{ code: PostTargetRetryErrorCode, message: string }> } };

export type PostTargetDeleteMutationVariables = Exact<{
  id: string | number;
}>;


export type PostTargetDeleteMutation = { postTargetDelete: { target: { id: string, deletedAt: string | null } | null, userErrors: Array<{ code: PostTargetDeleteErrorCode, message: string }> } };

export type PostScheduleMutationVariables = Exact<{
  id: string | number;
  input: PostScheduleInput;
}>;


export type PostScheduleMutation = { postSchedule: { post: { id: string, text: string, status: PostStatus, scheduledAt: string | null, createdAt: string, targets: Array<{ id: string, platform: Platform, status: PostTargetStatus, publishedAt: string | null, deletedAt: string | null, externalUrl: string | null, attempts: number, lastError: { code: string, message: string, retryable: boolean } | null, account: { id: string, handle: string, displayName: string | null } }> } | null, userErrors: Array<{ code: PostScheduleErrorCode, field: Array<string> | null, message: string }> } };

export type PostTargetResolveMutationVariables = Exact<{
  id: string | number;
  input: PostTargetResolveInput;
}>;


export type PostTargetResolveMutation = { postTargetResolve: { target: { id: string, platform: Platform, status: PostTargetStatus, publishedAt: string | null, deletedAt: string | null, externalUrl: string | null, attempts: number, lastError: { code: string, message: string, retryable: boolean } | null, account: { id: string, handle: string, displayName: string | null } } | null, userErrors: Array<{ code: PostTargetResolveErrorCode, field: Array<string> | null, message: string }> } };

export type CalendarEntriesQueryVariables = Exact<{
  workspaceId: string | number;
  from: string;
  to: string;
  first: number;
}>;


export type CalendarEntriesQuery = { calendarEntries: { truncated: boolean, entries: Array<{ at: string, target: { id: string, post: { id: string, text: string, status: PostStatus, scheduledAt: string | null, createdAt: string, targets: Array<{ id: string, platform: Platform, status: PostTargetStatus, publishedAt: string | null, deletedAt: string | null, externalUrl: string | null, attempts: number, lastError: { code: string, message: string, retryable: boolean } | null, account: { id: string, handle: string, displayName: string | null } }> } } }> } };

export type WorkspaceCreateMutationVariables = Exact<{
  input: WorkspaceCreateInput;
}>;


export type WorkspaceCreateMutation = { workspaceCreate: { workspace: { id: string, name: string, timezone: string } | null, userErrors: Array<{ code: WorkspaceCreateErrorCode, field: Array<string> | null, message: string }> } };

export type MediaAssetItemFragment = { id: string, kind: MediaKind, status: MediaStatus, filename: string, rejectionReason: string | null, contentType: string | null, byteSize: number | null, width: number | null, height: number | null, durationSeconds: number | null, altText: string | null, createdAt: string, url: string | null, thumbnailUrl: string | null };

export type MediaUploadCreateMutationVariables = Exact<{
  input: MediaUploadCreateInput;
}>;


export type MediaUploadCreateMutation = { mediaUploadCreate: { uploadUrl: string | null, uploadMethod: string | null, asset: { id: string, kind: MediaKind, status: MediaStatus, filename: string, rejectionReason: string | null, contentType: string | null, byteSize: number | null, width: number | null, height: number | null, durationSeconds: number | null, altText: string | null, createdAt: string, url: string | null, thumbnailUrl: string | null } | null, uploadHeaders: Array<{ name: string, value: string }>, userErrors: Array<{ code: MediaUploadCreateErrorCode, field: Array<string> | null, message: string }> } };

export type MediaUploadCompleteMutationVariables = Exact<{
  id: string | number;
}>;


export type MediaUploadCompleteMutation = { mediaUploadComplete: { asset: { id: string, kind: MediaKind, status: MediaStatus, filename: string, rejectionReason: string | null, contentType: string | null, byteSize: number | null, width: number | null, height: number | null, durationSeconds: number | null, altText: string | null, createdAt: string, url: string | null, thumbnailUrl: string | null } | null, userErrors: Array<{ code: MediaUploadCompleteErrorCode, field: Array<string> | null, message: string }> } };

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

export const AnalyticsSumsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnalyticsSums"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsTotals"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postsPublished"}},{"kind":"Field","name":{"kind":"Name","value":"postsMeasured"}},{"kind":"Field","name":{"kind":"Name","value":"likes"}},{"kind":"Field","name":{"kind":"Name","value":"reposts"}},{"kind":"Field","name":{"kind":"Name","value":"replies"}},{"kind":"Field","name":{"kind":"Name","value":"quotes"}},{"kind":"Field","name":{"kind":"Name","value":"views"}},{"kind":"Field","name":{"kind":"Name","value":"reach"}},{"kind":"Field","name":{"kind":"Name","value":"saves"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"upvoteRatio"}},{"kind":"Field","name":{"kind":"Name","value":"engagement"}},{"kind":"Field","name":{"kind":"Name","value":"engagementRate"}},{"kind":"Field","name":{"kind":"Name","value":"followers"}}]}}]} as unknown as DocumentNode<AnalyticsSumsFragment, unknown>;
export const ComposerAssetFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ComposerAsset"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MediaAsset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"altText"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]} as unknown as DocumentNode<ComposerAssetFragment, unknown>;
export const PostTargetItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostTargetItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PostTarget"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}},{"kind":"Field","name":{"kind":"Name","value":"externalUrl"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<PostTargetItemFragment, unknown>;
export const PostItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Post"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PostTargetItem"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostTargetItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PostTarget"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}},{"kind":"Field","name":{"kind":"Name","value":"externalUrl"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<PostItemFragment, unknown>;
export const MediaAssetItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MediaAssetItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MediaAsset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"altText"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}}]}}]} as unknown as DocumentNode<MediaAssetItemFragment, unknown>;
export const AccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Accounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"socialAccounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"workspaceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"missingCapabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"capability"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"oauthNetworks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"configured"}}]}}]}}]} as unknown as DocumentNode<AccountsQuery, AccountsQueryVariables>;
export const BlueskyAccountConnectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BlueskyAccountConnect"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BlueskyAccountConnectInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"blueskyAccountConnect"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<BlueskyAccountConnectMutation, BlueskyAccountConnectMutationVariables>;
export const OAuthStartDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OAuthStart"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OAuthStartInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"oauthStart"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authorizationUrl"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<OAuthStartMutation, OAuthStartMutationVariables>;
export const SocialAccountDisconnectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SocialAccountDisconnect"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"socialAccountDisconnect"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SocialAccountDisconnectMutation, SocialAccountDisconnectMutationVariables>;
export const AnalyticsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnalyticsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Granularity"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"analyticsOverview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"workspaceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"granularity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"granularity"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AnalyticsSums"}}]}},{"kind":"Field","name":{"kind":"Name","value":"networks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"postsPublished"}},{"kind":"Field","name":{"kind":"Name","value":"postsMeasured"}},{"kind":"Field","name":{"kind":"Name","value":"likes"}},{"kind":"Field","name":{"kind":"Name","value":"reposts"}},{"kind":"Field","name":{"kind":"Name","value":"replies"}},{"kind":"Field","name":{"kind":"Name","value":"quotes"}},{"kind":"Field","name":{"kind":"Name","value":"views"}},{"kind":"Field","name":{"kind":"Name","value":"reach"}},{"kind":"Field","name":{"kind":"Name","value":"saves"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"upvoteRatio"}},{"kind":"Field","name":{"kind":"Name","value":"engagement"}},{"kind":"Field","name":{"kind":"Name","value":"engagementRate"}},{"kind":"Field","name":{"kind":"Name","value":"followers"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topPosts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"engagement"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"collectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"likes"}},{"kind":"Field","name":{"kind":"Name","value":"reposts"}},{"kind":"Field","name":{"kind":"Name","value":"replies"}},{"kind":"Field","name":{"kind":"Name","value":"quotes"}},{"kind":"Field","name":{"kind":"Name","value":"views"}},{"kind":"Field","name":{"kind":"Name","value":"saves"}}]}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"externalUrl"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"buckets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"postsPublished"}},{"kind":"Field","name":{"kind":"Name","value":"engagement"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"postingHeatmap"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"workspaceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekday"}},{"kind":"Field","name":{"kind":"Name","value":"hour"}},{"kind":"Field","name":{"kind":"Name","value":"posts"}},{"kind":"Field","name":{"kind":"Name","value":"engagement"}},{"kind":"Field","name":{"kind":"Name","value":"averageEngagement"}}]}},{"kind":"Field","name":{"kind":"Name","value":"socialAccounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"workspaceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"followersHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"followers"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnalyticsSums"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsTotals"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postsPublished"}},{"kind":"Field","name":{"kind":"Name","value":"postsMeasured"}},{"kind":"Field","name":{"kind":"Name","value":"likes"}},{"kind":"Field","name":{"kind":"Name","value":"reposts"}},{"kind":"Field","name":{"kind":"Name","value":"replies"}},{"kind":"Field","name":{"kind":"Name","value":"quotes"}},{"kind":"Field","name":{"kind":"Name","value":"views"}},{"kind":"Field","name":{"kind":"Name","value":"reach"}},{"kind":"Field","name":{"kind":"Name","value":"saves"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"upvoteRatio"}},{"kind":"Field","name":{"kind":"Name","value":"engagement"}},{"kind":"Field","name":{"kind":"Name","value":"engagementRate"}},{"kind":"Field","name":{"kind":"Name","value":"followers"}}]}}]} as unknown as DocumentNode<AnalyticsPageQuery, AnalyticsPageQueryVariables>;
export const AnalyticsExportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AnalyticsExport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsExportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"analyticsExport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AnalyticsExportMutation, AnalyticsExportMutationVariables>;
export const AnalyticsUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"AnalyticsUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"analyticsUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"workspaceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}}]}}]}}]} as unknown as DocumentNode<AnalyticsUpdatedSubscription, AnalyticsUpdatedSubscriptionVariables>;
export const ComposerCaptionGeneratedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ComposerCaptionGenerated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"requestId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"captionGenerated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"requestId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"requestId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"delta"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]} as unknown as DocumentNode<ComposerCaptionGeneratedSubscription, ComposerCaptionGeneratedSubscriptionVariables>;
export const ComposerCaptionGenerateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ComposerCaptionGenerate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaptionGenerateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"captionGenerate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"suggestions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ComposerCaptionGenerateMutation, ComposerCaptionGenerateMutationVariables>;
export const ComposerPostRewriteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ComposerPostRewrite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PostRewriteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postRewrite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"parts"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ComposerPostRewriteMutation, ComposerPostRewriteMutationVariables>;
export const ComposerAltTextGenerateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ComposerAltTextGenerate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mediaId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"language"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"altTextGenerate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"mediaId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mediaId"}}},{"kind":"Argument","name":{"kind":"Name","value":"language"},"value":{"kind":"Variable","name":{"kind":"Name","value":"language"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"altText"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ComposerAltTextGenerateMutation, ComposerAltTextGenerateMutationVariables>;
export const ComposerPlatformRulesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ComposerPlatformRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platformRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"text"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxLength"}},{"kind":"Field","name":{"kind":"Name","value":"counting"}},{"kind":"Field","name":{"kind":"Name","value":"maxBytes"}},{"kind":"Field","name":{"kind":"Name","value":"maxLinks"}},{"kind":"Field","name":{"kind":"Name","value":"maxHashtags"}},{"kind":"Field","name":{"kind":"Name","value":"titleMaxLength"}}]}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"variant"}},{"kind":"Field","name":{"kind":"Name","value":"minItems"}},{"kind":"Field","name":{"kind":"Name","value":"maxItems"}},{"kind":"Field","name":{"kind":"Name","value":"maxVideos"}},{"kind":"Field","name":{"kind":"Name","value":"imageTypes"}},{"kind":"Field","name":{"kind":"Name","value":"videoTypes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mediaRequired"}},{"kind":"Field","name":{"kind":"Name","value":"titleRequired"}},{"kind":"Field","name":{"kind":"Name","value":"subredditRequired"}},{"kind":"Field","name":{"kind":"Name","value":"threads"}},{"kind":"Field","name":{"kind":"Name","value":"maxThreadPosts"}},{"kind":"Field","name":{"kind":"Name","value":"firstComment"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"reply"}},{"kind":"Field","name":{"kind":"Name","value":"link"}},{"kind":"Field","name":{"kind":"Name","value":"linkOption"}},{"kind":"Field","name":{"kind":"Name","value":"langs"}},{"kind":"Field","name":{"kind":"Name","value":"flair"}}]}}]}}]} as unknown as DocumentNode<ComposerPlatformRulesQuery, ComposerPlatformRulesQueryVariables>;
export const ComposerPostValidateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ComposerPostValidate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PostCreateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postValidate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ComposerPostValidateQuery, ComposerPostValidateQueryVariables>;
export const ComposerPostCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ComposerPostCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PostCreateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"post"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ComposerPostCreateMutation, ComposerPostCreateMutationVariables>;
export const ComposerPostPublishNowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ComposerPostPublishNow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postPublishNow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"post"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ComposerPostPublishNowMutation, ComposerPostPublishNowMutationVariables>;
export const ComposerMediaAssetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ComposerMediaAssets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mediaAssets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"workspaceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"READY"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ComposerAsset"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ComposerAsset"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MediaAsset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"altText"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]} as unknown as DocumentNode<ComposerMediaAssetsQuery, ComposerMediaAssetsQueryVariables>;
export const ComposerMediaUploadCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ComposerMediaUploadCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MediaUploadCreateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mediaUploadCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ComposerAsset"}}]}},{"kind":"Field","name":{"kind":"Name","value":"uploadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"uploadMethod"}},{"kind":"Field","name":{"kind":"Name","value":"uploadHeaders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ComposerAsset"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MediaAsset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"altText"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]} as unknown as DocumentNode<ComposerMediaUploadCreateMutation, ComposerMediaUploadCreateMutationVariables>;
export const ComposerMediaUploadCompleteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ComposerMediaUploadComplete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mediaUploadComplete"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ComposerAsset"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ComposerAsset"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MediaAsset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"altText"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]} as unknown as DocumentNode<ComposerMediaUploadCompleteMutation, ComposerMediaUploadCompleteMutationVariables>;
export const ComposerMediaAssetUpdateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ComposerMediaAssetUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"altText"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mediaAssetUpdate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"altText"},"value":{"kind":"Variable","name":{"kind":"Name","value":"altText"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ComposerAsset"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ComposerAsset"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MediaAsset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"altText"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]} as unknown as DocumentNode<ComposerMediaAssetUpdateMutation, ComposerMediaAssetUpdateMutationVariables>;
export const MediaPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MediaPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MediaAssetFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mediaAssets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"workspaceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MediaAssetItem"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MediaAssetItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MediaAsset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"altText"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}}]}}]} as unknown as DocumentNode<MediaPageQuery, MediaPageQueryVariables>;
export const StorageUsageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StorageUsage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workspace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"storageUsage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usedBytes"}},{"kind":"Field","name":{"kind":"Name","value":"limitBytes"}}]}}]}}]}}]} as unknown as DocumentNode<StorageUsageQuery, StorageUsageQueryVariables>;
export const MediaAssetUpdateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MediaAssetUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MediaAssetUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mediaAssetUpdate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MediaAssetItem"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MediaAssetItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MediaAsset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"altText"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}}]}}]} as unknown as DocumentNode<MediaAssetUpdateMutation, MediaAssetUpdateMutationVariables>;
export const MediaAssetDeleteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MediaAssetDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mediaAssetDelete"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedMediaAssetId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<MediaAssetDeleteMutation, MediaAssetDeleteMutationVariables>;
export const PostsMediaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PostsMedia"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"posts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"workspaceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"thread"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PostsMediaQuery, PostsMediaQueryVariables>;
export const PostsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PostsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PostFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"posts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"workspaceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PostItem"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostTargetItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PostTarget"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}},{"kind":"Field","name":{"kind":"Name","value":"externalUrl"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Post"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PostTargetItem"}}]}}]}}]} as unknown as DocumentNode<PostsPageQuery, PostsPageQueryVariables>;
export const PostStatusChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"PostStatusChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postStatusChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"workspaceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"post"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PostItem"}}]}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PostTargetItem"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostTargetItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PostTarget"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}},{"kind":"Field","name":{"kind":"Name","value":"externalUrl"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Post"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PostTargetItem"}}]}}]}}]} as unknown as DocumentNode<PostStatusChangedSubscription, PostStatusChangedSubscriptionVariables>;
export const WorkspaceAccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkspaceAccounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"socialAccounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"workspaceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<WorkspaceAccountsQuery, WorkspaceAccountsQueryVariables>;
export const PostCancelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PostCancel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postCancel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"post"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PostItem"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostTargetItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PostTarget"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}},{"kind":"Field","name":{"kind":"Name","value":"externalUrl"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Post"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PostTargetItem"}}]}}]}}]} as unknown as DocumentNode<PostCancelMutation, PostCancelMutationVariables>;
export const PostDeleteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PostDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postDelete"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedPostId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PostDeleteMutation, PostDeleteMutationVariables>;
export const PostTargetRetryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PostTargetRetry"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postTargetRetry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PostTargetRetryMutation, PostTargetRetryMutationVariables>;
export const PostTargetDeleteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PostTargetDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postTargetDelete"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PostTargetDeleteMutation, PostTargetDeleteMutationVariables>;
export const PostScheduleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PostSchedule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PostScheduleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postSchedule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"post"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PostItem"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostTargetItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PostTarget"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}},{"kind":"Field","name":{"kind":"Name","value":"externalUrl"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Post"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PostTargetItem"}}]}}]}}]} as unknown as DocumentNode<PostScheduleMutation, PostScheduleMutationVariables>;
export const PostTargetResolveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PostTargetResolve"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PostTargetResolveInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postTargetResolve"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PostTargetItem"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostTargetItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PostTarget"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}},{"kind":"Field","name":{"kind":"Name","value":"externalUrl"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<PostTargetResolveMutation, PostTargetResolveMutationVariables>;
export const CalendarEntriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CalendarEntries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"calendarEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"workspaceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"workspaceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"post"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PostItem"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostTargetItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PostTarget"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}},{"kind":"Field","name":{"kind":"Name","value":"externalUrl"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Post"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PostTargetItem"}}]}}]}}]} as unknown as DocumentNode<CalendarEntriesQuery, CalendarEntriesQueryVariables>;
export const WorkspaceCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WorkspaceCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkspaceCreateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workspaceCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workspace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<WorkspaceCreateMutation, WorkspaceCreateMutationVariables>;
export const MediaUploadCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MediaUploadCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MediaUploadCreateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mediaUploadCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MediaAssetItem"}}]}},{"kind":"Field","name":{"kind":"Name","value":"uploadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"uploadMethod"}},{"kind":"Field","name":{"kind":"Name","value":"uploadHeaders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MediaAssetItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MediaAsset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"altText"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}}]}}]} as unknown as DocumentNode<MediaUploadCreateMutation, MediaUploadCreateMutationVariables>;
export const MediaUploadCompleteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MediaUploadComplete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mediaUploadComplete"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MediaAssetItem"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MediaAssetItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MediaAsset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"altText"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}}]}}]} as unknown as DocumentNode<MediaUploadCompleteMutation, MediaUploadCompleteMutationVariables>;
export const LogInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LogInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<LogInMutation, LogInMutationVariables>;
export const SignUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SignUpMutation, SignUpMutationVariables>;
export const ShellDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Shell"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workspaces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}}]}}]}}]} as unknown as DocumentNode<ShellQuery, ShellQueryVariables>;
export const LogOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logOut"}}]}}]} as unknown as DocumentNode<LogOutMutation, LogOutMutationVariables>;