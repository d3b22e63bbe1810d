"""Metric snapshots: one document per reading of a published post, or of an account's followers.

A reading of a post copies the target's workspace, account, network and publication time, so that every
analytics read is one indexed query on this collection alone. The newest reading of each post (and of
each account) carries `latest: true`; dashboards aggregate over those, history reads over all of them.
A metric the network does not report is stored as null, never as 0.

Indexes: (target_id, latest, collected_at) for a post's latest reading and its history; (account_id,
target_id, latest, collected_at) for an account's; (workspace_id, latest, published_at) for a workspace's
period (overview, heatmap, export; an account's readings are the latest ones without a publication time).
Every query here filters on fields of one index only and never uses `$or`: the embedded server scans
the whole collection otherwise (see bench/analytics_overview.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from beanie import Document, PydanticObjectId
from pydantic import Field
from pymongo import ASCENDING, IndexModel

from models.clock import utcnow
from models.metrics import METRIC_FIELDS, Metrics, MetricValues
from models.platform import PlatformName
from models.post_target import PostTarget
from models.social_account import SocialAccount

HistoryKey = tuple[PydanticObjectId, datetime | None, datetime | None]
"""(target or account id, from, to): one history read, as the DataLoaders batch them."""


class MetricSnapshot(Document, MetricValues):
    """One reading (its metric fields from `MetricValues`). `target_id` None: a reading of the account
    (followers) rather than of a post."""

    workspace_id: PydanticObjectId
    platform: PlatformName
    account_id: PydanticObjectId
    target_id: PydanticObjectId | None = None
    published_at: datetime | None = Field(default=None, description="the post's, for period reads")
    collected_at: datetime = Field(default_factory=utcnow)
    latest: bool = True
    engagement: int | None = Field(default=None, description="likes+reposts+replies+quotes+saves")
    followers: int | None = None

    class Settings:
        name = "metric_snapshots"
        indexes = [
            IndexModel([("target_id", ASCENDING), ("latest", ASCENDING), ("collected_at", ASCENDING)]),
            IndexModel(
                [
                    ("account_id", ASCENDING),
                    ("target_id", ASCENDING),
                    ("latest", ASCENDING),
                    ("collected_at", ASCENDING),
                ]
            ),
            IndexModel([("workspace_id", ASCENDING), ("latest", ASCENDING), ("published_at", ASCENDING)]),
        ]

    def metrics(self) -> Metrics:
        """The post metrics of this reading."""
        return Metrics(**{name: getattr(self, name) for name in METRIC_FIELDS})

    # --- writes ---------------------------------------------------------------------------------------

    @classmethod
    async def record_post(cls, target: PostTarget, metrics: Metrics, at: datetime) -> bool:
        """Store a reading of the target's post as its latest; whether any number changed since the last."""
        assert target.id is not None
        snapshot = cls(
            workspace_id=target.workspace_id,
            platform=target.platform,
            account_id=target.account_id,
            target_id=target.id,
            published_at=target.published_at,
            collected_at=at,
            engagement=metrics.engagement,
            **metrics.as_dict(),
        )
        previous = await cls._replace_latest({"target_id": target.id}, snapshot)
        return previous is None or previous.metrics() != metrics

    @classmethod
    async def record_account(cls, account: SocialAccount, followers: int, at: datetime) -> bool:
        """Store the account's followers as its latest reading; whether they changed since the last."""
        assert account.id is not None
        snapshot = cls(
            workspace_id=account.workspace_id,
            platform=account.platform,
            account_id=account.id,
            collected_at=at,
            followers=followers,
        )
        previous = await cls._replace_latest({"account_id": account.id, "target_id": None}, snapshot)
        return previous is None or previous.followers != followers

    @classmethod
    async def _replace_latest(
        cls, subject: Mapping[str, Any], snapshot: MetricSnapshot
    ) -> MetricSnapshot | None:
        # Insert first, then retire the older latest (by id): a reader in between may count this subject
        # twice for a moment, never lose it. The analytics worker holds a lease per post, so two readings
        # of one post are not written at the same time.
        older = await cls.find({**subject, "latest": True}).sort("-collected_at").to_list()
        await snapshot.insert()
        if older:
            await cls.get_pymongo_collection().update_many(
                {"_id": {"$in": [s.id for s in older]}}, {"$set": {"latest": False}}
            )
        return older[0] if older else None

    @classmethod
    async def forget_targets(cls, target_ids: Sequence[PydanticObjectId]) -> None:
        """Delete every reading of these targets (their post was deleted from Herald)."""
        if target_ids:
            await cls.get_pymongo_collection().delete_many({"target_id": {"$in": list(target_ids)}})

    # --- reads (batched by the DataLoaders) -----------------------------------------------------------

    @classmethod
    async def latest_of_targets(cls, target_ids: Sequence[PydanticObjectId]) -> list[MetricSnapshot | None]:
        """The latest reading of each target, None for one never read."""
        found = await cls.find({"target_id": {"$in": list(target_ids)}, "latest": True}).to_list()
        by_target = {snapshot.target_id: snapshot for snapshot in found}
        return [by_target.get(target_id) for target_id in target_ids]

    @classmethod
    async def target_histories(cls, keys: Sequence[HistoryKey]) -> list[list[MetricSnapshot]]:
        """Each target's readings in [from, to), oldest first (one query per distinct period)."""
        return await cls._histories(keys, "target_id", {})

    @classmethod
    async def follower_histories(cls, keys: Sequence[HistoryKey]) -> list[list[MetricSnapshot]]:
        """Each account's follower readings in [from, to), oldest first."""
        return await cls._histories(keys, "account_id", {"target_id": None})

    @classmethod
    async def _histories(
        cls, keys: Sequence[HistoryKey], subject: str, condition: Mapping[str, Any]
    ) -> list[list[MetricSnapshot]]:
        by_period: dict[tuple[datetime | None, datetime | None], set[PydanticObjectId]] = defaultdict(set)
        for subject_id, start, end in keys:
            by_period[(start, end)].add(subject_id)
        found: dict[HistoryKey, list[MetricSnapshot]] = defaultdict(list)
        for (start, end), ids in by_period.items():
            query: dict[str, Any] = {**condition, subject: {"$in": list(ids)}}
            if start is not None or end is not None:
                query["collected_at"] = {
                    **({"$gte": start} if start is not None else {}),
                    **({"$lt": end} if end is not None else {}),
                }
            for snapshot in await cls.find(query).sort("collected_at").to_list():
                found[(getattr(snapshot, subject), start, end)].append(snapshot)
        return [found.get(key, []) for key in keys]
