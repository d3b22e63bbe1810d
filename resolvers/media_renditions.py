"""An asset's bytes as networks and models take them: the Bluesky image variant (made once, then kept)
and the facts with the ways to the bytes that the post worker hands a network.

Used by the post worker (`publishing_facts`), captions and alt text (the image a model is shown).
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

import structlog

from integrations.media_images import fit_jpeg, open_oriented
from integrations.media_probe import PIXEL_CEILING
from integrations.platforms.base import MediaBytes, MediaFacts
from integrations.platforms.bluesky_media import IMAGE_BLOB_MAX_BYTES, IMAGE_MAX_SIDE
from integrations.storage import Storage
from models.media_asset import MediaAsset, MediaStatus
from models.media_files import BLUESKY, ORIGINAL, VariantBytes, store_variant
from models.platform import MediaKind

log = structlog.get_logger(__name__)


class MediaMissing(Exception):
    """The asset's checked bytes are not in storage (it was deleted meanwhile, or storage lost them)."""


async def bluesky_variant(
    storage: Storage, asset: MediaAsset, *, max_pixels: int = PIXEL_CEILING
) -> VariantBytes:
    """The asset as Bluesky takes an image blob: a JPEG of at most 1,000,000 bytes, longest side at most
    2,000 pixels, aspect ratio kept, oriented, without metadata.

    Made the first time it is asked for and kept in storage (and in `asset.variants`) for the next.
    Raises `MediaMissing` when the original is gone, `ValueError` for a video.
    """
    if asset.status is not MediaStatus.READY or asset.kind is MediaKind.VIDEO:
        raise ValueError(f"no Bluesky image of a {asset.status} {asset.kind} asset")
    cached = asset.variants.get(BLUESKY)
    if cached is not None and (data := await storage.get(cached.key)) is not None:
        return VariantBytes(data=data, width=cached.width, height=cached.height)
    assert asset.content_type is not None and asset.byte_size is not None
    async with storage.local_copy(asset.original_key, asset.byte_size) as copy:
        if copy is None:
            raise MediaMissing(f"the original of media {asset.id} is not in storage")
        content_type = asset.content_type

        def make() -> VariantBytes:
            image = open_oriented(copy.path, content_type, max_pixels, IMAGE_MAX_SIDE)
            encoded = fit_jpeg(image, IMAGE_BLOB_MAX_BYTES, IMAGE_MAX_SIDE)
            return VariantBytes(data=encoded.data, width=encoded.width, height=encoded.height)

        made = await asyncio.to_thread(make)
    await store_variant(storage, asset, BLUESKY, made)
    log.info("media.variant.made", asset_id=str(asset.id), variant=BLUESKY, bytes=len(made.data))
    return made


async def publishing_facts(storage: Storage, asset: MediaAsset, url_ttl: timedelta) -> MediaFacts:
    """The asset's facts with the ways to its bytes, for the worker handing it to a network.

    `read("original")` gives the checked file, `read("bluesky")` the Bluesky image variant (made on first
    use); `url` is a download address that lives for `url_ttl`.
    """

    async def read(rendition: str) -> MediaBytes:
        if rendition == BLUESKY:
            variant = await bluesky_variant(storage, asset)
            return MediaBytes(variant.data, variant.content_type, variant.width, variant.height)
        if rendition != ORIGINAL:
            raise ValueError(f"no rendition {rendition!r}; use {ORIGINAL!r} or {BLUESKY!r}")
        data = await storage.get(asset.original_key)
        if data is None:
            raise MediaMissing(f"the file of asset {asset.id} is gone")
        assert asset.content_type is not None
        return MediaBytes(data, asset.content_type, asset.width, asset.height)

    assert asset.content_type is not None
    url = await storage.download_url(asset.original_key, asset.content_type, url_ttl)
    return asset.facts(url=url, read=read)
