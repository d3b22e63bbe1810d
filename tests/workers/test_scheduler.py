"""The scheduler's atomic claims: nothing is queued twice, and nothing lost stays lost.

Times here lie ten years ahead, so the scheduler that other tests keep running (which ticks at the real
now) never touches these targets.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

from beanie import PydanticObjectId

from app.services import Services
from models.clock import utcnow
from models.platform import PlatformName
from models.post import Post
from models.post_target import PostTarget
from models.target_state import PublishError, TargetStatus

LATER = utcnow() + timedelta(days=3650)


async def _targets(count: int, **fields: object) -> list[PostTarget]:
    post = Post(workspace_id=PydanticObjectId(), author_id=PydanticObjectId(), text="scheduled")
    await post.insert()
    assert post.id is not None
    targets = [
        PostTarget(
            workspace_id=post.workspace_id,
            post_id=post.id,
            account_id=PydanticObjectId(),
            platform=PlatformName.BLUESKY,
            **fields,
        )
        for _ in range(count)
    ]
    await PostTarget.insert_many(targets)
    return await PostTarget.of_posts([post.id])


async def test_two_schedulers_claim_each_due_target_once(services: Services) -> None:
    # given 60 due targets, more than one batch
    targets = await _targets(60, status=TargetStatus.SCHEDULED, scheduled_at=LATER)
    ours = {t.id for t in targets}

    # when two schedulers claim at the same moment, round after round, in batches of 20
    claimed: list[PydanticObjectId | None] = []
    for _ in range(4):
        for batch in await asyncio.gather(PostTarget.claim_due(LATER, 20), PostTarget.claim_due(LATER, 20)):
            claimed += [t.id for t in batch if t.id in ours]

    # then every target was claimed by exactly one of them
    assert sorted(map(str, claimed)) == sorted(map(str, ours))
    assert {t.status for t in await PostTarget.of_posts([targets[0].post_id])} == {TargetStatus.QUEUED}


async def test_a_queued_target_nobody_claimed_is_sent_again_once() -> None:
    # given a target queued whose message was lost
    [target] = await _targets(1, status=TargetStatus.QUEUED, due_at=LATER)

    # when the scheduler looks a minute after it was due, twice
    first = await PostTarget.reclaim_unclaimed(LATER + timedelta(seconds=61), timedelta(seconds=60), 500)
    second = await PostTarget.reclaim_unclaimed(LATER + timedelta(seconds=61), timedelta(seconds=60), 500)

    # then it is sent again exactly once (its due time moves to that moment)
    assert target.id in {t.id for t in first}
    assert target.id not in {t.id for t in second}


async def test_an_expired_lease_goes_back_to_the_queue_and_is_reconciled_first() -> None:
    # given a target a vanished worker held
    [target] = await _targets(
        1, status=TargetStatus.PUBLISHING, lease_owner="gone", lease_expires_at=LATER, claims=1, attempts=1
    )

    # when the scheduler sweeps expired leases after it ran out
    released = await PostTarget.release_expired_leases(LATER + timedelta(seconds=1), 500)

    # then it is QUEUED again, the vanished worker can no longer record an outcome,
    # and the next worker's claim knows it must look on the network before publishing
    assert target.id in {t.id for t in released}
    assert await target.mark_failed(PublishError(code="X", message="late", retryable=False)) is False
    assert target.id is not None
    claimed = await PostTarget.claim_for_publish(target.id, "next", timedelta(seconds=30))
    assert claimed is not None and claimed.may_have_reached_network
