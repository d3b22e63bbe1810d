"""Durable job queues: the interface the post worker, the scheduler and the API share.

A job is a small JSON object that carries ids, never documents (`{"target_id": ..., "attempt": 2}`).
Each `QueueSpec` names one work queue and the fixed delays its retries wait through. Two backends
implement `JobQueue` and pass the same contract tests:

- `RabbitJobQueue` (`integrations.queue_rabbit`): RabbitMQ through aiormq, what production and the test
  suite use.
- `MemoryJobQueue` (`integrations.queue_memory`): one process, for `herald dev` with no `RABBITMQ_URL`.

Delivery is at least once: a message can arrive again after a crash, a dropped connection or a stop whose
grace ran out, so every handler must be idempotent (claim with an atomic update, then act).

Topology for a spec named `post.publish` (every name carries the backend's prefix):

- `post.publish`: the work queue; a rejected message dead-letters to `post.publish.dead`.
- `post.publish.delay.<ms>ms`: one queue per retry step with a queue-level TTL, dead-lettering back to the
  work queue. One queue per step because RabbitMQ expires per-message TTLs only at the head of a queue:
  a 30 s retry behind a 2 h retry in the same queue would wait 2 h.
- `post.publish.dead`: messages whose handler raised, and those sent there on purpose with a reason.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from integrations.queue_memory import MemoryJobQueue
    from integrations.queue_rabbit import RabbitJobQueue

__all__ = [
    "DeadLetter",
    "JobHandler",
    "JobQueue",
    "MemoryJobQueue",
    "QueueSpec",
    "QueueUnavailable",
    "RabbitJobQueue",
    "create_job_queue",
]


@dataclass(frozen=True, slots=True)
class QueueSpec:
    """One work queue and its retry ladder.

    `name` is dotted (`post.publish`); `retry_delays` are seconds, one delay queue per step. Delays are
    fixed per queue (a queue-level TTL), so jitter cannot be added per message: give the ladder uneven
    steps instead, or send a wait for an exact time back through the scheduler.
    """

    name: str
    retry_delays: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        if not self.name or any(not part for part in self.name.split(".")):
            raise ValueError(f"queue name must be dotted words, got {self.name!r}")
        if any(delay <= 0 for delay in self.retry_delays):
            raise ValueError(f"retry delays of {self.name} must be positive, got {self.retry_delays}")

    def delay_ms(self, delay_step: int) -> int:
        """The TTL in milliseconds of delay step `delay_step`, clamped to the last step."""
        if not self.retry_delays:
            raise ValueError(f"queue {self.name} has no retry delays")
        if delay_step < 0:
            raise ValueError(f"delay_step must be >= 0, got {delay_step}")
        step = min(delay_step, len(self.retry_delays) - 1)
        return max(1, round(self.retry_delays[step] * 1000))


@dataclass(frozen=True, slots=True)
class DeadLetter:
    """A message that ended in a dead-letter queue, and why (None when the broker only knows it was
    rejected; the handler's exception is in the log)."""

    body: Mapping[str, Any]
    reason: str | None


JobHandler = Callable[[Mapping[str, Any]], Awaitable[None]]
"""Handles one job's JSON body; returning acks the message, raising dead-letters it."""


class QueueUnavailable(Exception):  # the name is the interface workers code against
    """The broker could not take a message (down, unreachable, or it refused to confirm)."""


class JobQueue(Protocol):
    """What workers, the scheduler and the API need from a job queue."""

    async def connect(self) -> None:
        """Connect and declare the durable topology of every spec; calling it again is harmless."""
        ...

    async def close(self) -> None:
        """Stop any consumer at once (see `stop`) and release the connection."""
        ...

    async def publish(self, queue: str, body: Mapping[str, Any], *, delay_step: int | None = None) -> None:
        """Send `body` to the work queue now (`delay_step` None) or through delay step `delay_step`
        (clamped to the last step); return only once the broker confirmed it, else raise
        `QueueUnavailable`."""
        ...

    async def publish_dead(self, queue: str, body: Mapping[str, Any], reason: str) -> None:
        """Send `body` straight to the dead-letter queue of `queue`, recording `reason`."""
        ...

    async def consume(self, queue: str, handler: JobHandler, *, prefetch: int) -> None:
        """Run `handler` on each message until `stop()`, at most `prefetch` at a time.

        Ack when the handler returns; when it raises, log and reject without requeue (the message goes
        to the dead-letter queue once, never round a hot nack loop). Reconnects with capped backoff.
        """
        ...

    async def stop(self, grace_seconds: float) -> None:
        """Stop taking messages, give handlers in hand `grace_seconds` to finish and be acked, then
        cancel the rest, leaving their messages unacked for redelivery. `consume()` may be called
        again afterwards."""
        ...


def work_queue_name(prefix: str, spec: QueueSpec) -> str:
    """The broker name of the spec's work queue."""
    return f"{prefix}{spec.name}"


def dead_queue_name(prefix: str, spec: QueueSpec) -> str:
    """The broker name of the spec's dead-letter queue."""
    return f"{prefix}{spec.name}.dead"


def delay_queue_name(prefix: str, spec: QueueSpec, delay_ms: int) -> str:
    """The broker name of the spec's delay queue whose TTL is `delay_ms`."""
    return f"{prefix}{spec.name}.delay.{delay_ms}ms"


def encode_body(body: Mapping[str, Any]) -> bytes:
    """JSON-encode a job body; a body that is not plain JSON fails here, in the publisher."""
    return json.dumps(dict(body), separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()


def decode_body(raw: bytes | str) -> dict[str, Any]:
    """Decode a job body; anything but a JSON object raises ValueError."""
    body = json.loads(raw)
    if not isinstance(body, dict):
        raise ValueError(f"a job body must be a JSON object, got {type(body).__name__}")
    return body


def specs_by_name(specs: Sequence[QueueSpec]) -> dict[str, QueueSpec]:
    """Index specs by name, refusing duplicates (two ladders for one queue is a wiring mistake)."""
    index: dict[str, QueueSpec] = {}
    for spec in specs:
        if spec.name in index:
            raise ValueError(f"queue {spec.name} is specified twice")
        index[spec.name] = spec
    return index


def lookup_spec(index: Mapping[str, QueueSpec], queue: str) -> QueueSpec:
    """The spec of `queue`, or ValueError naming the queues that exist."""
    try:
        return index[queue]
    except KeyError:
        raise ValueError(f"unknown queue {queue!r}; known: {sorted(index)}") from None


class HandlerCancelledError(Exception):
    """A handler raised CancelledError although nobody cancelled its task: a failure, not a stop."""


async def run_handler(handler: JobHandler, body: Mapping[str, Any]) -> None:
    """Run `handler`, telling a real cancellation (stop, shutdown) from a stray CancelledError.

    A real one propagates and leaves the message unacked for redelivery; a stray one (a handler that
    leaked a cancelled future's error) becomes `HandlerCancelledError`, so it is dead-lettered like any other
    failure instead of leaving the message unacked for as long as the channel lives.
    """
    try:
        await handler(body)
    except asyncio.CancelledError:
        task = asyncio.current_task()
        if task is not None and task.cancelling():
            raise
        raise HandlerCancelledError("the handler raised CancelledError without being cancelled") from None


def failure_reason(exc: BaseException) -> str:
    """A short reason for a dead letter: the exception's type and message."""
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


async def wait_then_cancel(tasks: set[asyncio.Task[None]], deadline: float) -> set[asyncio.Task[None]]:
    """Wait for `tasks` until the loop time `deadline`, then cancel and reap the ones still running.

    Returns the tasks that had to be cancelled (both backends leave their messages unacked).
    """
    if not tasks:
        return set()
    timeout = max(0.0, deadline - asyncio.get_running_loop().time())
    _, pending = await asyncio.wait(set(tasks), timeout=timeout)
    for task in pending:
        task.cancel()
    # Reap them so their cancellation (and any cleanup they run) finishes before the caller goes on.
    await asyncio.gather(*pending, return_exceptions=True)
    return pending


def create_job_queue(url: str | None, specs: Sequence[QueueSpec], *, prefix: str = "") -> JobQueue:
    """RabbitMQ when `url` is set, else the in-process queue (`herald dev` on a fresh machine)."""
    if url:
        from integrations.queue_rabbit import RabbitJobQueue

        return RabbitJobQueue(url, specs, prefix=prefix)
    from integrations.queue_memory import MemoryJobQueue

    return MemoryJobQueue(specs)


def __getattr__(name: str) -> Any:
    # The backends import this module for the interface, so they are re-exported lazily: importing
    # either backend module first must not find this one half-initialised.
    if name == "RabbitJobQueue":
        from integrations.queue_rabbit import RabbitJobQueue

        return RabbitJobQueue
    if name == "MemoryJobQueue":
        from integrations.queue_memory import MemoryJobQueue

        return MemoryJobQueue
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
