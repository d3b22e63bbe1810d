"""Workspace events: live fan-out to subscribers plus a capped per-workspace stream for replay.

Every event goes to a per-workspace stream (replay with `since`) and is announced live. A subscriber
attaches to live delivery first, then replays the stream after its cursor, then continues live; events
are ordered by id and anything at or below the cursor is dropped, so the seam neither skips nor doubles.
`subscribe(ws)` without `since` starts at the newest id when iteration starts.

Trimming: the stream keeps `max_len` events, plus up to `max_len // 100` more between trims (so small
caps are exact and large ones are trimmed in batches). Trimming records the newest removed id as the
stream's `max-deleted-entry-id` (plain `XADD MAXLEN` leaves it at 0-0), which is how a `since` older
than the stream is told apart from "nothing happened since": that answers `EventTooOld` ("reload").
"""

from __future__ import annotations

import asyncio
import enum
import json
import re
import time
from abc import ABC, abstractmethod
from bisect import bisect_right
from collections import deque
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import islice
from typing import Any, Protocol

import structlog
from redis.asyncio import Redis
from redis.asyncio.connection import AbstractConnection
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError

log = structlog.get_logger(__name__)

_Key = tuple[int, int]
_ID = re.compile(r"\A([0-9]{1,20})(?:-([0-9]{1,20}))?\Z")
_PAGE = 500  # stream entries per replay read: bounds both the reply size and a subscriber's backlog


@dataclass(frozen=True, slots=True)
class Event:
    """One thing that happened in a workspace; `id` is its stream entry id, e.g. "1733000000000-0"."""

    id: str
    type: str
    workspace_id: str
    issued_at: datetime
    payload: Mapping[str, Any]


class EventTooOld(Exception):
    """Events after `since` are no longer kept: the client must reload instead of replaying."""


class SubscriberTooSlow(EventTooOld):
    """The subscriber fell more than its buffer behind live delivery and was dropped."""


class InvalidEventId(ValueError):
    """`since` is not an event id."""


class EventBus(Protocol):
    """Publishes workspace events and streams them, live or from an earlier event id, to subscribers."""

    async def start(self) -> None: ...
    async def close(self) -> None: ...
    async def publish(self, workspace_id: str, type: str, payload: Mapping[str, Any]) -> Event: ...
    def subscribe(self, workspace_id: str, since: str | None = None) -> AsyncIterator[Event]: ...


def _key(event_id: str) -> _Key:
    match = _ID.match(event_id) if isinstance(event_id, str) else None
    if match is None or int(match[1]) >= 2**64 or int(match[2] or 0) >= 2**64:
        raise InvalidEventId(f"{event_id!r} is not an event id")
    return int(match[1]), int(match[2] or 0)


def _fmt(key: _Key) -> str:
    return f"{key[0]}-{key[1]}"


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _json_default(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable in an event payload")


def _dumps(value: object) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=_json_default)


def _check_replayable(workspace_id: str, after: _Key, max_deleted: _Key, newest: _Key) -> None:
    # Above `newest` the id is not from this stream's history (lost: Redis flushed, process restarted),
    # so nothing can vouch for what came after it either.
    if after < max_deleted or after > newest:
        raise EventTooOld(f"events after {_fmt(after)} in workspace {workspace_id} are no longer kept")


class _Signal(enum.Enum):
    GAP = "gap"  # live delivery may have missed events: re-read the stream from the cursor
    OVERFLOW = "overflow"
    CLOSED = "closed"


_Inbox = asyncio.Queue[Event | _Signal]


