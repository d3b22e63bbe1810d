"""Sign-up, log-in and log-out."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass

from pymongo.errors import DuplicateKeyError

from app.services import Services
from models.user import User, normalize_email
from models.workspace import Member, Role, Workspace
from resolvers.caller import Caller
from resolvers.codes import AuthErrorCode
from resolvers.errors import Rejected, UserError, reject
from resolvers.sessions import open_session
from resolvers.workspaces import check_workspace_fields

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD, MAX_PASSWORD = 10, 256


@dataclass(frozen=True, slots=True)
class SignedIn:
    token: str
    user: User


async def sign_up(
    services: Services,
    caller: Caller,
    *,
    email: str,
    password: str,
    name: str,
    workspace_name: str | None,
    timezone: str | None,
) -> SignedIn:
    """Create the user and a workspace they own, and sign them in."""
    errors = _check_sign_up(email, password, name)
    workspace_name = (workspace_name or f"{name.strip()}'s workspace").strip()
    errors += check_workspace_fields(workspace_name, timezone or "UTC", name_field="workspaceName")
    if errors:
        raise Rejected(errors)
    password_hash = await services.passwords.hash(password)
    user = User(email=normalize_email(email), password_hash=password_hash, name=name.strip())
    try:
        await user.insert()
    except DuplicateKeyError:
        raise reject(
            AuthErrorCode.EMAIL_TAKEN, "An account with this email exists; log in instead.", "email"
        ) from None
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
    return SignedIn(token=await open_session(services, caller, user), user=user)


def _check_sign_up(email: str, password: str, name: str) -> list[UserError]:
    errors = []
    if not _EMAIL.match(email.strip()) or len(email) > 254:
        errors.append(
            UserError(
                AuthErrorCode.INVALID_EMAIL, "Enter an email address like name@example.com.", ("email",)
            )
        )
    errors += check_password(password, field="password")
    if not name.strip() or len(name) > 100:
        errors.append(
            UserError(AuthErrorCode.INVALID_NAME, "Enter a name of 1 to 100 characters.", ("name",))
        )
    return errors


def check_password(password: str, *, field: str) -> list[UserError]:
    """A new password's problems (none, or PASSWORD_TOO_WEAK)."""
    if MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        return []
    message = f"Use a password of {MIN_PASSWORD} to {MAX_PASSWORD} characters."
    return [UserError(AuthErrorCode.PASSWORD_TOO_WEAK, message, (field,))]


async def log_in(services: Services, caller: Caller, *, email: str, password: str) -> SignedIn:
    """Check the password and open a session; failed attempts are limited (see `LoginAttempt`)."""
    async with LoginAttempt(services, email, caller.address) as attempt:
        user = await User.by_email(email)
        right = await services.passwords.verify(user.password_hash if user else None, password)
        if not right or user is None:
            raise reject(AuthErrorCode.INVALID_CREDENTIALS, "The email or the password is wrong.")
        attempt.succeeded()
    return SignedIn(token=await open_session(services, caller, user), user=user)


class LoginAttempt:
    """Counts a login attempt as a failure unless it succeeds.

    Each attempt reserves a slot on its (email, address) pair, its address and its email before the
    password is checked, and gives them back when the password was right: only failures count, and
    concurrent guesses cannot all pass a check none has recorded yet. A full pair or address refuses
    (RATE_LIMITED); a full email (failures from everywhere) only slows each attempt down, so a
    distributed guesser cannot lock the owner out.
    """

    def __init__(self, services: Services, email: str, address: str) -> None:
        self._limiter = services.rate_limiter
        self._settings = services.settings
        email = normalize_email(email)
        self._pair = f"login:pair:{email}:{address}"
        self._address = f"login:address:{address}"
        self._email = f"login:email:{email}"
        self._held: list[tuple[str, str]] = []  # (key, hit id) reserved by this attempt
        self._succeeded = False
        self._wait = 1  # seconds until the refusing limit admits one more

    def succeeded(self) -> None:
        self._succeeded = True

    async def __aenter__(self) -> LoginAttempt:
        settings = self._settings
        for key, limit in (
            (self._pair, settings.login_limit_per_email_address),
            (self._address, settings.login_limit_per_address),
        ):
            if not await self._reserve(key, limit):
                await self._release()
                raise reject(
                    AuthErrorCode.RATE_LIMITED,
                    f"Too many failed attempts; try again in {self._wait} seconds.",
                )
        if not await self._reserve(self._email, settings.login_limit_per_email):
            await asyncio.sleep(settings.login_slowdown_seconds)
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        if self._succeeded:
            await self._release()

    async def _reserve(self, key: str, limit: int) -> bool:
        window = self._settings.login_limit_window_seconds
        decision = await self._limiter.hit(key, limit=limit, window_seconds=window)
        self._wait = max(1, round(decision.retry_after_seconds))
        if decision.hit_id is not None:
            self._held.append((key, decision.hit_id))
        return decision.allowed

    async def _release(self) -> None:
        for key, hit_id in self._held:
            await self._limiter.undo(key, hit_id)
        self._held.clear()
