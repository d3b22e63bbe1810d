"""Herald's own media routes, for the local-disk backend: a signed upload (PUT) and a signed download (GET).

The upload route refuses before reading a byte anything the URL does not allow: a missing or forged
signature, an expired URL, another content type, a `Content-Length` other than the declared one, or a
size above what any upload may have. While the body streams in it stops as soon as more than the
declared length has arrived, so a lying client cannot fill the disk.

Downloads are served with the content type Herald detected, `nosniff` and a sandboxing CSP: an uploaded
file is never run as a page on Herald's origin, whatever it contains.
"""

from __future__ import annotations

from collections.abc import Callable

import structlog
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response

from app.services import Services
from integrations.storage import ObjectTooLarge
from integrations.storage_local import IncompleteUpload, LocalStorage, UrlRefused

log = structlog.get_logger(__name__)

_SAFE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cross-Origin-Resource-Policy": "cross-origin",
}


class MediaRoutes:
    """The two routes; `services` gives the running services once the lifespan has opened them."""

    def __init__(self, services: Callable[[], Services | None]) -> None:
        self._services = services

    def _storage(self) -> LocalStorage | None:
        services = self._services()
        storage = services.storage if services else None
        return storage if isinstance(storage, LocalStorage) else None

    async def upload(self, request: Request) -> Response:
        """PUT the bytes of a signed upload URL."""
        storage = self._storage()
        if storage is None:
            return PlainTextResponse("Not found.", status_code=404)
        key = request.path_params["key"]
        try:
            grant = storage.verify_upload(key, request.query_params)
        except UrlRefused as refused:
            return PlainTextResponse(refused.message, status_code=refused.status)
        if bad := _refuse_headers(request, grant.content_type, grant.length, storage.max_upload_bytes):
            return bad
        try:
            await storage.receive(key, request.stream(), grant.length)
        except ObjectTooLarge:
            return PlainTextResponse("More bytes arrived than the URL allows.", status_code=413)
        except IncompleteUpload:
            return PlainTextResponse("The upload ended before all its bytes arrived.", status_code=400)
        log.info("media.uploaded", key=key, bytes=grant.length)
        return Response(status_code=200)

    async def download(self, request: Request) -> Response:
        """GET (or HEAD) the file of a signed download URL."""
        storage = self._storage()
        if storage is None:
            return PlainTextResponse("Not found.", status_code=404)
        key = request.path_params["key"]
        try:
            content_type = storage.verify_download(key, request.query_params)
        except UrlRefused as refused:
            return PlainTextResponse(refused.message, status_code=refused.status)
        path = storage.path_of(key)
        if not path.is_file():
            return PlainTextResponse("Not found.", status_code=404)
        return FileResponse(
            path, media_type=content_type, headers={**_SAFE_HEADERS, "Cache-Control": "private, max-age=300"}
        )


def _refuse_headers(request: Request, content_type: str, length: int, max_bytes: int) -> Response | None:
    """A refusal when the request's headers break the grant; None when they keep to it."""
    sent_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if sent_type != content_type:
        return PlainTextResponse(f"Send the file with Content-Type: {content_type}.", status_code=415)
    raw_length = request.headers.get("content-length")
    if raw_length is None:
        return PlainTextResponse("Send a Content-Length header.", status_code=411)
    try:
        sent_length = int(raw_length)
    except ValueError:
        return PlainTextResponse("Content-Length is not a number.", status_code=400)
    if sent_length > length or sent_length > max_bytes:
        return PlainTextResponse(f"This upload may have {length} bytes, not {sent_length}.", status_code=413)
    if sent_length != length:
        return PlainTextResponse(f"This upload must have exactly {length} bytes.", status_code=400)
    return None
