"""Instagram's media: where a post goes (`instagramKind`), what each kind carries (as data, see
docs/platforms.md), and the containers that carry it.

From the Instagram Platform's "Content Publishing" guide and the IG User Media reference:

- FEED: one photo (`image_url`, `caption`, `alt_text`), or a carousel of 2 to 10 photos and videos (item
  containers with `is_carousel_item=true`, videos with `media_type=VIDEO`; then `media_type=CAROUSEL`
  with `children` and the caption). Photos are JPEG, at most 8 MB, between 4:5 and 1.91:1.
- REEL: one video (`media_type=REELS`, `video_url`, `caption`), 3 seconds to 15 minutes.
- STORY: one photo or video (`media_type=STORIES`); stories carry no caption and no alt text.

Alt text goes on photo containers only (Instagram takes none for Reels and Stories). A single video in
the feed is a Reel on Instagram: it is refused as FEED with the advice to choose REEL, rather than
silently posted as something else.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from typing import Any

from integrations.platforms.base import MediaFacts, Violation
from integrations.platforms.media_rules import (
    MB,
    FileRules,
    aspect_violations,
    count_violation,
    file_violations,
)
from models.platform import MediaKind

MAX_CAROUSEL_ITEMS = 10
# Feed photos: from 4:5 (portrait) to 1.91:1 (landscape).
NARROWEST = (4, 5)
WIDEST = (1.91, 1)
_JPEG = frozenset({"image/jpeg"})
_VIDEO = frozenset({"video/mp4", "video/quicktime"})
FEED_FILES = FileRules("Instagram", _JPEG, 8 * MB)
CAROUSEL_FILES = FileRules(
    "An Instagram carousel", _JPEG, 8 * MB, _VIDEO, 100 * MB, min_video_seconds=3.0, max_video_seconds=60.0
)
# A Reel is one video: no photo reaches these rules (`media_violations` refuses it first).
REEL_FILES = FileRules(
    "An Instagram Reel", frozenset(), None, _VIDEO, 300 * MB, min_video_seconds=3.0, max_video_seconds=900.0
)
STORY_FILES = FileRules(
    "An Instagram Story", _JPEG, 8 * MB, _VIDEO, 100 * MB, min_video_seconds=3.0, max_video_seconds=60.0
)
_FIELD = ("mediaIds",)


class InstagramKind(enum.StrEnum):
    """Where on Instagram a post goes."""

    FEED = "FEED"
    REEL = "REEL"
    STORY = "STORY"


def kind_of(options: Mapping[str, Any]) -> InstagramKind | None:
    """The target's `instagramKind` (FEED when not given); None when it is not one of the three."""
    raw = options.get("instagram_kind")
    if raw is None:
        return InstagramKind.FEED
    try:
        return InstagramKind(str(raw))
    except ValueError:
        return None


def media_violations(kind: InstagramKind, media: Sequence[MediaFacts]) -> list[Violation]:
    """Every rule of `kind` the attachments break (at least one file is attached)."""
    videos = [m for m in media if m.kind is MediaKind.VIDEO]
    if kind is InstagramKind.REEL:
        if len(media) != 1 or not videos:
            return [_mismatch("An Instagram Reel is one video; attach exactly one video, or choose FEED.")]
        return file_violations(REEL_FILES, media)
    if kind is InstagramKind.STORY:
        if len(media) != 1:
            return [_mismatch("An Instagram Story is one photo or one video; attach exactly one file.")]
        return file_violations(STORY_FILES, media)
    if len(media) == 1 and videos:
        return [_mismatch("A single video goes to Instagram as a Reel: choose instagramKind REEL.")]
    rules = FEED_FILES if len(media) == 1 else CAROUSEL_FILES
    found = file_violations(rules, media)
    rule = f"An Instagram carousel carries at most {MAX_CAROUSEL_ITEMS} photos and videos."
    if (too_many := count_violation(media, MAX_CAROUSEL_ITEMS, rule)) is not None:
        found.append(too_many)
    return found + aspect_violations("Instagram", media, NARROWEST, WIDEST)


def item_form(item: MediaFacts) -> dict[str, str]:
    """A carousel item container's fields."""
    if item.kind is MediaKind.VIDEO:
        return {"media_type": "VIDEO", "video_url": item.url or "", "is_carousel_item": "true"}
    return {"image_url": item.url or "", "is_carousel_item": "true", **_alt(item)}


def post_form(
    kind: InstagramKind, caption: str, media: Sequence[MediaFacts], items: Sequence[str]
) -> dict[str, str]:
    """The fields of the container that is published: a photo, a carousel of `items`, a Reel or a Story."""
    first = media[0]
    if kind is InstagramKind.STORY:
        url_field = "video_url" if first.kind is MediaKind.VIDEO else "image_url"
        return {"media_type": "STORIES", url_field: first.url or ""}
    if kind is InstagramKind.REEL:
        form = {"media_type": "REELS", "video_url": first.url or ""}
    elif len(media) > 1:
        form = {"media_type": "CAROUSEL", "children": ",".join(items)}
    else:
        form = {"image_url": first.url or "", **_alt(first)}
    return {**form, "caption": caption} if caption else form


def _alt(item: MediaFacts) -> dict[str, str]:
    return {"alt_text": item.alt_text} if item.alt_text else {}


def _mismatch(message: str) -> Violation:
    return Violation("MEDIA_KIND_MISMATCH", message, _FIELD)
