"""`herald`: serve | worker post | worker analytics | scheduler | dev.

Each command imports what it runs, inside it: a post worker never loads the GraphQL schema, the web
server or the analytics code, so a replacement starts consuming within a couple of seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import time
from types import FrameType
from typing import TYPE_CHECKING

import click

from app.logging import configure_logging
from app.settings import Settings

if TYPE_CHECKING:
    import uvicorn


@click.group()
def main() -> None:
    """Herald: write once, publish everywhere, watch it live."""


@main.command()
def serve() -> None:
    """The GraphQL API (needs MONGODB_URL, REDIS_URL, RABBITMQ_URL and FERNET_KEYS)."""
    import uvicorn

    from app.main import create_app, server_options

    settings = Settings()
    settings.require_services()
    configure_logging(settings)
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, **server_options(settings))


@main.group()
def worker() -> None:
    """Queue consumers."""


@worker.command("post")
def worker_post() -> None:
    """Publish targets from the `post.publish` queue."""
    from app.services import open_services
    from workers.post import PostWorker
    from workers.runtime import run_until_signalled

    settings = Settings()
    configure_logging(settings)

    async def run() -> None:
        async with open_services(settings) as services:
            post_worker = PostWorker(services)
            await run_until_signalled(post_worker.run(), post_worker.stop)

    asyncio.run(run())


@worker.command("analytics")
def worker_analytics() -> None:
    """Read published posts' metrics from the `analytics.collect` queue."""
    from app.services import open_services
    from workers.analytics import AnalyticsWorker
    from workers.runtime import run_until_signalled

    settings = Settings()
    configure_logging(settings)

    async def run() -> None:
        async with open_services(settings) as services:
            analytics_worker = AnalyticsWorker(services)
            await run_until_signalled(analytics_worker.run(), analytics_worker.stop)

    asyncio.run(run())


@main.command()
def scheduler() -> None:
    """Queue due posts every second and recover lost work."""
    from app.services import open_services
    from workers.runtime import run_until_signalled
    from workers.scheduler import Scheduler

    settings = Settings()
    configure_logging(settings)

    async def run() -> None:
        async with open_services(settings) as services:
            ticker = Scheduler(services)

            async def stop() -> None:
                ticker.stop()

            await run_until_signalled(ticker.run(), stop)

    asyncio.run(run())


@main.command()
def dev() -> None:
    """API, post and analytics workers and scheduler in one process, on embedded defaults where no URL
    is set."""
    from app.embedded import EmbeddedServerError

    settings = Settings()
    configure_logging(settings)
    # uvicorn re-raises the Ctrl-C it handled once everything has stopped; that is a clean exit here.
    with contextlib.suppress(KeyboardInterrupt):
        try:
            asyncio.run(run_dev(settings))
        except EmbeddedServerError as exc:  # a data folder in use, a server that would not start: say why
            raise click.ClickException(str(exc)) from exc


class _StopOnSignal:
    """SIGTERM and SIGHUP (a process manager, `kill`, a closed terminal) stop `herald dev` as Ctrl-C does.

    uvicorn handles SIGINT and SIGTERM only while it serves and raises them again once it has stopped;
    with the default SIGTERM handler that second SIGTERM ended the process before the workers and the
    embedded database were stopped, leaving the database running. This handler is the one uvicorn
    restores, so the shutdown carries on; before and during serving it asks uvicorn to exit."""

    def __init__(self) -> None:
        self.server: uvicorn.Server | None = None
        self.requested = False
        for signum in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, self)

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        self.requested = True
        if self.server is not None:
            self.server.handle_exit(signal.SIGTERM, frame)


async def run_dev(settings: Settings) -> None:
    """Everything in one process until Ctrl-C, SIGTERM or SIGHUP; the embedded MongoDB stops cleanly
    afterwards (and on its own if this process is killed: see app/secantusd_watchdog.py)."""
    import uvicorn

    from app.main import create_app, server_options
    from app.services import open_services
    from workers.analytics import AnalyticsWorker
    from workers.post import PostWorker
    from workers.scheduler import Scheduler

    started = time.monotonic()
    stop = _StopOnSignal()
    async with open_services(settings, embedded=True) as services:
        if stop.requested:
            return
        server = stop.server = uvicorn.Server(
            uvicorn.Config(
                create_app(settings, services),
                host=settings.host,
                port=settings.port,
                **server_options(settings),
            )
        )
        post_worker, ticker = PostWorker(services), Scheduler(services)
        analytics_worker = AnalyticsWorker(services)
        background = [asyncio.create_task(post_worker.run()), asyncio.create_task(ticker.run())]
        background.append(asyncio.create_task(analytics_worker.run()))
        click.echo(
            f"Herald is up in {time.monotonic() - started:.1f} s. "
            f"GraphiQL: http://{settings.host}:{settings.port}/graphql  (Ctrl-C stops)"
        )
        try:
            await server.serve()  # returns after SIGINT/SIGTERM
        finally:
            ticker.stop()
            await post_worker.stop()  # stops every consumer of the queue, analytics' too
            await asyncio.gather(*background, return_exceptions=True)
