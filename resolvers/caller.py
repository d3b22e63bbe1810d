"""What a use case may know about where a request comes from, without the request itself: the
schema (or any other entry point) fills it in, so the use cases run the same from a worker or a test."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Caller:
    """The client acting: its address (for rate limits and the session list), its user agent, and the
    session token it sent (None without one)."""

    address: str
    user_agent: str = ""
    token: str | None = None
    # A subscription over HTTP watches its own session; on a websocket the socket's watch does (app.main).
    watches_session: bool = False
