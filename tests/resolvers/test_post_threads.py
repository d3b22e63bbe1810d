"""Threads and Bluesky options when a post is written: stored with its parts where the network has reply
chains, refused per network where it has none, every part and option checked before anything is stored."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from app.services import Services
from models.post import Post, ThreadPart
from models.target_state import TargetStatus
from tests.herald_client import Member, create_post, member_with_account
from tests.media_client import ready_asset
from tests.media_samples import png
from tests.network_client import connected_member, publish, queued_target
from tests.services.networks import NetworkFakes
from tests.services.pds import PdsServer
from tests.stack import ApiServer, data

THREAD = """
query ($id: ID!) { post(id: $id) { text thread { text media { id } } } }
"""
UPDATE = """
mutation ($id: ID!, $input: PostUpdateInput!) {
  postUpdate(id: $id, input: $input) { post { thread { text } } userErrors { code field } }
}"""
UNKNOWN_MEDIA = "TWVkaWFBc3NldDo2NmYwMDAwMDAwMDAwMDAwMDAwMDAwMDA"


@dataclass(frozen=True)
class Writer:
    member: Member
    account_id: str
    image: str


@pytest.fixture(scope="module")
async def writer(api: ApiServer, pds: PdsServer) -> Writer:
    member, _, account_id = await member_with_account(api, pds)
    image = await ready_asset(api, member, png(30, 20), "part.png", "image/png")
    return Writer(member, account_id, image["id"])


def _errors(payload: dict[str, Any]) -> list[tuple[str, list[str]]]:
    assert payload["post"] is None, "a refused post is not stored"
    return [(e["code"], e["field"]) for e in payload["userErrors"]]


async def test_a_bluesky_thread_is_stored_with_its_parts(api: ApiServer, writer: Writer) -> None:
    # when a post with two further parts (one with an image) is written for Bluesky
    thread = [{"text": "two"}, {"text": "three", "mediaIds": [writer.image]}]
    created = await create_post(
        api, writer.member, text="one", thread=thread, targets=[{"accountId": writer.account_id}]
    )

    # then it is stored, parts and media in order
    assert created["userErrors"] == []
    post = (await data(api, THREAD, {"id": created["post"]["id"]}, token=writer.member.token))["post"]
    assert post == {
        "text": "one",
        "thread": [{"text": "two", "media": []}, {"text": "three", "media": [{"id": writer.image}]}],
    }


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"thread": [{"text": "ok"}, {"text": "x" * 301}]}, [("TEXT_TOO_LONG", ["thread", "1", "text"])]),
        ({"thread": [{"text": " "}]}, [("EMPTY_POST", ["thread", "0", "text"])]),
        (
            {"thread": [{"text": "x", "mediaIds": [UNKNOWN_MEDIA]}]},
            [("MEDIA_NOT_FOUND", ["thread", "0", "mediaIds", "0"])],
        ),
        ({"thread": [{"text": f"{n}"} for n in range(25)]}, [("TOO_MANY_THREAD_PARTS", ["thread"])]),
    ],
)
async def test_every_part_is_checked_and_the_error_points_at_it(
    api: ApiServer, writer: Writer, fields: dict[str, Any], expected: list[tuple[str, list[str]]]
) -> None:
    payload = await create_post(
        api, writer.member, text="first", targets=[{"accountId": writer.account_id}], **fields
    )
    assert _errors(payload) == expected


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"quoteUri": "https://example.com/not-a-post"}, ("INVALID_QUOTE_URI", ["options", "quoteUri"])),
        (
            {"replyToUri": "at://alice.test/app.bsky.feed.like/3k"},
            ("INVALID_REPLY_URI", ["options", "replyToUri"]),
        ),
        ({"langs": ["en", "de", "fr", "es"]}, ("TOO_MANY_LANGS", ["options", "langs"])),
        ({"langs": ["klingon!"]}, ("INVALID_LANG", ["options", "langs", "0"])),
    ],
)
async def test_bluesky_options_are_checked_when_the_post_is_written(
    api: ApiServer, writer: Writer, options: dict[str, Any], expected: tuple[str, list[str]]
) -> None:
    target = {"accountId": writer.account_id, "options": options}
    payload = await create_post(api, writer.member, text="hi", targets=[target])
    code, field = expected
    assert _errors(payload) == [(code, ["targets", "0", *field])]


async def test_valid_quote_and_reply_addresses_are_accepted(api: ApiServer, writer: Writer) -> None:
    options = {
        "quoteUri": "https://bsky.app/profile/alice.test/post/3k2abc",
        "replyToUri": "at://did:plc:abc/app.bsky.feed.post/3k2abc",
        "langs": ["en", "pt-BR"],
    }
    target = {"accountId": writer.account_id, "options": options}
    assert (await create_post(api, writer.member, text="hi", targets=[target]))["userErrors"] == []


async def test_a_thread_for_a_network_without_reply_chains_is_refused(
    api: ApiServer, networks: NetworkFakes
) -> None:
    # given a workspace with a Threads account (Herald publishes no reply chains there)
    networks.threads.consenting = networks.threads.add_user("threader")
    member, account_id = await connected_member(api, "THREADS")

    # when a post with a further part targets it
    payload = await create_post(
        api, member, text="one", thread=[{"text": "two"}], targets=[{"accountId": account_id}]
    )

    # then it is refused for that network, nothing stored
    assert _errors(payload) == [("THREADS_NOT_SUPPORTED", ["thread"])]
    assert "Threads" in payload["userErrors"][0]["message"]


async def test_post_update_replaces_the_thread(api: ApiServer, writer: Writer) -> None:
    # given a stored thread
    created = await create_post(
        api, writer.member, text="one", thread=[{"text": "two"}], targets=[{"accountId": writer.account_id}]
    )
    post_id = created["post"]["id"]

    # when its parts are replaced, then refused a part over the limit
    replaced = await data(
        api,
        UPDATE,
        {"id": post_id, "input": {"thread": [{"text": "2"}, {"text": "3"}]}},
        token=writer.member.token,
    )
    refused = await data(
        api, UPDATE, {"id": post_id, "input": {"thread": [{"text": "x" * 301}]}}, token=writer.member.token
    )

    # then
    assert replaced["postUpdate"] == {"post": {"thread": [{"text": "2"}, {"text": "3"}]}, "userErrors": []}
    assert refused["postUpdate"]["userErrors"] == [
        {"code": "TEXT_TOO_LONG", "field": ["thread", "0", "text"]}
    ]


async def test_a_worker_never_publishes_a_thread_without_its_parts(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given a Threads target whose post got thread parts behind the API's back, then queued
    networks.threads.consenting = networks.threads.add_user("sneaky")
    member, account_id = await connected_member(api, "THREADS")
    target = await queued_target(api, member, account_id, "one")
    post = await Post.get(target.post_id)
    assert post is not None
    await post.set({"thread": [ThreadPart(text="two").model_dump()]})
    networks.threads.reset_script()

    # when a worker takes it
    done = await publish(services, target)

    # then it fails with the reason, and Threads was never asked to create anything
    assert done.status is TargetStatus.FAILED
    assert done.last_error is not None and done.last_error.code == "THREADS_NOT_SUPPORTED"
    assert networks.threads.calls("create_container") == []
    assert networks.threads.calls("threads_publish") == []
