"""An embedded MongoDB-wire server (SecantusDB) for `herald dev` and the test suite.

SecantusDB is GPL, so Herald never imports it: it runs as a child process (`secantusd-py`) and Herald
talks to it over the wire like any MongoDB. Data lives in a directory that survives restarts, or in
memory when `storage` is ":memory:".
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import structlog

log = structlog.get_logger(__name__)

STARTUP_TIMEOUT_SECONDS = 30.0
STOP_TIMEOUT_SECONDS = 10.0


class EmbeddedServerError(RuntimeError):
    """The embedded server could not be started."""


def free_port() -> int:
    """A TCP port nothing listens on right now (the server binds it a moment later)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _command_path(command: str) -> str:
    # Next to the running interpreter first: a venv's console scripts are not on PATH unless activated.
    beside = Path(sys.executable).with_name(command)
    found = str(beside) if beside.exists() else shutil.which(command)
    if not found:
        raise EmbeddedServerError(
            f"{command!r} was not found; install the dependencies with `make setup` or set MONGODB_URL"
        )
    return found


@contextlib.contextmanager
def run_secantusd(storage: Path | str, command: str = "secantusd-py") -> Iterator[str]:
    """Start `secantusd-py` on a free port, yield its mongodb:// URL, stop it cleanly on exit."""
    if isinstance(storage, Path):
        storage.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log_path = (storage / "secantusd.log") if isinstance(storage, Path) else None
    log_file = open(log_path, "ab") if log_path else subprocess.DEVNULL  # noqa: SIM115 (closed below)
    process = subprocess.Popen(  # noqa: S603 (a fixed program with our own arguments)
        [_command_path(command), "--port", str(port), "--storage-path", str(storage), "--standalone"],
        stdout=log_file,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # Ctrl-C in a terminal must not kill it before Herald stops using it
    )
    try:
        _wait_for_port(process, port)
        log.info("embedded_mongodb.started", port=port, storage=str(storage), pid=process.pid)
        yield f"mongodb://127.0.0.1:{port}/?directConnection=true"
    finally:
        _stop(process)
        if log_file is not subprocess.DEVNULL:
            log_file.close()  # type: ignore[union-attr]
        log.info("embedded_mongodb.stopped", pid=process.pid)


@contextlib.asynccontextmanager
async def embedded_mongodb(storage: Path | str, command: str = "secantusd-py") -> AsyncIterator[str]:
    """`run_secantusd` for async callers (the start-up wait runs in a thread)."""
    manager = run_secantusd(storage, command)
    url = await asyncio.to_thread(manager.__enter__)
    try:
        yield url
    finally:
        await asyncio.to_thread(manager.__exit__, None, None, None)


def _wait_for_port(process: subprocess.Popen[bytes], port: int) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise EmbeddedServerError(f"secantusd-py exited with code {process.returncode} while starting")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return
        time.sleep(0.1)
    _stop(process)
    raise EmbeddedServerError(f"secantusd-py did not open port {port} within {STARTUP_TIMEOUT_SECONDS} s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    # SIGTERM lets it checkpoint WiredTiger, so the data directory opens cleanly next time.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=STOP_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
