"""Threads: connect a profile with Threads' own OAuth, keep its 60-day token alive, publish text, image,
video and carousel posts.

Follows Meta's Threads API documentation: "Get Access Tokens and Permissions" (authorization window,
`POST /oauth/access_token`), "Long-Lived Tokens" (`GET /access_token?grant_type=th_exchange_token`,
`GET /refresh_access_token?grant_type=th_refresh_token`, only for tokens at least 24 hours old), "Posts"
(`POST /{user}/threads` then `POST /{user}/threads_publish`), "Troubleshooting" (container status) and
the rate-limit overview (`GET /{user}/threads_publishing_limit`).

Publishing is a container flow (see `meta_containers`, and `threads_media` for photos and videos): the
publishing quota is read first (`meta_quota`), so an exhausted quota sends the target back to the
schedule for when the window frees a slot instead of failing it. Media URLs are checked to be public
before any container is made (`media_urls`). Threads documents no PKCE, so the connection relies on the
state and the app secret.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

import httpx
import structlog

from integrations.platforms import limits, threads_media
from integrations.platforms.base import (
    AccountSession,
    AuthExpired,
    Checkpoint,
    ConnectedAccount,
    OutcomeUnknown,
    PostContent,
    Published,
    PublishFailure,
    RateLimited,
    Violation,
)
from integrations.platforms.media_urls import MediaUrlCheck
from integrations.platforms.meta_containers import Containers, ContainerStatus
from integrations.platforms.meta_graph import GraphClient, find_recent, parse_time
from integrations.platforms.meta_quota import Quota
from integrations.platforms.oauth import INSIGHTS_SCOPES, OAuthApp, expiry_fields, require_token
from integrations.platforms.reconcile import same_caption, window_start
from models.platform import PlatformName

log = structlog.get_logger(__name__)

SCOPES = ("threads_basic", "threads_content_publish", INSIGHTS_SCOPES[PlatformName.THREADS])
# Long-lived tokens last 60 days and can be refreshed once they are a day old: refresh a week ahead.
TOKEN_LIFETIME = timedelta(days=60)
REFRESH_BEFORE = timedelta(days=7)
MIN_REFRESH_AGE = timedelta(hours=24)
MAX_CAROUSEL_ITEMS = threads_media.MAX_CAROUSEL_ITEMS
LABEL = "Threads"


@dataclass(frozen=True, slots=True)
class ThreadsConfig:
    """Where Threads lives (settings, so tests can point it at a local server) and how to poll."""

    app: OAuthApp
    authorize_url: str = "https://threads.net/oauth/authorize"
    graph_url: str = "https://graph.threads.net"
    version: str = "v1.0"
    poll_interval: float = 60.0
    poll_timeout: float = 300.0
    usage_limit: float = 90.0
    media_urls: MediaUrlCheck = field(default_factory=MediaUrlCheck)


class Threads:
    """The Threads implementation of the `Platform` and `OAuthConnector` contracts."""

    name = PlatformName.THREADS
    uses_pkce = False

    def __init__(self, config: ThreadsConfig, http: httpx.AsyncClient) -> None:
        self.config = config
        self.graph = GraphClient(http, config.graph_url, label=LABEL, usage_limit=config.usage_limit)
        self.containers = Containers(
            self.graph, "status", config.poll_interval, config.poll_timeout, prefix=f"{config.version}/"
        )

    # --- connecting ------------------------------------------------------------------------------------

    @property
    def configured(self) -> bool:
        """Whether THREADS_APP_ID and THREADS_APP_SECRET are set."""
        return self.config.app.configured

    def authorization_url(self, state: str, redirect_uri: str, code_challenge: str | None) -> str:
        """Threads' authorization window for the publishing scopes."""
        query = {
            "client_id": self.config.app.client_id,
            "redirect_uri": redirect_uri,
            "scope": ",".join(SCOPES),
            "response_type": "code",
            "state": state,
        }
        return f"{self.config.authorize_url}?{urlencode(query)}"

    async def exchange(
        self, code: str, redirect_uri: str, code_verifier: str | None
    ) -> Sequence[ConnectedAccount]:
        """The code for a short-lived token, that for a 60-day one, and the profile it belongs to."""
        app = self.config.app
        short = await self.graph.post(
            "oauth/access_token",
            None,
            {
                "client_id": app.client_id,
                "client_secret": app.client_secret,
                "grant_type": "authorization_code",
                "redirect_uri": redirect_uri,
                "code": code,
            },
        )
        long = await self.graph.get(
            "access_token",
            require_token(short.get("access_token"), LABEL),
            {"grant_type": "th_exchange_token", "client_secret": app.client_secret},
        )
        token = require_token(long.get("access_token"), LABEL)
        me = await self.graph.get(self._path("me"), token, {"fields": "id,username,name"})
        user_id = str(me.get("id") or short.get("user_id") or "")
        credentials = {"access_token": token, "user_id": user_id, **_expiry(long)}
        handle = str(me.get("username") or user_id)
        name = me.get("name") if isinstance(me.get("name"), str) else None
        account = ConnectedAccount(
            external_id=user_id,
            handle=handle,
            display_name=name,
            credentials=credentials,
            scopes=await self._granted(token),
        )
        return [account]

    async def _granted(self, token: str) -> tuple[str, ...]:
        """The permissions the token carries ("Debug Access Token": a token may inspect itself)."""
        try:
            answer = await self.graph.get(self._path("debug_token"), token, {"input_token": token})
        except PublishFailure as failure:
            # The window has no per-permission choice: what was asked was granted, the app's review
            # permitting. Only an app whose insights permission is not approved is told too much.
            log.warning("threads.debug_token.failed", code=failure.code)
            return SCOPES
        scopes = (answer.get("data") or {}).get("scopes") if isinstance(answer.get("data"), dict) else None
        if not isinstance(scopes, list):
            return SCOPES
        return tuple(str(scope) for scope in scopes)

    async def refresh(self, credentials: Mapping[str, Any]) -> dict[str, Any]:
        """A new 60-day token for a token at least a day old (an empty answer is never stored)."""
        answer = await self.graph.get(
            "refresh_access_token",
            str(credentials.get("access_token", "")),
            {"grant_type": "th_refresh_token"},
        )
        return {
            **credentials,
            "access_token": require_token(answer.get("access_token"), LABEL),
            **_expiry(answer),
        }

    # --- publishing ------------------------------------------------------------------------------------

    def validate(self, content: PostContent) -> list[Violation]:
        """Threads' text rules (500 characters counted Meta's way, at most 5 links) and media rules
        (JPEG or PNG photos, MP4 or MOV videos, at most 20 in a carousel; a public media address)."""
        found = limits.text_violations(PlatformName.THREADS, content.text, "text")
        if content.media:
            found += threads_media.media_violations(content.media)
            if (unreachable := self.config.media_urls.configured_violation()) is not None:
                found.append(unreachable)
        return found

    async def publish(
        self,
        account: AccountSession,
        content: PostContent,
        idempotency_key: str,
        checkpoint: Checkpoint | None = None,
    ) -> Published:
        """Publish through a container, resuming the one an earlier attempt left in the checkpoint."""
        token, user_id = _credentials(account)
        container_id, status = await self.containers.reusable(checkpoint, token)
        if status is ContainerStatus.PUBLISHED:
            return await self._published_earlier(account, content, idempotency_key)
        await self._quota(user_id).check(token)
        if container_id is None:
            container_id = await self._prepare(user_id, token, content, checkpoint)
        if await self.containers.wait(container_id, token) is ContainerStatus.PUBLISHED:
            return await self._published_earlier(account, content, idempotency_key)
        answer = await self.graph.post(
            self._path(f"{user_id}/threads_publish"), token, {"creation_id": container_id}, publishing=True
        )
        media_id = answer.get("id")
        if not isinstance(media_id, str | int) or not str(media_id):
            raise OutcomeUnknown("OUTCOME_UNKNOWN", "Threads answered the publish call without a post id.")
        return await self._published(account, token, str(media_id))

    async def find_published(
        self, account: AccountSession, content: PostContent, idempotency_key: str
    ) -> Published | None:
        """The post among the profile's posts since the target was written (see `reconcile`)."""
        token, user_id = _credentials(account)
        try:
            found = await find_recent(
                self.graph,
                self._path(f"{user_id}/threads"),
                token,
                fields="id,text,timestamp,permalink",
                since=window_start(idempotency_key),
                matches=lambda item: same_caption(item.get("text"), content.text),
                time_field="timestamp",
            )
        except (AuthExpired, RateLimited, OutcomeUnknown):
            raise
        except PublishFailure as exc:
            raise OutcomeUnknown("OUTCOME_UNKNOWN", f"Threads could not be asked ({exc.message}).") from exc
        if found is None:
            return None
        return _as_published(account, found)

    # --- internals -------------------------------------------------------------------------------------

    def _path(self, path: str) -> str:
        return f"{self.config.version}/{path}"

    async def _prepare(
        self, user_id: str, token: str, content: PostContent, checkpoint: Checkpoint | None
    ) -> str:
        """The container to publish (a carousel's items first), each recorded in the checkpoint."""
        for item in content.media:
            await self.config.media_urls.ensure_public(item.url)
        items: list[str] = []
        if len(content.media) > 1:
            makers = [
                self._maker(user_id, token, threads_media.item_form(m, carousel_item=True))
                for m in content.media
            ]
            items = await self.containers.create_items(checkpoint, token, makers)
        form = threads_media.post_form(content.text, content.media, items)
        return await self.containers.create(checkpoint, self._maker(user_id, token, form))

    def _maker(self, user_id: str, token: str, form: Mapping[str, str]) -> Callable[[], Awaitable[str]]:
        async def make() -> str:
            answer = await self.graph.post(self._path(f"{user_id}/threads"), token, form)
            container_id = answer.get("id")
            if not isinstance(container_id, str | int) or not str(container_id):
                raise OutcomeUnknown("OUTCOME_UNKNOWN", "Threads answered without a container id.")
            return str(container_id)

        return make

    def _quota(self, user_id: str) -> Quota:
        return Quota(
            self.graph,
            self._path(f"{user_id}/threads_publishing_limit"),
            self._path(f"{user_id}/threads"),
            "Threads profile",
        )

    async def _published(self, account: AccountSession, token: str, media_id: str) -> Published:
        # The post is out: failing to read its permalink must not turn success into a failure.
        try:
            found = await self.graph.get(self._path(media_id), token, {"fields": "id,permalink,timestamp"})
        except PublishFailure:
            found = {"id": media_id}
        return _as_published(account, {**found, "id": media_id})

    async def _published_earlier(
        self, account: AccountSession, content: PostContent, idempotency_key: str
    ) -> Published:
        found = await self.find_published(account, content, idempotency_key)
        if found is not None:
            return found
        raise OutcomeUnknown(
            "PUBLISHED_NOT_FOUND",
            "Threads says an earlier attempt published this post, but it is not among the profile's posts "
            "yet; Herald will look again.",
        )


def _credentials(account: AccountSession) -> tuple[str, str]:
    token, user_id = account.credentials.get("access_token"), account.credentials.get("user_id")
    if not token or not user_id:
        raise AuthExpired("TOKEN_MISSING", "This Threads account has no stored login; reconnect it.")
    return str(token), str(user_id)


def _expiry(answer: Mapping[str, Any]) -> dict[str, str | None]:
    lifetime = answer.get("expires_in") or TOKEN_LIFETIME.total_seconds()
    return expiry_fields(datetime.now(UTC), lifetime, REFRESH_BEFORE, min_age=MIN_REFRESH_AGE)


def _as_published(account: AccountSession, item: Mapping[str, Any]) -> Published:
    permalink = item.get("permalink")
    return Published(
        external_id=str(item["id"]),
        url=permalink
        if isinstance(permalink, str) and permalink
        else f"https://www.threads.net/@{account.handle}",
        published_at=parse_time(item.get("timestamp")),
    )
