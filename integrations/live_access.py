"""Ending live updates when the access behind them ends, in every API process.

A websocket authenticated with a session, and each subscription opened on it, stays open for as long
as the client likes; checking the session only when the socket opens would let a logged-out session
(or a removed member) keep hearing a workspace. So each API process keeps a registry of `Watch`es:
one per socket (keyed by user and session digest) and one per subscription (keyed by user, session
and workspace). Ending access publishes a notice on the event bus's `ACCESS_STREAM`; every process
listens to it and ends the matching watches at once:

- `sessions_ended(user, digests)`: the sockets of those sessions close (and their subscriptions end);
- `membership_ended(user, workspace)`: that user's subscriptions to that workspace end.

The listener attaches to live delivery before the first watch is registered, and callers re-check the
session after registering, so a revocation is never lost between the check and the watch. If the
listener ever loses notices (it fell behind and the stream was trimmed), it ends every watch: clients
reconnect and are checked afresh.

The registry also caps each user's concurrent subscriptions (`max_per_user`): across processes when
given Redis `slots` (leased and renewed, see `integrations.subscription_slots`), else in this process.
"""

from __future__ import annotations

import asyncio
import enum
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

import structlog

from integrations.events import Event, EventBus, EventTooOld
from integrations.subscription_slots import RedisSubscriptionSlots

log = structlog.get_logger(__name__)

ACCESS_STREAM = "access"  # an event-bus stream of its own: workspace ids are ObjectIds, never this
SESSIONS_ENDED = "access.sessions_ended"
MEMBERSHIP_ENDED = "access.membership_ended"


class Ended(enum.Enum):
    """Why a watch ended."""

    SESSION = "session"  # the session was revoked (log out, password change or reset)
    MEMBERSHIP = "membership"  # the user left, or was removed from, the workspace
    UNKNOWN = "unknown"  # notices may have been missed: check again


class TooManySubscriptions(Exception):
    """The user already holds `max_per_user` subscriptions in this process."""


@dataclass(eq=False)
class Watch:
    """One socket's or one subscription's claim on a user's access; `ended` is set when it ends."""

    user_id: str
    session: str | None  # the session's digest
    workspace_id: str | None  # None for a socket, and for subscriptions to no workspace
    counted: bool  # a subscription (counts against the cap), not a socket
    ended: asyncio.Event = field(default_factory=asyncio.Event)
    reason: Ended | None = None
    slot: str = field(default_factory=lambda: uuid.uuid4().hex)  # its subscription slot, if counted

    def end(self, reason: Ended) -> None:
        if self.reason is None:
            self.reason = reason
            self.ended.set()


