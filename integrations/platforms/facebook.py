"""Facebook Pages: connect the Pages a user manages (Facebook Login) and publish text, link, photo and
video posts.

Follows the Pages API documentation: "Posts" (`POST /{page-id}/feed` with `message` and `link`, answered
`{"id": "<page>_<post>"}`; `GET /{page-id}/published_posts`), "Photos" and "Videos" (see
`facebook_media`), "Page Access Tokens", and the Graph API's "Rate Limiting" (usage headers) and
"Handling Errors" pages.

A publish is one call (a multi-photo post: unpublished photos first, recorded in the checkpoint, then
one call); a preflight read of the Page first makes a dead token or a throttled app fail before the
write, where the answer is unambiguous. Facebook fetches photos and videos from their URL, so each URL
is checked to be public first (see `media_urls`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

import httpx

from integrations.platforms import facebook_media, limits
from integrations.platforms.base import (
    AccountSession,
    Checkpoint,
    ConnectedAccount,
    OutcomeUnknown,
    PostContent,
    Published,
    PublishFailure,
    Violation,
)
from integrations.platforms.capabilities import CAPABILITIES
from integrations.platforms.meta_base import MetaConfig, MetaPlatform
from integrations.platforms.meta_graph import parse_time
from integrations.platforms.meta_login import MetaLogin
from integrations.platforms.oauth import INSIGHTS_SCOPES
from models.platform import MediaKind, PlatformName

SCOPES = (
    "pages_show_list",
    "pages_read_engagement",
    "pages_manage_posts",
    INSIGHTS_SCOPES[PlatformName.FACEBOOK],
)
# A Page task that allows publishing; Pages the user can only moderate or analyse are left out.
PUBLISHING_TASK = "CREATE_CONTENT"
LABEL = "Facebook"


class Facebook(MetaPlatform):
    """The Facebook Pages implementation of the `Platform` and `OAuthConnector` contracts."""

    name = PlatformName.FACEBOOK
    capabilities = CAPABILITIES[PlatformName.FACEBOOK]
    label = LABEL
    owner_key = "page_id"
    owner_noun = "Facebook Page"

    def __init__(self, config: MetaConfig, http: httpx.AsyncClient) -> None:
        super().__init__(config, http)
        self.login = MetaLogin(config, self.graph)

    # --- connecting ------------------------------------------------------------------------------------

    def authorization_url(self, state: str, redirect_uri: str, code_challenge: str | None) -> str:
        """The Facebook Login dialog asking to publish on the user's Pages."""
        return self.login.authorization_url(SCOPES, state, redirect_uri, code_challenge)

    async def exchange(
        self, code: str, redirect_uri: str, code_verifier: str | None
    ) -> Sequence[ConnectedAccount]:
        """One account per Page the user granted and may publish on."""
        grant = await self.login.grant(code, redirect_uri, code_verifier)
        return [
            ConnectedAccount(
                external_id=str(page["id"]),
                handle=str(page.get("username") or page.get("name") or page["id"]),
                display_name=page.get("name") if isinstance(page.get("name"), str) else None,
                credentials={
                    "access_token": page["access_token"],
                    "page_id": str(page["id"]),
                    "expires_at": None,
                    "refresh_at": None,
                },
                scopes=grant.scopes,
            )
            for page in grant.pages
            if "tasks" not in page or PUBLISHING_TASK in (page.get("tasks") or [])
        ]

    # --- publishing ------------------------------------------------------------------------------------

    def validate(self, content: PostContent) -> list[Violation]:
        """The text limit, a `link` option that is an http(s) address, and media Facebook takes (photos
        or one video, never with a link; at a public address)."""
        found = limits.text_violations(PlatformName.FACEBOOK, content.text, "text")
        link = content.options.get("link")
        if content.media:
            found += facebook_media.media_violations(content.media, link)
            if (unreachable := self.media_urls.configured_violation()) is not None:
                found.append(unreachable)
        elif link is not None and not _is_web_link(link):
            found.append(Violation("INVALID_LINK", "Give the link as https://…", ("options", "link")))
        return found

    async def publish(
        self,
        account: AccountSession,
        content: PostContent,
        idempotency_key: str,
        checkpoint: Checkpoint | None = None,
    ) -> Published:
        """Post the message (with its link) to the Page's feed, or its photos or video."""
        token, page_id = self._credentials(account)
        await self.graph.get(page_id, token, {"fields": "id"})
        for item in content.media:
            await self.media_urls.ensure_public(item.url)
        post_id = await self._post(page_id, token, content, checkpoint)
        try:
            found = await self.graph.get(post_id, token, {"fields": "id,permalink_url,created_time"})
        except PublishFailure:
            found = {}  # the post is out; its permalink is a nicety
        return _as_published({**found, "id": post_id})

    async def find_published(
        self, account: AccountSession, content: PostContent, idempotency_key: str
    ) -> Published | None:
        """The Page's post with this message since the target was written (see `reconcile`)."""
        found = await self._find(
            account,
            content,
            idempotency_key,
            edge="published_posts",
            fields="id,message,created_time,permalink_url",
            text_field="message",
            time_field="created_time",
        )
        return _as_published(found) if found is not None else None

    async def _post(
        self, page_id: str, token: str, content: PostContent, checkpoint: Checkpoint | None
    ) -> str:
        """The one publishing call; the id of what it published (a video's id for a video)."""
        media, text = content.media, content.text
        if media and media[0].kind is MediaKind.VIDEO:
            form = facebook_media.video_form(media[0], text)
            answer = await self.graph.post(f"{page_id}/videos", token, form, publishing=True)
        elif len(media) == 1:
            form = facebook_media.photo_form(media[0], text, published=True)
            answer = await self.graph.post(f"{page_id}/photos", token, form, publishing=True)
        elif media:
            photos = await facebook_media.unpublished_photos(self.graph, page_id, token, media, checkpoint)
            form = facebook_media.feed_form(text, photos)
            answer = await self.graph.post(f"{page_id}/feed", token, form, publishing=True)
        else:
            form = {"message": text}
            if link := content.options.get("link"):
                form["link"] = str(link)
            answer = await self.graph.post(f"{page_id}/feed", token, form, publishing=True)
        post_id = answer.get("post_id") or answer.get("id")
        if not isinstance(post_id, str | int) or not str(post_id):
            raise OutcomeUnknown("OUTCOME_UNKNOWN", "Facebook answered the post without its id.")
        return str(post_id)


def _is_web_link(value: object) -> bool:
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _as_published(item: Mapping[str, Any]) -> Published:
    post_id = str(item["id"])
    url = item.get("permalink_url")
    if isinstance(url, str) and url.startswith("/"):
        url = f"https://www.facebook.com{url}"  # video permalinks come relative
    return Published(
        external_id=post_id,
        url=url if isinstance(url, str) and url else f"https://www.facebook.com/{post_id}",
        published_at=parse_time(item.get("created_time")),
    )
