"""Per-request DataLoaders: every nested field that reads MongoDB batches through one of these."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from beanie import Document, PydanticObjectId
from strawberry.dataloader import DataLoader

from models.media_asset import MediaAsset
from models.metric_snapshot import HistoryKey, MetricSnapshot
from models.post import Post
from models.post_target import PostTarget
from models.social_account import SocialAccount
from models.user import User
from models.workspace import Workspace

D = TypeVar("D", bound=Document)


def _by_id(model: type[D]) -> DataLoader[PydanticObjectId, D | None]:
    async def load(ids: Sequence[PydanticObjectId]) -> list[D | None]:
        found = {doc.id: doc for doc in await model.find({"_id": {"$in": list(ids)}}).to_list()}
        return [found.get(i) for i in ids]

    return DataLoader(load_fn=load)


async def _targets_of_posts(post_ids: Sequence[PydanticObjectId]) -> list[list[PostTarget]]:
    grouped: dict[PydanticObjectId, list[PostTarget]] = defaultdict(list)
    for target in await PostTarget.of_posts(post_ids):
        grouped[target.post_id].append(target)
    return [grouped[i] for i in post_ids]


@dataclass
class Loaders:
    """Made fresh for every request, so nothing cached outlives it."""

    user: DataLoader[PydanticObjectId, User | None] = field(default_factory=lambda: _by_id(User))
    workspace: DataLoader[PydanticObjectId, Workspace | None] = field(
        default_factory=lambda: _by_id(Workspace)
    )
    account: DataLoader[PydanticObjectId, SocialAccount | None] = field(
        default_factory=lambda: _by_id(SocialAccount)
    )
    post: DataLoader[PydanticObjectId, Post | None] = field(default_factory=lambda: _by_id(Post))
    post_target: DataLoader[PydanticObjectId, PostTarget | None] = field(
        default_factory=lambda: _by_id(PostTarget)
    )
    targets_of_post: DataLoader[PydanticObjectId, list[PostTarget]] = field(
        default_factory=lambda: DataLoader(load_fn=_targets_of_posts)
    )
    media_asset: DataLoader[PydanticObjectId, MediaAsset | None] = field(
        default_factory=lambda: _by_id(MediaAsset)
    )
    # Analytics: a target's latest reading, a target's readings in a period, an account's followers.
    latest_metrics: DataLoader[PydanticObjectId, MetricSnapshot | None] = field(
        default_factory=lambda: DataLoader(load_fn=MetricSnapshot.latest_of_targets)
    )
    metrics_history: DataLoader[HistoryKey, list[MetricSnapshot]] = field(
        default_factory=lambda: DataLoader(load_fn=MetricSnapshot.target_histories)
    )
    followers_history: DataLoader[HistoryKey, list[MetricSnapshot]] = field(
        default_factory=lambda: DataLoader(load_fn=MetricSnapshot.follower_histories)
    )
