import { describe, expect, it } from "vitest";
import { composerErrors, tabHasErrors } from "./composerErrors";

const TARGETS = [
  { accountId: "bsky", ownText: false },
  { accountId: "reddit", ownText: true },
];

describe("the composer's errors", () => {
  it("go next to the field they name, each with its code", () => {
    const errors = composerErrors(
      [
        { code: "EMPTY_POST", message: "Write something.", field: ["text"] },
        { code: "TEXT_TOO_LONG", message: "Too long for Bluesky.", field: ["targets", "0", "text"] },
        { code: "ACCOUNT_NEEDS_REAUTH", message: "Reconnect it.", field: ["targets", "1", "accountId"] },
        { code: "NO_TARGETS", message: "Choose an account.", field: ["targets"] },
        { code: "SCHEDULED_IN_PAST", message: "This time has passed.", field: ["scheduledAt"] },
        { code: "MEDIA_NOT_READY", message: "Still checking.", field: ["mediaIds", "0"] },
        { code: "WORKSPACE_NOT_FOUND", message: "Gone.", field: null },
      ],
      TARGETS,
    );
    expect(errors.byField).toEqual({
      text: ["Write something. (EMPTY_POST)", "Too long for Bluesky. (TEXT_TOO_LONG)"],
      "bsky:text": ["Too long for Bluesky. (TEXT_TOO_LONG)"],
      accounts: ["Reconnect it. (ACCOUNT_NEEDS_REAUTH)", "Choose an account. (NO_TARGETS)"],
      scheduledAt: ["This time has passed. (SCHEDULED_IN_PAST)"],
      media: ["Still checking. (MEDIA_NOT_READY)"],
    });
    expect(errors.general).toEqual(["Gone. (WORKSPACE_NOT_FOUND)"]);
  });

  it("put a target's own text, media and options on that account's tab", () => {
    const errors = composerErrors(
      [
        { code: "TEXT_TOO_LONG", message: "Too long for Reddit.", field: ["targets", "1", "text"] },
        { code: "TITLE_REQUIRED", message: "Needs a title.", field: ["targets", "1", "options", "title"] },
        { code: "SUBREDDIT_REQUIRED", message: "Needs a subreddit.", field: ["targets", "1", "options", "subreddit"] },
        { code: "TOO_MANY_MEDIA", message: "Four at most.", field: ["targets", "0", "mediaIds"] },
        { code: "INVALID_LANG", message: "Not a language.", field: ["targets", "0", "options", "langs", "1"] },
        { code: "MEDIA_REQUIRED", message: "Add a photo.", field: ["targets", "0"] },
        { code: "TOO_MANY_THREAD_PARTS", message: "Too many parts.", field: ["thread", "2", "text"] },
        { code: "INVALID_ID", message: "No such account.", field: ["targets", "7", "text"] },
      ],
      TARGETS,
    );
    expect(errors.byField).toEqual({
      "reddit:text": ["Too long for Reddit. (TEXT_TOO_LONG)"],
      "reddit:title": ["Needs a title. (TITLE_REQUIRED)"],
      "reddit:subreddit": ["Needs a subreddit. (SUBREDDIT_REQUIRED)"],
      "bsky:media": ["Four at most. (TOO_MANY_MEDIA)"],
      "bsky:langs": ["Not a language. (INVALID_LANG)"],
      "bsky:target": ["Add a photo. (MEDIA_REQUIRED)"],
      "thread.2": ["Too many parts. (TOO_MANY_THREAD_PARTS)"],
      accounts: ["No such account. (INVALID_ID)"],
    });
    expect(errors.general).toEqual([]);
    expect(tabHasErrors(errors, "reddit")).toBe(3);
    expect(tabHasErrors(errors, "bsky")).toBe(3);
  });
});
