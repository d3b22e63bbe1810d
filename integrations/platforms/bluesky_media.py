"""Bluesky's rules for attached media, as data (see docs/platforms.md).

A post has one embed: up to four images, or one video, never both. Image blobs are re-encoded by Herald
to JPEGs of at most a million bytes (older PDSes refuse anything larger), so an image's own size and
format do not matter here; a video is uploaded as it is, so its type, size and length do. Whether the
account's PDS takes a video at all (and up to what size) shows only when it is uploaded: see
`bluesky_embeds` (VIDEO_NOT_SUPPORTED).
"""

from __future__ import annotations

from collections.abc import Sequence

from integrations.platforms.base import MediaFacts, Violation
from integrations.platforms.media_rules import FileRules
from models.platform import MediaKind

MAX_IMAGES = 4
MAX_VIDEOS = 1
# What an image blob may weigh after Herald re-encodes it, and its longest side (as the app uploads).
IMAGE_BLOB_MAX_BYTES = 1_000_000
IMAGE_MAX_SIDE = 2000
# The `app.bsky.embed.video` lexicon accepts MP4 only (the PDS checks the type it detects in the bytes).
VIDEO_TYPES = frozenset({"video/mp4"})
VIDEO_MAX_BYTES = 100_000_000
VIDEO_MAX_SECONDS = 180.0
# The same figures as one file's rules, for `capabilities` (GIFs are refused: Bluesky shows them still).
FILES = FileRules(
    "Bluesky",
    frozenset({"image/jpeg", "image/png", "image/webp"}),
    None,
    VIDEO_TYPES,
    VIDEO_MAX_BYTES,
    max_video_seconds=VIDEO_MAX_SECONDS,
)

_FIELD = ("mediaIds",)


def media_violations(media: Sequence[MediaFacts]) -> list[Violation]:
    """Every Bluesky media rule the attachments break (alt text is recommended, not required)."""
    if not media:
        return []
    images = [m for m in media if m.kind is MediaKind.IMAGE]
    videos = [m for m in media if m.kind is MediaKind.VIDEO]
    violations: list[Violation] = []
    if any(m.kind is MediaKind.GIF for m in media):
        violations.append(
            Violation(
                "MEDIA_KIND_NOT_SUPPORTED",
                "Bluesky shows GIFs as still images; upload the animation as an MP4 video instead.",
                _FIELD,
            )
        )
    if images and videos:
        violations.append(
            Violation("MIXED_MEDIA", "A Bluesky post carries images or one video, not both.", _FIELD)
        )
    if len(images) > MAX_IMAGES:
        violations.append(
            Violation(
                "TOO_MANY_IMAGES",
                f"A Bluesky post carries at most {MAX_IMAGES} images; this one has {len(images)}.",
                _FIELD,
            )
        )
    if len(videos) > MAX_VIDEOS:
        violations.append(Violation("TOO_MANY_VIDEOS", "A Bluesky post carries at most one video.", _FIELD))
    return violations + [v for video in videos for v in _video_violations(video)]


def _video_violations(video: MediaFacts) -> list[Violation]:
    violations: list[Violation] = []
    if video.content_type not in VIDEO_TYPES:
        violations.append(
            Violation(
                "MEDIA_KIND_NOT_SUPPORTED",
                "Bluesky takes videos as MP4 files; convert this one to MP4.",
                _FIELD,
            )
        )
    if video.byte_size > VIDEO_MAX_BYTES:
        violations.append(
            Violation(
                "VIDEO_TOO_LARGE",
                f"Bluesky takes videos of up to {VIDEO_MAX_BYTES // 1_000_000} MB; "
                f"this one is {video.byte_size / 1_000_000:.0f} MB.",
                _FIELD,
            )
        )
    if video.duration_seconds is not None and video.duration_seconds > VIDEO_MAX_SECONDS:
        violations.append(
            Violation(
                "VIDEO_TOO_LONG",
                f"Bluesky takes videos of up to {VIDEO_MAX_SECONDS / 60:.0f} minutes; "
                f"this one runs {video.duration_seconds / 60:.1f}.",
                _FIELD,
            )
        )
    return violations
