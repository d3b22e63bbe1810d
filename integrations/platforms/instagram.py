"""Instagram (Business and Creator accounts): connect the accounts linked to a user's Facebook Pages, and
publish photos, carousels, Reels and Stories to them.

Follows the Instagram Platform documentation for "Instagram API with Facebook Login": the Instagram
account of a Page is `instagram_business_account` on `GET /me/accounts`, and calls on it use the Page's
token (which does not expire, see `meta_login`). Publishing ("Content Publishing") is a container flow:
`POST /{ig-user}/media` (see `instagram_media` for what each kind sends), poll the container's
`status_code`, then `POST /{ig-user}/media_publish` with `creation_id`; the container ids are the
checkpoint (see `meta_containers`). Before anything is created:

- the publishing limit is read (`GET /{ig-user}/content_publishing_limit`, `config.quota_total` and
  `quota_usage`, see `meta_quota`): an exhausted quota reschedules the target for a free slot;
- every media URL is checked to be public, as Instagram fetches each file from it (see `media_urls`).

Instagram publishes nothing without media: a text-only post is refused when it is written
(`MEDIA_REQUIRED`). After publishing, a `firstComment` is added (see `instagram_comments`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import httpx

from integrations.platforms import limits
from integrations.platforms.base import (
    AccountSession,
    Checkpoint,
    ConnectedAccount,
    InvalidContent,
    OutcomeUnknown,
    PostContent,
    Published,
    PublishFailure,
    Violation,
)
from integrations.platforms.capabilities import CAPABILITIES
from integrations.platforms.instagram_comments import add_first_comment, comment_violations, first_comment_of
from integrations.platforms.instagram_media import (
    InstagramKind,
    item_form,
    kind_of,
    media_violations,
    post_form,
)
from integrations.platforms.meta_base import ContainerPublishing, Form, MetaConfig
from integrations.platforms.meta_graph import parse_time
from integrations.platforms.meta_login import MetaLogin
from integrations.platforms.oauth import INSIGHTS_SCOPES
from integrations.platforms.reconcile import looking, window_start
from models.platform import PlatformName

__all__ = ["Instagram", "InstagramKind"]

SCOPES = (
    "instagram_basic",
    "instagram_content_publish",
    INSIGHTS_SCOPES[PlatformName.INSTAGRAM],
    "pages_show_list",
    "pages_read_engagement",
    "business_management",
)
LABEL = "Instagram"
MEDIA_REQUIRED = Violation(
    "MEDIA_REQUIRED",
    "Instagram posts need a photo or a video; attach one (Instagram cannot publish text alone).",
    ("mediaIds",),
)
_MEDIA_FIELDS = "id,caption,timestamp,permalink"
# What an Instagram user (`GET /{ig-user}`) is shown by.
PROFILE_FIELDS = "id,username,name"


class Instagram(ContainerPublishing):
    """The Instagram implementation of the `Platform` and `OAuthConnector` contracts."""

    name = PlatformName.INSTAGRAM
    capabilities = CAPABILITIES[PlatformName.INSTAGRAM]
    label = LABEL
    owner_key = "ig_user_id"
    owner_noun = "Instagram account"
    status_field, error_field = "status_code", "status"
    container_edge, publish_edge, quota_edge = "media", "media_publish", "content_publishing_limit"

    def __init__(self, config: MetaConfig, http: httpx.AsyncClient) -> None:
        super().__init__(config, http)
        self.login = MetaLogin(config, self.graph)

    # --- connecting ------------------------------------------------------------------------------------

    def authorization_url(self, state: str, redirect_uri: str, code_challenge: str | None) -> str:
        """The Facebook Login dialog asking to publish on the Instagram accounts of the user's Pages."""
        return self.login.authorization_url(SCOPES, state, redirect_uri, code_challenge)

    async def exchange(
        self, code: str, redirect_uri: str, code_verifier: str | None
    ) -> Sequence[ConnectedAccount]:
        """One account per Instagram professional account linked to a granted Page, named by its
        username (read from the Instagram user: the Page listing may give only its id)."""
        grant = await self.login.grant(code, redirect_uri, code_verifier)
        accounts = []
        for page in grant.pages:
            linked = page.get("instagram_business_account")
            if not isinstance(linked, dict) or not linked.get("id"):
                continue
            ig_id, token = str(linked["id"]), str(page["access_token"])
            profile = await self.graph.get(ig_id, token, {"fields": PROFILE_FIELDS})
            name = profile.get("name") or linked.get("name")
            accounts.append(
                ConnectedAccount(
                    external_id=ig_id,
                    handle=str(profile.get("username") or linked.get("username") or ig_id),
                    display_name=name if isinstance(name, str) else None,
                    credentials={
                        "access_token": token,
                        "ig_user_id": ig_id,
                        "page_id": str(page.get("id", "")),
                        "expires_at": None,
                        "refresh_at": None,
                    },
                    scopes=grant.scopes,
                )
            )
        return accounts

    # --- publishing ------------------------------------------------------------------------------------

    def validate(self, content: PostContent) -> list[Violation]:
        """The caption's limits, a known `instagramKind` and the media it needs (a photo or a carousel
        for FEED, one video for REEL, one file for STORY), and a first comment that fits."""
        found = limits.text_violations(PlatformName.INSTAGRAM, content.text, "text")
        kind = kind_of(content.options)
        if kind is None:
            message = "instagramKind is FEED, REEL or STORY."
            found.append(Violation("INVALID_OPTION", message, ("options", "instagramKind")))
        if not content.media:
            found.append(MEDIA_REQUIRED)
        elif kind is not None:
            found += media_violations(kind, content.media)
            if (unreachable := self.media_urls.configured_violation()) is not None:
                found.append(unreachable)
        return found + comment_violations(content.options, kind)

    async def publish(
        self,
        account: AccountSession,
        content: PostContent,
        idempotency_key: str,
        checkpoint: Checkpoint | None = None,
    ) -> Published:
        """Publish through a container (see `ContainerPublishing`), then add the first comment."""
        if not content.media or kind_of(content.options) is None:
            raise InvalidContent(MEDIA_REQUIRED.code, MEDIA_REQUIRED.message)  # validate refused these
        return await super().publish(account, content, idempotency_key, checkpoint)

    async def find_published(
        self, account: AccountSession, content: PostContent, idempotency_key: str
    ) -> Published | None:
        """The account's media with this caption since the target was written (see `reconcile`); for a
        Story, the only story published since (Stories have no caption: several leave it unknown). A
        post found this way gets its first comment if it does not have it yet."""
        if kind_of(content.options) is InstagramKind.STORY:
            token, ig_user = self._credentials(account)
            with looking(LABEL):
                found = await self._only_story_since(ig_user, token, window_start(idempotency_key))
        else:
            found = await self._find(
                account,
                content,
                idempotency_key,
                edge="media",
                fields=_MEDIA_FIELDS,
                text_field="caption",
                time_field="timestamp",
            )
        if found is None:
            return None
        token, _ = self._credentials(account)
        published = await self._published(account, token, found)
        return await self._with_comment(published, account, token, content, look_first=True)

    # --- internals -------------------------------------------------------------------------------------

    def _item_forms(self, content: PostContent) -> Sequence[Form]:
        if kind_of(content.options) is not InstagramKind.FEED or len(content.media) < 2:
            return []
        return [item_form(m) for m in content.media]

    def _post_form(self, content: PostContent, items: Sequence[str]) -> Form:
        kind = kind_of(content.options)
        assert kind is not None  # publish refused an unknown kind
        return post_form(kind, content.text, content.media, items)

    async def _after_publish(
        self, account: AccountSession, token: str, media_id: str, content: PostContent
    ) -> Published:
        published = await self._published(account, token, {"id": media_id})
        return await self._with_comment(published, account, token, content, look_first=False)

    async def _only_story_since(self, ig_user: str, token: str, since: datetime) -> dict[str, Any] | None:
        # The stories edge lists the account's live stories (the last 24 hours), newest first.
        answer = await self.graph.get(f"{ig_user}/stories", token, {"fields": "id,timestamp,permalink"})
        items = [item for item in answer.get("data") or [] if isinstance(item, dict)]
        recent = [item for item in items if (parse_time(item.get("timestamp")) or since) > since]
        if len(recent) > 1:
            raise OutcomeUnknown(
                "STORY_NOT_IDENTIFIED",
                "Several stories were published since this one was written, and stories have no caption to "
                "tell them apart; check the account, then retry or cancel.",
            )
        return recent[0] if recent else None

    async def _published(self, account: AccountSession, token: str, item: Mapping[str, Any]) -> Published:
        media_id = str(item["id"])
        if not item.get("permalink"):
            # The post is out: failing to read its permalink must not turn success into a failure.
            with contextlib.suppress(PublishFailure):
                item = {**await self.graph.get(media_id, token, {"fields": _MEDIA_FIELDS}), "id": media_id}
        url = item.get("permalink")
        return Published(
            external_id=media_id,
            url=url if isinstance(url, str) and url else f"https://www.instagram.com/{account.handle}/",
            published_at=parse_time(item.get("timestamp")),
        )

    async def _with_comment(
        self,
        published: Published,
        account: AccountSession,
        token: str,
        content: PostContent,
        *,
        look_first: bool,
    ) -> Published:
        comment = first_comment_of(content.options)
        if comment is None:
            return published
        warnings = await add_first_comment(
            self.graph, token, published.external_id, comment, handle=account.handle, look_first=look_first
        )
        return Published(published.external_id, published.url, published.published_at, warnings)
