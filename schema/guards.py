"""Checks every operation passes before any resolver runs: strings a database and a log can hold and of a
sane length (literals and variables alike), a few expensive mutations at most, and no anonymous
introspection in production. Each refusal is a top-level error with an `extensions.code`."""

from __future__ import annotations

from collections.abc import Iterator

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    StringValueNode,
    ValidationRule,
)
from strawberry.extensions import SchemaExtension

from app.request_limits import LONE_SURROGATE, json_strings

# Mutations that each cost real CPU (argon2) or money (an AI call): one request may hold only a few.
EXPENSIVE_MUTATIONS = frozenset(
    {
        "signUp",
        "logIn",
        "passwordChange",
        "passwordResetRequest",
        "passwordResetComplete",
        "captionGenerate",
        "postRewrite",
        "altTextGenerate",
    }
)
# Every password flow hashes or verifies a password, whatever it is called.
EXPENSIVE_PREFIXES = ("password",)


def string_problem(value: str, max_length: int) -> GraphQLError | None:
    """Why a string from the client cannot be used, or None."""
    if LONE_SURROGATE.search(value):
        return GraphQLError(
            "A string holds a lone UTF-16 surrogate (\\ud800-\\udfff); send valid Unicode.",
            extensions={"code": "INVALID_STRING"},
        )
    if len(value) > max_length:
        return GraphQLError(
            f"A string is longer than {max_length} characters.", extensions={"code": "STRING_TOO_LONG"}
        )
    return None


def string_literal_rule(max_length: int) -> type[ValidationRule]:
    """A validation rule refusing string literals `string_problem` refuses (one class per schema, so
    the validation cache keeps hitting)."""

    class StringLiteralRule(ValidationRule):
        def enter_string_value(self, node: StringValueNode, *_args: object) -> None:
            problem = string_problem(node.value, max_length)
            if problem is not None:
                self.report_error(GraphQLError(problem.message, node, extensions=problem.extensions))

    return StringLiteralRule


class VariableStrings(SchemaExtension):
    """Variables get the same string checks as literals, over HTTP and websockets alike. Checked when
    execution starts (Strawberry turns an error raised there into the operation's error on every
    transport), before graphql-core coerces them and any resolver sees them."""

    def __init__(self, max_length: int) -> None:
        self.max_length = max_length

    def on_execute(self) -> Iterator[None]:
        for value in json_strings(self.execution_context.variables):
            problem = string_problem(value, self.max_length)
            if problem is not None:
                raise problem
        yield


def expensive_fields_rule(max_count: int) -> type[ValidationRule]:
    """A validation rule allowing at most `max_count` expensive mutation fields in one operation, counted
    through fragments (a fragment spread twice counts twice)."""

    class ExpensiveFieldsRule(ValidationRule):
        def leave_document(self, *_args: object) -> None:
            definitions = self.context.document.definitions
            fragments = {d.name.value: d for d in definitions if isinstance(d, FragmentDefinitionNode)}
            for definition in definitions:
                if not (
                    isinstance(definition, OperationDefinitionNode)
                    and definition.operation is OperationType.MUTATION
                ):
                    continue
                count = _count_expensive(definition.selection_set, fragments, ())
                if count > max_count:
                    self.report_error(
                        GraphQLError(
                            f"One request may hold at most {max_count} of signUp, logIn, password and AI "
                            f"mutations; this one holds {count}.",
                            definition,
                            extensions={"code": "TOO_MANY_EXPENSIVE_FIELDS"},
                        )
                    )

    return ExpensiveFieldsRule


def _count_expensive(
    selections: SelectionSetNode, fragments: dict[str, FragmentDefinitionNode], seen: tuple[str, ...]
) -> int:
    count = 0
    for selection in selections.selections:
        if isinstance(selection, FieldNode):
            name = selection.name.value
            count += name in EXPENSIVE_MUTATIONS or name.startswith(EXPENSIVE_PREFIXES)
        elif isinstance(selection, InlineFragmentNode):
            count += _count_expensive(selection.selection_set, fragments, seen)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            # A cycle is another rule's error; stop here rather than recurse forever.
            if name in fragments and name not in seen:
                count += _count_expensive(fragments[name].selection_set, fragments, (*seen, name))
    return count


class _NoIntrospection(ValidationRule):
    def enter_field(self, node: FieldNode, *_args: object) -> None:
        if node.name.value in ("__schema", "__type"):
            self.report_error(
                GraphQLError(
                    "Introspection needs a signed-in user.",
                    node,
                    extensions={"code": "INTROSPECTION_DISABLED"},
                )
            )


class AnonymousIntrospection(SchemaExtension):
    """Refuse `__schema`/`__type` to callers who are not signed in (production, unless allowed)."""

    def on_operation(self) -> Iterator[None]:
        if getattr(self.execution_context.context, "user", None) is None:
            self.execution_context.validation_rules = (
                *self.execution_context.validation_rules,
                _NoIntrospection,
            )
        yield
