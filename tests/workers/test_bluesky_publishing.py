"""Bluesky media, threads, rate limits and deletion end to end: real media uploaded through the API, posts
written over GraphQL, published by the post worker (in this process, or a `herald worker post` process
that gets killed) to the real local PDS, and read back from it.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import signal
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import uvicorn
from beanie import PydanticObjectId
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route

from app.services import POST_PUBLISH, Services, queue_specs
from app.settings import Settings
from integrations.platforms.bluesky_text import record_key
from integrations.queue import QueueSpec, RabbitJobQueue
from models.clock import utcnow
from models.post_target import PostTarget
from models.target_state import TargetStatus
from schema.relay import parse_id_of, to_global_id
from tests.herald_client import Member, create_post, member_with_account
from tests.media_client import ready_asset
from tests.media_samples import photo, png
from tests.network_client import connected_member, publish, queue_without_job, reload, wait_for
from tests.services.networks import NetworkFakes
from tests.services.pds import PdsServer
from tests.services.xrpc_proxy import Fault, XrpcProxy, route_account
from tests.stack import ApiServer, data, delete_queues, worker_process
from workers.post import PostWorker
from workers.scheduler import Scheduler

COLLECTION = "app.bsky.feed.post"
DESCRIBE = """
mutation ($id: ID!, $alt: String) {
  mediaAssetUpdate(id: $id, input: {altText: $alt}) { asset { id altText } userErrors { code } }
}"""
DELETE = """
mutation ($id: ID!) {
  postTargetDelete(id: $id) {
    target { id status deletedAt externalId }
    userErrors { code field message }
  }
}"""


async def _queued(api: ApiServer, member: Member, account_id: str, **fields: Any) -> PostTarget:
    """A post written over GraphQL whose one target is moved to QUEUED without a message."""
    created = await create_post(api, member, targets=[{"accountId": account_id}], **fields)
    assert created["userErrors"] == [], created
    post_id = parse_id_of("Post", created["post"]["id"])
    assert post_id is not None
    moved = await queue_without_job(post_id)
    assert len(moved) == 1
    return moved[0]


async def _records(pds: PdsServer, did: str) -> dict[str, dict[str, Any]]:
    return {r["uri"].rsplit("/", 1)[1]: r for r in await pds.list_records(did, COLLECTION)}


async def _blob(pds: PdsServer, did: str, blob: dict[str, Any]) -> bytes:
    params = {"did": did, "cid": blob["ref"]["$link"]}
    async with httpx.AsyncClient(timeout=20) as client:
        response = await client.get(f"{pds.url}/xrpc/com.atproto.sync.getBlob", params=params)
    assert response.status_code == 200, response.text
    return response.content


def _ratio(image: dict[str, Any]) -> tuple[int, int]:
    return image["aspectRatio"]["width"], image["aspectRatio"]["height"]


def _strong(record: dict[str, Any]) -> tuple[str, str]:
    return record["uri"], record["cid"]


# --- images -----------------------------------------------------------------------------------------------


async def test_four_images_with_alt_text_round_trip_with_their_aspect_ratios(
    api: ApiServer, pds: PdsServer, services: Services
) -> None:
    # given four photos of different shapes, uploaded through the API and described
    member, account, account_id = await member_with_account(api, pds)
    sizes = [(400, 300), (300, 400), (500, 500), (640, 360)]
    ids = []
    for index, (width, height) in enumerate(sizes):
        asset = await ready_asset(api, member, photo(width, height, noise=60), f"{index}.jpg", "image/jpeg")
        described = await data(
            api, DESCRIBE, {"id": asset["id"], "alt": f"photo {index}"}, token=member.token
        )
        assert described["mediaAssetUpdate"]["userErrors"] == []
        ids.append(asset["id"])
    target = await _queued(api, member, account_id, text="four photos", mediaIds=ids)

    # when the worker publishes it
    done = await publish(services, target)

    # then the post carries the four images in order, with their alt text and aspect ratios
    assert done.status is TargetStatus.PUBLISHED, done.last_error
    embed = (await _records(pds, account.did))[done.external_id.rsplit("/", 1)[1]]["value"]["embed"]  # type: ignore[union-attr]
    assert embed["$type"] == "app.bsky.embed.images"
    assert [(image["alt"], _ratio(image)) for image in embed["images"]] == [
        (f"photo {index}", size) for index, size in enumerate(sizes)
    ]
    for image in embed["images"]:  # each blob exists on the PDS, as Herald's JPEG variant
        stored = await _blob(pds, account.did, image["image"])
        assert image["image"]["mimeType"] == "image/jpeg" and len(stored) == image["image"]["size"]


async def test_a_3_mb_photo_is_posted_as_a_blob_of_at_most_a_million_bytes(
    api: ApiServer, pds: PdsServer, services: Services
) -> None:
    # given a 3 MB photo (2000 x 1500, noisy: it compresses badly)
    member, account, account_id = await member_with_account(api, pds)
    original = photo(2000, 1500)
    assert len(original) > 2_500_000
    asset = await ready_asset(api, member, original, "big.jpg", "image/jpeg")
    target = await _queued(api, member, account_id, text="big photo", mediaIds=[asset["id"]])

    # when
    done = await publish(services, target)

    # then the blob the PDS holds is Herald's re-encoded JPEG, within a million bytes, shape kept
    assert done.status is TargetStatus.PUBLISHED, done.last_error
    [image] = (await _records(pds, account.did))[record_key(done.idempotency_key)]["value"]["embed"]["images"]
    stored = await _blob(pds, account.did, image["image"])
    assert len(stored) <= 1_000_000 < len(original)
    assert stored[:3] == b"\xff\xd8\xff"
    width, height = _ratio(image)
    assert abs(width / height - 4 / 3) < 0.01


# --- threads ----------------------------------------------------------------------------------------------


async def _kill_worker_after_second_part(
    settings: Settings, prefix: str, target: PostTarget, proxy: XrpcProxy
) -> None:
    """A `herald worker post` process publishes the target until the PDS wrote the second post; then the
    process is killed before it hears the answer."""
    assert settings.rabbitmq_url is not None
    spec = QueueSpec(POST_PUBLISH, settings.retry_delays_seconds)
    queue = RabbitJobQueue(settings.rabbitmq_url.get_secret_value(), [spec], prefix=prefix)
    proxy.script("com.atproto.repo.createRecord", Fault.skip(), Fault.hold())
    worker = worker_process(settings, prefix)
    try:
        await queue.connect()
        await queue.publish(POST_PUBLISH, {"target_id": str(target.id)})
        await asyncio.wait_for(proxy.held.wait(), 60)
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(10)
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait(10)
        await queue.close()
        await delete_queues(settings.rabbitmq_url.get_secret_value(), prefix, queue_specs(settings))


async def test_a_thread_whose_worker_is_killed_after_part_two_ends_with_five_chained_posts(
    api: ApiServer, pds: PdsServer, services: Services, settings: Settings, run_prefix: str
) -> None:
    # given a 5-part thread whose account's PDS is reached through a proxy
    member, account, account_id = await member_with_account(api, pds)
    parts = [{"text": f"part {n} of 5"} for n in range(2, 6)]
    target = await _queued(api, member, account_id, text="part 1 of 5", thread=parts)
    async with XrpcProxy(pds.url).running() as proxy:
        await route_account(services, account_id, proxy.url)

        # when a worker process is killed once the PDS wrote part 2, before the answer reached it
        await _kill_worker_after_second_part(settings, f"{run_prefix}.thread-killed.", target, proxy)
        stuck = await reload(target.id)
        assert stuck.status is TargetStatus.PUBLISHING
        assert sorted(stuck.checkpoint["parts"]) == ["0"]  # part 2 exists, but nobody recorded it
        assert len(await _records(pds, account.did)) == 2

        # and, its lease expired, another worker takes over
        assert stuck.lease_expires_at is not None
        await Scheduler(services).tick(now=stuck.lease_expires_at + timedelta(seconds=1))
        await PostWorker(services, "survivor").handle({"target_id": str(target.id)})
        done = await wait_for(target.id, TargetStatus.PUBLISHED, timeout=30)

    # then exactly five posts, each replying to the first and to the one before, none twice
    records = await _records(pds, account.did)
    chain = [records[record_key(target.idempotency_key, n)] for n in range(5)]
    assert len(records) == 5
    assert [r["value"]["text"] for r in chain] == [f"part {n} of 5" for n in range(1, 6)]
    for previous, record in itertools.pairwise(chain):
        reply = record["value"]["reply"]
        assert (reply["root"]["uri"], reply["root"]["cid"]) == _strong(chain[0])
        assert (reply["parent"]["uri"], reply["parent"]["cid"]) == _strong(previous)
    assert done.external_id == chain[0]["uri"]
    assert done.external_ids == [r["uri"] for r in chain]
    assert proxy.calls["com.atproto.repo.createRecord"] == 5  # the survivor found part 2 by its key


# --- rate limits ------------------------------------------------------------------------------------------


async def test_a_429_with_a_reset_reschedules_without_an_attempt_and_publishes_after_it(
    api: ApiServer, pds: PdsServer, services: Services
) -> None:
    # given the PDS answers the first createRecord with 429 and the time its window resets
    member, account, account_id = await member_with_account(api, pds)
    target = await _queued(api, member, account_id, text="after the reset")
    reset = int(time.time()) + 2
    async with XrpcProxy(pds.url).running() as proxy:
        await route_account(services, account_id, proxy.url)
        proxy.script(
            "com.atproto.repo.createRecord",
            Fault.reply(429, {"error": "RateLimitExceeded"}, {"ratelimit-reset": str(reset)}),
        )

        # when a worker tries it
        waiting = await publish(services, target)

        # then it is back to SCHEDULED at the reset time, and the attempt did not count
        assert waiting.status is TargetStatus.SCHEDULED
        assert waiting.scheduled_at == datetime.fromtimestamp(reset, UTC)
        assert waiting.attempts == 0
        assert waiting.last_error is not None and waiting.last_error.code == "RATE_LIMITED"
        assert await pds.list_records(account.did, COLLECTION) == []

        # and once the reset has passed, the scheduler hands it to a worker again
        await asyncio.sleep(max(0.0, reset - time.time()) + 0.2)
        await Scheduler(services).tick()
        await PostWorker(services, "after-reset").handle({"target_id": str(target.id)})
        done = await wait_for(target.id, TargetStatus.PUBLISHED)

    assert done.attempts == 1
    assert [r["uri"] for r in await pds.list_records(account.did, COLLECTION)] == [done.external_id]


# --- deleting ---------------------------------------------------------------------------------------------


async def _delete(api: ApiServer, member: Member, target_id: PydanticObjectId | None) -> dict[str, Any]:
    variables = {"id": to_global_id("PostTarget", target_id)}
    payload: dict[str, Any] = (await data(api, DELETE, variables, token=member.token))["postTargetDelete"]
    return payload


async def test_deleting_a_published_thread_removes_every_part(
    api: ApiServer, pds: PdsServer, services: Services
) -> None:
    # given a published 3-part thread and another published post
    member, account, account_id = await member_with_account(api, pds)
    thread = await _queued(api, member, account_id, text="one", thread=[{"text": "two"}, {"text": "three"}])
    other = await _queued(api, member, account_id, text="stays")
    assert (await publish(services, thread)).status is TargetStatus.PUBLISHED
    kept = await publish(services, other)
    assert len(await pds.list_records(account.did, COLLECTION)) == 4

    # when the thread's target is deleted
    payload = await _delete(api, member, thread.id)

    # then every part is gone from Bluesky, and the target says when (it stays PUBLISHED)
    assert payload["userErrors"] == []
    assert payload["target"]["status"] == "PUBLISHED" and payload["target"]["deletedAt"] is not None
    assert [r["uri"] for r in await pds.list_records(account.did, COLLECTION)] == [kept.external_id]
    assert (await reload(thread.id)).deleted_at is not None

    # and deleting it again says so
    again = await _delete(api, member, thread.id)
    assert [e["code"] for e in again["userErrors"]] == ["TARGET_ALREADY_DELETED"]


async def test_only_a_visible_published_target_can_be_deleted(api: ApiServer, pds: PdsServer) -> None:
    # given a draft, and a member of another workspace
    member, _, account_id = await member_with_account(api, pds)
    created = await create_post(api, member, text="draft", targets=[{"accountId": account_id}])
    [draft] = await PostTarget.of_posts([parse_id_of("Post", created["post"]["id"])])  # type: ignore[list-item]
    stranger, _, _ = await member_with_account(api, pds)

    # then
    assert [e["code"] for e in (await _delete(api, member, draft.id))["userErrors"]] == [
        "TARGET_NOT_PUBLISHED"
    ]
    assert [e["code"] for e in (await _delete(api, stranger, draft.id))["userErrors"]] == ["TARGET_NOT_FOUND"]


async def test_a_network_without_deletion_answers_delete_not_supported(
    api: ApiServer, networks: NetworkFakes
) -> None:
    # given a Threads target recorded as published (Herald cannot delete from Threads)
    networks.threads.consenting = networks.threads.add_user("deleter")
    member, account_id = await connected_member(api, "THREADS")
    created = await create_post(api, member, text="on threads", targets=[{"accountId": account_id}])
    [target] = await PostTarget.of_posts([parse_id_of("Post", created["post"]["id"])])  # type: ignore[list-item]
    await target.set({"status": TargetStatus.PUBLISHED, "external_id": "1789", "published_at": utcnow()})

    # when / then
    payload = await _delete(api, member, target.id)
    assert [e["code"] for e in payload["userErrors"]] == ["DELETE_NOT_SUPPORTED"]
    assert (await reload(target.id)).deleted_at is None


# --- link cards through the settings ----------------------------------------------------------------------


@pytest.fixture
async def page() -> AsyncIterator[str]:
    """A local page with Open Graph tags (the suite's FETCH_ALLOW_PRIVATE_ADDRESSES lets Herald fetch it)."""
    head = '<meta property="og:title" content="Herald ships"><meta property="og:image" content="/i.png">'
    app = Starlette(
        routes=[
            Route("/", lambda r: Response(f"<head>{head}</head>", media_type="text/html")),
            Route("/i.png", lambda r: Response(png(120, 63, (10, 20, 30, 255)), media_type="image/png")),
        ]
    )
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_config=None))
    task = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 (uvicorn exposes a flag, not an event)
        await asyncio.sleep(0.02)
    yield f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}/"
    server.should_exit = True
    await task


async def test_the_worker_adds_a_link_card_with_the_configured_fetch_policy(
    api: ApiServer, pds: PdsServer, services: Services, page: str
) -> None:
    member, account, account_id = await member_with_account(api, pds)
    target = await _queued(api, member, account_id, text=f"News: {page}")

    done = await publish(services, target)

    assert done.status is TargetStatus.PUBLISHED, done.last_error
    embed = (await _records(pds, account.did))[record_key(done.idempotency_key)]["value"]["embed"]
    assert (embed["external"]["uri"], embed["external"]["title"]) == (page, "Herald ships")
    thumb = await _blob(pds, account.did, embed["external"]["thumb"])
    assert thumb[:3] == b"\xff\xd8\xff"  # re-encoded as a JPEG
