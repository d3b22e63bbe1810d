import { describe, expect, it } from "vitest";
import { formatBytes, postsUsing, type PostUsingMedia, storageFraction } from "./library";

describe("formatBytes", () => {
  it("says sizes in decimal units, and an unknown size as a dash", () => {
    expect(formatBytes(999)).toBe("999 B");
    expect(formatBytes(1500)).toBe("1.5 kB");
    expect(formatBytes(12_345_678)).toBe("12.3 MB");
    expect(formatBytes(250_000_000)).toBe("250 MB");
    expect(formatBytes(5e9)).toBe("5.0 GB");
    expect(formatBytes(null)).toBe("—");
  });
});

describe("storageFraction", () => {
  it("is the share used, never past full", () => {
    expect(storageFraction(250, 1000)).toBe(0.25);
    expect(storageFraction(2000, 1000)).toBe(1);
    expect(storageFraction(0, 0)).toBe(1);
  });
});

describe("postsUsing", () => {
  const post = (id: string, over: Partial<PostUsingMedia>): PostUsingMedia => ({
    id,
    text: id,
    status: "SCHEDULED",
    media: [],
    thread: [],
    targets: [{ status: "SCHEDULED", media: [] }],
    ...over,
  });

  it("finds the posts whose media, thread or targets hold the asset while a target may publish", () => {
    const posts = [
      post("in-media", { media: [{ id: "M1" }] }),
      post("in-thread", { thread: [{ media: [{ id: "M1" }] }] }),
      post("in-target", { targets: [{ status: "PUBLISHED", media: [{ id: "M1" }] }] }),
      post("other-media", { media: [{ id: "M2" }] }),
      post("cancelled", { media: [{ id: "M1" }], targets: [{ status: "CANCELLED", media: [] }] }),
      post("failed-target-only", { targets: [{ status: "FAILED", media: [{ id: "M1" }] }, { status: "SCHEDULED", media: [] }] }),
      post("draft", { media: [{ id: "M1" }], targets: [{ status: "DRAFT", media: [] }] }),
    ];
    expect(postsUsing(posts, "M1").map((p) => p.id)).toEqual(["in-media", "in-thread", "in-target", "draft"]);
  });
});
