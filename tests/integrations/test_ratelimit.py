"""The rate limiter contract, run against Redis and against the in-memory limiter."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import pytest
from redis.asyncio import Redis

from integrations.ratelimit import MemoryRateLimiter, RedisRateLimiter

Limiter = RedisRateLimiter | MemoryRateLimiter
WINDOW = 0.3  # seconds: short, because the Redis limiter runs on the server's real clock


@dataclass
class Given:
    limiter: Limiter
    wait: Callable[[float], Awaitable[None]]  # lets time pass: a controlled clock, or a real sleep
    key: str


@pytest.fixture
def prefix(run_prefix: str) -> str:
    return f"{run_prefix}:rl"


@pytest.fixture(params=["redis", "memory"])
def given(request: pytest.FixtureRequest, redis_client: Redis, prefix: str) -> Given:
    key = f"login:{uuid.uuid4().hex[:8]}"
    if request.param == "redis":
        return Given(RedisRateLimiter(redis_client, prefix=prefix), asyncio.sleep, key)
    now = [1_000.0]

    async def advance(seconds: float) -> None:
        now[0] += seconds

    return Given(MemoryRateLimiter(clock=lambda: now[0]), advance, key)


async def test_hits_up_to_the_limit_pass_then_are_refused_with_a_retry_after(given: Given) -> None:
    decisions = [await given.limiter.hit(given.key, limit=3, window_seconds=60) for _ in range(4)]

    assert [d.allowed for d in decisions] == [True, True, True, False]
    assert [d.retry_after_seconds for d in decisions[:3]] == [0, 0, 0]
    assert 59 < decisions[3].retry_after_seconds <= 60


async def test_hits_pass_again_once_the_window_has_slid_past(given: Given) -> None:
    # given one hit, then a second half a window later, with a limit of 2
    assert (await given.limiter.hit(given.key, limit=2, window_seconds=WINDOW)).allowed
    await given.wait(WINDOW / 2)
    assert (await given.limiter.hit(given.key, limit=2, window_seconds=WINDOW)).allowed
    refused = await given.limiter.hit(given.key, limit=2, window_seconds=WINDOW)
    assert not refused.allowed
    assert 0 < refused.retry_after_seconds <= WINDOW / 2

    # when the first hit leaves the window
    await given.wait(refused.retry_after_seconds + 0.02)

    # then one more passes, and the next waits for the second hit to leave
    assert (await given.limiter.hit(given.key, limit=2, window_seconds=WINDOW)).allowed
    again = await given.limiter.hit(given.key, limit=2, window_seconds=WINDOW)
    assert not again.allowed
    assert WINDOW / 4 < again.retry_after_seconds <= WINDOW


async def test_refused_hits_do_not_extend_the_wait(given: Given) -> None:
    assert (await given.limiter.hit(given.key, limit=1, window_seconds=WINDOW)).allowed
    for _ in range(5):
        assert not (await given.limiter.hit(given.key, limit=1, window_seconds=WINDOW)).allowed

    await given.wait(WINDOW + 0.02)

    assert (await given.limiter.hit(given.key, limit=1, window_seconds=WINDOW)).allowed


async def test_concurrent_hits_never_exceed_the_limit(given: Given) -> None:
    decisions = await asyncio.gather(
        *(given.limiter.hit(given.key, limit=10, window_seconds=60) for _ in range(50))
    )

    assert sum(d.allowed for d in decisions) == 10
    assert all(d.retry_after_seconds > 0 for d in decisions if not d.allowed)


async def test_reset_forgets_the_hits_of_one_key(given: Given) -> None:
    other = f"{given.key}:other"
    await given.limiter.hit(given.key, limit=1, window_seconds=60)
    await given.limiter.hit(other, limit=1, window_seconds=60)

    await given.limiter.reset(given.key)

    assert (await given.limiter.hit(given.key, limit=1, window_seconds=60)).allowed
    assert not (await given.limiter.hit(other, limit=1, window_seconds=60)).allowed


@pytest.mark.parametrize(("limit", "window"), [(0, 60.0), (5, 0.0), (5, -1.0)])
async def test_a_limit_or_window_that_admits_nothing_is_rejected(
    given: Given, limit: int, window: float
) -> None:
    with pytest.raises(ValueError, match="limit"):
        await given.limiter.hit(given.key, limit=limit, window_seconds=window)


async def test_redis_keys_expire_with_their_window(redis_client: Redis, prefix: str) -> None:
    limiter = RedisRateLimiter(redis_client, prefix=prefix)
    await limiter.hit("ai:expiring", limit=5, window_seconds=2)

    assert 0 < await redis_client.pttl(f"{prefix}:ratelimit:ai:expiring") <= 2000


async def test_an_undone_hit_no_longer_counts(given: Given) -> None:
    # given two hits under a limit of 2, the second undone (a login that turned out right)
    assert (await given.limiter.hit(given.key, limit=2, window_seconds=60)).allowed
    second = await given.limiter.hit(given.key, limit=2, window_seconds=60)
    assert second.hit_id is not None
    await given.limiter.undo(given.key, second.hit_id)

    # then there is room for one more, not zero
    assert (await given.limiter.hit(given.key, limit=2, window_seconds=60)).allowed
    refused = await given.limiter.hit(given.key, limit=2, window_seconds=60)
    assert not refused.allowed and refused.hit_id is None
