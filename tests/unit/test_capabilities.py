"""Each network's declared capabilities: one per network, and true of the module that publishes."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from integrations.platforms.base import Deletable, Platform, PostContent, ThreadPartContent
from integrations.platforms.capabilities import CAPABILITIES
from models.platform import PlatformName


def test_every_network_declares_its_capabilities_once() -> None:
    assert list(CAPABILITIES) == list(PlatformName)
    assert all(c.platform is p and c.text.platform is p for p, c in CAPABILITIES.items())


@pytest.mark.parametrize("name", list(PlatformName))
def test_a_network_module_exposes_its_declaration(
    platforms: Mapping[PlatformName, Platform], name: PlatformName
) -> None:
    assert platforms[name].capabilities is CAPABILITIES[name]


@pytest.mark.parametrize("name", list(PlatformName))
def test_delete_is_declared_where_the_module_deletes(
    platforms: Mapping[PlatformName, Platform], name: PlatformName
) -> None:
    assert isinstance(platforms[name], Deletable) is CAPABILITIES[name].delete


def test_only_bluesky_publishes_threads() -> None:
    # Threads (the network) has replies, but Herald publishes no reply chains there.
    assert [p for p, c in CAPABILITIES.items() if c.threads] == [PlatformName.BLUESKY]


def test_a_network_with_threads_checks_each_part(platforms: Mapping[PlatformName, Platform]) -> None:
    bluesky = platforms[PlatformName.BLUESKY]
    limit = bluesky.capabilities.max_thread_posts
    assert limit is not None
    parts = tuple(ThreadPartContent(text="more") for _ in range(limit))  # one post too many
    codes = [v.code for v in bluesky.validate(PostContent(text="first", thread=parts))]
    assert codes == ["TOO_MANY_THREAD_PARTS"]
    assert bluesky.validate(PostContent(text="first", thread=parts[1:])) == []


@pytest.mark.parametrize("name", list(PlatformName))
def test_what_a_post_requires_is_what_validation_enforces(
    platforms: Mapping[PlatformName, Platform], name: PlatformName
) -> None:
    # given a text-only post with no options at all
    codes = {v.code for v in platforms[name].validate(PostContent(text="hello"))}

    # then each requirement is refused exactly where it is declared
    declared = CAPABILITIES[name]
    assert ("TITLE_REQUIRED" in codes) is declared.title_required
    assert ("SUBREDDIT_REQUIRED" in codes) is declared.subreddit_required
    assert ("MEDIA_REQUIRED" in codes) is declared.media_required
