"""Connecting accounts with OAuth, and keeping their tokens alive: what every OAuth network provides.

A network module that connects through OAuth implements `OAuthConnector` next to the `Platform`
contract. Credentials of OAuth accounts carry two timestamps (ISO 8601, UTC) the rest of Herald reads
without knowing the network: `expires_at`, when the access token stops working, and `refresh_at`,
when the scheduler should refresh it (None for tokens that never expire, like Facebook Page tokens).
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from integrations.platforms.base import ConnectedAccount, Transient
from models.platform import PlatformName

# The permission each network's insights (views, reach, saves...) need beyond publishing. An account
# whose grant lacks it still publishes and still reads what the post object carries.
INSIGHTS_SCOPES: Mapping[PlatformName, str] = {
    PlatformName.THREADS: "threads_manage_insights",
    PlatformName.INSTAGRAM: "instagram_manage_insights",
    PlatformName.FACEBOOK: "read_insights",
}


@dataclass(frozen=True, slots=True)
class OAuthApp:
    """The app registered with a network: empty id or secret means "not configured"."""

    client_id: str
    client_secret: str

    @property
    def configured(self) -> bool:
        """Whether both halves of the app's credentials are set."""
        return bool(self.client_id and self.client_secret)


class OAuthConnector(Protocol):
    """What `oauthStart`, the callback and the token sweep need from one network."""

    name: PlatformName
    uses_pkce: bool

    @property
    def configured(self) -> bool:
        """Whether the app credentials are set; without them the network cannot be connected."""
        ...

    def authorization_url(self, state: str, redirect_uri: str, code_challenge: str | None) -> str:
        """Where to send the user's browser to consent."""
        ...

    async def exchange(
        self, code: str, redirect_uri: str, code_verifier: str | None
    ) -> Sequence[ConnectedAccount]:
        """Trade the callback's code for tokens and list every account they can publish to.

        Raises a `PublishFailure`: `AuthExpired` when the network refuses the code, `Transient` when it
        cannot be reached.
        """
        ...

    async def refresh(self, credentials: Mapping[str, Any]) -> dict[str, Any]:
        """Fresh credentials for an account whose `refresh_at` has come.

        Raises `AuthExpired` when the network refuses for good (the account must be reconnected) and
        `Transient` or `RateLimited` when it may work later. Never returns an empty token.
        """
        ...


def new_code_verifier() -> str:
    """A PKCE code verifier: 43 to 128 unreserved characters (RFC 7636 §4.1); this one has 86."""
    return secrets.token_urlsafe(64)


def code_challenge(verifier: str) -> str:
    """The S256 challenge of a verifier: base64url(sha256(verifier)) without padding."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def token_times(credentials: Mapping[str, Any]) -> tuple[datetime | None, datetime | None]:
    """`(expires_at, refresh_at)` of stored credentials; (None, None) for credentials without them."""
    return _parse(credentials.get("expires_at")), _parse(credentials.get("refresh_at"))


def expiry_fields(
    now: datetime, expires_in: Any, refresh_before: timedelta, *, min_age: timedelta = timedelta(0)
) -> dict[str, str | None]:
    """The `expires_at` / `refresh_at` credential fields of a token that lasts `expires_in` seconds.

    The token is refreshed `refresh_before` its expiry, but never before it is `min_age` old (Threads
    refuses to refresh younger tokens). A token without a lifetime never needs refreshing.
    """
    seconds = _seconds(expires_in)
    if seconds is None:
        return {"expires_at": None, "refresh_at": None}
    expires_at = now + timedelta(seconds=seconds)
    refresh_at = max(expires_at - refresh_before, now + min_age)
    return {"expires_at": expires_at.isoformat(), "refresh_at": refresh_at.isoformat()}


def require_token(value: Any, label: str) -> str:
    """A token from a network's answer; an empty or missing one is a failed call, never a token to store."""
    if not isinstance(value, str) or not value:
        raise Transient("TOKEN_MISSING", f"{label} answered without a token; Herald will try again.")
    return value


def _seconds(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        seconds = float(value)
    except ValueError:
        return None
    return seconds if seconds > 0 else None


def _parse(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)
