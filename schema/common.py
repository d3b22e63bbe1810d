"""Pieces every part of the schema shares: the user-error interface and turning use-case errors into
each payload's typed errors."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from enum import StrEnum
from types import UnionType
from typing import Any, TypeVar, cast, get_args

import strawberry
from starlette.requests import Request

from app.auth import require_user
from app.context import Info
from models.user import User
from resolvers.caller import Caller
from resolvers.errors import Rejected
from resolvers.errors import UserError as DomainError

T = TypeVar("T")
E = TypeVar("E")


@strawberry.interface(description="Something the caller must change for the mutation to succeed.")
class UserError:
    field: list[str] | None = strawberry.field(description="Path to the input field at fault, if any.")
    message: str = strawberry.field(description="What is wrong and what to do, for a person to read.")


def error_codes(name: str, description: str, codes: type[StrEnum] | UnionType) -> Any:
    """A field `code: <name>!` whose GraphQL enum is generated from the domain code enums in `codes`
    (one `StrEnum` or a union of them, the same as the field's annotation), so the API can say every
    code those domains declare; codes declared by several domains appear once."""
    domains = get_args(codes) if isinstance(codes, UnionType) else (codes,)
    members = {code.name: code.value for domain in domains for code in domain}
    generated = strawberry.enum(cast(type[StrEnum], StrEnum(name, members)), description=description)
    return strawberry.field(graphql_type=generated)


def typed_errors(error_type: Callable[..., E], errors: Sequence[DomainError]) -> list[E]:
    """Use-case errors as the payload's error type."""
    return [
        error_type(field=list(error.field) or None, message=error.message, code=error.code)
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


def caller_of(info: Info) -> Caller:
    """Where the request comes from, as the use cases see it."""
    ctx = info.context
    return Caller(
        address=ctx.client_address,
        user_agent=ctx.request.headers.get("user-agent", ""),
        token=ctx.token,
        watches_session=isinstance(ctx.request, Request),
    )
