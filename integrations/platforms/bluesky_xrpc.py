"""How a failed XRPC call to a PDS becomes one of the five `PublishFailure` kinds.

Classified from the HTTP status and the XRPC error code, never from the message text.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import httpx
from atproto_core.exceptions import AtProtocolError

from integrations.platforms.base import (
    AuthExpired,
    InvalidContent,
    OutcomeUnknown,
    Permanent,
    PublishFailure,
    RateLimited,
    Transient,
)
from integrations.safe_fetch import FetchRefused

if TYPE_CHECKING:
    from atproto_client.request import Response

# Used when a 429 carries no reset time.
DEFAULT_RATE_LIMIT_WAIT = timedelta(minutes=1)

# XRPC error codes that mean "this token is no longer good", whatever the status code says.
TOKEN_ERRORS = frozenset({"ExpiredToken", "InvalidToken", "AuthenticationRequired", "AuthMissing"})
# XRPC error codes of an account that cannot post at all; retrying or reconnecting does not help.
ACCOUNT_ERRORS = frozenset(
    {"AccountTakedown", "AccountDeactivated", "RepoTakendown", "RepoDeactivated", "RepoSuspended"}
)
# Transport failures: no response arrived, so nobody knows what the server did.
TRANSPORT_ERRORS = (httpx.TransportError,)
# Everything a call through the SDK raises when it fails (FetchRefused: the safe-fetch policy refused
# the PDS's address, and nothing was sent).
XRPC_ERRORS = (AtProtocolError, FetchRefused, *TRANSPORT_ERRORS)


class BlobMissing(Transient):
    """The PDS no longer has a blob the record refers to (unreferenced uploads expire): upload again."""


def _response(exc: BaseException) -> Response | None:
    """The response of a failed SDK call; None when none arrived. The SDK is imported here, not above:
    it takes most of a second, and a process that starts need not wait for it (a call loaded it)."""
    from atproto_client.exceptions import RequestErrorBase

    return exc.response if isinstance(exc, RequestErrorBase) else None


def status_of(exc: BaseException) -> int | None:
    """The HTTP status of a failed call; None when no response arrived."""
    response = _response(exc)
    return response.status_code if response is not None else None


def error_code(exc: BaseException) -> str | None:
    """The XRPC `error` name of a failed call (e.g. `RecordNotFound`), when the PDS gave one."""
    response = _response(exc)
    content = response.content if response is not None else None
    code = getattr(content, "error", None)
    return code if isinstance(code, str) else None


def is_token_error(exc: BaseException) -> bool:
    """Whether the PDS refused the call's token (so nothing was done, and a new token may help)."""
    return status_of(exc) == 401 or error_code(exc) in TOKEN_ERRORS


def retry_at(exc: BaseException) -> datetime:
    """When a rate-limited call may be tried again: the `ratelimit-reset` header (epoch seconds)."""
    response = _response(exc)
    headers: Mapping[str, Any] = response.headers if response is not None else {}
    with contextlib.suppress(KeyError, TypeError, ValueError, OverflowError):
        return datetime.fromtimestamp(int(headers["ratelimit-reset"]), UTC)
    return datetime.now(UTC) + DEFAULT_RATE_LIMIT_WAIT


def login_failure(exc: BaseException) -> PublishFailure:
    """Classify a failed `createSession`: a refused handle or app password is BAD_CREDENTIALS."""
    status, code = status_of(exc), error_code(exc)
    if code in ACCOUNT_ERRORS:
        return Permanent("ACCOUNT_UNAVAILABLE", "This Bluesky account is suspended or deactivated.")
    if status in {400, 401}:
        return AuthExpired(
            "BAD_CREDENTIALS",
            "Bluesky did not accept this handle and app password; check both, or create a new app password.",
        )
    return failure(exc)


def failure(exc: BaseException, *, writing: bool = False) -> PublishFailure:
    """Classify a failed XRPC call from its status and error code (never its message).

    With `writing`, a failure that may have happened after the PDS wrote the record is
    `OutcomeUnknown` instead of `Transient`. Messages name the status, never the body: the PDS is
    wherever a user pointed Herald, and its answer must not reach them.
    """
    if isinstance(exc, FetchRefused):
        return Permanent(
            "ADDRESS_NOT_ALLOWED",
            "Herald does not call private or local network addresses; the account's PDS must have a "
            "public address.",
        )
    status, code = status_of(exc), error_code(exc)
    answer = f"HTTP {status}" if status is not None else "no reply"
    if status is None or status >= 500 or status == 409:
        if writing:
            return OutcomeUnknown("OUTCOME_UNKNOWN", f"Bluesky did not confirm the post ({answer}).")
        return Transient(
            "SERVICE_UNAVAILABLE", f"Bluesky could not be reached ({answer}); try again in a few minutes."
        )
    if 300 <= status < 400:
        return Permanent(
            "REDIRECT_REFUSED",
            f"The PDS answered with a redirect ({answer}), which Herald does not follow; give the PDS's "
            "own address.",
        )
    if status == 429:
        return RateLimited("RATE_LIMITED", "Bluesky asked Herald to slow down.", retry_at=retry_at(exc))
    if code in ACCOUNT_ERRORS:
        return Permanent("ACCOUNT_UNAVAILABLE", "This Bluesky account is suspended or deactivated.")
    if is_token_error(exc):
        return AuthExpired(
            "SESSION_EXPIRED", "The Bluesky session is no longer valid; reconnect the account."
        )
    if status in {400, 413}:
        return InvalidContent("CONTENT_REJECTED", f"Bluesky refused the post ({answer}).")
    return Permanent(
        "REQUEST_REFUSED",
        f"Bluesky refused the request ({answer}); check the service URL, or reconnect the account.",
    )
