"""Settling an UNCONFIRMED target from what a person saw on the network (`postTargetResolve`)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import pytest

from app.services import Services
from models.platform import PlatformName
from models.post import Post, PostStatus
from models.post_target import PostTarget
from models.target_state import TargetStatus
from models.workspace import Role
from schema.relay import parse_id_of, to_global_id
from tests.analytics_data import seed_account
from tests.herald_client import Member, create_post, sign_up
from tests.network_client import add_member
from tests.stack import ApiServer, data, gql, subscribe

RESOLVE = """
mutation ($id: ID!, $input: PostTargetResolveInput!) {
  postTargetResolve(id: $id, input: $input) {
    target { id status externalUrl publishedAt lastError { code retryable } }
    userErrors { code field }
  }
}"""
WATCH = "subscription ($ws: ID!) { postStatusChanged(workspaceId: $ws) { targetStatus postStatus } }"


@dataclass(frozen=True)
class Given:
    member: Member
    target_id: str


async def _target(api: ApiServer, services: Services, member: Member, status: TargetStatus) -> str:
    """A post to one account whose target reached `status` (as a worker would have left it)."""
    workspace_id = parse_id_of("Workspace", member.workspace_id)
    assert workspace_id is not None
    account = await seed_account(services, workspace_id, PlatformName.THREADS)
    created = await create_post(
        api, member, text="did it go out?", targets=[{"accountId": to_global_id("SocialAccount", account.id)}]
    )
    assert created["userErrors"] == [], created
    target_id: str = created["post"]["targets"][0]["id"]
    stored = await PostTarget.get(parse_id_of("PostTarget", target_id))
    assert stored is not None
    await stored.set({"status": status})
    return target_id


@pytest.fixture
async def unconfirmed(api: ApiServer, services: Services) -> Given:
    member = await sign_up(api)
    return Given(member, await _target(api, services, member, TargetStatus.UNCONFIRMED))


async def _resolve(api: ApiServer, member: Member, target_id: str, **input: Any) -> dict[str, Any]:
    payload: dict[str, Any] = (
        await data(api, RESOLVE, {"id": target_id, "input": input}, token=member.token)
    )["postTargetResolve"]
    return payload


async def _stored(target_id: str) -> PostTarget:
    found = await PostTarget.get(parse_id_of("PostTarget", target_id))
    assert found is not None
    return found


async def test_marking_it_published_publishes_an_event(api: ApiServer, unconfirmed: Given) -> None:
    # given a dashboard watching the workspace
    async with subscribe(
        api, WATCH, {"ws": unconfirmed.member.workspace_id}, token=unconfirmed.member.token
    ) as sub:
        await asyncio.sleep(0.3)  # let the subscription attach before anything happens

        # when someone says it was published, with its link
        link = "https://www.threads.net/@someone/post/abc"
        payload = await _resolve(
            api, unconfirmed.member, unconfirmed.target_id, outcome="PUBLISHED", externalUrl=link
        )
        event = await sub.next()

    # then the target is PUBLISHED with that link, and the change went out like any other
    assert payload["userErrors"] == []
    assert event["data"]["postStatusChanged"] == {"targetStatus": "PUBLISHED", "postStatus": "PUBLISHED"}
    stored = await _stored(unconfirmed.target_id)
    assert (stored.status, stored.external_url, stored.last_error) == (TargetStatus.PUBLISHED, link, None)
    assert stored.published_at is not None
    post = await Post.get(stored.post_id)
    assert post is not None and post.status is PostStatus.PUBLISHED


async def test_marking_it_not_published_fails_it_for_a_retry(api: ApiServer, unconfirmed: Given) -> None:
    payload = await _resolve(api, unconfirmed.member, unconfirmed.target_id, outcome="FAILED")

    assert payload["userErrors"] == []
    assert payload["target"]["lastError"] == {"code": "MARKED_NOT_PUBLISHED", "retryable": True}
    stored = await _stored(unconfirmed.target_id)
    assert stored.status is TargetStatus.FAILED
    post = await Post.get(stored.post_id)
    assert post is not None and post.status is PostStatus.FAILED


@pytest.mark.parametrize(
    "status",
    [
        TargetStatus.DRAFT,
        TargetStatus.QUEUED,
        TargetStatus.PUBLISHING,
        TargetStatus.PUBLISHED,
        TargetStatus.FAILED,
    ],
)
async def test_only_an_unconfirmed_target_can_be_marked(
    api: ApiServer, services: Services, status: TargetStatus
) -> None:
    member = await sign_up(api)
    target_id = await _target(api, services, member, status)

    payload = await _resolve(api, member, target_id, outcome="PUBLISHED")

    assert payload == {"target": None, "userErrors": [{"code": "TARGET_NOT_UNCONFIRMED", "field": ["id"]}]}
    assert (await _stored(target_id)).status is status


async def test_a_second_answer_is_refused(api: ApiServer, unconfirmed: Given) -> None:
    assert (await _resolve(api, unconfirmed.member, unconfirmed.target_id, outcome="FAILED"))[
        "userErrors"
    ] == []

    again = await _resolve(api, unconfirmed.member, unconfirmed.target_id, outcome="PUBLISHED")

    assert again["userErrors"] == [{"code": "TARGET_NOT_UNCONFIRMED", "field": ["id"]}]
    assert (await _stored(unconfirmed.target_id)).status is TargetStatus.FAILED


@pytest.mark.parametrize(
    ("outcome", "url"),
    [
        ("PUBLISHED", "javascript:alert(1)"),
        ("PUBLISHED", "not a link"),
        ("PUBLISHED", "https://[::1"),
        ("PUBLISHED", "https://example.com/" + "a" * 2048),
        ("FAILED", "https://www.threads.net/@someone/post/abc"),
    ],
)
async def test_a_bad_link_is_refused(api: ApiServer, unconfirmed: Given, outcome: str, url: str) -> None:
    payload = await _resolve(api, unconfirmed.member, unconfirmed.target_id, outcome=outcome, externalUrl=url)

    assert payload["userErrors"] == [{"code": "INVALID_LINK", "field": ["input", "externalUrl"]}]
    assert (await _stored(unconfirmed.target_id)).status is TargetStatus.UNCONFIRMED


async def test_a_viewer_cannot_and_a_stranger_sees_no_target(api: ApiServer, unconfirmed: Given) -> None:
    viewer = await add_member(api, unconfirmed.member, Role.VIEWER)
    stranger = await sign_up(api)

    body = await gql(
        api, RESOLVE, {"id": unconfirmed.target_id, "input": {"outcome": "PUBLISHED"}}, token=viewer.token
    )
    missing = await _resolve(api, stranger, unconfirmed.target_id, outcome="PUBLISHED")

    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
    assert missing["userErrors"] == [{"code": "TARGET_NOT_FOUND", "field": ["id"]}]
    assert (await _stored(unconfirmed.target_id)).status is TargetStatus.UNCONFIRMED
