"""Threads, Instagram and Facebook Page metrics, read through Meta's Graph APIs.

Follows Meta's documentation: Threads "Insights" (`GET /{media-id}/insights?metric=views,likes,replies,
reposts,quotes`, `GET /{user-id}/threads_insights?metric=followers_count`), Instagram "Media Insights"
(`GET /{ig-media-id}?fields=like_count,comments_count`, `GET /{ig-media-id}/insights?metric=reach,saved,
shares,views`, `GET /{ig-user-id}?fields=followers_count`) and the Pages API ("Posts": `GET /{post-id}?
fields=shares,reactions.summary(total_count),comments.summary(total_count)`; "Insights": `GET /{post-id}/
insights?metric=...`; `GET /{page-id}?fields=followers_count`). Insights answer `{"data": [{"name",
"period", "values": [{"value"}]}]}`, or `"total_value": {"value"}` for account metrics.

The calls reuse each network module's HTTP client and host, through a Graph client of their own whose
usage guard is lower than publishing's (`analytics_usage_limit`): when Meta's usage headers show the
app near its limits, analytics waits first (`RateLimited`) and publishing keeps the headroom.

Insights need permissions of their own (`threads_manage_insights`, `instagram_manage_insights`,
`read_insights`): without them the insight metrics are "not reported" (None), the counts a post object
carries still are; Threads has nothing but insights, so there the reading is unavailable (None). A read of
the post itself refused as invalid content means the post is gone.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from integrations.platforms.base import AccountSession, AuthExpired, InvalidContent, Published
from integrations.platforms.facebook import Facebook
from integrations.platforms.instagram import Instagram
from integrations.platforms.meta_graph import GraphClient
from integrations.platforms.metrics import AccountMetrics, Budget, Metrics, PostGone
from integrations.platforms.threads import Threads
from models.platform import PlatformName

THREADS_POST_METRICS = "views,likes,replies,reposts,quotes"
INSTAGRAM_POST_FIELDS = "like_count,comments_count"
INSTAGRAM_POST_INSIGHTS = "reach,saved,shares,views"
FACEBOOK_POST_FIELDS = "shares,reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0)"
# Views (impressions) and reach (unique viewers) of a Page post.
FACEBOOK_POST_INSIGHTS = "post_impressions,post_impressions_unique"


def analytics_graph(graph: GraphClient, usage_limit: float) -> GraphClient:
    """A Graph client on the same HTTP client and host as `graph`, guarding at `usage_limit` percent."""
    return GraphClient(graph.http, graph.base_url, label=graph.label, usage_limit=usage_limit)


def insight_values(body: Mapping[str, Any]) -> dict[str, int]:
    """`{"data": [{"name", "values": [{"value"}] | "total_value": {"value"}}]}` as name → latest value."""
    found: dict[str, int] = {}
    for item in body.get("data") or []:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            continue
        total = item.get("total_value")
        values = item.get("values")
        value = total.get("value") if isinstance(total, dict) else None
        if value is None and isinstance(values, list) and values and isinstance(values[-1], dict):
            value = values[-1].get("value")
        if isinstance(value, int) and not isinstance(value, bool):
            found[item["name"]] = value
    return found


async def _optional(graph: GraphClient, path: str, token: str, params: Mapping[str, str]) -> dict[str, Any]:
    """An insights read whose refusal (a permission not granted, a metric this object lacks) only means
    "not reported"; a dead token or throttling still raise."""
    try:
        return await graph.get(path, token, params)
    except AuthExpired as exc:
        if exc.code != "PERMISSION_MISSING":
            raise
    except InvalidContent:
        pass
    return {}


async def _post(graph: GraphClient, path: str, token: str, params: Mapping[str, str]) -> dict[str, Any]:
    try:
        return await graph.get(path, token, params)
    except InvalidContent as exc:
        raise PostGone("POST_NOT_FOUND", f"The post is no longer on {graph.label}.") from exc


def _token(account: AccountSession, label: str) -> str:
    token = account.credentials.get("access_token")
    if not token:
        raise AuthExpired("TOKEN_MISSING", f"This {label} account has no stored login; reconnect it.")
    return str(token)


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _summary_count(body: Mapping[str, Any], edge: str) -> int | None:
    summary = (body.get(edge) or {}).get("summary") if isinstance(body.get(edge), dict) else None
    return _int(summary.get("total_count")) if isinstance(summary, dict) else None


class ThreadsMetrics:
    """Threads posts: views, likes, replies, reposts, quotes (insights only)."""

    name = PlatformName.THREADS
    budget: Budget | None = None

    def __init__(self, threads: Threads, usage_limit: float) -> None:
        self.graph = analytics_graph(threads.graph, usage_limit)
        self.version = threads.config.version

    async def fetch_metrics(self, account: AccountSession, published: Published) -> Metrics | None:
        """The post's insights; None without the insights permission."""
        token = _token(account, "Threads")
        path = f"{self.version}/{published.external_id}/insights"
        try:
            body = await self.graph.get(path, token, {"metric": THREADS_POST_METRICS})
        except AuthExpired as exc:
            if exc.code == "PERMISSION_MISSING":
                return None
            raise
        except InvalidContent as exc:
            raise PostGone("POST_NOT_FOUND", "The post is no longer on Threads.") from exc
        found = insight_values(body)
        return Metrics(
            views=found.get("views"),
            likes=found.get("likes"),
            replies=found.get("replies"),
            reposts=found.get("reposts"),
            quotes=found.get("quotes"),
        )

    async def fetch_account_metrics(self, account: AccountSession) -> AccountMetrics:
        """The profile's followers (`followers_count` insight)."""
        user_id = account.credentials.get("user_id") or account.external_id
        path = f"{self.version}/{user_id}/threads_insights"
        body = await _optional(self.graph, path, _token(account, "Threads"), {"metric": "followers_count"})
        return AccountMetrics(followers=insight_values(body).get("followers_count"))


