"""Running Herald's API for tests, and talking to it like a client does: HTTP and websockets."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Any

import aiormq
import httpx
import uvicorn
import websockets

from app.main import create_app, server_options
from app.services import Services
from app.settings import Settings
from integrations.queue import QueueSpec, dead_queue_name, delay_queue_name, work_queue_name


@dataclass(frozen=True)
class ApiServer:
    base_url: str

    @property
    def graphql_url(self) -> str:
        return f"{self.base_url}/graphql"

    @property
    def ws_url(self) -> str:
        return self.graphql_url.replace("http://", "ws://")


@contextlib.asynccontextmanager
async def running_api(settings: Settings, services: Services, *, port: int = 0) -> AsyncIterator[ApiServer]:
    """uvicorn on `port` (0: any free one) in this event loop; stopped on exit."""
    config = uvicorn.Config(
        create_app(settings, services),
        host="127.0.0.1",
        port=port,
        lifespan="on",
        ws="websockets-sansio",
        **server_options(settings),
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield ApiServer(base_url=f"http://127.0.0.1:{port}")
    finally:
        server.should_exit = True
        await task


async def gql(
    api: ApiServer, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None
) -> dict[str, Any]:
    """POST one operation; returns the whole response body (`data` and maybe `errors`)."""
    headers = {"authorization": f"Bearer {token}"} if token else {}
    async with httpx.AsyncClient(timeout=30) as client:
        response = await client.post(
            api.graphql_url, json={"query": query, "variables": variables or {}}, headers=headers
        )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def data(
    api: ApiServer, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None
) -> dict[str, Any]:
    """`data` of an operation that must not answer with top-level errors."""
    body = await gql(api, query, variables, token=token)
    assert "errors" not in body, body["errors"]
    result: dict[str, Any] = body["data"]
    return result


class Subscription:
    """One graphql-transport-ws subscription over its own socket."""

    def __init__(self, socket: websockets.ClientConnection, operation_id: str) -> None:
        self.socket = socket
        self.operation_id = operation_id

    async def next(self, timeout: float = 20) -> dict[str, Any]:
        """The next `next` payload (raises on `error` or a closed socket)."""
        while True:
            message = json.loads(await asyncio.wait_for(self.socket.recv(), timeout))
            if message["type"] == "next":
                payload: dict[str, Any] = message["payload"]
                return payload
            if message["type"] in ("error", "complete"):
                raise AssertionError(f"subscription ended: {message}")


@contextlib.asynccontextmanager
async def subscribe(
    api: ApiServer, query: str, variables: dict[str, Any], *, token: str | None
) -> AsyncIterator[Subscription]:
    """Open a socket, authenticate in `connection_init`, start `query`; closed on exit."""
    async with websockets.connect(
        api.ws_url, subprotocols=[websockets.Subprotocol("graphql-transport-ws")]
    ) as socket:
        params = {"authorization": f"Bearer {token}"} if token else {}
        await socket.send(json.dumps({"type": "connection_init", "payload": params}))
        ack = json.loads(await asyncio.wait_for(socket.recv(), 10))
        assert ack["type"] == "connection_ack", ack
        operation_id = uuid.uuid4().hex
        await socket.send(
            json.dumps(
                {"id": operation_id, "type": "subscribe", "payload": {"query": query, "variables": variables}}
            )
        )
        yield Subscription(socket, operation_id)


async def delete_queues(url: str, prefix: str, specs: Sequence[QueueSpec]) -> None:
    """Remove the queues a `RabbitJobQueue` with this prefix declared for `specs`."""
    connection = await aiormq.connect(url)
    try:
        channel = await connection.channel()
        for spec in specs:
            delays = [
                delay_queue_name(prefix, spec, spec.delay_ms(step)) for step in range(len(spec.retry_delays))
            ]
            for name in (work_queue_name(prefix, spec), dead_queue_name(prefix, spec), *delays):
                await channel.queue_delete(name)
    finally:
        await connection.close()


def worker_process(settings: Settings, prefix: str) -> subprocess.Popen[bytes]:
    """A real `herald worker post` process on the suite's services, its queues under `prefix`, in a
    process group of its own (so a test can SIGKILL it)."""
    assert settings.rabbitmq_url is not None and settings.fernet_keys is not None
    assert settings.media_signing_key is not None
    env = {
        **os.environ,
        "MONGODB_URL": str(settings.mongodb_url),
        "MONGODB_DATABASE": settings.mongodb_database,
        "REDIS_URL": str(settings.redis_url),
        "REDIS_PREFIX": settings.redis_prefix,
        "RABBITMQ_URL": settings.rabbitmq_url.get_secret_value(),
        "RABBITMQ_PREFIX": prefix,
        "FERNET_KEYS": settings.fernet_keys.get_secret_value(),
        "MEDIA_SIGNING_KEY": settings.media_signing_key.get_secret_value(),
        "DATA_DIR": str(settings.data_dir),
        "WORKER_LEASE_SECONDS": "15",
        "RETRY_DELAYS_SECONDS": json.dumps(settings.retry_delays_seconds),
        "FETCH_ALLOW_PRIVATE_ADDRESSES": json.dumps(
            settings.fetch_allow_private_addresses
        ),  # the PDS: 127.0.0.1
        "ENVIRONMENT": "test",
    }
    return subprocess.Popen(
        [sys.executable, "-c", "from app.cli import main; main()", "worker", "post"],
        env=env,
        start_new_session=True,
    )
