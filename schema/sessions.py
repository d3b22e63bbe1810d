"""The viewer's sessions: `sessions`, `sessionRevoke`, `sessionRevokeAll`."""

from __future__ import annotations

from datetime import datetime

import strawberry

from app.context import Info
from integrations.sessions import SessionInfo, session_digest
from resolvers import sessions as use_cases
from resolvers.codes import AuthErrorCode
from schema.common import UserError, attempt, error_codes, signed_in, typed_errors


@strawberry.type(description="A signed-in session of yours (a browser, a script).")
class Session:
    id: strawberry.ID = strawberry.field(description="Pass to sessionRevoke; not usable to sign in.")
    created_at: datetime = strawberry.field(description="When it signed in.")
    last_seen_at: datetime = strawberry.field(description="When it was last used, to the minute.")
    label: str = strawberry.field(description="The user agent and client address it signed in from.")
    current: bool = strawberry.field(description="Whether this is the session making this request.")

    @classmethod
    def from_model(cls, session: SessionInfo, current_token: str | None) -> Session:
        current = current_token is not None and session.digest == session_digest(current_token)
        return cls(
            id=strawberry.ID(session.id),
            created_at=session.created_at,
            last_seen_at=session.last_seen_at,
            label=session.label,
            current=current,
        )


@strawberry.type(description="A reason sessionRevoke refused.")
class SessionRevokeError(UserError):
    code: AuthErrorCode = error_codes("SessionRevokeErrorCode", "Why sessionRevoke refused.", AuthErrorCode)


@strawberry.type(description="The result of sessionRevoke.")
class SessionRevokePayload:
    session: Session | None = strawberry.field(description="The session that ended.")
    user_errors: list[SessionRevokeError]


@strawberry.input(description="Which of your sessions to end.")
class SessionRevokeAllInput:
    except_current: bool = strawberry.field(
        default=True, description="Keep the session making this request (the default)."
    )


@strawberry.type(description="A reason sessionRevokeAll refused.")
class SessionRevokeAllError(UserError):
    code: AuthErrorCode = error_codes(
        "SessionRevokeAllErrorCode", "Why sessionRevokeAll refused (it does not, today).", AuthErrorCode
    )


@strawberry.type(description="The result of sessionRevokeAll.")
class SessionRevokeAllPayload:
    revoked_count: int = strawberry.field(description="How many sessions ended.")
    user_errors: list[SessionRevokeAllError]


async def session_revoke(info: Info, id: strawberry.ID) -> SessionRevokePayload:
    ended, errors = await attempt(use_cases.session_revoke(info.context.services, signed_in(info), str(id)))
    return SessionRevokePayload(
        session=Session.from_model(ended, info.context.token) if ended else None,
        user_errors=typed_errors(SessionRevokeError, errors),
    )


async def session_revoke_all(
    info: Info, input: SessionRevokeAllInput | None = None
) -> SessionRevokeAllPayload:
    keep = info.context.token if input is None or input.except_current else None
    count = await use_cases.end_other_sessions(info.context.services, signed_in(info), keep=keep)
    return SessionRevokeAllPayload(revoked_count=count, user_errors=[])


@strawberry.type
class SessionQuery:
    """Your sessions."""

    @strawberry.field(description="Your live sessions, oldest first.")
    async def sessions(self, info: Info) -> list[Session]:
        found = await use_cases.sessions_of(info.context.services, signed_in(info))
        return [Session.from_model(session, info.context.token) for session in found]


@strawberry.type
class SessionMutation:
    """Ending sessions."""

    session_revoke = strawberry.mutation(
        resolver=session_revoke,
        description="End one of your sessions (this one too); its websockets close at once.",
    )
    session_revoke_all = strawberry.mutation(
        resolver=session_revoke_all,
        description="Log out everywhere: end all your sessions, except this one unless asked.",
    )
