"""Connecting Threads, Instagram, Facebook Pages and Reddit accounts through the networks' OAuth.

`oauthStart` checks the caller may connect accounts (ADMIN), remembers who asked (a single-use state with
a short lifetime, and the PKCE verifier where the network takes one), binds the state to the asking
client (a random secret its HTTP answer sets as an HttpOnly cookie, `BindBrowser`; see
`app/oauth_cookie`) and answers the network's consent URL. The network sends the browser back to
`GET /oauth/{platform}/callback?code=&state=`: the state is consumed, the cookie checked against it (a
consent link opened by anyone but the client that asked connects nothing), the caller's role checked
again, the code exchanged for tokens (long-lived ones), every account the grant reaches stored with its
credentials encrypted, and the browser redirected to the frontend with the result in the query:
`status=connected&platform=..&connected=N&workspaceId=..`, or
`status=error&platform=..&error=CODE&message=..`.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import structlog
from beanie import PydanticObjectId

from app.services import Services
from integrations.oauth_states import OAuthState
from integrations.platforms.base import PublishFailure, Transient
from integrations.platforms.oauth import OAuthConnector, code_challenge, new_code_verifier, token_times
from models.platform import PlatformName
from models.social_account import SocialAccount
from models.user import User
from models.workspace import Role, Workspace
from resolvers.access import workspace_for
from resolvers.codes import AccountErrorCode
from resolvers.errors import reject
from resolvers.post_rules import PLATFORM_LABELS

log = structlog.get_logger(__name__)

# Hands the asking client its secret for a state: (state token, secret) → a cookie on the HTTP answer.
BindBrowser = Callable[[str, str], None]


def oauth_base_url(services: Services) -> str:
    """Where Herald's OAuth callbacks are reached (the cookie oauthStart sets is Secure when https)."""
    settings = services.settings
    return (settings.oauth_redirect_base_url or settings.public_base_url).rstrip("/")


def redirect_uri(services: Services, platform: PlatformName) -> str:
    """The callback address registered with the network's app."""
    return f"{oauth_base_url(services)}/oauth/{platform.value.lower()}/callback"


async def oauth_start(
    services: Services,
    user: User,
    *,
    workspace_id: PydanticObjectId | None,
    platform: PlatformName,
    bind_browser: BindBrowser | None,
) -> str:
    """The network's consent URL for connecting accounts to the workspace; only the client that
    `bind_browser` handed the state's secret to can finish it (None: there is no HTTP answer to carry
    one, which is refused with HTTP_REQUIRED)."""
    workspace = await workspace_for(user, workspace_id, Role.ADMIN, "workspaceId")
    connector = _connector_for(services, platform)
    if bind_browser is None:
        raise reject(
            AccountErrorCode.HTTP_REQUIRED,
            "Ask oauthStart over HTTP (POST /graphql): its answer sets the cookie that lets this browser "
            "finish the connection, which a websocket cannot.",
        )
    verifier = new_code_verifier() if connector.uses_pkce else None
    callback = redirect_uri(services, platform)
    secret = secrets.token_urlsafe(32)
    state = await services.oauth_states.create(
        OAuthState(
            user_id=str(user.id),
            workspace_id=str(workspace.id),
            platform=platform.value,
            redirect_uri=callback,
            code_verifier=verifier,
        ),
        secret,
    )
    bind_browser(state, secret)
    return connector.authorization_url(state, callback, code_challenge(verifier) if verifier else None)


def oauth_networks(services: Services) -> list[tuple[PlatformName, bool]]:
    """The networks connected through OAuth, each with whether this Herald has its app credentials (without
    them oauthStart answers NOT_CONFIGURED): a console shows "ask your admin" before anyone clicks."""
    return [(platform, connector.configured) for platform, connector in services.connectors.items()]


def _connector_for(services: Services, platform: PlatformName) -> OAuthConnector:
    connector = services.connectors.get(platform)
    label = PLATFORM_LABELS.get(platform, str(platform))
    if connector is None:
        raise reject(
            AccountErrorCode.PLATFORM_NOT_SUPPORTED,
            f"{label} does not connect through OAuth; use blueskyAccountConnect with an app password.",
            "platform",
        )
    if not connector.configured:
        raise reject(
            AccountErrorCode.NOT_CONFIGURED,
            f"This Herald has no {label} app configured; an operator must set its app credentials.",
            "platform",
        )
    return connector


