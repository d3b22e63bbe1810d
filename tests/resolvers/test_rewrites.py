"""postRewrite against a local Gemini: rewrites and thread splits come back within the network's rules."""

from __future__ import annotations

from typing import Any

import pytest

from integrations.platforms.limits import fits
from integrations.prompts import DATA_OPEN
from models.platform import PlatformName
from tests.herald_client import Member, sign_up
from tests.services.gemini_server import GeminiServer, json_answer
from tests.stack import ApiServer, data

REWRITE = """
mutation ($input: PostRewriteInput!) {
  postRewrite(input: $input) { text parts userErrors { code field message } }
}"""
POST = " ".join(f"Point {i}: our sourdough rests for {i + 12} hours before baking." for i in range(12))


async def rewrite(api: ApiServer, member: Member, **fields: Any) -> dict[str, Any]:
    variables = {"input": {"workspaceId": member.workspace_id, "text": POST, "platform": "BLUESKY", **fields}}
    payload: dict[str, Any] = (await data(api, REWRITE, variables, token=member.token))["postRewrite"]
    return payload


def codes(payload: dict[str, Any]) -> list[str]:
    return [error["code"] for error in payload["userErrors"]]


@pytest.fixture(scope="module")
async def member(api: ApiServer) -> Member:
    return await sign_up(api)


async def test_a_thread_split_gives_parts_that_each_fit(
    api: ApiServer, gemini: GeminiServer, member: Member
) -> None:
    # given a model that splits the post into parts, one of them still too long, twice
    sentences = POST.split(". ")
    parts = [". ".join(sentences[:3]) + ".", ". ".join(sentences[3:]), "Thanks for reading!"]
    gemini.script(*[json_answer({"parts": parts})] * 2)

    # when the post is split into a Bluesky thread
    payload = await rewrite(api, member, instruction="SPLIT_THREAD")

    # then every part fits Bluesky, and nothing of the text is lost
    assert payload["userErrors"] == []
    assert len(payload["parts"]) > 3
    assert all(fits(PlatformName.BLUESKY, part) for part in payload["parts"])
    assert "".join(payload["parts"]).replace(" ", "") == "".join(parts).replace(" ", "")
    assert payload["text"] == "\n\n".join(payload["parts"])
    # and the model was told which part broke which rule before Herald split it further
    assert len(gemini.requests) == 2
    assert "Part 2: Bluesky allows 300 characters" in gemini.requests[1].prompt
    assert gemini.requests[0].response_schema["required"] == ["parts"]


async def test_a_shortened_post_fits_and_the_post_is_data(
    api: ApiServer, gemini: GeminiServer, member: Member
) -> None:
    # given a model that shortens well
    gemini.script(json_answer({"text": "Our sourdough rests 12 to 23 hours. Worth it."}))

    # when the post is shortened for Threads
    payload = await rewrite(api, member, instruction="SHORTEN", platform="THREADS")

    # then the short text comes back as one part, and the post went in the data section
    assert payload == {
        "text": "Our sourdough rests 12 to 23 hours. Worth it.",
        "parts": ["Our sourdough rests 12 to 23 hours. Worth it."],
        "userErrors": [],
    }
    prompt = gemini.requests[0].prompt
    assert prompt.index(DATA_OPEN) < prompt.index("Point 0")


async def test_a_translation_still_too_long_is_cut_at_a_sentence(
    api: ApiServer, gemini: GeminiServer, member: Member
) -> None:
    gemini.script(*[json_answer({"text": POST})] * 2)
    payload = await rewrite(api, member, instruction="TRANSLATE", language="pt-PT")
    assert payload["parts"] == [payload["text"]]
    assert fits(PlatformName.BLUESKY, payload["text"])
    assert payload["text"].endswith("baking.")
    assert '"language": "pt-PT"' in gemini.requests[0].prompt


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"instruction": "CHANGE_TONE"}, ["TONE_REQUIRED"]),
        ({"instruction": "TRANSLATE"}, ["LANGUAGE_REQUIRED"]),
        ({"instruction": "SPLIT_THREAD", "platform": "INSTAGRAM"}, ["THREADS_NOT_SUPPORTED"]),
        # Herald publishes no reply chains to Threads (postCreate refuses the parts): no split either
        ({"instruction": "SPLIT_THREAD", "platform": "THREADS"}, ["THREADS_NOT_SUPPORTED"]),
        ({"instruction": "SHORTEN", "text": " "}, ["TEXT_REQUIRED"]),
    ],
)
async def test_bad_input_is_refused_before_any_request(
    api: ApiServer, gemini: GeminiServer, member: Member, fields: dict[str, Any], expected: list[str]
) -> None:
    payload = await rewrite(api, member, **fields)
    assert codes(payload) == expected
    assert payload["parts"] == [] and payload["text"] is None
    assert gemini.requests == []
