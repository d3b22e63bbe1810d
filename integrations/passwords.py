"""Password hashing (argon2id) off the event loop.

Hashing or verifying takes a few hundred milliseconds of CPU on purpose. Done on the event loop it would
freeze every request and websocket of the process for that long, so it runs in a worker thread; a
semaphore bounds how many run at once, so a burst of logins cannot take every thread of the default
executor (which other blocking calls need too) nor every core.
"""

from __future__ import annotations

import asyncio
import functools

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """Verifying against this when the email is unknown keeps the time of a failed login the same either
    way. Made on first use, not on import: a hash costs its few hundred milliseconds on purpose, which a
    process that never verifies (a worker) should not pay at start."""
    return _hasher.hash("herald-timing-equaliser")


class Passwords:
    """argon2id hashes, computed in threads, at most `concurrency` at a time in this process."""

    def __init__(self, *, concurrency: int = 4) -> None:
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        self._slots = asyncio.Semaphore(concurrency)

    async def hash(self, password: str) -> str:
        """An argon2id hash of the password."""
        async with self._slots:
            return await asyncio.to_thread(_hasher.hash, password)

    async def verify(self, password_hash: str | None, password: str) -> bool:
        """Whether the password matches; always spends the same time, known user or not."""
        async with self._slots:
            return await asyncio.to_thread(_verify, password_hash, password)


def _verify(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _dummy_hash(), password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False
