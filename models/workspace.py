"""Workspaces: the team that owns accounts and posts, and who may do what in it."""

from __future__ import annotations

import enum
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from beanie import Document, PydanticObjectId
from pydantic import BaseModel, Field
from pymongo import ASCENDING, IndexModel

from models.clock import utcnow


class Role(enum.StrEnum):
    """Roles in a workspace, each allowing everything the ones after it allow."""

    OWNER = "OWNER"
    ADMIN = "ADMIN"
    EDITOR = "EDITOR"
    VIEWER = "VIEWER"

    def allows(self, needed: Role) -> bool:
        """Whether someone with this role may do what `needed` may do."""
        return _RANK[self] >= _RANK[needed]


_RANK = {Role.VIEWER: 0, Role.EDITOR: 1, Role.ADMIN: 2, Role.OWNER: 3}


class Member(BaseModel):
    user_id: PydanticObjectId
    role: Role


class Workspace(Document):
    """A team's space. `timezone` is an IANA zone name, never a fixed offset (DST stays right)."""

    name: str
    timezone: str = "UTC"
    members: list[Member] = Field(default_factory=list)
    created_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "workspaces"
        indexes = [IndexModel([("members.user_id", ASCENDING)])]

    def role_of(self, user_id: PydanticObjectId) -> Role | None:
        """The user's role here, or None when they are not a member."""
        return next((m.role for m in self.members if m.user_id == user_id), None)

    async def remove_member(self, user_id: PydanticObjectId) -> bool:
        """Take the user out of this workspace, atomically; False when they were not a member."""
        result = await self.get_pymongo_collection().update_one(
            {"_id": self.id, "members.user_id": user_id}, {"$pull": {"members": {"user_id": user_id}}}
        )
        if result.modified_count == 1:
            self.members = [m for m in self.members if m.user_id != user_id]
        return result.modified_count == 1

    @classmethod
    async def of_member(cls, user_id: PydanticObjectId) -> list[Workspace]:
        """The workspaces a user belongs to, oldest first."""
        return await cls.find({"members.user_id": user_id}).sort("_id").to_list()


def is_valid_timezone(name: str) -> bool:
    """Whether `name` is an IANA time zone this machine knows."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True
