"""The scheduler's media sweep: uploads nobody completed (and refused files) go within the hour, with
their files; anything READY stays."""

from __future__ import annotations

from datetime import timedelta

from beanie import PydanticObjectId

from app.services import Services
from app.settings import Settings
from models.clock import utcnow
from models.media_asset import MediaAsset, MediaStatus
from models.platform import MediaKind
from resolvers.media import CHECK_LEASE
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
    recent = await _asset(services, MediaStatus.PENDING_UPLOAD, timedelta(minutes=10))
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


async def test_an_upload_abandoned_for_most_of_an_hour_is_swept(services: Services) -> None:
    # given an upload asked for 50 minutes ago (its URL long expired) and never completed
    abandoned = await _asset(services, MediaStatus.PENDING_UPLOAD, timedelta(minutes=50))

    # when the scheduler sweeps media with the default settings
    await Scheduler(services).sweep_media()

    # then it is gone with its file
    assert await MediaAsset.get(abandoned.id) is None
    assert await services.storage.stat(abandoned.upload_key) is None


async def test_an_upload_being_checked_is_not_swept(services: Services) -> None:
    # given an old upload whose completion is checking its bytes right now
    checking = await _asset(services, MediaStatus.PENDING_UPLOAD, 2 * timedelta(days=1))
    assert await checking.claim_check(timedelta(minutes=10))

    # when the scheduler sweeps media
    await Scheduler(services).sweep_media()

    # then the check keeps its asset and file
    assert await MediaAsset.get(checking.id) is not None
    assert await services.storage.stat(checking.upload_key) is not None


def test_an_abandoned_upload_goes_within_the_hour_by_default() -> None:
    # the worst case is an upload just younger than the age at one sweep, deleted at the next one
    defaults = Settings(_env_file=None)
    worst = defaults.media_orphan_after_seconds + defaults.media_sweep_interval_seconds
    assert worst <= 3600
    # and an upload can still be sent and completed before it counts as abandoned
    assert (
        defaults.media_orphan_after_seconds > defaults.media_upload_ttl_seconds + CHECK_LEASE.total_seconds()
    )
