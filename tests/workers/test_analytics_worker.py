"""The analytics worker and the scheduler's planning, on real MongoDB, Redis and RabbitMQ, with the
networks' read endpoints served by their local fakes."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Awaitable, Callable
from datetime import timedelta

import pytest
from beanie import PydanticObjectId

from app.services import ANALYTICS_COLLECT, Services
from integrations.events import Subscription
from models.analytics import analytics_scope
from models.clock import utcnow
from models.metric_plan import NEVER, claim_due_account, claim_due_targets, lease_target
from models.metric_snapshot import MetricSnapshot
from models.platform import PlatformName
from models.post_target import PostTarget
from models.social_account import AccountStatus, SocialAccount
from models.target_state import PublishError, TargetStatus
from tests.analytics_data import new_workspace, seed_account, seed_target
from tests.network_client import reload
from tests.services.networks import NetworkFakes
from workers.analytics import AnalyticsWorker
from workers.analytics_plan import MetricsPlanner

LATER = utcnow() + timedelta(days=3650)  # beyond anything the session's own scheduler plans


@pytest.fixture
async def analytics(networks: NetworkFakes, services: Services) -> Services:
    """The session's services (their metrics sources talk to the network fakes), with network-wide
    analytics allowances untouched by earlier tests."""
    for platform in PlatformName:
        await services.rate_limiter.reset(f"analytics:network:{platform}")
    return services


@pytest.fixture
def worker(analytics: Services) -> AnalyticsWorker:
    """An analytics worker over the session's services; a test calls its handlers."""
    return AnalyticsWorker(analytics)


async def _threads_post(services: Services, networks: NetworkFakes, **values: int) -> PostTarget:
    """A Threads post published ten minutes ago, with these insights on the fake."""
    workspace = await new_workspace("UTC")
    assert workspace.id is not None
    user = networks.threads.add_user(f"user{PydanticObjectId()}")
    user.followers = 7
    account = await seed_account(
        services,
        workspace.id,
        PlatformName.THREADS,
        {"access_token": networks.threads.login(user), "user_id": user.id},
    )
    published = networks.threads.publish_directly(user, "Fresh bread")
    networks.threads.set_metrics(published["id"], **values)
    return await seed_target(account, utcnow() - timedelta(minutes=10), external_id=published["id"])


async def _collect(worker: AnalyticsWorker, target: PostTarget) -> None:
    assert target.id is not None
    await worker.collect_target(target.id)


async def test_a_reading_is_stored_planned_announced_and_invalidates_the_cache(
    analytics: Services, networks: NetworkFakes, worker: AnalyticsWorker
) -> None:
    # given a ten-minute-old Threads post, a dashboard cache version, and a subscriber to its workspace
    target = await _threads_post(analytics, networks, views=50, likes=3, replies=1, reposts=0, quotes=0)
    scope = analytics_scope(target.workspace_id)
    version = await analytics.cache.version(scope)
    events = analytics.events.subscribe(str(target.workspace_id))
    assert isinstance(events, Subscription)
    await events.ready()

    # when the worker handles its job
    await worker.handle({"target_id": str(target.id)})

    # then the reading is the post's latest, the next one is 5 minutes away, and the publish is untouched
    [reading] = await MetricSnapshot.find({"target_id": target.id}).to_list()
    assert (reading.latest, reading.views, reading.likes, reading.saves, reading.engagement) == (
        True,
        50,
        3,
        None,
        4,
    )
    after = await reload(target.id)
    assert after.status is TargetStatus.PUBLISHED and after.metrics_failures == 0
    assert after.metrics_collected_at == after.metrics_changed_at == reading.collected_at
    assert after.metrics_next_at == reading.collected_at + timedelta(minutes=5)
    # and dashboards hear of it: the cache version moved, an event went out
    assert await analytics.cache.version(scope) == version + 1
    event = await asyncio.wait_for(anext(events), 5)
    assert (event.type, event.payload["target_id"]) == ("analytics.updated", str(target.id))
    await events.aclose()


