"""The post worker against the real PDS: exactly once, whatever happens to workers and messages."""

from __future__ import annotations

import asyncio
import os
import signal
from datetime import timedelta

from atproto_client.client.session import Session
from atproto_client.models.base import ModelBase  # noqa: F401 (atproto imports lazily; keep the warm-up here)
from beanie import PydanticObjectId

from app.services import POST_PUBLISH, Services, queue_specs
from app.settings import Settings
from integrations.queue import QueueSpec, RabbitJobQueue
from models.clock import utcnow
from models.post_target import PostTarget
from models.social_account import AccountStatus, SocialAccount
from models.target_state import TargetStatus
from schema.relay import parse_id_of
from tests.herald_client import (
    Member,
    create_post,
    member_with_account,
)
from tests.network_client import queue_without_job
from tests.services.holding_proxy import HoldingProxy
from tests.services.pds import PdsServer
from tests.stack import ApiServer, delete_queues, worker_process
from workers.post import PostWorker
from workers.scheduler import Scheduler

COLLECTION = "app.bsky.feed.post"


async def _queued_target(api: ApiServer, member: Member, account_id: str, text: str) -> PostTarget:
    """A target moved to QUEUED without a message, so only the test decides who gets a job."""
    created = await create_post(api, member, text=text, targets=[{"accountId": account_id}])
    assert created["userErrors"] == []
    post_id = parse_id_of("Post", created["post"]["id"])
    assert post_id is not None
    moved = await queue_without_job(post_id)
    assert len(moved) == 1
    return moved[0]


async def _wait_for_status(
    target_id: PydanticObjectId | None, status: TargetStatus, timeout: float = 30
) -> PostTarget:
    async with asyncio.timeout(timeout):
        while True:
            target = await PostTarget.get(target_id)
            assert target is not None
            if target.status is status:
                return target
            await asyncio.sleep(0.1)


async def test_the_same_job_delivered_twice_publishes_once(
    api: ApiServer, pds: PdsServer, services: Services
) -> None:
    # given a queued target
    member, account, account_id = await member_with_account(api, pds)
    target = await _queued_target(api, member, account_id, "delivered twice, published once")

    # when two workers get the same job at the same time, and then it is delivered once more
    first, second = PostWorker(services, "w1"), PostWorker(services, "w2")
    job = {"target_id": str(target.id)}
    await asyncio.gather(first.handle(job), second.handle(job))
    await first.handle(job)

    # then the network has exactly one post and the target says where it is
    records = await pds.list_records(account.did, COLLECTION)
    assert len(records) == 1
    done = await PostTarget.get(target.id)
    assert done is not None and done.status is TargetStatus.PUBLISHED
    assert done.external_id == records[0]["uri"]
    assert done.attempts == 1


async def test_a_job_for_a_target_a_dead_worker_held_publishes_it_once_the_lease_runs_out(
    api: ApiServer, pds: PdsServer, services: Services
) -> None:
    # given a target claimed by a worker that died at once (its lease runs out in 2 s, never renewed)
    member, account, account_id = await member_with_account(api, pds)
    target = await _queued_target(api, member, account_id, "its worker died before it published")
    assert target.id is not None
    assert await PostTarget.claim_for_publish(target.id, "dead-worker", timedelta(seconds=2)) is not None

    # when the broker gives its job to another worker (no scheduler runs here)
    started = asyncio.get_running_loop().time()
    await PostWorker(services, "survivor").handle({"target_id": str(target.id)})

    # then that worker waited for the lease to run out, took the target over and published it once
    assert asyncio.get_running_loop().time() - started >= 1.5
    done = await PostTarget.get(target.id)
    assert done is not None and done.status is TargetStatus.PUBLISHED
    assert len(await pds.list_records(account.did, COLLECTION)) == 1


async def test_a_job_for_a_target_a_live_worker_holds_is_dropped_when_the_lease_is_renewed(
    api: ApiServer, pds: PdsServer, services: Services
) -> None:
    # given a target held by a worker that is alive and renews its lease
    member, _, account_id = await member_with_account(api, pds)
    queued = await _queued_target(api, member, account_id, "its worker is alive")
    assert queued.id is not None
    held = await PostTarget.claim_for_publish(queued.id, "live-worker", timedelta(seconds=2))
    assert held is not None

    async def renew() -> None:
        await asyncio.sleep(1)
        assert await held.renew_lease(timedelta(seconds=30))

    # when another worker gets a second job for it meanwhile
    renewing = asyncio.create_task(renew())
    await PostWorker(services, "second").handle({"target_id": str(queued.id)})
    await renewing

    # then the second worker dropped the job: the target is still the live worker's
    after = await PostTarget.get(queued.id)
    assert after is not None and after.status is TargetStatus.PUBLISHING
    assert after.lease_owner == "live-worker"


async def _route_through(proxy: HoldingProxy, account_gid: str, services: Services) -> None:
    """Given: the account's PDS is reached through the proxy (its stored session points there)."""
    account = await SocialAccount.get(parse_id_of("SocialAccount", account_gid))
    assert account is not None
    credentials = services.cipher.decrypt(account.credentials)
    session = Session.decode(credentials["session"])
    session.pds_endpoint = proxy.url
    await account.store_credentials(services.cipher.encrypt({**credentials, "session": session.encode()}))


