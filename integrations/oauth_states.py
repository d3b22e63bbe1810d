"""The `state` of an OAuth authorization: who asked to connect which network to which workspace.

`oauthStart` stores one, the network's redirect back to `/oauth/{platform}/callback` consumes it. A state
is a random token the browser carries through the network's consent page; the store keeps only its
sha256 (like sessions), lives `ttl_seconds`, and is single use: `consume` returns it once and deletes it
in the same step, so a replayed callback URL finds nothing. The PKCE code verifier rides along, because
the callback must send it with the code and nothing else connects the two requests.

A state is also bound to one browser, so a consent link forwarded to someone else cannot attach *their*
network accounts to the sender's workspace: the first browser to open Herald's start address `claim`s
the state with a random secret it keeps in an HttpOnly cookie (the store keeps the secret's sha256), and
the callback connects only when that browser's cookie comes back (`OAuthState.opened_by`). A state is
claimed once: a start address opened a second time, by anyone, goes nowhere.
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
    # sha256 of the secret of the browser that opened the start address (set by `claim`).
    browser_digest: str | None = None

    def opened_by(self, browser_secret: str | None) -> bool:
        """Whether `browser_secret` (the callback's cookie) is the one of the browser that claimed it."""
        if not browser_secret or self.browser_digest is None:
            return False
        return hmac.compare_digest(_digest(browser_secret), self.browser_digest)


class OAuthStateStore(Protocol):
    """Keeps states between `oauthStart` and the callback; each is returned at most once."""

    async def create(self, state: OAuthState) -> str: ...
    async def claim(self, token: str, browser_secret: str) -> OAuthState | None: ...
    async def consume(self, token: str) -> OAuthState | None: ...


def browser_cookie(token: str) -> str:
    """The name of the cookie holding the browser's secret for the state `token` (one per state, so two
    connections started in two tabs do not overwrite each other's)."""
    return f"herald_oauth_{_digest(token)[:16]}"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _decode(raw: bytes | str) -> OAuthState | None:
    try:
        return OAuthState(**json.loads(raw))
    except (TypeError, ValueError):
        return None  # written by another version of Herald: as good as expired


class RedisOAuthStateStore:
    """States in Redis under `{prefix}:oauth:{sha256(token)}`, with `EX ttl_seconds`, consumed by GETDEL;
    the claiming browser's digest beside it under `{prefix}:oauth-browser:{sha256(token)}` (SET NX)."""

    def __init__(self, redis: Redis, *, prefix: str, ttl_seconds: int) -> None:
        self._redis = redis
        self._prefix = prefix
        self._ttl = ttl_seconds

    async def create(self, state: OAuthState) -> str:
        """Store `state`; returns the token to put in the authorization URL."""
        token = secrets.token_urlsafe(32)
        await self._redis.set(
            f"{self._prefix}:oauth:{_digest(token)}", json.dumps(asdict(state)), ex=self._ttl
        )
        return token

    async def claim(self, token: str, browser_secret: str) -> OAuthState | None:
        """Bind the state of `token` to the browser holding `browser_secret`; the state, or None when
        unknown, expired, used, or claimed already (by this browser or another)."""
        key = _digest(token)
        bound = await self._redis.set(
            f"{self._prefix}:oauth-browser:{key}", _digest(browser_secret), nx=True, ex=self._ttl
        )
        raw = await self._redis.get(f"{self._prefix}:oauth:{key}") if bound else None
        return _decode(raw) if raw is not None else None

    async def consume(self, token: str) -> OAuthState | None:
        """The state of `token` with the browser that claimed it, deleted as it is read; None when
        unknown, expired or already used."""
        key = _digest(token)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.getdel(f"{self._prefix}:oauth:{key}")
            pipe.getdel(f"{self._prefix}:oauth-browser:{key}")
            raw, browser = await pipe.execute()
        state = _decode(raw) if raw is not None else None
        if state is None or browser is None:
            return state
        digest = browser.decode() if isinstance(browser, bytes) else str(browser)
        return dataclasses.replace(state, browser_digest=digest)


class MemoryOAuthStateStore:
    """States in this process (`herald dev` without REDIS_URL); `clock` is injectable for tests."""

    def __init__(self, *, ttl_seconds: int, clock: Callable[[], float] = time.monotonic) -> None:
        self._ttl = ttl_seconds
        self._clock = clock
        self._states: dict[str, tuple[OAuthState, float]] = {}

    async def create(self, state: OAuthState) -> str:
        """Store `state`; returns the token to put in the authorization URL."""
        now = self._clock()
        # Abandoned authorizations are dropped here, so the dictionary never outgrows one TTL of starts.
        self._states = {key: item for key, item in self._states.items() if item[1] > now}
        token = secrets.token_urlsafe(32)
        self._states[_digest(token)] = (state, now + self._ttl)
        return token

    async def claim(self, token: str, browser_secret: str) -> OAuthState | None:
        """Bind the state of `token` to the browser holding `browser_secret`; the state, or None when
        unknown, expired, used, or claimed already (by this browser or another)."""
        key = _digest(token)
        item = self._states.get(key)
        if item is None or self._clock() >= item[1] or item[0].browser_digest is not None:
            return None
        state = dataclasses.replace(item[0], browser_digest=_digest(browser_secret))
        self._states[key] = (state, item[1])
        return state

    async def consume(self, token: str) -> OAuthState | None:
        """The state of `token` with the browser that claimed it, deleted as it is read; None when
        unknown, expired or already used."""
        item = self._states.pop(_digest(token), None)
        if item is None or self._clock() >= item[1]:
            return None
        return item[0]
