"""Posts: what a team writes once and sends to several networks (one `PostTarget` per account)."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from beanie import Document, PydanticObjectId
from pydantic import BaseModel, Field
from pymongo import ASCENDING, DESCENDING, IndexModel

from models.clock import utcnow
from models.paging import Page, newest_first
from models.platform import PlatformName
from models.post_target import PostTarget
from models.target_state import TargetStatus

SYNC_ROUNDS = 5  # compare-and-set rounds before giving up to the next relay pass or the sweep


class PostStatus(enum.StrEnum):
    """A summary of the post's targets, stored so that posts can be filtered by it."""

    DRAFT = "DRAFT"
    SCHEDULED = "SCHEDULED"
    PUBLISHING = "PUBLISHING"
    PUBLISHED = "PUBLISHED"
    PARTIALLY_PUBLISHED = "PARTIALLY_PUBLISHED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"


class ThreadPart(BaseModel):
    """A further part after the post's own text, published as a reply chain where the network has one."""

    text: str
    media_ids: list[PydanticObjectId] = Field(default_factory=list)


class Post(Document):
    """The text and media a team wrote, and when it should go out."""

    workspace_id: PydanticObjectId
    author_id: PydanticObjectId
    text: str
    media_ids: list[PydanticObjectId] = Field(default_factory=list)
    thread: list[ThreadPart] = Field(default_factory=list)
    scheduled_at: datetime | None = None
    timezone: str = "UTC"
    status: PostStatus = PostStatus.DRAFT
    # Where the post goes, copied from its targets (`route_to`) so that one indexed query over posts can
    # filter by network or account: a join through post_targets would break keyset paging over posts.
    platforms: list[PlatformName] = Field(default_factory=list)
    account_ids: list[PydanticObjectId] = Field(default_factory=list)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "posts"
        indexes = [
            IndexModel([("workspace_id", ASCENDING), ("_id", DESCENDING)]),
            IndexModel([("workspace_id", ASCENDING), ("status", ASCENDING), ("_id", DESCENDING)]),
            # One index per filter a listing combines (an array field each: two cannot share an index).
            IndexModel([("workspace_id", ASCENDING), ("platforms", ASCENDING), ("_id", DESCENDING)]),
            IndexModel(
                [
                    ("workspace_id", ASCENDING),
                    ("platforms", ASCENDING),
                    ("status", ASCENDING),
                    ("_id", DESCENDING),
                ]
            ),
            IndexModel([("workspace_id", ASCENDING), ("account_ids", ASCENDING), ("_id", DESCENDING)]),
            IndexModel(
                [
                    ("workspace_id", ASCENDING),
                    ("account_ids", ASCENDING),
                    ("status", ASCENDING),
                    ("_id", DESCENDING),
                ]
            ),
            IndexModel([("status", ASCENDING), ("_id", ASCENDING)]),
        ]

    @classmethod
    async def workspace_page(
        cls,
        workspace_id: PydanticObjectId,
        *,
        status: PostStatus | None,
        first: int,
        after: PydanticObjectId | None,
        platform: PlatformName | None = None,
        account_id: PydanticObjectId | None = None,
    ) -> Page[Post]:
        """The workspace's posts, newest first, optionally with one status and going to one network or
        one account (a post matches when any of its targets does).

        An account belongs to one network, so the caller asks for the account alone (never both): each
        combination then has an index of its own in `Settings.indexes`.
        """
        query: dict[str, Any] = {"workspace_id": workspace_id}
        if account_id is not None:
            query["account_ids"] = account_id
        elif platform is not None:
            query["platforms"] = platform
        if status is not None:
            query["status"] = status
        return await newest_first(cls, query, first=first, after=after)

    async def route_to(self, targets: Iterable[PostTarget]) -> None:
        """Store the networks and accounts of the post's targets (call after every change of them)."""
        targets = list(targets)
        self.platforms = sorted({t.platform for t in targets})
        self.account_ids = sorted({t.account_id for t in targets})
        await self.set({"platforms": self.platforms, "account_ids": self.account_ids})

    @classmethod
    async def backfill_routes(cls, batch: int = 500) -> int:
        """Copy the networks and accounts of their targets onto posts stored before `route_to` existed;
        how many were filled. Idempotent: a post that has them is never read again."""
        filled = 0
        while True:
            posts = await cls.find({"platforms": {"$exists": False}}).sort("_id").limit(batch).to_list()
            if not posts:
                return filled
            targets: dict[PydanticObjectId, list[PostTarget]] = {p.id: [] for p in posts if p.id}
            for target in await PostTarget.of_posts(list(targets)):
                targets[target.post_id].append(target)
            for post in posts:
                assert post.id is not None
                await post.route_to(targets[post.id])
            filled += len(posts)

    @classmethod
    async def sync_status(cls, post_id: PydanticObjectId) -> PostStatus | None:
        """Store the summary of the post's targets as they are now; the stored status (None: no post).

        Compare-and-set, re-read until stable: two relays that read the targets at different moments
        cannot leave the older summary behind, because each writes only over the status it read and
        then reads the targets again.
        """
        collection = cls.get_pymongo_collection()
        status: PostStatus | None = None
        for _ in range(SYNC_ROUNDS):
            found = await collection.find_one({"_id": post_id}, {"status": 1})
            if found is None:
                return None
            targets = PostTarget.get_pymongo_collection().find({"post_id": post_id}, {"status": 1})
            status = summarize([TargetStatus(target["status"]) async for target in targets])
            if found["status"] == status:
                return status
            stored = {"$set": {"status": status, "updated_at": utcnow()}}
            await collection.update_one({"_id": post_id, "status": found["status"]}, stored)
        return status

    @classmethod
    async def in_progress(cls, after: PydanticObjectId | None, limit: int) -> list[Post]:
        """Posts SCHEDULED or PUBLISHING (the summaries that must move on), in id order after `after`:
        what the status sweep compares with their targets, a page at a time."""
        condition: dict[str, object] = {"status": {"$in": [PostStatus.SCHEDULED, PostStatus.PUBLISHING]}}
        if after is not None:
            condition["_id"] = {"$gt": after}
        return await cls.find(condition).sort("_id").limit(limit).to_list()


def summarize(statuses: Iterable[TargetStatus]) -> PostStatus:
    """The post's status from its targets' statuses."""
    active = set(statuses) - {TargetStatus.CANCELLED}
    if not active:
        return PostStatus.CANCELLED
    if active & {TargetStatus.QUEUED, TargetStatus.PUBLISHING}:
        return PostStatus.PUBLISHING
    if active == {TargetStatus.PUBLISHED}:
        return PostStatus.PUBLISHED
    if active == {TargetStatus.DRAFT}:
        return PostStatus.DRAFT
    if TargetStatus.SCHEDULED in active:
        return PostStatus.SCHEDULED
    if TargetStatus.PUBLISHED in active:
        return PostStatus.PARTIALLY_PUBLISHED
    return PostStatus.FAILED
