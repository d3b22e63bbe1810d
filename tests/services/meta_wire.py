"""Wire shapes both Meta fakes (Graph API for Facebook/Instagram, and Threads) answer with.

Error bodies follow the Graph API's "Handling Errors" page: `{"error": {"message", "type", "code",
"error_subcode", "fbtrace_id"}}`, HTTP 400 unless said otherwise. Timestamps are `2026-11-30T10:15:00+0000`;
listings are `{"data": [...], "paging": {"cursors": {"before", "after"}, "next"}}`, newest first, with
`since` (unix seconds) and `limit`. Insights (`GET /{node}/insights?metric=a,b`, Threads' `/{user}/
threads_insights`) are `{"data": [{"name", "period", "values": [{"value"}] | "total_value": {"value"},
"title", "description", "id"}]}`, one entry per metric asked for that the node has; without the insights
permission, error 10 (HTTP 403).
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse

from tests.services.media_fetch import Fetched, fetch_media


def graph_error(
    code: int, message: str, *, subcode: int | None = None, kind: str = "OAuthException", **extra: Any
) -> dict[str, Any]:
    """An error body as the Graph API writes it."""
    error: dict[str, Any] = {
        "message": message,
        "type": kind,
        "code": code,
        "fbtrace_id": secrets.token_hex(8),
    }
    if subcode is not None:
        error["error_subcode"] = subcode
    return {"error": {**error, **extra}}


def error_response(code: int, message: str, *, status: int = 400, subcode: int | None = None) -> JSONResponse:
    return JSONResponse(graph_error(code, message, subcode=subcode), status_code=status)


def missing() -> JSONResponse:
    """What a read of a node that does not exist (or no longer does) gets."""
    return error_response(100, "Unsupported get request. Object does not exist.", subcode=33)


def token_error() -> JSONResponse:
    """What any call with an invalid, expired or revoked token gets."""
    return error_response(
        190, "Error validating access token: The session has been invalidated.", subcode=460
    )


def insights(
    request: Request, node: str, values: Mapping[str, Any], *, granted: bool, total: bool = False
) -> JSONResponse:
    """The insights of `node` asked for in `metric=`; `total` for an account's (`total_value`), else a
    post's lifetime values."""
    if not granted:
        return error_response(10, "(#10) Application does not have permission for this action", status=403)
    period = "day" if total else "lifetime"
    data = []
    for name in request.query_params.get("metric", "").split(","):
        if values.get(name) is None:
            continue
        value = {"total_value": {"value": values[name]}} if total else {"values": [{"value": values[name]}]}
        about = {"title": name.replace("_", " ").title(), "description": f"The number of {name}."}
        data.append(
            {"name": name, "period": period, **value, **about, "id": f"{node}/insights/{name}/{period}"}
        )
    return JSONResponse({"data": data})


def meta_time(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


def listing(request: Request, items: Sequence[dict[str, Any]], time_field: str) -> dict[str, Any]:
    """A page of `items` (newest first) honouring `since`, `limit` and `after` like the Graph API."""
    query = request.query_params
    since = int(query.get("since", "0") or 0)
    limit = int(query.get("limit", "25") or 25)
    start = int(query.get("after", "0") or 0)
    fields = [f for f in query.get("fields", "id").split(",") if f]
    window = [item for item in items if datetime.fromisoformat(item[time_field]).timestamp() >= since]
    page = window[start : start + limit]
    body: dict[str, Any] = {
        "data": [{k: v for k, v in item.items() if k in fields or k == "id"} for item in page],
        "paging": {"cursors": {"before": str(start), "after": str(start + len(page))}},
    }
    if start + limit < len(window):
        params = {**dict(query), "after": str(start + limit)}
        body["paging"]["next"] = f"{str(request.url).split('?')[0]}?{urlencode(params)}"
    return body


def param(request: Request, form: dict[str, str], name: str) -> str | None:
    """A parameter the Graph API accepts in the query string or the form body alike."""
    return form.get(name) or request.query_params.get(name)


async def fetch_container_media(
    request: Request, form: dict[str, str], into: list[Fetched]
) -> Fetched | None:
    """The download of the `image_url` or `video_url` a container is made with (kept in `into`)."""
    url = param(request, form, "image_url") or param(request, form, "video_url")
    if url is None:
        return None
    fetched = await fetch_media(url)
    into.append(fetched)
    return fetched
