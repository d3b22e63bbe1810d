"""Bluesky metrics: like, repost, reply and quote counts of a post, and an account's followers.

Counts are not in the repo: they are computed by an AppView, which indexes every repo's likes and
reposts. Herald asks the account's own PDS (`app.bsky.feed.getPosts`, `app.bsky.actor.getProfile`), which
forwards `app.bsky.*` queries to the AppView it is configured with, with the account's access token.

A PDS configured without an AppView answers those queries `400 InvalidRequest` (and some `501
MethodNotImplemented`); Herald's own parameters are valid (an at:// URI the PDS gave it, the account's
DID), so that answer means "unavailable here": `fetch_metrics` returns None and the followers are None,
never zeros. A post the AppView no longer returns was deleted: `PostGone`.

Sessions are the ones the publishing module stores (`credentials["session"]`, an SDK session string):
refreshed with `com.atproto.server.refreshSession` shortly before the access token expires, or after a
401, and saved at once because a refresh rotates the refresh token; a refresh token the PDS no longer
accepts falls back to one login with the stored app password.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import httpx
from atproto_core.exceptions import AtProtocolError

from integrations.platforms.base import (
    AccountSession,
    AuthExpired,
    Permanent,
    Published,
    PublishFailure,
    RateLimited,
    Transient,
)
from integrations.platforms.metrics import AccountMetrics, Budget, Metrics, PostGone
from integrations.safe_fetch import FetchRefused
from models.platform import PlatformName

if TYPE_CHECKING:  # the SDK's client package takes most of a second to import: on first use only
    from atproto_client.client.session import Session

ACCESS_TOKEN_MARGIN = timedelta(minutes=5)
DEFAULT_RATE_LIMIT_WAIT = timedelta(minutes=1)
_TOKEN_ERRORS = frozenset({"ExpiredToken", "InvalidToken", "AuthenticationRequired", "AuthMissing"})


class _TokenRefused(Exception):
    """The PDS did not accept the access token: renew the session once and ask again."""


class BlueskyMetrics:
    """The Bluesky implementation of `MetricsSource`, over plain XRPC queries."""

    name = PlatformName.BLUESKY
    budget: Budget | None = None

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    async def fetch_metrics(self, account: AccountSession, published: Published) -> Metrics | None:
        """The post's counts from the AppView; None without one."""
        body = await self._query(account, "app.bsky.feed.getPosts", {"uris": published.external_id})
        if body is None:
            return None
        posts = [p for p in body.get("posts") or [] if isinstance(p, dict)]
        if not posts:
            raise PostGone("POST_NOT_FOUND", "The post is no longer on Bluesky.")
        post = posts[0]
        return Metrics(
            likes=_count(post, "likeCount"),
            reposts=_count(post, "repostCount"),
            replies=_count(post, "replyCount"),
            quotes=_count(post, "quoteCount"),
            saves=_count(post, "bookmarkCount"),
        )

    async def fetch_account_metrics(self, account: AccountSession) -> AccountMetrics:
        """The account's followers from the AppView; None without one."""
        did = str(account.credentials.get("did") or account.external_id)
        body = await self._query(account, "app.bsky.actor.getProfile", {"actor": did})
        return AccountMetrics(followers=_count(body, "followersCount") if body is not None else None)

    # --- internals ------------------------------------------------------------------------------------

    async def _query(
        self, account: AccountSession, nsid: str, params: Mapping[str, str]
    ) -> dict[str, Any] | None:
        session = _session(account)
        if _expires_soon(session):
            session = await self._renew(account, session)
        try:
            return await self._get(session, account, nsid, params)
        except _TokenRefused:
            session = await self._renew(account, session)
        try:
            return await self._get(session, account, nsid, params)
        except _TokenRefused:
            raise AuthExpired("SESSION_EXPIRED", "Bluesky no longer accepts this session.") from None

    async def _get(
        self, session: Session, account: AccountSession, nsid: str, params: Mapping[str, str]
    ) -> dict[str, Any] | None:
        headers = {"Authorization": f"Bearer {session.access_jwt}"}
        response = await self._send("GET", f"{_service(account, session)}/xrpc/{nsid}", params, headers)
        body = _json(response)
        if response.status_code == 200 and isinstance(body, dict):
            return body
        code = body.get("error") if isinstance(body, dict) else None
        if response.status_code == 401 or code in _TOKEN_ERRORS:
            raise _TokenRefused
        if (response.status_code, code) in ((400, "InvalidRequest"), (501, "MethodNotImplemented")):
            return None  # no AppView behind this PDS (see the module docstring)
        raise _failure(response, code)

    async def _renew(self, account: AccountSession, session: Session) -> Session:
        """A fresh session (refreshed, else one login with the app password), saved before it is used."""
        base = f"{_service(account, session)}/xrpc"
        headers = {"Authorization": f"Bearer {session.refresh_jwt}"}
        response = await self._send("POST", f"{base}/com.atproto.server.refreshSession", None, headers)
        if response.status_code in (400, 401):  # the refresh token itself is no longer accepted
            identifier = account.credentials.get("did") or account.external_id
            login = {"identifier": identifier, "password": account.credentials.get("app_password", "")}
            response = await self._send("POST", f"{base}/com.atproto.server.createSession", None, None, login)
            if response.status_code in (400, 401):
                raise AuthExpired("SESSION_EXPIRED", "Bluesky no longer accepts this account's login.")
        body = _json(response)
        if response.status_code != 200 or not isinstance(body, dict):
            raise _failure(response, body.get("error") if isinstance(body, dict) else None)
        from atproto_client.client.session import Session

        renewed = Session(
            body["handle"], body["did"], body["accessJwt"], body["refreshJwt"], session.pds_endpoint
        )
        await account.save({**account.credentials, "handle": renewed.handle, "session": renewed.encode()})
        return renewed

    async def _send(
        self,
        method: str,
        url: str,
        params: Mapping[str, str] | None,
        headers: Mapping[str, str] | None,
        body: Mapping[str, Any] | None = None,
    ) -> httpx.Response:
        try:
            return await self.http.request(method, url, params=params, headers=headers, json=body)
        except FetchRefused as exc:
            raise Permanent(
                "ADDRESS_NOT_ALLOWED",
                "The account's PDS is not at a public address; Herald does not call it.",
            ) from exc
        except httpx.TransportError as exc:
            raise Transient("SERVICE_UNAVAILABLE", "Bluesky could not be reached.") from exc


