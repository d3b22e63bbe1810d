"""The three root types, each composed of one class per domain.

A new domain adds its own `...Query` / `...Mutation` / `...Subscription` class in its schema module and
lists it among the bases here; nothing else in the schema needs to change.
"""

from __future__ import annotations

import strawberry

from schema.mutation import CoreMutation
from schema.query import CoreQuery
from schema.subscriptions import PostSubscription


@strawberry.type(description="Everything Herald lets a signed-in user read.")
class Query(CoreQuery):
    pass


@strawberry.type(description="Everything Herald lets a user change.")
class Mutation(CoreMutation):
    pass


@strawberry.type(description="Live updates over graphql-transport-ws or graphql-ws.")
class Subscription(PostSubscription):
    pass
