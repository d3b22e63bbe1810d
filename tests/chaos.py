"""Killing Herald's processes with SIGKILL while they publish, then counting what came out.

Real `herald serve`, `herald scheduler` and `herald worker post` processes run on the suite's embedded
database (a database of their own), real Redis and RabbitMQ (a prefix of their own) and the local PDS.
Posts with one target per Bluesky account are scheduled over a window; meanwhile workers are killed and
replaced, and the API and the scheduler are killed once and restarted. `run_chaos` then reads the truth
where it lives (the PDS, the Redis stream, the database) into a `ChaosReport`. Used by
`tests/workers/test_chaos.py` (bounded) and `bench/chaos.py` (longer, with figures).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from pymongo import AsyncMongoClient
from redis.asyncio import Redis

from app.embedded import free_port
from app.services import queue_specs
from app.settings import Settings
from models.post import summarize
from models.target_state import TargetStatus
from tests.herald_client import Member, connect_bluesky, create_post, new_pds_account, sign_up
from tests.services.pds import PdsServer
from tests.stack import ApiServer, delete_queues

HERALD = [sys.executable, "-c", "from app.cli import main; main()"]
COLLECTION = "app.bsky.feed.post"
FINAL = {TargetStatus.PUBLISHED, TargetStatus.FAILED, TargetStatus.UNCONFIRMED, TargetStatus.CANCELLED}
CONSUMING = "queue.consume.started"


@dataclass(frozen=True)
class ChaosPlan:
    """How hard to shake: posts (one target per account each), spread over `spread_seconds`."""

    posts: int
    accounts: int = 2
    workers: int = 2
    schedulers: int = 1  # side by side (their claims are atomic); one of them is killed
    worker_kills: int = 6
    spread_seconds: float = 8.0
    kill_api: bool = True
    kill_scheduler: bool = True
    settle_seconds: float = 60.0  # how long everything may take to come right after the last kill
    seed: int = field(default_factory=lambda: random.randrange(2**32))
    env: Mapping[str, str] = field(default_factory=dict)  # settings for the processes (leases …)


@dataclass
class ChaosReport:
    targets: int = 0
    by_status: Counter[str] = field(default_factory=Counter)
    records: int = 0
    stray_records: list[str] = field(default_factory=list)  # records no target names: a second publish
    not_on_network: list[str] = field(default_factory=list)  # PUBLISHED targets without their record
    missing_events: list[str] = field(default_factory=list)  # PUBLISHED targets without a PUBLISHED event
    duplicate_events: list[str] = field(default_factory=list)  # targets with a PUBLISHED event twice
    stuck_posts: list[str] = field(default_factory=list)  # posts whose status disagrees with targets
    lateness: list[float] = field(default_factory=list)  # published_at - scheduled_at, seconds
    takeovers: list[float] = field(default_factory=list)  # kill -> another worker holds the target
    worker_starts: list[float] = field(default_factory=list)  # exec -> consuming, seconds
    kills: Counter[str] = field(default_factory=Counter)
    began: float = field(default_factory=time.time)  # the run's start, wall clock
    kill_times: list[tuple[float, str]] = field(default_factory=list)  # (wall clock, what was killed)
    latest: list[str] = field(default_factory=list)  # the latest targets' timelines, latest first
    seconds: float = 0.0

    def summary(self) -> str:
        def spread(values: list[float]) -> str:
            if not values:
                return "none"
            ordered = sorted(values)
            p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
            return f"p50 {statistics.median(ordered):.1f} s, p99 {p99:.1f} s, max {ordered[-1]:.1f} s"

        return "\n".join(
            [
                f"kills: {dict(self.kills)} in {self.seconds:.0f} s",
                f"targets: {self.targets}, by status: {dict(self.by_status)}",
                f"PDS records: {self.records}; records no target names: {len(self.stray_records)}; "
                f"PUBLISHED without a record: {len(self.not_on_network)}",
                f"PUBLISHED events missing: {len(self.missing_events)}, "
                f"duplicated: {len(self.duplicate_events)}",
                f"posts whose status disagrees with their targets: {len(self.stuck_posts)}",
                f"lateness: {spread(self.lateness)}",
                f"takeover after a kill ({len(self.takeovers)} targets): {spread(self.takeovers)}",
                f"worker start, exec to consuming ({len(self.worker_starts)}): {spread(self.worker_starts)}",
                "kills at (s into the run): "
                + ", ".join(f"{what} {at - self.began:.1f}" for at, what in self.kill_times),
                "latest targets (times in s into the run):",
                *(f"  {line}" for line in self.latest),
            ]
        )


class HeraldProcess:
    """One `herald …` process in a session of its own, its output drained by a thread."""

    def __init__(self, command: list[str], env: Mapping[str, str]) -> None:
        self.command = command
        self.started = time.monotonic()
        self.ready_after: float | None = None
        self.tail: list[str] = []
        self.process = subprocess.Popen(
            [*HERALD, *command],
            env=dict(env),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        threading.Thread(target=self._drain, daemon=True).start()

    @property
    def pid(self) -> int:
        return self.process.pid

    def _drain(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            line = raw.decode(errors="replace")
            if self.ready_after is None and CONSUMING in line:
                self.ready_after = time.monotonic() - self.started
            self.tail = [*self.tail[-40:], line]

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.pid, signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        """SIGTERM, then SIGKILL if it is still there after a while."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.pid, signal.SIGTERM)
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.kill()


