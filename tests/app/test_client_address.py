"""Whose address a request comes from: the peer's, unless a trusted proxy names the client."""

from __future__ import annotations

import pytest

from app.client_address import TrustedProxies


@pytest.mark.parametrize(
    ("trusted", "peer", "headers", "client"),
    [
        ("", "127.0.0.1", {"x-forwarded-for": "198.51.100.1"}, "127.0.0.1"),
        ("10.0.0.1", "127.0.0.1", {"x-forwarded-for": "198.51.100.1"}, "127.0.0.1"),
        ("127.0.0.1", "127.0.0.1", {"x-forwarded-for": "198.51.100.1"}, "198.51.100.1"),
        ("127.0.0.1", "127.0.0.1", {}, "127.0.0.1"),
        # a client that sends its own X-Forwarded-For cannot hide behind the proxy's append
        ("127.0.0.1", "127.0.0.1", {"x-forwarded-for": "203.0.113.5, 198.51.100.1"}, "198.51.100.1"),
        ("127.0.0.1, 10.0.0.0/8", "127.0.0.1", {"x-forwarded-for": "198.51.100.1, 10.1.2.3"}, "198.51.100.1"),
        ("*", "192.0.2.9", {"x-forwarded-for": "198.51.100.1"}, "198.51.100.1"),
        ("127.0.0.1", "127.0.0.1", {"forwarded": "for=198.51.100.1;proto=https"}, "198.51.100.1"),
        ("127.0.0.1", "127.0.0.1", {"forwarded": 'for="[2001:db8::1]:4711"'}, "2001:db8::1"),
        ("127.0.0.1", "127.0.0.1", {"forwarded": "for=192.0.2.60:80, for=198.51.100.1"}, "198.51.100.1"),
        ("::1", "::1", {"x-forwarded-for": "198.51.100.1"}, "198.51.100.1"),
    ],
)
def test_the_client_is_the_first_untrusted_hop_from_the_right(
    trusted: str, peer: str, headers: dict[str, str], client: str
) -> None:
    assert TrustedProxies(trusted).client(peer, headers) == client


def test_without_a_peer_the_client_is_unknown() -> None:
    assert TrustedProxies("*").client(None, {"x-forwarded-for": "198.51.100.1"}) == "unknown"
