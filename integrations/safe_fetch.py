"""One policy for every address Herald calls on a user's behalf: link cards and the user's own PDS.

A user names the address (a PDS URL, a DID document's service entry, a link in a post), and Herald calls
it from inside its own network. Unchecked, that is a port scanner and an internal-page reader. So every
such call goes through a client built here, which:

- resolves the host once, refuses the call when any resolved address is not public (private, loopback,
  link-local, unspecified, multicast, reserved, shared, NAT64, 6to4, or an IPv4-mapped, -compatible or
  Teredo form of such an address) and then connects to the address it checked, keeping the host name for
  the Host header and TLS (SNI and certificate), so a DNS answer that changes in between (rebinding) does
  not matter;
- follows no redirects (a caller that wants them follows each hop itself, through the same client);
- ignores proxy settings of the environment (a proxy would make the connection, unchecked).

`FETCH_ALLOW_PRIVATE_ADDRESSES` turns the address rule off, for tests and a self-hosted PDS on a LAN.
Python's `ipaddress` calls some of the forbidden ranges global (multicast, NAT64, 6to4, IPv4-compatible
addresses), so they are listed explicitly.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass

import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Ranges that embed or reach IPv4 addresses through a translator Herald cannot see behind: refused whole.
_TRANSLATED = (
    ipaddress.IPv6Network("64:ff9b::/96"),  # NAT64, well-known prefix
    ipaddress.IPv6Network("64:ff9b:1::/48"),  # NAT64, local-use prefix
    ipaddress.IPv6Network("2002::/16"),  # 6to4
)
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How far Herald goes to fetch something a user pointed it at."""

    timeout_seconds: float = 5.0
    max_page_bytes: int = 1_000_000
    max_image_bytes: int = 5_000_000
    max_redirects: int = 3
    allow_private_addresses: bool = False


class FetchRefused(Exception):
    """The URL may not be fetched (scheme, address, size or type)."""


class AddressNotAllowed(FetchRefused):
    """The host resolves to an address the policy forbids; nothing was sent to it."""

    def __init__(self, host: str, address: str) -> None:
        super().__init__(f"{host} resolves to a non-public address ({address})")
        self.host = host
        self.address = address


def is_public(address: IPAddress) -> bool:
    """Whether Herald may connect to `address` on a user's behalf (see the module docstring)."""
    if (
        not address.is_global
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or address.is_loopback
        or address.is_link_local
        or address.is_private
    ):
        return False
    if isinstance(address, ipaddress.IPv4Address):
        return True
    if any(address in network for network in _TRANSLATED) or address in _IPV4_COMPATIBLE:
        return False
    embedded = address.ipv4_mapped or (address.teredo[1] if address.teredo else None)
    return embedded is None or is_public(embedded)


async def checked_addresses(host: str, port: int, policy: FetchPolicy) -> list[str]:
    """The addresses `host` resolves to, every one of them allowed by the policy.

    Raises `AddressNotAllowed` when any is not (a name with one private answer is refused whole), and
    `OSError` when the name does not resolve.
    """
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except UnicodeError as exc:
        raise OSError(f"{host} is not a host name") from exc
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not policy.allow_private_addresses:
        for text in addresses:
            if not is_public(ipaddress.ip_address(text.split("%", 1)[0])):
                raise AddressNotAllowed(host, text)
    return addresses


class CheckedTransport(httpx.AsyncBaseTransport):
    """Sends each request to an address of its host that the policy checked, never to the name.

    The URL is rewritten to the checked address; the Host header keeps the name, and so does TLS (SNI
    and the certificate check, through httpx's `sni_hostname` extension). Each host name gets its own
    connection pool, so a connection made for one name never carries a request for another; the
    `max_pools` most recently used pools are kept (a long-lived client meets many PDS hosts).
    """

    def __init__(self, policy: FetchPolicy, *, max_pools: int = 256) -> None:
        self._policy = policy
        self._max_pools = max_pools
        self._pools: dict[str, httpx.AsyncHTTPTransport] = {}  # insertion order = least recently used first

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        port = request.url.port or (443 if request.url.scheme == "https" else 80)
        try:
            addresses = await checked_addresses(host, port, self._policy)
        except OSError as exc:  # AddressNotAllowed passes through: it is no network failure
            raise httpx.ConnectError(f"{host} does not resolve", request=request) from exc
        pool = await self._pool(host)
        request.extensions = {**request.extensions, "sni_hostname": host}
        original = request.url
        failure: httpx.TransportError = httpx.ConnectError(f"{host} has no address", request=request)
        for address in addresses:
            request.url = original.copy_with(host=address)
            try:
                return await pool.handle_async_request(request)
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                failure = exc
            finally:
                request.url = original
        raise failure

    async def _pool(self, host: str) -> httpx.AsyncHTTPTransport:
        pool = self._pools.pop(host, None) or httpx.AsyncHTTPTransport(trust_env=False)
        self._pools[host] = pool
        if len(self._pools) > self._max_pools:
            oldest = next(iter(self._pools))
            await self._pools.pop(oldest).aclose()
        return pool

    async def aclose(self) -> None:
        for pool in self._pools.values():
            await pool.aclose()
        self._pools.clear()


def safe_client(policy: FetchPolicy, *, timeout_seconds: float | None = None) -> httpx.AsyncClient:
    """An httpx client within the policy: checked addresses only, no redirects, no proxies."""
    return httpx.AsyncClient(
        transport=CheckedTransport(policy),
        follow_redirects=False,
        trust_env=False,
        timeout=timeout_seconds if timeout_seconds is not None else policy.timeout_seconds,
    )


def is_redirect(response: httpx.Response) -> bool:
    """Whether `response` points elsewhere (a hop the caller may follow through the same client)."""
    return response.is_redirect and "location" in response.headers
