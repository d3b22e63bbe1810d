"""Threads' media: what a post may carry (as data, see docs/platforms.md) and the containers that carry it.

From Meta's Threads documentation ("Posts", "Media specifications", "Carousel posts"): an image post is
a container with `media_type=IMAGE` and `image_url`, a video post `media_type=VIDEO` and `video_url`; a
carousel is 2 to 20 item containers (`is_carousel_item=true`, no text) then a `media_type=CAROUSEL`
container with `children` (their ids, comma-separated) and the text. `alt_text` describes an image or a
video. Threads fetches each file from its URL, so the URL must be public (see `media_urls`).
"""

from __future__ import annotations

from collections.abc import Sequence

from integrations.platforms.base import MediaFacts, Violation
from integrations.platforms.media_rules import MB, FileRules, count_violation, file_violations
from models.platform import MediaKind

MAX_CAROUSEL_ITEMS = 20
FILES = FileRules(
    label="Threads",
    image_types=frozenset({"image/jpeg", "image/png"}),
    max_image_bytes=8 * MB,
    video_types=frozenset({"video/mp4", "video/quicktime"}),
    max_video_bytes=1_000 * MB,
    max_video_seconds=300.0,
)


def media_violations(media: Sequence[MediaFacts]) -> list[Violation]:
    """Every Threads rule the attachments break: each file's format, size and length, and at most 20."""
    found = file_violations(FILES, media)
    rule = f"A Threads carousel carries at most {MAX_CAROUSEL_ITEMS} photos and videos."
    if (too_many := count_violation(media, MAX_CAROUSEL_ITEMS, rule)) is not None:
        found.append(too_many)
    return found


def item_form(item: MediaFacts, *, carousel_item: bool = False) -> dict[str, str]:
    """The fields of one image or video container (a carousel item has no text of its own)."""
    url = item.url or ""
    form = (
        {"media_type": "VIDEO", "video_url": url}
        if item.kind is MediaKind.VIDEO
        else {"media_type": "IMAGE", "image_url": url}
    )
    if carousel_item:
        form["is_carousel_item"] = "true"
    if item.alt_text:
        form["alt_text"] = item.alt_text
    return form


def post_form(text: str, media: Sequence[MediaFacts], items: Sequence[str]) -> dict[str, str]:
    """The fields of the container that is published: text only, one file, or a carousel of `items`."""
    if not media:
        return {"media_type": "TEXT", "text": text}
    form = {"media_type": "CAROUSEL", "children": ",".join(items)} if len(media) > 1 else item_form(media[0])
    if text:
        form["text"] = text
    return form