class _BusBase(ABC):
    """What both buses share: subscriptions and the in-memory fan-out to them (a bounded inbox each)."""

    def __init__(self, max_len: int, buffer_size: int) -> None:
        if max_len < 1 or buffer_size < 1:
            raise ValueError("max_len and buffer_size must be at least 1")
        self._max_len = max_len
        self._buffer_size = buffer_size
        self._inboxes: dict[str, set[_Inbox]] = {}
        self._closed = False

    def subscribe(self, workspace_id: str, since: str | None = None) -> Subscription:
        """Events of `workspace_id` after `since` (or from now on), in order; see `Subscription`.

        Raises `InvalidEventId` at once for a malformed `since`; `EventTooOld` when iteration starts.
        """
        if since is not None:
            _key(since)
        return Subscription(self, workspace_id, since)

    def subscriber_count(self, workspace_id: str | None = None) -> int:
        """How many subscribers are attached in this process (to one workspace, or in total)."""
        if workspace_id is not None:
            return len(self._inboxes.get(workspace_id, ()))
        return sum(len(inboxes) for inboxes in self._inboxes.values())

    def _attach(self, workspace_id: str) -> _Inbox:
        inbox: _Inbox = asyncio.Queue()
        self._inboxes.setdefault(workspace_id, set()).add(inbox)
        return inbox

    def _detach(self, workspace_id: str, inbox: _Inbox) -> None:
        inboxes = self._inboxes.get(workspace_id, set())
        inboxes.discard(inbox)
        if not inboxes:
            self._inboxes.pop(workspace_id, None)

    def _deliver(self, workspace_id: str, event: Event) -> None:
        for inbox in list(self._inboxes.get(workspace_id, ())):
            if inbox.qsize() < self._buffer_size:
                inbox.put_nowait(event)
                continue
            # Memory stays bounded: the backlog is discarded and the subscriber told why it stops.
            while not inbox.empty():
                inbox.get_nowait()
            inbox.put_nowait(_Signal.OVERFLOW)
            self._detach(workspace_id, inbox)
            log.warning("events.subscriber.dropped", workspace_id=workspace_id, buffer=self._buffer_size)

    def _broadcast(self, signal: _Signal) -> None:
        for inboxes in self._inboxes.values():
            for inbox in inboxes:
                inbox.put_nowait(signal)

    @abstractmethod
    async def _newest(self, workspace_id: str) -> _Key:
        """The newest event id of the workspace, or 0-0."""

    @abstractmethod
    async def _go_live(self) -> None:
        """Return once events published from now on reach `_deliver` (or the bus is closed)."""

    @abstractmethod
    async def _read_after(self, workspace_id: str, after: _Key, count: int) -> list[Event]:
        """Up to `count` stored events after `after`; raises `EventTooOld` if some were trimmed."""


class Subscription(AsyncIterator[Event]):
    """An async iterator of one workspace's events; detaches when closed, cancelled or collected."""

    def __init__(self, bus: _BusBase, workspace_id: str, since: str | None) -> None:
        self._bus = bus
        self._workspace_id = workspace_id
        self._since = since
        self._inbox: _Inbox | None = None
        self._cursor: _Key = (0, 0)
        self._backlog: deque[Event] = deque()
        self._replaying = True
        self._done = False

    async def ready(self) -> None:
        """Attach to live delivery now (the first `__anext__` does it otherwise).

        Once this returns, every event published afterwards will be yielded.
        """
        if self._inbox is not None or self._done:
            return
        bus = self._bus
        since = self._since
        self._cursor = _key(since) if since is not None else await bus._newest(self._workspace_id)
        self._inbox = bus._attach(self._workspace_id)
        try:
            await bus._go_live()
        except BaseException:
            self._finish()
            raise

    async def __anext__(self) -> Event:
        if self._done:
            raise StopAsyncIteration
        try:
            await self.ready()
            if self._bus._closed:
                raise StopAsyncIteration
            return await self._next()
        except BaseException:
            # Like an async generator: an error, cancellation or the end finishes the subscription.
            self._finish()
            raise

    async def _next(self) -> Event:
        assert self._inbox is not None
        while True:
            if self._backlog:
                event = self._backlog.popleft()
                self._cursor = _key(event.id)
                return event
            if self._replaying:
                page = await self._bus._read_after(self._workspace_id, self._cursor, _PAGE)
                self._replaying = len(page) == _PAGE
                self._backlog.extend(page)
                continue
            item = await self._inbox.get()
            if item is _Signal.GAP:
                self._replaying = True
            elif item is _Signal.OVERFLOW:
                raise SubscriberTooSlow(f"subscriber of workspace {self._workspace_id} fell too far behind")
            elif item is _Signal.CLOSED:
                raise StopAsyncIteration
            elif isinstance(item, Event) and _key(item.id) > self._cursor:
                self._cursor = _key(item.id)
                return item

    async def aclose(self) -> None:
        """Stop and detach; iterating afterwards ends at once."""
        self._finish()

    def _finish(self) -> None:
        self._done = True
        self._backlog.clear()
        if self._inbox is not None:
            self._bus._detach(self._workspace_id, self._inbox)
            self._inbox = None

    def __del__(self) -> None:
        # A consumer that breaks out of `async for` never calls aclose(); detaching is synchronous.
        self._finish()


