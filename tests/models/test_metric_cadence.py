"""The reading cadence, with a controlled clock: often while a post is young, less as it ages, later
when nothing moves, never once it is old."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.settings import Settings
from models.metric_cadence import next_collection_at, retry_collection_at

SETTINGS = Settings(_env_file=None)  # the defaults: 5 min .. 1 day, ratio 0.25, stretch 0.5, 30 days
PUBLISHED = datetime(2026, 3, 8, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("age", "interval"),
    [
        (timedelta(minutes=2), timedelta(minutes=5)),  # young: the shortest interval
        (timedelta(hours=1), timedelta(minutes=15)),  # a quarter of its age
        (timedelta(days=1), timedelta(hours=6)),
        (timedelta(days=10), timedelta(days=1)),  # capped at a day
    ],
)
def test_a_post_that_keeps_changing_is_read_at_a_quarter_of_its_age(
    age: timedelta, interval: timedelta
) -> None:
    # given a post whose numbers changed at the reading just taken
    now = PUBLISHED + age

    # when the next reading is planned
    planned = next_collection_at(PUBLISHED, now, now, SETTINGS)

    # then it waits a quarter of the post's age, between 5 minutes and a day
    assert planned == now + interval


def test_a_reading_that_did_not_change_stretches_the_next_interval() -> None:
    # given a 9-hour-old post whose numbers last moved 8 hours ago
    now = PUBLISHED + timedelta(hours=9)
    last_changed = PUBLISHED + timedelta(hours=1)

    # when the next reading is planned
    planned = next_collection_at(PUBLISHED, last_changed, now, SETTINGS)

    # then it waits half the unchanged time (4 h), more than a quarter of its age (2 h 15)
    assert planned == now + timedelta(hours=4)
    assert next_collection_at(PUBLISHED, now, now, SETTINGS) == now + timedelta(hours=2, minutes=15)


def test_a_post_never_read_yet_counts_as_unchanged_since_it_was_published() -> None:
    now = PUBLISHED + timedelta(hours=2)
    assert next_collection_at(PUBLISHED, None, now, SETTINGS) == now + timedelta(hours=1)


def test_readings_stop_at_the_configured_age_with_one_last_reading_there() -> None:
    # given a post a little younger than 30 days
    stop = PUBLISHED + timedelta(days=30)
    now = stop - timedelta(hours=3)

    # when the next reading is planned, and again at the stop
    last = next_collection_at(PUBLISHED, now, now, SETTINGS)
    after = next_collection_at(PUBLISHED, now, stop, SETTINGS)

    # then the last reading lands on the stop, and none comes after it
    assert last == stop
    assert after is None


def test_a_shorter_stop_age_is_honoured() -> None:
    settings = Settings(_env_file=None, analytics_stop_after_days=2)
    assert next_collection_at(PUBLISHED, None, PUBLISHED + timedelta(days=2), settings) is None


def test_failed_readings_are_retried_later_and_later_up_to_a_day() -> None:
    # given a day-old post whose readings keep failing
    now = PUBLISHED + timedelta(days=1)

    # when retries are planned after 1, 2, 3 and 20 failures in a row
    waits = [retry_collection_at(PUBLISHED, n, now, SETTINGS) for n in (1, 2, 3, 20)]

    # then they double from 10 minutes and are capped at a day
    assert [w - now for w in waits if w is not None] == [
        timedelta(minutes=10),
        timedelta(minutes=20),
        timedelta(minutes=40),
        timedelta(days=1),
    ]
    assert retry_collection_at(PUBLISHED, 1, PUBLISHED + timedelta(days=31), SETTINGS) is None
