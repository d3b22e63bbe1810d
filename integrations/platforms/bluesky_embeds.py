"""The one embed of a Bluesky post: images, a video, a link card, or a quoted post (`app.bsky.embed.*`).

Images go up as Herald's ≤ 1 MB JPEG variants (`read("bluesky")`) with their alt text and aspect ratio;
a video goes up as it is (`read("original")`, MP4) to the account's own PDS with `uploadBlob`, the simple
method Bluesky documents: the PDS refusing it (too large for its blob limit, or no videos at all) is
VIDEO_NOT_SUPPORTED. A post with a link and no media gets a card from the page's Open Graph tags, its
image re-encoded to a ≤ 1 MB JPEG thumb; a page that cannot be fetched gives no card. A quote is a
`record` embed, or `recordWithMedia` when the post also carries media.

Every upload and card is recorded in `Progress` before the post is created, so a retry reuses them.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PIL import Image, ImageOps

from integrations.link_preview import fetch_image, fetch_preview
from integrations.media_images import EncodedImage, fit_jpeg
from integrations.platforms.base import InvalidContent, MediaBytes, MediaFacts, Permanent
from integrations.platforms.bluesky_media import IMAGE_BLOB_MAX_BYTES, IMAGE_MAX_SIDE
from integrations.platforms.bluesky_progress import Progress
from integrations.platforms.bluesky_refs import PostRef
from integrations.platforms.bluesky_text import detect_links
from integrations.platforms.bluesky_xrpc import XRPC_ERRORS, failure, status_of
from integrations.safe_fetch import FetchPolicy
from models.platform import MediaKind

if TYPE_CHECKING:  # the repository wraps the atproto SDK, imported on first publish only
    from integrations.platforms.bluesky_repo import AccountRepo

IMAGES = "app.bsky.embed.images"
VIDEO = "app.bsky.embed.video"
EXTERNAL = "app.bsky.embed.external"
RECORD = "app.bsky.embed.record"
RECORD_WITH_MEDIA = "app.bsky.embed.recordWithMedia"
VIDEO_NOT_SUPPORTED = "VIDEO_NOT_SUPPORTED"
# A card's image is decoded only below this many pixels (checked from its header first).
THUMB_MAX_PIXELS = 50_000_000
_THUMB_FORMATS = ["JPEG", "PNG", "GIF", "WEBP"]


@dataclass(frozen=True, slots=True)
class PartSource:
    """What one post of a thread embeds: its media, its text (for a link card) and a quoted post."""

    index: int
    text: str
    media: tuple[MediaFacts, ...] = ()
    quote: PostRef | None = None


async def build_embed(
    repo: AccountRepo, part: PartSource, progress: Progress, policy: FetchPolicy
) -> dict[str, Any] | None:
    """The embed of one post, uploading what it needs (or reusing what `progress` has); None for none."""
    media = await media_embed(repo, part.index, part.media, progress)
    if part.quote is not None:
        return record_embed(part.quote, media)
    if media is not None:
        return media
    card = await link_card(repo, part.index, part.text, progress, policy)
    return {"$type": EXTERNAL, "external": dict(card)} if card else None


def record_embed(quote: PostRef, media: Mapping[str, Any] | None) -> dict[str, Any]:
    """A quote of `quote`, with the post's own media when it has some."""
    record = {"$type": RECORD, "record": quote.strong_ref()}
    if media is None:
        return record
    return {"$type": RECORD_WITH_MEDIA, "record": record, "media": dict(media)}


async def media_embed(
    repo: AccountRepo, part: int, media: tuple[MediaFacts, ...], progress: Progress
) -> dict[str, Any] | None:
    """Images (1-4) or one video, uploaded as blobs; None without media."""
    if not media:
        return None
    videos = [m for m in media if m.kind is MediaKind.VIDEO]
    if videos:
        return await _video(repo, f"{part}:0", videos[0], progress)
    images = [await _image(repo, f"{part}:{index}", facts, progress) for index, facts in enumerate(media)]
    return {"$type": IMAGES, "images": images}


async def _image(repo: AccountRepo, key: str, facts: MediaFacts, progress: Progress) -> dict[str, Any]:
    uploaded = progress.blob(key)
    if uploaded is None:
        variant = await _read(facts, "bluesky")
        uploaded = _uploaded(await _upload(repo, variant.data, variant.content_type), variant, facts)
        await progress.record_blob(key, uploaded)
    image: dict[str, Any] = {"alt": facts.alt_text or "", "image": uploaded["blob"]}
    if ratio := _aspect_ratio(uploaded):
        image["aspectRatio"] = ratio
    return image


