"""The ASGI application: `/graphql` (HTTP, GraphiQL, websockets), `/healthz`, `/readyz`, the signed
local media routes `/media/upload/...` and `/media/files/...`, and the web console on every other path."""

from __future__ import annotations

import uuid
from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any

import structlog
from beanie import PydanticObjectId
from cross_web import HTTPException
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route, Router, WebSocketRoute
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import ASGIWebSocketAdapter, GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http.exceptions import NonJsonMessageReceived
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL

from app.auth import InvalidToken, bearer_token, connection_token, user_for_token
from app.context import Context
from app.live_sockets import current_socket, guarded_socket
from app.loaders import Loaders
from app.media_routes import MediaRoutes
from app.oauth_routes import OAuthRoutes
from app.request_limits import (
    BadRequestJson,
    BodyLimit,
    BodyTooLarge,
    decode_request_json,
    error_response,
)
from app.services import Services, open_services
from app.settings import Settings
from app.web import WebConsole
from models.user import User
from schema import build_schema

log = structlog.get_logger(__name__)


class _WebSocketMessages(ASGIWebSocketAdapter):
    """Only protocol messages (objects with a string `type`) reach Strawberry's handlers, which index
    them without checking: anything else is bad JSON (graphql-transport-ws closes with 4400; the legacy
    graphql-ws protocol skips it)."""

    async def iter_json(self, *, ignore_parsing_errors: bool = False) -> AsyncGenerator[object, None]:
        async for message in super().iter_json(ignore_parsing_errors=ignore_parsing_errors):
            if isinstance(message, dict) and isinstance(message.get("type"), str):
                yield message
            elif not ignore_parsing_errors:
                raise NonJsonMessageReceived


