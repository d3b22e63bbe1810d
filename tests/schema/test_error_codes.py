"""Every code a use case can answer with reaches the API: the GraphQL error-code enums are generated from
the domains' `StrEnum`s, and the codes that arrive as strings from outside the use cases (network rules,
upload checks, the model) are members of the domain enum they are turned into. Fast: no services."""

from __future__ import annotations

import ast
from enum import StrEnum
from pathlib import Path
from types import UnionType
from typing import get_args, get_type_hints

import pytest
import strawberry
from graphql import GraphQLEnumType, GraphQLNonNull, GraphQLObjectType
from strawberry.types.base import StrawberryObjectDefinition

from integrations.gemini import AiFailure
from resolvers.codes import AccessErrorCode, AiErrorCode, AttachmentErrorCode, MediaErrorCode, PostErrorCode
from resolvers.media_check import REJECTION_CODES
from schema import schema
from schema.common import UserError, error_codes

PLATFORMS = Path(__file__).parents[2] / "integrations" / "platforms"


def missing_codes(built: strawberry.Schema, error_type: str) -> set[str]:
    """The codes the error type's annotation allows that its GraphQL enum cannot say."""
    definition = built.get_type_by_name(error_type)
    assert isinstance(definition, StrawberryObjectDefinition)
    annotation = get_type_hints(definition.origin)["code"]
    domains: tuple[type[StrEnum], ...] = (
        get_args(annotation) if isinstance(annotation, UnionType) else (annotation,)
    )
    graphql = built._schema.get_type(error_type)
    assert isinstance(graphql, GraphQLObjectType)
    code_type = graphql.fields["code"].type
    enum = code_type.of_type if isinstance(code_type, GraphQLNonNull) else code_type
    assert isinstance(enum, GraphQLEnumType)
    return {code.value for domain in domains for code in domain} - set(enum.values)


ERROR_TYPES = sorted(
    name
    for name, graphql_type in schema._schema.type_map.items()
    if isinstance(graphql_type, GraphQLObjectType)
    and any(interface.name == "UserError" for interface in graphql_type.interfaces)
)


def test_every_mutation_error_type_is_checked() -> None:
    assert len(ERROR_TYPES) >= 27


@pytest.mark.parametrize("error_type", ERROR_TYPES)
def test_the_api_can_say_every_code_of_the_domains_an_error_type_answers_for(error_type: str) -> None:
    assert missing_codes(schema, error_type) == set()


@strawberry.type(
    description="An error type whose enum was built from fewer domains than its code comes from."
)
class NarrowError(UserError):
    code: AttachmentErrorCode | AccessErrorCode = error_codes(
        "NarrowErrorCode", "Built from one domain only.", AttachmentErrorCode
    )


@strawberry.type
class NarrowQuery:
    @strawberry.field
    def errors(self) -> list[NarrowError]:
        return []


def test_a_code_missing_from_a_graphql_enum_is_caught() -> None:
    narrow = strawberry.Schema(query=NarrowQuery)
    assert missing_codes(narrow, "NarrowError") == {code.value for code in AccessErrorCode}


def test_upload_rejections_are_media_codes() -> None:
    assert set(REJECTION_CODES) <= set(MediaErrorCode)


def _subclasses(cls: type[AiFailure]) -> list[type[AiFailure]]:
    return [cls] + [sub for child in cls.__subclasses__() for sub in _subclasses(child)]


def test_model_failures_are_ai_codes() -> None:
    assert {failure.code for failure in _subclasses(AiFailure)} <= set(AiErrorCode)


def _violation_codes(tree: ast.Module) -> set[str]:
    """The codes written where a `Violation` is made: a literal, or a module constant holding one."""
    constants = {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for target in node.targets
        if isinstance(target, ast.Name) and isinstance(node.value.value, str)
    }
    codes = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Violation":
            args = [*node.args[:1], *(kw.value for kw in node.keywords if kw.arg == "code")]
            for arg in args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    codes.add(arg.value)
                elif isinstance(arg, ast.Name) and arg.id in constants:
                    codes.add(constants[arg.id])
    return codes


@pytest.mark.parametrize("module", sorted(p.name for p in PLATFORMS.glob("*.py")))
def test_every_network_rule_code_is_a_post_code(module: str) -> None:
    tree = ast.parse((PLATFORMS / module).read_text())
    assert _violation_codes(tree) <= set(PostErrorCode)
