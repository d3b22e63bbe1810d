"""Threads, Instagram, Facebook and Reddit metrics against the local servers of those networks, which
follow their documented read endpoints: what each network reports, what it does not (null, not 0), and
its limits."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.services import Services
from integrations.platforms.base import AccountSession, Published, RateLimited
from integrations.platforms.metrics import Metrics, MetricsSource, PostGone
from models.platform import PlatformName
from tests.services.networks import NetworkFakes

Sources = Mapping[PlatformName, MetricsSource]


@pytest.fixture
def sources(networks: NetworkFakes, services: Services) -> Sources:
    """Herald's metrics sources, wired as the app wires them: to the network fakes, fresh for the test."""
    return services.metrics


class Saved:
    def __init__(self) -> None:
        self.credentials: list[dict[str, Any]] = []

    async def __call__(self, credentials: Mapping[str, Any]) -> None:
        self.credentials.append(dict(credentials))


def session(
    credentials: dict[str, Any], external_id: str = "me", saved: Saved | None = None
) -> AccountSession:
    return AccountSession(
        external_id=external_id, handle="me", credentials=credentials, save=saved or Saved()
    )


def post(external_id: str) -> Published:
    return Published(external_id=external_id, url="https://example.test", published_at=None)


async def test_threads_reads_the_post_insights_and_the_profile_followers(
    networks: NetworkFakes, sources: Sources
) -> None:
    # given a Threads post with insights and a profile with followers
    user = networks.threads.add_user("u1")
    published = networks.threads.publish_directly(user, "m1")
    networks.threads.set_metrics(published["id"], views=120, likes=7, replies=2, reposts=1, quotes=0)
    user.followers = 321
    account = session({"access_token": networks.threads.login(user), "user_id": user.id})

    # when Herald reads them
    metrics = await sources[PlatformName.THREADS].fetch_metrics(account, post(published["id"]))
    followers = await sources[PlatformName.THREADS].fetch_account_metrics(account)

    # then every insight is there; Threads reports no saves, reach or score (null, not 0)
    assert metrics == Metrics(views=120, likes=7, replies=2, reposts=1, quotes=0)
    assert followers.followers == 321
    assert (
        networks.threads.calls("threads_insights")[0].query["metric"] == "views,likes,replies,reposts,quotes"
    )


async def test_threads_without_the_insights_permission_is_unavailable_not_zero(
    networks: NetworkFakes, sources: Sources
) -> None:
    # given a profile that did not grant the insights permission
    user = networks.threads.add_user("u2")
    user.declines = {"threads_manage_insights"}
    published = networks.threads.publish_directly(user, "m2")
    networks.threads.set_metrics(published["id"], likes=3)

    # when Herald reads the post
    found = await sources[PlatformName.THREADS].fetch_metrics(
        session({"access_token": networks.threads.login(user), "user_id": user.id}), post(published["id"])
    )

    # then the reading is unavailable (None), never a row of zeros
    assert found is None


async def test_a_deleted_threads_post_is_gone(networks: NetworkFakes, sources: Sources) -> None:
    user = networks.threads.add_user("u3")
    with pytest.raises(PostGone) as gone:
        await sources[PlatformName.THREADS].fetch_metrics(
            session({"access_token": networks.threads.login(user), "user_id": user.id}), post("nope")
        )
    assert gone.value.code == "POST_NOT_FOUND"


async def test_analytics_waits_before_publishing_when_meta_reports_the_app_busy(
    networks: NetworkFakes, sources: Sources
) -> None:
    # given Meta reporting Herald's app at 70 % of its hourly allowance (publishing waits at 90 %)
    user = networks.threads.add_user("u4")
    published = networks.threads.publish_directly(user, "m4")
    networks.threads.set_metrics(published["id"], likes=1)
    networks.threads.extra_headers["x-app-usage"] = json.dumps(
        {"call_count": 70, "total_time": 5, "total_cputime": 5}
    )

    # when analytics reads a post
    with pytest.raises(RateLimited) as limited:
        await sources[PlatformName.THREADS].fetch_metrics(
            session({"access_token": networks.threads.login(user), "user_id": user.id}), post(published["id"])
        )

    # then it backs off (at ANALYTICS_USAGE_LIMIT_PERCENT, 60), leaving the headroom to publishing
    assert limited.value.code == "RATE_LIMITED"
    assert limited.value.retry_at > datetime.now(UTC) + timedelta(minutes=10)


async def test_instagram_counts_come_from_the_media_and_insights_are_optional(
    networks: NetworkFakes, sources: Sources
) -> None:
    # given two media: one with insights, one of an account without the insights permission that hides likes
    [full_page] = networks.meta.add_user("Full", instagram=True).pages
    limited_user = networks.meta.add_user("Limited", instagram=True)
    limited_user.declines = {"instagram_manage_insights"}
    [limited_page] = limited_user.pages
    ig1 = networks.meta.instagram.publish_directly(networks.meta.ig_account(full_page), "ig1")
    ig2 = networks.meta.instagram.publish_directly(networks.meta.ig_account(limited_page), "ig2")
    networks.meta.set_metrics(
        ig1["id"], like_count=40, comments_count=3, reach=500, saved=6, shares=2, views=900
    )
    networks.meta.set_metrics(ig2["id"], comments_count=0, reach=10)
    networks.meta.ig_account(full_page).followers = 1200
    full = session({"access_token": full_page.token, "ig_user_id": networks.meta.ig_account(full_page).id})
    limited = session(
        {"access_token": limited_page.token, "ig_user_id": networks.meta.ig_account(limited_page).id}
    )
    source = sources[PlatformName.INSTAGRAM]

    # when Herald reads both, and the account
    first = await source.fetch_metrics(full, post(ig1["id"]))
    second = await source.fetch_metrics(limited, post(ig2["id"]))
    followers = await source.fetch_account_metrics(full)

    # then the first has everything; the second has its comments (0) and nothing it cannot know (null)
    assert first == Metrics(likes=40, replies=3, reposts=2, saves=6, reach=500, views=900)
    assert second == Metrics(replies=0)
    assert followers.followers == 1200


