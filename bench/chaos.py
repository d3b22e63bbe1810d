"""Crash consistency under a kill storm, with figures (run on demand; the suite runs a short version).

    .venv/bin/python bench/chaos.py [posts] [worker kills] [spread seconds] [schedulers]

Real `herald serve`, `herald scheduler` and two `herald worker post` processes on the default settings
(leases, relay, tick), real RabbitMQ and Redis (RABBITMQ_URL / REDIS_URL or the local defaults, under a
prefix of the run's own), an embedded MongoDB-wire server and a local Bluesky PDS (scripts/install-pds.sh).
Each post has one target on each of two accounts, scheduled over the spread; a worker is SIGKILLed and
replaced at random moments (one that is mid-publish when there is one), and the API (with a request in
flight) and the scheduler once each. Prints targets by status, PDS records, missing and duplicated
PUBLISHED events, posts whose status disagrees with their targets, lateness, takeover time after a kill
and worker start time (exec to consuming). Defaults: 150 posts (300 targets), 20 kills, 60 s; with 0 kills
nothing is killed at all (the baseline). With 2 schedulers (the design allows any number: their claims
are atomic) one of them is killed and the other carries on meanwhile. The latest targets are listed with
the times their events reached the stream, beside the kill times: where the lateness came from.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

from cryptography.fernet import Fernet

from app.embedded import run_secantusd
from app.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the chaos run and the PDS live in tests/
from tests.chaos import ChaosPlan, run_chaos
from tests.services.pds import start_pds


async def main(posts: int, kills: int, spread: float, schedulers: int) -> None:
    with tempfile.TemporaryDirectory() as scratch, run_secantusd(":memory:") as mongodb_url:
        settings = Settings(
            _env_file=None,
            mongodb_url=mongodb_url,
            redis_url=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
            rabbitmq_url=os.environ.get("RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672/"),
            fernet_keys=Fernet.generate_key().decode(),
            media_signing_key="bench-media-signing-key",
            data_dir=Path(scratch) / "var",
        )
        async with start_pds(Path(scratch) / "pds") as pds:
            calm = kills == 0  # 0 kills: the baseline, nothing killed at all
            plan = ChaosPlan(
                posts=posts,
                worker_kills=kills,
                schedulers=schedulers,
                spread_seconds=spread,
                kill_api=not calm,
                kill_scheduler=not calm,
                settle_seconds=300,
            )
            started = time.monotonic()
            report = await run_chaos(plan, settings, pds, f"bench-chaos-{uuid.uuid4().hex[:8]}")
    took = time.monotonic() - started
    print(
        f"seed {plan.seed}: {posts} posts x 2 accounts over {spread:.0f} s, {schedulers} scheduler(s); "
        f"the run took {took:.0f} s"
    )
    print(report.summary())


if __name__ == "__main__":
    arguments = [float(argument) for argument in sys.argv[1:]]
    asyncio.run(
        main(
            int(arguments[0]) if arguments else 150,
            int(arguments[1]) if len(arguments) > 1 else 20,
            arguments[2] if len(arguments) > 2 else 60.0,
            int(arguments[3]) if len(arguments) > 3 else 1,
        )
    )
