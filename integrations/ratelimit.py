"""Rate limits for logins and AI calls: a sliding-window log.

Each allowed hit is recorded with its time; a hit is allowed while fewer than `limit` hits were
recorded in the last `window_seconds`. A sliding window has no boundary burst (a fixed window lets
2 x limit through around the turn of a window), and the limits here are small, so keeping one entry
per allowed hit is cheap. Refused hits are not recorded: hammering does not extend the wait.
`retry_after_seconds` is when enough recorded hits leave the window for the next one to pass.

An allowed hit carries a `hit_id`: `undo(key, hit_id)` takes it back, so a caller can reserve a slot
before the work and return it when the work turned out not to count (a login whose password was right).
Reserving first keeps concurrent attempts from all passing a check that none has recorded yet.
"""

from __future__ import annotations

import secrets
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from redis.asyncio import Redis


@dataclass(frozen=True, slots=True)
class RateLimitDecision:
    """Whether a hit may proceed; when refused, how long until one would be allowed."""

    allowed: bool
    retry_after_seconds: float  # 0 when allowed
    hit_id: str | None = None  # names the recorded hit for `undo`; None when refused


class RateLimiter(Protocol):
    """Counts hits per key against a limit per window."""

    async def hit(self, key: str, *, limit: int, window_seconds: float) -> RateLimitDecision: ...
    async def undo(self, key: str, hit_id: str) -> None: ...
    async def reset(self, key: str) -> None: ...


def _check(limit: int, window_seconds: float) -> None:
    if limit < 1 or not window_seconds > 0:
        raise ValueError("limit must be at least 1 and window_seconds positive")


# Atomic per key, and timed by the Redis server's clock so API processes with skewed clocks agree.
# Times are integer microseconds (exact in Lua's doubles for centuries to come).
_HIT = """
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) * 1000000 + tonumber(now_parts[2])
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], math.ceil(window / 1000))
  return 0
end
local blocking = redis.call('ZRANGE', KEYS[1], count - limit, count - limit, 'WITHSCORES')
return math.max(1, tonumber(blocking[2]) + window - now)
"""


class RedisRateLimiter:
    """Sliding-window log in Redis: a sorted set of hit times per key, `{prefix}:ratelimit:{key}`."""

    def __init__(self, redis: Redis, *, prefix: str = "herald") -> None:
        self._redis = redis
        self._prefix = prefix
        self._script = redis.register_script(_HIT)

    def _key(self, key: str) -> str:
        return f"{self._prefix}:ratelimit:{key}"

    async def hit(self, key: str, *, limit: int, window_seconds: float) -> RateLimitDecision:
        """Record a hit on `key` if fewer than `limit` happened in the last `window_seconds`."""
        _check(limit, window_seconds)
        window_us = max(1, round(window_seconds * 1_000_000))
        member = secrets.token_hex(8)  # two hits in the same microsecond must both count
        wait_us = int(await self._script(keys=[self._key(key)], args=[window_us, limit, member]))
        if wait_us == 0:
            return RateLimitDecision(allowed=True, retry_after_seconds=0.0, hit_id=member)
        return RateLimitDecision(allowed=False, retry_after_seconds=wait_us / 1_000_000)

    async def undo(self, key: str, hit_id: str) -> None:
        """Take back one allowed hit; an unknown or expired one is a no-op."""
        await self._redis.zrem(self._key(key), hit_id)

    async def reset(self, key: str) -> None:
        """Forget every hit on `key` (e.g. after a successful login)."""
        await self._redis.delete(self._key(key))


class MemoryRateLimiter:
    """Sliding-window log in this process (`herald dev` without REDIS_URL); `clock` is injectable."""

    _SWEEP_EVERY = 1_000  # hits between passes that forget keys nobody hit within their window

    def __init__(self, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._hits: dict[str, tuple[deque[tuple[float, str]], float]] = {}  # key -> ((time, id)..., window)
        self._until_sweep = self._SWEEP_EVERY

    async def hit(self, key: str, *, limit: int, window_seconds: float) -> RateLimitDecision:
        """Record a hit on `key` if fewer than `limit` happened in the last `window_seconds`."""
        _check(limit, window_seconds)
        now = self._clock()
        self._sweep(now)
        times, _ = self._hits.get(key) or (deque(), window_seconds)
        self._hits[key] = (times, window_seconds)
        while times and times[0][0] <= now - window_seconds:
            times.popleft()
        if len(times) < limit:
            hit_id = secrets.token_hex(8)
            times.append((now, hit_id))
            return RateLimitDecision(allowed=True, retry_after_seconds=0.0, hit_id=hit_id)
        blocking = times[len(times) - limit][0]
        return RateLimitDecision(allowed=False, retry_after_seconds=blocking + window_seconds - now)

    async def undo(self, key: str, hit_id: str) -> None:
        """Take back one allowed hit; an unknown or expired one is a no-op."""
        times, _ = self._hits.get(key) or (deque(), 0.0)
        for entry in times:
            if entry[1] == hit_id:
                times.remove(entry)
                return

    async def reset(self, key: str) -> None:
        """Forget every hit on `key` (e.g. after a successful login)."""
        self._hits.pop(key, None)

    def _sweep(self, now: float) -> None:
        self._until_sweep -= 1
        if self._until_sweep > 0:
            return
        self._until_sweep = self._SWEEP_EVERY
        stale = [key for key, (hits, window) in self._hits.items() if not hits or hits[-1][0] <= now - window]
        for key in stale:
            del self._hits[key]
