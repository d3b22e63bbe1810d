"""Where media bytes live: one interface, two backends.

- `LocalStorage` (`storage_local.py`): files under `data_dir/media`; clients upload and download through
  Herald's own routes with expiring HMAC-signed URLs. For `herald dev` and single-machine installs.
- `S3Storage` (`storage_s3.py`): any S3-compatible store (AWS S3, Cloudflare R2, MinIO) through aioboto3;
  clients upload straight to it with presigned URLs that bind the content type and length.

A client can write only to the key its upload URL names (`.../upload`). Herald reads that key, checks
what the bytes are, then *promotes* them to a key no URL can write to, and only if they did not change
in between: what was checked is what is served and published, even if the upload URL is used again.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True, slots=True)
class UploadTicket:
    """How a client sends one file: `method` to `url` with exactly `headers`, before `expires_at`."""

    url: str
    method: str
    headers: Mapping[str, str]
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class StoredObject:
    """An object's size and a tag that changes whenever its content is replaced."""

    size: int
    etag: str


@dataclass(frozen=True, slots=True)
class LocalCopy:
    """A file on this machine holding an object's bytes as they were when the copy was made."""

    path: Path
    size: int
    etag: str


class ObjectTooLarge(Exception):
    """The object holds more bytes than the caller agreed to read."""


class Storage(Protocol):
    """What Herald needs from a place that keeps files. Keys look like `workspace/asset/name`."""

    backend: str
    # The origin browsers send uploads to and read files from, when it is not Herald's own (the console's
    # Content-Security-Policy must allow it); None when Herald serves the files on its own routes.
    browser_origin: str | None

    async def upload_ticket(
        self, key: str, content_type: str, byte_size: int, expires_in: timedelta
    ) -> UploadTicket:
        """A URL a client can PUT exactly `byte_size` bytes of `content_type` to, until it expires."""
        ...

    async def download_url(self, key: str, content_type: str, expires_in: timedelta) -> str:
        """A URL anyone holding it can GET the object from (served as `content_type`) until it expires."""
        ...

    async def stat(self, key: str) -> StoredObject | None:
        """The object's size and tag; None when there is no such object."""
        ...

    def local_copy(self, key: str, max_bytes: int) -> AbstractAsyncContextManager[LocalCopy | None]:
        """The object's bytes in a local file for the duration of the block; None when it is missing.

        Raises `ObjectTooLarge` when the object has more than `max_bytes` (nothing larger is read).
        """
        ...

    async def promote(self, source: str, dest: str, etag: str) -> bool:
        """Move `source` to `dest` if its tag is still `etag`; False (and nothing moved) when it changed."""
        ...

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        """Store a small object Herald made itself (a variant), replacing any previous one."""
        ...

    async def get(self, key: str) -> bytes | None:
        """A small object's bytes; None when it is missing."""
        ...

    async def delete_prefix(self, prefix: str) -> None:
        """Delete every object whose key starts with `prefix` (missing ones are not an error)."""
        ...
