"""aiUsage: what a workspace's AI requests cost, for its admins only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from models.ai_generation import AiGeneration
from models.workspace import Member as WorkspaceMember
from models.workspace import Role, Workspace
from schema.relay import parse_id_of
from tests.herald_client import Member, sign_up
from tests.services.gemini_server import GeminiServer, blocked, json_answer
from tests.stack import ApiServer, data, gql

USAGE = """
query ($ws: ID!, $from: DateTime!, $to: DateTime!) {
  aiUsage(workspaceId: $ws, from: $from, to: $to) {
    requests inputTokens outputTokens
    byModel { model requests inputTokens outputTokens }
    byOutcome { outcome requests inputTokens outputTokens }
  }
}"""
CAPTION = """
mutation ($input: CaptionGenerateInput!) { captionGenerate(input: $input) { userErrors { code } } }"""


def _range(days_from: int, days_to: int) -> dict[str, str]:
    now = datetime.now(UTC)
    return {
        "from": (now + timedelta(days=days_from)).isoformat(),
        "to": (now + timedelta(days=days_to)).isoformat(),
    }


async def _caption(api: ApiServer, member: Member) -> None:
    variables = {"input": {"workspaceId": member.workspace_id, "brief": "Bread.", "platforms": ["BLUESKY"]}}
    await data(api, CAPTION, variables, token=member.token)


async def _add_member(api: ApiServer, owner: Member, role: Role) -> Member:
    other = await sign_up(api)
    user_id = parse_id_of("User", (await data(api, "{ me { id } }", token=other.token))["me"]["id"])
    workspace = await Workspace.get(parse_id_of("Workspace", owner.workspace_id))
    assert workspace is not None and user_id is not None
    await workspace.update({"$push": {"members": WorkspaceMember(user_id=user_id, role=role).model_dump()}})
    return Member(other.token, other.email, owner.workspace_id)


async def test_admins_see_requests_and_tokens_per_model_and_outcome(
    api: ApiServer, gemini: GeminiServer
) -> None:
    # given a workspace that made three requests: one answered, one blocked, one of another's tokens
    owner = await sign_up(api)
    gemini.script(
        json_answer({"BLUESKY": {"text": "Hi.", "hashtags": []}}, prompt_tokens=100, output_tokens=10),
        blocked(),
        json_answer({"BLUESKY": {"text": "Hey.", "hashtags": []}}, prompt_tokens=50, output_tokens=5),
    )
    for _ in range(3):
        await _caption(api, owner)

    # when its owner reads today's usage, and last month's
    today = (await data(api, USAGE, {"ws": owner.workspace_id, **_range(-1, 1)}, token=owner.token))[
        "aiUsage"
    ]
    before = (await data(api, USAGE, {"ws": owner.workspace_id, **_range(-60, -30)}, token=owner.token))[
        "aiUsage"
    ]

    # then today holds the three requests with their tokens, split by model and outcome
    assert (today["requests"], today["inputTokens"], today["outputTokens"]) == (3, 192, 32)
    assert today["byModel"] == [
        {"model": "gemini-2.5-flash", "requests": 3, "inputTokens": 192, "outputTokens": 32}
    ]
    assert today["byOutcome"] == [
        {"outcome": "BLOCKED", "requests": 1, "inputTokens": 42, "outputTokens": 17},
        {"outcome": "OK", "requests": 2, "inputTokens": 150, "outputTokens": 15},
    ]
    assert before["requests"] == 0 and before["byModel"] == []


async def test_editors_are_forbidden_and_strangers_find_nothing(api: ApiServer) -> None:
    owner = await sign_up(api)
    editor = await _add_member(api, owner, Role.EDITOR)
    stranger = await sign_up(api)
    variables: dict[str, Any] = {"ws": owner.workspace_id, **_range(-1, 1)}

    as_editor = await gql(api, USAGE, variables, token=editor.token)
    as_stranger = await gql(api, USAGE, variables, token=stranger.token)

    assert [e["extensions"]["code"] for e in as_editor["errors"]] == ["FORBIDDEN"]
    assert [e["extensions"]["code"] for e in as_stranger["errors"]] == ["NOT_FOUND"]


async def test_a_backwards_range_is_refused(api: ApiServer) -> None:
    owner = await sign_up(api)
    body = await gql(api, USAGE, {"ws": owner.workspace_id, **_range(1, -1)}, token=owner.token)
    assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_USER_INPUT"]


async def test_usage_reads_through_an_index(api: ApiServer) -> None:
    indexes = await AiGeneration.get_pymongo_collection().index_information()
    assert [("workspace_id", 1), ("created_at", 1)] in [spec["key"] for spec in indexes.values()]
