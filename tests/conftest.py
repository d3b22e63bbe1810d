"""Session-wide access to the real services the suite runs against.

Redis and RabbitMQ run on every development and CI machine; a test that cannot reach them fails (it
never skips). Every run namespaces its keys and queues with `run_prefix` so runs never collide.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import os
import signal
import socket
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from cryptography.fernet import Fernet
from redis.asyncio import Redis

from app.embedded import free_port, run_secantusd
from app.services import Services, open_services, queue_specs
from app.settings import Settings
from integrations.queue import RabbitJobQueue
from tests.network_client import cancel_rescheduled
from tests.processes import descendants, secantusd_servers
from tests.services.appview import AppViewNetwork, start_appview
from tests.services.gemini_server import API_KEY as GEMINI_API_KEY
from tests.services.gemini_server import GeminiServer
from tests.services.moto_s3 import MediaStack, media_on_s3
from tests.services.networks import NetworkFakes, network_settings, running_networks
from tests.services.pds import PdsServer, start_pds
from tests.stack import ApiServer, delete_queues, running_api
from workers.analytics import AnalyticsWorker
from workers.post import PostWorker
from workers.scheduler import Scheduler


def _require_tcp(url: str, default_port: int) -> None:
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or default_port
    try:
        socket.create_connection((host, port), timeout=3).close()
    except OSError as exc:  # a missing service is a failure, never a skip
        pytest.fail(f"{url} is not reachable ({exc}); start it as the README says (Tests)")


@pytest.fixture(scope="session", autouse=True)
def no_stray_database_servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The run fails if a `secantusd-py` (or its watchdog) it started outlives it: one still a child or
    grandchild of this process, or one whose command line names this run's temporary folders (an orphan).
    Set up first, so it is torn down last, after every fixture has stopped its servers."""
    yield
    base = str(tmp_path_factory.getbasetemp())
    deadline = time.monotonic() + 15  # a server stopped a moment ago may still be checkpointing
    while left := secantusd_servers(naming=base, among=descendants(os.getpid())):
        if time.monotonic() > deadline:
            for pid in left:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGTERM)
            listed = "\n".join(f"  {pid}: {command}" for pid, command in left.items())
            pytest.fail(f"this run left embedded database servers running (now stopped):\n{listed}")
        time.sleep(0.2)


@pytest.fixture(scope="session")
def run_prefix() -> str:
    """A namespace for this run's Redis keys and RabbitMQ queues."""
    return f"test-{uuid.uuid4().hex[:10]}"


