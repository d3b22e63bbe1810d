"""The `state` of an OAuth authorization: who asked to connect which network to which workspace.

`oauthStart` stores one, the network's redirect back to `/oauth/{platform}/callback` consumes it. A state
is a random token the browser carries through the network's consent page; the store keeps only its
sha256 (like sessions), lives `ttl_seconds`, and is single use: `consume` returns it once and deletes it
in the same step, so a replayed callback URL finds nothing. The PKCE code verifier rides along, because
the callback must send it with the code and nothing else connects the two requests.

A state is also bound to one browser, so a consent link sent to someone else cannot attach *their*
network accounts to the sender's workspace: it is created with a random secret that the authenticated
`oauthStart` request's own HTTP answer hands to the asking client in an HttpOnly cookie (the store keeps
the secret's sha256), and the callback connects only when that cookie comes back (`OAuthState.bound_to`).
A browser that merely opens the link never made that request, so it never holds the secret.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Protocol

from redis.asyncio import Redis


@dataclass(frozen=True, slots=True)
class OAuthState:
    """What the callback needs to finish a connection the API started."""

    user_id: str
    workspace_id: str
    platform: str
    redirect_uri: str
    code_verifier: str | None = None
    # sha256 of the secret the client that asked oauthStart holds in a cookie (set by `create`).
    browser_digest: str | None = None

    def bound_to(self, browser_secret: str | None) -> bool:
        """Whether `browser_secret` (the callback's cookie) is the one handed to the client that asked."""
        if not browser_secret or self.browser_digest is None:
            return False
        return hmac.compare_digest(_digest(browser_secret), self.browser_digest)


class OAuthStateStore(Protocol):
    """Keeps states between `oauthStart` and the callback; each is returned at most once."""

    async def create(self, state: OAuthState, browser_secret: str) -> str: ...
    async def consume(self, token: str) -> OAuthState | None: ...


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _decode(raw: bytes | str) -> OAuthState | None:
    try:
        return OAuthState(**json.loads(raw))
    except (TypeError, ValueError):
        return None  # written by another version of Herald: as good as expired


class RedisOAuthStateStore:
    """States in Redis under `{prefix}:oauth:{sha256(token)}`, with `EX ttl_seconds`, consumed by GETDEL."""

    def __init__(self, redis: Redis, *, prefix: str, ttl_seconds: int) -> None:
        self._redis = redis
        self._prefix = prefix
        self._ttl = ttl_seconds

    async def create(self, state: OAuthState, browser_secret: str) -> str:
        """Store `state`, bound to the client holding `browser_secret`; returns the token to put in the
        authorization URL."""
        token = secrets.token_urlsafe(32)
        bound = dataclasses.replace(state, browser_digest=_digest(browser_secret))
        await self._redis.set(
            f"{self._prefix}:oauth:{_digest(token)}", json.dumps(asdict(bound)), ex=self._ttl
        )
        return token

    async def consume(self, token: str) -> OAuthState | None:
        """The state of `token`, deleted as it is read; None when unknown, expired or already used."""
        raw = await self._redis.getdel(f"{self._prefix}:oauth:{_digest(token)}")
        return _decode(raw) if raw is not None else None


class MemoryOAuthStateStore:
    """States in this process (`herald dev` without REDIS_URL); `clock` is injectable for tests."""

    def __init__(self, *, ttl_seconds: int, clock: Callable[[], float] = time.monotonic) -> None:
        self._ttl = ttl_seconds
        self._clock = clock
        self._states: dict[str, tuple[OAuthState, float]] = {}

    async def create(self, state: OAuthState, browser_secret: str) -> str:
        """Store `state`, bound to the client holding `browser_secret`; returns the token to put in the
        authorization URL."""
        now = self._clock()
        # Abandoned authorizations are dropped here, so the dictionary never outgrows one TTL of starts.
        self._states = {key: item for key, item in self._states.items() if item[1] > now}
        token = secrets.token_urlsafe(32)
        bound = dataclasses.replace(state, browser_digest=_digest(browser_secret))
        self._states[_digest(token)] = (bound, now + self._ttl)
        return token

    async def consume(self, token: str) -> OAuthState | None:
        """The state of `token`, deleted as it is read; None when unknown, expired or already used."""
        item = self._states.pop(_digest(token), None)
        if item is None or self._clock() >= item[1]:
            return None
        return item[0]
