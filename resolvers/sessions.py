"""The viewer's sessions: listing them, ending one, all, or all but this one."""

from __future__ import annotations

from collections.abc import Iterable

from app.services import Services
from integrations.sessions import SessionInfo, session_digest
from models.user import User
from resolvers.caller import Caller
from resolvers.codes import AuthErrorCode
from resolvers.errors import reject

_AGENT_CHARS = 120


def session_label(caller: Caller) -> str:
    """How a new session is shown in the list: the client's user agent and address."""
    agent = " ".join(caller.user_agent.split())[:_AGENT_CHARS]
    return " · ".join(part for part in (agent, caller.address) if part)


async def open_session(services: Services, caller: Caller, user: User) -> str:
    """A new session's token."""
    return await services.sessions.create(str(user.id), label=session_label(caller))


async def end_sessions(services: Services, user: User, digests: Iterable[str]) -> None:
    """End these sessions of the user now, and their websockets in every API process."""
    digests = list(digests)
    await services.sessions.revoke_digests(str(user.id), digests)
    await services.live.sessions_ended(str(user.id), digests)


async def end_other_sessions(services: Services, user: User, keep: str | None) -> int:
    """End every session of the user but `keep` (a token; None ends all); how many ended."""
    kept = session_digest(keep) if keep else None
    others = [s.digest for s in await services.sessions.sessions_of(str(user.id)) if s.digest != kept]
    await end_sessions(services, user, others)
    return len(others)


async def log_out(services: Services, token: str | None) -> bool:
    """End the session of this token; False when there was none."""
    if token is None:
        return False
    user_id = await services.sessions.resolve(token)
    await services.sessions.revoke(token)
    if user_id is not None:
        await services.live.sessions_ended(user_id, [session_digest(token)])
    return True


async def sessions_of(services: Services, user: User) -> list[SessionInfo]:
    """The user's live sessions, oldest first."""
    return await services.sessions.sessions_of(str(user.id))


async def session_revoke(services: Services, user: User, session_id: str) -> SessionInfo:
    """End one of the user's sessions (this one included) by its id."""
    found = next((s for s in await sessions_of(services, user) if s.id == session_id), None)
    if found is None:
        raise reject(AuthErrorCode.SESSION_NOT_FOUND, "No session with this id.", "id")
    await end_sessions(services, user, [found.digest])
    return found
