"""Gemini behind one small async client per process.

`Gemini.generate` asks once and returns the whole answer; `Gemini.stream` hands the text to a callback as
it is generated (`streamGenerateContent?alt=sse`). Both:

- retry a 429 or 5xx (and a refused connection) at most `max_retries` times, waiting what the server
  asks for in its `google.rpc.RetryInfo` detail (`"retryDelay": "1.5s"`) or else backing off 0.5 s,
  1 s, 2 s...; a server asking for more than `max_retry_delay` is not waited for. A stream is never
  retried once text has gone to the callback (the listener would see it twice);
- bound each attempt by `timeout_seconds`, streaming included;
- turn what comes back into `Generation` or one of the `AiFailure`s: a refused prompt or a candidate
  stopped by a safety filter is `AiBlocked`, an answer without text is `AiEmpty`, the rest
  `AiUnavailable` (`AiNotConfigured` when Gemini refuses the key).

The SDK gets its own httpx2 client, so the transport is the same whichever optional HTTP libraries are
installed, and the SDK's own retries are switched off (these are the only ones).
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx2
import structlog
from google import genai
from google.genai import errors, types

log = structlog.get_logger(__name__)

_RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})
_BLOCKING_FINISH = frozenset(
    {
        "SAFETY",
        "RECITATION",
        "BLOCKLIST",
        "PROHIBITED_CONTENT",
        "SPII",
        "IMAGE_SAFETY",
        "IMAGE_PROHIBITED_CONTENT",
        "IMAGE_RECITATION",
        "MODEL_ARMOR",
    }
)
_RETRY_INFO = "type.googleapis.com/google.rpc.RetryInfo"
_DURATION = re.compile(r"\A([0-9]+(?:\.[0-9]*)?)s\Z")


@dataclass(frozen=True, slots=True)
class Usage:
    """Tokens of one request, from `usageMetadata` (thinking tokens count as output)."""

    input_tokens: int = 0
    output_tokens: int = 0


class AiFailure(Exception):
    """A request that produced nothing usable. `code` is stable; `message` is for a person."""

    code = "AI_UNAVAILABLE"

    def __init__(self, message: str, *, usage: Usage | None = None, latency_ms: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.usage = usage or Usage()
        self.latency_ms = latency_ms


class AiNotConfigured(AiFailure):
    """No API key, or Gemini refuses the one configured."""

    code = "AI_NOT_CONFIGURED"


class AiBlocked(AiFailure):
    """Gemini's safety filters withheld the answer (or refused the prompt)."""

    code = "AI_BLOCKED"


class AiEmpty(AiFailure):
    """Gemini answered without any usable text."""

    code = "AI_EMPTY"


class AiUnavailable(AiFailure):
    """Gemini could not be reached, kept failing, or refused the request."""


@dataclass(frozen=True, slots=True)
class Image:
    """Image bytes sent inline (base64 `inlineData`) with their MIME type."""

    data: bytes
    mime_type: str


@dataclass(frozen=True, slots=True)
class Turn:
    """One turn of the conversation: the user's, or an earlier answer of the model's."""

    role: Literal["user", "model"]
    parts: tuple[str | Image, ...]


@dataclass(frozen=True, slots=True)
class Request:
    """What to ask. `response_schema` (Gemini's OpenAPI subset) makes the answer JSON of that shape."""

    system: str
    turns: tuple[Turn, ...]
    response_schema: Mapping[str, Any] | None = None
    temperature: float | None = None
    max_output_tokens: int | None = None


@dataclass(frozen=True, slots=True)
class Generation:
    """An answer: its text, the model that wrote it, tokens, and how long the request took."""

    text: str
    model: str
    usage: Usage
    latency_ms: int
    finish_reason: str | None


OnText = Callable[[str], Awaitable[None]]


@dataclass(slots=True)
class _Answer:
    """An answer as it accumulates, from one response or a stream of them."""

    parts: list[str] = field(default_factory=list)
    finish_reason: str | None = None
    block_reason: str | None = None
    usage: Usage = field(default_factory=Usage)

    def absorb(self, response: types.GenerateContentResponse) -> str:
        """Take in one response (or stream chunk); returns the new text in it."""
        if response.prompt_feedback is not None and response.prompt_feedback.block_reason is not None:
            self.block_reason = _name(response.prompt_feedback.block_reason)
        if (meta := response.usage_metadata) is not None:
            output = (meta.candidates_token_count or 0) + (meta.thoughts_token_count or 0)
            self.usage = Usage(meta.prompt_token_count or 0, output)
        candidate = response.candidates[0] if response.candidates else None
        if candidate is None:
            return ""
        if candidate.finish_reason is not None:
            self.finish_reason = _name(candidate.finish_reason)
        parts = candidate.content.parts if candidate.content and candidate.content.parts else []
        text = "".join(part.text for part in parts if part.text and not part.thought)
        if text:
            self.parts.append(text)
        return text

    def result(self, model: str, latency_ms: int) -> Generation:
        """The generation, or the failure it amounts to."""
        if self.block_reason is not None or self.finish_reason in _BLOCKING_FINISH:
            reason = self.block_reason or self.finish_reason
            raise AiBlocked(
                f"Gemini's safety filters withheld the answer ({reason}); rephrase the request.",
                usage=self.usage,
                latency_ms=latency_ms,
            )
        text = "".join(self.parts)
        if not text.strip():
            raise AiEmpty(
                f"Gemini answered without any text (finish reason {self.finish_reason}); try again.",
                usage=self.usage,
                latency_ms=latency_ms,
            )
        return Generation(text, model, self.usage, latency_ms, self.finish_reason)


def _name(value: object) -> str:
    return str(getattr(value, "value", value))


