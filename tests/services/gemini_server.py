"""A local HTTP server that speaks the Gemini API's REST shape, scriptable per test (recording, faults and
running come from `FakeServer`).

    async with GeminiServer().running() as gemini:
        gemini.script(error(429, retry_delay="1s"), answer('{"BLUESKY": {"text": "Hello"}}'))
        ...                                  # Herald calls it through the google-genai SDK
        gemini.requests[0].body["contents"]  # what Herald sent

It answers `POST /v1beta/models/{model}:generateContent` with one JSON response and
`POST /v1beta/models/{model}:streamGenerateContent?alt=sse` with server-sent events, one
`GenerateContentResponse` per event, as Gemini does: `candidates[{content{parts, role}, finishReason,
index, safetyRatings}]`, `usageMetadata`, `modelVersion`, `responseId`; errors are
`{"error": {"code", "message", "status", "details"}}`. Replies (answers, or errors as faults) are taken
from a queue, one per request, after any fault set with `fail` for the method (the endpoint names are
generateContent, streamGenerateContent); with the queue empty it answers 400 so a missing script shows
up as a clear failure, not a hang.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from tests.services.fake_network import FakeServer, Fault, Recorded

API_KEY = "test-gemini-key"
_RATINGS = [
    {"category": category, "probability": "NEGLIGIBLE"}
    for category in (
        "HARM_CATEGORY_SEXUALLY_EXPLICIT",
        "HARM_CATEGORY_HATE_SPEECH",
        "HARM_CATEGORY_HARASSMENT",
        "HARM_CATEGORY_DANGEROUS_CONTENT",
    )
]


@dataclass(frozen=True)
class Reply:
    """One scripted answer of the model: its `text`, or a block."""

    text: str | None = None
    finish_reason: str | None = "STOP"
    prompt_block_reason: str | None = None
    blocked_category: str | None = None
    chunks: int = 3
    delay: float = 0.0
    chunk_interval: float = 0.0
    prompt_tokens: int = 42
    output_tokens: int = 17


def answer(text: str, **options: Any) -> Reply:
    """The model answers `text` (streamed in `chunks` pieces when asked to stream)."""
    return Reply(text=text, **options)


def json_answer(value: Any, **options: Any) -> Reply:
    """The model answers `value` as JSON text (what structured output looks like on the wire)."""
    return Reply(text=json.dumps(value, ensure_ascii=False), **options)


def error(code: int, status: str = "", message: str = "", retry_delay: str | None = None) -> Fault:
    """An HTTP error with Gemini's error body; `retry_delay` adds a google.rpc.RetryInfo detail."""
    status = status or {429: "RESOURCE_EXHAUSTED", 500: "INTERNAL", 503: "UNAVAILABLE"}.get(code, "UNKNOWN")
    details: list[dict[str, Any]] = []
    if retry_delay is not None:
        details.append({"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": retry_delay})
    body = {"code": code, "message": message or f"scripted {status}", "status": status, "details": details}
    return Fault("model", code, {"error": body})


def blocked(category: str = "HARM_CATEGORY_HARASSMENT") -> Reply:
    """The answer was withheld by a safety filter (finishReason SAFETY, no content)."""
    return Reply(finish_reason="SAFETY", blocked_category=category)


def prompt_blocked(reason: str = "SAFETY") -> Reply:
    """The prompt itself was refused: no candidates, `promptFeedback.blockReason`."""
    return Reply(prompt_block_reason=reason, finish_reason=None)


def empty() -> Reply:
    """A candidate with no parts at all."""
    return Reply(text=None)


@dataclass(frozen=True)
class GeminiRequest(Recorded):
    """A request the server received (its `endpoint` is the method: generateContent, ...)."""

    @property
    def model(self) -> str:
        return self.path.rpartition("/")[2].partition(":")[0]

    @property
    def prompt(self) -> str:
        """The text of every part of every turn, in order."""
        return "\n".join(
            part.get("text", "") for turn in self.body.get("contents", []) for part in turn.get("parts", [])
        )

    @property
    def system(self) -> str:
        parts = self.body.get("systemInstruction", {}).get("parts", [])
        return "\n".join(part.get("text", "") for part in parts)

    @property
    def response_schema(self) -> Any:
        return self.body.get("generationConfig", {}).get("responseSchema")