async def _video(repo: AccountRepo, key: str, facts: MediaFacts, progress: Progress) -> dict[str, Any]:
    uploaded = progress.blob(key)
    if uploaded is None:
        original = await _read(facts, "original")
        try:
            blob = await repo.upload_blob(original.data, original.content_type)
        except XRPC_ERRORS as exc:
            raise _video_failure(exc, len(original.data)) from exc
        uploaded = _uploaded(blob, original, facts)
        await progress.record_blob(key, uploaded)
    embed: dict[str, Any] = {"$type": VIDEO, "video": uploaded["blob"]}
    if ratio := _aspect_ratio(uploaded):
        embed["aspectRatio"] = ratio
    if facts.alt_text:
        embed["alt"] = facts.alt_text
    return embed


def _video_failure(exc: BaseException, size: int) -> Exception:
    # 413: over the PDS's blob limit; 400: a type or upload it does not take. Anything else (a 5xx, no
    # answer, a 429) is classified as usual and may pass.
    if status_of(exc) not in {400, 413}:
        return failure(exc)
    return InvalidContent(
        VIDEO_NOT_SUPPORTED,
        f"This account's Bluesky server did not accept the video ({size / 1_000_000:.1f} MB): it takes no "
        "videos this large, or none at all. Post it with a shorter video, or without one.",
    )


def _uploaded(blob: Mapping[str, Any], rendition: MediaBytes, facts: MediaFacts) -> dict[str, Any]:
    return {
        "blob": dict(blob),
        "width": rendition.width or facts.width,
        "height": rendition.height or facts.height,
    }


def _aspect_ratio(uploaded: Mapping[str, Any]) -> dict[str, int] | None:
    width, height = uploaded.get("width"), uploaded.get("height")
    if isinstance(width, int) and isinstance(height, int) and width > 0 and height > 0:
        return {"width": width, "height": height}
    return None


async def _read(facts: MediaFacts, rendition: str) -> MediaBytes:
    if facts.read is None:
        raise Permanent("MEDIA_NOT_FOUND", "Herald was given no way to read an attached file.")
    return await facts.read(rendition)


async def _upload(repo: AccountRepo, data: bytes, content_type: str) -> dict[str, Any]:
    try:
        return await repo.upload_blob(data, content_type)
    except XRPC_ERRORS as exc:
        raise failure(exc) from exc


# --- link cards -----------------------------------------------------------------------------------------


async def link_card(
    repo: AccountRepo, part: int, text: str, progress: Progress, policy: FetchPolicy
) -> Mapping[str, Any] | None:
    """The `app.bsky.embed.external` card of the first link in `text`; None without a link or a page.

    Decided once per part: a retry posts the card (or no card) the first attempt decided on.
    """
    if progress.has_card(part):
        return progress.card(part)
    links = detect_links(text)
    if not links:
        return None
    card = await _fetch_card(repo, links[0].value, policy)
    await progress.record_card(part, card)
    return card


async def _fetch_card(repo: AccountRepo, url: str, policy: FetchPolicy) -> dict[str, Any] | None:
    preview = await fetch_preview(url, policy)
    if preview is None:
        return None
    card: dict[str, Any] = {"uri": preview.url, "title": preview.title, "description": preview.description}
    image = await fetch_image(preview.image_url, policy) if preview.image_url else None
    thumb = await asyncio.to_thread(shrink_thumb, image[0]) if image else None
    if thumb is not None:
        card["thumb"] = await _upload(repo, thumb.data, thumb.content_type)
    return card


def shrink_thumb(data: bytes) -> EncodedImage | None:
    """A card's image as a JPEG of at most 1,000,000 bytes and 2,000 px, oriented, without metadata;
    None when it is not a JPEG, PNG, GIF or WebP image that decodes within THUMB_MAX_PIXELS.

    Blocking CPU work: run it in a thread.
    """
    try:
        with Image.open(io.BytesIO(data), formats=_THUMB_FORMATS) as image:
            if image.width * image.height > THUMB_MAX_PIXELS:
                return None
            image.draft("RGB", (IMAGE_MAX_SIDE, IMAGE_MAX_SIDE))  # JPEG only: decoded at a smaller scale
            image.load()
            oriented = ImageOps.exif_transpose(image)
            return fit_jpeg(oriented, IMAGE_BLOB_MAX_BYTES, IMAGE_MAX_SIDE)
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
