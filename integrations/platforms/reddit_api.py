"""Reddit's OAuth API on the wire: requests with the right User-Agent, answers classified by status and
error code (never by message text).

Follows Reddit's "OAuth2" wiki (`/api/v1/authorize`, `/api/v1/access_token` with HTTP basic auth,
`{"error": "invalid_grant"}` for a refused code or refresh token), the API documentation of `/api/submit`
(answers `{"json": {"errors": [[code, message, field]], "data": {...}}}`) and the API rules: a unique
User-Agent `<platform>:<app id>:<version> (by /u/<name>)`, and the `X-Ratelimit-Used/Remaining/Reset`
headers (requests left in the window, seconds until it resets).
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from integrations.platforms.base import (
    AuthExpired,
    InvalidContent,
    OutcomeUnknown,
    Permanent,
    PublishFailure,
    RateLimited,
    Transient,
)

# Reddit's window is ten minutes; without a reset header, come back after one.
DEFAULT_RATE_LIMIT_WAIT = timedelta(minutes=1)
# `RATELIMIT` on submit ("you are doing that too much") without its `ratelimit` seconds.
DEFAULT_SUBMIT_WAIT = timedelta(minutes=10)
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)

# Submit error codes, what they mean to a user, and the stable code Herald reports.
SUBMIT_ERRORS: dict[str, tuple[str, str]] = {
    "SUBMIT_VALIDATION_FLAIR_REQUIRED": (
        "FLAIR_REQUIRED",
        "r/{sr} requires a post flair; choose one (flairId).",
    ),
    "SUBREDDIT_NOEXIST": ("SUBREDDIT_NOT_FOUND", "There is no subreddit r/{sr}."),
    "BAD_SR_NAME": ("SUBREDDIT_NOT_FOUND", "r/{sr} is not a valid subreddit name."),
    "SUBREDDIT_NOTALLOWED": ("SUBREDDIT_RESTRICTED", "r/{sr} does not let this account post."),
    "SUBREDDIT_REQUIRED": ("SUBREDDIT_REQUIRED", "Choose the subreddit to post to."),
    "NO_SELFS": ("TEXT_POSTS_NOT_ALLOWED", "r/{sr} accepts link posts only; add a link."),
    "NO_LINKS": ("LINK_POSTS_NOT_ALLOWED", "r/{sr} accepts text posts only; remove the link."),
    "TOO_LONG": ("TITLE_TOO_LONG", "Reddit titles are at most 300 characters; shorten the title."),
    "NO_TEXT": ("TITLE_REQUIRED", "A Reddit post needs a title."),
    "BAD_URL": ("INVALID_LINK", "Reddit did not accept the link; give it as https://…"),
    "ALREADY_SUB": ("LINK_ALREADY_SUBMITTED", "This link was already posted to r/{sr}."),
    "SUBMIT_VALIDATION_BODY_NOT_ALLOWED": (
        "TEXT_NOT_ALLOWED",
        "r/{sr} does not allow a body; post the title only.",
    ),
    "SUBMIT_VALIDATION_BODY_REQUIRED": ("TEXT_REQUIRED", "r/{sr} requires a text body; write one."),
}


class Unauthorized(Exception):
    """401: the access token is no longer accepted (the caller refreshes it once and tries again)."""


def user_agent(client_id: str, version: str, name: str) -> str:
    """Reddit's required User-Agent format."""
    return f"web:{client_id}:{version} (by /u/{name})"


async def send(
    http: httpx.AsyncClient,
    method: str,
    url: str,
    *,
    agent: str,
    publishing: bool = False,
    **kwargs: Any,
) -> httpx.Response:
    """One request; transport failures and throttling (429) are classified here, the rest by the caller."""
    headers = {"User-Agent": agent, **kwargs.pop("headers", {})}
    try:
        response = await http.request(method, url, headers=headers, **kwargs)
    except _NOT_SENT as exc:
        raise Transient("SERVICE_UNAVAILABLE", f"Reddit could not be reached ({exc!r}).") from exc
    except httpx.TransportError as exc:
        if publishing:
            raise OutcomeUnknown("OUTCOME_UNKNOWN", f"Reddit did not answer the post ({exc!r}).") from exc
        raise Transient("SERVICE_UNAVAILABLE", f"Reddit did not answer ({exc!r}).") from exc
    if response.status_code == 429:
        raise RateLimited("RATE_LIMITED", "Reddit asked Herald to slow down.", retry_at=reset_at(response))
    return response


