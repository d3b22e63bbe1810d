"""Bluesky: connect an account with an app password and publish posts to its PDS.

Sessions are kept, not recreated: `createSession` is rate limited to a few dozen calls per hour, so a
publish starts from the stored session string, refreshes the access token when it is about to expire
and logs in again (once) only when the refresh token itself is no longer accepted. Every new session
is handed to `AccountSession.save` before anything else can fail, because a refresh rotates the
refresh token and losing the new one would force a login next time.

Posts are created under a record key derived from the target's idempotency key (see
`bluesky_text.record_key`), so a repeat cannot create a second post: it fails, and `getRecord` by the
same key tells whether the first attempt landed.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from atproto_client import AsyncClient, models
from atproto_client.client.session import Session
from atproto_client.exceptions import RequestErrorBase
from atproto_client.request import AsyncRequest
from atproto_core.exceptions import AtProtocolError

from integrations.platforms.base import (
    AccountSession,
    AuthExpired,
    Checkpoint,
    ConnectedAccount,
    InvalidContent,
    OutcomeUnknown,
    Permanent,
    PlatformName,
    PostContent,
    Published,
    PublishFailure,
    RateLimited,
    Transient,
    Violation,
)
from integrations.platforms.bluesky_media import media_violations
from integrations.platforms.bluesky_text import (
    FacetKind,
    build_facets,
    detect_facet_spans,
    record_key,
    text_violations,
)

POST_COLLECTION = "app.bsky.feed.post"
PROFILE_COLLECTION = "app.bsky.actor.profile"
# Refresh this long before the access token expires, so a slow request does not outlive its token.
ACCESS_TOKEN_MARGIN = timedelta(minutes=5)
# Publishing media to Bluesky is the next issue; until then a post with media is refused, not
# published without it.
MEDIA_NOT_SUPPORTED_YET = "MEDIA_NOT_SUPPORTED_YET"
_MEDIA_NOT_YET = "Herald cannot publish images or videos to Bluesky yet; remove the media to publish now."
# Used when a 429 carries no reset time.
DEFAULT_RATE_LIMIT_WAIT = timedelta(minutes=1)

# XRPC error codes that mean "this token is no longer good", whatever the status code says.
_TOKEN_ERRORS = frozenset({"ExpiredToken", "InvalidToken", "AuthenticationRequired", "AuthMissing"})
# XRPC error codes of an account that cannot post at all; retrying or reconnecting does not help.
_ACCOUNT_ERRORS = frozenset(
    {"AccountTakedown", "AccountDeactivated", "RepoTakendown", "RepoDeactivated", "RepoSuspended"}
)
# Transport failures: no response arrived, so nobody knows what the server did.
_TRANSPORT_ERRORS = (httpx.TransportError,)


class Bluesky:
    """The Bluesky (AT Protocol) implementation of the `Platform` contract."""

    name = PlatformName.BLUESKY

    def __init__(self, *, timeout: float = 20.0) -> None:
        self._timeout = timeout

    def validate(self, content: PostContent) -> list[Violation]:
        """Length rules of a post (300 graphemes, 3,000 UTF-8 bytes) and its media rules."""
        violations = text_violations(content.text) + media_violations(content.media)
        if content.media:
            violations.append(Violation(MEDIA_NOT_SUPPORTED_YET, _MEDIA_NOT_YET, ("mediaIds",)))
        return violations

    async def connect(self, handle: str, app_password: str, service_url: str) -> ConnectedAccount:
        """Log in once with an app password and return the account with its session credentials.

        Raises `AuthExpired("BAD_CREDENTIALS")` when the PDS refuses the handle or password and
        `Transient` when the PDS cannot be reached.
        """
        async with self._client(service_url) as client:
            try:
                # The PDS alone does not serve app.bsky profiles, so the profile is read from the repo.
                await client.login(handle, app_password, fetch_bsky_profile=False)
            except (AtProtocolError, *_TRANSPORT_ERRORS) as exc:
                raise _login_failure(exc) from exc
            session = Session.decode(client.export_session_string())
            display_name = await _display_name(client, session.did)
        credentials = {
            "service": service_url,
            "did": session.did,
            "handle": session.handle,
            "app_password": app_password,
            "session": session.encode(),
        }
        return ConnectedAccount(
            external_id=session.did, handle=session.handle, display_name=display_name, credentials=credentials
        )

    async def publish(
        self,
        account: AccountSession,
        content: PostContent,
        idempotency_key: str,
        checkpoint: Checkpoint | None = None,
    ) -> Published:
        """Create the post under the record key derived from `idempotency_key`.

        A repeat with the same key returns the post the first call created instead of a second one.
        """
        if content.media:
            # Refused when the post is written; this catches a post stored some other way, so media is
            # never silently dropped.
            raise InvalidContent(MEDIA_NOT_SUPPORTED_YET, _MEDIA_NOT_YET)
        rkey = record_key(idempotency_key)
        session = Session.decode(account.credentials["session"])
        async with self._client(_service_of(account, session)) as client:
            if _expires_soon(session):
                session = await self._renew(client, account, session)
            record = await self._post_record(client, content)
            data = models.ComAtprotoRepoCreateRecord.Data(
                repo=session.did, collection=POST_COLLECTION, rkey=rkey, record=record
            )
            try:
                created = await self._create_record(client, account, session, data)
            except (AtProtocolError, *_TRANSPORT_ERRORS) as exc:
                return await self._after_failed_create(client, account, session.did, rkey, exc)
            return _published(account, created.uri, rkey, record["createdAt"])

    async def find_published(
        self, account: AccountSession, content: PostContent, idempotency_key: str
    ) -> Published | None:
        """The post created under this key, None when the PDS says there is none.

        Raises `OutcomeUnknown` when the PDS cannot be asked.
        """
        rkey = record_key(idempotency_key)
        session = Session.decode(account.credentials["session"])
        async with self._client(_service_of(account, session)) as client:
            try:
                return await _get_post(client, account, session.did, rkey)
            except (AtProtocolError, *_TRANSPORT_ERRORS) as exc:
                raise OutcomeUnknown(
                    "OUTCOME_UNKNOWN", "Bluesky could not be asked whether this post was published."
                ) from exc

    # --- internals ------------------------------------------------------------------------------------

    @contextlib.asynccontextmanager
    async def _client(self, base_url: str) -> AsyncIterator[AsyncClient]:
        request = AsyncRequest(timeout=self._timeout)
        try:
            yield AsyncClient(base_url=base_url, request=request)
        finally:
            await request.close()

    async def _renew(self, client: AsyncClient, account: AccountSession, session: Session) -> Session:
        """A fresh session: refreshed when possible, else a new login with the stored app password."""
        try:
            out = await client.com.atproto.server.refresh_session(headers=_auth(session, refresh=True))
        except (AtProtocolError, *_TRANSPORT_ERRORS) as exc:
            if not _is_token_error(exc):
                raise _failure(exc) from exc
            out = await self._login_again(client, account)
        renewed = Session(out.handle, out.did, out.access_jwt, out.refresh_jwt, session.pds_endpoint)
        await account.save({**account.credentials, "handle": renewed.handle, "session": renewed.encode()})
        return renewed

    async def _login_again(self, client: AsyncClient, account: AccountSession) -> Any:
        credentials = account.credentials
        data = models.ComAtprotoServerCreateSession.Data(
            identifier=credentials["did"], password=credentials["app_password"]
        )
        try:
            return await client.com.atproto.server.create_session(data)
        except (AtProtocolError, *_TRANSPORT_ERRORS) as exc:
            raise _login_failure(exc) from exc

    async def _post_record(self, client: AsyncClient, content: PostContent) -> dict[str, Any]:
        spans = detect_facet_spans(content.text)
        dids: dict[str, str] = {}
        for handle in {span.value for span in spans if span.kind is FacetKind.MENTION}:
            did = await _resolve_handle(client, handle)
            if did is not None:
                dids[handle] = did
        record: dict[str, Any] = {
            "$type": POST_COLLECTION,
            "text": content.text,
            # Millisecond precision, as the official clients write it.
            "createdAt": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        }
        if facets := build_facets(spans, dids):
            record["facets"] = facets
        if langs := content.options.get("langs"):
            record["langs"] = [langs] if isinstance(langs, str) else list(langs)
        return record

    async def _create_record(
        self, client: AsyncClient, account: AccountSession, session: Session, data: Any
    ) -> Any:
        try:
            return await client.com.atproto.repo.create_record(data, headers=_auth(session))
        except (AtProtocolError, *_TRANSPORT_ERRORS) as exc:
            if not _is_token_error(exc):
                raise
        # Refused before the record was looked at, so nothing was written: one retry is safe.
        session = await self._renew(client, account, session)
        return await client.com.atproto.repo.create_record(data, headers=_auth(session))

    async def _after_failed_create(
        self, client: AsyncClient, account: AccountSession, did: str, rkey: str, exc: BaseException
    ) -> Published:
        """Classify a failed createRecord, unless the record exists after all (a repeat, or a lost reply)."""
        failure = _failure(exc, writing=True)
        if isinstance(failure, RateLimited | AuthExpired):
            raise failure from exc  # refused before the record was looked at
        try:
            existing = await _get_post(client, account, did, rkey)
        except (AtProtocolError, *_TRANSPORT_ERRORS):
            existing = None  # the failure we already have says what to do next
        if existing is not None:
            return existing
        raise failure from exc


# --- responses and failures -------------------------------------------------------------------------------


def _service_of(account: AccountSession, session: Session) -> str:
    # The session knows the account's own PDS, which may differ from the entryway the user typed.
    return session.pds_endpoint or str(account.credentials["service"])


def _auth(session: Session, *, refresh: bool = False) -> dict[str, str]:
    # Passed per request instead of importing the session into the SDK client, so the SDK never
    # refreshes behind our back and every new token goes through `_renew` and gets saved.
    return {"Authorization": f"Bearer {session.refresh_jwt if refresh else session.access_jwt}"}


def _expires_soon(session: Session) -> bool:
    try:
        expires = session.access_jwt_payload.exp
    except AtProtocolError:
        return True  # an unreadable token is as good as an expired one
    return expires is None or datetime.fromtimestamp(expires, UTC) - ACCESS_TOKEN_MARGIN <= datetime.now(UTC)


def _published(account: AccountSession, uri: str, rkey: str, created_at: str | None) -> Published:
    published_at = None
    if created_at:
        with contextlib.suppress(ValueError):
            published_at = datetime.fromisoformat(created_at)
    return Published(
        external_id=uri,
        url=f"https://bsky.app/profile/{account.handle}/post/{rkey}",
        published_at=published_at,
    )


async def _get_post(client: AsyncClient, account: AccountSession, did: str, rkey: str) -> Published | None:
    """The post at this record key, None when the PDS answers RecordNotFound."""
    params = models.ComAtprotoRepoGetRecord.Params(repo=did, collection=POST_COLLECTION, rkey=rkey)
    try:
        found = await client.com.atproto.repo.get_record(params)
    except AtProtocolError as exc:
        if _error_code(exc) == "RecordNotFound":
            return None
        raise
    return _published(account, found.uri, rkey, getattr(found.value, "created_at", None))


async def _resolve_handle(client: AsyncClient, handle: str) -> str | None:
    """The DID of `handle`, None when it does not resolve (the mention then stays plain text)."""
    params = models.ComAtprotoIdentityResolveHandle.Params(handle=handle)
    try:
        resolved = await client.com.atproto.identity.resolve_handle(params)
    except (AtProtocolError, *_TRANSPORT_ERRORS) as exc:
        if _status(exc) == 400:
            return None
        raise _failure(exc) from exc
    return str(resolved.did)


async def _display_name(client: AsyncClient, did: str) -> str | None:
    params = models.ComAtprotoRepoGetRecord.Params(repo=did, collection=PROFILE_COLLECTION, rkey="self")
    try:
        profile = await client.com.atproto.repo.get_record(params)
    except (AtProtocolError, *_TRANSPORT_ERRORS):
        return None  # a missing profile only costs the display name
    name = getattr(profile.value, "display_name", None)
    return name if isinstance(name, str) and name else None


def _status(exc: BaseException) -> int | None:
    response = exc.response if isinstance(exc, RequestErrorBase) else None
    return response.status_code if response is not None else None


def _error_code(exc: BaseException) -> str | None:
    response = exc.response if isinstance(exc, RequestErrorBase) else None
    content = response.content if response is not None else None
    code = getattr(content, "error", None)
    return code if isinstance(code, str) else None


def _is_token_error(exc: BaseException) -> bool:
    return _status(exc) == 401 or _error_code(exc) in _TOKEN_ERRORS


def _retry_at(exc: BaseException) -> datetime:
    response = exc.response if isinstance(exc, RequestErrorBase) else None
    headers: Mapping[str, Any] = response.headers if response is not None else {}
    with contextlib.suppress(KeyError, TypeError, ValueError, OverflowError):
        return datetime.fromtimestamp(int(headers["ratelimit-reset"]), UTC)  # epoch seconds
    return datetime.now(UTC) + DEFAULT_RATE_LIMIT_WAIT


def _login_failure(exc: BaseException) -> PublishFailure:
    status, code = _status(exc), _error_code(exc)
    if code in _ACCOUNT_ERRORS:
        return Permanent("ACCOUNT_UNAVAILABLE", "This Bluesky account is suspended or deactivated.")
    if status in {400, 401}:
        return AuthExpired(
            "BAD_CREDENTIALS",
            "Bluesky did not accept this handle and app password; check both, or create a new app password.",
        )
    return _failure(exc)


def _failure(exc: BaseException, *, writing: bool = False) -> PublishFailure:
    """Classify a failed XRPC call from its status and error code (never its message).

    With `writing`, a failure that may have happened after the PDS wrote the record is
    `OutcomeUnknown` instead of `Transient`.
    """
    status, code = _status(exc), _error_code(exc)
    detail = str(exc)
    if status is None or status >= 500 or status == 409:
        if writing:
            return OutcomeUnknown(
                "OUTCOME_UNKNOWN", f"Bluesky did not confirm the post ({detail or 'no reply'})."
            )
        return Transient("SERVICE_UNAVAILABLE", f"Bluesky could not be reached ({detail or 'no reply'}).")
    if status == 429:
        return RateLimited("RATE_LIMITED", "Bluesky asked Herald to slow down.", retry_at=_retry_at(exc))
    if code in _ACCOUNT_ERRORS:
        return Permanent("ACCOUNT_UNAVAILABLE", "This Bluesky account is suspended or deactivated.")
    if _is_token_error(exc):
        return AuthExpired(
            "SESSION_EXPIRED", "The Bluesky session is no longer valid; reconnect the account."
        )
    if status in {400, 413}:
        return InvalidContent("CONTENT_REJECTED", f"Bluesky refused the post: {detail}.")
    return Permanent("REQUEST_REFUSED", f"Bluesky refused the request: {detail}.")
