"""Listing posts by network and account: the filters compose, follow the targets, and page stably."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.services import Services
from models.platform import PlatformName
from models.post import Post
from schema.relay import parse_id_of, to_global_id
from tests.analytics_data import seed_account
from tests.herald_client import Member, create_post, sign_up
from tests.stack import ApiServer, data, gql

POSTS = """
query ($ws: ID!, $filter: PostFilter, $first: Int!, $after: String) {
  posts(workspaceId: $ws, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { text } }
  }
}"""
UPDATE = """
mutation ($id: ID!, $input: PostUpdateInput!) { postUpdate(id: $id, input: $input) { userErrors { code } } }
"""


@dataclass(frozen=True)
class Seeded:
    member: Member
    accounts: dict[str, str]  # "bsky1", "bsky2", "threads" → global account id
    posts: dict[str, str]  # text → global post id


async def _write(api: ApiServer, member: Member, text: str, *accounts: str, scheduled: bool) -> str:
    later = {"scheduledAt": (datetime.now(UTC) + timedelta(days=2)).isoformat()} if scheduled else {}
    payload = await create_post(api, member, text=text, targets=[{"accountId": a} for a in accounts], **later)
    assert payload["userErrors"] == [], payload
    post_id: str = payload["post"]["id"]
    return post_id


async def _member_with(
    api: ApiServer, services: Services, *platforms: PlatformName
) -> tuple[Member, list[str]]:
    """A new member, and the global ids of accounts of `platforms` seeded in their workspace."""
    member = await sign_up(api)
    workspace_id = parse_id_of("Workspace", member.workspace_id)
    assert workspace_id is not None
    accounts: list[str] = [
        to_global_id("SocialAccount", (await seed_account(services, workspace_id, platform)).id)
        for platform in platforms
    ]
    return member, accounts


@pytest.fixture(scope="module")
async def seeded(api: ApiServer, services: Services) -> Seeded:
    """Five posts over two Bluesky accounts and a Threads account, oldest first: p0 … p4."""
    member = await sign_up(api)
    workspace_id = parse_id_of("Workspace", member.workspace_id)
    assert workspace_id is not None
    accounts: dict[str, str] = {}
    for name, platform in [
        ("bsky1", PlatformName.BLUESKY),
        ("bsky2", PlatformName.BLUESKY),
        ("threads", PlatformName.THREADS),
    ]:
        account = await seed_account(services, workspace_id, platform)
        accounts[name] = to_global_id("SocialAccount", account.id)
    plan = [
        ("p0", ["bsky1"], False),
        ("p1", ["threads"], True),
        ("p2", ["bsky1", "threads"], True),
        ("p3", ["bsky2"], False),
        ("p4", ["bsky1"], True),
    ]
    posts = {}
    for text, names, scheduled in plan:
        posts[text] = await _write(api, member, text, *(accounts[n] for n in names), scheduled=scheduled)
    return Seeded(member, accounts, posts)


async def _texts(api: ApiServer, member: Member, filter: dict[str, Any], first: int = 50) -> list[str]:
    found = (
        await data(
            api, POSTS, {"ws": member.workspace_id, "filter": filter, "first": first}, token=member.token
        )
    )["posts"]
    texts = [edge["node"]["text"] for edge in found["edges"]]
    assert found["totalCount"] == len(texts)
    return texts


@pytest.mark.parametrize(
    ("filter", "expected"),
    [
        ({}, ["p4", "p3", "p2", "p1", "p0"]),
        ({"platform": "BLUESKY"}, ["p4", "p3", "p2", "p0"]),
        ({"platform": "THREADS"}, ["p2", "p1"]),
        ({"platform": "REDDIT"}, []),
        ({"accountId": "bsky1"}, ["p4", "p2", "p0"]),
        ({"accountId": "threads"}, ["p2", "p1"]),
        ({"accountId": "bsky1", "status": "SCHEDULED"}, ["p4", "p2"]),
        ({"accountId": "bsky1", "status": "DRAFT"}, ["p0"]),
        ({"platform": "THREADS", "status": "SCHEDULED"}, ["p2", "p1"]),
        ({"platform": "BLUESKY", "status": "DRAFT"}, ["p3", "p0"]),
        ({"platform": "BLUESKY", "accountId": "bsky2"}, ["p3"]),
        ({"platform": "THREADS", "accountId": "bsky1"}, []),
        ({"platform": "BLUESKY", "accountId": "bsky1", "status": "SCHEDULED"}, ["p4", "p2"]),
    ],
)
async def test_filters_compose(
    api: ApiServer, seeded: Seeded, filter: dict[str, Any], expected: list[str]
) -> None:
    # when the posts are listed with these filters (account names stand for the seeded accounts' ids)
    if "accountId" in filter:
        filter = {**filter, "accountId": seeded.accounts[filter["accountId"]]}
    texts = await _texts(api, seeded.member, filter)

    # then exactly the posts with a matching target come back, newest first
    assert texts == expected


async def test_an_account_of_another_workspace_matches_nothing(
    api: ApiServer, services: Services, seeded: Seeded
) -> None:
    # given an account in someone else's workspace, and the other user's own post on it
    other = await sign_up(api)
    other_workspace = parse_id_of("Workspace", other.workspace_id)
    assert other_workspace is not None
    foreign = await seed_account(services, other_workspace, PlatformName.BLUESKY)
    foreign_id = to_global_id("SocialAccount", foreign.id)
    await _write(api, other, "theirs", foreign_id, scheduled=False)

    # when the first user filters by it, then nothing comes back: neither their posts nor the other's
    assert await _texts(api, seeded.member, {"accountId": foreign_id}) == []
    assert await _texts(api, seeded.member, {"accountId": foreign_id, "platform": "BLUESKY"}) == []
    # and the owner sees the post
    assert await _texts(api, other, {"accountId": foreign_id}) == ["theirs"]


async def test_an_account_filter_that_is_no_account_id_is_bad_input(api: ApiServer, seeded: Seeded) -> None:
    body = await gql(
        api,
        POSTS,
        {"ws": seeded.member.workspace_id, "filter": {"accountId": seeded.posts["p0"]}, "first": 5},
        token=seeded.member.token,
    )
    assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_USER_INPUT"]


async def test_replacing_targets_moves_the_post_between_filters(api: ApiServer, services: Services) -> None:
    # given a draft to one Bluesky account
    member, (bsky, threads) = await _member_with(api, services, PlatformName.BLUESKY, PlatformName.THREADS)
    post_id = await _write(api, member, "moving", bsky, scheduled=False)

    # when its targets are replaced by the Threads account
    updated = await data(
        api, UPDATE, {"id": post_id, "input": {"targets": [{"accountId": threads}]}}, token=member.token
    )
    assert updated["postUpdate"]["userErrors"] == []

    # then the filters follow the targets
    assert await _texts(api, member, {"platform": "THREADS"}) == ["moving"]
    assert await _texts(api, member, {"accountId": threads}) == ["moving"]
    assert await _texts(api, member, {"platform": "BLUESKY"}) == []
    assert await _texts(api, member, {"accountId": bsky}) == []


async def test_filtered_pages_stay_stable_while_posts_are_added(api: ApiServer, services: Services) -> None:
    # given six Bluesky posts with a Threads post between each
    member, (bsky, threads) = await _member_with(api, services, PlatformName.BLUESKY, PlatformName.THREADS)
    for n in range(6):
        await _write(api, member, f"b{n}", bsky, scheduled=False)
        await _write(api, member, f"t{n}", threads, scheduled=False)

    # when the Bluesky posts are read two at a time, and new posts land between the pages
    texts: list[str] = []
    after = None
    for page in range(4):
        variables = {"ws": member.workspace_id, "filter": {"platform": "BLUESKY"}, "first": 2, "after": after}
        found = (await data(api, POSTS, variables, token=member.token))["posts"]
        texts += [edge["node"]["text"] for edge in found["edges"]]
        if not found["pageInfo"]["hasNextPage"]:
            break
        after = found["pageInfo"]["endCursor"]
        await _write(api, member, f"new{page}", bsky, scheduled=False)

    # then each post came exactly once, in order, and nothing written later slipped in
    assert texts == [f"b{n}" for n in reversed(range(6))]


async def test_posts_stored_before_the_filters_existed_are_found_once_migrated(
    api: ApiServer, services: Services
) -> None:
    # given a post whose document predates the networks and accounts copied onto posts
    member, (bsky,) = await _member_with(api, services, PlatformName.BLUESKY)
    post_id = parse_id_of("Post", await _write(api, member, "from before", bsky, scheduled=False))
    await Post.get_pymongo_collection().update_one(
        {"_id": post_id}, {"$unset": {"platforms": "", "account_ids": ""}}
    )
    assert await _texts(api, member, {"platform": "BLUESKY"}) == []

    # when the migration runs (twice: a second start finds nothing left to do)
    assert await Post.backfill_routes() >= 1
    assert await Post.backfill_routes() == 0

    # then the filters find it
    assert await _texts(api, member, {"platform": "BLUESKY"}) == ["from before"]
    assert await _texts(api, member, {"accountId": bsky}) == ["from before"]
