"""The scheduler: every tick, hands due targets to the workers and recovers work that was lost.

Any number of schedulers may run: each move is a conditional batch claim (see `PostTarget._claim_batch`),
so two schedulers never enqueue the same state change twice, and a duplicate message is dropped by the
worker's own atomic claim anyway.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from datetime import datetime, timedelta

import structlog

from app.services import POST_PUBLISH, Services
from models.clock import utcnow
from models.post_events import announce
from models.post_target import PostTarget

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

    async def tick(self, now: datetime | None = None) -> TickResult:
        """One round: due SCHEDULED targets, QUEUED ones whose message got lost, PUBLISHING ones whose
        worker vanished (the next worker looks on the network before publishing again)."""
        now = now or utcnow()
        batch = self.settings.scheduler_batch_size
        due = await PostTarget.claim_due(now, batch)
        grace = timedelta(seconds=self.settings.queued_reenqueue_after_seconds)
        unclaimed = await PostTarget.reclaim_unclaimed(now, grace, batch)
        expired = await PostTarget.release_expired_leases(now, batch)
        await announce(self.services.events, due + expired)  # unclaimed ones did not change status
        for target in due + unclaimed + expired:
            try:
                await self.services.queue.publish(POST_PUBLISH, {"target_id": str(target.id)})
            except Exception as exc:  # noqa: BLE001 (the next tick's unclaimed sweep sends it again)
                log.warning("scheduler.enqueue_failed", target_id=str(target.id), error=repr(exc))
        if due or unclaimed or expired:
            log.info("scheduler.tick", due=len(due), unclaimed=len(unclaimed), expired_leases=len(expired))
        return TickResult(due=len(due), unclaimed=len(unclaimed), expired_leases=len(expired))

    async def run(self) -> None:
        """Tick every `scheduler_tick_seconds` until `stop()`; a failed tick is logged and retried."""
        while not self._stopping.is_set():
            try:
                await self.tick()
            except Exception:
                log.exception("scheduler.tick_failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), timeout=self.settings.scheduler_tick_seconds)

    def stop(self) -> None:
        self._stopping.set()