@dataclass
class _Herald:
    """The processes of one chaos run and what they share."""

    env: dict[str, str]
    base_url: str
    api: HeraldProcess | None = None
    schedulers: list[HeraldProcess] = field(default_factory=list)
    workers: list[HeraldProcess] = field(default_factory=list)
    retired: list[HeraldProcess] = field(default_factory=list)

    def start_worker(self) -> HeraldProcess:
        worker = HeraldProcess(["worker", "post"], self.env)
        self.workers.append(worker)
        return worker

    def start_scheduler(self) -> None:
        self.schedulers.append(HeraldProcess(["scheduler"], self.env))

    async def start_api(self) -> None:
        self.api = HeraldProcess(["serve"], self.env)
        async with asyncio.timeout(90), httpx.AsyncClient(timeout=2) as client:
            while True:
                if self.api.process.poll() is not None:
                    raise AssertionError("herald serve exited:\n" + "".join(self.api.tail))
                with contextlib.suppress(httpx.HTTPError):
                    if (await client.get(f"{self.base_url}/healthz")).status_code == 200:
                        return
                await asyncio.sleep(0.2)

    def everyone(self) -> list[HeraldProcess]:
        return [p for p in (self.api, *self.schedulers, *self.workers) if p is not None]

    def stop_all(self) -> None:
        for process in self.everyone():
            process.stop()


def process_env(settings: Settings, *, prefix: str, port: int, extra: Mapping[str, str]) -> dict[str, str]:
    """The environment of the run's processes: the suite's services under names of their own."""
    assert settings.rabbitmq_url is not None and settings.fernet_keys is not None
    assert settings.media_signing_key is not None
    return {
        **os.environ,
        "ENVIRONMENT": "test",
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
        "MONGODB_URL": str(settings.mongodb_url),
        "MONGODB_DATABASE": prefix.replace("-", "_").replace(".", "_"),
        "REDIS_URL": str(settings.redis_url),
        "REDIS_PREFIX": prefix,
        "RABBITMQ_URL": settings.rabbitmq_url.get_secret_value(),
        "RABBITMQ_PREFIX": f"{prefix}.",
        "FERNET_KEYS": settings.fernet_keys.get_secret_value(),
        "MEDIA_SIGNING_KEY": settings.media_signing_key.get_secret_value(),
        "DATA_DIR": str(settings.data_dir),
        "FETCH_ALLOW_PRIVATE_ADDRESSES": "true",  # the PDS listens on 127.0.0.1
        "LOGIN_LIMIT_PER_ADDRESS": "1000",
        **extra,
    }


async def run_chaos(plan: ChaosPlan, settings: Settings, pds: PdsServer, prefix: str) -> ChaosReport:
    """Run the plan and report; every process, queue, key and database of the run is gone afterwards."""
    port = free_port()
    herald = _Herald(
        process_env(settings, prefix=prefix, port=port, extra=plan.env), f"http://127.0.0.1:{port}"
    )
    mongo: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(str(settings.mongodb_url), tz_aware=True)
    database = mongo[herald.env["MONGODB_DATABASE"]]
    redis = Redis.from_url(str(settings.redis_url))
    report = ChaosReport()
    started = time.monotonic()
    try:
        for _ in range(plan.workers):
            herald.start_worker()
        for _ in range(plan.schedulers):
            herald.start_scheduler()
        await herald.start_api()
        member, dids = await _member_with_accounts(ApiServer(herald.base_url), pds, plan.accounts)
        shaking = asyncio.create_task(_shake(plan, herald, database, report))
        await _create_posts(plan, herald, member, list(dids), report)
        await shaking
        await _settle(database, plan.settle_seconds)
        report.seconds = time.monotonic() - started
        await _count(report, database, redis, pds, dids, member.workspace_id, prefix)
        report.worker_starts = [w.ready_after for w in herald.retired + herald.workers if w.ready_after]
        return report
    finally:
        herald.stop_all()
        await mongo.drop_database(herald.env["MONGODB_DATABASE"])
        await mongo.close()
        keys = [key async for key in redis.scan_iter(match=f"{prefix}:*")]
        if keys:
            await redis.delete(*keys)
        await redis.aclose()
        assert settings.rabbitmq_url is not None
        await delete_queues(settings.rabbitmq_url.get_secret_value(), f"{prefix}.", queue_specs(settings))


