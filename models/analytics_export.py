"""A period's analytics as CSV: one row per post published in it, with its latest reading.

Columns: when it was published (UTC, and in the workspace's time zone), the network, the account, the
post's URL and text, every metric, its engagement and when it was read. A metric the network does not
report is an empty cell; a reported zero is `0`. Text cells that a spreadsheet would run as a formula
(starting with `=`, `+`, `-`, `@`, a tab or a carriage return) get a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from beanie import PydanticObjectId

from models.metric_snapshot import MetricSnapshot
from models.metrics import METRIC_FIELDS
from models.post import Post
from models.post_target import PostTarget
from models.social_account import SocialAccount
from models.target_state import TargetStatus

COLUMNS = (
    "published_at",
    "published_at_local",
    "network",
    "account",
    "url",
    "text",
    *METRIC_FIELDS,
    "engagement",
    "collected_at",
)
MAX_ROWS = 50_000
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


async def export_csv(workspace_id: PydanticObjectId, start: datetime, end: datetime, zone: ZoneInfo) -> bytes:
    """The CSV (UTF-8) of the posts published in [start, end), oldest first (at most `MAX_ROWS`)."""
    targets = (
        await PostTarget.find(
            {
                "workspace_id": workspace_id,
                "status": TargetStatus.PUBLISHED,
                "published_at": {"$gte": start, "$lt": end},
            }
        )
        .sort("published_at")
        .limit(MAX_ROWS)
        .to_list()
    )
    readings = await MetricSnapshot.latest_of_targets([t.id for t in targets if t.id is not None])
    accounts = await _by_id(SocialAccount, {t.account_id for t in targets})
    posts = await _by_id(Post, {t.post_id for t in targets if t.text is None})
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for target, reading in zip(targets, readings, strict=True):
        account = accounts.get(target.account_id)
        post = posts.get(target.post_id)
        text = target.text if target.text is not None else (post.text if post else "")
        writer.writerow(
            [
                _when(target.published_at, None),
                _when(target.published_at, zone),
                target.platform,
                _safe(account.handle if account else ""),
                target.external_url or "",
                _safe(text),
                *[_cell(getattr(reading, name) if reading else None) for name in METRIC_FIELDS],
                _cell(reading.engagement if reading else None),
                _when(reading.collected_at if reading else None, None),
            ]
        )
    return out.getvalue().encode()


async def _by_id(
    model: type[SocialAccount] | type[Post], ids: set[PydanticObjectId]
) -> dict[PydanticObjectId, Any]:
    found = await model.find({"_id": {"$in": list(ids)}}).to_list() if ids else []
    return {doc.id: doc for doc in found if doc.id is not None}


def _when(at: datetime | None, zone: ZoneInfo | None) -> str:
    if at is None:
        return ""
    aware = at if at.tzinfo is not None else at.replace(tzinfo=ZoneInfo("UTC"))
    return aware.astimezone(zone or ZoneInfo("UTC")).isoformat()


def _cell(value: int | float | None) -> str:
    return "" if value is None else str(value)


def _safe(text: str) -> str:
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def parse(data: bytes) -> Sequence[dict[str, str]]:
    """The rows of an export, by column (for tests and scripts reading one back)."""
    return list(csv.DictReader(io.StringIO(data.decode())))
