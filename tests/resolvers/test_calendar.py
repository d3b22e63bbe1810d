"""The calendar's window: targets due or published in [from, to), in time order, capped."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from beanie import PydanticObjectId

from app.services import Services
from models.platform import PlatformName
from models.post_target import PostTarget
from models.target_state import TargetStatus
from schema.relay import parse_id_of, to_global_id
from tests.analytics_data import seed_account
from tests.herald_client import Member, create_post, sign_up
from tests.stack import ApiServer, data, gql

CALENDAR = """
query ($ws: ID!, $from: DateTime!, $to: DateTime!, $first: Int! = 500) {
  calendarEntries(workspaceId: $ws, from: $from, to: $to, first: $first) {
    truncated entries { at target { status platform post { text } } }
  }
}"""
DAY = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=3)


@dataclass(frozen=True)
class Seeded:
    member: Member
    other: Member


async def _scheduled(api: ApiServer, member: Member, text: str, account: str, at: datetime) -> str:
    payload = await create_post(
        api, member, text=text, scheduledAt=at.isoformat(), targets=[{"accountId": account}]
    )
    assert payload["userErrors"] == [], payload
    target_id: str = payload["post"]["targets"][0]["id"]
    return target_id


async def _set(target_id: str, **fields: Any) -> None:
    """Move a target along as a worker would have (the test's given)."""
    found = await PostTarget.get(parse_id_of("PostTarget", target_id))
    assert found is not None
    await found.set(fields)


async def _account(services: Services, member: Member, platform: PlatformName) -> str:
    workspace_id = parse_id_of("Workspace", member.workspace_id)
    assert isinstance(workspace_id, PydanticObjectId)
    return to_global_id("SocialAccount", (await seed_account(services, workspace_id, platform)).id)


@pytest.fixture(scope="module")
async def seeded(api: ApiServer, services: Services) -> Seeded:
    """One day, 00:00 to 24:00 UTC, and what lies on and around its edges."""
    member, other = await sign_up(api), await sign_up(api)
    bsky = await _account(services, member, PlatformName.BLUESKY)
    threads = await _account(services, member, PlatformName.THREADS)
    await _scheduled(api, member, "at the start", bsky, DAY)
    await _scheduled(api, member, "a second before", threads, DAY - timedelta(seconds=1))
    await _scheduled(api, member, "at the end", bsky, DAY + timedelta(days=1))
    await _scheduled(api, member, "noon", threads, DAY + timedelta(hours=12))
    failed = await _scheduled(api, member, "failed at nine", bsky, DAY + timedelta(hours=9))
    await _set(failed, status=TargetStatus.FAILED)
    # Scheduled the day before, published at 06:00 on the day: it sits where it went out.
    published = await _scheduled(api, member, "published at six", bsky, DAY - timedelta(hours=2))
    await _set(published, status=TargetStatus.PUBLISHED, published_at=DAY + timedelta(hours=6))
    # Scheduled on the day, published the day after: it is no longer on the day.
    late = await _scheduled(api, member, "published late", threads, DAY + timedelta(hours=23))
    await _set(late, status=TargetStatus.PUBLISHED, published_at=DAY + timedelta(days=1, hours=1))
    draft = await create_post(api, member, text="a draft", targets=[{"accountId": bsky}])
    assert draft["userErrors"] == []
    await _scheduled(api, other, "someone else's", await _account(services, other, PlatformName.BLUESKY), DAY)
    return Seeded(member, other)


async def _window(
    api: ApiServer, member: Member, start: datetime, end: datetime, **extra: Any
) -> dict[str, Any]:
    variables = {"ws": member.workspace_id, "from": start.isoformat(), "to": end.isoformat(), **extra}
    found: dict[str, Any] = (await data(api, CALENDAR, variables, token=member.token))["calendarEntries"]
    return found


async def test_a_day_holds_what_is_due_or_went_out_in_it_in_time_order(
    api: ApiServer, seeded: Seeded
) -> None:
    # when the calendar asks for the day [00:00, 24:00)
    found = await _window(api, seeded.member, DAY, DAY + timedelta(days=1))

    # then the start is in, the end is out, and published targets sit at their publish time
    assert found["truncated"] is False
    assert [(e["target"]["post"]["text"], e["at"]) for e in found["entries"]] == [
        ("at the start", DAY.isoformat()),
        ("published at six", (DAY + timedelta(hours=6)).isoformat()),
        ("failed at nine", (DAY + timedelta(hours=9)).isoformat()),
        ("noon", (DAY + timedelta(hours=12)).isoformat()),
    ]


async def test_the_window_edges(api: ApiServer, seeded: Seeded) -> None:
    # a window ending at a target's time leaves it out; one starting there takes it
    before = await _window(api, seeded.member, DAY - timedelta(hours=1), DAY)
    assert [e["target"]["post"]["text"] for e in before["entries"]] == ["a second before"]
    after = await _window(api, seeded.member, DAY + timedelta(days=1), DAY + timedelta(days=1, hours=2))
    assert [e["target"]["post"]["text"] for e in after["entries"]] == ["at the end", "published late"]


async def test_a_full_window_says_it_was_cut(api: ApiServer, seeded: Seeded) -> None:
    found = await _window(api, seeded.member, DAY, DAY + timedelta(days=1), first=2)
    assert found["truncated"] is True
    assert [e["target"]["post"]["text"] for e in found["entries"]] == ["at the start", "published at six"]


async def test_another_workspace_sees_nothing_of_it(api: ApiServer, seeded: Seeded) -> None:
    stranger = await sign_up(api)
    variables = {
        "ws": seeded.member.workspace_id,
        "from": DAY.isoformat(),
        "to": (DAY + timedelta(days=1)).isoformat(),
    }
    found = (await data(api, CALENDAR, variables, token=stranger.token))["calendarEntries"]
    assert found == {"truncated": False, "entries": []}
    own = await _window(api, seeded.other, DAY, DAY + timedelta(days=1))
    assert [e["target"]["post"]["text"] for e in own["entries"]] == ["someone else's"]


@pytest.mark.parametrize(
    ("start", "end", "first"),
    [
        (DAY, DAY, 10),
        (DAY + timedelta(hours=1), DAY, 10),
        (DAY, DAY + timedelta(days=63), 10),
        (DAY, DAY + timedelta(days=1), 0),
        (DAY, DAY + timedelta(days=1), 1001),
    ],
)
async def test_a_bad_window_is_bad_input(
    api: ApiServer, seeded: Seeded, start: datetime, end: datetime, first: int
) -> None:
    variables = {
        "ws": seeded.member.workspace_id,
        "from": start.isoformat(),
        "to": end.isoformat(),
        "first": first,
    }
    body = await gql(api, CALENDAR, variables, token=seeded.member.token)
    assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_USER_INPUT"]
