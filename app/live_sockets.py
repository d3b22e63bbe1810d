"""A websocket lives as long as its session: the socket's watch, and the task that closes the socket
(4403) when the session ends in any API process (see `integrations.live_access`)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextvars import ContextVar

import structlog
from starlette.websockets import WebSocket

from integrations.live_access import Ended, LiveAccess, Watch
from integrations.sessions import session_digest

log = structlog.get_logger(__name__)


class SocketGuard:
    """One websocket's watch on its session, and the task that closes the socket when it ends."""

    def __init__(self) -> None:
        self.watch: Watch | None = None
        self.closer: asyncio.Task[None] | None = None

    async def guard(self, live: LiveAccess, websocket: WebSocket, user_id: str, token: str) -> None:
        """Close `websocket` as soon as the session of `token` ends."""
        self.watch = await live.watch(user_id, session=session_digest(token))
        self.closer = asyncio.create_task(self._close_when_ended(websocket, self.watch))

    @staticmethod
    async def _close_when_ended(websocket: WebSocket, watch: Watch) -> None:
        await watch.ended.wait()
        # 4403 as graphql-transport-ws closes a refused connection: sign in again. 1012 (service
        # restart) when notices may have been missed: reconnecting re-checks the session.
        code, reason = (4403, "Session ended") if watch.reason is Ended.SESSION else (1012, "Reconnect")
        log.info("websocket.closed_by_access", code=code, user_id=watch.user_id)
        with contextlib.suppress(RuntimeError):  # the client closed it first
            await websocket.close(code=code, reason=reason)

    async def close(self, live: LiveAccess) -> None:
        if self.closer is not None:
            self.closer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.closer
        if self.watch is not None:
            live.release(self.watch)


_current: ContextVar[SocketGuard | None] = ContextVar("herald_socket", default=None)


def current_socket() -> SocketGuard | None:
    """The guard of the websocket being served by this task, if any."""
    return _current.get()


@contextlib.asynccontextmanager
async def guarded_socket(live: LiveAccess) -> AsyncIterator[SocketGuard]:
    """A guard for the websocket served inside the block; its watch ends with the block."""
    socket = SocketGuard()
    reset = _current.set(socket)
    try:
        yield socket
    finally:
        _current.reset(reset)
        await socket.close(live)
