"""Writing posts: every refusal is a typed code, and a refused write changes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from models.post import Post
from models.workspace import Member as WorkspaceMember
from models.workspace import Role, Workspace
from schema.relay import parse_id_of
from tests.herald_client import (
    Member,
    connect_bluesky,
    create_post,
    member_with_account,
    new_pds_account,
    sign_up,
)
from tests.services.pds import PdsServer
from tests.stack import ApiServer, data, gql

FAMILY = "👨‍👩‍👧‍👦"  # one grapheme, 25 UTF-8 bytes
POSTS = "query ($ws: ID!) { posts(workspaceId: $ws) { totalCount edges { node { id } } } }"
POST = "query ($id: ID!) { post(id: $id) { id } }"
CANCEL = "mutation ($id: ID!) { postCancel(id: $id) { post { id } userErrors { code field } } }"
DISCONNECT = (
    "mutation ($id: ID!) { socialAccountDisconnect(id: $id) { account { status } userErrors { code } } }"
)


@dataclass(frozen=True)
class Writer:
    member: Member
    account_id: str


@pytest.fixture(scope="module")
async def writer(api: ApiServer, pds: PdsServer) -> Writer:
    member = await sign_up(api)
    account, app_password = await new_pds_account(pds)
    return Writer(member, await connect_bluesky(api, member, pds.url, account.handle, app_password))


async def _post_count(api: ApiServer, member: Member) -> int:
    count: int = (await data(api, POSTS, {"ws": member.workspace_id}, token=member.token))["posts"][
        "totalCount"
    ]
    return count


async def _refused(api: ApiServer, writer: Writer, **fields: object) -> list[dict[str, object]]:
    """postCreate's errors, after checking that nothing was stored."""
    before = await _post_count(api, writer.member)
    payload = await create_post(api, writer.member, **fields)
    assert payload["post"] is None
    assert await _post_count(api, writer.member) == before
    errors: list[dict[str, object]] = payload["userErrors"]
    return errors


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("a" * 300, []),
        ("a" * 301, ["TEXT_TOO_LONG"]),
        (FAMILY * 300, ["TEXT_TOO_MANY_BYTES"]),  # 300 graphemes, 7,500 bytes
        (FAMILY * 119 + "a" * 5, []),  # 124 graphemes, 2,980 bytes
        ("a" * 299 + FAMILY, []),  # the family counts as one
    ],
)
async def test_bluesky_text_limits(api: ApiServer, writer: Writer, text: str, codes: list[str]) -> None:
    # when a post is written with this text
    payload = await create_post(api, writer.member, text=text, targets=[{"accountId": writer.account_id}])

    # then it is refused with exactly these codes, or stored
    assert [e["code"] for e in payload["userErrors"]] == codes
    assert (payload["post"] is None) == bool(codes)


async def test_a_target_text_over_the_limit_points_at_that_target(api: ApiServer, writer: Writer) -> None:
    errors = await _refused(
        api, writer, text="fine", targets=[{"accountId": writer.account_id, "text": "b" * 301}]
    )
    assert errors == [
        {"code": "TEXT_TOO_LONG", "field": ["targets", "0", "text"], "message": errors[0]["message"]}
    ]
    assert "Bluesky" in str(errors[0]["message"])


@pytest.mark.parametrize(
    ("fields", "code", "field"),
    [
        (
            {"targets": [{"accountId": "U29jaWFsQWNjb3VudDo2NmYwMDAwMDAwMDAwMDAwMDAwMDAwMDA"}]},
            "ACCOUNT_NOT_FOUND",
            ["targets", "0", "accountId"],
        ),
        ({"targets": [{"accountId": "not-an-id"}]}, "INVALID_ID", ["targets", "0", "accountId"]),
        ({"targets": []}, "NO_TARGETS", ["targets"]),
        ({"text": "   "}, "EMPTY_POST", ["text"]),
        ({"scheduledAt": "2020-01-01T00:00:00Z"}, "SCHEDULED_IN_PAST", ["scheduledAt"]),
        ({"scheduledAt": "2099-01-01T00:00:00"}, "INVALID_DATETIME", ["scheduledAt"]),
        (
            {"mediaIds": ["TWVkaWFBc3NldDo2NmYwMDAwMDAwMDAwMDAwMDAwMDAwMDA"]},
            "MEDIA_NOT_FOUND",
            ["mediaIds", "0"],
        ),
        ({"thread": [{"text": "b" * 301}]}, "TEXT_TOO_LONG", ["thread", "0", "text"]),
    ],
)
async def test_bad_input_is_refused_with_a_code_and_nothing_stored(
    api: ApiServer, writer: Writer, fields: dict[str, object], code: str, field: list[str]
) -> None:
    request = {"text": "hello", "targets": [{"accountId": writer.account_id}], **fields}
    errors = await _refused(api, writer, **request)
    assert [(e["code"], e["field"]) for e in errors] == [(code, field)]


