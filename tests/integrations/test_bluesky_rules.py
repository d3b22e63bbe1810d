"""Bluesky's rules for threads, options and link-card thumbs, as pure functions (no PDS needed)."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from integrations.platforms.base import MediaFacts, PostContent, ThreadPartContent
from integrations.platforms.bluesky import Bluesky
from integrations.platforms.bluesky_embeds import record_embed, shrink_thumb
from integrations.platforms.bluesky_media import IMAGE_BLOB_MAX_BYTES
from integrations.platforms.bluesky_refs import PostLocator, PostRef, parse_post_uri
from integrations.platforms.bluesky_threads import MAX_THREAD_POSTS, Anchors, _reply, thread_violations
from models.platform import MediaKind
from tests.media_samples import photo, png, png_bomb

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"  # one grapheme, 25 bytes
IMAGE = MediaFacts(kind=MediaKind.IMAGE, content_type="image/png", byte_size=100, width=20, height=10)
VIDEO = MediaFacts(
    kind=MediaKind.VIDEO, content_type="video/mp4", byte_size=1000, width=320, height=240, duration_seconds=2
)


def _codes(content: PostContent) -> list[tuple[str, tuple[str, ...]]]:
    return [(v.code, v.field) for v in Bluesky().validate(content)]


# --- threads ----------------------------------------------------------------------------------------------


def test_a_thread_within_the_rules_is_valid() -> None:
    parts = (ThreadPartContent("two"), ThreadPartContent("three", (IMAGE, IMAGE)))
    assert _codes(PostContent(text="one", thread=parts)) == []


@pytest.mark.parametrize(
    ("part", "expected"),
    [
        (ThreadPartContent("x" * 301), [("TEXT_TOO_LONG", ("thread", "1", "text"))]),
        (ThreadPartContent(FAMILY * 121), [("TEXT_TOO_MANY_BYTES", ("thread", "1", "text"))]),
        (ThreadPartContent("   "), [("EMPTY_POST", ("thread", "1", "text"))]),
        (ThreadPartContent("five", (IMAGE,) * 5), [("TOO_MANY_IMAGES", ("thread", "1", "mediaIds"))]),
        (ThreadPartContent("mixed", (IMAGE, VIDEO)), [("MIXED_MEDIA", ("thread", "1", "mediaIds"))]),
    ],
)
def test_each_thread_part_is_checked_like_a_post(
    part: ThreadPartContent, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    # given a valid first part, then the part under test second
    content = PostContent(text="first", thread=(ThreadPartContent("fine"), part))

    # then the violation points at that part
    assert _codes(content) == expected


def test_a_part_with_only_media_is_not_empty() -> None:
    assert thread_violations([ThreadPartContent("", (IMAGE,))]) == []


def test_a_thread_has_at_most_its_limit_of_posts() -> None:
    allowed = tuple(ThreadPartContent(f"part {i}") for i in range(MAX_THREAD_POSTS - 1))
    assert thread_violations(allowed) == []
    too_many = [v.code for v in thread_violations((*allowed, ThreadPartContent("one more")))]
    assert too_many == ["TOO_MANY_THREAD_PARTS"]


def test_replies_point_at_the_first_post_and_the_one_before() -> None:
    first, second = PostRef("at://did:plc:a/app.bsky.feed.post/1", "c1"), PostRef("at://x/y/2", "c2")
    assert _reply(Anchors(), []) is None
    assert _reply(Anchors(), [first, second]) == {"root": first.strong_ref(), "parent": second.strong_ref()}
    # replying to someone else's post: the conversation's root stays theirs
    theirs_root, theirs = PostRef("at://r/y/0", "r0"), PostRef("at://r/y/9", "r9")
    anchors = Anchors(reply_root=theirs_root, reply_parent=theirs)
    assert _reply(anchors, []) == {"root": theirs_root.strong_ref(), "parent": theirs.strong_ref()}
    assert _reply(anchors, [first]) == {"root": theirs_root.strong_ref(), "parent": first.strong_ref()}


# --- options ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"langs": ["en", "pt-BR", "zh-Hant-TW"]}, []),
        ({"langs": "de"}, []),
        ({"langs": ["en", "de", "fr", "es"]}, [("TOO_MANY_LANGS", ("options", "langs"))]),
        ({"langs": ["english"]}, [("INVALID_LANG", ("options", "langs", "0"))]),
        ({"langs": ["en", "en_US"]}, [("INVALID_LANG", ("options", "langs", "1"))]),
        ({"quote_uri": "https://bsky.app/profile/alice.test/post/3lxyz"}, []),
        ({"quote_uri": "https://example.com/post/1"}, [("INVALID_QUOTE_URI", ("options", "quoteUri"))]),
        ({"reply_to_uri": "at://did:plc:abc/app.bsky.feed.post/3lxyz"}, []),
        (
            {"reply_to_uri": "at://did:plc:abc/app.bsky.feed.like/3lxyz"},
            [("INVALID_REPLY_URI", ("options", "replyToUri"))],
        ),
    ],
)
def test_options_are_checked(options: dict[str, object], expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert _codes(PostContent(text="hi", options=options)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("at://did:plc:abc123/app.bsky.feed.post/3k2a", PostLocator("did:plc:abc123", "3k2a")),
        ("at://Alice.Test/app.bsky.feed.post/3k2a", PostLocator("alice.test", "3k2a")),
        ("https://bsky.app/profile/alice.test/post/3k2a", PostLocator("alice.test", "3k2a")),
        ("https://bsky.app/profile/did:plc:abc/post/3k2a/", PostLocator("did:plc:abc", "3k2a")),
        ("  https://bsky.app/profile/alice.test/post/3k2a ", PostLocator("alice.test", "3k2a")),
        ("http://bsky.app/profile/alice.test/post/3k2a", None),
        ("https://bsky.app/profile/alice.test/feed/3k2a", None),
        ("https://evil.test/profile/alice.test/post/3k2a", None),
        ("at://alice.test/app.bsky.feed.post", None),
        ("at://not a handle/app.bsky.feed.post/3k2a", None),
        ("at://alice.test/app.bsky.feed.post/..", None),
        ("", None),
    ],
)
def test_post_addresses_parse_to_a_repo_and_a_key(value: str, expected: PostLocator | None) -> None:
    assert parse_post_uri(value) == expected


def test_a_quote_with_media_embeds_both() -> None:
    quoted = PostRef("at://did:plc:a/app.bsky.feed.post/1", "bafy")
    images = {"$type": "app.bsky.embed.images", "images": []}
    assert record_embed(quoted, None) == {"$type": "app.bsky.embed.record", "record": quoted.strong_ref()}
    assert record_embed(quoted, images) == {
        "$type": "app.bsky.embed.recordWithMedia",
        "record": {"$type": "app.bsky.embed.record", "record": quoted.strong_ref()},
        "media": images,
    }


# --- media ------------------------------------------------------------------------------------------------


def test_images_and_a_video_are_accepted_now_but_a_mov_is_not() -> None:
    assert _codes(PostContent(text="x", media=(IMAGE,) * 4)) == []
    assert _codes(PostContent(text="x", media=(VIDEO,))) == []
    mov = MediaFacts(kind=MediaKind.VIDEO, content_type="video/quicktime", byte_size=1000)
    assert _codes(PostContent(text="x", media=(mov,))) == [("MEDIA_KIND_NOT_SUPPORTED", ("mediaIds",))]


def test_a_large_card_image_becomes_a_jpeg_thumb_within_a_million_bytes() -> None:
    # given a 3 MB photo as a page's og:image
    source = photo(2000, 1500)
    assert len(source) > 2_000_000

    # when
    thumb = shrink_thumb(source)

    # then
    assert thumb is not None and len(thumb.data) <= IMAGE_BLOB_MAX_BYTES
    assert Image.open(io.BytesIO(thumb.data)).format == "JPEG"
    assert abs(thumb.width / thumb.height - 4 / 3) < 0.01


@pytest.mark.parametrize("body", [b"<html>not an image</html>", png_bomb(), b""])
def test_what_is_no_usable_image_gives_no_thumb(body: bytes) -> None:
    assert shrink_thumb(body) is None


def test_a_transparent_png_thumb_is_flattened() -> None:
    thumb = shrink_thumb(png(40, 20))
    assert thumb is not None and (thumb.width, thumb.height) == (40, 20)
