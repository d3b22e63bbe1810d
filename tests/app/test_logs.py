"""What a real `herald serve` writes: a client's mistake is one INFO line with its code, a bug is an ERROR
with its traceback and request id, and the access log never holds a signed URL's or an OAuth callback's
query string."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from beanie import PydanticObjectId

from app.embedded import free_port
from app.services import Services
from app.settings import Settings
from models.workspace import Workspace
from schema.relay import parse_id_of
from tests.herald_client import sign_up
from tests.stack import ApiServer, gql

WORKSPACES = "{ workspaces { id name } }"
SECRET = "s3cr3t-value-never-logged"


@dataclass
class ServedApi:
    api: ApiServer
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    async def wait_for(self, needle: str) -> list[str]:
        """The log lines holding `needle`, once there are some (the server writes them after answering)."""
        for _ in range(200):
            lines = [line for line in self.log().splitlines() if needle in line]
            if lines:
                return lines
            await asyncio.sleep(0.05)
        raise AssertionError(f"{needle!r} never logged:\n{self.log()[-3000:]}")


def serve_env(settings: Settings, port: int) -> dict[str, str]:
    assert settings.rabbitmq_url is not None and settings.fernet_keys is not None
    assert settings.media_signing_key is not None
    return {
        **os.environ,
        "PYTHONUNBUFFERED": "1",
        "ENVIRONMENT": "production",
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
        "MONGODB_URL": str(settings.mongodb_url),
        "MONGODB_DATABASE": settings.mongodb_database,
        "REDIS_URL": str(settings.redis_url),
        "REDIS_PREFIX": settings.redis_prefix,
        "RABBITMQ_URL": settings.rabbitmq_url.get_secret_value(),
        "RABBITMQ_PREFIX": settings.rabbitmq_prefix,
        "FERNET_KEYS": settings.fernet_keys.get_secret_value(),
        "MEDIA_SIGNING_KEY": settings.media_signing_key.get_secret_value(),
        "DATA_DIR": str(settings.data_dir),
        "THREADS_APP_ID": "threads-app",
        "THREADS_APP_SECRET": "threads-secret",
    }


@pytest.fixture(scope="module")
def served_process(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedApi]:
    port = free_port()
    log_path = tmp_path_factory.mktemp("serve") / "herald.log"
    with log_path.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-c", "from app.cli import main; main()", "serve"],
            env=serve_env(settings, port),
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield ServedApi(ApiServer(base_url=f"http://127.0.0.1:{port}"), log_path)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


@pytest.fixture(scope="module")
async def served(served_process: ServedApi, services: Services) -> ServedApi:
    async with httpx.AsyncClient() as client:
        for _ in range(300):
            try:
                if (await client.get(f"{served_process.api.base_url}/healthz")).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
        else:
            raise AssertionError(f"herald serve never answered:\n{served_process.log()}")
    return served_process


async def test_an_anonymous_request_is_one_info_line(served: ServedApi) -> None:
    # when an anonymous client asks for what needs a session
    body = await gql(served.api, WORKSPACES)
    assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAUTHENTICATED"]

    # then the log says so in one INFO line, with no traceback and nothing at ERROR
    lines = await served.wait_for("graphql.error")
    assert len(lines) == 1
    assert "UNAUTHENTICATED" in lines[0]
    assert "info" in lines[0].lower()
    assert "Traceback" not in served.log()
    assert " ERROR " not in served.log()
    assert "[error" not in served.log()


async def test_a_validation_error_is_one_info_line(served: ServedApi) -> None:
    await gql(served.api, "{ nothingHere }")
    lines = await served.wait_for("GRAPHQL_VALIDATION_FAILED")
    assert "info" in lines[0].lower()
    assert "Traceback" not in served.log()


async def test_an_unexpected_error_is_logged_with_its_traceback_and_request_id(served: ServedApi) -> None:
    # given a workspace document the model cannot load (a bug, as far as the client can tell)
    member = await sign_up(served.api)
    workspace_id = parse_id_of("Workspace", member.workspace_id)
    await Workspace.get_pymongo_collection().update_one(
        {"_id": PydanticObjectId(workspace_id)}, {"$set": {"name": {"not": "a string"}}}
    )

    # when its member lists their workspaces
    body = await gql(served.api, WORKSPACES, token=member.token)

    # then the client sees a masked error, and the log the whole story
    assert [e["message"] for e in body["errors"]] == ["Unexpected error."]
    lines = await served.wait_for("graphql.unexpected_error")
    assert "error" in lines[0].lower()
    assert "request_id=" in lines[0]
    await served.wait_for("ValidationError")
    assert "Traceback" in served.log()


async def test_a_bug_before_graphql_runs_is_a_json_500_logged_with_its_request_id(
    served: ServedApi, services: Services
) -> None:
    # given a session naming a user id that is no object id (a bug in whatever wrote it)
    token = await services.sessions.create("not-an-object-id")

    # when it is used
    async with httpx.AsyncClient() as client:
        response = await client.post(
            served.api.graphql_url,
            json={"query": "{ me { id } }"},
            headers={"authorization": f"Bearer {token}"},
        )

    # then the client gets a JSON error that gives nothing away, and the log the traceback and request id
    assert response.status_code == 500
    assert response.json() == {
        "errors": [{"message": "Unexpected error.", "extensions": {"code": "INTERNAL_SERVER_ERROR"}}]
    }
    lines = await served.wait_for("http.unexpected_error")
    assert "request_id=" in lines[0]
    assert "not-an-object-id" in served.log()  # the exception's own text, in the traceback


@pytest.mark.parametrize(
    ("path", "visible"),
    [
        pytest.param(
            f"/media/files/ws/asset.png?expires=9999999999&type=image%2Fpng&signature={SECRET}",
            "/media/files/ws/asset.png",
            id="signed-download",
        ),
        pytest.param(
            f"/oauth/threads/callback?code={SECRET}&state={SECRET}", "/oauth/threads/callback", id="oauth"
        ),
        pytest.param(  # a GET carries its variables (a password, a token) in the query string
            f'/graphql?query=query{{__typename}}&variables={{"password":"{SECRET}"}}',
            "/graphql",
            id="graphql-get",
        ),
    ],
)
async def test_the_access_log_holds_no_secret_query_string(
    served: ServedApi, path: str, visible: str
) -> None:
    async with httpx.AsyncClient(base_url=served.api.base_url) as client:
        await client.get(path)
        await client.get("/healthz?visible=yes")  # the access log is on, query strings elsewhere kept

    await served.wait_for("/healthz?visible=yes")
    assert await served.wait_for(visible)
    assert SECRET not in served.log()
