"""What the fake networks do with a media URL, as Meta does: download it over real HTTP and look at what
came back (status, `Content-Type`, the first bytes), before a container or a photo can exist.

In the suite the URL is Herald's signed local route (`/media/files/...` on the API's port) or a
presigned URL of moto's S3 server: the fakes fetch exactly what a network would be handed.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

_MAGIC = {
    b"\xff\xd8\xff": "image/jpeg",
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"GIF8": "image/gif",
}


@dataclass(frozen=True)
class Fetched:
    """One download attempt of a media URL."""

    url: str
    status: int | None  # None when the URL could not be reached at all
    content_type: str = ""
    size: int = 0
    sniffed: str | None = None  # what the first bytes say the file is

    def is_image(self, types: frozenset[str]) -> bool:
        """Downloaded, declared as one of `types`, and the bytes agree."""
        return self.status == 200 and self.content_type in types and self.sniffed == self.content_type

    def is_video(self) -> bool:
        """Downloaded, declared as a video, and the bytes look like an MP4/MOV (an `ftyp` box)."""
        return self.status == 200 and self.content_type.startswith("video/") and self.sniffed == "video"


async def fetch_media(url: str) -> Fetched:
    """GET `url` like a network's media downloader (following redirects, 20 s at most)."""
    try:
        async with httpx.AsyncClient(timeout=20, follow_redirects=True) as client:
            response = await client.get(url)
    except httpx.HTTPError:
        return Fetched(url=url, status=None)
    body = response.content
    content_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return Fetched(url, response.status_code, content_type, len(body), _sniff(body))


def _sniff(body: bytes) -> str | None:
    for magic, kind in _MAGIC.items():
        if body.startswith(magic):
            return kind
    if body[4:8] == b"ftyp":
        return "video"
    return None
