"""The OAuth state store contract, run against Redis and against the in-memory store: a state is bound to
the first browser that claims it, and only that browser's secret opens it at the callback."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from integrations.oauth_states import MemoryOAuthStateStore, OAuthState, OAuthStateStore, RedisOAuthStateStore

STATE = OAuthState(user_id="u1", workspace_id="w1", platform="THREADS", redirect_uri="https://herald.test/cb")


@pytest.fixture(params=["redis", "memory"])
def store(request: pytest.FixtureRequest, redis_client: Redis, run_prefix: str) -> OAuthStateStore:
    if request.param == "redis":
        return RedisOAuthStateStore(redis_client, prefix=f"{run_prefix}:oauth-test", ttl_seconds=60)
    return MemoryOAuthStateStore(ttl_seconds=60)


async def test_a_state_opens_only_for_the_browser_that_claimed_it(store: OAuthStateStore) -> None:
    # given a state claimed by one browser
    token = await store.create(STATE)
    claimed = await store.claim(token, "secret-of-browser-a")

    # when another browser claims it too, and the callback consumes it
    again = await store.claim(token, "secret-of-browser-b")
    consumed = await store.consume(token)

    # then only the first claim counted, and only its secret opens the state, once
    assert claimed is not None and again is None
    assert consumed is not None and consumed.user_id == "u1"
    assert consumed.opened_by("secret-of-browser-a")
    assert not consumed.opened_by("secret-of-browser-b")
    assert not consumed.opened_by(None)
    assert await store.consume(token) is None


async def test_a_state_nobody_claimed_opens_for_no_browser(store: OAuthStateStore) -> None:
    token = await store.create(STATE)
    consumed = await store.consume(token)
    assert consumed is not None and not consumed.opened_by("any-secret")
    assert await store.claim(token, "too-late") is None
