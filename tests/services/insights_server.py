"""Local stand-ins for the read side of Threads, Meta's Graph API and Reddit: the endpoints Herald's
metrics sources call, with the documented shapes, error bodies and headers.

- Threads: `GET /{v}/{media}/insights?metric=...` and `GET /{v}/{user}/threads_insights?metric=
  followers_count`, answered `{"data": [{"name", "period", "values": [{"value"}] | "total_value": {"value"},
  "title", "description", "id"}]}`.
- Graph (Facebook Pages, Instagram): `GET /{v}/{node}?fields=...` for a Page post (`reactions`/`comments`
  summaries, `shares` left out when nobody shared), an Instagram media (`like_count` left out when the
  owner hides likes, `comments_count`), a Page or an Instagram user (`followers_count`); and
  `GET /{v}/{node}/insights?metric=...`. Insights without the permission answer error 10.
- Reddit: `GET /api/info?id=` (a Listing; unknown ids are left out), `GET /user/{name}/about` (a `t2`
  thing whose `subreddit.subscribers` are the followers) and `POST /api/v1/access_token` for refreshes.

Each holds what tests put in (`posts`, `followers`, `tokens`); faults and headers come from `FakeServer`.
Endpoint names: threads_insights, user_insights; node, insights; info, about, refresh.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.metric_sources import metric_sources
from app.networks import oauth_networks
from app.settings import Settings
from integrations.platforms.metrics import MetricsSource
from models.platform import PlatformName
from tests.services.fake_network import FakeServer, new_token
from tests.services.meta_wire import error_response, token_error
from tests.services.reddit_server import USER_AGENT

PERMISSION_DENIED = (10, "(#10) Application does not have permission for this action")


def _insight(node: str, name: str, value: int, *, total: bool = False) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "name": name,
        "period": "day" if total else "lifetime",
        "title": name.replace("_", " ").title(),
        "description": f"The number of {name}.",
        "id": f"{node}/insights/{name}/{'day' if total else 'lifetime'}",
    }
    entry |= {"total_value": {"value": value}} if total else {"values": [{"value": value}]}
    return entry


class _MetaFake(FakeServer):
    """What the two Meta fakes share: tokens, insight permission, nodes by id."""

    def __init__(self) -> None:
        super().__init__()
        self.tokens: dict[str, str] = {}  # token -> owner id
        self.without_insights: set[str] = set()  # tokens whose owner did not grant the insights permission
        self.posts: dict[str, dict[str, Any]] = {}
        self.followers: dict[str, int] = {}
        self.usernames: dict[str, str] = {}  # Instagram users' usernames, answered when `fields` asks

    def token_for(self, owner: str, *, insights: bool = True) -> str:
        token = new_token("token-")
        self.tokens[token] = owner
        if not insights:
            self.without_insights.add(token)
        return token

    def _token(self, request: Request) -> str | None:
        token = request.query_params.get("access_token", "")
        return token if token in self.tokens else None

    def _insights(
        self, node: str, values: dict[str, Any], request: Request, token: str, *, total: bool
    ) -> Response:
        if token in self.without_insights:
            return error_response(*PERMISSION_DENIED, status=403)
        wanted = request.query_params.get("metric", "").split(",")
        data = [
            _insight(node, name, values[name], total=total) for name in wanted if values.get(name) is not None
        ]
        return JSONResponse({"data": data})


class ThreadsInsightsServer(_MetaFake):
    def app(self) -> Starlette:
        return Starlette(routes=[Route("/{version}/{node}/{edge}", self.edge)])

    async def edge(self, request: Request) -> Response:
        node, edge = request.path_params["node"], request.path_params["edge"]
        endpoint = {"insights": "threads_insights", "threads_insights": "user_insights"}.get(edge, edge)
        await self.received(endpoint, request)
        token = self._token(request)
        if token is None:
            return self.decorate(token_error())
        if endpoint == "user_insights" and node in self.followers:
            followers = {"followers_count": self.followers[node]}
            return await self.answer(
                endpoint, lambda: self._insights(node, followers, request, token, total=True)
            )
        if endpoint == "threads_insights" and node in self.posts:
            values = self.posts[node]
            return await self.answer(
                endpoint, lambda: self._insights(node, values, request, token, total=False)
            )
        return self.decorate(
            error_response(100, "Unsupported get request. Object does not exist.", subcode=33)
        )


class GraphInsightsServer(_MetaFake):
    """Facebook Pages and Instagram. A post with `reactions` is a Page post, else an Instagram media."""

    def app(self) -> Starlette:
        return Starlette(
            routes=[Route("/{version}/{node}/insights", self.insights), Route("/{version}/{node}", self.node)]
        )

    async def node(self, request: Request) -> Response:
        node = request.path_params["node"]
        await self.received("node", request)
        if self._token(request) is None:
            return self.decorate(token_error())
        if node in self.followers:
            body: dict[str, Any] = {"id": node, "followers_count": self.followers[node]}
            if "username" in request.query_params.get("fields", "").split(",") and node in self.usernames:
                body["username"] = self.usernames[node]
            return await self.answer("node", lambda: JSONResponse(body))
        if node in self.posts:
            return await self.answer("node", lambda: JSONResponse(self._fields(node, self.posts[node])))
        return self.decorate(
            error_response(100, "Unsupported get request. Object does not exist.", subcode=33)
        )

    async def insights(self, request: Request) -> Response:
        node = request.path_params["node"]
        await self.received("insights", request)
        token = self._token(request)
        if token is None:
            return self.decorate(token_error())
        if node not in self.posts:
            return self.decorate(
                error_response(100, "Unsupported get request. Object does not exist.", subcode=33)
            )
        return await self.answer(
            "insights", lambda: self._insights(node, self.posts[node], request, token, total=False)
        )

    @staticmethod
    def _fields(node: str, post: dict[str, Any]) -> dict[str, Any]:
        body: dict[str, Any] = {"id": node}
        if "reactions" in post:
            body["reactions"] = {"data": [], "summary": {"total_count": post["reactions"]}}
            body["comments"] = {"data": [], "summary": {"total_count": post["comments"], "can_comment": True}}
            if post.get("shares"):
                body["shares"] = {"count": post["shares"]}
            return body
        for name in ("like_count", "comments_count"):
            if post.get(name) is not None:
                body[name] = post[name]
        return body


class RedditInfoServer(FakeServer):
    def __init__(self) -> None:
        super().__init__()
        self.access: dict[str, str] = {}  # access token -> user name
        self.refresh_tokens: dict[str, str] = {}
        self.posts: dict[str, dict[str, Any]] = {}  # fullname (t3_...) -> data
        self.followers: dict[str, int] = {}

    def login(self, name: str) -> tuple[str, str]:
        """A fresh access token and refresh token of `name`."""
        access, refresh = new_token("access-"), new_token("refresh-")
        self.access[access], self.refresh_tokens[refresh] = name, name
        return access, refresh

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/api/info", self.info),
                Route("/user/{name}/about", self.about),
                Route("/api/v1/access_token", self.refresh, methods=["POST"]),
            ]
        )

    def _user(self, request: Request) -> str | Response:
        if not USER_AGENT.match(request.headers.get("user-agent", "")):
            return JSONResponse({"message": "Too Many Requests", "error": 429}, status_code=429)
        name = self.access.get(request.headers.get("authorization", "").removeprefix("bearer "))
        return (
            name
            if name is not None
            else JSONResponse({"message": "Unauthorized", "error": 401}, status_code=401)
        )

    async def info(self, request: Request) -> Response:
        await self.received("info", request)
        if isinstance(user := self._user(request), Response):
            return self.decorate(user)
        ids = request.query_params.get("id", "").split(",")
        children = [{"kind": "t3", "data": {"name": i, **self.posts[i]}} for i in ids if i in self.posts]
        body = {
            "kind": "Listing",
            "data": {"after": None, "dist": len(children), "children": children, "before": None},
        }
        return await self.answer("info", lambda: JSONResponse(body))

    async def about(self, request: Request) -> Response:
        await self.received("about", request)
        if isinstance(user := self._user(request), Response):
            return self.decorate(user)
        name = request.path_params["name"]
        if name not in self.followers:
            return JSONResponse({"message": "Not Found", "error": 404}, status_code=404)
        profile = {"display_name": f"u_{name}", "subscribers": self.followers[name], "subreddit_type": "user"}
        body = {"kind": "t2", "data": {"name": name, "id": "abc", "total_karma": 1, "subreddit": profile}}
        return await self.answer("about", lambda: JSONResponse(body))

    async def refresh(self, request: Request) -> Response:
        form = (await self.received("refresh", request)).form
        name = self.refresh_tokens.get(form.get("refresh_token", ""))
        if name is None:
            return JSONResponse({"error": "invalid_grant"}, status_code=400)
        access = new_token("access-")
        self.access[access] = name
        body = {"access_token": access, "token_type": "bearer", "expires_in": 3600, "scope": "identity read"}
        return await self.answer("refresh", lambda: JSONResponse(body))


@dataclass(frozen=True)
class InsightFakes:
    threads: ThreadsInsightsServer
    graph: GraphInsightsServer
    reddit: RedditInfoServer

    def settings(self, base: Settings) -> Settings:
        """`base` with the networks' hosts pointing at these fakes."""
        return base.model_copy(
            update={
                "threads_graph_url": self.threads.url,
                "meta_graph_url": self.graph.url,
                "reddit_www_url": self.reddit.url,
                "reddit_api_url": self.reddit.url,
                # Reddit's User-Agent names the app; the fake refuses one without it.
                "reddit_client_id": "insights-test-app",
            }
        )

    def reset(self) -> None:
        for fake in (self.threads, self.graph, self.reddit):
            fake.reset_script()


@contextlib.asynccontextmanager
async def running_insights() -> AsyncIterator[InsightFakes]:
    """The three fakes on free ports until the block ends."""
    fakes = InsightFakes(ThreadsInsightsServer(), GraphInsightsServer(), RedditInfoServer())
    async with fakes.threads.running(), fakes.graph.running(), fakes.reddit.running():
        yield fakes


def metric_sources_on(
    fakes: InsightFakes, base: Settings, http: httpx.AsyncClient
) -> dict[PlatformName, MetricsSource]:
    """Herald's metrics sources, wired as `open_services` wires them, but talking to these fakes."""
    settings = fakes.settings(base)
    return metric_sources(settings, http, oauth_networks(settings, http).platforms)
