/**
 * The cases of the server's tests/unit/test_platform_limits.py, with the rules as `platformRules` answers
 * them (the fixture below is that answer, not a second source of the limits).
 */
import { describe, expect, it } from "vitest";
import { graphemeCount, hashtagCount, linkCount, measure, metaLength, type TextRules, utf8Bytes, violations } from "./textMeasure";

const RULES = {
  BLUESKY: { maxLength: 300, counting: "GRAPHEMES", maxBytes: 3000, maxLinks: null, maxHashtags: null },
  THREADS: { maxLength: 500, counting: "META", maxBytes: null, maxLinks: 5, maxHashtags: null },
  INSTAGRAM: { maxLength: 2200, counting: "CODE_POINTS", maxBytes: null, maxLinks: null, maxHashtags: 30 },
  REDDIT: { maxLength: 40000, counting: "CODE_POINTS", maxBytes: null, maxLinks: null, maxHashtags: null },
} satisfies Record<string, TextRules>;
const FAMILY = "👨‍👩‍👧‍👦"; // one grapheme, 25 UTF-8 bytes
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("text limits, counted as each network counts", () => {
  it.each([
    ["BLUESKY", "a".repeat(300), []],
    ["BLUESKY", "a".repeat(301), ["TEXT_TOO_LONG"]],
    ["BLUESKY", FAMILY.repeat(300), ["TEXT_TOO_MANY_BYTES"]],
    ["THREADS", "a".repeat(500), []],
    ["THREADS", "a".repeat(497) + "🚀", ["TEXT_TOO_LONG"]], // the rocket counts 4
    ["THREADS", "a".repeat(496) + "🚀", []],
    ["THREADS", range(5).map((i) => `https://x.test/${i}`).join(" "), []],
    ["THREADS", range(6).map((i) => `https://x.test/${i}`).join(" "), ["TOO_MANY_LINKS"]],
    ["INSTAGRAM", "a".repeat(2200), []],
    ["INSTAGRAM", "a".repeat(2201), ["TEXT_TOO_LONG"]],
    ["INSTAGRAM", range(30).map((i) => `#tag${i}`).join(" "), []],
    ["INSTAGRAM", range(31).map((i) => `#tag${i}`).join(" "), ["TOO_MANY_HASHTAGS"]],
    ["REDDIT", "a".repeat(40000), []],
  ] as const)("%s: %#", (platform, text, codes) => {
    expect(violations(RULES[platform], text)).toEqual(codes);
  });

  it("Meta counts an emoji by its bytes", () => {
    expect(metaLength("ab")).toBe(2);
    expect(metaLength("🚀")).toBe(4);
    expect(metaLength(FAMILY)).toBe(25);
    expect(metaLength("é")).toBe(1);
  });

  it("counts graphemes and bytes as Bluesky does", () => {
    expect(graphemeCount(FAMILY)).toBe(1);
    expect(utf8Bytes(FAMILY)).toBe(25);
    expect(graphemeCount("🇩🇪é")).toBe(2);
    const [length, bytes] = measure(RULES.BLUESKY, `${FAMILY} hi`);
    expect(length).toMatchObject({ value: 4, max: 300 });
    expect(bytes).toMatchObject({ value: 28, max: 3000 });
  });

  it("finds links and hashtags as the Bluesky app does", () => {
    expect(linkCount("see https://example.com/a. and example.com, not example.notatld or file.txt")).toBe(2);
    expect(linkCount("(https://x.test/1) example.COM")).toBe(1);
    expect(hashtagCount(`#one #two! #3 # #${"x".repeat(65)}`)).toBe(2);
    expect(hashtagCount(`#${"x".repeat(64)} x#no ＃full`)).toBe(2);
  });
});
