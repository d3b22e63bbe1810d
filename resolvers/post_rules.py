"""Checks a post must pass before anything is stored: ids, accounts, schedule, and each network's rules."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from beanie import PydanticObjectId
from beanie.operators import In

from app.services import Services
from integrations.platforms.base import PostContent, ThreadPartContent
from integrations.platforms.capabilities import CAPABILITIES
from models.clock import utcnow
from models.media_asset import MediaAsset, MediaStatus
from models.post import ThreadPart
from models.social_account import AccountStatus, SocialAccount
from models.workspace import Workspace
from resolvers.codes import AccessErrorCode, AttachmentErrorCode, PostErrorCode
from resolvers.errors import UserError

MAX_TARGETS = 100
MAX_MEDIA = 100
MAX_THREAD_PARTS = 100  # input lists are capped; each network has its own, lower, limit
# A time this close to now counts as now: the request itself takes a moment to arrive.
SCHEDULE_TOLERANCE = timedelta(seconds=5)

PLATFORM_LABELS = {platform.value: declared.text.label for platform, declared in CAPABILITIES.items()}


@dataclass(frozen=True, slots=True)
class TargetDraft:
    """One requested target. An id of None is one that was not a valid id."""

    account_id: PydanticObjectId | None
    text: str | None = None
    media_ids: list[PydanticObjectId | None] | None = None
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ThreadDraft:
    """One further part of a thread as requested. A media id of None is one that was not a valid id."""

    text: str
    media_ids: list[PydanticObjectId | None] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class CheckedTarget:
    draft: TargetDraft
    account: SocialAccount


def check_schedule(scheduled_at: datetime | None, *field_path: str) -> list[UserError]:
    """Errors in a requested publish time."""
    if scheduled_at is None:
        return []
    if scheduled_at.tzinfo is None:
        return [
            UserError(
                PostErrorCode.INVALID_DATETIME,
                "Give the time with its UTC offset, like 2026-12-01T09:00:00Z.",
                field_path,
            )
        ]
    if scheduled_at < utcnow() - SCHEDULE_TOLERANCE:
        return [
            UserError(
                PostErrorCode.SCHEDULED_IN_PAST,
                "This time has passed; pick a time in the future.",
                field_path,
            )
        ]
    return []


async def check_attachments(
    workspace: Workspace, media_ids: Sequence[PydanticObjectId | None] | None, *field_path: str
) -> tuple[list[MediaAsset], list[UserError]]:
    """The attached assets, in order, when each is a READY asset of this workspace; else the errors."""
    if not media_ids:
        return [], []
    if len(media_ids) > MAX_MEDIA:
        return [], [
            UserError(AttachmentErrorCode.TOO_MANY_MEDIA, f"Attach at most {MAX_MEDIA} files.", field_path)
        ]
    found = await MediaAsset.find(In(MediaAsset.id, [i for i in media_ids if i is not None])).to_list()
    by_id = {asset.id: asset for asset in found if asset is not None and asset.workspace_id == workspace.id}
    assets: list[MediaAsset] = []
    errors: list[UserError] = []
    seen: set[PydanticObjectId | None] = set()
    for index, media_id in enumerate(media_ids):
        path = (*field_path, str(index))
        asset = by_id.get(media_id)
        if asset is None:
            errors.append(
                UserError(AccessErrorCode.MEDIA_NOT_FOUND, "No media with this id in this workspace.", path)
            )
        elif asset.id in seen:
            errors.append(
                UserError(AttachmentErrorCode.DUPLICATE_MEDIA, "This file is attached twice.", path)
            )
        elif asset.status is not MediaStatus.READY:
            errors.append(UserError(AttachmentErrorCode.MEDIA_NOT_READY, _NOT_READY[asset.status], path))
        else:
            assets.append(asset)
        seen.add(media_id)
    return assets, errors


async def check_thread(
    workspace: Workspace, thread: Sequence[ThreadDraft]
) -> tuple[list[ThreadPartContent], list[UserError]]:
    """The parts of a thread with their (checked) media, for the networks' rules; else the errors."""
    if len(thread) > MAX_THREAD_PARTS:
        return [], [
            UserError(
                PostErrorCode.TOO_MANY_THREAD_PARTS,
                f"A thread has at most {MAX_THREAD_PARTS} parts.",
                ("thread",),
            )
        ]
    parts: list[ThreadPartContent] = []
    errors: list[UserError] = []
    for index, part in enumerate(thread):
        media, media_errors = await check_attachments(
            workspace, part.media_ids, "thread", str(index), "mediaIds"
        )
        errors += media_errors
        parts.append(ThreadPartContent(text=part.text, media=tuple(asset.facts() for asset in media)))
    return parts, errors


def thread_drafts(parts: Sequence[ThreadPart]) -> list[ThreadDraft]:
    """A stored thread as drafts, to check it again."""
    return [ThreadDraft(text=part.text, media_ids=list(part.media_ids)) for part in parts]


def thread_parts(drafts: Sequence[ThreadDraft]) -> list[ThreadPart]:
    """Checked drafts as the post stores them."""
    return [ThreadPart(text=d.text, media_ids=[i for i in d.media_ids if i is not None]) for d in drafts]


_NOT_READY = {
    MediaStatus.PENDING_UPLOAD: "This file has not been uploaded and completed yet (mediaUploadComplete).",
    MediaStatus.REJECTED: "This file was refused when it was uploaded; attach another one.",
}


