"""Publishing to Facebook Pages through the post worker, against a local server speaking the Graph API:
text and link posts, Meta's error codes and usage headers, and never posting twice."""

from __future__ import annotations

import json

from app.services import Services
from models.social_account import AccountStatus
from models.target_state import TargetStatus
from tests.herald_client import Member, create_post
from tests.network_client import connected_member, publish, queued_target, stored_account, wait_for
from tests.services.meta_graph_server import Page
from tests.services.meta_wire import graph_error
from tests.services.networks import NetworkFakes
from tests.stack import ApiServer


async def _page(api: ApiServer, networks: NetworkFakes) -> tuple[Member, str, Page]:
    user = networks.meta.add_user("Pagey")
    networks.meta.consenting = user
    member, account_id = await connected_member(api, "FACEBOOK")
    networks.meta.reset_script()
    return member, account_id, user.pages[0]


async def test_a_text_post_and_a_link_post(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given a connected Page with a text post and a link post queued
    member, account_id, page = await _page(api, networks)
    text = await queued_target(api, member, account_id, "Opening hours changed today.")
    link = await queued_target(api, member, account_id, "Read our story", link="https://example.com/story")

    # when a worker publishes both
    text_done = await publish(services, text)
    link_done = await publish(services, link)

    # then both are on the Page's feed, posted with the Page's token, the link attached to its post
    assert text_done.status is TargetStatus.PUBLISHED and link_done.status is TargetStatus.PUBLISHED
    assert [p["id"] for p in page.posts] == [link_done.external_id, text_done.external_id]
    assert text_done.external_url == page.posts[1]["permalink_url"]
    first, second = networks.meta.calls("feed")
    assert first.form == {"message": "Opening hours changed today.", "access_token": page.token}
    assert second.form["link"] == "https://example.com/story"
    # and the Page was read first (a dead token or a throttled app fails before the write)
    assert [r.endpoint for r in networks.meta.requests][:2] == ["page", "feed"]


async def test_a_post_whose_answer_was_lost_is_found_not_repeated(
    api: ApiServer, networks: NetworkFakes, services: Services, publishing: None
) -> None:
    # given Facebook publishing a post and then failing to answer
    member, account_id, page = await _page(api, networks)
    target = await queued_target(api, member, account_id, "Did this reach the Page?")
    networks.meta.fail(
        "feed", 500, graph_error(2, "Service temporarily unavailable", is_transient=True), after=True
    )

    # when the worker is left not knowing, and the retry runs
    first = await publish(services, target)
    assert first.status is TargetStatus.QUEUED
    done = await wait_for(target.id, TargetStatus.PUBLISHED, TargetStatus.FAILED, TargetStatus.UNCONFIRMED)

    # then the retry found the post on the Page and posted nothing more
    assert done.status is TargetStatus.PUBLISHED
    assert len(page.posts) == 1 and done.external_id == page.posts[0]["id"]
    assert len(networks.meta.calls("feed")) == 1 and networks.meta.calls("published_posts")


async def test_a_temporary_error_is_retried(
    api: ApiServer, networks: NetworkFakes, services: Services, publishing: None
) -> None:
    # given Meta answering the Page read with "an unknown error occurred" (code 1) once
    member, account_id, page = await _page(api, networks)
    target = await queued_target(api, member, account_id, "Third time's the charm")
    networks.meta.fail("page", 500, graph_error(1, "An unknown error occurred"))

    # when a worker tries, then the retry runs
    first = await publish(services, target)
    assert first.status is TargetStatus.QUEUED and first.last_error is not None
    assert (first.last_error.code, first.last_error.retryable) == ("SERVICE_UNAVAILABLE", True)
    done = await wait_for(target.id, TargetStatus.PUBLISHED, TargetStatus.FAILED)

    # then it went out once
    assert done.status is TargetStatus.PUBLISHED and len(page.posts) == 1


async def test_business_usage_near_the_limit_waits(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given Meta reporting the Page's business use case at 92 % with 12 minutes to regain access
    member, account_id, page = await _page(api, networks)
    target = await queued_target(api, member, account_id, "Busy day")
    usage = {
        page.id: [
            {"type": "pages", "call_count": 92, "total_time": 30, "estimated_time_to_regain_access": 12}
        ]
    }
    networks.meta.extra_headers["x-business-use-case-usage"] = json.dumps(usage)

    # when a worker tries to publish
    done = await publish(services, target)

    # then nothing was written and the target waits, its attempt not used
    assert done.status is TargetStatus.SCHEDULED and done.attempts == 0
    assert done.last_error is not None and done.last_error.code == "RATE_LIMITED"
    assert networks.meta.calls("feed") == [] and page.posts == []


async def test_error_codes_become_reasons(api: ApiServer, networks: NetworkFakes, services: Services) -> None:
    # given three posts and Meta refusing each differently
    member, account_id, _ = await _page(api, networks)
    blocked = await queued_target(api, member, account_id, "spammy?")
    duplicate = await queued_target(api, member, account_id, "again")
    missing = await queued_target(api, member, account_id, "no permission")
    networks.meta.fail("feed", 400, graph_error(368, "The action attempted has been deemed abusive"))
    networks.meta.fail("feed", 400, graph_error(506, "Duplicate status message"))
    networks.meta.fail("feed", 403, graph_error(200, "Requires pages_manage_posts permission"))

    # when a worker publishes them in turn
    results = [await publish(services, target) for target in (blocked, duplicate, missing)]

    # then each fails for good with its own code
    assert [t.status for t in results] == [TargetStatus.FAILED] * 3
    assert [(t.last_error.code if t.last_error else None) for t in results] == [
        "ACCOUNT_BLOCKED",
        "DUPLICATE_POST",
        "PERMISSION_MISSING",
    ]
    # and the missing permission asks for a reconnection
    assert (await stored_account(account_id)).status is AccountStatus.NEEDS_REAUTH


async def test_an_expired_page_token_asks_for_reconnection(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given a Page whose token was revoked (the user removed the app)
    member, account_id, page = await _page(api, networks)
    target = await queued_target(api, member, account_id, "hello?")
    networks.meta.revoke(page)

    # when a worker tries to publish
    done = await publish(services, target)

    # then error 190 fails it with a reason and the account needs reconnecting
    assert done.status is TargetStatus.FAILED and done.last_error is not None
    assert done.last_error.code == "TOKEN_EXPIRED"
    assert (await stored_account(account_id)).status is AccountStatus.NEEDS_REAUTH


async def test_a_link_must_be_a_web_address(api: ApiServer, networks: NetworkFakes) -> None:
    member, account_id, _ = await _page(api, networks)
    created = await create_post(
        api,
        member,
        text="see",
        targets=[{"accountId": account_id, "options": {"link": "javascript:alert(1)"}}],
    )
    assert [(e["code"], e["field"]) for e in created["userErrors"]] == [
        ("INVALID_LINK", ["targets", "0", "options", "link"])
    ]
