"""What an uploaded file really is, read from its bytes, never from its name or claimed type.

JPEG, PNG, WebP and GIF images are read with Pillow, MP4 and MOV videos with PyAV (FFmpeg). Every check
that can refuse a file runs before the expensive part: the magic bytes pick the one decoder allowed to
look at the file, and an image's dimensions are read from its header and compared with the pixel limit
before a single pixel is decoded, so a decompression bomb costs nothing. Then the whole image is decoded
(a truncated or corrupt file fails here) or the video's first frame is, which becomes the poster.

Everything here is blocking CPU work: callers run `inspect_file` in a thread (`asyncio.to_thread`).
A file that cannot be read raises `MediaRejected` with a stable code and a reason a person can act on;
nothing a file contains is allowed to raise anything else.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from pathlib import Path

import av
import av.error
import structlog
from PIL import Image, ImageFile, ImageOps

from models.platform import MediaKind

log = structlog.get_logger(__name__)

# The most pixels any image or frame may have, whatever MEDIA_MAX_PIXELS says.
PIXEL_CEILING = 200_000_000
# Pillow refuses outright (DecompressionBombError) any image over twice MAX_IMAGE_PIXELS. Herald's own
# MEDIA_MAX_PIXELS is checked first with a clearer reason; this is the backstop for every other decode
# path in the process.
Image.MAX_IMAGE_PIXELS = PIXEL_CEILING // 2
# A truncated image is an error, never silently padded with grey.
ImageFile.LOAD_TRUNCATED_IMAGES = False

SNIFF_BYTES = 32
# The Pillow decoder allowed for each image type, so a file can only be read as what its bytes say.
PILLOW_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP", "image/gif": "GIF"}
VIDEO_TYPES = frozenset({"video/mp4", "video/quicktime"})
# ISO base media brands that are still images or audio, not video (HEIC, AVIF, M4A...).
_NOT_VIDEO_BRANDS = frozenset(
    {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"avis"}
    | {b"M4A ", b"M4B "}
)
# The first atoms of an old QuickTime file that has no `ftyp`.
_QUICKTIME_ATOMS = frozenset({b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"})
# An image decoded for validation needs to be no larger than this for the thumbnail made from it, so a
# JPEG is decoded at a reduced scale (libjpeg still reads every byte, so truncation is still caught).
STILL_SIDE = 1024
_ORIENTATION = 0x0112


class MediaRejected(Exception):
    """A file Herald will not accept; `code` is stable, `reason` says what to do."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Inspection:
    """What a file is, and one decoded picture of it (the image, or the video's poster frame)."""

    kind: MediaKind
    content_type: str
    width: int
    height: int
    sha256: str
    still: Image.Image
    duration_seconds: float | None = None
    video_codec: str | None = None


