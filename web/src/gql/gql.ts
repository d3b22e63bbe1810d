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
    "\n  fragment AnalyticsSums on AnalyticsTotals {\n    postsPublished\n    postsMeasured\n    likes\n    reposts\n    replies\n    quotes\n    views\n    reach\n    saves\n    score\n    upvoteRatio\n    engagement\n    engagementRate\n    followers\n  }\n": typeof types.AnalyticsSumsFragmentDoc,
    "\n  query AnalyticsPage($workspaceId: ID!, $from: DateTime!, $to: DateTime!, $granularity: Granularity!) {\n    analyticsOverview(workspaceId: $workspaceId, from: $from, to: $to, granularity: $granularity) {\n      timezone\n      granularity\n      totals {\n        ...AnalyticsSums\n      }\n      networks {\n        platform\n        postsPublished\n        postsMeasured\n        likes\n        reposts\n        replies\n        quotes\n        views\n        reach\n        saves\n        score\n        upvoteRatio\n        engagement\n        engagementRate\n        followers\n      }\n      topPosts {\n        engagement\n        metrics {\n          collectedAt\n          likes\n          reposts\n          replies\n          quotes\n          views\n          saves\n        }\n        target {\n          id\n          platform\n          text\n          publishedAt\n          externalUrl\n          account {\n            id\n            handle\n          }\n        }\n      }\n      buckets {\n        date\n        start\n        postsPublished\n        engagement\n      }\n    }\n    postingHeatmap(workspaceId: $workspaceId) {\n      weekday\n      hour\n      posts\n      engagement\n      averageEngagement\n    }\n    socialAccounts(workspaceId: $workspaceId) {\n      id\n      platform\n      handle\n      status\n      followersHistory(from: $from, to: $to) {\n        at\n        followers\n      }\n    }\n  }\n": typeof types.AnalyticsPageDocument,
    "\n  mutation AnalyticsExport($input: AnalyticsExportInput!) {\n    analyticsExport(input: $input) {\n      url\n      expiresAt\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": typeof types.AnalyticsExportDocument,
    "\n  subscription AnalyticsUpdated($workspaceId: ID!) {\n    analyticsUpdated(workspaceId: $workspaceId) {\n      eventId\n      issuedAt\n    }\n  }\n": typeof types.AnalyticsUpdatedDocument,
    "\n  subscription ComposerCaptionGenerated($requestId: ID!) {\n    captionGenerated(requestId: $requestId) {\n      requestId\n      platform\n      delta\n      done\n      text\n    }\n  }\n": typeof types.ComposerCaptionGeneratedDocument,
    "\n  mutation ComposerCaptionGenerate($input: CaptionGenerateInput!) {\n    captionGenerate(input: $input) {\n      requestId\n      suggestions {\n        platform\n        text\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": typeof types.ComposerCaptionGenerateDocument,
    "\n  mutation ComposerPostRewrite($input: PostRewriteInput!) {\n    postRewrite(input: $input) {\n      text\n      parts\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": typeof types.ComposerPostRewriteDocument,
    "\n  mutation ComposerAltTextGenerate($mediaId: ID!, $language: String) {\n    altTextGenerate(mediaId: $mediaId, language: $language) {\n      altText\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": typeof types.ComposerAltTextGenerateDocument,
    "\n  query ComposerPlatformRules {\n    platformRules {\n      platform\n      label\n      text {\n        maxLength\n        counting\n        maxBytes\n        maxLinks\n        maxHashtags\n        titleMaxLength\n      }\n      media {\n        variant\n        minItems\n        maxItems\n        maxVideos\n        imageTypes\n        videoTypes\n      }\n      mediaRequired\n      titleRequired\n      subredditRequired\n      threads\n      maxThreadPosts\n      firstComment\n      quote\n      reply\n      link\n      linkOption\n      langs\n      flair\n    }\n  }\n": typeof types.ComposerPlatformRulesDocument,
    "\n  query ComposerPostValidate($input: PostCreateInput!) {\n    postValidate(input: $input) {\n      valid\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.ComposerPostValidateDocument,
    "\n  mutation ComposerPostCreate($input: PostCreateInput!) {\n    postCreate(input: $input) {\n      post {\n        id\n        status\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.ComposerPostCreateDocument,
    "\n  mutation ComposerPostPublishNow($id: ID!) {\n    postPublishNow(id: $id) {\n      post {\n        id\n        status\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.ComposerPostPublishNowDocument,
    "\n  fragment ComposerAsset on MediaAsset {\n    id\n    kind\n    status\n    filename\n    rejectionReason\n    altText\n    width\n    height\n    thumbnailUrl\n    url\n  }\n": typeof types.ComposerAssetFragmentDoc,
    "\n  query ComposerMediaAssets($workspaceId: ID!) {\n    mediaAssets(workspaceId: $workspaceId, filter: { status: READY }, first: 50) {\n      edges {\n        node {\n          ...ComposerAsset\n        }\n      }\n    }\n  }\n": typeof types.ComposerMediaAssetsDocument,
    "\n  mutation ComposerMediaUploadCreate($input: MediaUploadCreateInput!) {\n    mediaUploadCreate(input: $input) {\n      asset {\n        ...ComposerAsset\n      }\n      uploadUrl\n      uploadMethod\n      uploadHeaders {\n        name\n        value\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": typeof types.ComposerMediaUploadCreateDocument,
    "\n  mutation ComposerMediaUploadComplete($id: ID!) {\n    mediaUploadComplete(id: $id) {\n      asset {\n        ...ComposerAsset\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": typeof types.ComposerMediaUploadCompleteDocument,
    "\n  mutation ComposerMediaAssetUpdate($id: ID!, $altText: String) {\n    mediaAssetUpdate(id: $id, input: { altText: $altText }) {\n      asset {\n        ...ComposerAsset\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": typeof types.ComposerMediaAssetUpdateDocument,
    "\n  query MediaPage($workspaceId: ID!, $filter: MediaAssetFilter, $first: Int!, $after: String) {\n    mediaAssets(workspaceId: $workspaceId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...MediaAssetItem\n        }\n      }\n    }\n  }\n": typeof types.MediaPageDocument,
    "\n  query StorageUsage($workspaceId: ID!) {\n    workspace(id: $workspaceId) {\n      id\n      storageUsage {\n        usedBytes\n        limitBytes\n      }\n    }\n  }\n": typeof types.StorageUsageDocument,
    "\n  mutation MediaAssetUpdate($id: ID!, $input: MediaAssetUpdateInput!) {\n    mediaAssetUpdate(id: $id, input: $input) {\n      asset {\n        ...MediaAssetItem\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.MediaAssetUpdateDocument,
    "\n  mutation MediaAssetDelete($id: ID!) {\n    mediaAssetDelete(id: $id) {\n      deletedMediaAssetId\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": typeof types.MediaAssetDeleteDocument,
    "\n  query PostsMedia($workspaceId: ID!, $first: Int!, $after: String) {\n    posts(workspaceId: $workspaceId, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          text\n          status\n          scheduledAt\n          media {\n            id\n          }\n          thread {\n            media {\n              id\n            }\n          }\n          targets {\n            status\n            media {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.PostsMediaDocument,
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
    "\n  mutation PostTargetResolve($id: ID!, $input: PostTargetResolveInput!) {\n    postTargetResolve(id: $id, input: $input) {\n      target {\n        ...PostTargetItem\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.PostTargetResolveDocument,
    "\n  query CalendarEntries($workspaceId: ID!, $from: DateTime!, $to: DateTime!, $first: Int!) {\n    calendarEntries(workspaceId: $workspaceId, from: $from, to: $to, first: $first) {\n      truncated\n      entries {\n        at\n        target {\n          id\n          post {\n            ...PostItem\n          }\n        }\n      }\n    }\n  }\n": typeof types.CalendarEntriesDocument,
    "\n  mutation WorkspaceCreate($input: WorkspaceCreateInput!) {\n    workspaceCreate(input: $input) {\n      workspace {\n        id\n        name\n        timezone\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.WorkspaceCreateDocument,
    "\n  fragment MediaAssetItem on MediaAsset {\n    id\n    kind\n    status\n    filename\n    rejectionReason\n    contentType\n    byteSize\n    width\n    height\n    durationSeconds\n    altText\n    createdAt\n    url\n    thumbnailUrl\n  }\n": typeof types.MediaAssetItemFragmentDoc,
    "\n  mutation MediaUploadCreate($input: MediaUploadCreateInput!) {\n    mediaUploadCreate(input: $input) {\n      asset {\n        ...MediaAssetItem\n      }\n      uploadUrl\n      uploadMethod\n      uploadHeaders {\n        name\n        value\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.MediaUploadCreateDocument,
    "\n  mutation MediaUploadComplete($id: ID!) {\n    mediaUploadComplete(id: $id) {\n      asset {\n        ...MediaAssetItem\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.MediaUploadCompleteDocument,
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
    "\n  fragment AnalyticsSums on AnalyticsTotals {\n    postsPublished\n    postsMeasured\n    likes\n    reposts\n    replies\n    quotes\n    views\n    reach\n    saves\n    score\n    upvoteRatio\n    engagement\n    engagementRate\n    followers\n  }\n": types.AnalyticsSumsFragmentDoc,
    "\n  query AnalyticsPage($workspaceId: ID!, $from: DateTime!, $to: DateTime!, $granularity: Granularity!) {\n    analyticsOverview(workspaceId: $workspaceId, from: $from, to: $to, granularity: $granularity) {\n      timezone\n      granularity\n      totals {\n        ...AnalyticsSums\n      }\n      networks {\n        platform\n        postsPublished\n        postsMeasured\n        likes\n        reposts\n        replies\n        quotes\n        views\n        reach\n        saves\n        score\n        upvoteRatio\n        engagement\n        engagementRate\n        followers\n      }\n      topPosts {\n        engagement\n        metrics {\n          collectedAt\n          likes\n          reposts\n          replies\n          quotes\n          views\n          saves\n        }\n        target {\n          id\n          platform\n          text\n          publishedAt\n          externalUrl\n          account {\n            id\n            handle\n          }\n        }\n      }\n      buckets {\n        date\n        start\n        postsPublished\n        engagement\n      }\n    }\n    postingHeatmap(workspaceId: $workspaceId) {\n      weekday\n      hour\n      posts\n      engagement\n      averageEngagement\n    }\n    socialAccounts(workspaceId: $workspaceId) {\n      id\n      platform\n      handle\n      status\n      followersHistory(from: $from, to: $to) {\n        at\n        followers\n      }\n    }\n  }\n": types.AnalyticsPageDocument,
    "\n  mutation AnalyticsExport($input: AnalyticsExportInput!) {\n    analyticsExport(input: $input) {\n      url\n      expiresAt\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": types.AnalyticsExportDocument,
    "\n  subscription AnalyticsUpdated($workspaceId: ID!) {\n    analyticsUpdated(workspaceId: $workspaceId) {\n      eventId\n      issuedAt\n    }\n  }\n": types.AnalyticsUpdatedDocument,
    "\n  subscription ComposerCaptionGenerated($requestId: ID!) {\n    captionGenerated(requestId: $requestId) {\n      requestId\n      platform\n      delta\n      done\n      text\n    }\n  }\n": types.ComposerCaptionGeneratedDocument,
    "\n  mutation ComposerCaptionGenerate($input: CaptionGenerateInput!) {\n    captionGenerate(input: $input) {\n      requestId\n      suggestions {\n        platform\n        text\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": types.ComposerCaptionGenerateDocument,
    "\n  mutation ComposerPostRewrite($input: PostRewriteInput!) {\n    postRewrite(input: $input) {\n      text\n      parts\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": types.ComposerPostRewriteDocument,
    "\n  mutation ComposerAltTextGenerate($mediaId: ID!, $language: String) {\n    altTextGenerate(mediaId: $mediaId, language: $language) {\n      altText\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": types.ComposerAltTextGenerateDocument,
    "\n  query ComposerPlatformRules {\n    platformRules {\n      platform\n      label\n      text {\n        maxLength\n        counting\n        maxBytes\n        maxLinks\n        maxHashtags\n        titleMaxLength\n      }\n      media {\n        variant\n        minItems\n        maxItems\n        maxVideos\n        imageTypes\n        videoTypes\n      }\n      mediaRequired\n      titleRequired\n      subredditRequired\n      threads\n      maxThreadPosts\n      firstComment\n      quote\n      reply\n      link\n      linkOption\n      langs\n      flair\n    }\n  }\n": types.ComposerPlatformRulesDocument,
    "\n  query ComposerPostValidate($input: PostCreateInput!) {\n    postValidate(input: $input) {\n      valid\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.ComposerPostValidateDocument,
    "\n  mutation ComposerPostCreate($input: PostCreateInput!) {\n    postCreate(input: $input) {\n      post {\n        id\n        status\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.ComposerPostCreateDocument,
    "\n  mutation ComposerPostPublishNow($id: ID!) {\n    postPublishNow(id: $id) {\n      post {\n        id\n        status\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.ComposerPostPublishNowDocument,
    "\n  fragment ComposerAsset on MediaAsset {\n    id\n    kind\n    status\n    filename\n    rejectionReason\n    altText\n    width\n    height\n    thumbnailUrl\n    url\n  }\n": types.ComposerAssetFragmentDoc,
    "\n  query ComposerMediaAssets($workspaceId: ID!) {\n    mediaAssets(workspaceId: $workspaceId, filter: { status: READY }, first: 50) {\n      edges {\n        node {\n          ...ComposerAsset\n        }\n      }\n    }\n  }\n": types.ComposerMediaAssetsDocument,
    "\n  mutation ComposerMediaUploadCreate($input: MediaUploadCreateInput!) {\n    mediaUploadCreate(input: $input) {\n      asset {\n        ...ComposerAsset\n      }\n      uploadUrl\n      uploadMethod\n      uploadHeaders {\n        name\n        value\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": types.ComposerMediaUploadCreateDocument,
    "\n  mutation ComposerMediaUploadComplete($id: ID!) {\n    mediaUploadComplete(id: $id) {\n      asset {\n        ...ComposerAsset\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": types.ComposerMediaUploadCompleteDocument,
    "\n  mutation ComposerMediaAssetUpdate($id: ID!, $altText: String) {\n    mediaAssetUpdate(id: $id, input: { altText: $altText }) {\n      asset {\n        ...ComposerAsset\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": types.ComposerMediaAssetUpdateDocument,
    "\n  query MediaPage($workspaceId: ID!, $filter: MediaAssetFilter, $first: Int!, $after: String) {\n    mediaAssets(workspaceId: $workspaceId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...MediaAssetItem\n        }\n      }\n    }\n  }\n": types.MediaPageDocument,
    "\n  query StorageUsage($workspaceId: ID!) {\n    workspace(id: $workspaceId) {\n      id\n      storageUsage {\n        usedBytes\n        limitBytes\n      }\n    }\n  }\n": types.StorageUsageDocument,
    "\n  mutation MediaAssetUpdate($id: ID!, $input: MediaAssetUpdateInput!) {\n    mediaAssetUpdate(id: $id, input: $input) {\n      asset {\n        ...MediaAssetItem\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.MediaAssetUpdateDocument,
    "\n  mutation MediaAssetDelete($id: ID!) {\n    mediaAssetDelete(id: $id) {\n      deletedMediaAssetId\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n": types.MediaAssetDeleteDocument,
    "\n  query PostsMedia($workspaceId: ID!, $first: Int!, $after: String) {\n    posts(workspaceId: $workspaceId, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          text\n          status\n          scheduledAt\n          media {\n            id\n          }\n          thread {\n            media {\n              id\n            }\n          }\n          targets {\n            status\n            media {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": types.PostsMediaDocument,
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
    "\n  mutation PostTargetResolve($id: ID!, $input: PostTargetResolveInput!) {\n    postTargetResolve(id: $id, input: $input) {\n      target {\n        ...PostTargetItem\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.PostTargetResolveDocument,
    "\n  query CalendarEntries($workspaceId: ID!, $from: DateTime!, $to: DateTime!, $first: Int!) {\n    calendarEntries(workspaceId: $workspaceId, from: $from, to: $to, first: $first) {\n      truncated\n      entries {\n        at\n        target {\n          id\n          post {\n            ...PostItem\n          }\n        }\n      }\n    }\n  }\n": types.CalendarEntriesDocument,
    "\n  mutation WorkspaceCreate($input: WorkspaceCreateInput!) {\n    workspaceCreate(input: $input) {\n      workspace {\n        id\n        name\n        timezone\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.WorkspaceCreateDocument,
    "\n  fragment MediaAssetItem on MediaAsset {\n    id\n    kind\n    status\n    filename\n    rejectionReason\n    contentType\n    byteSize\n    width\n    height\n    durationSeconds\n    altText\n    createdAt\n    url\n    thumbnailUrl\n  }\n": types.MediaAssetItemFragmentDoc,
    "\n  mutation MediaUploadCreate($input: MediaUploadCreateInput!) {\n    mediaUploadCreate(input: $input) {\n      asset {\n        ...MediaAssetItem\n      }\n      uploadUrl\n      uploadMethod\n      uploadHeaders {\n        name\n        value\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.MediaUploadCreateDocument,
    "\n  mutation MediaUploadComplete($id: ID!) {\n    mediaUploadComplete(id: $id) {\n      asset {\n        ...MediaAssetItem\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.MediaUploadCompleteDocument,
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
export function graphql(source: "\n  fragment AnalyticsSums on AnalyticsTotals {\n    postsPublished\n    postsMeasured\n    likes\n    reposts\n    replies\n    quotes\n    views\n    reach\n    saves\n    score\n    upvoteRatio\n    engagement\n    engagementRate\n    followers\n  }\n"): (typeof documents)["\n  fragment AnalyticsSums on AnalyticsTotals {\n    postsPublished\n    postsMeasured\n    likes\n    reposts\n    replies\n    quotes\n    views\n    reach\n    saves\n    score\n    upvoteRatio\n    engagement\n    engagementRate\n    followers\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalyticsPage($workspaceId: ID!, $from: DateTime!, $to: DateTime!, $granularity: Granularity!) {\n    analyticsOverview(workspaceId: $workspaceId, from: $from, to: $to, granularity: $granularity) {\n      timezone\n      granularity\n      totals {\n        ...AnalyticsSums\n      }\n      networks {\n        platform\n        postsPublished\n        postsMeasured\n        likes\n        reposts\n        replies\n        quotes\n        views\n        reach\n        saves\n        score\n        upvoteRatio\n        engagement\n        engagementRate\n        followers\n      }\n      topPosts {\n        engagement\n        metrics {\n          collectedAt\n          likes\n          reposts\n          replies\n          quotes\n          views\n          saves\n        }\n        target {\n          id\n          platform\n          text\n          publishedAt\n          externalUrl\n          account {\n            id\n            handle\n          }\n        }\n      }\n      buckets {\n        date\n        start\n        postsPublished\n        engagement\n      }\n    }\n    postingHeatmap(workspaceId: $workspaceId) {\n      weekday\n      hour\n      posts\n      engagement\n      averageEngagement\n    }\n    socialAccounts(workspaceId: $workspaceId) {\n      id\n      platform\n      handle\n      status\n      followersHistory(from: $from, to: $to) {\n        at\n        followers\n      }\n    }\n  }\n"): (typeof documents)["\n  query AnalyticsPage($workspaceId: ID!, $from: DateTime!, $to: DateTime!, $granularity: Granularity!) {\n    analyticsOverview(workspaceId: $workspaceId, from: $from, to: $to, granularity: $granularity) {\n      timezone\n      granularity\n      totals {\n        ...AnalyticsSums\n      }\n      networks {\n        platform\n        postsPublished\n        postsMeasured\n        likes\n        reposts\n        replies\n        quotes\n        views\n        reach\n        saves\n        score\n        upvoteRatio\n        engagement\n        engagementRate\n        followers\n      }\n      topPosts {\n        engagement\n        metrics {\n          collectedAt\n          likes\n          reposts\n          replies\n          quotes\n          views\n          saves\n        }\n        target {\n          id\n          platform\n          text\n          publishedAt\n          externalUrl\n          account {\n            id\n            handle\n          }\n        }\n      }\n      buckets {\n        date\n        start\n        postsPublished\n        engagement\n      }\n    }\n    postingHeatmap(workspaceId: $workspaceId) {\n      weekday\n      hour\n      posts\n      engagement\n      averageEngagement\n    }\n    socialAccounts(workspaceId: $workspaceId) {\n      id\n      platform\n      handle\n      status\n      followersHistory(from: $from, to: $to) {\n        at\n        followers\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AnalyticsExport($input: AnalyticsExportInput!) {\n    analyticsExport(input: $input) {\n      url\n      expiresAt\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AnalyticsExport($input: AnalyticsExportInput!) {\n    analyticsExport(input: $input) {\n      url\n      expiresAt\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AnalyticsUpdated($workspaceId: ID!) {\n    analyticsUpdated(workspaceId: $workspaceId) {\n      eventId\n      issuedAt\n    }\n  }\n"): (typeof documents)["\n  subscription AnalyticsUpdated($workspaceId: ID!) {\n    analyticsUpdated(workspaceId: $workspaceId) {\n      eventId\n      issuedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ComposerCaptionGenerated($requestId: ID!) {\n    captionGenerated(requestId: $requestId) {\n      requestId\n      platform\n      delta\n      done\n      text\n    }\n  }\n"): (typeof documents)["\n  subscription ComposerCaptionGenerated($requestId: ID!) {\n    captionGenerated(requestId: $requestId) {\n      requestId\n      platform\n      delta\n      done\n      text\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ComposerCaptionGenerate($input: CaptionGenerateInput!) {\n    captionGenerate(input: $input) {\n      requestId\n      suggestions {\n        platform\n        text\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ComposerCaptionGenerate($input: CaptionGenerateInput!) {\n    captionGenerate(input: $input) {\n      requestId\n      suggestions {\n        platform\n        text\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ComposerPostRewrite($input: PostRewriteInput!) {\n    postRewrite(input: $input) {\n      text\n      parts\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ComposerPostRewrite($input: PostRewriteInput!) {\n    postRewrite(input: $input) {\n      text\n      parts\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ComposerAltTextGenerate($mediaId: ID!, $language: String) {\n    altTextGenerate(mediaId: $mediaId, language: $language) {\n      altText\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ComposerAltTextGenerate($mediaId: ID!, $language: String) {\n    altTextGenerate(mediaId: $mediaId, language: $language) {\n      altText\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComposerPlatformRules {\n    platformRules {\n      platform\n      label\n      text {\n        maxLength\n        counting\n        maxBytes\n        maxLinks\n        maxHashtags\n        titleMaxLength\n      }\n      media {\n        variant\n        minItems\n        maxItems\n        maxVideos\n        imageTypes\n        videoTypes\n      }\n      mediaRequired\n      titleRequired\n      subredditRequired\n      threads\n      maxThreadPosts\n      firstComment\n      quote\n      reply\n      link\n      linkOption\n      langs\n      flair\n    }\n  }\n"): (typeof documents)["\n  query ComposerPlatformRules {\n    platformRules {\n      platform\n      label\n      text {\n        maxLength\n        counting\n        maxBytes\n        maxLinks\n        maxHashtags\n        titleMaxLength\n      }\n      media {\n        variant\n        minItems\n        maxItems\n        maxVideos\n        imageTypes\n        videoTypes\n      }\n      mediaRequired\n      titleRequired\n      subredditRequired\n      threads\n      maxThreadPosts\n      firstComment\n      quote\n      reply\n      link\n      linkOption\n      langs\n      flair\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComposerPostValidate($input: PostCreateInput!) {\n    postValidate(input: $input) {\n      valid\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  query ComposerPostValidate($input: PostCreateInput!) {\n    postValidate(input: $input) {\n      valid\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  fragment ComposerAsset on MediaAsset {\n    id\n    kind\n    status\n    filename\n    rejectionReason\n    altText\n    width\n    height\n    thumbnailUrl\n    url\n  }\n"): (typeof documents)["\n  fragment ComposerAsset on MediaAsset {\n    id\n    kind\n    status\n    filename\n    rejectionReason\n    altText\n    width\n    height\n    thumbnailUrl\n    url\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComposerMediaAssets($workspaceId: ID!) {\n    mediaAssets(workspaceId: $workspaceId, filter: { status: READY }, first: 50) {\n      edges {\n        node {\n          ...ComposerAsset\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ComposerMediaAssets($workspaceId: ID!) {\n    mediaAssets(workspaceId: $workspaceId, filter: { status: READY }, first: 50) {\n      edges {\n        node {\n          ...ComposerAsset\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ComposerMediaUploadCreate($input: MediaUploadCreateInput!) {\n    mediaUploadCreate(input: $input) {\n      asset {\n        ...ComposerAsset\n      }\n      uploadUrl\n      uploadMethod\n      uploadHeaders {\n        name\n        value\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ComposerMediaUploadCreate($input: MediaUploadCreateInput!) {\n    mediaUploadCreate(input: $input) {\n      asset {\n        ...ComposerAsset\n      }\n      uploadUrl\n      uploadMethod\n      uploadHeaders {\n        name\n        value\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ComposerMediaUploadComplete($id: ID!) {\n    mediaUploadComplete(id: $id) {\n      asset {\n        ...ComposerAsset\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ComposerMediaUploadComplete($id: ID!) {\n    mediaUploadComplete(id: $id) {\n      asset {\n        ...ComposerAsset\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ComposerMediaAssetUpdate($id: ID!, $altText: String) {\n    mediaAssetUpdate(id: $id, input: { altText: $altText }) {\n      asset {\n        ...ComposerAsset\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ComposerMediaAssetUpdate($id: ID!, $altText: String) {\n    mediaAssetUpdate(id: $id, input: { altText: $altText }) {\n      asset {\n        ...ComposerAsset\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MediaPage($workspaceId: ID!, $filter: MediaAssetFilter, $first: Int!, $after: String) {\n    mediaAssets(workspaceId: $workspaceId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...MediaAssetItem\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MediaPage($workspaceId: ID!, $filter: MediaAssetFilter, $first: Int!, $after: String) {\n    mediaAssets(workspaceId: $workspaceId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...MediaAssetItem\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorageUsage($workspaceId: ID!) {\n    workspace(id: $workspaceId) {\n      id\n      storageUsage {\n        usedBytes\n        limitBytes\n      }\n    }\n  }\n"): (typeof documents)["\n  query StorageUsage($workspaceId: ID!) {\n    workspace(id: $workspaceId) {\n      id\n      storageUsage {\n        usedBytes\n        limitBytes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MediaAssetUpdate($id: ID!, $input: MediaAssetUpdateInput!) {\n    mediaAssetUpdate(id: $id, input: $input) {\n      asset {\n        ...MediaAssetItem\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MediaAssetUpdate($id: ID!, $input: MediaAssetUpdateInput!) {\n    mediaAssetUpdate(id: $id, input: $input) {\n      asset {\n        ...MediaAssetItem\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MediaAssetDelete($id: ID!) {\n    mediaAssetDelete(id: $id) {\n      deletedMediaAssetId\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MediaAssetDelete($id: ID!) {\n    mediaAssetDelete(id: $id) {\n      deletedMediaAssetId\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PostsMedia($workspaceId: ID!, $first: Int!, $after: String) {\n    posts(workspaceId: $workspaceId, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          text\n          status\n          scheduledAt\n          media {\n            id\n          }\n          thread {\n            media {\n              id\n            }\n          }\n          targets {\n            status\n            media {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PostsMedia($workspaceId: ID!, $first: Int!, $after: String) {\n    posts(workspaceId: $workspaceId, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          text\n          status\n          scheduledAt\n          media {\n            id\n          }\n          thread {\n            media {\n              id\n            }\n          }\n          targets {\n            status\n            media {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation PostTargetResolve($id: ID!, $input: PostTargetResolveInput!) {\n    postTargetResolve(id: $id, input: $input) {\n      target {\n        ...PostTargetItem\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PostTargetResolve($id: ID!, $input: PostTargetResolveInput!) {\n    postTargetResolve(id: $id, input: $input) {\n      target {\n        ...PostTargetItem\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CalendarEntries($workspaceId: ID!, $from: DateTime!, $to: DateTime!, $first: Int!) {\n    calendarEntries(workspaceId: $workspaceId, from: $from, to: $to, first: $first) {\n      truncated\n      entries {\n        at\n        target {\n          id\n          post {\n            ...PostItem\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CalendarEntries($workspaceId: ID!, $from: DateTime!, $to: DateTime!, $first: Int!) {\n    calendarEntries(workspaceId: $workspaceId, from: $from, to: $to, first: $first) {\n      truncated\n      entries {\n        at\n        target {\n          id\n          post {\n            ...PostItem\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkspaceCreate($input: WorkspaceCreateInput!) {\n    workspaceCreate(input: $input) {\n      workspace {\n        id\n        name\n        timezone\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation WorkspaceCreate($input: WorkspaceCreateInput!) {\n    workspaceCreate(input: $input) {\n      workspace {\n        id\n        name\n        timezone\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MediaAssetItem on MediaAsset {\n    id\n    kind\n    status\n    filename\n    rejectionReason\n    contentType\n    byteSize\n    width\n    height\n    durationSeconds\n    altText\n    createdAt\n    url\n    thumbnailUrl\n  }\n"): (typeof documents)["\n  fragment MediaAssetItem on MediaAsset {\n    id\n    kind\n    status\n    filename\n    rejectionReason\n    contentType\n    byteSize\n    width\n    height\n    durationSeconds\n    altText\n    createdAt\n    url\n    thumbnailUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MediaUploadCreate($input: MediaUploadCreateInput!) {\n    mediaUploadCreate(input: $input) {\n      asset {\n        ...MediaAssetItem\n      }\n      uploadUrl\n      uploadMethod\n      uploadHeaders {\n        name\n        value\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MediaUploadCreate($input: MediaUploadCreateInput!) {\n    mediaUploadCreate(input: $input) {\n      asset {\n        ...MediaAssetItem\n      }\n      uploadUrl\n      uploadMethod\n      uploadHeaders {\n        name\n        value\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MediaUploadComplete($id: ID!) {\n    mediaUploadComplete(id: $id) {\n      asset {\n        ...MediaAssetItem\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MediaUploadComplete($id: ID!) {\n    mediaUploadComplete(id: $id) {\n      asset {\n        ...MediaAssetItem\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
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