"""Running a Node test server (the PDS, the dev network) as a child process group.

Each server prints one JSON line with its URLs once it listens; it is healthy when its PDS answers
`/xrpc/_health`. Stopping signals the whole process group, so nothing the server started is left behind.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import time
from pathlib import Path
from typing import Any

import httpx


async def wait_healthy(
    process: asyncio.subprocess.Process, stdout: Path, stderr: Path, *, label: str, timeout: float
) -> dict[str, Any]:
    """The server's ready line, once its PDS answers `/xrpc/_health`; a clear error if it dies or stalls."""
    deadline = time.monotonic() + timeout
    ready: dict[str, Any] | None = None
    async with httpx.AsyncClient(timeout=2) as client:
        while time.monotonic() < deadline:
            if process.returncode is not None:
                raise RuntimeError(f"{label} exited with {process.returncode}: {tail(stderr)}")
            ready = ready or ready_line(stdout)
            if ready is not None:
                with contextlib.suppress(httpx.HTTPError):
                    if (await client.get(f"{ready['pdsUrl']}/xrpc/_health")).status_code == 200:
                        return ready
            await asyncio.sleep(0.1)
    raise RuntimeError(f"{label} did not become healthy in {timeout:.0f}s: {tail(stderr)}")


async def stop(process: asyncio.subprocess.Process, timeout: float) -> None:
    """SIGTERM the server's process group, SIGKILL it after `timeout`."""
    # Signals go to the server's process group only while its leader is alive and unreaped, so the
    # group id cannot belong to anything else yet.
    if process.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            await asyncio.wait_for(process.wait(), timeout)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            await process.wait()
    if process.stdin is not None:
        process.stdin.close()


def ready_line(path: Path) -> dict[str, Any] | None:
    """The JSON line the server prints once it listens, None before that."""
    text = path.read_text()
    if "\n" not in text:  # not printed yet, or only half of it
        return None
    ready: dict[str, Any] = json.loads(text.splitlines()[0])
    return ready


def tail(path: Path, size: int = 2000) -> str:
    """The end of a log file, for error messages."""
    text = path.read_text(errors="replace") if path.exists() else ""
    return text[-size:] or "(no output)"
