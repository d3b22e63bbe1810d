"""Exporting a period's analytics: a CSV stored like media, handed out as an expiring download URL."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from beanie import PydanticObjectId

from app.services import Services
from models.analytics_export import export_csv
from models.clock import utcnow
from models.user import User
from models.workspace import Role
from resolvers.access import workspace_for
from resolvers.analytics import period_problem
from resolvers.codes import AnalyticsErrorCode
from resolvers.errors import reject

CONTENT_TYPE = "text/csv; charset=utf-8"


@dataclass(frozen=True, slots=True)
class Export:
    url: str
    expires_at: datetime


async def analytics_export(
    services: Services, user: User, workspace_id: PydanticObjectId | None, start: datetime, end: datetime
) -> Export:
    """The CSV of the posts published in [start, end) (see `models.analytics_export`), for any member."""
    workspace = await workspace_for(user, workspace_id, Role.VIEWER, "workspaceId")
    if (problem := period_problem(start, end)) is not None:
        raise reject(AnalyticsErrorCode.INVALID_PERIOD, problem, "from")
    assert workspace.id is not None
    data = await export_csv(workspace.id, start, end, ZoneInfo(workspace.timezone))
    # A random name: the URL is the only way to the file, and two exports never overwrite each other.
    key = f"{workspace.id}/exports/analytics-{start:%Y%m%d}-{end:%Y%m%d}-{secrets.token_hex(8)}.csv"
    storage = services.storage
    await storage.put(key, data, "text/csv")
    ttl = timedelta(seconds=services.settings.media_url_ttl_seconds)
    expires_at = utcnow() + ttl
    return Export(url=await storage.download_url(key, CONTENT_TYPE, ttl), expires_at=expires_at)
