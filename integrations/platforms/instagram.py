"""Instagram (Business and Creator accounts): connect the accounts linked to a user's Facebook Pages.

Follows the Instagram Platform documentation for "Instagram API with Facebook Login": the Instagram
account of a Page is `instagram_business_account` on `GET /me/accounts`, and calls on it use the Page's
token (which does not expire, see `meta_login`). Publishing is a container flow (`POST /{ig-user}/media`,
`status_code`, `POST /{ig-user}/media_publish`) that needs an image or a video at a public URL.
Instagram publishes nothing without media, and Herald does not yet hand networks a public URL of its
media: so a post for Instagram is refused when it is written (`MEDIA_REQUIRED` without media,
`MEDIA_NOT_SUPPORTED_YET` with it), never queued to fail later.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
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
    PlatformName,
    PostContent,
    Published,
    PublishFailure,
    RateLimited,
    Violation,
)
from integrations.platforms.meta_graph import GraphClient, find_recent, parse_time
from integrations.platforms.meta_login import MetaLogin, MetaLoginConfig
from integrations.platforms.reconcile import same_text, window_start

SCOPES = (
    "instagram_basic",
    "instagram_content_publish",
    "pages_show_list",
    "pages_read_engagement",
    "business_management",
)
MAX_CAROUSEL_ITEMS = 10
LABEL = "Instagram"
MEDIA_REQUIRED = Violation(
    "MEDIA_REQUIRED",
    "Instagram posts need a photo or a video; attach one (Instagram cannot publish text alone).",
    ("mediaIds",),
)


# Instagram's container flow needs a public URL of each file; until Herald hands the networks one, posts
# with media are refused when they are written, never queued to fail.
MEDIA_NOT_SUPPORTED = Violation(
    "MEDIA_NOT_SUPPORTED_YET",
    "Herald cannot publish photos or videos to Instagram yet.",
    ("mediaIds",),
)


class InstagramKind(enum.StrEnum):
    """Where on Instagram a post goes."""

    FEED = "FEED"
    REEL = "REEL"
    STORY = "STORY"


class Instagram:
    """The Instagram implementation of the `Platform` and `OAuthConnector` contracts."""

    name = PlatformName.INSTAGRAM
    uses_pkce = True

    def __init__(self, config: MetaLoginConfig, http: httpx.AsyncClient) -> None:
        graph_url = f"{config.graph_url.rstrip('/')}/{config.version}"
        self.graph = GraphClient(http, graph_url, label=LABEL, usage_limit=config.usage_limit)
        self.login = MetaLogin(config, self.graph)

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
        """One account per Instagram professional account linked to a granted Page."""
        accounts = []
        for page in await self.login.pages(code, redirect_uri, code_verifier):
            linked = page.get("instagram_business_account")
            if not isinstance(linked, dict) or not linked.get("id"):
                continue
            ig_id = str(linked["id"])
            accounts.append(
                ConnectedAccount(
                    external_id=ig_id,
                    handle=str(linked.get("username") or ig_id),
                    display_name=linked.get("name") if isinstance(linked.get("name"), str) else None,
                    credentials={
                        "access_token": page["access_token"],
                        "ig_user_id": ig_id,
                        "page_id": str(page.get("id", "")),
                        "expires_at": None,
                        "refresh_at": None,
                    },
                )
            )
        return accounts

    async def refresh(self, credentials: Mapping[str, Any]) -> dict[str, Any]:
        """Calls use the Page token, which does not expire: there is nothing to refresh."""
        return {**credentials, "refresh_at": None}

    # --- publishing ------------------------------------------------------------------------------------

    def validate(self, content: PostContent) -> list[Violation]:
        """The caption's limits and a known `instagramKind`; and media, which Instagram cannot do without
        and Herald cannot send it yet: so, for now, every Instagram post is refused with a reason."""
        found = limits.text_violations(PlatformName.INSTAGRAM, content.text, "text")
        kind = content.options.get("instagram_kind")
        if kind is not None and kind not in set(InstagramKind):
            found.append(Violation("INVALID_OPTION", "instagramKind is FEED, REEL or STORY.", ("options",)))
        found.append(MEDIA_NOT_SUPPORTED if content.media else MEDIA_REQUIRED)
        return found

    async def publish(
        self,
        account: AccountSession,
        content: PostContent,
        idempotency_key: str,
        checkpoint: Checkpoint | None = None,
    ) -> Published:
        """Never reached through `validate`; a target stored before that rule fails with its reason."""
        _credentials(account)
        refused = MEDIA_NOT_SUPPORTED if content.media else MEDIA_REQUIRED
        raise InvalidContent(refused.code, refused.message)

    async def find_published(
        self, account: AccountSession, content: PostContent, idempotency_key: str
    ) -> Published | None:
        """The account's media with this caption since the target was written (see `reconcile`)."""
        token, ig_user = _credentials(account)
        try:
            found = await find_recent(
                self.graph,
                f"{ig_user}/media",
                token,
                fields="id,caption,timestamp,permalink",
                since=window_start(idempotency_key),
                matches=lambda item: same_text(item.get("caption"), content.text),
                time_field="timestamp",
            )
        except (AuthExpired, RateLimited, OutcomeUnknown):
            raise
        except PublishFailure as exc:
            raise OutcomeUnknown("OUTCOME_UNKNOWN", f"Instagram could not be asked ({exc.message}).") from exc
        if found is None:
            return None
        url = found.get("permalink")
        return Published(
            external_id=str(found["id"]),
            url=url if isinstance(url, str) and url else f"https://www.instagram.com/{account.handle}/",
            published_at=parse_time(found.get("timestamp")),
        )


def _credentials(account: AccountSession) -> tuple[str, str]:
    token = account.credentials.get("access_token")
    ig_user = account.credentials.get("ig_user_id") or account.external_id
    if not token:
        raise AuthExpired("TOKEN_MISSING", "This Instagram account has no stored login; reconnect it.")
    return str(token), str(ig_user)
