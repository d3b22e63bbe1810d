"""Checks a post must pass before anything is stored: ids, accounts, schedule, and each network's rules."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from beanie import PydanticObjectId

from app.context import Context
from integrations.platforms.base import PostContent
from models.clock import utcnow
from models.social_account import AccountStatus, SocialAccount
from models.workspace import Workspace
from resolvers.errors import UserError

MAX_TARGETS = 100
# A time this close to now counts as now: the request itself takes a moment to arrive.
SCHEDULE_TOLERANCE = timedelta(seconds=5)

PLATFORM_LABELS = {
    "BLUESKY": "Bluesky",
    "THREADS": "Threads",
    "INSTAGRAM": "Instagram",
    "FACEBOOK": "Facebook",
    "REDDIT": "Reddit",
}


@dataclass(frozen=True, slots=True)
class TargetDraft:
    """One requested target. An id of None is one that was not a valid id."""

    account_id: PydanticObjectId | None
    text: str | None = None
    media_ids: list[PydanticObjectId | None] | None = None
    options: dict[str, Any] = field(default_factory=dict)


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
                "INVALID_DATETIME",
                "Give the time with its UTC offset, like 2026-12-01T09:00:00Z.",
                field_path,
            )
        ]
    if scheduled_at < utcnow() - SCHEDULE_TOLERANCE:
        return [
            UserError("SCHEDULED_IN_PAST", "This time has passed; pick a time in the future.", field_path)
        ]
    return []


def check_media(media_ids: Sequence[PydanticObjectId | None] | None, *field_path: str) -> list[UserError]:
    """Media attachments: none can be resolved until the media library exists (a later issue)."""
    if not media_ids:
        return []
    return [
        UserError(
            "MEDIA_NOT_FOUND",
            "No media with this id: this Herald cannot store media yet, so posts are text only.",
            field_path,
        )
    ]


async def check_targets(
    ctx: Context, workspace: Workspace, text: str, drafts: Sequence[TargetDraft]
) -> tuple[list[CheckedTarget], list[UserError]]:
    """The targets whose accounts exist, are connected and whose content follows the network's rules."""
    if not drafts:
        return [], [UserError("NO_TARGETS", "Choose at least one account to publish to.", ("targets",))]
    if len(drafts) > MAX_TARGETS:
        return [], [
            UserError("TOO_MANY_TARGETS", f"A post can go to at most {MAX_TARGETS} accounts.", ("targets",))
        ]
    checked: list[CheckedTarget] = []
    errors: list[UserError] = []
    seen: set[PydanticObjectId | None] = set()
    for index, draft in enumerate(drafts):
        path = ("targets", str(index))
        account = await _account(ctx, workspace, draft, path, errors)
        if account is None:
            continue
        if account.id in seen:
            errors.append(
                UserError(
                    "DUPLICATE_TARGET", "This account is already a target of the post.", (*path, "accountId")
                )
            )
            continue
        seen.add(account.id)
        errors += check_media(draft.media_ids, *path, "mediaIds")
        errors += check_content(ctx, account, text, draft, path)
        checked.append(CheckedTarget(draft, account))
    return checked, errors


async def _account(
    ctx: Context, workspace: Workspace, draft: TargetDraft, path: tuple[str, ...], errors: list[UserError]
) -> SocialAccount | None:
    field_path = (*path, "accountId")
    if draft.account_id is None:
        errors.append(UserError("INVALID_ID", "This is not an account id.", field_path))
        return None
    account = await ctx.loaders.account.load(draft.account_id)
    if account is None or account.workspace_id != workspace.id:
        errors.append(
            UserError("ACCOUNT_NOT_FOUND", "No account with this id in this workspace.", field_path)
        )
        return None
    if account.status is AccountStatus.DISCONNECTED:
        errors.append(
            UserError(
                "ACCOUNT_DISCONNECTED",
                f"@{account.handle} is disconnected; connect it again first.",
                field_path,
            )
        )
        return None
    if account.status is AccountStatus.NEEDS_REAUTH:
        errors.append(
            UserError(
                "ACCOUNT_NEEDS_REAUTH",
                account.reauth_message,
                field_path,
            )
        )
        return None
    return account


def check_content(
    ctx: Context, account: SocialAccount, text: str, draft: TargetDraft, path: tuple[str, ...]
) -> list[UserError]:
    """The network's own rules for what this target would publish."""
    own_text = draft.text is not None
    effective = draft.text if draft.text is not None else text
    text_path = (*path, "text") if own_text else ("text",)
    if not effective.strip() and not (draft.media_ids or []):
        return [UserError("EMPTY_POST", "Write some text (or attach media) to publish.", text_path)]
    platform = ctx.services.platforms.get(account.platform)
    label = PLATFORM_LABELS.get(account.platform, str(account.platform))
    if platform is None:
        return [
            UserError(
                "PLATFORM_NOT_SUPPORTED", f"Herald cannot publish to {label} yet.", (*path, "accountId")
            )
        ]
    return [
        UserError(v.code, f"{label}: {v.message}", text_path if v.field == ("text",) else (*path, *v.field))
        for v in platform.validate(PostContent(text=effective, options=draft.options))
    ]
