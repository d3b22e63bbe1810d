"""Image posts to Reddit through the post worker: Reddit's media lease, the upload of the bytes Herald
checked, `kind=image` on submit, and finding the post Reddit's answer does not name."""

from __future__ import annotations

from app.services import Services
from models.target_state import TargetStatus
from tests.herald_client import Member, create_post
from tests.media_client import ready_asset
from tests.media_samples import mp4, photo, png
from tests.network_client import connected_member, publish, queued_target, wait_for
from tests.services.networks import NetworkFakes
from tests.services.reddit_server import RedditUser
from tests.stack import ApiServer


async def _redditor(api: ApiServer, networks: NetworkFakes, name: str) -> tuple[Member, str, RedditUser]:
    user = networks.reddit.add_user(name)
    networks.reddit.consenting = user
    member, account_id = await connected_member(api, "REDDIT")
    networks.reddit.add_subreddit("pics_test")
    networks.reddit.reset_script()
    return member, account_id, user


async def test_an_image_post_uploads_the_image_to_reddit_then_submits_it(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given a Reddit user and a post with a JPEG
    member, account_id, user = await _redditor(api, networks, "shutterbug")
    original = photo(240, 160, noise=30)
    image = (await ready_asset(api, member, original, "cat.jpg", "image/jpeg"))["id"]
    target = await queued_target(
        api, member, account_id, "not sent", media_ids=[image], subreddit="pics_test", title="My cat"
    )

    # when a worker publishes it
    done = await publish(services, target)

    # then Herald leased an upload, sent Reddit the very bytes it checked, and submitted an image post
    assert done.status is TargetStatus.PUBLISHED, done.last_error
    [lease] = networks.reddit.calls("media_asset")
    assert (lease.form["filepath"], lease.form["mimetype"]) == ("image.jpg", "image/jpeg")
    [submit] = networks.reddit.calls("submit")
    assert submit.form["kind"] == "image" and "text" not in submit.form
    assert networks.reddit.uploads[submit.form["url"]] == ("image/jpeg", original)
    # and, Reddit's answer naming no post, found it among the user's submissions
    [post] = user.submissions
    assert done.external_id == post["name"] and post["post_hint"] == "image"
    assert done.external_url == f"https://www.reddit.com{post['permalink']}"


async def test_a_lost_image_submit_is_found_not_repeated(
    api: ApiServer, networks: NetworkFakes, services: Services, publishing: None
) -> None:
    # given Reddit taking an image post and then failing to answer
    member, account_id, user = await _redditor(api, networks, "unsure_pics")
    image = (await ready_asset(api, member, png(30, 30), "a.png", "image/png"))["id"]
    target = await queued_target(
        api, member, account_id, "", media_ids=[image], subreddit="pics_test", title="Lost picture"
    )
    networks.reddit.fail("submit", 502, {"message": "Bad Gateway", "error": 502}, after=True)

    # when the worker is left not knowing, and the retry runs
    first = await publish(services, target)
    assert first.status is TargetStatus.QUEUED
    done = await wait_for(target.id, TargetStatus.PUBLISHED, TargetStatus.FAILED, TargetStatus.UNCONFIRMED)

    # then the retry found it and submitted (and uploaded) nothing more
    assert done.status is TargetStatus.PUBLISHED and len(user.submissions) == 1
    assert len(networks.reddit.calls("submit")) == 1 and len(networks.reddit.calls("media_upload")) == 1


async def test_reddit_media_rules_are_checked_when_the_post_is_written(
    api: ApiServer, networks: NetworkFakes
) -> None:
    # given a video and two images
    member, account_id, _ = await _redditor(api, networks, "rules_pics")
    clip = mp4(seconds=0.5, width=64, height=64)
    video = (await ready_asset(api, member, clip, "v.mp4", "video/mp4"))["id"]
    images = [
        (await ready_asset(api, member, png(20 + i, 20), f"{i}.png", "image/png"))["id"] for i in range(2)
    ]
    options = {"subreddit": "pics_test", "title": "t"}

    # when posts attach them for Reddit, and one adds a link to an image
    with_video = await create_post(
        api, member, text="v", mediaIds=[video], targets=[{"accountId": account_id, "options": options}]
    )
    two = await create_post(
        api, member, text="2", mediaIds=images, targets=[{"accountId": account_id, "options": options}]
    )
    linked = await create_post(
        api,
        member,
        text="l",
        mediaIds=images[:1],
        targets=[{"accountId": account_id, "options": {**options, "link": "https://example.com"}}],
    )

    # then each is refused with its rule
    assert [(e["code"], e["field"]) for e in with_video["userErrors"]] == [
        ("MEDIA_KIND_NOT_SUPPORTED", ["mediaIds", "0"])
    ]
    assert [e["code"] for e in two["userErrors"]] == ["TOO_MANY_MEDIA"]
    assert [e["code"] for e in linked["userErrors"]] == ["INVALID_OPTION"]
