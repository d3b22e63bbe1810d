"""The analytics worker: takes one `analytics.collect` job, reads one post's (or one account's) numbers
from its network, stores them as a snapshot, and plans the next reading.

Jobs are `{"target_id": ...}` (a published post) or `{"account_id": ...}` (followers). A post is leased
for the reading, so a duplicate job changes nothing; whatever happens, the reading ends by planning the
next one (`models.metric_cadence`) and never touches the post's publishing state:

- stored: the snapshot lands, the workspace's analytics cache is invalidated, and `analytics.updated`
  is published on the workspace's event stream;
- the network (or Herald's own analytics budget for the account) says "not now": the next reading waits
  until then, and this does not count as a failure;
- failed, or the network cannot give numbers at all (a Bluesky PDS without an AppView): tried again
  later, waiting twice as long each time, until `analytics_max_failures` in a row stop it;
- the post is gone from the network, its account disconnected, or it is too old: readings stop.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

import structlog
from beanie import PydanticObjectId

from app.services import ANALYTICS_COLLECT, Services
from integrations.platforms.base import PublishFailure, RateLimited
from integrations.platforms.metrics import Metrics, MetricsSource, PostGone, published_ref
from models.analytics import ANALYTICS_UPDATED, analytics_scope
from models.clock import utcnow
from models.metric_cadence import next_collection_at, retry_collection_at
from models.metric_plan import lease_target, plan_account, plan_target, stop_if_deleted
from models.metric_snapshot import MetricSnapshot
from models.post_target import PostTarget
from models.social_account import AccountStatus, SocialAccount
from resolvers.accounts import account_session

log = structlog.get_logger(__name__)


class _Wait(Exception):
    """Not now: come back at `until` (a rate limit, the analytics budget, an account to reconnect)."""

    def __init__(self, until: datetime | None) -> None:
        super().__init__(f"wait until {until}")
        self.until = until


class AnalyticsWorker:
    """Handles `analytics.collect` jobs; any number of these may run side by side."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.settings = services.settings
        self.lease = timedelta(seconds=self.settings.analytics_lease_seconds)

    async def run(self) -> None:
        """Consume jobs until `stop()`."""
        await self.services.queue.consume(
            ANALYTICS_COLLECT, self.handle, prefetch=self.settings.worker_prefetch
        )

    async def stop(self) -> None:
        """Take no new jobs; let the ones in hand finish within the grace period."""
        await self.services.queue.stop(self.settings.worker_shutdown_grace_seconds)

    async def handle(self, body: Mapping[str, Any]) -> None:
        """One job; a body naming neither a target nor an account raises (and is dead-lettered)."""
        if "target_id" in body:
            await self.collect_target(PydanticObjectId(str(body["target_id"])))
        elif "account_id" in body:
            await self.collect_account(PydanticObjectId(str(body["account_id"])))
        else:
            raise ValueError(f"an analytics.collect job names a target_id or an account_id, got {dict(body)}")

    # --- posts ----------------------------------------------------------------------------------------

    async def collect_target(self, target_id: PydanticObjectId) -> None:
        """Read the target's post now, store the reading and plan the next one."""
        now = utcnow()
        target = await lease_target(target_id, now, self.lease)
        if target is None:
            stopped = await stop_if_deleted(target_id, now)
            log.info("analytics.collect.skipped", target_id=str(target_id), deleted=stopped)
            return
        try:
            metrics = await self._read_post(target, now)
        except _Wait as wait:
            await plan_target(target, wait.until, now, failures=target.metrics_failures)
            log.info("analytics.collect.postponed", target_id=str(target_id), until=str(wait.until))
            return
        except PostGone:
            await plan_target(target, None, now)
            log.info("analytics.collect.gone", target_id=str(target_id))
            return
        except PublishFailure as failure:
            await self._failed(target, now, failure.code)
            return
        except Exception:
            log.exception("analytics.collect.crashed", target_id=str(target_id))
            await self._failed(target, now, "INTERNAL_ERROR")
            return
        if metrics is None:
            await self._failed(target, now, "METRICS_UNAVAILABLE")
            return
        await self._store(target, metrics, now)

    async def _read_post(self, target: PostTarget, now: datetime) -> Metrics | None:
        account = await SocialAccount.get(target.account_id)
        source = self.services.metrics.get(target.platform)
        if account is None or account.status is AccountStatus.DISCONNECTED or source is None:
            raise _Wait(None)  # nothing will ever read it: stop
        if account.status is not AccountStatus.ACTIVE or not target.external_id:
            raise _Wait(now + timedelta(seconds=self.settings.analytics_max_interval_seconds))
        await self._spend_budget(account, source, now)
        published = published_ref(target.external_id, target.external_url, target.published_at)
        try:
            return await source.fetch_metrics(account_session(self.services.cipher, account), published)
        except RateLimited as limited:
            raise _Wait(limited.retry_at) from limited

    async def _store(self, target: PostTarget, metrics: Metrics, now: datetime) -> None:
        changed = await MetricSnapshot.record_post(target, metrics, now)
        changed_at = now if changed else target.metrics_changed_at
        published_at = target.published_at or now
        next_at = next_collection_at(published_at, changed_at, now, self.settings)
        await plan_target(target, next_at, now, collected=True, changed=changed)
        log.info("analytics.collect.stored", target_id=str(target.id), changed=changed, next_at=str(next_at))
        await self._announce(target.workspace_id, {"target_id": str(target.id), "collected_at": now})

    async def _failed(self, target: PostTarget, now: datetime, code: str) -> None:
        failures = target.metrics_failures + 1
        next_at = None
        if failures < self.settings.analytics_max_failures:
            next_at = retry_collection_at(target.published_at or now, failures, now, self.settings)
        await plan_target(target, next_at, now, failures=failures)
        log.warning("analytics.collect.failed", target_id=str(target.id), code=code, failures=failures)

    # --- accounts -------------------------------------------------------------------------------------

    async def collect_account(self, account_id: PydanticObjectId) -> None:
        """Read the account's followers now, store them, and plan tomorrow's reading."""
        now = utcnow()
        account = await SocialAccount.get(account_id)
        source = self.services.metrics.get(account.platform) if account is not None else None
        if account is None or account.status is not AccountStatus.ACTIVE:
            return  # planned again when it is reconnected (an ACTIVE account is always planned)
        daily = now + timedelta(seconds=self.settings.analytics_account_interval_seconds)
        retry = now + timedelta(seconds=self.settings.analytics_retry_seconds)
        try:
            if source is None:
                raise _Wait(daily)
            await self._spend_budget(account, source, now)
            reading = await source.fetch_account_metrics(account_session(self.services.cipher, account))
        except _Wait as wait:
            await plan_account(account, wait.until or daily)
            return
        except RateLimited as limited:
            await plan_account(account, limited.retry_at)
            return
        except Exception as exc:  # noqa: BLE001 (a reading is retried; it must not kill the worker)
            log.warning("analytics.account.failed", account_id=str(account_id), error=repr(exc))
            await plan_account(account, retry)
            return
        if reading.handle and reading.handle != account.handle:
            await account.rename(reading.handle)
        if reading.followers is None:
            log.info("analytics.account.unavailable", account_id=str(account_id))
            await plan_account(account, daily)
            return
        await MetricSnapshot.record_account(account, reading.followers, now)
        await plan_account(account, daily)
        await self._announce(account.workspace_id, {"account_id": str(account_id), "collected_at": now})

    # --- shared ---------------------------------------------------------------------------------------

    async def _spend_budget(self, account: SocialAccount, source: MetricsSource, now: datetime) -> None:
        """Analytics' own allowance per account (and per network where the limit is the app's), so
        readings never use up what publishing needs; `_Wait` until it frees up."""
        limiter = self.services.rate_limiter
        decision = await limiter.hit(
            f"analytics:account:{account.id}",
            limit=self.settings.analytics_account_requests_per_hour,
            window_seconds=3600,
        )
        if decision.allowed and source.budget is not None:
            decision = await limiter.hit(
                f"analytics:network:{source.name}",
                limit=source.budget.limit,
                window_seconds=source.budget.window_seconds,
            )
        if not decision.allowed:
            raise _Wait(now + timedelta(seconds=decision.retry_after_seconds))

    async def _announce(self, workspace_id: PydanticObjectId, payload: Mapping[str, Any]) -> None:
        # The snapshot is stored already: a cache or event bus that is down must not undo it. The cache
        # goes first, so a dashboard reloading on the event reads the new numbers.
        try:
            await self.services.cache.bump(analytics_scope(workspace_id))
        except Exception as exc:  # noqa: BLE001 (see above; cached answers expire on their own)
            log.warning("analytics.cache.bump_failed", workspace_id=str(workspace_id), error=repr(exc))
        try:
            await self.services.events.publish(str(workspace_id), ANALYTICS_UPDATED, payload)
        except Exception as exc:  # noqa: BLE001 (see above)
            log.warning("analytics.event.publish_failed", workspace_id=str(workspace_id), error=repr(exc))
