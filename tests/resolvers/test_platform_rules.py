"""platformRules: every network's rules and capabilities, as the checks that refuse a post read them."""

from __future__ import annotations

from typing import Any

import pytest

from tests.herald_client import Member, sign_up
from tests.stack import ApiServer, data, gql

RULES = """
{
  platformRules {
    platform label mediaRequired titleRequired subredditRequired threads maxThreadPosts
    firstComment quote reply link linkOption langs flair delete metrics
    text { maxLength counting maxBytes maxLinks maxHashtags titleMaxLength }
    media {
      variant minItems maxItems maxVideos carousel mixed imageTypes maxImageBytes videoTypes
      maxVideoBytes minVideoSeconds maxVideoSeconds
    }
  }
}"""


@pytest.fixture(scope="module")
async def rules(api: ApiServer) -> dict[str, dict[str, Any]]:
    member: Member = await sign_up(api)
    answer = await data(api, RULES, token=member.token)
    return {entry["platform"]: entry for entry in answer["platformRules"]}


async def test_every_network_is_described_once(rules: dict[str, dict[str, Any]]) -> None:
    assert list(rules) == ["BLUESKY", "THREADS", "INSTAGRAM", "FACEBOOK", "REDDIT"]


async def test_text_rules_say_how_each_network_counts(rules: dict[str, dict[str, Any]]) -> None:
    texts = {platform: entry["text"] for platform, entry in rules.items()}
    assert texts["BLUESKY"] == {
        "maxLength": 300,
        "counting": "GRAPHEMES",
        "maxBytes": 3000,
        "maxLinks": None,
        "maxHashtags": None,
        "titleMaxLength": None,
    }
    assert (texts["THREADS"]["counting"], texts["THREADS"]["maxLength"], texts["THREADS"]["maxLinks"]) == (
        "META",
        500,
        5,
    )
    assert texts["INSTAGRAM"]["maxHashtags"] == 30
    assert (texts["REDDIT"]["titleMaxLength"], rules["REDDIT"]["titleRequired"]) == (300, True)


async def test_only_bluesky_takes_threads(rules: dict[str, dict[str, Any]]) -> None:
    # Threads (the network) has replies, but Herald publishes no reply chains there: postCreate and
    # postRewrite refuse a thread for it, and the rules say so.
    assert {p: (e["threads"], e["maxThreadPosts"]) for p, e in rules.items()} == {
        "BLUESKY": (True, 25),
        "THREADS": (False, None),
        "INSTAGRAM": (False, None),
        "FACEBOOK": (False, None),
        "REDDIT": (False, None),
    }


async def test_media_rules_per_kind_of_post(rules: dict[str, dict[str, Any]]) -> None:
    [bluesky] = rules["BLUESKY"]["media"]
    assert (bluesky["maxItems"], bluesky["maxVideos"], bluesky["mixed"], bluesky["maxImageBytes"]) == (
        4,
        1,
        False,
        None,
    )
    assert bluesky["videoTypes"] == ["video/mp4"]
    instagram = {kind["variant"]: kind for kind in rules["INSTAGRAM"]["media"]}
    assert list(instagram) == ["FEED", "REEL", "STORY"] and rules["INSTAGRAM"]["mediaRequired"]
    assert (instagram["FEED"]["maxItems"], instagram["FEED"]["carousel"]) == (10, True)
    assert instagram["REEL"]["imageTypes"] == [] and instagram["REEL"]["maxVideoSeconds"] == 900
    [facebook] = rules["FACEBOOK"]["media"]
    assert facebook["maxVideoBytes"] == 10_000_000_000  # beyond a 32-bit Int
    [reddit] = rules["REDDIT"]["media"]
    assert (reddit["maxItems"], reddit["videoTypes"], reddit["maxVideoBytes"]) == (1, [], None)


async def test_capabilities_beyond_text(rules: dict[str, dict[str, Any]]) -> None:
    flags = (
        "firstComment",
        "quote",
        "reply",
        "link",
        "linkOption",
        "langs",
        "flair",
        "delete",
        "subredditRequired",
    )
    assert {p: [f for f in flags if e[f]] for p, e in rules.items()} == {
        # Bluesky shares a link as a card made from the text's first link: it has no `link` option.
        "BLUESKY": ["quote", "reply", "link", "langs", "delete"],
        "THREADS": [],
        "INSTAGRAM": ["firstComment"],
        "FACEBOOK": ["link", "linkOption"],
        "REDDIT": ["link", "linkOption", "flair", "subredditRequired"],
    }


async def test_the_rules_need_a_signed_in_caller(api: ApiServer) -> None:
    body = await gql(api, "{ platformRules { platform } }")
    assert [error["extensions"]["code"] for error in body["errors"]] == ["UNAUTHENTICATED"]
