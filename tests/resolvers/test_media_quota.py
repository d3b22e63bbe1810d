"""Storage limits of a workspace: a byte quota (READY files plus the sizes of pending upload grants) and a
cap on upload grants not yet completed, checked when an upload is asked for and again when it completes."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
from collections.abc import AsyncIterator
from typing import Any

import pytest

from app.services import Services
from app.settings import Settings
from tests.herald_client import Member, sign_up
from tests.media_client import complete, send, upload_create
from tests.media_samples import png
from tests.stack import ApiServer, data, running_api

USAGE = "query ($id: ID!) { workspace(id: $id) { storageUsage { usedBytes limitBytes } } }"


@contextlib.asynccontextmanager
async def _api_with(settings: Settings, services: Services, **changes: Any) -> AsyncIterator[ApiServer]:
    """A second API over the same services (and the same local storage) with other media limits."""
    tight = settings.model_copy(update=changes)
    async with running_api(tight, dataclasses.replace(services, settings=tight)) as server:
        yield server


async def _ask(api: ApiServer, member: Member, byte_size: int) -> dict[str, Any]:
    return await upload_create(
        api, member, filename="photo.png", content_type="image/png", byte_size=byte_size
    )


def _codes(payload: dict[str, Any]) -> list[str]:
    return [e["code"] for e in payload["userErrors"]]


async def test_an_upload_beyond_the_workspace_quota_is_refused(
    settings: Settings, services: Services
) -> None:
    # given a workspace allowed 1,000 bytes, with a grant of 600 pending
    async with _api_with(settings, services, media_quota_bytes_per_workspace=1000) as api:
        member = await sign_up(api)
        first = await _ask(api, member, 600)
        assert first["userErrors"] == []

        # when it asks for 500 more, then for 400
        refused = await _ask(api, member, 500)
        fits = await _ask(api, member, 400)

        # then the 500 are refused with how much is used and allowed, the 400 fit exactly
        assert (_codes(refused), refused["asset"], refused["uploadUrl"]) == (
            ["STORAGE_QUOTA_EXCEEDED"],
            None,
            None,
        )
        assert "600" in refused["userErrors"][0]["message"] and "1000" in refused["userErrors"][0]["message"]
        assert fits["userErrors"] == []
        usage = (await data(api, USAGE, {"id": member.workspace_id}, token=member.token))["workspace"]
        assert usage["storageUsage"] == {"usedBytes": 1000, "limitBytes": 1000}


async def test_concurrent_uploads_never_exceed_the_quota(settings: Settings, services: Services) -> None:
    # given a workspace allowed 1,000 bytes
    async with _api_with(settings, services, media_quota_bytes_per_workspace=1000) as api:
        member = await sign_up(api)

        # when eight uploads of 300 bytes are asked for at once
        answers = await asyncio.gather(*(_ask(api, member, 300) for _ in range(8)))

        # then at most three were granted, the others refused for the quota (each grant is recorded, then
        # counted with every grant recorded before the count: racing grants may all be refused, never
        # all be granted)
        granted = [a for a in answers if not a["userErrors"]]
        assert len(granted) <= 3
        assert all(_codes(a) == ["STORAGE_QUOTA_EXCEEDED"] for a in answers if a["userErrors"])
        usage = (await data(api, USAGE, {"id": member.workspace_id}, token=member.token))["workspace"]
        assert usage["storageUsage"]["usedBytes"] == 300 * len(granted)

        # and a refused grant leaves nothing behind: the room left is granted to the next upload asking
        room = 1000 - 300 * len(granted)
        assert (await _ask(api, member, room))["userErrors"] == []
        usage = (await data(api, USAGE, {"id": member.workspace_id}, token=member.token))["workspace"]
        assert usage["storageUsage"]["usedBytes"] == 1000


@pytest.mark.usefixtures("api")  # the local upload URLs name the main API
async def test_pending_upload_grants_are_capped(settings: Settings, services: Services) -> None:
    # given a workspace that may hold two upload grants not yet completed
    async with _api_with(settings, services, media_max_pending_uploads_per_workspace=2) as api:
        member = await sign_up(api)
        body = png(8, 8)
        sent = await send(api, member, body, filename="a.png", content_type="image/png")
        assert (await _ask(api, member, 100))["userErrors"] == []

        # when a third is asked for, then again once one of the two completed
        third = await _ask(api, member, 100)
        completed = await complete(api, member, sent.asset_id)
        after = await _ask(api, member, 100)

        # then the third is refused until a grant is completed
        assert _codes(third) == ["TOO_MANY_PENDING_UPLOADS"]
        assert completed["userErrors"] == []
        assert after["userErrors"] == []


async def test_completion_checks_the_quota_again(
    settings: Settings, api: ApiServer, services: Services
) -> None:
    # given an upload granted and sent, then a READY file that used up the space meanwhile
    member = await sign_up(api)
    body = png(40, 40)
    pending = await send(api, member, body, filename="late.png", content_type="image/png")
    ready = await send(api, member, png(30, 30), filename="first.png", content_type="image/png")
    assert (await complete(api, member, ready.asset_id))["userErrors"] == []

    # when it is completed on an API whose quota has since been lowered below both files
    async with _api_with(settings, services, media_quota_bytes_per_workspace=len(body) + 10) as tight:
        refused = await complete(tight, member, pending.asset_id)

    # then completion is refused, and the upload stays pending (free some space, complete again)
    assert _codes(refused) == ["STORAGE_QUOTA_EXCEEDED"]
    assert refused["asset"]["status"] == "PENDING_UPLOAD"
    again = await complete(api, member, pending.asset_id)
    assert again["userErrors"] == [] and again["asset"]["status"] == "READY"