class CallbackError(Exception):
    """Why a callback connected nothing, as the frontend receives it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True, slots=True)
class CallbackOutcome:
    """What a callback did: accounts connected to a workspace, or the error that stopped it."""

    platform: PlatformName | None
    connected: int = 0
    workspace_id: PydanticObjectId | None = None
    error: CallbackError | None = None


def platform_named(slug: str) -> PlatformName | None:
    """The OAuth network a route's `{platform}` names, in any letter case."""
    return next((p for p in PlatformName if p.value.lower() == slug.lower()), None)


_STATE_INVALID = "This connection link expired or was already used; start again from Herald."


async def oauth_callback(
    services: Services, platform_slug: str, params: Mapping[str, str], browser_secret: str | None
) -> CallbackOutcome:
    """Finish a connection the API started, in the client that asked for it (the one holding
    `browser_secret`, its cookie); never raises for anything the network or the user did."""
    platform = platform_named(platform_slug)
    try:
        if platform is None:
            raise CallbackError("PLATFORM_NOT_SUPPORTED", f"Herald does not connect {platform_slug!r}.")
        workspace_id, count = await _finish(services, platform, params, browser_secret)
    except CallbackError as error:
        log.info("oauth.callback.refused", platform=platform_slug, code=error.code)
        return CallbackOutcome(platform, error=error)
    log.info("oauth.callback.connected", platform=platform.value, connected=count)
    return CallbackOutcome(platform, connected=count, workspace_id=workspace_id)


async def _finish(
    services: Services, platform: PlatformName, params: Mapping[str, str], browser_secret: str | None
) -> tuple[PydanticObjectId, int]:
    label = PLATFORM_LABELS.get(platform, str(platform))
    state = await services.oauth_states.consume(params.get("state") or "") if params.get("state") else None
    if state is None or state.platform != platform.value:
        raise CallbackError("STATE_INVALID", _STATE_INVALID)
    if not state.bound_to(browser_secret):
        # Consent given in a browser that did not ask oauthStart: a link sent to someone else would
        # otherwise attach the recipient's accounts to the sender's workspace.
        raise CallbackError(
            "BROWSER_MISMATCH",
            f"This {label} connection was started in another browser; start it again from Herald here.",
        )
    if params.get("error"):
        raise CallbackError("ACCESS_DENIED", f"{label} did not grant access ({params.get('error')}).")
    connector = services.connectors.get(platform)
    code = params.get("code")
    if connector is None or not code:
        raise CallbackError("CODE_MISSING", f"{label} sent no authorization code; start again.")
    workspace = await _still_admin(state)
    try:
        connected = await connector.exchange(code, state.redirect_uri, state.code_verifier)
    except Transient as failure:
        raise CallbackError("NETWORK_UNAVAILABLE", failure.message) from failure
    except PublishFailure as failure:
        raise CallbackError("EXCHANGE_FAILED", failure.message) from failure
    if not connected:
        raise CallbackError("NO_ACCOUNTS", _nothing_to_connect(platform))
    assert workspace.id is not None
    for account in connected:
        expires_at, refresh_at = token_times(account.credentials)
        await SocialAccount.connect_oauth(
            workspace.id,
            platform,
            account.external_id,
            handle=account.handle,
            display_name=account.display_name,
            ciphertext=services.cipher.encrypt(account.credentials),
            expires_at=expires_at,
            refresh_at=refresh_at,
            scopes=account.scopes,
        )
    return workspace.id, len(connected)


async def _still_admin(state: OAuthState) -> Workspace:
    # Minutes may pass on the consent page: the user may have lost the role or the workspace meanwhile.
    workspace = await Workspace.get(PydanticObjectId(state.workspace_id))
    role = workspace.role_of(PydanticObjectId(state.user_id)) if workspace else None
    if workspace is None or role is None or not role.allows(Role.ADMIN):
        raise CallbackError("FORBIDDEN", "Only a workspace admin can connect accounts.")
    return workspace


def _nothing_to_connect(platform: PlatformName) -> str:
    if platform is PlatformName.INSTAGRAM:
        return "None of the Facebook Pages you shared has an Instagram professional account linked to it."
    if platform is PlatformName.FACEBOOK:
        return "No Facebook Page you can publish on was shared with Herald; choose at least one Page."
    return "The network returned no account to connect."
