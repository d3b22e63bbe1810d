"""A local stand-in for Reddit's OAuth API: www.reddit.com/api/v1 (authorize, access_token) and
oauth.reddit.com (me, submit, a user's submissions), on one port.

Follows Reddit's "OAuth2" wiki (`GET /api/v1/authorize?client_id&response_type=code&state&redirect_uri&
duration=permanent&scope` → redirect with `code` and `state`, or `error=access_denied`; `POST
/api/v1/access_token` with HTTP basic auth, `grant_type=authorization_code|refresh_token` →
`{"access_token", "token_type": "bearer", "expires_in": 3600, "scope", "refresh_token"}`; a refused grant is
`{"error": "invalid_grant"}`; bad app credentials 401), the API documentation (`GET /api/v1/me`; `POST
/api/submit` → `{"json": {"errors": [[code, message, field]], "data": {"url", "drafts_count", "id",
"name"}}}`; `GET /user/{name}/submitted` → a Listing of `t3` things, newest first, `after` cursor), and the
API rules: a User-Agent `<platform>:<app id>:<version> (by /u/<name>)` (others get 429), `X-Ratelimit-*`
headers, 401 `{"message": "Unauthorized", "error": 401}` for a dead token, 403 for a restricted subreddit.

The read side: `GET /api/info?id=t3_a,t3_b` → a Listing of the submissions asked for, anyone's, with the
numbers a test set (`set_metrics("t3_a", score=41, ups=45, upvote_ratio=0.91, num_comments=7,
num_crossposts=1, view_count=None)`); an id Reddit does not have is left out. `GET /user/{name}/about` →
`{"kind": "t2", "data": {"name", "id", "total_karma", "subreddit": {"display_name", "subscribers",
"subreddit_type"}}}`, the profile subreddit's subscribers being `RedditUser.followers` (left out until
set); 404 for no such user.

Image posts, as Reddit's clients (and PRAW's `submit_image`) make them: `POST /api/media/asset.json` with
`filepath` and `mimetype` → `{"args": {"action": "//<host>/media-uploads", "fields": [{"name", "value"}]},
"asset": {"asset_id", "websocket_url"}}`; a multipart `POST` of every lease field then `file` to the
action (an S3 POST policy upload: 201 with an XML `<Location>`; a missing or changed field, a file of
another type than leased, or bytes that are not that type answer 403/400 as S3 does); then `/api/submit`
with `kind=image` and `url=<action>/<key>`, answered without the post's id (`{"json": {"errors": [],
"data": {"user_submitted_page", "websocket_url"}}}`): the post appears in the user's submissions.

Without the consent page: `login` (a user's tokens, as Herald stores them) and `publish_directly` (a post
made on Reddit's site). Endpoint names for faults: authorize, access_token, refresh, me, submit, submitted,
media_asset, media_upload, info, about.
"""

from __future__ import annotations

import base64
import re
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import default as email_policy
from typing import Any
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from tests.services.fake_network import NetworkServer, new_token

CLIENT_ID = "reddit-client-345"
CLIENT_SECRET = "reddit-secret-678"
USER_AGENT = re.compile(r"^[a-z]+:[\w.-]+:[\w.+-]+ \(by /u/[\w-]+\)$")
UNAUTHORIZED = {"message": "Unauthorized", "error": 401}
_MAGIC = {"image/jpeg": b"\xff\xd8\xff", "image/png": b"\x89PNG\r\n\x1a\n", "image/gif": b"GIF8"}


@dataclass
class RedditUser:
    name: str
    id: str
    submissions: list[dict[str, Any]] = field(default_factory=list)  # newest first
    followers: int | None = None  # not reported until a test sets it


@dataclass
class Subreddit:
    name: str
    flair_required: bool = False
    restricted: bool = False
    flairs: tuple[str, ...] = ("flair-news", "flair-meta")


Work = Callable[[RedditUser, Request, dict[str, str]], Response]  # what a route answers to a user


