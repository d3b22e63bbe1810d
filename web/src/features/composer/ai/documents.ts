/** The AI assist's operations: captions streamed per network, a rewrite, alt text for an image. */

import { graphql } from "../../../gql";

export const CaptionGeneratedSubscription = graphql(`
  subscription ComposerCaptionGenerated($requestId: ID!) {
    captionGenerated(requestId: $requestId) {
      requestId
      platform
      delta
      done
      text
    }
  }
`);

export const CaptionGenerateMutation = graphql(`
  mutation ComposerCaptionGenerate($input: CaptionGenerateInput!) {
    captionGenerate(input: $input) {
      requestId
      suggestions {
        platform
        text
      }
      userErrors {
        code
        message
      }
    }
  }
`);

export const PostRewriteMutation = graphql(`
  mutation ComposerPostRewrite($input: PostRewriteInput!) {
    postRewrite(input: $input) {
      text
      parts
      userErrors {
        code
        message
      }
    }
  }
`);

export const AltTextGenerateMutation = graphql(`
  mutation ComposerAltTextGenerate($mediaId: ID!, $language: String) {
    altTextGenerate(mediaId: $mediaId, language: $language) {
      altText
      userErrors {
        code
        message
      }
    }
  }
`);
