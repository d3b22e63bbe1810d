"""The calendar's read: what is due or went out in a window of time, in time order."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from app.context import Info
from resolvers import calendar as use_cases
from schema.common import signed_in
from schema.posts import PostTarget
from schema.relay import parse_id_of


@strawberry.type(description="One target at its place on the calendar.")
class CalendarEntry:
    at: datetime = strawberry.field(
        description="When it went out for a PUBLISHED target, else when it is (or was) due."
    )
    target: PostTarget = strawberry.field(description="The target; its post through `target.post`.")


@strawberry.type(description="The targets in a calendar window, earliest first.")
class CalendarWindow:
    entries: list[CalendarEntry]
    truncated: bool = strawberry.field(
        description="True when more targets fall in the window than `first`: ask for a shorter one."
    )


@strawberry.type
class CalendarQuery:
    """The calendar."""

    @strawberry.field(
        description="The workspace's targets due or published in [from, to) (at most 62 days), earliest "
        "first: a PUBLISHED one at its publish time, any other with a scheduled time at that time (drafts "
        "and targets queued at once have none). Empty when the workspace is not visible."
    )
    async def calendar_entries(
        self,
        info: Info,
        workspace_id: strawberry.ID,
        from_: Annotated[datetime, strawberry.argument(name="from")],
        to: datetime,
        first: int = 500,
    ) -> CalendarWindow:
        found = await use_cases.calendar_window(
            signed_in(info), parse_id_of("Workspace", workspace_id), from_, to, first
        )
        if found is None:
            return CalendarWindow(entries=[], truncated=False)
        return CalendarWindow(
            entries=[
                CalendarEntry(at=target.calendar_at, target=PostTarget.from_model(target))
                for target in found.targets
                if target.calendar_at is not None
            ],
            truncated=found.truncated,
        )
