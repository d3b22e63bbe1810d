"""Facebook Login, shared by Facebook Pages and Instagram: a code becomes Page tokens.

Follows Meta's "Manually Build a Login Flow" (the `dialog/oauth` window, `GET /oauth/access_token` with
the code), "OIDC Code Flow with PKCE" (`code_challenge` / `code_verifier`), "Long-Lived Access Tokens"
(`grant_type=fb_exchange_token`), the Pages API's "Page Access Tokens" (`GET /me/accounts`) and "Permissions"
(`GET /me/permissions`: the user may untick permissions in the dialog, so what was granted is read back).

The short-lived user token (about an hour) is swapped for a long-lived one (60 days) before the Pages are
listed, because Page tokens obtained with a long-lived user token do not expire: the accounts Herald keeps
need no refreshing, and only a revoked token (error 190) asks for a reconnection.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from integrations.platforms.meta_graph import GraphClient
from integrations.platforms.oauth import require_token

if TYPE_CHECKING:
    from integrations.platforms.meta_base import MetaConfig

# Pages and their linked Instagram accounts; `tasks` says what the user may do on each Page.
PAGE_FIELDS = "id,name,username,access_token,tasks,instagram_business_account{id,username,name}"
# More Pages than this under one login is unusual; the rest would need a second look.
MAX_PAGE_LISTINGS = 10


@dataclass(frozen=True, slots=True)
class Grant:
    """What a login gave: the Pages (each with its Page token) and the permissions granted."""

    pages: list[dict[str, Any]]
    scopes: tuple[str, ...]


class MetaLogin:
    """The parts of Facebook Login both Meta networks use."""

    def __init__(self, config: MetaConfig, graph: GraphClient) -> None:
        self.config = config
        self.graph = graph

    @property
    def configured(self) -> bool:
        """Whether META_APP_ID and META_APP_SECRET are set."""
        return self.config.app.configured

    def authorization_url(
        self, scopes: Sequence[str], state: str, redirect_uri: str, code_challenge: str | None
    ) -> str:
        """The Login dialog asking for `scopes`, with a PKCE challenge when one is given."""
        query = {
            "client_id": self.config.app.client_id,
            "redirect_uri": redirect_uri,
            "state": state,
            "scope": ",".join(scopes),
            "response_type": "code",
        }
        if code_challenge:
            query |= {"code_challenge": code_challenge, "code_challenge_method": "S256"}
        return f"{self.config.dialog_url.rstrip('/')}/{self.config.version}/dialog/oauth?{urlencode(query)}"

    async def grant(self, code: str, redirect_uri: str, code_verifier: str | None) -> Grant:
        """Every Page the user granted, each with its own (non-expiring) Page token, and the permissions."""
        user_token = await self._long_lived(await self._user_token(code, redirect_uri, code_verifier))
        return Grant(pages=await self._pages(user_token), scopes=await self._granted(user_token))

    async def _granted(self, user_token: str) -> tuple[str, ...]:
        answer = await self.graph.get("me/permissions", user_token, {"limit": 100})
        return tuple(
            str(item["permission"])
            for item in answer.get("data") or []
            if isinstance(item, dict) and item.get("status") == "granted" and item.get("permission")
        )

    async def _pages(self, user_token: str) -> list[dict[str, Any]]:
        listing = await self.graph.get("me/accounts", user_token, {"fields": PAGE_FIELDS, "limit": 100})
        pages: list[dict[str, Any]] = []
        for _ in range(MAX_PAGE_LISTINGS):
            pages += [p for p in listing.get("data") or [] if isinstance(p, dict) and p.get("access_token")]
            following = (listing.get("paging") or {}).get("next")
            if not isinstance(following, str):
                break
            listing = await self.graph.get_page(following)
        return pages

    async def _user_token(self, code: str, redirect_uri: str, code_verifier: str | None) -> str:
        app = self.config.app
        params = {
            "client_id": app.client_id,
            "client_secret": app.client_secret,
            "redirect_uri": redirect_uri,
            "code": code,
        }
        if code_verifier:
            params["code_verifier"] = code_verifier
        answer = await self.graph.get("oauth/access_token", None, params)
        return require_token(answer.get("access_token"), "Facebook")

    async def _long_lived(self, token: str) -> str:
        app = self.config.app
        answer = await self.graph.get(
            "oauth/access_token",
            None,
            {
                "grant_type": "fb_exchange_token",
                "client_id": app.client_id,
                "client_secret": app.client_secret,
                "fb_exchange_token": token,
            },
        )
        return require_token(answer.get("access_token"), "Facebook")