@dataclass(slots=True)
class _MemoryStream:
    entries: deque[tuple[_Key, Event]] = field(default_factory=deque)
    max_deleted: _Key = (0, 0)
    newest: _Key = (0, 0)


class MemoryEventBus(_BusBase):
    """The event bus inside one process (`herald dev` without REDIS_URL), with the Redis bus's semantics."""

    def __init__(self, *, max_len: int = 10_000, buffer_size: int = 1_000) -> None:
        super().__init__(max_len, buffer_size)
        self._streams: dict[str, _MemoryStream] = {}

    async def start(self) -> None:
        """Nothing to connect to."""

    async def close(self) -> None:
        """End every subscription."""
        self._closed = True
        self._broadcast(_Signal.CLOSED)

    async def publish(self, workspace_id: str, type: str, payload: Mapping[str, Any]) -> Event:
        """Store the event (trimming the oldest beyond `max_len`) and deliver it to live subscribers."""
        stream = self._streams.setdefault(workspace_id, _MemoryStream())
        now_ms = time.time_ns() // 1_000_000
        last = stream.newest
        key = (now_ms, 0) if now_ms > last[0] else (last[0], last[1] + 1)  # ids as Redis makes them
        event = Event(_fmt(key), type, workspace_id, datetime.now(UTC), json.loads(_dumps(payload)))
        stream.entries.append((key, event))
        stream.newest = key
        while len(stream.entries) > self._max_len:
            stream.max_deleted = stream.entries.popleft()[0]
        self._deliver(workspace_id, event)
        return event

    async def _newest(self, workspace_id: str) -> _Key:
        stream = self._streams.get(workspace_id)
        return stream.newest if stream is not None else (0, 0)

    async def _go_live(self) -> None:
        pass

    async def _read_after(self, workspace_id: str, after: _Key, count: int) -> list[Event]:
        stream = self._streams.get(workspace_id) or _MemoryStream()
        _check_replayable(workspace_id, after, stream.max_deleted, stream.newest)
        start = bisect_right(stream.entries, after, key=lambda entry: entry[0])
        return [event for _, event in islice(stream.entries, start, start + count)]


# One script so the stream order is the live order across every publishing process, and trimming can
# record what it removed (XSETID ... MAXDELETEDID) for the "too old" check.
_PUBLISH = """
local id = redis.call('XADD', KEYS[1], '*', 'type', ARGV[4], 'issued_at', ARGV[5], 'payload', ARGV[6])
local excess = redis.call('XLEN', KEYS[1]) - tonumber(ARGV[2])
if excess > tonumber(ARGV[3]) then
  local head = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', excess + 1)
  redis.call('XTRIM', KEYS[1], 'MINID', head[excess + 1][1])
  redis.call('XSETID', KEYS[1], id, 'MAXDELETEDID', head[excess][1])
end
redis.call('PUBLISH', ARGV[1], '{"id":"' .. id .. '",' .. string.sub(ARGV[7], 2))
return id
"""

