"""Changing a password, and resetting a forgotten one with a single-use emailed token."""

from __future__ import annotations

import asyncio
import hashlib

import structlog
from beanie import PydanticObjectId

from app.services import Services
from models.user import User, normalize_email
from resolvers.auth import LoginAttempt, check_password
from resolvers.caller import Caller
from resolvers.codes import AuthErrorCode
from resolvers.errors import Rejected, reject
from resolvers.sessions import end_other_sessions

log = structlog.get_logger(__name__)

RESET = "password-reset"  # the one-time-token namespace
_sending: set[asyncio.Task[None]] = set()  # reset emails on their way (kept so they are not collected)


async def password_change(services: Services, caller: Caller, user: User, *, current: str, new: str) -> User:
    """Set a new password after checking the current one; every other session of the user ends."""
    if errors := check_password(new, field="newPassword"):
        raise Rejected(errors)
    async with LoginAttempt(services, user.email, caller.address) as attempt:
        if not await services.passwords.verify(user.password_hash, current):
            raise reject(AuthErrorCode.WRONG_PASSWORD, "The current password is wrong.", "currentPassword")
        attempt.succeeded()
    await user.set_password_hash(await services.passwords.hash(new))
    await end_other_sessions(services, user, keep=caller.token)
    return user


async def password_reset_request(services: Services, caller: Caller, *, email: str) -> None:
    """Email a reset link if the address has an account; the answer is the same either way.

    The email goes out in the background, so how long the answer takes does not tell either.
    """
    if services.mailer is None:
        raise reject(AuthErrorCode.NOT_CONFIGURED, "Password reset by email is not set up on this server.")
    settings, limiter = services.settings, services.rate_limiter
    window = settings.password_reset_ttl_seconds
    address = await limiter.hit(
        f"reset:address:{caller.address}", limit=settings.login_limit_per_address, window_seconds=window
    )
    if not address.allowed:
        raise reject(AuthErrorCode.RATE_LIMITED, "Too many reset requests from here; try again later.")
    # A few emails per address per hour: enough for a lost one, too few to flood an inbox.
    per_email = await limiter.hit(f"reset:email:{normalize_email(email)}", limit=3, window_seconds=window)
    user = await User.by_email(email)
    if user is None or not per_email.allowed:
        return
    task = asyncio.create_task(_send_reset(services, user))
    _sending.add(task)
    task.add_done_callback(_sending.discard)


async def _send_reset(services: Services, user: User) -> None:
    settings = services.settings
    assert services.mailer is not None
    token = await services.one_time_tokens.issue(
        RESET, _subject(user), ttl_seconds=settings.password_reset_ttl_seconds
    )
    base = settings.password_reset_url or f"{settings.public_base_url.rstrip('/')}/reset-password"
    minutes = settings.password_reset_ttl_seconds // 60
    text = (
        f"Someone asked to reset the password of your Herald account ({user.email}).\n\n"
        f"To choose a new password, open this link within {minutes} minutes:\n\n"
        f"{base}?token={token}\n\n"
        "The link works once. If you did not ask for it, ignore this email: your password stays as it is.\n"
    )
    try:
        await services.mailer.send(user.email, "Reset your Herald password", text)
        log.info("password_reset.sent", user_id=str(user.id))
    except Exception as exc:  # noqa: BLE001 (the request already answered; the user can ask again)
        log.error("password_reset.send_failed", user_id=str(user.id), error=f"{type(exc).__name__}: {exc}")


async def password_reset_complete(services: Services, *, token: str, new: str) -> User:
    """Set the password of the token's user, then end every session of theirs."""
    if errors := check_password(new, field="newPassword"):
        raise Rejected(errors)
    subject = await services.one_time_tokens.consume(RESET, token)
    user_id, _, fingerprint = (subject or "").partition(":")
    user = await User.get(PydanticObjectId(user_id)) if PydanticObjectId.is_valid(user_id) else None
    # A token from before the password last changed is spent: the fingerprint no longer matches.
    if user is None or _subject(user) != f"{user_id}:{fingerprint}":
        raise reject(
            AuthErrorCode.INVALID_TOKEN,
            "This reset link is invalid, used or expired; ask for a new one.",
            "token",
        )
    await user.set_password_hash(await services.passwords.hash(new))
    await end_other_sessions(services, user, keep=None)
    log.info("password_reset.completed", user_id=user_id)
    return user


def _subject(user: User) -> str:
    fingerprint = hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]
    return f"{user.id}:{fingerprint}"