class LiveAccess:
    """The process's watches, and the listener that ends them on notices from any process."""

    def __init__(
        self, events: EventBus, *, max_per_user: int, slots: RedisSubscriptionSlots | None = None
    ) -> None:
        if max_per_user < 1:
            raise ValueError("max_per_user must be at least 1")
        self._events = events
        self._max_per_user = max_per_user
        self._slots = slots
        self._watches: dict[str, set[Watch]] = {}  # user id -> watches
        self._listener: asyncio.Task[None] | None = None
        self._renewer: asyncio.Task[None] | None = None
        self._releasing: set[asyncio.Task[None]] = set()
        self._listening = asyncio.Event()
        self._start_lock = asyncio.Lock()

    async def watch(
        self, user_id: str, *, session: str | None, workspace_id: str | None = None, counted: bool = False
    ) -> Watch:
        """Register a watch (listening first); `TooManySubscriptions` past the cap for `counted` ones."""
        await self._listen()
        watch = Watch(user_id, session, workspace_id, counted)
        if counted and not await self._take_slot(watch):
            raise TooManySubscriptions(f"user {user_id} holds {self._max_per_user} subscriptions")
        self._watches.setdefault(user_id, set()).add(watch)
        return watch

    async def _take_slot(self, watch: Watch) -> bool:
        if self._slots is None:
            return self.subscription_count(watch.user_id) < self._max_per_user
        if self._renewer is None or self._renewer.done():
            self._renewer = asyncio.create_task(self._renew(self._slots), name="live-access-renewer")
        return await self._slots.acquire(watch.user_id, watch.slot, limit=self._max_per_user)

    def release(self, watch: Watch) -> None:
        """Forget a watch (its socket or subscription ended); frees its slot."""
        watches = self._watches.get(watch.user_id, set())
        if watch not in watches:
            return
        watches.discard(watch)
        if not watches:
            self._watches.pop(watch.user_id, None)
        if watch.counted and self._slots is not None:
            # In the background: release runs where awaiting is not always possible (a cancelled
            # subscription's cleanup); a slot not given back is freed when its lease runs out.
            task = asyncio.create_task(self._slots.release(watch.user_id, watch.slot))
            self._releasing.add(task)
            task.add_done_callback(self._releasing.discard)

    async def _renew(self, slots: RedisSubscriptionSlots) -> None:
        while True:
            await asyncio.sleep(slots.lease_seconds / 3)
            held = {user: [w.slot for w in watches if w.counted] for user, watches in self._watches.items()}
            try:
                await slots.renew(held)
            except Exception as exc:  # noqa: BLE001 (the next round tries again; leases outlast two misses)
                log.warning("live_access.renew_failed", error=f"{type(exc).__name__}: {exc}")

    def subscription_count(self, user_id: str) -> int:
        """The user's subscriptions in this process."""
        return sum(w.counted for w in self._watches.get(user_id, ()))

    async def sessions_ended(self, user_id: str, digests: Iterable[str]) -> None:
        """Announce to every process that these sessions of the user ended."""
        payload = {"user_id": user_id, "sessions": list(digests)}
        if payload["sessions"]:
            await self._events.publish(ACCESS_STREAM, SESSIONS_ENDED, payload)

    async def membership_ended(self, user_id: str, workspace_id: str) -> None:
        """Announce to every process that the user no longer belongs to the workspace."""
        await self._events.publish(
            ACCESS_STREAM, MEMBERSHIP_ENDED, {"user_id": user_id, "workspace_id": workspace_id}
        )

    async def close(self, *, grace_seconds: float = 2.0) -> None:
        """Stop listening (waiting at most `grace_seconds` for the listener to wind down)."""
        if self._renewer is not None:
            self._renewer.cancel()
            self._renewer = None
        task, self._listener = self._listener, None
        if task is None:
            return
        task.cancel()
        # Bounded: a Redis command cancelled mid-flight has been seen to never finish unwinding, and
        # shutting down must not hang on it.
        done, _ = await asyncio.wait({task}, timeout=grace_seconds)
        if not done:
            log.warning("live_access.listener_stuck")

    async def _listen(self) -> None:
        async with self._start_lock:
            if self._listener is None or self._listener.done():
                self._listening.clear()
                self._listener = asyncio.create_task(self._run(), name="live-access-listener")
        await self._listening.wait()

    async def _run(self) -> None:
        since: str | None = None
        while True:
            subscription = self._events.subscribe(ACCESS_STREAM, since)
            try:
                if ready := getattr(subscription, "ready", None):
                    await ready()  # attached: every notice published from now on reaches us
                self._listening.set()
                async for event in subscription:
                    since = event.id
                    self._dispatch(event)
                return  # the bus closed
            except EventTooOld:
                log.warning("live_access.notices_lost", watches=sum(map(len, self._watches.values())))
                since = None
                for watches in list(self._watches.values()):
                    for watch in list(watches):
                        watch.end(Ended.UNKNOWN)
            except Exception as exc:  # noqa: BLE001 (the listener must outlive any one failure)
                log.error("live_access.listener_failed", error=f"{type(exc).__name__}: {exc}")
                await asyncio.sleep(1.0)
            finally:
                if aclose := getattr(subscription, "aclose", None):
                    await aclose()

    def _dispatch(self, event: Event) -> None:
        user_id = str(event.payload.get("user_id"))
        watches = list(self._watches.get(user_id, ()))
        if event.type == SESSIONS_ENDED:
            digests = set(event.payload.get("sessions") or ())
            ended = [(w, Ended.SESSION) for w in watches if w.session in digests]
        elif event.type == MEMBERSHIP_ENDED:
            workspace_id = str(event.payload.get("workspace_id"))
            ended = [(w, Ended.MEMBERSHIP) for w in watches if w.workspace_id == workspace_id]
        else:
            return
        for watch, reason in ended:
            watch.end(reason)
        if ended:
            log.info("live_access.ended", user_id=user_id, reason=event.type, watches=len(ended))
