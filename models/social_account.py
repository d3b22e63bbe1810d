"""Connected network accounts. Credentials are stored encrypted (see `integrations.crypto`)."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import datetime, timedelta

from beanie import Document, PydanticObjectId
from beanie.odm.queries.update import UpdateResponse
from pydantic import Field
from pymongo import ASCENDING, IndexModel

from integrations.platforms.oauth import INSIGHTS_SCOPES
from models.clock import utcnow
from models.platform import PlatformName


class Capability(enum.StrEnum):
    """Something an account does only with a permission granted when it was connected."""

    INSIGHTS = "INSIGHTS"


class AccountStatus(enum.StrEnum):
    ACTIVE = "ACTIVE"
    NEEDS_REAUTH = "NEEDS_REAUTH"
    DISCONNECTED = "DISCONNECTED"


class SocialAccount(Document):
    """One account on one network, connected to one workspace."""

    workspace_id: PydanticObjectId
    platform: PlatformName
    external_id: str
    handle: str
    display_name: str | None = None
    credentials: str = Field(description="Fernet token of the JSON credentials")
    status: AccountStatus = AccountStatus.ACTIVE
    status_reason: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    token_expires_at: datetime | None = Field(default=None, description="when the access token dies")
    token_refresh_at: datetime | None = Field(
        default=None, description="when the scheduler refreshes the token next; None: never needed"
    )
    metrics_next_at: datetime | None = Field(
        default=None, description="when its followers are read next (see models.metric_plan); None: at once"
    )
    granted_scopes: list[str] | None = Field(
        default=None,
        description="the permissions the network said were granted at the last connection; None: "
        "connected before Herald recorded them, or a network that does not say",
    )

    class Settings:
        name = "social_accounts"
        indexes = [
            IndexModel(
                [("workspace_id", ASCENDING), ("platform", ASCENDING), ("external_id", ASCENDING)],
                unique=True,
            ),
            IndexModel([("status", ASCENDING), ("token_refresh_at", ASCENDING)]),
            IndexModel([("status", ASCENDING), ("metrics_next_at", ASCENDING)]),
        ]

    @property
    def reauth_message(self) -> str:
        """What a user reads when this account must be reconnected."""
        return f"@{self.handle} must be reconnected: {self.status_reason or 'its login stopped working'}."

    def missing_capabilities(self) -> list[Capability]:
        """What the account cannot do until it is reconnected: the insights permission of its network
        was not granted, or not recorded (accounts connected before Herald asked for it)."""
        needed = INSIGHTS_SCOPES.get(self.platform)
        if needed is not None and needed not in (self.granted_scopes or []):
            return [Capability.INSIGHTS]
        return []

    @classmethod
    async def of_workspace(cls, workspace_id: PydanticObjectId) -> list[SocialAccount]:
        """The workspace's accounts, disconnected ones included, oldest first."""
        return await cls.find({"workspace_id": workspace_id}).sort("_id").to_list()

    async def store_credentials(
        self, ciphertext: str, *, expires_at: datetime | None = None, refresh_at: datetime | None = None
    ) -> None:
        """Keep refreshed credentials and when their token expires and must be refreshed (one write)."""
        self.credentials, self.updated_at = ciphertext, utcnow()
        self.token_expires_at, self.token_refresh_at = expires_at, refresh_at
        await self.set(
            {
                "credentials": ciphertext,
                "token_expires_at": expires_at,
                "token_refresh_at": refresh_at,
                "updated_at": self.updated_at,
            }
        )

    async def rename(self, handle: str) -> None:
        """Show the account by `handle`, as its network now names it."""
        self.handle, self.updated_at = handle, utcnow()
        await self.set({"handle": handle, "updated_at": self.updated_at})

    async def mark_status(self, status: AccountStatus, reason: str | None) -> None:
        """Move the account to `status` with a reason a user can read."""
        self.status, self.status_reason, self.updated_at = status, reason, utcnow()
        await self.set({"status": status, "status_reason": reason, "updated_at": self.updated_at})

    @classmethod
    async def reconnect(
        cls, existing_id: PydanticObjectId, *, handle: str, display_name: str | None, ciphertext: str
    ) -> SocialAccount | None:
        """Give an account that was connected before fresh credentials and make it ACTIVE again."""
        found = await cls.find_one({"_id": existing_id}).update(
            {
                "$set": {
                    "handle": handle,
                    "display_name": display_name,
                    "credentials": ciphertext,
                    "status": AccountStatus.ACTIVE,
                    "status_reason": None,
                    "updated_at": utcnow(),
                }
            },
            response_type=UpdateResponse.NEW_DOCUMENT,
        )
        return found if isinstance(found, SocialAccount) else None

    # --- OAuth accounts -------------------------------------------------------------------------------

    @classmethod
    async def connect_oauth(
        cls,
        workspace_id: PydanticObjectId,
        platform: PlatformName,
        external_id: str,
        *,
        handle: str,
        display_name: str | None,
        ciphertext: str,
        expires_at: datetime | None,
        refresh_at: datetime | None,
        scopes: Sequence[str] | None = None,
    ) -> SocialAccount:
        """Connect the account, or give the one connected before fresh credentials (one atomic upsert)."""
        now = utcnow()
        found = await cls.get_pymongo_collection().find_one_and_update(
            {"workspace_id": workspace_id, "platform": platform, "external_id": external_id},
            {
                "$set": {
                    "handle": handle,
                    "display_name": display_name,
                    "credentials": ciphertext,
                    "status": AccountStatus.ACTIVE,
                    "status_reason": None,
                    "token_expires_at": expires_at,
                    "token_refresh_at": refresh_at,
                    "granted_scopes": list(scopes) if scopes is not None else None,
                    "updated_at": now,
                },
                "$setOnInsert": {"created_at": now},
            },
            upsert=True,
            return_document=True,
        )
        account: SocialAccount = cls.model_validate(found)
        return account

    @classmethod
    async def claim_token_refresh(cls, now: datetime, hold: timedelta) -> SocialAccount | None:
        """An ACTIVE account whose token is due for refreshing, held for `hold` so that no other
        scheduler refreshes it at the same time (and a refresher that dies lets it come back)."""
        found = await cls.get_pymongo_collection().find_one_and_update(
            {"status": AccountStatus.ACTIVE, "token_refresh_at": {"$lte": now}},
            {"$set": {"token_refresh_at": now + hold}},
            sort=[("token_refresh_at", ASCENDING)],
            return_document=True,
        )
        return cls.model_validate(found) if found is not None else None

    async def defer_token_refresh(self, at: datetime | None) -> None:
        """Try refreshing again at `at` (the last try failed in a way that may pass); None: never."""
        self.token_refresh_at = at
        await self.set({"token_refresh_at": at})
