"""The local Threads, Meta Graph (Facebook, Instagram) and Reddit servers the suite's settings point at."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from tests.services import meta_graph_server, reddit_server, threads_server
from tests.services.meta_graph_server import MetaGraphServer
from tests.services.reddit_server import RedditServer
from tests.services.threads_server import ThreadsServer


@dataclass(frozen=True)
class NetworkFakes:
    threads: ThreadsServer
    meta: MetaGraphServer
    reddit: RedditServer


@contextlib.asynccontextmanager
async def running_networks() -> AsyncIterator[NetworkFakes]:
    """All three servers on free ports until the block ends."""
    fakes = NetworkFakes(ThreadsServer(), MetaGraphServer(), RedditServer())
    async with fakes.threads.running(), fakes.meta.running(), fakes.reddit.running():
        yield fakes


def network_settings(fakes: NetworkFakes) -> dict[str, Any]:
    """Settings that send every network call to the fakes, with polls fast enough for tests."""
    return {
        "threads_app_id": threads_server.APP_ID,
        "threads_app_secret": threads_server.APP_SECRET,
        "threads_graph_url": fakes.threads.url,
        "threads_authorize_url": f"{fakes.threads.url}/oauth/authorize",
        "meta_app_id": meta_graph_server.APP_ID,
        "meta_app_secret": meta_graph_server.APP_SECRET,
        "meta_graph_url": fakes.meta.url,
        "meta_login_url": fakes.meta.url,
        "reddit_client_id": reddit_server.CLIENT_ID,
        "reddit_client_secret": reddit_server.CLIENT_SECRET,
        "reddit_www_url": fakes.reddit.url,
        "reddit_api_url": fakes.reddit.url,
        "meta_container_poll_seconds": 0.05,
        "meta_container_timeout_seconds": 2.0,
        "platform_http_timeout_seconds": 5.0,
        # The fakes run on 127.0.0.1 and fetch media from Herald's 127.0.0.1 (tests of the check turn it on).
        "media_urls_public_check": False,
    }
