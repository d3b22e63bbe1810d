"""Single-use tokens that name a subject for a while: password resets (and, later, invitations).

The holder gets a random token; the store keeps only its sha256, for `ttl_seconds`, and `consume`
returns the subject once, deleting it in the same step, so a replayed link finds nothing.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Callable
from typing import Protocol

from redis.asyncio import Redis


class OneTimeTokenStore(Protocol):
    """Issues tokens for a subject in a namespace; each is consumed at most once."""

    async def issue(self, namespace: str, subject: str, *, ttl_seconds: float) -> str: ...
    async def consume(self, namespace: str, token: str) -> str | None: ...


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class RedisOneTimeTokenStore:
    """Tokens in Redis under `{prefix}:token:{namespace}:{sha256(token)}`, consumed by GETDEL."""

    def __init__(self, redis: Redis, *, prefix: str) -> None:
        self._redis = redis
        self._prefix = prefix

    def _key(self, namespace: str, token: str) -> str:
        return f"{self._prefix}:token:{namespace}:{_digest(token)}"

    async def issue(self, namespace: str, subject: str, *, ttl_seconds: float) -> str:
        """A new token for `subject`, valid `ttl_seconds`."""
        token = secrets.token_urlsafe(32)
        await self._redis.set(self._key(namespace, token), subject, px=max(1, round(ttl_seconds * 1000)))
        return token

    async def consume(self, namespace: str, token: str) -> str | None:
        """The token's subject, deleted as it is read; None when unknown, expired or used."""
        value = await self._redis.getdel(self._key(namespace, token))
        if value is None:
            return None
        return value.decode() if isinstance(value, bytes) else str(value)


class MemoryOneTimeTokenStore:
    """Tokens in this process (`herald dev` without REDIS_URL); `clock` is injectable for tests."""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._tokens: dict[tuple[str, str], tuple[str, float]] = {}  # (namespace, digest) -> (subject, until)

    async def issue(self, namespace: str, subject: str, *, ttl_seconds: float) -> str:
        """A new token for `subject`, valid `ttl_seconds`."""
        now = self._clock()
        self._tokens = {key: item for key, item in self._tokens.items() if item[1] > now}
        token = secrets.token_urlsafe(32)
        self._tokens[(namespace, _digest(token))] = (subject, now + ttl_seconds)
        return token

    async def consume(self, namespace: str, token: str) -> str | None:
        """The token's subject, deleted as it is read; None when unknown, expired or used."""
        item = self._tokens.pop((namespace, _digest(token)), None)
        if item is None or self._clock() >= item[1]:
            return None
        return item[0]
