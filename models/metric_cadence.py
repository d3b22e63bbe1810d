"""When to read a published post's numbers again: often while it is young, less as it ages, not at all
once it is old, and later still when the last readings did not move.

    interval = clamp(min_interval, max(age * age_ratio, unchanged_for * unchanged_stretch), max_interval)

`age` is the time since the post was published and `unchanged_for` the time since a reading last differed
from the one before it (since publication when none has yet). With the defaults (5 minutes, 0.25, 0.5,
one day) a post is read every 5 minutes in its first 20 minutes, every 15 minutes at one hour old, every
6 hours at one day, once a day from four days on; a post whose numbers have not moved for 8 hours is read
at most every 4 hours. Readings stop `stop_after` after publication (one last reading lands exactly
there). Pure functions of their arguments: the caller passes the clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Protocol


class CadenceSettings(Protocol):
    """The settings the cadence reads (`app.settings.Settings` has them all)."""

    @property
    def analytics_min_interval_seconds(self) -> float: ...
    @property
    def analytics_max_interval_seconds(self) -> float: ...
    @property
    def analytics_age_ratio(self) -> float: ...
    @property
    def analytics_unchanged_stretch(self) -> float: ...
    @property
    def analytics_stop_after_days(self) -> float: ...
    @property
    def analytics_retry_seconds(self) -> float: ...


def next_collection_at(
    published_at: datetime, last_changed_at: datetime | None, now: datetime, settings: CadenceSettings
) -> datetime | None:
    """When to read the post next, after a reading at `now`; None once the post is too old to follow."""
    stop_at = published_at + timedelta(days=settings.analytics_stop_after_days)
    if now >= stop_at:
        return None
    age = max(timedelta(0), now - published_at)
    unchanged_for = max(timedelta(0), now - (last_changed_at or published_at))
    wanted = max(age * settings.analytics_age_ratio, unchanged_for * settings.analytics_unchanged_stretch)
    interval = min(
        max(wanted, timedelta(seconds=settings.analytics_min_interval_seconds)),
        timedelta(seconds=settings.analytics_max_interval_seconds),
    )
    return min(now + interval, stop_at)


def retry_collection_at(
    published_at: datetime, failures: int, now: datetime, settings: CadenceSettings
) -> datetime | None:
    """When to try again after `failures` failed readings in a row (doubling from `retry_seconds`, capped
    at the longest interval); None once the post is too old to follow."""
    stop_at = published_at + timedelta(days=settings.analytics_stop_after_days)
    if now >= stop_at:
        return None
    doubled = settings.analytics_retry_seconds * 2 ** min(max(failures - 1, 0), 30)
    wait = timedelta(seconds=min(doubled, settings.analytics_max_interval_seconds))
    return min(now + wait, stop_at)
