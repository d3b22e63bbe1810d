"""A local stand-in for Meta's Graph API (graph.facebook.com) and the Facebook Login dialog, for Facebook
Pages and the Instagram accounts linked to them.

Follows: "Manually Build a Login Flow" (`GET /{v}/dialog/oauth` → redirect with `code` and `state`, or
`error=access_denied&error_reason=user_denied`; `GET /{v}/oauth/access_token` with the code →
`{"access_token", "token_type", "expires_in"}`), "OIDC Code Flow with PKCE" (`code_challenge` S256,
`code_verifier`), "Long-Lived Access Tokens" (`grant_type=fb_exchange_token`), the Pages API ("Page Access
Tokens": `GET /me/accounts` → `{"data": [{"id", "name", "access_token", "tasks",
"instagram_business_account"}]}`; "Posts": `GET /{page}/published_posts`, `GET /{post}?fields=
permalink_url,created_time`; `GET /{page}?fields=followers_count`),
"Permissions" (the dialog's `scope`, comma-separated: the user grants each one unless scripted to decline
it in `MetaUser.declines`; `GET /me/permissions` with the user's token → `{"data": [{"permission",
"status": "granted" | "declined"}]}`), the Instagram User node (`GET /{ig-user}?fields=id,username,name`
with the linked Page's token, only the fields asked for; the Page listing's `instagram_business_account`
carries the id only), the Graph API's errors and usage headers (`X-App-Usage`,
`X-Business-Use-Case-Usage`, set with `extra_headers`). A Page's or an Instagram account's
`followers_count` (`Page.followers`, `IgAccount.followers`) is answered when `fields` asks for it and a
test set it.
Publishing lives in `facebook_pages` (`self.facebook`: feed, photos, videos) and `instagram_graph`
(`self.instagram`), the numbers of posts in `graph_insights`.

Without the dialog: `publish_directly` (a Page post made on Facebook). Endpoint names for faults: dialog,
code_exchange, token_exchange, me, permissions, accounts, page, feed, published_posts, post, photos,
videos, ig_user, insights, and the ig_* names of `instagram_graph`.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from tests.services.facebook_pages import PagePosts
from tests.services.fake_network import new_id, new_token
from tests.services.graph_insights import GraphInsights
from tests.services.instagram_graph import IgAccount, InstagramGraph
from tests.services.media_fetch import Fetched, fetch_media
from tests.services.meta_wire import (
    error_response,
    fetch_container_media,
    listing,
    missing,
    param,
    token_error,
)

APP_ID = "meta-app-789"
APP_SECRET = "meta-secret-012"
_IG_EDGES = {
    ("POST", "media"): "ig_create_container",
    ("GET", "media"): "ig_media",
    ("POST", "media_publish"): "ig_media_publish",
    ("GET", "content_publishing_limit"): "ig_publishing_limit",
    ("GET", "stories"): "ig_stories",
}


@dataclass
class Page:
    id: str
    name: str
    token: str
    tasks: list[str]
    instagram: dict[str, str] | None = None
    posts: list[dict[str, Any]] = field(default_factory=list)  # newest first
    followers: int | None = None  # not reported until a test sets it


@dataclass
class MetaUser:
    id: str
    name: str
    pages: list[Page] = field(default_factory=list)
    declines: set[str] = field(default_factory=set)  # permissions the user unticks in the dialog


class MetaGraphServer(GraphInsights):
    def __init__(self) -> None:
        super().__init__()
        self.users: dict[str, MetaUser] = {}
        self.pages: dict[str, Page] = {}
        self.tokens: dict[str, tuple[str, str]] = {}  # token -> (owner id, "short" | "long" | "page")
        self.codes: dict[str, tuple[str, str, str | None]] = {}  # code -> (user, redirect uri, challenge)
        self.asked: dict[str, list[str]] = {}  # user id -> the permissions the last dialog asked for
        self.consenting: MetaUser | None = None
        self.instagram = InstagramGraph()
        self.facebook = PagePosts()

    @property
    def fetches(self) -> list[Fetched]:
        """Every media download since the script was reset, Instagram's then the Pages'."""
        return [*self.instagram.fetches, *self.facebook.fetches]

    def reset_script(self) -> None:
        super().reset_script()
        self.instagram.fetches.clear()
        self.facebook.fetches.clear()
        self.instagram.in_progress_polls = 0

    def ig_account(self, page: Page) -> IgAccount:
        """The Instagram account linked to `page` (its publishing state)."""
        assert page.instagram is not None
        return self.instagram.account(page.instagram["id"], page.instagram["username"])

    def add_user(
        self, name: str, pages: int = 1, *, instagram: bool = False, tasks: list[str] | None = None
    ) -> MetaUser:
        user = MetaUser(id=new_id(15), name=name)
        for index in range(pages):
            page = Page(
                new_id(15),
                f"{name} Page {index + 1}",
                new_token("page-"),
                tasks or ["CREATE_CONTENT", "MANAGE"],
            )
            if instagram:
                page.instagram = {
                    "id": new_id(17),
                    "username": f"{name.lower()}_ig{index + 1}",
                    "name": f"{name} IG",
                }
            self.tokens[page.token] = (page.id, "page")
            self.pages[page.id] = page
            user.pages.append(page)
        self.users[user.id] = user
        return user

    def revoke(self, page: Page) -> None:
        self.tokens.pop(page.token, None)

    def publish_directly(self, page: Page, message: str) -> dict[str, Any]:
        """A post made on Facebook itself, for reading it back."""
        return self.facebook.add_post(page, message)

    # --- routes --------------------------------------------------------------------------------------

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/{version}/dialog/oauth", self.dialog),
                Route("/{version}/oauth/access_token", self.access_token),
                Route("/{version}/me/accounts", self.accounts),
                Route("/{version}/me/permissions", self.permissions),
                Route("/{version}/{node}", self.node, methods=["GET"]),
                Route("/{version}/{node}/{edge}", self.edge, methods=["GET", "POST"]),
            ]
        )

    async def dialog(self, request: Request) -> Response:
        query = (await self.received("dialog", request)).query
        redirect, state = query.get("redirect_uri", ""), query.get("state", "")
        if query.get("client_id") != APP_ID:
            return error_response(101, "Invalid App ID")
        if self.consenting is None:
            denied = {
                "error": "access_denied",
                "error_code": "200",
                "error_reason": "user_denied",
                "state": state,
            }
            return RedirectResponse(f"{redirect}?{urlencode(denied)}", status_code=302)
        challenge = query.get("code_challenge") if query.get("code_challenge_method") == "S256" else None
        code = new_token("code-")
        self.codes[code] = (self.consenting.id, redirect, challenge)
        self.asked[self.consenting.id] = [s for s in query.get("scope", "").split(",") if s]
        return RedirectResponse(
            f"{redirect}?{urlencode({'code': code, 'state': state})}#_=_", status_code=302
        )

    async def access_token(self, request: Request) -> Response:
        exchanging = request.query_params.get("grant_type") == "fb_exchange_token"
        endpoint = "token_exchange" if exchanging else "code_exchange"
        query = (await self.received(endpoint, request)).query

        def work() -> Response:
            if query.get("client_id") != APP_ID or query.get("client_secret") != APP_SECRET:
                return error_response(1, "Error validating client secret.", subcode=None)
            if exchanging:
                owner = self.tokens.get(query.get("fb_exchange_token", ""))
                if owner is None or owner[1] != "short":
                    return token_error()
                return self._token(owner[0], "long", 5_183_944)
            found = self.codes.pop(query.get("code", ""), None)
            if found is None or found[1] != query.get("redirect_uri"):
                return error_response(100, "Invalid verification code format.", subcode=36007)
            if found[2] is not None and _s256(query.get("code_verifier", "")) != found[2]:
                return error_response(100, "Invalid code verifier.", subcode=36008)
            return self._token(found[0], "short", 5_183)

        return await self.answer(endpoint, work)

    async def accounts(self, request: Request) -> Response:
        await self.received("accounts", request)
        user = self._token_user(request)
        if user is None:
            return self.decorate(token_error())

        def work() -> Response:
            data = [
                {"id": p.id, "name": p.name, "access_token": p.token, "tasks": p.tasks, "category": "Brand"}
                | ({"instagram_business_account": {"id": p.instagram["id"]}} if p.instagram else {})
                for p in user.pages
            ]
            return JSONResponse(
                {"data": data, "paging": {"cursors": {"before": "0", "after": str(len(data))}}}
            )

        return await self.answer("accounts", work)

    async def permissions(self, request: Request) -> Response:
        await self.received("permissions", request)
        user = self._token_user(request)
        if user is None:
            return self.decorate(token_error())

        def work() -> Response:
            data = [
                {"permission": name, "status": "declined" if name in user.declines else "granted"}
                for name in self.asked.get(user.id, [])
            ]
            return JSONResponse({"data": data})

        return await self.answer("permissions", work)

    async def node(self, request: Request) -> Response:
        node = request.path_params["node"]
        if any(p.instagram and p.instagram["id"] == node for p in self.pages.values()):
            return await self._ig_user(request, node)
        if (ig_owner := self.instagram.owner_of(node)) is not None:
            return await self._ig_node(request, node, ig_owner)
        endpoint = "me" if node == "me" else "page" if node in self.pages else "post"
        recorded = await self.received(endpoint, request)
        owner = self.tokens.get(param(request, recorded.form, "access_token") or "")
        if owner is None:
            return self.decorate(token_error())
        fields = _fields(request, recorded.form)
        return await self.answer(endpoint, lambda: self._read(node, owner, fields))

    async def _ig_node(self, request: Request, node: str, ig_owner: str) -> Response:
        container = self.instagram.containers.get(node)
        endpoint = "ig_container_status" if container else "ig_media_read"
        recorded = await self.received(endpoint, request)
        if self._ig_page(ig_owner, recorded.form, request) is None:
            return self.decorate(token_error())
        if container is not None:
            return await self.answer(endpoint, lambda: self.instagram.container_status(container))
        counts = self.counts(node, _fields(request, recorded.form))
        return await self.answer(endpoint, lambda: self.instagram.read_media(node, counts))

    async def _ig_user(self, request: Request, ig_id: str) -> Response:
        recorded = await self.received("ig_user", request)
        page = self._ig_page(ig_id, recorded.form, request)
        if page is None or page.instagram is None:
            return self.decorate(token_error())
        linked = page.instagram | _reported(followers_count=self.ig_account(page).followers)
        fields = _fields(request, recorded.form)
        return await self.answer("ig_user", lambda: JSONResponse({"id": ig_id} | _only(linked, fields)))

    def _ig_page(self, ig_id: str, form: dict[str, str], request: Request) -> Page | None:
        """The Page linked to Instagram account `ig_id`, when the request carries its token."""
        page = next((p for p in self.pages.values() if p.instagram and p.instagram["id"] == ig_id), None)
        owner = self.tokens.get(param(request, form, "access_token") or "")
        return page if page is not None and owner == (page.id, "page") else None

    async def edge(self, request: Request) -> Response:
        node, edge = request.path_params["node"], request.path_params["edge"]
        if edge == "insights":
            return await self.insights_of(request, node)
        if node in self.instagram.media and edge == "comments":
            return await self._ig_comments(request, node)
        endpoint = _IG_EDGES.get((request.method, edge), edge)
        recorded = await self.received(endpoint, request)
        page = self.pages.get(node) or next(
            (p for p in self.pages.values() if p.instagram and p.instagram["id"] == node), None
        )
        owner = self.tokens.get(param(request, recorded.form, "access_token") or "")
        if page is None or owner is None or owner != (page.id, "page"):
            return self.decorate(token_error())
        if endpoint.startswith("ig_") and page.instagram is not None:
            return await self._ig_edge(request, endpoint, self.ig_account(page), recorded.form)
        if endpoint in ("photos", "videos"):
            return await self._page_media(endpoint, page, recorded.form)
        if endpoint == "feed" and request.method == "POST":
            return await self.answer(endpoint, lambda: self.facebook.post(page, recorded.form))
        if endpoint in ("published_posts", "feed"):
            return await self.answer(
                endpoint, lambda: JSONResponse(listing(request, page.posts, "created_time"))
            )
        return error_response(100, f"Unsupported request: {edge}")

    async def _ig_edge(
        self, request: Request, endpoint: str, account: IgAccount, form: dict[str, str]
    ) -> Response:
        ig = self.instagram
        if endpoint == "ig_create_container":
            fetched = await fetch_container_media(request, form, ig.fetches)
            return await self.answer(endpoint, lambda: ig.create_container(account, form, fetched))
        handlers = {
            "ig_media": lambda: ig.list_media(request, account.media),
            "ig_stories": lambda: ig.list_media(request, account.stories),
            "ig_media_publish": lambda: ig.publish(account, form),
            "ig_publishing_limit": lambda: ig.limit(account),
        }
        return await self.answer(endpoint, handlers[endpoint])

    async def _ig_comments(self, request: Request, media_id: str) -> Response:
        endpoint = "ig_comments" if request.method == "POST" else "ig_comment_list"
        recorded = await self.received(endpoint, request)
        if self._ig_page(str(self.instagram.media[media_id]["owner"]), recorded.form, request) is None:
            return self.decorate(token_error())
        if endpoint == "ig_comments":
            return await self.answer(endpoint, lambda: self.instagram.comment(media_id, recorded.form))
        return await self.answer(endpoint, lambda: self.instagram.list_comments(media_id))

    async def _page_media(self, endpoint: str, page: Page, form: dict[str, str]) -> Response:
        fetched = await fetch_media(form.get("url") or form.get("file_url") or "")
        self.facebook.fetches.append(fetched)
        if endpoint == "photos":
            return await self.answer(endpoint, lambda: self.facebook.photo(page, form, fetched))
        return await self.answer(endpoint, lambda: self.facebook.video(page, form, fetched))

    # --- behaviour -----------------------------------------------------------------------------------

    def _token_user(self, request: Request) -> MetaUser | None:
        """The user whose own token (not a Page's) the request carries."""
        owner = self.tokens.get(request.query_params.get("access_token", ""))
        return self.users[owner[0]] if owner is not None and owner[1] != "page" else None

    def _token(self, owner: str, kind: str, expires_in: int) -> Response:
        token = new_token(f"{kind}-")
        self.tokens[token] = (owner, kind)
        return JSONResponse({"access_token": token, "token_type": "bearer", "expires_in": expires_in})

    def _read(self, node: str, owner: tuple[str, str], fields: list[str]) -> Response:
        if node == "me":
            user = self.users.get(owner[0])
            return JSONResponse({"id": user.id, "name": user.name}) if user else token_error()
        if page := self.pages.get(node):
            found = {"id": node, "name": page.name} | _reported(followers_count=page.followers)
            return JSONResponse(_only(found, ["id", "name", *fields]))
        post = next((p for page in self.pages.values() for p in page.posts if p["id"] == node), None)
        if post is None:
            return missing()
        return JSONResponse(post | self.counts(node, fields))


def _only(node: dict[str, Any], fields: list[str]) -> dict[str, Any]:
    return {name: node[name] for name in fields if name in node}


def _reported(**numbers: int | None) -> dict[str, int]:
    return {name: value for name, value in numbers.items() if value is not None}


def _fields(request: Request, form: dict[str, str]) -> list[str]:
    """The names `fields` asks for (`reactions.summary(total_count)` asks for `reactions`)."""
    return [name.split(".")[0] for name in (param(request, form, "fields") or "id").split(",")]


def _s256(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
