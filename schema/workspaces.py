"""Workspaces and their members' roles."""

from __future__ import annotations

from datetime import datetime

import strawberry
from beanie import PydanticObjectId

from app.context import Info
from models.workspace import Role as RoleModel
from models.workspace import Workspace as WorkspaceModel
from resolvers import media as media_use_cases
from resolvers import workspaces as use_cases
from resolvers.codes import WorkspaceErrorCode
from schema.common import UserError, attempt, error_codes, signed_in, typed_errors
from schema.relay import Node, parse_id_of, to_global_id

strawberry.enum(
    RoleModel,
    description="What a member may do: VIEWER reads, EDITOR writes posts, "
    "ADMIN manages accounts and members, OWNER everything.",
)


@strawberry.type(description="What a workspace's media takes up, and what it may.")
class StorageUsage:
    used_bytes: float = strawberry.field(
        description="READY files plus the declared sizes of uploads not completed yet, in bytes "
        "(a Float: GraphQL's Int stops at 2 GiB)."
    )
    limit_bytes: float = strawberry.field(
        description="How many bytes the workspace may store; mediaUploadCreate refuses beyond it."
    )


@strawberry.type(description="A team's space: its accounts, posts and members.")
class Workspace(Node):
    name: str = strawberry.field(description="The workspace's name.")
    timezone: str = strawberry.field(description="IANA time zone used to show and plan times.")
    created_at: datetime = strawberry.field(description="When the workspace was created.")
    viewer_role: RoleModel = strawberry.field(description="The caller's role in this workspace.")

    @strawberry.field(description="The media storage this workspace uses, and its quota.")
    async def storage_usage(self, info: Info) -> StorageUsage:
        workspace_id = parse_id_of("Workspace", self.id)
        assert workspace_id is not None  # built from a stored workspace
        usage = await media_use_cases.storage_usage(info.context.services, workspace_id)
        limit = info.context.services.settings.media_quota_bytes_per_workspace
        return StorageUsage(used_bytes=usage.used_bytes, limit_bytes=limit)

    @classmethod
    def from_model(cls, workspace: WorkspaceModel, user_id: PydanticObjectId) -> Workspace:
        return cls(
            id=to_global_id("Workspace", workspace.id),
            name=workspace.name,
            timezone=workspace.timezone,
            created_at=workspace.created_at,
            viewer_role=workspace.role_of(user_id) or RoleModel.VIEWER,
        )


@strawberry.input(description="A new workspace.")
class WorkspaceCreateInput:
    name: str = strawberry.field(description="1 to 100 characters.")
    timezone: str | None = strawberry.field(default=None, description="IANA time zone; UTC when omitted.")


@strawberry.type(description="A reason workspaceCreate refused.")
class WorkspaceCreateError(UserError):
    code: WorkspaceErrorCode = error_codes(
        "WorkspaceCreateErrorCode", "Why workspaceCreate refused.", WorkspaceErrorCode
    )


@strawberry.type(description="The result of workspaceCreate.")
class WorkspaceCreatePayload:
    workspace: Workspace | None
    user_errors: list[WorkspaceCreateError]


async def workspace_create(info: Info, input: WorkspaceCreateInput) -> WorkspaceCreatePayload:
    user = signed_in(info)
    assert user.id is not None
    created, errors = await attempt(
        use_cases.workspace_create(user, name=input.name, timezone=input.timezone)
    )
    return WorkspaceCreatePayload(
        workspace=Workspace.from_model(created, user.id) if created else None,
        user_errors=typed_errors(WorkspaceCreateError, errors),
    )