def _session(account: AccountSession) -> Session:
    from atproto_client.client.session import Session

    try:
        return Session.decode(str(account.credentials["session"]))
    except (KeyError, ValueError, AtProtocolError) as exc:
        raise AuthExpired("SESSION_MISSING", "This Bluesky account has no stored session.") from exc


def _service(account: AccountSession, session: Session) -> str:
    # The session knows the account's own PDS, which may differ from the entryway the user typed; the
    # SDK keeps it as its XRPC base (".../xrpc").
    base = str(session.pds_endpoint or account.credentials["service"]).rstrip("/")
    return base.removesuffix("/xrpc")


def _expires_soon(session: Session) -> bool:
    try:
        expires = session.access_jwt_payload.exp
    except AtProtocolError:
        return True
    return expires is None or datetime.fromtimestamp(expires, UTC) - ACCESS_TOKEN_MARGIN <= datetime.now(UTC)


def _count(body: Mapping[str, Any], key: str) -> int | None:
    value = body.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _json(response: httpx.Response) -> Any:
    with contextlib.suppress(ValueError):
        return response.json()
    return None


def _failure(response: httpx.Response, code: str | None) -> PublishFailure:
    status = response.status_code
    if status == 429:
        wait = datetime.now(UTC) + DEFAULT_RATE_LIMIT_WAIT
        with contextlib.suppress(KeyError, ValueError, OverflowError):
            wait = datetime.fromtimestamp(int(response.headers["ratelimit-reset"]), UTC)
        return RateLimited("RATE_LIMITED", "Bluesky asked Herald to slow down.", retry_at=wait)
    if status >= 500:
        return Transient("SERVICE_UNAVAILABLE", f"Bluesky is having trouble (HTTP {status}).")
    return Permanent("REQUEST_REFUSED", f"Bluesky refused the request ({code or f'HTTP {status}'}).")
