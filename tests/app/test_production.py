"""ENVIRONMENT=production: no anonymous introspection, no "did you mean" hints, no GraphiQL, unless the
settings allow them."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from app.services import Services
from app.settings import Environment, Settings
from tests.herald_client import sign_up
from tests.stack import ApiServer, gql, running_api

INTROSPECTION = "{ __schema { queryType { name } } }"
TYPE_LOOKUP = '{ __type(name: "Post") { name } }'
MISSPELT_FIELD = "{ workspacez { id } }"
MISSPELT_ARGUMENT = '{ posts(workspaceIdd: "x") { totalCount } }'
MISSPELT_INPUT = """
mutation ($input: WorkspaceCreateInput!) { workspaceCreate(input: $input) { userErrors { code } } }"""


@contextlib.asynccontextmanager
async def api_with(settings: Settings, services: Services, **changes: Any) -> AsyncIterator[ApiServer]:
    """Another API over the suite's services, its settings changed."""
    changed = settings.model_copy(update=changes)
    async with running_api(changed, dataclasses.replace(services, settings=changed)) as server:
        yield server


@pytest.fixture(scope="module")
async def production(settings: Settings, services: Services) -> AsyncIterator[ApiServer]:
    async with api_with(settings, services, environment=Environment.PRODUCTION) as server:
        yield server


def codes(body: dict[str, Any]) -> list[str]:
    return [error.get("extensions", {}).get("code") for error in body["errors"]]


@pytest.mark.parametrize("query", [INTROSPECTION, TYPE_LOOKUP])
async def test_anonymous_introspection_is_refused(production: ApiServer, query: str) -> None:
    body = await gql(production, query)
    assert body.get("data") is None
    assert codes(body) == ["INTROSPECTION_DISABLED"]


async def test_a_signed_in_user_may_introspect(production: ApiServer) -> None:
    member = await sign_up(production)
    body = await gql(production, INTROSPECTION, token=member.token)
    assert body == {"data": {"__schema": {"queryType": {"name": "Query"}}}}


async def test_anonymous_introspection_can_be_allowed(settings: Settings, services: Services) -> None:
    async with api_with(
        settings, services, environment=Environment.PRODUCTION, graphql_anonymous_introspection=True
    ) as server:
        body = await gql(server, INTROSPECTION)
    assert body == {"data": {"__schema": {"queryType": {"name": "Query"}}}}


async def test_typename_stays_allowed(production: ApiServer) -> None:
    assert await gql(production, "{ __typename }") == {"data": {"__typename": "Query"}}


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        pytest.param(MISSPELT_FIELD, None, id="field"),
        pytest.param(MISSPELT_ARGUMENT, None, id="argument"),
        pytest.param(MISSPELT_INPUT, {"input": {"name": "x", "timezon": "UTC"}}, id="input-field"),
    ],
)
async def test_errors_make_no_suggestions(
    production: ApiServer, api: ApiServer, query: str, variables: dict[str, Any] | None
) -> None:
    member = await sign_up(api)
    # given the same mistake makes a suggestion in the test environment
    suggested = await gql(api, query, variables, token=member.token)
    assert "Did you mean" in suggested["errors"][0]["message"]

    body = await gql(production, query, variables, token=member.token)
    assert body["errors"]
    assert all("Did you mean" not in error["message"] for error in body["errors"])


async def test_graphiql_is_off(production: ApiServer) -> None:
    async with httpx.AsyncClient() as client:
        page = await client.get(production.graphql_url, headers={"accept": "text/html"})
    assert page.status_code == 404
    assert "graphiql" not in page.text.lower()


async def test_graphiql_can_be_enabled(settings: Settings, services: Services) -> None:
    async with (
        api_with(settings, services, environment=Environment.PRODUCTION, graphiql_enabled=True) as server,
        httpx.AsyncClient() as client,
    ):
        page = await client.get(server.graphql_url, headers={"accept": "text/html"})
    assert page.status_code == 200
    assert "graphiql" in page.text.lower()
