"""The login limiter counts failures only, per (email, address) pair and per address, and the password
check runs off the event loop."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from redis.asyncio import Redis

from app.services import Services
from app.settings import Settings
from integrations.ratelimit import RedisRateLimiter
from tests.herald_client import Member, sign_up
from tests.stack import ApiServer, running_api

LOG_IN = """
mutation ($input: LogInInput!) { logIn(input: $input) { token userErrors { code } } }
"""
PASSWORD = "correct horse battery"  # tests.herald_client.sign_up's


@contextlib.asynccontextmanager
async def limited_api(
    settings: Settings, services: Services, redis: Redis, **changes: object
) -> AsyncIterator[ApiServer]:
    """An API with small login limits and a rate limiter of its own (every test starts uncounted)."""
    strict = settings.model_copy(
        update={
            "login_limit_per_email_address": 3,
            "login_limit_per_address": 5,
            "login_limit_per_email": 3,
            "login_slowdown_seconds": 0.2,
            **changes,
        }
    )
    limiter = RedisRateLimiter(redis, prefix=f"{settings.redis_prefix}:{uuid.uuid4().hex[:8]}")
    changed = dataclasses.replace(services, settings=strict, rate_limiter=limiter)
    async with running_api(strict, changed) as api:
        yield api


@pytest.fixture
async def strict_api(settings: Settings, services: Services, redis_client: Redis) -> AsyncIterator[ApiServer]:
    """Behind no trusted proxy: the peer's address is the client's."""
    async with limited_api(settings, services, redis_client) as api:
        yield api


@pytest.fixture
async def proxied_api(
    settings: Settings, services: Services, redis_client: Redis
) -> AsyncIterator[ApiServer]:
    """Behind a trusted proxy on 127.0.0.1: X-Forwarded-For names the client."""
    async with limited_api(settings, services, redis_client, forwarded_allow_ips="127.0.0.1") as api:
        yield api


async def log_in(api: ApiServer, email: str, password: str, *, forwarded_for: str | None = None) -> str:
    """The first error code of a logIn, or "OK"."""
    headers = {"x-forwarded-for": forwarded_for} if forwarded_for else {}
    async with httpx.AsyncClient(timeout=30) as client:
        response = await client.post(
            api.graphql_url,
            json={"query": LOG_IN, "variables": {"input": {"email": email, "password": password}}},
            headers=headers,
        )
    payload: dict[str, Any] = response.json()["data"]["logIn"]
    return payload["userErrors"][0]["code"] if payload["userErrors"] else "OK"


async def test_the_owner_logs_in_from_elsewhere_while_an_address_guesses(proxied_api: ApiServer) -> None:
    # given an address that guessed the owner's password past the limits (3) and is now refused
    owner = await sign_up(proxied_api)
    guesses = [
        await log_in(proxied_api, owner.email, f"guess {n}", forwarded_for="203.0.113.9") for n in range(4)
    ]
    assert guesses == ["INVALID_CREDENTIALS"] * 3 + ["RATE_LIMITED"]

    # when the owner uses the right password from another address, it succeeds (slowed down, not locked)
    assert await log_in(proxied_api, owner.email, PASSWORD, forwarded_for="198.51.100.7") == "OK"
    # while the guessing address stays refused, even with the right password
    assert await log_in(proxied_api, owner.email, PASSWORD, forwarded_for="203.0.113.9") == "RATE_LIMITED"


async def test_successful_logins_do_not_use_up_the_address(strict_api: ApiServer) -> None:
    # given more users behind one address than the per-address limit (5)
    members: list[Member] = [await sign_up(strict_api) for _ in range(7)]

    # when each logs in with the right password, all succeed
    assert [await log_in(strict_api, m.email, PASSWORD) for m in members] == ["OK"] * 7


async def test_failures_from_one_address_past_its_limit_are_refused(strict_api: ApiServer) -> None:
    # given 5 failures from one address, on 5 different emails (no pair reaches its limit)
    emails = [f"nobody-{uuid.uuid4().hex[:8]}@example.test" for _ in range(6)]
    codes = [await log_in(strict_api, email, "wrong wrong wrong") for email in emails]
    # the 6th is refused by the address's limit
    assert codes == ["INVALID_CREDENTIALS"] * 5 + ["RATE_LIMITED"]


async def test_a_spoofed_forwarded_for_is_ignored_from_an_untrusted_peer(strict_api: ApiServer) -> None:
    # given failures that each claim another client address, from a peer nobody configured as a proxy
    emails = [f"nobody-{uuid.uuid4().hex[:8]}@example.test" for _ in range(6)]
    codes = [
        await log_in(strict_api, email, "wrong wrong wrong", forwarded_for=f"198.51.100.{n}")
        for n, email in enumerate(emails)
    ]
    # then they all count against the real peer
    assert codes == ["INVALID_CREDENTIALS"] * 5 + ["RATE_LIMITED"]


@pytest.fixture
async def roomy_api(settings: Settings, services: Services, redis_client: Redis) -> AsyncIterator[ApiServer]:
    """Limits no test here reaches."""
    roomy = dict.fromkeys(
        ("login_limit_per_email_address", "login_limit_per_address", "login_limit_per_email"), 100
    )
    async with limited_api(settings, services, redis_client, **roomy) as api:
        yield api


async def test_other_requests_are_answered_while_passwords_are_checked(roomy_api: ApiServer) -> None:
    # given a user, and logins that keep the password hasher busy
    api = roomy_api
    member = await sign_up(api)
    logins = [asyncio.create_task(log_in(api, member.email, PASSWORD)) for _ in range(6)]

    # when /healthz is asked one request after another while the logins are pending
    answered = 0
    async with httpx.AsyncClient(timeout=30) as client:
        while not all(task.done() for task in logins):
            assert (await client.get(f"{api.base_url}/healthz")).status_code == 200
            answered += 1 if not all(task.done() for task in logins) else 0
    assert [task.result() for task in logins] == ["OK"] * 6

    # then many were answered in between: with argon2 on the event loop, nothing in this process
    # (the API and this test share the loop) moves while a password is checked, so at most a few
    # requests slip in between the six checks
    assert answered > 30
