"""Never twice, nothing lost, under SIGKILL: real processes, real RabbitMQ and Redis, the local PDS.

60 targets on 2 accounts are scheduled over a few seconds while post workers are killed and replaced six
times, the scheduler once and the API once (with a request in flight). Leases are short here so that the
takeovers fit the suite's time; `bench/chaos.py` runs the same on the default settings, longer.
"""

from __future__ import annotations

import uuid

from app.settings import Settings
from models.target_state import TargetStatus
from tests.chaos import ChaosPlan, run_chaos
from tests.services.pds import PdsServer

PLAN_ENV = {
    "WORKER_LEASE_SECONDS": "4",
    "WORKER_LEASE_RENEW_SECONDS": "1",
    "SCHEDULER_TICK_SECONDS": "0.5",
    "OUTBOX_RELAY_INTERVAL_SECONDS": "0.5",
    "WORKER_SHUTDOWN_GRACE_SECONDS": "2",
}


async def test_killed_processes_lose_no_post_no_event_and_publish_nothing_twice(
    settings: Settings, pds: PdsServer, run_prefix: str
) -> None:
    # given Herald's processes publishing 60 scheduled targets
    plan = ChaosPlan(posts=30, accounts=2, workers=2, worker_kills=6, spread_seconds=8, env=PLAN_ENV)

    # when workers, the scheduler and the API are SIGKILLed at random points meanwhile
    report = await run_chaos(plan, settings, pds, f"{run_prefix}-chaos-{uuid.uuid4().hex[:6]}")

    # then every target is PUBLISHED exactly once on the network, its PUBLISHED event is in the stream
    # exactly once, and every post's status is what its targets say
    print(f"seed {plan.seed}\n{report.summary()}")
    assert report.kills == {"worker": 6, "scheduler": 1, "api": 1}
    assert report.targets >= 60
    assert dict(report.by_status) == {TargetStatus.PUBLISHED: report.targets}
    assert report.records == report.targets
    assert (report.not_on_network, report.stray_records) == ([], [])
    assert (report.missing_events, report.duplicate_events) == ([], [])
    assert report.stuck_posts == []
