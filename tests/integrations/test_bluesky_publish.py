"""Bluesky beyond plain text, against the real local PDS: threads, quotes, replies, link cards, video,
resuming from a checkpoint, and deleting. What a healthy PDS never does (a lost answer, an expired blob)
is scripted in an `XrpcProxy` in front of it; everything that is written is read back from the PDS.
"""

from __future__ import annotations

import asyncio
import base64
import copy
import hashlib
import itertools
import os
import secrets
import time
import uuid
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import uvicorn
from atproto_client.client.session import Session
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from integrations.platforms.base import (
    AccountSession,
    Checkpoint,
    InvalidContent,
    MediaBytes,
    MediaFacts,
    OutcomeUnknown,
    PostContent,
    RateLimited,
    ThreadPartContent,
)
from integrations.platforms.bluesky import POST_COLLECTION, Bluesky
from integrations.platforms.bluesky_text import record_key
from integrations.safe_fetch import FetchPolicy
from models.platform import MediaKind
from tests.media_samples import mp4, photo
from tests.services.pds import PdsAccount, PdsServer
from tests.services.xrpc_proxy import Fault, XrpcProxy

CREATE = "com.atproto.repo.createRecord"
GET = "com.atproto.repo.getRecord"
UPLOAD = "com.atproto.repo.uploadBlob"
LOCAL_PAGES = FetchPolicy(timeout_seconds=2.0, allow_private_addresses=True)


@dataclass
class Author:
    """A PDS account connected to Herald; `session()` reaches its PDS directly or through a proxy."""

    account: PdsAccount
    credentials: dict[str, Any]

    @property
    def did(self) -> str:
        return self.account.did

    def session(self, via: str | None = None) -> AccountSession:
        credentials = dict(self.credentials)
        if via is not None:
            session = Session.decode(credentials["session"])
            session.pds_endpoint = via
            credentials["session"] = session.encode()

        async def save(_: Mapping[str, Any]) -> None:
            return None

        return AccountSession(self.did, self.account.handle, credentials, save)


@pytest.fixture
async def author(pds: PdsServer) -> Author:
    handle = f"p{uuid.uuid4().hex[:10]}.test"
    account = await pds.create_account(handle, f"{handle}@example.com", secrets.token_hex(8))
    connected = await Bluesky(fetch_policy=LOCAL_PAGES).connect(
        handle, await pds.create_app_password(account), pds.url
    )
    return Author(account, dict(connected.credentials))


@pytest.fixture
async def proxy(pds: PdsServer) -> AsyncIterator[XrpcProxy]:
    async with XrpcProxy(pds.url).running() as running:
        yield running