async def check_targets(
    services: Services,
    workspace: Workspace,
    text: str,
    drafts: Sequence[TargetDraft],
    media: Sequence[MediaAsset] = (),
    thread: Sequence[ThreadPartContent] = (),
) -> tuple[list[CheckedTarget], list[UserError]]:
    """The targets whose accounts exist, are connected and whose content follows the network's rules.

    `media` are the post's own (checked) attachments, which a target without its own media publishes;
    `thread` the further parts every target publishes after its own text (see `check_thread`).
    """
    if not drafts:
        return [], [
            UserError(PostErrorCode.NO_TARGETS, "Choose at least one account to publish to.", ("targets",))
        ]
    if len(drafts) > MAX_TARGETS:
        return [], [
            UserError(
                PostErrorCode.TOO_MANY_TARGETS,
                f"A post can go to at most {MAX_TARGETS} accounts.",
                ("targets",),
            )
        ]
    checked: list[CheckedTarget] = []
    errors: list[UserError] = []
    seen: set[PydanticObjectId | None] = set()
    for index, draft in enumerate(drafts):
        path = ("targets", str(index))
        account = await _account(workspace, draft, path, errors)
        if account is None:
            continue
        if account.id in seen:
            errors.append(
                UserError(
                    PostErrorCode.DUPLICATE_TARGET,
                    "This account is already a target of the post.",
                    (*path, "accountId"),
                )
            )
            continue
        seen.add(account.id)
        own_media, media_errors = await check_attachments(workspace, draft.media_ids, *path, "mediaIds")
        errors += media_errors
        # The network's rules see the attachments that could be resolved; the others were refused above.
        used = own_media if draft.media_ids else media
        errors += check_content(services, account, text, draft, path, used, thread)
        checked.append(CheckedTarget(draft, account))
    return checked, errors


async def _account(
    workspace: Workspace, draft: TargetDraft, path: tuple[str, ...], errors: list[UserError]
) -> SocialAccount | None:
    field_path = (*path, "accountId")
    if draft.account_id is None:
        errors.append(UserError(PostErrorCode.INVALID_ID, "This is not an account id.", field_path))
        return None
    account = await SocialAccount.get(draft.account_id)
    if account is None or account.workspace_id != workspace.id:
        errors.append(
            UserError(
                AccessErrorCode.ACCOUNT_NOT_FOUND, "No account with this id in this workspace.", field_path
            )
        )
        return None
    if account.status is AccountStatus.DISCONNECTED:
        errors.append(
            UserError(
                PostErrorCode.ACCOUNT_DISCONNECTED,
                f"@{account.handle} is disconnected; connect it again first.",
                field_path,
            )
        )
        return None
    if account.status is AccountStatus.NEEDS_REAUTH:
        errors.append(
            UserError(
                PostErrorCode.ACCOUNT_NEEDS_REAUTH,
                account.reauth_message,
                field_path,
            )
        )
        return None
    return account


def check_content(
    services: Services,
    account: SocialAccount,
    text: str,
    draft: TargetDraft,
    path: tuple[str, ...],
    media: Sequence[MediaAsset] = (),
    thread: Sequence[ThreadPartContent] = (),
) -> list[UserError]:
    """The network's own rules for what this target would publish (its text, `media` and `thread`)."""
    own_text = draft.text is not None
    effective = draft.text if draft.text is not None else text
    text_path = (*path, "text") if own_text else ("text",)
    media_path = (*path, "mediaIds") if draft.media_ids else ("mediaIds",)
    # A shared link is content too (a Reddit link post, a Facebook link) even without text.
    if not effective.strip() and not media and not draft.options.get("link"):
        return [
            UserError(PostErrorCode.EMPTY_POST, "Write some text (or attach media) to publish.", text_path)
        ]
    platform = services.platforms.get(account.platform)
    label = PLATFORM_LABELS.get(account.platform, str(account.platform))
    if platform is None:
        return [
            UserError(
                PostErrorCode.PLATFORM_NOT_SUPPORTED,
                f"Herald cannot publish to {label} yet.",
                (*path, "accountId"),
            )
        ]
    content = PostContent(
        text=effective, options=draft.options, media=tuple(m.facts() for m in media), thread=tuple(thread)
    )
    errors = [
        UserError(
            PostErrorCode(v.code), f"{label}: {v.message}", _field_of(v.field, path, text_path, media_path)
        )
        for v in platform.validate(content)
    ]
    if thread and not platform.capabilities.threads:
        # Never published without its parts: refused per network, before anything is stored.
        message = f"{label}: Herald cannot publish threads to {label}; publish the first part alone."
        errors.append(UserError(PostErrorCode.THREADS_NOT_SUPPORTED, message, ("thread",)))
    return errors


def _field_of(
    field: tuple[str, ...], path: tuple[str, ...], text_path: tuple[str, ...], media_path: tuple[str, ...]
) -> tuple[str, ...]:
    """Where a violation points: the text or media list the target really uses, a thread part (an input
    of the post, shared by every target), or inside the target."""
    if field[:1] == ("thread",):
        return field
    if field[:1] == ("text",):
        return (*text_path, *field[1:])
    if field[:1] == ("mediaIds",):
        return (*media_path, *field[1:])
    return (*path, *field)
