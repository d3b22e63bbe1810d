"""Inputs the schema fuzzer (test_fuzz.py) found to break the API, each kept as a plain test."""

from __future__ import annotations

import pytest

from tests.herald_client import CONNECT, sign_up
from tests.stack import ApiServer, data

PASSWORD = "abcd-efgh-ijkl-mnop"


@pytest.mark.parametrize(
    ("service_url", "handle", "app_password"),
    [
        pytest.param("http://[::1", "alice.test", PASSWORD, id="unclosed-ipv6"),
        pytest.param("http://127.0.0.1:99999", "alice.test", PASSWORD, id="port-out-of-range"),
        pytest.param("http://ex ample.test", "alice.test", PASSWORD, id="space-in-host"),
        pytest.param("http://127.0.0.1:1", "alice\x00.test", PASSWORD, id="nul-in-handle"),
        pytest.param("http://127.0.0.1:1/\x00", "alice.test", PASSWORD, id="nul-in-url"),
        pytest.param("http://\u00e9\u0301.test:1", "alice.test", PASSWORD, id="idna"),
        pytest.param("http://" + "a" * 300 + ".test", "alice.test", PASSWORD, id="label-too-long"),
        pytest.param("", "^", "", id="default-service-empty-password"),
        pytest.param("http://127.0.0.1:1", "0", "", id="empty-password"),
    ],
)
async def test_a_malformed_service_url_or_handle_is_a_user_error(
    api: ApiServer, service_url: str, handle: str, app_password: str
) -> None:
    member = await sign_up(api)
    variables = {
        "input": {
            "workspaceId": member.workspace_id,
            "handle": handle,
            "appPassword": app_password,
            "serviceUrl": service_url,
        }
    }
    payload = (await data(api, CONNECT, variables, token=member.token))["blueskyAccountConnect"]
    assert payload["account"] is None
    assert [e["code"] for e in payload["userErrors"]] in (
        ["INVALID_SERVICE_URL"],
        ["INVALID_HANDLE"],
        ["SERVICE_UNAVAILABLE"],
        ["BAD_CREDENTIALS"],
        ["APP_PASSWORD_REQUIRED"],
        ["SERVICE_URL_NOT_ALLOWED"],
    )
