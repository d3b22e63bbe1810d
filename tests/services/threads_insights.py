"""The read side of the local Threads API (see `threads_server`, which mixes this in): the insights of a
profile's posts and of the profile, following Meta's Threads "Insights" page.

`GET /{v}/{media}/insights?metric=views,likes,replies,reposts,quotes` answers the post's lifetime values,
as a test set them (`set_metrics(post_id, views=120, likes=7)`); `GET /{v}/{user}/threads_insights?
metric=followers_count` answers `ThreadsUser.followers`, once set, as a `total_value` (shapes in
`meta_wire`). Both need `threads_manage_insights` among the token's permissions (error 10 when the user
`declines` it); a post the token's owner does not have (never made, or deleted) is error 100/33.

Endpoint names: threads_insights (a post's), user_insights (the profile's).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response

from tests.services.fake_network import NetworkServer
from tests.services.meta_wire import insights, missing, param

if TYPE_CHECKING:
    from tests.services.threads_server import ThreadsUser

INSIGHTS_PERMISSION = "threads_manage_insights"
INSIGHTS_ENDPOINTS = {"insights": "threads_insights", "threads_insights": "user_insights"}


class ThreadsInsights(NetworkServer):
    """Answers insights for `ThreadsServer`, whose tokens' permissions (`scopes`) it reads."""

    scopes: dict[str, list[str]]  # token -> the permissions it carries

    async def insights_of(
        self, endpoint: str, user: ThreadsUser, node: str, request: Request, form: dict[str, str]
    ) -> Response:
        """The insights of `node` (a post of `user`, or `user`) for a request made with `user`'s token."""
        granted = INSIGHTS_PERMISSION in self.scopes.get(param(request, form, "access_token") or "", [])
        if endpoint == "user_insights" and node == user.id:
            followers = {"followers_count": user.followers}
            return await self.answer(
                endpoint, lambda: insights(request, node, followers, granted=granted, total=True)
            )
        if endpoint == "threads_insights" and any(post["id"] == node for post in user.posts):
            values = self.metrics.get(node, {})
            return await self.answer(endpoint, lambda: insights(request, node, values, granted=granted))
        return self.decorate(missing())
