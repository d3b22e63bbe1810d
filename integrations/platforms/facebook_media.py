"""Facebook Pages' media: what a Page post may carry (as data) and the calls that post photos and videos.

From the Pages API documentation ("Photos", "Videos", "Posts"):

- one photo: `POST /{page-id}/photos` with `url` (Facebook fetches it), `caption` and, when the photo is
  described, `alt_text_custom`; answered `{"id": <photo>, "post_id": <page post>}`;
- several photos: each `POST /{page-id}/photos` with `published=false` (answered `{"id"}`), then
  `POST /{page-id}/feed` with the `message` and `attached_media[i]={"media_fbid": <photo id>}`;
- a video: `POST /{page-id}/videos` with `file_url` and `description`, answered `{"id": <video>}`.

The unpublished photos of a multi-photo post are the checkpoint (`photos`, in order): a retry attaches
the ones an earlier attempt uploaded instead of uploading them again. Unpublished photos never show on
the Page, so one uploaded by an attempt that died before recording it is only an orphan.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from integrations.platforms.base import Checkpoint, MediaFacts, OutcomeUnknown, Violation
from integrations.platforms.media_rules import (
    MB,
    FileRules,
    count_violation,
    file_violations,
    mixed_violation,
)
from integrations.platforms.meta_graph import GraphClient
from models.platform import MediaKind

# Facebook documents no ceiling for photos in one post; Herald posts at most this many together.
MAX_PHOTOS = 10
PHOTOS_KEY = "photos"
_TOO_MANY_PHOTOS = f"Herald posts at most {MAX_PHOTOS} photos together to a Facebook Page."
FILES = FileRules(
    label="Facebook",
    image_types=frozenset({"image/jpeg", "image/png", "image/gif"}),
    max_image_bytes=10 * MB,
    video_types=frozenset({"video/mp4", "video/quicktime"}),
    max_video_bytes=10_000 * MB,
    max_video_seconds=240 * 60.0,
)


def media_violations(media: Sequence[MediaFacts], link: object) -> list[Violation]:
    """Each file's format and size; photos (up to 10) or one video; and no `link` beside media."""
    found = file_violations(FILES, media)
    videos = [m for m in media if m.kind is MediaKind.VIDEO]
    if (mixed := mixed_violation("Facebook", media)) is not None:
        found.append(mixed)
    elif len(videos) > 1:
        found.append(Violation("TOO_MANY_VIDEOS", "A Facebook post carries one video.", ("mediaIds",)))
    elif (too_many := count_violation(media, MAX_PHOTOS, _TOO_MANY_PHOTOS)) is not None:
        found.append(too_many)
    if link is not None:
        message = "A Facebook post shares a link or photos and videos, not both; remove the link."
        found.append(Violation("INVALID_OPTION", message, ("options", "link")))
    return found


def photo_form(item: MediaFacts, caption: str, *, published: bool) -> dict[str, str]:
    """The fields of `POST /{page-id}/photos`."""
    form = {"url": item.url or ""}
    if caption:
        form["caption"] = caption
    if item.alt_text:
        form["alt_text_custom"] = item.alt_text
    if not published:
        form["published"] = "false"
    return form


def video_form(item: MediaFacts, description: str) -> dict[str, str]:
    """The fields of `POST /{page-id}/videos`."""
    form = {"file_url": item.url or ""}
    return {**form, "description": description} if description else form


def feed_form(message: str, photo_ids: Sequence[str]) -> dict[str, str]:
    """The fields of the `POST /{page-id}/feed` that publishes several uploaded photos as one post."""
    form = {f"attached_media[{i}]": json.dumps({"media_fbid": pid}) for i, pid in enumerate(photo_ids)}
    return {**form, "message": message} if message else form


async def unpublished_photos(
    graph: GraphClient, page_id: str, token: str, media: Sequence[MediaFacts], checkpoint: Checkpoint | None
) -> list[str]:
    """The photos of a multi-photo post, uploaded unpublished; those an earlier attempt recorded are
    reused, each new one recorded at once."""
    earlier = _ids(checkpoint.data.get(PHOTOS_KEY) if checkpoint else None)
    photos = earlier[: len(media)]
    for item in media[len(photos) :]:
        answer = await graph.post(f"{page_id}/photos", token, photo_form(item, "", published=False))
        photo_id = answer.get("id")
        if not isinstance(photo_id, str | int) or not str(photo_id):
            raise OutcomeUnknown("OUTCOME_UNKNOWN", "Facebook answered a photo upload without its id.")
        photos.append(str(photo_id))
        if checkpoint is not None:
            checkpoint.data = {**checkpoint.data, PHOTOS_KEY: list(photos)}
            await checkpoint.save(checkpoint.data)
    return photos


def _ids(value: Any) -> list[str]:
    return [str(v) for v in value if isinstance(v, str) and v] if isinstance(value, list) else []
