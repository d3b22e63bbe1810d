"""Unexpected errors are masked outside development; the ones meant for clients are not."""

from __future__ import annotations

import httpx

from app.settings import Settings
from schema import build_schema
from tests.stack import ApiServer

QUERY = "{ workspaces { id } }"


async def test_an_unexpected_error_is_masked_in_production() -> None:
    # given a production schema whose resolver breaks (a context it cannot use)
    schema = build_schema(Settings(_env_file=None, environment="production"))

    # when the query runs
    result = await schema.execute(QUERY, context_value=object())

    # then the client learns nothing of the internals
    assert result.errors is not None
    assert [e.message for e in result.errors] == ["Unexpected error."]
    assert [e.extensions for e in result.errors] == [{"code": "INTERNAL_SERVER_ERROR"}]


async def test_development_shows_the_error() -> None:
    schema = build_schema(Settings(_env_file=None, environment="development"))
    result = await schema.execute(QUERY, context_value=object())
    assert result.errors is not None
    assert "Unexpected error." not in [e.message for e in result.errors]


async def test_health_and_readiness(api: ApiServer) -> None:
    async with httpx.AsyncClient(base_url=api.base_url) as client:
        assert (await client.get("/healthz")).json() == {"status": "ok"}
        assert (await client.get("/readyz")).json() == {"status": "ok"}