async def _member_with_accounts(api: ApiServer, pds: PdsServer, count: int) -> tuple[Member, dict[str, str]]:
    """A user whose workspace has `count` PDS accounts: the member and {account id: did}."""
    member = await sign_up(api)
    accounts = {}
    for _ in range(count):
        account, app_password = await new_pds_account(pds)
        account_id = await connect_bluesky(api, member, pds.url, account.handle, app_password)
        accounts[account_id] = account.did
    return member, accounts


async def _create_posts(
    plan: ChaosPlan, herald: _Herald, member: Member, account_ids: list[str], report: ChaosReport
) -> None:
    """Schedule the posts over the window; halfway, the API is killed with a request in flight."""
    rng = random.Random(plan.seed)
    api = ApiServer(herald.base_url)
    first = datetime.now(UTC) + timedelta(seconds=3)

    def post(n: int) -> dict[str, Any]:
        at = max(first + timedelta(seconds=plan.spread_seconds * n / plan.posts), datetime.now(UTC))
        return {
            "text": f"chaos {plan.seed} post {n}",
            "scheduledAt": (at + timedelta(seconds=1)).isoformat(),
            "targets": [{"accountId": account_id} for account_id in account_ids],
        }

    for n in range(plan.posts):
        request = asyncio.create_task(create_post(api, member, **post(n)))
        if plan.kill_api and n == plan.posts // 2 and herald.api is not None:
            await asyncio.sleep(rng.uniform(0, 0.05))
            herald.api.kill()
            report.kills["api"] += 1
            report.kill_times.append((time.time(), "api"))
            herald.retired.append(herald.api)
            await herald.start_api()
        try:
            created = await request
        except (httpx.HTTPError, AssertionError):  # the API died under it: the client tries again
            created = await create_post(api, member, **post(n))
        assert created["userErrors"] == [], created


async def _shake(plan: ChaosPlan, herald: _Herald, database: Any, report: ChaosReport) -> None:
    """Kill a random worker every so often (a replacement starts at once), and the scheduler once."""
    rng = random.Random(plan.seed + 1)
    window = plan.spread_seconds + 4
    moments = sorted(rng.uniform(2, window) for _ in range(plan.worker_kills))
    scheduler_at = rng.uniform(2, window) if plan.kill_scheduler else None
    begun = time.monotonic()
    watching: list[asyncio.Task[None]] = []
    for moment in moments:
        if scheduler_at is not None and scheduler_at <= moment:
            await asyncio.sleep(max(0.0, begun + scheduler_at - time.monotonic()))
            _kill_scheduler(herald, report)
            scheduler_at = None
        await asyncio.sleep(max(0.0, begun + moment - time.monotonic()))
        victim = await _victim(rng, herald.workers, database)
        victim.kill()
        report.kills["worker"] += 1
        killed_at = time.monotonic()
        report.kill_times.append((time.time(), f"worker {victim.pid}"))
        herald.workers.remove(victim)
        herald.retired.append(victim)
        herald.start_worker()
        watching.append(asyncio.create_task(_watch_takeover(database, victim.pid, killed_at, report)))
    if scheduler_at is not None:
        await asyncio.sleep(max(0.0, begun + scheduler_at - time.monotonic()))
        _kill_scheduler(herald, report)
    await asyncio.gather(*watching)


async def _victim(rng: random.Random, workers: list[HeraldProcess], database: Any) -> HeraldProcess:
    """A worker in the middle of a publish if there is one (the case that matters), else one that is
    consuming, else any."""
    held = await database.post_targets.find({"status": TargetStatus.PUBLISHING}, {"lease_owner": 1}).to_list()
    owners = {str(doc.get("lease_owner")) for doc in held}
    busy = [w for w in workers if any(f":{w.pid}:" in owner for owner in owners)]
    ready = [w for w in workers if w.ready_after is not None]
    return rng.choice(busy or ready or workers)


def _kill_scheduler(herald: _Herald, report: ChaosReport) -> None:
    victim = herald.schedulers.pop(0)
    victim.kill()
    report.kills["scheduler"] += 1
    report.kill_times.append((time.time(), "scheduler"))
    herald.retired.append(victim)
    herald.start_scheduler()


async def _watch_takeover(database: Any, pid: int, killed_at: float, report: ChaosReport) -> None:
    """How long the targets the killed worker held stay held by it (its lease names its pid)."""
    held = await database.post_targets.find(
        {"status": TargetStatus.PUBLISHING, "lease_owner": {"$regex": f":{pid}:"}}, {"lease_owner": 1}
    ).to_list()
    waiting = {doc["_id"]: doc["lease_owner"] for doc in held}
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(120):
            while waiting:
                found = await database.post_targets.find(
                    {"_id": {"$in": list(waiting)}}, {"lease_owner": 1, "status": 1}
                ).to_list()
                for doc in found:
                    if doc["status"] != TargetStatus.PUBLISHING or doc["lease_owner"] != waiting[doc["_id"]]:
                        report.takeovers.append(time.monotonic() - killed_at)
                        del waiting[doc["_id"]]
                await asyncio.sleep(0.2)