class Saved:
    """The checkpoint as the worker keeps it on the target between attempts."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}

    async def save(self, data: Mapping[str, Any]) -> None:
        self.data = copy.deepcopy(dict(data))

    def checkpoint(self) -> Checkpoint:
        return Checkpoint(copy.deepcopy(self.data), self.save)


def _key() -> str:
    return f"{time.time_ns() // 1000:016x}{secrets.token_hex(8)}"


def _image(width: int, height: int, alt: str = "") -> MediaFacts:
    data = photo(width, height, noise=40)

    async def read(rendition: str) -> MediaBytes:
        return MediaBytes(data, "image/jpeg", width, height)

    return MediaFacts(MediaKind.IMAGE, "image/jpeg", len(data), width, height, alt_text=alt, read=read)


def _video(data: bytes, width: int = 320, height: int = 240) -> MediaFacts:
    async def read(rendition: str) -> MediaBytes:
        assert rendition == "original"
        return MediaBytes(data, "video/mp4", width, height)

    return MediaFacts(MediaKind.VIDEO, "video/mp4", len(data), width, height, 2.0, "a ramp", read=read)


async def _posts(pds: PdsServer, did: str) -> dict[str, dict[str, Any]]:
    """Every post of the repo by record key: {"uri", "cid", "value"}."""
    return {r["uri"].rsplit("/", 1)[1]: r for r in await pds.list_records(did, POST_COLLECTION)}


async def _blob_size(pds: PdsServer, did: str, blob: Mapping[str, Any]) -> int:
    """The size of a blob as the PDS serves it (it fails when the PDS does not have it)."""
    params = {"did": did, "cid": blob["ref"]["$link"]}
    async with httpx.AsyncClient(timeout=20) as client:
        response = await client.get(f"{pds.url}/xrpc/com.atproto.sync.getBlob", params=params)
    assert response.status_code == 200, response.text
    return len(response.content)


def _strong(record: Mapping[str, Any]) -> dict[str, str]:
    return {"uri": record["uri"], "cid": record["cid"]}


def _ratio(embedded: Mapping[str, Any]) -> tuple[int, int]:
    return embedded["aspectRatio"]["width"], embedded["aspectRatio"]["height"]


def _ref(reply: Mapping[str, Any], which: str) -> dict[str, str]:
    return {"uri": reply[which]["uri"], "cid": reply[which]["cid"]}


# --- threads ----------------------------------------------------------------------------------------------


async def test_a_thread_becomes_a_chain_of_replies(pds: PdsServer, author: Author) -> None:
    # given a post with two further parts
    key = _key()
    content = PostContent(
        text="1/3 a thread",
        options={"langs": ["en"]},
        thread=(ThreadPartContent("2/3"), ThreadPartContent("3/3")),
    )

    # when
    published = await Bluesky(fetch_policy=LOCAL_PAGES).publish(author.session(), content, key)

    # then three posts under the part keys, each replying to the first (root) and the one before (parent)
    posts = await _posts(pds, author.did)
    keys = [record_key(key, part) for part in range(3)]
    assert sorted(posts) == sorted(keys)
    first, second, third = (posts[k] for k in keys)
    assert [p["value"]["text"] for p in (first, second, third)] == ["1/3 a thread", "2/3", "3/3"]
    assert "reply" not in first["value"]
    assert _ref(second["value"]["reply"], "root") == _strong(first)
    assert _ref(second["value"]["reply"], "parent") == _strong(first)
    assert _ref(third["value"]["reply"], "root") == _strong(first)
    assert _ref(third["value"]["reply"], "parent") == _strong(second)
    assert all(p["value"]["langs"] == ["en"] for p in (first, second, third))
    # and the target points at the root, knowing every part
    assert published.external_id == first["uri"]
    assert published.url.endswith(f"/post/{keys[0]}")
    assert published.part_ids == (first["uri"], second["uri"], third["uri"])


async def test_a_thread_cut_short_resumes_without_a_part_twice_or_skipped(
    pds: PdsServer, author: Author, proxy: XrpcProxy
) -> None:
    # given the third post is written but its answer is lost, and the PDS cannot be asked about it either
    key, saved = _key(), Saved()
    content = PostContent(text="part 0", thread=tuple(ThreadPartContent(f"part {i}") for i in range(1, 5)))
    proxy.script(CREATE, Fault.skip(), Fault.skip(), Fault.forward_then(502, {"error": "UpstreamFailure"}))
    proxy.script(GET, Fault.reply(502, {"error": "UpstreamFailure"}))
    with pytest.raises(OutcomeUnknown):
        await Bluesky(fetch_policy=LOCAL_PAGES).publish(
            author.session(via=proxy.url), content, key, saved.checkpoint()
        )
    assert sorted(saved.data["parts"]) == ["0", "1"]  # the third part exists, unrecorded
    assert len(await _posts(pds, author.did)) == 3

    # when the next attempt resumes from the checkpoint
    before = proxy.calls[CREATE]
    published = await Bluesky(fetch_policy=LOCAL_PAGES).publish(
        author.session(via=proxy.url), content, key, saved.checkpoint()
    )

    # then it found the third part by its key and created only the last two: five posts, chained
    assert proxy.calls[CREATE] - before == 2
    posts = await _posts(pds, author.did)
    chain = [posts[record_key(key, part)] for part in range(5)]
    assert len(posts) == 5
    assert [p["value"]["text"] for p in chain] == [f"part {i}" for i in range(5)]
    for previous, post in itertools.pairwise(chain):
        assert _ref(post["value"]["reply"], "parent") == _strong(previous)
        assert _ref(post["value"]["reply"], "root") == _strong(chain[0])
    assert published.part_ids == tuple(p["uri"] for p in chain)


async def test_a_thread_is_found_published_only_when_its_last_part_is(
    author: Author, proxy: XrpcProxy
) -> None:
    # given a 3-part thread of which only the first two posts exist
    key, saved = _key(), Saved()
    content = PostContent(text="a", thread=(ThreadPartContent("b"), ThreadPartContent("c")))
    proxy.script(CREATE, Fault.skip(), Fault.skip(), Fault.reply(429, {"error": "RateLimitExceeded"}))
    with pytest.raises(RateLimited):
        await Bluesky(fetch_policy=LOCAL_PAGES).publish(
            author.session(via=proxy.url), content, key, saved.checkpoint()
        )

    # then it is not published yet (publish resumes it), and once finished it is
    bluesky = Bluesky(fetch_policy=LOCAL_PAGES)
    assert await bluesky.find_published(author.session(), content, key) is None
    published = await bluesky.publish(author.session(), content, key, saved.checkpoint())
    assert await bluesky.find_published(author.session(), content, key) == published


async def test_deleting_a_thread_removes_every_part(pds: PdsServer, author: Author) -> None:
    # given a published 3-part thread and another post
    bluesky, key = Bluesky(fetch_policy=LOCAL_PAGES), _key()
    content = PostContent(text="a", thread=(ThreadPartContent("b"), ThreadPartContent("c")))
    published = await bluesky.publish(author.session(), content, key)
    other = await bluesky.publish(author.session(), PostContent(text="stays"), _key())

    # when it is deleted (twice: deleting what is gone is no error)
    await bluesky.delete(author.session(), published.part_ids)
    await bluesky.delete(author.session(), published.part_ids)

    # then only the other post is left
    assert [p["uri"] for p in (await _posts(pds, author.did)).values()] == [other.external_id]


# --- quotes and replies -----------------------------------------------------------------------------------


async def test_a_quote_post_embeds_the_quoted_post(pds: PdsServer, author: Author) -> None:
    # given someone's post, named by its bsky.app address
    bluesky = Bluesky(fetch_policy=LOCAL_PAGES)
    quoted = await bluesky.publish(author.session(), PostContent(text="worth quoting"), _key())
    quoted_record = (await _posts(pds, author.did))[quoted.external_id.rsplit("/", 1)[1]]

    # when a post quotes it, once alone and once with an image
    key, with_image = _key(), _key()
    options = {"quote_uri": quoted.url}
    await bluesky.publish(author.session(), PostContent(text="so true", options=options), key)
    content = PostContent(text="look", options={"quote_uri": quoted.external_id}, media=(_image(60, 40),))
    await bluesky.publish(author.session(), content, with_image)

    # then the embeds are a record, and a record with media, pointing at the quoted post's uri and cid
    posts = await _posts(pds, author.did)
    alone = posts[record_key(key)]["value"]["embed"]
    assert alone["$type"] == "app.bsky.embed.record"
    assert _strong(alone["record"]) == _strong(quoted_record)
    both = posts[record_key(with_image)]["value"]["embed"]
    assert both["$type"] == "app.bsky.embed.recordWithMedia"
    assert _strong(both["record"]["record"]) == _strong(quoted_record)
    assert _ratio(both["media"]["images"][0]) == (60, 40)


async def test_a_quote_of_a_post_that_does_not_exist_is_refused(author: Author) -> None:
    options = {"quote_uri": f"at://{author.did}/{POST_COLLECTION}/3zzzzzzzzzzzz"}
    with pytest.raises(InvalidContent) as raised:
        await Bluesky(fetch_policy=LOCAL_PAGES).publish(
            author.session(), PostContent(text="x", options=options), _key()
        )
    assert raised.value.code == "QUOTED_POST_NOT_FOUND"


async def test_replies_keep_the_root_of_the_conversation(pds: PdsServer, author: Author) -> None:
    # given a post, and a reply to it
    bluesky = Bluesky(fetch_policy=LOCAL_PAGES)
    root = await bluesky.publish(author.session(), PostContent(text="root"), _key())
    reply_key = _key()
    reply = await bluesky.publish(
        author.session(), PostContent(text="reply", options={"reply_to_uri": root.url}), reply_key
    )

    # when a two-part thread replies to the reply
    thread_key = _key()
    content = PostContent(
        text="deeper",
        options={"reply_to_uri": reply.external_id},
        thread=(ThreadPartContent("deeper still"),),
    )
    await bluesky.publish(author.session(), content, thread_key)

    # then every reply's root is the first post, and each parent the post right above it
    posts = await _posts(pds, author.did)
    root_ref = _strong(posts[root.external_id.rsplit("/", 1)[1]])
    first_reply, deeper, deepest = (
        posts[record_key(reply_key)],
        posts[record_key(thread_key, 0)],
        posts[record_key(thread_key, 1)],
    )
    assert (_ref(first_reply["value"]["reply"], "root"), _ref(first_reply["value"]["reply"], "parent")) == (
        root_ref,
        root_ref,
    )
    assert _ref(deeper["value"]["reply"], "root") == root_ref
    assert _ref(deeper["value"]["reply"], "parent") == _strong(first_reply)
    assert _ref(deepest["value"]["reply"], "root") == root_ref
    assert _ref(deepest["value"]["reply"], "parent") == _strong(deeper)


# --- media ------------------------------------------------------------------------------------------------


async def test_a_video_is_uploaded_with_its_aspect_ratio(pds: PdsServer, author: Author) -> None:
    key, clip = _key(), mp4(seconds=1.0)

    await Bluesky(fetch_policy=LOCAL_PAGES).publish(
        author.session(), PostContent(text="a clip", media=(_video(clip),)), key
    )

    embed = (await _posts(pds, author.did))[record_key(key)]["value"]["embed"]
    assert embed["$type"] == "app.bsky.embed.video"
    assert _ratio(embed) == (320, 240)
    assert embed["alt"] == "a ramp"
    assert embed["video"]["mimeType"] == "video/mp4"
    assert await _blob_size(pds, author.did, embed["video"]) == len(clip)


async def test_a_video_the_pds_does_not_take_is_video_not_supported(pds: PdsServer, author: Author) -> None:
    # given a video larger than this PDS takes as a blob (its limit is 5 MB)
    too_big = _video(b"\x00\x00\x00\x18ftypmp42" + os.urandom(6_000_000))

    # when
    with pytest.raises(InvalidContent) as raised:
        await Bluesky(fetch_policy=LOCAL_PAGES).publish(
            author.session(), PostContent(text="x", media=(too_big,)), _key()
        )

    # then the reason says what to do, and nothing was posted
    assert raised.value.code == "VIDEO_NOT_SUPPORTED"
    assert "video" in raised.value.message
    assert await _posts(pds, author.did) == {}


async def test_a_retry_reuses_the_uploaded_blobs(pds: PdsServer, author: Author, proxy: XrpcProxy) -> None:
    # given two images uploaded, then the post refused for a while (429)
    key, saved = _key(), Saved()
    content = PostContent(text="two", media=(_image(30, 20, "one"), _image(20, 30, "two")))
    proxy.script(CREATE, Fault.reply(429, {"error": "RateLimitExceeded"}))
    with pytest.raises(RateLimited):
        await Bluesky(fetch_policy=LOCAL_PAGES).publish(
            author.session(via=proxy.url), content, key, saved.checkpoint()
        )
    assert proxy.calls[UPLOAD] == 2

    # when it is tried again
    await Bluesky(fetch_policy=LOCAL_PAGES).publish(
        author.session(via=proxy.url), content, key, saved.checkpoint()
    )

    # then nothing was uploaded again, and the post carries both images
    assert proxy.calls[UPLOAD] == 2
    images = (await _posts(pds, author.did))[record_key(key)]["value"]["embed"]["images"]
    assert [(i["alt"], _ratio(i)) for i in images] == [("one", (30, 20)), ("two", (20, 30))]


async def test_a_blob_the_pds_no_longer_has_is_uploaded_again(pds: PdsServer, author: Author) -> None:
    # given a checkpoint naming a blob the PDS does not have (unreferenced uploads expire)
    digest = hashlib.sha256(b"long gone").digest()
    cid = "b" + base64.b32encode(b"\x01\x55\x12\x20" + digest).decode().lower().rstrip("=")
    gone = {"blob": {"$type": "blob", "ref": {"$link": cid}, "mimeType": "image/jpeg", "size": 9}}
    saved = Saved()
    saved.data = {"blobs": {"0:0": {**gone, "width": 30, "height": 20}}}
    key = _key()

    # when
    await Bluesky(fetch_policy=LOCAL_PAGES).publish(
        author.session(), PostContent(text="x", media=(_image(30, 20),)), key, saved.checkpoint()
    )

    # then the image was uploaded again and the post carries it
    [image] = (await _posts(pds, author.did))[record_key(key)]["value"]["embed"]["images"]
    assert image["image"]["ref"]["$link"] != cid
    assert await _blob_size(pds, author.did, image["image"]) > 0


# --- link cards -------------------------------------------------------------------------------------------


@dataclass
class Pages:
    url: str
    hits: list[str] = field(default_factory=list)
    title: str = "Launch &amp; learn"


CARD_IMAGE = photo(1600, 900)  # about 2 MB: the thumb must be re-encoded


@pytest.fixture(scope="module")
async def pages() -> AsyncIterator[Pages]:
    served = Pages(url="")

    async def card(request: Request) -> Response:
        served.hits.append(request.url.path)
        head = (
            f'<meta property="og:title" content="{served.title}">'
            '<meta property="og:description" content="Everything about the launch.">'
            '<meta property="og:image" content="/og.jpg">'
        )
        return Response(f"<html><head>{head}</head><body>hi</body></html>", media_type="text/html")

    async def image(request: Request) -> Response:
        served.hits.append(request.url.path)
        return Response(CARD_IMAGE, media_type="image/jpeg")

    app = Starlette(routes=[Route("/card", card), Route("/og.jpg", image)])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_config=None))
    task = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 (uvicorn exposes a flag, not an event)
        await asyncio.sleep(0.02)
    served.url = f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"
    yield served
    server.should_exit = True
    await task


async def test_a_link_gets_a_card_with_title_description_and_thumb(
    pds: PdsServer, author: Author, pages: Pages
) -> None:
    # given a post linking to a page with Open Graph tags and a 2 MB image
    key, link = _key(), f"{pages.url}/card"

    # when
    await Bluesky(fetch_policy=LOCAL_PAGES).publish(
        author.session(), PostContent(text=f"Read {link} now"), key
    )

    # then the post carries the card, its thumb re-encoded within a million bytes
    embed = (await _posts(pds, author.did))[record_key(key)]["value"]["embed"]
    assert embed["$type"] == "app.bsky.embed.external"
    card = embed["external"]
    assert (card["uri"], card["title"], card["description"]) == (
        link,
        "Launch & learn",
        "Everything about the launch.",
    )
    assert card["thumb"]["mimeType"] == "image/jpeg"
    assert card["thumb"]["size"] <= 1_000_000 < len(CARD_IMAGE)
    assert await _blob_size(pds, author.did, card["thumb"]) == card["thumb"]["size"]


async def test_a_page_that_cannot_be_fetched_posts_without_a_card(
    pds: PdsServer, author: Author, pages: Pages
) -> None:
    key = _key()
    text = f"Broken {pages.url}/nothing-here and https://no-such-host.invalid/"

    await Bluesky(fetch_policy=LOCAL_PAGES).publish(author.session(), PostContent(text=text), key)

    assert "embed" not in (await _posts(pds, author.did))[record_key(key)]["value"]


async def test_a_retry_posts_the_card_the_first_attempt_fetched(
    pds: PdsServer, author: Author, pages: Pages, proxy: XrpcProxy
) -> None:
    # given an attempt that fetched the card, then was refused (429)
    key, saved, link = _key(), Saved(), f"{pages.url}/card"
    content = PostContent(text=f"see {link}")
    proxy.script(CREATE, Fault.reply(429, {"error": "RateLimitExceeded"}))
    bluesky = Bluesky(fetch_policy=LOCAL_PAGES)
    with pytest.raises(RateLimited):
        await bluesky.publish(author.session(via=proxy.url), content, key, saved.checkpoint())

    # when the page changes before the retry
    pages.hits.clear()
    pages.title = "Changed since"
    try:
        await bluesky.publish(author.session(via=proxy.url), content, key, saved.checkpoint())
    finally:
        pages.title = "Launch &amp; learn"

    # then the retry fetched nothing and posted the first card
    assert pages.hits == []
    card = (await _posts(pds, author.did))[record_key(key)]["value"]["embed"]["external"]
    assert card["title"] == "Launch & learn"
