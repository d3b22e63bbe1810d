"""One post on one account, and the state machine that takes it to the network exactly once.

    DRAFT → SCHEDULED → QUEUED → PUBLISHING → PUBLISHED | FAILED | UNCONFIRMED
                 ↑         ↑          │
                 │         └──────────┤ transient failure: back to QUEUED, due after a delay
                 └────────────────────┘ rate limited: back to SCHEDULED at the network's reset time
    CANCELLED from DRAFT, SCHEDULED or QUEUED.

Every transition is one conditional atomic update: whoever's condition no longer matches (a second
scheduler, a duplicate delivery, a worker whose lease expired) changes nothing. The same update appends
the event reporting it (and the job that queues it) to the target's outbox (`models.outbox`).
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from beanie import Document, PydanticObjectId
from beanie.odm.queries.update import UpdateResponse
from pydantic import Field
from pymongo import ASCENDING, IndexModel

from integrations.platforms.base import Published
from models.clock import utcnow
from models.outbox import OutboxEntry, event, publish_job, with_outbox
from models.platform import PlatformName
from models.target_state import (
    PLANNED,
    RETRYABLE,
    Outcome,
    PublishError,
    TargetStatus,
    TargetWarning,
    new_idempotency_key,
)


class PostTarget(Document):
    """The post as it goes to one account: its tailored text, its status, and where it landed."""

    workspace_id: PydanticObjectId
    post_id: PydanticObjectId
    account_id: PydanticObjectId
    platform: PlatformName
    text: str | None = None
    media_ids: list[PydanticObjectId] | None = None
    options: dict[str, Any] = Field(default_factory=dict)
    status: TargetStatus = TargetStatus.DRAFT
    scheduled_at: datetime | None = None
    attempts: int = 0
    claims: int = Field(default=0, description="claims by a worker ever; never reset, unlike attempts")
    idempotency_key: str = Field(default_factory=new_idempotency_key)
    claim_id: str | None = None
    due_at: datetime | None = None
    lease_owner: str | None = None
    lease_expires_at: datetime | None = None
    external_id: str | None = None
    external_url: str | None = None
    external_ids: list[str] = Field(
        default_factory=list, description="every post a thread became, the first first; empty for one post"
    )
    published_at: datetime | None = None
    deleted_at: datetime | None = Field(
        default=None, description="when Herald removed the published post from its network"
    )
    last_error: PublishError | None = None
    warnings: list[TargetWarning] = Field(
        default_factory=list, description="what went wrong once it was out (see platforms.base)"
    )
    checkpoint: dict[str, Any] = Field(
        default_factory=dict, description="steps a multi-call publish already took (see platforms.base)"
    )
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    # Reading its numbers back once published (see models.metric_plan): the next reading is due at
    # metrics_next_at (None: not planned yet, metric_plan.NEVER: stopped for good at metrics_stopped_at).
    metrics_next_at: datetime | None = None
    metrics_stopped_at: datetime | None = None
    metrics_claim_id: str | None = None
    metrics_lease_until: datetime | None = None
    metrics_collected_at: datetime | None = None
    metrics_changed_at: datetime | None = None
    metrics_failures: int = 0
    # The outbox (models.outbox): entries still to send, when a relay may take them next, and the relay
    # that holds them (a lease, so one relay sends each entry at a time).
    outbox: list[OutboxEntry] = Field(default_factory=list)
    relay_at: datetime | None = None
    relay_owner: str | None = None
    relay_lease_until: datetime | None = None

    class Settings:
        name = "post_targets"
        indexes = [
            IndexModel([("post_id", ASCENDING)]),
            IndexModel([("account_id", ASCENDING), ("status", ASCENDING)]),
            IndexModel([("status", ASCENDING), ("scheduled_at", ASCENDING)]),
            IndexModel([("status", ASCENDING), ("due_at", ASCENDING)]),
            IndexModel([("status", ASCENDING), ("lease_expires_at", ASCENDING)]),
            IndexModel([("claim_id", ASCENDING)], sparse=True),
            IndexModel([("idempotency_key", ASCENDING)], unique=True),
            IndexModel([("status", ASCENDING), ("metrics_next_at", ASCENDING)]),
            IndexModel([("metrics_claim_id", ASCENDING)], sparse=True),
            IndexModel([("workspace_id", ASCENDING), ("status", ASCENDING), ("published_at", ASCENDING)]),
            IndexModel([("workspace_id", ASCENDING), ("status", ASCENDING), ("scheduled_at", ASCENDING)]),
            IndexModel([("relay_at", ASCENDING)]),
            IndexModel([("relay_owner", ASCENDING)], sparse=True),
        ]

    @classmethod
    async def insert_announced(cls, targets: Sequence[PostTarget]) -> None:
        """Insert new targets, each with the event announcing its first status in its outbox."""
        now = utcnow()
        for target in targets:
            target.outbox, target.relay_at = [event(target.status)], now
        await cls.insert_many(list(targets))

    # --- reads ----------------------------------------------------------------------------------------

    @classmethod
    async def of_posts(cls, post_ids: Sequence[PydanticObjectId]) -> list[PostTarget]:
        """All targets of these posts, in creation order."""
        return await cls.find({"post_id": {"$in": list(post_ids)}}).sort("_id").to_list()

    @property
    def calendar_at(self) -> datetime | None:
        """Where the target sits on a calendar: when it went out once PUBLISHED (what happened), else
        when it is due; None for a DRAFT or a target queued at once (it appears when published)."""
        if self.status is TargetStatus.PUBLISHED:
            return self.published_at
        return self.scheduled_at if self.status in PLANNED else None

    # --- scheduler: batch claims ------------------------------------------------------------------------

    @classmethod
    async def claim_due(cls, now: datetime, limit: int) -> list[PostTarget]:
        """SCHEDULED targets whose time has come, moved to QUEUED; each is claimed by one caller only."""
        return await cls._claim_batch(
            {"status": TargetStatus.SCHEDULED, "scheduled_at": {"$lte": now}}, now, limit, announce=True
        )

    @classmethod
    async def reclaim_unclaimed(cls, now: datetime, grace: timedelta, limit: int) -> list[PostTarget]:
        """QUEUED targets no worker claimed within `grace` of their due time (their message was lost)."""
        return await cls._claim_batch(
            {"status": TargetStatus.QUEUED, "due_at": {"$lt": now - grace}}, now, limit, announce=False
        )

    @classmethod
    async def _claim_batch(
        cls, condition: dict[str, Any], now: datetime, limit: int, *, announce: bool
    ) -> list[PostTarget]:
        # update_many has no limit, so pick the ids first; the status condition is repeated in the update,
        # so when two schedulers pick the same ids each document is stamped by exactly one of them. The
        # job (and the event, when the status changes) go in the same update: a scheduler killed right
        # after it leaves them to the next relay pass, not to the unclaimed sweep.
        picked = await cls.get_pymongo_collection().find(condition, {"_id": 1}).limit(limit).to_list()
        if not picked:
            return []
        claim_id = secrets.token_hex(12)
        entries = [event(TargetStatus.QUEUED), publish_job()] if announce else [publish_job()]
        changes = {
            "status": TargetStatus.QUEUED,
            "claim_id": claim_id,
            "due_at": now,
            "lease_owner": None,
            "lease_expires_at": None,
            "updated_at": now,
        }
        await cls.get_pymongo_collection().update_many(
            {**condition, "_id": {"$in": [doc["_id"] for doc in picked]}},
            with_outbox({"$set": changes}, entries, now),
        )
        return await cls.find({"claim_id": claim_id}).to_list()

    @classmethod
    async def release_expired_leases(cls, now: datetime, limit: int) -> list[PostTarget]:
        """PUBLISHING targets whose worker vanished, back to QUEUED.

        The attempt they were on stays counted, so the next worker reconciles with the network before
        publishing (never-post-twice rule).
        """
        return await cls._claim_batch(
            {"status": TargetStatus.PUBLISHING, "lease_expires_at": {"$lt": now}}, now, limit, announce=True
        )

    # --- worker: one target ---------------------------------------------------------------------------

    @classmethod
    async def claim_for_publish(
        cls, target_id: PydanticObjectId, owner: str, lease: timedelta
    ) -> PostTarget | None:
        """QUEUED → PUBLISHING with a lease; None when the target is not QUEUED (nor PUBLISHING under a
        lease that expired: a redelivered job takes over from a dead worker without waiting for the
        scheduler, and the extra claim makes it look on the network first)."""
        now = utcnow()
        taken_over = {"status": TargetStatus.PUBLISHING, "lease_expires_at": {"$lt": now}}
        update = {
            "$set": {
                "status": TargetStatus.PUBLISHING,
                "lease_owner": owner,
                "lease_expires_at": now + lease,
                "updated_at": now,
            },
            "$inc": {"attempts": 1, "claims": 1},
        }
        found = await cls.find_one(
            {"_id": target_id, "$or": [{"status": TargetStatus.QUEUED}, taken_over]}
        ).update(
            with_outbox(update, [event(TargetStatus.PUBLISHING)], now),
            response_type=UpdateResponse.NEW_DOCUMENT,
        )
        return found if isinstance(found, PostTarget) else None

    @property
    def may_have_reached_network(self) -> bool:
        """Whether an earlier claim may have published already (so the worker must look first)."""
        return self.claims > 1

    async def renew_lease(self, lease: timedelta) -> bool:
        """Push the lease out while a publish runs; False when the lease was lost."""
        now = utcnow()
        result = await self.get_pymongo_collection().update_one(
            self._held(), {"$set": {"lease_expires_at": now + lease, "updated_at": now}}
        )
        return result.modified_count == 1

    async def save_checkpoint(self, data: Mapping[str, Any]) -> bool:
        """Record the steps a publish took so far; False when this worker no longer holds the target."""
        result = await self.get_pymongo_collection().update_one(
            self._held(), {"$set": {"checkpoint": dict(data), "updated_at": utcnow()}}
        )
        if result.modified_count == 1:
            self.checkpoint = dict(data)
        return result.modified_count == 1

    async def mark_published(self, published: Published) -> bool:
        """PUBLISHING → PUBLISHED with where it landed."""
        now = utcnow()
        return await self._finish(
            {
                "status": TargetStatus.PUBLISHED,
                "external_id": published.external_id,
                "external_url": published.url,
                "external_ids": list(published.part_ids),
                "published_at": published.published_at or now,
                "last_error": None,
                "warnings": [
                    TargetWarning(code=w.code, message=w.message).model_dump() for w in published.warnings
                ],
            },
        )

    async def mark_retrying(self, error: PublishError, due_at: datetime, delay_step: int) -> bool:
        """PUBLISHING → QUEUED, due again at `due_at`: the job goes through delay step `delay_step`, whose
        queue brings it back then."""
        return await self._finish(
            {"status": TargetStatus.QUEUED, "due_at": due_at, "last_error": error.model_dump()},
            job=publish_job(delay_step),
        )

    async def mark_rescheduled(self, error: PublishError, at: datetime) -> bool:
        """PUBLISHING → SCHEDULED at the network's reset time; the attempt does not count."""
        return await self._finish(
            {"status": TargetStatus.SCHEDULED, "scheduled_at": at, "last_error": error.model_dump()},
            inc_attempts=-1,
        )

    async def mark_failed(self, error: PublishError, status: TargetStatus = TargetStatus.FAILED) -> bool:
        """PUBLISHING → FAILED (or UNCONFIRMED when nobody can tell whether it went out)."""
        return await self._finish({"status": status, "last_error": error.model_dump()})

    async def mark_deleted(self) -> bool:
        """Record that the published post was removed from its network; False when it already was (or
        is not published). The status stays PUBLISHED: `deleted_at` says it is gone."""
        now = utcnow()
        update = {"$set": {"deleted_at": now, "updated_at": now}}
        found = await self.get_pymongo_collection().find_one_and_update(
            {"_id": self.id, "status": TargetStatus.PUBLISHED, "deleted_at": None},
            with_outbox(update, [event(TargetStatus.PUBLISHED)], now),
            return_document=True,
        )
        if found is None:
            return False
        self.deleted_at, self.updated_at = now, now
        return True

    async def announce_again(self) -> bool:
        """Put the event of the target's current status in its outbox again (the post status sweep's
        repair: relaying it recomputes the post); False when the target changed since it was read."""
        now = utcnow()
        result = await self.get_pymongo_collection().update_one(
            {"_id": self.id, "status": self.status, "updated_at": self.updated_at},
            with_outbox({}, [event(self.status)], now),
        )
        return result.modified_count == 1

    @property
    def published_ids(self) -> list[str]:
        """Every post this target published on its network (one, or each part of a thread)."""
        if self.external_ids:
            return list(self.external_ids)
        return [self.external_id] if self.external_id else []

    def _held(self) -> dict[str, Any]:
        return {"_id": self.id, "status": TargetStatus.PUBLISHING, "lease_owner": self.lease_owner}

    async def _finish(
        self, changes: dict[str, Any], inc_attempts: int = 0, job: OutboxEntry | None = None
    ) -> bool:
        now = utcnow()
        update: dict[str, Any] = {
            "$set": {**changes, "lease_owner": None, "lease_expires_at": None, "updated_at": now}
        }
        if inc_attempts:
            update["$inc"] = {"attempts": inc_attempts}
        entries = [event(changes["status"]), *([job] if job else [])]
        found = await self.get_pymongo_collection().find_one_and_update(
            self._held(), with_outbox(update, entries, now), return_document=True
        )
        if found is None:
            return False
        fresh = type(self).model_validate(found)
        for name in type(self).model_fields:
            setattr(self, name, getattr(fresh, name))
        return True

    # --- API ----------------------------------------------------------------------------------------------

    @classmethod
    async def move(
        cls,
        post_id: PydanticObjectId,
        from_statuses: Sequence[TargetStatus],
        changes: dict[str, Any],
    ) -> list[PostTarget]:
        """Move every target of a post that is in one of `from_statuses`; the targets that moved (a move
        to QUEUED also sends them to the workers)."""
        claim_id, now = secrets.token_hex(12), utcnow()
        status = changes["status"]
        entries = [event(status), *([publish_job()] if status is TargetStatus.QUEUED else [])]
        await cls.get_pymongo_collection().update_many(
            {"post_id": post_id, "status": {"$in": list(from_statuses)}},
            with_outbox({"$set": {**changes, "claim_id": claim_id, "updated_at": now}}, entries, now),
        )
        return await cls.find({"claim_id": claim_id}).to_list()

    @classmethod
    async def retry(cls, target_id: PydanticObjectId) -> PostTarget | None:
        """FAILED/UNCONFIRMED → QUEUED with a fresh set of attempts; None when not in those states."""
        now = utcnow()
        changes = {"status": TargetStatus.QUEUED, "due_at": now, "attempts": 0, "updated_at": now}
        found = await cls.find_one({"_id": target_id, "status": {"$in": list(RETRYABLE)}}).update(
            with_outbox({"$set": changes}, [event(TargetStatus.QUEUED), publish_job()], now),
            response_type=UpdateResponse.NEW_DOCUMENT,
        )
        return found if isinstance(found, PostTarget) else None

    @classmethod
    async def resolve(
        cls, target_id: PydanticObjectId, outcome: Outcome, external_url: str | None
    ) -> PostTarget | None:
        """UNCONFIRMED → PUBLISHED or FAILED, as a person who checked the network says; None when the
        target is not (or no longer) UNCONFIRMED.

        Herald cannot know when it went out, so a target marked published is published "now". One
        marked failed may be retried like any failed target.
        """
        now = utcnow()
        changes: dict[str, Any]
        if outcome is Outcome.PUBLISHED:
            changes = {
                "status": TargetStatus.PUBLISHED,
                "published_at": now,
                "external_url": external_url,
                "last_error": None,
            }
        else:
            error = PublishError(
                code="MARKED_NOT_PUBLISHED",
                message="Someone checked the network and marked this post as not published.",
                retryable=True,
            )
            changes = {"status": TargetStatus.FAILED, "last_error": error.model_dump()}
        found = await cls.find_one({"_id": target_id, "status": TargetStatus.UNCONFIRMED}).update(
            with_outbox({"$set": {**changes, "updated_at": now}}, [event(changes["status"])], now),
            response_type=UpdateResponse.NEW_DOCUMENT,
        )
        return found if isinstance(found, PostTarget) else None
