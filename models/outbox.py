"""The transactional outbox: what a state change must tell the world, written with the change itself.

A status change of a `PostTarget` and the event (and, for a queued target, the job) that reports it are one
atomic update of the target's document: the entries are pushed to its `outbox` array in the same
conditional update that changes the status. Whatever process dies afterwards, the entries stay until a
relay (`resolvers.post_events`) has sent them and pulled them out, so a committed change is never lost.

Each entry's `id` is fixed here, at write time; together with the target's id it is the key under which
the event bus stores the event at most once, so a relay that dies between sending and pulling only sends
again what the bus then drops.
"""

from __future__ import annotations

import enum
import secrets
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from models.clock import utcnow

POST_PUBLISH = "post.publish"
"""The work queue of the post workers (declared by `app.services.queue_specs`)."""


class OutboxKind(enum.StrEnum):
    EVENT = "EVENT"  # a `post_target.status_changed` event for the workspace's stream
    JOB = "JOB"  # a job for a work queue, sent with the broker's confirm


class OutboxEntry(BaseModel):
    """One thing still to send for the target that holds it."""

    id: str = Field(default_factory=lambda: secrets.token_hex(8))
    kind: OutboxKind
    status: str | None = Field(default=None, description="EVENT: the target status it reports")
    queue: str | None = Field(default=None, description="JOB: the work queue")
    delay_step: int | None = Field(default=None, description="JOB: the retry delay step, None for now")
    written_at: datetime = Field(default_factory=utcnow)


def event(status: str) -> OutboxEntry:
    """The entry announcing that a target is now in `status`."""
    return OutboxEntry(kind=OutboxKind.EVENT, status=str(status))


def publish_job(delay_step: int | None = None) -> OutboxEntry:
    """The entry sending the target to the post workers (now, or after retry delay `delay_step`)."""
    return OutboxEntry(kind=OutboxKind.JOB, queue=POST_PUBLISH, delay_step=delay_step)


def with_outbox(update: dict[str, Any], entries: Sequence[OutboxEntry], now: datetime) -> dict[str, Any]:
    """`update` (a MongoDB update document) that also appends `entries` to the outbox and marks the
    document for the relay; the caller's `$set` and other operators are kept."""
    return {
        **update,
        "$set": {**update.get("$set", {}), "relay_at": now},
        "$push": {"outbox": {"$each": [entry.model_dump() for entry in entries]}},
    }
