"""Passwords, bearer tokens, and the role checks every resolver makes.

Authentication and permission failures are top-level GraphQL errors with `extensions.code`
(`UNAUTHENTICATED`, `FORBIDDEN`); an object in a workspace the caller does not belong to is reported
exactly like one that does not exist, by the resolver that looked it up.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from beanie import PydanticObjectId
from graphql import GraphQLError

from integrations.sessions import SessionStore
from models.user import User
from models.workspace import Role, Workspace


def bearer_token(authorization: str | None) -> str | None:
    """The token of an `Authorization: Bearer <token>` value; None when absent."""
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None


def connection_token(params: Mapping[str, Any] | None) -> str | None:
    """The token in a websocket `connection_init` payload (`authorization`, any letter case)."""
    for key, value in (params or {}).items():
        if key.lower() == "authorization" and isinstance(value, str):
            return bearer_token(value)
    return None


class InvalidToken(Exception):
    """A token was presented but names no live session."""


async def user_for_token(sessions: SessionStore, token: str | None) -> User | None:
    """The signed-in user; None without a token; `InvalidToken` for an unknown or expired one."""
    if token is None:
        return None
    user_id = await sessions.resolve(token)
    user = await User.get(PydanticObjectId(user_id)) if user_id else None
    if user is None:
        raise InvalidToken
    return user


def unauthenticated() -> GraphQLError:
    return GraphQLError("Sign in first.", extensions={"code": "UNAUTHENTICATED"})


def forbidden(role: Role, needed: Role) -> GraphQLError:
    return GraphQLError(
        f"Your role in this workspace is {role}; this needs {needed} or above.",
        extensions={"code": "FORBIDDEN"},
    )


def require_user(user: User | None) -> User:
    """The caller, or a top-level UNAUTHENTICATED error."""
    if user is None:
        raise unauthenticated()
    return user


def require_role(workspace: Workspace, user: User, needed: Role) -> Role:
    """The caller's role when it allows `needed`; FORBIDDEN otherwise.

    Callers make sure `user` is a member first (a non-member gets "not found" instead).
    """
    assert user.id is not None
    role = workspace.role_of(user.id)
    if role is None or not role.allows(needed):
        raise forbidden(role or Role.VIEWER, needed)
    return role