class HeraldGraphQL(GraphQL[Context, None]):
    """Strawberry's ASGI view with Herald's context and websocket authentication."""

    websocket_adapter_class = _WebSocketMessages

    def __init__(self, services: Services) -> None:
        settings = services.settings
        super().__init__(
            build_schema(settings),
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL),
            allowed_origins=settings.allowed_origins,
            graphql_ide="graphiql" if settings.serves_graphiql else None,
        )
        self.services = services

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Strawberry's view, with its plain-text refusals (400, 401, 404...) as JSON errors, and a bug
        outside GraphQL execution logged with the request id and answered as a masked JSON 500."""
        if scope["type"] == "websocket":
            async with guarded_socket(self.services.live):  # see on_ws_connect
                await super().__call__(scope, receive, send)
            return
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        try:
            response = await self.run(Request(scope=scope, receive=receive))
        except HTTPException as refused:
            code = _HTTP_CODES.get(refused.status_code, "BAD_REQUEST")
            response = error_response(refused.status_code, code, refused.reason)
        except BodyTooLarge:
            raise  # BodyLimit answers it
        except Exception:  # a bug outside GraphQL's own masking: in the context, in parsing
            log.error("http.unexpected_error", path=scope["path"], exc_info=True)
            response = error_response(500, "INTERNAL_SERVER_ERROR", "Unexpected error.")
        await response(scope, receive, send)

    def decode_json(self, data: str | bytes) -> object:
        # Bodies, websocket messages and the `variables` parameter of GET requests all come through here;
        # a `BadRequestJson` closes a websocket with 4400.
        return decode_request_json(data)

    def parse_json(self, data: str | bytes) -> object:
        try:
            return decode_request_json(data)
        except BadRequestJson as error:
            raise HTTPException(400, error.reason) from None

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None = None
    ) -> Context:
        request_id = uuid.uuid4().hex
        structlog.contextvars.bind_contextvars(request_id=request_id)
        token: str | None = None
        user: User | None = None
        if isinstance(request, Request):
            token = bearer_token(request.headers.get("authorization"))
            try:
                user = await user_for_token(self.services.sessions, token)
            except InvalidToken:
                raise HTTPException(401, "The session token is invalid or expired; log in again.") from None
        return Context(
            services=self.services,
            request=request,
            user=user,
            loaders=Loaders(),
            request_id=request_id,
            token=token,
            # oauthStart sets its cookie on it; a websocket (which Strawberry passes here too) has none.
            response=response if isinstance(response, Response) else None,
        )

    async def on_ws_connect(self, context: Context) -> None:
        """Authenticate the socket from its `connection_init` payload; a bad token closes it (4403), and
        so does the session ending later (log-out, in any API process)."""
        token = connection_token(context.connection_params)
        socket = current_socket()
        try:
            if token is not None and socket is not None and isinstance(context.request, WebSocket):
                # Watching before checking: a log-out either precedes the check or reaches the watch.
                user_id = await self.services.sessions.resolve(token)
                if user_id is not None:
                    await socket.guard(self.services.live, context.request, user_id, token)
            context.user = await user_for_token(self.services.sessions, token)
        except InvalidToken:
            raise ConnectionRejectionError({"message": "The session token is invalid or expired."}) from None
        context.token = token


async def healthz(request: Request) -> JSONResponse:
    """Liveness: the process answers."""
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    """Readiness: MongoDB answers a query."""
    try:
        await User.find_one({"_id": PydanticObjectId("0" * 24)})
    except Exception as exc:  # noqa: BLE001 (any failure means "not ready")
        log.warning("readyz.failed", error=repr(exc))
        return JSONResponse({"status": "unavailable"}, status_code=503)
    return JSONResponse({"status": "ok"})


def create_app(settings: Settings, services: Services | None = None, *, embedded: bool = False) -> Starlette:
    """The API. Given `services`, it uses them (tests, `herald dev`); otherwise it opens its own."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with AsyncExitStack() as stack:
            if services is None:
                graphql.app = HeraldGraphQL(
                    await stack.enter_async_context(open_services(settings, embedded=embedded))
                )
            else:
                graphql.app = HeraldGraphQL(services)
            log.info("api.started", graphiql=f"http://{settings.host}:{settings.port}/graphql")
            yield

    graphql = _Deferred()
    console = WebConsole(
        settings.web_dist_dir, lambda: graphql.app.services.storage.browser_origin if graphql.app else None
    )
    oauth = OAuthRoutes(lambda: graphql.app.services if graphql.app else None, console)
    media = MediaRoutes(lambda: graphql.app.services if graphql.app else None)
    return Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/oauth/result", oauth.result),
            Route("/oauth/{platform}/callback", oauth.callback),
            Route("/media/upload/{key:path}", media.upload, methods=["PUT"]),
            Route("/media/files/{key:path}", media.download, methods=["GET", "HEAD"]),
            # Last: everything else. Compressed here only: the console's files hold no secret, while
            # compressing API answers that carry tokens next to what a caller sent would invite BREACH.
            Mount(
                "",
                app=GZipMiddleware(Router([Route("/{path:path}", console.serve, methods=["GET", "HEAD"])])),
            ),
        ],
        middleware=[
            Middleware(BodyLimit, max_bytes=settings.graphql_max_body_bytes, paths=("/graphql",)),
            Middleware(
                CORSMiddleware,
                allow_origins=settings.allowed_origins,
                allow_methods=["GET", "POST", "PUT"],
                allow_headers=["authorization", "content-type"],
                # A console on another origin (of the same site) must fetch oauthStart with
                # credentials: "include", or its browser drops the cookie the answer sets. Never for
                # "*": any page could then ask oauthStart with its author's token and keep the cookie.
                allow_credentials="*" not in settings.allowed_origins,
            ),
        ],
        lifespan=lifespan,
    )


def server_options(settings: Settings) -> dict[str, Any]:
    """uvicorn's options for the API: logging is configured by `configure_logging`, a websocket
    message may be no larger than a `/graphql` body (uvicorn closes the socket with 1009 otherwise), and
    proxy headers are left to Herald, which trusts only FORWARDED_ALLOW_IPS (app.client_address)."""
    return {"log_config": None, "ws_max_size": settings.graphql_max_body_bytes, "proxy_headers": False}


_HTTP_CODES = {401: "UNAUTHENTICATED", 403: "FORBIDDEN", 404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED"}


class _Deferred:
    """An ASGI app filled in by the lifespan, once the services it needs exist."""

    app: HeraldGraphQL | None = None

    async def __call__(self, scope: dict[str, object], receive: object, send: object) -> None:
        if self.app is None:
            raise RuntimeError("the API received a request before its lifespan started")
        await self.app(scope, receive, send)  # type: ignore[arg-type]
