/** The posts' operations, shared by the Posts page, the calendar and the composer. */

import { graphql } from "../../gql";

export const PostTargetItemFields = graphql(`
  fragment PostTargetItem on PostTarget {
    id
    platform
    status
    publishedAt
    deletedAt
    externalUrl
    attempts
    lastError {
      code
      message
      retryable
    }
    account {
      id
      handle
      displayName
    }
  }
`);

export const PostItemFields = graphql(`
  fragment PostItem on Post {
    id
    text
    status
    scheduledAt
    createdAt
    targets {
      ...PostTargetItem
    }
  }
`);

export const PostsPageQuery = graphql(`
  query PostsPage($workspaceId: ID!, $filter: PostFilter, $first: Int!, $after: String) {
    posts(workspaceId: $workspaceId, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...PostItem
        }
      }
    }
  }
`);

export const PostStatusChangedSubscription = graphql(`
  subscription PostStatusChanged($workspaceId: ID!, $since: ID) {
    postStatusChanged(workspaceId: $workspaceId, since: $since) {
      eventId
      post {
        ...PostItem
      }
      target {
        ...PostTargetItem
      }
    }
  }
`);

export const WorkspaceAccountsQuery = graphql(`
  query WorkspaceAccounts($workspaceId: ID!) {
    socialAccounts(workspaceId: $workspaceId) {
      id
      platform
      handle
      displayName
      status
    }
  }
`);

export const PostCancelMutation = graphql(`
  mutation PostCancel($id: ID!) {
    postCancel(id: $id) {
      post {
        ...PostItem
      }
      userErrors {
        code
        message
      }
    }
  }
`);

export const PostDeleteMutation = graphql(`
  mutation PostDelete($id: ID!) {
    postDelete(id: $id) {
      deletedPostId
      userErrors {
        code
        message
      }
    }
  }
`);

export const PostTargetRetryMutation = graphql(`
  mutation PostTargetRetry($id: ID!) {
    postTargetRetry(id: $id) {
      target {
        id
        status
      }
      userErrors {
        code
        message
      }
    }
  }
`);

export const PostTargetDeleteMutation = graphql(`
  mutation PostTargetDelete($id: ID!) {
    postTargetDelete(id: $id) {
      target {
        id
        deletedAt
      }
      userErrors {
        code
        message
      }
    }
  }
`);

export const PostScheduleMutation = graphql(`
  mutation PostSchedule($id: ID!, $input: PostScheduleInput!) {
    postSchedule(id: $id, input: $input) {
      post {
        ...PostItem
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