def _parts(parts: Sequence[str | Image]) -> list[types.Part]:
    return [
        types.Part.from_text(text=part)
        if isinstance(part, str)
        else types.Part.from_bytes(data=part.data, mime_type=part.mime_type)
        for part in parts
    ]


def server_retry_delay(error: errors.APIError) -> float | None:
    """The delay a google.rpc.RetryInfo detail of the error body asks for, in seconds."""
    body = error.details if isinstance(error.details, dict) else {}
    details = body.get("error", body).get("details") or []
    for detail in details if isinstance(details, list) else []:
        if isinstance(detail, dict) and detail.get("@type") == _RETRY_INFO:
            match = _DURATION.match(str(detail.get("retryDelay", "")))
            if match:
                return float(match[1])
    return None


class Gemini:
    """One client per process; `close()` it on the way out."""

    def __init__(
        self,
        api_key: str,
        *,
        model: str,
        base_url: str | None = None,
        timeout_seconds: float = 30.0,
        max_retries: int = 2,
        max_retry_delay: float = 10.0,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.model = model
        self._timeout = timeout_seconds
        self._max_retries = max_retries
        self._max_retry_delay = max_retry_delay
        self._sleep = sleep
        self._http = httpx2.AsyncClient()
        options = types.HttpOptions(
            base_url=base_url,
            api_version="v1beta",
            timeout=round(timeout_seconds * 1000),
            retry_options=types.HttpRetryOptions(attempts=1),
            httpx_async_client=self._http,
        )
        self._client = genai.Client(api_key=api_key, http_options=options)

    async def generate(self, request: Request) -> Generation:
        """The whole answer to `request`; raises an `AiFailure`."""
        return await self._run(request, None)

    async def stream(self, request: Request, on_text: OnText) -> Generation:
        """Like `generate`, handing each piece of text to `on_text` as it arrives."""
        return await self._run(request, on_text)

    async def close(self) -> None:
        """Close the connections."""
        await self._client.aio.aclose()
        await self._http.aclose()

    async def _run(self, request: Request, on_text: OnText | None) -> Generation:
        started = time.perf_counter()
        contents: Any = [types.Content(role=t.role, parts=_parts(t.parts)) for t in request.turns]
        config = types.GenerateContentConfig(
            system_instruction=request.system,
            temperature=request.temperature,
            max_output_tokens=request.max_output_tokens,
            response_mime_type="application/json" if request.response_schema is not None else None,
            response_schema=dict(request.response_schema) if request.response_schema is not None else None,
        )
        attempt = 0
        while True:
            answer = _Answer()
            try:
                async with asyncio.timeout(self._timeout):
                    await self._ask(contents, config, answer, on_text)
            except (errors.APIError, httpx2.HTTPError, TimeoutError, OSError) as exc:
                streamed = on_text is not None and bool(answer.parts)
                delay = None if streamed else self._retry_delay(exc, attempt)
                if delay is None or attempt >= self._max_retries:
                    raise self._failure(exc, _elapsed_ms(started)) from exc
                attempt += 1
                log.warning("gemini.retrying", attempt=attempt, delay=delay, error=_describe(exc))
                await self._sleep(delay)
                continue
            return answer.result(self.model, _elapsed_ms(started))

    async def _ask(
        self,
        contents: Any,
        config: types.GenerateContentConfig,
        answer: _Answer,
        on_text: OnText | None,
    ) -> None:
        models = self._client.aio.models
        if on_text is None:
            answer.absorb(await models.generate_content(model=self.model, contents=contents, config=config))
            return
        chunks = await models.generate_content_stream(model=self.model, contents=contents, config=config)
        async for chunk in chunks:
            text = answer.absorb(chunk)
            if text:
                await on_text(text)

    def _retry_delay(self, exc: Exception, attempt: int) -> float | None:
        backoff = min(self._max_retry_delay, 0.5 * (1 << attempt))
        if isinstance(exc, errors.APIError):
            if exc.code not in _RETRYABLE_STATUS:
                return None
            asked = server_retry_delay(exc)
            if asked is None:
                return backoff
            return asked if asked <= self._max_retry_delay else None
        if isinstance(exc, TimeoutError | httpx2.TimeoutException):
            return None  # waiting again as long would double a wait that is already long
        return backoff

    def _failure(self, exc: Exception, latency_ms: int) -> AiFailure:
        log.warning("gemini.failed", error=_describe(exc), latency_ms=latency_ms)
        if isinstance(exc, errors.APIError):
            if exc.code in (401, 403):
                return AiNotConfigured(
                    f"Gemini refused Herald's API key ({exc.code} {exc.status}); an administrator must "
                    "check GEMINI_API_KEY.",
                    latency_ms=latency_ms,
                )
            if exc.code == 429:
                asked = server_retry_delay(exc)
                wait = f" in {asked:g} s" if asked is not None else " in a minute"
                return AiUnavailable(f"Gemini is busy; try again{wait}.", latency_ms=latency_ms)
            if exc.code is not None and exc.code >= 500:
                return AiUnavailable("Gemini is failing right now; try again later.", latency_ms=latency_ms)
            return AiUnavailable(f"Gemini refused the request: {exc.message}", latency_ms=latency_ms)
        if isinstance(exc, TimeoutError | httpx2.TimeoutException):
            return AiUnavailable(f"Gemini did not answer within {self._timeout:g} s.", latency_ms=latency_ms)
        return AiUnavailable("Gemini cannot be reached right now; try again later.", latency_ms=latency_ms)


def _elapsed_ms(started: float) -> int:
    return round((time.perf_counter() - started) * 1000)


def _describe(exc: Exception) -> str:
    if isinstance(exc, errors.APIError):
        return f"{exc.code} {exc.status}: {exc.message}"
    return f"{type(exc).__name__}: {exc}"
