"""How much time Herald adds on top of the model's own (run on demand).

    .venv/bin/python bench/gemini_latency.py [calls] [model delay in ms]

A local server speaking Gemini's REST shape answers every request after a fixed delay. The bench runs
`captionGenerate` end to end over HTTP (the API on uvicorn, the embedded MongoDB-wire server, Redis at
REDIS_URL or 127.0.0.1:6379 when it answers, else in memory) and prints, for each way of calling, the
median and 90th percentile of the whole call and the median Herald adds on top of the model's delay:

- `gemini client` (and `streamed`, in 10 pieces): Herald's Gemini client alone (SDK, HTTP, parsing),
  the floor under everything else;
- `{ me { id } }`: a trivial authenticated GraphQL query (no model, so "added" is its whole time): what any
  request to the API costs before AI comes into it;
- `captionGenerate`: the mutation (auth, access check, budget in Redis, prompt, request, validation,
  the AiGeneration record in MongoDB, GraphQL), two networks in one request;
- `captionGenerate streamed`: the same with a requestId, the answer streamed in 10 pieces, each
  published to the event bus, then a done chunk per network.
"""

from __future__ import annotations

import asyncio
import os
import socket
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from app.embedded import run_secantusd
from app.services import open_services
from app.settings import Settings
from integrations.gemini import Gemini, Request, Turn

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the fake Gemini and helpers live in tests/
from tests.herald_client import sign_up
from tests.services.gemini_server import API_KEY, GeminiServer, json_answer
from tests.stack import running_api

CAPTION = """
mutation ($input: CaptionGenerateInput!) {
  captionGenerate(input: $input) { suggestions { platform text } userErrors { code message } }
}"""
ANSWER = {
    "BLUESKY": {"text": "Sourdough in Lisbon from 1 March. Come early!", "hashtags": ["bread", "lisbon"]},
    "THREADS": {"text": "Our ovens are hot and the starter is bubbling: see you on 1 March.", "hashtags": []},
}


def _redis_url() -> str | None:
    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    parts = urlsplit(url)
    try:
        socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 6379), timeout=1).close()
    except OSError:
        return None
    return url


async def _ignore(text: str) -> None:
    pass


async def _timed(calls: int, call: Callable[[], Awaitable[None]]) -> list[float]:
    await call()  # warm up: connections, caches, the first-request path
    times = []
    for _ in range(calls):
        started = time.perf_counter()
        await call()
        times.append((time.perf_counter() - started) * 1000)
    return times


def _report(name: str, times: list[float], delay_ms: float) -> None:
    median = statistics.median(times)
    p90 = statistics.quantiles(times, n=10)[-1]
    print(
        f"{name:<28} median {median:7.1f} ms   p90 {p90:7.1f} ms   added (median) {median - delay_ms:6.1f} ms"
    )


async def _bench(gemini: GeminiServer, settings: Settings, calls: int, delay: float) -> None:
    client = Gemini(API_KEY, model=settings.gemini_model, base_url=gemini.url)
    request = Request("You write posts.", (Turn("user", ("Bread.",)),), {"type": "OBJECT"})

    async def direct() -> None:
        gemini.script(json_answer(ANSWER, delay=delay))
        await client.generate(request)

    async def direct_streamed() -> None:
        gemini.script(json_answer(ANSWER, delay=delay, chunks=10))
        await client.stream(request, _ignore)

    async with open_services(settings, embedded=True) as services, running_api(settings, services) as api:
        member = await sign_up(api)
        async with httpx.AsyncClient(headers={"authorization": f"Bearer {member.token}"}) as http:

            async def caption(streamed: bool) -> None:
                gemini.script(json_answer(ANSWER, delay=delay, chunks=10 if streamed else 1))
                variables: dict[str, Any] = {
                    "workspaceId": member.workspace_id,
                    "brief": "We open a bakery in Lisbon on 1 March.",
                    "platforms": ["BLUESKY", "THREADS"],
                }
                if streamed:
                    variables["requestId"] = str(uuid.uuid4())
                response = await http.post(
                    api.graphql_url, json={"query": CAPTION, "variables": {"input": variables}}
                )
                payload = response.json()["data"]["captionGenerate"]
                assert payload["userErrors"] == [], payload

            async def me() -> None:
                response = await http.post(api.graphql_url, json={"query": "{ me { id } }"})
                assert response.json()["data"]["me"] is not None

            direct_times = await _timed(calls, direct)
            direct_streamed_times = await _timed(calls, direct_streamed)
            me_times = await _timed(calls, me)
            plain_times = await _timed(calls, lambda: caption(False))
            streamed_times = await _timed(calls, lambda: caption(True))
        await client.close()
    delay_ms = delay * 1000
    print(f"{calls} calls each, model delay {delay_ms:.0f} ms, redis: {settings.redis_url or 'in memory'}")
    _report("gemini client", direct_times, delay_ms)
    _report("gemini client streamed", direct_streamed_times, delay_ms)
    _report("{ me { id } }", me_times, 0)
    _report("captionGenerate", plain_times, delay_ms)
    _report("captionGenerate streamed", streamed_times, delay_ms)


async def main(calls: int, delay_ms: int) -> None:
    with tempfile.TemporaryDirectory() as data_dir, run_secantusd(":memory:") as mongodb_url:
        async with GeminiServer().running() as gemini:
            settings = Settings(
                _env_file=None,
                environment="test",
                data_dir=Path(data_dir),
                mongodb_url=mongodb_url,
                redis_url=_redis_url(),
                redis_prefix=f"bench-{uuid.uuid4().hex[:8]}",
                gemini_api_key=API_KEY,
                gemini_base_url=gemini.url,
                ai_daily_requests_per_workspace=10 * calls + 10,
                log_level="WARNING",
            )
            await _bench(gemini, settings, calls, delay_ms / 1000)


if __name__ == "__main__":
    asyncio.run(
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 50, int(sys.argv[2]) if len(sys.argv) > 2 else 200)
    )
