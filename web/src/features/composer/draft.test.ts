import { describe, expect, it } from "vitest";
import { type Draft, emptyTarget, NO_OPTIONS, postInput, textFor } from "./draft";

const base: Draft = { text: "Hello", accountIds: ["bsky", "reddit"], mediaIds: ["m1", "m2"], thread: [], targets: {} };

describe("the composer's draft as PostCreateInput", () => {
  it("sends the base text and media once, and a target only what it changes", () => {
    const draft: Draft = {
      ...base,
      thread: [{ text: "Second" }, { text: "  " }],
      targets: {
        reddit: { text: "Own words", mediaIds: ["m2"], options: { ...NO_OPTIONS, subreddit: " r/herald ", title: "A title" } },
        bsky: { ...emptyTarget(), options: { ...NO_OPTIONS, langs: "en, pt-BR" } },
      },
    };
    expect(postInput(draft, "ws", "2026-03-29T07:30:00.000Z")).toEqual({
      workspaceId: "ws",
      text: "Hello",
      mediaIds: ["m1", "m2"],
      scheduledAt: "2026-03-29T07:30:00.000Z",
      thread: [{ text: "Second" }],
      targets: [
        { accountId: "bsky", options: { langs: ["en", "pt-BR"] } },
        { accountId: "reddit", text: "Own words", mediaIds: ["m2"], options: { subreddit: "r/herald", title: "A title" } },
      ],
    });
    expect(textFor(draft, "reddit")).toBe("Own words");
    expect(textFor(draft, "bsky")).toBe("Hello");
  });

  it("sends no media, thread or options when there are none", () => {
    expect(postInput({ ...base, mediaIds: [] }, "ws", null)).toEqual({
      workspaceId: "ws",
      text: "Hello",
      mediaIds: null,
      scheduledAt: null,
      thread: null,
      targets: [{ accountId: "bsky" }, { accountId: "reddit" }],
    });
  });
});