async def test_a_worker_killed_mid_publish_ends_published_once(
    api: ApiServer, pds: PdsServer, services: Services, settings: Settings, run_prefix: str
) -> None:
    # given a queued target whose account's PDS is reached through a proxy that swallows a write's answer
    member, account, account_id = await member_with_account(api, pds)
    target = await _queued_target(api, member, account_id, "a worker dies mid-publish")
    assert settings.rabbitmq_url is not None
    prefix = f"{run_prefix}.killed."
    spec = QueueSpec(POST_PUBLISH, settings.retry_delays_seconds)
    queue = RabbitJobQueue(settings.rabbitmq_url.get_secret_value(), [spec], prefix=prefix)
    async with HoldingProxy(pds.url).running() as proxy:
        await _route_through(proxy, account_id, services)
        proxy.swallow_writes = True
        worker = worker_process(settings, prefix)
        try:
            # when a worker process publishes, the PDS writes the record,
            # and the worker is killed before the answer reaches it
            await queue.connect()
            await queue.publish(POST_PUBLISH, {"target_id": str(target.id)})
            await asyncio.wait_for(proxy.write_swallowed.wait(), 60)
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait(10)
        finally:
            if worker.poll() is None:
                os.killpg(worker.pid, signal.SIGKILL)
                worker.wait(10)
            await queue.close()
            await delete_queues(settings.rabbitmq_url.get_secret_value(), prefix, queue_specs(settings))
        stuck = await PostTarget.get(target.id)
        assert stuck is not None and stuck.status is TargetStatus.PUBLISHING
        assert len(await pds.list_records(account.did, COLLECTION)) == 1

        # and the scheduler finds the lease expired and another worker takes over
        # (this one, or the one other tests keep running: whoever claims it first)
        proxy.swallow_writes = False
        assert stuck.lease_expires_at is not None
        await Scheduler(services).tick(now=stuck.lease_expires_at + timedelta(seconds=1))
        await PostWorker(services, "survivor").handle({"target_id": str(target.id)})

        # then the target is PUBLISHED, and the network still has exactly one post
        done = await _wait_for_status(target.id, TargetStatus.PUBLISHED)
    records = await pds.list_records(account.did, COLLECTION)
    assert len(records) == 1
    assert done.external_id == records[0]["uri"]


async def test_a_revoked_login_fails_the_target_and_asks_for_reconnection(
    api: ApiServer, pds: PdsServer, services: Services
) -> None:
    # given a queued target on an account whose stored session and app password no longer work
    member, account, account_id = await member_with_account(api, pds)
    target = await _queued_target(api, member, account_id, "nobody can log in any more")
    stored = await SocialAccount.get(parse_id_of("SocialAccount", account_id))
    assert stored is not None
    credentials = services.cipher.decrypt(stored.credentials)
    session = Session.decode(credentials["session"])
    session.access_jwt = pds.resign_token(session.access_jwt, expires_at=utcnow() - timedelta(hours=1))
    session.refresh_jwt = pds.resign_token(session.refresh_jwt, expires_at=utcnow() - timedelta(hours=1))
    revoked = {**credentials, "session": session.encode(), "app_password": "wrong-wrong-wrong"}
    await stored.store_credentials(services.cipher.encrypt(revoked))

    # when a worker tries to publish it
    await PostWorker(services).handle({"target_id": str(target.id)})

    # then the target fails with a readable reason, the account must be reconnected, and nothing was posted
    failed = await PostTarget.get(target.id)
    assert failed is not None and failed.status is TargetStatus.FAILED
    assert failed.last_error is not None and failed.last_error.retryable is False
    assert failed.last_error.code == "BAD_CREDENTIALS"
    account_after = await SocialAccount.get(stored.id)
    assert account_after is not None and account_after.status is AccountStatus.NEEDS_REAUTH
    assert await pds.list_records(account.did, COLLECTION) == []


async def test_an_unreachable_network_is_retried_then_left_unconfirmed_with_a_reason(
    api: ApiServer, pds: PdsServer, services: Services, settings: Settings, publishing: None
) -> None:
    # given an account whose PDS stops answering (its port is closed)
    member, account, account_id = await member_with_account(api, pds)
    async with HoldingProxy(pds.url).running() as proxy:
        await _route_through(proxy, account_id, services)
    created = await create_post(api, member, text="into the void", targets=[{"accountId": account_id}])
    post_id = parse_id_of("Post", created["post"]["id"])
    assert post_id is not None

    # when it is published now (the worker and scheduler of `publishing` do the rest)
    target = (await PostTarget.of_posts([post_id]))[0]
    await queue_without_job(post_id)
    await services.queue.publish(POST_PUBLISH, {"target_id": str(target.id)})

    # then every attempt is used, with growing delays, and the target says what happened
    done = await _wait_for_status(target.id, TargetStatus.UNCONFIRMED)
    assert done.attempts == len(settings.retry_delays_seconds) + 1
    assert done.last_error is not None
    assert done.last_error.code == "UNCONFIRMED"
    assert "Bluesky" in done.last_error.message
    assert await pds.list_records(account.did, COLLECTION) == []
