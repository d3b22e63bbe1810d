"""Signing up, in and out; bad tokens are refused on HTTP and on the websocket."""

from __future__ import annotations

import asyncio
import json
import uuid

import httpx
import pytest
import websockets

from tests.herald_client import SIGN_UP, sign_up
from tests.stack import ApiServer, data, gql

LOG_IN = """
mutation ($input: LogInInput!) { logIn(input: $input) { token user { email } userErrors { code field } } }
"""
ME = "{ me { email } workspaces { name viewerRole } }"


async def test_sign_up_creates_a_workspace_the_user_owns(api: ApiServer) -> None:
    member = await sign_up(api, workspaceName="Launch team", timezone="Europe/Paris")
    result = await data(api, ME, token=member.token)
    assert result == {
        "me": {"email": member.email},
        "workspaces": [{"name": "Launch team", "viewerRole": "OWNER"}],
    }


@pytest.mark.parametrize(
    ("fields", "codes"),
    [
        ({"email": "not-an-email"}, ["INVALID_EMAIL"]),
        ({"password": "short"}, ["PASSWORD_TOO_WEAK"]),
        ({"timezone": "UTC+2"}, ["INVALID_TIMEZONE"]),
        ({"name": " ", "password": "x"}, ["PASSWORD_TOO_WEAK", "INVALID_NAME"]),
    ],
)
async def test_sign_up_refuses_bad_input(api: ApiServer, fields: dict[str, str], codes: list[str]) -> None:
    request = {
        "email": f"{uuid.uuid4().hex}@example.test",
        "password": "long enough password",
        "name": "Ada",
        **fields,
    }
    payload = (await data(api, SIGN_UP, {"input": request}))["signUp"]
    assert payload["token"] is None
    assert sorted(e["code"] for e in payload["userErrors"]) == sorted(codes)


async def test_an_email_signs_up_once(api: ApiServer) -> None:
    member = await sign_up(api)
    request = {"email": member.email.upper(), "password": "another long password", "name": "Eve"}
    payload = (await data(api, SIGN_UP, {"input": request}))["signUp"]
    assert [e["code"] for e in payload["userErrors"]] == ["EMAIL_TAKEN"]


async def test_log_in_and_out(api: ApiServer) -> None:
    member = await sign_up(api)
    wrong = (await data(api, LOG_IN, {"input": {"email": member.email, "password": "nope nope nope"}}))[
        "logIn"
    ]
    assert [e["code"] for e in wrong["userErrors"]] == ["INVALID_CREDENTIALS"]

    right = (
        await data(api, LOG_IN, {"input": {"email": member.email, "password": "correct horse battery"}})
    )["logIn"]
    assert right["userErrors"] == [] and right["user"] == {"email": member.email}
    token = right["token"]
    assert (await data(api, "mutation { logOut }", token=token)) == {"logOut": True}

    async with httpx.AsyncClient() as client:
        refused = await client.post(
            api.graphql_url, json={"query": ME}, headers={"authorization": f"Bearer {token}"}
        )
    assert refused.status_code == 401


async def test_log_in_is_rate_limited_per_email(api: ApiServer) -> None:
    # given an email under attack (the suite allows 5 attempts per window)
    member = await sign_up(api)
    attempts = [
        (await data(api, LOG_IN, {"input": {"email": member.email, "password": f"guess {n}"}}))["logIn"]
        for n in range(6)
    ]
    assert [a["userErrors"][0]["code"] for a in attempts] == ["INVALID_CREDENTIALS"] * 5 + ["RATE_LIMITED"]
    # even the right password waits now
    right = (
        await data(api, LOG_IN, {"input": {"email": member.email, "password": "correct horse battery"}})
    )["logIn"]
    assert [e["code"] for e in right["userErrors"]] == ["RATE_LIMITED"]


async def test_without_a_session_operations_are_unauthenticated(api: ApiServer) -> None:
    body = await gql(api, "{ workspaces { id } }")
    assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAUTHENTICATED"]
    assert await data(api, "{ me { id } }") == {"me": None}


async def test_a_bad_token_is_refused_on_http(api: ApiServer) -> None:
    async with httpx.AsyncClient() as client:
        response = await client.post(
            api.graphql_url, json={"query": ME}, headers={"authorization": "Bearer made-up"}
        )
    assert response.status_code == 401


@pytest.mark.parametrize("protocol", ["graphql-transport-ws", "graphql-ws"])
async def test_a_bad_token_closes_the_websocket(api: ApiServer, protocol: str) -> None:
    async with websockets.connect(api.ws_url, subprotocols=[websockets.Subprotocol(protocol)]) as socket:
        await socket.send(
            json.dumps({"type": "connection_init", "payload": {"authorization": "Bearer made-up"}})
        )
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await _until_closed(socket)
    expected = 4403 if protocol == "graphql-transport-ws" else 1011
    assert closed.value.rcvd is not None and closed.value.rcvd.code == expected


async def _until_closed(socket: websockets.ClientConnection) -> None:
    while True:
        await asyncio.wait_for(socket.recv(), 10)
