"""Post status subscriptions, over graphql-transport-ws and graphql-ws."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import datetime

import strawberry

from app.context import Info
from models.post import PostStatus as PostStatusModel
from models.target_state import TargetStatus
from resolvers.events import post_status_changes
from resolvers.live import guarded
from schema.common import caller_of, signed_in
from schema.posts import Post, PostTarget
from schema.relay import parse_id_of


@strawberry.type(description="A target of a post changed status.")
class PostStatusChanged:
    event_id: strawberry.ID = strawberry.field(description="Pass as `since` after a reconnect to replay.")
    issued_at: datetime
    target_status: TargetStatus = strawberry.field(description="The status the target moved to.")
    post_status: PostStatusModel = strawberry.field(description="The post's status after the change.")
    post: Post = strawberry.field(description="The post as it is now.")
    target: PostTarget | None = strawberry.field(description="The target as it is now.")


@strawberry.type
class PostSubscription:
    """Live status of posts."""

    @strawberry.subscription(
        description="Status changes of the workspace's posts as they happen; `since` replays what came after "
        "that event first (EVENTS_TOO_OLD when it is no longer kept)."
    )
    async def post_status_changed(
        self, info: Info, workspace_id: strawberry.ID, since: strawberry.ID | None = None
    ) -> AsyncGenerator[PostStatusChanged, None]:
        user = signed_in(info)
        workspace = parse_id_of("Workspace", workspace_id)
        changes = guarded(
            info.context.services,
            caller_of(info),
            user,
            workspace,
            post_status_changes(info.context.services, user, workspace, since),
        )
        async for change in changes:
            info.context.fresh_loaders()
            yield PostStatusChanged(
                event_id=strawberry.ID(change.event.id),
                issued_at=change.event.issued_at,
                target_status=TargetStatus(change.event.payload["status"]),
                post_status=PostStatusModel(change.event.payload["post_status"]),
                post=Post.from_model(change.post),
                target=PostTarget.from_model(change.target) if change.target else None,
            )
