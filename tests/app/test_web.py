"""The web console served by Herald: SPA fallback, cache headers, CSP, MIME types, API routes left alone."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from app.services import Services
from app.settings import Settings
from tests.services.moto_s3 import MediaStack
from tests.stack import ApiServer, running_api

INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-4f3a9c.js"></script></head>'
HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"  # what a browser's navigation sends


def _dist(root: Path) -> Path:
    """A built console as Vite lays it out: index.html, hashed assets, a public file."""
    (root / "assets").mkdir(parents=True)
    (root / "index.html").write_text(INDEX)
    (root / "assets" / "index-4f3a9c.js").write_text("console.log('herald')")
    (root / "assets" / "index-77b1e0.css").write_text("body{margin:0}")
    (root / "assets" / "vendor-9c1d2e.js").write_text("export const herald = 'herald';\n" * 400)
    (root / "favicon.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    return root


@pytest.fixture
async def console(settings: Settings, services: Services, tmp_path: Path) -> AsyncIterator[ApiServer]:
    serving = settings.model_copy(update={"web_dist_dir": _dist(tmp_path / "dist")})
    async with running_api(serving, services) as api:
        yield api


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=30) as http:
        yield http


async def test_the_console_is_served_at_the_root_and_never_cached(
    console: ApiServer, client: httpx.AsyncClient
) -> None:
    response = await client.get(f"{console.base_url}/", headers={"accept": HTML})
    assert response.status_code == 200
    assert response.text == INDEX
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == "no-cache"


async def test_client_routes_fall_back_to_the_console(console: ApiServer, client: httpx.AsyncClient) -> None:
    for path in ("/login", "/posts", "/calendar/2026/12", "/signup?next=%2Fposts"):
        response = await client.get(f"{console.base_url}{path}", headers={"accept": HTML})
        assert (path, response.status_code, response.text) == (path, 200, INDEX)
        assert response.headers["cache-control"] == "no-cache"


async def test_a_missing_file_that_is_not_a_page_is_a_404(
    console: ApiServer, client: httpx.AsyncClient
) -> None:
    # a script or image that does not exist must not come back as index.html (a browser would run HTML as JS)
    missing = await client.get(f"{console.base_url}/assets/index-000000.js", headers={"accept": "*/*"})
    assert missing.status_code == 404
    # nor does a request that does not ask for HTML (an API client, a fetch())
    api_client = await client.get(f"{console.base_url}/posts", headers={"accept": "application/json"})
    assert api_client.status_code == 404


async def test_hashed_assets_are_immutable_with_their_mime_type(
    console: ApiServer, client: httpx.AsyncClient
) -> None:
    script = await client.get(f"{console.base_url}/assets/index-4f3a9c.js")
    assert script.status_code == 200
    assert script.text == "console.log('herald')"
    assert script.headers["content-type"].split(";")[0] == "text/javascript"
    assert script.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert script.headers["x-content-type-options"] == "nosniff"
    head = await client.head(f"{console.base_url}/assets/index-4f3a9c.js")
    assert (head.status_code, head.content) == (200, b"")
    assert head.headers["cache-control"] == "public, max-age=31536000, immutable"
    style = await client.get(f"{console.base_url}/assets/index-77b1e0.css")
    assert style.headers["content-type"].split(";")[0] == "text/css"
    icon = await client.get(f"{console.base_url}/favicon.svg")
    assert icon.headers["content-type"].split(";")[0] == "image/svg+xml"
    assert icon.headers["cache-control"] == "no-cache"  # not hashed: may change under the same name


async def test_the_console_is_sent_compressed_to_browsers_that_take_it(
    console: ApiServer, client: httpx.AsyncClient
) -> None:
    script = await client.get(
        f"{console.base_url}/assets/vendor-9c1d2e.js", headers={"accept-encoding": "gzip"}
    )
    assert script.headers["content-encoding"] == "gzip"
    assert "accept-encoding" in script.headers["vary"].lower()
    assert int(script.headers["content-length"]) < len(script.content) / 10  # httpx decoded it again
    assert script.headers["cache-control"] == "public, max-age=31536000, immutable"
    plain = await client.get(
        f"{console.base_url}/assets/vendor-9c1d2e.js", headers={"accept-encoding": "identity"}
    )
    assert "content-encoding" not in plain.headers and plain.content == script.content


async def test_the_console_carries_a_strict_csp(console: ApiServer, client: httpx.AsyncClient) -> None:
    response = await client.get(f"{console.base_url}/posts", headers={"accept": HTML})
    policy = response.headers["content-security-policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"  # no 'unsafe-inline', no 'unsafe-eval'
    assert directives["connect-src"] == "'self' ws: wss:"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"


async def test_api_routes_are_not_shadowed(console: ApiServer, client: httpx.AsyncClient) -> None:
    health = await client.get(f"{console.base_url}/healthz", headers={"accept": HTML})
    assert health.json() == {"status": "ok"}
    graphiql = await client.get(console.graphql_url, headers={"accept": HTML})
    assert graphiql.status_code == 200
    assert "graphiql" in graphiql.text.lower()
    assert "content-security-policy" not in graphiql.headers  # GraphiQL loads its scripts from a CDN, inline
    query = await client.post(console.graphql_url, json={"query": "{ __typename }"})
    assert query.json() == {"data": {"__typename": "Query"}}
    for path in ("/oauth/unknown", "/media/files/nothing-here", "/graphql/extra", "/healthz/x"):
        # the API's own answer (a 404, or the media route's 400 for an unsigned URL), never the console
        response = await client.get(f"{console.base_url}{path}", headers={"accept": HTML})
        assert (path, response.status_code) in {(path, 404), (path, 400)}
        assert response.text != INDEX


async def test_paths_outside_the_build_are_refused(console: ApiServer, client: httpx.AsyncClient) -> None:
    for path in ("/..%2f..%2fetc%2fpasswd", "/assets/..%2f..%2findex.html", "/%2e%2e/%2e%2e/etc/passwd"):
        response = await client.get(f"{console.base_url}{path}")
        assert (path, response.status_code) == (path, 404)
        assert "root:" not in response.text


async def test_without_a_build_the_root_says_how_to_build_it(
    settings: Settings, services: Services, tmp_path: Path, client: httpx.AsyncClient
) -> None:
    unbuilt = settings.model_copy(update={"web_dist_dir": tmp_path / "no-dist"})
    async with running_api(unbuilt, services) as api:
        response = await client.get(f"{api.base_url}/", headers={"accept": HTML})
        page = await client.get(f"{api.base_url}/posts", headers={"accept": HTML})
        health = await client.get(f"{api.base_url}/healthz")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/plain")
    assert "make web" in response.text
    assert page.status_code == 404
    assert health.status_code == 200


async def test_the_oauth_result_page_is_the_console_when_it_is_built(
    console: ApiServer, client: httpx.AsyncClient
) -> None:
    # the callback's redirect lands here; the console's /oauth/result route shows the outcome
    query = "platform=THREADS&status=error&error=ACCESS_DENIED&message=You+declined."
    response = await client.get(f"{console.base_url}/oauth/result?{query}", headers={"accept": HTML})
    assert (response.status_code, response.text) == (200, INDEX)
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["content-security-policy"].startswith("default-src 'self'")


async def test_without_a_build_the_oauth_result_is_a_line_of_text(
    settings: Settings, services: Services, tmp_path: Path, client: httpx.AsyncClient
) -> None:
    unbuilt = settings.model_copy(update={"web_dist_dir": tmp_path / "no-dist"})
    query = "platform=THREADS&status=connected&connected=2"
    async with running_api(unbuilt, services) as api:
        response = await client.get(f"{api.base_url}/oauth/result?{query}", headers={"accept": HTML})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert response.text == "Threads: 2 account(s) connected. You can close this tab."


async def test_the_csp_lets_the_console_reach_the_media_store(
    media_stack: MediaStack, services: Services, tmp_path: Path, client: httpx.AsyncClient
) -> None:
    # given a console whose media live on local disk or in an S3 bucket
    serving = services.settings.model_copy(update={"web_dist_dir": _dist(tmp_path / "dist")})
    with_media = dataclasses.replace(services, settings=serving, storage=media_stack.storage)
    ticket = await media_stack.storage.upload_ticket("csp/probe.png", "image/png", 5, timedelta(minutes=1))
    shown = await media_stack.storage.download_url("csp/probe.png", "image/png", timedelta(minutes=1))
    async with running_api(serving, with_media) as api:
        # when it is loaded
        response = await client.get(f"{api.base_url}/library", headers={"accept": HTML})

    # then its policy lets the browser send uploads to the store and show (and play) what it keeps
    directives = dict(
        part.strip().split(" ", 1) for part in response.headers["content-security-policy"].split(";")
    )
    for url, directive in [(ticket.url, "connect-src"), (shown, "img-src"), (shown, "media-src")]:
        allowed = directives[directive].split()
        if media_stack.backend == "local":
            assert "'self'" in allowed  # Herald serves local media on its own routes
        else:
            parts = urlsplit(url)
            assert f"{parts.scheme}://{parts.netloc}" in allowed, (directive, allowed)
