"""The scheduler's part in analytics: every few seconds, claim the posts and accounts due for a reading
and hand them to the analytics workers as `analytics.collect` jobs.

Claims are atomic (see `models.metric_plan`), so any number of schedulers may plan side by side; a job
that cannot be sent is not lost work, its target comes back once its claim's hold runs out.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime, timedelta

import structlog

from app.services import ANALYTICS_COLLECT, Services
from models.clock import utcnow
from models.metric_plan import claim_due_account, claim_due_targets

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class PlanResult:
    targets: int
    accounts: int


class MetricsPlanner:
    """Claims due readings and enqueues them; `plan_when_due` runs at most every plan interval."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.settings = services.settings
        self._next_plan = 0.0

    async def plan(self, now: datetime | None = None) -> PlanResult:
        """One round: a batch of due posts, then due accounts up to a batch."""
        now = now or utcnow()
        hold = timedelta(seconds=self.settings.analytics_claim_hold_seconds)
        batch = self.settings.scheduler_batch_size
        targets = await claim_due_targets(now, hold, batch)
        for target in targets:
            await self._enqueue({"target_id": str(target.id)})
        accounts = 0
        while accounts < batch and (account := await claim_due_account(now, hold)) is not None:
            await self._enqueue({"account_id": str(account.id)})
            accounts += 1
        if targets or accounts:
            log.info("analytics.planned", targets=len(targets), accounts=accounts)
        return PlanResult(targets=len(targets), accounts=accounts)

    async def plan_when_due(self) -> None:
        """`plan()` when the plan interval has passed since the last round; a failure is logged."""
        loop = asyncio.get_running_loop()
        if loop.time() < self._next_plan:
            return
        self._next_plan = loop.time() + self.settings.analytics_plan_interval_seconds
        try:
            await self.plan()
        except Exception:
            log.exception("analytics.plan_failed")

    async def _enqueue(self, body: dict[str, str]) -> None:
        try:
            await self.services.queue.publish(ANALYTICS_COLLECT, body)
        except Exception as exc:  # noqa: BLE001 (the claim's hold brings it back)
            log.warning("analytics.enqueue_failed", error=repr(exc), **body)
