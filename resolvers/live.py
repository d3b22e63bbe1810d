"""Live updates last as long as the access behind them: every subscription runs through `guarded`."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import TypeVar

from graphql import GraphQLError

from app.auth import unauthenticated
from app.services import Services
from integrations.live_access import Ended, TooManySubscriptions, Watch
from integrations.sessions import session_digest
from models.user import User
from resolvers.caller import Caller

T = TypeVar("T")


async def guarded(
    services: Services, caller: Caller, user: User, workspace_id: object | None, updates: AsyncIterator[T]
) -> AsyncIterator[T]:
    """`updates` until the session or the user's membership of `workspace_id` ends (in any process).

    Checks the session again first (a socket opened before a log-out must not start new
    subscriptions), and counts against the user's subscription cap while it runs.
    """
    # On a websocket the socket's own watch closes it when the session ends (app.main); elsewhere
    # (a subscription over HTTP) this subscription watches the session itself.
    session = session_digest(caller.token) if caller.token and caller.watches_session else None
    try:
        watch = await services.live.watch(
            str(user.id),
            session=session,
            workspace_id=str(workspace_id) if workspace_id is not None else None,
            counted=True,
        )
    except TooManySubscriptions:
        raise GraphQLError(
            f"You have {services.settings.max_subscriptions_per_user} subscriptions open; end one first.",
            extensions={"code": "SUBSCRIPTION_LIMIT"},
        ) from None
    try:
        # After registering: a revocation either happened before this check or reaches the watch.
        if caller.token is None or await services.sessions.resolve(caller.token) != str(user.id):
            raise unauthenticated()
        async for update in _until_ended(watch, updates):
            yield update
    finally:
        services.live.release(watch)


class _Done:
    """What `_step` answers when the source has no more updates."""


async def _until_ended(watch: Watch, updates: AsyncIterator[T]) -> AsyncIterator[T]:
    ended = asyncio.ensure_future(watch.ended.wait())
    step: asyncio.Future[T | _Done] | None = None
    try:
        while True:
            step = asyncio.ensure_future(_step(updates))
            await asyncio.wait({step, ended}, return_when=asyncio.FIRST_COMPLETED)
            if not step.done():
                raise _ended_error(watch.reason)
            update = step.result()
            if isinstance(update, _Done):
                return
            yield update
    finally:
        ended.cancel()
        # The source is closed only once no step runs it (an async generator refuses aclose meanwhile).
        if step is not None and not step.done():
            step.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await step
        if aclose := getattr(updates, "aclose", None):
            await aclose()


async def _step(updates: AsyncIterator[T]) -> T | _Done:
    try:
        return await anext(updates)
    except StopAsyncIteration:
        return _Done()


def _ended_error(reason: Ended | None) -> GraphQLError:
    if reason is Ended.SESSION:
        return unauthenticated()
    if reason is Ended.MEMBERSHIP:
        return GraphQLError("You no longer belong to this workspace.", extensions={"code": "NOT_FOUND"})
    return GraphQLError("Live updates were interrupted; subscribe again.", extensions={"code": "RESUBSCRIBE"})
