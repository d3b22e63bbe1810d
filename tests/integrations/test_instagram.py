"""Instagram publishes nothing without media: a text-only post is refused when it is written; and media
is refused for every OAuth network until Herald can hand them a public URL of it."""

from __future__ import annotations

from tests.herald_client import create_post
from tests.media_client import ready_asset
from tests.media_samples import png
from tests.network_client import accounts, connect, connected_member
from tests.services.networks import NetworkFakes
from tests.stack import ApiServer


async def test_a_text_only_post_is_refused_with_media_required(
    api: ApiServer, networks: NetworkFakes
) -> None:
    # given a connected Instagram account
    networks.meta.consenting = networks.meta.add_user("Iris", instagram=True)
    member, account_id = await connected_member(api, "INSTAGRAM")

    # when a text-only post is written for it
    created = await create_post(api, member, text="Just words", targets=[{"accountId": account_id}])

    # then it is refused before anything is stored, saying what Instagram needs
    assert created["post"] is None
    assert [(e["code"], e["field"]) for e in created["userErrors"]] == [("MEDIA_REQUIRED", ["mediaIds"])]


async def test_a_caption_over_the_limit_is_named_too(api: ApiServer, networks: NetworkFakes) -> None:
    networks.meta.consenting = networks.meta.add_user("Cap", instagram=True)
    member, account_id = await connected_member(api, "INSTAGRAM")

    created = await create_post(api, member, text="x" * 2_201, targets=[{"accountId": account_id}])

    assert [e["code"] for e in created["userErrors"]] == ["TEXT_TOO_LONG", "MEDIA_REQUIRED"]


async def test_media_is_refused_where_herald_cannot_send_it_yet(
    api: ApiServer, networks: NetworkFakes
) -> None:
    # given a workspace with a Threads, a Facebook, an Instagram and a Reddit account, and a READY image
    networks.threads.consenting = networks.threads.add_user("media_threads")
    networks.meta.consenting = networks.meta.add_user("Media", instagram=True)
    networks.reddit.consenting = networks.reddit.add_user("media_reddit")
    member, threads_id = await connected_member(api, "THREADS")
    for platform in ("FACEBOOK", "INSTAGRAM", "REDDIT"):
        assert (await connect(api, member, platform))["status"] == "connected"
    ids = {a["platform"]: a["id"] for a in await accounts(api, member)}
    image = (await ready_asset(api, member, png(40, 40), "photo.png", "image/png"))["id"]
    reddit_options = {"subreddit": "pics", "title": "A photo"}

    # when a post with the image targets each of them
    created = await create_post(
        api,
        member,
        text="a photo",
        mediaIds=[image],
        targets=[
            {"accountId": threads_id},
            {"accountId": ids["FACEBOOK"]},
            {"accountId": ids["INSTAGRAM"]},
            {"accountId": ids["REDDIT"], "options": reddit_options},
        ],
    )

    # then it is refused for each, rather than published without the image
    assert created["post"] is None
    assert [e["code"] for e in created["userErrors"]] == ["MEDIA_NOT_SUPPORTED_YET"] * 4
