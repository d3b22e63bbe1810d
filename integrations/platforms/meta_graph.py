"""Calls to Meta's Graph APIs (graph.facebook.com for Facebook and Instagram, graph.threads.net for
Threads): one request, one parsed answer, every failure classified (see `meta_errors`).

Throttling shows up before it bites: every answer may carry `X-App-Usage` (`{"call_count", "total_time",
"total_cputime"}`, percentages of the app's hourly allowance) and `X-Business-Use-Case-Usage`
(`{"<object id>": [{"type", "call_count", "total_time", "total_cputime",
"estimated_time_to_regain_access"}]}`, minutes). Reads are what Herald does before a write (the quota, a
container's status, the Page itself); when one reports usage at or above `usage_limit` percent, the
write waits (`RateLimited`) instead of pushing the app over the limit for every account.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from integrations.platforms.base import OutcomeUnknown, Permanent, PublishFailure, RateLimited, Transient
from integrations.platforms.meta_errors import GraphError, classify
from integrations.platforms.reconcile import MAX_PAGES, PAGE_SIZE

# Meta's app limits are rolling one-hour windows; without an estimate, come back after a quarter.
DEFAULT_RATE_LIMIT_WAIT = timedelta(minutes=15)
_USAGE_FIELDS = ("call_count", "total_time", "total_cputime")
# The request never left: nothing can have been published.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class GraphClient:
    """One Graph API host. Tokens travel as the `access_token` parameter, as Meta documents it."""

    def __init__(self, http: httpx.AsyncClient, base_url: str, *, label: str, usage_limit: float) -> None:
        self.http = http
        self.base_url = base_url.rstrip("/")
        self.label = label
        self.usage_limit = usage_limit

    async def get(
        self, path: str, token: str | None, params: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        """GET `path`; raises `RateLimited` when the answer shows the app close to its limits."""
        query = {**(params or {}), **({"access_token": token} if token else {})}
        return await self._call("GET", self._url(path), query=query, publishing=False, guard=True)

    async def get_page(self, url: str) -> dict[str, Any]:
        """A `paging.next` URL as Meta gave it (it already carries the token and the cursor)."""
        return await self._call("GET", url, query=None, publishing=False, guard=True)

    async def post(
        self, path: str, token: str | None, data: Mapping[str, Any], *, publishing: bool = False
    ) -> dict[str, Any]:
        """POST form fields to `path`. With `publishing`, an unclear failure is `OutcomeUnknown`."""
        form = {**data, **({"access_token": token} if token else {})}
        return await self._call("POST", self._url(path), form=form, publishing=publishing, guard=False)

    def _url(self, path: str) -> str:
        return path if path.startswith("http") else f"{self.base_url}/{path.lstrip('/')}"

    async def _call(
        self,
        method: str,
        url: str,
        *,
        publishing: bool,
        guard: bool,
        query: Mapping[str, Any] | None = None,
        form: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        try:
            response = await self.http.request(method, url, params=query, data=form)
        except _NOT_SENT as exc:
            raise Transient("SERVICE_UNAVAILABLE", f"{self.label} could not be reached ({exc!r}).") from exc
        except httpx.TransportError as exc:
            if publishing:
                raise OutcomeUnknown("OUTCOME_UNKNOWN", f"{self.label} did not answer ({exc!r}).") from exc
            raise Transient("SERVICE_UNAVAILABLE", f"{self.label} did not answer ({exc!r}).") from exc
        body = _json(response)
        if response.status_code >= 400 or (isinstance(body, dict) and "error" in body):
            raise self._failure(response, body, publishing)
        if not isinstance(body, dict):
            raise self._unreadable(response, publishing)
        if guard and (wait := usage_wait(response.headers, self.usage_limit)) is not None:
            raise RateLimited(
                "RATE_LIMITED",
                f"Herald's {self.label} app is close to Meta's rate limit; publishing waits until it eases.",
                retry_at=datetime.now(UTC) + wait,
            )
        return body

    def _failure(self, response: httpx.Response, body: Any, publishing: bool) -> PublishFailure:
        error = GraphError.from_body(response.status_code, body)
        failure = classify(error, self.label, publishing=publishing)
        if failure is not None:
            return failure
        wait = usage_wait(response.headers, 0.0) or DEFAULT_RATE_LIMIT_WAIT
        return RateLimited(
            "RATE_LIMITED",
            f"{self.label} asked Herald to slow down ({error.reason}).",
            retry_at=datetime.now(UTC) + wait,
        )

    def _unreadable(self, response: httpx.Response, publishing: bool) -> PublishFailure:
        message = f"{self.label} sent an answer Herald cannot read (HTTP {response.status_code})."
        if publishing:
            return OutcomeUnknown("OUTCOME_UNKNOWN", message)
        return (
            Permanent("BAD_RESPONSE", message)
            if response.status_code < 500
            else Transient("SERVICE_UNAVAILABLE", message)
        )


def usage_wait(headers: Mapping[str, str], limit: float) -> timedelta | None:
    """How long to wait when a usage header is at or above `limit` percent; None when all are below.

    With `limit` 0 it is the wait Meta estimates for a limit already hit (or None without an estimate).
    """
    waits: list[timedelta] = []
    app = _header_json(headers.get("x-app-usage"))
    if isinstance(app, dict) and limit > 0 and _percent(app) >= limit:
        waits.append(DEFAULT_RATE_LIMIT_WAIT)
    business = _header_json(headers.get("x-business-use-case-usage"))
    for entries in business.values() if isinstance(business, dict) else ():
        for entry in entries if isinstance(entries, list) else ():
            if not isinstance(entry, dict):
                continue
            minutes = entry.get("estimated_time_to_regain_access")
            estimate = (
                timedelta(minutes=minutes) if isinstance(minutes, int | float) and minutes > 0 else None
            )
            if limit > 0 and _percent(entry) >= limit:
                waits.append(estimate or DEFAULT_RATE_LIMIT_WAIT)
            elif limit == 0 and estimate is not None:
                waits.append(estimate)
    return max(waits) if waits else None


def _percent(usage: Mapping[str, Any]) -> float:
    values = [usage.get(name) for name in _USAGE_FIELDS]
    return max((float(v) for v in values if isinstance(v, int | float)), default=0.0)


def _header_json(value: str | None) -> Any:
    if not value:
        return None
    with contextlib.suppress(ValueError):
        return json.loads(value)
    return None


def _json(response: httpx.Response) -> Any:
    with contextlib.suppress(ValueError):
        return response.json()
    return None


async def find_recent(
    graph: GraphClient,
    path: str,
    token: str,
    *,
    fields: str,
    since: datetime,
    matches: Callable[[Mapping[str, Any]], bool],
    time_field: str,
) -> dict[str, Any] | None:
    """The newest item of a listing (`{"data": [...], "paging": {"next"}}`) that `matches`, back to `since`.

    None when the whole window was read without a match; `OutcomeUnknown` when the window holds more
    than `reconcile.MAX_PAGES` pages (see `reconcile`).
    """
    page = await graph.get(
        path, token, {"fields": fields, "since": int(since.timestamp()), "limit": PAGE_SIZE}
    )
    for _ in range(MAX_PAGES):
        items = [item for item in page.get("data") or [] if isinstance(item, dict)]
        for item in items:
            if matches(item):
                return item
        times = [parse_time(item.get(time_field)) for item in items]
        if any(at is not None and at < since for at in times):
            return None  # read back past the window's start (a server that ignores `since`)
        following = (page.get("paging") or {}).get("next")
        if not items or not isinstance(following, str):
            return None
        page = await graph.get_page(following)
    raise OutcomeUnknown(
        "TOO_MANY_RECENT_POSTS",
        f"The account published too many {graph.label} posts since this one was written for Herald to tell "
        "whether it went out; check the account, then retry or cancel.",
    )


def parse_time(value: Any) -> datetime | None:
    """A Graph API timestamp (`2026-11-30T10:15:00+0000`) as an aware datetime."""
    if not isinstance(value, str):
        return None
    with contextlib.suppress(ValueError):
        parsed = datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None
