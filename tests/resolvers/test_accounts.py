"""Connecting a Bluesky account: every address Herald would call for the user goes through the safe-fetch
policy, a refusal is a typed code given before any connection, and a PDS's answer never reaches the user.

The suite's API allows private addresses (its PDS runs on 127.0.0.1); the address tests run a second API
over the same services whose Bluesky module uses the production policy (FETCH_ALLOW_PRIVATE_ADDRESSES off).
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator
from typing import Any

import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.services import Services
from app.settings import Settings
from integrations.platforms.bluesky import Bluesky
from integrations.safe_fetch import FetchPolicy
from tests.herald_client import CONNECT, Member, new_pds_account, sign_up
from tests.services.connection_recorder import LOOPBACK_SPELLINGS, ConnectionRecorder, recording_listener
from tests.services.pds import PdsServer
from tests.stack import ApiServer, data, running_api

ACCOUNTS = "query ($ws: ID!) { socialAccounts(workspaceId: $ws) { id } }"
SECRET = "internal-page-secret-7f3a"


@pytest.fixture(scope="module")
async def strict_api(settings: Settings, services: Services) -> AsyncIterator[ApiServer]:
    """The API with the production fetch policy: private addresses refused."""
    strict = dataclasses.replace(services, bluesky=Bluesky(fetch_policy=FetchPolicy()))
    async with running_api(settings, strict) as server:
        yield server


@pytest.fixture
async def listener() -> AsyncIterator[ConnectionRecorder]:
    async with recording_listener() as recorder:
        yield recorder


class ScriptedPds:
    """A local HTTP server answering createSession as a test scripts it."""

    def __init__(self) -> None:
        self.reply: Response = JSONResponse({})

    async def create_session(self, request: Request) -> Response:
        return self.reply


@pytest.fixture
async def scripted() -> AsyncIterator[tuple[ScriptedPds, str]]:
    pds = ScriptedPds()
    app = Starlette(
        routes=[Route("/xrpc/com.atproto.server.createSession", pds.create_session, methods=["POST"])]
    )
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_config=None, lifespan="off"))
    task = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 (uvicorn exposes a flag, not an event)
        await asyncio.sleep(0.02)
    yield pds, f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"
    server.should_exit = True
    await task


async def _connect(
    api: ApiServer, member: Member, service_url: str, app_password: str = "aaaa-bbbb-cccc-dddd"
) -> dict[str, Any]:
    variables = {
        "input": {
            "workspaceId": member.workspace_id,
            "handle": "alice.example.com",
            "appPassword": app_password,
            "serviceUrl": service_url,
        }
    }
    payload: dict[str, Any] = (await data(api, CONNECT, variables, token=member.token))[
        "blueskyAccountConnect"
    ]
    return payload


async def _account_count(api: ApiServer, member: Member) -> int:
    return len((await data(api, ACCOUNTS, {"ws": member.workspace_id}, token=member.token))["socialAccounts"])


@pytest.mark.parametrize(
    "host",
    [
        *LOOPBACK_SPELLINGS,
        "10.0.0.1",
        "192.168.1.1",
        "[64:ff9b::a00:1]",  # NAT64 of 10.0.0.1
        "[2002:a00:1::1]",  # 6to4 of 10.0.0.1
    ],
)
async def test_a_service_url_on_a_non_public_address_is_refused_before_connecting(
    strict_api: ApiServer, listener: ConnectionRecorder, host: str
) -> None:
    # given a member, and a listener that records every connection on loopback
    member = await sign_up(strict_api)
    # when they point Herald's connect at a non-public address
    payload = await _connect(strict_api, member, f"http://{host}:{listener.port}")
    # then it is a typed refusal, and nothing was connected to or stored
    assert payload["account"] is None
    assert [(e["code"], e["field"]) for e in payload["userErrors"]] == [
        ("SERVICE_URL_NOT_ALLOWED", ["serviceUrl"])
    ]
    assert listener.peers == []
    assert await _account_count(strict_api, member) == 0


async def test_a_pds_that_redirects_is_not_followed(
    api: ApiServer, listener: ConnectionRecorder, scripted: tuple[ScriptedPds, str]
) -> None:
    # given a PDS that answers the login with a redirect to somewhere else
    pds, url = scripted
    pds.reply = Response(status_code=307, headers={"location": f"http://127.0.0.1:{listener.port}/xrpc/x"})
    member = await sign_up(api)
    # when a member connects through it
    payload = await _connect(api, member, url)
    # then the redirect is refused and its target never contacted
    assert [e["code"] for e in payload["userErrors"]] == ["SERVICE_URL_NOT_ALLOWED"]
    assert listener.peers == []


@pytest.mark.parametrize("status", [403, 500, 502])
async def test_a_refusing_pds_body_never_reaches_the_user(
    api: ApiServer, scripted: tuple[ScriptedPds, str], status: int
) -> None:
    # given a server that answers the login with an internal page
    pds, url = scripted
    pds.reply = JSONResponse({"error": "Forbidden", "message": SECRET, "page": SECRET}, status)
    member = await sign_up(api)
    # when a member connects through it
    payload = await _connect(api, member, url)
    # then the error names the status, not the body
    assert [e["code"] for e in payload["userErrors"]] == ["SERVICE_UNAVAILABLE"]
    message = payload["userErrors"][0]["message"]
    assert SECRET not in message
    assert str(status) in message


@pytest.mark.parametrize("app_password", ["", "   "])
async def test_an_empty_app_password_is_a_typed_error(
    api: ApiServer, pds: PdsServer, app_password: str
) -> None:
    # given a real account on the PDS
    account, _ = await new_pds_account(pds)
    member = await sign_up(api)
    # when the member connects it without an app password
    variables = {
        "input": {
            "workspaceId": member.workspace_id,
            "handle": account.handle,
            "appPassword": app_password,
            "serviceUrl": pds.url,
        }
    }
    payload = (await data(api, CONNECT, variables, token=member.token))["blueskyAccountConnect"]
    # then it is refused with a code, and nothing is stored
    assert [(e["code"], e["field"]) for e in payload["userErrors"]] == [
        ("APP_PASSWORD_REQUIRED", ["appPassword"])
    ]
    assert await _account_count(api, member) == 0
