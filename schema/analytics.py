"""Analytics: the workspace overview and posting heatmap, refreshing a post's numbers, CSV export, and
the live `analyticsUpdated` subscription."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import date, datetime
from typing import Annotated, TypeAlias

import strawberry
from beanie import PydanticObjectId

from app.context import Info
from models import analytics as model
from models.platform import PlatformName
from resolvers import analytics as use_cases
from resolvers import analytics_export as export_use_cases
from resolvers.codes import AccessErrorCode, AnalyticsErrorCode
from resolvers.live import guarded
from schema.accounts import SocialAccount
from schema.common import UserError, attempt, caller_of, error_codes, signed_in, typed_errors
from schema.metrics import PostMetrics
from schema.posts import PostTarget
from schema.relay import parse_id_of

strawberry.enum(
    model.Granularity,
    name="Granularity",
    description="Buckets of a period: local days, or weeks from Monday.",
)


@strawberry.type(
    description="Sums over the posts published in the period. A metric no post reports is null, not 0; "
    "engagement is likes + reposts + replies + quotes + saves."
)
class AnalyticsTotals:
    posts_published: int = strawberry.field(description="Posts published in the period.")
    posts_measured: int = strawberry.field(description="Those Herald has read numbers of.")
    likes: int | None
    reposts: int | None
    replies: int | None
    quotes: int | None
    views: int | None
    reach: int | None
    saves: int | None
    score: int | None = strawberry.field(description="Reddit's score.")
    upvote_ratio: float | None = strawberry.field(description="Reddit: the average upvote ratio.")
    engagement: int
    engagement_rate: float | None = strawberry.field(
        description="Engagement per view: the engagement of the posts whose network reports views, divided "
        "by their views; null when none does (Bluesky and, mostly, Reddit report no views)."
    )
    followers: int | None = strawberry.field(description="Followers of the accounts, as last read.")

    @staticmethod
    def fields_of(totals: model.MetricTotals) -> dict[str, object]:
        return totals.model_dump(exclude={"platform", "viewed_engagement", "ratio_posts"})


@strawberry.type(description="The same sums for one network.")
class NetworkAnalytics(AnalyticsTotals):
    platform: PlatformName


@strawberry.type(description="One of the period's most engaging posts.")
class TopPost:
    engagement: int
    metrics: PostMetrics = strawberry.field(description="Its latest reading.")
    target_id: strawberry.Private[PydanticObjectId]

    @strawberry.field(description="The post on its network.")
    async def target(self, info: Info) -> PostTarget | None:
        found = await info.context.loaders.post_target.load(self.target_id)
        return PostTarget.from_model(found) if found is not None else None


@strawberry.type(description="One local day (or week) of the period, in the workspace's time zone.")
class AnalyticsBucket:
    date: date = strawberry.field(description="The local date it starts on.")
    start: datetime = strawberry.field(description="When it starts (local midnight, as UTC).")
    end: datetime = strawberry.field(
        description="When the next one starts (23 or 25 hours later across DST)."
    )
    posts_published: int
    engagement: int = strawberry.field(description="Engagement of the posts published in it.")


@strawberry.type(
    description="How the posts published in [from, to) did, each with its latest reading (see the README's "
    "Analytics section for the definitions)."
)
class AnalyticsOverview:
    from_: datetime = strawberry.field(name="from")
    to: datetime
    granularity: model.Granularity
    timezone: str = strawberry.field(description="The workspace's IANA time zone the buckets follow.")
    posts_published: int
    engagement: int
    engagement_rate: float | None = strawberry.field(description="See AnalyticsTotals.engagementRate.")
    totals: AnalyticsTotals = strawberry.field(description="Every network together.")
    networks: list[NetworkAnalytics] = strawberry.field(description="Per network, by name.")
    top_posts: list[TopPost] = strawberry.field(description="The most engaging first.")
    buckets: list[AnalyticsBucket] = strawberry.field(description="Every local day or week, in order.")

    @classmethod
    def from_model(cls, found: model.Overview) -> AnalyticsOverview:
        return cls(
            from_=found.start,
            to=found.end,
            granularity=found.granularity,
            timezone=found.timezone,
            posts_published=found.totals.posts_published,
            engagement=found.totals.engagement,
            engagement_rate=found.totals.engagement_rate,
            totals=AnalyticsTotals(**AnalyticsTotals.fields_of(found.totals)),  # type: ignore[arg-type]
            networks=[
                NetworkAnalytics(platform=n.platform, **AnalyticsTotals.fields_of(n))  # type: ignore[arg-type]
                for n in found.networks
            ],
            top_posts=[_top_post(top) for top in found.top_posts],
            buckets=[AnalyticsBucket(**bucket.model_dump()) for bucket in found.buckets],
        )


def _top_post(top: model.TopPost) -> TopPost:
    values = top.values
    metrics = PostMetrics(collected_at=top.collected_at, engagement=top.engagement, **values)  # type: ignore[arg-type]
    return TopPost(engagement=top.engagement, metrics=metrics, target_id=top.target_id)


@strawberry.type(description="Posts published at one local weekday and hour, and their engagement.")
class HeatmapCell:
    weekday: int = strawberry.field(description="ISO weekday: 1 is Monday, 7 Sunday.")
    hour: int = strawberry.field(description="Local hour, 0 to 23.")
    posts: int
    engagement: int = strawberry.field(description="Total engagement of those posts.")

    @strawberry.field(description="Engagement per post; null without posts.")
    def average_engagement(self) -> float | None:
        return self.engagement / self.posts if self.posts else None


AnalyticsCode: TypeAlias = AnalyticsErrorCode | AccessErrorCode


@strawberry.type(description="A reason no reading was asked for.")
class PostTargetMetricsRefreshError(UserError):
    code: AnalyticsCode = error_codes(
        "PostTargetMetricsRefreshErrorCode", "Why no reading was asked for.", AnalyticsCode
    )


@strawberry.type(description="The result of postTargetMetricsRefresh: the reading follows in moments.")
class PostTargetMetricsRefreshPayload:
    target: PostTarget | None
    user_errors: list[PostTargetMetricsRefreshError]


@strawberry.input(description="The period to export: the posts published in [from, to).")
class AnalyticsExportInput:
    workspace_id: strawberry.ID
    from_: datetime = strawberry.field(name="from")
    to: datetime


@strawberry.type(description="A reason no export was made.")
class AnalyticsExportError(UserError):
    code: AnalyticsCode = error_codes("AnalyticsExportErrorCode", "Why no export was made.", AnalyticsCode)


@strawberry.type(
    description="A CSV of the period (one row per post, its latest reading; empty = not reported)."
)
class AnalyticsExportPayload:
    url: str | None = strawberry.field(description="Where to download it, until expiresAt.")
    expires_at: datetime | None
    user_errors: list[AnalyticsExportError]


@strawberry.type(description="Herald stored a new reading in the workspace.")
class AnalyticsUpdated:
    event_id: strawberry.ID
    issued_at: datetime
    target: PostTarget | None = strawberry.field(description="The post read, as it is now.")
    metrics: PostMetrics | None = strawberry.field(description="The post's new reading.")
    account: SocialAccount | None = strawberry.field(description="The account whose followers were read.")


@strawberry.type
class AnalyticsQuery:
    """Dashboards (any member)."""

    @strawberry.field(description="How the posts published in [from, to) did, with local buckets.")
    async def analytics_overview(
        self,
        info: Info,
        workspace_id: strawberry.ID,
        from_: Annotated[datetime, strawberry.argument(name="from")],
        to: datetime,
        granularity: model.Granularity | None = model.Granularity.DAY,
    ) -> AnalyticsOverview:
        workspace = parse_id_of("Workspace", workspace_id)
        buckets = granularity or model.Granularity.DAY
        found = await use_cases.analytics_overview(
            info.context.services, signed_in(info), workspace, from_, to, buckets
        )
        return AnalyticsOverview.from_model(found)

    @strawberry.field(
        description="Posts and engagement by local weekday and hour over the last ANALYTICS_HEATMAP_DAYS "
        "days (all 168 cells, in the workspace's time zone)."
    )
    async def posting_heatmap(self, info: Info, workspace_id: strawberry.ID) -> list[HeatmapCell]:
        found = await use_cases.posting_heatmap(
            info.context.services, signed_in(info), parse_id_of("Workspace", workspace_id)
        )
        return [HeatmapCell(**cell.model_dump()) for cell in found.cells]


async def post_target_metrics_refresh(info: Info, id: strawberry.ID) -> PostTargetMetricsRefreshPayload:
    call = use_cases.post_target_metrics_refresh(
        info.context.services, signed_in(info), parse_id_of("PostTarget", id)
    )
    target, errors = await attempt(call)
    return PostTargetMetricsRefreshPayload(
        target=PostTarget.from_model(target) if target else None,
        user_errors=typed_errors(PostTargetMetricsRefreshError, errors),
    )


async def analytics_export(info: Info, input: AnalyticsExportInput) -> AnalyticsExportPayload:
    workspace_id = parse_id_of("Workspace", input.workspace_id)
    call = export_use_cases.analytics_export(
        info.context.services, signed_in(info), workspace_id, input.from_, input.to
    )
    export, errors = await attempt(call)
    return AnalyticsExportPayload(
        url=export.url if export else None,
        expires_at=export.expires_at if export else None,
        user_errors=typed_errors(AnalyticsExportError, errors),
    )


@strawberry.type
class AnalyticsMutation:
    """Fresh readings and exports."""

    post_target_metrics_refresh = strawberry.mutation(
        resolver=post_target_metrics_refresh,
        description="Read a published post's numbers now (an EDITOR; once a minute per post, else "
        "RATE_LIMITED).",
    )
    analytics_export = strawberry.mutation(
        resolver=analytics_export, description="A CSV of the posts published in a period, as a download URL."
    )


@strawberry.type
class AnalyticsSubscription:
    """New readings as they land."""

    @strawberry.subscription(description="Each reading Herald stores in the workspace from now on.")
    async def analytics_updated(
        self, info: Info, workspace_id: strawberry.ID
    ) -> AsyncGenerator[AnalyticsUpdated, None]:
        user, workspace = signed_in(info), parse_id_of("Workspace", workspace_id)
        updates = guarded(
            info.context.services,
            caller_of(info),
            user,
            workspace,
            use_cases.analytics_updates(info.context.services, user, workspace),
        )
        async for update in updates:
            info.context.fresh_loaders()
            yield AnalyticsUpdated(
                event_id=strawberry.ID(update.event.id),
                issued_at=update.event.issued_at,
                target=PostTarget.from_model(update.target) if update.target else None,
                metrics=PostMetrics.from_snapshot(update.reading) if update.reading else None,
                account=SocialAccount.from_model(update.account) if update.account else None,
            )
