"""Encryption at rest for platform credentials (Fernet, with rotation through several keys)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet


class CredentialsUnreadable(Exception):
    """Stored credentials cannot be decrypted with any configured key."""


class CredentialCipher:
    """Encrypts with the first key and decrypts with any of them, so keys can be rotated."""

    def __init__(self, keys: Sequence[str]) -> None:
        if not keys:
            raise ValueError("at least one Fernet key is needed")
        self._fernet = MultiFernet([Fernet(key.encode()) for key in keys])

    @classmethod
    def from_setting(cls, value: str) -> CredentialCipher:
        """From the comma-separated `FERNET_KEYS` setting."""
        return cls([key.strip() for key in value.split(",") if key.strip()])

    def encrypt(self, credentials: Mapping[str, Any]) -> str:
        """The credentials as a Fernet token."""
        return self._fernet.encrypt(json.dumps(dict(credentials)).encode()).decode()

    def decrypt(self, token: str) -> dict[str, Any]:
        """The credentials back; `CredentialsUnreadable` when no key fits."""
        try:
            data = json.loads(self._fernet.decrypt(token.encode()))
        except InvalidToken as exc:
            raise CredentialsUnreadable("no configured FERNET_KEYS key decrypts these credentials") from exc
        if not isinstance(data, dict):
            raise CredentialsUnreadable("stored credentials are not an object")
        return data


def load_or_create_key(path: Path, generate: Callable[[], str] | None = None) -> str:
    """A key kept in `path` (created with owner-only permissions on first use), for `herald dev`.

    A Fernet key unless `generate` makes another kind (the media signing key).
    """
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = generate() if generate is not None else Fernet.generate_key().decode()
    path.touch(mode=0o600)
    path.write_text(key + "\n")
    return key
