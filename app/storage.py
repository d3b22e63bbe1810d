"""Which media storage this process uses, made from the settings once and closed on the way out."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from app.settings import MediaBackend, Settings
from integrations.crypto import load_or_create_key
from integrations.storage import Storage
from integrations.storage_local import LocalStorage

if TYPE_CHECKING:
    from integrations.storage_s3 import S3Storage


@asynccontextmanager
async def open_storage(settings: Settings) -> AsyncIterator[Storage]:
    """Local disk under `data_dir/media`, or the configured S3-compatible bucket."""
    if settings.media_backend is MediaBackend.S3:
        async with _s3_storage(settings) as storage:
            yield storage
        return
    yield local_storage(settings)


def local_storage(settings: Settings) -> LocalStorage:
    """The local backend; without MEDIA_SIGNING_KEY (`herald dev` only) a key kept under data_dir."""
    key = settings.media_signing_key.get_secret_value() if settings.media_signing_key else None
    return LocalStorage(
        root=settings.data_dir / "media",
        base_url=settings.public_base_url,
        signing_key=key
        or load_or_create_key(settings.data_dir / "media-signing.key", lambda: secrets.token_urlsafe(32)),
        max_upload_bytes=max(settings.media_max_image_bytes, settings.media_max_video_bytes),
    )


@asynccontextmanager
async def _s3_storage(settings: Settings) -> AsyncIterator[S3Storage]:
    # Imported here: the AWS SDK takes a noticeable part of a second to import, which a process on
    # local media (and every worker's start) should not pay.
    import aioboto3
    from aiobotocore.config import AioConfig

    from integrations.storage_s3 import S3Storage

    if not settings.s3_bucket:
        raise SystemExit("MEDIA_BACKEND=s3 needs S3_BUCKET (and usually S3_ENDPOINT_URL and credentials).")
    secret = settings.s3_secret_access_key.get_secret_value() if settings.s3_secret_access_key else None
    config = AioConfig(
        signature_version="s3v4",
        s3={"addressing_style": "path" if settings.s3_path_style else "auto"},
        retries={"max_attempts": 3, "mode": "standard"},
    )
    session = aioboto3.Session()
    async with session.client(
        "s3",
        region_name=settings.s3_region,
        endpoint_url=settings.s3_endpoint_url,
        aws_access_key_id=settings.s3_access_key_id,
        aws_secret_access_key=secret,
        config=config,
    ) as client:
        yield await S3Storage.open(client, settings.s3_bucket)
