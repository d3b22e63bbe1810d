"""Workspace aggregates on the embedded MongoDB-wire server, checked against figures worked out by hand
from the table in `tests.analytics_data` (America/New_York, across the 2026-03-08 DST change)."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from app.services import Services
from models import analytics
from models.analytics import Granularity, MetricTotals
from models.analytics_export import export_csv, parse
from models.platform import PlatformName
from tests.analytics_data import PERIOD_END, PERIOD_START, Seeded, at, new_workspace, seed_march

NEW_YORK = ZoneInfo("America/New_York")


async def _seeded(services: Services) -> Seeded:
    return await seed_march(services, await new_workspace("America/New_York"))


async def test_overview_totals_per_network_keep_not_reported_apart_from_zero(services: Services) -> None:
    # given the March workspace
    seeded = await _seeded(services)

    # when its overview of the two weeks is computed
    found = await analytics.overview(
        seeded.workspace_id, PERIOD_START, PERIOD_END, NEW_YORK, Granularity.WEEK, 10
    )

    # then each network sums its posts' latest readings; what no post reports stays null
    bluesky, reddit, threads = found.networks
    assert (bluesky.platform, reddit.platform, threads.platform) == (
        PlatformName.BLUESKY,
        PlatformName.REDDIT,
        PlatformName.THREADS,
    )
    assert (bluesky.posts_published, bluesky.posts_measured) == (4, 3)  # T1 T2 T3 T6; T6 not read yet
    assert (bluesky.likes, bluesky.reposts, bluesky.replies, bluesky.quotes) == (14, 2, 1, 1)
    assert (bluesky.saves, bluesky.views, bluesky.score) == (0, None, None)  # 0 reported, views never
    assert (bluesky.engagement, bluesky.engagement_rate, bluesky.followers) == (18, None, 100)
    assert (threads.views, threads.engagement, threads.engagement_rate, threads.followers) == (
        200,
        10,
        0.05,
        50,
    )
    assert (reddit.likes, reddit.score, reddit.upvote_ratio, reddit.followers) == (30, 28, 0.9, None)
    assert reddit.engagement == 35


async def test_overview_totals_top_posts_and_weekly_buckets(services: Services) -> None:
    # given the March workspace
    seeded = await _seeded(services)
    ids = {label: target.id for label, target in seeded.targets.items()}

    # when its overview is computed by local week
    found = await analytics.overview(
        seeded.workspace_id, PERIOD_START, PERIOD_END, NEW_YORK, Granularity.WEEK, 3
    )

    # then the totals combine every network (the rate is views-based: Threads' 10 per 200 views)
    total = found.totals
    assert (total.posts_published, total.posts_measured, total.engagement) == (6, 5, 63)
    assert (total.likes, total.reposts, total.replies, total.quotes, total.views) == (50, 3, 8, 2, 200)
    assert (total.saves, total.score, total.upvote_ratio, total.followers) == (0, 28, 0.9, 150)
    assert total.engagement_rate == 0.05
    # the top posts are the most engaging, with their latest reading
    assert [(t.target_id, t.engagement) for t in found.top_posts] == [
        (ids["T5"], 35),
        (ids["T1"], 13),
        (ids["T4"], 10),
    ]
    assert found.top_posts[0].values["upvote_ratio"] == 0.9
    # and the weeks are local weeks from Monday: the second starts at midnight EDT, an hour earlier in UTC
    assert [(b.date, b.start, b.end, b.posts_published, b.engagement) for b in found.buckets] == [
        (date(2026, 3, 2), at("2026-03-02 05:00"), at("2026-03-09 04:00"), 3, 18),
        (date(2026, 3, 9), at("2026-03-09 04:00"), at("2026-03-16 04:00"), 3, 45),
    ]


async def test_daily_buckets_follow_local_days_across_the_dst_change(services: Services) -> None:
    # given the March workspace
    seeded = await _seeded(services)

    # when its overview is computed by local day
    found = await analytics.overview(
        seeded.workspace_id, PERIOD_START, PERIOD_END, NEW_YORK, Granularity.DAY, 10
    )

    # then there are 14 local days; Sunday 03-08 lasts 23 hours and holds T2 (01:30 EST) and T3 (03:30 EDT)
    days = {b.date: b for b in found.buckets}
    assert len(found.buckets) == 14
    sunday = days[date(2026, 3, 8)]
    assert (sunday.start, sunday.end - sunday.start) == (at("2026-03-08 05:00"), timedelta(hours=23))
    assert (sunday.posts_published, sunday.engagement) == (2, 5)
    # T6 went out at 04:30 UTC on 03-10: 00:30 EDT on Tuesday (a fixed -5 h offset would say Monday)
    assert (days[date(2026, 3, 9)].posts_published, days[date(2026, 3, 10)].posts_published) == (1, 1)
    assert (days[date(2026, 3, 14)].posts_published, days[date(2026, 3, 14)].engagement) == (1, 35)
    assert sum(b.posts_published for b in found.buckets) == 6


async def test_posting_heatmap_uses_the_local_wall_clock_hour_on_both_sides_of_dst(
    services: Services,
) -> None:
    # given the March workspace
    seeded = await _seeded(services)

    # when its heatmap is computed from the period's start on
    found = await analytics.heatmap(seeded.workspace_id, PERIOD_START, NEW_YORK)

    # then every post sits at its local weekday (1 = Monday) and hour
    cells = {(c.weekday, c.hour): (c.posts, c.engagement) for c in found.cells if c.posts or c.engagement}
    assert cells == {
        (6, 18): (1, 13),  # T1 Sat 18:30 EST
        (7, 1): (1, 5),  # T2 Sun 01:30 EST
        (7, 3): (1, 0),  # T3 Sun 03:30 EDT (fixed -5 h would say 02:30)
        (1, 9): (1, 10),  # T4 Mon 09:00 EDT
        (2, 0): (1, 0),  # T6 Tue 00:30 EDT, not read yet
        (6, 23): (1, 35),  # T5 Sat 23:59 EDT
        (1, 0): (1, 100),  # T7 Mon 00:00 EDT (the heatmap has no end)
    }
    assert len(found.cells) == 168


def test_combining_networks_keeps_a_metric_nobody_reports_null() -> None:
    # given two networks, neither reporting views, one reporting saves as 0
    first = MetricTotals(platform=PlatformName.BLUESKY, posts_published=2, likes=3, saves=0, engagement=3)
    second = MetricTotals(platform=PlatformName.REDDIT, posts_published=1, likes=4, score=2, engagement=4)

    # when they are combined
    total = analytics.combine([first, second])

    # then reported metrics add up, 0 stays 0, and unreported stays null
    assert (total.posts_published, total.likes, total.saves, total.score, total.engagement) == (3, 7, 0, 2, 7)
    assert (total.views, total.engagement_rate, total.upvote_ratio) == (None, None, None)


async def test_csv_export_has_one_row_per_published_post_with_empty_cells_for_not_reported(
    services: Services,
) -> None:
    # given the March workspace
    seeded = await _seeded(services)

    # when the period is exported
    rows = parse(await export_csv(seeded.workspace_id, PERIOD_START, PERIOD_END, NEW_YORK))

    # then there is one row per post published in it, oldest first, FAILED ones and others left out
    assert [r["text"] for r in rows] == [
        "Launch day",
        "'=SUM(A1)",
        "Quiet one",
        "On Threads",
        "Not read yet",
        "On Reddit",
    ]
    t2, t3, t6 = rows[1], rows[2], rows[4]
    assert (t2["saves"], t3["saves"], t2["likes"], t2["engagement"]) == ("", "0", "4", "5")  # formula defused
    assert t3["published_at_local"] == "2026-03-08T03:30:00-04:00"
    assert t2["published_at_local"] == "2026-03-08T01:30:00-05:00"
    assert (t6["likes"], t6["engagement"], t6["collected_at"]) == ("", "", "")
    assert rows[5]["upvote_ratio"] == "0.9" and rows[5]["network"] == "REDDIT"