def api_failure(
    response: httpx.Response, *, publishing: bool, subreddit: str | None = None
) -> PublishFailure:
    """The failure of an OAuth API call that did not succeed (401 is handled before this)."""
    status = response.status_code
    if status >= 500:
        if publishing:
            return OutcomeUnknown("OUTCOME_UNKNOWN", f"Reddit did not confirm the post (HTTP {status}).")
        return Transient("SERVICE_UNAVAILABLE", f"Reddit is having trouble (HTTP {status}); retrying.")
    if status == 403 and subreddit:
        return InvalidContent(
            "SUBREDDIT_RESTRICTED",
            f"r/{subreddit} does not let this account post (it is private or restricted, "
            "or the account is banned there).",
        )
    if status == 403:
        return AuthExpired("PERMISSION_MISSING", "Reddit refused Herald's access; reconnect the account.")
    if status == 404 and subreddit:
        return InvalidContent("SUBREDDIT_NOT_FOUND", f"There is no subreddit r/{subreddit}.")
    return Permanent("REQUEST_REFUSED", f"Reddit refused the request (HTTP {status}).")


def token_failure(response: httpx.Response, body: Any, *, refreshing: bool) -> PublishFailure:
    """The failure of a call to `/api/v1/access_token` (a code exchange or a refresh)."""
    status = response.status_code
    error = body.get("error") if isinstance(body, dict) else None
    if status >= 500:
        return Transient("SERVICE_UNAVAILABLE", f"Reddit is having trouble (HTTP {status}); retrying.")
    if status == 401:
        return Permanent(
            "APP_REJECTED",
            "Reddit refused Herald's app credentials; check REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET.",
        )
    if error == "invalid_grant" and refreshing:
        return AuthExpired(
            "REFRESH_REVOKED",
            "Reddit no longer accepts Herald's access (it was revoked, or the password changed); reconnect.",
        )
    if error == "invalid_grant":
        return AuthExpired("CODE_REFUSED", "Reddit refused the authorization code; connect again.")
    return Permanent("REQUEST_REFUSED", f"Reddit refused the token request ({error or f'HTTP {status}'}).")


def submit_failure(payload: Mapping[str, Any], response: httpx.Response, subreddit: str) -> PublishFailure:
    """The first error of a `/api/submit` answer, by its code."""
    errors: Sequence[Any] = payload.get("errors") or []
    first = errors[0] if errors and isinstance(errors[0], list | tuple) else ["", "", ""]
    code = str(first[0]) if first else ""
    said = str(first[1]) if len(first) > 1 else ""
    if code == "RATELIMIT":
        seconds = payload.get("ratelimit")
        wait = timedelta(seconds=seconds) if isinstance(seconds, int | float) and seconds > 0 else None
        return RateLimited(
            "RATE_LIMITED",
            "Reddit limits how often this account may post; Herald posts it when Reddit allows.",
            retry_at=datetime.now(UTC) + (wait or DEFAULT_SUBMIT_WAIT),
        )
    if code in SUBMIT_ERRORS:
        ours, message = SUBMIT_ERRORS[code]
        return InvalidContent(ours, message.format(sr=subreddit))
    if code.startswith("SUBMIT_VALIDATION"):
        return InvalidContent("SUBREDDIT_RULE", f"r/{subreddit} refused the post: {said or code}.")
    if code in ("USER_REQUIRED", "INVALID_USER"):
        return AuthExpired("TOKEN_EXPIRED", "Reddit no longer knows this login; reconnect the account.")
    return InvalidContent(
        "CONTENT_REJECTED", f"Reddit refused the post: {said or code or 'no reason given'}."
    )


def reset_at(response: httpx.Response) -> datetime:
    """When the rate-limit window resets (`X-Ratelimit-Reset` is in seconds from now)."""
    with contextlib.suppress(KeyError, ValueError):
        seconds = float(response.headers["x-ratelimit-reset"])
        if seconds >= 0:
            return datetime.now(UTC) + timedelta(seconds=seconds + 1)
    return datetime.now(UTC) + DEFAULT_RATE_LIMIT_WAIT


def json_body(response: httpx.Response) -> Any:
    """The JSON of an answer; None when it is not JSON (an HTML error page)."""
    with contextlib.suppress(ValueError):
        return response.json()
    return None
