"""An embedded MongoDB-wire server (SecantusDB) for `herald dev` and the test suite.

SecantusDB is GPL, so Herald never imports it: it runs as a child process (`secantusd-py`) and Herald
talks to it over the wire like any MongoDB. Data lives in a directory that survives restarts, or in
memory when `storage` is ":memory:".
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
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
LOCK_NAME, PID_NAME, LOG_NAME = "herald.lock", "secantusd.pid", "secantusd.log"
LOG_TAIL_LINES = 20
WATCHDOG = Path(__file__).with_name("secantusd_watchdog.py")


class EmbeddedServerError(RuntimeError):
    """The embedded server could not be started."""


def free_port() -> int:
    """A TCP port nothing listens on right now (the server binds it a moment later)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _command_path(command: str) -> str:
    # Next to the running interpreter first: a venv's console scripts are not on PATH unless activated.
    beside = Path(sys.executable).with_name(command) if os.sep not in command else Path(command)
    found = str(beside) if beside.exists() else shutil.which(command)
    if not found:
        raise EmbeddedServerError(
            f"{command!r} was not found; install the dependencies with `make setup` or set MONGODB_URL"
        )
    return found


@contextlib.contextmanager
def run_secantusd(storage: Path | str, command: str = "secantusd-py") -> Iterator[str]:
    """Start `secantusd-py` on a free port, yield its mongodb:// URL, stop it cleanly on exit.

    A data folder is locked while a server uses it; a server Herald left behind there is stopped first.
    The server is started through `secantusd_watchdog.py`, so it stops (SIGTERM) when Herald dies."""
    with contextlib.ExitStack() as stack:
        folder = storage if isinstance(storage, Path) else None
        lock_fd = _lock_data_folder(folder) if folder else None
        if lock_fd is not None:
            stack.callback(os.close, lock_fd)
        watch_read, watch_write = os.pipe()  # Herald holds the only write end; it closes when Herald dies
        stack.callback(os.close, watch_write)
        port = free_port()
        log_file = stack.enter_context(open(folder / LOG_NAME, "ab")) if folder else subprocess.DEVNULL
        server = [_command_path(command), "--port", str(port), "--storage-path", str(storage), "--standalone"]
        wrapper = [sys.executable, "-I", str(WATCHDOG), str(watch_read), str(STOP_TIMEOUT_SECONDS)]
        try:
            process = subprocess.Popen(  # noqa: S603 (a fixed program with our own arguments)
                [*wrapper, *server],
                stdout=log_file,
                stderr=subprocess.STDOUT,
                pass_fds=[watch_read] if lock_fd is None else [watch_read, lock_fd],
                start_new_session=True,  # Ctrl-C in a terminal must not kill it before Herald stops using it
            )
        finally:
            os.close(watch_read)
        stack.callback(log.info, "embedded_mongodb.stopped", pid=process.pid)
        if folder:
            pid_file = folder / PID_NAME
            pid_file.write_text(f"{process.pid} {os.getpid()}\n")  # the server, and the Herald that owns it
            stack.callback(pid_file.unlink, missing_ok=True)
        stack.callback(_stop, process)
        _wait_for_port(process, port, folder)
        log.info("embedded_mongodb.started", port=port, storage=str(storage), pid=process.pid)
        yield f"mongodb://127.0.0.1:{port}/?directConnection=true"


@contextlib.asynccontextmanager
async def embedded_mongodb(storage: Path | str, command: str = "secantusd-py") -> AsyncIterator[str]:
    """`run_secantusd` for async callers (the start-up wait runs in a thread)."""
    manager = run_secantusd(storage, command)
    url = await asyncio.to_thread(manager.__enter__)
    try:
        yield url
    finally:
        await asyncio.to_thread(manager.__exit__, None, None, None)


