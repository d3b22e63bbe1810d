"""Live status: the workspace's event stream, turned into fresh post and target reads."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

from beanie import PydanticObjectId
from graphql import GraphQLError

from app.services import Services
from integrations.events import Event, EventTooOld, InvalidEventId
from models.post import Post
from models.post_target import PostTarget
from models.user import User
from resolvers.access import visible_workspace
from resolvers.post_events import TARGET_STATUS_CHANGED


@dataclass(frozen=True, slots=True)
class StatusChange:
    event: Event
    post: Post
    target: PostTarget | None


async def post_status_changes(
    services: Services, user: User, workspace_id: PydanticObjectId | None, since: str | None
) -> AsyncIterator[StatusChange]:
    """Every status change in the workspace from now on (or after `since`), as it happens."""
    workspace = await visible_workspace(user, workspace_id)
    if workspace is None:
        raise GraphQLError("No workspace with this id.", extensions={"code": "NOT_FOUND"})
    try:
        async for event in services.events.subscribe(str(workspace.id), since):
            if event.type != TARGET_STATUS_CHANGED:
                continue
            # Read fresh documents, not through the connection's DataLoaders: they would cache the
            # first state they saw for as long as the websocket stays open.
            post = await Post.get(PydanticObjectId(str(event.payload["post_id"])))
            if post is None:
                continue
            target = await PostTarget.get(PydanticObjectId(str(event.payload["target_id"])))
            yield StatusChange(event=event, post=post, target=target)
    except EventTooOld:
        raise GraphQLError(
            "Events after this id are no longer kept; reload the posts and subscribe without `since`.",
            extensions={"code": "EVENTS_TOO_OLD"},
        ) from None
    except InvalidEventId:
        raise GraphQLError("`since` is not an event id.", extensions={"code": "BAD_USER_INPUT"}) from None
