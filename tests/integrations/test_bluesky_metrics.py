"""Bluesky metrics for real: a post Herald published on a dev network with an AppView is liked and
reposted by another account, and the next reading stores those counts; on a PDS without an AppView the
reading is "unavailable", never zeros."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

import httpx
import pytest
from atproto_client.client.session import Session

from app.services import Services
from integrations.platforms.base import AccountSession, Permanent
from integrations.platforms.bluesky_metrics import BlueskyMetrics
from integrations.safe_fetch import FetchPolicy, safe_client
from models.clock import utcnow
from models.metric_snapshot import MetricSnapshot
from models.platform import PlatformName
from models.social_account import SocialAccount
from models.target_state import TargetStatus
from schema.relay import parse_id_of, to_global_id
from tests.herald_client import connect_bluesky, member_with_account, sign_up
from tests.network_client import publish, queued_target, reload
from tests.services.appview import AppViewNetwork
from tests.services.connection_recorder import recording_listener
from tests.services.pds import PdsAccount, PdsServer
from tests.stack import ApiServer, data
from workers.analytics import AnalyticsWorker

TARGET_METRICS = """
query ($id: ID!) {
  node(id: $id) {
    ... on PostTarget { status metrics { likes reposts replies quotes views saves engagement } }
  }
}"""
GET_POSTS = "app.bsky.feed.getPosts"


async def _counted(network: AppViewNetwork, reader: PdsAccount, uri: str, likes: int, reposts: int) -> None:
    """Wait until the AppView has indexed the likes and reposts (it reads the PDS's firehose)."""
    async with asyncio.timeout(20):
        while True:
            found = await network._call(GET_POSTS, params={"uris": uri}, account=reader)
            posts = found["posts"]
            if posts and posts[0].get("likeCount") == likes and posts[0].get("repostCount") == reposts:
                return
            await asyncio.sleep(0.2)


async def _profile_indexed(network: AppViewNetwork, account: PdsAccount) -> None:
    """Wait until the AppView knows a new account (before that its profile is "not found")."""
    async with asyncio.timeout(20):
        while True:
            with contextlib.suppress(httpx.HTTPStatusError):
                await network._call(
                    "app.bsky.actor.getProfile", params={"actor": account.did}, account=account
                )
                return
            await asyncio.sleep(0.2)


async def test_likes_and_reposts_by_another_account_are_stored_by_the_next_reading(
    api: ApiServer, services: Services, appview: AppViewNetwork
) -> None:
    # given a Herald account on the dev network's PDS, and a post Herald published there
    member = await sign_up(api)
    alice = await appview.create_account(f"alice{uuid.uuid4().hex[:8]}")
    bob = await appview.create_account(f"bob{uuid.uuid4().hex[:8]}")
    account_id = await connect_bluesky(
        api, member, appview.pds_url, alice.handle, await appview.create_app_password(alice)
    )
    target = await publish(services, await queued_target(api, member, account_id, "Count me in"))
    assert target.status is TargetStatus.PUBLISHED and target.external_id is not None

    # when another account likes, reposts and follows, the AppView indexes it, and Herald reads the post
    subject = {"uri": target.external_id, "cid": (await appview.get_record(target.external_id))["cid"]}
    await appview.create_record(bob, "app.bsky.feed.like", {"subject": subject})
    await appview.create_record(bob, "app.bsky.feed.repost", {"subject": subject})
    await appview.create_record(bob, "app.bsky.graph.follow", {"subject": alice.did})
    await _counted(appview, bob, target.external_id, likes=1, reposts=1)
    worker, account_key = AnalyticsWorker(services), parse_id_of("SocialAccount", account_id)
    assert target.id is not None and account_key is not None
    await worker.collect_target(target.id)
    await worker.collect_account(account_key)

    # then the counts are stored as the post's latest reading (Bluesky reports no views: null) ...
    [reading] = await MetricSnapshot.find({"target_id": target.id}).to_list()
    assert (reading.likes, reading.reposts, reading.replies, reading.quotes, reading.views) == (
        1,
        1,
        0,
        0,
        None,
    )
    read = (
        await data(api, TARGET_METRICS, {"id": to_global_id("PostTarget", target.id)}, token=member.token)
    )["node"]
    assert read["metrics"] == {
        "likes": 1,
        "reposts": 1,
        "replies": 0,
        "quotes": 0,
        "views": None,
        "saves": read["metrics"]["saves"],  # bookmarks, when the AppView counts them
        "engagement": 2 + (read["metrics"]["saves"] or 0),
    }
    # ... the next reading is planned soon (the post is minutes old), publishing untouched
    after = await reload(target.id)
    assert after.status is TargetStatus.PUBLISHED and after.metrics_failures == 0
    assert after.metrics_next_at is not None and after.metrics_next_at <= utcnow() + timedelta(
        minutes=5, seconds=5
    )
    # ... and the account's follower is counted
    account = await SocialAccount.get(account_key)
    assert account is not None
    [followers] = await MetricSnapshot.find({"account_id": account.id, "target_id": None}).to_list()
    assert followers.followers == 1


async def test_a_pds_without_an_appview_is_unavailable_not_zero(
    api: ApiServer, services: Services, pds: PdsServer
) -> None:
    # given a post Herald published on a PDS that has no AppView behind it
    member, _, account_id = await member_with_account(api, pds)
    target = await publish(services, await queued_target(api, member, account_id, "Nobody counts here"))
    assert target.status is TargetStatus.PUBLISHED

    # when Herald reads the post and the account
    worker, account_key = AnalyticsWorker(services), parse_id_of("SocialAccount", account_id)
    assert target.id is not None and account_key is not None
    await worker.collect_target(target.id)
    await worker.collect_account(account_key)

    # then nothing is stored (no zeros), the reading counts as a failure tried again later, and the post
    # stays published
    assert await MetricSnapshot.find({"target_id": target.id}).count() == 0
    assert await MetricSnapshot.find({"account_id": target.account_id}).count() == 0
    after = await reload(target.id)
    assert (after.status, after.metrics_failures) == (TargetStatus.PUBLISHED, 1)
    assert after.metrics_next_at is not None and after.metrics_next_at > utcnow() + timedelta(minutes=9)


async def test_an_access_token_the_pds_refuses_is_refreshed_once_and_the_new_session_kept(
    api: ApiServer, services: Services, appview: AppViewNetwork
) -> None:
    # given a connected account whose stored access token the PDS refuses (its signature is wrong)
    member = await sign_up(api)
    carol = await appview.create_account(f"carol{uuid.uuid4().hex[:8]}")
    await _profile_indexed(appview, carol)
    account_id = await connect_bluesky(
        api, member, appview.pds_url, carol.handle, await appview.create_app_password(carol)
    )
    account = await SocialAccount.get(parse_id_of("SocialAccount", account_id))
    assert account is not None
    credentials = services.cipher.decrypt(account.credentials)
    stored = Session.decode(credentials["session"])
    forged = Session(
        stored.handle, stored.did, stored.access_jwt[:-6] + "AAAAAA", stored.refresh_jwt, stored.pds_endpoint
    )
    saved: list[dict[str, Any]] = []

    async def save(new: Mapping[str, Any]) -> None:
        saved.append(dict(new))

    session = AccountSession(
        account.external_id, account.handle, {**credentials, "session": forged.encode()}, save
    )

    # when Herald reads the account's followers
    found = await services.metrics[PlatformName.BLUESKY].fetch_account_metrics(session)

    # then it renewed the session once, kept the new one, and read with it
    assert found.followers == 0
    [renewed] = saved
    assert Session.decode(renewed["session"]).refresh_jwt != stored.refresh_jwt
    assert renewed["app_password"] == credentials["app_password"]


async def test_metrics_from_a_pds_on_a_non_public_address_are_refused_before_connecting() -> None:
    # given a stored session whose PDS is this machine, and the production fetch policy
    async with recording_listener() as listener:
        pds_url = f"http://localhost:{listener.port}"
        session = Session("who.test", "did:plc:who", "access", "refresh", pds_url)
        account = AccountSession(
            "did:plc:who", "who.test", {"service": pds_url, "session": session.encode()}, _discard
        )
        # when followers are read
        async with safe_client(FetchPolicy()) as http:
            with pytest.raises(Permanent) as raised:
                await BlueskyMetrics(http).fetch_account_metrics(account)
    # then the address is refused, and nothing was connected to
    assert raised.value.code == "ADDRESS_NOT_ALLOWED"
    assert listener.peers == []


async def _discard(credentials: Mapping[str, Any]) -> None:
    raise AssertionError("no session may be saved for a refused PDS")
