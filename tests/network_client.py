"""What a client does to use an OAuth network: oauthStart, the browser's round trip through the network's
consent page and Herald's callback, then posts whose targets the tests hand to a post worker."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
from beanie import PydanticObjectId

from app.services import Services
from models.clock import utcnow
from models.platform import PlatformName
from models.post_target import PostTarget
from models.social_account import SocialAccount
from models.target_state import TargetStatus
from models.workspace import Member as WorkspaceMember
from models.workspace import Role, Workspace
from schema.relay import parse_id_of
from tests.herald_client import Member, create_post, sign_up
from tests.stack import ApiServer, data
from workers.post import PostWorker

OAUTH_START = """
mutation ($input: OAuthStartInput!) {
  oauthStart(input: $input) { authorizationUrl userErrors { code field message } }
}"""
ACCOUNTS = """
query ($ws: ID!) {
  socialAccounts(workspaceId: $ws) { id platform handle displayName externalId status statusReason }
}"""


async def oauth_start(
    api: ApiServer, member: Member, platform: str, browser: httpx.AsyncClient | None = None
) -> dict[str, Any]:
    """oauthStart's payload, asked over HTTP by `browser` (the user's client: its cookie jar keeps what
    the mutation's answer sets); without one, by a client whose cookies are thrown away."""
    variables = {"input": {"workspaceId": member.workspace_id, "platform": platform}}
    async with contextlib.AsyncExitStack() as stack:
        if browser is None:
            browser = await stack.enter_async_context(httpx.AsyncClient(timeout=30))
        answered = await browser.post(
            api.graphql_url,
            json={"query": OAUTH_START, "variables": variables},
            headers={"authorization": f"Bearer {member.token}"},
        )
    assert answered.status_code == 200, answered.text
    body = answered.json()
    assert "errors" not in body, body["errors"]
    payload: dict[str, Any] = body["data"]["oauthStart"]
    return payload


async def consent(browser: httpx.AsyncClient, consent_url: str) -> str:
    """The network's consent page sends the browser back to Herald's callback; the callback URL."""
    answered = await browser.get(consent_url)
    assert answered.status_code == 302, answered.text
    return answered.headers["location"]


async def follow_consent(authorization_url: str, browser: httpx.AsyncClient) -> tuple[str, dict[str, str]]:
    """What a browser (with its cookie jar) does with oauthStart's URL: follow the redirects through the
    network's consent page to Herald's callback and on to the frontend. Returns the callback URL and the
    frontend's query parameters."""
    url = authorization_url
    for _ in range(4):
        if _is_callback(url):
            return url, await open_callback(browser, url)
        answered = await browser.get(url)
        assert answered.status_code == 302, answered.text
        url = answered.headers["location"]
    raise AssertionError(f"no callback reached from {authorization_url}")


def _is_callback(url: str) -> bool:
    path = urlsplit(url).path
    return path.startswith("/oauth/") and path.endswith("/callback")


async def open_callback(browser: httpx.AsyncClient, callback: str) -> dict[str, str]:
    """Herald's callback answers 302 to the frontend; its query says what happened."""
    done = await browser.get(callback)
    assert done.status_code == 302, done.text
    return dict(parse_qsl(urlsplit(done.headers["location"]).query))


async def connect(api: ApiServer, member: Member, platform: str) -> dict[str, str]:
    """The whole round trip in one client (the user's browser); the frontend's query parameters."""
    async with httpx.AsyncClient(timeout=30) as browser:
        started = await oauth_start(api, member, platform, browser)
        assert started["userErrors"] == [], started
        _, result = await follow_consent(started["authorizationUrl"], browser)
    return result


async def accounts(api: ApiServer, member: Member, platform: str | None = None) -> list[dict[str, Any]]:
    """The workspace's accounts (of one platform)."""
    found: list[dict[str, Any]] = (
        await data(api, ACCOUNTS, {"ws": member.workspace_id}, token=member.token)
    )["socialAccounts"]
    return [a for a in found if platform is None or a["platform"] == platform]


async def connected_member(api: ApiServer, platform: str) -> tuple[Member, str]:
    """A new user whose workspace connected one account of `platform` (the fake's `consenting` user)."""
    member = await sign_up(api)
    result = await connect(api, member, platform)
    assert result["status"] == "connected", result
    [account] = await accounts(api, member, platform)
    return member, account["id"]


async def add_member(api: ApiServer, owner: Member, role: Role) -> Member:
    """Another user, given `role` in the owner's workspace."""
    other = await sign_up(api)
    user_id = parse_id_of("User", (await data(api, "{ me { id } }", token=other.token))["me"]["id"])
    workspace = await Workspace.get(parse_id_of("Workspace", owner.workspace_id))
    assert workspace is not None and user_id is not None
    await workspace.update({"$push": {"members": WorkspaceMember(user_id=user_id, role=role).model_dump()}})
    return Member(other.token, other.email, owner.workspace_id)


async def stored_account(account_id: str) -> SocialAccount:
    found = await SocialAccount.get(parse_id_of("SocialAccount", account_id))
    assert found is not None
    return found


async def queued_target(
    api: ApiServer,
    member: Member,
    account_id: str,
    text: str,
    media_ids: list[str] | None = None,
    **options: Any,
) -> PostTarget:
    """A target moved to QUEUED without a message, so only the test decides who publishes it."""
    media = {"mediaIds": media_ids} if media_ids else {}
    created = await create_post(
        api, member, text=text, targets=[{"accountId": account_id, "options": options}], **media
    )
    assert created["userErrors"] == [], created
    post_id = parse_id_of("Post", created["post"]["id"])
    assert post_id is not None
    moved = await queue_without_job(post_id)
    assert len(moved) == 1
    return moved[0]


async def queue_without_job(post_id: PydanticObjectId) -> list[PostTarget]:
    """The post's DRAFT targets moved to QUEUED with nothing in their outbox, so no relay sends them a
    job and only the test decides who publishes them (`PostTarget.move` writes the job too)."""
    await PostTarget.get_pymongo_collection().update_many(
        {"post_id": post_id, "status": TargetStatus.DRAFT},
        {"$set": {"status": TargetStatus.QUEUED, "due_at": utcnow()}},
    )
    return [t for t in await PostTarget.of_posts([post_id]) if t.status is TargetStatus.QUEUED]


async def publish(services: Services, target: PostTarget, worker: str = "test-worker") -> PostTarget:
    """One worker's attempt at the target; the target as it is afterwards."""
    await PostWorker(services, worker).handle({"target_id": str(target.id)})
    return await reload(target.id)


async def reload(target_id: PydanticObjectId | None) -> PostTarget:
    found = await PostTarget.get(target_id)
    assert found is not None
    return found


async def wait_for(
    target_id: PydanticObjectId | None, *statuses: TargetStatus, timeout: float = 20
) -> PostTarget:
    """The target once it reached one of `statuses` (whichever worker got there)."""
    async with asyncio.timeout(timeout):
        while True:
            target = await reload(target_id)
            if target.status in statuses:
                return target
            await asyncio.sleep(0.05)


async def cancel_rescheduled() -> None:
    """Cancel SCHEDULED targets of the OAuth networks (what a rate-limit test left for later)."""
    networks = [PlatformName.THREADS, PlatformName.INSTAGRAM, PlatformName.FACEBOOK, PlatformName.REDDIT]
    await PostTarget.get_pymongo_collection().update_many(
        {"platform": {"$in": networks}, "status": TargetStatus.SCHEDULED},
        {"$set": {"status": TargetStatus.CANCELLED}},
    )
