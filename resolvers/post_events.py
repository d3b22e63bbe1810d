"""Relaying the outbox: what a status change wrote beside itself (`models.outbox`) reaches the world.

The writer relays its own entries at once (`announce`), which is the fast path; a relay pass in every post
worker and the scheduler (`OutboxRelay.run`) sends whatever a process that died left behind. A relay takes
a short lease on the target documents it relays, recomputes the status of their posts from the targets,
sends each entry (events to the bus under a key fixed at write time, so a resend is dropped there; jobs to
the queue with the broker's confirm) and only then pulls the entries out. Dying anywhere in between
leaves the entries for the next pass: each is sent at least once, and each event stored once.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
from collections import defaultdict
from collections.abc import Sequence
from datetime import timedelta
from typing import Any, Protocol

import structlog
from beanie import PydanticObjectId

from integrations.events import EventBus
from integrations.queue import JobQueue
from models.clock import utcnow
from models.outbox import OutboxEntry, OutboxKind
from models.post import Post, PostStatus, summarize
from models.post_target import PostTarget

log = structlog.get_logger(__name__)

TARGET_STATUS_CHANGED = "post_target.status_changed"
RELAY_BATCH = 50  # target documents per lease: few enough to send well within the lease
RELAY_PASS_BATCHES = 20  # batches one relay pass takes at most, so a pass ends and the next one begins
REPAIR_QUIET = timedelta(seconds=5)  # how long a post's targets must be unchanged before the sweep judges it
RELAY_ROUNDS = 3  # times a writer's relay goes round again for entries pushed while it held the lease


class _RelaySettings(Protocol):
    @property
    def outbox_relay_lease_seconds(self) -> float: ...
    @property
    def outbox_relay_interval_seconds(self) -> float: ...


class RelayServices(Protocol):
    """What relaying needs (`app.services.Services` has it)."""

    @property
    def settings(self) -> _RelaySettings: ...
    @property
    def events(self) -> EventBus: ...
    @property
    def queue(self) -> JobQueue: ...


async def announce(services: RelayServices, targets: Sequence[PostTarget]) -> None:
    """Relay now what the writes that just changed `targets` put in their outbox.

    Never raises for a relay that fails: the change and its entries are stored, and a relay pass sends
    them later, so a broker or event bus that is down must not fail the write before it.
    """
    try:
        await OutboxRelay(services).relay([t.id for t in targets if t.id is not None])
    except Exception as exc:  # noqa: BLE001 (see the docstring)
        log.warning("outbox.relay_failed", targets=len(targets), error=repr(exc))


class OutboxRelay:
    """Sends outbox entries of target documents, under a lease so one relay sends each at a time."""

    def __init__(self, services: RelayServices) -> None:
        self.events = services.events
        self.queue = services.queue
        self.lease = timedelta(seconds=services.settings.outbox_relay_lease_seconds)
        self.interval = services.settings.outbox_relay_interval_seconds

    async def run(self, stopping: asyncio.Event) -> None:
        """A relay pass every `interval` seconds until `stopping` is set; a failed pass is logged."""
        while not stopping.is_set():
            try:
                await self.relay()
            except Exception:
                log.exception("outbox.pass_failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stopping.wait(), timeout=self.interval)

    async def relay(self, ids: Sequence[PydanticObjectId] | None = None) -> int:
        """Relay the outbox of these targets (None: of any whose entries are due); entries sent."""
        if ids is None:
            return await self._relay_due()
        sent = 0
        for start in range(0, len(ids), RELAY_BATCH):
            chunk = list(ids[start : start + RELAY_BATCH])
            for _ in range(RELAY_ROUNDS):
                docs = await self._lease(chunk)
                if not docs:
                    break
                chunk, count = await self._relay_leased(docs)
                sent += count
                if not chunk:
                    break
        return sent

    async def _relay_due(self) -> int:
        sent = 0
        for _ in range(RELAY_PASS_BATCHES):
            docs = await self._lease(None)
            sent += (await self._relay_leased(docs))[1]
            if len(docs) < RELAY_BATCH:
                break
        return sent

    async def _lease(self, ids: Sequence[PydanticObjectId] | None) -> list[PostTarget]:
        now = utcnow()
        free = {"$or": [{"relay_lease_until": None}, {"relay_lease_until": {"$lt": now}}]}
        collection = PostTarget.get_pymongo_collection()
        owner = secrets.token_hex(12)
        lease = {"$set": {"relay_owner": owner, "relay_lease_until": now + self.lease}}
        if ids is not None and len(ids) == 1:  # a writer relaying its own change: one round trip
            found = await collection.find_one_and_update(
                {"_id": ids[0], "relay_at": {"$ne": None}, **free}, lease, return_document=True
            )
            return [PostTarget.model_validate(found)] if found is not None else []
        if ids is None:
            # Entries whose writer is still relaying them are leased; the rest are what a dead process left.
            due = {"relay_at": {"$lte": now}, **free}
            picked = await collection.find(due, {"_id": 1}).limit(RELAY_BATCH).to_list()
            if not picked:
                return []
            condition: dict[str, Any] = {**due, "_id": {"$in": [doc["_id"] for doc in picked]}}
        else:
            condition = {"_id": {"$in": list(ids)}, "relay_at": {"$ne": None}, **free}
        result = await collection.update_many(condition, lease)
        if result.modified_count == 0:
            return []
        return await PostTarget.find({"relay_owner": owner}).to_list()

    async def _relay_leased(self, docs: list[PostTarget]) -> tuple[list[PydanticObjectId], int]:
        """Send the leased documents' entries; the ids that got new entries meanwhile, and how many
        entries were sent."""
        by_post: dict[PydanticObjectId, list[PostTarget]] = defaultdict(list)
        for doc in docs:
            by_post[doc.post_id].append(doc)
        again: list[PydanticObjectId] = []
        sent = 0
        for post_id, targets in by_post.items():
            # Before any event goes out and before any entry is pulled: dying after this leaves the
            # entries, so the next relay recomputes it again.
            post_status = await Post.sync_status(post_id)
            for target in targets:
                count, more = await self._relay_one(target, post_status)
                sent += count
                if more and target.id is not None:
                    again.append(target.id)
        return again, sent

    async def _relay_one(self, target: PostTarget, post_status: PostStatus | None) -> tuple[int, bool]:
        """Send one document's entries in order, then pull what was sent and give the lease back;
        (entries sent, whether it holds entries pushed meanwhile)."""
        sent: list[str] = []
        failed: set[OutboxKind] = set()
        for entry in target.outbox:
            if entry.kind in failed:
                continue  # keep the order of one kind: a later event never overtakes an unsent one
            try:
                await self._send(target, entry, post_status)
            except Exception as exc:  # noqa: BLE001 (left in the outbox for the next pass)
                log.warning("outbox.send_failed", target_id=str(target.id), kind=entry.kind, error=repr(exc))
                failed.add(entry.kind)
                continue
            sent.append(entry.id)
        collection = PostTarget.get_pymongo_collection()
        held = {"_id": target.id, "relay_owner": target.relay_owner}
        pull = {"outbox": {"id": {"$in": sent}}}
        release: dict[str, Any] = {"relay_owner": None, "relay_lease_until": None}
        if not failed:
            # All of it sent and nothing pushed since (the size is what was read): done in one update.
            everything = {"$set": {**release, "relay_at": None}, "$pull": pull}
            done = await collection.update_one({**held, "outbox": {"$size": len(target.outbox)}}, everything)
            if done.modified_count == 1:
                return len(sent), False
        else:
            release["relay_at"] = utcnow() + timedelta(seconds=self.interval)
        update: dict[str, Any] = {"$set": release, **({"$pull": pull} if sent else {})}
        if (await collection.update_one(held, update)).modified_count == 0 and sent:
            # The lease ran out and another relay holds it: still, what was sent is sent.
            await collection.update_one({"_id": target.id}, {"$pull": pull})
            return len(sent), False
        return len(sent), not failed

    async def _send(self, target: PostTarget, entry: OutboxEntry, post_status: PostStatus | None) -> None:
        if entry.kind is OutboxKind.JOB:
            assert entry.queue is not None
            await self.queue.publish(entry.queue, {"target_id": str(target.id)}, delay_step=entry.delay_step)
            return
        if post_status is None:
            return  # the post was deleted: nobody can read what the event would point at
        payload = {
            "post_id": str(target.post_id),
            "target_id": str(target.id),
            "status": entry.status,
            "post_status": str(post_status),
        }
        workspace = str(target.workspace_id)
        await self.events.publish(workspace, TARGET_STATUS_CHANGED, payload, key=f"{target.id}:{entry.id}")


async def repair_post_statuses(
    services: RelayServices, after: PydanticObjectId | None, limit: int
) -> tuple[PydanticObjectId | None, int]:
    """Compare a page of SCHEDULED/PUBLISHING posts with their targets; a post that disagrees is told
    through the outbox of its latest target (the relay then stores the right status and announces it).

    Only posts whose targets are quiet (nothing left to relay, unchanged for `REPAIR_QUIET`) and which
    still disagree when read again afterwards: a relay on its way would put them right anyway, and
    repairing those would only announce their change twice.

    Returns the cursor for the next page (None: start over) and how many posts were repaired.
    """
    posts = await Post.in_progress(after, limit)
    if not posts:
        return None, 0
    targets = await PostTarget.of_posts([post.id for post in posts if post.id is not None])
    by_post: dict[PydanticObjectId, list[PostTarget]] = defaultdict(list)
    for target in targets:
        by_post[target.post_id].append(target)
    quiet_since = utcnow() - REPAIR_QUIET
    suspects = {
        post.id: own
        for post in posts
        if post.id is not None
        and (own := by_post.get(post.id))
        and summarize(target.status for target in own) is not post.status
        and all(target.relay_at is None and target.updated_at < quiet_since for target in own)
    }
    wrong: list[PostTarget] = []
    for post in await Post.find({"_id": {"$in": list(suspects)}}).to_list() if suspects else []:
        assert post.id is not None
        own = suspects[post.id]
        if summarize(target.status for target in own) is post.status:
            continue  # a relay put it right meanwhile
        latest = max(own, key=lambda target: target.updated_at)
        if await latest.announce_again():
            wrong.append(latest)
            log.warning("post.status.repaired", post_id=str(post.id), was=str(post.status))
    await announce(services, wrong)
    return posts[-1].id, len(wrong)