async def test_an_unchanged_reading_keeps_the_last_change_time_and_only_the_newest_is_latest(
    analytics: Services, networks: NetworkFakes, worker: AnalyticsWorker
) -> None:
    # given a post read once
    target = await _threads_post(analytics, networks, likes=2)
    await _collect(worker, target)
    first = await reload(target.id)

    # when it is read again with the same numbers
    await _collect(worker, target)

    # then both readings are kept, only the second is latest, and nothing changed since the first
    readings = await MetricSnapshot.find({"target_id": target.id}).sort("collected_at").to_list()
    assert [r.latest for r in readings] == [False, True]
    after = await reload(target.id)
    assert after.metrics_changed_at == first.metrics_changed_at
    assert after.metrics_collected_at == readings[1].collected_at


async def test_a_failed_reading_is_retried_later_and_never_touches_the_publish(
    analytics: Services, networks: NetworkFakes, worker: AnalyticsWorker
) -> None:
    # given a published post (with an old publishing warning-free state) whose network is failing
    target = await _threads_post(analytics, networks, likes=1)
    networks.threads.fail(
        "threads_insights", 500, {"error": {"message": "boom", "code": 2, "is_transient": True}}
    )

    # when the worker reads it
    started = utcnow()
    await _collect(worker, target)

    # then nothing is stored, the next try is 10 minutes out, and the target is exactly as published
    assert await MetricSnapshot.find({"target_id": target.id}).count() == 0
    after = await reload(target.id)
    assert (after.status, after.last_error, after.metrics_failures) == (TargetStatus.PUBLISHED, None, 1)
    assert after.metrics_next_at is not None
    assert started + timedelta(minutes=10) <= after.metrics_next_at <= utcnow() + timedelta(minutes=10)
    assert after.metrics_lease_until is None


async def test_too_many_failures_in_a_row_stop_the_readings(
    analytics: Services, networks: NetworkFakes, worker: AnalyticsWorker
) -> None:
    # given a post whose last five readings failed
    target = await _threads_post(analytics, networks)
    await PostTarget.get_pymongo_collection().update_one(
        {"_id": target.id}, {"$set": {"metrics_failures": 5}}
    )
    networks.threads.fail("threads_insights", 500, {"error": {"message": "boom", "code": 2}})

    # when the sixth fails too
    await _collect(worker, target)

    # then the readings stop for good (ANALYTICS_MAX_FAILURES is 6)
    after = await reload(target.id)
    assert (after.metrics_failures, after.metrics_next_at) == (6, NEVER)
    assert after.metrics_stopped_at is not None


async def test_a_rate_limited_reading_waits_for_the_reset_without_counting_a_failure(
    analytics: Services, networks: NetworkFakes, worker: AnalyticsWorker
) -> None:
    # given a Reddit post, and Reddit throttling the app for two minutes
    workspace = await new_workspace("UTC")
    assert workspace.id is not None
    user = networks.reddit.add_user("ratelimited")
    access, refresh = networks.reddit.login(user)
    submission = networks.reddit.publish_directly(user, "Limited")
    expires = (utcnow() + timedelta(hours=1)).isoformat()
    credentials = {
        "access_token": access,
        "refresh_token": refresh,
        "username": "ratelimited",
        "expires_at": expires,
    }
    account = await seed_account(analytics, workspace.id, PlatformName.REDDIT, credentials)
    target = await seed_target(account, utcnow() - timedelta(hours=1), external_id=submission["name"])
    networks.reddit.fail(
        "info", 429, {"message": "Too Many Requests", "error": 429}, headers={"x-ratelimit-reset": "120"}
    )

    # when the worker reads it
    await _collect(worker, target)

    # then the next reading waits for Reddit's reset, and no failure is counted
    after = await reload(target.id)
    assert after.metrics_failures == 0 and after.metrics_next_at is not None
    assert utcnow() + timedelta(seconds=110) <= after.metrics_next_at <= utcnow() + timedelta(seconds=125)


async def test_the_analytics_budget_of_an_account_postpones_readings_before_the_network_is_asked(
    analytics: Services, networks: NetworkFakes
) -> None:
    # given an allowance of one reading per account per hour, used up by a first reading
    settings = analytics.settings.model_copy(update={"analytics_account_requests_per_hour": 1})
    worker = AnalyticsWorker(dataclasses.replace(analytics, settings=settings))
    target = await _threads_post(analytics, networks, likes=1)
    await _collect(worker, target)
    asked = len(networks.threads.calls("threads_insights"))

    # when a second reading comes at once
    await _collect(worker, target)

    # then Threads is not asked again; the reading waits about an hour, and that is no failure
    after = await reload(target.id)
    assert len(networks.threads.calls("threads_insights")) == asked
    assert after.metrics_failures == 0 and after.metrics_next_at is not None
    assert after.metrics_next_at > utcnow() + timedelta(minutes=55)
    assert await MetricSnapshot.find({"target_id": target.id}).count() == 1


