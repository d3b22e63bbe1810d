"""What a client does first: sign up, connect a Bluesky account, write a post (over GraphQL)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from tests.services.pds import PdsAccount, PdsServer
from tests.stack import ApiServer, data

SIGN_UP = """
mutation ($input: SignUpInput!) {
  signUp(input: $input) { token user { id email } userErrors { code field message } }
}"""
WORKSPACES = "{ workspaces { id name viewerRole } }"
CONNECT = """
mutation ($input: BlueskyAccountConnectInput!) {
  blueskyAccountConnect(input: $input) {
    account { id handle status externalId }
    userErrors { code field message }
  }
}"""
POST_CREATE = """
mutation ($input: PostCreateInput!) {
  postCreate(input: $input) {
    post { id status text targets { id status text platform } }
    userErrors { code field message }
  }
}"""


@dataclass(frozen=True)
class Member:
    token: str
    email: str
    workspace_id: str


async def sign_up(api: ApiServer, **extra: Any) -> Member:
    email = f"user-{uuid.uuid4().hex[:10]}@example.test"
    payload = (
        await data(
            api,
            SIGN_UP,
            {"input": {"email": email, "password": "correct horse battery", "name": "Ada", **extra}},
        )
    )["signUp"]
    assert payload["userErrors"] == [], payload
    token = payload["token"]
    workspaces = (await data(api, WORKSPACES, token=token))["workspaces"]
    return Member(token=token, email=email, workspace_id=workspaces[0]["id"])


async def new_pds_account(pds: PdsServer) -> tuple[PdsAccount, str]:
    """An account on the PDS and an app password for it."""
    name = f"u{uuid.uuid4().hex[:10]}"
    account = await pds.create_account(f"{name}.test", f"{name}@example.test", "pds-password-1")
    return account, await pds.create_app_password(account)


async def connect_bluesky(
    api: ApiServer, member: Member, pds_url: str, handle: str, app_password: str
) -> str:
    payload = (
        await data(
            api,
            CONNECT,
            {
                "input": {
                    "workspaceId": member.workspace_id,
                    "handle": handle,
                    "appPassword": app_password,
                    "serviceUrl": pds_url,
                }
            },
            token=member.token,
        )
    )["blueskyAccountConnect"]
    assert payload["userErrors"] == [], payload
    account_id: str = payload["account"]["id"]
    return account_id


async def create_post(api: ApiServer, member: Member, **fields: Any) -> dict[str, Any]:
    """postCreate's payload (post and userErrors)."""
    payload: dict[str, Any] = (
        await data(
            api, POST_CREATE, {"input": {"workspaceId": member.workspace_id, **fields}}, token=member.token
        )
    )["postCreate"]
    return payload


async def member_with_account(api: ApiServer, pds: PdsServer) -> tuple[Member, PdsAccount, str]:
    """A new user whose workspace has a new PDS account connected: (member, PDS account, account id)."""
    member = await sign_up(api)
    account, app_password = await new_pds_account(pds)
    return member, account, await connect_bluesky(api, member, pds.url, account.handle, app_password)
