"""Core queries: the signed-in user, nodes, workspaces, accounts and posts."""

from __future__ import annotations

import strawberry

from app.context import Info
from models.social_account import SocialAccount as AccountModel
from resolvers import access
from resolvers import media as media_use_cases
from resolvers import posts as post_use_cases
from resolvers import workspaces as workspace_use_cases
from schema.accounts import SocialAccount
from schema.common import signed_in
from schema.media import MediaAsset
from schema.posts import Post, PostConnection, PostFilter, PostTarget
from schema.relay import Node, page_cursor, parse_global_id, parse_id_of
from schema.users import User
from schema.workspaces import Workspace


@strawberry.type
class CoreQuery:
    """Users, workspaces, accounts and posts."""

    @strawberry.field(description="The signed-in user; null when not signed in.")
    def me(self, info: Info) -> User | None:
        user = info.context.user
        return User.from_model(user) if user else None

    @strawberry.field(description="Any object by its global id; null when missing or not visible.")
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        user = signed_in(info)
        assert user.id is not None
        parsed = parse_global_id(id)
        if parsed is None:
            return None
        type_name, object_id = parsed
        if type_name == "User":
            return User.from_model(user) if object_id == user.id else None
        if type_name == "Workspace":
            found = await access.visible_workspace(user, object_id)
            return Workspace.from_model(found, user.id) if found else None
        if type_name == "Post":
            post = await access.visible_post(user, object_id)
            return Post.from_model(post) if post else None
        if type_name == "PostTarget":
            target = await access.visible_target(user, object_id)
            return PostTarget.from_model(target) if target else None
        if type_name == "SocialAccount":
            account = await access.visible_account(user, object_id)
            return SocialAccount.from_model(account) if account else None
        if type_name == "MediaAsset":
            asset = await media_use_cases.visible_media(user, object_id)
            return MediaAsset.from_model(asset) if asset else None
        return None

    @strawberry.field(description="The workspaces the signed-in user belongs to.")
    async def workspaces(self, info: Info) -> list[Workspace]:
        user = signed_in(info)
        assert user.id is not None
        return [Workspace.from_model(w, user.id) for w in await workspace_use_cases.workspaces_of(user)]

    @strawberry.field(description="One workspace; null when missing or not a member.")
    async def workspace(self, info: Info, id: strawberry.ID) -> Workspace | None:
        user = signed_in(info)
        assert user.id is not None
        found = await access.visible_workspace(user, parse_id_of("Workspace", id))
        return Workspace.from_model(found, user.id) if found else None

    @strawberry.field(description="The workspace's connected accounts, disconnected ones included.")
    async def social_accounts(self, info: Info, workspace_id: strawberry.ID) -> list[SocialAccount]:
        user = signed_in(info)
        found = await access.visible_workspace(user, parse_id_of("Workspace", workspace_id))
        if found is None or found.id is None:
            return []
        return [SocialAccount.from_model(a) for a in await AccountModel.of_workspace(found.id)]

    @strawberry.field(description="The workspace's posts, newest first.")
    async def posts(
        self,
        info: Info,
        workspace_id: strawberry.ID,
        filter: PostFilter | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> PostConnection:
        user = signed_in(info)
        cursor = page_cursor(first, after)
        page = await post_use_cases.posts_page(
            user,
            parse_id_of("Workspace", workspace_id),
            status=filter.status if filter else None,
            first=first,
            after=cursor,
        )
        return PostConnection.of(page, Post.from_model)

    @strawberry.field(description="One post; null when missing or not visible.")
    async def post(self, info: Info, id: strawberry.ID) -> Post | None:
        found = await access.visible_post(signed_in(info), parse_id_of("Post", id))
        return Post.from_model(found) if found else None
