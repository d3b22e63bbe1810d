"""The web console (`web/`, built by Vite into `WEB_DIST_DIR`) at `/`.

A file of the build is served as it is: hashed ones under `/assets/` cached for a year, the rest (index.html,
the favicon) revalidated on every use. Any other GET that asks for HTML is a route of the single-page app
and gets `index.html`. The API's own paths are never answered here. Every answer carries a strict
Content-Security-Policy: the build has no inline script, and the console talks only to this origin (and to
the media store, when files live in a bucket).
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from pathlib import Path

import structlog
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response

log = structlog.get_logger(__name__)


def content_security_policy(media_origin: str | None = None) -> str:
    """The console's policy: its own origin only, plus the media store's when files live elsewhere (a
    bucket the browser uploads to and shows images and videos from)."""
    media = f" {media_origin}" if media_origin else ""
    return "; ".join(
        (
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            f"img-src 'self' data: blob:{media}",
            f"media-src 'self' blob:{media}",
            f"connect-src 'self' ws: wss:{media}",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        )
    )


IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
# First path segments that belong to the API: never a console page, even when they 404.
API_PREFIXES = frozenset({"graphql", "healthz", "readyz", "oauth", "media"})
# Not left to the platform's mime.types, which differ between machines (and a script must be one).
MEDIA_TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".html": "text/html",
    ".svg": "image/svg+xml",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".wasm": "application/wasm",
    ".txt": "text/plain",
}
NOT_BUILT = (
    "Herald's web console is not built.\n\n"
    "Build it with `make web` (npm ci and vite build in web/; needs Node 20 or newer), or set WEB_DIST_DIR\n"
    "to a built console, then reload. The GraphQL API and GraphiQL are at /graphql.\n"
)


class WebConsole:
    """Serves the built console from `dist_dir`; see the module's docstring for the rules.

    `media_origin` gives the media store's origin once the process's services are open (None: Herald's
    own routes, or not open yet).
    """

    def __init__(self, dist_dir: Path, media_origin: Callable[[], str | None] = lambda: None) -> None:
        self.dist_dir = dist_dir
        self._media_origin = media_origin

    @property
    def security_headers(self) -> dict[str, str]:
        return {
            "content-security-policy": content_security_policy(self._media_origin()),
            "x-content-type-options": "nosniff",
            "referrer-policy": "same-origin",
        }

    async def serve(self, request: Request) -> Response:
        path = request.path_params.get("path", "")
        if path.split("/", 1)[0] in API_PREFIXES:
            return PlainTextResponse("Not found.\n", status_code=404)
        dist = self.dist_dir.resolve()
        index = dist / "index.html"
        if not index.is_file():
            return PlainTextResponse(NOT_BUILT, status_code=404, headers=self.security_headers)
        file = (dist / path).resolve()
        if path and file.is_relative_to(dist) and file.is_file():
            cache = IMMUTABLE if file.parent == dist / "assets" else REVALIDATE
            return self._file(file, cache)
        if "text/html" in request.headers.get("accept", ""):
            return self._file(index, REVALIDATE)
        return PlainTextResponse("Not found.\n", status_code=404, headers=self.security_headers)

    def index(self) -> Response | None:
        """The console's page for one of its routes the API owns the path of (`/oauth/result`), or None
        when the console is not built."""
        index = self.dist_dir.resolve() / "index.html"
        return self._file(index, REVALIDATE) if index.is_file() else None

    def _file(self, file: Path, cache_control: str) -> FileResponse:
        media_type = MEDIA_TYPES.get(file.suffix.lower()) or mimetypes.guess_type(file.name)[0]
        return FileResponse(
            file,
            media_type=media_type or "application/octet-stream",
            headers={**self.security_headers, "cache-control": cache_control},
        )
