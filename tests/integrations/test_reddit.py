"""Publishing to Reddit through the post worker, against a local server speaking Reddit's OAuth API:
self and link posts, subreddit rules, rate limits, hourly tokens, and never posting twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.services import Services
from models.social_account import AccountStatus
from models.target_state import TargetStatus
from tests.herald_client import Member, create_post
from tests.network_client import connected_member, publish, queued_target, stored_account, wait_for
from tests.services.networks import NetworkFakes
from tests.services.reddit_server import USER_AGENT, RedditUser
from tests.stack import ApiServer


async def _redditor(api: ApiServer, networks: NetworkFakes, name: str) -> tuple[Member, str, RedditUser]:
    user = networks.reddit.add_user(name)
    networks.reddit.consenting = user
    member, account_id = await connected_member(api, "REDDIT")
    networks.reddit.reset_script()
    return member, account_id, user


async def test_a_self_post_and_a_link_post(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given a connected Reddit user and a subreddit
    member, account_id, user = await _redditor(api, networks, "writer")
    networks.reddit.add_subreddit("herald_test")
    own = await queued_target(
        api, member, account_id, "The body.", subreddit="r/herald_test", title="A title"
    )
    shared = await queued_target(
        api, member, account_id, "", subreddit="herald_test", title="A link", link="https://example.com/a"
    )

    # when a worker publishes both
    own_done = await publish(services, own)
    shared_done = await publish(services, shared)

    # then both are submitted, one as a self post with its body, one as a link post
    assert own_done.status is TargetStatus.PUBLISHED and shared_done.status is TargetStatus.PUBLISHED
    first, second = networks.reddit.calls("submit")
    assert {k: first.form[k] for k in ("api_type", "sr", "kind", "title", "text")} == {
        "api_type": "json",
        "sr": "herald_test",
        "kind": "self",
        "title": "A title",
        "text": "The body.",
    }
    assert (second.form["kind"], second.form["url"]) == ("link", "https://example.com/a")
    assert own_done.external_id == user.submissions[1]["name"]
    assert own_done.external_url is not None and "/r/herald_test/comments/" in own_done.external_url
    # and every call carried the User-Agent Reddit's API rules require
    assert all(USER_AGENT.match(r.headers["user-agent"]) for r in networks.reddit.calls("submit"))


async def test_a_subreddit_that_requires_flair(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given a subreddit that requires post flair
    member, account_id, user = await _redditor(api, networks, "flairless")
    networks.reddit.add_subreddit("strict_sub", flair_required=True)
    without = await queued_target(api, member, account_id, "body", subreddit="strict_sub", title="No flair")
    with_flair = await queued_target(
        api, member, account_id, "body", subreddit="strict_sub", title="Flair", flairId="flair-news"
    )

    # when a worker publishes a post without flair, then one with a flair
    failed = await publish(services, without)
    done = await publish(services, with_flair)

    # then the first fails with a code naming the problem and the subreddit, the second goes out
    assert failed.status is TargetStatus.FAILED and failed.last_error is not None
    assert failed.last_error.code == "FLAIR_REQUIRED" and "r/strict_sub" in failed.last_error.message
    assert done.status is TargetStatus.PUBLISHED
    assert networks.reddit.calls("submit")[1].form["flair_id"] == "flair-news"
    assert len(user.submissions) == 1


async def test_a_restricted_subreddit_is_named(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    member, account_id, _ = await _redditor(api, networks, "outsider")
    networks.reddit.add_subreddit("members_only", restricted=True)
    target = await queued_target(api, member, account_id, "hi", subreddit="members_only", title="Let me in")

    done = await publish(services, target)

    assert done.status is TargetStatus.FAILED and done.last_error is not None
    assert done.last_error.code == "SUBREDDIT_RESTRICTED" and "r/members_only" in done.last_error.message


async def test_reddit_rate_limits_reschedule(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given Reddit answering one submit with RATELIMIT (5 minutes) and the next with 429 (reset in 90 s)
    member, account_id, user = await _redditor(api, networks, "eager")
    networks.reddit.add_subreddit("busy_sub")
    too_often = await queued_target(api, member, account_id, "a", subreddit="busy_sub", title="One")
    throttled = await queued_target(api, member, account_id, "b", subreddit="busy_sub", title="Two")
    ratelimit = [["RATELIMIT", "Looks like you've been doing that a lot. Take a break.", "ratelimit"]]
    networks.reddit.fail("submit", 200, {"json": {"errors": ratelimit, "ratelimit": 300.0}})
    headers = {"x-ratelimit-used": "100", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "90"}
    networks.reddit.fail("submit", 429, {"message": "Too Many Requests", "error": 429}, headers=headers)

    # when a worker tries both
    first = await publish(services, too_often)
    second = await publish(services, throttled)

    # then both go back to the schedule for when Reddit allows, without using an attempt
    now = datetime.now(UTC)
    for target, wait in ((first, timedelta(seconds=300)), (second, timedelta(seconds=91))):
        assert target.status is TargetStatus.SCHEDULED and target.attempts == 0
        assert target.last_error is not None and target.last_error.code == "RATE_LIMITED"
        assert target.scheduled_at is not None
        assert abs((target.scheduled_at - (now + wait)).total_seconds()) < 10
    assert user.submissions == []


async def test_an_expired_access_token_is_refreshed_and_the_refresh_token_kept(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given an account whose hourly access token Reddit no longer accepts
    member, account_id, user = await _redditor(api, networks, "sleepy")
    networks.reddit.add_subreddit("morning")
    target = await queued_target(api, member, account_id, "good morning", subreddit="morning", title="Hi")
    before = services.cipher.decrypt((await stored_account(account_id)).credentials)
    networks.reddit.expire_access(user)

    # when a worker publishes
    done = await publish(services, target)

    # then the 401 led to one refresh, the post went out, and the new access token was stored with the
    # refresh token it had (Reddit's answer to a refresh carries none)
    assert done.status is TargetStatus.PUBLISHED
    [refresh] = networks.reddit.calls("refresh")
    assert refresh.form == {"grant_type": "refresh_token", "refresh_token": before["refresh_token"]}
    stored = await stored_account(account_id)
    after = services.cipher.decrypt(stored.credentials)
    assert (
        after["access_token"] != before["access_token"] and after["refresh_token"] == before["refresh_token"]
    )
    assert stored.token_expires_at is not None and stored.token_expires_at > datetime.now(UTC) + timedelta(
        minutes=50
    )


async def test_a_revoked_grant_asks_for_reconnection(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given a user who revoked Herald's access on Reddit
    member, account_id, user = await _redditor(api, networks, "gone")
    networks.reddit.add_subreddit("anywhere")
    target = await queued_target(api, member, account_id, "hello", subreddit="anywhere", title="Hi")
    networks.reddit.revoke(user)

    # when a worker tries to publish
    done = await publish(services, target)

    # then the refresh's invalid_grant fails the target and the account must be reconnected
    assert done.status is TargetStatus.FAILED and done.last_error is not None
    assert done.last_error.code == "REFRESH_REVOKED"
    account = await stored_account(account_id)
    assert account.status is AccountStatus.NEEDS_REAUTH


async def test_a_submission_whose_answer_was_lost_is_found(
    api: ApiServer, networks: NetworkFakes, services: Services, publishing: None
) -> None:
    # given Reddit taking a submission and then failing to answer
    member, account_id, user = await _redditor(api, networks, "unsure")
    networks.reddit.add_subreddit("lost_replies")
    target = await queued_target(
        api, member, account_id, "body text", subreddit="lost_replies", title="Lost?"
    )
    networks.reddit.fail("submit", 502, {"message": "Bad Gateway", "error": 502}, after=True)

    # when the worker is left not knowing, and the retry runs
    first = await publish(services, target)
    assert first.status is TargetStatus.QUEUED
    done = await wait_for(target.id, TargetStatus.PUBLISHED, TargetStatus.FAILED, TargetStatus.UNCONFIRMED)

    # then the retry found it among the user's submissions and submitted nothing more
    assert done.status is TargetStatus.PUBLISHED
    assert len(user.submissions) == 1 and done.external_id == user.submissions[0]["name"]
    assert len(networks.reddit.calls("submit")) == 1 and networks.reddit.calls("submitted")


async def test_reddit_needs_a_subreddit_and_a_title(api: ApiServer, networks: NetworkFakes) -> None:
    # given a connected Reddit account
    member, account_id, _ = await _redditor(api, networks, "forgetful")

    # when posts leave out the subreddit and title, or give a 301-character title
    bare = await create_post(api, member, text="body", targets=[{"accountId": account_id}])
    long_title = await create_post(
        api,
        member,
        text="body",
        targets=[{"accountId": account_id, "options": {"subreddit": "ok_sub", "title": "t" * 301}}],
    )

    # then each is refused, pointing at the option to fix
    assert [(e["code"], e["field"]) for e in bare["userErrors"]] == [
        ("SUBREDDIT_REQUIRED", ["targets", "0", "options", "subreddit"]),
        ("TITLE_REQUIRED", ["targets", "0", "options", "title"]),
    ]
    assert [e["code"] for e in long_title["userErrors"]] == ["TITLE_TOO_LONG"]
