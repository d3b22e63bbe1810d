"""Photos, videos and carousels to Threads through the post worker, with media uploaded through the API;
the local Threads server downloads every file over HTTP from the URL Herald hands it (Herald's signed
route, or moto's S3), as Threads does."""

from __future__ import annotations

from dataclasses import replace

from app.services import Services
from models.target_state import TargetStatus
from schema.relay import parse_id_of
from tests.herald_client import Member, create_post
from tests.media_client import ready_asset
from tests.media_samples import mp4, photo, png, still
from tests.network_client import connected_member, publish, queued_target, wait_for
from tests.services.meta_wire import graph_error
from tests.services.moto_s3 import MediaStack
from tests.services.networks import NetworkFakes
from tests.services.threads_server import ThreadsUser
from tests.stack import ApiServer, data

MEDIA_ALT = """
mutation ($id: ID!, $alt: String!) {
  mediaAssetUpdate(id: $id, input: {altText: $alt}) { userErrors { code } }
}"""


async def _threads_account(api: ApiServer, networks: NetworkFakes) -> tuple[Member, str, ThreadsUser]:
    user = networks.threads.add_user("lens")
    networks.threads.consenting = user
    member, account_id = await connected_member(api, "THREADS")
    networks.threads.reset_script()
    return member, account_id, user


async def _jpeg(api: ApiServer, member: Member, name: str = "photo.jpg") -> str:
    asset = await ready_asset(api, member, photo(320, 240, noise=40), name, "image/jpeg")
    return str(asset["id"])


async def test_a_photo_post_is_fetched_from_the_media_url_and_published(
    media_stack: MediaStack, networks: NetworkFakes, services: Services
) -> None:
    # given a Threads profile and a post with a JPEG uploaded to Herald (local disk, then S3)
    api = media_stack.api
    member, account_id, user = await _threads_account(api, networks)
    image = await _jpeg(api, member)
    target = await queued_target(api, member, account_id, "Golden hour", media_ids=[image])

    # when a worker publishes it
    done = await publish(replace(services, storage=media_stack.storage), target)

    # then Threads downloaded the photo from Herald's URL (a JPEG) and published one image post
    assert done.status is TargetStatus.PUBLISHED, done.last_error
    [created] = networks.threads.calls("create_container")
    assert (created.form["media_type"], created.form["text"]) == ("IMAGE", "Golden hour")
    [fetched] = networks.threads.fetches
    assert fetched.url == created.form["image_url"] and fetched.status == 200
    assert fetched.content_type == "image/jpeg" and fetched.sniffed == "image/jpeg"
    assert ("/media/files/" in fetched.url) is (media_stack.backend == "local")
    [post] = user.posts
    assert (post["id"], post["media_type"], post["text"]) == (done.external_id, "IMAGE", "Golden hour")


