"""Published posts and their readings, written straight to MongoDB for the analytics tests.

`seed_march` builds the workspace every analytics test reads back: America/New_York, two local weeks
around the start of daylight saving time (Sunday 2026-03-08, 02:00 EST → 03:00 EDT), posts on Bluesky,
Threads and Reddit. The expected figures in the tests are worked out by hand from the table below.

    label  network  published (UTC)       local (New York)        latest reading                   engagement
    T1     Bluesky  2026-03-07 23:30      Sat 03-07 18:30 EST     likes 10 reposts 2 replies 1 q 0 s 0   13
    T2     Bluesky  2026-03-08 06:30      Sun 03-08 01:30 EST     likes 4 quotes 1 (saves not reported)   5
    T3     Bluesky  2026-03-08 07:30      Sun 03-08 03:30 EDT     all 0 (saves 0)                         0
    T4     Threads  2026-03-09 13:00      Mon 03-09 09:00 EDT     views 200 likes 6 replies 2 r 1 q 1    10
    T5     Reddit   2026-03-15 03:59      Sat 03-14 23:59 EDT     ups 30 comments 5 xposts 0 score 28    35
    T6     Bluesky  2026-03-10 04:30      Tue 03-10 00:30 EDT     none yet                                 -
    T7     Bluesky  2026-03-16 04:00      Mon 03-16 00:00 EDT     likes 100 (after the period)           100
    T8     Bluesky  2026-03-02 04:59      Sun 03-01 23:59 EST     likes 50 (before the period)            50
    F1     Bluesky  2026-03-09 15:00      (FAILED: never published, not counted)

Followers: Bluesky 90 then 100 (latest), Threads 50, Reddit never read.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from beanie import PydanticObjectId

from app.services import Services
from integrations.platforms.metrics import Metrics
from models.metric_snapshot import MetricSnapshot
from models.platform import PlatformName
from models.post import Post
from models.post_target import PostTarget
from models.social_account import SocialAccount
from models.target_state import TargetStatus
from models.workspace import Workspace
from schema.relay import parse_id_of

PERIOD_START = datetime(2026, 3, 2, 5, 0, tzinfo=UTC)  # Mon 03-02 00:00 EST
PERIOD_END = datetime(2026, 3, 16, 4, 0, tzinfo=UTC)  # Mon 03-16 00:00 EDT


def at(text: str) -> datetime:
    """`2026-03-08 06:30` in UTC."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@dataclass
class Seeded:
    workspace_id: PydanticObjectId
    accounts: dict[PlatformName, SocialAccount] = field(default_factory=dict)
    targets: dict[str, PostTarget] = field(default_factory=dict)


async def workspace_in(workspace_global_id: str, timezone: str) -> Workspace:
    """The member's workspace, moved to `timezone`."""
    workspace = await Workspace.get(parse_id_of("Workspace", workspace_global_id))
    assert workspace is not None
    await workspace.set({"timezone": timezone})
    return workspace


async def seed_account(
    services: Services,
    workspace_id: PydanticObjectId,
    platform: PlatformName,
    credentials: dict[str, Any] | None = None,
) -> SocialAccount:
    account = SocialAccount(
        workspace_id=workspace_id,
        platform=platform,
        external_id=f"ext-{uuid.uuid4().hex[:12]}",
        handle=f"{platform.lower()}-{uuid.uuid4().hex[:6]}",
        credentials=services.cipher.encrypt(credentials or {"access_token": "unused"}),
    )
    await account.insert()
    return account


async def seed_target(
    account: SocialAccount,
    published_at: datetime,
    *,
    text: str = "A post",
    status: TargetStatus = TargetStatus.PUBLISHED,
    external_id: str | None = None,
) -> PostTarget:
    post = Post(workspace_id=account.workspace_id, author_id=PydanticObjectId(), text=text)
    await post.insert()
    assert post.id is not None and account.id is not None
    target = PostTarget(
        workspace_id=account.workspace_id,
        post_id=post.id,
        account_id=account.id,
        platform=account.platform,
        status=status,
        published_at=published_at if status is TargetStatus.PUBLISHED else None,
        external_id=external_id
        or (f"ext-{uuid.uuid4().hex[:10]}" if status is TargetStatus.PUBLISHED else None),
        external_url="https://example.test/post" if status is TargetStatus.PUBLISHED else None,
    )
    await target.insert()
    return target


async def seed_reading(target: PostTarget, collected_at: datetime, **values: Any) -> None:
    await MetricSnapshot.record_post(target, Metrics(**values), collected_at)


async def new_workspace(timezone: str) -> Workspace:
    """A workspace nobody is a member of (for tests below the API)."""
    workspace = Workspace(name="Analytics", timezone=timezone)
    await workspace.insert()
    return workspace


async def seed_march(services: Services, workspace: Workspace) -> Seeded:
    """The posts of the module docstring's table in `workspace` (whose time zone is America/New_York)."""
    assert workspace.id is not None and workspace.timezone == "America/New_York"
    seeded = Seeded(workspace.id)
    for platform in (PlatformName.BLUESKY, PlatformName.THREADS, PlatformName.REDDIT):
        seeded.accounts[platform] = await seed_account(services, workspace.id, platform)
    bluesky, threads, reddit = (
        seeded.accounts[p] for p in (PlatformName.BLUESKY, PlatformName.THREADS, PlatformName.REDDIT)
    )
    later = at("2026-03-20 12:00")
    rows: list[tuple[str, SocialAccount, str, str, dict[str, Any] | None]] = [
        (
            "T1",
            bluesky,
            "2026-03-07 23:30",
            "Launch day",
            dict(likes=10, reposts=2, replies=1, quotes=0, saves=0),
        ),
        ("T2", bluesky, "2026-03-08 06:30", "=SUM(A1)", dict(likes=4, reposts=0, replies=0, quotes=1)),
        (
            "T3",
            bluesky,
            "2026-03-08 07:30",
            "Quiet one",
            dict(likes=0, reposts=0, replies=0, quotes=0, saves=0),
        ),
        (
            "T4",
            threads,
            "2026-03-09 13:00",
            "On Threads",
            dict(views=200, likes=6, replies=2, reposts=1, quotes=1),
        ),
        (
            "T5",
            reddit,
            "2026-03-15 03:59",
            "On Reddit",
            dict(likes=30, replies=5, reposts=0, score=28, upvote_ratio=0.9),
        ),
        ("T6", bluesky, "2026-03-10 04:30", "Not read yet", None),
        ("T7", bluesky, "2026-03-16 04:00", "After", dict(likes=100)),
        ("T8", bluesky, "2026-03-02 04:59", "Before", dict(likes=50)),
    ]
    for label, account, published, text, latest in rows:
        target = await seed_target(account, at(published), text=text)
        seeded.targets[label] = target
        if latest is not None:
            await seed_reading(
                target, at(published) + (later - at(published)) / 2, likes=1
            )  # an older reading
            await seed_reading(target, later, **latest)
    seeded.targets["F1"] = await seed_target(bluesky, at("2026-03-09 15:00"), status=TargetStatus.FAILED)
    await MetricSnapshot.record_account(bluesky, 90, at("2026-03-10 00:00"))
    await MetricSnapshot.record_account(bluesky, 100, at("2026-03-11 00:00"))
    await MetricSnapshot.record_account(threads, 50, at("2026-03-11 00:00"))
    return seeded
