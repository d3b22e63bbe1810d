"""The post worker: takes one `post.publish` job, publishes one target to its network, exactly once.

Claim (QUEUED → PUBLISHING with a lease), look first if an earlier attempt may already have published,
publish, record the outcome, and only then let the queue ack. A failure is classified once by the
platform module; here it becomes a retry after a delay, a reschedule at the network's reset time, or a
final FAILED / UNCONFIRMED with a reason a user can read.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import uuid
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

import structlog
from beanie import PydanticObjectId

from app.services import Services
from integrations.platforms.base import (
    AuthExpired,
    Checkpoint,
    MediaFacts,
    OutcomeUnknown,
    PostContent,
    Published,
    PublishFailure,
    RateLimited,
    SaveState,
    ThreadPartContent,
    Transient,
)
from models.clock import utcnow
from models.media_asset import MediaAsset, MediaStatus
from models.outbox import POST_PUBLISH
from models.post import Post
from models.post_target import PostTarget
from models.social_account import AccountStatus, SocialAccount
from models.target_state import PublishError, TargetStatus
from resolvers.accounts import account_session
from resolvers.media_renditions import publishing_facts
from resolvers.post_events import OutboxRelay, announce

log = structlog.get_logger(__name__)

# How often a job for a target another worker holds looks whether that worker's lease ran out.
LEASE_WATCH_SECONDS = 1.0


class LeaseLost(Exception):
    """Another worker took the target over (this one's lease expired): stop without recording anything."""


class PostWorker:
    """Handles `post.publish` jobs; any number of these may run side by side."""

    def __init__(self, services: Services, worker_id: str | None = None) -> None:
        self.services = services
        self.settings = services.settings
        # host:pid:random, so a lease names the process that holds it (and an operator can find it)
        self.worker_id = worker_id or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.lease = timedelta(seconds=self.settings.worker_lease_seconds)
        self.relay = OutboxRelay(services)
        self._stopping = asyncio.Event()

    @property
    def max_attempts(self) -> int:
        return len(self.settings.retry_delays_seconds) + 1

    async def run(self) -> None:
        """Consume jobs until `stop()`, relaying meanwhile what dead processes left in outboxes."""
        self._stopping.clear()
        relaying = asyncio.create_task(self.relay.run(self._stopping))
        prefetch = self.settings.worker_prefetch
        try:
            await self.services.queue.consume(POST_PUBLISH, self.handle, prefetch=prefetch)
        finally:
            self._stopping.set()
            await relaying

    async def stop(self) -> None:
        """Take no new jobs; let the ones in hand finish within the grace period."""
        await self.services.queue.stop(self.settings.worker_shutdown_grace_seconds)
        self._stopping.set()

    async def handle(self, body: Mapping[str, Any]) -> None:
        """One job. Returning acks it; raising sends it to the dead-letter queue (malformed jobs only:
        the target's state in MongoDB, not the message, is what drives retries)."""
        target_id = PydanticObjectId(str(body["target_id"]))
        target = await PostTarget.claim_for_publish(target_id, self.worker_id, self.lease)
        if target is None:
            target = await self._claim_when_lease_runs_out(target_id)
        if target is None:
            # Already taken, finished or cancelled: a duplicate delivery is harmless and is dropped here.
            log.info("post.publish.skipped", target_id=str(target_id))
            return
        await announce(self.services, [target])
        renewing = asyncio.create_task(self._renew_lease(target))
        try:
            await self._publish(target)
        finally:
            renewing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await renewing

    async def _claim_when_lease_runs_out(self, target_id: PydanticObjectId) -> PostTarget | None:
        """Take over a target whose holder stopped renewing its lease, as soon as the lease runs out.

        A job arrives for a target another worker holds mostly because the broker gave it back when that
        worker's connection closed: the worker died. Dropping it would leave the target to the scheduler's
        expired-lease sweep, a tick later at best and much later when the scheduler is restarting too.
        A holder that is alive renews its lease meanwhile, or finishes: then the job is dropped."""
        held = await PostTarget.get(target_id)
        if held is None or held.status is not TargetStatus.PUBLISHING or held.lease_expires_at is None:
            return None
        deadline = held.lease_expires_at  # a holder that renews pushes it out: it is alive
        while (left := (deadline - utcnow()).total_seconds()) >= 0:
            await asyncio.sleep(min(left, LEASE_WATCH_SECONDS) + 0.01)
            now = await PostTarget.get(target_id)
            if now is None or now.status is not TargetStatus.PUBLISHING or now.lease_expires_at != deadline:
                return None
        return await PostTarget.claim_for_publish(target_id, self.worker_id, self.lease)

    async def _renew_lease(self, target: PostTarget) -> None:
        while True:
            await asyncio.sleep(self.settings.worker_lease_renew_seconds)
            if not await target.renew_lease(self.lease):
                log.warning("post.publish.lease_lost", target_id=str(target.id))
                return

    async def _publish(self, target: PostTarget) -> None:
        account = await SocialAccount.get(target.account_id)
        post = await Post.get(target.post_id)
        if account is None or post is None or account.status is not AccountStatus.ACTIVE:
            await self._finish(target, _account_error(account))
            return
        platform = self.services.platforms[target.platform]
        session = account_session(self.services.cipher, account)
        content = await _content(self.services, target, post)
        if isinstance(content, PublishError):
            await self._finish(target, content)
            return
        if content.thread and not platform.capabilities.threads:
            await self._finish(target, _THREADS_NOT_SUPPORTED)  # never published without its parts
            return
        try:
            published: Published | None = None
            if target.may_have_reached_network:
                published = await platform.find_published(session, content, target.idempotency_key)
                log.info("post.publish.reconciled", target_id=str(target.id), found=published is not None)
            if published is None:
                checkpoint = Checkpoint(target.checkpoint, self._checkpoint_saver(target))
                published = await platform.publish(session, content, target.idempotency_key, checkpoint)
        except PublishFailure as failure:
            await self._failed(target, account, failure)
            return
        except LeaseLost:
            log.warning("post.publish.abandoned", target_id=str(target.id))
            return
        except Exception as exc:
            log.exception("post.publish.crashed", target_id=str(target.id))
            await self._failed(target, account, OutcomeUnknown("INTERNAL_ERROR", f"Herald failed: {exc!r}"))
            return
        if await target.mark_published(published):
            log.info("post.publish.published", target_id=str(target.id), url=published.url)
            await announce(self.services, [target])

    @staticmethod
    def _checkpoint_saver(target: PostTarget) -> SaveState:
        async def save(data: Mapping[str, Any]) -> None:
            if not await target.save_checkpoint(data):
                raise LeaseLost(f"target {target.id} was taken over; stopping this publish")

        return save

    async def _failed(self, target: PostTarget, account: SocialAccount, failure: PublishFailure) -> None:
        log.warning(
            "post.publish.failed", target_id=str(target.id), code=failure.code, kind=type(failure).__name__
        )
        error = PublishError(code=failure.code, message=failure.message, retryable=failure.retryable)
        if isinstance(failure, RateLimited):
            if await target.mark_rescheduled(error, failure.retry_at):
                await announce(self.services, [target])
            return
        if isinstance(failure, AuthExpired):
            await account.mark_status(AccountStatus.NEEDS_REAUTH, failure.message)
        if isinstance(failure, Transient | OutcomeUnknown) and target.attempts < self.max_attempts:
            await self._retry_later(target, error)
            return
        if isinstance(failure, OutcomeUnknown):
            await self._finish(target, _unconfirmed(failure), TargetStatus.UNCONFIRMED)
            return
        await self._finish(target, error.model_copy(update={"retryable": False}))

    async def _retry_later(self, target: PostTarget, error: PublishError) -> None:
        # One delay queue per step (docs/architecture.md, "The publish flow"):
        # attempt n waits retry_delays_seconds[n - 1].
        step = target.attempts - 1
        due_at = utcnow() + timedelta(seconds=self.settings.retry_delays_seconds[step])
        if await target.mark_retrying(error, due_at, step):  # the job goes out through the outbox
            await announce(self.services, [target])

    async def _finish(
        self, target: PostTarget, error: PublishError, status: TargetStatus = TargetStatus.FAILED
    ) -> None:
        if await target.mark_failed(error, status):
            await announce(self.services, [target])


_MEDIA_MISSING = PublishError(
    code="MEDIA_NOT_FOUND",
    message="A file this post attaches is gone; attach it again, then retry.",
    retryable=False,
)


_THREADS_NOT_SUPPORTED = PublishError(
    code="THREADS_NOT_SUPPORTED",
    message="This network cannot publish thread parts; publish the first part alone.",
    retryable=False,
)


async def _content(services: Services, target: PostTarget, post: Post) -> PostContent | PublishError:
    """What the target publishes, media and thread parts with the ways to their bytes; the error when a
    file is not READY any more."""
    media = await _media_facts(services, target, post)
    thread = await _thread_content(services, post)
    if media is None or thread is None:
        return _MEDIA_MISSING
    text = target.text if target.text is not None else post.text
    return PostContent(text=text, options=target.options, media=media, thread=thread)


async def _thread_content(services: Services, post: Post) -> tuple[ThreadPartContent, ...] | None:
    """The post's further thread parts with their media; None when a part's media is not READY."""
    parts: list[ThreadPartContent] = []
    for part in post.thread:
        media = await _facts_of(services, part.media_ids)
        if media is None:
            return None
        parts.append(ThreadPartContent(text=part.text, media=media))
    return tuple(parts)


async def _media_facts(services: Services, target: PostTarget, post: Post) -> tuple[MediaFacts, ...] | None:
    """The media the target publishes (its own, or the post's), in order, each with the ways to its bytes;
    None when one is not READY."""
    ids = target.media_ids if target.media_ids is not None else post.media_ids
    return await _facts_of(services, ids)


async def _facts_of(services: Services, ids: list[PydanticObjectId]) -> tuple[MediaFacts, ...] | None:
    """These assets' facts in order, each with the ways to its bytes; None when one is not READY."""
    if not ids:
        return ()
    found = {asset.id: asset for asset in await MediaAsset.find({"_id": {"$in": list(ids)}}).to_list()}
    assets = [found.get(i) for i in ids]
    if any(asset is None or asset.status is not MediaStatus.READY for asset in assets):
        return None
    ttl = timedelta(seconds=services.settings.media_url_ttl_seconds)
    return tuple(
        [await publishing_facts(services.storage, asset, ttl) for asset in assets if asset is not None]
    )


def _account_error(account: SocialAccount | None) -> PublishError:
    if account is None or account.status is AccountStatus.DISCONNECTED:
        return PublishError(
            code="ACCOUNT_DISCONNECTED",
            message="The account was disconnected; connect it again, then retry.",
            retryable=False,
        )
    return PublishError(
        code="ACCOUNT_NEEDS_REAUTH",
        message=account.reauth_message,
        retryable=False,
    )


def _unconfirmed(failure: PublishFailure) -> PublishError:
    return PublishError(
        code="UNCONFIRMED",
        message="Herald could not confirm whether the network published this post "
        f"(last problem: {failure.message}). Check the account; "
        "a retry looks for the post before publishing.",
        retryable=True,
    )
