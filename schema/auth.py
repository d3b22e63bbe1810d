"""Signing up, in and out."""

from __future__ import annotations

from typing import TypeAlias

import strawberry

from app.context import Info
from resolvers import auth as use_cases
from resolvers import sessions
from resolvers.codes import AuthErrorCode, WorkspaceErrorCode
from resolvers.errors import UserError as DomainError
from schema.common import UserError, attempt, caller_of, error_codes, typed_errors
from schema.users import User


@strawberry.input(description="A new user, and the workspace they will own.")
class SignUpInput:
    email: str
    password: str = strawberry.field(description="10 to 256 characters.")
    name: str
    workspace_name: str | None = strawberry.field(
        default=None, description='Defaults to "<name>\'s workspace".'
    )
    timezone: str | None = strawberry.field(
        default=None, description="IANA time zone of the workspace; UTC by default."
    )


@strawberry.input(description="Credentials to sign in with.")
class LogInInput:
    email: str
    password: str


AuthCode: TypeAlias = AuthErrorCode | WorkspaceErrorCode


@strawberry.type(description="A reason signUp or logIn refused.")
class AuthError(UserError):
    code: AuthCode = error_codes("AuthErrorCode", "Why signUp or logIn refused.", AuthCode)


@strawberry.type(description="A session: send `token` as `Authorization: Bearer <token>`.")
class AuthPayload:
    token: str | None
    user: User | None
    user_errors: list[AuthError]


def _payload(signed: use_cases.SignedIn | None, errors: list[DomainError]) -> AuthPayload:
    return AuthPayload(
        token=signed.token if signed else None,
        user=User.from_model(signed.user) if signed else None,
        user_errors=typed_errors(AuthError, errors),
    )


async def sign_up(info: Info, input: SignUpInput) -> AuthPayload:
    signed, errors = await attempt(
        use_cases.sign_up(
            info.context.services,
            caller_of(info),
            email=input.email,
            password=input.password,
            name=input.name,
            workspace_name=input.workspace_name,
            timezone=input.timezone,
        )
    )
    return _payload(signed, errors)


async def log_in(info: Info, input: LogInInput) -> AuthPayload:
    signed, errors = await attempt(
        use_cases.log_in(info.context.services, caller_of(info), email=input.email, password=input.password)
    )
    return _payload(signed, errors)


async def log_out(info: Info) -> bool:
    return await sessions.log_out(info.context.services, info.context.token)
