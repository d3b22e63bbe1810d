"""Opaque session tokens: the client holds a random token, the store keeps only its sha256.

A session lasts `ttl_seconds` from its creation (an absolute lifetime, not renewed by use) unless it
is revoked first. Storing only the digest means a leaked Redis dump or key listing hands out no
working token.

Each user's sessions are also indexed (for "your sessions" and "log out everywhere"): the index holds
the digests with when each session started and a label (user agent, address), and when each was last
used (written at most once a minute per session and process, so a busy client costs no extra writes).
It is cleaned as it is read: a session that expired or was revoked leaves it then. A session's public
`id` is derived from its digest, so listing sessions never shows the key a token is stored under.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from redis.asyncio import Redis


@dataclass(frozen=True, slots=True)
class SessionInfo:
    """One live session of a user, as listed to them."""

    id: str  # public, stable; not usable to authenticate
    digest: str  # sha256 of the token: what revocation notices and the store are keyed by
    created_at: datetime
    last_seen_at: datetime  # to the minute; `created_at` until first used
    label: str  # e.g. "Firefox on Linux · 203.0.113.9"; may be empty


class SessionStore(Protocol):
    """Creates, resolves, lists and revokes session tokens."""

    async def create(self, user_id: str, *, label: str = "") -> str: ...
    async def resolve(self, token: str) -> str | None: ...
    async def revoke(self, token: str) -> None: ...
    async def sessions_of(self, user_id: str) -> list[SessionInfo]: ...
    async def revoke_digests(self, user_id: str, digests: Iterable[str]) -> None: ...


def session_digest(token: str) -> str:
    """The sha256 a token is stored and announced under."""
    return hashlib.sha256(token.encode()).hexdigest()


def session_id(digest: str) -> str:
    """A session's public id."""
    return hashlib.sha256(f"herald-session-id:{digest}".encode()).hexdigest()[:32]


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def _check_ttl(ttl_seconds: int) -> int:
    if ttl_seconds < 1:
        raise ValueError("ttl_seconds must be at least 1")
    return ttl_seconds


_SEEN_EVERY = 60.0  # seconds between two writes of one session's last use (per process)


def _info(digest: str, created_at: float, last_seen_at: float | None, label: str) -> SessionInfo:
    seen = max(created_at, last_seen_at or created_at)
    created, last = datetime.fromtimestamp(created_at, UTC), datetime.fromtimestamp(seen, UTC)
    return SessionInfo(session_id(digest), digest, created, last, label)


class RedisSessionStore:
    """Sessions in Redis: `{prefix}:session:{digest}` holds the user id, with `EX ttl_seconds`;
    `{prefix}:user-sessions:{user id}` is a hash of the user's digests (JSON: created_at, label) and
    `{prefix}:user-sessions-seen:{user id}` one of their last uses, both expiring with the user's newest
    session."""

    def __init__(self, redis: Redis, *, prefix: str = "herald", ttl_seconds: int) -> None:
        self._redis = redis
        self._prefix = prefix
        self._ttl = _check_ttl(ttl_seconds)
        self._seen: dict[str, float] = {}  # digest -> when this process last wrote its use (monotonic)

    def _key(self, digest: str) -> str:
        return f"{self._prefix}:session:{digest}"

    def _index(self, user_id: str) -> str:
        return f"{self._prefix}:user-sessions:{user_id}"

    def _seen_index(self, user_id: str) -> str:
        return f"{self._prefix}:user-sessions-seen:{user_id}"

    async def create(self, user_id: str, *, label: str = "") -> str:
        """Start a session for `user_id`; returns the token to hand to the client (never stored)."""
        token = _new_token()
        digest = session_digest(token)
        entry = json.dumps({"created_at": time.time(), "label": label[:200]})
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.set(self._key(digest), user_id, ex=self._ttl)
            pipe.hset(self._index(user_id), digest, entry)
            pipe.expire(self._index(user_id), self._ttl)
            await pipe.execute()
        return token

    async def resolve(self, token: str) -> str | None:
        """The user id of a live session, or None for an unknown, expired or revoked token."""
        digest = session_digest(token)
        value = await self._redis.get(self._key(digest))
        if value is None:
            return None
        user_id = _text(value)
        await self._touch(user_id, digest)
        return user_id

    async def _touch(self, user_id: str, digest: str) -> None:
        now = time.monotonic()
        if now - self._seen.get(digest, -_SEEN_EVERY) < _SEEN_EVERY:
            return
        if len(self._seen) >= 10_000:
            self._seen.clear()  # bounded: at worst, one extra write per session
        self._seen[digest] = now
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.hset(self._seen_index(user_id), digest, time.time())
            pipe.expire(self._seen_index(user_id), self._ttl)
            await pipe.execute()

    async def revoke(self, token: str) -> None:
        """End the session now; revoking an unknown token is a no-op."""
        digest = session_digest(token)
        user_id = await self._redis.getdel(self._key(digest))
        if user_id is not None:
            await self._redis.hdel(self._index(_text(user_id)), digest)
            await self._redis.hdel(self._seen_index(_text(user_id)), digest)

    async def sessions_of(self, user_id: str) -> list[SessionInfo]:
        """The user's live sessions, oldest first; forgets index entries of ended sessions."""
        entries = {
            _text(k): json.loads(v) for k, v in (await self._redis.hgetall(self._index(user_id))).items()
        }
        digests = sorted(entries, key=lambda d: entries[d]["created_at"])
        owners = await self._redis.mget([self._key(d) for d in digests]) if digests else []
        ended = [
            d for d, owner in zip(digests, owners, strict=True) if owner is None or _text(owner) != user_id
        ]
        if ended:
            await self._redis.hdel(self._index(user_id), *ended)
            await self._redis.hdel(self._seen_index(user_id), *ended)
        live = [d for d in digests if d not in ended]
        seen = await self._redis.hmget(self._seen_index(user_id), live) if live else []
        return [
            _info(d, entries[d]["created_at"], float(s) if s else None, entries[d]["label"])
            for d, s in zip(live, seen, strict=True)
        ]

    async def revoke_digests(self, user_id: str, digests: Iterable[str]) -> None:
        """End these sessions of `user_id` now (digests of other users' sessions are ignored)."""
        mine = [d for d in digests if await self._redis.hexists(self._index(user_id), d)]
        if mine:
            await self._redis.delete(*(self._key(d) for d in mine))
            await self._redis.hdel(self._index(user_id), *mine)
            await self._redis.hdel(self._seen_index(user_id), *mine)


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


