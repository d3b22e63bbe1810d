"""The spine's user story, end to end over HTTP and a websocket, checked on the real PDS."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from models.social_account import SocialAccount
from schema.relay import parse_id_of
from tests.herald_client import connect_bluesky, create_post, member_with_account, new_pds_account, sign_up
from tests.services.pds import PdsServer
from tests.stack import ApiServer, data, subscribe

pytestmark = pytest.mark.usefixtures("publishing")

STATUS_CHANGED = """
subscription ($workspaceId: ID!, $since: ID) {
  postStatusChanged(workspaceId: $workspaceId, since: $since) {
    eventId targetStatus postStatus
    post { id status targets { status } }
    target { id status externalUrl externalId }
  }
}"""
POST = """
query ($id: ID!) {
  post(id: $id) { status targets { status externalUrl externalId attempts lastError { code } } }
}"""


async def test_a_scheduled_post_goes_out_once_and_is_watched_live(api: ApiServer, pds: PdsServer) -> None:
    # given a user with a connected Bluesky account and a friend to mention
    member = await sign_up(api)
    account, app_password = await new_pds_account(pds)
    friend, _ = await new_pds_account(pds)
    account_id = await connect_bluesky(api, member, pds.url, account.handle, app_password)
    text = f"Launch day 🚀👨‍👩‍👧 with @{friend.handle} → https://example.com/launch?x=1 #herald"

    async with subscribe(
        api, STATUS_CHANGED, {"workspaceId": member.workspace_id}, token=member.token
    ) as live:
        # when they schedule a post a couple of seconds ahead
        at = (datetime.now(UTC) + timedelta(seconds=2)).isoformat()
        created = await create_post(
            api, member, text=text, scheduledAt=at, targets=[{"accountId": account_id}]
        )
        assert created["userErrors"] == []
        post_id = created["post"]["id"]

        # then they watch it move SCHEDULED → QUEUED → PUBLISHING → PUBLISHED live
        seen: list[dict[str, Any]] = []
        while not seen or seen[-1]["targetStatus"] != "PUBLISHED":
            event = (await live.next(timeout=30))["data"]["postStatusChanged"]
            assert event["post"]["id"] == post_id
            seen.append(event)
    assert [e["targetStatus"] for e in seen] == ["SCHEDULED", "QUEUED", "PUBLISHING", "PUBLISHED"]
    assert seen[-1]["postStatus"] == "PUBLISHED"
    # each event reads the post as it is now, on a socket that already carried earlier events
    assert seen[-1]["post"]["targets"] == [{"status": "PUBLISHED"}]
    url = seen[-1]["target"]["externalUrl"]
    assert url.startswith(f"https://bsky.app/profile/{account.handle}/post/")

    # and the PDS holds exactly one record, with facets at the right UTF-8 byte offsets
    records = await pds.list_records(account.did, "app.bsky.feed.post")
    assert len(records) == 1
    record = records[0]["value"]
    assert record["text"] == text
    raw = text.encode()
    spans = {
        facet["features"][0]["$type"]: raw[facet["index"]["byteStart"] : facet["index"]["byteEnd"]].decode()
        for facet in record["facets"]
    }
    assert spans == {
        "app.bsky.richtext.facet#mention": f"@{friend.handle}",
        "app.bsky.richtext.facet#link": "https://example.com/launch?x=1",
        "app.bsky.richtext.facet#tag": "#herald",
    }
    mention = next(f for f in record["facets"] if f["features"][0]["$type"].endswith("#mention"))
    assert mention["features"][0]["did"] == friend.did
    assert records[0]["uri"] == seen[-1]["target"]["externalId"]

    # and the account's credentials are stored encrypted, never in clear
    stored = await SocialAccount.get(parse_id_of("SocialAccount", account_id))
    assert stored is not None
    assert app_password not in stored.credentials
    assert "accessJwt" not in stored.credentials

    # and the API tells the same story afterwards
    post = (await data(api, POST, {"id": post_id}, token=member.token))["post"]
    assert post["status"] == "PUBLISHED"
    assert post["targets"][0]["attempts"] == 1
    assert post["targets"][0]["lastError"] is None


async def test_since_replays_what_a_dashboard_missed(api: ApiServer, pds: PdsServer) -> None:
    # given a published post whose events were issued while nobody watched
    member, _account, account_id = await member_with_account(api, pds)
    async with subscribe(
        api, STATUS_CHANGED, {"workspaceId": member.workspace_id}, token=member.token
    ) as live:
        created = await create_post(api, member, text="first draft", targets=[{"accountId": account_id}])
        first = (await live.next())["data"]["postStatusChanged"]
    assert first["targetStatus"] == "DRAFT"
    publish = "mutation ($id: ID!) { postPublishNow(id: $id) { userErrors { code } } }"
    assert (await data(api, publish, {"id": created["post"]["id"]}, token=member.token))["postPublishNow"][
        "userErrors"
    ] == []

    # when the dashboard reconnects with the last event id it saw
    variables = {"workspaceId": member.workspace_id, "since": first["eventId"]}
    async with subscribe(api, STATUS_CHANGED, variables, token=member.token) as live:
        replayed = [(await live.next())["data"]["postStatusChanged"]["targetStatus"] for _ in range(3)]

    # then it gets every change it missed, in order
    assert replayed == ["QUEUED", "PUBLISHING", "PUBLISHED"]
