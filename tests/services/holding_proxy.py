"""A TCP proxy that can swallow the PDS's answer to a write: the record is created, the caller never hears.

This is what a worker sees when it dies (or its network does) in the middle of a publish.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from urllib.parse import urlsplit

WRITE = b"com.atproto.repo.createRecord"


class HoldingProxy:
    def __init__(self, upstream_url: str) -> None:
        parts = urlsplit(upstream_url)
        self.upstream = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.swallow_writes = False
        self.write_swallowed = asyncio.Event()
        self.url = ""
        self._server: asyncio.Server | None = None

    async def _pipe(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, watch: bool, state: dict[str, bool]
    ) -> None:
        with contextlib.suppress(ConnectionError):
            while chunk := await reader.read(65536):
                if watch and self.swallow_writes and WRITE in chunk:
                    state["swallow"] = True
                if not watch and state["swallow"]:
                    self.write_swallowed.set()
                    continue  # the answer is dropped on the floor
                writer.write(chunk)
                await writer.drain()
        writer.close()

    async def _handle(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        upstream_reader, upstream_writer = await asyncio.open_connection(*self.upstream)
        state = {"swallow": False}
        await asyncio.gather(
            self._pipe(client_reader, upstream_writer, True, state),
            self._pipe(upstream_reader, client_writer, False, state),
            return_exceptions=True,
        )

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[HoldingProxy]:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        port = self._server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        try:
            yield self
        finally:
            self._server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 2)
