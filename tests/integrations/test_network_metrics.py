"""Threads, Instagram, Facebook and Reddit metrics against local servers that follow their documented read
endpoints: what each network reports, what it does not (null, not 0), and its limits."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from app.settings import Settings
from integrations.platforms.base import AccountSession, Published, RateLimited
from integrations.platforms.metrics import Metrics, MetricsSource, PostGone
from models.platform import PlatformName
from tests.services.insights_server import InsightFakes, metric_sources_on, running_insights


@pytest.fixture(scope="module")
async def fakes() -> AsyncIterator[InsightFakes]:
    async with running_insights() as running:
        yield running


@pytest.fixture
async def sources(fakes: InsightFakes) -> AsyncIterator[dict[PlatformName, MetricsSource]]:
    fakes.reset()
    async with httpx.AsyncClient(timeout=5) as http:
        yield metric_sources_on(fakes, Settings(_env_file=None), http)


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
    fakes: InsightFakes, sources: dict[PlatformName, MetricsSource]
) -> None:
    # given a Threads post with insights and a profile with followers
    token = fakes.threads.token_for("u1")
    fakes.threads.posts["m1"] = {"views": 120, "likes": 7, "replies": 2, "reposts": 1, "quotes": 0}
    fakes.threads.followers["u1"] = 321
    account = session({"access_token": token, "user_id": "u1"})

    # when Herald reads them
    metrics = await sources[PlatformName.THREADS].fetch_metrics(account, post("m1"))
    followers = await sources[PlatformName.THREADS].fetch_account_metrics(account)

    # then every insight is there; Threads reports no saves, reach or score (null, not 0)
    assert metrics == Metrics(views=120, likes=7, replies=2, reposts=1, quotes=0)
    assert followers.followers == 321
    assert fakes.threads.calls("threads_insights")[0].query["metric"] == "views,likes,replies,reposts,quotes"


async def test_threads_without_the_insights_permission_is_unavailable_not_zero(
    fakes: InsightFakes, sources: dict[PlatformName, MetricsSource]
) -> None:
    # given a profile that did not grant the insights permission
    token = fakes.threads.token_for("u2", insights=False)
    fakes.threads.posts["m2"] = {"likes": 3}

    # when Herald reads the post
    found = await sources[PlatformName.THREADS].fetch_metrics(
        session({"access_token": token, "user_id": "u2"}), post("m2")
    )

    # then the reading is unavailable (None), never a row of zeros
    assert found is None


async def test_a_deleted_threads_post_is_gone(
    fakes: InsightFakes, sources: dict[PlatformName, MetricsSource]
) -> None:
    token = fakes.threads.token_for("u3")
    with pytest.raises(PostGone) as gone:
        await sources[PlatformName.THREADS].fetch_metrics(
            session({"access_token": token, "user_id": "u3"}), post("nope")
        )
    assert gone.value.code == "POST_NOT_FOUND"


async def test_analytics_waits_before_publishing_when_meta_reports_the_app_busy(
    fakes: InsightFakes, sources: dict[PlatformName, MetricsSource]
) -> None:
    # given Meta reporting Herald's app at 70 % of its hourly allowance (publishing waits at 90 %)
    token = fakes.threads.token_for("u4")
    fakes.threads.posts["m4"] = {"likes": 1}
    fakes.threads.extra_headers["x-app-usage"] = json.dumps(
        {"call_count": 70, "total_time": 5, "total_cputime": 5}
    )

    # when analytics reads a post
    with pytest.raises(RateLimited) as limited:
        await sources[PlatformName.THREADS].fetch_metrics(
            session({"access_token": token, "user_id": "u4"}), post("m4")
        )

    # then it backs off (at ANALYTICS_USAGE_LIMIT_PERCENT, 60), leaving the headroom to publishing
    assert limited.value.code == "RATE_LIMITED"
    assert limited.value.retry_at > datetime.now(UTC) + timedelta(minutes=10)


async def test_instagram_counts_come_from_the_media_and_insights_are_optional(
    fakes: InsightFakes, sources: dict[PlatformName, MetricsSource]
) -> None:
    # given two media: one with insights, one of an account without the insights permission that hides likes
    fakes.graph.posts["ig1"] = {
        "like_count": 40,
        "comments_count": 3,
        "reach": 500,
        "saved": 6,
        "shares": 2,
        "views": 900,
    }
    fakes.graph.posts["ig2"] = {"comments_count": 0, "reach": 10}
    fakes.graph.followers["igu"] = 1200
    full = session({"access_token": fakes.graph.token_for("igu"), "ig_user_id": "igu"})
    limited = session({"access_token": fakes.graph.token_for("igu", insights=False), "ig_user_id": "igu"})
    source = sources[PlatformName.INSTAGRAM]

    # when Herald reads both, and the account
    first = await source.fetch_metrics(full, post("ig1"))
    second = await source.fetch_metrics(limited, post("ig2"))
    followers = await source.fetch_account_metrics(full)

    # then the first has everything; the second has its comments (0) and nothing it cannot know (null)
    assert first == Metrics(likes=40, replies=3, reposts=2, saves=6, reach=500, views=900)
    assert second == Metrics(replies=0)
    assert followers.followers == 1200


async def test_facebook_reactions_comments_shares_and_impressions(
    fakes: InsightFakes, sources: dict[PlatformName, MetricsSource]
) -> None:
    # given a Page post nobody shared, with impressions
    fakes.graph.posts["p_1"] = {
        "reactions": 12,
        "comments": 4,
        "post_impressions": 300,
        "post_impressions_unique": 250,
    }
    fakes.graph.followers["page1"] = 77
    account = session({"access_token": fakes.graph.token_for("page1"), "page_id": "page1"})

    # when Herald reads it and the Page
    metrics = await sources[PlatformName.FACEBOOK].fetch_metrics(account, post("p_1"))
    followers = await sources[PlatformName.FACEBOOK].fetch_account_metrics(account)

    # then reactions count as likes, the missing `shares` as 0 reposts, impressions as views
    assert metrics == Metrics(likes=12, replies=4, reposts=0, views=300, reach=250)
    assert followers.followers == 77


async def test_reddit_reads_votes_comments_and_followers(
    fakes: InsightFakes, sources: dict[PlatformName, MetricsSource]
) -> None:
    # given a submission and a user with followers, and a live token
    access, refresh = fakes.reddit.login("ada")
    fakes.reddit.posts["t3_abc"] = {
        "score": 41,
        "ups": 45,
        "upvote_ratio": 0.91,
        "num_comments": 7,
        "num_crossposts": 1,
        "view_count": None,
    }
    fakes.reddit.followers["ada"] = 12
    expires = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    account = session(
        {"access_token": access, "refresh_token": refresh, "username": "ada", "expires_at": expires}
    )

    # when Herald reads them
    metrics = await sources[PlatformName.REDDIT].fetch_metrics(account, post("t3_abc"))
    followers = await sources[PlatformName.REDDIT].fetch_account_metrics(account)

    # then upvotes stand for likes, and Reddit's null view count stays null
    assert metrics == Metrics(likes=45, replies=7, reposts=1, score=41, upvote_ratio=0.91)
    assert followers.followers == 12
    assert fakes.reddit.calls("info")[0].query["id"] == "t3_abc"
    assert fakes.reddit.calls("about")[0].path == "/user/ada/about"
    budget = sources[PlatformName.REDDIT].budget
    assert budget is not None and budget.limit == 30  # ANALYTICS_REDDIT_REQUESTS_PER_MINUTE


async def test_reddit_refreshes_an_expired_token_first_and_keeps_the_new_one(
    fakes: InsightFakes, sources: dict[PlatformName, MetricsSource]
) -> None:
    # given stored credentials whose access token expired
    _, refresh = fakes.reddit.login("bob")
    fakes.reddit.posts["t3_b"] = {
        "score": 1,
        "ups": 1,
        "upvote_ratio": 1.0,
        "num_comments": 0,
        "num_crossposts": 0,
    }
    saved = Saved()
    expired = (datetime.now(UTC) - timedelta(minutes=5)).isoformat()
    account = session(
        {"access_token": "dead", "refresh_token": refresh, "username": "bob", "expires_at": expired},
        saved=saved,
    )

    # when Herald reads the submission
    metrics = await sources[PlatformName.REDDIT].fetch_metrics(account, post("t3_b"))

    # then it refreshed once, saved the new token, and read with it
    assert metrics is not None and metrics.score == 1
    assert len(fakes.reddit.calls("refresh")) == 1
    assert saved.credentials[0]["access_token"] in fakes.reddit.access
    assert saved.credentials[0]["refresh_token"] == refresh


async def test_reddit_throttling_and_deleted_posts(
    fakes: InsightFakes, sources: dict[PlatformName, MetricsSource]
) -> None:
    # given a live token
    access, refresh = fakes.reddit.login("cy")
    expires = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    account = session(
        {"access_token": access, "refresh_token": refresh, "username": "cy", "expires_at": expires}
    )
    fakes.reddit.fail(
        "info", 429, {"message": "Too Many Requests", "error": 429}, headers={"x-ratelimit-reset": "120"}
    )

    # when Reddit throttles the first read, and the second asks for a post Reddit does not have
    with pytest.raises(RateLimited) as limited:
        await sources[PlatformName.REDDIT].fetch_metrics(account, post("t3_x"))
    with pytest.raises(PostGone):
        await sources[PlatformName.REDDIT].fetch_metrics(account, post("t3_gone"))

    # then the first waits until Reddit's reset, the second says the post is gone
    assert limited.value.retry_at >= datetime.now(UTC) + timedelta(seconds=110)
