"""Photos and videos to a Facebook Page through the post worker, with media uploaded through Herald's
API; the local Graph API server downloads each file over HTTP from the URL Herald hands it."""

from __future__ import annotations

import json

from app.services import Services
from models.target_state import TargetStatus
from tests.herald_client import Member, create_post
from tests.media_client import ready_asset
from tests.media_samples import mp4, photo, png
from tests.network_client import connected_member, publish, queued_target, wait_for
from tests.services.meta_graph_server import Page
from tests.services.meta_wire import graph_error
from tests.services.networks import NetworkFakes
from tests.stack import ApiServer


async def _page(api: ApiServer, networks: NetworkFakes) -> tuple[Member, str, Page]:
    user = networks.meta.add_user("Studio")
    networks.meta.consenting = user
    member, account_id = await connected_member(api, "FACEBOOK")
    networks.meta.reset_script()
    return member, account_id, user.pages[0]


async def _jpeg(api: ApiServer, member: Member) -> str:
    return str((await ready_asset(api, member, photo(200, 150, noise=30), "p.jpg", "image/jpeg"))["id"])


async def test_one_photo_is_posted_through_the_photos_edge(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given a Page and a post with one photo
    member, account_id, page = await _page(api, networks)
    target = await queued_target(api, member, account_id, "New menu", media_ids=[await _jpeg(api, member)])

    # when a worker publishes it
    done = await publish(services, target)

    # then Facebook fetched the photo from Herald's URL and the Page has one photo post with the caption
    assert done.status is TargetStatus.PUBLISHED, done.last_error
    [sent] = networks.meta.calls("photos")
    assert sent.form["caption"] == "New menu" and "published" not in sent.form
    [fetched] = networks.meta.fetches
    assert fetched.url == sent.form["url"] and fetched.content_type == "image/jpeg"
    [post] = page.posts
    assert (post["id"], post["message"], done.external_url) == (
        done.external_id,
        "New menu",
        post["permalink_url"],
    )


async def test_several_photos_are_uploaded_unpublished_then_attached_to_one_post(
    api: ApiServer, networks: NetworkFakes, services: Services, publishing: None
) -> None:
    # given three photos, and Facebook failing the feed call once (before anything is posted)
    member, account_id, page = await _page(api, networks)
    images = [
        await _jpeg(api, member),
        (await ready_asset(api, member, png(20, 20), "a.png", "image/png"))["id"],
    ]
    images.append(await _jpeg(api, member))
    target = await queued_target(api, member, account_id, "Album", media_ids=images)
    networks.meta.fail("feed", 503, graph_error(2, "Service unavailable", is_transient=True))

    # when the first attempt fails at the feed call and the retry runs
    first = await publish(services, target)
    assert first.status is TargetStatus.QUEUED and len(first.checkpoint["photos"]) == 3
    done = await wait_for(target.id, TargetStatus.PUBLISHED, TargetStatus.FAILED, TargetStatus.UNCONFIRMED)

    # then the photos were uploaded once (unpublished), and one post attaches them in order
    assert done.status is TargetStatus.PUBLISHED, done.last_error
    uploads = networks.meta.calls("photos")
    assert len(uploads) == 3 and all(u.form["published"] == "false" for u in uploads)
    last = networks.meta.calls("feed")[-1].form
    attached = [json.loads(last[f"attached_media[{i}]"])["media_fbid"] for i in range(3)]
    assert attached == first.checkpoint["photos"] and last["message"] == "Album"
    [post] = page.posts
    assert post["photo_ids"] == attached and done.external_id == post["id"]


async def test_a_video_is_posted_through_the_videos_edge(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given a post with a video
    member, account_id, page = await _page(api, networks)
    clip = mp4(seconds=1.0, width=96, height=96, fps=10)
    video = (await ready_asset(api, member, clip, "v.mp4", "video/mp4"))["id"]
    target = await queued_target(api, member, account_id, "Watch this", media_ids=[video])

    # when a worker publishes it
    done = await publish(services, target)

    # then the video was sent by URL with its description, and its permalink made absolute
    assert done.status is TargetStatus.PUBLISHED, done.last_error
    [sent] = networks.meta.calls("videos")
    assert sent.form["description"] == "Watch this" and networks.meta.fetches[0].is_video()
    assert done.external_id == page.posts[0]["id"]
    assert done.external_url == f"https://www.facebook.com/{page.id}/videos/{done.external_id}/"


async def test_facebook_media_rules_are_checked_when_the_post_is_written(
    api: ApiServer, networks: NetworkFakes
) -> None:
    # given a photo and a video
    member, account_id, _ = await _page(api, networks)
    image = await _jpeg(api, member)
    clip = mp4(seconds=0.5, width=64, height=64)
    video = (await ready_asset(api, member, clip, "v.mp4", "video/mp4"))["id"]

    # when a post mixes them, and another shares a link with a photo
    mixed = await create_post(
        api, member, text="both", mediaIds=[image, video], targets=[{"accountId": account_id}]
    )
    linked = await create_post(
        api,
        member,
        text="link",
        mediaIds=[image],
        targets=[{"accountId": account_id, "options": {"link": "https://example.com"}}],
    )

    # then each is refused with its rule
    assert [e["code"] for e in mixed["userErrors"]] == ["MIXED_MEDIA"]
    assert [(e["code"], e["field"]) for e in linked["userErrors"]] == [
        ("INVALID_OPTION", ["targets", "0", "options", "link"])
    ]
