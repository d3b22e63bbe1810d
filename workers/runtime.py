"""Running workers as processes: until SIGINT/SIGTERM, then a graceful stop."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Awaitable, Callable

import structlog

log = structlog.get_logger(__name__)


async def run_until_signalled(main: Awaitable[None], stop: Callable[[], Awaitable[None]]) -> None:
    """Run `main`; on SIGINT or SIGTERM call `stop()` (which must make `main` return) and wait for it."""
    loop = asyncio.get_running_loop()
    stopping = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stopping.set)
    task = asyncio.ensure_future(main)
    waiter = asyncio.ensure_future(stopping.wait())
    try:
        await asyncio.wait({task, waiter}, return_when=asyncio.FIRST_COMPLETED)
        if stopping.is_set():
            log.info("process.stopping")
            await stop()
        await task
    finally:
        waiter.cancel()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
