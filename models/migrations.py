"""Data migrations: each step runs once per database, when a scheduler starts.

A step must be idempotent (two schedulers starting together may both run it before either records it);
once it finished, its name is stored in the `migrations` collection and later starts skip it with one read
by `_id`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Sequence

import structlog
from pymongo.errors import DuplicateKeyError

from models.clock import utcnow
from models.post import Post

log = structlog.get_logger(__name__)

Step = tuple[str, Callable[[], Awaitable[int]]]

MIGRATIONS: Sequence[Step] = (
    # Posts written before `Post.platforms` and `Post.account_ids` existed are found by the post filters.
    ("2026-12-07-post-routes", Post.backfill_routes),
)


async def migrate(steps: Sequence[Step] = MIGRATIONS) -> list[str]:
    """Run the steps not recorded yet, in order; the names of those that ran."""
    done = Post.get_pymongo_collection().database["migrations"]
    ran: list[str] = []
    for name, step in steps:
        if await done.find_one({"_id": name}) is not None:
            continue
        changed = await step()
        log.info("migration.done", name=name, changed=changed)
        with contextlib.suppress(DuplicateKeyError):  # another scheduler finished it too
            await done.insert_one({"_id": name, "done_at": utcnow()})
        ran.append(name)
    return ran
