"""How long `analyticsOverview` takes on a big workspace, on the embedded MongoDB-wire server (on demand).

    .venv/bin/python bench/analytics_overview.py [targets] [readings per target]

Seeds one workspace (America/New_York) with `targets` published posts (default 10,000) over the last
90 days on five accounts, and `readings` snapshots of each (default 30: 300,000 in all, the newest of
each marked latest), inserted in batches. Then asks the API, over HTTP as a dashboard does, for the
overview of the last 30 days by day and by week, and for the posting heatmap: each twice, cold (computed)
and cached (the in-memory cache `herald dev` uses), and prints the times.
"""

from __future__ import annotations

import asyncio
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from beanie import PydanticObjectId
from bson import ObjectId
from pymongo.asynchronous.collection import AsyncCollection

from app.embedded import free_port, run_secantusd
from app.main import create_app
from app.services import Services, open_services
from app.settings import Settings
from models.clock import utcnow
from models.metric_snapshot import MetricSnapshot
from models.platform import PlatformName
from models.post import Post
from models.post_target import PostTarget
from models.social_account import SocialAccount
from models.target_state import TargetStatus
from models.workspace import Workspace

BATCH = 5_000
SIGN_UP = """mutation ($input: SignUpInput!) { signUp(input: $input) { token userErrors { code } } }"""
OVERVIEW = """
query ($ws: ID!, $from: DateTime!, $to: DateTime!, $g: Granularity!) {
  analyticsOverview(workspaceId: $ws, from: $from, to: $to, granularity: $g) {
    postsPublished engagement engagementRate
    networks { platform postsPublished likes views engagement }
    topPosts { engagement target { id } }
    buckets { date postsPublished engagement }
  }
}"""
HEATMAP = "query ($ws: ID!) { postingHeatmap(workspaceId: $ws) { weekday hour posts engagement } }"


async def _insert(collection: AsyncCollection[Any], docs: list[dict[str, Any]]) -> None:
    for start in range(0, len(docs), BATCH):
        await collection.insert_many(docs[start : start + BATCH], ordered=False)


def _readings(target: dict[str, Any], count: int) -> list[dict[str, Any]]:
    published, now = target["published_at"], utcnow()
    step = (now - published) / count
    likes = reposts = replies = 0
    views: int | None = 0 if target["platform"] in (PlatformName.THREADS, PlatformName.FACEBOOK) else None
    rows = []
    for n in range(count):
        likes, reposts, replies = (
            likes + random.randint(0, 3),
            reposts + random.randint(0, 1),
            replies + random.randint(0, 1),
        )
        views = views + random.randint(0, 40) if views is not None else None
        rows.append(
            {
                "workspace_id": target["workspace_id"],
                "platform": target["platform"],
                "account_id": target["account_id"],
                "target_id": target["_id"],
                "published_at": published,
                "collected_at": published + step * (n + 1),
                "latest": n == count - 1,
                **dict.fromkeys(("quotes", "reach", "saves", "score", "upvote_ratio", "followers")),
                "likes": likes,
                "reposts": reposts,
                "replies": replies,
                "views": views,
                "engagement": likes + reposts + replies,
            }
        )
    return rows


