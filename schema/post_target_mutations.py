"""Mutations on one target that left Herald's hands: `postTargetDelete`, `postTargetResolve`."""

from __future__ import annotations

import strawberry

from app.context import Info
from models.target_state import Outcome
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


strawberry.enum(Outcome, name="PostTargetOutcome", description="What a person found on the network.")


@strawberry.input(description="What happened to an UNCONFIRMED target, as someone who checked says.")
class PostTargetResolveInput:
    outcome: Outcome
    external_url: str | None = strawberry.field(
        default=None, description="With PUBLISHED: the link to the post on the network (http or https)."
    )


@strawberry.type(description="A reason postTargetResolve refused; nothing was changed.")
class PostTargetResolveError(UserError):
    code: PostCode = error_codes("PostTargetResolveErrorCode", "Why postTargetResolve refused.", PostCode)


@strawberry.type(description="The result of postTargetResolve.")
class PostTargetResolvePayload:
    target: PostTarget | None = strawberry.field(description="The target, PUBLISHED or FAILED now.")
    user_errors: list[PostTargetResolveError]


async def post_target_resolve(
    info: Info, id: strawberry.ID, input: PostTargetResolveInput
) -> PostTargetResolvePayload:
    target, errors = await attempt(
        use_cases.post_target_resolve(
            info.context.services,
            signed_in(info),
            parse_id_of("PostTarget", id),
            input.outcome,
            input.external_url,
        )
    )
    return PostTargetResolvePayload(
        target=PostTarget.from_model(target) if target else None,
        user_errors=typed_errors(PostTargetResolveError, errors),
    )


@strawberry.type
class PostTargetMutation:
    """Acting on what one target published."""

    post_target_delete = strawberry.mutation(
        resolver=post_target_delete,
        description="Remove a published post (every part of its thread) from its network (needs EDITOR); "
        "the target stays PUBLISHED with deletedAt set. Bluesky only, for now.",
    )
    post_target_resolve = strawberry.mutation(
        resolver=post_target_resolve,
        description="Settle an UNCONFIRMED target after checking the network (needs EDITOR): PUBLISHED "
        "(published now, with its link if given) or FAILED (it may then be retried). Publishes a status "
        "event like any other change.",
    )
