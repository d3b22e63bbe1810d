"""The scheduler's media sweep: uploads nobody completed (and refused files) go after a day, with their
files; anything READY stays."""

from __future__ import annotations

from datetime import timedelta

from beanie import PydanticObjectId

from app.services import Services
from integrations.platforms.base import MediaKind
from models.clock import utcnow
from models.media_asset import MediaAsset, MediaStatus
from workers.scheduler import Scheduler


async def _asset(services: Services, status: MediaStatus, age: timedelta) -> MediaAsset:
    """An asset created `age` ago in `status`, with a file under its prefix."""
    asset = MediaAsset(
        workspace_id=PydanticObjectId(),
        uploader_id=PydanticObjectId(),
        filename="left.png",
        claimed_content_type="image/png",
        declared_bytes=4,
        kind=MediaKind.IMAGE,
        status=status,
        created_at=utcnow() - age,
    )
    await asset.insert()
    await services.storage.put(asset.upload_key, b"left", "image/png")
    return asset


async def test_stale_uploads_are_swept_with_their_files(services: Services) -> None:
    # given uploads of two days ago never completed or refused, and ones that must stay
    day = timedelta(days=1)
    abandoned = await _asset(services, MediaStatus.PENDING_UPLOAD, 2 * day)
    refused = await _asset(services, MediaStatus.REJECTED, 2 * day)
    recent = await _asset(services, MediaStatus.PENDING_UPLOAD, timedelta(hours=1))
    ready = await _asset(services, MediaStatus.READY, 30 * day)

    # when the scheduler sweeps media
    removed = await Scheduler(services).sweep_media()

    # then the stale ones are gone, files and all, and the others are untouched
    assert removed >= 2
    for gone in (abandoned, refused):
        assert await MediaAsset.get(gone.id) is None
        assert await services.storage.stat(gone.upload_key) is None
    for kept in (recent, ready):
        assert await MediaAsset.get(kept.id) is not None
        assert await services.storage.stat(kept.upload_key) is not None
