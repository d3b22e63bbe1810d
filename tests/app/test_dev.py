"""`herald dev` on a fresh machine: embedded MongoDB with data that survives a restart, in-memory rest."""

from __future__ import annotations

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

from app.embedded import free_port, run_secantusd
from tests.herald_client import SIGN_UP

HERALD = [sys.executable, "-c", "from app.cli import main; main()"]


def test_embedded_data_survives_a_restart(tmp_path: Path) -> None:
    with run_secantusd(tmp_path / "mongodb") as url:
        MongoClient[dict[str, str]](url).herald.things.insert_one({"name": "kept"})
    with run_secantusd(tmp_path / "mongodb") as url:
        found = MongoClient[dict[str, str]](url).herald.things.find_one({"name": "kept"}, {"_id": 0})
    assert found == {"name": "kept"}


def _dev_env(tmp_path: Path, port: int) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"MONGODB_URL", "REDIS_URL", "RABBITMQ_URL", "FERNET_KEYS"}
    }
    return {**env, "PORT": str(port), "DATA_DIR": str(tmp_path / "var")}


def _wait_healthy(base: str, process: subprocess.Popen[bytes], timeout: float = 60) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        assert process.poll() is None, "herald dev exited while starting"
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return time.monotonic() - started
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    pytest.fail("herald dev did not answer /healthz in time")


def _sign_up(base: str, email: str) -> dict[str, Any]:
    variables = {"input": {"email": email, "password": "correct horse battery", "name": "Dev"}}
    response = httpx.post(f"{base}/graphql", json={"query": SIGN_UP, "variables": variables}, timeout=30)
    payload: dict[str, Any] = response.json()["data"]["signUp"]
    return payload


def test_herald_dev_starts_on_embedded_defaults_and_keeps_data(tmp_path: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    for run in range(2):
        process = subprocess.Popen([*HERALD, "dev"], env=_dev_env(tmp_path, port), start_new_session=True)
        try:
            _wait_healthy(base, process)
            codes = [e["code"] for e in _sign_up(base, "dev@example.test")["userErrors"]]
            # the first run creates the user; after a restart the same email is taken: the data survived
            assert codes == ([] if run == 0 else ["EMAIL_TAKEN"])
        finally:
            os.killpg(process.pid, signal.SIGINT)
            assert process.wait(30) == 0
    assert (tmp_path / "var" / "fernet.key").stat().st_mode & 0o777 == 0o600
    # the embedded server stopped with it
    assert str(tmp_path) not in subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
