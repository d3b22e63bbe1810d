"""Connecting and disconnecting network accounts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from app.services import Services
from integrations.crypto import CredentialCipher
from integrations.platforms.base import AccountSession, AuthExpired, PublishFailure
from integrations.platforms.oauth import token_times
from models.platform import PlatformName
from models.social_account import AccountStatus, SocialAccount
from models.user import User
from models.workspace import Role
from resolvers.access import visible_account, workspace_for
from resolvers.codes import AccessErrorCode, AccountErrorCode
from resolvers.errors import not_found, reject

# Failures of connect that say the service URL itself may not be used (see integrations.safe_fetch).
_NOT_ALLOWED = frozenset({"ADDRESS_NOT_ALLOWED", "REDIRECT_REFUSED"})


async def bluesky_account_connect(
    services: Services,
    user: User,
    *,
    workspace_id: PydanticObjectId | None,
    handle: str,
    app_password: str,
    service_url: str | None,
) -> SocialAccount:
    """Log in to the account's PDS once, keep the session (encrypted), and connect the account."""
    workspace = await workspace_for(user, workspace_id, Role.ADMIN, "workspaceId")
    service = (service_url or services.settings.bluesky_default_service).rstrip("/")
    if not is_service_url(service):
        raise reject(
            AccountErrorCode.INVALID_SERVICE_URL, "Give the PDS address as https://host.", "serviceUrl"
        )
    handle = handle.strip().removeprefix("@")
    if not handle:
        raise reject(
            AccountErrorCode.INVALID_HANDLE, "Enter the account's handle, like alice.bsky.social.", "handle"
        )
    if not app_password.strip():
        raise reject(
            AccountErrorCode.APP_PASSWORD_REQUIRED,
            "Enter an app password (Bluesky: Settings → App passwords).",
            "appPassword",
        )
    try:
        connected = await services.bluesky.connect(handle, app_password, service)
    except AuthExpired as exc:
        raise reject(AccountErrorCode.BAD_CREDENTIALS, exc.message, "appPassword") from None
    except PublishFailure as exc:
        code = (
            AccountErrorCode.SERVICE_URL_NOT_ALLOWED
            if exc.code in _NOT_ALLOWED
            else AccountErrorCode.SERVICE_UNAVAILABLE
        )
        raise reject(code, exc.message, "serviceUrl") from None
    ciphertext = services.cipher.encrypt(connected.credentials)
    assert workspace.id is not None
    existing = await SocialAccount.find_one(
        {"workspace_id": workspace.id, "platform": PlatformName.BLUESKY, "external_id": connected.external_id}
    )
    if existing is not None and existing.id is not None:
        refreshed = await SocialAccount.reconnect(
            existing.id, handle=connected.handle, display_name=connected.display_name, ciphertext=ciphertext
        )
        if refreshed is not None:
            return refreshed
    account = SocialAccount(
        workspace_id=workspace.id,
        platform=PlatformName.BLUESKY,
        external_id=connected.external_id,
        handle=connected.handle,
        display_name=connected.display_name,
        credentials=ciphertext,
    )
    try:
        await account.insert()
    except DuplicateKeyError:  # connected twice at the same moment: the other call's account stands
        raise reject(
            AccountErrorCode.ACCOUNT_ALREADY_CONNECTED, "This account was just connected.", "handle"
        ) from None
    return account


def is_service_url(url: str) -> bool:
    """An http(s) URL with a host, a port in range and no control characters or spaces (which the HTTP
    client would refuse with an exception of its own)."""
    if any(char.isspace() or not char.isprintable() for char in url):
        return False
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError when out of range)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


async def social_account_disconnect(
    services: Services, user: User, account_id: PydanticObjectId | None
) -> SocialAccount:
    """Forget the account's credentials; its history stays, new posts cannot target it."""
    account = await visible_account(user, account_id)
    if account is None:
        raise not_found(AccessErrorCode.ACCOUNT_NOT_FOUND, "id")
    await workspace_for(user, account.workspace_id, Role.ADMIN)
    await account.store_credentials(services.cipher.encrypt({}))
    await account.mark_status(AccountStatus.DISCONNECTED, "Disconnected by a workspace admin.")
    return account


def account_session(cipher: CredentialCipher, account: SocialAccount) -> AccountSession:
    """The account's decrypted credentials for calls to its network; credentials the network refreshes
    are stored back encrypted, with their expiry. The one way the API and the workers act as an account."""

    async def save(credentials: Mapping[str, Any]) -> None:
        expires_at, refresh_at = token_times(credentials)
        await account.store_credentials(
            cipher.encrypt(credentials), expires_at=expires_at, refresh_at=refresh_at
        )

    return AccountSession(
        external_id=account.external_id,
        handle=account.handle,
        credentials=cipher.decrypt(account.credentials),
        save=save,
    )
