"""Writing posts: create, update, delete, and the reads behind `posts` and `post`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from beanie import PydanticObjectId

from app.services import Services
from models.analytics import analytics_scope
from models.clock import utcnow
from models.media_asset import MediaAsset
from models.metric_snapshot import MetricSnapshot
from models.paging import Page
from models.platform import PlatformName
from models.post import Post, PostStatus
from models.post_target import PostTarget
from models.social_account import SocialAccount
from models.target_state import TargetStatus
from models.user import User
from models.workspace import Role, Workspace
from resolvers.access import post_for, visible_workspace, workspace_for
from resolvers.codes import PostErrorCode
from resolvers.errors import Rejected, reject
from resolvers.post_events import announce
from resolvers.post_rules import (
    CheckedTarget,
    TargetDraft,
    check_attachments,
    check_schedule,
    check_targets,
    check_thread,
    thread_drafts,
    thread_parts,
)
from resolvers.post_rules import ThreadDraft as ThreadDraft  # the schema builds thread drafts from here

EDITABLE = (TargetStatus.DRAFT, TargetStatus.SCHEDULED, TargetStatus.CANCELLED)
IN_FLIGHT = (TargetStatus.QUEUED, TargetStatus.PUBLISHING)


@dataclass(frozen=True, slots=True)
class PostDraft:
    workspace_id: PydanticObjectId | None
    text: str
    targets: list[TargetDraft]
    media_ids: list[PydanticObjectId | None] = field(default_factory=list)
    scheduled_at: datetime | None = None
    thread: list[ThreadDraft] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class CheckedPost:
    """A draft that passed every check, with what the checks found."""

    workspace: Workspace
    media: list[MediaAsset]
    targets: list[CheckedTarget]


async def post_validate(services: Services, user: User, draft: PostDraft) -> CheckedPost:
    """Every check postCreate makes, writing nothing: the composer asks before the post is saved."""
    workspace = await workspace_for(user, draft.workspace_id, Role.EDITOR, "workspaceId")
    media, media_errors = await check_attachments(workspace, draft.media_ids, "mediaIds")
    errors = check_schedule(draft.scheduled_at, "scheduledAt") + media_errors
    thread, thread_errors = await check_thread(workspace, draft.thread)
    errors += thread_errors
    checked, target_errors = await check_targets(
        services, workspace, draft.text, draft.targets, media, thread
    )
    if errors or target_errors:
        raise Rejected(errors + target_errors)
    return CheckedPost(workspace, media, checked)


async def post_create(services: Services, user: User, draft: PostDraft) -> Post:
    """Validate everything, then store the post and one target per account (or nothing at all)."""
    checked = await post_validate(services, user, draft)
    workspace, media = checked.workspace, checked.media
    assert workspace.id is not None and user.id is not None
    post = Post(
        workspace_id=workspace.id,
        author_id=user.id,
        text=draft.text,
        media_ids=[asset.id for asset in media if asset.id is not None],
        thread=thread_parts(draft.thread),
        scheduled_at=draft.scheduled_at,
        timezone=workspace.timezone,
    )
    await post.insert()
    targets = await _store_targets(post, checked.targets)
    await announce(services, targets)
    return post


async def _store_targets(post: Post, checked: Sequence[CheckedTarget]) -> list[PostTarget]:
    assert post.id is not None
    status = TargetStatus.SCHEDULED if post.scheduled_at else TargetStatus.DRAFT
    targets = [
        PostTarget(
            workspace_id=post.workspace_id,
            post_id=post.id,
            account_id=item.account.id,
            platform=item.account.platform,
            text=item.draft.text,
            media_ids=_ids(item.draft.media_ids),
            options=item.draft.options,
            status=status,
            scheduled_at=post.scheduled_at,
        )
        for item in checked
    ]
    try:
        await PostTarget.insert_announced(targets)
        await post.route_to(targets)
    except BaseException:
        # Never leave a half-written post: take back whatever part of the write went through.
        await PostTarget.find({"post_id": post.id, "status": status}).delete()
        if post.status is PostStatus.DRAFT and not await PostTarget.find_one({"post_id": post.id}):
            await post.delete()
        raise
    return await PostTarget.of_posts([post.id])


async def post_update(
    services: Services,
    user: User,
    post_id: PydanticObjectId | None,
    *,
    text: str | None,
    targets: list[TargetDraft] | None,
    thread: list[ThreadDraft] | None,
    media_ids: list[PydanticObjectId | None] | None = None,
) -> Post:
    """Change the text and media (and optionally replace the targets) of a post that is not yet queued."""
    post = await post_for(user, post_id, Role.EDITOR)
    assert post.id is not None
    current = await PostTarget.of_posts([post.id])
    if any(target.status not in EDITABLE for target in current):
        raise reject(
            PostErrorCode.POST_NOT_EDITABLE,
            "This post is publishing or published; it can no longer be edited.",
            "id",
        )
    workspace = await workspace_for(user, post.workspace_id, Role.EDITOR)
    new_text = post.text if text is None else text
    drafts = targets if targets is not None else [draft_of(t) for t in current if t.status in EDITABLE]
    new_media = list(post.media_ids) if media_ids is None else media_ids
    media, media_errors = await check_attachments(workspace, new_media, "mediaIds")
    new_thread = thread if thread is not None else thread_drafts(post.thread)
    parts, thread_errors = await check_thread(workspace, new_thread)
    checked, errors = await check_targets(services, workspace, new_text, drafts, media, parts)
    errors = media_errors + thread_errors + errors
    if errors:
        raise Rejected(errors)
    changes: dict[str, Any] = {"text": new_text, "media_ids": _ids(new_media) or [], "updated_at": utcnow()}
    if thread is not None:
        changes["thread"] = [part.model_dump() for part in thread_parts(thread)]
    await post.set(changes)
    if targets is not None:
        await PostTarget.find({"post_id": post.id, "status": {"$in": list(EDITABLE)}}).delete()
        await announce(services, await _store_targets(post, checked))
    return post


def draft_of(target: PostTarget) -> TargetDraft:
    media_ids = list[PydanticObjectId | None](target.media_ids) if target.media_ids is not None else None
    return TargetDraft(
        account_id=target.account_id, text=target.text, media_ids=media_ids, options=target.options
    )


def _ids(media_ids: Sequence[PydanticObjectId | None] | None) -> list[PydanticObjectId] | None:
    """Checked ids as stored (None means "the post's media", for a target)."""
    return [i for i in media_ids if i is not None] if media_ids is not None else None


async def post_delete(services: Services, user: User, post_id: PydanticObjectId | None) -> PydanticObjectId:
    """Remove a post and its targets from Herald (what was published stays on the networks)."""
    post = await post_for(user, post_id, Role.EDITOR)
    assert post.id is not None
    if await PostTarget.find_one({"post_id": post.id, "status": {"$in": list(IN_FLIGHT)}}):
        raise reject(
            PostErrorCode.POST_IN_FLIGHT,
            "This post is being published right now; wait or cancel it first.",
            "id",
        )
    targets = await PostTarget.of_posts([post.id])
    await PostTarget.find({"post_id": post.id}).delete()
    await post.delete()
    # Its analytics go with it: dashboards count only posts Herald still has.
    await MetricSnapshot.forget_targets([t.id for t in targets if t.id is not None])
    await services.cache.bump(analytics_scope(post.workspace_id))
    return post.id


async def posts_page(
    user: User,
    workspace_id: PydanticObjectId | None,
    *,
    status: PostStatus | None,
    first: int,
    after: PydanticObjectId | None,
    platform: PlatformName | None = None,
    account_id: PydanticObjectId | None = None,
) -> Page[Post] | None:
    """The workspace's posts, newest first, filtered by status, network and account together; None when
    the workspace is not visible. An account of another workspace matches nothing."""
    workspace = await visible_workspace(user, workspace_id)
    if workspace is None or workspace.id is None:
        return None
    if account_id is not None and platform is not None:
        # The account alone selects the posts; the network can only agree with it or exclude them all.
        account = await SocialAccount.find_one({"_id": account_id, "workspace_id": workspace.id})
        if account is None or account.platform != platform:
            return Page(items=[], has_next_page=False, total_count=0)
    return await Post.workspace_page(
        workspace.id, status=status, first=first, after=after, platform=platform, account_id=account_id
    )
