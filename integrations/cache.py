"""A small cache of computed answers (analytics aggregates), invalidated by version counters.

Entries are strings under a key with a time to live. Invalidation never deletes keys: a reader folds a
*version* (a counter per scope, e.g. per workspace) into its key, and a writer that makes the cached
answers stale bumps the counter, so the next read misses and the old entries age out on their own.
Read the version before computing, store under that version: an answer computed while a write landed
is then filed under the old version, which nobody asks for any more (no stale answer survives a bump).

`RedisCache` is shared by every process; `MemoryCache` is its twin for `herald dev` without Redis.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol

from redis.asyncio import Redis


class Cache(Protocol):
    """Strings by key with a TTL, and version counters."""

    async def get(self, key: str) -> str | None:
        """The entry, or None when missing or expired."""
        ...

    async def set(self, key: str, value: str, ttl_seconds: float) -> None:
        """Store the entry for `ttl_seconds`."""
        ...

    async def version(self, scope: str) -> int:
        """The scope's current version (0 before the first bump)."""
        ...

    async def bump(self, scope: str) -> int:
        """Make every entry filed under the scope's current version stale; the new version."""
        ...


class RedisCache:
    """Entries at `{prefix}:cache:{key}`, counters at `{prefix}:cache-version:{scope}`."""

    def __init__(self, redis: Redis, *, prefix: str = "herald") -> None:
        self._redis = redis
        self._prefix = prefix

    async def get(self, key: str) -> str | None:
        """The entry, or None when missing or expired."""
        value = await self._redis.get(f"{self._prefix}:cache:{key}")
        if value is None:
            return None
        return value.decode() if isinstance(value, bytes) else str(value)

    async def set(self, key: str, value: str, ttl_seconds: float) -> None:
        """Store the entry for `ttl_seconds`."""
        await self._redis.set(f"{self._prefix}:cache:{key}", value, px=max(1, round(ttl_seconds * 1000)))

    async def version(self, scope: str) -> int:
        """The scope's current version (0 before the first bump)."""
        value = await self._redis.get(f"{self._prefix}:cache-version:{scope}")
        return int(value) if value is not None else 0

    async def bump(self, scope: str) -> int:
        """Make every entry filed under the scope's current version stale; the new version."""
        return int(await self._redis.incr(f"{self._prefix}:cache-version:{scope}"))


class MemoryCache:
    """The same in this process; `clock` is injectable, expired entries are dropped as they are read."""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic, max_entries: int = 10_000) -> None:
        self._clock = clock
        self._max_entries = max_entries
        self._entries: dict[str, tuple[str, float]] = {}
        self._versions: dict[str, int] = {}

    async def get(self, key: str) -> str | None:
        """The entry, or None when missing or expired."""
        found = self._entries.get(key)
        if found is None:
            return None
        if found[1] <= self._clock():
            del self._entries[key]
            return None
        return found[0]

    async def set(self, key: str, value: str, ttl_seconds: float) -> None:
        """Store the entry for `ttl_seconds` (the oldest entries go first beyond `max_entries`)."""
        while len(self._entries) >= self._max_entries:
            del self._entries[next(iter(self._entries))]
        self._entries[key] = (value, self._clock() + ttl_seconds)

    async def version(self, scope: str) -> int:
        """The scope's current version (0 before the first bump)."""
        return self._versions.get(scope, 0)

    async def bump(self, scope: str) -> int:
        """Make every entry filed under the scope's current version stale; the new version."""
        self._versions[scope] = self._versions.get(scope, 0) + 1
        return self._versions[scope]
