"""The safe-fetch policy: which addresses Herald may call on a user's behalf, and that a refused one is
never connected to (a local listener records every connection)."""

from __future__ import annotations

import asyncio
import ipaddress
from collections.abc import AsyncIterator

import httpx
import pytest

from integrations.safe_fetch import AddressNotAllowed, CheckedTransport, FetchPolicy, is_public, safe_client
from tests.services.connection_recorder import LOOPBACK_SPELLINGS, ConnectionRecorder, recording_listener

STRICT = FetchPolicy(timeout_seconds=2.0)
ALLOWING = FetchPolicy(timeout_seconds=2.0, allow_private_addresses=True)


@pytest.fixture
async def listener() -> AsyncIterator[ConnectionRecorder]:
    async with recording_listener() as recorder:
        yield recorder


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.255.255.254",
        "0.0.0.0",
        "10.0.0.1",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata
        "100.64.0.1",  # shared (carrier-grade NAT)
        "224.0.0.1",  # multicast: Python calls it global
        "240.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "ff02::1",
        "::ffff:127.0.0.1",  # IPv4-mapped
        "::ffff:10.0.0.1",
        "::7f00:1",  # IPv4-compatible ::127.0.0.1: Python calls it global
        "::808:808",  # IPv4-compatible is deprecated: refused whatever it embeds
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1: Python calls it global
        "64:ff9b::808:808",  # NAT64 reaches IPv4 through a translator: refused whole
        "64:ff9b:1::1",  # local-use NAT64
        "2002:7f00:1::1",  # 6to4 of 127.0.0.1: Python calls it global
        "2002:808:808::1",
        "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo
    ],
)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "2a00:1450:4001::200e"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("host", LOOPBACK_SPELLINGS)
async def test_loopback_in_any_spelling_is_refused_before_connecting(
    listener: ConnectionRecorder, host: str
) -> None:
    async with safe_client(STRICT) as client:
        with pytest.raises(AddressNotAllowed):
            await client.get(f"http://{host}:{listener.port}/")
    assert listener.peers == []


async def test_the_allowance_lets_loopback_through(listener: ConnectionRecorder) -> None:
    # given private addresses are allowed (tests, a PDS on a LAN): the listener is reached
    async with safe_client(ALLOWING) as client:
        with pytest.raises(httpx.TransportError):  # the recorder hangs up without answering
            await client.get(f"http://localhost:{listener.port}/")
    assert len(listener.peers) == 1


async def test_the_checked_address_is_called_with_the_host_name_kept() -> None:
    # given a local HTTP server that records the head of each request
    heads: list[bytes] = []

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        heads.append(await reader.readuntil(b"\r\n\r\n"))
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    # when a name is fetched (it resolves to the address the client checked and then connects to)
    async with server, safe_client(ALLOWING) as client:
        response = await client.get(f"http://localhost:{port}/page")
    # then the server was asked for the name, not the address
    assert response.text == "ok"
    assert str(response.request.url) == f"http://localhost:{port}/page"
    assert f"host: localhost:{port}".encode() in heads[0].lower()


async def test_a_long_lived_client_keeps_a_bounded_number_of_host_pools() -> None:
    # given a keep-alive HTTP server that counts the connections it accepts
    connections: list[str] = []

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connections.append(str(writer.get_extra_info("peername")))
        while await reader.readuntil(b"\r\n\r\n"):
            writer.write(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok")
            await writer.drain()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    client = httpx.AsyncClient(transport=CheckedTransport(ALLOWING, max_pools=1))
    async with server, client:
        # when one host is fetched twice, then another, then the first again
        for host in ("localhost", "localhost", "127.0.0.1", "localhost"):
            assert (await client.get(f"http://{host}:{port}/")).text == "ok"
    # then the repeat reused its pool, and the first host's pool was dropped to make room for the second
    assert len(connections) == 3
