"""Checking an upload: read the stored bytes, decide what they are, and make the asset READY or REJECTED.

The steps, each of which can only refuse:
1. The object is there and has the size the client declared (a store that did not enforce the signed
   content length, like moto, is caught here) and no more than any upload may have.
2. A local copy is read, by content: `media_probe.inspect_file` (in a thread) says what it is, or why not.
3. The size limit of what the file *is* (image or video) applies, not of what it claimed to be.
4. Thumbnails (and a video's poster) are made from the picture decoded in step 2 and stored.
5. The checked bytes are promoted to the asset's `original` key only if they are still the ones that
   were checked; then the asset becomes READY with what was detected.

A rejected upload's files are deleted at once; the asset stays, REJECTED with its reason, until the
sweep removes it.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

import structlog

from integrations.media_images import EncodedImage, encode_jpeg, thumbnail_jpeg
from integrations.media_probe import Inspection, MediaRejected, inspect_file
from integrations.storage import LocalCopy, ObjectTooLarge, Storage
from models.media_asset import Detected, MediaAsset
from models.media_files import POSTER, THUMBNAIL, VariantBytes, delete_files, store_variant
from models.platform import MediaKind

log = structlog.get_logger(__name__)


# Every code an upload can be REJECTED with (from here and from `media_probe`).
REJECTION_CODES = (
    "UNSUPPORTED_FILE_TYPE",
    "FILE_DAMAGED",
    "TOO_MANY_PIXELS",
    "FILE_TOO_LARGE",
    "SIZE_MISMATCH",
    "UPLOAD_CHANGED",
)


class UploadMissing(Exception):
    """Nothing has been uploaded for this asset yet."""


@dataclass(frozen=True, slots=True)
class UploadLimits:
    """What an upload may be (from the settings)."""

    max_image_bytes: int
    max_video_bytes: int
    max_pixels: int

    def max_bytes(self, kind: MediaKind | None) -> int:
        """The most bytes a file of `kind` may have; for an unknown kind, what any upload may have."""
        if kind is MediaKind.VIDEO:
            return self.max_video_bytes
        if kind is None:
            return max(self.max_image_bytes, self.max_video_bytes)
        return self.max_image_bytes


@dataclass(frozen=True, slots=True)
class _Checked:
    inspection: Inspection
    derived: dict[str, VariantBytes]
    copy: LocalCopy


async def check_upload(storage: Storage, asset: MediaAsset, limits: UploadLimits) -> MediaAsset:
    """The asset READY or REJECTED after looking at its uploaded bytes.

    Raises `UploadMissing` (and changes nothing) when the client has not uploaded anything yet.
    """
    stored = await storage.stat(asset.upload_key)
    if stored is None:
        raise UploadMissing(str(asset.id))
    if stored.size > limits.max_bytes(None):
        return await _reject(storage, asset, _too_large(stored.size, limits.max_bytes(None)))
    if stored.size != asset.declared_bytes:
        return await _reject(storage, asset, _size_mismatch(stored.size, asset.declared_bytes))
    try:
        checked = await _inspect(storage, asset, limits)
    except MediaRejected as rejected:
        return await _reject(storage, asset, rejected)
    variants = {
        name: await store_variant(storage, asset, name, made) for name, made in checked.derived.items()
    }
    if not await storage.promote(asset.upload_key, asset.original_key, checked.copy.etag):
        return await _reject(
            storage,
            asset,
            MediaRejected(
                "UPLOAD_CHANGED", "The file was replaced while Herald checked it; upload it again."
            ),
        )
    await asset.mark_ready(_detected(checked), variants)
    log.info("media.upload.ready", asset_id=str(asset.id), content_type=checked.inspection.content_type)
    return asset


async def _inspect(storage: Storage, asset: MediaAsset, limits: UploadLimits) -> _Checked:
    """Read the upload by content (raises `MediaRejected`, or `UploadMissing` if it vanished)."""
    try:
        async with storage.local_copy(asset.upload_key, limits.max_bytes(None)) as copy:
            if copy is None:
                raise UploadMissing(str(asset.id))
            inspection, derived = await asyncio.to_thread(_inspect_and_derive, copy.path, limits.max_pixels)
    except ObjectTooLarge:
        raise _too_large(None, limits.max_bytes(None)) from None
    allowed = limits.max_bytes(inspection.kind)
    if copy.size > allowed:
        raise _too_large(copy.size, allowed)
    return _Checked(inspection=inspection, derived=derived, copy=copy)


def _inspect_and_derive(path: Path, max_pixels: int) -> tuple[Inspection, dict[str, VariantBytes]]:
    """In a thread: what the file is, and the pictures made from it while it is decoded anyway."""
    inspection = inspect_file(path, max_pixels)
    derived = {THUMBNAIL: _bytes(thumbnail_jpeg(inspection.still))}
    if inspection.kind is MediaKind.VIDEO:
        derived[POSTER] = _bytes(encode_jpeg(inspection.still))
    return inspection, derived


def _bytes(encoded: EncodedImage) -> VariantBytes:
    return VariantBytes(data=encoded.data, width=encoded.width, height=encoded.height)


def _detected(checked: _Checked) -> Detected:
    found = checked.inspection
    return Detected(
        kind=found.kind,
        content_type=found.content_type,
        byte_size=checked.copy.size,
        width=found.width,
        height=found.height,
        sha256=found.sha256,
        duration_seconds=found.duration_seconds,
        video_codec=found.video_codec,
    )


async def _reject(storage: Storage, asset: MediaAsset, rejected: MediaRejected) -> MediaAsset:
    if await asset.mark_rejected(rejected.code, rejected.reason):
        log.info("media.upload.rejected", asset_id=str(asset.id), code=rejected.code)
        # Keep nothing of a file that was refused: it may not be what it claims to be.
        await delete_files(storage, asset)
    return asset


def _too_large(size: int | None, allowed: int) -> MediaRejected:
    what = f"This file has {size / 1_000_000:.1f} MB" if size is not None else "This file is too large"
    return MediaRejected("FILE_TOO_LARGE", f"{what}; Herald takes files of up to {allowed / 1_000_000:g} MB.")


def _size_mismatch(size: int, declared: int) -> MediaRejected:
    return MediaRejected(
        "SIZE_MISMATCH", f"{size} bytes arrived where {declared} were announced; upload the file again."
    )
