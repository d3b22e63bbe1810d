"""The outbox: a committed status change reaches the stream (and the queue) exactly once, whoever dies when.

"A process died here" is played by not relaying after a write; the relay that runs next is a real one, on
real Redis, RabbitMQ and the embedded database. Times lie ten years ahead, so the scheduler other tests
keep running never claims these targets (its relay may send their entries: the assertions allow that).
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import uuid
from collections.abc import AsyncIterator, Mapping
from datetime import timedelta
from typing import Any

import pytest
from beanie import PydanticObjectId
from redis.asyncio import Redis

from app.services import POST_PUBLISH, Services, queue_specs
from app.settings import Settings
from integrations.platforms.base import Published
from integrations.queue import RabbitJobQueue
from models.clock import utcnow
from models.platform import PlatformName
from models.post import Post, PostStatus
from models.post_target import PostTarget
from models.target_state import TargetStatus
from resolvers.post_events import OutboxRelay
from tests.stack import delete_queues
from workers.scheduler import Scheduler

LATER = utcnow() + timedelta(days=3650)


async def _post_with_targets(count: int, **fields: object) -> tuple[Post, list[PostTarget]]:
    post = Post(workspace_id=PydanticObjectId(), author_id=PydanticObjectId(), text="outbox")
    await post.insert()
    assert post.id is not None
    targets = [
        PostTarget(
            workspace_id=post.workspace_id,
            post_id=post.id,
            account_id=PydanticObjectId(),
            platform=PlatformName.BLUESKY,
            **fields,
        )
        for _ in range(count)
    ]
    await PostTarget.insert_many(targets)
    return post, await PostTarget.of_posts([post.id])


async def _stream(redis: Redis, settings: Settings, workspace_id: PydanticObjectId) -> list[dict[str, Any]]:
    """The workspace's events as stored in its Redis stream (where `since` replays from)."""
    entries = await redis.xrange(f"{settings.redis_prefix}:events:{workspace_id}") or []
    return [json.loads(fields[b"payload"]) for _, fields in entries if fields is not None]


async def _relay_until_empty(services: Services, target_id: PydanticObjectId) -> None:
    """Relay passes until the target's outbox is empty (another process's pass may send some of it)."""
    async with asyncio.timeout(10):
        while await PostTarget.find({"_id": target_id, "relay_at": {"$ne": None}}).count():
            await OutboxRelay(services).relay()
            await asyncio.sleep(0.05)


@pytest.fixture
async def own_queue(services: Services, settings: Settings) -> AsyncIterator[Services]:
    """The services with a queue of this test's own, so the jobs it finds are the ones the relay sent."""
    assert settings.rabbitmq_url is not None
    url = settings.rabbitmq_url.get_secret_value()
    prefix = f"{settings.rabbitmq_prefix}outbox.{uuid.uuid4().hex[:6]}."
    queue = RabbitJobQueue(url, queue_specs(settings), prefix=prefix)
    await queue.connect()
    yield dataclasses.replace(services, queue=queue)
    await queue.close()
    await delete_queues(url, prefix, queue_specs(settings))


async def _jobs(services: Services, expected: int) -> list[Mapping[str, Any]]:
    got: list[Mapping[str, Any]] = []
    enough = asyncio.Event()

    async def handle(body: Mapping[str, Any]) -> None:
        got.append(body)
        if len(got) >= expected:
            enough.set()

    consuming = asyncio.create_task(services.queue.consume(POST_PUBLISH, handle, prefetch=10))
    await asyncio.wait_for(enough.wait(), 10)
    await asyncio.sleep(0.3)  # anything beyond `expected` arrives meanwhile
    await services.queue.stop(1)
    await consuming
    return got


async def test_a_change_whose_writer_died_before_announcing_reaches_the_stream_once(
    services: Services, settings: Settings, redis_client: Redis
) -> None:
    # given a target a worker claimed and published, the worker dying right after each commit
    post, [target] = await _post_with_targets(1, status=TargetStatus.QUEUED, due_at=LATER)
    assert target.id is not None and post.id is not None
    claimed = await PostTarget.claim_for_publish(target.id, "dies", timedelta(seconds=30))
    assert claimed is not None
    assert await claimed.mark_published(Published(external_id="at://x", url="https://x.test/1"))

    # when relay passes run (twice over)
    await _relay_until_empty(services, target.id)
    await OutboxRelay(services).relay()

    # then both changes are in the stream once each, in order, and the post says PUBLISHED
    events = await _stream(redis_client, settings, post.workspace_id)
    assert [(e["status"], e["post_status"]) for e in events] == [
        ("PUBLISHING", "PUBLISHED"),
        ("PUBLISHED", "PUBLISHED"),
    ]
    stored = await Post.get(post.id)
    assert stored is not None and stored.status is PostStatus.PUBLISHED


