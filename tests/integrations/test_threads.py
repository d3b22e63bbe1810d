"""Publishing to Threads through the post worker, against a local server speaking the Threads API:
containers, status polls, the publishing quota, and never posting twice."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from app.services import Services
from models.social_account import AccountStatus
from models.target_state import TargetStatus
from tests.herald_client import Member, create_post
from tests.network_client import connected_member, publish, queued_target, stored_account, wait_for
from tests.services.meta_wire import graph_error, meta_time
from tests.services.networks import NetworkFakes
from tests.services.threads_server import ThreadsUser
from tests.stack import ApiServer

UNAVAILABLE = graph_error(2, "Service temporarily unavailable", is_transient=True)


async def _threads_account(api: ApiServer, networks: NetworkFakes) -> tuple[Member, str, ThreadsUser]:
    user = networks.threads.add_user("poster")
    networks.threads.consenting = user
    member, account_id = await connected_member(api, "THREADS")
    networks.threads.reset_script()
    return member, account_id, user


async def test_a_text_post_goes_out_through_a_container(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given a connected Threads profile and a queued post
    member, account_id, user = await _threads_account(api, networks)
    target = await queued_target(api, member, account_id, "Hello Threads 👋 https://example.com")

    # when a worker publishes it
    done = await publish(services, target)

    # then it is published once, where Threads says, after the quota was read
    assert done.status is TargetStatus.PUBLISHED and done.last_error is None
    [post] = user.posts
    assert (done.external_id, done.external_url) == (post["id"], post["permalink"])
    endpoints = [r.endpoint for r in networks.threads.requests]
    assert endpoints.index("publishing_limit") < endpoints.index("create_container")
    [created] = networks.threads.calls("create_container")
    assert (
        created.form["media_type"] == "TEXT"
        and created.form["text"] == "Hello Threads 👋 https://example.com"
    )
    [published] = networks.threads.calls("threads_publish")
    assert published.form["creation_id"] == done.checkpoint["container_id"]


async def test_a_container_in_progress_is_polled_until_finished(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given a profile whose containers stay IN_PROGRESS for three status reads
    member, account_id, user = await _threads_account(api, networks)
    networks.threads.in_progress_polls = 3
    target = await queued_target(api, member, account_id, "patience")

    # when a worker publishes
    try:
        done = await publish(services, target)
    finally:
        networks.threads.in_progress_polls = 0

    # then it waited for FINISHED, then published
    assert done.status is TargetStatus.PUBLISHED
    assert len(networks.threads.calls("container_status")) == 4
    assert len(user.posts) == 1


async def test_an_exhausted_quota_reschedules_for_when_a_slot_frees(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given a profile that used its 250 posts, the oldest of them two hours ago
    member, account_id, user = await _threads_account(api, networks)
    oldest = networks.threads.publish_directly(user, "the oldest in the window")
    two_hours_ago = datetime.now(UTC) - timedelta(hours=2)
    oldest["timestamp"] = meta_time(two_hours_ago)
    user.quota_usage = user.quota_total
    target = await queued_target(api, member, account_id, "one too many")

    # when a worker tries to publish
    done = await publish(services, target)

    # then nothing was created, and the target waits for the window to free a slot without using an attempt
    assert done.status is TargetStatus.SCHEDULED
    assert done.last_error is not None and done.last_error.code == "QUOTA_EXHAUSTED"
    assert done.attempts == 0 and networks.threads.calls("create_container") == []
    assert done.scheduled_at is not None
    expected = two_hours_ago + timedelta(hours=24)
    assert abs((done.scheduled_at - expected).total_seconds()) < 120


async def test_a_publish_that_failed_after_the_container_reuses_it(
    api: ApiServer, networks: NetworkFakes, services: Services, publishing: None
) -> None:
    # given a queued post, and Threads failing the publish call once (the post does not go out)
    member, account_id, user = await _threads_account(api, networks)
    target = await queued_target(api, member, account_id, "second time lucky")
    networks.threads.fail("threads_publish", 503, UNAVAILABLE)

    # when a worker's attempt dies between the container and the publish, and the retry runs
    first = await publish(services, target)
    assert first.status is TargetStatus.QUEUED and first.checkpoint.get("container_id")
    done = await wait_for(target.id, TargetStatus.PUBLISHED, TargetStatus.FAILED, TargetStatus.UNCONFIRMED)

    # then the retry published the very same container: one container, one post
    assert done.status is TargetStatus.PUBLISHED
    assert len(networks.threads.calls("create_container")) == 1
    creations = {r.form["creation_id"] for r in networks.threads.calls("threads_publish")}
    assert creations == {first.checkpoint["container_id"]}
    assert len(user.posts) == 1 and done.external_id == user.posts[0]["id"]


async def test_a_publish_whose_answer_was_lost_is_found_not_repeated(
    api: ApiServer, networks: NetworkFakes, services: Services, publishing: None
) -> None:
    # given a queued post, and Threads publishing it but its answer getting lost
    member, account_id, user = await _threads_account(api, networks)
    target = await queued_target(api, member, account_id, "did it go out?")
    networks.threads.fail("threads_publish", 500, UNAVAILABLE, after=True)

    # when the worker is left not knowing, and the retry runs
    first = await publish(services, target)
    assert first.status is TargetStatus.QUEUED
    done = await wait_for(target.id, TargetStatus.PUBLISHED, TargetStatus.FAILED, TargetStatus.UNCONFIRMED)

    # then the retry found the post among the profile's posts and published nothing more
    assert done.status is TargetStatus.PUBLISHED
    assert len(user.posts) == 1 and done.external_id == user.posts[0]["id"]
    assert len(networks.threads.calls("threads_publish")) == 1
    assert networks.threads.calls("list_threads")


async def test_an_outcome_nobody_can_check_ends_unconfirmed(
    api: ApiServer, networks: NetworkFakes, services: Services, publishing: None
) -> None:
    # given a post whose publish answer is lost, and a profile whose posts cannot be listed
    member, account_id, user = await _threads_account(api, networks)
    target = await queued_target(api, member, account_id, "who knows")
    networks.threads.fail("threads_publish", 500, UNAVAILABLE, after=True)
    networks.threads.fail("list_threads", 500, UNAVAILABLE, times=10)

    # when every attempt is used up
    await publish(services, target)
    done = await wait_for(target.id, TargetStatus.PUBLISHED, TargetStatus.FAILED, TargetStatus.UNCONFIRMED)

    # then the target says it cannot be confirmed, and nothing was published twice
    assert done.status is TargetStatus.UNCONFIRMED
    assert done.last_error is not None and done.last_error.code == "UNCONFIRMED"
    assert len(user.posts) == 1 and len(networks.threads.calls("threads_publish")) == 1


async def test_a_revoked_token_asks_for_reconnection(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given a profile whose tokens Threads revoked
    member, account_id, user = await _threads_account(api, networks)
    target = await queued_target(api, member, account_id, "nobody home")
    networks.threads.revoke_all(user)

    # when a worker tries to publish
    done = await publish(services, target)

    # then the target fails for good with a reason, and the account must be reconnected
    assert done.status is TargetStatus.FAILED
    assert done.last_error is not None and (done.last_error.code, done.last_error.retryable) == (
        "TOKEN_EXPIRED",
        False,
    )
    account = await stored_account(account_id)
    assert account.status is AccountStatus.NEEDS_REAUTH and "reconnect" in (account.status_reason or "")
    assert user.posts == []


async def test_meta_throttling_reschedules_at_its_estimate(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given Threads answering the container call with a rate-limit error and a 7-minute estimate
    member, account_id, user = await _threads_account(api, networks)
    target = await queued_target(api, member, account_id, "slow down")
    usage = {user.id: [{"type": "threads", "call_count": 100, "estimated_time_to_regain_access": 7}]}
    networks.threads.fail(
        "create_container",
        400,
        graph_error(4, "Application request limit reached"),
        headers={"x-business-use-case-usage": json.dumps(usage)},
    )

    # when a worker tries to publish
    done = await publish(services, target)

    # then it goes back to the schedule for then, without using an attempt
    assert done.status is TargetStatus.SCHEDULED and done.attempts == 0
    assert done.last_error is not None and done.last_error.code == "RATE_LIMITED"
    assert done.scheduled_at is not None
    wait = done.scheduled_at - datetime.now(UTC)
    assert timedelta(minutes=6) < wait <= timedelta(minutes=7)


async def test_usage_near_the_limit_waits_before_writing(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given Threads reporting the app at 95 % of its call budget
    member, account_id, _ = await _threads_account(api, networks)
    target = await queued_target(api, member, account_id, "not now")
    networks.threads.extra_headers["x-app-usage"] = (
        '{"call_count": 95, "total_time": 10, "total_cputime": 10}'
    )

    # when a worker tries to publish
    done = await publish(services, target)

    # then it waits instead of writing
    assert done.status is TargetStatus.SCHEDULED and done.last_error is not None
    assert done.last_error.code == "RATE_LIMITED"
    assert networks.threads.calls("create_container") == []


async def test_threads_rules_are_checked_when_the_post_is_written(
    api: ApiServer, networks: NetworkFakes
) -> None:
    # given a connected profile
    member, account_id, _ = await _threads_account(api, networks)
    links = " ".join(f"https://example.com/{n}" for n in range(6))

    # when posts break Threads' rules: 126 emoji (4 bytes each: 504), and six links
    too_long = await create_post(api, member, text="🎉" * 126, targets=[{"accountId": account_id}])
    too_many = await create_post(api, member, text=links, targets=[{"accountId": account_id}])
    fits = await create_post(api, member, text="🎉" * 125, targets=[{"accountId": account_id}])

    # then each is refused with the rule it breaks (emoji count their UTF-8 bytes)
    assert [e["code"] for e in too_long["userErrors"]] == ["TEXT_TOO_LONG"]
    assert [e["code"] for e in too_many["userErrors"]] == ["TOO_MANY_LINKS"]
    assert fits["userErrors"] == []
