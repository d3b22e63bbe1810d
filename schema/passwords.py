"""`passwordChange`, `passwordResetRequest` and `passwordResetComplete`."""

from __future__ import annotations

import strawberry

from app.context import Info
from resolvers import passwords as use_cases
from resolvers.codes import AuthErrorCode
from schema.common import UserError, attempt, caller_of, error_codes, signed_in, typed_errors
from schema.users import User


@strawberry.input(description="Your current password, and the one to use from now on.")
class PasswordChangeInput:
    current_password: str
    new_password: str = strawberry.field(description="10 to 256 characters.")


@strawberry.type(description="A reason passwordChange refused.")
class PasswordChangeError(UserError):
    code: AuthErrorCode = error_codes("PasswordChangeErrorCode", "Why passwordChange refused.", AuthErrorCode)


@strawberry.type(description="The result of passwordChange.")
class PasswordChangePayload:
    user: User | None = strawberry.field(description="You, with the new password set.")
    user_errors: list[PasswordChangeError]


@strawberry.input(description="The email of the account whose password was forgotten.")
class PasswordResetRequestInput:
    email: str


@strawberry.type(description="A reason passwordResetRequest refused.")
class PasswordResetRequestError(UserError):
    code: AuthErrorCode = error_codes(
        "PasswordResetRequestErrorCode",
        "Why passwordResetRequest refused (never because the email has no account).",
        AuthErrorCode,
    )


@strawberry.type(
    description="The result of passwordResetRequest: the same whether the account exists or not."
)
class PasswordResetRequestPayload:
    accepted: bool = strawberry.field(
        description="True when the request was taken: if the email has an account, a link is on its way."
    )
    user_errors: list[PasswordResetRequestError]


@strawberry.input(description="The token from the reset email, and the new password.")
class PasswordResetCompleteInput:
    token: str
    new_password: str = strawberry.field(description="10 to 256 characters.")


@strawberry.type(description="A reason passwordResetComplete refused.")
class PasswordResetCompleteError(UserError):
    code: AuthErrorCode = error_codes(
        "PasswordResetCompleteErrorCode", "Why passwordResetComplete refused.", AuthErrorCode
    )


@strawberry.type(description="The result of passwordResetComplete; log in with the new password next.")
class PasswordResetCompletePayload:
    done: bool = strawberry.field(description="True when the password was set and every session ended.")
    user_errors: list[PasswordResetCompleteError]


async def password_change(info: Info, input: PasswordChangeInput) -> PasswordChangePayload:
    changed, errors = await attempt(
        use_cases.password_change(
            info.context.services,
            caller_of(info),
            signed_in(info),
            current=input.current_password,
            new=input.new_password,
        )
    )
    return PasswordChangePayload(
        user=User.from_model(changed) if changed else None,
        user_errors=typed_errors(PasswordChangeError, errors),
    )


async def password_reset_request(info: Info, input: PasswordResetRequestInput) -> PasswordResetRequestPayload:
    _, errors = await attempt(
        use_cases.password_reset_request(info.context.services, caller_of(info), email=input.email)
    )
    return PasswordResetRequestPayload(
        accepted=not errors,
        user_errors=typed_errors(PasswordResetRequestError, errors),
    )


async def password_reset_complete(
    info: Info, input: PasswordResetCompleteInput
) -> PasswordResetCompletePayload:
    reset, errors = await attempt(
        use_cases.password_reset_complete(info.context.services, token=input.token, new=input.new_password)
    )
    return PasswordResetCompletePayload(
        done=reset is not None,
        user_errors=typed_errors(PasswordResetCompleteError, errors),
    )


@strawberry.type
class PasswordMutation:
    """Changing and resetting passwords."""

    password_change = strawberry.mutation(
        resolver=password_change,
        description="Change your password; every other session of yours ends (this one stays).",
    )
    password_reset_request = strawberry.mutation(
        resolver=password_reset_request,
        description="Email a single-use reset link to this address if it has an account; answers the same "
        "either way (NOT_CONFIGURED without SMTP_URL).",
    )
    password_reset_complete = strawberry.mutation(
        resolver=password_reset_complete,
        description="Set a new password with the token from a reset email; all the account's sessions end.",
    )
