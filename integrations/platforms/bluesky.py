"""Bluesky: connect an account with an app password, publish posts to its PDS, and delete them.

A target becomes one post, or a thread (a chain of replies, `bluesky_threads`), each post with at most
one embed (`bluesky_embeds`): images, a video, a link card or a quoted post. The account's session is
kept and refreshed, never recreated per post (`bluesky_repo`).

Posts are created under record keys derived from the target's idempotency key (see
`bluesky_text.record_key`), so a repeat cannot create a second post: it fails, and `getRecord` by the
same key tells whether the first attempt landed. Every step of a publish (blobs, card, each part) is
kept in the target's checkpoint (`bluesky_progress`), so a retry resumes instead of starting over.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from integrations.platforms.base import (
    AccountSession,
    Checkpoint,
    ConnectedAccount,
    OutcomeUnknown,
    Permanent,
    PostContent,
    Published,
    Violation,
)
from integrations.platforms.bluesky_media import media_violations
from integrations.platforms.bluesky_progress import Progress
from integrations.platforms.bluesky_refs import POST_COLLECTION, PostRef, options_violations
from integrations.platforms.bluesky_text import record_key, text_violations
from integrations.platforms.bluesky_threads import publish_chain, thread_violations
from integrations.platforms.bluesky_xrpc import XRPC_ERRORS, login_failure
from integrations.platforms.capabilities import CAPABILITIES
from integrations.safe_fetch import FetchPolicy, FetchRefused
from models.platform import PlatformName

# The atproto SDK (under `bluesky_repo`) takes most of a second to import: it is imported on the first
# call to the network, so a starting post worker, scheduler or API does not wait for it.
if TYPE_CHECKING:
    from atproto_client import AsyncClient

    from integrations.platforms.bluesky_repo import AccountRepo

__all__ = ["POST_COLLECTION", "PROFILE_COLLECTION", "Bluesky"]

PROFILE_COLLECTION = "app.bsky.actor.profile"


class Bluesky:
    """The Bluesky (AT Protocol) implementation of the `Platform` contract (and of `Deletable`)."""

    name = PlatformName.BLUESKY
    capabilities = CAPABILITIES[PlatformName.BLUESKY]

    def __init__(self, *, timeout: float = 20.0, fetch_policy: FetchPolicy | None = None) -> None:
        self._timeout = timeout
        # How every user-named address is called: the PDS, its DID document's PDS and link-card pages.
        # The default refuses private addresses.
        self._policy = fetch_policy or FetchPolicy()

    def validate(self, content: PostContent) -> list[Violation]:
        """Every Bluesky rule the content breaks: text length (300 graphemes, 3,000 UTF-8 bytes), media,
        options (langs, quoted and replied-to posts) and each thread part."""
        return (
            text_violations(content.text)
            + media_violations(content.media)
            + options_violations(content.options)
            + thread_violations(content.thread)
        )

    async def connect(self, handle: str, app_password: str, service_url: str) -> ConnectedAccount:
        """Log in once with an app password and return the account with its session credentials.

        Raises `AuthExpired("BAD_CREDENTIALS")` when the PDS refuses the handle or password,
        `Permanent("ADDRESS_NOT_ALLOWED")` when the service URL (or the PDS its DID document names)
        is not a public address, and `Transient` when the PDS cannot be reached.
        """
        from atproto_client.client.session import Session

        from integrations.platforms.bluesky_repo import open_client

        async with open_client(service_url, self._timeout, self._policy) as client:
            try:
                # The PDS alone does not serve app.bsky profiles, so the profile is read from the repo.
                await client.login(handle, app_password, fetch_bsky_profile=False)
                session = Session.decode(client.export_session_string())
                # The SDK now calls the PDS the DID document names: the policy checks it here, once,
                # rather than at the first publish.
                display_name = await _display_name(client, session.did)
            except XRPC_ERRORS as exc:
                raise login_failure(exc) from exc
        credentials = {
            "service": service_url,
            "did": session.did,
            "handle": session.handle,
            "app_password": app_password,
            "session": session.encode(),
        }
        return ConnectedAccount(
            external_id=session.did, handle=session.handle, display_name=display_name, credentials=credentials
        )

    async def publish(
        self,
        account: AccountSession,
        content: PostContent,
        idempotency_key: str,
        checkpoint: Checkpoint | None = None,
    ) -> Published:
        """Create the post (and each thread part as a reply) under keys derived from `idempotency_key`.

        A repeat with the same key returns what the first call created instead of a second post; with
        the `checkpoint` of an earlier attempt, it resumes where that attempt stopped.
        """
        from integrations.platforms.bluesky_repo import open_repo

        async with open_repo(account, self._timeout, self._policy) as repo:
            await repo.ensure_fresh()
            refs = await publish_chain(repo, content, idempotency_key, Progress(checkpoint), self._policy)
        return _published(account, refs)

    async def find_published(
        self, account: AccountSession, content: PostContent, idempotency_key: str
    ) -> Published | None:
        """The post created under this key, None when the PDS says there is none.

        A thread counts as published only once its last part exists (parts are created in order);
        before that, `publish` resumes it. Raises `OutcomeUnknown` when the PDS cannot be asked.
        """
        from integrations.platforms.bluesky_repo import open_repo

        last = len(content.thread)
        async with open_repo(account, self._timeout, self._policy) as repo:
            try:
                found = await repo.get_post(record_key(idempotency_key, last))
                if found is None:
                    return None
                refs = [found[0]]
                if last:
                    refs = [await _part(repo, idempotency_key, part) for part in range(last + 1)]
            except XRPC_ERRORS as exc:
                raise OutcomeUnknown(
                    "OUTCOME_UNKNOWN", "Bluesky could not be asked whether this post was published."
                ) from exc
        return _published(account, refs)

    async def delete(self, account: AccountSession, published_ids: Sequence[str]) -> None:
        """Delete the posts at these at:// URIs from the account's repo, the last part first.

        A post already gone is no error. Raises a classified `PublishFailure` when the PDS refuses.
        """
        from integrations.platforms.bluesky_repo import open_repo

        async with open_repo(account, self._timeout, self._policy) as repo:
            await repo.ensure_fresh()
            for uri in reversed(published_ids):
                did, _, rkey = uri.removeprefix("at://").partition(f"/{POST_COLLECTION}/")
                if did != repo.did or not rkey:
                    raise Permanent("NOT_THIS_ACCOUNT", f"{uri} is not a post of @{account.handle}.")
                await repo.delete_post(rkey)


# --- responses -------------------------------------------------------------------------------------------


async def _part(repo: AccountRepo, idempotency_key: str, part: int) -> PostRef:
    """A part of a thread whose last part exists; a part deleted since is referred to by its key."""
    rkey = record_key(idempotency_key, part)
    found = await repo.get_post(rkey)
    return found[0] if found else PostRef(f"at://{repo.did}/{POST_COLLECTION}/{rkey}", "")


def _published(account: AccountSession, refs: Sequence[PostRef]) -> Published:
    """Where the target lives: its first post (the root of a thread), with every part's URI."""
    root = refs[0]
    published_at = None
    if root.created_at:
        with contextlib.suppress(ValueError):
            published_at = datetime.fromisoformat(root.created_at)
    return Published(
        external_id=root.uri,
        url=f"https://bsky.app/profile/{account.handle}/post/{root.rkey}",
        published_at=published_at,
        part_ids=tuple(ref.uri for ref in refs) if len(refs) > 1 else (),
    )


async def _display_name(client: AsyncClient, did: str) -> str | None:
    from atproto_client import models

    params = models.ComAtprotoRepoGetRecord.Params(repo=did, collection=PROFILE_COLLECTION, rkey="self")
    try:
        profile = await client.com.atproto.repo.get_record(params)
    except FetchRefused:
        raise
    except XRPC_ERRORS:
        return None  # a missing profile only costs the display name
    name = getattr(profile.value, "display_name", None)
    return name if isinstance(name, str) and name else None
