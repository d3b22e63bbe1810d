"""Images Herald derives from media: JPEGs that fit a byte budget (Bluesky's ≤ 1 MB), thumbnails, posters.

Derived images are turned the way people see them (EXIF orientation applied) and carry no metadata:
no EXIF at all, so no GPS position, camera serial or capture time leaves Herald in a published file.
Only an RGB source's colour profile is kept, so colours look the same.

Blocking CPU work, like `media_probe`: callers run these in a thread.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from integrations.media_probe import PILLOW_FORMATS, MediaRejected, draft_size

THUMBNAIL_SIDE = 400
THUMBNAIL_QUALITY = 80
POSTER_QUALITY = 85
# The quality search of `fit_jpeg`: the best quality that fits, never below MIN_QUALITY (below that the
# image shrinks instead, which looks better than blocky artefacts).
MAX_QUALITY = 90
MIN_QUALITY = 45
SHRINK_STEP = 0.8


@dataclass(frozen=True, slots=True)
class EncodedImage:
    """An encoded JPEG and its dimensions (as displayed)."""

    data: bytes
    width: int
    height: int
    content_type: str = "image/jpeg"


def open_oriented(path: Path, content_type: str, max_pixels: int, side: int) -> Image.Image:
    """The image at `path`, decoded no larger than needed to fit `side`, oriented, in RGB.

    The pixel limit is checked from the header again: variants are made long after the upload was
    checked, possibly under a lower limit.
    """
    with Image.open(path, formats=[PILLOW_FORMATS[content_type]]) as image:
        width, height = image.size
        if width * height > max_pixels:
            raise MediaRejected("TOO_MANY_PIXELS", f"The image is {width} x {height} pixels.")
        if content_type == "image/jpeg":
            image.draft("RGB", draft_size(image.size, side))  # decoded at 1/2, 1/4 or 1/8 scale
        image.load()
        image.thumbnail((side, side), Image.Resampling.LANCZOS)
        ImageOps.exif_transpose(image, in_place=True)
        return _rgb(image)


def fit_jpeg(image: Image.Image, max_bytes: int, max_side: int) -> EncodedImage:
    """The best-looking JPEG of `image` within `max_bytes`, its longest side at most `max_side`.

    Binary search on quality at each size; when even MIN_QUALITY does not fit, shrink and search again.
    The aspect ratio is kept throughout.
    """
    current = _rgb(image).copy()
    current.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    while True:
        best = _best_quality(current, max_bytes)
        if best is not None:
            return best
        width, height = current.size
        if max(width, height) <= 16:
            raise ValueError("cannot fit any JPEG of this image in the byte budget")
        smaller = (max(1, round(width * SHRINK_STEP)), max(1, round(height * SHRINK_STEP)))
        current = current.resize(smaller, Image.Resampling.LANCZOS)


def thumbnail_jpeg(image: Image.Image, side: int = THUMBNAIL_SIDE) -> EncodedImage:
    """A small JPEG for the media library, longest side `side`."""
    small = _rgb(image).copy()
    small.thumbnail((side, side), Image.Resampling.LANCZOS)
    return encode_jpeg(small, THUMBNAIL_QUALITY)


def encode_jpeg(image: Image.Image, quality: int = POSTER_QUALITY) -> EncodedImage:
    """`image` as a JPEG without metadata (an RGB source keeps its colour profile): no EXIF is passed."""
    rgb = _rgb(image)
    out = io.BytesIO()
    # Pillow copies only a source's comment by itself; the empty one stops that too.
    profile = rgb.info.get("icc_profile")
    rgb.save(out, "JPEG", quality=quality, optimize=True, icc_profile=profile, comment="")
    return EncodedImage(data=out.getvalue(), width=rgb.width, height=rgb.height)


def _best_quality(image: Image.Image, max_bytes: int) -> EncodedImage | None:
    top = encode_jpeg(image, MAX_QUALITY)
    if len(top.data) <= max_bytes:
        return top
    low, high, best = MIN_QUALITY, MAX_QUALITY - 1, None
    while low <= high:
        middle = (low + high) // 2
        encoded = encode_jpeg(image, middle)
        if len(encoded.data) <= max_bytes:
            best, low = encoded, middle + 1
        else:
            high = middle - 1
    return best


def _rgb(image: Image.Image) -> Image.Image:
    """RGB, with any transparency flattened onto white (JPEG has no alpha)."""
    if image.mode == "RGB":
        return image
    if image.mode in ("RGBA", "LA", "P", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    converted = image.convert("RGB")
    # A CMYK or grey profile would describe the wrong colours once the pixels are RGB.
    converted.info.pop("icc_profile", None)
    return converted
