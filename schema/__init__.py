"""The GraphQL surface: types, inputs, payloads and the Schema object."""

from __future__ import annotations

from collections.abc import Callable

import strawberry
import structlog
from graphql import GraphQLError
from strawberry.extensions import (
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)

from app.settings import Settings
from schema.root import Mutation, Query, Subscription

log = structlog.get_logger(__name__)


def _is_unexpected(error: GraphQLError) -> bool:
    # Our own GraphQLErrors (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT...) and validation errors carry
    # no original exception: they are meant for the client. Anything else is a bug and is masked.
    unexpected = error.original_error is not None and not isinstance(error.original_error, GraphQLError)
    if unexpected:
        log.error("graphql.unexpected_error", path=error.path, exc_info=error.original_error)
    return unexpected


def build_schema(settings: Settings) -> strawberry.Schema:
    """The schema with its limits and caches; unexpected errors are masked outside development."""
    # One cache each for the whole process (a fresh cache per request would never hit).
    parser_cache, validation_cache = ParserCache(maxsize=512), ValidationCache(maxsize=512)
    extensions: list[Callable[[], SchemaExtension]] = [
        lambda: QueryDepthLimiter(max_depth=settings.graphql_max_depth),
        lambda: MaxTokensLimiter(max_token_count=settings.graphql_max_tokens),
        lambda: MaxAliasesLimiter(max_alias_count=settings.graphql_max_aliases),
        lambda: parser_cache,
        lambda: validation_cache,
    ]
    if settings.masks_errors:
        extensions.append(lambda: MaskErrors(should_mask_error=_is_unexpected))
    return strawberry.Schema(query=Query, mutation=Mutation, subscription=Subscription, extensions=extensions)


schema = build_schema(Settings(environment="production"))  # for the SDL export (`make schema`)
