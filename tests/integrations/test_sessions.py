"""The session store contract, run against Redis and against the in-memory store."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import pytest
from redis.asyncio import Redis

from integrations.sessions import MemorySessionStore, RedisSessionStore

Store = RedisSessionStore | MemorySessionStore


@dataclass
class Given:
    store: Store
    ttl_seconds: int
    wait: Callable[[float], Awaitable[None]]  # lets time pass: a controlled clock, or a real sleep


@pytest.fixture
def prefix(run_prefix: str) -> str:
    return f"{run_prefix}:sess"


@pytest.fixture(params=["redis", "memory"])
def given(request: pytest.FixtureRequest, redis_client: Redis, prefix: str) -> Given:
    if request.param == "redis":
        return Given(RedisSessionStore(redis_client, prefix=prefix, ttl_seconds=1), 1, asyncio.sleep)
    now = [1_000.0]

    async def advance(seconds: float) -> None:
        now[0] += seconds

    return Given(MemorySessionStore(ttl_seconds=3600, clock=lambda: now[0]), 3600, advance)


async def test_a_created_token_resolves_to_its_user_until_revoked(given: Given) -> None:
    token = await given.store.create("user-1")
    other = await given.store.create("user-2")

    assert await given.store.resolve(token) == "user-1"
    assert await given.store.resolve(other) == "user-2"

    await given.store.revoke(token)
    assert await given.store.resolve(token) is None
    assert await given.store.resolve(other) == "user-2"


async def test_tokens_are_random_and_long(given: Given) -> None:
    tokens = {await given.store.create("user-1") for _ in range(20)}
    assert len(tokens) == 20
    assert min(len(token) for token in tokens) >= 43  # 32 random bytes, url-safe base64


async def test_unknown_tokens_resolve_to_nobody_and_revoke_quietly(given: Given) -> None:
    assert await given.store.resolve("not-a-token") is None
    assert await given.store.resolve("") is None
    await given.store.revoke("not-a-token")


async def test_a_session_expires_after_its_ttl(given: Given) -> None:
    token = await given.store.create("user-1")

    await given.wait(given.ttl_seconds * 0.5)
    assert await given.store.resolve(token) == "user-1"
    await given.wait(given.ttl_seconds * 0.6)
    assert await given.store.resolve(token) is None


async def test_redis_never_stores_the_token_in_clear(redis_client: Redis, prefix: str) -> None:
    store = RedisSessionStore(redis_client, prefix=prefix, ttl_seconds=60)
    token = await store.create("user-1")

    keys = [key.decode() async for key in redis_client.scan_iter(match=f"{prefix}:*")]
    assert keys
    assert not [key for key in keys if token in key]
    for key in keys:
        assert token.encode() not in (await redis_client.get(key) or b"")
    assert 0 < await redis_client.ttl(keys[0]) <= 60
    await store.revoke(token)


async def test_memory_forgets_expired_sessions_nobody_resolves() -> None:
    now = [0.0]
    store = MemorySessionStore(ttl_seconds=10, clock=lambda: now[0])
    for n in range(5):
        await store.create(f"user-{n}")

    now[0] = 11.0
    fresh = await store.create("user-fresh")

    assert len(store._sessions) == 1
    assert await store.resolve(fresh) == "user-fresh"
