"""The event bus contract, run against Redis and against the in-memory bus."""

from __future__ import annotations

import asyncio
import gc
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import suppress
from datetime import UTC
from typing import Any

import pytest
from redis.asyncio import Redis

from integrations.events import (
    Event,
    EventTooOld,
    InvalidEventId,
    MemoryEventBus,
    SubscriberTooSlow,
)
from integrations.events_redis import RedisEventBus

Bus = RedisEventBus | MemoryEventBus
MakeBus = Callable[..., Bus]


@pytest.fixture
def prefix(run_prefix: str) -> str:
    """A prefix per test, so pub/sub client names and streams never meet across tests."""
    return f"{run_prefix}:ev:{uuid.uuid4().hex[:8]}"


@pytest.fixture(params=["redis", "memory"])
async def make_bus(
    request: pytest.FixtureRequest, redis_client: Redis, prefix: str
) -> AsyncIterator[MakeBus]:
    buses: list[Bus] = []

    def make(**options: Any) -> Bus:
        bus: Bus
        if request.param == "redis":
            bus = RedisEventBus(redis_client, prefix=prefix, **options)
        else:
            bus = MemoryEventBus(**options)
        buses.append(bus)
        return bus

    yield make
    for bus in buses:
        await bus.close()


def ids(events: Iterable[Event]) -> list[str]:
    return [event.id for event in events]


def in_id_order(events: Iterable[Event]) -> list[str]:
    return sorted(ids(events), key=lambda event_id: tuple(int(part) for part in event_id.split("-")))


async def take(events: AsyncIterator[Event], count: int) -> list[Event]:
    async with asyncio.timeout(5):
        return [await anext(events) for _ in range(count)]


async def wait_until(condition: Callable[[], Awaitable[bool] | bool]) -> None:
    async with asyncio.timeout(5):
        while True:
            result = condition()
            if await result if isinstance(result, Awaitable) else result:
                return
            await asyncio.sleep(0.01)


async def publish_many(bus: Bus, workspace_id: str, count: int, start: int = 0) -> list[Event]:
    return [await bus.publish(workspace_id, "t", {"n": n}) for n in range(start, count)]


async def test_every_subscriber_of_a_workspace_gets_its_events_in_publish_order(make_bus: MakeBus) -> None:
    # given two subscribers of one workspace and one of another
    bus = make_bus()
    first, second, other = bus.subscribe("ws-a"), bus.subscribe("ws-a"), bus.subscribe("ws-b")
    for subscription in (first, second, other):
        await subscription.ready()

    # when events are published concurrently (the id order is the order they were published in)
    published = await asyncio.gather(*(bus.publish("ws-a", "t", {"n": n}) for n in range(30)))
    marker = await bus.publish("ws-b", "marker", {"at": "the end"})

    # then both see all of them in that order, and the other workspace sees only its own
    got_first, got_second = await asyncio.gather(take(first, 30), take(second, 30))
    assert ids(got_first) == in_id_order(published) == ids(got_second)
    assert ids(await take(other, 1)) == [marker.id]
    event = got_first[0]
    assert (event.type, event.workspace_id) == ("t", "ws-a")
    assert event.issued_at.utcoffset() == UTC.utcoffset(None)
    assert dict(event.payload) == dict(next(e for e in published if e.id == event.id).payload)


async def test_since_replays_exactly_the_missed_events_then_continues_live(make_bus: MakeBus) -> None:
    # given more events than one replay page, the subscriber having seen the first of them
    bus = make_bus()
    missed = await publish_many(bus, "ws", 600)
    subscription = bus.subscribe("ws", since=missed[0].id)

    # when more are published while it replays
    async def publish_live() -> list[Event]:
        events = []
        for n in range(40):
            events.append(await bus.publish("ws", "t", {"n": 1000 + n}))
            await asyncio.sleep(0)
        return events

    publisher = asyncio.create_task(publish_live())
    got = await take(subscription, 599 + 40)
    live = await publisher

    # then it gets each of them once, in order, and nothing more
    assert ids(got) == ids(missed[1:] + live)
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(anext(subscription), 0.2)


async def test_without_since_a_subscriber_starts_after_the_newest_event(make_bus: MakeBus) -> None:
    bus = make_bus()
    await publish_many(bus, "ws", 3)
    subscription = bus.subscribe("ws")
    await subscription.ready()

    new = await bus.publish("ws", "t", {"n": "new"})

    assert ids(await take(subscription, 1)) == [new.id]


