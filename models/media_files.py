"""An asset's files in storage: the names of its variants, storing one, deletion, and the orphan sweep.

Used by the API (thumbnails, deleting an asset), the upload check (`resolvers/media_check.py`) and the
scheduler (the sweep). Making variants from the bytes (a Bluesky image) is `resolvers/media_renditions.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import structlog

from integrations.storage import Storage
from models.media_asset import MediaAsset, MediaStatus, Variant

log = structlog.get_logger(__name__)

ORIGINAL = "original"
BLUESKY = "bluesky"
THUMBNAIL = "thumbnail"
POSTER = "poster"


@dataclass(frozen=True, slots=True)
class VariantBytes:
    """A variant's bytes, with its dimensions (their ratio is what networks call the aspect ratio)."""

    data: bytes
    width: int
    height: int
    content_type: str = "image/jpeg"


async def store_variant(storage: Storage, asset: MediaAsset, name: str, variant: VariantBytes) -> Variant:
    """Put a variant's bytes in storage and remember it on the asset."""
    key = asset.variant_key(name)
    await storage.put(key, variant.data, variant.content_type)
    record = Variant(
        key=key,
        content_type=variant.content_type,
        width=variant.width,
        height=variant.height,
        bytes=len(variant.data),
    )
    if asset.status is MediaStatus.READY:
        await asset.record_variant(name, record)
    return record


async def delete_files(storage: Storage, asset: MediaAsset) -> None:
    """Delete every file of the asset: the upload, the original and all variants."""
    await storage.delete_prefix(asset.prefix)


async def sweep_stale(storage: Storage, now: datetime, older_than: timedelta, limit: int = 200) -> int:
    """Delete assets that never became READY (uploads nobody completed, rejected files) once they are
    `older_than`, with their files; how many went.

    Such assets are attached to nothing (attaching needs READY), so nothing else can break.
    """
    cutoff = now - older_than
    removed = 0
    for asset in await MediaAsset.stale(cutoff, limit):
        if await asset.delete_if_stale(cutoff):
            await delete_files(storage, asset)
            removed += 1
    if removed:
        log.info("media.sweep.removed", count=removed)
    return removed
