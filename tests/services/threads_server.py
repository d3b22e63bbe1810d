"""A local stand-in for the Threads API (graph.threads.net) and its authorization window (threads.net).

Follows Meta's Threads documentation: "Get Access Tokens and Permissions" (`GET /oauth/authorize` →
redirect with `code` and `state`; `POST /oauth/access_token` → `{"access_token", "user_id"}`),
"Long-Lived Tokens" (`GET /access_token?grant_type=th_exchange_token`, `GET /refresh_access_token?
grant_type=th_refresh_token` → `{"access_token", "token_type", "expires_in"}`), "Posts"
(`POST /{user}/threads` → `{"id"}` of a container: `media_type` TEXT with `text`, IMAGE with
`image_url`, VIDEO with `video_url`, items with `is_carousel_item=true`, CAROUSEL with 2-20 `children`;
`POST /{user}/threads_publish?creation_id=` → `{"id"}` of the post), "Troubleshooting"
(`GET /{container}?fields=status,error_message`), "Debug Access Token" (`GET /{v}/debug_token?
input_token=&access_token=` → `{"data": {"type", "application", "is_valid", "scopes", "user_id",
"issued_at", "expires_at"}}`, the scopes the authorization window's `scope` asked for less those the
user is scripted to decline, `ThreadsUser.declines`, carried from the code to every token), "Retrieve Posts"
(`GET /{user}/threads`, `GET /{media}`), the rate-limit overview (`GET /{user}/threads_publishing_limit`
→ `{"data": [{"quota_usage", "config": {"quota_total", "quota_duration"}}]}`) and "Insights" (a post's
numbers, the profile's followers: in `threads_insights`). Errors are Graph API errors (see `meta_wire`); a
bad token is code 190.

Media are fetched like Threads does (see `media_fetch`): over real HTTP from the URL Herald gave, when the
container is created. A photo that cannot be downloaded, or is not a JPEG or PNG, fails the creation
(code 100, subcode 2207052); a video that cannot be downloaded leaves the container in ERROR with
`error_message` FAILED_DOWNLOADING_VIDEO, as Threads reports video problems after processing.

Scripting: `consenting` (who approves), `denying`, `in_progress_polls` (status reads that answer
IN_PROGRESS before FINISHED), `ThreadsUser.quota_usage`, a post's numbers (`set_metrics`) and a profile's
`followers`, and the faults of `FakeServer`. Without the window: `login` (a profile's token, as Herald
stores it), `publish_directly` and `delete_directly` (what the Threads app does). Endpoint names:
authorize, code_exchange, token_exchange, token_refresh, me, debug_token, create_container,
container_status, threads_publish, publishing_limit, list_threads, media, and those of `threads_insights`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from tests.services.fake_network import new_id, new_token
from tests.services.media_fetch import Fetched
from tests.services.meta_wire import (
    error_response,
    fetch_container_media,
    listing,
    meta_time,
    missing,
    param,
    token_error,
)
from tests.services.threads_insights import INSIGHTS_ENDPOINTS, INSIGHTS_PERMISSION, ThreadsInsights

APP_ID = "threads-app-123"
APP_SECRET = "threads-secret-456"
LONG_LIVED_SECONDS = 5_184_000  # 60 days
IMAGE_TYPES = frozenset({"image/jpeg", "image/png"})
POST_MEDIA_TYPES = {"TEXT": "TEXT_POST", "IMAGE": "IMAGE", "VIDEO": "VIDEO", "CAROUSEL": "CAROUSEL_ALBUM"}
PERMISSIONS = ("threads_basic", "threads_content_publish", INSIGHTS_PERMISSION)


@dataclass
class ThreadsUser:
    id: str
    username: str
    name: str
    posts: list[dict[str, Any]] = field(default_factory=list)  # newest first
    quota_usage: int = 0
    quota_total: int = 250
    declines: set[str] = field(default_factory=set)  # permissions this user does not grant
    followers: int | None = None  # not reported until a test sets it


@dataclass
class Container:
    id: str
    user_id: str
    text: str
    status: str
    polls_left: int
    media_type: str = "TEXT"
    carousel_item: bool = False
    children: list[str] = field(default_factory=list)
    fetched: Fetched | None = None
    alt_text: str | None = None
    error_message: str | None = None


class ThreadsServer(ThreadsInsights):
    def __init__(self) -> None:
        super().__init__()
        self.users: dict[str, ThreadsUser] = {}
        self.tokens: dict[str, tuple[str, str]] = {}  # token -> (user id, "short" | "long")
        self.codes: dict[str, tuple[str, str]] = {}  # code -> (user id, redirect uri)
        self.scopes: dict[str, list[str]] = {}  # code or token -> the permissions it carries
        self.containers: dict[str, Container] = {}
        self.consenting: ThreadsUser | None = None
        self.denying = False
        self.in_progress_polls = 0
        self.fetches: list[Fetched] = []  # every media download, oldest first
        self.post_media: dict[str, list[Container]] = {}  # post id -> the containers of its files

    def reset_script(self) -> None:
        super().reset_script()
        self.fetches.clear()

    def add_user(self, username: str) -> ThreadsUser:
        user = ThreadsUser(id=new_id(), username=username, name=username.title())
        self.users[user.id] = user
        return user

    def long_token(self, user: ThreadsUser) -> str:
        """A valid long-lived token of `user` (what Herald stores), newest first."""
        return next(
            t for t, (uid, kind) in reversed(self.tokens.items()) if uid == user.id and kind == "long"
        )

    def login(self, user: ThreadsUser) -> str:
        """A new long-lived token of `user`, as Herald stores it after connecting the profile: with every
        permission but those the user `declines`."""
        return self._issue_long(user.id, [p for p in PERMISSIONS if p not in user.declines])

    def revoke_all(self, user: ThreadsUser) -> None:
        self.tokens = {t: owner for t, owner in self.tokens.items() if owner[0] != user.id}

    def publish_directly(self, user: ThreadsUser, text: str) -> dict[str, Any]:
        """A post made outside Herald (the Threads app), for quota and reconciliation tests."""
        return self._publish(user, text)

    def delete_directly(self, post_id: str) -> None:
        """A post deleted outside Herald (the Threads app)."""
        for user in self.users.values():
            user.posts = [post for post in user.posts if post["id"] != post_id]

    # --- routes --------------------------------------------------------------------------------------

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/oauth/authorize", self.authorize),
                Route("/oauth/access_token", self.code_exchange, methods=["POST"]),
                Route("/access_token", self.token_exchange),
                Route("/refresh_access_token", self.token_refresh),
                Route("/{version}/{node}", self.node, methods=["GET"]),
                Route("/{version}/{node}/{edge}", self.edge, methods=["GET", "POST"]),
            ]
        )

    async def authorize(self, request: Request) -> Response:
        query = (await self.received("authorize", request)).query
        redirect, state = query.get("redirect_uri", ""), query.get("state", "")
        if query.get("client_id") != APP_ID or query.get("response_type") != "code":
            return error_response(100, "Invalid client_id or response_type")
        if self.denying or self.consenting is None:
            denied = {"error": "access_denied", "error_reason": "user_denied", "state": state}
            return RedirectResponse(f"{redirect}?{urlencode(denied)}", status_code=302)
        code = new_token("code-")
        self.codes[code] = (self.consenting.id, redirect)
        asked = [scope for scope in query.get("scope", "").split(",") if scope]
        self.scopes[code] = [scope for scope in asked if scope not in self.consenting.declines]
        return RedirectResponse(f"{redirect}?{urlencode({'code': code, 'state': state})}", status_code=302)

    async def code_exchange(self, request: Request) -> Response:
        form = (await self.received("code_exchange", request)).form

        def work() -> Response:
            if form.get("client_id") != APP_ID or form.get("client_secret") != APP_SECRET:
                return error_response(101, "Error validating client secret.")
            found = self.codes.pop(form.get("code", ""), None)
            if form.get("grant_type") != "authorization_code" or found is None:
                return error_response(100, "Invalid verification code format.", subcode=36007)
            if found[1] != form.get("redirect_uri"):
                return error_response(100, "Error validating verification code: redirect_uri mismatch.")
            token = new_token("short-")
            self.tokens[token] = (found[0], "short")
            self.scopes[token] = self.scopes.pop(form.get("code", ""), [])
            return JSONResponse({"access_token": token, "user_id": int(found[0])})

        return await self.answer("code_exchange", work)

    async def token_exchange(self, request: Request) -> Response:
        query = (await self.received("token_exchange", request)).query

        def work() -> Response:
            owner = self.tokens.get(query.get("access_token", ""))
            if query.get("client_secret") != APP_SECRET or query.get("grant_type") != "th_exchange_token":
                return error_response(101, "Error validating client secret.")
            if owner is None or owner[1] != "short":
                return token_error()
            return self._new_long(owner[0], self.scopes.get(query.get("access_token", ""), []))

        return await self.answer("token_exchange", work)

    async def token_refresh(self, request: Request) -> Response:
        query = (await self.received("token_refresh", request)).query

        def work() -> Response:
            owner = self.tokens.get(query.get("access_token", ""))
            if query.get("grant_type") != "th_refresh_token":
                return error_response(100, "Unsupported grant_type")
            if owner is None or owner[1] != "long":
                return token_error()
            return self._new_long(owner[0], self.scopes.get(query.get("access_token", ""), []))

        return await self.answer("token_refresh", work)

    async def debug_token(self, request: Request) -> Response:
        query = (await self.received("debug_token", request)).query
        if self._user_of(request, {}) is None:
            return self.decorate(token_error())
        inspected = query.get("input_token", "")

        def work() -> Response:
            owner = self.tokens.get(inspected)
            data: dict[str, Any] = {"type": "USER", "application": "Herald Test App", "is_valid": False}
            if owner is not None:
                now = int(datetime.now(UTC).timestamp())
                data |= {
                    "is_valid": True,
                    "issued_at": now,
                    "expires_at": now + LONG_LIVED_SECONDS,
                    "scopes": self.scopes.get(inspected, []),
                    "user_id": owner[0],
                }
            return JSONResponse({"data": data})

        return await self.answer("debug_token", work)

    async def node(self, request: Request) -> Response:
        node = request.path_params["node"]
        if node == "debug_token":
            return await self.debug_token(request)
        endpoint = "me" if node == "me" else "container_status" if node in self.containers else "media"
        recorded = await self.received(endpoint, request)
        user = self._user_of(request, recorded.form)
        if user is None:
            return self.decorate(token_error())
        return await self.answer(endpoint, lambda: self._read_node(node, user))

    async def edge(self, request: Request) -> Response:
        node, edge = request.path_params["node"], request.path_params["edge"]
        endpoint = {
            ("POST", "threads"): "create_container",
            ("GET", "threads"): "list_threads",
            ("POST", "threads_publish"): "threads_publish",
            ("GET", "threads_publishing_limit"): "publishing_limit",
        }.get((request.method, edge), INSIGHTS_ENDPOINTS.get(edge, edge))
        recorded = await self.received(endpoint, request)
        user = self._user_of(request, recorded.form)
        if user is not None and edge in INSIGHTS_ENDPOINTS:
            return await self.insights_of(endpoint, user, node, request, recorded.form)
        if user is None or user.id != node:
            return self.decorate(token_error())
        fault = self.fault_for(endpoint)
        fetched = (
            await fetch_container_media(request, recorded.form, self.fetches)
            if endpoint == "create_container"
            else None
        )
        handlers = {
            "create_container": lambda: self._create_container(user, request, recorded.form, fetched),
            "list_threads": lambda: JSONResponse(listing(request, user.posts, "timestamp")),
            "threads_publish": lambda: self._publish_container(user, request, recorded.form),
            "publishing_limit": lambda: JSONResponse(
                {
                    "data": [
                        {
                            "quota_usage": user.quota_usage,
                            "config": {"quota_total": user.quota_total, "quota_duration": 86400},
                        }
                    ]
                }
            ),
        }
        if endpoint not in handlers:
            return error_response(100, f"Unsupported request: {edge}")
        return await self.answer(endpoint, handlers[endpoint], fault)

    # --- behaviour -----------------------------------------------------------------------------------

    def _new_long(self, user_id: str, scopes: list[str]) -> Response:
        token = self._issue_long(user_id, scopes)
        return JSONResponse({"access_token": token, "token_type": "bearer", "expires_in": LONG_LIVED_SECONDS})

    def _issue_long(self, user_id: str, scopes: list[str]) -> str:
        token = new_token("long-")
        self.tokens[token] = (user_id, "long")
        self.scopes[token] = scopes
        return token

    def _user_of(self, request: Request, form: dict[str, str]) -> ThreadsUser | None:
        token = param(request, form, "access_token")
        bearer = request.headers.get("authorization", "").removeprefix("Bearer ")
        owner = self.tokens.get(token or bearer)
        return self.users.get(owner[0]) if owner and owner[1] == "long" else None

    def _read_node(self, node: str, user: ThreadsUser) -> Response:
        if node == "me":
            return JSONResponse({"id": user.id, "username": user.username, "name": user.name})
        if (container := self.containers.get(node)) is not None:
            if container.status == "IN_PROGRESS":
                container.polls_left -= 1
                if container.polls_left < 0:
                    container.status = "ERROR" if container.error_message else "FINISHED"
            answer = {"id": container.id, "status": container.status}
            if container.status == "ERROR":
                answer["error_message"] = container.error_message or "UNKNOWN"
            return JSONResponse(answer)
        post = next((p for u in self.users.values() for p in u.posts if p["id"] == node), None)
        if post is None:
            return missing()
        return JSONResponse(post)

    def _create_container(
        self, user: ThreadsUser, request: Request, form: dict[str, str], fetched: Fetched | None
    ) -> Response:
        text, media_type = param(request, form, "text") or "", param(request, form, "media_type") or ""
        container = Container(new_id(), user.id, text, "IN_PROGRESS", self.in_progress_polls, media_type)
        container.carousel_item = param(request, form, "is_carousel_item") == "true"
        container.alt_text = param(request, form, "alt_text")
        if media_type == "TEXT" and not text:
            return error_response(100, "The parameter text is required for TEXT posts.")
        if media_type in ("IMAGE", "VIDEO") and (refused := self._media_refusal(container, fetched)):
            return refused
        if media_type == "CAROUSEL" and (refused := self._carousel_refusal(user, container, request, form)):
            return refused
        if media_type not in POST_MEDIA_TYPES:
            return error_response(100, f"Invalid parameter media_type: {media_type!r}")
        self.containers[container.id] = container
        return JSONResponse({"id": container.id})

    def _media_refusal(self, container: Container, fetched: Fetched | None) -> Response | None:
        container.fetched = fetched
        if container.media_type == "IMAGE":
            if fetched is None or not fetched.is_image(IMAGE_TYPES):
                return error_response(
                    100,
                    "Media download has failed. The media URI doesn't meet our requirements.",
                    subcode=2207052,
                )
        elif fetched is None or not fetched.is_video():
            container.error_message = "FAILED_DOWNLOADING_VIDEO"  # reported by the status, as Threads does
        return None

    def _carousel_refusal(
        self, user: ThreadsUser, container: Container, request: Request, form: dict[str, str]
    ) -> Response | None:
        children = [c for c in (param(request, form, "children") or "").split(",") if c]
        found = [self.containers.get(c) for c in children]
        if not 2 <= len(children) <= 20 or any(
            c is None or c.user_id != user.id or not c.carousel_item for c in found
        ):
            return error_response(100, "A carousel needs 2 to 20 item containers of this profile.")
        if any(c is not None and c.status != "FINISHED" for c in found):
            return error_response(100, "The carousel's items are not ready yet.", subcode=2207027)
        container.children = children
        return None

    def _publish_container(self, user: ThreadsUser, request: Request, form: dict[str, str]) -> Response:
        container = self.containers.get(param(request, form, "creation_id") or "")
        if container is None or container.user_id != user.id:
            return error_response(24, "The requested resource does not exist", subcode=4279009)
        if container.status != "FINISHED":
            return error_response(
                24, f"The media is not ready to be published ({container.status}).", subcode=4279009
            )
        if user.quota_usage >= user.quota_total:
            return error_response(4, "Application request limit reached", subcode=2207042)
        if container.carousel_item:
            return error_response(100, "A carousel item cannot be published on its own.")
        container.status = "PUBLISHED"
        return JSONResponse({"id": self._publish(user, container.text, container)["id"]})

    def _publish(self, user: ThreadsUser, text: str, container: Container | None = None) -> dict[str, Any]:
        post_id = new_id()
        media_type = container.media_type if container else "TEXT"
        post: dict[str, Any] = {
            "id": post_id,
            "timestamp": meta_time(datetime.now(UTC)),
            "permalink": f"https://www.threads.net/@{user.username}/post/{post_id}",
            "media_type": POST_MEDIA_TYPES.get(media_type, media_type),
        }
        if text:
            post["text"] = text  # Threads leaves `text` out of a post without one
        if container is not None and container.media_type != "TEXT":
            self.post_media[post_id] = [self.containers[c] for c in container.children] or [container]
        user.posts.insert(0, post)
        user.quota_usage += 1
        return post
