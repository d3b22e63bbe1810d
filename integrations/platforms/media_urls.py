"""Is Herald's media reachable from the internet? Meta's networks fetch every photo and video by URL.

Threads, Instagram and Facebook download media from the address Herald gives them. When that address
is loopback, private or link-local (`PUBLIC_BASE_URL=http://127.0.0.1:8000` in development, a MinIO on
the LAN), Meta's answer comes late and unreadable (a container in ERROR, "media download has failed").
So Herald refuses first, with a reason that says what to set:

- when a post is written, if the configuration alone makes it impossible (local storage behind a
  `PUBLIC_BASE_URL`, or an `S3_ENDPOINT_URL`, whose host is such an address or `localhost`); no DNS
  lookup happens there, names are judged when publishing;
- before each container or upload, by resolving the URL's host: every address it resolves to must be
  public (`ipaddress.is_global`, and not multicast).

`MEDIA_URLS_PUBLIC_CHECK=false` turns both off (the tests' fake networks run on 127.0.0.1 and fetch from
there). Known limit: the network resolves the name again when it fetches; a DNS answer that changes in
between is not caught, and a public address behind a firewall passes.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from integrations.platforms.base import InvalidContent, Violation

CODE = "MEDIA_URL_NOT_PUBLIC"
# Names that always mean this machine or its LAN, whatever DNS says.
_LOCAL_SUFFIXES = ("localhost", ".localhost", ".local", ".internal", ".lan", ".home.arpa")


@dataclass(frozen=True, slots=True)
class MediaUrlCheck:
    """The check, as configured. `media_base` is the address networks would fetch Herald's files from
    (PUBLIC_BASE_URL with local storage, S3_ENDPOINT_URL with S3; None for AWS S3, public by nature)."""

    enabled: bool = True
    media_base: str | None = None
    fetcher: str = "Meta"

    def configured_violation(self) -> Violation | None:
        """The refusal for a post with media when the configuration cannot work; None when it may."""
        if not self.enabled or not self.media_base:
            return None
        host = urlsplit(self.media_base).hostname or ""
        if not _surely_local(host):
            return None
        return Violation(CODE, self.reason(host), ("mediaIds",))

    async def ensure_public(self, url: str | None) -> None:
        """Raise `InvalidContent` (MEDIA_URL_NOT_PUBLIC) unless `url`'s host resolves to public addresses
        only. A URL that is missing (never the case when the worker publishes) is refused too."""
        if not self.enabled:
            return
        if not url:
            raise InvalidContent(CODE, "Herald has no address of this file to give the network; retry.")
        parts = urlsplit(url)
        host = parts.hostname or ""
        if _surely_local(host):
            raise InvalidContent(CODE, self.reason(host))
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise InvalidContent(CODE, f"{self.reason(host)} ({host} does not resolve)") from exc
        for *_, sockaddr in infos:
            if not _public(ipaddress.ip_address(sockaddr[0])):
                raise InvalidContent(CODE, self.reason(host))

    def reason(self, host: str) -> str:
        """What to change, naming the host the network cannot reach."""
        return (
            f"{self.fetcher} fetches media from a public address; set PUBLIC_BASE_URL (or use S3/R2) so "
            f"that {host or 'the media host'} is reachable from the internet."
        )


def _surely_local(host: str) -> bool:
    """A literal non-public address, or a name that always means this machine or its network."""
    host = host.lower().rstrip(".")
    if not host or host.endswith(_LOCAL_SUFFIXES) or host == "localhost":
        return True
    try:
        return not _public(ipaddress.ip_address(host))
    except ValueError:
        # A one-label name (`api`, a compose service) never resolves on the internet; other names are
        # judged when publishing, once resolved.
        return "." not in host


def _public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return address.is_global and not address.is_multicast
