"""altTextGenerate against a local Gemini: the image itself goes to the model, inline."""

from __future__ import annotations

import base64
import io
from typing import Any

import pytest
from PIL import Image as PilImage

from tests.herald_client import Member, sign_up
from tests.media_client import ready_asset
from tests.media_samples import mp4, png
from tests.services.gemini_server import GeminiServer, json_answer
from tests.stack import ApiServer, data

ALT_TEXT = """
mutation ($id: ID!, $language: String) {
  altTextGenerate(mediaId: $id, language: $language) { altText userErrors { code field } }
}"""
RED = (200, 30, 30, 255)


async def alt_text(api: ApiServer, member: Member, asset_id: str, **variables: Any) -> dict[str, Any]:
    body = await data(api, ALT_TEXT, {"id": asset_id, **variables}, token=member.token)
    payload: dict[str, Any] = body["altTextGenerate"]
    return payload


@pytest.fixture(scope="module")
async def member(api: ApiServer) -> Member:
    return await sign_up(api)


async def test_the_image_goes_inline_and_the_alt_text_comes_back(
    api: ApiServer, gemini: GeminiServer, member: Member
) -> None:
    # given a red image uploaded to the library, and a model that describes it
    asset = await ready_asset(api, member, png(40, 30, RED), "red.png", "image/png")
    gemini.script(json_answer({"altText": "  A red   rectangle. "}))

    # when alt text is asked for, in Portuguese
    payload = await alt_text(api, member, asset["id"], language="pt")

    # then the alt text comes back tidied
    assert payload == {"altText": "A red rectangle.", "userErrors": []}
    # and the model got the image's pixels inline, base64, with their MIME type
    parts = gemini.requests[0].body["contents"][0]["parts"]
    inline = parts[1]["inlineData"]
    assert inline.get("mimeType", inline.get("mime_type")) == "image/jpeg"
    sent = PilImage.open(io.BytesIO(base64.urlsafe_b64decode(inline["data"])))
    assert sent.size == (40, 30)
    pixel = sent.convert("RGB").getpixel((20, 15))
    assert isinstance(pixel, tuple)
    red, green, blue = pixel
    assert red > 180 and green < 60 and blue < 60
    assert '"language": "pt"' in parts[0]["text"]


async def test_videos_and_strangers_get_no_alt_text(
    api: ApiServer, gemini: GeminiServer, member: Member
) -> None:
    # given a video and an image in the member's library, and someone from another workspace
    video = await ready_asset(api, member, mp4(seconds=0.5), "clip.mp4", "video/mp4")
    image = await ready_asset(api, member, png(8, 8), "dot.png", "image/png")
    stranger = await sign_up(api)

    # when alt text is asked for the video, and by the stranger for the image
    as_video = await alt_text(api, member, video["id"])
    as_stranger = await alt_text(api, stranger, image["id"])

    # then neither reaches the model
    assert [e["code"] for e in as_video["userErrors"]] == ["MEDIA_NOT_AN_IMAGE"]
    assert as_stranger["userErrors"] == [{"code": "MEDIA_NOT_FOUND", "field": ["mediaId"]}]
    assert gemini.requests == []
