"""Connecting Threads, Facebook, Instagram and Reddit accounts: oauthStart, the browser's round trip
through the network (a local server speaking its OAuth) and Herald's callback, over real HTTP."""

from __future__ import annotations

import dataclasses
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest

from app.networks import oauth_networks
from app.services import Services
from app.settings import Settings
from models.social_account import AccountStatus, SocialAccount
from models.target_state import TargetStatus
from models.workspace import Role
from tests.herald_client import Member, sign_up
from tests.network_client import (
    OAUTH_START,
    accounts,
    add_member,
    connect,
    connected_member,
    consent,
    follow_consent,
    oauth_start,
    open_callback,
    publish,
    queued_target,
    stored_account,
)
from tests.services.networks import NetworkFakes
from tests.stack import ApiServer, data, gql, running_api, subscribe


async def test_threads_round_trip_stores_the_profile_with_a_long_lived_token(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given a Threads user who will consent
    user = networks.threads.add_user("ada_threads")
    networks.threads.consenting = user
    member = await sign_up(api)

    # when the admin connects Threads
    result = await connect(api, member, "THREADS")

    # then the browser lands on the frontend with one account connected
    assert result["status"] == "connected" and result["platform"] == "THREADS"
    assert result["connected"] == "1" and result["workspaceId"] == member.workspace_id
    [account] = await accounts(api, member, "THREADS")
    assert (account["handle"], account["externalId"], account["status"]) == ("ada_threads", user.id, "ACTIVE")
    # and what is stored is the 60-day token (the short-lived one was swapped), encrypted
    stored = await stored_account(account["id"])
    credentials = services.cipher.decrypt(stored.credentials)
    assert credentials["access_token"] == networks.threads.long_token(user)
    assert networks.threads.long_token(user) not in stored.credentials
    assert stored.token_expires_at is not None and stored.token_refresh_at is not None
    assert (stored.token_expires_at - stored.token_refresh_at).days == 7
    [exchange] = networks.threads.calls("code_exchange")
    assert exchange.form["grant_type"] == "authorization_code"
    assert exchange.form["redirect_uri"].endswith("/oauth/threads/callback")


async def test_facebook_connects_every_publishable_page_with_pkce(
    api: ApiServer, networks: NetworkFakes
) -> None:
    # given a Facebook user managing two Pages, and a third Page they may only moderate
    user = networks.meta.add_user("Grace", pages=2)
    moderated = networks.meta.add_user("Mod", pages=1, tasks=["MODERATE"]).pages[0]
    user.pages.append(moderated)
    networks.meta.consenting = user
    member = await sign_up(api)

    # when the admin connects Facebook
    async with httpx.AsyncClient(timeout=30) as browser:
        consent_url = (await oauth_start(api, member, "FACEBOOK", browser))["authorizationUrl"]
        query = dict(parse_qsl(urlsplit(consent_url).query))
        result = await open_callback(browser, await consent(browser, consent_url))

    # then the two Pages it can publish on are connected, each with its own Page token
    assert query["code_challenge_method"] == "S256" and len(query["code_challenge"]) == 43
    assert "pages_manage_posts" in query["scope"].split(",")
    assert (result["status"], result["connected"]) == ("connected", "2")
    connected = await accounts(api, member, "FACEBOOK")
    assert sorted(a["externalId"] for a in connected) == sorted(p.id for p in user.pages[:2])
    # and the code went with its PKCE verifier, the short-lived token was swapped for a long-lived one
    [exchange] = networks.meta.calls("code_exchange")
    assert len(exchange.query["code_verifier"]) >= 43
    [swap] = networks.meta.calls("token_exchange")
    assert swap.query["grant_type"] == "fb_exchange_token"
    stored = await stored_account(connected[0]["id"])
    assert stored.token_refresh_at is None  # Page tokens from a long-lived login do not expire


async def test_instagram_connects_the_accounts_linked_to_pages(
    api: ApiServer, networks: NetworkFakes
) -> None:
    # given a user with one Page linked to an Instagram professional account and one without
    user = networks.meta.add_user("Linus", pages=1, instagram=True)
    user.pages += networks.meta.add_user("Plain", pages=1).pages
    networks.meta.consenting = user
    member = await sign_up(api)

    # when the admin connects Instagram
    result = await connect(api, member, "INSTAGRAM")

    # then only the Instagram account is connected, under its own id and username
    assert (result["status"], result["connected"]) == ("connected", "1")
    [account] = await accounts(api, member, "INSTAGRAM")
    instagram = user.pages[0].instagram
    assert instagram is not None
    assert (account["externalId"], account["handle"]) == (instagram["id"], instagram["username"])


async def test_reddit_round_trip_asks_for_a_permanent_grant(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given a Reddit user who will consent
    networks.reddit.consenting = networks.reddit.add_user("ada_reddit")
    member = await sign_up(api)

    # when the admin connects Reddit
    async with httpx.AsyncClient(timeout=30) as browser:
        consent_url = (await oauth_start(api, member, "REDDIT", browser))["authorizationUrl"]
        query = dict(parse_qsl(urlsplit(consent_url).query))
        result = await open_callback(browser, await consent(browser, consent_url))

    # then the user is connected with a refresh token, asked for with the scopes publishing needs
    assert query["duration"] == "permanent" and set(query["scope"].split()) == {
        "identity",
        "submit",
        "read",
        "flair",
    }
    assert (result["status"], result["connected"]) == ("connected", "1")
    [account] = await accounts(api, member, "REDDIT")
    credentials = services.cipher.decrypt((await stored_account(account["id"])).credentials)
    assert credentials["refresh_token"] and credentials["username"] == "ada_reddit"
    # and Reddit saw the User-Agent its API rules ask for
    [me] = networks.reddit.calls("me")
    assert me.headers["user-agent"].startswith("web:reddit-client-345:")


async def test_a_callback_works_once(api: ApiServer, networks: NetworkFakes) -> None:
    # given a connection that went through
    networks.reddit.consenting = networks.reddit.add_user("once_only")
    member = await sign_up(api)
    async with httpx.AsyncClient(timeout=30) as browser:
        started = await oauth_start(api, member, "REDDIT", browser)
        callback, first = await follow_consent(started["authorizationUrl"], browser)
    assert first["status"] == "connected"

    # when the same callback URL is opened again
    async with httpx.AsyncClient() as browser:
        replayed = await open_callback(browser, callback)

    # then nothing happens but an error the frontend can show
    assert (replayed["status"], replayed["error"]) == ("error", "STATE_INVALID")
    assert len(networks.reddit.calls("access_token")) == 1


async def test_a_user_who_declines_gets_access_denied(api: ApiServer, networks: NetworkFakes) -> None:
    # given a Threads user who will decline
    networks.threads.consenting = None
    member = await sign_up(api)

    # when the admin tries to connect Threads
    result = await connect(api, member, "THREADS")

    # then the frontend hears why, and nothing was connected or exchanged
    assert (result["status"], result["error"], result["platform"]) == ("error", "ACCESS_DENIED", "THREADS")
    assert await accounts(api, member) == []
    assert networks.threads.calls("code_exchange") == []


async def test_a_network_that_fails_the_exchange_is_reported(api: ApiServer, networks: NetworkFakes) -> None:
    # given Meta failing the code exchange with a server error
    networks.meta.consenting = networks.meta.add_user("Unlucky")
    networks.meta.fail("code_exchange", 500, {"error": {"message": "An unknown error occurred", "code": 1}})
    member = await sign_up(api)

    # when the admin connects Facebook
    result = await connect(api, member, "FACEBOOK")

    # then it is a temporary problem, said so, and nothing is stored
    assert (result["status"], result["error"]) == ("error", "NETWORK_UNAVAILABLE")
    assert await accounts(api, member) == []


async def test_no_page_means_nothing_to_connect(api: ApiServer, networks: NetworkFakes) -> None:
    # given a Facebook user who shared no Page
    networks.meta.consenting = networks.meta.add_user("Pageless", pages=0)
    member = await sign_up(api)

    # when the admin connects Instagram and then Facebook
    instagram = await connect(api, member, "INSTAGRAM")
    facebook = await connect(api, member, "FACEBOOK")

    # then each says there was nothing to connect
    assert instagram["error"] == "NO_ACCOUNTS" and facebook["error"] == "NO_ACCOUNTS"


async def test_reconnecting_revives_the_same_account(api: ApiServer, networks: NetworkFakes) -> None:
    # given a connected Threads profile that was marked for reconnection
    networks.threads.consenting = networks.threads.add_user("comeback")
    member = await sign_up(api)
    await connect(api, member, "THREADS")
    [account] = await accounts(api, member, "THREADS")
    await (await stored_account(account["id"])).mark_status(AccountStatus.NEEDS_REAUTH, "token revoked")

    # when the admin connects it again
    result = await connect(api, member, "THREADS")

    # then it is the same account, ACTIVE again
    assert result["status"] == "connected"
    [again] = await accounts(api, member, "THREADS")
    assert (again["id"], again["status"], again["statusReason"]) == (account["id"], "ACTIVE", None)


async def test_only_admins_start_a_connection(api: ApiServer, networks: NetworkFakes) -> None:
    # given an editor of a workspace, and a stranger to it
    owner = await sign_up(api)
    editor = await add_member(api, owner, Role.EDITOR)
    stranger = await sign_up(api)
    variables = {"input": {"workspaceId": owner.workspace_id, "platform": "REDDIT"}}
    mutation = "mutation ($input: OAuthStartInput!) { oauthStart(input: $input) { userErrors { code } } }"

    # when each asks to connect Reddit to it
    as_editor = await gql(api, mutation, variables, token=editor.token)
    as_stranger = await gql(api, mutation, variables, token=stranger.token)

    # then the editor is forbidden and the stranger cannot see the workspace
    assert [e["extensions"]["code"] for e in as_editor["errors"]] == ["FORBIDDEN"]
    assert as_stranger["data"]["oauthStart"]["userErrors"] == [{"code": "WORKSPACE_NOT_FOUND"}]


async def test_bluesky_is_not_an_oauth_network(api: ApiServer) -> None:
    member = await sign_up(api)
    payload = await oauth_start(api, member, "BLUESKY")
    assert payload["authorizationUrl"] is None
    assert [e["code"] for e in payload["userErrors"]] == ["PLATFORM_NOT_SUPPORTED"]


async def test_a_network_without_app_credentials_is_not_configured(
    settings: Settings, services: Services
) -> None:
    # given an API whose settings carry no app credentials for any network
    bare = settings.model_copy(update={"threads_app_id": None, "meta_app_id": None, "reddit_client_id": None})
    async with httpx.AsyncClient() as http:
        unconfigured = dataclasses.replace(services, connectors=oauth_networks(bare, http).connectors)
        async with running_api(bare, unconfigured) as api:
            member = await sign_up(api)

            # when an admin asks to connect each network
            codes = [
                [e["code"] for e in (await oauth_start(api, member, platform))["userErrors"]]
                for platform in ("THREADS", "INSTAGRAM", "FACEBOOK", "REDDIT")
            ]

    # then each answers NOT_CONFIGURED
    assert codes == [["NOT_CONFIGURED"]] * 4


OAUTH_NETWORKS = "{ oauthNetworks { platform configured } }"


async def test_the_console_can_tell_which_networks_are_configured_before_a_click(
    settings: Settings, services: Services, api: ApiServer
) -> None:
    # given the test API, with app credentials for every network, and one with none at all
    member = await sign_up(api)
    configured = (await data(api, OAUTH_NETWORKS, token=member.token))["oauthNetworks"]
    bare = settings.model_copy(update={"threads_app_id": None, "meta_app_id": None, "reddit_client_id": None})
    async with httpx.AsyncClient() as http:
        unconfigured = dataclasses.replace(services, connectors=oauth_networks(bare, http).connectors)
        async with running_api(bare, unconfigured) as bare_api:
            bare_member = await sign_up(bare_api)
            none = (await data(bare_api, OAUTH_NETWORKS, token=bare_member.token))["oauthNetworks"]
            # and someone who is not signed in
            anonymous = await gql(bare_api, OAUTH_NETWORKS)

    # then each answer lists the OAuth networks, saying which can be connected (oauthStart's NOT_CONFIGURED)
    platforms = ["THREADS", "INSTAGRAM", "FACEBOOK", "REDDIT"]
    assert configured == [{"platform": p, "configured": True} for p in platforms]
    assert none == [{"platform": p, "configured": False} for p in platforms]
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_consent_finished_in_another_browser_connects_nothing(
    api: ApiServer, networks: NetworkFakes
) -> None:
    # given an admin's browser that started connecting Threads and went through the consent page
    networks.threads.consenting = networks.threads.add_user("not_the_sender")
    member = await sign_up(api)
    async with httpx.AsyncClient(timeout=30) as sender:
        started = await oauth_start(api, member, "THREADS", sender)
        callback = await consent(sender, started["authorizationUrl"])

    # when the callback is opened by another browser, one without the cookie oauthStart set
    async with httpx.AsyncClient(timeout=30) as other:
        result = await open_callback(other, callback)

    # then nothing is exchanged or stored, and the frontend says to start again in one browser
    assert (result["status"], result["error"]) == ("error", "BROWSER_MISMATCH")
    assert networks.threads.calls("code_exchange") == []
    assert await accounts(api, member) == []


async def test_a_callback_with_another_browsers_cookie_connects_nothing(
    api: ApiServer, networks: NetworkFakes
) -> None:
    # given a connection started in one browser, and another browser holding a cookie of the same name
    networks.reddit.consenting = networks.reddit.add_user("cookie_forger")
    member = await sign_up(api)
    async with httpx.AsyncClient(timeout=30) as sender:
        started = await oauth_start(api, member, "REDDIT", sender)
        callback = await consent(sender, started["authorizationUrl"])
        [name] = [cookie.name for cookie in sender.cookies.jar]

    # when that other browser opens the callback
    async with httpx.AsyncClient(timeout=30, cookies={name: "a-secret-of-its-own"}) as other:
        result = await open_callback(other, callback)

    # then it is refused and nothing is stored
    assert (result["status"], result["error"]) == ("error", "BROWSER_MISMATCH")
    assert networks.reddit.calls("access_token") == []
    assert await accounts(api, member) == []


async def test_a_consent_link_sent_to_someone_else_connects_nothing(
    api: ApiServer, networks: NetworkFakes
) -> None:
    # given an admin who started connecting Threads to their workspace from their own client
    networks.threads.consenting = networks.threads.add_user("victim_of_a_forwarded_link")
    sender = await sign_up(api)
    async with httpx.AsyncClient(timeout=30) as sender_client:
        started = await oauth_start(api, sender, "THREADS", sender_client)

        # when they send the link, unopened, to someone whose browser follows it and consents
        async with httpx.AsyncClient(timeout=30) as victim:
            _, result = await follow_consent(started["authorizationUrl"], victim)

    # then the victim's accounts are not attached to the sender's workspace, nor anything exchanged
    assert (result["status"], result.get("error")) == ("error", "BROWSER_MISMATCH")
    assert networks.threads.calls("code_exchange") == []
    assert await accounts(api, sender) == []


async def test_the_client_that_asked_finishes_the_connection(api: ApiServer, networks: NetworkFakes) -> None:
    # given an admin's client that asked oauthStart for a URL (and kept the cookie its answer set)
    networks.threads.consenting = networks.threads.add_user("asked_and_consented")
    member = await sign_up(api)
    async with httpx.AsyncClient(timeout=30) as browser:
        started = await oauth_start(api, member, "THREADS", browser)

        # when that same client follows the URL through the consent page and the callback
        _, result = await follow_consent(started["authorizationUrl"], browser)

    # then the account is connected to the admin's workspace
    assert (result["status"], result["connected"]) == ("connected", "1")
    [account] = await accounts(api, member, "THREADS")
    assert account["handle"] == "asked_and_consented"


async def test_two_connections_started_side_by_side_both_finish(
    api: ApiServer, networks: NetworkFakes
) -> None:
    # given one client that started connecting Reddit twice (two tabs)
    networks.reddit.consenting = networks.reddit.add_user("two_tabs")
    member = await sign_up(api)
    async with httpx.AsyncClient(timeout=30) as browser:
        first = await oauth_start(api, member, "REDDIT", browser)
        second = await oauth_start(api, member, "REDDIT", browser)

        # when it finishes the first, then the second
        _, first_result = await follow_consent(first["authorizationUrl"], browser)
        _, second_result = await follow_consent(second["authorizationUrl"], browser)

    # then neither cookie overwrote the other
    assert (first_result["status"], second_result["status"]) == ("connected", "connected")


async def test_oauth_start_answers_the_consent_page_and_sets_a_short_lived_http_only_lax_cookie(
    api: ApiServer, networks: NetworkFakes, settings: Settings
) -> None:
    # given an admin
    member = await sign_up(api)

    # when their client asks oauthStart over HTTP
    async with httpx.AsyncClient(timeout=30) as client:
        response = await client.post(
            api.graphql_url,
            json={
                "query": OAUTH_START,
                "variables": {"input": {"workspaceId": member.workspace_id, "platform": "REDDIT"}},
            },
            headers={"authorization": f"Bearer {member.token}"},
        )

    # then the mutation's own answer sets the cookie binding the connection to that client
    [cookie] = response.headers.get_list("set-cookie")
    attributes = {part.strip().split("=")[0].lower(): part.strip() for part in cookie.split(";")[1:]}
    assert cookie.startswith("herald_oauth_")
    assert attributes.keys() >= {"httponly", "samesite", "path", "max-age"}
    assert attributes["samesite"].lower() == "samesite=lax" and attributes["path"] == "Path=/oauth/"
    assert attributes["max-age"] == f"Max-Age={settings.oauth_state_ttl_seconds}"
    assert "secure" not in attributes  # http://127.0.0.1: a Secure cookie would never come back
    # and the URL is the network's consent page itself
    url = response.json()["data"]["oauthStart"]["authorizationUrl"]
    assert url.startswith(f"{settings.reddit_www_url}/api/v1/authorize")


async def test_the_cookie_is_secure_behind_https(settings: Settings, services: Services) -> None:
    # given an API whose OAuth callbacks are reached over https
    behind_tls = settings.model_copy(update={"oauth_redirect_base_url": "https://herald.example"})
    async with running_api(behind_tls, dataclasses.replace(services, settings=behind_tls)) as api:
        member = await sign_up(api)

        # when an admin asks oauthStart
        async with httpx.AsyncClient(timeout=30) as client:
            await oauth_start(api, member, "THREADS", client)
            response_cookie = [c for c in client.cookies.jar]

    # then the cookie is sent over https only
    [cookie] = response_cookie
    assert cookie.secure and cookie.path == "/oauth/"


async def test_oauth_start_over_a_websocket_is_refused(api: ApiServer) -> None:
    # given an admin on a websocket, where no HTTP answer can carry a cookie
    member = await sign_up(api)
    variables = {"input": {"workspaceId": member.workspace_id, "platform": "THREADS"}}

    # when they ask oauthStart there
    async with subscribe(api, OAUTH_START, variables, token=member.token) as operation:
        payload = (await operation.next())["data"]["oauthStart"]

    # then no URL is answered, but an error saying to ask over HTTP
    assert payload["authorizationUrl"] is None
    assert [e["code"] for e in payload["userErrors"]] == ["HTTP_REQUIRED"]


async def test_a_console_on_an_allowed_origin_may_receive_the_cookie(
    settings: Settings, services: Services
) -> None:
    # given an API that allows a console on another origin of the same site
    console = "http://console.herald.example"
    allowing = settings.model_copy(update={"allowed_origins": [console]})
    async with running_api(allowing, services) as api, httpx.AsyncClient(timeout=30) as client:
        # when the console's browser asks whether it may POST to /graphql with credentials
        preflight = await client.options(
            api.graphql_url,
            headers={
                "origin": console,
                "access-control-request-method": "POST",
                "access-control-request-headers": "authorization,content-type",
            },
        )

    # then it may (a fetch with credentials: "include" is the only one whose Set-Cookie a browser keeps)
    assert preflight.headers["access-control-allow-origin"] == console
    assert preflight.headers["access-control-allow-credentials"] == "true"


async def test_a_wildcard_origin_lends_no_site_the_cookie(settings: Settings, services: Services) -> None:
    # given an API that allows every origin
    anywhere = settings.model_copy(update={"allowed_origins": ["*"]})
    async with running_api(anywhere, services) as api, httpx.AsyncClient(timeout=30) as client:
        # when a page on any site asks to POST to /graphql with credentials
        preflight = await client.options(
            api.graphql_url,
            headers={
                "origin": "https://evil.example",
                "access-control-request-method": "POST",
                "access-control-request-headers": "authorization,content-type",
            },
        )

    # then it is not told credentials are allowed: its browser could otherwise ask oauthStart with the
    # page author's token and keep the cookie, binding a connection to the victim's browser
    assert "access-control-allow-credentials" not in preflight.headers


CAPABILITIES = """
query ($ws: ID!) {
  socialAccounts(workspaceId: $ws) { id platform handle missingCapabilities { capability message } }
}"""
INSIGHTS_SCOPES = [
    ("THREADS", "threads_manage_insights"),
    ("FACEBOOK", "read_insights"),
    ("INSTAGRAM", "instagram_manage_insights"),
]


def _consenting(networks: NetworkFakes, platform: str, declines: set[str]) -> None:
    """A user of `platform` who consents, unticking the permissions in `declines`."""
    if platform == "THREADS":
        user = networks.threads.add_user(f"insights_{len(networks.threads.users)}")
        user.declines = declines
        networks.threads.consenting = user
    else:
        meta_user = networks.meta.add_user("Insightful", pages=1, instagram=platform == "INSTAGRAM")
        meta_user.declines = declines
        networks.meta.consenting = meta_user


async def _capabilities(api: ApiServer, member: Member) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = (
        await data(api, CAPABILITIES, {"ws": member.workspace_id}, token=member.token)
    )["socialAccounts"]
    return found


@pytest.mark.parametrize(("platform", "scope"), INSIGHTS_SCOPES)
async def test_the_consent_asks_for_insights_and_records_the_grant(
    api: ApiServer, networks: NetworkFakes, platform: str, scope: str
) -> None:
    # given a user who grants everything asked
    _consenting(networks, platform, set())
    member = await sign_up(api)

    # when the admin connects the network
    async with httpx.AsyncClient(timeout=30) as browser:
        consent_url = (await oauth_start(api, member, platform, browser))["authorizationUrl"]
        result = await open_callback(browser, await consent(browser, consent_url))

    # then the consent asked for the insights permission, and the account records it was granted
    assert scope in dict(parse_qsl(urlsplit(consent_url).query))["scope"].split(",")
    assert result["status"] == "connected", result
    [account] = await _capabilities(api, member)
    assert account["missingCapabilities"] == []
    stored = await stored_account(account["id"])
    assert stored.granted_scopes is not None and scope in stored.granted_scopes


@pytest.mark.parametrize(("platform", "scope"), INSIGHTS_SCOPES)
async def test_an_account_without_the_insights_grant_is_told_to_reconnect(
    api: ApiServer, networks: NetworkFakes, platform: str, scope: str
) -> None:
    # given a user who unticks the insights permission
    _consenting(networks, platform, {scope})
    member = await sign_up(api)

    # when the admin connects the network
    result = await connect(api, member, platform)

    # then the account is connected, and the API says insights need a reconnection
    assert result["status"] == "connected", result
    [account] = await _capabilities(api, member)
    assert [c["capability"] for c in account["missingCapabilities"]] == ["INSIGHTS"]
    assert (await stored_account(account["id"])).granted_scopes is not None
    # naming the account as its network does: a Facebook Page by its name, the others by their @handle
    named = account["handle"] if platform == "FACEBOOK" else f"@{account['handle']}"
    assert account["missingCapabilities"][0]["message"].startswith(f"Reconnect {named} to see its insights")


async def test_an_account_connected_before_scopes_were_recorded_still_publishes_and_is_told_to_reconnect(
    api: ApiServer, networks: NetworkFakes, services: Services
) -> None:
    # given a Threads account connected before Herald recorded what was granted
    _consenting(networks, "THREADS", set())
    member, account_id = await connected_member(api, "THREADS")
    stored = await stored_account(account_id)
    await SocialAccount.get_pymongo_collection().update_one(
        {"_id": stored.id}, {"$unset": {"granted_scopes": ""}}
    )

    # when the API describes it, and a post goes out through it
    [account] = await _capabilities(api, member)
    published = await publish(services, await queued_target(api, member, account_id, "still works"))

    # then it publishes as before, and says to reconnect to see insights
    assert published.status is TargetStatus.PUBLISHED
    assert [c["capability"] for c in account["missingCapabilities"]] == ["INSIGHTS"]
    assert (await stored_account(account_id)).granted_scopes is None


async def test_instagram_takes_the_username_from_the_instagram_user(
    api: ApiServer, networks: NetworkFakes
) -> None:
    # given an Instagram professional account, whose Page listing names it by id only
    user = networks.meta.add_user("Handle", pages=1, instagram=True)
    networks.meta.consenting = user
    member = await sign_up(api)

    # when the admin connects Instagram
    result = await connect(api, member, "INSTAGRAM")

    # then Herald asked the Instagram user for its username and shows it as the handle
    assert result["status"] == "connected"
    [account] = await accounts(api, member, "INSTAGRAM")
    instagram = user.pages[0].instagram
    assert instagram is not None
    assert (account["handle"], account["displayName"]) == (instagram["username"], instagram["name"])
    [asked] = networks.meta.calls("ig_user")
    assert "username" in asked.query["fields"].split(",")
