"""Fetching a page's Open Graph card (title, description, image) safely, for link cards.

A post's link points wherever its author likes, and Herald fetches it from inside its own network. So the
fetch goes through the safe-fetch policy (`integrations.safe_fetch`: public addresses only, connected to as
checked), is bounded in time and size, and follows a few redirects by hand, each hop checked again.
HTML is read with the standard library's tolerant parser and only the `<head>` matters.
A page that cannot be fetched yields no card; it never fails the post.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import httpx
import structlog

from integrations.safe_fetch import FetchPolicy, FetchRefused, is_redirect, safe_client

log = structlog.get_logger(__name__)

_TITLE_LIMIT, _DESCRIPTION_LIMIT = 300, 1_000


@dataclass(frozen=True, slots=True)
class LinkPreview:
    url: str
    title: str
    description: str
    image_url: str | None


async def fetch_preview(url: str, policy: FetchPolicy) -> LinkPreview | None:
    """The page's card, or None when it cannot be had (never raises for a bad page)."""
    try:
        final_url, body = await fetch(url, policy, max_bytes=policy.max_page_bytes, accept=("text/html",))
    except (FetchRefused, httpx.HTTPError, TimeoutError) as exc:
        log.info("link_preview.unavailable", url=url, reason=str(exc) or type(exc).__name__)
        return None
    head = _HeadParser()
    head.feed(body.decode("utf-8", errors="replace"))
    title = head.meta.get("og:title") or head.meta.get("twitter:title") or head.title
    if not title.strip():
        return None
    description = head.meta.get("og:description") or head.meta.get("description") or ""
    image = head.meta.get("og:image") or head.meta.get("twitter:image")
    return LinkPreview(
        url=url,
        title=_clip(title, _TITLE_LIMIT),
        description=_clip(description, _DESCRIPTION_LIMIT),
        image_url=urljoin(final_url, image) if image else None,
    )


async def fetch_image(url: str, policy: FetchPolicy) -> tuple[bytes, str] | None:
    """An image a card points at (bytes, content type), or None when it cannot be had."""
    try:
        _, body = await fetch(url, policy, max_bytes=policy.max_image_bytes, accept=("image/",))
    except (FetchRefused, httpx.HTTPError, TimeoutError) as exc:
        log.info("link_preview.image_unavailable", url=url, reason=str(exc) or type(exc).__name__)
        return None
    return body, _sniff_image_type(body)


async def fetch(
    url: str, policy: FetchPolicy, *, max_bytes: int, accept: tuple[str, ...]
) -> tuple[str, bytes]:
    """GET `url` within the policy: (the URL finally answered, its body)."""
    async with (
        asyncio.timeout(policy.timeout_seconds),
        safe_client(policy) as client,
    ):
        for _ in range(policy.max_redirects + 1):
            _check_scheme(url)
            async with client.stream("GET", url, headers={"accept": ", ".join(accept)}) as response:
                if is_redirect(response):
                    url = urljoin(url, response.headers["location"])
                    continue
                response.raise_for_status()
                content_type = response.headers.get("content-type", "").lower()
                if not any(content_type.startswith(kind) for kind in accept):
                    raise FetchRefused(f"content type {content_type or 'none'} is not {accept}")
                return url, await _read_capped(response, max_bytes)
        raise FetchRefused(f"more than {policy.max_redirects} redirects")


async def _read_capped(response: httpx.Response, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchRefused(f"{declared} bytes is more than {max_bytes}")
    chunks, size = [], 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchRefused(f"more than {max_bytes} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _check_scheme(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchRefused(f"only http(s) URLs are fetched, not {url!r}")


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _sniff_image_type(body: bytes) -> str:
    # The card's thumb is re-encoded before upload anyway; this only names what arrived.
    signatures = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png", b"GIF8": "image/gif"}
    for magic, kind in signatures.items():
        if body.startswith(magic):
            return kind
    if body[:4] == b"RIFF" and body[8:12] == b"WEBP":
        return "image/webp"
    return "application/octet-stream"


class _HeadParser(HTMLParser):
    """Collects `<title>` and `<meta>` properties until the head ends; tolerant of broken markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False
        self._done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._done:
            return
        if tag == "body":
            self._done = True
        elif tag == "title":
            self._in_title = True
        elif tag == "meta":
            values = {name.lower(): value or "" for name, value in attrs}
            key = (values.get("property") or values.get("name") or "").lower()
            if key and "content" in values and key not in self.meta:
                self.meta[key] = values["content"]

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "head":
            self._done = True

    def handle_data(self, data: str) -> None:
        if self._in_title and not self._done:
            self.title += data
