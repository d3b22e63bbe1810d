"""Opaque session tokens: the client holds a random token, the store keeps only its sha256.

A session lasts `ttl_seconds` from its creation (an absolute lifetime, not renewed by use) unless it
is revoked first. Storing only the digest means a leaked Redis dump or key listing hands out no
working token.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Callable
from typing import Protocol

from redis.asyncio import Redis


class SessionStore(Protocol):
    """Creates, resolves and revokes session tokens."""

    async def create(self, user_id: str) -> str: ...
    async def resolve(self, token: str) -> str | None: ...
    async def revoke(self, token: str) -> None: ...


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def _check_ttl(ttl_seconds: int) -> int:
    if ttl_seconds < 1:
        raise ValueError("ttl_seconds must be at least 1")
    return ttl_seconds


class RedisSessionStore:
    """Sessions in Redis: `{prefix}:session:{sha256(token)}` holds the user id, with `EX ttl_seconds`."""

    def __init__(self, redis: Redis, *, prefix: str = "herald", ttl_seconds: int) -> None:
        self._redis = redis
        self._prefix = prefix
        self._ttl = _check_ttl(ttl_seconds)

    def _key(self, token: str) -> str:
        return f"{self._prefix}:session:{_digest(token)}"

    async def create(self, user_id: str) -> str:
        """Start a session for `user_id`; returns the token to hand to the client (never stored)."""
        token = _new_token()
        await self._redis.set(self._key(token), user_id, ex=self._ttl)
        return token

    async def resolve(self, token: str) -> str | None:
        """The user id of a live session, or None for an unknown, expired or revoked token."""
        value = await self._redis.get(self._key(token))
        if value is None:
            return None
        return value.decode() if isinstance(value, bytes) else str(value)

    async def revoke(self, token: str) -> None:
        """End the session now; revoking an unknown token is a no-op."""
        await self._redis.delete(self._key(token))


class MemorySessionStore:
    """Sessions in this process (`herald dev` without REDIS_URL); `clock` is injectable for tests."""

    def __init__(self, *, ttl_seconds: int, clock: Callable[[], float] = time.monotonic) -> None:
        self._ttl = _check_ttl(ttl_seconds)
        self._clock = clock
        self._sessions: dict[str, tuple[str, float]] = {}  # digest -> (user id, expires at)
        self._next_sweep = clock() + self._ttl

    async def create(self, user_id: str) -> str:
        """Start a session for `user_id`; returns the token to hand to the client (never stored)."""
        self._sweep()
        token = _new_token()
        self._sessions[_digest(token)] = (user_id, self._clock() + self._ttl)
        return token

    async def resolve(self, token: str) -> str | None:
        """The user id of a live session, or None for an unknown, expired or revoked token."""
        digest = _digest(token)
        session = self._sessions.get(digest)
        if session is None:
            return None
        user_id, expires_at = session
        if self._clock() >= expires_at:
            del self._sessions[digest]
            return None
        return user_id

    async def revoke(self, token: str) -> None:
        """End the session now; revoking an unknown token is a no-op."""
        self._sessions.pop(_digest(token), None)

    def _sweep(self) -> None:
        # Sessions nobody resolves again would otherwise stay forever; one pass per TTL keeps the
        # dictionary at about one TTL's worth of logins for a linear cost spread over them.
        now = self._clock()
        if now < self._next_sweep:
            return
        self._sessions = {digest: s for digest, s in self._sessions.items() if s[1] > now}
        self._next_sweep = now + self._ttl
