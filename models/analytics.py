"""A workspace's analytics over a period: totals per network, top posts, buckets, and the posting heatmap.

What the numbers mean (the API documents the same):

- The period selects posts by when they were **published** (`[start, end)`); each post counts with its
  **latest** reading, whenever that was taken. "How did what we published in March do", not "what
  happened in March".
- **Engagement** of a post is likes + reposts + replies + quotes + saves (a metric its network does not
  report counts 0; Reddit's upvotes are its likes). A total of a metric no post of the period reports is
  null, not 0.
- **Engagement rate** is engagement per view: the engagement of the posts whose network reports views,
  divided by their views; null when none does (Bluesky and, mostly, Reddit report no views).
- **Buckets** and the **heatmap** use the workspace's IANA time zone, each timestamp converted with
  zoneinfo, so a bucket is a local calendar day (23 or 25 hours long across a DST change) or a local
  week from Monday, and a heatmap hour is the wall-clock hour when the post went out.

Totals, top posts and the per-network post counts are MongoDB aggregation pipelines (`$match`, `$group`,
`$sort`, `$limit`, `$project`) over indexed reads; the calendar bucketing is done here in Python, from
pipelines projecting only `published_at` and `engagement`: it needs zoneinfo's DST rules per timestamp,
and keeping it out of the pipeline keeps the pipelines to operators every MongoDB-wire server has.
"""

from __future__ import annotations

import asyncio
import enum
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from beanie import PydanticObjectId
from pydantic import BaseModel

from models.clock import as_utc
from models.metric_snapshot import MetricSnapshot
from models.metrics import SUMMED, MetricValues
from models.platform import PlatformName
from models.post_target import PostTarget
from models.target_state import TargetStatus

ANALYTICS_UPDATED = "analytics.updated"
"""The event type of a stored reading, on the workspace's event stream."""


def analytics_scope(workspace_id: PydanticObjectId | str) -> str:
    """The cache scope of a workspace's analytics answers: every stored reading bumps its version."""
    return f"analytics:{workspace_id}"


class Granularity(enum.StrEnum):
    """How a period is cut into buckets: local days, or local weeks from Monday."""

    DAY = "DAY"
    WEEK = "WEEK"


class MetricTotals(MetricValues):
    """Sums over the period's posts (of one network, or of all when `platform` is None): each metric
    field the sum of the posts that report it (`upvote_ratio` their mean), None when none does."""

    platform: PlatformName | None = None
    posts_published: int = 0
    posts_measured: int = 0
    engagement: int = 0
    engagement_rate: float | None = None
    followers: int | None = None
    # Kept to combine networks exactly: engagement of the posts that report views, and how many posts
    # report an upvote ratio.
    viewed_engagement: int = 0
    ratio_posts: int = 0


class TopPost(BaseModel):
    """One of the period's most engaging posts, with its latest reading."""

    target_id: PydanticObjectId
    engagement: int
    collected_at: datetime
    values: dict[str, int | float | None]


class Bucket(BaseModel):
    """One local day (or week) of a period: its bounds in UTC, its posts and their engagement."""

    date: date
    start: datetime
    end: datetime
    posts_published: int = 0
    engagement: int = 0


class Overview(BaseModel):
    """A period's analytics, as `analyticsOverview` answers them (cached as JSON)."""

    start: datetime
    end: datetime
    granularity: Granularity
    timezone: str
    totals: MetricTotals
    networks: list[MetricTotals]
    top_posts: list[TopPost]
    buckets: list[Bucket]


class HeatmapCell(BaseModel):
    """Posts published at one local weekday and hour, and their engagement."""

    weekday: int  # ISO: 1 is Monday, 7 Sunday
    hour: int
    posts: int = 0
    engagement: int = 0


class Heatmap(BaseModel):
    """All 168 cells of a workspace's posting heatmap (cached as JSON)."""

    cells: list[HeatmapCell]


def _published(workspace_id: PydanticObjectId, start: datetime, end: datetime | None) -> dict[str, Any]:
    window = {"$gte": start, **({"$lt": end} if end is not None else {})}
    return {"workspace_id": workspace_id, "status": TargetStatus.PUBLISHED, "published_at": window}


def _latest(workspace_id: PydanticObjectId, start: datetime, end: datetime | None) -> dict[str, Any]:
    window = {"$gte": start, **({"$lt": end} if end is not None else {})}
    return {"workspace_id": workspace_id, "latest": True, "published_at": window}


