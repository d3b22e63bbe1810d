/** The media library's operations (the upload's own are in `src/media/upload.ts`). */

import { graphql } from "../../gql";

export const MediaPageQuery = graphql(`
  query MediaPage($workspaceId: ID!, $filter: MediaAssetFilter, $first: Int!, $after: String) {
    mediaAssets(workspaceId: $workspaceId, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...MediaAssetItem
        }
      }
    }
  }
`);

export const StorageUsageQuery = graphql(`
  query StorageUsage($workspaceId: ID!) {
    workspace(id: $workspaceId) {
      id
      storageUsage {
        usedBytes
        limitBytes
      }
    }
  }
`);

export const MediaAssetUpdateMutation = graphql(`
  mutation MediaAssetUpdate($id: ID!, $input: MediaAssetUpdateInput!) {
    mediaAssetUpdate(id: $id, input: $input) {
      asset {
        ...MediaAssetItem
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const MediaAssetDeleteMutation = graphql(`
  mutation MediaAssetDelete($id: ID!) {
    mediaAssetDelete(id: $id) {
      deletedMediaAssetId
      userErrors {
        code
        message
      }
    }
  }
`);

/** The posts with what holds their media, to name those that keep an asset (MEDIA_IN_USE). */
export const PostsMediaQuery = graphql(`
  query PostsMedia($workspaceId: ID!, $first: Int!, $after: String) {
    posts(workspaceId: $workspaceId, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          text
          status
          scheduledAt
          media {
            id
          }
          thread {
            media {
              id
            }
          }
          targets {
            status
            media {
              id
            }
          }
        }
      }
    }
  }
`);
