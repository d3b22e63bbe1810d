"""Inputs the schema fuzzer (test_fuzz.py) found to break the API, each kept as a plain test."""

from __future__ import annotations

import pytest

from tests.herald_client import CONNECT, sign_up
from tests.stack import ApiServer, data


@pytest.mark.parametrize(
    ("service_url", "handle"),
    [
        pytest.param("http://[::1", "alice.test", id="unclosed-ipv6"),
        pytest.param("http://127.0.0.1:99999", "alice.test", id="port-out-of-range"),
        pytest.param("http://ex ample.test", "alice.test", id="space-in-host"),
        pytest.param("http://127.0.0.1:1", "alice\x00.test", id="nul-in-handle"),
        pytest.param("http://127.0.0.1:1/\x00", "alice.test", id="nul-in-url"),
        pytest.param("http://\u00e9\u0301.test:1", "alice.test", id="idna"),
        pytest.param("http://" + "a" * 300 + ".test", "alice.test", id="label-too-long"),
    ],
)
async def test_a_malformed_service_url_or_handle_is_a_user_error(
    api: ApiServer, service_url: str, handle: str
) -> None:
    member = await sign_up(api)
    variables = {
        "input": {
            "workspaceId": member.workspace_id,
            "handle": handle,
            "appPassword": "abcd-efgh-ijkl-mnop",
            "serviceUrl": service_url,
        }
    }
    payload = (await data(api, CONNECT, variables, token=member.token))["blueskyAccountConnect"]
    assert payload["account"] is None
    assert [e["code"] for e in payload["userErrors"]] in (
        ["INVALID_SERVICE_URL"],
        ["INVALID_HANDLE"],
        ["SERVICE_UNAVAILABLE"],
    )