async def test_since_older_than_the_kept_events_is_too_old(make_bus: MakeBus) -> None:
    # given a stream keeping 3 events after 6 were published
    bus = make_bus(max_len=3)
    events = await publish_many(bus, "ws", 6)

    # then resuming before the oldest trimmed event, or from the start, needs a reload
    for since in (events[0].id, events[1].id, "0-0"):
        with pytest.raises(EventTooOld):
            await anext(bus.subscribe("ws", since=since))
    # but resuming from the newest trimmed event misses nothing and replays what is kept
    assert ids(await take(bus.subscribe("ws", since=events[2].id), 3)) == ids(events[3:])


async def test_since_at_the_start_of_a_stream_never_trimmed_replays_everything(make_bus: MakeBus) -> None:
    bus = make_bus(max_len=10)
    events = await publish_many(bus, "ws", 4)

    for since in ("0", "0-0"):
        assert ids(await take(bus.subscribe("ws", since=since), 4)) == ids(events)


async def test_since_the_stream_never_produced_is_too_old(make_bus: MakeBus) -> None:
    # an id beyond the stream's history means that history was lost (Redis flushed, process restarted)
    bus = make_bus()
    with pytest.raises(EventTooOld):
        await anext(bus.subscribe("ws-empty", since="1733000000000-0"))
    event = await bus.publish("ws", "t", {})
    ms = int(event.id.split("-")[0])
    with pytest.raises(EventTooOld):
        await anext(bus.subscribe("ws", since=f"{ms + 60_000}-0"))


MALFORMED_IDS = ["", "abc", "1-2-3", "-1", "1-", "1.5", " 1-0", "99999999999999999999999-0"]


@pytest.mark.parametrize("since", MALFORMED_IDS)
async def test_a_malformed_since_is_an_invalid_event_id(make_bus: MakeBus, since: str) -> None:
    bus = make_bus()
    with pytest.raises(InvalidEventId):
        bus.subscribe("ws", since=since)


async def test_a_subscriber_that_stops_iterating_is_detached(make_bus: MakeBus) -> None:
    bus = make_bus()
    # closed explicitly
    closed = bus.subscribe("ws")
    await closed.ready()
    assert bus.subscriber_count("ws") == 1
    await closed.aclose()
    assert bus.subscriber_count("ws") == 0

    # cancelled while waiting for an event
    waiting = bus.subscribe("ws")

    async def next_event() -> Event:
        return await anext(waiting)

    task = asyncio.create_task(next_event())
    await wait_until(lambda: bus.subscriber_count("ws") == 1)
    task.cancel()
    with suppress(asyncio.CancelledError):
        await task
    assert bus.subscriber_count("ws") == 0

    # left by `break`/`return` out of `async for`, without aclose()
    async def first_event() -> Event | None:
        async for event in bus.subscribe("ws"):
            return event
        return None

    first = asyncio.create_task(first_event())
    await wait_until(lambda: bus.subscriber_count("ws") == 1)
    await bus.publish("ws", "t", {})
    assert await first is not None
    gc.collect()
    assert bus.subscriber_count() == 0


async def test_a_subscriber_that_falls_too_far_behind_is_dropped(make_bus: MakeBus) -> None:
    bus = make_bus(buffer_size=5)
    subscription = bus.subscribe("ws")
    await subscription.ready()

    await publish_many(bus, "ws", 10)

    await wait_until(lambda: bus.subscriber_count("ws") == 0)
    with pytest.raises(SubscriberTooSlow):
        async for _ in subscription:
            pass
    assert issubclass(SubscriberTooSlow, EventTooOld)  # the API answers it like any "reload"


async def test_closing_the_bus_ends_every_subscription(make_bus: MakeBus) -> None:
    bus = make_bus()
    subscription = bus.subscribe("ws")
    await subscription.ready()

    async def drain() -> list[Event]:
        return [event async for event in subscription]

    task = asyncio.create_task(drain())
    await asyncio.sleep(0.05)
    await bus.close()

    assert await asyncio.wait_for(task, 2) == []


async def _pubsub_clients(redis_client: Redis, name: str) -> list[dict[str, Any]]:
    return [client for client in await redis_client.client_list() if client.get("name") == name]


async def test_redis_uses_one_pubsub_connection_whatever_the_number_of_subscribers(
    redis_client: Redis, prefix: str
) -> None:
    bus = RedisEventBus(redis_client, prefix=prefix)
    try:
        subscriptions = [bus.subscribe(f"ws-{n % 4}") for n in range(25)]
        for subscription in subscriptions:
            await subscription.ready()

        assert len(await _pubsub_clients(redis_client, bus.client_name)) == 1
        event = await bus.publish("ws-1", "t", {})
        for subscription in subscriptions[1::4]:
            assert ids(await take(subscription, 1)) == [event.id]
    finally:
        await bus.close()
    await wait_until(lambda: _no_clients(redis_client, bus.client_name))


