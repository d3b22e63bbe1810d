"""The calendar's read: a workspace's targets in a time window, each at its `PostTarget.calendar_at`."""

from __future__ import annotations

import heapq
from datetime import datetime

from beanie import PydanticObjectId

from models.post_target import PostTarget
from models.target_state import PLANNED, TargetStatus


async def targets_in_window(
    workspace_id: PydanticObjectId, start: datetime, end: datetime, limit: int
) -> list[PostTarget]:
    """The workspace's targets whose calendar time (`calendar_at`) is in [start, end), in time order, at
    most `limit`.

    One indexed range read per status, each over the last field of its index and already in time order,
    merged here: an `$or` over both times, or a `$in` over the statuses, makes the embedded server scan
    the whole collection.
    """
    window = {"$gte": start, "$lt": end}
    reads = [
        PostTarget.find(
            {"workspace_id": workspace_id, "status": TargetStatus.PUBLISHED, "published_at": window}
        )
        .sort("published_at")
        .limit(limit)
    ] + [
        PostTarget.find({"workspace_id": workspace_id, "status": status, "scheduled_at": window})
        .sort("scheduled_at")
        .limit(limit)
        for status in PLANNED
    ]
    found = [await read.to_list() for read in reads]
    return list(heapq.merge(*found, key=lambda target: (target.calendar_at, target.id)))[:limit]
