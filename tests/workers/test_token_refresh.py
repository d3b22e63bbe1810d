"""The scheduler's token sweep: tokens are refreshed before they expire, a refused refresh asks for a
reconnection with the network's reason, and a refresh that may work later never passes for a dead token.

Most tests refresh one account as the sweep does (`TokenRefresher.refresh`), so the scheduler other tests
keep running cannot take it first; the sweep's own choice of accounts is tested once, awaiting its outcome.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from app.services import Services
from models.social_account import AccountStatus, SocialAccount
from tests.network_client import connected_member, stored_account
from tests.services.meta_wire import graph_error
from tests.services.networks import NetworkFakes
from tests.stack import ApiServer
from workers.tokens import TokenRefresher


async def _refreshed(services: Services, account_id: str) -> SocialAccount:
    """One refresh of the account, as the sweep does it, and the account afterwards."""
    await TokenRefresher(services).refresh(await stored_account(account_id))
    return await stored_account(account_id)


async def test_a_threads_token_is_refreshed_before_it_expires(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given a connected Threads profile whose refresh time has come
    user = networks.threads.add_user("keeper")
    networks.threads.consenting = user
    _, account_id = await connected_member(api, "THREADS")
    old = services.cipher.decrypt((await stored_account(account_id)).credentials)["access_token"]

    # when the scheduler refreshes it
    account = await _refreshed(services, account_id)

    # then the profile has a fresh 60-day token, refreshed again a week before it expires
    [refresh] = networks.threads.calls("token_refresh")
    assert refresh.query == {"grant_type": "th_refresh_token", "access_token": old}
    fresh = services.cipher.decrypt(account.credentials)["access_token"]
    assert fresh == networks.threads.long_token(user) and fresh != old
    assert account.status is AccountStatus.ACTIVE and account.token_expires_at is not None
    assert account.token_expires_at > datetime.now(UTC) + timedelta(days=59)
    assert account.token_refresh_at is not None
    assert account.token_refresh_at > datetime.now(UTC) + timedelta(days=52)


async def test_a_refresh_refused_for_good_asks_for_reconnection(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given a connected Reddit user who then revoked Herald's access
    user = networks.reddit.add_user("revoker")
    networks.reddit.consenting = user
    _, account_id = await connected_member(api, "REDDIT")
    networks.reddit.revoke(user)

    # when the scheduler refreshes it
    account = await _refreshed(services, account_id)

    # then the account must be reconnected, with Reddit's reason in words
    assert account.status is AccountStatus.NEEDS_REAUTH
    assert account.status_reason is not None and "revoked" in account.status_reason


async def test_a_temporary_failure_keeps_the_token_and_tries_later(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given a connected Threads profile and Threads failing refreshes with a server error
    networks.threads.consenting = networks.threads.add_user("patient")
    _, account_id = await connected_member(api, "THREADS")
    before = (await stored_account(account_id)).credentials
    networks.threads.fail("token_refresh", 503, graph_error(2, "Service temporarily unavailable"))

    # when the scheduler refreshes it
    account = await _refreshed(services, account_id)

    # then nothing changed but the time of the next try
    assert account.status is AccountStatus.ACTIVE and account.credentials == before
    assert account.token_refresh_at is not None
    retry = account.token_refresh_at - datetime.now(UTC)
    assert timedelta(minutes=4) < retry <= timedelta(seconds=services.settings.token_refresh_retry_seconds)


async def test_an_empty_refresh_token_never_replaces_a_good_one(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given a connected Reddit user, and Reddit answering a refresh with an empty refresh token
    networks.reddit.consenting = networks.reddit.add_user("emptyhanded")
    _, account_id = await connected_member(api, "REDDIT")
    good = services.cipher.decrypt((await stored_account(account_id)).credentials)["refresh_token"]
    answer = {"access_token": "new-access", "token_type": "bearer", "expires_in": 3600, "refresh_token": ""}
    networks.reddit.fail("refresh", 200, answer)

    # when the scheduler refreshes it
    account = await _refreshed(services, account_id)

    # then the new access token is kept with the refresh token it had
    credentials = services.cipher.decrypt(account.credentials)
    assert (credentials["access_token"], credentials["refresh_token"]) == ("new-access", good)
    assert account.token_refresh_at is not None
    assert timedelta(minutes=50) < account.token_refresh_at - datetime.now(UTC) <= timedelta(minutes=55)


async def test_the_sweep_refreshes_due_tokens_only(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given two connected Threads profiles, one of them due for a refresh
    due_user, fresh_user = networks.threads.add_user("due"), networks.threads.add_user("fresh")
    networks.threads.consenting = due_user
    _, due_id = await connected_member(api, "THREADS")
    networks.threads.consenting = fresh_user
    _, fresh_id = await connected_member(api, "THREADS")
    before = {i: (await stored_account(i)).credentials for i in (due_id, fresh_id)}
    await (await stored_account(due_id)).set({"token_refresh_at": datetime.now(UTC) - timedelta(seconds=1)})

    # when the scheduler sweeps (this one, or the one other tests keep running: whoever claims it first)
    await TokenRefresher(services).sweep()
    async with asyncio.timeout(10):
        while True:
            if (await stored_account(due_id)).credentials != before[due_id]:
                break
            await asyncio.sleep(0.05)

    # then the due one was refreshed once, the other left alone
    refreshed = [r.query["access_token"] for r in networks.threads.calls("token_refresh")]
    assert refreshed == [services.cipher.decrypt(before[due_id])["access_token"]]
    assert (await stored_account(fresh_id)).credentials == before[fresh_id]
