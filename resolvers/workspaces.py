"""Workspaces: creating them and listing the caller's."""

from __future__ import annotations

from models.user import User
from models.workspace import Member, Role, Workspace, is_valid_timezone
from resolvers.codes import WorkspaceErrorCode
from resolvers.errors import Rejected, UserError


def check_workspace_fields(name: str, timezone: str, *, name_field: str = "name") -> list[UserError]:
    """Errors in a workspace's name and time zone."""
    errors = []
    if not name.strip() or len(name) > 100:
        errors.append(
            UserError(
                WorkspaceErrorCode.INVALID_WORKSPACE_NAME,
                "Name the workspace in 1 to 100 characters.",
                (name_field,),
            )
        )
    if not is_valid_timezone(timezone):
        errors.append(
            UserError(
                WorkspaceErrorCode.INVALID_TIMEZONE,
                f"{timezone!r} is not an IANA time zone; use a name like Europe/Paris or America/New_York.",
                ("timezone",),
            )
        )
    return errors


async def workspace_create(user: User, *, name: str, timezone: str | None) -> Workspace:
    """A new workspace owned by the caller."""
    errors = check_workspace_fields(name, timezone or "UTC")
    if errors:
        raise Rejected(errors)
    assert user.id is not None
    workspace = Workspace(
        name=name.strip(), timezone=timezone or "UTC", members=[Member(user_id=user.id, role=Role.OWNER)]
    )
    await workspace.insert()
    return workspace


async def workspaces_of(user: User) -> list[Workspace]:
    assert user.id is not None
    return await Workspace.of_member(user.id)
