"""The read side of the local Graph API (see `meta_graph_server`, which mixes this in): the numbers of
Page posts and Instagram media, following the Pages API ("Posts", "Insights") and Instagram's "Media
Insights".

A post's numbers are set by tests in the API's own names (`set_metrics(post_id, reactions=12, comments=4,
shares=0, post_impressions=300)`, `set_metrics(media_id, like_count=40, comments_count=3, reach=500)`) and
answered two ways. As fields of the node read, when `fields` asks for them: a Page post's `reactions` and
`comments` as `{"data": [], "summary": {"total_count"}}`, `shares` as `{"count"}` (left out when nobody
shared); an Instagram media's `like_count` (a number left unset is a count the owner hides) and
`comments_count`. As insights, `GET /{v}/{post or media}/insights?metric=...` (lifetime values, shapes in
`meta_wire`), for the Page token of the post's Page, when its owner granted `read_insights` (Pages) or
`instagram_manage_insights` (Instagram), error 10 otherwise. Endpoint name: insights.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response

from tests.services.fake_network import NetworkServer
from tests.services.meta_wire import insights, missing, param, token_error

if TYPE_CHECKING:
    from tests.services.instagram_graph import InstagramGraph
    from tests.services.meta_graph_server import MetaUser, Page

SUMMARIES = ("reactions", "comments")


class GraphInsights(NetworkServer):
    """Answers the numbers for `MetaGraphServer`, whose users, Pages and tokens it reads."""

    users: dict[str, MetaUser]
    pages: dict[str, Page]
    tokens: dict[str, tuple[str, str]]  # token -> (owner id, "short" | "long" | "page")
    instagram: InstagramGraph

    def counts(self, node: str, fields: list[str]) -> dict[str, Any]:
        """The numbers of post `node` among the `fields` asked for, as the Graph API writes them."""
        body: dict[str, Any] = {}
        for name, value in self.metrics.get(node, {}).items():
            if name not in fields or value is None:
                continue
            if name in SUMMARIES:
                body[name] = {"data": [], "summary": {"total_count": value}}
            elif name == "shares":
                if value:
                    body[name] = {"count": value}
            else:
                body[name] = value
        return body

    async def insights_of(self, request: Request, node: str) -> Response:
        """`GET /{node}/insights` of a Page post or an Instagram media."""
        recorded = await self.received("insights", request)
        found = self._page_of(node)
        if found is None:
            return self.decorate(missing())
        page, permission = found
        if self.tokens.get(param(request, recorded.form, "access_token") or "") != (page.id, "page"):
            return self.decorate(token_error())
        owner = next(user for user in self.users.values() if page in user.pages)
        granted = permission not in owner.declines
        values = self.metrics.get(node, {})
        return await self.answer("insights", lambda: insights(request, node, values, granted=granted))

    def _page_of(self, node: str) -> tuple[Page, str] | None:
        """The Page a post or media was made through, and the permission its insights need."""
        for page in self.pages.values():
            if any(post["id"] == node for post in page.posts):
                return page, "read_insights"
            media = self.instagram.media.get(node)
            if page.instagram and media is not None and media["owner"] == page.instagram["id"]:
                return page, "instagram_manage_insights"
        return None
