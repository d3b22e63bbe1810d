"""The GraphQL surface itself: GraphiQL, limits, both websocket protocols, workspaces and nodes."""

from __future__ import annotations

import asyncio
import json

import httpx
import websockets

from tests.herald_client import create_post, member_with_account, sign_up
from tests.services.pds import PdsServer
from tests.stack import ApiServer, data, gql

WORKSPACE_CREATE = """
mutation ($input: WorkspaceCreateInput!) {
  workspaceCreate(input: $input) { workspace { id name timezone viewerRole } userErrors { code field } }
}"""


async def test_graphiql_is_served_to_browsers(api: ApiServer) -> None:
    async with httpx.AsyncClient() as client:
        page = await client.get(api.graphql_url, headers={"accept": "text/html"})
    assert page.status_code == 200
    assert "graphiql" in page.text.lower()


async def test_deep_queries_and_alias_floods_are_refused(api: ApiServer) -> None:
    member = await sign_up(api)
    deep = '{ posts(workspaceId: "x") { edges { node { targets { post { targets { post { targets { post '
    deep += "{ targets { post { targets { post { id } } } } } } } } } } } } }"
    aliases = "{ " + " ".join(f"a{n}: me {{ id }}" for n in range(40)) + " }"
    for query in (deep, aliases):
        body = await gql(api, query, token=member.token)
        assert body.get("data") is None
        assert body["errors"]


async def test_workspace_create_and_node_lookup(api: ApiServer) -> None:
    member = await sign_up(api)
    bad = await data(
        api, WORKSPACE_CREATE, {"input": {"name": "", "timezone": "Mars/Olympus"}}, token=member.token
    )
    assert sorted(e["code"] for e in bad["workspaceCreate"]["userErrors"]) == [
        "INVALID_TIMEZONE",
        "INVALID_WORKSPACE_NAME",
    ]

    made = await data(
        api,
        WORKSPACE_CREATE,
        {"input": {"name": "Second", "timezone": "America/New_York"}},
        token=member.token,
    )
    workspace = made["workspaceCreate"]["workspace"]
    assert workspace["viewerRole"] == "OWNER"
    node = await data(
        api,
        "query ($id: ID!) { node(id: $id) { id ... on Workspace { name timezone } } }",
        {"id": workspace["id"]},
        token=member.token,
    )
    assert node["node"] == {"id": workspace["id"], "name": "Second", "timezone": "America/New_York"}

    # another user cannot see it, exactly as if it did not exist
    stranger = await sign_up(api)
    hidden = await data(
        api, "query ($id: ID!) { node(id: $id) { id } }", {"id": workspace["id"]}, token=stranger.token
    )
    assert hidden == {"node": None}


async def test_the_legacy_graphql_ws_protocol_streams_status_changes(api: ApiServer, pds: PdsServer) -> None:
    # given a dashboard on the older graphql-ws protocol, watching a workspace with a connected account
    member, _account, account_id = await member_with_account(api, pds)
    query = "subscription ($ws: ID!) { postStatusChanged(workspaceId: $ws) { targetStatus post { text } } }"
    init = {"type": "connection_init", "payload": {"authorization": f"Bearer {member.token}"}}
    start = {
        "id": "1",
        "type": "start",
        "payload": {"query": query, "variables": {"ws": member.workspace_id}},
    }
    async with websockets.connect(api.ws_url, subprotocols=[websockets.Subprotocol("graphql-ws")]) as socket:
        await socket.send(json.dumps(init))
        assert json.loads(await socket.recv())["type"] == "connection_ack"
        await socket.send(json.dumps(start))
        await asyncio.sleep(0.3)  # let the subscription attach before anything happens

        # when a draft is written
        await create_post(api, member, text="legacy clients too", targets=[{"accountId": account_id}])
        message = json.loads(await asyncio.wait_for(socket.recv(), 10))

    # then the change arrives as a graphql-ws `data` message
    assert message == {
        "id": "1",
        "type": "data",
        "payload": {
            "data": {"postStatusChanged": {"targetStatus": "DRAFT", "post": {"text": "legacy clients too"}}}
        },
    }
