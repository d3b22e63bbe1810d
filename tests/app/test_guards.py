"""The validation rules alone, on the real schema: which operations hold too many expensive fields, and
which strings are refused."""

from __future__ import annotations

import graphql
import pytest

from app.settings import Settings
from schema import build_schema
from schema.guards import expensive_fields_rule, string_literal_rule

SCHEMA = build_schema(Settings(_env_file=None))._schema
CAPTION = (
    'captionGenerate(input: {workspaceId: "w", brief: "b", platforms: [BLUESKY]}) { userErrors { code } }'
)
REWRITE = 'postRewrite(input: {workspaceId: "w", text: "t", platforms: [BLUESKY]}) { userErrors { code } }'
SIGN_UP = 'signUp(input: {email: "a@b.c", password: "p", name: "n"}) { token }'


def codes(query: str, rule: type[graphql.ASTValidationRule]) -> list[str]:
    errors = graphql.validate(SCHEMA, graphql.parse(query), [rule])
    return [str((error.extensions or {}).get("code")) for error in errors]


@pytest.mark.parametrize(
    ("fields", "refused"),
    [
        pytest.param([f"a: {CAPTION}", f"b: {CAPTION}", f"c: {REWRITE}"], False, id="three-ai"),
        pytest.param(
            [f"a: {CAPTION}", f"b: {CAPTION}", f"c: {REWRITE}", f"d: {SIGN_UP}"], True, id="ai-and-sign-up"
        ),
        pytest.param([f"a{n}: {SIGN_UP}" for n in range(10)], True, id="ten-sign-ups"),
        pytest.param(["logOut", "a: logOut", "b: logOut", "c: logOut"], False, id="cheap-fields"),
    ],
)
def test_expensive_fields_are_counted_across_kinds(fields: list[str], refused: bool) -> None:
    query = "mutation { " + " ".join(fields) + " }"
    assert codes(query, expensive_fields_rule(3)) == (["TOO_MANY_EXPENSIVE_FIELDS"] if refused else [])


def test_a_query_is_never_counted() -> None:
    assert (
        codes("{ " + " ".join(f"a{n}: me {{ id }}" for n in range(10)) + " }", expensive_fields_rule(1)) == []
    )


def test_fragment_cycles_do_not_recurse_forever() -> None:
    query = (
        f"mutation {{ ...A }} fragment A on Mutation {{ {SIGN_UP} ...B }} fragment B on Mutation {{ ...A }}"
    )
    assert codes(query, expensive_fields_rule(3)) == []


@pytest.mark.parametrize(
    ("literal", "expected"),
    [
        pytest.param('"ok"', [], id="short"),
        pytest.param('"' + "x" * 11 + '"', ["STRING_TOO_LONG"], id="long"),
        pytest.param('"""' + "x" * 11 + '"""', ["STRING_TOO_LONG"], id="long-block-string"),
        pytest.param('"\\ud83d\\ude00"', [], id="surrogate-pair"),
    ],
)
def test_string_literals(literal: str, expected: list[str]) -> None:
    query = f"{{ node(id: {literal}) {{ id }} }}"
    assert codes(query, string_literal_rule(10)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param({"name": "a\ud800"}, ["INVALID_STRING"], id="lone-surrogate"),
        pytest.param({"name": "ok", "timezone": "x" * 100_001}, ["STRING_TOO_LONG"], id="long"),
    ],
)
async def test_variables_get_the_string_checks_before_execution(value: object, expected: list[str]) -> None:
    # given a schema executed in-process, past the HTTP edge that already refuses lone surrogates
    schema = build_schema(Settings(_env_file=None, environment="test"))
    mutation = "mutation ($v: WorkspaceCreateInput!) { workspaceCreate(input: $v) { userErrors { code } } }"
    result = await schema.execute(mutation, variable_values={"v": value})
    assert result.errors is not None
    assert [(e.extensions or {}).get("code") for e in result.errors] == expected
