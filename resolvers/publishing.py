"""Moving posts through their life: schedule, publish now, cancel, retry a target."""

from __future__ import annotations

from datetime import datetime

from beanie import PydanticObjectId

from app.services import Services
from models.clock import utcnow
from models.post import Post
from models.post_target import PostTarget
from models.target_state import CANCELLABLE, TargetStatus
from models.user import User
from models.workspace import Role
from resolvers.access import post_for, visible_target, workspace_for
from resolvers.codes import AccessErrorCode, PostErrorCode
from resolvers.errors import Rejected, not_found, reject
from resolvers.post_events import announce
from resolvers.post_rules import check_attachments, check_schedule, check_targets, check_thread, thread_drafts
from resolvers.posts import draft_of

NOT_STARTED = (TargetStatus.DRAFT, TargetStatus.SCHEDULED)


async def _recheck(services: Services, user: User, post: Post) -> list[PostTarget]:
    """The post's not-yet-started targets, checked again (an account may have been disconnected since)."""
    assert post.id is not None
    pending = [t for t in await PostTarget.of_posts([post.id]) if t.status in NOT_STARTED]
    if not pending:
        raise reject(
            PostErrorCode.POST_ALREADY_STARTED, "This post has no target left to schedule or publish.", "id"
        )
    workspace = await workspace_for(user, post.workspace_id, Role.EDITOR)
    media, errors = await check_attachments(workspace, post.media_ids, "mediaIds")
    thread, thread_errors = await check_thread(workspace, thread_drafts(post.thread))
    drafts = [draft_of(t) for t in pending]
    errors += thread_errors + (await check_targets(services, workspace, post.text, drafts, media, thread))[1]
    if errors:
        raise Rejected(errors)
    return pending


async def post_schedule(
    services: Services, user: User, post_id: PydanticObjectId | None, at: datetime
) -> Post:
    """Publish the post's unstarted targets at `at`."""
    post = await post_for(user, post_id, Role.EDITOR)
    errors = check_schedule(at, "scheduledAt")
    if errors:
        raise Rejected(errors)
    await _recheck(services, user, post)
    assert post.id is not None
    await post.set({"scheduled_at": at, "updated_at": utcnow()})
    moved = await PostTarget.move(
        post.id, NOT_STARTED, {"status": TargetStatus.SCHEDULED, "scheduled_at": at}
    )
    await announce(services, moved)
    return post


async def post_publish_now(services: Services, user: User, post_id: PydanticObjectId | None) -> Post:
    """Queue the post's unstarted targets at once."""
    post = await post_for(user, post_id, Role.EDITOR)
    await _recheck(services, user, post)
    assert post.id is not None
    now = utcnow()
    moved = await PostTarget.move(post.id, NOT_STARTED, {"status": TargetStatus.QUEUED, "due_at": now})
    await announce(services, moved)
    return post


async def post_cancel(services: Services, user: User, post_id: PydanticObjectId | None) -> Post:
    """Stop every target that has not started publishing."""
    post = await post_for(user, post_id, Role.EDITOR)
    assert post.id is not None
    moved = await PostTarget.move(post.id, CANCELLABLE, {"status": TargetStatus.CANCELLED})
    if not moved:
        raise reject(
            PostErrorCode.POST_NOT_CANCELLABLE,
            "Nothing left to cancel: every target has started or finished.",
            "id",
        )
    await announce(services, moved)
    return post


async def post_target_retry(services: Services, user: User, target_id: PydanticObjectId | None) -> PostTarget:
    """Try a FAILED or UNCONFIRMED target again (an UNCONFIRMED one is looked for before publishing)."""
    target = await visible_target(user, target_id)
    if target is None:
        raise not_found(AccessErrorCode.TARGET_NOT_FOUND, "id")
    workspace = await workspace_for(user, target.workspace_id, Role.EDITOR)
    post = await Post.get(target.post_id)
    assert post is not None
    media, errors = await check_attachments(workspace, post.media_ids, "mediaIds")
    thread, thread_errors = await check_thread(workspace, thread_drafts(post.thread))
    drafts = [draft_of(target)]
    errors += thread_errors + (await check_targets(services, workspace, post.text, drafts, media, thread))[1]
    if errors:
        raise Rejected(errors)
    assert target.id is not None
    retried = await PostTarget.retry(target.id)
    if retried is None:
        raise reject(
            PostErrorCode.TARGET_NOT_RETRYABLE,
            f"Only failed or unconfirmed targets can be retried; this one is {target.status}.",
            "id",
        )
    await announce(services, [retried])
    return retried
