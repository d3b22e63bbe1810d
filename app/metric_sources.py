"""The metrics source of every network, built over the network modules the process already made (their
HTTP clients, hosts and token refresh), with analytics' own allowances from the settings."""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from app.settings import Settings
from integrations.platforms.base import Platform
from integrations.platforms.bluesky_metrics import BlueskyMetrics
from integrations.platforms.facebook import Facebook
from integrations.platforms.instagram import Instagram
from integrations.platforms.meta_metrics import FacebookMetrics, InstagramMetrics, ThreadsMetrics
from integrations.platforms.metrics import Budget, MetricsSource
from integrations.platforms.reddit import Reddit
from integrations.platforms.reddit_metrics import RedditMetrics
from integrations.platforms.threads import Threads
from models.platform import PlatformName


def metric_sources(
    settings: Settings,
    http: httpx.AsyncClient,
    platforms: Mapping[PlatformName, Platform],
    *,
    pds_http: httpx.AsyncClient | None = None,
) -> dict[PlatformName, MetricsSource]:
    """A `MetricsSource` per network that has one, keyed like `Services.platforms`.

    `pds_http` calls Bluesky accounts' own PDSs, addresses users named: a safe-fetch client in
    production (`integrations.safe_fetch`); `http` when not given.
    """
    usage = settings.analytics_usage_limit_percent
    sources: dict[PlatformName, MetricsSource] = {PlatformName.BLUESKY: BlueskyMetrics(pds_http or http)}
    for platform in platforms.values():
        if isinstance(platform, Threads):
            sources[PlatformName.THREADS] = ThreadsMetrics(platform, usage)
        elif isinstance(platform, Instagram):
            sources[PlatformName.INSTAGRAM] = InstagramMetrics(platform, usage)
        elif isinstance(platform, Facebook):
            sources[PlatformName.FACEBOOK] = FacebookMetrics(platform, usage)
        elif isinstance(platform, Reddit):
            budget = Budget(limit=settings.analytics_reddit_requests_per_minute, window_seconds=60)
            sources[PlatformName.REDDIT] = RedditMetrics(platform, budget)
    return sources
