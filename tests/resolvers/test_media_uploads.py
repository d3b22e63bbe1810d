"""Uploading media through the API, on both backends: ask, send straight to storage, complete.

Every test here runs twice, with media on local disk (Herald's own signed routes) and in moto's S3.
"""

from __future__ import annotations

import hashlib
import io

import httpx
import pytest
from PIL import Image

from models.media_asset import MediaAsset, MediaStatus
from models.media_files import BLUESKY, POSTER, THUMBNAIL
from resolvers.media_renditions import bluesky_variant
from schema.relay import parse_id_of
from tests.herald_client import Member, sign_up
from tests.media_client import complete, ready_asset, send, upload_create
from tests.media_samples import HTML, mp4, photo, png, png_bomb
from tests.services.moto_s3 import MediaStack


@pytest.fixture
async def member(media_stack: MediaStack) -> Member:
    return await sign_up(media_stack.api)


async def _model(asset_id: str) -> MediaAsset:
    found = await MediaAsset.get(parse_id_of("MediaAsset", asset_id))
    assert found is not None
    return found


async def _get(url: str) -> httpx.Response:
    async with httpx.AsyncClient(timeout=30) as client:
        return await client.get(url)


async def test_a_png_named_jpg_becomes_a_ready_png(media_stack: MediaStack, member: Member) -> None:
    # given a PNG that says it is a JPEG, by name and by claimed type
    body = png(640, 480)

    # when it is uploaded and completed
    asset = await ready_asset(media_stack.api, member, body, "holiday.jpg", "image/jpeg")

    # then Herald says what it really is, and serves it and its thumbnail through short-lived URLs
    assert (asset["kind"], asset["contentType"], asset["width"], asset["height"]) == (
        "IMAGE",
        "image/png",
        640,
        480,
    )
    assert (asset["byteSize"], asset["sha256"]) == (len(body), hashlib.sha256(body).hexdigest())
    assert asset["filename"] == "holiday.jpg"
    original = await _get(asset["url"])
    assert (original.status_code, original.content) == (200, body)
    assert original.headers["content-type"].startswith("image/png")
    thumbnail = await _get(asset["thumbnailUrl"])
    assert Image.open(io.BytesIO(thumbnail.content)).size == (400, 300)


@pytest.mark.parametrize(
    ("body", "filename", "content_type", "code"),
    [
        (HTML, "cat.png", "image/png", "UNSUPPORTED_FILE_TYPE"),
        (photo(800, 600)[:40_000], "cut.jpg", "image/jpeg", "FILE_DAMAGED"),
        (png_bomb(), "bomb.png", "image/png", "TOO_MANY_PIXELS"),
    ],
    ids=["html-named-png", "truncated-jpeg", "png-bomb"],
)
async def test_a_file_that_is_not_what_it_claims_is_rejected_and_deleted(
    media_stack: MediaStack, member: Member, body: bytes, filename: str, content_type: str, code: str
) -> None:
    # given a file uploaded under a name and type it does not live up to
    sent = await send(media_stack.api, member, body, filename=filename, content_type=content_type)
    assert sent.put_status == 200

    # when the upload is completed
    completed = await complete(media_stack.api, member, sent.asset_id)

    # then it is REJECTED with a code and a reason, nothing of it is kept, and asking again says the same
    assert [e["code"] for e in completed["userErrors"]] == [code]
    asset = completed["asset"]
    assert (asset["status"], asset["url"], asset["thumbnailUrl"]) == ("REJECTED", None, None)
    assert asset["rejectionReason"]
    model = await _model(sent.asset_id)
    assert await media_stack.storage.stat(model.upload_key) is None
    again = await complete(media_stack.api, member, sent.asset_id)
    assert [e["code"] for e in again["userErrors"]] == [code]


