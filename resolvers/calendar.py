"""The calendar's window: the targets due or published between two instants, in time order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from beanie import PydanticObjectId
from graphql import GraphQLError

from models.calendar import targets_in_window
from models.post_target import PostTarget
from models.user import User
from resolvers.access import visible_workspace

MAX_WINDOW = timedelta(days=62)  # a month view (six weeks) and some margin; a year is many requests
MAX_ENTRIES = 1000


@dataclass(frozen=True, slots=True)
class CalendarWindow:
    """The targets in the window (each at `calendar_at`), and whether more were left out."""

    targets: list[PostTarget]
    truncated: bool


def window_problem(start: datetime, end: datetime, first: int) -> str | None:
    """What is wrong with asking for [start, end) and at most `first` entries, None when nothing is."""
    if start.tzinfo is None or end.tzinfo is None:
        return "Give `from` and `to` with their UTC offset."
    if start >= end:
        return "`from` must be before `to`."
    if end - start > MAX_WINDOW:
        return f"A calendar window is at most {MAX_WINDOW.days} days; ask for several."
    if not 1 <= first <= MAX_ENTRIES:
        return f"`first` must be between 1 and {MAX_ENTRIES}."
    return None


async def calendar_window(
    user: User, workspace_id: PydanticObjectId | None, start: datetime, end: datetime, first: int
) -> CalendarWindow | None:
    """The workspace's targets whose calendar time is in [start, end), at most `first` of them, earliest
    first; None when the workspace is not visible."""
    if (problem := window_problem(start, end, first)) is not None:
        raise GraphQLError(problem, extensions={"code": "BAD_USER_INPUT"})
    workspace = await visible_workspace(user, workspace_id)
    if workspace is None or workspace.id is None:
        return None
    found = await targets_in_window(workspace.id, start, end, first + 1)
    return CalendarWindow(targets=found[:first], truncated=len(found) > first)
