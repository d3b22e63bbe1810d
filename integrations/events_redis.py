"""The Redis-backed event bus: a capped stream per workspace for replay, pub/sub for live delivery.

The interface and its semantics are in `integrations.events`.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import structlog
from redis.asyncio import Redis
from redis.asyncio.connection import AbstractConnection
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError

from integrations.events import (
    KEY_TTL_SECONDS,
    Event,
    _BusBase,
    _check_replayable,
    _dumps,
    _fmt,
    _Key,
    _key,
    _Signal,
    _text,
)

log = structlog.get_logger(__name__)

# One script so the stream order is the live order across every publishing process, trimming can record
# what it removed (XSETID ... MAXDELETEDID) for the "too old" check, and a publish key (KEYS[2], ARGV[8]
# its TTL; ARGV[8] empty without a key) is checked and set with the XADD it guards.
_PUBLISH = """
if ARGV[8] ~= '' then
  local seen = redis.call('GET', KEYS[2])
  if seen then return seen end
end
local id = redis.call('XADD', KEYS[1], '*', 'type', ARGV[4], 'issued_at', ARGV[5], 'payload', ARGV[6])
if ARGV[8] ~= '' then redis.call('SET', KEYS[2], id, 'EX', ARGV[8]) end
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

    async def publish(
        self, workspace_id: str, type: str, payload: Mapping[str, Any], *, key: str | None = None
    ) -> Event:
        """Append to the workspace's stream and announce it, atomically; returns the stored event. With a
        `key` published before, nothing is appended and the earlier event's id is returned."""
        issued_at = datetime.now(UTC)
        payload_json = _dumps(payload)
        issued = issued_at.isoformat()
        message = _dumps(
            {"type": type, "workspace_id": workspace_id, "issued_at": issued, "payload": payload}
        )
        args: list[str | int] = [self._channel_prefix + workspace_id, self._max_len, self._max_len // 100]
        args += [type, issued, payload_json, message, KEY_TTL_SECONDS if key is not None else ""]
        keys = [self._stream(workspace_id), f"{self._prefix}:events:key:{key or ''}"]
        event_id = await self._publish_script(keys=keys, args=args)
        return Event(_text(event_id), type, workspace_id, issued_at, json.loads(payload_json))

    async def expire(self, workspace_id: str, seconds: float) -> None:
        """Delete the stream `seconds` from now (for short-lived streams, such as one caption's)."""
        await self._redis.pexpire(self._stream(workspace_id), max(1, round(seconds * 1000)))

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
