"""A TCP listener on loopback (IPv4 and IPv6, one port) that records every connection it receives.

The SSRF tests point Herald at it under every spelling of "this machine": a refused address must leave it
with no connection at all, which proves the refusal came before any connect.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

# Every spelling of "this machine" Herald must refuse before connecting (a URL's host part).
LOOPBACK_SPELLINGS = (
    "127.0.0.1",
    "localhost",
    "[::1]",
    "0.0.0.0",
    "2130706433",
    "0x7f000001",
    "127.1",
    "[::ffff:127.0.0.1]",
)


@dataclass
class ConnectionRecorder:
    port: int
    peers: list[str] = field(default_factory=list)

    async def accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.peers.append(str(writer.get_extra_info("peername")))
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()


def _listening_pair() -> list[socket.socket]:
    """Sockets on 127.0.0.1 and ::1 with one port number (retried until a port is free on both)."""
    for _ in range(20):
        v4 = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        v4.bind(("127.0.0.1", 0))
        v6 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        v6.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        try:
            v6.bind(("::1", v4.getsockname()[1]))
        except OSError:
            v4.close()
            v6.close()
            continue
        return [v4, v6]
    raise RuntimeError("no port free on both 127.0.0.1 and ::1")


@contextlib.asynccontextmanager
async def recording_listener() -> AsyncIterator[ConnectionRecorder]:
    """A running recorder; its `peers` lists every connection made to it."""
    sockets = _listening_pair()
    recorder = ConnectionRecorder(port=sockets[0].getsockname()[1])
    servers = [await asyncio.start_server(recorder.accept, sock=sock) for sock in sockets]
    try:
        yield recorder
    finally:
        for server in servers:
            server.close()
            await server.wait_closed()
