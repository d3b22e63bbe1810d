"""Workspace membership changes that reach live updates.

`member_remove` is the one place a membership ends; the member-management mutations (a later issue:
`workspaceMemberRemove`, leaving a workspace) call it after their own checks.
"""

from __future__ import annotations

from beanie import PydanticObjectId

from app.services import Services
from models.workspace import Workspace


async def member_remove(services: Services, workspace: Workspace, user_id: PydanticObjectId) -> bool:
    """Take the user out of the workspace and end their subscriptions to it in every API process.

    False when they were not a member (nothing is announced then). Authorization (who may remove whom,
    the last owner) is the caller's.
    """
    if not await workspace.remove_member(user_id):
        return False
    await services.live.membership_ended(str(user_id), str(workspace.id))
    return True
