"""The session store contract, run against Redis and against the in-memory store."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import pytest
from redis.asyncio import Redis

from integrations.sessions import MemorySessionStore, RedisSessionStore, session_digest

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

    store = MemorySessionStore(ttl_seconds=3600, clock=lambda: now[0], wall_clock=lambda: now[0])
    return Given(store, 3600, advance)


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
    prefix = f"{prefix}-{uuid.uuid4().hex[:6]}"  # this test's keys only
    store = RedisSessionStore(redis_client, prefix=prefix, ttl_seconds=60)
    token = await store.create("user-1")
    await store.resolve(token)  # records its last use too

    keys = [key.decode() async for key in redis_client.scan_iter(match=f"{prefix}:*")]
    assert keys
    assert not [key for key in keys if token in key]
    for key in keys:
        if await redis_client.type(key) == b"hash":
            stored = str(await redis_client.hgetall(key))
        else:
            stored = str(await redis_client.get(key))
        assert token not in stored
        assert 0 < await redis_client.ttl(key) <= 60
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


async def test_a_users_sessions_are_listed_until_they_end(given: Given) -> None:
    u1, u2 = f"user-{uuid.uuid4().hex}", f"user-{uuid.uuid4().hex}"
    # given two sessions of one user and one of another
    first = await given.store.create(u1, label="Firefox · 203.0.113.9")
    second = await given.store.create(u1)
    await given.store.create(u2)

    listed = await given.store.sessions_of(u1)
    assert [s.digest for s in listed] == [session_digest(first), session_digest(second)]
    assert [s.label for s in listed] == ["Firefox · 203.0.113.9", ""]
    assert len({s.id for s in listed}) == 2 and not {s.id for s in listed} & {first, second}

    # when one is revoked, the list shows the other only
    await given.store.revoke(first)
    assert [s.digest for s in await given.store.sessions_of(u1)] == [session_digest(second)]


async def test_revoking_digests_ends_only_the_users_own_sessions(given: Given) -> None:
    u1, u2 = f"user-{uuid.uuid4().hex}", f"user-{uuid.uuid4().hex}"
    mine = [await given.store.create(u1) for _ in range(3)]
    theirs = await given.store.create(u2)

    await given.store.revoke_digests(u1, [session_digest(t) for t in (mine[0], mine[1], theirs)])

    assert [await given.store.resolve(t) for t in mine] == [None, None, u1]
    assert await given.store.resolve(theirs) == u2
    assert [s.digest for s in await given.store.sessions_of(u1)] == [session_digest(mine[2])]


async def test_expired_sessions_leave_the_list(given: Given) -> None:
    u1 = f"user-{uuid.uuid4().hex}"
    await given.store.create(u1)
    await given.wait(given.ttl_seconds * 1.1)
    assert await given.store.sessions_of(u1) == []


async def test_a_session_shows_when_it_was_last_used(given: Given) -> None:
    user = f"user-{uuid.uuid4().hex}"
    token = await given.store.create(user)
    [fresh] = await given.store.sessions_of(user)
    assert fresh.last_seen_at == fresh.created_at

    await given.wait(given.ttl_seconds * 0.3)
    assert await given.store.resolve(token) == user

    [used] = await given.store.sessions_of(user)
    assert used.last_seen_at > used.created_at
