"""The GraphQL surface: types, inputs, payloads and the Schema object."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import strawberry
import structlog
from graphql import ASTValidationRule, GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.types import ExecutionContext

from app.settings import Environment, Settings
from schema.guards import AnonymousIntrospection, VariableStrings, expensive_fields_rule, string_literal_rule
from schema.root import Mutation, Query, Subscription

log = structlog.get_logger(__name__)

# graphql-core ends many messages with " Did you mean 'x', or 'y'?": a map of the schema for a stranger.
_SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


def _is_unexpected(error: GraphQLError) -> bool:
    # Our own GraphQLErrors (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT...) and validation errors carry
    # no original exception: they are meant for the client. Anything else is a bug and is masked.
    return error.original_error is not None and not isinstance(error.original_error, GraphQLError)


class _MaskUnexpected(MaskErrors):
    """Strawberry's masking, with a code clients (and the fuzz tests) can tell a bug by."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=_is_unexpected)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        masked = super().anonymise_error(error)
        masked.extensions = {"code": "INTERNAL_SERVER_ERROR"}
        return masked


class HeraldSchema(strawberry.Schema):
    """Strawberry's schema, logging errors by kind: what the client got wrong is one INFO line with its
    code; a bug is an ERROR with its traceback (and the request id the context bound)."""

    def __init__(self, *args: Any, hide_suggestions: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.hide_suggestions = hide_suggestions

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        for error in errors:
            if self.hide_suggestions:
                error.message = _SUGGESTION.sub("", error.message)
            if _is_unexpected(error):
                log.error("graphql.unexpected_error", path=error.path, exc_info=error.original_error)
            else:
                code = (error.extensions or {}).get("code", "GRAPHQL_VALIDATION_FAILED")
                # The message can echo what the client sent (a password in a literal, say): code only.
                log.info("graphql.error", code=code, path=error.path)


def build_schema(settings: Settings) -> strawberry.Schema:
    """The schema with its limits and caches; unexpected errors are masked outside development."""
    # One cache each for the whole process (a fresh cache per request would never hit); the rules are
    # made once too, since the validation cache is keyed by the rule classes.
    parser_cache, validation_cache = ParserCache(maxsize=512), ValidationCache(maxsize=512)
    rules: list[type[ASTValidationRule]] = [
        string_literal_rule(settings.graphql_max_string_length),
        expensive_fields_rule(settings.graphql_max_expensive_fields),
    ]
    extensions: list[Callable[[], SchemaExtension]] = [
        lambda: QueryDepthLimiter(max_depth=settings.graphql_max_depth),
        lambda: MaxTokensLimiter(max_token_count=settings.graphql_max_tokens),
        lambda: MaxAliasesLimiter(max_alias_count=settings.graphql_max_aliases),
        lambda: AddValidationRules(rules),
        lambda: VariableStrings(settings.graphql_max_string_length),
    ]
    if not settings.allows_anonymous_introspection:
        extensions.append(AnonymousIntrospection)
    extensions += [lambda: parser_cache, lambda: validation_cache]
    if settings.masks_errors:
        extensions.append(_MaskUnexpected)
    production = settings.environment == Environment.PRODUCTION
    return HeraldSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=extensions,
        config=strawberry.schema.config.StrawberryConfig(disable_field_suggestions=production),
        hide_suggestions=production,
    )


schema = build_schema(Settings(environment="production"))  # for the SDL export (`make schema`)
