"""Media on local disk under `data_dir/media`, uploaded and served through Herald with signed URLs.

An upload URL is `PUT {base}/media/upload/{key}?expires=..&length=..&type=..&signature=..` and a
download URL `GET {base}/media/files/{key}?expires=..&type=..&signature=..`; the signature is an
HMAC-SHA256 over the method, key, expiry, length and content type, so none of them can be changed.
The routes themselves are in `app/media_routes.py`; this module signs, verifies and does the file work
(in threads, so the event loop never waits on the disk).

Files are written to a temporary name and renamed into place, so a reader never sees half a file and a
replaced file gets a new inode: the tag (`etag`) is the inode, size and modification time.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import os
import re
import shutil
import time
import uuid
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote, urlencode

from integrations.storage import LocalCopy, ObjectTooLarge, StoredObject, UploadTicket

UPLOAD_PATH = "/media/upload/"
FILES_PATH = "/media/files/"
_SEGMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
_TMP = ".tmp"  # inside the root, so renames into place stay on one filesystem


class UrlRefused(Exception):
    """A signed URL that is malformed, forged or expired; `status` is the HTTP answer."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class IncompleteUpload(Exception):
    """The request body ended before the declared length."""


@dataclass(frozen=True, slots=True)
class UploadGrant:
    """What a verified upload URL allows: exactly `length` bytes of `content_type`."""

    length: int
    content_type: str


def valid_key(key: str) -> bool:
    """Whether `key` is one of ours: plain path segments, nothing that could climb out of the root."""
    return 0 < len(key) <= 512 and all(_SEGMENT.fullmatch(part) for part in key.split("/"))