async def _deleted_on_threads(networks: NetworkFakes, target: PostTarget) -> None:
    networks.threads.delete_directly(target.external_id or "")


async def _deleted_in_herald(networks: NetworkFakes, target: PostTarget) -> None:
    await PostTarget.get_pymongo_collection().update_one(
        {"_id": target.id}, {"$set": {"deleted_at": utcnow()}}
    )


async def _disconnected(networks: NetworkFakes, target: PostTarget) -> None:
    await SocialAccount.get_pymongo_collection().update_one(
        {"_id": target.account_id}, {"$set": {"status": AccountStatus.DISCONNECTED}}
    )


@pytest.mark.parametrize(
    ("stop", "threads_asked"),
    [(_deleted_on_threads, True), (_deleted_in_herald, False), (_disconnected, False)],
    ids=["gone", "deleted", "disconnected"],
)
async def test_a_post_gone_deleted_or_disconnected_stops_the_readings(
    analytics: Services,
    networks: NetworkFakes,
    worker: AnalyticsWorker,
    stop: Callable[[NetworkFakes, PostTarget], Awaitable[None]],
    threads_asked: bool,
) -> None:
    # given a post deleted on Threads by someone, or one Herald deleted, or one whose account was disconnected
    target = await _threads_post(analytics, networks, likes=1)
    await stop(networks, target)

    # when the worker reads it
    await _collect(worker, target)

    # then it stops for good (Threads asked only when Herald may still read the post), never planned again
    asked = [f"/v1.0/{target.external_id}/insights"] if threads_asked else []
    assert [c.path for c in networks.threads.calls("threads_insights")] == asked
    after = await reload(target.id)
    assert (after.metrics_next_at, after.metrics_stopped_at is not None) == (NEVER, True)
    assert after.status is TargetStatus.PUBLISHED
    claimed = await claim_due_targets(utcnow(), timedelta(minutes=10), 500)
    assert target.id not in {t.id for t in claimed}


async def test_a_duplicate_job_for_a_post_being_read_changes_nothing(
    analytics: Services, networks: NetworkFakes, worker: AnalyticsWorker
) -> None:
    # given a post another worker is reading (it holds the lease)
    target = await _threads_post(analytics, networks, likes=1)
    assert target.id is not None
    assert await lease_target(target.id, utcnow(), timedelta(minutes=1)) is not None

    # when a duplicate job arrives
    await worker.collect_target(target.id)

    # then nothing is read or stored
    assert networks.threads.calls("threads_insights") == []
    assert await MetricSnapshot.find({"target_id": target.id}).count() == 0


async def test_a_job_naming_nothing_is_refused(worker: AnalyticsWorker) -> None:
    with pytest.raises(ValueError, match="target_id or an account_id"):
        await worker.handle({"post_id": "x"})


async def test_two_schedulers_claim_each_due_reading_once(
    analytics: Services, networks: NetworkFakes
) -> None:
    # given 30 published posts due for a reading, and one whose post failed to publish
    targets = [await _threads_post(analytics, networks) for _ in range(30)]
    failed = await _threads_post(analytics, networks)
    ids = [t.id for t in targets]
    collection = PostTarget.get_pymongo_collection()
    await collection.update_many({"_id": {"$in": ids}}, {"$set": {"metrics_next_at": LATER}})
    await collection.update_one(
        {"_id": failed.id},
        {
            "$set": {
                "metrics_next_at": LATER,
                "status": TargetStatus.FAILED,
                "last_error": PublishError(code="X", message="x", retryable=False).model_dump(),
            }
        },
    )

    # when two schedulers claim at the same moment, round after round, in batches of 10
    claimed: list[PydanticObjectId | None] = []
    hold = timedelta(minutes=10)
    # (until nothing is left: posts of other tests, never read yet, are due too)
    while batches := await asyncio.gather(
        claim_due_targets(LATER, hold, 10), claim_due_targets(LATER, hold, 10)
    ):
        if not any(batches):
            break
        for batch in batches:
            claimed += [t.id for t in batch]

    # then every published post was claimed by exactly one of them, held 10 minutes ahead
    mine = [i for i in claimed if i in ids]
    assert sorted(map(str, mine)) == sorted(map(str, ids))
    assert failed.id not in claimed
    assert {t.metrics_next_at for t in await PostTarget.find({"_id": {"$in": ids}}).to_list()} == {
        LATER + hold
    }


