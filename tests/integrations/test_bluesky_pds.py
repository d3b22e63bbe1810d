"""The Bluesky module against a real local PDS (see tests/services/pds.py).

The PDS is started once per test session and stopped at the end; every test makes its own account, so
counts of records in a repo are exact. The few failures a healthy PDS never produces (429, a lost
reply, 5xx) come from a scripted local XRPC server at the end of this module.
"""

from __future__ import annotations

import asyncio
import base64
import json
import secrets
import socket
import time
import uuid
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import uvicorn
from atproto_client.client.session import Session
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from integrations.platforms.base import (
    AccountSession,
    AuthExpired,
    InvalidContent,
    OutcomeUnknown,
    Permanent,
    PostContent,
    Published,
    RateLimited,
    Transient,
)
from integrations.platforms.bluesky import POST_COLLECTION, Bluesky
from integrations.platforms.bluesky_text import record_key
from integrations.safe_fetch import FetchPolicy
from tests.services.connection_recorder import ConnectionRecorder, recording_listener
from tests.services.pds import PdsAccount, PdsServer

# The PDS and the scripted servers run on 127.0.0.1 (production refuses it: tests/resolvers/test_accounts.py).
LOCAL = FetchPolicy(allow_private_addresses=True)
FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"  # 👨‍👩‍👧‍👦


