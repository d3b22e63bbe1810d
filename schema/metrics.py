"""Readings of published posts and of accounts, and the fields that hang them on `PostTarget` and
`SocialAccount` (each through a per-request DataLoader)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Protocol

import strawberry

from app.context import Info
from models.metric_snapshot import MetricSnapshot
from models.post_target import PostTarget as PostTargetModel
from schema.relay import parse_id_of


@strawberry.type(
    description="One reading of a published post's numbers. A null metric is one its network does not report "
    "(Bluesky has no views, Reddit no likes of its own), which is not the same as 0."
)
class PostMetrics:
    collected_at: datetime = strawberry.field(description="When Herald read these numbers.")
    likes: int | None = strawberry.field(description="Likes (Facebook: reactions; Reddit: upvotes).")
    reposts: int | None = strawberry.field(
        description="Reposts (Instagram and Facebook: shares; Reddit: crossposts)."
    )
    replies: int | None = strawberry.field(description="Replies or comments.")
    quotes: int | None = strawberry.field(description="Quote posts (Bluesky, Threads).")
    views: int | None = strawberry.field(description="Times it was seen (impressions).")
    reach: int | None = strawberry.field(description="Accounts that saw it (Instagram, Facebook).")
    saves: int | None = strawberry.field(description="Saves (Instagram) or bookmarks (Bluesky).")
    score: int | None = strawberry.field(description="Reddit: upvotes minus downvotes.")
    upvote_ratio: float | None = strawberry.field(description="Reddit: the share of votes that are upvotes.")
    engagement: int = strawberry.field(
        description="likes + reposts + replies + quotes + saves (a metric not reported counts 0)."
    )

    @classmethod
    def from_snapshot(cls, snapshot: MetricSnapshot) -> PostMetrics:
        return cls(
            collected_at=snapshot.collected_at,
            likes=snapshot.likes,
            reposts=snapshot.reposts,
            replies=snapshot.replies,
            quotes=snapshot.quotes,
            views=snapshot.views,
            reach=snapshot.reach,
            saves=snapshot.saves,
            score=snapshot.score,
            upvote_ratio=snapshot.upvote_ratio,
            engagement=snapshot.engagement or 0,
        )


@strawberry.type(description="An account's followers at one moment.")
class FollowerCount:
    at: datetime = strawberry.field(description="When Herald read the count.")
    followers: int


class _TargetRoot(Protocol):
    model: PostTargetModel


class _NodeRoot(Protocol):
    id: strawberry.ID


From = Annotated[
    datetime | None, strawberry.argument(name="from", description="Readings from then on (inclusive).")
]
To = Annotated[datetime | None, strawberry.argument(description="Readings before then.")]


async def target_metrics(root: _TargetRoot, info: Info) -> PostMetrics | None:
    assert root.model.id is not None
    snapshot = await info.context.loaders.latest_metrics.load(root.model.id)
    return PostMetrics.from_snapshot(snapshot) if snapshot is not None else None


async def target_metrics_history(
    root: _TargetRoot, info: Info, from_: From = None, to: To = None
) -> list[PostMetrics]:
    assert root.model.id is not None
    readings = await info.context.loaders.metrics_history.load((root.model.id, from_, to))
    return [PostMetrics.from_snapshot(snapshot) for snapshot in readings]


async def followers_history(
    root: _NodeRoot, info: Info, from_: From = None, to: To = None
) -> list[FollowerCount]:
    account_id = parse_id_of("SocialAccount", root.id)
    assert account_id is not None
    readings = await info.context.loaders.followers_history.load((account_id, from_, to))
    return [
        FollowerCount(at=s.collected_at, followers=s.followers) for s in readings if s.followers is not None
    ]
