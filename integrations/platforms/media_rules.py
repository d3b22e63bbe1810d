"""File rules of the networks that take media by URL or upload (Threads, Instagram, Facebook, Reddit),
checked when a post is written from what Herald detected in each file (`MediaFacts`).

Each network module keeps its figures as `FileRules` data (see docs/platforms.md); this module turns
them into violations, each pointing at the file that breaks the rule (`["mediaIds", "<index>"]`), with one
stable code per rule:

    MEDIA_KIND_NOT_SUPPORTED  a GIF, or a video, where the network (or Herald for it) takes none
    MEDIA_FORMAT_UNSUPPORTED  an image or video format the network does not take (Instagram: JPEG only)
    IMAGE_TOO_LARGE, VIDEO_TOO_LARGE, VIDEO_TOO_LONG, VIDEO_TOO_SHORT
    TOO_MANY_MEDIA            more files than one post (a carousel) carries
    MIXED_MEDIA               photos and a video where a post carries one or the other
    MEDIA_ASPECT_RATIO        an image outside the width:height range a network allows
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from integrations.platforms.base import MediaFacts, Violation
from models.platform import MediaKind

_FIELD = ("mediaIds",)
_FORMATS = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/webp": "WebP",
    "image/gif": "GIF",
    "video/mp4": "MP4",
    "video/quicktime": "MOV",
}
MB = 1_000_000


@dataclass(frozen=True, slots=True)
class FileRules:
    """What one network takes as one file. `video_types` empty: it takes no video (through Herald);
    `max_image_bytes` None: any size, as Herald re-encodes images for it (Bluesky)."""

    label: str
    image_types: frozenset[str]
    max_image_bytes: int | None
    video_types: frozenset[str] = frozenset()
    max_video_bytes: int = 0
    min_video_seconds: float = 0.0
    max_video_seconds: float | None = None


def file_violations(rules: FileRules, media: Sequence[MediaFacts]) -> list[Violation]:
    """Every rule of `rules` each attached file breaks."""
    found: list[Violation] = []
    for index, item in enumerate(media):
        field = (*_FIELD, str(index))
        if item.kind is MediaKind.VIDEO:
            found += _video(rules, item, field)
        else:
            found += _image(rules, item, field)
    return found


def count_violation(media: Sequence[MediaFacts], most: int, rule: str) -> Violation | None:
    """TOO_MANY_MEDIA, saying `rule`, when more than `most` files are attached."""
    if len(media) <= most:
        return None
    return Violation("TOO_MANY_MEDIA", f"{rule} This post has {len(media)}.", _FIELD)


def mixed_violation(label: str, media: Sequence[MediaFacts]) -> Violation | None:
    """MIXED_MEDIA when photos and videos are attached together where a post carries one or the other."""
    videos = sum(1 for m in media if m.kind is MediaKind.VIDEO)
    if videos == 0 or videos == len(media):
        return None
    return Violation("MIXED_MEDIA", f"A {label} post carries photos or one video, not both.", _FIELD)


def aspect_violations(
    label: str, media: Sequence[MediaFacts], narrowest: tuple[int, int], widest: tuple[float, int]
) -> list[Violation]:
    """MEDIA_ASPECT_RATIO for each image whose width:height is outside `narrowest`..`widest` (a small
    tolerance lets a crop that rounds to the limit pass, as networks do)."""
    low, high = narrowest[0] / narrowest[1], widest[0] / widest[1]
    found = []
    for index, item in enumerate(media):
        if item.kind is MediaKind.VIDEO or not item.width or not item.height:
            continue
        ratio = item.width / item.height
        if low * 0.995 <= ratio <= high * 1.005:
            continue
        found.append(
            Violation(
                "MEDIA_ASPECT_RATIO",
                f"{label} takes photos from {_ratio(narrowest)} (portrait) to {_ratio(widest)} (landscape); "
                f"this one is {item.width}x{item.height} ({ratio:.2f}:1). Crop it.",
                (*_FIELD, str(index)),
            )
        )
    return found


def _image(rules: FileRules, item: MediaFacts, field: tuple[str, ...]) -> list[Violation]:
    label = rules.label
    if item.content_type not in rules.image_types:
        if item.kind is MediaKind.GIF:
            return [Violation("MEDIA_KIND_NOT_SUPPORTED", f"{label} does not take GIFs.", field)]
        return [
            Violation(
                "MEDIA_FORMAT_UNSUPPORTED",
                f"{label} takes {_names(rules.image_types)} photos, not {_name(item.content_type)}; "
                "convert the photo.",
                field,
            )
        ]
    if rules.max_image_bytes is not None and item.byte_size > rules.max_image_bytes:
        return [
            Violation(
                "IMAGE_TOO_LARGE",
                f"{label} takes photos of up to {rules.max_image_bytes // MB} MB; "
                f"this one is {item.byte_size / MB:.1f} MB.",
                field,
            )
        ]
    return []


def _video(rules: FileRules, item: MediaFacts, field: tuple[str, ...]) -> list[Violation]:
    label = rules.label
    if not rules.video_types:
        return [Violation("MEDIA_KIND_NOT_SUPPORTED", f"Herald cannot post videos to {label} yet.", field)]
    if item.content_type not in rules.video_types:
        return [
            Violation(
                "MEDIA_FORMAT_UNSUPPORTED",
                f"{label} takes {_names(rules.video_types)} videos, not {_name(item.content_type)}.",
                field,
            )
        ]
    found = []
    if item.byte_size > rules.max_video_bytes:
        found.append(
            Violation(
                "VIDEO_TOO_LARGE",
                f"{label} takes videos of up to {rules.max_video_bytes // MB:,} MB; "
                f"this one is {item.byte_size / MB:.0f} MB.",
                field,
            )
        )
    return found + _length(rules, item, field)


def _length(rules: FileRules, item: MediaFacts, field: tuple[str, ...]) -> list[Violation]:
    label, found = rules.label, []
    seconds = item.duration_seconds
    if seconds is not None and rules.max_video_seconds is not None and seconds > rules.max_video_seconds:
        found.append(
            Violation(
                "VIDEO_TOO_LONG",
                f"{label} takes videos of up to {_duration(rules.max_video_seconds)}; "
                f"this one runs {_duration(seconds)}.",
                field,
            )
        )
    if seconds is not None and seconds < rules.min_video_seconds:
        found.append(
            Violation(
                "VIDEO_TOO_SHORT",
                f"{label} takes videos of at least {_duration(rules.min_video_seconds)}; "
                f"this one runs {_duration(seconds)}.",
                field,
            )
        )
    return found


def _name(content_type: str) -> str:
    return _FORMATS.get(content_type, content_type)


def _names(content_types: frozenset[str]) -> str:
    names = sorted(_name(t) for t in content_types)
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def _ratio(pair: tuple[float, int]) -> str:
    return f"{pair[0]:g}:{pair[1]}"


def _duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.1f} seconds" if seconds % 1 else f"{seconds:.0f} seconds"
    return f"{seconds / 60:.1f} minutes" if (seconds / 60) % 1 else f"{seconds / 60:.0f} minutes"
