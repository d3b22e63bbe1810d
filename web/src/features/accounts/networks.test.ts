import { describe, expect, it } from "vitest";
import { accountHandle, isOAuthNetwork, networkName, oauthStartMessage, statusBadge } from "./networks";

describe("statusBadge", () => {
  it("gives every status words and a tone", () => {
    expect(statusBadge("ACTIVE")).toEqual({ label: "Connected", tone: "good" });
    expect(statusBadge("NEEDS_REAUTH")).toEqual({ label: "Needs reconnecting", tone: "warning" });
    expect(statusBadge("DISCONNECTED")).toEqual({ label: "Disconnected", tone: "neutral" });
  });
});

describe("networkName", () => {
  it("names the networks, whatever the case, and copes with an unknown or missing one", () => {
    expect(networkName("BLUESKY")).toBe("Bluesky");
    expect(networkName("threads")).toBe("Threads");
    expect(networkName("MASTODON")).toBe("Mastodon");
    expect(networkName("")).toBe("The network");
    expect(networkName(null)).toBe("The network");
  });
});

describe("oauthStartMessage", () => {
  it("asks the admin to configure a network that is not configured", () => {
    expect(oauthStartMessage("NOT_CONFIGURED", "REDDIT", "REDDIT_CLIENT_ID is not set.")).toBe(
      "Ask your admin to configure Reddit",
    );
  });
  it("keeps the server's words for the other codes", () => {
    expect(oauthStartMessage("HTTP_REQUIRED", "THREADS", "Ask over HTTP.")).toBe("Ask over HTTP.");
  });
});

it("knows which networks connect with OAuth", () => {
  expect(isOAuthNetwork("THREADS")).toBe(true);
  expect(isOAuthNetwork("BLUESKY")).toBe(false);
});

it("writes a handle as its network does", () => {
  expect(accountHandle("BLUESKY", "alice.bsky.social")).toBe("@alice.bsky.social");
  expect(accountHandle("THREADS", "@ada")).toBe("@ada");
  expect(accountHandle("REDDIT", "ada")).toBe("u/ada");
  expect(accountHandle("REDDIT", "u/ada")).toBe("u/ada");
  expect(accountHandle("FACEBOOK", "Ada's Bakery")).toBe("Ada's Bakery");
});
