"""The client's address: the peer's, or what a trusted proxy in front of Herald says it is.

Herald reads the proxy headers itself (uvicorn's own proxy-header handling is turned off where Herald
starts uvicorn) so that one setting, `FORWARDED_ALLOW_IPS`, decides, and an untrusted peer's
`X-Forwarded-For` never reaches the login limiter. As in uvicorn, the chain is read from the right: hops
that are trusted proxies are skipped and the first untrusted one is the client.
"""

from __future__ import annotations

import functools
import ipaddress
from collections.abc import Mapping

_Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class TrustedProxies:
    """The peers allowed to name the client (`*`, IPs and CIDR ranges, comma-separated)."""

    def __init__(self, setting: str) -> None:
        entries = [entry.strip() for entry in setting.split(",") if entry.strip()]
        self._everyone = "*" in entries
        self._networks: list[_Network] = []
        self._names: set[str] = set()  # e.g. a unix socket path, compared literally
        for entry in entries:
            try:
                self._networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                self._names.add(entry)

    def __contains__(self, host: str) -> bool:
        if self._everyone or host in self._names:
            return True
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            return False
        return any(address in network for network in self._networks)

    def client(self, peer: str | None, headers: Mapping[str, str]) -> str:
        """The client's address for a request from `peer` carrying `headers` (lower-case names)."""
        if peer is None:
            return "unknown"
        if peer not in self:
            return peer
        hops = _forwarded_for(headers)
        for hop in reversed(hops):
            if hop not in self:
                return hop
        return hops[0] if hops else peer


def _forwarded_for(headers: Mapping[str, str]) -> list[str]:
    """The addresses a proxy chain reported, client first (X-Forwarded-For, else Forwarded's `for=`)."""
    if value := headers.get("x-forwarded-for"):
        return [hop.strip() for hop in value.split(",") if hop.strip()]
    hops = []
    for element in headers.get("forwarded", "").split(","):
        for pair in element.split(";"):
            name, _, raw = pair.strip().partition("=")
            if name.lower() == "for" and raw:
                hops.append(_forwarded_node(raw.strip().strip('"')))
    return hops


def _forwarded_node(node: str) -> str:
    # RFC 7239 nodes: 192.0.2.60, 192.0.2.60:4711, "[2001:db8::1]:4711", or an obfuscated _name.
    if node.startswith("["):
        return node[1:].partition("]")[0]
    if node.count(":") == 1:
        return node.partition(":")[0]
    return node


@functools.lru_cache(maxsize=8)
def trusted_proxies(setting: str) -> TrustedProxies:
    """The parsed `FORWARDED_ALLOW_IPS` (parsed once per distinct value)."""
    return TrustedProxies(setting)
