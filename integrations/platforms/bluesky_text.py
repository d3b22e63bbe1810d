"""Bluesky's text rules, rich-text facets and record keys, as pure functions.

Nothing here touches the network, so every rule is testable on its own: when a post is written to the
PDS, `bluesky_threads` resolves the mentioned handles to DIDs and turns the detected spans into facets
with `build_facets`.

Facets are found as the Bluesky app finds them (`detectFacets` of `@atproto/api`), with the expressions
the atproto SDK ports from it: links with or without a scheme (a bare domain must end in a known TLD),
one trailing punctuation mark and an unbalanced ")" left out, `#tags`, `$CASHTAGS` (a tag facet holding
"$" and the ticker in upper case) and `@handle` mentions with any domain. Two deliberate differences: a
tag's length counts real grapheme clusters, and a feature inside a link is no facet of its own.

Offsets in atproto facets are UTF-8 byte offsets (end exclusive), never string indexes: a Python
index counts code points, which differs as soon as the text holds anything outside ASCII.
"""

from __future__ import annotations

import enum
import functools
import hashlib
import re
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass
from typing import Any

import regex

from integrations.platforms.base import Violation

# Limits of the `app.bsky.feed.post` lexicon: both apply, whichever is hit first.
MAX_GRAPHEMES = 300
MAX_BYTES = 3_000
# Limit of the `app.bsky.richtext.facet#tag` lexicon (a tag is stored without its `#`).
MAX_TAG_GRAPHEMES = 64

# Base32 "sortable" alphabet of TIDs: lexical order of the text equals numeric order of the value.
TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
TID_LENGTH = 13
_TID_TIMESTAMP_BITS = 53
_TID_CLOCK_ID_BITS = 10
_IDEMPOTENCY_TIMESTAMP_HEX = 16

_GRAPHEME = regex.compile(r"\X")
# The TypeScript client strips one of these from the end of a link, then a ")" when the link has no "(".
_LINK_TRAILING = ".,;:!?"


def grapheme_count(text: str) -> int:
    """Extended grapheme clusters in `text`: what a reader counts as characters (a flag is one)."""
    return sum(1 for _ in _GRAPHEME.finditer(text))


def text_violations(text: str) -> list[Violation]:
    """The length rules of a Bluesky post that `text` breaks; empty when it fits."""
    violations: list[Violation] = []
    graphemes = grapheme_count(text)
    if graphemes > MAX_GRAPHEMES:
        violations.append(
            Violation(
                code="TEXT_TOO_LONG",
                message=f"Bluesky allows {MAX_GRAPHEMES:,} characters; this text has {graphemes:,}.",
                field=("text",),
            )
        )
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        violations.append(
            Violation(
                code="TEXT_TOO_MANY_BYTES",
                message=(
                    f"Bluesky allows {MAX_BYTES:,} bytes of text; this text has {size:,} "
                    "(emoji and accented letters take several bytes each)."
                ),
                field=("text",),
            )
        )
    return violations


# --- facets ---------------------------------------------------------------------------------------------


class FacetKind(enum.StrEnum):
    """The rich-text features Herald detects in post text."""

    LINK = "link"
    MENTION = "mention"
    TAG = "tag"


@dataclass(frozen=True, slots=True)
class FacetSpan:
    """A detected feature: UTF-8 byte range (end exclusive) and its value.

    `value` is the URL of a link, the handle of a mention (lower case, without `@`), the tag (without
    `#`) or the cashtag (with its `$`, upper case).
    """

    kind: FacetKind
    byte_start: int
    byte_end: int
    value: str


class _ByteOffsets:
    """Converts string indexes of one text to UTF-8 byte offsets."""

    def __init__(self, text: str) -> None:
        self._text = text

    def __call__(self, index: int) -> int:
        return len(self._text[:index].encode("utf-8"))


@dataclass(frozen=True, slots=True)
class _FacetSyntax:
    url: re.Pattern[str]
    mention: re.Pattern[str]
    tag: re.Pattern[str]
    cashtag: re.Pattern[str]
    trailing_punctuation: re.Pattern[str]
    tlds: Set[str]
    valid_handle: Callable[[str], bool]


@functools.cache
def _syntax() -> _FacetSyntax:
    """The atproto SDK's facet expressions, TLDs and handle check, imported on first use: importing the
    SDK takes most of a second, which a starting post worker, scheduler or API should not wait for."""
    from atproto_client.models.string_formats import is_valid_handle
    from atproto_client.utils import facet_regexes as expressions
    from atproto_client.utils.facet_detection import tld_set

    return _FacetSyntax(
        url=expressions.URL_REGEX,
        mention=expressions.MENTION_REGEX,
        tag=expressions.TAG_REGEX,
        cashtag=expressions.CASHTAG_REGEX,
        trailing_punctuation=expressions.TRAILING_PUNCTUATION_REGEX,
        tlds=tld_set,
        valid_handle=is_valid_handle,
    )


def detect_links(text: str) -> list[FacetSpan]:
    """Links in `text` as the Bluesky app marks them: http(s) URLs, and bare domains with a known TLD
    (linked as https://), without the punctuation that ends the sentence around them."""
    at = _ByteOffsets(text)
    spans: list[FacetSpan] = []
    for match in _syntax().url.finditer(text):
        url, (start, end) = match.group(2), match.span(2)
        if not url.lower().startswith(("http://", "https://")):
            if not _known_tld(match.group("domain") or ""):
                continue
            url = f"https://{url}"
        if url[-1] in _LINK_TRAILING:
            url, end = url[:-1], end - 1
        if url.endswith(")") and "(" not in url:
            url, end = url[:-1], end - 1
        spans.append(FacetSpan(FacetKind.LINK, at(start), at(end), url))
    return spans