class RedditServer(NetworkServer):
    def __init__(self) -> None:
        super().__init__()
        self.users: dict[str, RedditUser] = {}
        self.subreddits: dict[str, Subreddit] = {}
        self.codes: dict[str, tuple[str, str]] = {}  # code -> (user name, redirect uri)
        self.access: dict[str, str] = {}  # access token -> user name
        self.refresh_tokens: dict[str, str] = {}  # refresh token -> user name
        self.consenting: RedditUser | None = None
        self.rotate_refresh_tokens = False
        self.leases: dict[str, dict[str, str]] = {}  # upload key -> the lease's fields
        self.uploads: dict[str, tuple[str, bytes]] = {}  # asset URL -> (content type, bytes)

    def add_user(self, name: str) -> RedditUser:
        user = RedditUser(name=name, id=secrets.token_hex(3))
        self.users[name] = user
        return user

    def add_subreddit(self, name: str, **rules: Any) -> Subreddit:
        subreddit = Subreddit(name=name, **rules)
        self.subreddits[name.lower()] = subreddit
        return subreddit

    def login(self, user: RedditUser) -> tuple[str, str]:
        """A new access token and refresh token of `user`, as Herald stores them after connecting."""
        tokens = self._tokens(user.name, with_refresh=True)
        return tokens["access_token"], tokens["refresh_token"]

    def publish_directly(self, user: RedditUser, title: str, subreddit: str = "test") -> dict[str, Any]:
        """A self post `user` made on Reddit's site."""
        post = self._new_post(subreddit, {"kind": "self", "title": title})
        user.submissions.insert(0, post)
        return post

    def expire_access(self, user: RedditUser) -> None:
        self.access = {t: n for t, n in self.access.items() if n != user.name}

    def revoke(self, user: RedditUser) -> None:
        self.expire_access(user)
        self.refresh_tokens = {t: n for t, n in self.refresh_tokens.items() if n != user.name}

    # --- routes --------------------------------------------------------------------------------------

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/api/v1/authorize", self.authorize),
                Route("/api/v1/access_token", self.access_token, methods=["POST"]),
                Route("/api/v1/me", self._as_user("me", _me)),
                Route("/api/submit", self._as_user("submit", self._submit), methods=["POST"]),
                Route("/user/{name}/submitted", self._as_user("submitted", self._submitted)),
                Route("/user/{name}/about", self._as_user("about", self._about)),
                Route("/api/info", self._as_user("info", self._info)),
                Route("/api/media/asset.json", self._as_user("media_asset", self._lease), methods=["POST"]),
                Route("/media-uploads", self.media_upload, methods=["POST"]),
            ]
        )

    async def authorize(self, request: Request) -> Response:
        query = (await self.received("authorize", request)).query
        redirect, state = query.get("redirect_uri", ""), query.get("state", "")
        if query.get("client_id") != CLIENT_ID or query.get("duration") != "permanent":
            return JSONResponse({"message": "Bad Request", "error": 400}, status_code=400)
        if self.consenting is None:
            return RedirectResponse(
                f"{redirect}?{urlencode({'error': 'access_denied', 'state': state})}", 302
            )
        code = new_token("code-")
        self.codes[code] = (self.consenting.name, redirect)
        return RedirectResponse(f"{redirect}?{urlencode({'state': state, 'code': code})}", status_code=302)

    async def access_token(self, request: Request) -> Response:
        endpoint = "refresh" if "refresh_token" in (await request.body()).decode() else "access_token"
        recorded = await self.received(endpoint, request)
        if not _client_ok(request.headers.get("authorization", "")):
            return self.decorate(JSONResponse(UNAUTHORIZED, status_code=401))
        return await self.answer(endpoint, lambda: self._grant(recorded.form))

    def _as_user(self, endpoint: str, work: Work) -> Callable[[Request], Awaitable[Response]]:
        """A route of the OAuth API: recorded, refused without Reddit's User-Agent or a live token, else
        answered by `work` (or a fault)."""

        async def route(request: Request) -> Response:
            form = (await self.received(endpoint, request)).form
            user = self._user(request)
            if isinstance(user, Response):
                return user
            return await self.answer(endpoint, lambda: work(user, request, form))

        return route

    async def media_upload(self, request: Request) -> Response:
        recorded = await self.received("media_upload", request)
        body = await request.body()
        return await self.answer("media_upload", lambda: self._store(request, recorded, body))

    # --- behaviour -----------------------------------------------------------------------------------

    def _submitted(self, user: RedditUser, request: Request, form: dict[str, str]) -> Response:
        owner = self.users.get(request.path_params["name"])
        if owner is None:
            return JSONResponse({"message": "Not Found", "error": 404}, status_code=404)
        return JSONResponse(_listing(request, owner.submissions))

    def _info(self, user: RedditUser, request: Request, form: dict[str, str]) -> Response:
        ids = request.query_params.get("id", "").split(",")
        posts = {post["name"]: post for owner in self.users.values() for post in owner.submissions}
        children = [
            {"kind": "t3", "data": posts[name] | self.metrics.get(name, {})} for name in ids if name in posts
        ]
        return JSONResponse(
            {"kind": "Listing", "data": {"after": None, "dist": len(children), "children": children}}
        )

    def _about(self, user: RedditUser, request: Request, form: dict[str, str]) -> Response:
        found = self.users.get(request.path_params["name"])
        if found is None:
            return JSONResponse({"message": "Not Found", "error": 404}, status_code=404)
        profile: dict[str, Any] = {"display_name": f"u_{found.name}", "subreddit_type": "user"}
        if found.followers is not None:
            profile["subscribers"] = found.followers
        data = {"name": found.name, "id": found.id, "total_karma": 1, "subreddit": profile}
        return JSONResponse({"kind": "t2", "data": data})

    def _lease(self, user: RedditUser, request: Request, form: dict[str, str]) -> Response:
        mimetype = form.get("mimetype", "")
        if mimetype not in _MAGIC or not form.get("filepath"):
            return JSONResponse({"json": {"errors": [["INVALID_MIMETYPE", mimetype, "mimetype"]]}})
        asset_id = secrets.token_hex(6)
        key = f"{asset_id}/{form['filepath']}"
        fields = {"acl": "private", "key": key, "Content-Type": mimetype, "policy": secrets.token_hex(16)}
        self.leases[key] = fields
        host = f"{request.url.hostname}:{request.url.port}"
        return JSONResponse(
            {
                "args": {
                    "action": f"//{host}/media-uploads",
                    "fields": [{"name": k, "value": v} for k, v in fields.items()],
                },
                "asset": {"asset_id": asset_id, "websocket_url": f"wss://ws.example/{asset_id}"},
            }
        )

    def _store(self, request: Request, recorded: Any, body: bytes) -> Response:
        header = f"Content-Type: {request.headers.get('content-type', '')}\r\n\r\n".encode()
        parts = list(BytesParser(policy=email_policy).parsebytes(header + body).iter_parts())
        names = [part.get_param("name", header="content-disposition") for part in parts]
        values = {str(n): part for n, part in zip(names, parts, strict=True)}
        key = values["key"].get_content() if "key" in values else ""
        lease = self.leases.get(key)
        if (
            lease is None
            or names[-1:] != ["file"]
            or any(k not in values or values[k].get_content() != v for k, v in lease.items())
        ):
            return Response("<Error><Code>AccessDenied</Code></Error>", 403, media_type="application/xml")
        file = values["file"]
        data = file.get_payload(decode=True)
        assert isinstance(data, bytes)
        leased_type = lease["Content-Type"]
        if file.get_content_type() != leased_type or not data.startswith(_MAGIC[leased_type]):
            return Response("<Error><Code>InvalidArgument</Code></Error>", 400, media_type="application/xml")
        url = f"http://{request.url.hostname}:{request.url.port}/media-uploads/{key}"
        self.uploads[url] = (lease["Content-Type"], data)
        xml = f"<PostResponse><Location>{url}</Location><Key>{key}</Key></PostResponse>"
        return Response(xml, 201, media_type="application/xml")

    def _user(self, request: Request) -> RedditUser | Response:
        if not USER_AGENT.match(request.headers.get("user-agent", "")):
            return JSONResponse({"message": "Too Many Requests", "error": 429}, status_code=429)
        token = request.headers.get("authorization", "").removeprefix("bearer ")
        name = self.access.get(token)
        if name is None:
            return JSONResponse(
                UNAUTHORIZED,
                status_code=401,
                headers={"www-authenticate": 'Bearer realm="reddit", error="invalid_token"'},
            )
        return self.users[name]

    def _grant(self, form: dict[str, str]) -> Response:
        if form.get("grant_type") == "refresh_token":
            name = self.refresh_tokens.get(form.get("refresh_token", ""))
            if name is None:
                return JSONResponse({"error": "invalid_grant"}, status_code=400)
            body = self._tokens(name, with_refresh=self.rotate_refresh_tokens)
            return JSONResponse(body)
        found = self.codes.pop(form.get("code", ""), None)
        if (
            form.get("grant_type") != "authorization_code"
            or found is None
            or found[1] != form.get("redirect_uri")
        ):
            return JSONResponse({"error": "invalid_grant"}, status_code=400)
        return JSONResponse(self._tokens(found[0], with_refresh=True))

    def _tokens(self, name: str, *, with_refresh: bool) -> dict[str, Any]:
        access = new_token("access-")
        self.access[access] = name
        body: dict[str, Any] = {
            "access_token": access,
            "token_type": "bearer",
            "expires_in": 3600,
            "scope": "identity submit read flair",
        }
        if with_refresh:
            refresh = new_token("refresh-")
            self.refresh_tokens[refresh] = name
            body["refresh_token"] = refresh
        return body

    def _submit(self, user: RedditUser, request: Request, form: dict[str, str]) -> Response:
        subreddit = self.subreddits.get(form.get("sr", "").lower())
        if subreddit is None:
            return _errors(["SUBREDDIT_NOEXIST", "that subreddit doesn't exist", "sr"])
        if subreddit.restricted:
            return JSONResponse({"message": "Forbidden", "error": 403}, status_code=403)
        if not form.get("title"):
            return _errors(["NO_TEXT", "we need something here", "title"])
        if len(form["title"]) > 300:
            return _errors(["TOO_LONG", "this is too long (max: 300)", "title"])
        if subreddit.flair_required and form.get("flair_id") not in subreddit.flairs:
            return _errors(
                ["SUBMIT_VALIDATION_FLAIR_REQUIRED", "Your post must contain post flair.", "flair"]
            )
        if form.get("kind") == "image" and form.get("url") not in self.uploads:
            return _errors(["BAD_URL", "that image is not one you uploaded", "url"])
        post = self._new_post(subreddit.name, form)
        if form.get("kind") == "image":
            return self._image_post(user, post, form["url"])
        user.submissions.insert(0, post)
        url = f"https://www.reddit.com{post['permalink']}"
        return JSONResponse(
            {
                "json": {
                    "errors": [],
                    "data": {"url": url, "drafts_count": 0, "id": post["id"], "name": post["name"]},
                }
            }
        )

    @staticmethod
    def _new_post(subreddit: str, form: dict[str, str]) -> dict[str, Any]:
        post_id = secrets.token_hex(3)
        slug = re.sub(r"\W+", "_", form["title"].lower())[:50]
        return {
            "id": post_id,
            "name": f"t3_{post_id}",
            "subreddit": subreddit,
            "title": form["title"],
            "selftext": form.get("text", "") if form.get("kind") == "self" else "",
            "url": form.get("url") or f"https://www.reddit.com/r/{subreddit}/comments/{post_id}/{slug}/",
            "permalink": f"/r/{subreddit}/comments/{post_id}/{slug}/",
            "created_utc": time.time(),
            "link_flair_template_id": form.get("flair_id"),
            "is_self": form.get("kind") == "self",
        }

    def _image_post(self, user: RedditUser, post: dict[str, Any], uploaded: str) -> Response:
        post_id = post["id"]
        post |= {"url": f"https://i.redd.it/{post_id}.jpg", "post_hint": "image", "uploaded": uploaded}
        user.submissions.insert(0, post)
        # Reddit processes the image and tells clients the post's URL over a websocket, not here.
        submitted = f"https://www.reddit.com/user/{user.name}/submitted/"
        data = {"user_submitted_page": submitted, "websocket_url": f"wss://ws.example/{post_id}"}
        return JSONResponse({"json": {"errors": [], "data": data}})


def _me(user: RedditUser, request: Request, form: dict[str, str]) -> Response:
    return JSONResponse({"name": user.name, "id": user.id, "total_karma": 1})


def _client_ok(header: str) -> bool:
    expected = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
    return header == f"Basic {expected}"


def _errors(*errors: list[str]) -> Response:
    return JSONResponse({"json": {"errors": list(errors)}})


def _listing(request: Request, items: list[dict[str, Any]]) -> dict[str, Any]:
    limit = int(request.query_params.get("limit", "25"))
    after = request.query_params.get("after")
    start = next((i + 1 for i, item in enumerate(items) if item["name"] == after), 0) if after else 0
    page = items[start : start + limit]
    more = start + limit < len(items)
    return {
        "kind": "Listing",
        "data": {
            "after": page[-1]["name"] if page and more else None,
            "dist": len(page),
            "children": [{"kind": "t3", "data": item} for item in page],
            "before": None,
        },
    }
