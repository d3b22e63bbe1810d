"""Media assets: files a workspace uploaded, what Herald found them to be, and what it derived from them.

    PENDING_UPLOAD → READY | REJECTED

An asset is created PENDING_UPLOAD with what the client *claimed* (filename, content type, size), gets
its bytes from the client straight into storage, and becomes READY with what Herald *detected* from the
bytes, or REJECTED with a reason. Each transition is one conditional update on the status, so two
completions of the same upload cannot both win.

Storage keys hang under one prefix per asset (`{workspace}/{asset}/`): `upload` (where the client
writes), `original` (the checked bytes, promoted from `upload`), and one key per derived variant.
Deleting the prefix deletes everything; variants are derived data and never outlive their asset.
Assets that never became READY (abandoned uploads, rejected files) are swept within the hour after they
were created (`models/media_files.sweep_stale`, run by the scheduler).

A workspace's storage is counted by one aggregate over its assets (`storage_usage`, on the
`(workspace_id, status)` index): READY files by their size, pending uploads by the size they declared,
so a grant reserves its space before any byte arrives. The upload use case inserts the grant first and
counts after, so of two racing grants the later count always sees the other (see `resolvers/media.py`).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from beanie import Document, PydanticObjectId
from pydantic import BaseModel, Field
from pymongo import ASCENDING, DESCENDING, IndexModel

from integrations.platforms.base import MediaFacts, ReadMedia
from models.clock import utcnow
from models.paging import Page, newest_first
from models.platform import MediaKind
from models.post import Post
from models.post_target import PostTarget
from models.target_state import TargetStatus


class MediaStatus(enum.StrEnum):
    PENDING_UPLOAD = "PENDING_UPLOAD"
    READY = "READY"
    REJECTED = "REJECTED"


# Assets that can never be attached: the orphan sweep removes them after a while.
UNUSABLE = (MediaStatus.PENDING_UPLOAD, MediaStatus.REJECTED)
# Assets that take up a workspace's storage: READY files, and uploads that may still become READY.
COUNTED = (MediaStatus.PENDING_UPLOAD, MediaStatus.READY)


@dataclass(frozen=True, slots=True)
class StorageUsage:
    """What a workspace's media takes up."""

    # READY files' sizes plus pending uploads' declared sizes.
    used_bytes: int = 0
    # READY files only.
    ready_bytes: int = 0
    # Pending uploads asked for since the `live_since` given to `storage_usage` (their URLs still work).
    live_grants: int = 0


class Variant(BaseModel):
    """A file derived from the original (a thumbnail, a Bluesky JPEG, a video poster)."""

    key: str
    content_type: str
    width: int
    height: int
    bytes: int


class Detected(BaseModel):
    """What the bytes turned out to be."""

    kind: MediaKind
    content_type: str
    byte_size: int
    width: int
    height: int
    sha256: str
    duration_seconds: float | None = None
    video_codec: str | None = None


