"""Media files made in the tests themselves: photos, a PNG bomb, a short MP4, and liars."""

from __future__ import annotations

import io
import os
import struct
import zlib
from fractions import Fraction

import av
import numpy as np
from PIL import Image

ORIENTATION = 0x0112
GPS_IFD = 0x8825


def photo(width: int, height: int, *, quality: int = 90, noise: int = 255) -> bytes:
    """A JPEG that compresses like a busy photo: a gradient under random noise.

    With `noise` 255 a 2000 x 1500 photo is about 3 MB at quality 90 (noise is what JPEG keeps worst).
    """
    gradient = np.linspace(0, 255 - noise, width, dtype=np.float32)[None, :, None]
    speckle = np.frombuffer(os.urandom(width * height * 3), dtype=np.uint8).reshape(height, width, 3)
    pixels = np.clip(gradient + speckle.astype(np.float32) * (noise / 255), 0, 255).astype(np.uint8)
    out = io.BytesIO()
    Image.fromarray(pixels, "RGB").save(out, "JPEG", quality=quality)
    return out.getvalue()


def jpeg_with_exif(width: int, height: int, *, orientation: int) -> bytes:
    """A small JPEG that says it was taken turned (`orientation`) and where (a GPS position)."""
    image = Image.new("RGB", (width, height), (200, 30, 30))
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "N", (48.0, 51.0, 24.0)  # latitude ref, latitude: Paris
    gps[3], gps[4] = "E", (2.0, 21.0, 3.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, quality=90)
    return out.getvalue()


def png(width: int, height: int, color: tuple[int, int, int, int] = (0, 128, 255, 128)) -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (width, height), color).save(out, "PNG")
    return out.getvalue()


def still(fmt: str, width: int = 24, height: int = 24) -> bytes:
    """A small flat image in Pillow's format `fmt` ("WEBP", "GIF", "JPEG", "PNG")."""
    out = io.BytesIO()
    Image.new("RGB", (width, height), (10, 200, 90)).save(out, fmt)
    return out.getvalue()


def png_bomb(width: int = 50_000, height: int = 50_000) -> bytes:
    """A valid, tiny (~300 KB) PNG whose header announces width x height 1-bit pixels (2.5 gigapixels).

    Decoding it would take gigabytes; Herald must refuse it from the header alone.
    """
    row = b"\x00" + b"\x00" * ((width + 7) // 8)  # filter byte, then all-black pixels
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", data) + _chunk(b"IEND", b"")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def mp4(seconds: float = 2.0, width: int = 320, height: int = 240, fps: int = 25) -> bytes:
    """An H.264 MP4 of a colour ramp, made with PyAV."""
    out = io.BytesIO()
    with av.open(out, "w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=Fraction(fps))
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for index in range(round(seconds * fps)):
            shade = np.full((height, width, 3), (index * 7) % 255, dtype=np.uint8)
            for packet in stream.encode(av.VideoFrame.from_ndarray(shade, format="rgb24")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return out.getvalue()


HTML = b"<!doctype html><html><body><script>alert('not a picture')</script></body></html>\n"