@dataclass(frozen=True, slots=True)
class _MemorySession:
    user_id: str
    expires_at: float  # on the store's clock
    created_at: float  # wall clock, for listing
    label: str


class MemorySessionStore:
    """Sessions in this process (`herald dev` without REDIS_URL); `clock` is injectable for tests."""

    def __init__(
        self,
        *,
        ttl_seconds: int,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self._ttl = _check_ttl(ttl_seconds)
        self._clock = clock
        self._wall_clock = wall_clock
        self._sessions: dict[str, _MemorySession] = {}  # digest -> session
        self._last_seen: dict[str, float] = {}  # digest -> wall time of its last use
        self._by_user: dict[str, dict[str, None]] = {}  # user id -> digests, oldest first
        self._next_sweep = clock() + self._ttl

    async def create(self, user_id: str, *, label: str = "") -> str:
        """Start a session for `user_id`; returns the token to hand to the client (never stored)."""
        self._sweep()
        token = _new_token()
        digest = session_digest(token)
        expires_at, created_at = self._clock() + self._ttl, self._wall_clock()
        self._sessions[digest] = _MemorySession(user_id, expires_at, created_at, label[:200])
        self._by_user.setdefault(user_id, {})[digest] = None
        return token

    async def resolve(self, token: str) -> str | None:
        """The user id of a live session, or None for an unknown, expired or revoked token."""
        digest = session_digest(token)
        session = self._live(digest)
        if session is None:
            return None
        self._last_seen[digest] = self._wall_clock()
        return session.user_id

    async def revoke(self, token: str) -> None:
        """End the session now; revoking an unknown token is a no-op."""
        self._drop(session_digest(token))

    async def sessions_of(self, user_id: str) -> list[SessionInfo]:
        """The user's live sessions, oldest first."""
        live = [(d, s) for d in list(self._by_user.get(user_id, ())) if (s := self._live(d)) is not None]
        live.sort(key=lambda pair: pair[1].created_at)
        return [_info(d, s.created_at, self._last_seen.get(d), s.label) for d, s in live]

    async def revoke_digests(self, user_id: str, digests: Iterable[str]) -> None:
        """End these sessions of `user_id` now (digests of other users' sessions are ignored)."""
        for digest in digests:
            if digest in self._by_user.get(user_id, ()):
                self._drop(digest)

    def _live(self, digest: str) -> _MemorySession | None:
        session = self._sessions.get(digest)
        if session is not None and self._clock() >= session.expires_at:
            self._drop(digest)
            return None
        return session

    def _drop(self, digest: str) -> None:
        self._last_seen.pop(digest, None)
        session = self._sessions.pop(digest, None)
        if session is None:
            return
        digests = self._by_user.get(session.user_id, {})
        digests.pop(digest, None)
        if not digests:
            self._by_user.pop(session.user_id, None)

    def _sweep(self) -> None:
        # Sessions nobody resolves again would otherwise stay forever; one pass per TTL keeps the
        # dictionary at about one TTL's worth of logins for a linear cost spread over them.
        now = self._clock()
        if now < self._next_sweep:
            return
        for digest in [d for d, s in self._sessions.items() if s.expires_at <= now]:
            self._drop(digest)
        self._next_sweep = now + self._ttl
