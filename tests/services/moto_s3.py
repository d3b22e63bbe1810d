"""moto's S3 server over real HTTP, and a Herald API whose media live in it.

    async with media_on_s3(settings, services) as stack:   # MediaStack(backend="s3", api, storage)
        ...

moto answers the S3 REST API like the real thing, with one difference the tests must keep in mind: it
checks no signatures, expiries, policies or conditions. A presigned PUT with another length or content
type is stored anyway, an expired presigned URL still works, and `CopySourceIfMatch` is not checked. So
on S3 the tests show that Herald *itself* catches a wrong size at completion; the local backend (whose
routes Herald serves) is where signature and expiry checks are tested.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace

import aioboto3
from pydantic import SecretStr

from app.embedded import free_port
from app.services import Services
from app.settings import MediaBackend, Settings
from app.storage import open_storage
from integrations.storage import Storage
from tests.stack import ApiServer, running_api

BUCKET = "herald-media"
START_TIMEOUT = 30.0


@dataclass(frozen=True)
class MediaStack:
    """An API and the media storage behind it."""

    backend: str
    api: ApiServer
    storage: Storage


@contextlib.asynccontextmanager
async def moto_server() -> AsyncIterator[str]:
    """`python -m moto.server` on a free port; its endpoint URL. Stopped (and waited for) on exit."""
    port = free_port()
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "moto.server",
        "-H",
        "127.0.0.1",
        "-p",
        str(port),
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        await _wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        if process.returncode is None:
            process.terminate()
            try:
                await asyncio.wait_for(process.wait(), 10)
            except TimeoutError:
                process.kill()
                await process.wait()


async def _wait_for_port(port: int, process: asyncio.subprocess.Process) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.returncode is not None:
            raise RuntimeError(f"moto_server exited with {process.returncode}")
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.05)
            continue
        writer.close()
        await writer.wait_closed()
        return
    raise RuntimeError("moto_server did not open its port in time")


async def create_bucket(endpoint: str) -> None:
    session = aioboto3.Session()
    async with session.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    ) as client:
        await client.create_bucket(Bucket=BUCKET)


def s3_settings(settings: Settings, endpoint: str, port: int) -> Settings:
    """The suite's settings with media in moto's S3 (path-style, as MinIO and moto need)."""
    return settings.model_copy(
        update={
            "media_backend": MediaBackend.S3,
            "s3_bucket": BUCKET,
            "s3_endpoint_url": endpoint,
            "s3_region": "us-east-1",
            "s3_access_key_id": "testing",
            "s3_secret_access_key": SecretStr("testing"),
            "s3_path_style": True,
            "port": port,
            "public_base_url": f"http://127.0.0.1:{port}",
        }
    )


@contextlib.asynccontextmanager
async def media_on_s3(settings: Settings, services: Services) -> AsyncIterator[MediaStack]:
    """moto, a bucket, and a second API over the session's services with its media in that bucket."""
    async with moto_server() as endpoint:
        port = free_port()
        on_s3 = s3_settings(settings, endpoint, port)
        await create_bucket(endpoint)
        async with open_storage(on_s3) as storage:
            with_s3 = replace(services, settings=on_s3, storage=storage)
            async with running_api(on_s3, with_s3, port=port) as api:
                yield MediaStack(backend="s3", api=api, storage=storage)
