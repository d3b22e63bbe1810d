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

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

import structlog

from integrations.platforms import limits, threads_media
from integrations.platforms.base import (
    AccountSession,
    ConnectedAccount,
    PostContent,
    Published,
    PublishFailure,
    Violation,
)
from integrations.platforms.capabilities import CAPABILITIES
from integrations.platforms.meta_base import ContainerPublishing, Form, MetaConfig
from integrations.platforms.meta_graph import parse_time
from integrations.platforms.oauth import INSIGHTS_SCOPES, expiry_fields, require_token
from models.platform import PlatformName

log = structlog.get_logger(__name__)

SCOPES = ("threads_basic", "threads_content_publish", INSIGHTS_SCOPES[PlatformName.THREADS])
# Long-lived tokens last 60 days and can be refreshed once they are a day old: refresh a week ahead.
TOKEN_LIFETIME = timedelta(days=60)
REFRESH_BEFORE = timedelta(days=7)
MIN_REFRESH_AGE = timedelta(hours=24)
LABEL = "Threads"


class Threads(ContainerPublishing):
    """The Threads implementation of the `Platform` and `OAuthConnector` contracts; built with a
    `MetaConfig` whose `dialog_url` is Threads' authorization window."""

    name = PlatformName.THREADS
    capabilities = CAPABILITIES[PlatformName.THREADS]
    label = LABEL
    owner_key = "user_id"
    owner_noun = "Threads profile"
    uses_pkce = False
    status_field, error_field = "status", "error_message"
    container_edge, publish_edge, quota_edge = "threads", "threads_publish", "threads_publishing_limit"

    # --- connecting ------------------------------------------------------------------------------------

    def authorization_url(self, state: str, redirect_uri: str, code_challenge: str | None) -> str:
        """Threads' authorization window for the publishing scopes."""
        query = {
            "client_id": self.config.app.client_id,
            "redirect_uri": redirect_uri,
            "scope": ",".join(SCOPES),
            "response_type": "code",
            "state": state,
        }
        return f"{self.config.dialog_url}?{urlencode(query)}"

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
            if (unreachable := self.media_urls.configured_violation()) is not None:
                found.append(unreachable)
        return found

    async def find_published(
        self, account: AccountSession, content: PostContent, idempotency_key: str
    ) -> Published | None:
        """The post among the profile's posts since the target was written (see `reconcile`)."""
        found = await self._find(
            account,
            content,
            idempotency_key,
            edge="threads",
            fields="id,text,timestamp,permalink",
            text_field="text",
            time_field="timestamp",
        )
        return _as_published(account, found) if found is not None else None

    # --- internals -------------------------------------------------------------------------------------

    def _graph_base(self, config: MetaConfig) -> str:
        # Token calls (`oauth/access_token`, `access_token`, `refresh_access_token`) are not versioned.
        return config.graph_url

    def _path(self, path: str) -> str:
        return f"{self.config.version}/{path}"

    def _item_forms(self, content: PostContent) -> Sequence[Form]:
        if len(content.media) < 2:
            return []
        return [threads_media.item_form(m, carousel_item=True) for m in content.media]

    def _post_form(self, content: PostContent, items: Sequence[str]) -> Form:
        return threads_media.post_form(content.text, content.media, items)

    async def _after_publish(
        self, account: AccountSession, token: str, media_id: str, content: PostContent
    ) -> Published:
        # The post is out: failing to read its permalink must not turn success into a failure.
        try:
            found = await self.graph.get(self._path(media_id), token, {"fields": "id,permalink,timestamp"})
        except PublishFailure:
            found = {"id": media_id}
        return _as_published(account, {**found, "id": media_id})


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