class SavedCredentials:
    """What Herald's `AccountSession.save` would have stored, in order."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    async def __call__(self, credentials: Mapping[str, Any]) -> None:
        self.calls.append(dict(credentials))


class Connected:
    """A PDS account connected to Herald with an app password."""

    def __init__(self, pds_account: PdsAccount, credentials: Mapping[str, Any]) -> None:
        self.pds_account = pds_account
        self.credentials = dict(credentials)
        self.saved = SavedCredentials()

    @property
    def did(self) -> str:
        return self.pds_account.did

    def session(self, **credentials: Any) -> AccountSession:
        return AccountSession(
            external_id=self.did,
            handle=self.pds_account.handle,
            credentials={**self.credentials, **credentials},
            save=self.saved,
        )


async def _new_account(pds: PdsServer) -> tuple[PdsAccount, str]:
    handle = f"u{uuid.uuid4().hex[:10]}.test"
    account = await pds.create_account(handle, f"{handle}@example.com", secrets.token_hex(8))
    return account, await pds.create_app_password(account)


@pytest.fixture
async def connected(pds: PdsServer) -> Connected:
    account, app_password = await _new_account(pds)
    connected_account = await Bluesky(fetch_policy=LOCAL).connect(account.handle, app_password, pds.url)
    return Connected(account, connected_account.credentials)


def _idempotency_key() -> str:
    return f"{time.time_ns() // 1000:016x}{secrets.token_hex(8)}"


def _with_tokens(session_string: str, *, access: str | None = None, refresh: str | None = None) -> str:
    session = Session.decode(session_string)
    session.access_jwt = access or session.access_jwt
    session.refresh_jwt = refresh or session.refresh_jwt
    return str(session.encode())


def _rkey(published: Published) -> str:
    return published.external_id.rsplit("/", 1)[1]


# --- connect ----------------------------------------------------------------------------------------------


async def test_connect_with_an_app_password_returns_the_account_and_its_session(pds: PdsServer) -> None:
    # given
    account, app_password = await _new_account(pds)

    # when
    connected = await Bluesky(fetch_policy=LOCAL).connect(account.handle, app_password, pds.url)

    # then
    assert (connected.external_id, connected.handle) == (account.did, account.handle)
    credentials = connected.credentials
    assert credentials["service"] == pds.url
    assert (credentials["did"], credentials["handle"], credentials["app_password"]) == (
        account.did,
        account.handle,
        app_password,
    )
    assert Session.decode(credentials["session"]).did == account.did


async def test_connect_with_a_wrong_password_is_bad_credentials(pds: PdsServer) -> None:
    account, _ = await _new_account(pds)

    with pytest.raises(AuthExpired) as raised:
        await Bluesky(fetch_policy=LOCAL).connect(account.handle, "aaaa-bbbb-cccc-dddd", pds.url)

    assert raised.value.code == "BAD_CREDENTIALS"


async def test_connect_to_an_unreachable_service_is_transient() -> None:
    with pytest.raises(Transient):
        await Bluesky(fetch_policy=LOCAL).connect("alice.test", "aaaa-bbbb-cccc-dddd", "http://127.0.0.1:9")


# --- publish ----------------------------------------------------------------------------------------------


async def test_publish_writes_text_facets_and_langs(pds: PdsServer, connected: Connected) -> None:
    # given another account to mention, and a text with emoji before every feature
    bob, _ = await _new_account(pds)
    link = "https://example.com/herald?x=1"
    text = f"{FAMILY} Hi @{bob.handle}! {FAMILY} see {link}. #herald {FAMILY}"
    key = _idempotency_key()

    # when
    published = await Bluesky(fetch_policy=LOCAL).publish(
        connected.session(), PostContent(text=text, options={"langs": ["en"]}), key
    )

    # then the post is where Herald says it is
    rkey = record_key(key)
    assert published.external_id == f"at://{connected.did}/{POST_COLLECTION}/{rkey}"
    assert published.url == f"https://bsky.app/profile/{connected.pds_account.handle}/post/{rkey}"
    # and the PDS holds the text, the langs and facets at UTF-8 byte offsets
    value = (await pds.get_record(connected.did, POST_COLLECTION, rkey))["value"]
    assert (value["text"], value["langs"]) == (text, ["en"])
    encoded = text.encode()

    def span(fragment: str) -> dict[str, int]:
        start = encoded.index(fragment.encode())
        return {"byteStart": start, "byteEnd": start + len(fragment.encode())}

    # (the SDK also writes the optional "$type" of the byte slice; the offsets are what matter)
    facets = [
        ({"byteStart": f["index"]["byteStart"], "byteEnd": f["index"]["byteEnd"]}, f["features"][0])
        for f in value["facets"]
    ]
    assert facets == [
        (span(f"@{bob.handle}"), {"$type": "app.bsky.richtext.facet#mention", "did": bob.did}),
        (span(link), {"$type": "app.bsky.richtext.facet#link", "uri": link}),
        (span("#herald"), {"$type": "app.bsky.richtext.facet#tag", "tag": "herald"}),
    ]


async def test_publish_links_bare_domains_and_cashtags_as_the_app_does(
    pds: PdsServer, connected: Connected
) -> None:
    # given a text with a bare domain and a cashtag after emoji (its first link, whose card is tried, is a
    # closed local port, so no page outside this machine is asked for)
    text = f"{FAMILY} http://127.0.0.1:9/x {FAMILY} docs.example.org/path. and $tsla"
    key = _idempotency_key()

    # when
    await Bluesky(fetch_policy=LOCAL).publish(connected.session(), PostContent(text=text), key)

    # then the PDS holds a link facet for the domain (https://) and a tag facet for the cashtag
    value = (await pds.get_record(connected.did, POST_COLLECTION, record_key(key)))["value"]
    encoded = text.encode()
    covered = [
        (encoded[f["index"]["byteStart"] : f["index"]["byteEnd"]].decode(), f["features"][0])
        for f in value["facets"]
    ]
    assert covered == [
        ("http://127.0.0.1:9/x", {"$type": "app.bsky.richtext.facet#link", "uri": "http://127.0.0.1:9/x"}),
        (
            "docs.example.org/path",
            {"$type": "app.bsky.richtext.facet#link", "uri": "https://docs.example.org/path"},
        ),
        ("$tsla", {"$type": "app.bsky.richtext.facet#tag", "tag": "$TSLA"}),
    ]


async def test_mention_of_an_unknown_handle_stays_plain_text(pds: PdsServer, connected: Connected) -> None:
    key = _idempotency_key()

    await Bluesky(fetch_policy=LOCAL).publish(
        connected.session(), PostContent(text="hi @nobody-here.test"), key
    )

    value = (await pds.get_record(connected.did, POST_COLLECTION, record_key(key)))["value"]
    assert "facets" not in value


async def test_publishing_twice_with_one_key_creates_one_post(pds: PdsServer, connected: Connected) -> None:
    # given a target published once
    bluesky, key, content = Bluesky(fetch_policy=LOCAL), _idempotency_key(), PostContent(text="only once")
    first = await bluesky.publish(connected.session(), content, key)

    # when the worker publishes it again (the PDS refuses the repeated record key)
    second = await bluesky.publish(connected.session(), content, key)

    # then the same post comes back and the repo holds exactly one post
    assert second == first
    records = await pds.list_records(connected.did, POST_COLLECTION)
    assert [record["uri"] for record in records] == [first.external_id]


async def test_find_published_tells_published_from_absent(connected: Connected) -> None:
    bluesky, key, content = Bluesky(fetch_policy=LOCAL), _idempotency_key(), PostContent(text="find me")
    published = await bluesky.publish(connected.session(), content, key)

    assert await bluesky.find_published(connected.session(), content, key) == published
    assert await bluesky.find_published(connected.session(), content, _idempotency_key()) is None


async def test_find_published_without_the_pds_is_outcome_unknown(connected: Connected) -> None:
    # given a session whose PDS cannot be reached
    session = Session.decode(connected.credentials["session"])
    session.pds_endpoint = "http://127.0.0.1:9"
    account = connected.session(session=session.encode())

    with pytest.raises(OutcomeUnknown):
        await Bluesky(fetch_policy=LOCAL).find_published(account, PostContent(text="x"), _idempotency_key())


async def test_text_the_pds_refuses_is_invalid_content(connected: Connected) -> None:
    # given text over the byte limit (validate() would have caught it; the PDS is the last line)
    text = "é" * 1600

    with pytest.raises(InvalidContent) as raised:
        await Bluesky(fetch_policy=LOCAL).publish(
            connected.session(), PostContent(text=text), _idempotency_key()
        )

    assert raised.value.code == "CONTENT_REJECTED"


# --- sessions ---------------------------------------------------------------------------------------------


async def test_a_fresh_stored_session_is_reused_without_saving(connected: Connected) -> None:
    # given the session `connect` stored, whose access token is valid for hours
    bluesky = Bluesky(fetch_policy=LOCAL)

    # when two posts are published
    for text in ("one", "two"):
        await bluesky.publish(connected.session(), PostContent(text=text), _idempotency_key())

    # then nothing new had to be saved: no refresh, no login
    assert connected.saved.calls == []


async def test_an_expired_access_token_is_refreshed_not_logged_in_again(
    pds: PdsServer, connected: Connected
) -> None:
    # given a session whose access token really expired (signed by the PDS, exp in the past), and an
    # app password that no longer works, so only a refresh can get a new token
    stored = Session.decode(connected.credentials["session"])
    expired = pds.resign_token(stored.access_jwt, expires_at=datetime.now(UTC) - timedelta(minutes=1))
    account = connected.session(
        session=_with_tokens(stored.encode(), access=expired), app_password="wrong-password"
    )

    # when
    published = await Bluesky(fetch_policy=LOCAL).publish(
        account, PostContent(text="after refresh"), _idempotency_key()
    )

    # then the post exists and the refreshed session was saved once
    assert published.external_id.startswith(f"at://{connected.did}/")
    [saved] = connected.saved.calls
    renewed = Session.decode(saved["session"])
    assert renewed.refresh_jwt != stored.refresh_jwt
    assert renewed.access_jwt_payload.exp > time.time() + 600
    assert saved["app_password"] == "wrong-password"  # the rest of the credentials is kept as it was


async def test_an_access_token_the_pds_rejects_is_refreshed_and_the_post_retried(
    pds: PdsServer, connected: Connected
) -> None:
    # given an access token that looks valid for an hour but is signed with another secret
    stored = Session.decode(connected.credentials["session"])
    forged = pds.resign_token(
        stored.access_jwt, expires_at=datetime.now(UTC) + timedelta(hours=1), secret="not-the-pds-secret"
    )
    account = connected.session(session=_with_tokens(stored.encode(), access=forged))
    key = _idempotency_key()

    # when
    published = await Bluesky(fetch_policy=LOCAL).publish(account, PostContent(text="retried"), key)

    # then
    assert _rkey(published) == record_key(key)
    assert len(connected.saved.calls) == 1


async def test_a_dead_refresh_token_logs_in_again_with_the_app_password(
    pds: PdsServer, connected: Connected
) -> None:
    # given both tokens expired
    stored = Session.decode(connected.credentials["session"])
    past = datetime.now(UTC) - timedelta(minutes=1)
    session = _with_tokens(
        stored.encode(),
        access=pds.resign_token(stored.access_jwt, expires_at=past),
        refresh=pds.resign_token(stored.refresh_jwt, expires_at=past),
    )

    # when
    await Bluesky(fetch_policy=LOCAL).publish(
        connected.session(session=session), PostContent(text="relogin"), _idempotency_key()
    )

    # then a new session was saved
    [saved] = connected.saved.calls
    assert Session.decode(saved["session"]).refresh_jwt != stored.refresh_jwt


async def test_a_dead_session_and_a_revoked_app_password_need_a_reconnect(
    pds: PdsServer, connected: Connected
) -> None:
    stored = Session.decode(connected.credentials["session"])
    past = datetime.now(UTC) - timedelta(minutes=1)
    session = _with_tokens(
        stored.encode(),
        access=pds.resign_token(stored.access_jwt, expires_at=past),
        refresh=pds.resign_token(stored.refresh_jwt, expires_at=past),
    )
    account = connected.session(session=session, app_password="wrong-password")

    with pytest.raises(AuthExpired) as raised:
        await Bluesky(fetch_policy=LOCAL).publish(account, PostContent(text="never"), _idempotency_key())

    assert raised.value.code == "BAD_CREDENTIALS"
    assert connected.saved.calls == []


async def test_the_pds_runs_as_one_child_process(pds: PdsServer) -> None:
    # a smoke check that also documents what the fixture costs
    assert pds.started_in < 30
    assert 0 < pds.rss_bytes() < 1_000_000_000


# --- failures a healthy local PDS does not produce, from a scripted XRPC server -------------------------


@dataclass
class Reply:
    """One scripted XRPC answer; `delay` longer than the client's timeout means no reply at all."""

    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


