"""The OAuth state store contract, run against Redis and against the in-memory store: a state is bound to
the secret it was created with (the asking client's cookie), and only that secret opens it at the callback."""

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


async def test_a_state_opens_only_for_the_secret_it_was_created_with(store: OAuthStateStore) -> None:
    # given a state created for the client holding one secret
    token = await store.create(STATE, "secret-of-browser-a")

    # when the callback consumes it
    consumed = await store.consume(token)

    # then only that secret opens it, and only once
    assert consumed is not None and consumed.user_id == "u1"
    assert consumed.bound_to("secret-of-browser-a")
    assert not consumed.bound_to("secret-of-browser-b")
    assert not consumed.bound_to(None)
    assert await store.consume(token) is None


async def test_two_states_keep_their_own_secrets(store: OAuthStateStore) -> None:
    first = await store.create(STATE, "secret-one")
    second = await store.create(STATE, "secret-two")
    consumed_second, consumed_first = await store.consume(second), await store.consume(first)
    assert consumed_first is not None and consumed_first.bound_to("secret-one")
    assert consumed_second is not None and consumed_second.bound_to("secret-two")
    assert not consumed_first.bound_to("secret-two")
