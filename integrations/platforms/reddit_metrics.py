"""Reddit metrics: a submission's score, upvotes, upvote ratio, comments and crossposts; the account's
followers.

Follows Reddit's API documentation: `GET /api/info?id=t3_...` answers a Listing of the things asked for
(`{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {"score", "ups", "upvote_ratio",
"num_comments", "num_crossposts", "view_count"}}]}}`; an id Reddit does not know is simply not among the
children), and `GET /user/{name}/about` (a `t2` thing, `{"kind": "t2", "data": {"name", "subreddit":
{"subscribers"}}}`), whose profile subreddit's subscribers are the user's followers.
Reddit reports no likes: its upvotes (`ups`) stand for them, `score` is upvotes minus downvotes, and
`view_count` is null for nearly everyone.

Reddit's limit (100 requests a minute) belongs to the app, shared by every account, so analytics gets a
network-wide `Budget` below it and publishing keeps the rest. Calls reuse the Reddit module's HTTP
client, User-Agent and token refresh; a 429 is `RateLimited` until Reddit's reset.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from integrations.platforms.base import AccountSession, AuthExpired, Published
from integrations.platforms.metrics import AccountMetrics, Budget, Metrics, PostGone
from integrations.platforms.oauth import token_times
from integrations.platforms.reddit import Reddit
from integrations.platforms.reddit_api import api_failure, json_body, send, user_agent
from models.platform import PlatformName

# Refresh a token this close to its expiry before using it.
EXPIRY_MARGIN = timedelta(minutes=1)


class RedditMetrics:
    """The Reddit implementation of `MetricsSource`."""

    name = PlatformName.REDDIT

    def __init__(self, reddit: Reddit, budget: Budget) -> None:
        self.reddit = reddit
        self.budget: Budget | None = budget

    async def fetch_metrics(self, account: AccountSession, published: Published) -> Metrics:
        """The submission's numbers from `/api/info`."""
        body = await self._get(account, "api/info", {"id": published.external_id, "raw_json": "1"})
        children = (body.get("data") or {}).get("children") if isinstance(body.get("data"), dict) else None
        things = [c.get("data") for c in children or [] if isinstance(c, dict)]
        post = next((t for t in things if isinstance(t, dict)), None)
        if post is None:
            raise PostGone("POST_NOT_FOUND", "The post is no longer on Reddit.")
        ratio = post.get("upvote_ratio")
        return Metrics(
            likes=_int(post.get("ups")),
            replies=_int(post.get("num_comments")),
            reposts=_int(post.get("num_crossposts")),
            views=_int(post.get("view_count")),
            score=_int(post.get("score")),
            upvote_ratio=float(ratio)
            if isinstance(ratio, int | float) and not isinstance(ratio, bool)
            else None,
        )

    async def fetch_account_metrics(self, account: AccountSession) -> AccountMetrics:
        """Followers: the subscribers of the user's profile subreddit."""
        name = str(account.credentials.get("username") or account.handle)
        body = await self._get(account, f"user/{name}/about", {"raw_json": "1"})
        data = body.get("data")
        profile = data.get("subreddit") if isinstance(data, dict) else None
        return AccountMetrics(
            followers=_int(profile.get("subscribers")) if isinstance(profile, dict) else None
        )

    # --- internals ------------------------------------------------------------------------------------

    async def _get(self, account: AccountSession, path: str, params: Mapping[str, str]) -> dict[str, Any]:
        """A GET with a live access token: refreshed first when expired, and once more on a 401."""
        credentials = dict(account.credentials)
        expires_at, _ = token_times(credentials)
        if expires_at is None or expires_at - EXPIRY_MARGIN <= datetime.now(UTC):
            credentials = await self._renew(account, credentials)
        response = await self._call(credentials, path, params)
        if response.status_code == 401:
            credentials = await self._renew(account, credentials)
            response = await self._call(credentials, path, params)
        if response.status_code == 401:
            raise AuthExpired("TOKEN_EXPIRED", "Reddit no longer accepts this login; reconnect the account.")
        body = json_body(response)
        if response.status_code != 200 or not isinstance(body, dict):
            raise api_failure(response, publishing=False)
        return body

    async def _renew(self, account: AccountSession, credentials: dict[str, Any]) -> dict[str, Any]:
        renewed = await self.reddit.refresh(credentials)
        await account.save(renewed)
        return renewed

    async def _call(
        self, credentials: Mapping[str, Any], path: str, params: Mapping[str, str]
    ) -> httpx.Response:
        config = self.reddit.config
        name = config.developer or str(credentials.get("username") or "") or "herald"
        return await send(
            self.reddit.http,
            "GET",
            f"{config.api_url.rstrip('/')}/{path}",
            agent=user_agent(config.app.client_id, config.version, name),
            headers={"Authorization": f"bearer {credentials.get('access_token', '')}"},
            params=dict(params),
        )


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
