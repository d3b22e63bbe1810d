"""What each network supports through Herald, declared once as data.

Every question of the form "may this network take X?" is answered here and nowhere else: the post
checks (a thread for a network without reply chains), the AI rewrites (SPLIT_THREAD), the post worker,
the `platformRules` query the web console counts with, and each network module (its `capabilities`).
The figures themselves stay beside the code that enforces them (`limits` for text, each network's
`*_media` module for files); this module puts them together without writing any of them again.
docs/platforms.md has the same table in prose.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from integrations.platforms import (
    bluesky_media,
    bluesky_threads,
    facebook_media,
    instagram_media,
    reddit_media,
    threads_media,
)
from integrations.platforms.limits import LIMITS, TextLimits
from integrations.platforms.media_rules import FileRules
from models.platform import PlatformName


@dataclass(frozen=True, slots=True)
class MediaCapability:
    """What one kind of post carries: each file's rules, and how many files of which kind.

    `variant` is the option value that selects this kind (Instagram's `instagramKind`), None for a
    network with one kind of post.
    """

    files: FileRules
    max_items: int
    max_videos: int = 0
    min_items: int = 0
    mixed: bool = False  # photos and videos together in one post
    variant: str | None = None

    @property
    def carousel(self) -> bool:
        """Whether one post carries several files."""
        return self.max_items > 1


@dataclass(frozen=True, slots=True)
class Capabilities:
    """What Herald can do on one network, as data (each network module exposes its own)."""

    platform: PlatformName
    text: TextLimits
    media: tuple[MediaCapability, ...]
    threads: bool = False  # further parts published as a chain of replies
    max_thread_posts: int | None = None  # the first post included
    delete: bool = False  # what Herald published can be removed (`base.Deletable`)
    first_comment: bool = False  # a `firstComment` option, added once the post is out
    quote: bool = False  # a `quoteUri` option
    reply: bool = False  # a `replyToUri` option
    link: bool = False  # a post can share a link: the `link` option, or a card from the text's first link
    link_option: bool = False  # a `link` option (a link post, or a link shared with the post)
    langs: bool = False  # a `langs` option (the languages the text is in)
    flair: bool = False  # a `flairId` option
    subreddit_required: bool = False
    metrics: bool = True  # Herald collects the post's numbers after publishing

    @property
    def title_required(self) -> bool:
        """Whether a post needs a title (its rules are `text.title_max_length`)."""
        return self.text.title_max_length is not None

    @property
    def media_required(self) -> bool:
        """Whether every kind of post needs a file."""
        return all(kind.min_items > 0 for kind in self.media)


_IG = instagram_media
_IG_FEED = _IG.InstagramKind.FEED.value
_IG_REEL = _IG.InstagramKind.REEL.value
_IG_STORY = _IG.InstagramKind.STORY.value

CAPABILITIES: Mapping[PlatformName, Capabilities] = {
    PlatformName.BLUESKY: Capabilities(
        PlatformName.BLUESKY,
        LIMITS[PlatformName.BLUESKY],
        (
            MediaCapability(
                bluesky_media.FILES, bluesky_media.MAX_IMAGES, max_videos=bluesky_media.MAX_VIDEOS
            ),
        ),
        threads=True,
        max_thread_posts=bluesky_threads.MAX_THREAD_POSTS,
        delete=True,
        quote=True,
        reply=True,
        link=True,
        langs=True,
    ),
    # Threads has replies, but Herald publishes no reply chains there (yet): a thread is refused.
    PlatformName.THREADS: Capabilities(
        PlatformName.THREADS,
        LIMITS[PlatformName.THREADS],
        (
            MediaCapability(
                threads_media.FILES,
                threads_media.MAX_CAROUSEL_ITEMS,
                max_videos=threads_media.MAX_CAROUSEL_ITEMS,
                mixed=True,
            ),
        ),
    ),
    PlatformName.INSTAGRAM: Capabilities(
        PlatformName.INSTAGRAM,
        LIMITS[PlatformName.INSTAGRAM],
        (
            # One photo, or a carousel of photos and videos (a single video is a Reel).
            MediaCapability(
                _IG.CAROUSEL_FILES,
                _IG.MAX_CAROUSEL_ITEMS,
                max_videos=_IG.MAX_CAROUSEL_ITEMS,
                min_items=1,
                mixed=True,
                variant=_IG_FEED,
            ),
            MediaCapability(_IG.REEL_FILES, 1, max_videos=1, min_items=1, variant=_IG_REEL),
            MediaCapability(_IG.STORY_FILES, 1, max_videos=1, min_items=1, variant=_IG_STORY),
        ),
        first_comment=True,
    ),
    PlatformName.FACEBOOK: Capabilities(
        PlatformName.FACEBOOK,
        LIMITS[PlatformName.FACEBOOK],
        (MediaCapability(facebook_media.FILES, facebook_media.MAX_PHOTOS, max_videos=1),),
        link=True,
        link_option=True,
    ),
    PlatformName.REDDIT: Capabilities(
        PlatformName.REDDIT,
        LIMITS[PlatformName.REDDIT],
        (MediaCapability(reddit_media.FILES, reddit_media.MAX_IMAGES),),
        link=True,
        link_option=True,
        flair=True,
        subreddit_required=True,
    ),
}
