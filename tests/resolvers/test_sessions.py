"""Listing your sessions and ending them: one, all others, or all."""

from __future__ import annotations

from typing import Any

import httpx

from tests.herald_client import sign_up
from tests.stack import ApiServer, data

SESSIONS = "{ sessions { id createdAt lastSeenAt label current } }"
REVOKE = "mutation ($id: ID!) { sessionRevoke(id: $id) { session { id current } userErrors { code field } } }"
REVOKE_ALL = """
mutation ($input: SessionRevokeAllInput) {
  sessionRevokeAll(input: $input) { revokedCount userErrors { code } }
}"""
LOG_IN = "mutation ($input: LogInInput!) { logIn(input: $input) { token } }"


async def log_in_from(api: ApiServer, email: str, user_agent: str) -> str:
    async with httpx.AsyncClient() as client:
        response = await client.post(
            api.graphql_url,
            json={
                "query": LOG_IN,
                "variables": {"input": {"email": email, "password": "correct horse battery"}},
            },
            headers={"user-agent": user_agent},
        )
    token: str = response.json()["data"]["logIn"]["token"]
    return token


async def is_live(api: ApiServer, token: str) -> bool:
    async with httpx.AsyncClient() as client:
        response = await client.post(
            api.graphql_url, json={"query": "{ me { id } }"}, headers={"authorization": f"Bearer {token}"}
        )
    return response.status_code == 200


async def sessions(api: ApiServer, token: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = (await data(api, SESSIONS, token=token))["sessions"]
    return found


async def test_the_viewer_lists_their_sessions(api: ApiServer) -> None:
    # given a user who signed up, then logged in from a phone
    member = await sign_up(api)
    phone = await log_in_from(api, member.email, "HeraldPhone/2.0")
    await sign_up(api)  # someone else's session is not listed

    listed = await sessions(api, member.token)
    assert [s["current"] for s in listed] == [True, False]
    assert "HeraldPhone/2.0" in listed[1]["label"] and "127.0.0.1" in listed[1]["label"]
    assert [s["current"] for s in await sessions(api, phone)] == [False, True]
    assert all(s["lastSeenAt"] >= s["createdAt"] for s in listed)


async def test_revoking_one_session_ends_it_only(api: ApiServer) -> None:
    member = await sign_up(api)
    phone = await log_in_from(api, member.email, "HeraldPhone/2.0")
    [_, other] = await sessions(api, member.token)

    payload = (await data(api, REVOKE, {"id": other["id"]}, token=member.token))["sessionRevoke"]

    assert payload == {"session": {"id": other["id"], "current": False}, "userErrors": []}
    assert not await is_live(api, phone) and await is_live(api, member.token)
    assert [s["id"] for s in await sessions(api, member.token)] != [other["id"]]


async def test_another_users_session_cannot_be_revoked(api: ApiServer) -> None:
    member, stranger = await sign_up(api), await sign_up(api)
    [theirs] = await sessions(api, stranger.token)

    payload = (await data(api, REVOKE, {"id": theirs["id"]}, token=member.token))["sessionRevoke"]

    assert payload == {"session": None, "userErrors": [{"code": "SESSION_NOT_FOUND", "field": ["id"]}]}
    assert await is_live(api, stranger.token)


async def test_log_out_everywhere_else_then_everywhere(api: ApiServer) -> None:
    member = await sign_up(api)
    others = [await log_in_from(api, member.email, f"Device/{n}") for n in range(2)]

    kept = (await data(api, REVOKE_ALL, {}, token=member.token))["sessionRevokeAll"]
    assert kept == {"revokedCount": 2, "userErrors": []}
    assert [await is_live(api, t) for t in [member.token, *others]] == [True, False, False]

    everything = {"input": {"exceptCurrent": False}}
    assert (await data(api, REVOKE_ALL, everything, token=member.token))["sessionRevokeAll"][
        "revokedCount"
    ] == 1
    assert not await is_live(api, member.token)
