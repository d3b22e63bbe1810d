import { describe, expect, it } from "vitest";
import { matchesFilters, readFilters, writeFilters } from "./filters";

const post = {
  status: "SCHEDULED" as const,
  targets: [
    { platform: "BLUESKY" as const, account: { id: "acc-1" } },
    { platform: "REDDIT" as const, account: { id: "acc-2" } },
  ],
};

describe("post filters", () => {
  it("round-trip through the URL and ignore values they do not know", () => {
    const filters = readFilters(new URLSearchParams("status=FAILED&network=BLUESKY&account=acc-1"));
    expect(filters).toEqual({ status: "FAILED", network: "BLUESKY", accountId: "acc-1" });
    expect(writeFilters(filters).toString()).toBe("status=FAILED&network=BLUESKY&account=acc-1");
    expect(readFilters(new URLSearchParams("status=LOST&network=MYSPACE"))).toEqual({ status: null, network: null, accountId: null });
  });

  it.each([
    [{ status: null, network: null, accountId: null }, true],
    [{ status: "SCHEDULED" as const, network: "REDDIT" as const, accountId: null }, true],
    [{ status: "FAILED" as const, network: null, accountId: null }, false],
    [{ status: null, network: "THREADS" as const, accountId: null }, false],
    [{ status: null, network: null, accountId: "acc-2" }, true],
    [{ status: null, network: "BLUESKY" as const, accountId: "acc-3" }, false],
  ])("%j matches: %s", (filters, expected) => {
    expect(matchesFilters(post, filters)).toBe(expected);
  });
});
