"""The three root types, each composed of one class per domain.

A new domain adds its own `...Query` / `...Mutation` / `...Subscription` class in its schema module and
lists it among the bases here; nothing else in the schema needs to change.
"""

from __future__ import annotations

import strawberry

from schema.analytics import AnalyticsMutation, AnalyticsQuery, AnalyticsSubscription
from schema.captions import AiMutation, AiQuery, CaptionSubscription
from schema.media import MediaQuery
from schema.media_mutations import MediaMutation
from schema.mutation import CoreMutation
from schema.oauth import OAuthMutation, OAuthQuery
from schema.passwords import PasswordMutation
from schema.platforms import PlatformQuery
from schema.post_mutations import PostQuery
from schema.post_target_mutations import PostTargetMutation
from schema.query import CoreQuery
from schema.sessions import SessionMutation, SessionQuery
from schema.subscriptions import PostSubscription


@strawberry.type(description="Everything Herald lets a signed-in user read.")
class Query(
    CoreQuery, PostQuery, AiQuery, MediaQuery, AnalyticsQuery, SessionQuery, OAuthQuery, PlatformQuery
):
    pass


@strawberry.type(description="Everything Herald lets a user change.")
class Mutation(
    CoreMutation,
    AiMutation,
    MediaMutation,
    OAuthMutation,
    PostTargetMutation,
    AnalyticsMutation,
    SessionMutation,
    PasswordMutation,
):
    pass


@strawberry.type(description="Live updates over graphql-transport-ws or graphql-ws.")
class Subscription(PostSubscription, CaptionSubscription, AnalyticsSubscription):
    pass
