"""Instagram's part of the local Graph API (see `meta_graph_server`): content publishing, media, stories,
comments and the publishing limit of the Instagram accounts linked to the fake's Pages.

Follows the Instagram Platform's "Content Publishing" guide and references: `POST /{ig-user}/media`
(`image_url` [+ `alt_text`], or `media_type` VIDEO | REELS | STORIES with `video_url`; `is_carousel_item`;
`media_type=CAROUSEL` with 2-10 `children`; `caption`) → `{"id"}` of a container; `GET /{container}?
fields=status_code,status` (IN_PROGRESS | FINISHED | ERROR | EXPIRED | PUBLISHED; `status` holds the error
subcode when ERROR); `POST /{ig-user}/media_publish` with `creation_id` → `{"id"}` of the media;
`GET /{ig-user}/content_publishing_limit?fields=config,quota_usage`; `GET /{ig-user}/media` and
`/{ig-user}/stories`; `GET /{ig-media}`; `POST|GET /{ig-media}/comments`.

Media are downloaded over real HTTP when a container is made (see `media_fetch`). A photo must be a JPEG
that downloads (else code 9004 with subcode 2207052, or 2207005 for another format); a video that does not
download leaves its container in ERROR with `status` "2207052", as Instagram reports it after processing.

Scripting: `in_progress_polls` (status reads answering IN_PROGRESS first), `IgAccount.quota_usage` and
`quota_total`, `publish_directly` (a photo posted with Instagram's app), `IgAccount.followers` and a media's
numbers (`graph_insights`), and the server's faults. Endpoint names: ig_create_container, ig_container_status,
ig_media_publish, ig_publishing_limit, ig_media, ig_stories, ig_media_read, ig_comments, ig_comment_list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from tests.services.fake_network import new_id
from tests.services.media_fetch import Fetched
from tests.services.meta_wire import error_response, listing, meta_time

JPEG = frozenset({"image/jpeg"})
VIDEO_TYPES = {"VIDEO", "REELS", "STORIES"}
PRODUCT = {"REELS": "REELS", "STORIES": "STORY"}


@dataclass
class IgAccount:
    id: str
    username: str
    quota_usage: int = 0
    quota_total: int = 50
    followers: int | None = None  # not reported until a test sets it
    media: list[dict[str, Any]] = field(default_factory=list)  # newest first
    stories: list[dict[str, Any]] = field(default_factory=list)  # newest first


@dataclass
class IgContainer:
    id: str
    owner: str
    form: dict[str, str]
    status: str
    polls_left: int
    fetched: Fetched | None = None
    error: str | None = None
    children: list[str] = field(default_factory=list)

    @property
    def carousel_item(self) -> bool:
        return self.form.get("is_carousel_item") == "true"


class InstagramGraph:
    """The Instagram state and behaviour; the server routes requests here and scripts faults."""

    def __init__(self) -> None:
        self.accounts: dict[str, IgAccount] = {}
        self.containers: dict[str, IgContainer] = {}
        self.media: dict[str, dict[str, Any]] = {}  # media id -> media (its `children` are containers)
        self.comments: dict[str, list[dict[str, Any]]] = {}
        self.fetches: list[Fetched] = []
        self.in_progress_polls = 0

    def account(self, ig_id: str, username: str) -> IgAccount:
        return self.accounts.setdefault(ig_id, IgAccount(ig_id, username))

    def owner_of(self, node: str) -> str | None:
        """The IG account a container or a media belongs to."""
        if node in self.containers:
            return self.containers[node].owner
        found = self.media.get(node)
        return str(found["owner"]) if found else None

    # --- containers --------------------------------------------------------------------------------------

    def create_container(self, account: IgAccount, form: dict[str, str], fetched: Fetched | None) -> Response:
        kind = form.get("media_type", "IMAGE")
        polls = self.in_progress_polls
        container = IgContainer(new_id(), account.id, dict(form), "IN_PROGRESS", polls, fetched)
        if kind == "CAROUSEL":
            if (refused := self._carousel_refusal(account, container)) is not None:
                return refused
        elif "image_url" in form and kind in ("IMAGE", "STORIES"):
            if fetched is None or fetched.status != 200:
                return _download_failed()
            if not fetched.is_image(JPEG):
                message = "Only photo or video can be accepted as media type."
                return error_response(9004, message, subcode=2207005)
        elif "video_url" in form and kind in VIDEO_TYPES:
            if fetched is None or not fetched.is_video():
                container.error = "2207052"  # found while processing: reported by the status
        else:
            return error_response(100, "The parameter image_url or video_url is required.")
        self.containers[container.id] = container
        return JSONResponse({"id": container.id})

    def _carousel_refusal(self, account: IgAccount, container: IgContainer) -> Response | None:
        children = [c for c in container.form.get("children", "").split(",") if c]
        found = [self.containers.get(c) for c in children]
        if not 2 <= len(children) <= 10 or any(
            c is None or c.owner != account.id or not c.carousel_item or c.status != "FINISHED" for c in found
        ):
            return error_response(100, "Carousel children are invalid.", subcode=2207028)
        container.children = children
        return None

    def container_status(self, container: IgContainer) -> Response:
        if container.status == "IN_PROGRESS":
            container.polls_left -= 1
            if container.polls_left < 0:
                container.status = "ERROR" if container.error else "FINISHED"
        body = {"id": container.id, "status_code": container.status, "status": container.status.title()}
        if container.status == "ERROR":
            body["status"] = container.error or "2207001"
        return JSONResponse(body)

    # --- publishing --------------------------------------------------------------------------------------

    def publish(self, account: IgAccount, form: dict[str, str]) -> Response:
        container = self.containers.get(form.get("creation_id", ""))
        if container is None or container.owner != account.id or container.carousel_item:
            return error_response(100, "The media container does not exist.", subcode=2207027)
        if container.status != "FINISHED":
            return error_response(9007, "Media ID is not available", subcode=2207027)
        if account.quota_usage >= account.quota_total:
            return error_response(9, "Application request limit reached", subcode=2207042)
        container.status = "PUBLISHED"
        account.quota_usage += 1
        kind = container.form.get("media_type", "IMAGE")
        media = self._add_media(
            account,
            "CAROUSEL_ALBUM" if kind == "CAROUSEL" else "VIDEO" if "video_url" in container.form else "IMAGE",
            PRODUCT.get(kind, "FEED"),
            [self.containers[c] for c in container.children] or [container],
            "" if kind == "STORIES" else container.form.get("caption", ""),
        )
        return JSONResponse({"id": media["id"]})

    def publish_directly(self, account: IgAccount, caption: str) -> dict[str, Any]:
        """A photo posted with Instagram's app, for reading it back."""
        return self._add_media(account, "IMAGE", "FEED", [], caption)

    def _add_media(
        self, account: IgAccount, media_type: str, product: str, children: list[IgContainer], caption: str
    ) -> dict[str, Any]:
        media_id = new_id()
        media: dict[str, Any] = {
            "id": media_id,
            "owner": account.id,
            "timestamp": meta_time(datetime.now(UTC)),
            "permalink": f"https://www.instagram.com/p/{media_id}/",
            "media_type": media_type,
            "media_product_type": product,
            "children": children,
        }
        if caption:
            media["caption"] = caption
        self.media[media_id] = media
        (account.stories if product == "STORY" else account.media).insert(0, media)
        return media

    def limit(self, account: IgAccount) -> Response:
        config = {"quota_total": account.quota_total, "quota_duration": 86400}
        return JSONResponse({"data": [{"quota_usage": account.quota_usage, "config": config}]})

    def list_media(self, request: Request, items: list[dict[str, Any]]) -> Response:
        return JSONResponse(listing(request, [_public(m) for m in items], "timestamp"))

    def read_media(self, media_id: str, counts: dict[str, Any]) -> Response:
        """The media, with the `counts` its read asked for (`like_count`, `comments_count`)."""
        return JSONResponse(_public(self.media[media_id]) | counts)

    # --- comments ----------------------------------------------------------------------------------------

    def comment(self, media_id: str, form: dict[str, str]) -> Response:
        media = self.media[media_id]
        if not form.get("message"):
            return error_response(100, "The parameter message is required.")
        if media["media_product_type"] == "STORY":
            return error_response(100, "Comments are not supported on stories.")
        username = self.accounts[str(media["owner"])].username
        comment = {"id": new_id(), "text": form["message"], "username": username}
        self.comments.setdefault(media_id, []).append(comment)
        return JSONResponse({"id": comment["id"]})

    def list_comments(self, media_id: str) -> Response:
        return JSONResponse({"data": self.comments.get(media_id, [])})


def _public(media: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in media.items() if k not in ("owner", "children")}


def _download_failed() -> Response:
    return error_response(
        9004, "Media download has failed. The media URI doesn't meet our requirements.", subcode=2207052
    )
