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
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

import httpx

from integrations.platforms import limits
from integrations.platforms.base import (
    AccountSession,
    AuthExpired,
    Checkpoint,
    ConnectedAccount,
    InvalidContent,
    OutcomeUnknown,
    PostContent,
    Published,
    PublishFailure,
    RateLimited,
    Violation,
)
from integrations.platforms.instagram_comments import add_first_comment, comment_violations, first_comment_of
from integrations.platforms.instagram_media import (
    InstagramKind,
    item_form,
    kind_of,
    media_violations,
    post_form,
)
from integrations.platforms.media_urls import MediaUrlCheck
from integrations.platforms.meta_containers import Containers, ContainerStatus
from integrations.platforms.meta_graph import GraphClient, find_recent, parse_time
from integrations.platforms.meta_login import MetaLogin, MetaLoginConfig
from integrations.platforms.meta_quota import Quota
from integrations.platforms.oauth import INSIGHTS_SCOPES
from integrations.platforms.reconcile import same_caption, window_start
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


class Instagram:
    """The Instagram implementation of the `Platform` and `OAuthConnector` contracts."""

    name = PlatformName.INSTAGRAM
    uses_pkce = True

    def __init__(
        self,
        config: MetaLoginConfig,
        http: httpx.AsyncClient,
        *,
        media_urls: MediaUrlCheck | None = None,
        poll_interval: float = 60.0,
        poll_timeout: float = 300.0,
    ) -> None:
        graph_url = f"{config.graph_url.rstrip('/')}/{config.version}"
        self.graph = GraphClient(http, graph_url, label=LABEL, usage_limit=config.usage_limit)
        self.login = MetaLogin(config, self.graph)
        self.media_urls = media_urls or MediaUrlCheck()
        self.containers = Containers(
            self.graph, "status_code", poll_interval, poll_timeout, error_field="status"
        )

    # --- connecting ------------------------------------------------------------------------------------

    @property
    def configured(self) -> bool:
        """Whether META_APP_ID and META_APP_SECRET are set."""
        return self.login.configured

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

    async def refresh(self, credentials: Mapping[str, Any]) -> dict[str, Any]:
        """Calls use the Page token, which does not expire: there is nothing to refresh."""
        return {**credentials, "refresh_at": None}

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
        """Publish through a container, resuming the one an earlier attempt left in the checkpoint; then
        add the first comment."""
        token, ig_user = _credentials(account)
        kind = kind_of(content.options)
        if not content.media or kind is None:
            raise InvalidContent(MEDIA_REQUIRED.code, MEDIA_REQUIRED.message)  # validate refused these
        container_id, status = await self.containers.reusable(checkpoint, token)
        if status is ContainerStatus.PUBLISHED:
            return await self._published_earlier(account, content, idempotency_key)
        await self._quota(ig_user).check(token)
        if container_id is None:
            container_id = await self._prepare(ig_user, token, content, kind, checkpoint)
        if await self.containers.wait(container_id, token) is ContainerStatus.PUBLISHED:
            return await self._published_earlier(account, content, idempotency_key)
        answer = await self.graph.post(
            f"{ig_user}/media_publish", token, {"creation_id": container_id}, publishing=True
        )
        media_id = answer.get("id")
        if not isinstance(media_id, str | int) or not str(media_id):
            raise OutcomeUnknown("OUTCOME_UNKNOWN", "Instagram answered the publish call without a media id.")
        published = await self._published(account, token, {"id": str(media_id)})
        return await self._with_comment(published, account, token, content, look_first=False)

    async def find_published(
        self, account: AccountSession, content: PostContent, idempotency_key: str
    ) -> Published | None:
        """The account's media with this caption since the target was written (see `reconcile`); for a
        Story, the only story published since (Stories have no caption: several leave it unknown). A
        post found this way gets its first comment if it does not have it yet."""
        token, ig_user = _credentials(account)
        since = window_start(idempotency_key)
        try:
            if kind_of(content.options) is InstagramKind.STORY:
                found = await self._only_story_since(ig_user, token, since)
            else:
                found = await find_recent(
                    self.graph,
                    f"{ig_user}/media",
                    token,
                    fields=_MEDIA_FIELDS,
                    since=since,
                    matches=lambda item: same_caption(item.get("caption"), content.text),
                    time_field="timestamp",
                )
        except (AuthExpired, RateLimited, OutcomeUnknown):
            raise
        except PublishFailure as exc:
            raise OutcomeUnknown("OUTCOME_UNKNOWN", f"Instagram could not be asked ({exc.message}).") from exc
        if found is None:
            return None
        published = await self._published(account, token, found)
        return await self._with_comment(published, account, token, content, look_first=True)

    # --- internals -------------------------------------------------------------------------------------

    async def _prepare(
        self,
        ig_user: str,
        token: str,
        content: PostContent,
        kind: InstagramKind,
        checkpoint: Checkpoint | None,
    ) -> str:
        """The container to publish (a carousel's items first), each recorded in the checkpoint."""
        for item in content.media:
            await self.media_urls.ensure_public(item.url)
        items: list[str] = []
        if kind is InstagramKind.FEED and len(content.media) > 1:
            makers = [self._maker(ig_user, token, item_form(m)) for m in content.media]
            items = await self.containers.create_items(checkpoint, token, makers)
        form = post_form(kind, content.text, content.media, items)
        return await self.containers.create(checkpoint, self._maker(ig_user, token, form))

    def _maker(self, ig_user: str, token: str, form: Mapping[str, str]) -> Callable[[], Awaitable[str]]:
        async def make() -> str:
            answer = await self.graph.post(f"{ig_user}/media", token, form)
            container_id = answer.get("id")
            if not isinstance(container_id, str | int) or not str(container_id):
                raise OutcomeUnknown("OUTCOME_UNKNOWN", "Instagram answered without a container id.")
            return str(container_id)

        return make

    def _quota(self, ig_user: str) -> Quota:
        return Quota(
            self.graph, f"{ig_user}/content_publishing_limit", f"{ig_user}/media", "Instagram account"
        )

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

    async def _published_earlier(
        self, account: AccountSession, content: PostContent, idempotency_key: str
    ) -> Published:
        found = await self.find_published(account, content, idempotency_key)
        if found is not None:
            return found
        raise OutcomeUnknown(
            "PUBLISHED_NOT_FOUND",
            "Instagram says an earlier attempt published this post, but it is not among the account's posts "
            "yet; Herald will look again.",
        )


def _credentials(account: AccountSession) -> tuple[str, str]:
    token = account.credentials.get("access_token")
    ig_user = account.credentials.get("ig_user_id") or account.external_id
    if not token:
        raise AuthExpired("TOKEN_MISSING", "This Instagram account has no stored login; reconnect it.")
    return str(token), str(ig_user)
