"""The window in which a lost publish is looked for starts when the target was written."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from integrations.platforms.reconcile import CLOCK_SKEW, same_caption, same_text, window_start
from models.target_state import new_idempotency_key


def test_the_window_starts_at_the_targets_creation_less_clock_skew() -> None:
    before = datetime.now(UTC)
    key = new_idempotency_key()
    start = window_start(key)
    assert before - CLOCK_SKEW - timedelta(seconds=1) <= start <= datetime.now(UTC) - CLOCK_SKEW


def test_a_key_of_another_shape_looks_back_two_days() -> None:
    start = window_start("not-a-time-prefixed-key")
    assert abs((datetime.now(UTC) - start) - timedelta(days=2)) < timedelta(seconds=5)


def test_texts_match_as_networks_store_them() -> None:
    assert same_text("Hello\nworld ", "Hello\r\nworld")
    assert not same_text("Hello world", "Hello  world")
    assert not same_text(None, "")


def test_a_missing_caption_is_an_empty_one() -> None:
    assert same_caption(None, "") and same_caption(" ", "")
    assert not same_caption(None, "words") and not same_caption("words", "")
