"""What a request to `/graphql` may be before Herald does any work on it: a body under the limit (cut
while it streams, so a huge or endless body never ties the server up) and well-formed JSON.

The media upload routes have limits of their own and are not wrapped."""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from typing import Any

from starlette.responses import JSONResponse

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# A UTF-16 surrogate on its own: JSON's "\ud800" escape decodes to one, and no database or log can store it.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def error_response(status: int, code: str, message: str) -> JSONResponse:
    """A GraphQL-shaped error body for a request refused before GraphQL saw it."""
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code}}]}, status_code=status)


class BodyTooLarge(Exception):
    """The body went past the limit while it streamed in."""


class BodyLimit:
    """Refuse bodies over `max_bytes` on `paths`: at once from `Content-Length`, otherwise as soon as the
    bytes read pass the limit (chunked bodies); either way a 413 with a JSON error."""

    def __init__(self, app: ASGIApp, *, max_bytes: int, paths: tuple[str, ...]) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] not in self.paths:
            await self.app(scope, receive, send)
            return
        if self._declared_length(scope) > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if started:
                raise
            await self._refuse(scope, receive, send)

    @staticmethod
    def _declared_length(scope: Scope) -> int:
        for name, value in scope["headers"]:
            if name == b"content-length":
                try:
                    return int(value)
                except ValueError:
                    return 0
        return 0

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        # The rest of the body stays unread: uvicorn closes the connection after this answer.
        response = error_response(
            413, "PAYLOAD_TOO_LARGE", f"The request body is over the limit of {self.max_bytes} bytes."
        )
        await response(scope, receive, send)


class BadRequestJson(json.JSONDecodeError):
    """A body (or websocket message, or `variables` parameter) that is not a GraphQL request's JSON.

    A `JSONDecodeError`, so Strawberry's websocket handlers close the socket with 4400 for it."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, "", 0)
        self.reason = reason


def decode_request_json(data: str | bytes) -> dict[str, Any] | list[dict[str, Any]]:
    """A request's JSON: strict UTF-8, any depth Python's parser manages, an object (or a batch of objects),
    no lone surrogate in any key or string."""
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError:
        raise BadRequestJson("The request body is not valid UTF-8.") from None
    try:
        value = json.loads(text)
    except RecursionError:
        raise BadRequestJson("The request's JSON is nested too deeply.") from None
    except json.JSONDecodeError as error:
        raise BadRequestJson(f"The request is not valid JSON: {error.msg}.") from None
    if not isinstance(value, dict) and not (
        isinstance(value, list) and value and all(isinstance(item, dict) for item in value)
    ):
        raise BadRequestJson("Expected a JSON object (a GraphQL request), or an array of them.")
    # Only a `\\u` escape can put a lone surrogate in a string decoded from strict UTF-8.
    if "\\u" in text and any(LONE_SURROGATE.search(string) for string in json_strings(value)):
        raise BadRequestJson("A string holds a lone UTF-16 surrogate (\\ud800-\\udfff); send valid Unicode.")
    return value


def json_strings(value: object) -> Iterator[str]:
    """Every string (object keys included) in a JSON value, at any depth, without recursion."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