async def test_a_post_just_published_is_read_at_once_and_accounts_once_a_day(
    analytics: Services, networks: NetworkFakes, worker: AnalyticsWorker
) -> None:
    # given a post never read yet (its next reading never planned)
    target = await _threads_post(analytics, networks, likes=1)

    # when the scheduler plans a round
    await MetricsPlanner(analytics).plan()

    # then it was claimed at once (by this scheduler or the session's own): held ten minutes ahead
    after = await reload(target.id)
    assert after.metrics_claim_id is not None and after.metrics_next_at is not None
    assert utcnow() + timedelta(minutes=9) < after.metrics_next_at <= utcnow() + timedelta(minutes=10)
    # and once its account's followers were read, the account is due again a day later
    await worker.collect_account(after.account_id)
    [followers] = await MetricSnapshot.find({"account_id": after.account_id, "target_id": None}).to_list()
    account = await SocialAccount.get(after.account_id)
    assert followers.followers == 7 and account is not None and account.metrics_next_at is not None
    assert account.metrics_next_at == followers.collected_at + timedelta(days=1)


async def test_an_account_is_claimed_once_until_its_hold_runs_out(
    analytics: Services, networks: NetworkFakes
) -> None:
    # given an account due far ahead (beyond the session's own scheduler)
    target = await _threads_post(analytics, networks)
    await SocialAccount.get_pymongo_collection().update_one(
        {"_id": target.account_id}, {"$set": {"metrics_next_at": LATER}}
    )

    # when one scheduler claims accounts due then until none is left, and another tries again
    hold = timedelta(minutes=10)
    claimed = []
    while (account := await claim_due_account(LATER, hold)) is not None:
        claimed.append(account.id)
    again = await claim_due_account(LATER, hold)

    # then the account was claimed exactly once
    assert claimed.count(target.account_id) == 1
    assert again is None


async def test_the_worker_consumes_collect_jobs_from_the_queue(
    analytics: Services, networks: NetworkFakes, analytics_worker: AnalyticsWorker
) -> None:
    # given a worker consuming on its own connection, and a post
    target = await _threads_post(analytics, networks, likes=9)

    # when a job for the post is published
    await analytics.queue.publish(ANALYTICS_COLLECT, {"target_id": str(target.id)})

    # then the worker stores the reading
    async with asyncio.timeout(15):
        while True:
            if await MetricSnapshot.find({"target_id": target.id}).count():
                break
            await asyncio.sleep(0.1)
    [reading] = await MetricSnapshot.find({"target_id": target.id}).to_list()
    assert reading.likes == 9


async def test_an_instagram_account_named_by_its_id_gets_its_username_with_its_followers(
    analytics: Services, networks: NetworkFakes, worker: AnalyticsWorker
) -> None:
    # given an Instagram account stored before Herald read usernames: its handle is its numeric id
    workspace = await new_workspace("UTC")
    assert workspace.id is not None
    [page] = networks.meta.add_user("Corner", instagram=True).pages
    assert page.instagram is not None
    page.instagram["username"] = "corner_shop"
    ig_user = networks.meta.ig_account(page)
    ig_user.followers = 12
    account = await seed_account(
        analytics,
        workspace.id,
        PlatformName.INSTAGRAM,
        {"access_token": page.token, "ig_user_id": ig_user.id},
    )
    await account.set({"handle": ig_user.id, "external_id": ig_user.id})

    # when its followers are read
    assert account.id is not None
    await worker.collect_account(account.id)

    # then it is shown by its username from now on
    reloaded = await SocialAccount.get(account.id)
    assert reloaded is not None and reloaded.handle == "corner_shop"
