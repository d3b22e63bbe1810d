"""A user's concurrent subscriptions, counted across API processes in Redis.

Each subscription holds a slot: a member of the sorted set `{prefix}:subscriptions:{user id}` scored
by when its lease runs out. A process renews the leases of the slots it holds every third of a lease,
and gives a slot back when its subscription ends; a process that dies without giving its slots back
loses them when their leases run out, so a crash never locks a user out for longer than one lease.
Times are the Redis server's, so processes with skewed clocks agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from redis.asyncio import Redis

# Atomic per user: forget expired slots, then take one if fewer than the limit are held.
_ACQUIRE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
"""

# Extends the leases of slots still held (XX: a slot that expired meanwhile is not brought back).
_RENEW = """
local t = redis.call('TIME')
local until_ms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[1])
for i = 2, #ARGV do redis.call('ZADD', KEYS[1], 'XX', until_ms, ARGV[i]) end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1
"""


class RedisSubscriptionSlots:
    """Subscription slots per user in Redis, leased for `lease_seconds` and renewed by their holder."""

    def __init__(self, redis: Redis, *, prefix: str = "herald", lease_seconds: float = 60.0) -> None:
        if not lease_seconds > 0:
            raise ValueError("lease_seconds must be positive")
        self._redis = redis
        self._prefix = prefix
        self.lease_seconds = lease_seconds
        self._acquire = redis.register_script(_ACQUIRE)
        self._renew = redis.register_script(_RENEW)

    def _key(self, user_id: str) -> str:
        return f"{self._prefix}:subscriptions:{user_id}"

    @property
    def _lease_ms(self) -> int:
        return max(1, round(self.lease_seconds * 1000))

    async def acquire(self, user_id: str, slot: str, *, limit: int) -> bool:
        """Take `slot` for the user if they hold fewer than `limit` slots (in every process)."""
        return bool(await self._acquire(keys=[self._key(user_id)], args=[limit, self._lease_ms, slot]))

    async def release(self, user_id: str, slot: str) -> None:
        """Give the slot back; an unknown or expired one is a no-op."""
        await self._redis.zrem(self._key(user_id), slot)

    async def renew(self, held: Mapping[str, Iterable[str]]) -> None:
        """Extend the leases of the slots this process holds (user id -> slots)."""
        for user_id, slots in held.items():
            if members := list(slots):
                await self._renew(keys=[self._key(user_id)], args=[self._lease_ms, *members])

    async def count(self, user_id: str) -> int:
        """Slots the user holds now (expired ones excluded)."""
        now_s, now_us = await self._redis.time()
        now_ms = now_s * 1000 + now_us // 1000
        return int(await self._redis.zcount(self._key(user_id), f"({now_ms}", "+inf"))
