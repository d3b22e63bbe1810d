"""Meta fetches media from a public address: with MEDIA_URLS_PUBLIC_CHECK on, Herald refuses media whose
URL is loopback, private or link-local, when the post is written (when the configuration alone makes it
impossible) and again before any container is made, with a reason that says what to set."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, replace

import httpx
import pytest

from app.networks import media_url_check, oauth_networks
from app.services import Services
from app.settings import MediaBackend, Settings
from integrations.platforms.base import InvalidContent
from integrations.platforms.media_urls import MediaUrlCheck
from models.target_state import TargetStatus
from tests.herald_client import create_post
from tests.media_client import ready_asset
from tests.media_samples import photo
from tests.network_client import accounts, connect, connected_member, publish, queued_target
from tests.services.networks import NetworkFakes
from tests.stack import ApiServer, running_api


@dataclass(frozen=True)
class Checked:
    """An API and services like the suite's, with the public-address check on."""

    api: ApiServer
    services: Services


@pytest.fixture
async def checked(settings: Settings, services: Services) -> AsyncIterator[Checked]:
    on = settings.model_copy(update={"media_urls_public_check": True})
    async with httpx.AsyncClient(timeout=10) as http:
        platforms = {**services.platforms, **oauth_networks(on, http).platforms}
        with_check = replace(services, settings=on, platforms=platforms)
        async with running_api(on, with_check) as api:
            yield Checked(api, with_check)


@pytest.mark.parametrize(
    ("base", "refused"),
    [
        ("http://127.0.0.1:8000", True),
        ("http://localhost:8000", True),
        ("http://192.168.1.20", True),
        ("http://[fe80::1]:8000", True),
        ("http://api:8000", True),  # a compose service name
        ("https://herald.example.com", False),  # a name: judged when publishing, once resolved
        (None, False),  # AWS S3
    ],
)
def test_a_configuration_that_cannot_work_is_known_without_publishing(
    base: str | None, refused: bool
) -> None:
    violation = MediaUrlCheck(media_base=base).configured_violation()
    assert (violation is not None) is refused
    assert MediaUrlCheck(enabled=False, media_base=base).configured_violation() is None


def test_the_address_networks_fetch_from_follows_the_storage(settings: Settings) -> None:
    on = settings.model_copy(update={"media_urls_public_check": True})
    minio = on.model_copy(
        update={"media_backend": MediaBackend.S3, "s3_endpoint_url": "http://10.0.0.7:9000"}
    )
    aws = on.model_copy(update={"media_backend": MediaBackend.S3, "s3_endpoint_url": None})
    assert media_url_check(on).media_base == on.public_base_url
    violation = media_url_check(minio).configured_violation()
    assert violation is not None and "10.0.0.7" in violation.message
    assert media_url_check(aws).configured_violation() is None


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/media/files/a?x=1",
        "http://10.1.2.3/a.jpg",
        "http://169.254.169.254/latest",
        "http://[::1]/a.jpg",
        "http://printer.local/a.jpg",
    ],
)
async def test_a_private_media_url_is_refused_before_publishing(url: str) -> None:
    with pytest.raises(InvalidContent) as refused:
        await MediaUrlCheck().ensure_public(url)
    assert refused.value.code == "MEDIA_URL_NOT_PUBLIC" and "PUBLIC_BASE_URL" in refused.value.message


async def test_a_public_address_passes() -> None:
    await MediaUrlCheck().ensure_public("https://93.184.215.14/photo.jpg")


async def test_posts_for_networks_that_fetch_media_are_refused_when_written(
    api: ApiServer, networks: NetworkFakes, checked: Checked
) -> None:
    # given Herald serving its media at 127.0.0.1, with the check on, and an account on each network
    networks.threads.consenting = networks.threads.add_user("private_threads")
    networks.meta.consenting = networks.meta.add_user("Private", instagram=True)
    networks.reddit.consenting = networks.reddit.add_user("private_reddit")
    member, _ = await connected_member(api, "THREADS")
    for platform in ("FACEBOOK", "INSTAGRAM", "REDDIT"):
        assert (await connect(api, member, platform))["status"] == "connected"
    ids = {a["platform"]: a["id"] for a in await accounts(api, member)}
    image = (await ready_asset(api, member, photo(200, 200, noise=20), "p.jpg", "image/jpeg"))["id"]
    reddit = {"subreddit": "pics", "title": "A photo"}

    # when a post with the photo is written for all four
    created = await create_post(
        checked.api,
        member,
        text="a photo",
        mediaIds=[image],
        targets=[
            {"accountId": ids["THREADS"]},
            {"accountId": ids["FACEBOOK"]},
            {"accountId": ids["INSTAGRAM"]},
            {"accountId": ids["REDDIT"], "options": reddit},
        ],
    )

    # then the three Meta networks refuse it, naming the host to make public; Reddit, which Herald uploads
    # the bytes to, does not
    assert created["post"] is None
    errors = created["userErrors"]
    assert [e["code"] for e in errors] == ["MEDIA_URL_NOT_PUBLIC"] * 3
    assert all("127.0.0.1" in e["message"] and "PUBLIC_BASE_URL" in e["message"] for e in errors)
    assert [e["message"].split(":")[0] for e in errors] == ["Threads", "Facebook", "Instagram"]


async def test_a_private_media_url_fails_the_publish_before_any_container(
    api: ApiServer, networks: NetworkFakes, services: Services, checked: Checked
) -> None:
    # given an Instagram post queued before the check was turned on
    networks.meta.consenting = networks.meta.add_user("Late", instagram=True)
    member, account_id = await connected_member(api, "INSTAGRAM")
    networks.meta.reset_script()
    image = (await ready_asset(api, member, photo(200, 200, noise=20), "p.jpg", "image/jpeg"))["id"]
    target = await queued_target(api, member, account_id, "private", media_ids=[image])

    # when a worker with the check on publishes it
    done = await publish(checked.services, target)

    # then it fails with the reason, and Instagram was never asked to fetch anything
    assert done.status is TargetStatus.FAILED and done.last_error is not None
    assert done.last_error.code == "MEDIA_URL_NOT_PUBLIC" and "127.0.0.1" in done.last_error.message
    assert networks.meta.calls("ig_create_container") == [] and networks.meta.fetches == []