class MediaAsset(Document):
    """One uploaded file of a workspace."""

    workspace_id: PydanticObjectId
    uploader_id: PydanticObjectId
    filename: str
    claimed_content_type: str
    declared_bytes: int
    # The claimed kind until the file is checked, the detected one after.
    kind: MediaKind
    status: MediaStatus = MediaStatus.PENDING_UPLOAD
    content_type: str | None = None
    byte_size: int | None = None
    width: int | None = None
    height: int | None = None
    duration_seconds: float | None = None
    video_codec: str | None = None
    sha256: str | None = None
    alt_text: str | None = None
    rejection_code: str | None = None
    rejection_reason: str | None = None
    # Held while one request checks the upload, so a second completion waits instead of racing it.
    checking_until: datetime | None = None
    variants: dict[str, Variant] = Field(default_factory=dict)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "media_assets"
        indexes = [
            IndexModel([("workspace_id", ASCENDING), ("_id", DESCENDING)]),
            IndexModel(
                [("workspace_id", ASCENDING), ("kind", ASCENDING), ("status", ASCENDING), ("_id", DESCENDING)]
            ),
            IndexModel([("status", ASCENDING), ("created_at", ASCENDING)]),
            IndexModel([("workspace_id", ASCENDING), ("status", ASCENDING)]),
        ]

    # --- keys -----------------------------------------------------------------------------------------

    @property
    def prefix(self) -> str:
        """The storage prefix every file of this asset lives under."""
        return f"{self.workspace_id}/{self.id}/"

    @property
    def upload_key(self) -> str:
        """Where the client's upload URL writes."""
        return f"{self.prefix}upload"

    @property
    def original_key(self) -> str:
        """The checked bytes (READY assets only)."""
        return f"{self.prefix}original"

    def variant_key(self, name: str) -> str:
        """Where a variant called `name` is stored."""
        return f"{self.prefix}{name}.jpg"

    def facts(self, *, url: str | None = None, read: ReadMedia | None = None) -> MediaFacts:
        """What a network's rules need to know about this (READY) asset, and, when publishing, how to
        get its bytes (see `MediaFacts`)."""
        assert self.content_type is not None and self.byte_size is not None, "only READY assets have facts"
        return MediaFacts(
            kind=self.kind,
            content_type=self.content_type,
            byte_size=self.byte_size,
            width=self.width,
            height=self.height,
            duration_seconds=self.duration_seconds,
            alt_text=self.alt_text,
            url=url,
            read=read,
        )

    # --- reads ----------------------------------------------------------------------------------------

    @classmethod
    async def library_page(
        cls,
        workspace_id: PydanticObjectId,
        *,
        kind: MediaKind | None,
        status: MediaStatus | None,
        first: int,
        after: PydanticObjectId | None,
    ) -> Page[MediaAsset]:
        """The workspace's library, newest first, optionally of one kind and status."""
        query: dict[str, Any] = {"workspace_id": workspace_id}
        if kind is not None:
            query["kind"] = kind
        if status is not None:
            query["status"] = status
        return await newest_first(cls, query, first=first, after=after)

    async def in_use(self) -> bool:
        """Whether a post that may still publish, or has published, attaches this asset.

        Used means: some target that is not CANCELLED or FAILED belongs to a post that lists the asset
        (in its media or a thread part's), or lists it itself. Drafts count (they can be scheduled any
        time), published posts count (they are the record of what went out), and a FAILED target does
        not: retrying it checks its media again and refuses a deleted asset with MEDIA_NOT_FOUND. A
        target's own media replaces the post's, but the post's list still counts: never delete too much.
        """
        live = {"$nin": [TargetStatus.CANCELLED, TargetStatus.FAILED]}
        posts = Post.get_pymongo_collection().find(
            {
                "workspace_id": self.workspace_id,
                "$or": [{"media_ids": self.id}, {"thread.media_ids": self.id}],
            },
            {"_id": 1},
        )
        post_ids = [doc["_id"] async for doc in posts]
        used = await PostTarget.find_one(
            {"status": live, "$or": [{"post_id": {"$in": post_ids}}, {"media_ids": self.id}]}
        )
        return used is not None

    @classmethod
    async def storage_usage(cls, workspace_id: PydanticObjectId, live_since: datetime) -> StorageUsage:
        """The workspace's storage use (one aggregate over the `(workspace_id, status)` index)."""
        ready = {"$eq": ["$status", MediaStatus.READY]}
        live = {
            "$and": [{"$eq": ["$status", MediaStatus.PENDING_UPLOAD]}, {"$gte": ["$created_at", live_since]}]
        }
        pipeline: list[dict[str, Any]] = [
            {"$match": {"workspace_id": workspace_id, "status": {"$in": list(COUNTED)}}},
            {
                "$group": {
                    "_id": None,
                    "used_bytes": {"$sum": {"$cond": [ready, "$byte_size", "$declared_bytes"]}},
                    "ready_bytes": {"$sum": {"$cond": [ready, "$byte_size", 0]}},
                    "live_grants": {"$sum": {"$cond": [live, 1, 0]}},
                }
            },
        ]
        rows = await cls.aggregate(pipeline).to_list()
        if not rows:
            return StorageUsage()
        row = rows[0]
        return StorageUsage(
            used_bytes=int(row["used_bytes"]),
            ready_bytes=int(row["ready_bytes"]),
            live_grants=row["live_grants"],
        )

    @classmethod
    async def stale(cls, before: datetime, limit: int) -> list[MediaAsset]:
        """Assets created before `before` that never became READY (never completed, or rejected) and
        that no completion is checking right now."""
        query = {"status": {"$in": list(UNUSABLE)}, "created_at": {"$lt": before}, **_not_checking()}
        return await cls.find(query).sort("created_at").limit(limit).to_list()

    # --- transitions ----------------------------------------------------------------------------------

    async def mark_ready(self, detected: Detected, variants: dict[str, Variant]) -> bool:
        """PENDING_UPLOAD → READY with what the bytes are; False when it was no longer pending."""
        return await self._transition(
            MediaStatus.PENDING_UPLOAD,
            {
                "status": MediaStatus.READY,
                **detected.model_dump(),
                "variants": {name: v.model_dump() for name, v in variants.items()},
            },
        )

    async def claim_check(self, lease: timedelta) -> bool:
        """Take the right to check this upload for `lease`; False when it is not pending or taken."""
        now = utcnow()
        result = await self.get_pymongo_collection().update_one(
            {
                "_id": self.id,
                "status": MediaStatus.PENDING_UPLOAD,
                "$or": [{"checking_until": None}, {"checking_until": {"$lt": now}}],
            },
            {"$set": {"checking_until": now + lease, "updated_at": now}},
        )
        return result.modified_count == 1

    async def release_check(self) -> None:
        """Give the right to check back (the upload was not there yet)."""
        await self.get_pymongo_collection().update_one(
            {"_id": self.id, "status": MediaStatus.PENDING_UPLOAD}, {"$set": {"checking_until": None}}
        )

    async def mark_rejected(self, code: str, reason: str) -> bool:
        """PENDING_UPLOAD → REJECTED with a reason; False when it was no longer pending."""
        return await self._transition(
            MediaStatus.PENDING_UPLOAD,
            {"status": MediaStatus.REJECTED, "rejection_code": code, "rejection_reason": reason},
        )

    async def set_alt_text(self, alt_text: str | None) -> None:
        """Describe the asset for people who cannot see it (None clears it)."""
        self.alt_text, self.updated_at = alt_text, utcnow()
        await self.set({"alt_text": alt_text, "updated_at": self.updated_at})

    async def record_variant(self, name: str, variant: Variant) -> None:
        """Remember a variant made on demand (only on a READY asset: a deleted one stays deleted)."""
        self.variants[name] = variant
        await self.get_pymongo_collection().update_one(
            {"_id": self.id, "status": MediaStatus.READY},
            {"$set": {f"variants.{name}": variant.model_dump(), "updated_at": utcnow()}},
        )

    async def delete_if_stale(self, created_before: datetime) -> bool:
        """Delete this document if it still never became READY; whether it was deleted."""
        result = await self.get_pymongo_collection().delete_one(
            {
                "_id": self.id,
                "status": {"$in": list(UNUSABLE)},
                "created_at": {"$lt": created_before},
                **_not_checking(),
            }
        )
        return result.deleted_count == 1

    async def delete_grant(self) -> None:
        """Take back an upload grant nobody has used (it did not fit the workspace's limits)."""
        await self.get_pymongo_collection().delete_one({"_id": self.id, "status": MediaStatus.PENDING_UPLOAD})

    async def _transition(self, expected: MediaStatus, changes: dict[str, Any]) -> bool:
        now = utcnow()
        found = await self.get_pymongo_collection().find_one_and_update(
            {"_id": self.id, "status": expected},
            {"$set": {**changes, "updated_at": now}},
            return_document=True,
        )
        if found is None:
            return False
        fresh = type(self).model_validate(found)
        for name in type(self).model_fields:
            setattr(self, name, getattr(fresh, name))
        return True


def _not_checking() -> dict[str, Any]:
    # A completion holds `checking_until` while it reads the bytes: the sweep leaves the asset to it.
    return {"$or": [{"checking_until": None}, {"checking_until": {"$lt": utcnow()}}]}
