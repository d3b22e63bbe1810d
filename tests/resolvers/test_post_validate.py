"""postValidate: postCreate's checks as a dry run, for the composer to show before anything is saved."""

from __future__ import annotations

from typing import Any

import pytest

from tests.herald_client import Member, create_post, member_with_account, sign_up
from tests.services.pds import PdsServer
from tests.stack import ApiServer, data, gql

VALIDATE = """
query ($input: PostCreateInput!) { postValidate(input: $input) { valid userErrors { code field message } } }
"""
POSTS = "query ($ws: ID!) { posts(workspaceId: $ws) { totalCount } }"
MISSING_ACCOUNT = "U29jaWFsQWNjb3VudDo2NmYwMDAwMDAwMDAwMDAwMDAwMDAwMDA"


@pytest.fixture(scope="module")
async def author(api: ApiServer, pds: PdsServer) -> tuple[Member, str]:
    member, _, account_id = await member_with_account(api, pds)
    return member, account_id


async def _validate(api: ApiServer, member: Member, **fields: Any) -> dict[str, Any]:
    variables = {"input": {"workspaceId": member.workspace_id, **fields}}
    payload: dict[str, Any] = (await data(api, VALIDATE, variables, token=member.token))["postValidate"]
    return payload


async def _post_count(api: ApiServer, member: Member) -> int:
    count: int = (await data(api, POSTS, {"ws": member.workspace_id}, token=member.token))["posts"][
        "totalCount"
    ]
    return count


async def test_a_post_postcreate_would_take_is_valid_and_nothing_is_stored(
    api: ApiServer, author: tuple[Member, str]
) -> None:
    member, account_id = author
    before = await _post_count(api, member)

    payload = await _validate(api, member, text="hello", targets=[{"accountId": account_id}])

    assert payload == {"valid": True, "userErrors": []}
    assert await _post_count(api, member) == before


@pytest.mark.parametrize(
    "fields",
    [
        {"text": "a" * 301},
        {"targets": []},
        {"targets": [{"accountId": MISSING_ACCOUNT}]},
        {"text": "   "},
        {"scheduledAt": "2020-01-01T00:00:00Z"},
        {"thread": [{"text": "b" * 301}], "scheduledAt": "2099-01-01T00:00:00"},
    ],
)
async def test_the_errors_are_postcreates_and_nothing_is_stored(
    api: ApiServer, author: tuple[Member, str], fields: dict[str, Any]
) -> None:
    member, account_id = author
    request = {"text": "hello", "targets": [{"accountId": account_id}], **fields}
    before = await _post_count(api, member)

    validated = await _validate(api, member, **request)

    assert validated["valid"] is False
    assert validated["userErrors"], "a refused input names what to fix"
    assert await _post_count(api, member) == before
    # postCreate refuses the same input with the very same errors.
    assert validated["userErrors"] == (await create_post(api, member, **request))["userErrors"]


async def test_another_workspace_is_not_found(api: ApiServer, author: tuple[Member, str]) -> None:
    stranger = await sign_up(api)
    member, account_id = author
    variables = {
        "input": {"workspaceId": member.workspace_id, "text": "hi", "targets": [{"accountId": account_id}]}
    }

    body = await gql(api, VALIDATE, variables, token=stranger.token)

    assert body["data"]["postValidate"]["userErrors"][0]["code"] == "WORKSPACE_NOT_FOUND"
