"""Acting on one published target: removing what it published from its network (`postTargetDelete`).

The network is asked first; only once it removed every post (each part of a thread) does Herald record
`deleted_at` on the target. The target's status stays PUBLISHED (the status list of the API is fixed):
`deletedAt` is what says the post is gone.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import structlog
from beanie import PydanticObjectId

from app.context import Context
from integrations.crypto import CredentialCipher
from integrations.platforms.base import AccountSession, AuthExpired, Deletable, PublishFailure, RateLimited
from integrations.platforms.oauth import token_times
from models.post_events import announce
from models.post_target import PostTarget, TargetStatus
from models.social_account import AccountStatus, SocialAccount
from models.user import User
from models.workspace import Role
from resolvers.access import visible_target, workspace_for
from resolvers.errors import not_found, reject
from resolvers.post_rules import PLATFORM_LABELS

log = structlog.get_logger(__name__)


async def post_target_delete(ctx: Context, user: User, target_id: PydanticObjectId | None) -> PostTarget:
    """Remove a published target's post (and every part of its thread) from its network."""
    target = await visible_target(ctx, user, target_id)
    if target is None:
        raise not_found("target", "id")
    await workspace_for(ctx, user, target.workspace_id, Role.EDITOR)
    label = PLATFORM_LABELS.get(target.platform, str(target.platform))
    if target.status is not TargetStatus.PUBLISHED or not target.published_ids:
        raise reject(
            "TARGET_NOT_PUBLISHED",
            f"Only published targets can be deleted; this one is {target.status}.",
            "id",
        )
    if target.deleted_at is not None:
        raise reject("TARGET_ALREADY_DELETED", f"This post was already deleted from {label}.", "id")
    platform = ctx.services.platforms.get(target.platform)
    if not isinstance(platform, Deletable):
        raise reject("DELETE_NOT_SUPPORTED", f"Herald cannot delete posts from {label} yet.", "id")
    account = await _usable_account(ctx, target)
    try:
        await platform.delete(_session(account, ctx.services.cipher), target.published_ids)
    except PublishFailure as failure:
        raise await _refused(account, failure, label) from failure
    if not await target.mark_deleted():
        return await PostTarget.get(target.id) or target  # a concurrent delete recorded it first
    log.info("post_target.deleted", target_id=str(target.id), posts=len(target.published_ids))
    await announce(ctx.services, [target])
    return target


async def _usable_account(ctx: Context, target: PostTarget) -> SocialAccount:
    account = await ctx.loaders.account.load(target.account_id)
    if account is None or account.status is AccountStatus.DISCONNECTED:
        raise reject(
            "ACCOUNT_DISCONNECTED",
            "The account was disconnected; connect it again to delete its posts.",
            "id",
        )
    if account.status is AccountStatus.NEEDS_REAUTH:
        raise reject("ACCOUNT_NEEDS_REAUTH", account.reauth_message, "id")
    return account


async def _refused(account: SocialAccount, failure: PublishFailure, label: str) -> Exception:
    """The user error for a network that did not delete (nothing was recorded)."""
    log.warning("post_target.delete_failed", account_id=str(account.id), code=failure.code)
    if isinstance(failure, AuthExpired):
        await account.mark_status(AccountStatus.NEEDS_REAUTH, failure.message)
        return reject("ACCOUNT_NEEDS_REAUTH", failure.message, "id")
    if isinstance(failure, RateLimited):
        at = failure.retry_at.isoformat(timespec="seconds")
        return reject("RATE_LIMITED", f"{label} asks Herald to wait until {at}; try again then.", "id")
    retry = " Try again in a moment." if failure.retryable else ""
    return reject("DELETE_FAILED", f"{label} did not delete the post: {failure.message}{retry}", "id")


def _session(account: SocialAccount, cipher: CredentialCipher) -> AccountSession:
    """The account's credentials for one call; refreshed ones are stored as the worker stores them."""

    async def save(credentials: Mapping[str, Any]) -> None:
        expires_at, refresh_at = token_times(credentials)
        await account.store_credentials(
            cipher.encrypt(credentials), expires_at=expires_at, refresh_at=refresh_at
        )

    return AccountSession(
        external_id=account.external_id,
        handle=account.handle,
        credentials=cipher.decrypt(account.credentials),
        save=save,
    )