async def test_a_video_post_and_its_alt_text(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given a described MP4 video
    member, account_id, user = await _threads_account(api, networks)
    clip = mp4(seconds=1.0, width=160, height=120)
    video = (await ready_asset(api, member, clip, "v.mp4", "video/mp4"))["id"]
    await data(api, MEDIA_ALT, {"id": video, "alt": "A colour ramp"}, token=member.token)
    target = await queued_target(api, member, account_id, "", media_ids=[video])

    # when a worker publishes it
    done = await publish(services, target)

    # then one VIDEO container carried the video's URL and description, and nothing else
    assert done.status is TargetStatus.PUBLISHED, done.last_error
    [created] = networks.threads.calls("create_container")
    assert created.form["media_type"] == "VIDEO" and created.form["alt_text"] == "A colour ramp"
    assert "text" not in created.form and networks.threads.fetches[0].is_video()
    assert user.posts[0]["media_type"] == "VIDEO" and "text" not in user.posts[0]


async def test_a_carousel_waits_for_its_items_and_publishes_once(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given three photos (a JPEG and two PNGs), and containers that stay IN_PROGRESS for two reads
    member, account_id, user = await _threads_account(api, networks)
    images = [await _jpeg(api, member)] + [
        (await ready_asset(api, member, png(30 + i, 20), f"{i}.png", "image/png"))["id"] for i in range(2)
    ]
    target = await queued_target(api, member, account_id, "Three views", media_ids=images)
    networks.threads.in_progress_polls = 2

    # when a worker publishes it
    done = await publish(services, target)

    # then three items, then the carousel naming them in order, each polled until FINISHED; one post
    assert done.status is TargetStatus.PUBLISHED, done.last_error
    *items, carousel = networks.threads.calls("create_container")
    assert [i.form["is_carousel_item"] for i in items] == ["true"] * 3 and "text" not in items[0].form
    assert carousel.form["media_type"] == "CAROUSEL" and carousel.form["text"] == "Three views"
    assert carousel.form["children"].split(",") == done.checkpoint["children"]
    assert len(networks.threads.calls("container_status")) == 4 * 3  # 3 reads each: 2 IN_PROGRESS
    [post] = user.posts
    assert post["media_type"] == "CAROUSEL_ALBUM"
    assert [c.fetched.content_type for c in networks.threads.post_media[post["id"]] if c.fetched] == [
        "image/jpeg",
        "image/png",
        "image/png",
    ]


async def test_a_worker_dying_before_the_publish_call_leaves_containers_the_retry_reuses(
    api: ApiServer, networks: NetworkFakes, services: Services, publishing: None
) -> None:
    # given a two-photo carousel, and Threads failing the publish call once (nothing goes out)
    member, account_id, user = await _threads_account(api, networks)
    images = [await _jpeg(api, member, f"{i}.jpg") for i in range(2)]
    target = await queued_target(api, member, account_id, "Second try", media_ids=images)
    networks.threads.fail("threads_publish", 503, graph_error(2, "Service unavailable", is_transient=True))

    # when the first attempt ends after its containers were recorded, and the retry runs
    first = await publish(services, target)
    assert first.status is TargetStatus.QUEUED
    recorded = dict(first.checkpoint)
    assert len(recorded["children"]) == 2 and recorded["container_id"]
    done = await wait_for(target.id, TargetStatus.PUBLISHED, TargetStatus.FAILED, TargetStatus.UNCONFIRMED)

    # then the retry published the very same carousel: three containers in all, one post
    assert done.status is TargetStatus.PUBLISHED
    assert len(networks.threads.calls("create_container")) == 3
    creations = {r.form["creation_id"] for r in networks.threads.calls("threads_publish")}
    assert creations == {recorded["container_id"]}
    assert len(user.posts) == 1 and done.external_id == user.posts[0]["id"]


async def test_a_video_threads_cannot_download_fails_with_the_reason_in_words(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given a queued video post whose file is gone from storage by the time it publishes
    member, account_id, user = await _threads_account(api, networks)
    clip = mp4(seconds=0.5, width=64, height=64)
    video = (await ready_asset(api, member, clip, "gone.mp4", "video/mp4"))["id"]
    target = await queued_target(api, member, account_id, "missing", media_ids=[video])
    asset_id = parse_id_of("MediaAsset", video)
    assert target.workspace_id is not None and asset_id is not None
    await services.storage.delete_prefix(f"{target.workspace_id}/{asset_id}/")

    # when a worker publishes it
    done = await publish(services, target)

    # then the container ended in ERROR, and the target failed saying what happened
    assert done.status is TargetStatus.FAILED and done.last_error is not None
    assert done.last_error.code == "MEDIA_REJECTED" and "download the video" in done.last_error.message
    assert user.posts == [] and networks.threads.fetches[0].status == 404


async def test_threads_media_rules_are_checked_when_the_post_is_written(
    api: ApiServer, networks: NetworkFakes
) -> None:
    # given a profile, a WebP photo and a GIF
    member, account_id, _ = await _threads_account(api, networks)
    webp = await ready_asset(api, member, still("WEBP"), "p.webp", "image/webp")
    gif = await ready_asset(api, member, still("GIF"), "a.gif", "image/gif")

    # when posts attach them for Threads
    refused = await create_post(
        api, member, text="formats", mediaIds=[webp["id"], gif["id"]], targets=[{"accountId": account_id}]
    )

    # then each file is refused with its rule, pointing at it
    assert refused["post"] is None
    assert [(e["code"], e["field"]) for e in refused["userErrors"]] == [
        ("MEDIA_FORMAT_UNSUPPORTED", ["mediaIds", "0"]),
        ("MEDIA_KIND_NOT_SUPPORTED", ["mediaIds", "1"]),
    ]