async def test_a_relay_that_died_after_sending_sends_nothing_twice(
    services: Services, settings: Settings, redis_client: Redis
) -> None:
    # given a published target whose entries one relay sent, dying before it pulled them out
    post, [target] = await _post_with_targets(1, status=TargetStatus.QUEUED, due_at=LATER)
    assert target.id is not None
    claimed = await PostTarget.claim_for_publish(target.id, "w", timedelta(seconds=30))
    assert claimed is not None
    assert await claimed.mark_published(Published(external_id="at://y", url="https://y.test/1"))
    collection = PostTarget.get_pymongo_collection()
    unsent = await collection.find_one({"_id": target.id}, {"outbox": 1, "relay_at": 1})
    assert unsent is not None and len(unsent["outbox"]) == 2
    await _relay_until_empty(services, target.id)
    await collection.update_one({"_id": target.id}, {"$set": unsent})

    # when the next relay sends them again
    await _relay_until_empty(services, target.id)

    # then the stream still has each event once
    events = await _stream(redis_client, settings, post.workspace_id)
    assert [e["status"] for e in events] == ["PUBLISHING", "PUBLISHED"]


async def test_a_claim_whose_scheduler_died_before_enqueueing_is_sent_by_the_next_relay_pass(
    own_queue: Services, settings: Settings, redis_client: Redis
) -> None:
    # given two due targets the scheduler claimed (SCHEDULED -> QUEUED), dying before it sent anything
    post, targets = await _post_with_targets(2, status=TargetStatus.SCHEDULED, scheduled_at=LATER)
    claimed = await PostTarget.claim_due(LATER, 10)
    assert {t.id for t in targets} <= {t.id for t in claimed}

    # when a relay pass runs
    await OutboxRelay(own_queue).relay([t.id for t in targets if t.id is not None])

    # then each target's job went to the queue once, and its QUEUED event to the stream
    jobs = await _jobs(own_queue, 2)
    assert sorted(job["target_id"] for job in jobs) == sorted(str(t.id) for t in targets)
    events = await _stream(redis_client, settings, post.workspace_id)
    assert sorted(e["target_id"] for e in events) == sorted(str(t.id) for t in targets)
    assert {(e["status"], e["post_status"]) for e in events} == {("QUEUED", "PUBLISHING")}


async def test_a_post_whose_status_disagrees_with_its_targets_is_repaired_and_announced(
    services: Services, settings: Settings, redis_client: Redis
) -> None:
    # given a post left PUBLISHING although its targets are all PUBLISHED (written a while ago, before
    # the outbox), and one whose targets changed a moment ago (its relay may be on its way)
    a_while_ago = utcnow() - timedelta(minutes=1)
    post, _ = await _post_with_targets(2, status=TargetStatus.PUBLISHED, updated_at=a_while_ago)
    recent, _ = await _post_with_targets(2, status=TargetStatus.PUBLISHED)
    assert post.id is not None
    await post.set({"status": PostStatus.PUBLISHING})
    await recent.set({"status": PostStatus.PUBLISHING})

    # when the scheduler's status sweep goes round
    scheduler = Scheduler(services)
    async with asyncio.timeout(30):
        await scheduler.repair_post_statuses()
        while scheduler._status_cursor is not None:
            await scheduler.repair_post_statuses()

    # then the post is PUBLISHED and the change was announced; the recent one is left to its relay
    stored = await Post.get(post.id)
    assert stored is not None and stored.status is PostStatus.PUBLISHED
    events = await _stream(redis_client, settings, post.workspace_id)
    assert [e["post_status"] for e in events] == ["PUBLISHED"]
    assert await _stream(redis_client, settings, recent.workspace_id) == []


async def test_a_redelivered_job_takes_over_a_lease_that_ran_out_and_looks_first() -> None:
    # given a target whose worker died holding it, its lease run out
    _, [target] = await _post_with_targets(
        1, status=TargetStatus.PUBLISHING, lease_owner="dead", lease_expires_at=utcnow(), claims=1, attempts=1
    )
    assert target.id is not None

    # when its job comes back (RabbitMQ redelivers what the dead worker never acked)
    claimed = await PostTarget.claim_for_publish(target.id, "next", timedelta(seconds=10))

    # then the next worker holds it, and must look on the network before publishing again
    assert claimed is not None and claimed.lease_owner == "next" and claimed.may_have_reached_network
