"""The RabbitMQ job queue: `JobQueue` on aiormq.

Connections: one for publishing (a channel with publisher confirms, also used to declare the topology)
and one per `consume()` call, so a consumer's reconnect never disturbs publishers, and flow control
that RabbitMQ applies to a publishing connection never stalls the acks of a consumer.

Handlers run in tasks of our own rather than in aiormq's per-delivery tasks: aiormq cancels those when
the channel closes, and a handler that was half way through publishing a post should finish and record
the outcome (its ack is then lost and the broker redelivers; the worker's atomic claim makes the second
delivery a no-op).
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Mapping, Sequence
from contextlib import suppress
from typing import Any

import aiormq
import structlog
from aiormq.abc import AbstractChannel, AbstractConnection, DeliveredMessage
from pamqp import commands as spec
from pamqp.common import FieldTable

from integrations.queue import (
    JobHandler,
    QueueSpec,
    QueueUnavailable,
    dead_queue_name,
    decode_body,
    delay_queue_name,
    encode_body,
    lookup_spec,
    run_handler,
    specs_by_name,
    wait_then_cancel,
    work_queue_name,
)

log = structlog.get_logger(__name__)

# What a broken or refusing broker raises through aiormq: its own errors, socket errors and timeouts
# (OSError), and RuntimeError for operations on a closed connection or channel.
_BROKER_ERRORS: tuple[type[BaseException], ...] = (aiormq.AMQPError, OSError, RuntimeError)

CONNECT_TIMEOUT = 10.0  # seconds to open a connection, a channel and declare the topology
PUBLISH_TIMEOUT = 10.0  # seconds for the broker to confirm one message
SETTLE_TIMEOUT = 10.0  # seconds to write an ack or reject
BACKOFF_FIRST = 0.2  # first reconnect wait of a consumer, doubled per failure...
BACKOFF_CAP = 15.0  # ...up to this


def _closed_by_us() -> aiormq.ConnectionClosed:
    # Futures still waiting on a connection we close get this error; aiormq's default would be
    # CancelledError, which a waiting publisher could not tell from its own cancellation.
    return aiormq.ConnectionClosed(320, "closed by Herald")


def _is_stray_cancel() -> bool:
    """True when a CancelledError did not come from cancelling the current task (aiormq rejects the
    futures of a closing connection with it)."""
    task = asyncio.current_task()
    return task is not None and not task.cancelling()


async def declare_topology(channel: AbstractChannel, prefix: str, queue_spec: QueueSpec) -> None:
    """Declare the work, delay and dead-letter queues of one spec (durable; idempotent)."""
    work, dead = work_queue_name(prefix, queue_spec), dead_queue_name(prefix, queue_spec)
    await channel.queue_declare(dead, durable=True)
    await channel.queue_declare(
        work, durable=True, arguments={"x-dead-letter-exchange": "", "x-dead-letter-routing-key": dead}
    )
    delays_ms = sorted({queue_spec.delay_ms(step) for step in range(len(queue_spec.retry_delays))})
    for delay_ms in delays_ms:
        # The TTL belongs to the queue, so every message in it expires in arrival order.
        await channel.queue_declare(
            delay_queue_name(prefix, queue_spec, delay_ms),
            durable=True,
            arguments={
                "x-message-ttl": delay_ms,
                "x-dead-letter-exchange": "",
                "x-dead-letter-routing-key": work,
            },
        )


async def _close_quietly(connection: AbstractConnection | None) -> None:
    if connection is None or connection.is_closed:
        return
    with suppress(*_BROKER_ERRORS):
        async with asyncio.timeout(CONNECT_TIMEOUT):
            await connection.close(_closed_by_us())


class RabbitJobQueue:
    """`JobQueue` on RabbitMQ; queue names are `prefix + spec.name` (tests pass a per-run prefix)."""

    def __init__(
        self,
        url: str,
        specs: Sequence[QueueSpec],
        *,
        prefix: str = "",
        publish_timeout: float = PUBLISH_TIMEOUT,
    ) -> None:
        self._url = url
        self._specs = specs_by_name(specs)
        self._prefix = prefix
        self._publish_timeout = publish_timeout
        self._connection: AbstractConnection | None = None
        self._channel: AbstractChannel | None = None
        self._lock = asyncio.Lock()
        self._consumers: set[_RabbitConsumer] = set()
        self._closed = False

    async def connect(self) -> None:
        """Open the publishing connection if needed and declare every spec's topology again."""
        self._closed = False
        channel = self._channel
        if channel is None or channel.is_closed:
            await self._publishing_channel(stale=None)  # a new connection declares the topology
            return
        try:
            # A second connect() declares again: harmless on matching queues, and it repairs a deleted one.
            for queue_spec in self._specs.values():
                await declare_topology(channel, self._prefix, queue_spec)
        except _BROKER_ERRORS as exc:
            raise QueueUnavailable(f"declaring the RabbitMQ topology failed: {exc!r}") from exc

    async def close(self) -> None:
        """Stop consumers without grace and close the publishing connection."""
        self._closed = True
        await self.stop(0)
        async with self._lock:
            connection, self._connection, self._channel = self._connection, None, None
        await _close_quietly(connection)

    async def publish(self, queue: str, body: Mapping[str, Any], *, delay_step: int | None = None) -> None:
        """Publish persistently to the work queue, or to delay step `delay_step` (clamped); returns after
        the broker's confirm, raises `QueueUnavailable` when none came even after one reconnect."""
        queue_spec = lookup_spec(self._specs, queue)
        if delay_step is None:
            routing_key = work_queue_name(self._prefix, queue_spec)
        else:
            routing_key = delay_queue_name(self._prefix, queue_spec, queue_spec.delay_ms(delay_step))
        await self._send(routing_key, encode_body(body), headers=None)

    async def publish_dead(self, queue: str, body: Mapping[str, Any], reason: str) -> None:
        """Publish to the dead-letter queue with the reason in the `x-herald-reason` header."""
        queue_spec = lookup_spec(self._specs, queue)
        routing_key = dead_queue_name(self._prefix, queue_spec)
        await self._send(routing_key, encode_body(body), headers={"x-herald-reason": reason})

    async def consume(self, queue: str, handler: JobHandler, *, prefetch: int) -> None:
        """Consume `queue` on a connection of its own until `stop()`; see `JobQueue.consume`."""
        queue_spec = lookup_spec(self._specs, queue)
        if prefetch < 1:
            raise ValueError(f"prefetch must be >= 1, got {prefetch}")
        if self._closed:
            raise QueueUnavailable("the job queue is closed")
        consumer = _RabbitConsumer(self._url, self._prefix, queue_spec, handler, prefetch)
        self._consumers.add(consumer)
        try:
            await consumer.run()
        finally:
            self._consumers.discard(consumer)

    async def stop(self, grace_seconds: float) -> None:
        """Cancel every consumer, give handlers in hand `grace_seconds` to finish and be acked, then cancel
        them and close the consumers' connections so the broker redelivers what was not acked."""
        consumers = list(self._consumers)
        deadline = asyncio.get_running_loop().time() + max(0.0, grace_seconds)
        for consumer in consumers:
            consumer.request_stop(deadline)
        await asyncio.gather(*(consumer.done.wait() for consumer in consumers))

    async def _send(self, routing_key: str, payload: bytes, *, headers: FieldTable | None) -> None:
        properties = spec.Basic.Properties(content_type="application/json", delivery_mode=2, headers=headers)
        stale: AbstractChannel | None = None
        error: BaseException | None = None
        for attempt in (1, 2):
            channel = await self._publishing_channel(stale=stale)
            try:
                # mandatory: a message with no queue to land in comes back as an error instead of being
                # confirmed and silently dropped.
                await channel.basic_publish(
                    payload,
                    routing_key=routing_key,
                    properties=properties,
                    mandatory=True,
                    timeout=self._publish_timeout,
                )
                return
            except asyncio.CancelledError as exc:
                if not _is_stray_cancel():
                    raise
                error = exc
            except _BROKER_ERRORS as exc:
                error = exc
            log.warning("queue.publish.failed", routing_key=routing_key, attempt=attempt, error=repr(error))
            stale = channel
        raise QueueUnavailable(f"RabbitMQ did not confirm a message to {routing_key}: {error!r}") from error

    async def _publishing_channel(self, *, stale: AbstractChannel | None) -> AbstractChannel:
        """The open publishing channel, reconnecting (and declaring) when it is closed or is `stale`."""
        if self._closed:
            raise QueueUnavailable("the job queue is closed")
        async with self._lock:
            channel = self._channel
            if channel is not None and channel is not stale and not channel.is_closed:
                return channel
            old, self._connection, self._channel = self._connection, None, None
            await _close_quietly(old)
            connection: AbstractConnection | None = None
            try:
                async with asyncio.timeout(CONNECT_TIMEOUT):
                    connection = await aiormq.connect(
                        self._url, client_properties={"connection_name": f"herald publish {self._prefix}"}
                    )
                    channel = await connection.channel(publisher_confirms=True)
                    for queue_spec in self._specs.values():
                        await declare_topology(channel, self._prefix, queue_spec)
            except _BROKER_ERRORS as exc:
                await _close_quietly(connection)
                log.warning("queue.connect.failed", error=repr(exc))
                raise QueueUnavailable(f"RabbitMQ is unavailable: {exc!r}") from exc
            self._connection, self._channel = connection, channel
            return channel


