/**
 * Text measured the way each network measures it, from the rules the server sends (`platformRules`): no
 * limit is written here, only the ways of counting. The algorithms are the server's
 * (`integrations/platforms/limits.py` and `bluesky_text.py`), so a counter agrees with `postValidate`:
 *
 * - GRAPHEMES: user-perceived characters (`Intl.Segmenter`), an emoji family is one (Bluesky);
 * - CODE_POINTS: Unicode code points;
 * - META: code points, but a grapheme holding an emoji (a pictograph, a flag's regional indicators or a
 *   keycap) counts its UTF-8 bytes (Threads);
 * - links and #hashtags as the Bluesky app detects them (`detectFacets` of `@atproto/api`, which the
 *   server's regular expressions port): http(s) URLs, and bare domains ending in a known TLD.
 */

import TLDS from "tlds";

export type TextCounting = "GRAPHEMES" | "CODE_POINTS" | "META";

export interface TextRules {
  readonly maxLength: number;
  readonly counting: TextCounting;
  readonly maxBytes?: number | null;
  readonly maxLinks?: number | null;
  readonly maxHashtags?: number | null;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const encoder = new TextEncoder();
const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u20e3]/u;

export function graphemeCount(text: string): number {
  return Array.from(graphemes.segment(text)).length;
}

export function codePointCount(text: string): number {
  return Array.from(text).length;
}

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/** Threads' count: an emoji is as long as its UTF-8 bytes, anything else one per code point. */
export function metaLength(text: string): number {
  let total = 0;
  for (const { segment } of graphemes.segment(text)) {
    total += EMOJI.test(segment) ? utf8Bytes(segment) : codePointCount(segment);
  }
  return total;
}

const COUNTERS: Record<TextCounting, (text: string) => number> = {
  GRAPHEMES: graphemeCount,
  CODE_POINTS: codePointCount,
  META: metaLength,
};

export function textLength(counting: TextCounting, text: string): number {
  return COUNTERS[counting](text);
}

// The whitespace of @atproto/api's expressions, spelled out (the server's are the same list).
const S = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff";
// No `u` flag: with it, [a-z] under `i` would also take "ſ" and the Kelvin sign, which the server's ASCII
// expression does not.
const URL = new RegExp(`(^|[${S}]|\\()((https?://[^${S}]+)|((?<domain>[a-z][a-z0-9]*(\\.[a-z0-9]+)+)[^${S}]*))`, "gim");
const ZERO_WIDTH = "\\u00ad\\u2060\\u200a\\u200b\\u200c\\u200d\\u20e2";
// The zero-width joiner in a class is meant: the server's expression has it too.
const TAG = new RegExp(
  // eslint-disable-next-line no-misleading-character-class
  `(^|[${S}])[#＃]((?!\\ufe0f)[^${S}${ZERO_WIDTH}]*[^0-9${S}\\p{P}${ZERO_WIDTH}]+[^${S}${ZERO_WIDTH}]*)?`,
  "gu",
);
const TRAILING_PUNCTUATION = /\p{P}+$/u;
const MAX_TAG_GRAPHEMES = 64; // the app.bsky.richtext.facet#tag lexicon's, which detection itself applies
const KNOWN_TLDS = new Set(TLDS);

/** http(s) links and bare domains with a known TLD (case-sensitive, like the Bluesky app), as written. */
export function links(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(URL)) {
    const url = match[2] ?? "";
    if (/^https?:\/\//i.test(url)) found.push(url);
    else {
      const domain = match.groups?.domain ?? "";
      const dot = domain.lastIndexOf(".");
      if (dot >= 0 && KNOWN_TLDS.has(domain.slice(dot + 1))) found.push(url);
    }
  }
  return found;
}

export function linkCount(text: string): number {
  return links(text).length;
}

/** #hashtags ("#1" is none, nor a tag over 64 graphemes). */
export function hashtagCount(text: string): number {
  let count = 0;
  for (const match of text.matchAll(TAG)) {
    const tag = (match[2] ?? "").replace(TRAILING_PUNCTUATION, "");
    if (tag && graphemeCount(tag) <= MAX_TAG_GRAPHEMES) count++;
  }
  return count;
}

/** One measure of a text against one limit: what the counter shows. */
export interface Measure {
  readonly kind: "length" | "bytes" | "links" | "hashtags";
  readonly label: string;
  readonly value: number;
  readonly max: number;
  /** The userErrors code the server answers when it is over. */
  readonly code: string;
}

const UNITS: Record<TextCounting, string> = {
  GRAPHEMES: "characters",
  CODE_POINTS: "characters",
  META: "characters (an emoji counts its bytes)",
};

/** Every limit `rules` sets, with `text` measured against it; only the limits the network has. */
export function measure(rules: TextRules, text: string): Measure[] {
  const found: Measure[] = [
    { kind: "length", label: UNITS[rules.counting], value: textLength(rules.counting, text), max: rules.maxLength, code: "TEXT_TOO_LONG" },
  ];
  if (rules.maxBytes != null) found.push({ kind: "bytes", label: "bytes", value: utf8Bytes(text), max: rules.maxBytes, code: "TEXT_TOO_MANY_BYTES" });
  if (rules.maxLinks != null) found.push({ kind: "links", label: "links", value: linkCount(text), max: rules.maxLinks, code: "TOO_MANY_LINKS" });
  if (rules.maxHashtags != null)
    found.push({ kind: "hashtags", label: "hashtags", value: hashtagCount(text), max: rules.maxHashtags, code: "TOO_MANY_HASHTAGS" });
  return found;
}

/** The codes the server would answer for `text` (the Python `text_violations`), in its order. */
export function violations(rules: TextRules, text: string): string[] {
  return measure(rules, text)
    .filter((m) => m.value > m.max)
    .map((m) => m.code);
}
