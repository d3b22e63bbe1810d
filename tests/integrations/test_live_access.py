"""The live-access registry on both event buses: notices end the matching watches, in another
registry too (another API process), and the subscription cap frees a slot on release."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from integrations.events import EventBus, MemoryEventBus
from integrations.events_redis import RedisEventBus
from integrations.live_access import Ended, LiveAccess, TooManySubscriptions


@pytest.fixture(params=["redis", "memory"])
async def buses(
    request: pytest.FixtureRequest, redis_client: Redis, run_prefix: str
) -> AsyncIterator[tuple[EventBus, EventBus]]:
    """Two buses on the same events: two processes on Redis; one shared bus in memory (`herald dev`)."""
    prefix = f"{run_prefix}:live-{uuid.uuid4().hex[:6]}"
    if request.param == "redis":
        pair: tuple[EventBus, EventBus] = (
            RedisEventBus(redis_client, prefix=prefix),
            RedisEventBus(redis_client, prefix=prefix),
        )
    else:
        shared = MemoryEventBus()
        pair = (shared, shared)
    yield pair
    for bus in set(pair):
        await bus.close()


async def ended(event: asyncio.Event) -> bool:
    await asyncio.wait_for(event.wait(), 10)
    return True


async def test_a_sessions_notice_ends_that_sessions_watches_in_another_registry(
    buses: tuple[EventBus, EventBus],
) -> None:
    here, there = LiveAccess(buses[0], max_per_user=5), LiveAccess(buses[1], max_per_user=5)
    socket = await there.watch("u1", session="digest-a")
    other_session = await there.watch("u1", session="digest-b")
    other_user = await there.watch("u2", session="digest-a")

    await here.sessions_ended("u1", ["digest-a"])

    assert await ended(socket.ended) and socket.reason is Ended.SESSION
    # a later notice proves the earlier one was fully dispatched: the others are still live
    await here.sessions_ended("u1", ["digest-b"])
    assert await ended(other_session.ended)
    assert not other_user.ended.is_set()
    await here.close()
    await there.close()


async def test_a_membership_notice_ends_that_workspaces_watches_only(
    buses: tuple[EventBus, EventBus],
) -> None:
    here, there = LiveAccess(buses[0], max_per_user=5), LiveAccess(buses[1], max_per_user=5)
    shared = await there.watch("u1", session=None, workspace_id="w1", counted=True)
    own = await there.watch("u1", session=None, workspace_id="w2", counted=True)

    await here.membership_ended("u1", "w1")
    assert await ended(shared.ended) and shared.reason is Ended.MEMBERSHIP
    await here.membership_ended("u1", "w3")
    await here.sessions_ended("u1", ["nothing"])
    await here.membership_ended("u1", "w2")
    assert await ended(own.ended)
    await here.close()
    await there.close()


async def test_the_cap_counts_subscriptions_not_sockets(buses: tuple[EventBus, EventBus]) -> None:
    live = LiveAccess(buses[0], max_per_user=2)
    await live.watch("u1", session="s")  # a socket
    first = await live.watch("u1", session="s", workspace_id="w", counted=True)
    await live.watch("u1", session="s", workspace_id="w", counted=True)
    with pytest.raises(TooManySubscriptions):
        await live.watch("u1", session="s", workspace_id="w", counted=True)
    await live.watch("u2", session="t", workspace_id="w", counted=True)  # another user's own cap

    live.release(first)
    await live.watch("u1", session="s", workspace_id="w", counted=True)
    assert live.subscription_count("u1") == 2
    await live.close()