def sniff(head: bytes) -> str | None:
    """The content type the first bytes of a file announce; None for anything Herald does not take."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _NOT_VIDEO_BRANDS:
            return None
        return "video/quicktime" if brand == b"qt  " else "video/mp4"
    if head[4:8] in _QUICKTIME_ATOMS:
        return "video/quicktime"
    return None


def kind_of(content_type: str) -> MediaKind | None:
    """The kind of media a (claimed or detected) content type is; None when Herald does not take it."""
    if content_type == "image/gif":
        return MediaKind.GIF
    if content_type in PILLOW_FORMATS:
        return MediaKind.IMAGE
    if content_type in VIDEO_TYPES:
        return MediaKind.VIDEO
    return None


def inspect_file(path: Path, max_pixels: int) -> Inspection:
    """Detect, check and decode the file at `path`; `MediaRejected` when it is not acceptable."""
    with path.open("rb") as file:
        content_type = sniff(file.read(SNIFF_BYTES))
    if content_type is None:
        raise MediaRejected(
            "UNSUPPORTED_FILE_TYPE",
            "This file is not a JPEG, PNG, WebP or GIF image nor an MP4 or MOV video, "
            "whatever its name says.",
        )
    try:
        if content_type in VIDEO_TYPES:
            return _inspect_video(path, content_type, max_pixels)
        return _inspect_image(path, content_type, max_pixels)
    except MediaRejected:
        raise
    except Image.DecompressionBombError:
        raise _too_many_pixels(None, None, max_pixels) from None
    except Exception as exc:  # a damaged file may make a decoder raise anything
        log.info("media.inspect.damaged", content_type=content_type, error=repr(exc))
        raise MediaRejected(
            "FILE_DAMAGED", f"This {_label(content_type)} is damaged or incomplete and cannot be read."
        ) from exc


def sha256_of(path: Path) -> str:
    """The hex SHA-256 of the file's bytes."""
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def _inspect_image(path: Path, content_type: str, max_pixels: int) -> Inspection:
    with Image.open(path, formats=[PILLOW_FORMATS[content_type]]) as image:
        width, height = image.size  # from the header: nothing is decoded yet
        if width * height > max_pixels:
            raise _too_many_pixels(width, height, max_pixels)
        orientation = image.getexif().get(_ORIENTATION, 1)
        if content_type == "image/jpeg":
            image.draft("RGB", draft_size((width, height), STILL_SIDE))
        image.load()
        # Only a thumbnail is made from it: shrink now rather than hold a full-size copy.
        still = image.convert("RGBA") if image.mode not in ("RGB", "RGBA", "L") else image
        still.thumbnail((STILL_SIDE, STILL_SIDE))
        still = ImageOps.exif_transpose(still)
    if orientation in (5, 6, 7, 8):  # the camera was turned: people see it the other way round
        width, height = height, width
    return Inspection(
        kind=MediaKind.GIF if content_type == "image/gif" else MediaKind.IMAGE,
        content_type=content_type,
        width=width,
        height=height,
        sha256=sha256_of(path),
        still=still,
    )


def _inspect_video(path: Path, content_type: str, max_pixels: int) -> Inspection:
    with av.open(str(path), mode="r") as container:
        if "mp4" not in container.format.name and "mov" not in container.format.name:
            raise MediaRejected("UNSUPPORTED_FILE_TYPE", "This video is not an MP4 or MOV file.")
        if not container.streams.video:
            raise MediaRejected("UNSUPPORTED_FILE_TYPE", "This file has no video in it.")
        stream = container.streams.video[0]
        width, height = stream.codec_context.width, stream.codec_context.height
        if width * height > max_pixels:
            raise _too_many_pixels(width, height, max_pixels)
        duration = _duration(container, stream)
        frame = next(container.decode(stream), None)
        if frame is None:
            raise MediaRejected("FILE_DAMAGED", "Not a single frame of this video can be decoded.")
        still = frame.to_image()  # type: ignore[no-untyped-call]
        if frame.rotation:  # phones record sideways and say so in the display matrix
            still = still.rotate(frame.rotation, expand=True)
            if frame.rotation % 180:
                width, height = height, width
        return Inspection(
            kind=MediaKind.VIDEO,
            content_type=content_type,
            width=width,
            height=height,
            sha256=sha256_of(path),
            still=still,
            duration_seconds=duration,
            video_codec=stream.codec_context.name,
        )


def _duration(container: av.container.InputContainer, stream: av.VideoStream) -> float | None:
    if container.duration is not None:
        return float(container.duration / av.time_base)
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    return None


def draft_size(size: tuple[int, int], side: int) -> tuple[int, int]:
    """The size to ask libjpeg's reduced-scale decoding for: the image fitted in `side`, same ratio.

    Pillow picks the largest reduction (1/2, 1/4, 1/8) that stays at least this big both ways, so asking
    for a square would keep a landscape photo at full size.
    """
    width, height = size
    scale = min(1.0, side / max(width, height))
    return max(1, math.ceil(width * scale)), max(1, math.ceil(height * scale))


def _too_many_pixels(width: int | None, height: int | None, max_pixels: int) -> MediaRejected:
    size = f" is {width} x {height} pixels" if width and height else " has too many pixels"
    return MediaRejected(
        "TOO_MANY_PIXELS",
        f"This file{size}; Herald takes up to {max_pixels / 1_000_000:g} megapixels. Resize it first.",
    )


def _label(content_type: str) -> str:
    return {"video/mp4": "MP4 video", "video/quicktime": "MOV video"}.get(
        content_type, f"{PILLOW_FORMATS.get(content_type, 'image')} image"
    )
