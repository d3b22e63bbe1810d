"""People who sign in to Herald."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from beanie import Document, Indexed
from pydantic import Field

from models.clock import utcnow


class User(Document):
    """A person with a login. The email is stored lower-cased and is unique."""

    email: Annotated[str, Indexed(unique=True)]
    password_hash: str
    name: str
    created_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "users"

    async def set_password_hash(self, password_hash: str) -> None:
        """Replace the password (one atomic write)."""
        await self.get_pymongo_collection().update_one(
            {"_id": self.id}, {"$set": {"password_hash": password_hash}}
        )
        self.password_hash = password_hash

    @classmethod
    async def by_email(cls, email: str) -> User | None:
        """The user with this email, compared case-insensitively."""
        return await cls.find_one({"email": normalize_email(email)})


def normalize_email(email: str) -> str:
    """The form emails are stored and compared in."""
    return email.strip().lower()
