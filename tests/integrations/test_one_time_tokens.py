"""The one-time token contract, run against Redis and against the in-memory store."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import pytest
from redis.asyncio import Redis

from integrations.one_time_tokens import MemoryOneTimeTokenStore, RedisOneTimeTokenStore

TTL = 0.3  # seconds: short, because Redis expires keys on its real clock


@dataclass
class Given:
    store: RedisOneTimeTokenStore | MemoryOneTimeTokenStore
    wait: Callable[[float], Awaitable[None]]


@pytest.fixture(params=["redis", "memory"])
def given(request: pytest.FixtureRequest, redis_client: Redis, run_prefix: str) -> Given:
    if request.param == "redis":
        return Given(RedisOneTimeTokenStore(redis_client, prefix=f"{run_prefix}:ott"), asyncio.sleep)
    now = [0.0]

    async def advance(seconds: float) -> None:
        now[0] += seconds

    return Given(MemoryOneTimeTokenStore(clock=lambda: now[0]), advance)


async def test_a_token_names_its_subject_once(given: Given) -> None:
    token = await given.store.issue("reset", "user-1", ttl_seconds=60)
    assert await given.store.consume("reset", token) == "user-1"
    assert await given.store.consume("reset", token) is None


async def test_a_token_belongs_to_its_namespace(given: Given) -> None:
    token = await given.store.issue("reset", "user-1", ttl_seconds=60)
    assert await given.store.consume("invite", token) is None
    assert await given.store.consume("reset", token) == "user-1"


async def test_a_token_expires(given: Given) -> None:
    token = await given.store.issue("reset", "user-1", ttl_seconds=TTL)
    await given.wait(TTL * 1.5)
    assert await given.store.consume("reset", token) is None


async def test_redis_keeps_only_the_digest(redis_client: Redis, run_prefix: str) -> None:
    store = RedisOneTimeTokenStore(redis_client, prefix=f"{run_prefix}:ott-digest")
    token = await store.issue("reset", "user-1", ttl_seconds=60)
    keys = [key.decode() async for key in redis_client.scan_iter(match=f"{run_prefix}:ott-digest:*")]
    assert len(keys) == 1 and token not in keys[0]
