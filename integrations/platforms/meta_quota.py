"""Meta's publishing quotas (Threads' `threads_publishing_limit`, Instagram's `content_publishing_limit`),
read before a publish so an exhausted quota waits for a free slot instead of failing.

Both answer `{"data": [{"quota_usage": n, "config": {"quota_total": t, "quota_duration": seconds}}]}`.
The total is read every time, never assumed: Instagram documents 25 posts per 24 hours and has shown 50.
The window is rolling: a slot frees when the oldest post in it turns `quota_duration` old, so the wait is
estimated from the account's recent posts.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from integrations.platforms.base import PublishFailure, RateLimited
from integrations.platforms.meta_graph import GraphClient, find_recent, parse_time

# Documented window, used only when the answer leaves it out.
QUOTA_WINDOW = timedelta(hours=24)
# When nothing tells when the window frees a slot, look again in an hour.
QUOTA_RETRY = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class Quota:
    """Where one network keeps an account's quota and its recent posts."""

    graph: GraphClient
    limit_path: str  # e.g. "v1.0/<user>/threads_publishing_limit"
    posts_path: str  # e.g. "v1.0/<user>/threads", read to tell when a slot frees
    noun: str  # "Threads profile", "Instagram account"

    async def check(self, token: str) -> None:
        """`RateLimited` (QUOTA_EXHAUSTED) until a slot frees when the account used its whole quota."""
        answer = await self.graph.get(self.limit_path, token, {"fields": "config,quota_usage"})
        entries = answer.get("data")
        entry: dict[str, Any] = {}
        if isinstance(entries, list) and entries and isinstance(entries[0], dict):
            entry = entries[0]
        config: dict[str, Any] = entry["config"] if isinstance(entry.get("config"), dict) else {}
        used, total = entry.get("quota_usage"), config.get("quota_total")
        if not isinstance(used, int) or not isinstance(total, int) or used < total:
            return  # an answer without figures does not stop a publish; the publish call itself would
        duration = config.get("quota_duration")
        window = timedelta(seconds=duration) if isinstance(duration, int) and duration > 0 else QUOTA_WINDOW
        retry_at = await self._frees_at(token, window)
        hours = window.total_seconds() / 3600
        raise RateLimited(
            "QUOTA_EXHAUSTED",
            f"This {self.noun} published its {total} posts allowed per {hours:.0f} hours; Herald "
            f"publishes this one at {retry_at:%Y-%m-%d %H:%M} UTC, when a slot frees up.",
            retry_at=retry_at,
        )

    async def _frees_at(self, token: str, window: timedelta) -> datetime:
        # Posts made outside the API count too, so the estimate can only be early; a retry then waits again.
        now = datetime.now(UTC)
        oldest: datetime | None = None

        def older(item: Mapping[str, Any]) -> bool:
            nonlocal oldest
            at = parse_time(item.get("timestamp"))
            if at is not None and at >= now - window and (oldest is None or at < oldest):
                oldest = at
            return False

        # The estimate is a convenience: the quota answer already decided that this publish waits.
        with contextlib.suppress(PublishFailure):
            await find_recent(
                self.graph,
                self.posts_path,
                token,
                fields="id,timestamp",
                since=now - window,
                matches=older,
                time_field="timestamp",
            )
        if oldest is None:
            return now + QUOTA_RETRY
        return max(oldest + window + timedelta(minutes=1), now + timedelta(minutes=1))
