"""Workspace events: live fan-out to subscribers plus a capped per-workspace stream for replay.

Every event goes to a per-workspace stream (replay with `since`) and is announced live. A subscriber
attaches to live delivery first, then replays the stream after its cursor, then continues live; events
are ordered by id and anything at or below the cursor is dropped, so the seam neither skips nor doubles.
`subscribe(ws)` without `since` starts at the newest id when iteration starts.

Trimming: the stream keeps `max_len` events, plus up to `max_len // 100` more between trims (so small
caps are exact and large ones are trimmed in batches). Trimming records the newest removed id as the
stream's `max-deleted-entry-id` (plain `XADD MAXLEN` leaves it at 0-0), which is how a `since` older
than the stream is told apart from "nothing happened since": that answers `EventTooOld` ("reload").

Publishing with a `key` stores the event at most once per key (for a while: `KEY_TTL_SECONDS`): a relay
that sends an outbox entry again after a crash gets the first event back instead of a second one.

The Redis bus is in `integrations.events_redis`; the in-memory one (for `herald dev`) is here.
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

log = structlog.get_logger(__name__)

_Key = tuple[int, int]
_ID = re.compile(r"\A([0-9]{1,20})(?:-([0-9]{1,20}))?\Z")
_PAGE = 500  # stream entries per replay read: bounds both the reply size and a subscriber's backlog
# How long a publish key is remembered: far beyond any relay retry (seconds), short enough to stay small.
KEY_TTL_SECONDS = 24 * 3600


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
    async def publish(
        self, workspace_id: str, type: str, payload: Mapping[str, Any], *, key: str | None = None
    ) -> Event: ...
    def subscribe(self, workspace_id: str, since: str | None = None) -> AsyncIterator[Event]: ...
    async def expire(self, workspace_id: str, seconds: float) -> None: ...


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
        self._keys: dict[str, tuple[float, Event]] = {}

    async def start(self) -> None:
        """Nothing to connect to."""

    async def close(self) -> None:
        """End every subscription."""
        self._closed = True
        self._broadcast(_Signal.CLOSED)

    async def publish(
        self, workspace_id: str, type: str, payload: Mapping[str, Any], *, key: str | None = None
    ) -> Event:
        """Store the event (trimming the oldest beyond `max_len`) and deliver it to live subscribers;
        with a `key` already published, only return the event stored then."""
        now = time.monotonic()
        while self._keys and next(iter(self._keys.values()))[0] <= now:  # kept in expiry order
            del self._keys[next(iter(self._keys))]
        if key is not None and (kept := self._keys.get(key)) is not None:
            return kept[1]
        stream = self._streams.setdefault(workspace_id, _MemoryStream())
        now_ms = time.time_ns() // 1_000_000
        last = stream.newest
        at = (now_ms, 0) if now_ms > last[0] else (last[0], last[1] + 1)  # ids as Redis makes them
        event = Event(_fmt(at), type, workspace_id, datetime.now(UTC), json.loads(_dumps(payload)))
        stream.entries.append((at, event))
        stream.newest = at
        while len(stream.entries) > self._max_len:
            stream.max_deleted = stream.entries.popleft()[0]
        if key is not None:
            self._keys[key] = (now + KEY_TTL_SECONDS, event)
        self._deliver(workspace_id, event)
        return event

    async def expire(self, workspace_id: str, seconds: float) -> None:
        """Forget the stream `seconds` from now (for short-lived streams, such as one caption's)."""
        stream = self._streams.get(workspace_id)
        if stream is None:
            return

        def forget() -> None:
            if self._streams.get(workspace_id) is stream:
                del self._streams[workspace_id]

        asyncio.get_running_loop().call_later(seconds, forget)

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
