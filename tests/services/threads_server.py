"""A local stand-in for the Threads API (graph.threads.net) and its authorization window (threads.net).

Follows Meta's Threads documentation: "Get Access Tokens and Permissions" (`GET /oauth/authorize` →
redirect with `code` and `state`; `POST /oauth/access_token` → `{"access_token", "user_id"}`),
"Long-Lived Tokens" (`GET /access_token?grant_type=th_exchange_token`, `GET /refresh_access_token?
grant_type=th_refresh_token` → `{"access_token", "token_type", "expires_in"}`), "Posts"
(`POST /{user}/threads` → `{"id"}` of a container; `POST /{user}/threads_publish?creation_id=` → `{"id"}`
of the post), "Troubleshooting" (`GET /{container}?fields=status,error_message`), "Retrieve Posts"
(`GET /{user}/threads`, `GET /{media}`) and the rate-limit overview (`GET /{user}/threads_publishing_limit`
→ `{"data": [{"quota_usage", "config": {"quota_total", "quota_duration"}}]}`). Errors are Graph API
errors (see `meta_wire`); a bad token is code 190.

Scripting: `consenting` (who approves), `denying`, `in_progress_polls` (status reads that answer
IN_PROGRESS before FINISHED), `ThreadsUser.quota_usage`, and the faults of `FakeServer`. Endpoint names:
authorize, code_exchange, token_exchange, token_refresh, me, create_container, container_status,
threads_publish, publishing_limit, list_threads, media.
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

from tests.services.fake_network import FakeServer, new_id, new_token
from tests.services.meta_wire import error_response, listing, meta_time, param, token_error

APP_ID = "threads-app-123"
APP_SECRET = "threads-secret-456"
LONG_LIVED_SECONDS = 5_184_000  # 60 days


@dataclass
class ThreadsUser:
    id: str
    username: str
    name: str
    posts: list[dict[str, Any]] = field(default_factory=list)  # newest first
    quota_usage: int = 0
    quota_total: int = 250


@dataclass
class Container:
    id: str
    user_id: str
    text: str
    status: str
    polls_left: int


class ThreadsServer(FakeServer):
    def __init__(self) -> None:
        super().__init__()
        self.users: dict[str, ThreadsUser] = {}
        self.tokens: dict[str, tuple[str, str]] = {}  # token -> (user id, "short" | "long")
        self.codes: dict[str, tuple[str, str]] = {}  # code -> (user id, redirect uri)
        self.containers: dict[str, Container] = {}
        self.consenting: ThreadsUser | None = None
        self.denying = False
        self.in_progress_polls = 0

    def add_user(self, username: str) -> ThreadsUser:
        user = ThreadsUser(id=new_id(), username=username, name=username.title())
        self.users[user.id] = user
        return user

    def long_token(self, user: ThreadsUser) -> str:
        """A valid long-lived token of `user` (what Herald stores), newest first."""
        return next(
            t for t, (uid, kind) in reversed(self.tokens.items()) if uid == user.id and kind == "long"
        )

    def revoke_all(self, user: ThreadsUser) -> None:
        self.tokens = {t: owner for t, owner in self.tokens.items() if owner[0] != user.id}

    def publish_directly(self, user: ThreadsUser, text: str) -> dict[str, Any]:
        """A post made outside Herald (the Threads app), for quota and reconciliation tests."""
        return self._publish(user, text)

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
            return self._new_long(owner[0])

        return await self.answer("token_exchange", work)

    async def token_refresh(self, request: Request) -> Response:
        query = (await self.received("token_refresh", request)).query

        def work() -> Response:
            owner = self.tokens.get(query.get("access_token", ""))
            if query.get("grant_type") != "th_refresh_token":
                return error_response(100, "Unsupported grant_type")
            if owner is None or owner[1] != "long":
                return token_error()
            return self._new_long(owner[0])

        return await self.answer("token_refresh", work)

    async def node(self, request: Request) -> Response:
        node = request.path_params["node"]
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
        }.get((request.method, edge), edge)
        recorded = await self.received(endpoint, request)
        user = self._user_of(request, recorded.form)
        if user is None or user.id != node:
            return self.decorate(token_error())
        fault = self.fault_for(endpoint)
        handlers = {
            "create_container": lambda: self._create_container(user, request, recorded.form),
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

    def _new_long(self, user_id: str) -> Response:
        token = new_token("long-")
        self.tokens[token] = (user_id, "long")
        return JSONResponse({"access_token": token, "token_type": "bearer", "expires_in": LONG_LIVED_SECONDS})

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
                    container.status = "FINISHED"
            return JSONResponse({"id": container.id, "status": container.status})
        post = next((p for u in self.users.values() for p in u.posts if p["id"] == node), None)
        if post is None:
            return error_response(100, "Unsupported get request. Object does not exist.", subcode=33)
        return JSONResponse(post)

    def _create_container(self, user: ThreadsUser, request: Request, form: dict[str, str]) -> Response:
        text = param(request, form, "text") or ""
        if param(request, form, "media_type") != "TEXT" or not text:
            return error_response(100, "The parameter text is required for TEXT posts.")
        container = Container(new_id(), user.id, text, "IN_PROGRESS", self.in_progress_polls)
        self.containers[container.id] = container
        return JSONResponse({"id": container.id})

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
        container.status = "PUBLISHED"
        return JSONResponse({"id": self._publish(user, container.text)["id"]})

    def _publish(self, user: ThreadsUser, text: str) -> dict[str, Any]:
        post_id = new_id()
        post = {
            "id": post_id,
            "text": text,
            "timestamp": meta_time(datetime.now(UTC)),
            "permalink": f"https://www.threads.net/@{user.username}/post/{post_id}",
            "media_type": "TEXT_POST",
        }
        user.posts.insert(0, post)
        user.quota_usage += 1
        return post
