"""Bluesky's text rules, facet detection and record keys, without a network."""

from __future__ import annotations

import pytest
import regex
from atproto_client import models
from atproto_client.utils import facet_detection

from integrations.platforms.base import PostContent
from integrations.platforms.bluesky import Bluesky
from integrations.platforms.bluesky_text import (
    MAX_BYTES,
    MAX_GRAPHEMES,
    MAX_TAG_GRAPHEMES,
    FacetKind,
    FacetSpan,
    build_facets,
    detect_facet_spans,
    grapheme_count,
    is_tid,
    record_key,
)

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"  # 👨‍👩‍👧‍👦, 25 UTF-8 bytes
TID_PATTERN = regex.compile(r"^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")
KEY = "0006123456789abc" + "0123456789abcdef"  # what Herald stores: micros (16 hex) + random (16 hex)


def _codes(text: str) -> list[str]:
    return [violation.code for violation in Bluesky().validate(PostContent(text=text))]


def _covered(text: str, span: FacetSpan) -> str:
    return text.encode("utf-8")[span.byte_start : span.byte_end].decode("utf-8")


# --- validation ---------------------------------------------------------------------------------------------


def test_exactly_300_graphemes_is_allowed() -> None:
    assert _codes("a" * MAX_GRAPHEMES) == []


def test_301_graphemes_is_too_long() -> None:
    # given / when
    violations = Bluesky().validate(PostContent(text="a" * (MAX_GRAPHEMES + 1)))

    # then
    assert [v.code for v in violations] == ["TEXT_TOO_LONG"]
    assert violations[0].field == ("text",)
    assert "301" in violations[0].message
    assert "300" in violations[0].message


def test_an_emoji_family_counts_as_one_grapheme() -> None:
    assert grapheme_count(FAMILY) == 1
    # 100 families and 200 letters: 300 graphemes, 2,700 bytes
    assert _codes(FAMILY * 100 + "a" * 200) == []


def test_under_300_graphemes_but_over_3000_bytes_is_refused() -> None:
    # given 121 families: 121 graphemes, 3,025 bytes
    text = FAMILY * 121
    assert grapheme_count(text) < MAX_GRAPHEMES
    assert len(text.encode()) > MAX_BYTES

    # when / then
    assert _codes(text) == ["TEXT_TOO_MANY_BYTES"]


def test_exactly_3000_bytes_is_allowed() -> None:
    text = FAMILY * 120  # 120 graphemes, 3,000 bytes
    assert len(text.encode()) == MAX_BYTES
    assert _codes(text) == []


def test_text_over_both_limits_reports_both() -> None:
    assert _codes("é" * 1501) == ["TEXT_TOO_LONG", "TEXT_TOO_MANY_BYTES"]


# --- facets -------------------------------------------------------------------------------------------------


def test_facets_are_utf8_byte_offsets_after_emoji() -> None:
    # given an emoji before each feature, so string indexes and byte offsets differ
    text = f"{FAMILY} read https://example.test/a?b=1. {FAMILY} @alice.test! {FAMILY} #herald."

    # when
    spans = detect_facet_spans(text)

    # then
    assert [(s.kind, s.value) for s in spans] == [
        (FacetKind.LINK, "https://example.test/a?b=1"),
        (FacetKind.MENTION, "alice.test"),
        (FacetKind.TAG, "herald"),
    ]
    assert [_covered(text, s) for s in spans] == ["https://example.test/a?b=1", "@alice.test", "#herald"]
    link_start = len(f"{FAMILY} read ".encode())
    assert (spans[0].byte_start, spans[0].byte_end) == (
        link_start,
        link_start + len("https://example.test/a?b=1"),
    )


def test_link_drops_one_trailing_punctuation_and_an_unbalanced_parenthesis_as_the_app_does() -> None:
    # The official rule strips one of .,;:!? and then a ")" only when the link holds no "(".
    text = "(see https://en.example.test/wiki/Foo_(bar)), then https://x.test/?q=1!? (https://y.test/a)"

    spans = detect_facet_spans(text)

    assert [s.value for s in spans] == [
        "https://en.example.test/wiki/Foo_(bar))",
        "https://x.test/?q=1!",
        "https://y.test/a",
    ]


# Texts where a home-grown detector and the Bluesky app's (`detectFacets` of @atproto/api, ported by the
# atproto SDK) are easy to tell apart.
TRICKY_TEXTS = [
    f"{FAMILY} see https://example.com/a?b=1 {FAMILY} and example.org {FAMILY}",
    "a link in parentheses (https://example.com/path) and (example.net)",
    "the end: https://example.com/docs.",
    "IDN: https://bücher.example/straße and bücher.de and xn--bcher-kva.de/x",
    "ping @alice.example.com, @Bob.Bsky.Social and @carol.test; mail me@alice.example.com",
    "bare domains: example.com, docs.example.org/path?x=1. and notatld.zzzz or file.txt",
    "buy $TSLA and ($aapl), not $100, $TOOLONG or a$BC; #tag #123 #émoji!",
    "http://a.test https://b.test/x_(y) example.com/(z) www.example.co.uk:8080/p",
]


