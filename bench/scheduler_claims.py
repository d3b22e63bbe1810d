"""How fast the scheduler moves due targets on the embedded MongoDB-wire server (run on demand).

    .venv/bin/python bench/scheduler_claims.py [targets] [batch]

Prints the time to insert the targets, and the time per batch claim (pick ids, conditional update_many,
read back by claim id) until every target is QUEUED.
"""

from __future__ import annotations

import asyncio
import sys
import time
from datetime import timedelta

from beanie import PydanticObjectId, init_beanie
from pymongo import AsyncMongoClient

from app.embedded import run_secantusd
from models.clock import utcnow
from models.documents import DOCUMENT_MODELS
from models.platform import PlatformName
from models.post_target import PostTarget
from models.target_state import TargetStatus


async def main(count: int, batch: int) -> None:
    with run_secantusd(":memory:") as url:
        client: AsyncMongoClient[dict[str, object]] = AsyncMongoClient(url, tz_aware=True)
        await init_beanie(database=client.bench, document_models=DOCUMENT_MODELS)
        due = utcnow() - timedelta(seconds=1)
        post_id, workspace_id = PydanticObjectId(), PydanticObjectId()
        started = time.perf_counter()
        for offset in range(0, count, 500):
            await PostTarget.insert_many(
                [
                    PostTarget(
                        workspace_id=workspace_id,
                        post_id=post_id,
                        account_id=PydanticObjectId(),
                        platform=PlatformName.BLUESKY,
                        status=TargetStatus.SCHEDULED,
                        scheduled_at=due,
                    )
                    for _ in range(min(500, count - offset))
                ]
            )
        inserted = time.perf_counter() - started
        rounds: list[float] = []
        while True:
            started = time.perf_counter()
            claimed = await PostTarget.claim_due(utcnow(), batch)
            if not claimed:
                break
            rounds.append(time.perf_counter() - started)
        await client.close()
    print(f"inserted {count} targets in {inserted:.2f} s ({count / inserted:.0f}/s)")
    print(
        f"claimed them in {len(rounds)} batches of {batch}: {sum(rounds):.2f} s in all, "
        f"{1000 * sum(rounds) / len(rounds):.0f} ms per batch, {count / sum(rounds):.0f} targets/s"
    )


if __name__ == "__main__":
    asyncio.run(
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 2_000, int(sys.argv[2]) if len(sys.argv) > 2 else 200)
    )
