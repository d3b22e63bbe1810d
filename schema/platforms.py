"""`platformRules`: what each network takes, read from the one declaration the server checks with
(`integrations/platforms/capabilities.py`), so a client can show exact counters and never keep a copy."""

from __future__ import annotations

import strawberry

from app.context import Info
from integrations.platforms.capabilities import CAPABILITIES, Capabilities, MediaCapability
from integrations.platforms.limits import TextCounting, TextLimits
from models.platform import PlatformName
from schema.common import signed_in

# Domain enums are the GraphQL enums (`strawberry.enum` marks the class itself; `Platform` is
# `PlatformName`), so fields are typed with them directly and mypy needs no ignore comment.
strawberry.enum(
    TextCounting,
    description=(
        "How a network measures a text: GRAPHEMES (user-perceived characters, an emoji family is one), "
        "CODE_POINTS (Unicode code points), META (code points, but an emoji counts its UTF-8 bytes)."
    ),
)


@strawberry.type(description="A network's text rules.")
class TextRules:
    max_length: int = strawberry.field(description="The most a text may measure, counted as `counting` says.")
    counting: TextCounting = strawberry.field(description="How the length is counted.")
    max_bytes: int | None = strawberry.field(description="The most UTF-8 bytes a text may have, if limited.")
    max_links: int | None = strawberry.field(description="The most http(s) links in a text, if limited.")
    max_hashtags: int | None = strawberry.field(description="The most #hashtags in a text, if limited.")
    title_max_length: int | None = strawberry.field(
        description="The longest title, for networks whose posts need one (else null)."
    )

    @classmethod
    def from_model(cls, text: TextLimits) -> TextRules:
        return cls(
            max_length=text.max_length,
            counting=text.counting,
            max_bytes=text.max_bytes,
            max_links=text.max_links,
            max_hashtags=text.max_hashtags,
            title_max_length=text.title_max_length,
        )


@strawberry.type(description="What one kind of post on a network carries.")
class MediaRules:
    variant: str | None = strawberry.field(
        description="The option value that picks this kind (Instagram's instagramKind); null if only one."
    )
    min_items: int = strawberry.field(description="The fewest files a post needs (0: text alone is fine).")
    max_items: int = strawberry.field(description="The most files in one post (0: none).")
    max_videos: int = strawberry.field(description="The most videos in one post (0: no video).")
    carousel: bool = strawberry.field(description="Whether one post carries several files.")
    mixed: bool = strawberry.field(description="Whether photos and videos may go in the same post.")
    image_types: list[str] = strawberry.field(description="The photo formats taken, as media types.")
    max_image_bytes: float | None = strawberry.field(
        description="The largest photo in bytes; null when Herald re-encodes photos to fit."
    )
    video_types: list[str] = strawberry.field(description="The video formats taken (empty: none).")
    max_video_bytes: float | None = strawberry.field(
        description="The largest video in bytes (a Float: it can exceed a 32-bit Int); null without video."
    )
    min_video_seconds: float = strawberry.field(description="The shortest video, in seconds.")
    max_video_seconds: float | None = strawberry.field(
        description="The longest video in seconds, if limited."
    )

    @classmethod
    def from_model(cls, media: MediaCapability) -> MediaRules:
        files = media.files
        videos = bool(files.video_types)
        return cls(
            variant=media.variant,
            min_items=media.min_items,
            max_items=media.max_items,
            max_videos=media.max_videos,
            carousel=media.carousel,
            mixed=media.mixed,
            image_types=sorted(files.image_types),
            max_image_bytes=files.max_image_bytes,
            video_types=sorted(files.video_types),
            max_video_bytes=files.max_video_bytes if videos else None,
            min_video_seconds=files.min_video_seconds,
            max_video_seconds=files.max_video_seconds,
        )


@strawberry.type(description="What Herald publishes to one network, and the rules a post must follow there.")
class PlatformRules:
    platform: PlatformName = strawberry.field(description="The network.")
    label: str = strawberry.field(description="The network's name, for people.")
    text: TextRules = strawberry.field(description="The text rules.")
    media: list[MediaRules] = strawberry.field(description="One entry per kind of post (one for most).")
    media_required: bool = strawberry.field(description="Whether every post needs a file (Instagram).")
    title_required: bool = strawberry.field(description="Whether a post needs a title (Reddit).")
    subreddit_required: bool = strawberry.field(description="Whether a post needs a subreddit (Reddit).")
    threads: bool = strawberry.field(description="Whether a post may have further parts (a reply chain).")
    max_thread_posts: int | None = strawberry.field(
        description="The most posts in a thread, the first one included."
    )
    first_comment: bool = strawberry.field(description="Whether a first comment follows the post.")
    quote: bool = strawberry.field(description="Whether a post can quote another (quoteUri).")
    reply: bool = strawberry.field(description="Whether a post can reply to another (replyToUri).")
    link: bool = strawberry.field(description="Whether a post can share a link (the link option or a card).")
    link_option: bool = strawberry.field(
        description="Whether a post takes the `link` option (else a link is shared from the text, if at all)."
    )
    langs: bool = strawberry.field(description="Whether a post takes the `langs` option.")
    flair: bool = strawberry.field(description="Whether a post takes the `flairId` option.")
    delete: bool = strawberry.field(description="Whether Herald can delete what it published.")
    metrics: bool = strawberry.field(description="Whether Herald collects the post's numbers.")

    @classmethod
    def from_model(cls, rules: Capabilities) -> PlatformRules:
        return cls(
            platform=rules.platform,
            label=rules.text.label,
            text=TextRules.from_model(rules.text),
            media=[MediaRules.from_model(kind) for kind in rules.media],
            media_required=rules.media_required,
            title_required=rules.title_required,
            subreddit_required=rules.subreddit_required,
            threads=rules.threads,
            max_thread_posts=rules.max_thread_posts,
            first_comment=rules.first_comment,
            quote=rules.quote,
            reply=rules.reply,
            link=rules.link,
            link_option=rules.link_option,
            langs=rules.langs,
            flair=rules.flair,
            delete=rules.delete,
            metrics=rules.metrics,
        )


@strawberry.type
class PlatformQuery:
    """What each network takes."""

    @strawberry.field(description="Every network's rules and capabilities, in Platform order.")
    def platform_rules(self, info: Info) -> list[PlatformRules]:
        signed_in(info)
        return [PlatformRules.from_model(CAPABILITIES[platform]) for platform in PlatformName]
