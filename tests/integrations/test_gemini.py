"""The Gemini client against a local server speaking Gemini's REST shape: what it sends, what it makes of
answers, blocks and errors, and how it retries."""

from __future__ import annotations

import base64
import time
from collections.abc import AsyncIterator

import pytest

from integrations.gemini import (
    AiBlocked,
    AiEmpty,
    AiNotConfigured,
    AiUnavailable,
    Gemini,
    Image,
    Request,
    Turn,
)
from tests.services.gemini_server import (
    API_KEY,
    GeminiServer,
    answer,
    blocked,
    empty,
    error,
    json_answer,
    prompt_blocked,
)

MODEL = "gemini-test"
SCHEMA = {"type": "OBJECT", "properties": {"text": {"type": "STRING"}}, "required": ["text"]}
ASK = Request("You write posts.", (Turn("user", ("Write about bread.",)),), SCHEMA, temperature=0.5)
PNG = bytes.fromhex("89504e470d0a1a0a") + b"\x00" * 24


@pytest.fixture
async def client(gemini: GeminiServer) -> AsyncIterator[Gemini]:
    client = Gemini(API_KEY, model=MODEL, base_url=gemini.url, timeout_seconds=5, max_retries=2)
    yield client
    await client.close()


async def test_structured_output_is_asked_for_and_read(gemini: GeminiServer, client: Gemini) -> None:
    # given a model that answers JSON
    gemini.script(json_answer({"text": "Fresh bread"}, prompt_tokens=12, output_tokens=5))

    # when Herald asks with a response schema
    generation = await client.generate(ASK)

    # then the request carries the system instruction, the schema and JSON as the answer's type
    sent = gemini.requests[0]
    assert (sent.model, sent.endpoint) == (MODEL, "generateContent")
    assert sent.system == "You write posts."
    assert sent.body["generationConfig"]["responseMimeType"] == "application/json"
    assert sent.response_schema == SCHEMA
    assert sent.body["contents"] == [{"role": "user", "parts": [{"text": "Write about bread."}]}]
    # and the answer comes back with its token counts
    assert generation.text == '{"text": "Fresh bread"}'
    assert (generation.usage.input_tokens, generation.usage.output_tokens) == (12, 5)
    assert generation.model == MODEL


async def test_a_stream_hands_over_the_text_in_order(gemini: GeminiServer, client: Gemini) -> None:
    # given a model that streams its answer in five pieces
    gemini.script(answer("one two three four five six seven", chunks=5))
    pieces: list[str] = []

    async def collect(text: str) -> None:
        pieces.append(text)

    # when Herald streams it
    generation = await client.stream(ASK, collect)

    # then every piece arrived in order, over SSE
    assert gemini.requests[0].endpoint == "streamGenerateContent"
    assert gemini.requests[0].query == {"alt": "sse"}
    assert len(pieces) == 5
    assert "".join(pieces) == generation.text == "one two three four five six seven"
    assert generation.usage.output_tokens == 17


async def test_a_429_is_retried_after_the_delay_the_server_asks_for(
    gemini: GeminiServer, client: Gemini
) -> None:
    # given a model that is rate limited once, asking for a one-second wait
    gemini.script(error(429, retry_delay="1s"), json_answer({"text": "ok"}))

    # when Herald asks
    started = time.monotonic()
    generation = await client.generate(ASK)

    # then it waited that second and the second try answered
    assert time.monotonic() - started >= 1.0
    assert len(gemini.requests) == 2
    assert generation.text == '{"text": "ok"}'


async def test_retries_are_bounded(gemini: GeminiServer, client: Gemini) -> None:
    # given a model that keeps failing
    gemini.script(*[error(503, retry_delay="0.1s")] * 5)

    # when Herald asks, then it gives up after the configured retries
    with pytest.raises(AiUnavailable):
        await client.generate(ASK)
    assert len(gemini.requests) == 3


async def test_a_wait_longer_than_allowed_is_not_waited_for(gemini: GeminiServer, client: Gemini) -> None:
    # given a model out of quota for an hour
    gemini.script(error(429, retry_delay="3600s"))

    # when Herald asks, then it fails at once with the wait in the message
    started = time.monotonic()
    with pytest.raises(AiUnavailable, match="3600"):
        await client.generate(ASK)
    assert time.monotonic() - started < 1
    assert len(gemini.requests) == 1


async def test_a_refused_request_is_not_retried(gemini: GeminiServer, client: Gemini) -> None:
    gemini.script(error(400, "INVALID_ARGUMENT", "Request contains an invalid argument."))
    with pytest.raises(AiUnavailable, match="invalid argument"):
        await client.generate(ASK)
    assert len(gemini.requests) == 1


async def test_safety_blocks_and_empty_answers(gemini: GeminiServer, client: Gemini) -> None:
    # given a withheld answer, a refused prompt and an answer without parts
    gemini.script(blocked(), prompt_blocked(), empty())

    # then each is told apart
    with pytest.raises(AiBlocked) as withheld:
        await client.generate(ASK)
    with pytest.raises(AiBlocked):
        await client.generate(ASK)
    with pytest.raises(AiEmpty):
        await client.generate(ASK)
    assert withheld.value.code == "AI_BLOCKED"
    assert withheld.value.usage.input_tokens == 42  # still counted


async def test_a_stream_stopped_by_a_safety_filter_is_blocked(gemini: GeminiServer, client: Gemini) -> None:
    async def ignore(text: str) -> None:
        pass

    gemini.script(blocked())
    with pytest.raises(AiBlocked):
        await client.stream(ASK, ignore)


async def test_an_image_goes_inline_with_its_type(gemini: GeminiServer, client: Gemini) -> None:
    # given an image to describe
    gemini.script(json_answer({"altText": "A loaf"}))
    request = Request("Describe.", (Turn("user", ("Alt text please.", Image(PNG, "image/png"))),))

    # when Herald asks
    await client.generate(request)

    # then the bytes travel base64-encoded (URL-safe, as the SDK sends it) in inlineData, with their type
    parts = gemini.requests[0].body["contents"][0]["parts"]
    inline = parts[1]["inlineData"]
    assert base64.urlsafe_b64decode(inline["data"]) == PNG
    assert inline.get("mimeType", inline.get("mime_type")) == "image/png"
    assert parts[0] == {"text": "Alt text please."}


async def test_a_refused_key_says_ai_is_not_configured(gemini: GeminiServer) -> None:
    client = Gemini("wrong-key", model=MODEL, base_url=gemini.url, max_retries=2)
    try:
        with pytest.raises(AiNotConfigured):
            await client.generate(ASK)
    finally:
        await client.close()
    assert len(gemini.requests) == 1


async def test_a_slow_model_times_out(gemini: GeminiServer) -> None:
    client = Gemini(API_KEY, model=MODEL, base_url=gemini.url, timeout_seconds=0.3, max_retries=2)
    gemini.script(json_answer({"text": "late"}, delay=2))
    try:
        with pytest.raises(AiUnavailable, match="did not answer"):
            await client.generate(ASK)
    finally:
        await client.close()
    assert len(gemini.requests) == 1
