import { describe, expect, it } from "vitest";
import type { PostItemFragment } from "../../gql/graphql";
import { postsOfEntries } from "./useCalendarWindow";

const post = (id: string) => ({ id }) as unknown as PostItemFragment;

describe("calendar entries", () => {
  it("give each post once, in the order of its first target", () => {
    const entries = [
      { at: "2026-03-29T08:00:00Z", target: { id: "t1", post: post("p2") } },
      { at: "2026-03-29T09:00:00Z", target: { id: "t2", post: post("p1") } },
      { at: "2026-03-29T10:00:00Z", target: { id: "t3", post: post("p2") } },
    ];
    expect(postsOfEntries(entries).map((p) => p.id)).toEqual(["p2", "p1"]);
  });
});
