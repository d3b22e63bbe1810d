"""PostTarget's transitions hold only for the worker that holds the target."""

from __future__ import annotations

from datetime import timedelta

from beanie import PydanticObjectId

from models.clock import utcnow
from models.platform import PlatformName
from models.post_target import PostTarget
from models.target_state import TargetStatus


async def _queued() -> PostTarget:
    target = PostTarget(
        workspace_id=PydanticObjectId(),
        post_id=PydanticObjectId(),
        account_id=PydanticObjectId(),
        platform=PlatformName.BLUESKY,
        status=TargetStatus.QUEUED,
        due_at=utcnow() + timedelta(days=3650),  # out of reach of the suite's running scheduler
    )
    await target.insert()
    return target


async def test_a_checkpoint_is_kept_by_the_holder_only(services: object) -> None:
    # given a target a worker claimed
    queued = await _queued()
    assert queued.id is not None
    held = await PostTarget.claim_for_publish(queued.id, "first", timedelta(seconds=30))
    assert held is not None

    # when it records a step, then loses the target to another worker
    assert await held.save_checkpoint({"container_id": "c1"}) is True
    await PostTarget.release_expired_leases(utcnow() + timedelta(days=3651), 500)
    taken = await PostTarget.claim_for_publish(queued.id, "second", timedelta(seconds=30))

    # then the next worker resumes from the step, and the first can no longer write
    assert taken is not None
    assert taken.checkpoint == {"container_id": "c1"}
    assert await held.save_checkpoint({"container_id": "c2"}) is False
    assert (await PostTarget.get(queued.id)).checkpoint == {"container_id": "c1"}  # type: ignore[union-attr]
