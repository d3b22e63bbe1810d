"""What the local stand-ins for other services' APIs (Meta's, Reddit's, Gemini's) share: request recording,
scripted faults, and running a Starlette app on a free port in the test's event loop; and what the social
networks' fakes share: the numbers each reports for a post.

    server.fail("threads_publish", 500, {"error": {...}}, after=True)   # publish, then lose the answer
    ...
    [r.form for r in server.calls("threads_publish")]                    # what Herald sent

A fault is taken by the next request to its endpoint (once, or `times` times). With `after`, the server
does the work first and only then answers with the fault: the caller cannot know the call succeeded,
which is what a lost answer or a worker killed mid-call looks like from Herald's side.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any, Generic, Self, TypeVar
from urllib.parse import parse_qsl

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response


@dataclass(frozen=True)
class Recorded:
    """One request as the fake received it."""

    endpoint: str
    method: str
    path: str
    query: dict[str, str]
    form: dict[str, str]
    headers: dict[str, str]
    body: Any = None  # the JSON a request carried


RecordT = TypeVar("RecordT", bound=Recorded)


@dataclass
class Fault:
    """A scripted answer for the next requests to `endpoint`."""

    endpoint: str
    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)
    after: bool = False
    times: int = 1
    delay: float = 0.0


class FakeServer(Generic[RecordT]):
    """Base of the fakes: subclasses build `app()` and call `received` / `fault_for` in their routes; each
    request is kept as a `record_type` (a fake may add accessors of its wire format to `Recorded`)."""

    def __init__(self, record_type: type[RecordT]) -> None:
        self.url = ""
        self.record_type = record_type
        self.requests: list[RecordT] = []
        self.faults: list[Fault] = []
        self.extra_headers: dict[str, str] = {}

    # --- scripting -----------------------------------------------------------------------------------

    def fail(
        self,
        endpoint: str,
        status: int,
        body: Any,
        *,
        headers: dict[str, str] | None = None,
        after: bool = False,
        times: int = 1,
        delay: float = 0.0,
    ) -> None:
        """Answer the next `times` requests to `endpoint` with `status` and `body`."""
        self.faults.append(Fault(endpoint, status, body, headers or {}, after, times, delay))

    def calls(self, endpoint: str) -> list[RecordT]:
        """The requests `endpoint` received, oldest first."""
        return [r for r in self.requests if r.endpoint == endpoint]

    def reset_script(self) -> None:
        """Forget recorded requests, pending faults and extra headers (state such as accounts stays)."""
        self.requests.clear()
        self.faults.clear()
        self.extra_headers.clear()

    # --- for routes ----------------------------------------------------------------------------------

    async def received(self, endpoint: str, request: Request) -> RecordT:
        """Record the request (its form or JSON too, for POSTs) and return it."""
        form: dict[str, str] = {}
        body: Any = None
        kind = request.headers.get("content-type", "")
        if request.method == "POST" and kind.startswith("application/json"):
            body = json.loads(await request.body() or b"null")
        elif request.method == "POST" and not kind.startswith("multipart/"):
            # Herald sends url-encoded forms: parsed here without python-multipart (Herald needs none);
            # a multipart upload (Reddit's media storage) is read by its route.
            form = dict(parse_qsl((await request.body()).decode(), keep_blank_values=True))
        recorded = self.record_type(
            endpoint=endpoint,
            method=request.method,
            path=request.url.path,
            query=dict(request.query_params),
            form=form,
            headers={key.lower(): value for key, value in request.headers.items()},
            body=body,
        )
        self.requests.append(recorded)
        return recorded

    def fault_for(self, endpoint: str) -> Fault | None:
        """The pending fault of `endpoint`, used up by this call."""
        for fault in self.faults:
            if fault.endpoint == endpoint:
                fault.times -= 1
                if fault.times <= 0:
                    self.faults.remove(fault)
                return fault
        return None

    async def answer(
        self, endpoint: str, work: Callable[[], Response], fault: Fault | None = None
    ) -> Response:
        """Run `work` unless a fault says otherwise; an `after` fault runs it and answers the fault."""
        fault = fault or self.fault_for(endpoint)
        if fault is not None and fault.delay:
            await asyncio.sleep(fault.delay)
        if fault is None:
            return self.decorate(work())
        if fault.after:
            work()
        return self.decorate(JSONResponse(fault.body, status_code=fault.status, headers=fault.headers))

    def decorate(self, response: Response) -> Response:
        for name, value in self.extra_headers.items():
            response.headers[name] = value
        return response

    def app(self) -> Starlette:
        raise NotImplementedError

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[Self]:
        """Serve on a free port in this event loop until the block ends."""
        config = uvicorn.Config(self.app(), host="127.0.0.1", port=0, log_config=None, lifespan="off")
        server = uvicorn.Server(config)
        task = asyncio.create_task(server.serve())
        while not server.started:
            if task.done():
                task.result()
            await asyncio.sleep(0.01)
        self.url = f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"
        try:
            yield self
        finally:
            server.should_exit = True
            await task


class NetworkServer(FakeServer[Recorded]):
    """A social network's fake: it reports for each post the numbers tests gave it (`set_metrics`)."""

    def __init__(self) -> None:
        super().__init__(Recorded)
        self.metrics: dict[str, dict[str, Any]] = {}  # post id -> what the network counts for it

    def set_metrics(self, post_id: str, **values: Any) -> None:
        """Give a post numbers, in the network's own words (`likes`, `like_count`, `ups`...); a number no
        test gave is one the network leaves out of its answers."""
        self.metrics.setdefault(post_id, {}).update(values)


def new_id(digits: int = 17) -> str:
    """A numeric id as Meta writes them (Reddit ids are made by the Reddit fake)."""
    return str(secrets.randbelow(9 * 10 ** (digits - 1)) + 10 ** (digits - 1))


def new_token(prefix: str) -> str:
    return f"{prefix}{secrets.token_urlsafe(24)}"