class InstagramMetrics:
    """Instagram media: likes and comments of the media object; reach, saves, shares, views of insights."""

    name = PlatformName.INSTAGRAM
    budget: Budget | None = None

    def __init__(self, instagram: Instagram, usage_limit: float) -> None:
        self.graph = analytics_graph(instagram.graph, usage_limit)

    async def fetch_metrics(self, account: AccountSession, published: Published) -> Metrics:
        """Counts of the media object, with its insights when the permission allows."""
        token, media = _token(account, "Instagram"), published.external_id
        fields = await _post(self.graph, media, token, {"fields": INSTAGRAM_POST_FIELDS})
        found = insight_values(
            await _optional(self.graph, f"{media}/insights", token, {"metric": INSTAGRAM_POST_INSIGHTS})
        )
        return Metrics(
            likes=_int(fields.get("like_count")),  # absent when the owner hides like counts
            replies=_int(fields.get("comments_count")),
            reposts=found.get("shares"),
            saves=found.get("saved"),
            reach=found.get("reach"),
            views=found.get("views"),
        )

    async def fetch_account_metrics(self, account: AccountSession) -> AccountMetrics:
        """The professional account's `followers_count`, and its `username` (accounts connected before
        Herald read usernames are named by their id until then)."""
        ig_user = str(account.credentials.get("ig_user_id") or account.external_id)
        token = _token(account, "Instagram")
        body = await self.graph.get(ig_user, token, {"fields": "followers_count,username"})
        username = body.get("username")
        return AccountMetrics(
            followers=_int(body.get("followers_count")),
            handle=username if isinstance(username, str) and username else None,
        )


class FacebookMetrics:
    """Facebook Page posts: reactions, comments and shares, with impressions and reach from insights."""

    name = PlatformName.FACEBOOK
    budget: Budget | None = None

    def __init__(self, facebook: Facebook, usage_limit: float) -> None:
        self.graph = analytics_graph(facebook.graph, usage_limit)

    async def fetch_metrics(self, account: AccountSession, published: Published) -> Metrics:
        """Reactions count as likes, shares as reposts; views and reach when insights are allowed."""
        token, post = _token(account, "Facebook"), published.external_id
        fields = await _post(self.graph, post, token, {"fields": FACEBOOK_POST_FIELDS})
        found = insight_values(
            await _optional(self.graph, f"{post}/insights", token, {"metric": FACEBOOK_POST_INSIGHTS})
        )
        shares = fields.get("shares")
        return Metrics(
            likes=_summary_count(fields, "reactions"),
            replies=_summary_count(fields, "comments"),
            # Meta leaves `shares` out of a post nobody shared.
            reposts=_int(shares.get("count")) if isinstance(shares, dict) else 0,
            views=found.get("post_impressions"),
            reach=found.get("post_impressions_unique"),
        )

    async def fetch_account_metrics(self, account: AccountSession) -> AccountMetrics:
        """The Page's `followers_count`."""
        page = str(account.credentials.get("page_id") or account.external_id)
        body = await self.graph.get(page, _token(account, "Facebook"), {"fields": "followers_count"})
        return AccountMetrics(followers=_int(body.get("followers_count")))