async def _no_clients(redis_client: Redis, name: str) -> bool:
    return not await _pubsub_clients(redis_client, name)


async def test_redis_reconnects_after_the_pubsub_connection_is_killed_and_misses_nothing(
    redis_client: Redis, prefix: str
) -> None:
    # given a live subscriber
    bus = RedisEventBus(redis_client, prefix=prefix)
    try:
        subscription = bus.subscribe("ws")
        await subscription.ready()
        before = await bus.publish("ws", "t", {"n": 0})
        assert ids(await take(subscription, 1)) == [before.id]
        [killed] = await _pubsub_clients(redis_client, bus.client_name)

        # when its pub/sub connection is killed and events are published while it is down
        await redis_client.client_kill_filter(_id=killed["id"])
        during = await publish_many(bus, "ws", 6, start=1)

        # then it gets them all, once, in order, and live delivery resumes on a new connection
        assert ids(await take(subscription, 5)) == ids(during)

        async def reconnected() -> bool:
            clients = await _pubsub_clients(redis_client, bus.client_name)
            return len(clients) == 1 and clients[0]["id"] != killed["id"]

        await wait_until(reconnected)
        after = await bus.publish("ws", "t", {"n": 6})
        assert ids(await take(subscription, 1)) == [after.id]
    finally:
        await bus.close()


async def test_redis_trims_to_about_max_len(redis_client: Redis, prefix: str) -> None:
    bus = RedisEventBus(redis_client, prefix=prefix, max_len=200)
    await publish_many(bus, "ws", 260)
    assert 200 <= await redis_client.xlen(f"{prefix}:events:ws") <= 202  # max_len + max_len // 100


async def test_redis_processes_publishing_at_once_are_seen_in_one_order_everywhere(
    redis_url: str, redis_client: Redis, prefix: str
) -> None:
    # given two "processes", each with its own client, bus and subscriber
    clients = [Redis.from_url(redis_url), Redis.from_url(redis_url)]
    buses = [RedisEventBus(client, prefix=prefix) for client in clients]
    try:
        subscriptions = [bus.subscribe("ws") for bus in buses]
        for subscription in subscriptions:
            await subscription.ready()

        # when both publish concurrently
        published = await asyncio.gather(*(buses[n % 2].publish("ws", "t", {"n": n}) for n in range(40)))

        # then both subscribers see every event once, in the same (id) order
        seen = await asyncio.gather(*(take(subscription, 40) for subscription in subscriptions))
        assert ids(seen[0]) == ids(seen[1]) == in_id_order(published)
    finally:
        for bus in buses:
            await bus.close()
        for client in clients:
            await client.aclose()


async def test_an_expired_stream_is_forgotten(make_bus: MakeBus) -> None:
    # given a short-lived stream (one caption request's) set to expire
    bus = make_bus()
    first = await bus.publish("caption:u:r", "caption.delta", {"delta": "a"})
    await bus.publish("caption:u:r", "caption.delta", {"delta": "b"})
    await bus.expire("caption:u:r", 0.2)

    # when its time has passed
    await asyncio.sleep(0.4)

    # then nothing of it can be replayed any more
    with pytest.raises(EventTooOld):
        await take(bus.subscribe("caption:u:r", since=first.id), 1)


async def test_an_event_published_twice_under_one_key_is_stored_and_delivered_once(make_bus: MakeBus) -> None:
    # given a subscriber and an event published under a key (an outbox entry, relayed once)
    bus = make_bus()
    subscription = bus.subscribe("ws-key")
    await subscription.ready()
    first = await bus.publish("ws-key", "t", {"n": 1}, key="target-1:entry-1")

    # when a second relay sends the same entry again, then another entry follows
    again = await bus.publish("ws-key", "t", {"n": 1}, key="target-1:entry-1")
    other = await bus.publish("ws-key", "t", {"n": 2}, key="target-1:entry-2")

    # then the repeat answers the first event's id and nobody sees a second copy, live or replayed
    assert again.id == first.id
    assert ids(await take(subscription, 2)) == [first.id, other.id]
    replay = bus.subscribe("ws-key", since="0-1")
    assert ids(await take(replay, 2)) == [first.id, other.id]