async def test_a_malformed_workspace_id_is_not_found(api: ApiServer, writer: Writer) -> None:
    payload = (
        await data(
            api,
            "mutation ($i: PostCreateInput!) { postCreate(input: $i) { post { id } userErrors { code } } }",
            {"i": {"workspaceId": "???", "text": "x", "targets": [{"accountId": writer.account_id}]}},
            token=writer.member.token,
        )
    )["postCreate"]
    assert [e["code"] for e in payload["userErrors"]] == ["WORKSPACE_NOT_FOUND"]


async def test_a_disconnected_account_cannot_be_a_target(api: ApiServer, pds: PdsServer) -> None:
    # given an account that an admin disconnected
    member, _account, account_id = await member_with_account(api, pds)
    result = (await data(api, DISCONNECT, {"id": account_id}, token=member.token))["socialAccountDisconnect"]
    assert result == {"account": {"status": "DISCONNECTED"}, "userErrors": []}

    # when a post targets it, then it is refused
    payload = await create_post(api, member, text="hi", targets=[{"accountId": account_id}])
    assert [e["code"] for e in payload["userErrors"]] == ["ACCOUNT_DISCONNECTED"]


async def test_a_viewer_reads_but_cannot_write(api: ApiServer, writer: Writer) -> None:
    # given a viewer of the writer's workspace
    viewer = await sign_up(api)
    workspace = await Workspace.get(parse_id_of("Workspace", writer.member.workspace_id))
    me = (await data(api, "{ me { id } }", token=viewer.token))["me"]
    assert workspace is not None
    viewer_id = parse_id_of("User", me["id"])
    assert viewer_id is not None
    await workspace.update(
        {"$push": {"members": WorkspaceMember(user_id=viewer_id, role=Role.VIEWER).model_dump()}}
    )

    # when the viewer lists posts, and then tries to write one
    listed = await data(api, POSTS, {"ws": writer.member.workspace_id}, token=viewer.token)
    body = await gql(
        api,
        "mutation ($i: PostCreateInput!) { postCreate(input: $i) { post { id } } }",
        {
            "i": {
                "workspaceId": writer.member.workspace_id,
                "text": "x",
                "targets": [{"accountId": writer.account_id}],
            }
        },
        token=viewer.token,
    )

    # then reading works and writing is forbidden
    assert listed["posts"]["totalCount"] == await _post_count(api, writer.member)
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]


async def test_another_workspaces_post_is_not_found(api: ApiServer, writer: Writer) -> None:
    # given a post in the writer's workspace and a stranger
    payload = await create_post(api, writer.member, text="mine", targets=[{"accountId": writer.account_id}])
    post_id = payload["post"]["id"]
    stranger = await sign_up(api)

    # when the stranger looks at it and tries to cancel it
    seen = await data(api, POST, {"id": post_id}, token=stranger.token)
    cancel = (await data(api, CANCEL, {"id": post_id}, token=stranger.token))["postCancel"]
    missing = await data(api, CANCEL, {"id": "UG9zdDo2NmYwMDAwMDAwMDAwMDAwMDAwMDAwMDA"}, token=stranger.token)

    # then it answers exactly like a post that does not exist
    assert seen == {"post": None}
    assert (
        cancel
        == missing["postCancel"]
        == {"post": None, "userErrors": [{"code": "POST_NOT_FOUND", "field": ["id"]}]}
    )
    assert await Post.get(parse_id_of("Post", post_id)) is not None


async def test_posts_page_newest_first_with_cursors(api: ApiServer, pds: PdsServer) -> None:
    member, _account, account_id = await member_with_account(api, pds)
    later = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    for n in range(5):
        await create_post(
            api, member, text=f"post {n}", scheduledAt=later, targets=[{"accountId": account_id}]
        )
    page = """query ($ws: ID!, $after: String) {
      posts(workspaceId: $ws, first: 2, after: $after, filter: {status: SCHEDULED}) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { text } }
      }
    }"""
    texts, after = [], None
    while True:
        result = (await data(api, page, {"ws": member.workspace_id, "after": after}, token=member.token))[
            "posts"
        ]
        assert result["totalCount"] == 5
        texts += [edge["node"]["text"] for edge in result["edges"]]
        if not result["pageInfo"]["hasNextPage"]:
            break
        after = result["pageInfo"]["endCursor"]
    assert texts == [f"post {n}" for n in reversed(range(5))]
