"""AI usage of a workspace over a period, for its admins."""

from __future__ import annotations

from datetime import datetime

from beanie import PydanticObjectId
from graphql import GraphQLError

from app.auth import require_role
from models.ai_generation import AiGeneration, AiUsageReport
from models.user import User
from models.workspace import Role
from resolvers.access import visible_workspace


async def ai_usage(
    user: User, workspace_id: PydanticObjectId | None, start: datetime, end: datetime
) -> AiUsageReport:
    """Requests and tokens in [start, end); NOT_FOUND for a non-member, FORBIDDEN below ADMIN."""
    workspace = await visible_workspace(user, workspace_id)
    if workspace is None or workspace.id is None:
        raise GraphQLError("No workspace with this id.", extensions={"code": "NOT_FOUND"})
    require_role(workspace, user, Role.ADMIN)
    if start.tzinfo is None or end.tzinfo is None:
        raise GraphQLError(
            "Give `from` and `to` with their UTC offset.", extensions={"code": "BAD_USER_INPUT"}
        )
    if start >= end:
        raise GraphQLError("`from` must be before `to`.", extensions={"code": "BAD_USER_INPUT"})
    return await AiGeneration.usage(workspace.id, start, end)
