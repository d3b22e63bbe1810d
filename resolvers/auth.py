"""Sign-up, log-in and log-out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from app.auth import hash_password, verify_password
from app.context import Context
from models.user import User, normalize_email
from models.workspace import Member, Role, Workspace
from resolvers.errors import Rejected, UserError, reject
from resolvers.workspaces import check_workspace_fields

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD, MAX_PASSWORD = 10, 256


@dataclass(frozen=True, slots=True)
class SignedIn:
    token: str
    user: User


async def sign_up(
    ctx: Context, *, email: str, password: str, name: str, workspace_name: str | None, timezone: str | None
) -> SignedIn:
    """Create the user and a workspace they own, and sign them in."""
    errors = _check_sign_up(email, password, name)
    workspace_name = (workspace_name or f"{name.strip()}'s workspace").strip()
    errors += check_workspace_fields(workspace_name, timezone or "UTC", name_field="workspaceName")
    if errors:
        raise Rejected(errors)
    user = User(email=normalize_email(email), password_hash=hash_password(password), name=name.strip())
    try:
        await user.insert()
    except DuplicateKeyError:
        raise reject("EMAIL_TAKEN", "An account with this email exists; log in instead.", "email") from None
    assert user.id is not None
    try:
        await Workspace(
            name=workspace_name,
            timezone=timezone or "UTC",
            members=[Member(user_id=user.id, role=Role.OWNER)],
        ).insert()
    except BaseException:
        await user.delete()  # no user without a workspace: undo the first write
        raise
    return SignedIn(token=await ctx.services.sessions.create(str(user.id)), user=user)


def _check_sign_up(email: str, password: str, name: str) -> list[UserError]:
    errors = []
    if not _EMAIL.match(email.strip()) or len(email) > 254:
        errors.append(UserError("INVALID_EMAIL", "Enter an email address like name@example.com.", ("email",)))
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        errors.append(
            UserError(
                "PASSWORD_TOO_WEAK",
                f"Use a password of {MIN_PASSWORD} to {MAX_PASSWORD} characters.",
                ("password",),
            )
        )
    if not name.strip() or len(name) > 100:
        errors.append(UserError("INVALID_NAME", "Enter a name of 1 to 100 characters.", ("name",)))
    return errors


async def log_in(ctx: Context, *, email: str, password: str) -> SignedIn:
    """Check the password (rate-limited per email and per client address) and open a session."""
    settings, limiter = ctx.services.settings, ctx.services.rate_limiter
    window = settings.login_limit_window_seconds
    for key, limit in (
        (f"login:email:{normalize_email(email)}", settings.login_limit_per_email),
        (f"login:address:{ctx.client_address}", settings.login_limit_per_address),
    ):
        decision = await limiter.hit(key, limit=limit, window_seconds=window)
        if not decision.allowed:
            raise reject(
                "RATE_LIMITED",
                f"Too many attempts; try again in {max(1, round(decision.retry_after_seconds))} seconds.",
            )
    user = await User.by_email(email)
    if not verify_password(user.password_hash if user else None, password) or user is None:
        raise reject("INVALID_CREDENTIALS", "The email or the password is wrong.")
    return SignedIn(token=await ctx.services.sessions.create(str(user.id)), user=user)


async def log_out(ctx: Context, token: str | None) -> bool:
    """End the session of this token; False when there was none."""
    if token is None:
        return False
    await ctx.services.sessions.revoke(token)
    return True


def user_id_of(user: User) -> PydanticObjectId:
    assert user.id is not None
    return user.id
