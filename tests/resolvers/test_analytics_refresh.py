"""Asking for a fresh reading of a post over GraphQL, and the reading arriving live on
`analyticsUpdated`, through the queue and a real analytics worker."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from app.services import Services
from models.clock import utcnow
from models.platform import PlatformName
from models.post_target import PostTarget
from models.target_state import TargetStatus
from models.workspace import Role
from schema.relay import to_global_id
from tests.analytics_data import Seeded, seed_account, seed_march, seed_target, workspace_in
from tests.herald_client import Member, sign_up
from tests.network_client import add_member
from tests.services.networks import NetworkFakes
from tests.stack import ApiServer, data, gql, subscribe
from workers.analytics import AnalyticsWorker

REFRESH = """
mutation ($id: ID!) {
  postTargetMetricsRefresh(id: $id) { target { id status } userErrors { code field message } }
}"""
UPDATED = """
subscription ($ws: ID!) {
  analyticsUpdated(workspaceId: $ws) {
    eventId target { id } metrics { likes views engagement } account { id }
  }
}"""


async def _march(api: ApiServer, services: Services) -> tuple[Member, Seeded]:
    member = await sign_up(api)
    return member, await seed_march(services, await workspace_in(member.workspace_id, "America/New_York"))


def _gid(seeded: Seeded, label: str) -> str:
    return to_global_id("PostTarget", seeded.targets[label].id)


async def test_refreshing_a_post_is_for_published_posts_editors_and_once_a_minute(
    api: ApiServer, services: Services
) -> None:
    # given the March workspace, a viewer of it, and a stranger
    member, seeded = await _march(api, services)
    viewer = await add_member(api, member, Role.VIEWER)
    stranger = await sign_up(api)

    async def refresh(label: str, who: Member) -> dict[str, Any]:
        return await gql(api, REFRESH, {"id": _gid(seeded, label)}, token=who.token)

    # when the member refreshes T1 twice, and the FAILED F1; the viewer and the stranger try too
    first, second = await refresh("T1", member), await refresh("T1", member)
    failed = await refresh("F1", member)
    by_viewer, by_stranger = await refresh("T2", viewer), await refresh("T2", stranger)

    # then the first is taken, the second within the minute is RATE_LIMITED, F1 was never published,
    # a viewer may not (a top-level FORBIDDEN), and a stranger sees no such post
    assert first["data"]["postTargetMetricsRefresh"] == {
        "target": {"id": _gid(seeded, "T1"), "status": "PUBLISHED"},
        "userErrors": [],
    }
    assert [e["code"] for e in second["data"]["postTargetMetricsRefresh"]["userErrors"]] == ["RATE_LIMITED"]
    assert [e["code"] for e in failed["data"]["postTargetMetricsRefresh"]["userErrors"]] == [
        "TARGET_NOT_PUBLISHED"
    ]
    assert [e["extensions"]["code"] for e in by_viewer["errors"]] == ["FORBIDDEN"]
    assert [e["code"] for e in by_stranger["data"]["postTargetMetricsRefresh"]["userErrors"]] == [
        "TARGET_NOT_FOUND"
    ]


async def test_a_refresh_reaches_the_worker_and_the_reading_arrives_live(
    api: ApiServer, services: Services, networks: NetworkFakes, analytics_worker: AnalyticsWorker
) -> None:
    # given a Threads post with 8 likes on the network, a dashboard subscribed to the workspace, and an
    # analytics worker running on its own queue connection
    member = await sign_up(api)
    workspace = await workspace_in(member.workspace_id, "UTC")
    assert workspace.id is not None
    user = networks.threads.add_user("live")
    account = await seed_account(
        services,
        workspace.id,
        PlatformName.THREADS,
        {"access_token": networks.threads.login(user), "user_id": user.id},
    )
    published = networks.threads.publish_directly(user, "Live")
    networks.threads.set_metrics(published["id"], views=80, likes=8, replies=0, reposts=0, quotes=0)
    target = await seed_target(account, utcnow() - timedelta(hours=1), external_id=published["id"])
    async with subscribe(api, UPDATED, {"ws": member.workspace_id}, token=member.token) as live:
        await _until_subscribed(services, str(workspace.id))

        # when the member asks for a fresh reading
        payload = (
            await data(api, REFRESH, {"id": to_global_id("PostTarget", target.id)}, token=member.token)
        )["postTargetMetricsRefresh"]
        update = (await live.next(timeout=20))["data"]["analyticsUpdated"]

    # then the reading arrives on the subscription with the post and its numbers
    assert payload["userErrors"] == []
    assert update["target"] == {"id": to_global_id("PostTarget", target.id)}
    assert update["metrics"] == {"likes": 8, "views": 80, "engagement": 8}
    assert update["account"] is None
    # and the refresh leaves the target's status alone
    stored = await PostTarget.get(target.id)
    assert stored is not None and stored.status is TargetStatus.PUBLISHED


async def _until_subscribed(services: Services, workspace_id: str) -> None:
    bus: Any = services.events
    async with asyncio.timeout(5):
        while True:
            if bus.subscriber_count(workspace_id):
                return
            await asyncio.sleep(0.02)
