"""Link cards: Open Graph read from a real local page server, and every way a fetch is refused."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response, StreamingResponse
from starlette.routing import Route

from integrations.link_preview import fetch_image, fetch_preview
from integrations.safe_fetch import FetchPolicy

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
CARD = """<!doctype html><html><head>
<title>Fallback title</title>
<meta property="og:title" content="Launch &amp; learn">
<meta property="og:description" content="  Everything   about the launch.  ">
<meta property="og:image" content="/thumb.png">
</head><body><meta property="og:title" content="not in the head"></body></html>"""


async def _slow(request: Request) -> Response:
    await asyncio.sleep(3)
    return Response("<title>late</title>", media_type="text/html")


async def _huge(request: Request) -> StreamingResponse:
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(100):
            yield b"<!-- " + b"x" * 100_000 + b" -->"

    return StreamingResponse(chunks(), media_type="text/html")


PAGES = Starlette(
    routes=[
        Route("/card", lambda r: Response(CARD, media_type="text/html; charset=utf-8")),
        Route("/thumb.png", lambda r: Response(PNG, media_type="image/png")),
        Route("/title-only", lambda r: Response("<title> Just a title </title><p>", media_type="text/html")),
        Route(
            "/broken",
            lambda r: Response(
                "<head><meta property=og:title content=Unquoted><title>never closed", media_type="text/html"
            ),
        ),
        Route("/hop", lambda r: RedirectResponse("/card")),
        Route("/loop", lambda r: RedirectResponse("/loop")),
        Route("/pdf", lambda r: Response(b"%PDF-1.7", media_type="application/pdf")),
        Route("/slow", _slow),
        Route("/huge", _huge),
    ]
)


@pytest.fixture(scope="module")
async def pages() -> AsyncIterator[str]:
    server = uvicorn.Server(uvicorn.Config(PAGES, host="127.0.0.1", port=0, log_config=None))
    task = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 (uvicorn exposes a flag, not an event)
        await asyncio.sleep(0.02)
    yield f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"
    server.should_exit = True
    await task


TESTING = FetchPolicy(timeout_seconds=1.0, max_page_bytes=200_000, allow_private_addresses=True)


async def test_a_card_from_open_graph(pages: str) -> None:
    card = await fetch_preview(f"{pages}/card", TESTING)
    assert card is not None
    assert (card.title, card.description, card.image_url) == (
        "Launch & learn",
        "Everything about the launch.",
        f"{pages}/thumb.png",
    )
    assert await fetch_image(f"{pages}/thumb.png", TESTING) == (PNG, "image/png")


@pytest.mark.parametrize(
    ("path", "title"), [("/title-only", "Just a title"), ("/hop", "Launch & learn"), ("/broken", "Unquoted")]
)
async def test_imperfect_pages_still_give_what_they_have(pages: str, path: str, title: str) -> None:
    card = await fetch_preview(f"{pages}{path}", TESTING)
    assert card is not None
    assert card.title == title


@pytest.mark.parametrize("path", ["/loop", "/pdf", "/slow", "/huge"])
async def test_pages_that_cannot_be_had_give_no_card(pages: str, path: str) -> None:
    assert await fetch_preview(f"{pages}{path}", TESTING) is None


async def test_private_addresses_are_refused_in_production(pages: str) -> None:
    production = FetchPolicy(timeout_seconds=1.0)
    assert await fetch_preview(f"{pages}/card", production) is None
    assert await fetch_preview("http://localhost/", production) is None
    assert await fetch_preview("file:///etc/passwd", production) is None
