"""Each network's media rules, through the network module's own `validate`, at the limits the
capabilities declare (so the declaration the console counts with is the one enforced)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from integrations.platforms.base import MediaFacts, Platform, PostContent
from integrations.platforms.capabilities import CAPABILITIES
from integrations.platforms.media_rules import MB
from models.platform import MediaKind, PlatformName

BLUESKY, THREADS, INSTAGRAM, FACEBOOK, REDDIT = list(PlatformName)
# What each network needs besides media for a post to pass (Reddit: a subreddit and a title).
OPTIONS: Mapping[PlatformName, Mapping[str, Any]] = {REDDIT: {"subreddit": "herald", "title": "A title"}}


def photo(
    content_type: str = "image/jpeg", size: int = MB, width: int = 1080, height: int = 1080
) -> MediaFacts:
    return MediaFacts(MediaKind.IMAGE, content_type, size, width, height, url="https://cdn.test/p")


def video(content_type: str = "video/mp4", size: int = 10 * MB, seconds: float = 30.0) -> MediaFacts:
    return MediaFacts(MediaKind.VIDEO, content_type, size, 1080, 1920, seconds, url="https://cdn.test/v")


GIF = MediaFacts(MediaKind.GIF, "image/gif", MB, 400, 400, url="https://cdn.test/g")


def codes(platform: Platform, *media: MediaFacts, **options: Any) -> list[str]:
    content = PostContent(
        text="hello", options={**OPTIONS.get(platform.name, {}), **options}, media=tuple(media)
    )
    return [violation.code for violation in platform.validate(content)]


@pytest.mark.parametrize("name", list(PlatformName))
def test_the_declared_number_of_photos_is_the_limit(
    platforms: Mapping[PlatformName, Platform], name: PlatformName
) -> None:
    [first, *_] = CAPABILITIES[name].media  # Instagram: FEED, the default kind
    most = first.max_items
    assert codes(platforms[name], *[photo()] * most) == []
    assert codes(platforms[name], *[photo()] * (most + 1))[-1:] in (["TOO_MANY_MEDIA"], ["TOO_MANY_IMAGES"])


@pytest.mark.parametrize(
    ("name", "media", "expected"),
    [
        (BLUESKY, (GIF,), ["MEDIA_KIND_NOT_SUPPORTED"]),
        (BLUESKY, (photo(), video()), ["MIXED_MEDIA"]),
        (BLUESKY, (video(seconds=181),), ["VIDEO_TOO_LONG"]),
        (BLUESKY, (video("video/quicktime"),), ["MEDIA_KIND_NOT_SUPPORTED"]),
        (BLUESKY, (photo(size=30 * MB),), []),  # Herald re-encodes photos for Bluesky
        (THREADS, (photo("image/webp"),), ["MEDIA_FORMAT_UNSUPPORTED"]),
        (THREADS, (photo(size=9 * MB),), ["IMAGE_TOO_LARGE"]),
        (THREADS, (photo(), video()), []),  # a carousel mixes photos and videos
        (THREADS, (video(seconds=301),), ["VIDEO_TOO_LONG"]),
        (INSTAGRAM, (), ["MEDIA_REQUIRED"]),
        (INSTAGRAM, (photo("image/png"),), ["MEDIA_FORMAT_UNSUPPORTED"]),
        (INSTAGRAM, (photo(width=3000, height=1000),), ["MEDIA_ASPECT_RATIO"]),
        (INSTAGRAM, (video(),), ["MEDIA_KIND_MISMATCH"]),  # a single video is a Reel
        (FACEBOOK, (photo(), video()), ["MIXED_MEDIA"]),
        (FACEBOOK, (video(), video()), ["TOO_MANY_VIDEOS"]),
        (FACEBOOK, (photo("image/gif", size=11 * MB),), ["IMAGE_TOO_LARGE"]),
        (REDDIT, (video(),), ["MEDIA_KIND_NOT_SUPPORTED"]),
        (REDDIT, (photo(size=21 * MB),), ["IMAGE_TOO_LARGE"]),
    ],
)
def test_media_rules_per_network(
    platforms: Mapping[PlatformName, Platform],
    name: PlatformName,
    media: tuple[MediaFacts, ...],
    expected: list[str],
) -> None:
    assert codes(platforms[name], *media) == expected


@pytest.mark.parametrize(
    ("kind", "media", "expected"),
    [
        ("REEL", (video(seconds=2),), ["VIDEO_TOO_SHORT"]),
        ("REEL", (video(seconds=901),), ["VIDEO_TOO_LONG"]),
        ("REEL", (photo(),), ["MEDIA_KIND_MISMATCH"]),
        ("STORY", (photo(), photo()), ["MEDIA_KIND_MISMATCH"]),
        ("STORY", (video(),), []),
    ],
)
def test_instagram_rules_per_kind_of_post(
    platforms: Mapping[PlatformName, Platform], kind: str, media: tuple[MediaFacts, ...], expected: list[str]
) -> None:
    assert codes(platforms[INSTAGRAM], *media, instagram_kind=kind) == expected


@pytest.mark.parametrize("name", [FACEBOOK, REDDIT])
def test_a_link_beside_media_is_refused(
    platforms: Mapping[PlatformName, Platform], name: PlatformName
) -> None:
    assert codes(platforms[name], photo(), link="https://example.com") == ["INVALID_OPTION"]
