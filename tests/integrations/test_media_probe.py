"""Reading files by content: what they are, what is refused, and what Herald derives from them."""

from __future__ import annotations

import io
import resource
import time
from pathlib import Path

import pytest
from PIL import Image

from integrations.media_images import fit_jpeg, open_oriented, thumbnail_jpeg
from integrations.media_probe import MediaRejected, inspect_file, sniff
from models.platform import MediaKind
from tests.media_samples import GPS_IFD, HTML, jpeg_with_exif, mp4, photo, png, png_bomb

MAX_PIXELS = 50_000_000


def _file(tmp_path: Path, data: bytes, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _rejected(path: Path) -> str:
    with pytest.raises(MediaRejected) as caught:
        inspect_file(path, MAX_PIXELS)
    return caught.value.code


@pytest.mark.parametrize(
    ("head", "content_type"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
        (b"GIF89a\x01\x00", "image/gif"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"\x00\x00\x00\x20ftypisom\x00\x00", "video/mp4"),
        (b"\x00\x00\x00\x14ftypqt  \x00\x00", "video/quicktime"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00", None),  # an iPhone photo: an image in a video's clothes
        (HTML, None),
        (b"", None),
    ],
)
def test_the_first_bytes_say_what_a_file_is(head: bytes, content_type: str | None) -> None:
    assert sniff(head) == content_type


def test_a_png_named_jpg_is_a_png(tmp_path: Path) -> None:
    found = inspect_file(_file(tmp_path, png(64, 48), "holiday.jpg"), MAX_PIXELS)
    assert (found.kind, found.content_type, found.width, found.height) == (
        MediaKind.IMAGE,
        "image/png",
        64,
        48,
    )


@pytest.mark.parametrize(
    ("fmt", "kind", "content_type"), [("WEBP", "IMAGE", "image/webp"), ("GIF", "GIF", "image/gif")]
)
def test_webp_and_gif_are_read_by_content(tmp_path: Path, fmt: str, kind: str, content_type: str) -> None:
    out = io.BytesIO()
    Image.new("RGB", (30, 20), (10, 200, 10)).save(out, fmt)
    found = inspect_file(_file(tmp_path, out.getvalue(), "no-extension"), MAX_PIXELS)
    assert (found.kind, found.content_type, found.width, found.height) == (
        MediaKind(kind),
        content_type,
        30,
        20,
    )


def test_html_named_png_is_refused(tmp_path: Path) -> None:
    assert _rejected(_file(tmp_path, HTML, "picture.png")) == "UNSUPPORTED_FILE_TYPE"


def test_a_truncated_jpeg_is_refused(tmp_path: Path) -> None:
    whole = photo(800, 600)
    assert _rejected(_file(tmp_path, whole[: len(whole) // 2], "cut.jpg")) == "FILE_DAMAGED"


def test_a_truncated_mp4_is_refused(tmp_path: Path) -> None:
    whole = mp4(seconds=1.0)
    assert _rejected(_file(tmp_path, whole[: len(whole) // 3], "cut.mp4")) == "FILE_DAMAGED"


def test_a_png_bomb_is_refused_from_its_header(tmp_path: Path) -> None:
    # given a 300 KB PNG announcing 50,000 x 50,000 pixels (2.5 GB once decoded)
    bomb = _file(tmp_path, png_bomb(), "bomb.png")
    assert bomb.stat().st_size < 1_000_000
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    started = time.monotonic()

    # when it is inspected, then it is refused at once, without decoding it
    assert _rejected(bomb) == "TOO_MANY_PIXELS"
    assert time.monotonic() - started < 2
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before) / 1024
    assert grown_mib < 100


def test_a_smaller_limit_refuses_an_ordinary_photo(tmp_path: Path) -> None:
    with pytest.raises(MediaRejected) as caught:
        inspect_file(_file(tmp_path, png(2000, 1000), "big.png"), max_pixels=1_000_000)
    assert caught.value.code == "TOO_MANY_PIXELS"


def test_a_short_mp4_is_probed_and_gets_a_poster_frame(tmp_path: Path) -> None:
    found = inspect_file(_file(tmp_path, mp4(seconds=2.0, width=320, height=240), "clip.mp4"), MAX_PIXELS)
    assert (found.kind, found.content_type, found.video_codec) == (MediaKind.VIDEO, "video/mp4", "h264")
    assert (found.width, found.height) == (320, 240)
    assert found.duration_seconds == pytest.approx(2.0, abs=0.1)
    assert found.still.size == (320, 240)


def test_exif_orientation_is_applied_and_gps_never_leaves(tmp_path: Path) -> None:
    # given a landscape-stored JPEG whose EXIF says "turned 90°" and where it was taken
    path = _file(tmp_path, jpeg_with_exif(300, 200, orientation=6), "turned.jpg")
    assert Image.open(path).getexif().get_ifd(GPS_IFD)

    # when it is inspected and variants are made
    found = inspect_file(path, MAX_PIXELS)
    variant = fit_jpeg(open_oriented(path, "image/jpeg", MAX_PIXELS, 2000), 1_000_000, 2000)
    thumbnail = thumbnail_jpeg(found.still)

    # then it is portrait everywhere, and no variant carries any EXIF (so no position)
    assert (found.width, found.height) == (200, 300)
    assert (variant.width, variant.height) == (200, 300)
    for data in (variant.data, thumbnail.data):
        made = Image.open(io.BytesIO(data))
        assert made.size[0] < made.size[1]
        assert not made.getexif()
        assert "exif" not in made.info


def test_a_noisy_3_mb_photo_fits_in_a_megabyte_with_its_aspect_ratio(tmp_path: Path) -> None:
    # given a 2048 x 1536 photo of about 3 MB
    data = photo(2048, 1536, quality=92)
    assert len(data) > 2_900_000
    path = _file(tmp_path, data, "photo.jpg")

    # when it is made into a Bluesky-sized JPEG
    made = fit_jpeg(open_oriented(path, "image/jpeg", MAX_PIXELS, 2000), 1_000_000, 2000)

    # then it is at most 1,000,000 bytes, at most 2000 px, with the same 4:3 ratio
    assert len(made.data) <= 1_000_000
    assert max(made.width, made.height) <= 2000
    assert made.width / made.height == pytest.approx(4 / 3, abs=0.01)
    assert Image.open(io.BytesIO(made.data)).format == "JPEG"