def detect_mentions(text: str) -> list[FacetSpan]:
    """`@handle.domain` mentions in `text`; the span covers the `@`. Handles are not resolved here.

    A handle must be valid and end in a known TLD (or `.test`, the AT Protocol's test domain)."""
    at = _ByteOffsets(text)
    spans: list[FacetSpan] = []
    syntax = _syntax()
    for match in syntax.mention.finditer(text):
        handle = match.group(3)
        if not syntax.valid_handle(handle) or not (_known_tld(handle) or handle.endswith(".test")):
            continue
        spans.append(FacetSpan(FacetKind.MENTION, at(match.start(2)), at(match.end(3)), handle.lower()))
    return spans


def detect_tags(text: str) -> list[FacetSpan]:
    """`#hashtags` in `text`; the span covers the `#`, the value does not."""
    at = _ByteOffsets(text)
    spans: list[FacetSpan] = []
    syntax = _syntax()
    for match in syntax.tag.finditer(text):
        tag = syntax.trailing_punctuation.sub("", match.group(2) or "")
        if not tag or grapheme_count(tag) > MAX_TAG_GRAPHEMES:
            continue
        start = match.end(1)
        spans.append(FacetSpan(FacetKind.TAG, at(start), at(start + 1 + len(tag)), tag))
    return spans


def detect_cashtags(text: str) -> list[FacetSpan]:
    """`$TICKER` cashtags in `text` (a letter, then up to four letters or digits); the value is a tag
    holding the `$` and the ticker in upper case, as the Bluesky app stores it."""
    at = _ByteOffsets(text)
    spans: list[FacetSpan] = []
    for match in _syntax().cashtag.finditer(text):
        start, end = match.end(1), match.end(2)
        spans.append(FacetSpan(FacetKind.TAG, at(start), at(end), f"${match.group(2).upper()}"))
    return spans


def _known_tld(domain: str) -> bool:
    # Case-sensitive, like the TypeScript client: "example.COM" is no bare link.
    _, dot, tld = domain.rpartition(".")
    return bool(dot) and tld in _syntax().tlds


def detect_facet_spans(text: str) -> list[FacetSpan]:
    """Links, mentions, tags and cashtags of `text` in text order; a link wins over anything inside it."""
    spans: list[FacetSpan] = []
    found = [*detect_links(text), *detect_mentions(text), *detect_tags(text), *detect_cashtags(text)]
    for span in found:
        if all(span.byte_end <= kept.byte_start or span.byte_start >= kept.byte_end for kept in spans):
            spans.append(span)
    return sorted(spans, key=lambda span: span.byte_start)


def build_facets(spans: Sequence[FacetSpan], dids: Mapping[str, str]) -> list[dict[str, Any]]:
    """`app.bsky.richtext.facet` objects for `spans`.

    `dids` maps mentioned handles to their DIDs; a mention whose handle is missing from it (it did
    not resolve) gets no facet and stays plain text.
    """
    facets: list[dict[str, Any]] = []
    for span in spans:
        feature: dict[str, Any]
        if span.kind is FacetKind.LINK:
            feature = {"$type": "app.bsky.richtext.facet#link", "uri": span.value}
        elif span.kind is FacetKind.TAG:
            feature = {"$type": "app.bsky.richtext.facet#tag", "tag": span.value}
        elif span.value in dids:
            feature = {"$type": "app.bsky.richtext.facet#mention", "did": dids[span.value]}
        else:
            continue
        facets.append(
            {
                "$type": "app.bsky.richtext.facet",
                "index": {"byteStart": span.byte_start, "byteEnd": span.byte_end},
                "features": [feature],
            }
        )
    return facets


# --- record keys ------------------------------------------------------------------------------------------


def record_key(idempotency_key: str, part: int = 0) -> str:
    """The TID record key that one part of a target publishes under; always the same for a key.

    Herald's idempotency keys start with 16 hex digits of the target's creation time in microseconds.
    That time (plus `part`, so the posts of a thread get distinct, ordered keys) is the TID's
    timestamp, which keeps the key plausible to a PDS and sorted like real posts. The 10-bit clock id
    comes from a hash of the whole key, so two targets created in the same microsecond still differ.
    """
    prefix = idempotency_key[:_IDEMPOTENCY_TIMESTAMP_HEX]
    if len(prefix) != _IDEMPOTENCY_TIMESTAMP_HEX or not all(c in "0123456789abcdefABCDEF" for c in prefix):
        raise ValueError(f"idempotency key does not start with a hex timestamp: {idempotency_key!r}")
    if part < 0:
        raise ValueError(f"part must not be negative, got {part}")
    timestamp = int(prefix, 16) + part
    if timestamp >= 1 << _TID_TIMESTAMP_BITS:
        raise ValueError(f"idempotency key timestamp does not fit a TID: {idempotency_key!r}")
    digest = hashlib.sha256(idempotency_key.encode("utf-8")).digest()
    clock_id = int.from_bytes(digest[:2], "big") & ((1 << _TID_CLOCK_ID_BITS) - 1)
    value = (timestamp << _TID_CLOCK_ID_BITS) | clock_id  # the top bit stays 0
    chars = []
    for _ in range(TID_LENGTH):
        chars.append(TID_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def is_tid(value: str) -> bool:
    """Whether `value` is a syntactically valid TID (13 sortable base32 characters, top bit 0)."""
    return (
        len(value) == TID_LENGTH
        and all(c in TID_ALPHABET for c in value)
        # The first character carries the top bit: it must come from the lower half of the alphabet.
        and TID_ALPHABET.index(value[0]) < 16
    )
