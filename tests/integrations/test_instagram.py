"""Publishing to Instagram through the post worker, against the local Graph API server: photos, carousels,
Reels and Stories with media uploaded through Herald's API (the server downloads each over HTTP), the
publishing limit, first comments, resumed containers, and the rules checked when a post is written."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from app.services import Services
from models.target_state import TargetStatus
from schema.relay import parse_id_of, to_global_id
from tests.herald_client import Member, create_post
from tests.media_client import ready_asset
from tests.media_samples import mp4, photo, png
from tests.network_client import connected_member, publish, queued_target, wait_for
from tests.services.instagram_graph import IgAccount
from tests.services.meta_wire import graph_error, meta_time
from tests.services.networks import NetworkFakes
from tests.stack import ApiServer, data

TARGET_WARNINGS = """
query ($id: ID!) { node(id: $id) { ... on PostTarget { status warnings { code message } } } }"""
DESCRIBE = """
mutation ($id: ID!, $alt: String!) {
  mediaAssetUpdate(id: $id, input: {altText: $alt}) { userErrors { code } }
}"""


async def _instagram(api: ApiServer, networks: NetworkFakes) -> tuple[Member, str, IgAccount]:
    user = networks.meta.add_user("Iris", instagram=True)
    networks.meta.consenting = user
    member, account_id = await connected_member(api, "INSTAGRAM")
    networks.meta.reset_script()
    return member, account_id, networks.meta.ig_account(user.pages[0])


async def _jpeg(api: ApiServer, member: Member, width: int = 400, height: int = 400) -> str:
    asset = await ready_asset(api, member, photo(width, height, noise=30), "p.jpg", "image/jpeg")
    return str(asset["id"])


async def _video(api: ApiServer, member: Member, seconds: float = 3.5) -> str:
    clip = mp4(seconds=seconds, width=96, height=160, fps=10)
    return str((await ready_asset(api, member, clip, "reel.mp4", "video/mp4"))["id"])


def _codes(payload: dict[str, Any]) -> list[tuple[str, list[str]]]:
    assert payload["post"] is None, "a refused post is not stored"
    return [(e["code"], e["field"]) for e in payload["userErrors"]]


async def test_a_text_only_post_is_refused_with_media_required(
    api: ApiServer, networks: NetworkFakes
) -> None:
    # given a connected Instagram account
    member, account_id, _ = await _instagram(api, networks)

    # when a text-only post is written for it
    created = await create_post(api, member, text="Just words", targets=[{"accountId": account_id}])

    # then it is refused before anything is stored, saying what Instagram needs
    assert _codes(created) == [("MEDIA_REQUIRED", ["mediaIds"])]


async def test_a_caption_over_the_limit_is_named_too(api: ApiServer, networks: NetworkFakes) -> None:
    member, account_id, _ = await _instagram(api, networks)

    created = await create_post(api, member, text="x" * 2_201, targets=[{"accountId": account_id}])

    assert [e["code"] for e in created["userErrors"]] == ["TEXT_TOO_LONG", "MEDIA_REQUIRED"]


async def test_a_feed_photo_with_alt_text_and_a_first_comment(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given a described JPEG and a post with a first comment
    member, account_id, account = await _instagram(api, networks)
    image = await _jpeg(api, member)
    await data(api, DESCRIBE, {"id": image, "alt": "A red door"}, token=member.token)
    target = await queued_target(
        api, member, account_id, "Doors of Lisbon", media_ids=[image], firstComment="#doors #lisbon"
    )

    # when a worker publishes it
    done = await publish(services, target)

    # then the quota was read, Instagram fetched the JPEG, the photo went out with its alt text,
    # and the first comment sits under it
    assert done.status is TargetStatus.PUBLISHED, done.last_error
    endpoints = [r.endpoint for r in networks.meta.requests]
    assert endpoints.index("ig_publishing_limit") < endpoints.index("ig_create_container")
    [created] = networks.meta.calls("ig_create_container")
    assert created.form["caption"] == "Doors of Lisbon" and created.form["alt_text"] == "A red door"
    assert "media_type" not in created.form
    [fetched] = networks.meta.instagram.fetches
    assert fetched.url == created.form["image_url"] and fetched.content_type == "image/jpeg"
    [media] = account.media
    assert (media["id"], done.external_url) == (done.external_id, media["permalink"])
    [comment] = networks.meta.instagram.comments[media["id"]]
    assert (comment["text"], comment["username"]) == ("#doors #lisbon", account.username)
    assert done.warnings == []


async def test_a_refused_first_comment_leaves_the_post_published_with_a_warning(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given Instagram refusing comments on the new post
    member, account_id, account = await _instagram(api, networks)
    image = await _jpeg(api, member)
    target = await queued_target(api, member, account_id, "No comment", media_ids=[image], firstComment="hi")
    networks.meta.fail("ig_comments", 400, graph_error(100, "Comments are disabled for this media"))

    # when a worker publishes it
    done = await publish(services, target)

    # then the post is out, and the target says the comment was not added (through the API too)
    assert done.status is TargetStatus.PUBLISHED and len(account.media) == 1
    assert [w.code for w in done.warnings] == ["FIRST_COMMENT_FAILED"]
    variables = {"id": to_global_id("PostTarget", done.id)}
    node = (await data(api, TARGET_WARNINGS, variables, token=member.token))["node"]
    assert node["status"] == "PUBLISHED" and node["warnings"][0]["code"] == "FIRST_COMMENT_FAILED"


async def test_a_carousel_in_progress_for_a_while_is_published_once(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given a carousel of two photos and a video, and containers that stay IN_PROGRESS for three reads
    member, account_id, account = await _instagram(api, networks)
    media = [await _jpeg(api, member), await _jpeg(api, member, 400, 500), await _video(api, member)]
    target = await queued_target(api, member, account_id, "Weekend", media_ids=media)
    networks.meta.instagram.in_progress_polls = 3

    # when a worker publishes it
    done = await publish(services, target)

    # then three items (the video as VIDEO), then the carousel naming them, polled until FINISHED
    assert done.status is TargetStatus.PUBLISHED, done.last_error
    *items, carousel = networks.meta.calls("ig_create_container")
    assert [i.form.get("media_type") for i in items] == [None, None, "VIDEO"]
    assert all(i.form["is_carousel_item"] == "true" for i in items)
    assert carousel.form["media_type"] == "CAROUSEL" and carousel.form["caption"] == "Weekend"
    assert carousel.form["children"].split(",") == done.checkpoint["children"]
    assert len(networks.meta.calls("ig_container_status")) == 4 * 4
    [published] = account.media
    assert published["media_type"] == "CAROUSEL_ALBUM" and published["id"] == done.external_id


async def test_a_reel_and_a_story(api: ApiServer, networks: NetworkFakes, services: Services) -> None:
    # given a video as a REEL, and a photo as a STORY
    member, account_id, account = await _instagram(api, networks)
    video = await _video(api, member)
    reel = await queued_target(
        api, member, account_id, "Behind the scenes", media_ids=[video], instagramKind="REEL"
    )
    story = await queued_target(
        api, member, account_id, "", media_ids=[await _jpeg(api, member, 360, 640)], instagramKind="STORY"
    )

    # when a worker publishes both
    reel_done = await publish(services, reel)
    story_done = await publish(services, story)

    # then the Reel went out with its caption, the Story as a story without one
    assert reel_done.status is TargetStatus.PUBLISHED and story_done.status is TargetStatus.PUBLISHED
    reel_form, story_form = (r.form for r in networks.meta.calls("ig_create_container"))
    assert (reel_form["media_type"], reel_form["caption"]) == ("REELS", "Behind the scenes")
    assert story_form["media_type"] == "STORIES" and "caption" not in story_form
    assert account.media[0]["media_product_type"] == "REELS"
    assert [s["id"] for s in account.stories] == [story_done.external_id]


async def test_an_exhausted_quota_reschedules_for_when_a_slot_frees(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given an account that used its whole publishing limit, its oldest post three hours ago
    member, account_id, account = await _instagram(api, networks)
    three_hours_ago = datetime.now(UTC) - timedelta(hours=3)
    account.media.append({"id": "old", "owner": account.id, "timestamp": meta_time(three_hours_ago)})
    account.quota_total, account.quota_usage = 50, 50
    target = await queued_target(api, member, account_id, "one more", media_ids=[await _jpeg(api, member)])

    # when a worker tries to publish
    done = await publish(services, target)

    # then nothing was created; the target waits, without using an attempt, for the window to free a slot
    assert done.status is TargetStatus.SCHEDULED and done.attempts == 0
    assert done.last_error is not None and done.last_error.code == "QUOTA_EXHAUSTED"
    assert "50 posts" in done.last_error.message and networks.meta.calls("ig_create_container") == []
    assert done.scheduled_at is not None
    assert abs((done.scheduled_at - (three_hours_ago + timedelta(hours=24))).total_seconds()) < 120


async def test_a_worker_dying_before_the_publish_call_leaves_containers_the_retry_reuses(
    api: ApiServer, networks: NetworkFakes, services: Services, publishing: None
) -> None:
    # given a two-photo carousel, and Instagram failing the publish call once (nothing goes out)
    member, account_id, account = await _instagram(api, networks)
    media = [await _jpeg(api, member), await _jpeg(api, member)]
    target = await queued_target(api, member, account_id, "Retry me", media_ids=media, firstComment="first!")
    networks.meta.fail("ig_media_publish", 503, graph_error(2, "Service unavailable", is_transient=True))

    # when the first attempt ends after its containers were recorded, and the retry runs
    first = await publish(services, target)
    assert first.status is TargetStatus.QUEUED
    recorded = dict(first.checkpoint)
    done = await wait_for(target.id, TargetStatus.PUBLISHED, TargetStatus.FAILED, TargetStatus.UNCONFIRMED)

    # then the retry published the very same carousel: three containers in all, one post, one comment
    assert done.status is TargetStatus.PUBLISHED
    assert len(networks.meta.calls("ig_create_container")) == 3 and len(recorded["children"]) == 2
    creations = {r.form["creation_id"] for r in networks.meta.calls("ig_media_publish")}
    assert creations == {recorded["container_id"]}
    assert len(account.media) == 1 and len(networks.meta.instagram.comments[done.external_id or ""]) == 1


async def test_a_reel_instagram_cannot_download_fails_with_the_reason(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given a Reel whose file is gone from storage when it publishes
    member, account_id, account = await _instagram(api, networks)
    video = await _video(api, member)
    target = await queued_target(api, member, account_id, "gone", media_ids=[video], instagramKind="REEL")
    await services.storage.delete_prefix(f"{target.workspace_id}/{parse_id_of('MediaAsset', video)}/")

    # when a worker publishes it
    done = await publish(services, target)

    # then the container's ERROR (subcode 2207052) is the reason, in words
    assert done.status is TargetStatus.FAILED and done.last_error is not None
    assert done.last_error.code == "MEDIA_UNREACHABLE" and "PUBLIC_BASE_URL" in done.last_error.message
    assert account.media == []


async def test_instagram_media_rules_are_checked_when_the_post_is_written(
    api: ApiServer, networks: NetworkFakes
) -> None:
    # given a panorama JPEG (2.5:1), a PNG, and a video
    member, account_id, _ = await _instagram(api, networks)
    wide = await _jpeg(api, member, 500, 200)
    flat = (await ready_asset(api, member, png(40, 40), "p.png", "image/png"))["id"]
    video = await _video(api, member)

    def target(**options: str) -> list[dict[str, Any]]:
        return [{"accountId": account_id, "options": options}]

    # when posts break Instagram's rules
    too_wide = await create_post(api, member, text="wide", mediaIds=[wide], targets=target())
    not_jpeg = await create_post(api, member, text="png", mediaIds=[flat], targets=target())
    feed_video = await create_post(api, member, text="v", mediaIds=[video], targets=target())
    reel_photo = await create_post(
        api, member, text="r", mediaIds=[wide], targets=target(instagramKind="REEL")
    )
    story_comment = await create_post(
        api, member, text="s", mediaIds=[video], targets=target(instagramKind="STORY", firstComment="hey")
    )

    # then each is refused with a code naming the rule
    assert _codes(too_wide) == [("MEDIA_ASPECT_RATIO", ["mediaIds", "0"])]
    assert "4:5" in too_wide["userErrors"][0]["message"] and "1.91:1" in too_wide["userErrors"][0]["message"]
    assert _codes(not_jpeg) == [("MEDIA_FORMAT_UNSUPPORTED", ["mediaIds", "0"])]
    assert _codes(feed_video) == [("MEDIA_KIND_MISMATCH", ["mediaIds"])]
    assert _codes(reel_photo) == [("MEDIA_KIND_MISMATCH", ["mediaIds"])]
    assert _codes(story_comment) == [("INVALID_OPTION", ["targets", "0", "options", "firstComment"])]
