"""Reading a published post's numbers back from its network: the capability every metrics module provides.

A `MetricsSource` answers two questions for one network: how a published post is doing
(`fetch_metrics`, a `models.metrics.Metrics` whose fields are None where the network reports nothing)
and how many followers an account has (`fetch_account_metrics`).

"Unavailable" is not a failure: a Bluesky PDS without an AppView cannot count likes at all, so
`fetch_metrics` answers None and `fetch_account_metrics` an `AccountMetrics` without followers, and Herald
stores nothing rather than zeros. Failures are the publishing taxonomy of `platforms.base` (`Transient`,
`RateLimited`, `AuthExpired`, `Permanent`...), plus `PostGone` when the post no longer exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from integrations.platforms.base import AccountSession, Permanent, Published
from models.metrics import Metrics
from models.platform import PlatformName

__all__ = ["AccountMetrics", "Budget", "Metrics", "MetricsSource", "PostGone", "published_ref"]


@dataclass(frozen=True, slots=True)
class AccountMetrics:
    """One reading of an account; `followers` None when the network cannot tell right now."""

    followers: int | None
    # The account's handle as the network shows it now, when the reading carries it (Instagram).
    handle: str | None = None


@dataclass(frozen=True, slots=True)
class Budget:
    """A network-wide allowance for analytics calls (`limit` per `window_seconds`), on top of the
    per-account one, for networks whose rate limit is shared by every account (Reddit's per app)."""

    limit: int
    window_seconds: float


class PostGone(Permanent):
    """The post is no longer on the network (deleted, removed): there is nothing left to collect."""


class MetricsSource(Protocol):
    """What the analytics worker needs from one network."""

    name: PlatformName
    budget: Budget | None

    async def fetch_metrics(self, account: AccountSession, published: Published) -> Metrics | None:
        """The post's numbers now; None when the network cannot give any (no AppView, say).

        Raises `PostGone` when the post no longer exists, else a `PublishFailure` subclass.
        """
        ...

    async def fetch_account_metrics(self, account: AccountSession) -> AccountMetrics:
        """The account's followers now (None inside when the network cannot tell)."""
        ...


def published_ref(external_id: str, url: str | None, published_at: datetime | None) -> Published:
    """What a metrics source needs to find a post: where it landed, as the post worker stored it."""
    return Published(external_id=external_id, url=url or "", published_at=published_at)