# The trim state and the page are read together so a trim cannot slip in between check and read.
_READ = """
if redis.call('EXISTS', KEYS[1]) == 0 then return {'0-0', '0-0', {}} end
local info = redis.call('XINFO', 'STREAM', KEYS[1])
local max_deleted, newest = '0-0', '0-0'
for i = 1, #info, 2 do
  if info[i] == 'max-deleted-entry-id' then max_deleted = info[i + 1] end
  if info[i] == 'last-generated-id' then newest = info[i + 1] end
end
return {max_deleted, newest, redis.call('XRANGE', KEYS[1], '(' .. ARGV[1], '+', 'COUNT', ARGV[2])}
"""


class RedisEventBus(_BusBase):
    """Events in Redis: a capped stream per workspace for replay, pub/sub for live delivery.

    Each bus holds ONE pub/sub connection (pattern `{prefix}:workspace:*`, client name
    `{prefix}:events:pubsub`), opened by `start()` or the first subscriber, and fans out in memory.
    When that connection drops it reconnects with backoff and every subscriber re-reads the stream
    from the last event it saw, so a reconnect hides nothing.
    """

    def __init__(
        self,
        redis: Redis,
        *,
        prefix: str = "herald",
        max_len: int = 10_000,
        buffer_size: int = 1_000,
        ping_interval: float = 15.0,
    ) -> None:
        super().__init__(max_len, buffer_size)
        self._redis = redis
        self._prefix = prefix
        self._ping_interval = ping_interval
        self._channel_prefix = f"{prefix}:workspace:"
        self._pattern = re.sub(r"([*?\[\]\\])", r"\\\1", self._channel_prefix) + "*"
        self.client_name = f"{prefix}:events:pubsub"
        self._publish_script = redis.register_script(_PUBLISH)
        self._read_script = redis.register_script(_READ)
        self._task: asyncio.Task[None] | None = None
        self._live = asyncio.Event()
        self._start_lock = asyncio.Lock()

    def _stream(self, workspace_id: str) -> str:
        return f"{self._prefix}:events:{workspace_id}"

    async def start(self) -> None:
        """Open the pub/sub connection; a first failure raises, so a wrong REDIS_URL fails at boot."""
        async with self._start_lock:
            if self._closed:
                raise RuntimeError("the event bus is closed")
            if self._task is None:
                conn = await self._connect()
                self._task = asyncio.create_task(self._listen(conn), name="events.pubsub")

    async def close(self) -> None:
        """Close the pub/sub connection and end every subscription."""
        self._closed = True
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            await asyncio.wait({task})
        self._live.set()  # wakes subscribers still waiting to go live; they see the bus closed
        self._broadcast(_Signal.CLOSED)

    async def publish(self, workspace_id: str, type: str, payload: Mapping[str, Any]) -> Event:
        """Append to the workspace's stream and announce it, atomically; returns the stored event."""
        issued_at = datetime.now(UTC)
        payload_json = _dumps(payload)
        issued = issued_at.isoformat()
        message = _dumps(
            {"type": type, "workspace_id": workspace_id, "issued_at": issued, "payload": payload}
        )
        args: list[str | int] = [self._channel_prefix + workspace_id, self._max_len, self._max_len // 100]
        args += [type, issued, payload_json, message]
        event_id = await self._publish_script(keys=[self._stream(workspace_id)], args=args)
        return Event(_text(event_id), type, workspace_id, issued_at, json.loads(payload_json))

    async def _newest(self, workspace_id: str) -> _Key:
        entries = await self._redis.xrevrange(self._stream(workspace_id), count=1)
        return _key(_text(entries[0][0])) if entries else (0, 0)

    async def _go_live(self) -> None:
        if self._closed:
            return
        if self._task is None:
            await self.start()
        await self._live.wait()

    async def _read_after(self, workspace_id: str, after: _Key, count: int) -> list[Event]:
        reply = await self._read_script(keys=[self._stream(workspace_id)], args=[_fmt(after), count])
        max_deleted, newest, entries = reply
        _check_replayable(workspace_id, after, _key(_text(max_deleted)), _key(_text(newest)))
        events = []
        for entry_id, flat in entries:
            fields = {_text(k): _text(v) for k, v in zip(flat[::2], flat[1::2], strict=True)}
            issued_at = datetime.fromisoformat(fields["issued_at"])
            payload = json.loads(fields["payload"])
            events.append(Event(_text(entry_id), fields["type"], workspace_id, issued_at, payload))
        return events

    async def _connect(self) -> AbstractConnection:
        pool = self._redis.connection_pool
        # A connection of our own, without redis-py's silent retries: a reconnect must be noticed,
        # because events published while it was down only reach subscribers through the stream. Its
        # health checks would read a pub/sub message as their PONG, so _pump pings instead.
        kwargs = {**pool.connection_kwargs, "client_name": self.client_name, "health_check_interval": 0}
        conn = pool.connection_class(**{**kwargs, "retry": Retry(NoBackoff(), 0)})
        try:
            await conn.connect()  # type: ignore[no-untyped-call]
            await conn.send_command("PSUBSCRIBE", self._pattern, check_health=False)
            reply = await conn.read_response(timeout=self._ping_interval, push_request=True)
            if not isinstance(reply, list) or _text(reply[0]) != "psubscribe":
                raise RedisConnectionError(f"unexpected answer to PSUBSCRIBE: {reply!r}")
        except BaseException:
            await conn.disconnect()
            raise
        self._live.set()
        return conn

    async def _listen(self, conn: AbstractConnection | None) -> None:
        failures = 0
        try:
            while True:
                try:
                    if conn is None:
                        conn = await self._connect()
                        failures = 0
                        log.info("events.pubsub.reconnected", pattern=self._pattern)
                        self._broadcast(_Signal.GAP)
                    await self._pump(conn)
                except Exception as exc:  # noqa: BLE001 (whatever broke the connection, a fresh one is the cure)
                    self._live.clear()
                    if conn is not None:
                        await conn.disconnect()
                        conn = None
                    delay, failures = min(5.0, 0.05 * 2**failures), failures + 1
                    log.warning(
                        "events.pubsub.reconnecting", error=f"{type(exc).__name__}: {exc}", delay=delay
                    )
                    await asyncio.sleep(delay)
        finally:
            self._live.clear()
            if conn is not None:
                await conn.disconnect()

    async def _pump(self, conn: AbstractConnection) -> None:
        awaiting_pong = False
        while True:
            reply = await conn.read_response(timeout=self._ping_interval, push_request=True)
            if reply is None:
                # Quiet for a whole interval: a PING tells a silent network drop apart from no events.
                if awaiting_pong:
                    raise RedisConnectionError("the pub/sub connection stopped answering PING")
                await conn.send_command("PING", check_health=False)
                awaiting_pong = True
                continue
            awaiting_pong = False
            if isinstance(reply, list) and len(reply) == 4 and _text(reply[0]) == "pmessage":
                self._dispatch(_text(reply[2]), reply[3])

    def _dispatch(self, channel: str, data: bytes | str) -> None:
        workspace_id = channel.removeprefix(self._channel_prefix)
        try:
            raw = json.loads(data)
            event = Event(
                raw["id"], raw["type"], workspace_id, datetime.fromisoformat(raw["issued_at"]), raw["payload"]
            )
            _key(event.id)
        except (ValueError, KeyError, TypeError) as exc:
            log.error("events.pubsub.bad_message", channel=channel, error=repr(exc))
            return
        self._deliver(workspace_id, event)
