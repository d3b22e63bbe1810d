"""The scheduler: every tick, hands due targets to the workers and recovers work that was lost; now and
then, it also removes media uploads that were never completed, refreshes OAuth tokens before they
expire (`workers.tokens`) and plans the readings of published posts' metrics (`workers.analytics_plan`).

Any number of schedulers may run: each move is a conditional batch claim (see `PostTarget._claim_batch`),
so two schedulers never enqueue the same state change twice, and a duplicate message is dropped by the
worker's own atomic claim anyway. A claim writes its event and job into the targets' outbox in the same
update; the scheduler relays them at once, and every tick relays what a dead process left behind and,
now and then, repairs posts whose status disagrees with their targets.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from datetime import datetime, timedelta

import structlog
from beanie import PydanticObjectId

from app.services import Services
from models.clock import utcnow
from models.media_files import sweep_stale
from models.migrations import migrate
from models.post_target import PostTarget
from resolvers.post_events import OutboxRelay, announce, repair_post_statuses
from workers.analytics_plan import MetricsPlanner
from workers.tokens import TokenRefresher

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class TickResult:
    due: int
    unclaimed: int
    expired_leases: int


class Scheduler:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.settings = services.settings
        self._stopping = asyncio.Event()
        self._next_media_sweep = 0.0
        self.tokens = TokenRefresher(services)
        self._next_token_sweep = 0.0
        self.metrics = MetricsPlanner(services)
        self.relay = OutboxRelay(services)
        self._next_status_sweep = 0.0
        self._status_cursor: PydanticObjectId | None = None

    async def tick(self, now: datetime | None = None) -> TickResult:
        """One round: due SCHEDULED targets, QUEUED ones whose message got lost, PUBLISHING ones whose
        worker vanished (the next worker looks on the network before publishing again)."""
        now = now or utcnow()
        batch = self.settings.scheduler_batch_size
        due = await PostTarget.claim_due(now, batch)
        grace = timedelta(seconds=self.settings.queued_reenqueue_after_seconds)
        unclaimed = await PostTarget.reclaim_unclaimed(now, grace, batch)
        expired = await PostTarget.release_expired_leases(now, batch)
        await announce(self.services, due + unclaimed + expired)  # their jobs (and events) are in the outbox
        await self.relay.relay()  # what a dead process left
        if due or unclaimed or expired:
            log.info("scheduler.tick", due=len(due), unclaimed=len(unclaimed), expired_leases=len(expired))
        return TickResult(due=len(due), unclaimed=len(unclaimed), expired_leases=len(expired))

    async def sweep_media(self, now: datetime | None = None) -> int:
        """Delete media that never became READY a while after it was created (see `sweep_stale`)."""
        older_than = timedelta(seconds=self.settings.media_orphan_after_seconds)
        return await sweep_stale(self.services.storage, now or utcnow(), older_than)

    async def _sweep_media_when_due(self) -> None:
        # A sweep is cheap but rarely needed, so it runs every media_sweep_interval_seconds, not per tick.
        loop = asyncio.get_running_loop()
        if loop.time() < self._next_media_sweep:
            return
        self._next_media_sweep = loop.time() + self.settings.media_sweep_interval_seconds
        try:
            await self.sweep_media()
        except Exception:
            log.exception("scheduler.media_sweep_failed")

    async def _refresh_tokens_when_due(self) -> None:
        # Tokens are refreshed days (Threads) or minutes (Reddit) ahead: a sweep now and then is enough.
        loop = asyncio.get_running_loop()
        if loop.time() < self._next_token_sweep:
            return
        self._next_token_sweep = loop.time() + self.settings.token_refresh_interval_seconds
        try:
            await self.tokens.sweep()
        except Exception:
            log.exception("scheduler.token_sweep_failed")

    async def repair_post_statuses(self) -> int:
        """One page of the post status sweep (see `resolvers.post_events.repair_post_statuses`)."""
        batch = self.settings.scheduler_batch_size
        self._status_cursor, repaired = await repair_post_statuses(self.services, self._status_cursor, batch)
        return repaired

    async def _repair_post_statuses_when_due(self) -> None:
        loop = asyncio.get_running_loop()
        if loop.time() < self._next_status_sweep:
            return
        try:
            await self.repair_post_statuses()
        except Exception:
            log.exception("scheduler.status_sweep_failed")
        # A page at a time; the next page follows at once until the sweep went round, then it rests.
        if self._status_cursor is None:
            self._next_status_sweep = loop.time() + self.settings.post_status_sweep_seconds

    async def run(self) -> None:
        """Run the pending data migrations, then tick every `scheduler_tick_seconds` until `stop()`; a
        failed tick is logged and retried (a failed migration at the next start)."""
        try:
            await migrate()
        except Exception:
            log.exception("scheduler.migration_failed")
        while not self._stopping.is_set():
            try:
                await self.tick()
            except Exception:
                log.exception("scheduler.tick_failed")
            await self._repair_post_statuses_when_due()
            await self._sweep_media_when_due()
            await self._refresh_tokens_when_due()
            await self.metrics.plan_when_due()  # analytics readings (workers.analytics_plan)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), timeout=self.settings.scheduler_tick_seconds)

    def stop(self) -> None:
        self._stopping.set()
