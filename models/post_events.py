"""Announcing status changes: MongoDB is written first, then the change is published as an event."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import structlog
from beanie import PydanticObjectId

from integrations.events import EventBus
from models.post import Post
from models.post_target import PostTarget

log = structlog.get_logger(__name__)

TARGET_STATUS_CHANGED = "post_target.status_changed"


async def announce(events: EventBus, targets: Sequence[PostTarget]) -> None:
    """Refresh the status of each affected post, then publish one event per changed target.

    A failed publish is logged, not raised: the change is already stored and a reconnecting client reads
    it from the API, so the event bus being down must not undo or fail the write before it.
    """
    by_post: dict[PydanticObjectId, list[PostTarget]] = defaultdict(list)
    for target in targets:
        by_post[target.post_id].append(target)
    for post_id, changed in by_post.items():
        post = await Post.get(post_id)
        if post is None:
            continue
        siblings = await PostTarget.of_posts([post_id])
        post_status = await post.refresh_status(target.status for target in siblings)
        for target in changed:
            payload = {
                "post_id": str(post_id),
                "target_id": str(target.id),
                "status": str(target.status),
                "post_status": str(post_status),
            }
            try:
                await events.publish(str(target.workspace_id), TARGET_STATUS_CHANGED, payload)
            except Exception as exc:  # noqa: BLE001 (see the docstring)
                log.warning("post.event.publish_failed", target_id=str(target.id), error=repr(exc))
