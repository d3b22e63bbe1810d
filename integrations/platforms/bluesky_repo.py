"""One account's repo on its PDS while Herald writes to it: the session, and the calls a publish makes.

Sessions are kept, not recreated: `createSession` is rate limited to a few dozen calls per hour, so a
publish starts from the stored session string, refreshes the access token when it is about to expire
and logs in again (once) only when the refresh token itself is no longer accepted. Every new session
is handed to `AccountSession.save` before anything else can fail, because a refresh rotates the
refresh token and losing the new one would force a login next time.

A write refused for its token was not looked at by the PDS, so it is retried once with a new token.
Posts are created under a caller-chosen record key; `create_post` turns a failed create whose record
exists after all (a repeat, or a lost reply) into that record (the never-post-twice rule).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any, Self, TypeVar

from atproto_client import AsyncClient, models
from atproto_client.client.session import Session
from atproto_client.request import AsyncRequest, RequestBase
from atproto_core.exceptions import AtProtocolError

from integrations.platforms.base import AccountSession, AuthExpired, RateLimited
from integrations.platforms.bluesky_refs import POST_COLLECTION, PostRef
from integrations.platforms.bluesky_xrpc import (
    XRPC_ERRORS,
    BlobMissing,
    error_code,
    failure,
    is_token_error,
    login_failure,
    status_of,
)
from integrations.safe_fetch import FetchPolicy, safe_client

# Refresh this long before the access token expires, so a slow request does not outlive its token.
ACCESS_TOKEN_MARGIN = timedelta(minutes=5)

T = TypeVar("T")
Headers = dict[str, str]


class CheckedRequest(AsyncRequest):  # type: ignore[misc]  # the SDK is untyped here
    """The SDK's request layer over a safe-fetch client: checked addresses only, and no redirects.

    Every PDS Herald calls is named by a user (the service URL, the PDS of the account's DID document),
    so the SDK's own client, which follows redirects anywhere, is never made.
    """

    def __init__(self, policy: FetchPolicy, timeout_seconds: float) -> None:
        RequestBase.__init__(self)  # not AsyncRequest's: it would build a client that follows redirects
        self._policy, self._timeout_seconds = policy, timeout_seconds
        self._client_kwargs: dict[str, Any] = {}
        self._client = safe_client(policy, timeout_seconds=timeout_seconds)

    def _new_instance(self) -> Self:
        return type(self)(self._policy, self._timeout_seconds)


@contextlib.asynccontextmanager
async def open_client(
    base_url: str, timeout_seconds: float, policy: FetchPolicy
) -> AsyncIterator[AsyncClient]:
    """An SDK client for one PDS within the safe-fetch policy, its connections closed on exit."""
    request = CheckedRequest(policy, timeout_seconds)
    try:
        yield AsyncClient(base_url=base_url, request=request)
    finally:
        await request.close()


@contextlib.asynccontextmanager
async def open_repo(
    account: AccountSession, timeout_seconds: float, policy: FetchPolicy
) -> AsyncIterator[AccountRepo]:
    """The account's repo on its own PDS (the session knows it; it may differ from the entryway)."""
    session = Session.decode(account.credentials["session"])
    base_url = session.pds_endpoint or str(account.credentials["service"])
    async with open_client(base_url, timeout_seconds, policy) as client:
        yield AccountRepo(client, account, session)


class AccountRepo:
    """The calls Herald makes to one account's repo, each with the session kept fresh."""

    def __init__(self, client: AsyncClient, account: AccountSession, session: Session) -> None:
        self.client = client
        self.account = account
        self.session = session

    @property
    def did(self) -> str:
        """The account's DID (its repo)."""
        return str(self.session.did)

    # --- session ----------------------------------------------------------------------------------------

    async def ensure_fresh(self) -> None:
        """Renew the session first when its access token expires within the margin."""
        if _expires_soon(self.session):
            await self._renew()

    async def authed(self, call: Callable[[Headers], Awaitable[T]]) -> T:
        """`call` with the access token; once more with a renewed one when the PDS refuses the token."""
        try:
            return await call(_auth(self.session))
        except XRPC_ERRORS as exc:
            if not is_token_error(exc):
                raise
        await self._renew()
        return await call(_auth(self.session))

    async def _renew(self) -> None:
        """A fresh session: refreshed when possible, else a new login with the stored app password."""
        headers = _auth(self.session, refresh=True)
        try:
            out = await self.client.com.atproto.server.refresh_session(headers=headers)
        except XRPC_ERRORS as exc:
            if not is_token_error(exc):
                raise failure(exc) from exc
            out = await self._login_again()
        old = self.session
        self.session = Session(out.handle, out.did, out.access_jwt, out.refresh_jwt, old.pds_endpoint)
        credentials = {**self.account.credentials, "handle": out.handle, "session": self.session.encode()}
        await self.account.save(credentials)

    async def _login_again(self) -> Any:
        credentials = self.account.credentials
        data = models.ComAtprotoServerCreateSession.Data(
            identifier=credentials["did"], password=credentials["app_password"]
        )
        try:
            return await self.client.com.atproto.server.create_session(data)
        except XRPC_ERRORS as exc:
            raise login_failure(exc) from exc

    # --- reads ------------------------------------------------------------------------------------------

    async def get_post(self, rkey: str, repo: str | None = None) -> tuple[PostRef, Any] | None:
        """The post at `rkey` in `repo` (this account's by default) and its record value; None when the
        PDS answers RecordNotFound. Other failures raise the SDK's errors."""
        params = models.ComAtprotoRepoGetRecord.Params(
            repo=repo or self.did, collection=POST_COLLECTION, rkey=rkey
        )
        try:
            found = await self.client.com.atproto.repo.get_record(params)
        except AtProtocolError as exc:
            if error_code(exc) == "RecordNotFound":
                return None
            raise
        if found.cid is None:
            return None
        created_at = getattr(found.value, "created_at", None)
        return PostRef(found.uri, found.cid, created_at if isinstance(created_at, str) else None), found.value

    async def resolve_handle(self, handle: str) -> str | None:
        """The DID of `handle`, None when it does not resolve."""
        params = models.ComAtprotoIdentityResolveHandle.Params(handle=handle)
        try:
            resolved = await self.client.com.atproto.identity.resolve_handle(params)
        except XRPC_ERRORS as exc:
            if status_of(exc) == 400:
                return None
            raise failure(exc) from exc
        return str(resolved.did)

    # --- writes -----------------------------------------------------------------------------------------

    async def upload_blob(self, data: bytes, content_type: str) -> dict[str, Any]:
        """Upload bytes; the blob reference (JSON) a record embeds. Raises the SDK's errors."""

        async def upload(headers: Headers) -> Any:
            headers = {**headers, "Content-Type": content_type}
            return await self.client.com.atproto.repo.upload_blob(data, headers=headers)

        out = await self.authed(upload)
        blob = out.blob
        return {
            "$type": "blob",
            "ref": {"$link": str(blob.cid)},
            "mimeType": blob.mime_type,
            "size": blob.size,
        }

    async def create_post(self, rkey: str, record: Mapping[str, Any]) -> PostRef:
        """Create the post under `rkey`, or find it there when an earlier call already did.

        Raises a classified `PublishFailure` (`BlobMissing` when an embedded blob has expired).
        """
        data = models.ComAtprotoRepoCreateRecord.Data(
            repo=self.did, collection=POST_COLLECTION, rkey=rkey, record=dict(record)
        )
        try:
            out = await self.authed(
                lambda headers: self.client.com.atproto.repo.create_record(data, headers=headers)
            )
        except XRPC_ERRORS as exc:
            return await self._after_failed_create(rkey, exc)
        return PostRef(out.uri, out.cid, str(record["createdAt"]))

    async def _after_failed_create(self, rkey: str, exc: BaseException) -> PostRef:
        """Classify a failed createRecord, unless the record exists after all (a repeat, or a lost reply)."""
        found = failure(exc, writing=True)
        if isinstance(found, RateLimited | AuthExpired):
            raise found from exc  # refused before the record was looked at
        if error_code(exc) == "BlobNotFound":
            raise BlobMissing("MEDIA_UPLOAD_EXPIRED", "Bluesky no longer had an uploaded file.") from exc
        try:
            existing = await self.get_post(rkey)
        except XRPC_ERRORS:
            existing = None  # the failure we already have says what to do next
        if existing is not None:
            return existing[0]
        raise found from exc

    async def delete_post(self, rkey: str) -> None:
        """Delete this account's post at `rkey` (nothing happens when it is already gone)."""
        data = models.ComAtprotoRepoDeleteRecord.Data(repo=self.did, collection=POST_COLLECTION, rkey=rkey)
        try:
            await self.authed(
                lambda headers: self.client.com.atproto.repo.delete_record(data, headers=headers)
            )
        except XRPC_ERRORS as exc:
            raise failure(exc) from exc


def _auth(session: Session, *, refresh: bool = False) -> Headers:
    # Passed per request instead of importing the session into the SDK client, so the SDK never
    # refreshes behind our back and every new token goes through `_renew` and gets saved.
    return {"Authorization": f"Bearer {session.refresh_jwt if refresh else session.access_jwt}"}


def _expires_soon(session: Session) -> bool:
    try:
        expires = session.access_jwt_payload.exp
    except AtProtocolError:
        return True  # an unreadable token is as good as an expired one
    return expires is None or datetime.fromtimestamp(expires, UTC) - ACCESS_TOKEN_MARGIN <= datetime.now(UTC)
