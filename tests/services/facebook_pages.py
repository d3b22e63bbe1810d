"""Facebook Pages' part of the local Graph API (see `meta_graph_server`, which routes and authorizes the
requests): the posts of a Page, with text, a link, photos or a video.

Follows the Pages API: "Posts" (`POST /{page}/feed` with `message`, `link`, `attached_media[i]=
{"media_fbid"}` of unpublished photos → `{"id": "<page>_<post>"}`; a post without text leaves `message`
out), "Photos" (`POST /{page}/photos` with `url`, downloaded over real HTTP, see `media_fetch`: a JPEG,
PNG or GIF, else error 324; `caption`, `alt_text_custom`, `published=false` for a photo to attach later →
`{"id", "post_id"}`, `{"id"}` when unpublished) and "Videos" (`POST /{page}/videos` with `file_url`, a
video, else error 352, and `description` → `{"id"}`; the video's permalink relative, as Facebook gives it).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from starlette.responses import JSONResponse, Response

from tests.services.fake_network import new_id
from tests.services.media_fetch import Fetched
from tests.services.meta_wire import error_response, meta_time

if TYPE_CHECKING:
    from tests.services.meta_graph_server import Page

PHOTO_TYPES = frozenset({"image/jpeg", "image/png", "image/gif"})


class PagePosts:
    """The Pages' photos and videos, and the behaviour of their publishing edges."""

    def __init__(self) -> None:
        self.photos: dict[str, dict[str, Any]] = {}  # photo id -> {"page", "published", "fetched", "form"}
        self.videos: dict[str, Fetched] = {}  # video id -> its download
        self.fetches: list[Fetched] = []

    def photo(self, page: Page, form: dict[str, str], fetched: Fetched) -> Response:
        if not fetched.is_image(PHOTO_TYPES):
            return error_response(324, "(#324) Missing or invalid image file")
        photo_id, published = new_id(16), form.get("published", "true") != "false"
        self.photos[photo_id] = {"page": page.id, "published": published, "fetched": fetched, "form": form}
        if not published:
            return JSONResponse({"id": photo_id})
        post = self.add_post(page, form.get("caption", ""), photos=[photo_id])
        return JSONResponse({"id": photo_id, "post_id": post["id"]})

    def video(self, page: Page, form: dict[str, str], fetched: Fetched) -> Response:
        if not fetched.is_video():
            return error_response(352, "(#352) The video file you selected is in a format we don't support.")
        video_id = new_id(16)
        self.videos[video_id] = fetched
        self.add_post(page, form.get("description", ""), post_id=video_id, video=video_id)
        return JSONResponse({"id": video_id})

    def post(self, page: Page, form: dict[str, str]) -> Response:
        # The form keeps the order Herald wrote attached_media[0], [1]... in.
        attached = [json.loads(v)["media_fbid"] for k, v in form.items() if k.startswith("attached_media[")]
        if not form.get("message") and not form.get("link") and not attached:
            return error_response(100, "(#100) Missing message or attachment")
        if any(
            self.photos.get(str(fbid), {}).get("page") != page.id or self.photos[str(fbid)]["published"]
            for fbid in attached
        ):
            return error_response(100, "(#100) Invalid media_fbid: attach this Page's unpublished photos")
        for fbid in attached:
            self.photos[str(fbid)]["published"] = True
        post = self.add_post(page, form.get("message", ""), photos=[str(f) for f in attached])
        if form.get("link"):
            post["link"] = form["link"]
        return JSONResponse({"id": post["id"]})

    def add_post(
        self,
        page: Page,
        message: str,
        *,
        post_id: str | None = None,
        photos: list[str] | None = None,
        video: str | None = None,
    ) -> dict[str, Any]:
        post_id = post_id or f"{page.id}_{new_id(16)}"
        post: dict[str, Any] = {
            "id": post_id,
            "created_time": meta_time(datetime.now(UTC)),
            "permalink_url": f"/{page.id}/videos/{post_id}/"
            if video
            else f"https://www.facebook.com/{page.id}/posts/{post_id.split('_')[-1]}",
        }
        if message:
            post["message"] = message  # Facebook leaves `message` out of a post without text
        if photos:
            post["photo_ids"] = photos
        page.posts.insert(0, post)
        return post
