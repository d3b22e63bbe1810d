"""What making a Bluesky variant of a 12-megapixel photo costs (run on demand, not a test).

    .venv/bin/python bench/media_variant.py [width] [height]

Makes 4000 x 3000 JPEGs (a busy one, photo-like grain over a gradient, and the worst case for JPEG,
pure noise), then, for each, in a fresh child process so the numbers are its own: decodes it the way
`resolvers.media_renditions.bluesky_variant` does (`open_oriented` with libjpeg's reduced-scale decoding, then
`fit_jpeg` down to 1,000,000 bytes and 2000 px) and, for comparison, the naive way (full-size decode,
then resize). Prints wall time, the Python heap peak (tracemalloc; Pillow's pixel buffers are not on
it) and the growth of the process's peak resident memory (VmHWM, else ru_maxrss: it counts them).
"""

from __future__ import annotations

import io
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
from PIL import Image

from integrations.media_images import fit_jpeg, open_oriented
from integrations.platforms.bluesky_media import IMAGE_BLOB_MAX_BYTES, IMAGE_MAX_SIDE

MAX_PIXELS = 50_000_000


def make_photo(path: Path, width: int, height: int, noise: int) -> int:
    gradient = np.linspace(0, 255 - noise, width, dtype=np.float32)[None, :, None]
    speckle = np.frombuffer(os.urandom(width * height * 3), dtype=np.uint8).reshape(height, width, 3)
    pixels = np.clip(gradient + speckle.astype(np.float32) * (noise / 255), 0, 255).astype(np.uint8)
    Image.fromarray(pixels, "RGB").save(path, "JPEG", quality=92)
    return path.stat().st_size


def peak_rss_kib() -> int:
    """This process's peak resident memory. Linux's VmHWM, because ru_maxrss carries the parent's peak
    over fork and exec (the parent held the generated photo), which would hide the child's own."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure(path: Path, mode: str) -> None:
    """In the child: one variant, and its costs on one line."""
    rss_before = peak_rss_kib()
    tracemalloc.start()
    started = time.perf_counter()
    if mode == "herald":
        image = open_oriented(path, "image/jpeg", MAX_PIXELS, IMAGE_MAX_SIDE)
    else:
        with Image.open(path) as full:
            full.load()
            image = full.resize((IMAGE_MAX_SIDE, round(IMAGE_MAX_SIDE * full.height / full.width)))
    made = fit_jpeg(image, IMAGE_BLOB_MAX_BYTES, IMAGE_MAX_SIDE)
    elapsed = time.perf_counter() - started
    _, heap_peak = tracemalloc.get_traced_memory()
    rss_grown = (peak_rss_kib() - rss_before) / 1024
    ratio = made.width / made.height
    print(
        f"  {mode:7} {elapsed * 1000:7.0f} ms   tracemalloc peak {heap_peak / 1e6:6.1f} MB   "
        f"peak RSS +{rss_grown:6.1f} MiB   -> {made.width}x{made.height} (ratio {ratio:.3f}), "
        f"{len(made.data):,} bytes"
    )
    assert len(made.data) <= IMAGE_BLOB_MAX_BYTES
    Image.open(io.BytesIO(made.data)).verify()


def main(width: int, height: int) -> None:
    with tempfile.TemporaryDirectory() as directory:
        for label, noise in (("photo-like grain", 48), ("pure noise (worst case)", 255)):
            path = Path(directory) / f"{noise}.jpg"
            size = make_photo(path, width, height, noise)
            print(f"{width}x{height} ({width * height / 1e6:.0f} MP) {label}: {size:,} bytes")
            for mode in ("herald", "naive"):
                subprocess.run([sys.executable, __file__, "--measure", str(path), mode], check=True)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--measure":
        measure(Path(sys.argv[2]), sys.argv[3])
    else:
        arguments = [int(a) for a in sys.argv[1:3]]
        main(*(arguments or [4000, 3000]))
