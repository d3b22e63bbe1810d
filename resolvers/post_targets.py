"""Acting on one target after it left Herald's hands: removing what it published from its network
(`postTargetDelete`), and settling an UNCONFIRMED one from what a person saw there (`postTargetResolve`).

The network is asked first; only once it removed every post (each part of a thread) does Herald record
`deleted_at` on the target. The target's status stays PUBLISHED (the status list of the API is fixed):
`deletedAt` is what says the post is gone.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import structlog
from beanie import PydanticObjectId

from app.services import Services
from integrations.platforms.base import AuthExpired, Deletable, PublishFailure, RateLimited
from models.post_target import PostTarget
from models.social_account import AccountStatus, SocialAccount
from models.target_state import Outcome, TargetStatus
from models.user import User
from models.workspace import Role
from resolvers.access import visible_target, workspace_for
from resolvers.accounts import account_session
from resolvers.codes import AccessErrorCode, PostErrorCode
from resolvers.errors import not_found, reject
from resolvers.post_events import announce
from resolvers.post_rules import PLATFORM_LABELS

log = structlog.get_logger(__name__)

MAX_URL_LENGTH = 2048


async def post_target_delete(
    services: Services, user: User, target_id: PydanticObjectId | None
) -> PostTarget:
    """Remove a published target's post (and every part of its thread) from its network."""
    target = await visible_target(user, target_id)
    if target is None:
        raise not_found(AccessErrorCode.TARGET_NOT_FOUND, "id")
    await workspace_for(user, target.workspace_id, Role.EDITOR)
    label = PLATFORM_LABELS.get(target.platform, str(target.platform))
    if target.status is not TargetStatus.PUBLISHED or not target.published_ids:
        raise reject(
            PostErrorCode.TARGET_NOT_PUBLISHED,
            f"Only published targets can be deleted; this one is {target.status}.",
            "id",
        )
    if target.deleted_at is not None:
        raise reject(
            PostErrorCode.TARGET_ALREADY_DELETED, f"This post was already deleted from {label}.", "id"
        )
    platform = services.platforms.get(target.platform)
    if not isinstance(platform, Deletable):
        raise reject(
            PostErrorCode.DELETE_NOT_SUPPORTED, f"Herald cannot delete posts from {label} yet.", "id"
        )
    account = await _usable_account(target)
    try:
        await platform.delete(account_session(services.cipher, account), target.published_ids)
    except PublishFailure as failure:
        raise await _refused(account, failure, label) from failure
    if not await target.mark_deleted():
        return await PostTarget.get(target.id) or target  # a concurrent delete recorded it first
    log.info("post_target.deleted", target_id=str(target.id), posts=len(target.published_ids))
    await announce(services, [target])
    return target


async def _usable_account(target: PostTarget) -> SocialAccount:
    account = await SocialAccount.get(target.account_id)
    if account is None or account.status is AccountStatus.DISCONNECTED:
        raise reject(
            PostErrorCode.ACCOUNT_DISCONNECTED,
            "The account was disconnected; connect it again to delete its posts.",
            "id",
        )
    if account.status is AccountStatus.NEEDS_REAUTH:
        raise reject(PostErrorCode.ACCOUNT_NEEDS_REAUTH, account.reauth_message, "id")
    return account


async def _refused(account: SocialAccount, failure: PublishFailure, label: str) -> Exception:
    """The user error for a network that did not delete (nothing was recorded)."""
    log.warning("post_target.delete_failed", account_id=str(account.id), code=failure.code)
    if isinstance(failure, AuthExpired):
        await account.mark_status(AccountStatus.NEEDS_REAUTH, failure.message)
        return reject(PostErrorCode.ACCOUNT_NEEDS_REAUTH, failure.message, "id")
    if isinstance(failure, RateLimited):
        at = failure.retry_at.isoformat(timespec="seconds")
        return reject(
            PostErrorCode.RATE_LIMITED, f"{label} asks Herald to wait until {at}; try again then.", "id"
        )
    retry = " Try again in a moment." if failure.retryable else ""
    return reject(
        PostErrorCode.DELETE_FAILED, f"{label} did not delete the post: {failure.message}{retry}", "id"
    )


async def post_target_resolve(
    services: Services,
    user: User,
    target_id: PydanticObjectId | None,
    outcome: Outcome,
    external_url: str | None,
) -> PostTarget:
    """Mark an UNCONFIRMED target PUBLISHED (with the post's link, if given) or FAILED: someone checked
    the network, which Herald could not."""
    target = await visible_target(user, target_id)
    if target is None:
        raise not_found(AccessErrorCode.TARGET_NOT_FOUND, "id")
    await workspace_for(user, target.workspace_id, Role.EDITOR)
    url = (external_url or "").strip() or None
    if url is not None and (outcome is not Outcome.PUBLISHED or not _is_web_link(url)):
        raise reject(
            PostErrorCode.INVALID_LINK,
            "Give the published post's https:// link (only for a post that was published).",
            "input",
            "externalUrl",
        )
    assert target.id is not None
    resolved = await PostTarget.resolve(target.id, outcome, url)
    if resolved is None:
        raise reject(
            PostErrorCode.TARGET_NOT_UNCONFIRMED,
            f"Only an unconfirmed target can be marked; this one is {target.status}.",
            "id",
        )
    log.info("post_target.resolved", target_id=str(target.id), outcome=str(outcome))
    await announce(services, [resolved])
    return resolved


def _is_web_link(url: str) -> bool:
    try:
        parts = urlsplit(url)
        return len(url) <= MAX_URL_LENGTH and parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:  # an unbalanced "[" in the host
        return False
