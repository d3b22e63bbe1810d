"""The plan of metric readings: which published posts and which accounts are due, claimed atomically.

It rides on the documents it plans, beside their publishing state (which it never touches):

- a published, not deleted PostTarget is due when `metrics_next_at` has passed, or has never been set
  (just published: the first reading is a baseline). The scheduler claims due targets in batches by
  pushing `metrics_next_at` out by a hold (a job that gets lost brings its target back after it) and
  stamping a claim id to read them back; the worker then takes a short lease on the target, reads, and
  plans the next reading (`models.metric_cadence`) or stops for good (`metrics_stopped_at`, and the next
  reading `NEVER`).
- an ACTIVE SocialAccount is due when its `metrics_next_at` has passed or was never set; it is read once
  a day.

Kept beside the documents rather than inside them: a second, independent state machine on the same
documents, which only the analytics worker, the scheduler and `postTargetMetricsRefresh` use.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from beanie import PydanticObjectId
from pymongo import ASCENDING, ReturnDocument

from models.post_target import PostTarget
from models.social_account import AccountStatus, SocialAccount
from models.target_state import TargetStatus

NEVER = datetime(9000, 1, 1, tzinfo=UTC)
"""`metrics_next_at` of a post whose readings stopped: a far-future time, because null means "never
planned, read at once", and both must stay on the one (status, metrics_next_at) index."""


# Two conditions rather than one `$or`, both on the (status, metrics_next_at) index: the embedded server
# scans the whole collection for an `$or`, and answers a range on the middle field of a longer compound
# index wrongly. A deleted post is let through here and stopped by the worker's lease, which excludes it.
def _due_targets(now: datetime) -> list[dict[str, Any]]:
    return [
        {"status": TargetStatus.PUBLISHED, "metrics_next_at": None},
        {"status": TargetStatus.PUBLISHED, "metrics_next_at": {"$lte": now}},
    ]


async def claim_due_targets(now: datetime, hold: timedelta, limit: int) -> list[PostTarget]:
    """Published targets due for a reading (never read first), each claimed by one caller only: their next
    time moves `hold` ahead, so a reading whose job was lost is claimed again then."""
    collection = PostTarget.get_pymongo_collection()
    claim_id = secrets.token_hex(12)
    claimed = 0
    for condition in _due_targets(now):
        # update_many has no limit: pick the ids, then repeat the condition in the update so that two
        # schedulers picking the same ids stamp each target once (see PostTarget._claim_batch).
        picked = await collection.find(condition, {"_id": 1}).limit(limit - claimed).to_list()
        if picked:
            result = await collection.update_many(
                {**condition, "_id": {"$in": [doc["_id"] for doc in picked]}},
                {"$set": {"metrics_next_at": now + hold, "metrics_claim_id": claim_id}},
            )
            claimed += result.modified_count
        if claimed >= limit:
            break
    return await PostTarget.find({"metrics_claim_id": claim_id}).to_list() if claimed else []


async def claim_due_account(now: datetime, hold: timedelta) -> SocialAccount | None:
    """One ACTIVE account due for a reading of its followers (never read first), held `hold` ahead."""
    for due in (None, {"$lte": now}):
        found = await SocialAccount.get_pymongo_collection().find_one_and_update(
            {"status": AccountStatus.ACTIVE, "metrics_next_at": due},
            {"$set": {"metrics_next_at": now + hold}},
            sort=[("metrics_next_at", ASCENDING)],
            return_document=ReturnDocument.AFTER,
        )
        if found is not None:
            account: SocialAccount = SocialAccount.model_validate(found)
            return account
    return None


async def lease_target(target_id: PydanticObjectId, now: datetime, lease: timedelta) -> PostTarget | None:
    """The published target, leased to this reader for `lease`; None when it is not published (any
    more), was deleted from its network, or another reader holds it (a duplicate job)."""
    for free in (None, {"$lt": now}):  # never leased, or its lease ran out (no `$or`, see above)
        found = await PostTarget.get_pymongo_collection().find_one_and_update(
            {
                "_id": target_id,
                "status": TargetStatus.PUBLISHED,
                "deleted_at": None,
                "metrics_lease_until": free,
            },
            {"$set": {"metrics_lease_until": now + lease}},
            return_document=ReturnDocument.AFTER,
        )
        if found is not None:
            target: PostTarget = PostTarget.model_validate(found)
            return target
    return None


async def stop_if_deleted(target_id: PydanticObjectId, now: datetime) -> bool:
    """Stop the readings of a target whose post was deleted from its network (the planner let it
    through, see above); False when it was not deleted (another reader holds it, say)."""
    result = await PostTarget.get_pymongo_collection().update_one(
        {"_id": target_id, "deleted_at": {"$ne": None}},
        {"$set": {"metrics_next_at": NEVER, "metrics_stopped_at": now, "metrics_lease_until": None}},
    )
    return result.modified_count == 1


async def plan_target(
    target: PostTarget,
    next_at: datetime | None,
    now: datetime,
    *,
    collected: bool = False,
    changed: bool = False,
    failures: int = 0,
) -> None:
    """Release the lease and plan the next reading at `next_at` (None: stop reading this post).

    `collected` records a reading at `now` (`changed` when its numbers moved); `failures` counts the
    failed readings in a row (0 after a success).
    """
    changes: dict[str, Any] = {
        "metrics_lease_until": None,
        "metrics_next_at": next_at or NEVER,
        "metrics_stopped_at": now if next_at is None else None,
        "metrics_failures": failures,
    }
    if collected:
        changes["metrics_collected_at"] = now
    if changed:
        changes["metrics_changed_at"] = now
    await PostTarget.get_pymongo_collection().update_one({"_id": target.id}, {"$set": changes})
    for name, value in changes.items():
        setattr(target, name, value)


async def plan_account(account: SocialAccount, next_at: datetime) -> None:
    """Read the account's followers next at `next_at`."""
    account.metrics_next_at = next_at
    await SocialAccount.get_pymongo_collection().update_one(
        {"_id": account.id}, {"$set": {"metrics_next_at": next_at}}
    )
