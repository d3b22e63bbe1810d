"""The User type."""

from __future__ import annotations

from datetime import datetime

import strawberry

from models.user import User as UserModel
from schema.relay import Node, to_global_id


@strawberry.type(description="A person who signs in to Herald.")
class User(Node):
    email: str = strawberry.field(description="The sign-in email, lower-cased.")
    name: str = strawberry.field(description="The name shown to teammates.")
    created_at: datetime = strawberry.field(description="When the account was created.")

    @classmethod
    def from_model(cls, user: UserModel) -> User:
        return cls(
            id=to_global_id("User", user.id), email=user.email, name=user.name, created_at=user.created_at
        )