class ScriptedXrpc:
    """A local HTTP server that answers each XRPC method as the test says and records the calls."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.replies: dict[str, Reply] = {}
        self.calls: list[str] = []

    async def handle(self, request: Request) -> Response:
        nsid = request.path_params["nsid"]
        self.calls.append(nsid)
        reply = self.replies.get(nsid, Reply(501, {"error": "MethodNotImplemented"}))
        await asyncio.sleep(reply.delay)
        return JSONResponse(reply.body, reply.status, headers=reply.headers)


@pytest.fixture
async def xrpc() -> AsyncIterator[ScriptedXrpc]:
    # The socket listens before uvicorn starts, so the first request just waits in the backlog.
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    scripted = ScriptedXrpc(f"http://127.0.0.1:{sock.getsockname()[1]}")
    app = Starlette(routes=[Route("/xrpc/{nsid}", scripted.handle, methods=["GET", "POST"])])
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        yield scripted
    finally:
        server.should_exit = True
        await task
        sock.close()


def _scripted_account(xrpc: ScriptedXrpc) -> AccountSession:
    """Credentials with a well-formed access token that is valid for an hour (the fake never checks it)."""

    def jwt(claims: dict[str, Any]) -> str:
        def part(data: dict[str, Any]) -> str:
            return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

        return f"{part({'alg': 'HS256', 'typ': 'at+jwt'})}.{part(claims)}.c2ln"

    did, exp = "did:plc:scripted", int(time.time()) + 3600
    session = Session("scripted.test", did, jwt({"sub": did, "exp": exp}), jwt({"sub": did}), xrpc.url)
    credentials = {"service": xrpc.url, "did": did, "handle": "scripted.test", "session": session.encode()}
    return AccountSession(did, "scripted.test", credentials, SavedCredentials())


async def test_a_rate_limited_post_waits_until_the_reset(xrpc: ScriptedXrpc) -> None:
    # given the PDS answers 429 with the time its window resets
    reset = int(time.time()) + 120
    xrpc.replies["com.atproto.repo.createRecord"] = Reply(
        429, {"error": "RateLimitExceeded"}, {"ratelimit-reset": str(reset)}
    )

    # when
    with pytest.raises(RateLimited) as raised:
        await Bluesky(fetch_policy=LOCAL).publish(
            _scripted_account(xrpc), PostContent(text="x"), _idempotency_key()
        )

    # then
    assert raised.value.code == "RATE_LIMITED"
    assert raised.value.retry_at == datetime.fromtimestamp(reset, UTC)


async def test_a_server_error_with_no_record_is_outcome_unknown(xrpc: ScriptedXrpc) -> None:
    xrpc.replies["com.atproto.repo.createRecord"] = Reply(500, {"error": "InternalServerError"})
    xrpc.replies["com.atproto.repo.getRecord"] = Reply(400, {"error": "RecordNotFound"})

    with pytest.raises(OutcomeUnknown):
        await Bluesky(fetch_policy=LOCAL).publish(
            _scripted_account(xrpc), PostContent(text="x"), _idempotency_key()
        )

    assert xrpc.calls == ["com.atproto.repo.createRecord", "com.atproto.repo.getRecord"]


async def test_a_lost_reply_whose_record_exists_is_published(xrpc: ScriptedXrpc) -> None:
    # given createRecord never answers in time, but the record is there afterwards
    key = _idempotency_key()
    uri = f"at://did:plc:scripted/{POST_COLLECTION}/{record_key(key)}"
    xrpc.replies["com.atproto.repo.createRecord"] = Reply(200, {}, delay=1)
    xrpc.replies["com.atproto.repo.getRecord"] = Reply(
        200,
        {
            "uri": uri,
            "cid": "bafyreiax32t3heeoeaia4m5ggaa4o5jfzt5xf7gfpg4xg574lxxpwpe77q",
            "value": {"$type": POST_COLLECTION, "text": "x", "createdAt": "2026-01-02T03:04:05.678Z"},
        },
    )

    # when
    published = await Bluesky(timeout=0.3, fetch_policy=LOCAL).publish(
        _scripted_account(xrpc), PostContent(text="x"), key
    )

    # then
    assert published.external_id == uri
    assert published.published_at == datetime(2026, 1, 2, 3, 4, 5, 678000, UTC)


async def test_find_published_on_a_failing_server_is_outcome_unknown(xrpc: ScriptedXrpc) -> None:
    xrpc.replies["com.atproto.repo.getRecord"] = Reply(502, {"error": "UpstreamFailure"})

    with pytest.raises(OutcomeUnknown):
        await Bluesky(fetch_policy=LOCAL).find_published(
            _scripted_account(xrpc), PostContent(text="x"), _idempotency_key()
        )


# --- the safe-fetch policy --------------------------------------------------------------------------------


@pytest.fixture
async def listener() -> AsyncIterator[ConnectionRecorder]:
    async with recording_listener() as recorder:
        yield recorder


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]", "2130706433"])
async def test_publishing_to_a_pds_on_a_non_public_address_is_refused_before_connecting(
    listener: ConnectionRecorder, host: str
) -> None:
    # given a stored session whose PDS (from the account's DID document) is this machine
    scripted = ScriptedXrpc(f"http://{host}:{listener.port}")
    # when Herald publishes with the production policy
    with pytest.raises(Permanent) as raised:
        await Bluesky(fetch_policy=FetchPolicy()).publish(
            _scripted_account(scripted), PostContent(text="x"), _idempotency_key()
        )
    # then it is refused for its address, and nothing was connected to
    assert raised.value.code == "ADDRESS_NOT_ALLOWED"
    assert listener.peers == []
