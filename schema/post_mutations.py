"""Mutations on posts: inputs, payloads with typed errors, and the fields that call the use cases."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any, TypeAlias, TypeVar

import strawberry

from app.context import Info
from integrations.platforms.instagram import InstagramKind as InstagramKindModel
from models.post import Post as PostModel
from resolvers import posts as use_cases
from resolvers import publishing
from resolvers.codes import AccessErrorCode, AttachmentErrorCode, PostErrorCode
from resolvers.post_rules import TargetDraft
from schema.common import UserError, attempt, error_codes, signed_in, typed_errors
from schema.posts import Post, PostTarget
from schema.relay import parse_id_of

P = TypeVar("P")


strawberry.enum(InstagramKindModel, description="Where an Instagram post goes.")


@strawberry.input(description="Per-network options of a target; each network reads its own.")
class PostTargetOptionsInput:
    langs: list[str] | None = strawberry.field(
        default=None, description="Bluesky: up to 3 language tags (BCP 47, like en or pt-BR)."
    )
    quote_uri: str | None = strawberry.field(
        default=None,
        description="Bluesky: quote this post (an at:// URI or a https://bsky.app/profile/<handle>/post/<id> "
        "link); with media the post quotes it and shows its own images or video.",
    )
    reply_to_uri: str | None = strawberry.field(
        default=None,
        description="Bluesky: publish as a reply to this post (an at:// URI or a bsky.app post link); a "
        "thread continues under it.",
    )
    subreddit: str | None = strawberry.field(
        default=None, description="Reddit (required): r/<name> or <name>."
    )
    title: str | None = strawberry.field(
        default=None, description="Reddit (required): at most 300 characters."
    )
    flair_id: str | None = strawberry.field(
        default=None, description="Reddit: a post flair id; some subreddits require one (FLAIR_REQUIRED)."
    )
    link: str | None = strawberry.field(
        default=None,
        description="Facebook: a link shared with the post (shown as a preview). Reddit: makes a link post "
        "to this address (the text is then not sent).",
    )
    instagram_kind: InstagramKindModel | None = strawberry.field(
        default=None, description="Instagram: FEED (default), REEL or STORY."
    )
    first_comment: str | None = strawberry.field(
        default=None, description="Instagram: a comment Herald adds right after publishing."
    )


@strawberry.input(description="One account to publish to, optionally with its own text.")
class PostTargetInput:
    account_id: strawberry.ID
    text: str | None = strawberry.field(
        default=None, description="Replaces the post's text for this account."
    )
    media_ids: list[strawberry.ID] | None = None
    options: PostTargetOptionsInput | None = None


@strawberry.input(description="A further part of a thread.")
class ThreadPartInput:
    text: str
    media_ids: list[strawberry.ID] | None = None


@strawberry.input(description="A new post. Without scheduledAt it is a DRAFT.")
class PostCreateInput:
    workspace_id: strawberry.ID
    text: str
    targets: list[PostTargetInput]
    media_ids: list[strawberry.ID] | None = None
    scheduled_at: datetime | None = strawberry.field(default=None, description="With a UTC offset.")
    thread: list[ThreadPartInput] | None = None


@strawberry.input(description="Changes to a post that is not queued yet. Omitted fields stay as they are.")
class PostUpdateInput:
    text: str | None = None
    targets: list[PostTargetInput] | None = strawberry.field(
        default=None, description="Replaces every target that has not started."
    )
    thread: list[ThreadPartInput] | None = None
    media_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Replaces the post's media (an empty list removes it)."
    )


@strawberry.input(description="When to publish.")
class PostScheduleInput:
    scheduled_at: datetime = strawberry.field(description="With a UTC offset; in the future.")


PostCode: TypeAlias = PostErrorCode | AttachmentErrorCode | AccessErrorCode
"""What every post mutation can answer with (Saleor's `ProductErrorCode` model: one set per domain)."""


@strawberry.type(description="A reason postCreate refused; nothing was stored.")
class PostCreateError(UserError):
    code: PostCode = error_codes("PostCreateErrorCode", "Why postCreate refused.", PostCode)


@strawberry.type(description="A reason postUpdate refused; nothing was changed.")
class PostUpdateError(UserError):
    code: PostCode = error_codes("PostUpdateErrorCode", "Why postUpdate refused.", PostCode)


@strawberry.type(description="A reason postDelete refused; nothing was deleted.")
class PostDeleteError(UserError):
    code: PostCode = error_codes("PostDeleteErrorCode", "Why postDelete refused.", PostCode)


@strawberry.type(description="A reason postSchedule refused; nothing was changed.")
class PostScheduleError(UserError):
    code: PostCode = error_codes("PostScheduleErrorCode", "Why postSchedule refused.", PostCode)


@strawberry.type(description="A reason postPublishNow refused; nothing was queued.")
class PostPublishNowError(UserError):
    code: PostCode = error_codes("PostPublishNowErrorCode", "Why postPublishNow refused.", PostCode)


@strawberry.type(description="A reason postCancel refused.")
class PostCancelError(UserError):
    code: PostCode = error_codes("PostCancelErrorCode", "Why postCancel refused.", PostCode)


@strawberry.type(description="A reason postTargetRetry refused.")
class PostTargetRetryError(UserError):
    code: PostCode = error_codes("PostTargetRetryErrorCode", "Why postTargetRetry refused.", PostCode)


@strawberry.type(description="The result of postCreate.")
class PostCreatePayload:
    post: Post | None
    user_errors: list[PostCreateError]


@strawberry.type(description="The result of postUpdate.")
class PostUpdatePayload:
    post: Post | None
    user_errors: list[PostUpdateError]


@strawberry.type(description="The result of postDelete.")
class PostDeletePayload:
    deleted_post_id: strawberry.ID | None
    user_errors: list[PostDeleteError]


@strawberry.type(description="The result of postSchedule.")
class PostSchedulePayload:
    post: Post | None
    user_errors: list[PostScheduleError]


@strawberry.type(description="The result of postPublishNow.")
class PostPublishNowPayload:
    post: Post | None
    user_errors: list[PostPublishNowError]


@strawberry.type(description="The result of postCancel.")
class PostCancelPayload:
    post: Post | None
    user_errors: list[PostCancelError]


@strawberry.type(description="The result of postTargetRetry.")
class PostTargetRetryPayload:
    target: PostTarget | None
    user_errors: list[PostTargetRetryError]


def _target_drafts(targets: list[PostTargetInput]) -> list[TargetDraft]:
    return [
        TargetDraft(
            account_id=parse_id_of("SocialAccount", t.account_id),
            text=t.text,
            media_ids=[parse_id_of("MediaAsset", m) for m in t.media_ids] if t.media_ids else None,
            options={k: v for k, v in vars(t.options).items() if v is not None} if t.options else {},
        )
        for t in targets
    ]


def _thread(parts: list[ThreadPartInput] | None) -> list[use_cases.ThreadDraft]:
    return [
        use_cases.ThreadDraft(
            text=p.text, media_ids=[parse_id_of("MediaAsset", m) for m in p.media_ids or []]
        )
        for p in parts or []
    ]


async def _post(call: Awaitable[PostModel], payload: Callable[..., P], error: Callable[..., Any]) -> P:
    """Run a use case returning a post and wrap it in `payload` with errors of type `error`."""
    post, errors = await attempt(call)
    return payload(post=Post.from_model(post) if post else None, user_errors=typed_errors(error, errors))


def _draft(input: PostCreateInput) -> use_cases.PostDraft:
    return use_cases.PostDraft(
        workspace_id=parse_id_of("Workspace", input.workspace_id),
        text=input.text,
        targets=_target_drafts(input.targets),
        media_ids=[parse_id_of("MediaAsset", m) for m in input.media_ids or []],
        scheduled_at=input.scheduled_at,
        thread=_thread(input.thread),
    )


async def post_create(info: Info, input: PostCreateInput) -> PostCreatePayload:
    call = use_cases.post_create(info.context.services, signed_in(info), _draft(input))
    return await _post(call, PostCreatePayload, PostCreateError)


@strawberry.type(description="The result of postValidate: what postCreate would answer, nothing written.")
class PostValidatePayload:
    valid: bool = strawberry.field(description="True when postCreate would store this input now.")
    user_errors: list[PostCreateError] = strawberry.field(
        description="The errors postCreate would answer with, the same codes and fields."
    )


async def post_validate(info: Info, input: PostCreateInput) -> PostValidatePayload:
    _, errors = await attempt(use_cases.post_validate(info.context.services, signed_in(info), _draft(input)))
    return PostValidatePayload(valid=not errors, user_errors=typed_errors(PostCreateError, errors))


async def post_update(info: Info, id: strawberry.ID, input: PostUpdateInput) -> PostUpdatePayload:
    call = use_cases.post_update(
        info.context.services,
        signed_in(info),
        parse_id_of("Post", id),
        text=input.text,
        targets=_target_drafts(input.targets) if input.targets is not None else None,
        thread=_thread(input.thread) if input.thread is not None else None,
        media_ids=[parse_id_of("MediaAsset", m) for m in input.media_ids]
        if input.media_ids is not None
        else None,
    )
    return await _post(call, PostUpdatePayload, PostUpdateError)


async def post_delete(info: Info, id: strawberry.ID) -> PostDeletePayload:
    deleted, errors = await attempt(
        use_cases.post_delete(info.context.services, signed_in(info), parse_id_of("Post", id))
    )
    return PostDeletePayload(
        deleted_post_id=id if deleted else None,
        user_errors=typed_errors(PostDeleteError, errors),
    )


async def post_schedule(info: Info, id: strawberry.ID, input: PostScheduleInput) -> PostSchedulePayload:
    call = publishing.post_schedule(
        info.context.services, signed_in(info), parse_id_of("Post", id), input.scheduled_at
    )
    return await _post(call, PostSchedulePayload, PostScheduleError)


async def post_publish_now(info: Info, id: strawberry.ID) -> PostPublishNowPayload:
    call = publishing.post_publish_now(info.context.services, signed_in(info), parse_id_of("Post", id))
    return await _post(call, PostPublishNowPayload, PostPublishNowError)


async def post_cancel(info: Info, id: strawberry.ID) -> PostCancelPayload:
    call = publishing.post_cancel(info.context.services, signed_in(info), parse_id_of("Post", id))
    return await _post(call, PostCancelPayload, PostCancelError)


async def post_target_retry(info: Info, id: strawberry.ID) -> PostTargetRetryPayload:
    target, errors = await attempt(
        publishing.post_target_retry(info.context.services, signed_in(info), parse_id_of("PostTarget", id))
    )
    return PostTargetRetryPayload(
        target=PostTarget.from_model(target) if target else None,
        user_errors=typed_errors(PostTargetRetryError, errors),
    )


@strawberry.type
class PostQuery:
    """Reads about posts that are not stored yet."""

    post_validate = strawberry.field(
        resolver=post_validate,
        description="Check a post as postCreate would (accounts, media, schedule, each network's rules) "
        "without storing anything: the composer shows the errors while the post is written (needs EDITOR).",
    )