async def test_facebook_reactions_comments_shares_and_impressions(
    networks: NetworkFakes, sources: Sources
) -> None:
    # given a Page post nobody shared, with impressions
    [page] = networks.meta.add_user("Baker").pages
    published = networks.meta.publish_directly(page, "p_1")
    networks.meta.set_metrics(
        published["id"], reactions=12, comments=4, post_impressions=300, post_impressions_unique=250
    )
    page.followers = 77
    account = session({"access_token": page.token, "page_id": page.id})

    # when Herald reads it and the Page
    metrics = await sources[PlatformName.FACEBOOK].fetch_metrics(account, post(published["id"]))
    followers = await sources[PlatformName.FACEBOOK].fetch_account_metrics(account)

    # then reactions count as likes, the missing `shares` as 0 reposts, impressions as views
    assert metrics == Metrics(likes=12, replies=4, reposts=0, views=300, reach=250)
    assert followers.followers == 77


async def test_reddit_reads_votes_comments_and_followers(networks: NetworkFakes, sources: Sources) -> None:
    # given a submission and a user with followers, and a live token
    user = networks.reddit.add_user("ada")
    access, refresh = networks.reddit.login(user)
    submission = networks.reddit.publish_directly(user, "t3_abc")
    networks.reddit.set_metrics(
        submission["name"],
        score=41,
        ups=45,
        upvote_ratio=0.91,
        num_comments=7,
        num_crossposts=1,
        view_count=None,
    )
    user.followers = 12
    expires = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    account = session(
        {"access_token": access, "refresh_token": refresh, "username": "ada", "expires_at": expires}
    )

    # when Herald reads them
    metrics = await sources[PlatformName.REDDIT].fetch_metrics(account, post(submission["name"]))
    followers = await sources[PlatformName.REDDIT].fetch_account_metrics(account)

    # then upvotes stand for likes, and Reddit's null view count stays null
    assert metrics == Metrics(likes=45, replies=7, reposts=1, score=41, upvote_ratio=0.91)
    assert followers.followers == 12
    assert networks.reddit.calls("info")[0].query["id"] == submission["name"]
    assert networks.reddit.calls("about")[0].path == "/user/ada/about"
    budget = sources[PlatformName.REDDIT].budget
    assert budget is not None and budget.limit == 30  # ANALYTICS_REDDIT_REQUESTS_PER_MINUTE


async def test_reddit_refreshes_an_expired_token_first_and_keeps_the_new_one(
    networks: NetworkFakes, sources: Sources
) -> None:
    # given stored credentials whose access token expired
    user = networks.reddit.add_user("bob")
    _, refresh = networks.reddit.login(user)
    submission = networks.reddit.publish_directly(user, "t3_b")
    networks.reddit.set_metrics(
        submission["name"], score=1, ups=1, upvote_ratio=1.0, num_comments=0, num_crossposts=0
    )
    saved = Saved()
    expired = (datetime.now(UTC) - timedelta(minutes=5)).isoformat()
    account = session(
        {"access_token": "dead", "refresh_token": refresh, "username": "bob", "expires_at": expired},
        saved=saved,
    )

    # when Herald reads the submission
    metrics = await sources[PlatformName.REDDIT].fetch_metrics(account, post(submission["name"]))

    # then it refreshed once, saved the new token, and read with it
    assert metrics is not None and metrics.score == 1
    assert len(networks.reddit.calls("refresh")) == 1
    assert saved.credentials[0]["access_token"] in networks.reddit.access
    assert saved.credentials[0]["refresh_token"] == refresh


async def test_reddit_throttling_and_deleted_posts(networks: NetworkFakes, sources: Sources) -> None:
    # given a live token
    access, refresh = networks.reddit.login(networks.reddit.add_user("cy"))
    expires = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    account = session(
        {"access_token": access, "refresh_token": refresh, "username": "cy", "expires_at": expires}
    )
    networks.reddit.fail(
        "info", 429, {"message": "Too Many Requests", "error": 429}, headers={"x-ratelimit-reset": "120"}
    )

    # when Reddit throttles the first read, and the second asks for a post Reddit does not have
    with pytest.raises(RateLimited) as limited:
        await sources[PlatformName.REDDIT].fetch_metrics(account, post("t3_x"))
    with pytest.raises(PostGone):
        await sources[PlatformName.REDDIT].fetch_metrics(account, post("t3_gone"))

    # then the first waits until Reddit's reset, the second says the post is gone
    assert limited.value.retry_at >= datetime.now(UTC) + timedelta(seconds=110)
