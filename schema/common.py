"""Pieces every part of the schema shares: the user-error interface and turning use-case errors into
each payload's typed errors."""

from __future__ import annotations

import enum
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

import strawberry

from app.auth import require_user
from app.context import Info
from models.user import User
from resolvers.errors import Rejected
from resolvers.errors import UserError as DomainError

T = TypeVar("T")
E = TypeVar("E")


@strawberry.interface(description="Something the caller must change for the mutation to succeed.")
class UserError:
    field: list[str] | None = strawberry.field(description="Path to the input field at fault, if any.")
    message: str = strawberry.field(description="What is wrong and what to do, for a person to read.")


def error_codes(name: str, description: str, *codes: str) -> Any:
    """A GraphQL enum of a mutation's error codes (`<Mutation>ErrorCode`), values equal to names."""
    members = {code: code for code in dict.fromkeys(codes)}
    codes_enum: Any = enum.Enum(name, members)  # type: ignore[misc]  # built from data on purpose
    return strawberry.enum(codes_enum, description=description)


def typed_errors(error_type: Callable[..., E], codes: Any, errors: Sequence[DomainError]) -> list[E]:
    """Use-case errors as the payload's error type with its own code enum."""
    return [
        error_type(field=list(error.field) or None, message=error.message, code=codes(error.code))
        for error in errors
    ]


async def attempt(call: Awaitable[T]) -> tuple[T | None, list[DomainError]]:
    """Run a use case; its `Rejected` becomes a list of errors instead of an exception."""
    try:
        return await call, []
    except Rejected as rejected:
        return None, rejected.errors


def signed_in(info: Info) -> User:
    """The caller, or a top-level UNAUTHENTICATED error."""
    return require_user(info.context.user)