async def test_a_file_larger_than_allowed_is_refused(media_stack: MediaStack, member: Member) -> None:
    # given an upload announced as 1,000 bytes, and a client that sends 10.5 MB (the limit is 10 MB)
    sent = await send(
        media_stack.api,
        member,
        b"\0" * 10_500_000,
        filename="big.mp4",
        content_type="video/mp4",
        declared=1000,
    )
    completed = await complete(media_stack.api, member, sent.asset_id)
    model = await _model(sent.asset_id)

    if media_stack.backend == "local":
        # then Herald's upload route refuses it at once and keeps nothing: there is nothing to complete
        assert sent.put_status in (413, -1)  # -1: it answered and closed before the body was all sent
        assert [e["code"] for e in completed["userErrors"]] == ["UPLOAD_MISSING"]
        assert model.status is MediaStatus.PENDING_UPLOAD
    else:
        # moto stores it (it checks no signed length): Herald refuses it at completion and deletes it
        assert sent.put_status == 200
        assert [e["code"] for e in completed["userErrors"]] == ["FILE_TOO_LARGE"]
        assert model.status is MediaStatus.REJECTED
    assert await media_stack.storage.stat(model.upload_key) is None


async def test_an_upload_above_the_limit_is_refused_before_it_starts(
    media_stack: MediaStack, member: Member
) -> None:
    created = await upload_create(
        media_stack.api, member, filename="huge.jpg", content_type="image/jpeg", byte_size=9_000_000
    )
    assert (created["asset"], created["uploadUrl"]) == (None, None)
    assert [(e["code"], e["field"]) for e in created["userErrors"]] == [("FILE_TOO_LARGE", ["byteSize"])]


async def test_completing_before_uploading_changes_nothing(media_stack: MediaStack, member: Member) -> None:
    created = await upload_create(
        media_stack.api, member, filename="later.png", content_type="image/png", byte_size=10
    )
    completed = await complete(media_stack.api, member, created["asset"]["id"])
    assert [e["code"] for e in completed["userErrors"]] == ["UPLOAD_MISSING"]
    assert completed["asset"]["status"] == "PENDING_UPLOAD"


async def test_a_3_mb_photo_gets_a_bluesky_variant_under_a_megabyte(
    media_stack: MediaStack, member: Member
) -> None:
    # given a READY 2048 x 1536 photo of about 3 MB
    body = photo(2048, 1536, quality=92)
    assert len(body) > 2_900_000
    asset = await ready_asset(media_stack.api, member, body, "photo.jpg", "image/jpeg")
    model = await _model(asset["id"])

    # when the Bluesky variant is asked for, twice
    first = await bluesky_variant(media_stack.storage, model)
    second = await bluesky_variant(media_stack.storage, await _model(asset["id"]))

    # then it is a JPEG of at most 1,000,000 bytes with the photo's ratio, made once and kept
    assert len(first.data) <= 1_000_000
    assert first.width / first.height == pytest.approx(2048 / 1536, abs=0.01)
    assert Image.open(io.BytesIO(first.data)).size == (first.width, first.height)
    assert second == first
    stored = (await _model(asset["id"])).variants[BLUESKY]
    assert (stored.width, stored.height, stored.bytes) == (first.width, first.height, len(first.data))


async def test_a_short_mp4_is_probed_with_a_poster_frame(media_stack: MediaStack, member: Member) -> None:
    # given a 2-second 320 x 240 H.264 clip, uploaded as a .mov that it is not
    asset = await ready_asset(media_stack.api, member, mp4(seconds=2.0), "clip.mov", "video/quicktime")

    # then Herald knows it is an MP4 video of 2 seconds, and shows its first frame as the thumbnail
    assert (asset["kind"], asset["contentType"], asset["width"], asset["height"]) == (
        "VIDEO",
        "video/mp4",
        320,
        240,
    )
    assert asset["durationSeconds"] == pytest.approx(2.0, abs=0.1)
    model = await _model(asset["id"])
    assert set(model.variants) == {THUMBNAIL, POSTER}
    assert model.video_codec == "h264"
    poster = await media_stack.storage.get(model.variants[POSTER].key)
    assert poster is not None and Image.open(io.BytesIO(poster)).size == (320, 240)
    thumbnail = await _get(asset["thumbnailUrl"])
    assert thumbnail.headers["content-type"].startswith("image/jpeg")
