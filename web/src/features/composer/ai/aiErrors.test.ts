import { describe, expect, it } from "vitest";
import { aiErrorsText, aiErrorText, aiNotConfigured } from "./aiErrors";

describe("aiErrorText", () => {
  it.each([
    ["AI_QUOTA_EXCEEDED", /quota is used up/],
    ["AI_NOT_CONFIGURED", /not set up on this Herald/],
    ["AI_BLOCKED", /declined/],
    ["AI_EMPTY", /no text/],
    ["AI_UNAVAILABLE", /did not answer/],
  ])("says %s in words, with the code after", (code, words) => {
    const text = aiErrorText({ code, message: "raw server message" });
    expect(text).toMatch(words);
    expect(text.endsWith(`(${code})`)).toBe(true);
    expect(text).not.toContain("raw server message");
  });

  it("keeps the server's message for an input error", () => {
    expect(aiErrorText({ code: "BRIEF_REQUIRED", message: "Say what the post is about." })).toBe("Say what the post is about. (BRIEF_REQUIRED)");
  });

  it("never shows a code alone", () => {
    expect(aiErrorText({ code: "SOMETHING_NEW", message: " " })).toBe("The request was refused. (SOMETHING_NEW)");
  });
});

describe("aiErrorsText", () => {
  it("is null without errors and a sentence without a payload", () => {
    expect(aiErrorsText([])).toBeNull();
    expect(aiErrorsText(undefined)).toMatch(/could not be reached/);
  });

  it("tells AI_NOT_CONFIGURED apart", () => {
    expect(aiNotConfigured([{ code: "AI_NOT_CONFIGURED", message: "" }])).toBe(true);
    expect(aiNotConfigured([{ code: "AI_BLOCKED", message: "" }])).toBe(false);
    expect(aiNotConfigured(undefined)).toBe(false);
  });
});
