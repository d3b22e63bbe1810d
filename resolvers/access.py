"""Finding objects the caller may see: anything outside the caller's workspaces is "not found"."""

from __future__ import annotations

from beanie import PydanticObjectId

from app.auth import require_role
from models.post import Post
from models.post_target import PostTarget
from models.social_account import SocialAccount
from models.user import User
from models.workspace import Role, Workspace
from resolvers.codes import AccessErrorCode
from resolvers.errors import not_found


async def visible_workspace(user: User, workspace_id: PydanticObjectId | None) -> Workspace | None:
    """The workspace when the user is a member of it."""
    if workspace_id is None:
        return None
    workspace = await Workspace.get(workspace_id)
    assert user.id is not None
    return workspace if workspace is not None and workspace.role_of(user.id) is not None else None


async def workspace_for(
    user: User, workspace_id: PydanticObjectId | None, needed: Role, *field: str
) -> Workspace:
    """The workspace, checked for `needed`; "not found" for a non-member, FORBIDDEN for a weaker role."""
    workspace = await visible_workspace(user, workspace_id)
    if workspace is None:
        raise not_found(AccessErrorCode.WORKSPACE_NOT_FOUND, *field)
    require_role(workspace, user, needed)
    return workspace


async def visible_post(user: User, post_id: PydanticObjectId | None) -> Post | None:
    post = await Post.get(post_id) if post_id else None
    if post is None or await visible_workspace(user, post.workspace_id) is None:
        return None
    return post


async def post_for(user: User, post_id: PydanticObjectId | None, needed: Role) -> Post:
    """The post, with the caller's role in its workspace checked for `needed`."""
    post = await visible_post(user, post_id)
    if post is None:
        raise not_found(AccessErrorCode.POST_NOT_FOUND, "id")
    await workspace_for(user, post.workspace_id, needed)
    return post


async def visible_target(user: User, target_id: PydanticObjectId | None) -> PostTarget | None:
    target = await PostTarget.get(target_id) if target_id else None
    if target is None or await visible_workspace(user, target.workspace_id) is None:
        return None
    return target


async def visible_account(user: User, account_id: PydanticObjectId | None) -> SocialAccount | None:
    account = await SocialAccount.get(account_id) if account_id else None
    if account is None or await visible_workspace(user, account.workspace_id) is None:
        return None
    return account
