"""Subscription slots in Redis: a cap shared by every process, freed on release or when a lease lapses."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from redis.asyncio import Redis

from integrations.subscription_slots import RedisSubscriptionSlots

LEASE = 0.4  # seconds: short, because leases run on the Redis server's real clock


@pytest.fixture
def user() -> str:
    return f"user-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def two_processes(
    redis_client: Redis, run_prefix: str
) -> tuple[RedisSubscriptionSlots, RedisSubscriptionSlots]:
    prefix = f"{run_prefix}:slots"
    return (
        RedisSubscriptionSlots(redis_client, prefix=prefix, lease_seconds=LEASE),
        RedisSubscriptionSlots(redis_client, prefix=prefix, lease_seconds=LEASE),
    )


async def test_the_cap_is_shared_and_a_release_frees_a_slot(
    two_processes: tuple[RedisSubscriptionSlots, RedisSubscriptionSlots], user: str
) -> None:
    a, b = two_processes
    assert await a.acquire(user, "a1", limit=2)
    assert await b.acquire(user, "b1", limit=2)
    assert not await a.acquire(user, "a2", limit=2)

    await b.release(user, "b1")
    assert await a.acquire(user, "a2", limit=2)
    assert await a.count(user) == 2


async def test_a_lapsed_lease_frees_its_slot_and_a_renewed_one_holds(
    two_processes: tuple[RedisSubscriptionSlots, RedisSubscriptionSlots], user: str
) -> None:
    # given two slots, one held by a process that renews it and one by a process that died
    alive, dead = two_processes
    assert await alive.acquire(user, "kept", limit=2)
    assert await dead.acquire(user, "lost", limit=2)

    for _ in range(3):
        await asyncio.sleep(LEASE / 2)
        await alive.renew({user: ["kept"]})

    # then only the renewed one still counts, and a slot is free again
    assert await alive.count(user) == 1
    assert await alive.acquire(user, "new", limit=2)
    assert not await alive.acquire(user, "one-too-many", limit=2)
