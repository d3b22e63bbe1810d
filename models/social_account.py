"""Connected network accounts. Credentials are stored encrypted (see `integrations.crypto`)."""

from __future__ import annotations

import enum
from datetime import datetime

from beanie import Document, PydanticObjectId
from beanie.odm.queries.update import UpdateResponse
from pydantic import Field
from pymongo import ASCENDING, IndexModel

from integrations.platforms.base import PlatformName
from models.clock import utcnow


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

    class Settings:
        name = "social_accounts"
        indexes = [
            IndexModel(
                [("workspace_id", ASCENDING), ("platform", ASCENDING), ("external_id", ASCENDING)],
                unique=True,
            ),
        ]

    @property
    def reauth_message(self) -> str:
        """What a user reads when this account must be reconnected."""
        return f"@{self.handle} must be reconnected: {self.status_reason or 'its login stopped working'}."

    @classmethod
    async def of_workspace(cls, workspace_id: PydanticObjectId) -> list[SocialAccount]:
        """The workspace's accounts, disconnected ones included, oldest first."""
        return await cls.find({"workspace_id": workspace_id}).sort("_id").to_list()

    async def store_credentials(self, ciphertext: str) -> None:
        """Keep refreshed credentials (one atomic write)."""
        self.credentials, self.updated_at = ciphertext, utcnow()
        await self.set({"credentials": ciphertext, "updated_at": self.updated_at})

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