async def _rows(model: type[PostTarget] | type[MetricSnapshot], pipeline: list[dict[str, Any]]) -> list[Any]:
    return list(await model.aggregate(pipeline).to_list())


async def overview(
    workspace_id: PydanticObjectId,
    start: datetime,
    end: datetime,
    zone: ZoneInfo,
    granularity: Granularity,
    top: int,
) -> Overview:
    """Everything a dashboard shows for the period (see the module docstring for the definitions)."""
    period = _latest(workspace_id, start, end)
    # Independent reads, sent together (a MongoDB server runs them side by side).
    published, measured, metrics, followers, tops = await asyncio.gather(
        _rows(PostTarget, [{"$match": _published(workspace_id, start, end)}, _PROJECT_PUBLISHED]),
        _rows(MetricSnapshot, [{"$match": period}, _PROJECT_ENGAGED]),
        _rows(MetricSnapshot, [{"$match": period}, {"$group": _TOTALS}]),
        _rows(MetricSnapshot, _followers(workspace_id)),
        top_posts(workspace_id, start, end, top),
    )
    # The published rows are read for the buckets anyway: counting them per network here saves a pass.
    networks = _merge(metrics, Counter(row["platform"] for row in published), followers)
    buckets = calendar_buckets(start, end, zone, granularity)
    fill_buckets(buckets, published, measured, zone, granularity)
    return Overview(
        start=start,
        end=end,
        granularity=granularity,
        timezone=zone.key,
        totals=combine(networks),
        networks=networks,
        top_posts=tops,
        buckets=buckets,
    )


_PROJECT_AT = {"$project": {"_id": 0, "published_at": 1}}
_PROJECT_PUBLISHED = {"$project": {"_id": 0, "published_at": 1, "platform": 1}}
_PROJECT_ENGAGED = {"$project": {"_id": 0, "published_at": 1, "engagement": 1}}
# Per network: sums of each metric, and its max, which is null when no post reports the metric.
_TOTALS: dict[str, Any] = {
    "_id": "$platform",
    "posts": {"$sum": 1},
    "engagement": {"$sum": "$engagement"},
    "viewed_engagement": {"$sum": {"$cond": [{"$eq": ["$views", None]}, 0, "$engagement"]}},
    "upvote_ratio": {"$avg": "$upvote_ratio"},
    "ratio_posts": {"$sum": {"$cond": [{"$eq": ["$upvote_ratio", None]}, 0, 1]}},
    **{name: {"$sum": f"${name}"} for name in SUMMED},
    **{f"{name}_reported": {"$max": f"${name}"} for name in SUMMED},
}


def _followers(workspace_id: PydanticObjectId) -> list[dict[str, Any]]:
    return [
        # An account's readings are the latest ones without a publication time (see MetricSnapshot).
        {"$match": {"workspace_id": workspace_id, "latest": True, "published_at": None}},
        {"$group": {"_id": "$platform", "followers": {"$sum": "$followers"}}},
    ]


def _merge(
    metrics: Sequence[Mapping[str, Any]], counted: Mapping[str, int], followers: Sequence[Mapping[str, Any]]
) -> list[MetricTotals]:
    totals: dict[str, MetricTotals] = {}

    def of(platform: str) -> MetricTotals:
        return totals.setdefault(platform, MetricTotals(platform=PlatformName(platform)))

    for row in metrics:
        entry = of(row["_id"])
        entry.posts_measured = row["posts"]
        for name in SUMMED:
            setattr(entry, name, row[name] if row[f"{name}_reported"] is not None else None)
        entry.engagement, entry.viewed_engagement = row["engagement"], row["viewed_engagement"]
        entry.upvote_ratio, entry.ratio_posts = row["upvote_ratio"], row["ratio_posts"]
        entry.engagement_rate = _rate(entry.viewed_engagement, entry.views)
    for platform, posts in counted.items():
        of(platform).posts_published = posts
    for row in followers:
        of(row["_id"]).followers = row["followers"]
    return [totals[name] for name in sorted(totals)]


def _rate(engagement: int, views: int | None) -> float | None:
    return engagement / views if views else None