@pytest.fixture(scope="session")
def redis_url() -> str:
    url = os.environ.get("HERALD_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
    _require_tcp(url, 6379)
    return url


@pytest.fixture(scope="session")
async def redis_client(redis_url: str, run_prefix: str) -> AsyncIterator[Redis]:
    """A client for tests; every key this run wrote (they all start with `run_prefix`) goes at the end."""
    client = Redis.from_url(redis_url)
    yield client
    keys = [key async for key in client.scan_iter(match=f"{run_prefix}*")]
    if keys:
        await client.delete(*keys)
    await client.aclose()


@pytest.fixture(scope="session")
def rabbitmq_url() -> str:
    url = os.environ.get("HERALD_TEST_RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672/")
    _require_tcp(url, 5672)
    return url


# --- the Herald stack on real services ---------------------------------------------------------------------


@pytest.fixture(scope="session")
def mongodb_url() -> Iterator[str]:
    """The embedded MongoDB-wire server, in memory, for the whole run."""
    with run_secantusd(":memory:") as url:
        yield url


@pytest.fixture(scope="session")
async def gemini_server() -> AsyncIterator[GeminiServer]:
    """A local server speaking Gemini's REST shape, for the whole run (the API's GEMINI_BASE_URL)."""
    async with GeminiServer().running() as server:
        yield server


@pytest.fixture
def gemini(gemini_server: GeminiServer) -> GeminiServer:
    """The fake Gemini with nothing scripted and nothing recorded yet."""
    gemini_server.reset_script()
    return gemini_server


@pytest.fixture(scope="session")
async def network_fakes() -> AsyncIterator[NetworkFakes]:
    """Local Threads, Meta Graph and Reddit servers for the whole run (the settings point at them)."""
    async with running_networks() as fakes:
        yield fakes


@pytest.fixture
async def networks(network_fakes: NetworkFakes, services: Services) -> AsyncIterator[NetworkFakes]:
    """The network fakes with no faults scripted and no requests recorded yet (accounts stay); targets a
    test left rescheduled are cancelled after it, so no later test sees them published."""
    for fake in (network_fakes.threads, network_fakes.meta, network_fakes.reddit):
        fake.reset_script()
    yield network_fakes
    await cancel_rescheduled()


@pytest.fixture(scope="session")
def settings(
    mongodb_url: str,
    redis_url: str,
    rabbitmq_url: str,
    run_prefix: str,
    tmp_path_factory: pytest.TempPathFactory,
    gemini_server: GeminiServer,
    network_fakes: NetworkFakes,
) -> Settings:
    """Settings for the suite: real services, this run's namespace, short delays."""
    api_port = free_port()  # known in advance: signed local media URLs name the API's address
    return Settings(
        _env_file=None,
        environment="test",
        port=api_port,
        public_base_url=f"http://127.0.0.1:{api_port}",
        media_signing_key="test-media-signing-key",
        media_max_image_bytes=8_000_000,
        media_max_video_bytes=10_000_000,
        data_dir=Path(tmp_path_factory.mktemp("var")),
        mongodb_url=mongodb_url,
        mongodb_database=run_prefix.replace("-", "_"),
        redis_url=redis_url,
        redis_prefix=run_prefix,
        rabbitmq_url=rabbitmq_url,
        rabbitmq_prefix=f"{run_prefix}.",
        fernet_keys=Fernet.generate_key().decode(),
        retry_delays_seconds=(0.5, 1.0),
        scheduler_tick_seconds=0.2,
        worker_lease_seconds=30,
        worker_lease_renew_seconds=5,
        worker_shutdown_grace_seconds=5,
        login_limit_per_email_address=5,
        login_limit_per_address=1_000,
        gemini_api_key=GEMINI_API_KEY,
        gemini_base_url=gemini_server.url,
        gemini_timeout_seconds=10,
        fetch_allow_private_addresses=True,  # the PDS and the pages are served on 127.0.0.1
        link_preview_timeout_seconds=3,
        **network_settings(network_fakes),
    )


@pytest.fixture(scope="session")
async def services(settings: Settings, redis_client: Redis) -> AsyncIterator[Services]:
    async with open_services(settings) as opened:
        yield opened
    assert settings.rabbitmq_url is not None
    await delete_queues(
        settings.rabbitmq_url.get_secret_value(), settings.rabbitmq_prefix, queue_specs(settings)
    )


@pytest.fixture
async def own_queue(settings: Settings) -> AsyncIterator[RabbitJobQueue]:
    """A job queue on its own connection, for a worker the test stops (stopping a worker stops the
    consumers of its queue, which must not be the session's)."""
    assert settings.rabbitmq_url is not None
    queue = RabbitJobQueue(
        settings.rabbitmq_url.get_secret_value(), queue_specs(settings), prefix=settings.rabbitmq_prefix
    )
    await queue.connect()
    yield queue
    await queue.close()


@pytest.fixture
async def analytics_worker(services: Services, own_queue: RabbitJobQueue) -> AsyncIterator[AnalyticsWorker]:
    """An analytics worker consuming its jobs on `own_queue` until the test ends."""
    worker = AnalyticsWorker(dataclasses.replace(services, queue=own_queue))
    running = asyncio.create_task(worker.run())
    yield worker
    await worker.stop()
    await running


@pytest.fixture(scope="session")
async def api(settings: Settings, services: Services) -> AsyncIterator[ApiServer]:
    """The API on its port, in this process, over the session's services (media on local disk)."""
    async with running_api(settings, services, port=settings.port) as server:
        yield server


@pytest.fixture(scope="session", params=["local", "s3"])
async def media_stack(
    request: pytest.FixtureRequest, settings: Settings, services: Services, api: ApiServer
) -> AsyncIterator[MediaStack]:
    """An API with media on local disk, then one with media in moto's S3: the same tests run on both."""
    if request.param == "local":
        yield MediaStack(backend="local", api=api, storage=services.storage)
        return
    async with media_on_s3(settings, services) as stack:
        yield stack


@pytest.fixture(scope="session")
async def pds(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[PdsServer]:
    """A real local Bluesky PDS (with its PLC directory) for the whole run."""
    async with start_pds(tmp_path_factory.mktemp("pds")) as server:
        yield server


@pytest.fixture(scope="session")
async def appview(tmp_path_factory: pytest.TempPathFactory, redis_url: str) -> AsyncIterator[AppViewNetwork]:
    """A Bluesky network with an AppView (PLC, PDS and AppView on PostgreSQL) for the analytics tests
    that count likes and reposts; only those start it."""
    async with start_appview(tmp_path_factory.mktemp("appview"), redis_url) as network:
        yield network


@pytest.fixture(scope="session")
async def publishing(services: Services) -> AsyncIterator[None]:
    """A post worker and a scheduler running beside the tests, as `herald dev` runs them."""
    worker, scheduler = PostWorker(services), Scheduler(services)
    tasks = [asyncio.create_task(worker.run()), asyncio.create_task(scheduler.run())]
    yield
    scheduler.stop()
    await worker.stop()
    await asyncio.gather(*tasks, return_exceptions=True)
