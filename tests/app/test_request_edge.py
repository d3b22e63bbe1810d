"""Whatever a client sends to `/graphql`, the answer is a clear 4xx (or a typed error), never a 500 and
never a stalled server: bodies are capped while they stream, JSON is checked before anything uses it,
strings are checked where they enter (literals and variables), and expensive mutations are capped."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
import websockets

from tests.herald_client import sign_up
from tests.stack import ApiServer, gql

WORKSPACE_CREATE_LITERAL = 'mutation { workspaceCreate(input: {name: "a\\ud800"}) { userErrors { code } } }'
WORKSPACE_CREATE = """
mutation ($input: WorkspaceCreateInput!) {
  workspaceCreate(input: $input) { workspace { id } userErrors { code } }
}"""
ME = "{ me { id } }"
LOG_IN = 'logIn(input: {email: "nobody@example.test", password: "wrong password"}) { token }'
MAX_BODY = 1_000_000


async def post_raw(api: ApiServer, content: bytes, **headers: str) -> httpx.Response:
    async with httpx.AsyncClient(timeout=30) as client:
        return await client.post(
            api.graphql_url, content=content, headers={"content-type": "application/json", **headers}
        )


def error_code(response: httpx.Response) -> str:
    body: dict[str, Any] = response.json()
    code: str = body["errors"][0]["extensions"]["code"]
    return code


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b'"just a string"', id="string"),
        pytest.param(b"42", id="number"),
        pytest.param(b"[1, 2]", id="array-of-numbers"),
        pytest.param(b'["{ me { id } }"]', id="array-of-strings"),
        pytest.param(b"null", id="null"),
        pytest.param(b"[" * 100_000 + b"]" * 100_000, id="100k-deep-array"),
        pytest.param(b'{"query": ' + b'{"a": ' * 100_000 + b"1" + b"}" * 100_001, id="100k-deep-object"),
        pytest.param(b'{"query": "{ me { id } }", "x": "\xff\xfe"}', id="invalid-utf8"),
        pytest.param(b'{"query": "{ me { id } }", "x": "\xed\xa0\x80"}', id="utf8-encoded-surrogate"),
        pytest.param(b'{"query": "{ me { id } ', id="truncated"),
    ],
)
async def test_a_malformed_body_is_a_400_with_a_json_error(api: ApiServer, body: bytes) -> None:
    response = await post_raw(api, body)
    assert response.status_code == 400, response.text
    assert error_code(response) == "BAD_REQUEST"


async def test_a_lone_surrogate_in_a_json_variable_is_a_400(api: ApiServer) -> None:
    member = await sign_up(api)
    body = json.dumps({"query": WORKSPACE_CREATE, "variables": {"input": {"name": "a\ud800"}}})
    assert "\\ud800" in body  # json.dumps escapes it, as a client's JSON would
    response = await post_raw(api, body.encode(), authorization=f"Bearer {member.token}")
    assert response.status_code == 400, response.text
    assert error_code(response) == "BAD_REQUEST"


@pytest.mark.parametrize("escape", ["\\ud800", "\\udc00", "\\u{D800}", "\\ud800\\u0041"])
async def test_a_lone_surrogate_escape_in_a_literal_is_refused_before_execution(
    api: ApiServer, escape: str
) -> None:
    member = await sign_up(api)
    body = await gql(api, WORKSPACE_CREATE_LITERAL.replace("\\ud800", escape), token=member.token)
    assert body.get("data") is None
    assert body["errors"]


async def test_a_raw_lone_surrogate_in_the_query_text_is_a_400(api: ApiServer) -> None:
    member = await sign_up(api)
    query = WORKSPACE_CREATE_LITERAL.replace("\\ud800", "\ud800")
    response = await post_raw(
        api, json.dumps({"query": query}).encode(), authorization=f"Bearer {member.token}"
    )
    assert response.status_code == 400, response.text
    assert error_code(response) == "BAD_REQUEST"


async def test_a_surrogate_pair_escape_is_a_valid_string(api: ApiServer) -> None:
    member = await sign_up(api)
    query = WORKSPACE_CREATE_LITERAL.replace("\\ud800", "\\ud83d\\ude00")
    body = await gql(api, query, token=member.token)
    assert "errors" not in body, body
    assert body["data"]["workspaceCreate"]["userErrors"] == []


@pytest.mark.parametrize(
    "params",
    [
        pytest.param({"query": WORKSPACE_CREATE_LITERAL}, id="literal"),
        pytest.param({"query": ME, "variables": '{"x": "a\\ud800"}'}, id="variable"),
        pytest.param({"query": ME, "variables": '"a string"'}, id="variables-a-string"),
        pytest.param({"query": ME, "variables": "[" * 5_000 + "]" * 5_000}, id="deep-variables"),
    ],
)
async def test_get_requests_are_checked_the_same_way(api: ApiServer, params: dict[str, str]) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        response = await client.get(api.graphql_url, params=params)
    assert response.status_code in (200, 400), response.text
    body = response.json()
    assert body.get("data") is None
    assert body["errors"]


async def test_a_long_string_variable_is_refused(api: ApiServer) -> None:
    member = await sign_up(api)
    body = await gql(api, WORKSPACE_CREATE, {"input": {"name": "x" * 100_001}}, token=member.token)
    assert body.get("data") is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["STRING_TOO_LONG"]


async def test_a_long_string_literal_is_refused(api: ApiServer) -> None:
    member = await sign_up(api)
    query = WORKSPACE_CREATE_LITERAL.replace("a\\ud800", "x" * 100_001)
    body = await gql(api, query, token=member.token)
    assert body.get("data") is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["STRING_TOO_LONG"]


async def raw_http(api: ApiServer, head: bytes, body_chunks: list[bytes]) -> tuple[int, dict[str, Any]]:
    """Send a request by hand (headers, then what body we choose) and read the status and JSON answer."""
    host, port = api.base_url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    try:
        writer.write(head)
        for chunk in body_chunks:
            writer.write(chunk)
            await writer.drain()
        answer = await asyncio.wait_for(reader.read(), 10)  # the server closes after refusing
    finally:
        writer.close()
    status_line, _, rest = answer.partition(b"\r\n")
    body = rest.partition(b"\r\n\r\n")[2]
    return int(status_line.split()[1]), json.loads(body)


async def test_a_declared_length_over_the_limit_is_refused_without_reading(api: ApiServer) -> None:
    # given a request declaring 2 MB whose body never comes
    head = (
        b"POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n"
        b"content-length: 2000000\r\n\r\n"
    )
    status, body = await raw_http(api, head, [])
    assert status == 413
    assert body["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"


async def test_a_chunked_body_is_cut_at_the_limit(api: ApiServer) -> None:
    # given a chunked body that passes the limit and never ends
    head = (
        b"POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n"
        b"transfer-encoding: chunked\r\n\r\n"
    )
    chunk = b"x" * 65_536
    chunks = [b"%x\r\n%s\r\n" % (len(chunk), chunk)] * (MAX_BODY // len(chunk) + 2)
    status, body = await raw_http(api, head, chunks)
    assert status == 413
    assert body["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"


async def test_a_body_under_the_limit_is_served(api: ApiServer) -> None:
    response = await post_raw(api, json.dumps({"query": ME, "pad": "x" * (MAX_BODY - 100)}).encode())
    assert response.status_code == 200, response.text
    assert response.json() == {"data": {"me": None}}


async def test_at_most_a_few_expensive_mutations_per_request(api: ApiServer) -> None:
    many = "mutation { " + " ".join(f"l{n}: {LOG_IN}" for n in range(4)) + " }"
    body = await gql(api, many)
    assert body.get("data") is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["TOO_MANY_EXPENSIVE_FIELDS"]


async def test_expensive_mutations_hidden_in_fragments_are_counted(api: ApiServer) -> None:
    many = "mutation { ...F ...F ... on Mutation { a: " + LOG_IN + " b: " + LOG_IN + " } }"
    many += " fragment F on Mutation { " + LOG_IN + " }"
    body = await gql(api, many)
    assert body.get("data") is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["TOO_MANY_EXPENSIVE_FIELDS"]


async def test_a_few_expensive_mutations_still_run(api: ApiServer) -> None:
    few = "mutation { " + " ".join(f"l{n}: {LOG_IN}" for n in range(2)) + " }"
    body = await gql(api, few)
    assert "errors" not in body or all(
        e["extensions"]["code"] != "TOO_MANY_EXPENSIVE_FIELDS" for e in body["errors"]
    )


@pytest.mark.parametrize(
    "message",
    [
        pytest.param('"a string"', id="string"),
        pytest.param("[1]", id="array"),
        pytest.param("[" * 100_000 + "]" * 100_000, id="deep"),
    ],
)
async def test_a_malformed_websocket_message_closes_the_socket_with_4400(
    api: ApiServer, message: str
) -> None:
    async with websockets.connect(
        api.ws_url, subprotocols=[websockets.Subprotocol("graphql-transport-ws")], max_size=None
    ) as socket:
        await socket.send(message)
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await asyncio.wait_for(socket.recv(), 10)
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4400


SUBSCRIBE_BY_NAME = "subscription ($ws: ID!) { postStatusChanged(workspaceId: $ws) { targetStatus } }"


async def subscribe_once(api: ApiServer, token: str, variables: dict[str, Any]) -> dict[str, Any]:
    """The first answer to one subscription with these variables (raises if the socket closes)."""
    async with websockets.connect(
        api.ws_url, subprotocols=[websockets.Subprotocol("graphql-transport-ws")]
    ) as socket:
        init = {"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}}
        await socket.send(json.dumps(init))
        assert json.loads(await asyncio.wait_for(socket.recv(), 10))["type"] == "connection_ack"
        payload = {"query": SUBSCRIBE_BY_NAME, "variables": variables}
        await socket.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))
        answer: dict[str, Any] = json.loads(await asyncio.wait_for(socket.recv(), 10))
    return answer


async def test_a_lone_surrogate_in_a_websocket_variable_closes_the_socket(api: ApiServer) -> None:
    member = await sign_up(api)
    with pytest.raises(websockets.ConnectionClosed) as closed:
        await subscribe_once(api, member.token, {"ws": member.workspace_id + "\ud800"})
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4400


async def test_a_long_websocket_variable_is_refused(api: ApiServer) -> None:
    member = await sign_up(api)
    answer = await subscribe_once(api, member.token, {"ws": "x" * 100_001})
    errors = answer["payload"] if answer["type"] == "error" else answer["payload"]["errors"]
    assert [e["extensions"]["code"] for e in errors] == ["STRING_TOO_LONG"]


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("{ node(id: " + "[" * 990 + "]" * 990 + ") { id } }", id="deep-list-literal"),
        pytest.param("{ node(id: " + "{a: " * 660 + "1" + "}" * 660 + ") { id } }", id="deep-object-literal"),
        pytest.param("{ me " + "{ id " * 600 + "}" * 601, id="deep-selection"),
    ],
)
async def test_deeply_nested_literals_are_refused_without_a_500(api: ApiServer, query: str) -> None:
    response = await post_raw(api, json.dumps({"query": query}).encode())
    assert response.status_code == 200, response.text
    body = response.json()
    assert body.get("data") is None
    assert all(e.get("extensions", {}).get("code") != "INTERNAL_SERVER_ERROR" for e in body["errors"])


async def test_deep_variables_under_the_parser_limit_are_refused_without_a_500(api: ApiServer) -> None:
    query = "query ($id: ID!) { node(id: $id) { id } }"
    nested: Any = "x"
    for _ in range(900):
        nested = [nested]
    body = await gql(api, query, {"id": nested})
    assert body.get("data") is None
    assert all(e.get("extensions", {}).get("code") != "INTERNAL_SERVER_ERROR" for e in body["errors"])


@pytest.mark.parametrize(
    "message",
    [
        pytest.param("{}", id="no-type"),
        pytest.param('[{"type": "connection_init"}]', id="array"),
        pytest.param('{"type": 1}', id="type-not-a-string"),
        pytest.param('"a string"', id="string"),
    ],
)
async def test_the_legacy_websocket_protocol_skips_a_malformed_message(api: ApiServer, message: str) -> None:
    async with websockets.connect(api.ws_url, subprotocols=[websockets.Subprotocol("graphql-ws")]) as socket:
        await socket.send(message)
        await socket.send(json.dumps({"type": "connection_init", "payload": {}}))
        answer = json.loads(await asyncio.wait_for(socket.recv(), 10))
    assert answer["type"] == "connection_ack"


@pytest.mark.parametrize(
    "message",
    [pytest.param("{}", id="no-type"), pytest.param('[{"type": "connection_init"}]', id="array")],
)
async def test_a_message_that_is_no_protocol_message_closes_the_socket(api: ApiServer, message: str) -> None:
    async with websockets.connect(
        api.ws_url, subprotocols=[websockets.Subprotocol("graphql-transport-ws")]
    ) as socket:
        await socket.send(message)
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await asyncio.wait_for(socket.recv(), 10)
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4400


@pytest.mark.parametrize(
    "request_body",
    [
        pytest.param({"query": ME, "operationName": 5}, id="operation-name-a-number"),
        pytest.param({"query": ME, "operationName": ["a"]}, id="operation-name-a-list"),
        pytest.param({"query": ME, "operationName": {"a": 1}}, id="operation-name-an-object"),
        pytest.param({"query": ME, "extensions": []}, id="extensions-a-list"),
        pytest.param({"query": ME, "variables": []}, id="variables-a-list"),
        pytest.param({"query": None}, id="query-null"),
        pytest.param({"query": 5}, id="query-a-number"),
        pytest.param({}, id="empty-object"),
        pytest.param({"query": "mutation { logOut }", "operationName": "Nope"}, id="unknown-operation"),
    ],
)
async def test_odd_request_fields_are_a_400_or_a_graphql_error(
    api: ApiServer, request_body: dict[str, Any]
) -> None:
    response = await post_raw(api, json.dumps(request_body).encode())
    assert response.status_code in (200, 400), response.text
    body = response.json()
    assert body.get("data") is None
    assert body["errors"]
    assert all(e.get("extensions", {}).get("code") != "INTERNAL_SERVER_ERROR" for e in body["errors"])


async def test_a_websocket_message_over_the_body_limit_closes_the_socket(api: ApiServer) -> None:
    async with websockets.connect(
        api.ws_url, subprotocols=[websockets.Subprotocol("graphql-transport-ws")], max_size=None
    ) as socket:
        await socket.send(json.dumps({"type": "connection_init", "payload": {"pad": "x" * (2 * MAX_BODY)}}))
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await asyncio.wait_for(socket.recv(), 10)
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 1009  # message too big
