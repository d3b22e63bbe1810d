"""Mutations on one published target: `postTargetDelete`."""

from __future__ import annotations

import strawberry

from app.context import Info
from resolvers import post_targets as use_cases
from schema.common import UserError, attempt, error_codes, signed_in, typed_errors
from schema.post_mutations import PostCode
from schema.posts import PostTarget
from schema.relay import parse_id_of


@strawberry.type(description="A reason postTargetDelete refused.")
class PostTargetDeleteError(UserError):
    code: PostCode = error_codes(
        "PostTargetDeleteErrorCode",
        "Why postTargetDelete refused; the post is still on its network.",
        PostCode,
    )


@strawberry.type(description="The result of postTargetDelete.")
class PostTargetDeletePayload:
    target: PostTarget | None = strawberry.field(description="The target, with deletedAt set.")
    user_errors: list[PostTargetDeleteError]


async def post_target_delete(info: Info, id: strawberry.ID) -> PostTargetDeletePayload:
    target, errors = await attempt(
        use_cases.post_target_delete(info.context.services, signed_in(info), parse_id_of("PostTarget", id))
    )
    return PostTargetDeletePayload(
        target=PostTarget.from_model(target) if target else None,
        user_errors=typed_errors(PostTargetDeleteError, errors),
    )


@strawberry.type
class PostTargetMutation:
    """Acting on what one target published."""

    post_target_delete = strawberry.mutation(
        resolver=post_target_delete,
        description="Remove a published post (every part of its thread) from its network (needs EDITOR); "
        "the target stays PUBLISHED with deletedAt set. Bluesky only, for now.",
    )