async def seed(workspace_id: PydanticObjectId, targets: int, readings: int) -> float:
    """The targets and readings; the seconds it took."""
    started = time.perf_counter()
    accounts = []
    for platform in PlatformName:
        account = SocialAccount(
            workspace_id=workspace_id,
            platform=platform,
            external_id=f"bench-{platform}",
            handle=platform.lower(),
            credentials="-",
        )
        await account.insert()
        accounts.append(account)
    posts = [
        {
            "_id": ObjectId(),
            "workspace_id": workspace_id,
            "author_id": ObjectId(),
            "text": f"Post {n}",
            "status": "PUBLISHED",
        }
        for n in range(targets // 10 + 1)
    ]
    await _insert(Post.get_pymongo_collection(), posts)
    now, rows = utcnow(), []
    for n in range(targets):
        account = accounts[n % len(accounts)]
        rows.append(
            {
                "_id": ObjectId(),
                "workspace_id": workspace_id,
                "post_id": posts[n // 10]["_id"],
                "account_id": account.id,
                "platform": account.platform,
                "text": f"Post {n}",
                "status": TargetStatus.PUBLISHED,
                "idempotency_key": f"bench-{n}",
                "published_at": now - timedelta(seconds=random.randint(600, 90 * 86400)),
                "external_id": f"ext-{n}",
            }
        )
    await _insert(PostTarget.get_pymongo_collection(), rows)
    snapshots = MetricSnapshot.get_pymongo_collection()
    chunk: list[dict[str, Any]] = []
    for target in rows:
        chunk += _readings(target, readings)
        if len(chunk) >= BATCH:
            await _insert(snapshots, chunk)
            chunk = []
    await _insert(snapshots, chunk)
    return time.perf_counter() - started


async def timed(
    client: httpx.AsyncClient, query: str, variables: dict[str, Any], token: str
) -> tuple[float, dict[str, Any]]:
    started = time.perf_counter()
    response = await client.post(
        "/graphql",
        json={"query": query, "variables": variables},
        headers={"authorization": f"Bearer {token}"},
    )
    elapsed = time.perf_counter() - started
    body: dict[str, Any] = response.json()
    assert "errors" not in body, body
    return elapsed, body["data"]


async def measure(services: Services, settings: Settings, targets: int, readings: int) -> None:
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(settings, services),
            host="127.0.0.1",
            port=settings.port,
            log_config=None,
            log_level="warning",
        )
    )
    serving = asyncio.create_task(server.serve())
    while not server.started:
        if serving.done():
            serving.result()
        await asyncio.sleep(0.05)
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{settings.port}", timeout=600) as client:
        answer = await client.post(
            "/graphql",
            json={
                "query": SIGN_UP,
                "variables": {
                    "input": {
                        "email": "bench@example.test",
                        "password": "correct horse battery",
                        "name": "Bench",
                    }
                },
            },
        )
        token = answer.json()["data"]["signUp"]["token"]
        [workspace] = await Workspace.find_all().to_list()
        await workspace.set({"timezone": "America/New_York"})
        assert workspace.id is not None
        seconds = await seed(workspace.id, targets, readings)
        total = targets * readings
        print(
            f"seeded {targets} targets and {total} snapshots in {seconds:.1f} s "
            f"({total / seconds:.0f} snapshots/s)"
        )
        workspace_gid = (
            await client.post(
                "/graphql",
                json={"query": "{ workspaces { id } }"},
                headers={"authorization": f"Bearer {token}"},
            )
        ).json()["data"]["workspaces"][0]["id"]
        end = utcnow()
        for granularity in ("DAY", "WEEK"):
            variables = {
                "ws": workspace_gid,
                "from": (end - timedelta(days=30)).isoformat(),
                "to": end.isoformat(),
                "g": granularity,
            }
            cold, found = await timed(client, OVERVIEW, variables, token)
            cached, _ = await timed(client, OVERVIEW, variables, token)
            overview = found["analyticsOverview"]
            print(
                f"analyticsOverview (30 days by {granularity}, {overview['postsPublished']} posts, "
                f"{len(overview['buckets'])} buckets): cold {cold * 1000:.0f} ms, "
                f"cached {cached * 1000:.1f} ms"
            )
        cold, _ = await timed(client, HEATMAP, {"ws": workspace_gid}, token)
        cached, _ = await timed(client, HEATMAP, {"ws": workspace_gid}, token)
        print(
            f"postingHeatmap (90 days, {targets} posts): cold {cold * 1000:.0f} ms, "
            f"cached {cached * 1000:.1f} ms"
        )
    server.should_exit = True
    await serving


async def main(targets: int, readings: int) -> None:
    with tempfile.TemporaryDirectory() as data_dir, run_secantusd(":memory:") as url:
        settings = Settings(
            _env_file=None,
            mongodb_url=url,
            mongodb_database="bench",
            data_dir=Path(data_dir),
            port=free_port(),
            log_level="WARNING",
        )
        async with open_services(settings, embedded=True) as services:
            await measure(services, settings, targets, readings)


if __name__ == "__main__":
    asyncio.run(
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000, int(sys.argv[2]) if len(sys.argv) > 2 else 30)
    )
