"""An HTTP proxy in front of the real PDS: it forwards every XRPC call, counts them, and lets a test script
the few answers a healthy PDS never gives (a 429 with `ratelimit-reset`, a 5xx, an answer that never comes).

    async with XrpcProxy(pds.url).running() as proxy:
        proxy.script("com.atproto.repo.createRecord", Fault.reply(429, {"error": "RateLimitExceeded"}, ...))

Faults are queued per method and used in order; `Fault.skip()` lets one call through untouched, so "the
second createRecord" is `[Fault.skip(), Fault.hold()]`. Point an account at it with `route_account`.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import uvicorn
from atproto_client.client.session import Session
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.services import Services
from models.social_account import SocialAccount
from schema.relay import parse_id_of

_HOP_HEADERS = {"host", "content-length", "transfer-encoding", "connection", "content-encoding"}


@dataclass(frozen=True)
class Fault:
    """What the proxy does with one call instead of simply forwarding it."""

    kind: str  # "skip": forward; "reply": answer without forwarding; "forward_then": forward, then answer
    status: int = 0
    body: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def skip(cls) -> Fault:
        return cls("skip")

    @classmethod
    def reply(cls, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> Fault:
        """The PDS never sees the call; the caller gets this answer."""
        return cls("reply", status, body, headers or {})

    @classmethod
    def forward_then(cls, status: int, body: dict[str, Any]) -> Fault:
        """The PDS does the call (a record is written), but the caller gets this answer instead."""
        return cls("forward_then", status, body)

    @classmethod
    def hold(cls) -> Fault:
        """The PDS does the call; the caller never hears back (a worker killed while it waits)."""
        return cls("hold")


class XrpcProxy:
    def __init__(self, upstream_url: str) -> None:
        self.upstream = upstream_url.rstrip("/")
        self.url = ""
        self.calls: Counter[str] = Counter()
        self.held = asyncio.Event()
        self._faults: dict[str, list[Fault]] = {}
        self._closing = asyncio.Event()

    def script(self, nsid: str, *faults: Fault) -> None:
        """Queue `faults` for the next calls of `nsid` (after those already queued)."""
        self._faults.setdefault(nsid, []).extend(faults)

    def clear(self) -> None:
        self._faults.clear()

    async def _handle(self, request: Request) -> Response:
        nsid = request.path_params["nsid"]
        self.calls[nsid] += 1
        queued = self._faults.get(nsid)
        fault = queued.pop(0) if queued else Fault.skip()
        if fault.kind == "reply":
            return JSONResponse(fault.body, fault.status, headers=fault.headers)
        forwarded = await self._forward(request)
        if fault.kind == "forward_then":
            return JSONResponse(fault.body, fault.status)
        if fault.kind == "hold":
            self.held.set()
            await self._closing.wait()
            return JSONResponse({"error": "ProxyClosing"}, 503)
        return forwarded

    async def _forward(self, request: Request) -> Response:
        headers = {k: v for k, v in request.headers.items() if k.lower() not in _HOP_HEADERS}
        async with httpx.AsyncClient(timeout=60) as client:
            answer = await client.request(
                request.method,
                f"{self.upstream}{request.url.path}",
                params=str(request.query_params),
                headers=headers,
                content=await request.body(),
            )
        kept = {k: v for k, v in answer.headers.items() if k.lower() not in _HOP_HEADERS}
        return Response(answer.content, answer.status_code, headers=kept)

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[XrpcProxy]:
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        self.url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        app = Starlette(routes=[Route("/xrpc/{nsid}", self._handle, methods=["GET", "POST"])])
        config = uvicorn.Config(app, log_level="warning", lifespan="off", timeout_graceful_shutdown=2)
        server = uvicorn.Server(config)
        task = asyncio.create_task(server.serve(sockets=[sock]))
        try:
            yield self
        finally:
            self._closing.set()
            server.should_exit = True
            await task
            sock.close()


async def route_account(services: Services, account_gid: str, url: str) -> None:
    """Point a connected account's stored session at `url` (its PDS as Herald reaches it)."""
    account = await SocialAccount.get(parse_id_of("SocialAccount", account_gid))
    assert account is not None
    credentials = services.cipher.decrypt(account.credentials)
    session = Session.decode(credentials["session"])
    session.pds_endpoint = url
    await account.store_credentials(services.cipher.encrypt({**credentials, "session": session.encode()}))
