"""The JobQueue contract, run against real RabbitMQ and against the in-memory queue.

Every RabbitMQ queue a test declares carries the run prefix and is deleted when the test ends.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Mapping
from contextlib import suppress
from typing import Any

import aiormq
import pytest
from aiormq.abc import AbstractChannel

from integrations.queue import DeadLetter, JobHandler, JobQueue, QueueSpec, QueueUnavailable
from integrations.queue_memory import MemoryJobQueue
from integrations.queue_rabbit import RabbitJobQueue

BACKENDS = ["rabbitmq", "memory"]
DELIVERY_TIMEOUT = 5.0  # generous upper bound; the happy path takes milliseconds
QUIET_PERIOD = 0.3  # how long "nothing else arrives" is watched


class Harness:
    """Builds queues of one backend for a test, reads them back, and cleans up after it."""

    def __init__(self, kind: str, prefix: str, url: str | None, admin: AbstractChannel | None) -> None:
        self.kind = kind
        self.prefix = prefix
        self._url = url
        self._admin = admin
        self._queues: list[JobQueue] = []
        self._tasks: list[asyncio.Task[None]] = []
        self._declared: set[str] = set()
        self._dead_seen: dict[str, int] = {}

    def spec(self, name: str, retry_delays: tuple[float, ...] = ()) -> QueueSpec:
        spec = QueueSpec(f"{self.kind}.{name}", retry_delays)
        full = f"{self.prefix}{spec.name}"
        self._declared |= {full, f"{full}.dead"}
        self._declared |= {f"{full}.delay.{round(d * 1000)}ms" for d in retry_delays}
        return spec

    def make(self, *specs: QueueSpec) -> JobQueue:
        queue: JobQueue
        if self.kind == "rabbitmq":
            assert self._url is not None
            queue = RabbitJobQueue(self._url, specs, prefix=self.prefix)
        else:
            queue = MemoryJobQueue(specs)
        self._queues.append(queue)
        return queue

    def start_consumer(
        self, queue: JobQueue, name: str, handler: JobHandler, prefetch: int = 10
    ) -> asyncio.Task[None]:
        task = asyncio.create_task(queue.consume(name, handler, prefetch=prefetch))
        self._tasks.append(task)
        return task

    def name(self, spec: QueueSpec) -> str:
        return f"{self.prefix}{spec.name}"

    async def ready_count(self, queue: JobQueue, spec: QueueSpec) -> int:
        """Messages waiting in the work queue (unacked ones count once their channel closed)."""
        if isinstance(queue, MemoryJobQueue):
            return queue.ready_count(spec.name)
        assert self._admin is not None
        ok = await self._admin.queue_declare(self.name(spec), passive=True)
        return int(ok.message_count or 0)

    async def take_dead(self, queue: JobQueue, spec: QueueSpec) -> list[DeadLetter]:
        """Dead letters that arrived since the last call."""
        if isinstance(queue, MemoryJobQueue):
            letters = queue.dead_letters(spec.name)
            seen = self._dead_seen.get(spec.name, 0)
            self._dead_seen[spec.name] = len(letters)
            return letters[seen:]
        assert self._admin is not None
        taken: list[DeadLetter] = []
        while True:
            message = await self._admin.basic_get(f"{self.name(spec)}.dead", no_ack=True)
            if not isinstance(message.delivery, aiormq.spec.Basic.GetOk):
                return taken
            headers = message.header.properties.headers or {}
            reason = headers.get("x-herald-reason")
            taken.append(DeadLetter(json.loads(message.body), None if reason is None else str(reason)))

    async def wait_dead(self, queue: JobQueue, spec: QueueSpec) -> list[DeadLetter]:
        """Poll until at least one dead letter arrived."""
        deadline = asyncio.get_running_loop().time() + DELIVERY_TIMEOUT
        while asyncio.get_running_loop().time() < deadline:
            if letters := await self.take_dead(queue, spec):
                return letters
            await asyncio.sleep(0.02)
        raise AssertionError("no dead letter arrived")

    async def aclose(self) -> None:
        for queue in self._queues:
            with suppress(Exception):  # still delete the queues below
                await queue.close()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._admin is not None:
            for name in sorted(self._declared):
                await self._admin.queue_delete(name)


@pytest.fixture(params=BACKENDS)
async def harness(request: pytest.FixtureRequest, run_prefix: str) -> AsyncIterator[Harness]:
    if request.param == "memory":
        memory = Harness("memory", f"{run_prefix}.q.", None, None)
        yield memory
        await memory.aclose()
        return
    url: str = request.getfixturevalue("rabbitmq_url")
    connection = await aiormq.connect(url)
    try:
        rabbit = Harness("rabbitmq", f"{run_prefix}.q.", url, await connection.channel())
        yield rabbit
        await rabbit.aclose()
    finally:
        await connection.close()


@pytest.fixture
async def rabbit(rabbitmq_url: str, run_prefix: str) -> AsyncIterator[Harness]:
    connection = await aiormq.connect(rabbitmq_url)
    try:
        harness = Harness("rabbitmq", f"{run_prefix}.q.", rabbitmq_url, await connection.channel())
        yield harness
        await harness.aclose()
    finally:
        await connection.close()


def collector() -> tuple[asyncio.Queue[Mapping[str, Any]], JobHandler]:
    received: asyncio.Queue[Mapping[str, Any]] = asyncio.Queue()

    async def handler(body: Mapping[str, Any]) -> None:
        await received.put(body)

    return received, handler


async def next_body(received: asyncio.Queue[Mapping[str, Any]]) -> Mapping[str, Any]:
    return await asyncio.wait_for(received.get(), DELIVERY_TIMEOUT)


async def assert_quiet(received: asyncio.Queue[Mapping[str, Any]]) -> None:
    await asyncio.sleep(QUIET_PERIOD)
    assert received.empty(), f"unexpected delivery: {received.get_nowait()}"


# --- the contract, on both backends -----------------------------------------------------------------


async def test_published_job_is_handled_then_acked(harness: Harness) -> None:
    # given a consumer
    spec = harness.spec("ack")
    queue = harness.make(spec)
    await queue.connect()
    received, handler = collector()
    consumer = harness.start_consumer(queue, spec.name, handler)

    # when a job is published
    await queue.publish(spec.name, {"target_id": "t1", "attempt": 1})

    # then the handler gets its JSON body, and once acked nothing is left for the next consumer
    assert await next_body(received) == {"target_id": "t1", "attempt": 1}
    await queue.stop(grace_seconds=5)
    await asyncio.wait_for(consumer, DELIVERY_TIMEOUT)
    assert await harness.ready_count(queue, spec) == 0
    harness.start_consumer(queue, spec.name, handler)
    await assert_quiet(received)


async def test_delayed_job_arrives_after_its_delay_and_not_before(harness: Harness) -> None:
    # given a ladder of two short steps and a consumer
    spec = harness.spec("delay", retry_delays=(0.3, 0.6))
    queue = harness.make(spec)
    await queue.connect()
    loop = asyncio.get_running_loop()
    arrivals: dict[str, float] = {}
    all_in = asyncio.Event()

    async def handler(body: Mapping[str, Any]) -> None:
        arrivals[body["id"]] = loop.time()
        if len(arrivals) == 3:
            all_in.set()

    harness.start_consumer(queue, spec.name, handler)

    # when jobs go through step 0, through a step past the last one (clamped), and straight in
    start = loop.time()
    await queue.publish(spec.name, {"id": "step0"}, delay_step=0)
    await queue.publish(spec.name, {"id": "clamped"}, delay_step=9)
    await queue.publish(spec.name, {"id": "now"})
    await asyncio.wait_for(all_in.wait(), DELIVERY_TIMEOUT)

    # then each arrives after its own delay, not before, and the short one is not held up by the long one
    elapsed = {key: at - start for key, at in arrivals.items()}
    assert elapsed["now"] < 0.25
    assert 0.28 <= elapsed["step0"] < 0.55
    assert 0.58 <= elapsed["clamped"] < 1.5


async def test_failing_handler_dead_letters_the_message_exactly_once(harness: Harness) -> None:
    # given a handler that always raises
    spec = harness.spec("fail", retry_delays=(0.3,))
    queue = harness.make(spec)
    await queue.connect()
    calls: list[Mapping[str, Any]] = []

    async def handler(body: Mapping[str, Any]) -> None:
        calls.append(body)
        raise RuntimeError("platform exploded")

    harness.start_consumer(queue, spec.name, handler)

    # when a job is handled
    await queue.publish(spec.name, {"target_id": "t-fail"})

    # then it lands in the dead-letter queue once, and is not redelivered
    letters = await harness.wait_dead(queue, spec)
    assert [letter.body for letter in letters] == [{"target_id": "t-fail"}]
    await asyncio.sleep(QUIET_PERIOD)
    assert await harness.take_dead(queue, spec) == []
    assert calls == [{"target_id": "t-fail"}]
    assert await harness.ready_count(queue, spec) == 0


async def test_publish_dead_records_the_reason(harness: Harness) -> None:
    spec = harness.spec("dead")
    queue = harness.make(spec)
    await queue.connect()

    await queue.publish_dead(spec.name, {"target_id": "t9"}, reason="INVALID_CONTENT: too long")

    assert await harness.wait_dead(queue, spec) == [
        DeadLetter(body={"target_id": "t9"}, reason="INVALID_CONTENT: too long")
    ]


async def test_prefetch_bounds_concurrent_handlers(harness: Harness) -> None:
    # given six jobs waiting
    spec = harness.spec("prefetch")
    queue = harness.make(spec)
    await queue.connect()
    for n in range(6):
        await queue.publish(spec.name, {"n": n})
    active, peak, done = 0, 0, asyncio.Queue[int]()

    async def handler(body: Mapping[str, Any]) -> None:
        nonlocal active, peak
        active += 1
        peak = max(peak, active)
        await asyncio.sleep(0.05)
        active -= 1
        await done.put(body["n"])

    # when a consumer with prefetch 2 takes them
    harness.start_consumer(queue, spec.name, handler, prefetch=2)
    handled = [await asyncio.wait_for(done.get(), DELIVERY_TIMEOUT) for _ in range(6)]

    # then all are handled, never more than two at a time
    assert sorted(handled) == list(range(6))
    assert peak == 2


async def test_stop_waits_for_the_handler_in_hand_and_acks_it(harness: Harness) -> None:
    # given a handler that is half way through a slow job
    spec = harness.spec("graceful")
    queue = harness.make(spec)
    await queue.connect()
    started, finished = asyncio.Event(), list[Mapping[str, Any]]()

    async def handler(body: Mapping[str, Any]) -> None:
        started.set()
        await asyncio.sleep(0.3)
        finished.append(body)

    consumer = harness.start_consumer(queue, spec.name, handler)
    await queue.publish(spec.name, {"target_id": "slow"})
    await asyncio.wait_for(started.wait(), DELIVERY_TIMEOUT)

    # when the worker stops with enough grace
    await asyncio.wait_for(queue.stop(grace_seconds=5), DELIVERY_TIMEOUT)

    # then the job finished and was acked before stop returned, and consume() returned
    assert finished == [{"target_id": "slow"}]
    assert consumer.done()
    assert await harness.ready_count(queue, spec) == 0


async def test_handler_still_running_when_grace_ends_is_redelivered(harness: Harness) -> None:
    # given a handler that never finishes
    spec = harness.spec("redeliver")
    queue = harness.make(spec)
    await queue.connect()
    started, cancelled = asyncio.Event(), asyncio.Event()

    async def stuck(body: Mapping[str, Any]) -> None:
        started.set()
        try:
            await asyncio.Event().wait()
        finally:
            cancelled.set()

    harness.start_consumer(queue, spec.name, stuck)
    await queue.publish(spec.name, {"target_id": "stuck"})
    await asyncio.wait_for(started.wait(), DELIVERY_TIMEOUT)

    # when stop's grace runs out
    await asyncio.wait_for(queue.stop(grace_seconds=0.1), DELIVERY_TIMEOUT)

    # then the handler was cancelled and the next consumer gets the message again
    assert cancelled.is_set()
    received, handler = collector()
    harness.start_consumer(queue, spec.name, handler)
    assert await next_body(received) == {"target_id": "stuck"}
    await assert_quiet(received)


async def test_wiring_mistakes_raise_value_error(harness: Harness) -> None:
    plain, laddered = harness.spec("plain"), harness.spec("laddered", retry_delays=(0.3,))
    queue = harness.make(plain, laddered)

    with pytest.raises(ValueError, match="unknown queue"):
        await queue.publish("nope.nothing", {})
    with pytest.raises(ValueError, match="no retry delays"):
        await queue.publish(plain.name, {}, delay_step=0)
    with pytest.raises(ValueError, match="delay_step"):
        await queue.publish(laddered.name, {}, delay_step=-1)


async def test_publish_after_close_raises_queue_unavailable(harness: Harness) -> None:
    spec = harness.spec("closed")
    queue = harness.make(spec)
    await queue.connect()
    await queue.close()

    with pytest.raises(QueueUnavailable):
        await queue.publish(spec.name, {"target_id": "late"})
    with pytest.raises(QueueUnavailable):
        await queue.consume(spec.name, collector()[1], prefetch=1)


# --- RabbitMQ only ------------------------------------------------------------------------------------


async def _rabbitmqctl(*args: str) -> str:
    process = await asyncio.create_subprocess_exec(
        "rabbitmqctl", "-q", *args, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    out, err = await process.communicate()
    assert process.returncode == 0, f"rabbitmqctl {' '.join(args)} failed: {err.decode()}"
    return out.decode()


async def close_connections_broker_side(name_part: str) -> int:
    """Have the broker close every connection whose client-given name contains `name_part`."""
    # The table format prints pids as <node.id...>, the form close_connection accepts (JSON's does not).
    listing = await _rabbitmqctl("list_connections", "--no-table-headers", "pid", "client_properties")
    pids = [line.split("\t", 1)[0] for line in listing.splitlines() if name_part in line]
    for pid in pids:
        await _rabbitmqctl("close_connection", pid, "test: broker-side close")
    return len(pids)


async def test_consumer_and_publisher_survive_the_broker_closing_their_connections(rabbit: Harness) -> None:
    # given a consumer that has handled a job
    spec = rabbit.spec("reconnect")
    queue = rabbit.make(spec)
    await queue.connect()
    received, handler = collector()
    rabbit.start_consumer(queue, spec.name, handler)
    await queue.publish(spec.name, {"n": 1})
    assert await next_body(received) == {"n": 1}

    # when the broker closes both the publishing and the consuming connection
    closed = await close_connections_broker_side(rabbit.prefix)
    assert closed == 2

    # then publishing reconnects, and the consumer reconnects and keeps consuming
    await queue.publish(spec.name, {"n": 2})
    assert await next_body(received) == {"n": 2}


async def test_a_deleted_work_queue_is_declared_again(rabbit: Harness) -> None:
    # given a consumer that has handled a job
    spec = rabbit.spec("deleted")
    queue = rabbit.make(spec)
    await queue.connect()
    received, handler = collector()
    rabbit.start_consumer(queue, spec.name, handler)
    await queue.publish(spec.name, {"n": 1})
    assert await next_body(received) == {"n": 1}

    # when someone deletes the work queue (the broker cancels the consumer, publishes come back unroutable)
    assert rabbit._admin is not None
    await rabbit._admin.queue_delete(rabbit.name(spec))

    # then the publisher's retry and the consumer's reconnect declare it again, and the job gets through
    await queue.publish(spec.name, {"n": 2})
    assert await next_body(received) == {"n": 2}


async def test_topology_survives_being_declared_again(rabbit: Harness) -> None:
    # given the topology and a waiting message
    spec = rabbit.spec("redeclare", retry_delays=(0.3, 120.0))
    first = rabbit.make(spec)
    await first.connect()
    await first.publish(spec.name, {"target_id": "kept"})

    # when the same process and another one declare it again
    await first.connect()
    second = rabbit.make(spec)
    await second.connect()

    # then every queue exists, the message is still there, and it can be consumed
    name = rabbit.name(spec)
    assert rabbit._admin is not None
    for queue_name in (f"{name}.dead", f"{name}.delay.300ms", f"{name}.delay.120000ms"):
        await rabbit._admin.queue_declare(queue_name, passive=True)
    assert await rabbit.ready_count(second, spec) == 1
    received, handler = collector()
    rabbit.start_consumer(second, spec.name, handler)
    assert await next_body(received) == {"target_id": "kept"}


async def test_messages_are_persistent_json(rabbit: Harness) -> None:
    spec = rabbit.spec("wire")
    queue = rabbit.make(spec)
    await queue.publish(spec.name, {"target_id": "t1"})  # publishing before connect() connects

    assert rabbit._admin is not None
    message = await rabbit._admin.basic_get(rabbit.name(spec), no_ack=True)
    assert message.header.properties.delivery_mode == 2
    assert message.header.properties.content_type == "application/json"
    assert json.loads(message.body) == {"target_id": "t1"}


async def test_unreachable_broker_raises_queue_unavailable(run_prefix: str) -> None:
    spec = QueueSpec("unreachable")
    queue = RabbitJobQueue("amqp://guest:guest@127.0.0.1:1/", [spec], prefix=f"{run_prefix}.")

    with pytest.raises(QueueUnavailable):
        await queue.connect()
    with pytest.raises(QueueUnavailable):
        await queue.publish(spec.name, {})

    # a consumer keeps retrying with backoff, and stop() still ends it at once
    consumer = asyncio.create_task(queue.consume(spec.name, collector()[1], prefetch=1))
    await asyncio.sleep(0.3)
    assert not consumer.done()
    await asyncio.wait_for(queue.stop(grace_seconds=5), 1)
    assert consumer.done()
    await queue.close()
