"""The typed GraphQL context: who is asking, and the process's services, for one request."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import strawberry
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from app.client_address import trusted_proxies
from app.loaders import Loaders
from app.services import Services
from models.user import User


@dataclass
class Context:
    """Made per HTTP request or per websocket connection.

    DataLoaders cache what they read, so they never outlive one answer: a request's, or on a websocket one
    event's (`fresh_loaders` before each), else a later event would show objects as the first one read them.
    """

    services: Services
    request: Request | WebSocket
    user: User | None
    loaders: Loaders
    request_id: str
    token: str | None = None
    connection_params: dict[str, Any] | None = field(default=None)
    # The HTTP answer being built (cookies and headers set on it are sent); None on a websocket.
    response: Response | None = None

    def fresh_loaders(self) -> None:
        """Forget what earlier answers on this connection read (call before resolving each event)."""
        self.loaders = Loaders()

    @property
    def client_address(self) -> str:
        """The client's address: the peer's, or the one a proxy in FORWARDED_ALLOW_IPS reports."""
        peer = self.request.client.host if self.request.client else None
        proxies = trusted_proxies(self.services.settings.forwarded_allow_ips)
        return proxies.client(peer, self.request.headers)


Info = strawberry.Info[Context, None]