UNSCRIPTED = error(400, "INVALID_ARGUMENT", "no reply")
KEY_REFUSED = {"error": {"code": 403, "message": "API key not valid.", "status": "PERMISSION_DENIED"}}


class GeminiServer(FakeServer[GeminiRequest]):
    def __init__(self) -> None:
        super().__init__(GeminiRequest)
        self.replies: deque[Reply | Fault] = deque()

    def script(self, *replies: Reply | Fault) -> None:
        """Answer the next requests with these replies, in order."""
        self.replies.extend(replies)

    def reset_script(self) -> None:
        super().reset_script()
        self.replies.clear()

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/v1beta/models/{target:path}", self.generate, methods=["POST"])])

    async def generate(self, request: Request) -> Response:
        model, _, method = request.path_params["target"].partition(":")
        await self.received(method, request)
        if request.headers.get("x-goog-api-key") != API_KEY:
            return self.decorate(JSONResponse(KEY_REFUSED, status_code=403))
        reply = self.fault_for(method) or (self.replies.popleft() if self.replies else UNSCRIPTED)
        if isinstance(reply, Fault):
            return await self.answer(method, Response, reply)
        await asyncio.sleep(reply.delay)
        if method == "generateContent":
            body = _response(reply, model, reply.text, True, reply.output_tokens)
            return await self.answer(method, lambda: JSONResponse(body))
        return await self.answer(
            method, lambda: StreamingResponse(_events(reply, model), media_type="text/event-stream")
        )


def _usage(reply: Reply, output_tokens: int | None = None) -> dict[str, Any]:
    output = reply.output_tokens if output_tokens is None else output_tokens
    return {
        "promptTokenCount": reply.prompt_tokens,
        "candidatesTokenCount": output,
        "totalTokenCount": reply.prompt_tokens + output,
        "promptTokensDetails": [{"modality": "TEXT", "tokenCount": reply.prompt_tokens}],
    }


def _response(reply: Reply, model: str, text: str | None, last: bool, output_tokens: int) -> dict[str, Any]:
    body: dict[str, Any] = {"modelVersion": model, "responseId": uuid.uuid4().hex[:20]}
    body["usageMetadata"] = _usage(reply, output_tokens)
    if reply.prompt_block_reason:
        body["promptFeedback"] = {"blockReason": reply.prompt_block_reason, "safetyRatings": _RATINGS}
        return body
    candidate: dict[str, Any] = {"index": 0}
    if reply.blocked_category:
        candidate["safetyRatings"] = [
            {"category": reply.blocked_category, "probability": "HIGH", "blocked": True}
        ]
    else:
        candidate["content"] = {"parts": [{"text": text}] if text is not None else [], "role": "model"}
        candidate["safetyRatings"] = _RATINGS
    if last and reply.finish_reason:
        candidate["finishReason"] = reply.finish_reason
    body["candidates"] = [candidate]
    return body


def _pieces(text: str | None, count: int) -> list[str | None]:
    if text is None or count <= 1:
        return [text]
    size = -(-len(text) // count)
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


async def _events(reply: Reply, model: str) -> AsyncIterator[bytes]:
    pieces = _pieces(reply.text, reply.chunks)
    for index, piece in enumerate(pieces):
        if index:
            await asyncio.sleep(reply.chunk_interval)
        last = index == len(pieces) - 1
        tokens = reply.output_tokens if last else reply.output_tokens * index // len(pieces)
        event = _response(reply, model, piece, last, tokens)
        yield b"data: " + json.dumps(event, ensure_ascii=False).encode() + b"\r\n\r\n"
