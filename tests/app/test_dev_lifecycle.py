"""`make run` survives its own restarts: the embedded database lives and dies with `herald dev`.

Real processes throughout: `herald dev` is stopped by SIGTERM, SIGHUP and SIGKILL, and each time the next
`herald dev` on the same data folder must start and still find the user signed up before.
"""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from pymongo import MongoClient

from app.embedded import EmbeddedServerError, free_port, run_secantusd
from tests.app.test_dev import HERALD, _dev_env, _sign_up, _wait_healthy
from tests.processes import secantusd_servers

LOG_IN = """
mutation ($input: LogInInput!) {
  logIn(input: $input) { token userErrors { code } }
}"""
EMAIL, PASSWORD = "restart@example.test", "correct horse battery"
RESTART_BOUND_SECONDS = 15.0  # the bound for the next `herald dev` to answer /healthz


def _log_in(base: str) -> dict[str, Any]:
    variables = {"input": {"email": EMAIL, "password": PASSWORD}}
    response = httpx.post(f"{base}/graphql", json={"query": LOG_IN, "variables": variables}, timeout=30)
    payload: dict[str, Any] = response.json()["data"]["logIn"]
    return payload


def _server_pid(data_dir: Path) -> int:
    servers = secantusd_servers(naming=str(data_dir / "mongodb"))
    (pid,) = (pid for pid, command in servers.items() if "secantusd_watchdog" not in command)
    return pid


def _gone(pid: int, timeout: float) -> bool:
    """`pid` has exited (or is a zombie) within `timeout` seconds: a bounded wait, not a measurement."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return True
        if state == "Z":
            return True
        time.sleep(0.1)
    return False


def test_herald_dev_restarts_with_its_data_after_sigterm_sighup_and_sigkill(tmp_path: Path) -> None:
    port = free_port()
    base, env = f"http://127.0.0.1:{port}", _dev_env(tmp_path, port)
    data_dir = tmp_path / "var"
    # each start is the "next herald dev" of the signal before it; one chain keeps the starts few
    for run, stop_with in enumerate([signal.SIGTERM, signal.SIGHUP, signal.SIGKILL, signal.SIGINT]):
        process = subprocess.Popen([*HERALD, "dev"], env=env, start_new_session=True)
        try:
            _wait_healthy(base, process, timeout=60 if run == 0 else RESTART_BOUND_SECONDS)
            if run == 0:
                assert _sign_up(base, EMAIL)["userErrors"] == []
            else:
                assert _log_in(base)["userErrors"] == [], f"the user was lost across a restart ({run})"
            server_pid = _server_pid(data_dir)
        finally:
            os.kill(process.pid, stop_with)
            code = process.wait(60)
        if stop_with != signal.SIGKILL:
            assert code == 0, f"herald dev exited with {code} on {stop_with.name}"
        assert _gone(server_pid, 30), f"secantusd-py {server_pid} outlived herald dev ({stop_with.name})"


def _start_secantusd(folder: Path, lock_fd: int) -> subprocess.Popen[bytes]:
    """A server started the way an older Herald did: without a watchdog, holding the folder's lock, the
    folder named relative to its working directory (DATA_DIR is `var` by default)."""
    command = Path(sys.executable).with_name("secantusd-py")
    port = free_port()
    args = [str(command), "--port", str(port), "--storage-path", folder.name, "--standalone"]
    process = subprocess.Popen(args, pass_fds=[lock_fd], start_new_session=True, cwd=folder.parent)
    (folder / "secantusd.pid").write_text(f"{process.pid}\n")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            MongoClient[dict[str, str]](
                f"mongodb://127.0.0.1:{port}/?directConnection=true"
            ).herald.things.insert_one({"name": "kept"})
            return process
        except Exception:  # noqa: BLE001 (not listening yet)
            time.sleep(0.2)
    process.kill()
    pytest.fail("secantusd-py did not start")


def test_a_stale_herald_server_on_the_folder_is_stopped_and_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "mongodb"
    folder.mkdir()
    lock_fd = os.open(folder / "herald.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(lock_fd, fcntl.LOCK_EX)
    stale = _start_secantusd(folder, lock_fd)
    os.close(lock_fd)  # the Herald that started it is gone; the server still holds the lock
    try:
        with run_secantusd(folder) as url:
            assert stale.wait(30) is not None  # stopped, not merely left alone
            found = MongoClient[dict[str, str]](url).herald.things.find_one({"name": "kept"}, {"_id": 0})
        assert found == {"name": "kept"}
    finally:
        stale.kill()
        stale.wait()


def test_a_foreign_process_holding_the_folder_gets_a_clear_message(tmp_path: Path) -> None:
    folder = tmp_path / "var" / "mongodb"
    folder.mkdir(parents=True)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time\n"
            f"fd = os.open({str(folder / 'herald.lock')!r}, os.O_RDWR | os.O_CREAT)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX)\n"
            f"open({str(folder / 'secantusd.pid')!r}, 'w').write(str(os.getpid()))\n"
            "print('locked', flush=True)\n"
            "time.sleep(120)\n",
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"locked\n"
        with pytest.raises(EmbeddedServerError) as refused, run_secantusd(folder):
            pass
        assert str(holder.pid) in str(refused.value) and str(folder) in str(refused.value)
        # and `herald dev` says so in one line rather than a traceback
        dev = subprocess.run(
            [*HERALD, "dev"], env=_dev_env(tmp_path, free_port()), capture_output=True, text=True, timeout=120
        )
        assert dev.returncode == 1
        assert "Traceback" not in dev.stderr
        assert str(holder.pid) in dev.stderr and str(folder) in dev.stderr
    finally:
        holder.kill()
        holder.wait()


def test_a_server_that_fails_to_start_shows_the_end_of_its_log(tmp_path: Path) -> None:
    failing = tmp_path / "secantusd-broken"
    failing.write_text("#!/bin/sh\necho 'WiredTiger: the data files are damaged' >&2\nexit 3\n")
    failing.chmod(0o755)
    with pytest.raises(EmbeddedServerError) as failed, run_secantusd(tmp_path / "mongodb", str(failing)):
        pass
    assert "exited with code 3" in str(failed.value)
    assert "WiredTiger: the data files are damaged" in str(failed.value)


def test_a_running_herald_keeps_its_database_when_another_start_finds_the_folder(tmp_path: Path) -> None:
    # given a running `herald dev` (its server holds the folder, and Herald holds the lock)
    port = free_port()
    base, env = f"http://127.0.0.1:{port}", _dev_env(tmp_path, port)
    process = subprocess.Popen([*HERALD, "dev"], env=env, start_new_session=True)
    try:
        _wait_healthy(base, process, timeout=60)
        server_pid = _server_pid(tmp_path / "var")

        # when a second start (another port, the same DATA_DIR) asks for the folder
        with pytest.raises(EmbeddedServerError) as refused, run_secantusd(tmp_path / "var" / "mongodb"):
            pass

        # then it is told a running Herald uses it, and the running Herald's database was left alone
        assert f"in use by a running Herald (process {process.pid})" in str(refused.value)
        assert not _gone(server_pid, 0.5)
        assert _sign_up(base, EMAIL)["userErrors"] == []
    finally:
        os.kill(process.pid, signal.SIGINT)
        process.wait(60)
