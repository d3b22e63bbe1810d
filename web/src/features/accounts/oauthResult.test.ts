import { describe, expect, it } from "vitest";
import { oauthResultTitle, parseOAuthResult } from "./oauthResult";

describe("parseOAuthResult", () => {
  it("reads a success with its count", () => {
    const result = parseOAuthResult("?platform=INSTAGRAM&status=connected&connected=2&workspaceId=V29y");
    expect(result).toEqual({ kind: "connected", network: "Instagram", count: 2 });
    expect(oauthResultTitle(result)).toBe("Instagram connected: 2 accounts");
    expect(oauthResultTitle({ kind: "connected", network: "Reddit", count: 1 })).toBe("Reddit connected: 1 account");
  });

  it("reads an error with the server's message", () => {
    const result = parseOAuthResult("platform=THREADS&status=error&error=ACCESS_DENIED&message=You+declined.");
    expect(result).toEqual({ kind: "error", network: "Threads", code: "ACCESS_DENIED", message: "You declined." });
    expect(oauthResultTitle(result)).toBe("Threads was not connected");
  });

  it("has words for an error without a message, and never reads junk as a success", () => {
    expect(parseOAuthResult("platform=FACEBOOK&status=error&error=BROWSER_MISMATCH")).toMatchObject({
      code: "BROWSER_MISMATCH",
      message: expect.stringMatching(/another browser/),
    });
    expect(parseOAuthResult("")).toEqual({
      kind: "error",
      network: "The network",
      code: "UNKNOWN",
      message: "The connection did not complete. Try again.",
    });
    expect(parseOAuthResult("status=connected&connected=lots&platform=REDDIT")).toEqual({
      kind: "connected",
      network: "Reddit",
      count: 0,
    });
  });
});
