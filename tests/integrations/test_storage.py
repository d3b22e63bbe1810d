"""The storage contract, on local disk (through Herald's signed routes) and on S3 (moto over HTTP).

moto checks no signature, expiry or condition (see tests/services/moto_s3.py): what only the store can
enforce is tested on the local backend, whose routes Herald serves itself; on S3 the tests check that
the presigned URLs *ask* for it.
"""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from app.services import Services
from integrations.storage import ObjectTooLarge, Storage
from integrations.storage_local import LocalStorage
from tests.services.moto_s3 import MediaStack

MINUTE = timedelta(minutes=1)


def _prefix() -> str:
    return f"{uuid.uuid4().hex[:24]}/{uuid.uuid4().hex[:24]}"


async def _upload(storage: Storage, key: str, data: bytes, content_type: str = "image/png") -> httpx.Response:
    ticket = await storage.upload_ticket(key, content_type, len(data), MINUTE)
    async with httpx.AsyncClient(timeout=30) as client:
        return await client.request(ticket.method, ticket.url, content=data, headers=dict(ticket.headers))


async def test_an_upload_is_checked_promoted_and_served(media_stack: MediaStack) -> None:
    storage = media_stack.storage
    prefix, data = _prefix(), b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40

    # given bytes uploaded through the upload URL, with a real HTTP client
    response = await _upload(storage, f"{prefix}/upload", data)
    assert response.status_code == 200, response.text

    # when Herald reads them and promotes them
    stored = await storage.stat(f"{prefix}/upload")
    assert stored is not None and stored.size == len(data)
    async with storage.local_copy(f"{prefix}/upload", max_bytes=len(data)) as copy:
        assert copy is not None and copy.path.read_bytes() == data
        etag = copy.etag
    assert await storage.promote(f"{prefix}/upload", f"{prefix}/original", etag)

    # then the original is served through its signed URL, as the type Herald says, and the upload is gone
    url = await storage.download_url(f"{prefix}/original", "image/png", MINUTE)
    async with httpx.AsyncClient() as client:
        served = await client.get(url)
    assert served.status_code == 200
    assert served.content == data
    assert served.headers["content-type"].startswith("image/png")
    assert await storage.stat(f"{prefix}/upload") is None


async def test_small_objects_and_prefix_deletion(media_stack: MediaStack) -> None:
    storage, prefix = media_stack.storage, _prefix()
    await storage.put(f"{prefix}/thumbnail.jpg", b"thumb", "image/jpeg")
    await storage.put(f"{prefix}/bluesky.jpg", b"blue", "image/jpeg")
    assert await storage.get(f"{prefix}/thumbnail.jpg") == b"thumb"

    await storage.delete_prefix(f"{prefix}/")

    assert await storage.get(f"{prefix}/thumbnail.jpg") is None
    assert await storage.stat(f"{prefix}/bluesky.jpg") is None
    assert await storage.get(f"{_prefix()}/never.jpg") is None


async def test_reading_more_than_agreed_is_refused(media_stack: MediaStack) -> None:
    storage, prefix = media_stack.storage, _prefix()
    await storage.put(f"{prefix}/upload", b"x" * 5000, "image/png")
    with pytest.raises(ObjectTooLarge):
        async with storage.local_copy(f"{prefix}/upload", max_bytes=4000):
            pass
    async with storage.local_copy(f"{_prefix()}/upload", max_bytes=10) as missing:
        assert missing is None


async def test_upload_urls_bind_type_length_and_expiry(media_stack: MediaStack) -> None:
    ticket = await media_stack.storage.upload_ticket(f"{_prefix()}/upload", "image/png", 1234, MINUTE)
    query = parse_qs(urlsplit(ticket.url).query)
    assert ticket.method == "PUT"
    assert ticket.headers == {"Content-Type": "image/png"}
    if media_stack.backend == "s3":
        # the store checks what the signature covers (moto does not: see the module docstring)
        assert query["X-Amz-SignedHeaders"] == ["content-length;content-type;host"]
        assert query["X-Amz-Expires"] == ["60"]
    else:
        assert (query["length"], query["type"]) == (["1234"], ["image/png"])
        assert "signature" in query and "expires" in query


# --- what Herald's local upload route enforces itself -----------------------------------------------


@pytest.fixture
def local(services: Services, api: object) -> LocalStorage:
    assert isinstance(services.storage, LocalStorage)
    return services.storage


async def test_local_signed_urls_expire(local: LocalStorage) -> None:
    # given an object, a download URL still valid and one whose time ran out five seconds ago
    # (an expiry in the past instead of a sleep: the answer must not depend on how busy the machine is)
    key = f"{_prefix()}/original"
    await local.put(key, b"soon gone", "image/png")
    fresh = await local.download_url(key, "image/png", MINUTE)
    expired = await local.download_url(key, "image/png", timedelta(seconds=-5))

    # when both are fetched, then only the fresh one works
    async with httpx.AsyncClient() as client:
        assert (await client.get(fresh)).status_code == 200
        assert (await client.get(expired)).status_code == 403


async def test_local_upload_route_refuses_what_the_url_does_not_allow(local: LocalStorage) -> None:
    key = f"{_prefix()}/upload"
    ticket = await local.upload_ticket(key, "image/png", 1000, MINUTE)
    forged = ticket.url.replace("length=1000", "length=9999")
    async with httpx.AsyncClient() as client:
        # more bytes than declared: refused at once (413) and nothing stored
        too_many = await client.put(ticket.url, content=b"x" * 2000, headers={"Content-Type": "image/png"})
        # fewer bytes than declared, another type, a forged length
        too_few = await client.put(ticket.url, content=b"x" * 10, headers={"Content-Type": "image/png"})
        wrong_type = await client.put(ticket.url, content=b"x" * 1000, headers={"Content-Type": "text/html"})
        forged_length = await client.put(forged, content=b"x" * 9999, headers={"Content-Type": "image/png"})
    assert [r.status_code for r in (too_many, too_few, wrong_type, forged_length)] == [413, 400, 415, 403]
    assert await local.stat(key) is None


async def test_local_upload_url_expires(local: LocalStorage) -> None:
    key = f"{_prefix()}/upload"
    ticket = await local.upload_ticket(key, "image/png", 3, timedelta(seconds=1))
    await asyncio.sleep(1.5)
    async with httpx.AsyncClient() as client:
        late = await client.put(ticket.url, content=b"abc", headers={"Content-Type": "image/png"})
    assert late.status_code == 403
    assert await local.stat(key) is None


async def test_a_file_replaced_after_its_check_is_not_promoted(local: LocalStorage) -> None:
    # given an upload that was read (and checked) once
    prefix = _prefix()
    assert (await _upload(local, f"{prefix}/upload", b"checked")).status_code == 200
    async with local.local_copy(f"{prefix}/upload", max_bytes=100) as copy:
        assert copy is not None
        etag = copy.etag

    # when the upload URL is used again before the promotion
    assert (await _upload(local, f"{prefix}/upload", b"swapped")).status_code == 200

    # then the new bytes are not promoted: nothing unchecked becomes the original
    assert not await local.promote(f"{prefix}/upload", f"{prefix}/original", etag)
    assert await local.stat(f"{prefix}/original") is None


async def test_downloads_cannot_run_as_pages(local: LocalStorage) -> None:
    key = f"{_prefix()}/original"
    await local.put(key, b"<script>alert(1)</script>", "image/png")
    async with httpx.AsyncClient() as client:
        served = await client.get(await local.download_url(key, "image/png", MINUTE))
    assert served.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in served.headers["content-security-policy"]
