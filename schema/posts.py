"""Posts and their per-account targets, as clients read them."""

from __future__ import annotations

from datetime import datetime

import strawberry
from beanie import PydanticObjectId

from app.context import Info
from models.platform import PlatformName
from models.post import Post as PostModel
from models.post import PostStatus as PostStatusModel
from models.post_target import PostTarget as PostTargetModel
from models.target_state import TargetStatus
from schema import metrics as metric_fields
from schema.accounts import SocialAccount
from schema.media import MediaAsset, media_of
from schema.relay import Connection, Node, to_global_id
from schema.users import User
from schema.workspaces import Workspace

strawberry.enum(
    PostStatusModel,
    description="A summary of the post's targets: PARTIALLY_PUBLISHED when some published and some failed.",
)
strawberry.enum(
    TargetStatus,
    name="PostTargetStatus",
    description="DRAFT → SCHEDULED → QUEUED → PUBLISHING → PUBLISHED | FAILED | CANCELLED; UNCONFIRMED when "
    "Herald cannot tell whether the network published it (it never guesses by publishing again).",
)


@strawberry.type(description="Why the last attempt to publish a target did not succeed.")
class PublishError:
    code: str = strawberry.field(description="Stable code, e.g. AUTH_EXPIRED, RATE_LIMITED, INVALID_CONTENT.")
    message: str = strawberry.field(description="What happened and what to do, in words.")
    retryable: bool = strawberry.field(description="Whether Herald will (or a retry could) try again.")


@strawberry.type(description="Something that went wrong once a target was published; it stays published.")
class PostTargetWarning:
    code: str = strawberry.field(description="Stable code, e.g. FIRST_COMMENT_FAILED.")
    message: str = strawberry.field(description="What did not happen, and why, in words.")


@strawberry.type(description="A further part of a thread, published as a reply to the part before it.")
class ThreadPart:
    text: str
    media_ids: strawberry.Private[list[PydanticObjectId]]

    @strawberry.field(description="The files this part attaches.")
    async def media(self, info: Info) -> list[MediaAsset]:
        return await media_of(info, self.media_ids)


@strawberry.type(description="A post as it goes to one account.")
class PostTarget(Node):
    platform: PlatformName
    status: TargetStatus
    scheduled_at: datetime | None = strawberry.field(description="When it is due (UTC).")
    published_at: datetime | None = strawberry.field(description="When the network published it.")
    deleted_at: datetime | None = strawberry.field(
        description="When Herald removed the published post (every part of a thread) from its network "
        "(postTargetDelete); the status stays PUBLISHED."
    )
    external_id: str | None = strawberry.field(description="The network's id (an at:// URI on Bluesky).")
    external_url: str | None = strawberry.field(description="A link to the published post.")
    attempts: int = strawberry.field(description="Publish attempts so far (rate-limit waits do not count).")
    last_error: PublishError | None = strawberry.field(description="Why the last attempt failed, if it did.")
    model: strawberry.Private[PostTargetModel]

    @classmethod
    def from_model(cls, target: PostTargetModel) -> PostTarget:
        error = target.last_error
        return cls(
            id=to_global_id("PostTarget", target.id),
            platform=target.platform,
            status=target.status,
            scheduled_at=target.scheduled_at,
            published_at=target.published_at,
            deleted_at=target.deleted_at,
            external_id=target.external_id,
            external_url=target.external_url,
            attempts=target.attempts,
            last_error=PublishError(code=error.code, message=error.message, retryable=error.retryable)
            if error
            else None,
            model=target,
        )

    @strawberry.field(description="The text this target publishes: its own, or the post's.")
    async def text(self, info: Info) -> str:
        if self.model.text is not None:
            return self.model.text
        post = await info.context.loaders.post.load(self.model.post_id)
        return post.text if post else ""

    @strawberry.field(
        description="What went wrong after the target was published (a first comment the network "
        "refused); the post itself stays published."
    )
    def warnings(self) -> list[PostTargetWarning]:
        return [PostTargetWarning(code=w.code, message=w.message) for w in self.model.warnings]

    @strawberry.field(description="The post this target belongs to.")
    async def post(self, info: Info) -> Post:
        post = await info.context.loaders.post.load(self.model.post_id)
        assert post is not None, "a target never outlives its post"
        return Post.from_model(post)

    @strawberry.field(description="The files this target publishes: its own, or the post's.")
    async def media(self, info: Info) -> list[MediaAsset]:
        if self.model.media_ids is not None:
            return await media_of(info, self.model.media_ids)
        post = await info.context.loaders.post.load(self.model.post_id)
        return await media_of(info, post.media_ids) if post else []

    metrics = strawberry.field(
        resolver=metric_fields.target_metrics,
        description="Its latest numbers once published; null until Herald first read them.",
    )
    metrics_history = strawberry.field(
        resolver=metric_fields.target_metrics_history,
        description="Every reading of its numbers in [from, to), oldest first.",
    )

    @strawberry.field(description="The account it publishes to.")
    async def account(self, info: Info) -> SocialAccount:
        account = await info.context.loaders.account.load(self.model.account_id)
        assert account is not None, "accounts are disconnected, never deleted"
        return SocialAccount.from_model(account)


@strawberry.type(description="What a team wrote once, to publish to several accounts.")
class Post(Node):
    text: str = strawberry.field(description="The text every target uses unless it has its own.")
    thread: list[ThreadPart] = strawberry.field(description="Further parts, published as replies.")
    status: PostStatusModel
    scheduled_at: datetime | None = strawberry.field(description="When it is due (UTC).")
    timezone: str = strawberry.field(description="The IANA time zone it was scheduled in.")
    created_at: datetime
    updated_at: datetime
    model: strawberry.Private[PostModel]

    @classmethod
    def from_model(cls, post: PostModel) -> Post:
        return cls(
            id=to_global_id("Post", post.id),
            text=post.text,
            thread=[ThreadPart(text=part.text, media_ids=part.media_ids) for part in post.thread],
            status=post.status,
            scheduled_at=post.scheduled_at,
            timezone=post.timezone,
            created_at=post.created_at,
            updated_at=post.updated_at,
            model=post,
        )

    @strawberry.field(description="The workspace the post belongs to.")
    async def workspace(self, info: Info) -> Workspace:
        workspace = await info.context.loaders.workspace.load(self.model.workspace_id)
        user = info.context.user
        assert workspace is not None and user is not None and user.id is not None
        return Workspace.from_model(workspace, user.id)

    @strawberry.field(description="The files every target attaches unless it has its own.")
    async def media(self, info: Info) -> list[MediaAsset]:
        return await media_of(info, self.model.media_ids)

    @strawberry.field(description="Who wrote it.")
    async def author(self, info: Info) -> User:
        author = await info.context.loaders.user.load(self.model.author_id)
        assert author is not None
        return User.from_model(author)

    @strawberry.field(description="Its targets, one per account, in the order they were added.")
    async def targets(self, info: Info) -> list[PostTarget]:
        assert self.model.id is not None
        return [
            PostTarget.from_model(t) for t in await info.context.loaders.targets_of_post.load(self.model.id)
        ]


@strawberry.input(description="Which posts to list; the fields given must all match.")
class PostFilter:
    status: PostStatusModel | None = None
    platform: PlatformName | None = strawberry.field(
        default=None, description="Posts with a target on this network."
    )
    account_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="Posts with a target on this account (one of another workspace matches nothing).",
    )


@strawberry.type(description="A page of posts, newest first.")
class PostConnection(Connection[Post]):
    total_count: int = strawberry.field(description="Posts matching the filter, on every page.")
