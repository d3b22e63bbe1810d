"""Reddit image posts: Reddit's media upload lease, the upload itself, and the rules, as data.

Reddit documents no public image-post API beyond `kind=image` on `/api/submit`; the flow below is the one
Reddit's own clients and PRAW (`Subreddit.submit_image`) use:

1. `POST /api/media/asset.json` with `filepath` and `mimetype` answers a lease:
   `{"args": {"action": "//<bucket host>", "fields": [{"name", "value"}, ...]}, "asset": {"asset_id",
   "websocket_url"}}`;
2. the bytes go to `https:<action>` as a multipart form: every lease field, then `file` (an S3 POST
   policy upload, answered 201);
3. `/api/submit` with `kind=image` and `url=https:<action>/<key field>` creates the post. Its answer
   carries no post id (Reddit processes the image, then tells clients through `websocket_url`); Herald
   finds the post in the user's submissions instead, the way it reconciles (see `reconcile`).

Herald uploads the bytes itself (`MediaFacts.read("original")`), so Reddit never fetches from Herald:
no public media address is needed. One image per post; galleries and videos are not done yet.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

import httpx

from integrations.platforms.base import MediaFacts, Permanent, Transient, Violation
from integrations.platforms.media_rules import MB, FileRules, count_violation, file_violations
from integrations.platforms.reddit_api import api_failure, json_body

FILES = FileRules("Reddit", frozenset({"image/jpeg", "image/png", "image/gif"}), 20 * MB)
MAX_IMAGES = 1
_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif"}
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)

Authorized = Callable[..., Awaitable[httpx.Response]]


def media_violations(media: Sequence[MediaFacts], options: Mapping[str, Any]) -> list[Violation]:
    """One JPEG, PNG or GIF of at most 20 MB, and no `link` beside it."""
    found = file_violations(FILES, media)
    rule = "Herald posts one image per Reddit post (galleries are not supported yet)."
    if (too_many := count_violation(media, MAX_IMAGES, rule)) is not None:
        found.append(too_many)
    if options.get("link") is not None:
        message = "A Reddit post is an image post or a link post, not both; remove the link."
        found.append(Violation("INVALID_OPTION", message, ("options", "link")))
    return found


async def upload_image(http: httpx.AsyncClient, authorized: Authorized, scheme: str, item: MediaFacts) -> str:
    """Lease, upload; the URL `/api/submit` takes for this image."""
    if item.read is None:
        raise Permanent("MEDIA_UNAVAILABLE", "Herald could not read the image to upload it; attach it again.")
    image = await item.read("original")
    extension = _EXTENSIONS.get(image.content_type, "jpg")
    lease_form = {"filepath": f"image.{extension}", "mimetype": image.content_type}
    response = await authorized("POST", "api/media/asset.json", data=lease_form)
    lease = json_body(response)
    args = lease.get("args") if isinstance(lease, dict) else None
    if response.status_code != 200 or not isinstance(args, dict) or not isinstance(args.get("action"), str):
        raise api_failure(response, publishing=False)
    pairs = [f for f in args.get("fields") or [] if isinstance(f, dict) and "name" in f]
    fields = {str(f["name"]): str(f.get("value", "")) for f in pairs}
    action = str(args["action"])
    target = f"{scheme}:{action}" if action.startswith("//") else action
    await _send(http, target, fields, image.data, image.content_type)
    return f"{target.rstrip('/')}/{fields.get('key', '')}"


async def _send(
    http: httpx.AsyncClient, url: str, fields: dict[str, str], data: bytes, content_type: str
) -> None:
    # httpx writes the form fields before the file, as S3 POST uploads require.
    where = "Reddit's media storage"
    try:
        response = await http.post(url, data=fields, files={"file": ("image", data, content_type)})
    except _NOT_SENT as exc:
        raise Transient("SERVICE_UNAVAILABLE", f"{where} could not be reached ({exc!r}).") from exc
    except httpx.TransportError as exc:
        # Nothing is posted until /api/submit: a lost upload answer only costs a new upload.
        raise Transient("SERVICE_UNAVAILABLE", f"{where} did not answer ({exc!r}).") from exc
    status = response.status_code
    if status >= 500:
        raise Transient("SERVICE_UNAVAILABLE", f"{where} failed (HTTP {status}).")
    if status >= 300:
        raise Permanent("MEDIA_UPLOAD_REFUSED", f"{where} refused the image (HTTP {status}).")
