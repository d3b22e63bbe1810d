"""Every network's text rules as data, in one place, with the counter each network uses.

Whatever writes text for a network reads its limits here: the post checks, AI suggestions, the thread
splitter, the network modules, and (through `capabilities`) the `platformRules` query. Bluesky's rules
and counters live in `bluesky_text` (its validator is the one used here); the others are summarised in
docs/platforms.md:

- Threads: 500 characters where Meta counts an emoji by its UTF-8 bytes; more than 5 links fails.
- Instagram: a caption of 2,200 characters, hashtags included, and at most 30 hashtags.
- Facebook Pages: 63,206 characters.
- Reddit: a title of at most 300 characters (required) and a self-post body of at most 40,000.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import regex

from integrations.platforms import bluesky_text
from integrations.platforms.base import Violation
from models.platform import PlatformName

_GRAPHEME = regex.compile(r"\X")
# A grapheme Meta counts as an emoji: pictographs, flags (regional indicators) and keycaps.
_EMOJI = regex.compile(r"[\p{Extended_Pictographic}\p{Regional_Indicator}\u20e3]")


def code_points(text: str) -> int:
    """Characters as most networks count them: Unicode code points."""
    return len(text)


def meta_length(text: str) -> int:
    """Characters as Meta counts them on Threads: an emoji counts its UTF-8 bytes, anything else 1."""
    total = 0
    for match in _GRAPHEME.finditer(text):
        grapheme = match.group()
        total += len(grapheme.encode("utf-8")) if _EMOJI.search(grapheme) else len(grapheme)
    return total


def link_count(text: str) -> int:
    """http(s) links in `text`."""
    return len(bluesky_text.detect_links(text))


def hashtag_count(text: str) -> int:
    """#hashtags in `text` ("#1" is no hashtag)."""
    return len(bluesky_text.detect_tags(text))


class TextCounting(enum.StrEnum):
    """How a network counts the length of a text (a client counting the same way shows exact counters)."""

    GRAPHEMES = "GRAPHEMES"  # user-perceived characters: an emoji family is one (Bluesky)
    CODE_POINTS = "CODE_POINTS"  # Unicode code points
    META = "META"  # code points, but an emoji counts its UTF-8 bytes (Threads)


_COUNTERS: Mapping[TextCounting, Callable[[str], int]] = {
    TextCounting.GRAPHEMES: bluesky_text.grapheme_count,
    TextCounting.CODE_POINTS: code_points,
    TextCounting.META: meta_length,
}


@dataclass(frozen=True, slots=True)
class TextLimits:
    """The text rules of one network; `counting` says how its length is measured."""

    platform: PlatformName
    label: str
    max_length: int
    counting: TextCounting
    unit: str = "characters"
    max_bytes: int | None = None
    max_links: int | None = None
    max_hashtags: int | None = None
    title_max_length: int | None = None  # set where a post needs a title (Reddit)
    hashtags_customary: bool = True

    def count(self, text: str) -> int:
        """The length of `text` in this network's unit."""
        return _COUNTERS[self.counting](text)


LIMITS: Mapping[PlatformName, TextLimits] = {
    PlatformName.BLUESKY: TextLimits(
        PlatformName.BLUESKY,
        "Bluesky",
        bluesky_text.MAX_GRAPHEMES,
        TextCounting.GRAPHEMES,
        max_bytes=bluesky_text.MAX_BYTES,
    ),
    PlatformName.THREADS: TextLimits(PlatformName.THREADS, "Threads", 500, TextCounting.META, max_links=5),
    PlatformName.INSTAGRAM: TextLimits(
        PlatformName.INSTAGRAM, "Instagram", 2_200, TextCounting.CODE_POINTS, max_hashtags=30
    ),
    PlatformName.FACEBOOK: TextLimits(PlatformName.FACEBOOK, "Facebook", 63_206, TextCounting.CODE_POINTS),
    PlatformName.REDDIT: TextLimits(
        PlatformName.REDDIT,
        "Reddit",
        40_000,
        TextCounting.CODE_POINTS,
        title_max_length=300,
        hashtags_customary=False,
    ),
}


def text_violations(platform: PlatformName, text: str, *field: str) -> list[Violation]:
    """Every text rule of `platform` that `text` breaks; empty when it fits."""
    if platform is PlatformName.BLUESKY:
        return [Violation(v.code, v.message, field or v.field) for v in bluesky_text.text_violations(text)]
    rules = LIMITS[platform]
    found: list[Violation] = []
    length = rules.count(text)
    if length > rules.max_length:
        message = f"{rules.label} allows {rules.max_length:,} {rules.unit}; this text has {length:,}."
        if rules.counting is TextCounting.META:
            message += " Threads counts an emoji by its bytes (most take 4)."
        found.append(Violation("TEXT_TOO_LONG", message, field))
    if rules.max_bytes is not None and (size := len(text.encode("utf-8"))) > rules.max_bytes:
        message = f"{rules.label} allows {rules.max_bytes:,} bytes of text; this text has {size:,}."
        found.append(Violation("TEXT_TOO_MANY_BYTES", message, field))
    if rules.max_links is not None and (links := link_count(text)) > rules.max_links:
        message = f"{rules.label} allows {rules.max_links} links in a post; this text has {links}."
        found.append(Violation("TOO_MANY_LINKS", message, field))
    if rules.max_hashtags is not None and (tags := hashtag_count(text)) > rules.max_hashtags:
        message = f"{rules.label} allows {rules.max_hashtags} hashtags; this text has {tags}."
        found.append(Violation("TOO_MANY_HASHTAGS", message, field))
    return found


def title_violations(platform: PlatformName, title: str | None, *field: str) -> list[Violation]:
    """The title rules of `platform` (only Reddit has a title); empty when the title is fine."""
    rules = LIMITS[platform]
    if rules.title_max_length is None:
        return []
    if not title or not title.strip():
        return [Violation("TITLE_REQUIRED", f"A {rules.label} post needs a title.", field)]
    if (length := rules.count(title)) > rules.title_max_length:
        message = (
            f"{rules.label} allows titles of {rules.title_max_length} characters; this one has {length}."
        )
        return [Violation("TITLE_TOO_LONG", message, field)]
    return []


def fits(platform: PlatformName, text: str) -> bool:
    """Whether `text` breaks none of `platform`'s text rules."""
    return not text_violations(platform, text)
