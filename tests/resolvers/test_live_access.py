"""Live updates end with the access behind them: a log-out on one API process closes the sockets of
that session on another, a removed member stops hearing that workspace, and a user's subscriptions
are capped."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
import websockets
from beanie import PydanticObjectId
from redis.asyncio import Redis

from app.services import Services
from app.settings import Settings
from integrations.events_redis import RedisEventBus
from integrations.live_access import LiveAccess
from integrations.subscription_slots import RedisSubscriptionSlots
from models.analytics import ANALYTICS_UPDATED
from models.workspace import Role, Workspace
from resolvers.members import member_remove
from schema.relay import parse_id_of
from tests.herald_client import Member, sign_up
from tests.network_client import add_member
from tests.stack import ApiServer, data, running_api

STATUS = 'subscription ($ws: ID!) { postStatusChanged(workspaceId: $ws, since: "0-0") { eventId } }'
UPDATED = "subscription ($ws: ID!) { analyticsUpdated(workspaceId: $ws) { eventId account { id } } }"
TRANSPORT_WS, LEGACY_WS = "graphql-transport-ws", "graphql-ws"


@contextlib.asynccontextmanager
async def other_process(
    settings: Settings, services: Services, *, shared_cap: bool = True
) -> AsyncIterator[tuple[ApiServer, Services]]:
    """An API with an event bus and live-access registry of its own, as another API process has."""
    assert settings.redis_url is not None
    redis = Redis.from_url(settings.redis_url)
    bus = RedisEventBus(redis, prefix=settings.redis_prefix)
    await bus.start()
    slots = RedisSubscriptionSlots(redis, prefix=settings.redis_prefix) if shared_cap else None
    live = LiveAccess(bus, max_per_user=settings.max_subscriptions_per_user, slots=slots)
    own = dataclasses.replace(services, events=bus, live=live)
    try:
        async with running_api(settings, own) as server:
            yield server, own
    finally:
        await live.close()
        await bus.close()
        await redis.aclose()


@pytest.fixture(scope="module")
async def process_b(settings: Settings, services: Services) -> AsyncIterator[tuple[ApiServer, Services]]:
    async with other_process(settings, services) as started:
        yield started


@pytest.fixture
def api_b(process_b: tuple[ApiServer, Services]) -> ApiServer:
    return process_b[0]


async def attached(services: Services, workspace_id: str, count: int) -> None:
    """Wait until `count` subscribers of the workspace listen in this process (a bounded wait)."""
    workspace = str(parse_id_of("Workspace", workspace_id))
    for _ in range(500):
        if services.events.subscriber_count(workspace) >= count:  # type: ignore[attr-defined]
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"{count} subscribers never attached to {workspace}")


class Socket:
    """One authenticated websocket speaking either protocol; operations by id."""

    def __init__(self, socket: websockets.ClientConnection, protocol: str) -> None:
        self.socket = socket
        self.protocol = protocol

    async def start(self, query: str, variables: dict[str, Any]) -> str:
        operation_id = uuid.uuid4().hex
        kind = "subscribe" if self.protocol == TRANSPORT_WS else "start"
        payload = {"query": query, "variables": variables}
        await self.socket.send(json.dumps({"id": operation_id, "type": kind, "payload": payload}))
        return operation_id

    async def stop(self, operation_id: str) -> None:
        kind = "complete" if self.protocol == TRANSPORT_WS else "stop"
        await self.socket.send(json.dumps({"id": operation_id, "type": kind}))

    async def receive(self, timeout: float = 15) -> dict[str, Any]:
        """The next message that is not a keep-alive."""
        while True:
            message: dict[str, Any] = json.loads(await asyncio.wait_for(self.socket.recv(), timeout))
            if message["type"] not in ("ka", "ping", "pong"):
                return message

    async def close_code(self, timeout: float = 15) -> int:
        """Wait for the server to close the socket; its close code (any message before it fails)."""
        try:
            message = await self.receive(timeout)
        except websockets.ConnectionClosed as closed:
            return closed.rcvd.code if closed.rcvd is not None else -1
        raise AssertionError(f"a message arrived before the close: {message}")


@contextlib.asynccontextmanager
async def socket_on(api: ApiServer, token: str, protocol: str = TRANSPORT_WS) -> AsyncIterator[Socket]:
    async with websockets.connect(api.ws_url, subprotocols=[websockets.Subprotocol(protocol)]) as raw:
        await raw.send(
            json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}})
        )
        socket = Socket(raw, protocol)
        assert (await socket.receive())["type"] == "connection_ack"
        yield socket


def error_codes(message: dict[str, Any]) -> list[str]:
    assert message["type"] in ("next", "data", "error"), message
    payload = message["payload"]
    errors = payload if isinstance(payload, list) else payload.get("errors") or []
    return [error["extensions"]["code"] for error in errors]


async def announce_reading(services: Services, workspace_id: str) -> None:
    """An analytics event in the workspace (of an account that no longer exists: `account` is null)."""
    workspace = parse_id_of("Workspace", workspace_id)
    await services.events.publish(str(workspace), ANALYTICS_UPDATED, {"account_id": str(PydanticObjectId())})


async def log_in_again(api: ApiServer, member: Member) -> str:
    query = "mutation ($i: LogInInput!) { logIn(input: $i) { token } }"
    variables = {"i": {"email": member.email, "password": "correct horse battery"}}
    token: str = (await data(api, query, variables))["logIn"]["token"]
    return token


@pytest.mark.parametrize("protocol", [TRANSPORT_WS, LEGACY_WS])
async def test_logging_out_on_one_process_closes_the_socket_on_another(
    api: ApiServer, process_b: tuple[ApiServer, Services], services: Services, protocol: str
) -> None:
    api_b, services_b = process_b
    # given a subscription held on process B, and another session of the same user
    member = await sign_up(api)
    other_session = await log_in_again(api, member)
    async with socket_on(api_b, member.token, protocol) as socket, socket_on(api_b, other_session) as other:
        await socket.start(UPDATED, {"ws": member.workspace_id})
        await other.start(UPDATED, {"ws": member.workspace_id})
        await attached(services_b, member.workspace_id, 2)
        await announce_reading(services, member.workspace_id)
        assert (await socket.receive())["type"] in ("next", "data")  # live, and heard on B
        assert (await other.receive())["type"] in ("next", "data")

        # when the session logs out on process A
        assert await data(api, "mutation { logOut }", token=member.token) == {"logOut": True}
        await announce_reading(services, member.workspace_id)

        # then B closes that session's socket (4403: sign in again) before any further event
        assert await socket.close_code() == 4403
        # and the user's other session keeps hearing the workspace
        assert (await other.receive())["type"] == "next"


async def test_a_subscribe_on_an_open_socket_checks_the_session_again(
    api: ApiServer, services: Services
) -> None:
    # given a socket whose session ended without a notice reaching this process (it was lost)
    member = await sign_up(api)
    async with socket_on(api, member.token) as socket:
        await services.sessions.revoke(member.token)

        # when it subscribes again with `since`, nothing is replayed: the session is checked
        await socket.start(STATUS, {"ws": member.workspace_id})
        assert error_codes(await socket.receive()) == ["UNAUTHENTICATED"]


async def test_a_new_socket_with_a_logged_out_token_is_refused(api: ApiServer, api_b: ApiServer) -> None:
    member = await sign_up(api)
    assert await data(api, "mutation { logOut }", token=member.token) == {"logOut": True}
    async with websockets.connect(api_b.ws_url, subprotocols=[websockets.Subprotocol(TRANSPORT_WS)]) as raw:
        params = {"authorization": f"Bearer {member.token}"}
        await raw.send(json.dumps({"type": "connection_init", "payload": params}))
        assert await Socket(raw, TRANSPORT_WS).close_code() == 4403


async def test_a_removed_member_stops_hearing_that_workspace_only(
    api: ApiServer, process_b: tuple[ApiServer, Services], services: Services
) -> None:
    api_b, services_b = process_b
    # given an editor of the owner's workspace, subscribed on process B to it and to their own workspace
    owner = await sign_up(api)
    editor = await add_member(api, owner, Role.EDITOR)
    own_workspace = (await data(api, "{ workspaces { id } }", token=editor.token))["workspaces"]
    [own_id] = [w["id"] for w in own_workspace if w["id"] != owner.workspace_id]
    async with socket_on(api_b, editor.token) as socket:
        shared = await socket.start(UPDATED, {"ws": owner.workspace_id})
        own = await socket.start(UPDATED, {"ws": own_id})
        await attached(services_b, owner.workspace_id, 1)
        await attached(services_b, own_id, 1)
        await announce_reading(services, owner.workspace_id)
        assert (await socket.receive())["id"] == shared  # both live
        await announce_reading(services, own_id)
        assert (await socket.receive())["id"] == own

        # when the owner's process removes the editor from the shared workspace
        workspace = await Workspace.get(parse_id_of("Workspace", owner.workspace_id))
        assert workspace is not None
        editor_id = parse_id_of("User", await user_id(api, editor))
        assert editor_id is not None
        assert await member_remove(services, workspace, editor_id)

        # then the shared subscription ends with NOT_FOUND, and the own one still hears its workspace
        ended = await socket.receive()
        assert ended["id"] == shared and error_codes(ended) == ["NOT_FOUND"]
        assert (await socket.receive()) == {"id": shared, "type": "complete"}
        await announce_reading(services, owner.workspace_id)
        await announce_reading(services, own_id)
        heard = await socket.receive()
        assert heard["id"] == own and heard["type"] == "next"

    # and the database no longer lists the editor
    reloaded = await Workspace.get(parse_id_of("Workspace", owner.workspace_id))
    assert reloaded is not None and len(reloaded.members) == 1


async def user_id(api: ApiServer, member: Member) -> str:
    found: str = (await data(api, "{ me { id } }", token=member.token))["me"]["id"]
    return found


@pytest.mark.parametrize("shared_cap", [True, False], ids=["redis-slots", "per-process"])
async def test_a_users_subscriptions_are_capped(
    settings: Settings, services: Services, shared_cap: bool
) -> None:
    capped = settings.model_copy(update={"max_subscriptions_per_user": 2})
    changed = dataclasses.replace(services, settings=capped)
    async with other_process(capped, changed, shared_cap=shared_cap) as (api, own):
        member = await sign_up(api)
        async with socket_on(api, member.token) as socket:
            # given two subscriptions, the cap
            first = await socket.start(UPDATED, {"ws": member.workspace_id})
            await socket.start(UPDATED, {"ws": member.workspace_id})
            await attached(own, member.workspace_id, 2)
            await announce_reading(own, member.workspace_id)
            assert {(await socket.receive())["type"] for _ in range(2)} == {"next"}

            # when a third subscribes, it is refused
            third = await socket.start(UPDATED, {"ws": member.workspace_id})
            refused = await socket.receive()
            assert refused["id"] == third and error_codes(refused) == ["SUBSCRIPTION_LIMIT"]
            assert await socket.receive() == {"id": third, "type": "complete"}

            # and once one ends, there is room again
            await socket.stop(first)
            fourth = await socket.start(UPDATED, {"ws": member.workspace_id})
            await attached(own, member.workspace_id, 2)
            await announce_reading(own, member.workspace_id)
            heard = {(await socket.receive())["id"] for _ in range(2)}
            assert fourth in heard


async def test_the_cap_holds_across_api_processes(settings: Settings, services: Services) -> None:
    # given two API processes sharing the cap (2) through Redis, and a subscription on each
    capped = settings.model_copy(update={"max_subscriptions_per_user": 2})
    changed = dataclasses.replace(services, settings=capped)
    async with other_process(capped, changed) as (api_a, own_a), other_process(capped, changed) as (api_b, _):
        member = await sign_up(api_a)
        async with socket_on(api_a, member.token) as on_a, socket_on(api_b, member.token) as on_b:
            first = await on_a.start(UPDATED, {"ws": member.workspace_id})
            await on_b.start(UPDATED, {"ws": member.workspace_id})
            await attached(own_a, member.workspace_id, 1)
            await announce_reading(own_a, member.workspace_id)
            assert (await on_a.receive())["id"] == first  # A's is live (B's is counted too)
            assert (await on_b.receive())["type"] == "next"

            # when a third subscribes on A, it is refused
            third = await on_a.start(UPDATED, {"ws": member.workspace_id})
            assert error_codes(await on_a.receive()) == ["SUBSCRIPTION_LIMIT"]
            assert await on_a.receive() == {"id": third, "type": "complete"}


async def test_changing_the_password_closes_the_other_sessions_sockets(
    api: ApiServer, process_b: tuple[ApiServer, Services]
) -> None:
    # given a user with a socket open on process B in a second session
    api_b, services_b = process_b
    member = await sign_up(api)
    phone = await log_in_again(api, member)
    async with socket_on(api_b, phone) as socket, socket_on(api_b, member.token) as own:
        # when they change the password in the first session, on process A
        change = "mutation ($i: PasswordChangeInput!) { passwordChange(input: $i) { userErrors { code } } }"
        variables = {"i": {"currentPassword": "correct horse battery", "newPassword": "a new long password"}}
        assert (await data(api, change, variables, token=member.token))["passwordChange"]["userErrors"] == []

        # then the other session's socket closes, and the current one's stays open
        assert await socket.close_code() == 4403
        await own.start(UPDATED, {"ws": member.workspace_id})
        await attached(services_b, member.workspace_id, 1)
        await announce_reading(services_b, member.workspace_id)
        assert (await own.receive())["type"] == "next"
