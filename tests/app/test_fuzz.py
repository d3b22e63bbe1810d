"""Schema-driven fuzzing: queries and mutations generated from the printed schema, valid and with one
violation each, sent over HTTP to the running API by a signed-in client. No answer may be a 5xx or carry a
masked internal error. Derandomized, so CI sees the same few hundred operations every run."""

from __future__ import annotations

from typing import Any

import graphql
import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, mutations, nodes, queries

from app.settings import Settings
from schema import build_schema
from tests.herald_client import Member, sign_up
from tests.stack import ApiServer, data

SDL = build_schema(Settings(_env_file=None, environment="test")).as_str()

# Mostly valid dates, so operations get past input coercion; sometimes anything at all.
_dates = st.one_of(*[st.dates().map(str)] * 3, st.text(max_size=12))
_datetimes = st.one_of(
    *[st.datetimes().map(lambda moment: moment.isoformat() + "Z")] * 3, st.text(max_size=25)
)
# Ids of real objects (filled in once the member exists) half the time, so resolvers go past "not found".
KNOWN_IDS: list[str] = []
_ids = st.one_of(
    st.integers(min_value=0, max_value=99).map(lambda n: KNOWN_IDS[n % len(KNOWN_IDS)] if KNOWN_IDS else ""),
    st.text(max_size=30),
)
SCALARS = {
    "Date": _dates.map(nodes.String),
    "DateTime": _datetimes.map(nodes.String),
    "ID": _ids.map(nodes.String),
}
# Ending sessions (logOut, sessionRevoke...) would leave every later operation anonymous.
_parsed = graphql.build_schema(SDL)
assert _parsed.query_type is not None and _parsed.mutation_type is not None
QUERY_FIELDS = list(_parsed.query_type.fields)
MUTATION_FIELDS = [
    name for name in _parsed.mutation_type.fields if name != "logOut" and not name.startswith("session")
]

# One strategy per root field, so every field gets its share of the examples; valid operations (in any
# Unicode) and operations with one schema violation each.
OPERATIONS = st.one_of(
    *[queries(SDL, fields=[name], custom_scalars=SCALARS, codec=None) for name in QUERY_FIELDS],
    *[mutations(SDL, fields=[name], custom_scalars=SCALARS, codec=None) for name in MUTATION_FIELDS],
    queries(SDL, custom_scalars=SCALARS, mode=Mode.NEGATIVE),
    mutations(SDL, fields=MUTATION_FIELDS, custom_scalars=SCALARS, mode=Mode.NEGATIVE),
)


@pytest.fixture(scope="module")
async def member(api: ApiServer) -> Member:
    signed_up = await sign_up(api)
    me = await data(api, "{ me { id } }", token=signed_up.token)
    KNOWN_IDS.extend([signed_up.workspace_id, me["me"]["id"]])
    return signed_up


def internal_errors(body: Any) -> list[dict[str, Any]]:
    errors = body.get("errors") or [] if isinstance(body, dict) else []
    return [
        error
        for error in errors
        if (error.get("extensions") or {}).get("code") == "INTERNAL_SERVER_ERROR"
        or error.get("message") == "Unexpected error."
    ]


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(operation=OPERATIONS)
async def test_no_generated_operation_breaks_the_api(api: ApiServer, member: Member, operation: str) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        response = await client.post(
            api.graphql_url,
            json={"query": operation},
            headers={"authorization": f"Bearer {member.token}"},
        )
    assert response.status_code < 500, (operation, response.text)
    body = response.json()
    assert not internal_errors(body), (operation, body)
