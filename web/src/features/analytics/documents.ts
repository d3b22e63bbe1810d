/** The analytics page's operations. */

import { graphql } from "../../gql";

/** The sums the overview cards show, every network together. */
export const AnalyticsSumsFields = graphql(`
  fragment AnalyticsSums on AnalyticsTotals {
    postsPublished
    postsMeasured
    likes
    reposts
    replies
    quotes
    views
    reach
    saves
    score
    upvoteRatio
    engagement
    engagementRate
    followers
  }
`);

export const AnalyticsPageQuery = graphql(`
  query AnalyticsPage($workspaceId: ID!, $from: DateTime!, $to: DateTime!, $granularity: Granularity!) {
    analyticsOverview(workspaceId: $workspaceId, from: $from, to: $to, granularity: $granularity) {
      timezone
      granularity
      totals {
        ...AnalyticsSums
      }
      networks {
        platform
        postsPublished
        postsMeasured
        likes
        reposts
        replies
        quotes
        views
        reach
        saves
        score
        upvoteRatio
        engagement
        engagementRate
        followers
      }
      topPosts {
        engagement
        metrics {
          collectedAt
          likes
          reposts
          replies
          quotes
          views
          saves
        }
        target {
          id
          platform
          text
          publishedAt
          externalUrl
          account {
            id
            handle
          }
        }
      }
      buckets {
        date
        start
        postsPublished
        engagement
      }
    }
    postingHeatmap(workspaceId: $workspaceId) {
      weekday
      hour
      posts
      engagement
      averageEngagement
    }
    socialAccounts(workspaceId: $workspaceId) {
      id
      platform
      handle
      status
      followersHistory(from: $from, to: $to) {
        at
        followers
      }
    }
  }
`);

export const AnalyticsExportMutation = graphql(`
  mutation AnalyticsExport($input: AnalyticsExportInput!) {
    analyticsExport(input: $input) {
      url
      expiresAt
      userErrors {
        code
        message
      }
    }
  }
`);

export const AnalyticsUpdatedSubscription = graphql(`
  subscription AnalyticsUpdated($workspaceId: ID!) {
    analyticsUpdated(workspaceId: $workspaceId) {
      eventId
      issuedAt
    }
  }
`);
