"""Analytics over GraphQL: the overview, heatmap and export on seeded readings (America/New_York across
the 2026-03-08 DST change, see `tests.analytics_data`), the cache, and "not reported" against zero.
Refreshing a post and live updates are in `test_analytics_refresh`."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from app.services import Services
from models.analytics import analytics_scope
from models.clock import utcnow
from models.platform import PlatformName
from schema.relay import to_global_id
from tests.analytics_data import (
    PERIOD_END,
    PERIOD_START,
    Seeded,
    seed_account,
    seed_march,
    seed_reading,
    seed_target,
    workspace_in,
)
from tests.herald_client import Member, sign_up
from tests.stack import ApiServer, data, gql

OVERVIEW = """
query ($ws: ID!, $from: DateTime!, $to: DateTime!, $granularity: Granularity!) {
  analyticsOverview(workspaceId: $ws, from: $from, to: $to, granularity: $granularity) {
    from to granularity timezone postsPublished engagement engagementRate
    totals { postsPublished postsMeasured likes views saves score followers engagementRate }
    networks { platform postsPublished likes saves views engagement engagementRate upvoteRatio followers }
    topPosts { engagement metrics { likes saves views upvoteRatio } target { platform text } }
    buckets { date start end postsPublished engagement }
  }
}"""
TARGET = """
query ($id: ID!, $from: DateTime, $to: DateTime) {
  node(id: $id) {
    ... on PostTarget {
      metrics { collectedAt likes reposts quotes saves views score upvoteRatio engagement }
      metricsHistory(from: $from, to: $to) { likes }
      account { followersHistory { at followers } }
    }
  }
}"""
HEATMAP = """
query ($ws: ID!) { postingHeatmap(workspaceId: $ws) { weekday hour posts engagement averageEngagement } }"""
EXPORT = """
mutation ($input: AnalyticsExportInput!) {
  analyticsExport(input: $input) { url expiresAt userErrors { code field message } }
}"""


async def _march(api: ApiServer, services: Services) -> tuple[Member, Seeded]:
    member = await sign_up(api)
    return member, await seed_march(services, await workspace_in(member.workspace_id, "America/New_York"))


async def _overview(
    api: ApiServer, member: Member, granularity: str = "WEEK", **period: str
) -> dict[str, Any]:
    variables = {
        "ws": member.workspace_id,
        "from": period.get("start", PERIOD_START.isoformat()),
        "to": period.get("end", PERIOD_END.isoformat()),
        "granularity": granularity,
    }
    found: dict[str, Any] = (await data(api, OVERVIEW, variables, token=member.token))["analyticsOverview"]
    return found


def _gid(seeded: Seeded, label: str) -> str:
    return to_global_id("PostTarget", seeded.targets[label].id)


async def test_the_overview_of_two_weeks_across_dst(api: ApiServer, services: Services) -> None:
    # given the March workspace (times in America/New_York)
    member, _ = await _march(api, services)

    # when a dashboard asks for its overview by week
    found = await _overview(api, member)

    # then the figures are the ones worked out by hand (see tests.analytics_data)
    assert (found["timezone"], found["postsPublished"], found["engagement"], found["engagementRate"]) == (
        "America/New_York",
        6,
        63,
        0.05,
    )
    assert found["totals"] == {
        "postsPublished": 6,
        "postsMeasured": 5,
        "likes": 50,
        "views": 200,
        "saves": 0,
        "score": 28,
        "followers": 150,
        "engagementRate": 0.05,
    }
    bluesky = found["networks"][0]
    assert bluesky == {
        "platform": "BLUESKY",
        "postsPublished": 4,
        "likes": 14,
        "saves": 0,
        "views": None,  # Bluesky reports no views: null, not 0
        "engagement": 18,
        "engagementRate": None,
        "upvoteRatio": None,
        "followers": 100,
    }
    assert [(t["target"]["text"], t["engagement"]) for t in found["topPosts"][:3]] == [
        ("On Reddit", 35),
        ("Launch day", 13),
        ("On Threads", 10),
    ]
    # the second local week starts at midnight EDT: 04:00 UTC, not 05:00
    assert found["buckets"] == [
        {
            "date": "2026-03-02",
            "start": "2026-03-02T05:00:00+00:00",
            "end": "2026-03-09T04:00:00+00:00",
            "postsPublished": 3,
            "engagement": 18,
        },
        {
            "date": "2026-03-09",
            "start": "2026-03-09T04:00:00+00:00",
            "end": "2026-03-16T04:00:00+00:00",
            "postsPublished": 3,
            "engagement": 45,
        },
    ]


async def test_a_cached_overview_is_served_until_a_new_reading_bumps_the_workspace(
    api: ApiServer, services: Services
) -> None:
    # given an overview a dashboard already asked for (so it is cached)
    member, seeded = await _march(api, services)
    before = await _overview(api, member, "DAY")

    # when a reading lands without telling the cache, then the worker's bump arrives
    await seed_reading(seeded.targets["T3"], utcnow(), likes=7, reposts=0, replies=0, quotes=0, saves=0)
    still = await _overview(api, member, "DAY")
    await services.cache.bump(analytics_scope(seeded.workspace_id))
    after = await _overview(api, member, "DAY")

    # then the cached answer held until the bump, and the next answer has the new reading
    assert still == before
    assert (before["engagement"], after["engagement"]) == (63, 70)
    sunday = next(b for b in after["buckets"] if b["date"] == "2026-03-08")
    assert (sunday["end"], sunday["engagement"]) == ("2026-03-09T04:00:00+00:00", 12)  # a 23-hour day


async def test_a_post_reads_its_latest_metrics_and_history_with_null_apart_from_zero(
    api: ApiServer, services: Services
) -> None:
    # given the March workspace
    member, seeded = await _march(api, services)

    # when the dashboard reads T2 (saves not reported), T3 (saves reported as 0) and T6 (never read)
    async def read(label: str, **period: str) -> dict[str, Any]:
        variables = {"id": _gid(seeded, label), **period}
        node: dict[str, Any] = (await data(api, TARGET, variables, token=member.token))["node"]
        return node

    t2, t3, t6 = await read("T2"), await read("T3"), await read("T6")
    recent = await read("T2", **{"from": "2026-03-15T00:00:00Z"})

    # then not reported is null and a reported zero is 0
    assert t2["metrics"] == {
        "collectedAt": "2026-03-20T12:00:00+00:00",
        "likes": 4,
        "reposts": 0,
        "quotes": 1,
        "saves": None,
        "views": None,
        "score": None,
        "upvoteRatio": None,
        "engagement": 5,
    }
    assert (t3["metrics"]["saves"], t3["metrics"]["likes"], t6["metrics"], t6["metricsHistory"]) == (
        0,
        0,
        None,
        [],
    )
    assert [m["likes"] for m in t2["metricsHistory"]] == [1, 4]  # oldest first
    assert [m["likes"] for m in recent["metricsHistory"]] == [4]
    assert t2["account"]["followersHistory"] == [
        {"at": "2026-03-10T00:00:00+00:00", "followers": 90},
        {"at": "2026-03-11T00:00:00+00:00", "followers": 100},
    ]


async def test_the_posting_heatmap_over_graphql(api: ApiServer, services: Services) -> None:
    # given a workspace in Asia/Kathmandu (UTC+05:45) that published one post two days ago
    member = await sign_up(api)
    workspace = await workspace_in(member.workspace_id, "Asia/Kathmandu")
    assert workspace.id is not None
    account = await seed_account(services, workspace.id, PlatformName.THREADS)
    published = utcnow() - timedelta(days=2)
    await seed_reading(await seed_target(account, published), utcnow(), likes=3, replies=1)

    # when the dashboard asks for the heatmap
    cells = (await data(api, HEATMAP, {"ws": member.workspace_id}, token=member.token))["postingHeatmap"]

    # then all 168 cells are there, and the post sits at its local weekday and hour
    local = published.astimezone(ZoneInfo("Asia/Kathmandu"))
    busy = [c for c in cells if c["posts"]]
    assert len(cells) == 168
    assert busy == [
        {
            "weekday": local.isoweekday(),
            "hour": local.hour,
            "posts": 1,
            "engagement": 4,
            "averageEngagement": 4.0,
        }
    ]


async def test_the_export_is_a_csv_download_of_the_period(api: ApiServer, services: Services) -> None:
    # given the March workspace
    member, _ = await _march(api, services)

    # when a member exports the two weeks
    variables = {
        "input": {
            "workspaceId": member.workspace_id,
            "from": PERIOD_START.isoformat(),
            "to": PERIOD_END.isoformat(),
        }
    }
    payload = (await data(api, EXPORT, variables, token=member.token))["analyticsExport"]
    async with httpx.AsyncClient(timeout=10) as client:
        download = await client.get(payload["url"])

    # then the URL serves a CSV with a row per post published in the period, empty cells for not reported
    assert payload["userErrors"] == [] and download.status_code == 200
    assert download.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(download.text)))
    assert [(r["network"], r["likes"], r["saves"], r["engagement"]) for r in rows] == [
        ("BLUESKY", "10", "0", "13"),
        ("BLUESKY", "4", "", "5"),
        ("BLUESKY", "0", "0", "0"),
        ("THREADS", "6", "", "10"),
        ("BLUESKY", "", "", ""),
        ("REDDIT", "30", "", "35"),
    ]
    assert rows[2]["published_at_local"] == "2026-03-08T03:30:00-04:00"


async def test_period_and_access_errors(api: ApiServer, services: Services) -> None:
    # given a member of one workspace and a stranger
    member, _ = await _march(api, services)
    stranger = await sign_up(api)

    # when the stranger asks for the member's overview, and the member for a backwards period
    foreign = await gql(
        api,
        OVERVIEW,
        {
            "ws": member.workspace_id,
            "from": PERIOD_START.isoformat(),
            "to": PERIOD_END.isoformat(),
            "granularity": "DAY",
        },
        token=stranger.token,
    )
    backwards = await gql(
        api,
        OVERVIEW,
        {
            "ws": member.workspace_id,
            "from": PERIOD_END.isoformat(),
            "to": PERIOD_START.isoformat(),
            "granularity": "DAY",
        },
        token=member.token,
    )
    export = (
        await data(
            api,
            EXPORT,
            {
                "input": {
                    "workspaceId": member.workspace_id,
                    "from": PERIOD_START.isoformat(),
                    "to": (PERIOD_START + timedelta(days=500)).isoformat(),
                }
            },
            token=member.token,
        )
    )["analyticsExport"]
    foreign_export = (
        await data(
            api,
            EXPORT,
            {
                "input": {
                    "workspaceId": member.workspace_id,
                    "from": PERIOD_START.isoformat(),
                    "to": PERIOD_END.isoformat(),
                }
            },
            token=stranger.token,
        )
    )["analyticsExport"]

    # then each is refused with its code
    assert [e["extensions"]["code"] for e in foreign["errors"]] == ["NOT_FOUND"]
    assert [e["extensions"]["code"] for e in backwards["errors"]] == ["BAD_USER_INPUT"]
    assert [e["code"] for e in export["userErrors"]] == ["INVALID_PERIOD"] and export["url"] is None
    assert [e["code"] for e in foreign_export["userErrors"]] == ["WORKSPACE_NOT_FOUND"]