class LocalStorage:
    """The `Storage` contract on a local directory."""

    backend = "local"
    browser_origin: str | None = None  # Herald's own routes (`app/media_routes.py`)

    def __init__(self, root: Path, base_url: str, signing_key: str, max_upload_bytes: int) -> None:
        self.root = root
        self.max_upload_bytes = max_upload_bytes
        self._base_url = base_url.rstrip("/")
        self._key = signing_key.encode()

    # --- signed URLs ------------------------------------------------------------------------------------

    async def upload_ticket(
        self, key: str, content_type: str, byte_size: int, expires_in: timedelta
    ) -> UploadTicket:
        """A signed PUT URL for exactly `byte_size` bytes of `content_type`."""
        expires = int(time.time() + expires_in.total_seconds())
        params = {"expires": str(expires), "length": str(byte_size), "type": content_type}
        url = self._signed_url(UPLOAD_PATH, "PUT", key, params)
        return UploadTicket(
            url=url,
            method="PUT",
            headers={"Content-Type": content_type},
            expires_at=datetime.fromtimestamp(expires, UTC),
        )

    async def download_url(self, key: str, content_type: str, expires_in: timedelta) -> str:
        """A signed GET URL; Herald serves the file as `content_type`."""
        expires = int(time.time() + expires_in.total_seconds())
        return self._signed_url(FILES_PATH, "GET", key, {"expires": str(expires), "type": content_type})

    def verify_upload(self, key: str, query: Mapping[str, str]) -> UploadGrant:
        """The grant of a signed upload URL; `UrlRefused` when it is forged, malformed or expired."""
        self._verify("PUT", key, query, ("expires", "length", "type"))
        try:
            length = int(query["length"])
        except ValueError:
            raise UrlRefused(400, "The upload URL is malformed.") from None
        return UploadGrant(length=length, content_type=query["type"])

    def verify_download(self, key: str, query: Mapping[str, str]) -> str:
        """The content type a signed download URL serves; `UrlRefused` when it is not valid."""
        self._verify("GET", key, query, ("expires", "type"))
        return query["type"]

    def _signed_url(self, route: str, method: str, key: str, params: dict[str, str]) -> str:
        signature = self._signature(method, key, params)
        return f"{self._base_url}{route}{quote(key)}?{urlencode({**params, 'signature': signature})}"

    def _signature(self, method: str, key: str, params: Mapping[str, str]) -> str:
        message = "\n".join([method, key, *(f"{name}={params[name]}" for name in sorted(params))])
        return hmac.new(self._key, message.encode(), hashlib.sha256).hexdigest()

    def _verify(self, method: str, key: str, query: Mapping[str, str], names: tuple[str, ...]) -> None:
        if not valid_key(key) or any(name not in query for name in (*names, "signature")):
            raise UrlRefused(400, "The URL is malformed.")
        expected = self._signature(method, key, {name: query[name] for name in names})
        if not hmac.compare_digest(expected, query["signature"]):
            raise UrlRefused(403, "The URL's signature does not match.")
        try:
            expires = int(query["expires"])
        except ValueError:
            raise UrlRefused(400, "The URL is malformed.") from None
        if expires < time.time():
            raise UrlRefused(403, "The URL has expired; ask Herald for a new one.")

    # --- files ----------------------------------------------------------------------------------------

    def path_of(self, key: str) -> Path:
        """The file of `key` (which must be valid)."""
        if not valid_key(key):
            raise ValueError(f"not a media key: {key!r}")
        return self.root / key

    async def receive(self, key: str, chunks: AsyncIterator[bytes], length: int) -> None:
        """Store exactly `length` bytes from `chunks` under `key`, replacing it only when all arrived.

        Raises `ObjectTooLarge` as soon as more than `length` bytes arrive, `IncompleteUpload` when
        fewer do; either way nothing is stored.
        """
        temp = await asyncio.to_thread(self._temp_path)
        received = 0
        out = await asyncio.to_thread(temp.open, "wb")
        try:
            try:
                async for chunk in chunks:
                    received += len(chunk)
                    if received > length:
                        raise ObjectTooLarge(f"more than the declared {length} bytes")
                    await asyncio.to_thread(out.write, chunk)
            finally:
                await asyncio.to_thread(out.close)
            if received != length:
                raise IncompleteUpload(f"{received} of {length} bytes arrived")
            await asyncio.to_thread(self._move_into_place, temp, self.path_of(key))
        finally:
            temp.unlink(missing_ok=True)

    async def stat(self, key: str) -> StoredObject | None:
        """Size and tag of the file; None when it does not exist."""
        try:
            info = await asyncio.to_thread(os.stat, self.path_of(key))
        except FileNotFoundError:
            return None
        return StoredObject(size=info.st_size, etag=_etag(info))

    @contextlib.asynccontextmanager
    async def local_copy(self, key: str, max_bytes: int) -> AsyncIterator[LocalCopy | None]:
        """A hard link to the file, so a replacement arriving meanwhile cannot change what is read."""
        pinned = await asyncio.to_thread(self._temp_path)
        try:
            await asyncio.to_thread(os.link, self.path_of(key), pinned)
        except FileNotFoundError:
            yield None
            return
        try:
            info = await asyncio.to_thread(os.stat, pinned)
            if info.st_size > max_bytes:
                raise ObjectTooLarge(f"{info.st_size} bytes, more than {max_bytes}")
            yield LocalCopy(path=pinned, size=info.st_size, etag=_etag(info))
        finally:
            pinned.unlink(missing_ok=True)

    async def promote(self, source: str, dest: str, etag: str) -> bool:
        """Rename, then check the tag of what was renamed (a rename keeps the inode): no window between."""
        return await asyncio.to_thread(self._promote, self.path_of(source), self.path_of(dest), etag)

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        """Write the file under a temporary name, then rename it into place."""

        def write() -> None:
            temp = self._temp_path()
            try:
                temp.write_bytes(data)
                self._move_into_place(temp, self.path_of(key))
            finally:
                temp.unlink(missing_ok=True)

        await asyncio.to_thread(write)

    async def get(self, key: str) -> bytes | None:
        """The file's bytes; None when it does not exist."""
        try:
            return await asyncio.to_thread(self.path_of(key).read_bytes)
        except FileNotFoundError:
            return None

    async def delete_prefix(self, prefix: str) -> None:
        """Remove the directory `prefix` names (keys are `workspace/asset/name`, so prefixes are dirs)."""
        target = self.path_of(prefix.rstrip("/"))
        await asyncio.to_thread(shutil.rmtree, target, ignore_errors=True)

    # --- internals ------------------------------------------------------------------------------------

    def _temp_path(self) -> Path:
        directory = self.root / _TMP
        directory.mkdir(parents=True, exist_ok=True)
        return directory / uuid.uuid4().hex

    @staticmethod
    def _move_into_place(temp: Path, final: Path) -> None:
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(temp, final)

    @staticmethod
    def _promote(source: Path, dest: Path, etag: str) -> bool:
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.replace(source, dest)
        except FileNotFoundError:
            return False
        if _etag(os.stat(dest)) == etag:
            return True
        dest.unlink(missing_ok=True)  # a different file arrived after the check: it was never checked
        return False


def _etag(info: os.stat_result) -> str:
    return f"{info.st_ino:x}-{info.st_size:x}-{info.st_mtime_ns:x}"
