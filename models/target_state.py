"""The words of a target's state: its statuses, the groups of them the rules name, and what is recorded
about an attempt (an error, a warning, the idempotency key). `models.post_target` holds the document and
its transitions."""

from __future__ import annotations

import enum
import secrets
import time

from pydantic import BaseModel


class TargetStatus(enum.StrEnum):
    DRAFT = "DRAFT"
    SCHEDULED = "SCHEDULED"
    QUEUED = "QUEUED"
    PUBLISHING = "PUBLISHING"
    PUBLISHED = "PUBLISHED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"
    UNCONFIRMED = "UNCONFIRMED"


CANCELLABLE = (TargetStatus.DRAFT, TargetStatus.SCHEDULED, TargetStatus.QUEUED)
RETRYABLE = (TargetStatus.FAILED, TargetStatus.UNCONFIRMED)
# On the calendar at their scheduled time; a PUBLISHED target is there at its publish time, a DRAFT not.
PLANNED = (
    TargetStatus.SCHEDULED,
    TargetStatus.QUEUED,
    TargetStatus.PUBLISHING,
    TargetStatus.FAILED,
    TargetStatus.UNCONFIRMED,
    TargetStatus.CANCELLED,
)


class Outcome(enum.StrEnum):
    """What a person found on the network for an UNCONFIRMED target."""

    PUBLISHED = "PUBLISHED"
    FAILED = "FAILED"


class PublishError(BaseModel):
    """Why the last attempt did not publish, in words a user can act on."""

    code: str
    message: str
    retryable: bool


class TargetWarning(BaseModel):
    """Something that went wrong after the target was published (it stays published)."""

    code: str
    message: str


def new_idempotency_key() -> str:
    """16 hex digits of creation time in microseconds, then 16 random hex digits.

    The time prefix lets networks that need time-ordered ids (Bluesky TIDs) derive a sensible one.
    """
    return f"{time.time_ns() // 1000:016x}{secrets.token_hex(8)}"