async def _settle(database: Any, seconds: float) -> None:
    """Until every target is final, every outbox empty and every post agrees with its targets."""
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(seconds):
            while True:
                targets = await database.post_targets.find(
                    {}, {"status": 1, "outbox": 1, "post_id": 1}
                ).to_list()
                posts = await database.posts.find({}, {"status": 1}).to_list()
                done = all(t["status"] in FINAL and not t.get("outbox") for t in targets)
                if done and not _disagreeing(posts, targets):
                    return
                await asyncio.sleep(0.5)


def _latest(
    published: list[dict[str, Any]], timelines: Mapping[str, list[str]], began: float, count: int = 8
) -> list[str]:
    """The latest targets: when each was due, and when each of its events reached the stream (seconds into
    the run); with the kill times, where their lateness came from."""
    late = sorted(published, key=lambda t: t["published_at"] - t["scheduled_at"], reverse=True)[:count]
    return [
        f"{(t['published_at'] - t['scheduled_at']).total_seconds():.1f} late: "
        f"due {t['scheduled_at'].timestamp() - began:.1f}, {' '.join(timelines[str(t['_id'])])}"
        for t in late
    ]


def _disagreeing(posts: list[dict[str, Any]], targets: list[dict[str, Any]]) -> list[str]:
    by_post: dict[Any, list[TargetStatus]] = {}
    for target in targets:
        by_post.setdefault(target["post_id"], []).append(TargetStatus(target["status"]))
    # A post without targets is one a killed API left half-written (see resolvers.posts): not counted.
    return [
        str(post["_id"])
        for post in posts
        if post["_id"] in by_post and summarize(by_post[post["_id"]]) != post["status"]
    ]


async def _records(pds: PdsServer, did: str) -> list[dict[str, Any]]:
    """Every post record of the repo, page after page."""
    records: list[dict[str, Any]] = []
    cursor: str | None = None
    async with httpx.AsyncClient(base_url=f"{pds.url}/xrpc/", timeout=20) as client:
        while True:
            params = {
                "repo": did,
                "collection": COLLECTION,
                "limit": "100",
                **({"cursor": cursor} if cursor else {}),
            }
            page = (await client.get("com.atproto.repo.listRecords", params=params)).json()
            records += page["records"]
            cursor = page.get("cursor")
            if not cursor or not page["records"]:
                return records


async def _count(
    report: ChaosReport,
    database: Any,
    redis: Redis,
    pds: PdsServer,
    dids: Mapping[str, str],
    workspace_gid: str,
    prefix: str,
) -> None:
    targets = await database.post_targets.find({}).to_list()
    posts = await database.posts.find({}, {"status": 1, "workspace_id": 1}).to_list()
    report.targets = len(targets)
    report.by_status = Counter(t["status"] for t in targets)
    report.stuck_posts = _disagreeing(posts, targets)
    records = [record for did in dids.values() for record in await _records(pds, did)]
    report.records = len(records)
    uris = Counter(record["uri"] for record in records)
    published = [t for t in targets if t["status"] == TargetStatus.PUBLISHED]
    report.not_on_network = [str(t["_id"]) for t in published if uris[t["external_id"]] != 1]
    named = {t.get("external_id") for t in targets}
    report.stray_records = [uri for uri in uris if uri not in named]
    report.lateness = [(t["published_at"] - t["scheduled_at"]).total_seconds() for t in published]
    workspace_id = posts[0]["workspace_id"] if posts else workspace_gid
    stream = await redis.xrange(f"{prefix}:events:{workspace_id}") or []
    events: Counter[str] = Counter()
    timelines: dict[str, list[str]] = {}
    for entry_id, entry in stream:
        if entry is None:
            continue
        payload = json.loads(entry[b"payload"])
        if payload["status"] == TargetStatus.PUBLISHED:
            events[payload["target_id"]] += 1
        stamp = entry_id.decode() if isinstance(entry_id, bytes) else str(entry_id)
        at = int(stamp.split("-")[0]) / 1000 - report.began  # an entry's id is its time in ms
        timelines.setdefault(payload["target_id"], []).append(f"{payload['status']} {at:.1f}")
    report.latest = _latest(published, timelines, report.began)
    report.missing_events = [str(t["_id"]) for t in published if events[str(t["_id"])] == 0]
    report.duplicate_events = [target_id for target_id, n in events.items() if n > 1]