def _sdk_facets(text: str) -> list[tuple[int, int, str, str]]:
    """What the Bluesky app would mark in `text` (mentions before resolving): (start, end, kind, value)."""
    found = [
        (m.byte_start, m.byte_end, "mention", m.handle.lower()) for m in facet_detection.detect_mentions(text)
    ]
    for facet in facet_detection.detect_facets(text):
        feature = facet.features[0]
        kind, value = (
            ("link", feature.uri)
            if isinstance(feature, models.AppBskyRichtextFacet.Link)
            else ("tag", feature.tag)
        )
        found.append((facet.index.byte_start, facet.index.byte_end, kind, value))
    return sorted(found)


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_facets_match_the_bluesky_app_byte_for_byte(text: str) -> None:
    spans = detect_facet_spans(text)

    assert [(s.byte_start, s.byte_end, s.kind.value, s.value) for s in spans] == _sdk_facets(text)


def test_bare_domains_and_cashtags_become_links_and_tags() -> None:
    # given a bare domain and a cashtag, which the Bluesky app links
    text = "see example.com/docs and $tsla"

    # when
    facets = build_facets(detect_facet_spans(text), {})

    # then the domain links to https://, and the cashtag is a tag with its dollar sign, upper case
    assert [(f["index"]["byteStart"], f["index"]["byteEnd"], f["features"][0]) for f in facets] == [
        (4, 20, {"$type": "app.bsky.richtext.facet#link", "uri": "https://example.com/docs"}),
        (25, 30, {"$type": "app.bsky.richtext.facet#tag", "tag": "$TSLA"}),
    ]


def test_mentions_need_a_domain_and_a_word_boundary() -> None:
    text = "hi @bob, mail bob@alice.test, ping (@Carol.Example.test) and @dave.test."

    spans = detect_facet_spans(text)

    assert [(s.value, _covered(text, s)) for s in spans] == [
        ("carol.example.test", "@Carol.Example.test"),
        ("dave.test", "@dave.test"),
    ]


def test_tags_exclude_hash_digits_and_long_tags() -> None:
    long_tag = "a" * (MAX_TAG_GRAPHEMES + 1)
    text = f"#123 #ok #{long_tag} #日本語! x#nope #{'b' * MAX_TAG_GRAPHEMES}"

    spans = detect_facet_spans(text)

    assert [s.value for s in spans] == ["ok", "日本語", "b" * MAX_TAG_GRAPHEMES]
    assert [_covered(text, s) for s in spans][:2] == ["#ok", "#日本語"]


def test_nothing_inside_a_link_becomes_another_facet() -> None:
    spans = detect_facet_spans("https://x.test/#frag https://x.test/(@alice.test)")

    assert [s.kind for s in spans] == [FacetKind.LINK, FacetKind.LINK]


def test_unresolved_mentions_get_no_facet() -> None:
    # given two mentions, only one resolved
    text = "@alice.test @ghost.test"
    spans = detect_facet_spans(text)

    # when
    facets = build_facets(spans, {"alice.test": "did:plc:alice"})

    # then
    assert facets == [
        {
            "$type": "app.bsky.richtext.facet",
            "index": {"byteStart": 0, "byteEnd": 11},
            "features": [{"$type": "app.bsky.richtext.facet#mention", "did": "did:plc:alice"}],
        }
    ]


# --- record keys --------------------------------------------------------------------------------------------


def test_record_key_is_a_valid_tid() -> None:
    rkey = record_key(KEY)

    assert len(rkey) == 13
    assert TID_PATTERN.match(rkey)
    assert is_tid(rkey)


def test_record_key_is_deterministic_and_differs_per_key_and_part() -> None:
    other = KEY[:16] + "fedcba9876543210"  # same microsecond, other target

    assert record_key(KEY) == record_key(KEY)
    assert record_key(KEY) != record_key(other)
    assert record_key(KEY, part=1) not in {record_key(KEY), record_key(other)}


def test_record_key_carries_the_key_timestamp_and_sorts_by_it() -> None:
    # given keys of targets created one after the other
    earlier, later = "0006123456789abc" + "f" * 16, "0006123456789abd" + "0" * 16

    # then the TIDs sort the same way, and part n sorts after part n-1
    assert record_key(earlier) < record_key(later)
    assert record_key(KEY, 0) < record_key(KEY, 1) < record_key(KEY, 2)
    value = 0
    for char in record_key(KEY):
        value = value * 32 + "234567abcdefghijklmnopqrstuvwxyz".index(char)
    assert value >> 10 == int(KEY[:16], 16)
    assert value >> 63 == 0


@pytest.mark.parametrize("key", ["", "not-hex-at-all-xx", "f" * 32])
def test_malformed_idempotency_key_is_refused(key: str) -> None:
    # "f" * 32 is well formed but its timestamp does not fit the 53 bits of a TID
    with pytest.raises(ValueError, match="idempotency key"):
        record_key(key)
