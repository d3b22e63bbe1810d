"""What a browser app does with media: ask for an upload, send the bytes, complete (over GraphQL + HTTP)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from tests.herald_client import Member
from tests.stack import ApiServer, data

ASSET_FIELDS = """
  id kind status filename rejectionReason contentType byteSize width height durationSeconds sha256 altText
  url thumbnailUrl createdAt
"""
UPLOAD_CREATE = f"""
mutation ($input: MediaUploadCreateInput!) {{
  mediaUploadCreate(input: $input) {{
    asset {{ {ASSET_FIELDS} }}
    uploadUrl uploadMethod uploadHeaders {{ name value }} expiresAt
    userErrors {{ code field message }}
  }}
}}"""
UPLOAD_COMPLETE = f"""
mutation ($id: ID!) {{
  mediaUploadComplete(id: $id) {{ asset {{ {ASSET_FIELDS} }} userErrors {{ code field message }} }}
}}"""


@dataclass(frozen=True)
class Sent:
    """An upload that was asked for and sent: the asset as created, and how the PUT went."""

    asset_id: str
    put_status: int


async def upload_create(
    api: ApiServer, member: Member, *, filename: str, content_type: str, byte_size: int
) -> dict[str, Any]:
    """mediaUploadCreate's payload."""
    variables = {
        "input": {
            "workspaceId": member.workspace_id,
            "filename": filename,
            "contentType": content_type,
            "byteSize": byte_size,
        }
    }
    payload: dict[str, Any] = (await data(api, UPLOAD_CREATE, variables, token=member.token))[
        "mediaUploadCreate"
    ]
    return payload


async def send(
    api: ApiServer,
    member: Member,
    body: bytes,
    *,
    filename: str,
    content_type: str,
    declared: int | None = None,
) -> Sent:
    """Ask for an upload of `declared` bytes (the body's length unless given), then PUT `body` to its URL."""
    created = await upload_create(
        api, member, filename=filename, content_type=content_type, byte_size=declared or len(body)
    )
    assert created["userErrors"] == [], created
    headers = {h["name"]: h["value"] for h in created["uploadHeaders"]}
    async with httpx.AsyncClient(timeout=60) as client:
        try:
            response = await client.request(
                created["uploadMethod"], created["uploadUrl"], content=body, headers=headers
            )
            status = response.status_code
        except httpx.WriteError:  # the server answered and closed before the whole body was sent
            status = -1
    return Sent(asset_id=created["asset"]["id"], put_status=status)


async def complete(api: ApiServer, member: Member, asset_id: str) -> dict[str, Any]:
    """mediaUploadComplete's payload."""
    payload: dict[str, Any] = (await data(api, UPLOAD_COMPLETE, {"id": asset_id}, token=member.token))[
        "mediaUploadComplete"
    ]
    return payload


async def ready_asset(
    api: ApiServer, member: Member, body: bytes, filename: str, content_type: str
) -> dict[str, Any]:
    """Upload and complete a file that must become READY; the asset."""
    sent = await send(api, member, body, filename=filename, content_type=content_type)
    assert sent.put_status == 200
    completed = await complete(api, member, sent.asset_id)
    assert completed["userErrors"] == [], completed
    asset: dict[str, Any] = completed["asset"]
    assert asset["status"] == "READY"
    return asset
