"""Media in an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO) through aioboto3.

Clients upload straight to the bucket with a presigned PUT whose signature covers the content type and
the content length, so the store itself refuses any other size or type. Herald then downloads the object
once to check it, and promotes it with a conditional server-side copy (`CopySourceIfMatch` on the ETag it
checked), so a second PUT to the upload URL can never replace what was checked.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import tempfile
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, TYPE_CHECKING
from urllib.parse import urlsplit

from aiobotocore.response import StreamingBody
from botocore.exceptions import ClientError

from integrations.storage import LocalCopy, ObjectTooLarge, StoredObject, UploadTicket

if TYPE_CHECKING:
    from types_aiobotocore_s3.client import S3Client

_MISSING = frozenset({"404", "NoSuchKey", "NotFound"})
_CHANGED = frozenset({"412", "PreconditionFailed"})
_DELETE_BATCH = 1000  # DeleteObjects takes at most this many keys


class S3Storage:
    """The `Storage` contract on one bucket, with a client opened by the caller (see `app/storage.py`)."""

    backend = "s3"

    def __init__(self, client: S3Client, bucket: str, browser_origin: str) -> None:
        self._client = client
        self._bucket = bucket
        self.browser_origin: str | None = browser_origin

    @classmethod
    async def open(cls, client: S3Client, bucket: str) -> S3Storage:
        """The storage, with the origin its presigned URLs point at (path- or virtual-host-style, as the
        client's addressing makes them) read off one such URL rather than guessed from the settings."""
        probe = urlsplit(
            await client.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "origin"})
        )
        return cls(client, bucket, f"{probe.scheme}://{probe.netloc}")

    async def upload_ticket(
        self, key: str, content_type: str, byte_size: int, expires_in: timedelta
    ) -> UploadTicket:
        """A presigned PUT; the signature binds `Content-Type` and `Content-Length`."""
        seconds = int(expires_in.total_seconds())
        url = await self._client.generate_presigned_url(
            "put_object",
            Params={
                "Bucket": self._bucket,
                "Key": key,
                "ContentType": content_type,
                "ContentLength": byte_size,
            },
            ExpiresIn=seconds,
            HttpMethod="PUT",
        )
        return UploadTicket(
            url=url,
            method="PUT",
            headers={"Content-Type": content_type},
            expires_at=datetime.now(UTC) + timedelta(seconds=seconds),
        )

    async def download_url(self, key: str, content_type: str, expires_in: timedelta) -> str:
        """A presigned GET that answers with `content_type`, whatever the uploader claimed."""
        return await self._client.generate_presigned_url(
            "get_object",
            Params={"Bucket": self._bucket, "Key": key, "ResponseContentType": content_type},
            ExpiresIn=int(expires_in.total_seconds()),
        )

    async def stat(self, key: str) -> StoredObject | None:
        """HEAD the object; None when it does not exist."""
        try:
            head = await self._client.head_object(Bucket=self._bucket, Key=key)
        except ClientError as exc:
            if _code(exc) in _MISSING:
                return None
            raise
        return StoredObject(size=head["ContentLength"], etag=head["ETag"])

    @contextlib.asynccontextmanager
    async def local_copy(self, key: str, max_bytes: int) -> AsyncIterator[LocalCopy | None]:
        """Download into a temporary file, stopping as soon as more than `max_bytes` arrive."""
        try:
            response = await self._client.get_object(Bucket=self._bucket, Key=key)
        except ClientError as exc:
            if _code(exc) in _MISSING:
                yield None
                return
            raise
        if response["ContentLength"] > max_bytes:
            response["Body"].close()
            raise ObjectTooLarge(f"{response['ContentLength']} bytes, more than {max_bytes}")
        handle, name = tempfile.mkstemp(prefix="herald-media-")
        path = Path(name)
        try:
            out = await asyncio.to_thread(os.fdopen, handle, "wb")
            size = await _copy_body(response["Body"], out, max_bytes)
            yield LocalCopy(path=path, size=size, etag=response["ETag"])
        finally:
            await asyncio.to_thread(path.unlink, missing_ok=True)

    async def promote(self, source: str, dest: str, etag: str) -> bool:
        """Server-side copy conditional on the ETag that was checked, then delete the source."""
        try:
            await self._client.copy_object(
                Bucket=self._bucket,
                Key=dest,
                CopySource={"Bucket": self._bucket, "Key": source},
                CopySourceIfMatch=etag,
                MetadataDirective="COPY",
            )
        except ClientError as exc:
            if _code(exc) in _CHANGED | _MISSING:
                return False
            raise
        await self._client.delete_object(Bucket=self._bucket, Key=source)
        return True

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        """PUT a small object Herald made."""
        await self._client.put_object(Bucket=self._bucket, Key=key, Body=data, ContentType=content_type)

    async def get(self, key: str) -> bytes | None:
        """GET a small object; None when it does not exist."""
        try:
            response = await self._client.get_object(Bucket=self._bucket, Key=key)
        except ClientError as exc:
            if _code(exc) in _MISSING:
                return None
            raise
        async with response["Body"] as body:
            return await body.read()

    async def delete_prefix(self, prefix: str) -> None:
        """List the prefix and delete what is there, a thousand keys per request."""
        paginator = self._client.get_paginator("list_objects_v2")
        keys: list[str] = []
        async for page in paginator.paginate(Bucket=self._bucket, Prefix=prefix):
            keys += [item["Key"] for item in page.get("Contents", [])]
        for start in range(0, len(keys), _DELETE_BATCH):
            batch = keys[start : start + _DELETE_BATCH]
            await self._client.delete_objects(
                Bucket=self._bucket, Delete={"Objects": [{"Key": k} for k in batch], "Quiet": True}
            )


async def _copy_body(body: StreamingBody, out: IO[bytes], max_bytes: int) -> int:
    """Stream an S3 body into `out`; `ObjectTooLarge` past `max_bytes` (the object may have grown)."""
    size = 0
    try:
        async for chunk in body.iter_chunks(1 << 20):
            size += len(chunk)
            if size > max_bytes:
                raise ObjectTooLarge(f"more than {max_bytes} bytes")
            await asyncio.to_thread(out.write, chunk)
    finally:
        await asyncio.to_thread(out.close)
        body.close()
    return size


def _code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))
