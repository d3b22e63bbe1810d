"""The in-process job queue: `JobQueue` for `herald dev` when no `RABBITMQ_URL` is set.

It keeps RabbitMQ's semantics where the workers can observe them (ack on return, dead-letter on raise,
prefetch, delays per step, stop with a grace period and redelivery of what was cut off) so the same
contract tests pass on both backends. Nothing survives the process: a job lost with it is re-enqueued by
the scheduler, which re-sends QUEUED targets nobody claimed in time.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import structlog

from integrations.queue import (
    DeadLetter,
    JobHandler,
    QueueSpec,
    QueueUnavailable,
    decode_body,
    encode_body,
    failure_reason,
    lookup_spec,
    run_handler,
    specs_by_name,
    wait_then_cancel,
)

log = structlog.get_logger(__name__)


@dataclass(slots=True)
class _Message:
    raw: bytes
    redelivered: bool = False


@dataclass(slots=True)
class _Queue:
    spec: QueueSpec
    ready: deque[_Message] = field(default_factory=deque)
    dead: list[DeadLetter] = field(default_factory=list)
    # Consumers park on these futures until something changes (a message, a free slot, a stop); a
    # future per wait can be woken from a plain timer callback, which an asyncio.Condition cannot.
    waiters: set[asyncio.Future[None]] = field(default_factory=set)

    def wake(self) -> None:
        for waiter in self.waiters:
            if not waiter.done():
                waiter.set_result(None)


class _MemoryConsumer:
    """One `consume()` call: takes messages while fewer than `prefetch` are in hand."""

    def __init__(self, queue: _Queue, handler: JobHandler, prefetch: int) -> None:
        self._queue = queue
        self._handler = handler
        self._prefetch = prefetch
        self._in_hand: dict[asyncio.Task[None], _Message] = {}
        self._stopping = False
        self._deadline = 0.0
        self.done = asyncio.Event()

    def request_stop(self, deadline: float) -> None:
        self._stopping, self._deadline = True, deadline
        self._queue.wake()

    async def run(self) -> None:
        try:
            while (message := await self._next()) is not None:
                task = asyncio.create_task(self._handle(message))
                self._in_hand[task] = message
                task.add_done_callback(self._settled)
        finally:
            # Cancelled from outside (no stop): nothing in hand gets a grace period.
            deadline = self._deadline if self._stopping else 0.0
            self._stopping = True
            await self._shutdown(deadline)
            self.done.set()

    async def _next(self) -> _Message | None:
        queue = self._queue
        while not self._stopping:
            if queue.ready and len(self._in_hand) < self._prefetch:
                return queue.ready.popleft()
            waiter = asyncio.get_running_loop().create_future()
            queue.waiters.add(waiter)
            try:
                await waiter
            finally:
                queue.waiters.discard(waiter)
        return None

    def _settled(self, task: asyncio.Task[None]) -> None:
        message = self._in_hand.pop(task, None)
        if task.cancelled() and message is not None:
            # Like an unacked message on a closed channel: back to the front, marked redelivered.
            message.redelivered = True
            self._queue.ready.appendleft(message)
        self._queue.wake()

    async def _handle(self, message: _Message) -> None:
        name = self._queue.spec.name
        body = decode_body(message.raw)
        try:
            await run_handler(self._handler, body)
        except Exception as exc:  # a failed job is dead-lettered, never retried in a hot loop
            log.exception("queue.handler.failed", queue=name, redelivered=message.redelivered)
            self._queue.dead.append(DeadLetter(body=decode_body(message.raw), reason=failure_reason(exc)))

    async def _shutdown(self, deadline: float) -> None:
        cancelled = await wait_then_cancel(set(self._in_hand), deadline)
        if cancelled:
            log.warning("queue.stop.handlers_cancelled", queue=self._queue.spec.name, count=len(cancelled))


class MemoryJobQueue:
    """`JobQueue` inside one process (asyncio): delays are loop timers, dead letters a list.

    `dead_letters(queue)` and `ready_count(queue)` let `herald dev` and tests look inside.
    """

    def __init__(self, specs: Sequence[QueueSpec]) -> None:
        self._queues = {name: _Queue(spec) for name, spec in specs_by_name(specs).items()}
        self._specs = {name: queue.spec for name, queue in self._queues.items()}
        self._timers: set[asyncio.TimerHandle] = set()
        self._consumers: set[_MemoryConsumer] = set()
        self._closed = False

    async def connect(self) -> None:
        """Open the queue again after `close()`; the topology exists from construction."""
        self._closed = False

    async def close(self) -> None:
        """Stop consumers at once and drop pending delayed messages (they live only in this process)."""
        await self.stop(0)
        for timer in self._timers:
            timer.cancel()
        self._timers.clear()
        self._closed = True

    async def publish(self, queue: str, body: Mapping[str, Any], *, delay_step: int | None = None) -> None:
        """Queue `body` now, or after delay step `delay_step` (clamped to the last step)."""
        target = self._queue(queue)
        message = _Message(encode_body(body))
        if delay_step is None:
            self._deliver(target, message)
            return
        delay = target.spec.delay_ms(delay_step) / 1000
        # The handle is only known after call_later returns; the callback finds it through this cell.
        handle: list[asyncio.TimerHandle] = []

        def fire() -> None:
            self._timers.difference_update(handle)
            self._deliver(target, message)

        handle.append(asyncio.get_running_loop().call_later(delay, fire))
        self._timers.update(handle)

    async def publish_dead(self, queue: str, body: Mapping[str, Any], reason: str) -> None:
        """Append `body` to the dead letters of `queue` with `reason`."""
        target = self._queue(queue)
        target.dead.append(DeadLetter(body=decode_body(encode_body(body)), reason=reason))

    async def consume(self, queue: str, handler: JobHandler, *, prefetch: int) -> None:
        """Hand messages of `queue` to `handler`, at most `prefetch` at a time, until `stop()`."""
        if prefetch < 1:
            raise ValueError(f"prefetch must be >= 1, got {prefetch}")
        consumer = _MemoryConsumer(self._queue(queue), handler, prefetch)
        self._consumers.add(consumer)
        log.info("queue.consume.started", queue=queue, prefetch=prefetch, backend="memory")
        try:
            await consumer.run()
        finally:
            self._consumers.discard(consumer)

    async def stop(self, grace_seconds: float) -> None:
        """Stop every running `consume()`; handlers get `grace_seconds`, then are cancelled and their
        messages go back to the front of their queue."""
        consumers = list(self._consumers)
        deadline = asyncio.get_running_loop().time() + max(0.0, grace_seconds)
        for consumer in consumers:
            consumer.request_stop(deadline)
        await asyncio.gather(*(consumer.done.wait() for consumer in consumers))

    def dead_letters(self, queue: str) -> list[DeadLetter]:
        """The dead letters of `queue`, oldest first (a copy)."""
        return list(self._queue(queue, require_open=False).dead)

    def ready_count(self, queue: str) -> int:
        """How many messages of `queue` wait for a consumer (not counting delayed or in-hand ones)."""
        return len(self._queue(queue, require_open=False).ready)

    def _queue(self, queue: str, *, require_open: bool = True) -> _Queue:
        if require_open and self._closed:
            raise QueueUnavailable("the in-memory job queue is closed")
        return self._queues[lookup_spec(self._specs, queue).name]

    def _deliver(self, target: _Queue, message: _Message) -> None:
        target.ready.append(message)
        target.wake()
