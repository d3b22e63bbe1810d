"""Analytics for dashboards: the overview and the posting heatmap (cached per workspace), asking for a
fresh reading of a post, and the live `analytics.updated` events. Any member (VIEWER and up) reads."""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

import structlog
from beanie import PydanticObjectId
from graphql import GraphQLError
from pydantic import BaseModel

from app.services import ANALYTICS_COLLECT, Services
from integrations.events import Event, EventTooOld
from models import analytics
from models.analytics import ANALYTICS_UPDATED, Granularity, Heatmap, Overview, analytics_scope
from models.clock import utcnow
from models.metric_snapshot import MetricSnapshot
from models.post_target import PostTarget
from models.social_account import SocialAccount
from models.target_state import TargetStatus
from models.user import User
from models.workspace import Role
from resolvers.access import visible_target, visible_workspace, workspace_for
from resolvers.codes import AccessErrorCode, AnalyticsErrorCode
from resolvers.errors import not_found, reject

log = structlog.get_logger(__name__)

M = TypeVar("M", bound=BaseModel)
# Buckets are days at the finest: a period is at most about a year and a month.
MAX_PERIOD = timedelta(days=400)


def _bad_input(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": "BAD_USER_INPUT"})


async def _readable(user: User, workspace_id: PydanticObjectId | None) -> tuple[PydanticObjectId, ZoneInfo]:
    """The id and time zone of a workspace the user is a member of; NOT_FOUND otherwise."""
    workspace = await visible_workspace(user, workspace_id)
    if workspace is None or workspace.id is None:
        raise GraphQLError("No workspace with this id.", extensions={"code": "NOT_FOUND"})
    return workspace.id, ZoneInfo(workspace.timezone)


def period_problem(start: datetime, end: datetime) -> str | None:
    """What is wrong with [start, end) as an analytics period, None when nothing is."""
    if start.tzinfo is None or end.tzinfo is None:
        return "Give `from` and `to` with their UTC offset."
    if start >= end:
        return "`from` must be before `to`."
    if end - start > MAX_PERIOD:
        return f"A period is at most {MAX_PERIOD.days} days; ask for several."
    return None


async def analytics_overview(
    services: Services,
    user: User,
    workspace_id: PydanticObjectId | None,
    start: datetime,
    end: datetime,
    granularity: Granularity,
) -> Overview:
    """The workspace's overview of the posts published in [start, end) (see `models.analytics`)."""
    found, zone = await _readable(user, workspace_id)
    if (problem := period_problem(start, end)) is not None:
        raise _bad_input(problem)
    top = services.settings.analytics_top_posts
    key = f"overview:{start.isoformat()}:{end.isoformat()}:{granularity}:{zone.key}:{top}"
    return await _cached(
        services, found, key, Overview, lambda: analytics.overview(found, start, end, zone, granularity, top)
    )


async def posting_heatmap(services: Services, user: User, workspace_id: PydanticObjectId | None) -> Heatmap:
    """Posts and engagement by local weekday and hour over the last `analytics_heatmap_days` days."""
    found, zone = await _readable(user, workspace_id)
    days = services.settings.analytics_heatmap_days
    since = utcnow() - timedelta(days=days)
    return await _cached(
        services, found, f"heatmap:{zone.key}:{days}", Heatmap, lambda: analytics.heatmap(found, since, zone)
    )


async def _cached(
    services: Services,
    workspace_id: PydanticObjectId,
    key: str,
    model: type[M],
    compute: Callable[[], Awaitable[M]],
) -> M:
    """The answer from the cache, else computed and cached under the workspace's current version (read
    first, so an answer computed while a reading landed is filed under the version that reading retired)."""
    cache, scope = services.cache, analytics_scope(workspace_id)
    try:
        full_key = f"{scope}:v{await cache.version(scope)}:{key}"
        if (hit := await cache.get(full_key)) is not None:
            return model.model_validate_json(hit)
    except Exception as exc:  # noqa: BLE001 (a cache that is down only costs the computation)
        log.warning("analytics.cache.unavailable", error=repr(exc))
        return await compute()
    answer = await compute()
    try:
        await cache.set(full_key, answer.model_dump_json(), services.settings.analytics_cache_ttl_seconds)
    except Exception as exc:  # noqa: BLE001 (see above)
        log.warning("analytics.cache.unavailable", error=repr(exc))
    return answer


async def post_target_metrics_refresh(
    services: Services, user: User, target_id: PydanticObjectId | None
) -> PostTarget:
    """Ask for a reading of a published post now (an EDITOR; once per target per refresh interval)."""
    target = await visible_target(user, target_id)
    if target is None or target.id is None:
        raise not_found(AccessErrorCode.TARGET_NOT_FOUND, "id")
    await workspace_for(user, target.workspace_id, Role.EDITOR)
    if target.status is not TargetStatus.PUBLISHED or target.deleted_at is not None:
        raise reject(
            AnalyticsErrorCode.TARGET_NOT_PUBLISHED, "Only a published post has numbers to read.", "id"
        )
    interval = services.settings.analytics_refresh_interval_seconds
    decision = await services.rate_limiter.hit(
        f"analytics:refresh:{target.id}", limit=1, window_seconds=interval
    )
    if not decision.allowed:
        wait = math.ceil(decision.retry_after_seconds)
        raise reject(
            AnalyticsErrorCode.RATE_LIMITED,
            f"This post was refreshed moments ago; try again in {wait} s.",
            "id",
        )
    try:
        await services.queue.publish(ANALYTICS_COLLECT, {"target_id": str(target.id)})
    except Exception as exc:  # noqa: BLE001 (the broker is down: say so rather than pretend)
        log.warning("analytics.refresh.enqueue_failed", target_id=str(target.id), error=repr(exc))
        raise reject(
            AnalyticsErrorCode.SERVICE_UNAVAILABLE,
            "Herald cannot take the request right now; try again.",
            "id",
        ) from None
    return target


@dataclass(frozen=True, slots=True)
class AnalyticsUpdate:
    """One stored reading, as the subscription reports it (read fresh, after the event)."""

    event: Event
    target: PostTarget | None
    account: SocialAccount | None
    reading: MetricSnapshot | None


async def analytics_updates(
    services: Services, user: User, workspace_id: PydanticObjectId | None
) -> AsyncIterator[AnalyticsUpdate]:
    """Every reading stored in the workspace from now on, as it lands."""
    found, _ = await _readable(user, workspace_id)
    try:
        async for event in services.events.subscribe(str(found)):
            if event.type == ANALYTICS_UPDATED:
                yield await _update(event)
    except EventTooOld:
        raise GraphQLError(
            "The subscription fell behind; subscribe again.", extensions={"code": "EVENTS_TOO_OLD"}
        ) from None


async def _update(event: Event) -> AnalyticsUpdate:
    # Fresh reads, not the connection's DataLoaders: they would keep the first state they saw for as long
    # as the websocket stays open.
    if target_id := event.payload.get("target_id"):
        target = await PostTarget.get(PydanticObjectId(str(target_id)))
        [reading] = await MetricSnapshot.latest_of_targets([PydanticObjectId(str(target_id))])
        return AnalyticsUpdate(event=event, target=target, account=None, reading=reading)
    account = await SocialAccount.get(PydanticObjectId(str(event.payload.get("account_id"))))
    return AnalyticsUpdate(event=event, target=None, account=account, reading=None)
