import { describe, expect, it } from "vitest";
import type { PostTargetStatus } from "../../gql/graphql";
import { canCancel, canDelete, canDeleteFromNetwork, canRetry, postBadge, POST_STATUSES, targetBadge, targetExplanation } from "./status";

describe("badges", () => {
  it("give every status words and an icon, never colour alone", () => {
    for (const status of POST_STATUSES) {
      expect(postBadge(status).label).toMatch(/\w/);
      expect(postBadge(status).icon).not.toBe("");
    }
    expect(targetBadge("UNCONFIRMED")).toMatchObject({ label: "Unconfirmed", icon: "?" });
  });
});

describe("explanations", () => {
  it("say UNCONFIRMED in words, naming the network", () => {
    expect(targetExplanation({ status: "UNCONFIRMED", platform: "THREADS" })).toMatch(
      /^We could not tell if Threads published it\. Check/,
    );
  });

  it("use the server's words for a failure, or say the network gave none", () => {
    const lastError = { code: "ACCOUNT_DISCONNECTED", message: "The account was disconnected; connect it again, then retry.", retryable: false };
    expect(targetExplanation({ status: "FAILED", platform: "BLUESKY", lastError })).toBe(lastError.message);
    expect(targetExplanation({ status: "FAILED", platform: "REDDIT", lastError: null })).toBe("Reddit did not publish it, and said no more.");
    expect(targetExplanation({ status: "PUBLISHED", platform: "BLUESKY" })).toBeNull();
  });
});

describe("what can be done", () => {
  it.each<[PostTargetStatus[], boolean, boolean]>([
    [["SCHEDULED"], true, true],
    [["QUEUED", "PUBLISHED"], true, false],
    [["PUBLISHING"], false, false],
    [["PUBLISHED", "FAILED"], false, true],
  ])("targets %j: cancel %s, delete %s", (statuses, cancel, del) => {
    expect(canCancel(statuses)).toBe(cancel);
    expect(canDelete(statuses)).toBe(del);
  });

  it("retries failed and unconfirmed targets, and deletes published Bluesky posts once", () => {
    expect(canRetry("FAILED") && canRetry("UNCONFIRMED") && !canRetry("PUBLISHED")).toBe(true);
    expect(canDeleteFromNetwork({ status: "PUBLISHED", platform: "BLUESKY" })).toBe(true);
    expect(canDeleteFromNetwork({ status: "PUBLISHED", platform: "BLUESKY", deletedAt: "2026-01-01T00:00:00Z" })).toBe(false);
    expect(canDeleteFromNetwork({ status: "PUBLISHED", platform: "THREADS" })).toBe(false);
  });
});