class _ConsumerLostError(Exception):
    """The consumer's channel closed or the broker cancelled the consumer."""


class _RabbitConsumer:
    """One `consume()` call: its own connection, reconnecting with capped backoff until stopped."""

    def __init__(
        self, url: str, prefix: str, queue_spec: QueueSpec, handler: JobHandler, prefetch: int
    ) -> None:
        self._url = url
        self._prefix = prefix
        self._spec = queue_spec
        self._queue = work_queue_name(prefix, queue_spec)
        self._handler = handler
        self._prefetch = prefetch
        self.connection: AbstractConnection | None = None
        self._channel: AbstractChannel | None = None
        self._consumer_tag: str | None = None
        self._consuming = False
        self._in_hand: set[asyncio.Task[None]] = set()
        self._stop_requested = asyncio.Event()
        self._deadline = 0.0
        self.done = asyncio.Event()

    def request_stop(self, deadline: float) -> None:
        self._deadline = deadline
        self._stop_requested.set()

    async def run(self) -> None:
        backoff = BACKOFF_FIRST
        try:
            while not self._stop_requested.is_set():
                error = await self._session_until_lost_or_stopped()
                if error is None:  # stop requested
                    break
                if self._consuming:  # it had been consuming: a new failure, so start the backoff over
                    backoff = BACKOFF_FIRST
                await self._close_connection()
                # Jitter keeps a fleet of workers from reconnecting in lockstep after a broker restart.
                wait = backoff * random.uniform(0.5, 1.0)
                log.warning("queue.consume.reconnecting", queue=self._queue, error=repr(error), retry_in=wait)
                with suppress(TimeoutError):
                    await asyncio.wait_for(self._stop_requested.wait(), timeout=wait)
                backoff = min(backoff * 2, BACKOFF_CAP)
        finally:
            await self._shutdown()
            self.done.set()

    async def _session_until_lost_or_stopped(self) -> BaseException | None:
        """Run one connection's session; its error, or None if a stop interrupted it."""
        session = asyncio.create_task(self._session())
        stopped = asyncio.create_task(self._stop_requested.wait())
        try:
            await asyncio.wait({session, stopped}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            # Cancelling the session on stop loses nothing: while connecting it abandons the attempt
            # (stop never waits on an unreachable broker), while consuming it was only watching the
            # channel. The stop itself (cancel, drain, close) runs in _shutdown on the connection left.
            for task in (session, stopped):
                task.cancel()
            await asyncio.gather(session, stopped, return_exceptions=True)
        if self._stop_requested.is_set():
            return None
        if session.cancelled():  # aiormq rejected a future of the closing connection with CancelledError
            return _ConsumerLostError("the connection closed while the consumer was starting")
        return session.exception() or _ConsumerLostError("the session ended")

    async def _session(self) -> None:
        """Connect, declare, consume; raise when the connection is lost (never returns normally)."""
        self._consuming = False
        cancelled_by_broker = asyncio.get_running_loop().create_future()

        def on_cancel(_: spec.Basic.Cancel) -> None:
            if not cancelled_by_broker.done():
                cancelled_by_broker.set_result(None)

        async with asyncio.timeout(CONNECT_TIMEOUT):
            self.connection = await aiormq.connect(
                self._url, client_properties={"connection_name": f"herald consume {self._queue}"}
            )
            channel = await self.connection.channel(publisher_confirms=False)
            self._channel = channel
            await declare_topology(channel, self._prefix, self._spec)
            await channel.basic_qos(prefetch_count=self._prefetch)
            channel.on_consumer_cancel_callbacks.add(on_cancel)
            ok = await channel.basic_consume(self._queue, self._on_message)
        self._consumer_tag = ok.consumer_tag
        self._consuming = True
        log.info("queue.consume.started", queue=self._queue, prefetch=self._prefetch, backend="rabbitmq")
        closing = channel.closing
        try:
            await asyncio.wait({closing, cancelled_by_broker}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            closing.cancel()  # an observer: cancelling it only stops watching
        if cancelled_by_broker.done():
            raise _ConsumerLostError("the broker cancelled the consumer (was the queue deleted?)")
        reason = None if closing.cancelled() else closing.exception()
        raise _ConsumerLostError(f"the channel closed: {reason!r}")

    async def _on_message(self, message: DeliveredMessage) -> None:
        if self._stop_requested.is_set():
            return  # left unacked: the broker redelivers it when this channel closes
        task = asyncio.create_task(self._handle(message))
        self._in_hand.add(task)
        task.add_done_callback(self._in_hand.discard)

    async def _handle(self, message: DeliveredMessage) -> None:
        tag, redelivered = message.delivery_tag, bool(message.redelivered)
        if tag is None:  # only Deliver frames reach a consumer callback, and they carry a tag
            return
        try:
            body = decode_body(message.body)
        except ValueError as exc:
            log.error("queue.message.malformed", queue=self._queue, error=repr(exc))
            await self._settle(message.channel, tag, ack=False)
            return
        try:
            await run_handler(self._handler, body)
        except Exception:  # a failed job is dead-lettered, never retried in a hot loop
            log.exception("queue.handler.failed", queue=self._queue, redelivered=redelivered)
            await self._settle(message.channel, tag, ack=False)
            return
        await self._settle(message.channel, tag, ack=True)

    async def _settle(self, channel: AbstractChannel, tag: int, *, ack: bool) -> None:
        try:
            async with asyncio.timeout(SETTLE_TIMEOUT):
                if ack:
                    await channel.basic_ack(tag)
                else:
                    # No requeue: the work queue dead-letters it to <name>.dead.
                    await channel.basic_reject(tag, requeue=False)
        except _BROKER_ERRORS as exc:
            # The channel is gone, so the broker already put the message back for redelivery.
            log.warning("queue.settle.lost", queue=self._queue, ack=ack, error=repr(exc))

    async def _shutdown(self) -> None:
        # Cancelled from outside (no stop() call): nothing in hand gets a grace period.
        deadline = self._deadline if self._stop_requested.is_set() else 0.0
        self._stop_requested.set()
        channel, tag = self._channel, self._consumer_tag
        if channel is not None and tag is not None and not channel.is_closed:
            with suppress(*_BROKER_ERRORS):
                await channel.basic_cancel(tag, timeout=SETTLE_TIMEOUT)
        cancelled = await wait_then_cancel(self._in_hand, deadline)
        if cancelled:
            log.warning("queue.stop.handlers_cancelled", queue=self._queue, count=len(cancelled))
        await self._close_connection()
        log.info("queue.consume.stopped", queue=self._queue)

    async def _close_connection(self) -> None:
        connection, self.connection = self.connection, None
        self._channel, self._consumer_tag, self._consuming = None, None, False
        await _close_quietly(connection)
