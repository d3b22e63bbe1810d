"""Each network's text rules, and making text fit them: cut at a sentence, or split into thread parts."""

from __future__ import annotations

import pytest

from integrations.platforms.limits import LIMITS, fits, meta_length, text_violations, title_violations
from integrations.platforms.text_fit import (
    ELLIPSIS,
    compose,
    cut_to_fit,
    fit_with_hashtags,
    split_to_fit,
)
from models.platform import PlatformName

BLUESKY, THREADS, INSTAGRAM, REDDIT = (
    PlatformName.BLUESKY,
    PlatformName.THREADS,
    PlatformName.INSTAGRAM,
    PlatformName.REDDIT,
)
FAMILY = "👨‍👩‍👧‍👦"  # one grapheme, 25 UTF-8 bytes


def _codes(platform: PlatformName, text: str) -> list[str]:
    return [violation.code for violation in text_violations(platform, text)]


@pytest.mark.parametrize(
    ("platform", "text", "codes"),
    [
        (BLUESKY, "a" * 300, []),
        (BLUESKY, "a" * 301, ["TEXT_TOO_LONG"]),
        (BLUESKY, FAMILY * 300, ["TEXT_TOO_MANY_BYTES"]),
        (THREADS, "a" * 500, []),
        (THREADS, "a" * 497 + "🚀", ["TEXT_TOO_LONG"]),  # the rocket counts 4
        (THREADS, "a" * 496 + "🚀", []),
        (THREADS, " ".join(f"https://x.test/{i}" for i in range(5)), []),
        (THREADS, " ".join(f"https://x.test/{i}" for i in range(6)), ["TOO_MANY_LINKS"]),
        (INSTAGRAM, "a" * 2_200, []),
        (INSTAGRAM, "a" * 2_201, ["TEXT_TOO_LONG"]),
        (INSTAGRAM, " ".join(f"#tag{i}" for i in range(30)), []),
        (INSTAGRAM, " ".join(f"#tag{i}" for i in range(31)), ["TOO_MANY_HASHTAGS"]),
        (REDDIT, "a" * 40_000, []),
    ],
)
def test_text_limits(platform: PlatformName, text: str, codes: list[str]) -> None:
    assert _codes(platform, text) == codes


def test_meta_counts_emoji_by_their_bytes() -> None:
    assert meta_length("ab") == 2
    assert meta_length("🚀") == 4
    assert meta_length(FAMILY) == 25
    assert meta_length("é") == 1


def test_only_reddit_needs_a_title() -> None:
    assert title_violations(BLUESKY, None) == []
    assert [v.code for v in title_violations(REDDIT, None)] == ["TITLE_REQUIRED"]
    assert [v.code for v in title_violations(REDDIT, "t" * 301)] == ["TITLE_TOO_LONG"]
    assert title_violations(REDDIT, "t" * 300) == []


def test_a_long_text_is_cut_at_the_last_sentence_that_fits() -> None:
    # given three sentences that together are over Bluesky's limit
    first, second, third = "A" * 120 + ".", "B" * 120 + "!", "C" * 120 + "."
    text = f"{first} {second} {third}"

    # when it is cut to fit, then the third sentence goes
    assert cut_to_fit(BLUESKY, text) == f"{first} {second}"


def test_a_single_long_sentence_is_cut_at_a_word_with_an_ellipsis() -> None:
    text = " ".join(["word"] * 100)
    cut = cut_to_fit(BLUESKY, text)
    assert cut.endswith("word" + ELLIPSIS)
    assert fits(BLUESKY, cut)
    assert len(cut) > 290


def test_hashtags_go_before_any_sentence_does() -> None:
    # given a body that fits alone and two hashtags that do not both fit beside it
    body = "Short sentence. " + "x" * 200 + "."
    tags = ["a" * 60, "b" * 60]

    # when they are fitted, then the last hashtag goes and the body stays whole
    assert fit_with_hashtags(BLUESKY, body, tags) == (body, ["a" * 60])


def test_a_body_too_long_alone_is_cut_and_hashtags_that_fit_come_back() -> None:
    # given a body over the limit on its own
    body = "First sentence here. " + "y" * 270 + ". Last one."

    # when it is fitted with a short hashtag, then the body is cut at a sentence, leaving room for it
    kept_body, kept_tags = fit_with_hashtags(BLUESKY, body, ["bread"])
    assert (kept_body, kept_tags) == ("First sentence here. " + "y" * 270 + ".", ["bread"])
    assert fits(BLUESKY, compose(kept_body, kept_tags))


def test_a_long_text_splits_into_parts_that_each_fit() -> None:
    # given a text three times as long as a Bluesky post, with a very long "sentence" in the middle
    sentences = [f"Sentence number {i} is here." for i in range(20)]
    text = " ".join(sentences[:10]) + " " + "y" * 400 + " " + " ".join(sentences[10:])

    # when it is split
    parts = split_to_fit(BLUESKY, text)

    # then every part fits, nothing is lost and whole sentences stay together
    assert len(parts) >= 3
    assert all(fits(BLUESKY, part) for part in parts)
    assert "".join(parts).replace(" ", "") == text.replace(" ", "")
    assert parts[0].endswith("here.")


def test_every_network_has_limits() -> None:
    assert set(LIMITS) == set(PlatformName)
