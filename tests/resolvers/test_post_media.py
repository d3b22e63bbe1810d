"""Media on posts: only READY assets of the workspace, each network's rules, and never published without."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.services import Services
from models.post_target import PostTarget
from models.target_state import TargetStatus
from schema.relay import parse_id_of
from tests.herald_client import Member, create_post, member_with_account, sign_up
from tests.media_client import ready_asset, upload_create
from tests.media_samples import mp4, png
from tests.network_client import queue_without_job
from tests.services.pds import PdsServer
from tests.stack import ApiServer, data
from workers.post import PostWorker

POSTS = "query ($ws: ID!) { posts(workspaceId: $ws) { totalCount } }"
POST_MEDIA = "query ($id: ID!) { post(id: $id) { media { id } } }"


@dataclass(frozen=True)
class Author:
    member: Member
    did: str
    account_id: str
    images: list[str]
    video: str


@pytest.fixture(scope="module")
async def author(api: ApiServer, pds: PdsServer) -> Author:
    """A member with a Bluesky account, five READY images and a READY video."""
    member, account, account_id = await member_with_account(api, pds)
    images = [
        (await ready_asset(api, member, png(20 + i, 10), f"{i}.png", "image/png"))["id"] for i in range(5)
    ]
    video = (await ready_asset(api, member, mp4(seconds=0.5), "clip.mp4", "video/mp4"))["id"]
    return Author(member, account.did, account_id, images, video)


def _codes(payload: dict[str, object]) -> list[tuple[str, list[str]]]:
    assert payload["post"] is None, "a refused post is not stored"
    errors = payload["userErrors"]
    assert isinstance(errors, list)
    return [(e["code"], e["field"]) for e in errors]


async def test_five_images_are_refused_for_bluesky_naming_the_rule(api: ApiServer, author: Author) -> None:
    # when a post attaches five images for a Bluesky account
    payload = await create_post(
        api, author.member, text="five", mediaIds=author.images, targets=[{"accountId": author.account_id}]
    )

    # then it is refused: at most four images on Bluesky
    assert _codes(payload) == [("TOO_MANY_IMAGES", ["mediaIds"])]
    message = str(payload["userErrors"][0]["message"])
    assert "Bluesky" in message and "4" in message


async def test_images_and_a_video_on_one_target_are_refused(api: ApiServer, author: Author) -> None:
    target = {"accountId": author.account_id, "mediaIds": [author.images[0], author.video]}
    payload = await create_post(api, author.member, text="mixed", targets=[target])
    assert _codes(payload) == [("MIXED_MEDIA", ["targets", "0", "mediaIds"])]


@pytest.mark.parametrize("attached", ["four images", "one video"])
async def test_four_images_or_one_video_are_accepted_for_bluesky(
    api: ApiServer, author: Author, attached: str
) -> None:
    media = author.images[:4] if attached == "four images" else [author.video]
    payload = await create_post(
        api, author.member, text="media", mediaIds=media, targets=[{"accountId": author.account_id}]
    )
    assert payload["userErrors"] == []
    # and the post carries exactly those files, in that order
    stored = await data(api, POST_MEDIA, {"id": payload["post"]["id"]}, token=author.member.token)
    assert [asset["id"] for asset in stored["post"]["media"]] == media


async def test_only_ready_assets_of_the_workspace_can_be_attached(api: ApiServer, author: Author) -> None:
    # given an upload never completed, and another workspace's READY image
    pending = await upload_create(api, author.member, filename="p.png", content_type="image/png", byte_size=5)
    stranger = await sign_up(api)
    foreign = await ready_asset(api, stranger, png(4, 4), "theirs.png", "image/png")

    # when a post attaches them (and one image twice)
    media = [pending["asset"]["id"], foreign["id"], author.images[0], author.images[0], "not-an-id"]
    payload = await create_post(
        api, author.member, text="attachments", mediaIds=media, targets=[{"accountId": author.account_id}]
    )

    # then each is refused where it stands
    assert _codes(payload) == [
        ("MEDIA_NOT_READY", ["mediaIds", "0"]),
        ("MEDIA_NOT_FOUND", ["mediaIds", "1"]),
        ("DUPLICATE_MEDIA", ["mediaIds", "3"]),
        ("MEDIA_NOT_FOUND", ["mediaIds", "4"]),
    ]


async def test_a_post_with_media_is_never_published_without_it(
    api: ApiServer, pds: PdsServer, author: Author, services: Services
) -> None:
    # given a text post to which a file that cannot be published (an upload never completed) was attached
    # behind the API's back, then queued
    created = await create_post(
        api, author.member, text="with a picture", targets=[{"accountId": author.account_id}]
    )
    assert created["userErrors"] == []
    [target] = await PostTarget.of_posts([parse_id_of("Post", created["post"]["id"])])  # type: ignore[list-item]
    pending = await upload_create(api, author.member, filename="p.png", content_type="image/png", byte_size=5)
    image = parse_id_of("MediaAsset", pending["asset"]["id"])
    assert image is not None
    await target.set({"media_ids": [image]})
    moved = await queue_without_job(target.post_id)
    assert len(moved) == 1

    # when a worker takes it
    await PostWorker(services).handle({"target_id": str(target.id)})

    # then it fails with a reason to act on, and Bluesky received nothing
    failed = await PostTarget.get(target.id)
    assert failed is not None and failed.status is TargetStatus.FAILED
    assert failed.last_error is not None and failed.last_error.code == "MEDIA_NOT_FOUND"
    assert await pds.list_records(author.did, "app.bsky.feed.post") == []
