import { describe, expect, it } from "vitest";
import { canMove, placeByDay, postInstant } from "./placement";

const post = (id: string, scheduledAt: string | null, status = "SCHEDULED", publishedAt: string | null = null) => ({
  id,
  status,
  scheduledAt,
  targets: [{ status: status === "PUBLISHED" ? "PUBLISHED" : "SCHEDULED", publishedAt }],
});

describe("placing posts", () => {
  it("puts a post on its day and hour in the workspace's zone, in time order", () => {
    const days = placeByDay(
      [post("late", "2026-03-29T20:00:00Z"), post("early", "2026-03-28T23:30:00Z"), post("draft", null, "DRAFT")],
      "Europe/Berlin",
    );
    expect([...days.keys()]).toEqual(["2026-03-29"]);
    expect(days.get("2026-03-29")?.map((p) => [p.post.id, p.hour])).toEqual([
      ["early", 0],
      ["late", 22], // 20:00 UTC is 22:00 CEST after the change
    ]);
  });

  it("places a post published at once by when it was published", () => {
    expect(postInstant(post("now", null, "PUBLISHED", "2026-05-01T10:00:00Z"))?.toISOString()).toBe("2026-05-01T10:00:00.000Z");
  });

  it("moves only posts not started", () => {
    expect(canMove(post("a", "2026-05-01T10:00:00Z"))).toBe(true);
    expect(canMove(post("b", "2026-05-01T10:00:00Z", "PUBLISHED", "2026-05-01T10:00:01Z"))).toBe(false);
    expect(canMove({ status: "SCHEDULED", scheduledAt: "x", targets: [{ status: "QUEUED", publishedAt: null }] })).toBe(false);
  });
});
