/** The composer's operations: the networks' rules, the dry run, saving, and media. */

import { graphql } from "../../gql";

export const PlatformRulesQuery = graphql(`
  query ComposerPlatformRules {
    platformRules {
      platform
      label
      text {
        maxLength
        counting
        maxBytes
        maxLinks
        maxHashtags
        titleMaxLength
      }
      media {
        variant
        minItems
        maxItems
        maxVideos
        imageTypes
        videoTypes
      }
      mediaRequired
      titleRequired
      subredditRequired
      threads
      maxThreadPosts
      firstComment
      quote
      reply
      link
      linkOption
      langs
      flair
    }
  }
`);

export const PostValidateQuery = graphql(`
  query ComposerPostValidate($input: PostCreateInput!) {
    postValidate(input: $input) {
      valid
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const PostCreateMutation = graphql(`
  mutation ComposerPostCreate($input: PostCreateInput!) {
    postCreate(input: $input) {
      post {
        id
        status
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const PostPublishNowMutation = graphql(`
  mutation ComposerPostPublishNow($id: ID!) {
    postPublishNow(id: $id) {
      post {
        id
        status
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const ComposerAssetFields = graphql(`
  fragment ComposerAsset on MediaAsset {
    id
    kind
    status
    filename
    rejectionReason
    altText
    width
    height
    thumbnailUrl
    url
  }
`);

export const MediaAssetsQuery = graphql(`
  query ComposerMediaAssets($workspaceId: ID!) {
    mediaAssets(workspaceId: $workspaceId, filter: { status: READY }, first: 50) {
      edges {
        node {
          ...ComposerAsset
        }
      }
    }
  }
`);

export const MediaUploadCreateMutation = graphql(`
  mutation ComposerMediaUploadCreate($input: MediaUploadCreateInput!) {
    mediaUploadCreate(input: $input) {
      asset {
        ...ComposerAsset
      }
      uploadUrl
      uploadMethod
      uploadHeaders {
        name
        value
      }
      userErrors {
        code
        message
      }
    }
  }
`);

export const MediaUploadCompleteMutation = graphql(`
  mutation ComposerMediaUploadComplete($id: ID!) {
    mediaUploadComplete(id: $id) {
      asset {
        ...ComposerAsset
      }
      userErrors {
        code
        message
      }
    }
  }
`);

export const MediaAssetUpdateMutation = graphql(`
  mutation ComposerMediaAssetUpdate($id: ID!, $altText: String) {
    mediaAssetUpdate(id: $id, input: { altText: $altText }) {
      asset {
        ...ComposerAsset
      }
      userErrors {
        code
        message
      }
    }
  }
`);