def _lock_data_folder(folder: Path) -> int:
    """Lock `folder` for a new server (the lock is inherited by it); stop a server Herald left there."""
    folder.mkdir(parents=True, exist_ok=True)
    lock_fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        if not _try_lock(lock_fd):
            _stop_stale_server(folder)
            deadline = time.monotonic() + STOP_TIMEOUT_SECONDS
            while not _try_lock(lock_fd):
                if time.monotonic() > deadline:
                    raise _folder_in_use(folder, _read_pid(folder), "which did not stop")
                time.sleep(0.1)
    except BaseException:
        os.close(lock_fd)
        raise
    return lock_fd


def _try_lock(lock_fd: int) -> bool:
    try:
        fcntl.flock(lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _stop_stale_server(folder: Path) -> None:
    """The folder is locked: stop the server there if it is Herald's own, else say who holds it."""
    pid = _read_pid(folder)
    if pid is None or not _is_our_server(pid, folder):
        raise _folder_in_use(folder, pid)
    owner = _read_owner(folder)
    if owner is not None and _parent_of(pid) == owner:  # its Herald is alive: not stale, only busy
        raise EmbeddedServerError(
            f"the embedded MongoDB data folder {folder} is in use by a running Herald (process {owner}); "
            "stop that Herald first, or set DATA_DIR (or MONGODB_URL) to use another folder"
        )
    log.warning("embedded_mongodb.stopping_stale", pid=pid, storage=str(folder))
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)  # a clean checkpoint first
        deadline = time.monotonic() + STOP_TIMEOUT_SECONDS
        while _is_our_server(pid, folder) and time.monotonic() < deadline:
            time.sleep(0.1)
        if _is_our_server(pid, folder):
            os.kill(pid, signal.SIGKILL)


def _read_pid(folder: Path) -> int | None:
    """The server's pid, first on the pid file's line."""
    with contextlib.suppress(OSError, ValueError, IndexError):
        return int((folder / PID_NAME).read_text().split()[0])
    return None


def _read_owner(folder: Path) -> int | None:
    """The pid of the Herald that started the server, second on the line (absent in older pid files)."""
    with contextlib.suppress(OSError, ValueError, IndexError):
        return int((folder / PID_NAME).read_text().split()[1])
    return None


def _parent_of(pid: int) -> int | None:
    """`pid`'s parent: the Herald that started it while that Herald lives, init (or a reaper) after."""
    with contextlib.suppress(OSError, IndexError, ValueError):
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    return None


def _is_our_server(pid: int, folder: Path) -> bool:
    """`pid` is a live `secantusd-py` whose command line names `folder` (not a zombie, not a reused pid)."""
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        cwd = Path(os.readlink(f"/proc/{pid}/cwd"))  # the folder may be named relative to it
    except (OSError, IndexError):
        return False
    storage = argv[argv.index("--storage-path") + 1] if "--storage-path" in argv[:-1] else None
    names_folder = storage is not None and (cwd / storage).resolve() == folder.resolve()
    return state != "Z" and names_folder and any("secantusd" in Path(arg).name for arg in argv)


def _folder_in_use(
    folder: Path, pid: int | None, why: str = "which is not a Herald database server"
) -> EmbeddedServerError:
    holder = f"process {pid}" if pid is not None else "another process"
    return EmbeddedServerError(
        f"the embedded MongoDB data folder {folder} is in use by {holder}, {why}; "
        "stop it, or set DATA_DIR (or MONGODB_URL) to use another folder"
    )


def _log_tail(folder: Path | None) -> str:
    if folder is None:
        return ""
    with contextlib.suppress(OSError):
        lines = (folder / LOG_NAME).read_text(errors="replace").splitlines()[-LOG_TAIL_LINES:]
        return f"; the end of {folder / LOG_NAME}:\n" + "\n".join(lines)
    return ""


def _wait_for_port(process: subprocess.Popen[bytes], port: int, folder: Path | None) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise EmbeddedServerError(
                f"secantusd-py exited with code {process.returncode} while starting{_log_tail(folder)}"
            )
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