def combine(networks: Iterable[MetricTotals]) -> MetricTotals:
    """The totals of every network together."""
    total = MetricTotals()
    ratio_sum = 0.0
    for entry in networks:
        total.posts_published += entry.posts_published
        total.posts_measured += entry.posts_measured
        total.engagement += entry.engagement
        total.viewed_engagement += entry.viewed_engagement
        for name in (*SUMMED, "followers"):
            value = getattr(entry, name)
            if value is not None:
                setattr(total, name, (getattr(total, name) or 0) + value)
        if entry.upvote_ratio is not None:
            ratio_sum += entry.upvote_ratio * entry.ratio_posts
            total.ratio_posts += entry.ratio_posts
    total.upvote_ratio = ratio_sum / total.ratio_posts if total.ratio_posts else None
    total.engagement_rate = _rate(total.viewed_engagement, total.views)
    return total


async def top_posts(
    workspace_id: PydanticObjectId, start: datetime, end: datetime, limit: int
) -> list[TopPost]:
    """The period's posts with the most engagement, most engaging first (the newest first on a tie)."""
    keep = {"_id": 0, "target_id": 1, "engagement": 1, "collected_at": 1, **dict.fromkeys(_VALUES, 1)}
    rows = await _rows(
        MetricSnapshot,
        [
            {"$match": _latest(workspace_id, start, end)},
            {"$sort": {"engagement": -1, "published_at": -1}},
            {"$limit": limit},
            {"$project": keep},
        ],
    )
    return [
        TopPost(
            target_id=row["target_id"],
            engagement=row["engagement"] or 0,
            collected_at=row["collected_at"],
            values={name: row.get(name) for name in _VALUES},
        )
        for row in rows
    ]


_VALUES = (*SUMMED, "upvote_ratio")


def calendar_buckets(
    start: datetime, end: datetime, zone: ZoneInfo, granularity: Granularity
) -> list[Bucket]:
    """The local days (or weeks from Monday) that [start, end) touches, as UTC instants."""
    day = _bucket_date(start, zone, granularity)
    step = timedelta(days=7 if granularity is Granularity.WEEK else 1)
    buckets = []
    while (begin := _local_midnight(day, zone)) < end:
        buckets.append(Bucket(date=day, start=begin, end=_local_midnight(day + step, zone)))
        day += step
    return buckets


def fill_buckets(
    buckets: list[Bucket],
    published: Iterable[Mapping[str, Any]],
    measured: Iterable[Mapping[str, Any]],
    zone: ZoneInfo,
    granularity: Granularity,
) -> None:
    """Count each published post, and add each post's engagement, into its local bucket."""
    by_date = {bucket.date: bucket for bucket in buckets}
    for row in published:
        if (bucket := by_date.get(_bucket_date(row["published_at"], zone, granularity))) is not None:
            bucket.posts_published += 1
    for row in measured:
        if (bucket := by_date.get(_bucket_date(row["published_at"], zone, granularity))) is not None:
            bucket.engagement += row.get("engagement") or 0


def _bucket_date(at: datetime, zone: ZoneInfo, granularity: Granularity) -> date:
    local = as_utc(at).astimezone(zone).date()
    return local - timedelta(days=local.weekday()) if granularity is Granularity.WEEK else local


def _local_midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(), tzinfo=zone).astimezone(UTC)


async def heatmap(workspace_id: PydanticObjectId, since: datetime, zone: ZoneInfo) -> Heatmap:
    """Posts published since `since` and their engagement, by local weekday and hour (all 168 cells)."""
    published, measured = await asyncio.gather(
        _rows(PostTarget, [{"$match": _published(workspace_id, since, None)}, _PROJECT_AT]),
        _rows(MetricSnapshot, [{"$match": _latest(workspace_id, since, None)}, _PROJECT_ENGAGED]),
    )
    return heatmap_of(published, measured, zone)


def heatmap_of(
    published: Iterable[Mapping[str, Any]], measured: Iterable[Mapping[str, Any]], zone: ZoneInfo
) -> Heatmap:
    """The cells of these rows (`published_at`, and `engagement` for the measured ones)."""
    posts: Counter[tuple[int, int]] = Counter()
    engagement: Counter[tuple[int, int]] = Counter()
    for row in published:
        posts[_slot(row["published_at"], zone)] += 1
    for row in measured:
        engagement[_slot(row["published_at"], zone)] += row.get("engagement") or 0
    cells = [
        HeatmapCell(
            weekday=weekday, hour=hour, posts=posts[(weekday, hour)], engagement=engagement[(weekday, hour)]
        )
        for weekday in range(1, 8)
        for hour in range(24)
    ]
    return Heatmap(cells=cells)


def _slot(at: datetime, zone: ZoneInfo) -> tuple[int, int]:
    local = as_utc(at).astimezone(zone)  # zoneinfo applies the offset in force at that instant
    return local.isoweekday(), local.hour
