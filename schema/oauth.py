"""Connecting networks through OAuth: `oauthNetworks`, and `oauthStart` (the browser then comes back to the
callback route)."""

from __future__ import annotations

import strawberry

from app.context import Info
from app.oauth_cookie import browser_binding
from models.platform import PlatformName
from resolvers import oauth as use_cases
from schema.accounts import AccountCode
from schema.common import UserError, attempt, error_codes, signed_in, typed_errors
from schema.relay import parse_id_of


@strawberry.input(description="The workspace to connect accounts to, and the network to connect.")
class OAuthStartInput:
    workspace_id: strawberry.ID
    platform: PlatformName = strawberry.field(
        description="THREADS, INSTAGRAM, FACEBOOK or REDDIT (Bluesky connects with an app password)."
    )


@strawberry.type(description="A reason oauthStart refused.")
class OAuthStartError(UserError):
    code: AccountCode = error_codes("OAuthStartErrorCode", "Why oauthStart refused.", AccountCode)


@strawberry.type(description="Where to send the user's browser to consent.")
class OAuthStartPayload:
    authorization_url: str | None = strawberry.field(
        description="The network's consent page: open it in the browser that asked (not a link to share). "
        "This mutation's HTTP answer sets an HttpOnly cookie binding the connection to that browser; the "
        "network returns to /oauth/{platform}/callback, which stores the accounts and redirects to the "
        "frontend with ?status=connected&connected=N or ?status=error&error=CODE (BROWSER_MISMATCH in a "
        "browser without the cookie). Valid for OAUTH_STATE_TTL_SECONDS, once."
    )
    user_errors: list[OAuthStartError]


async def oauth_start(info: Info, input: OAuthStartInput) -> OAuthStartPayload:
    url, errors = await attempt(
        use_cases.oauth_start(
            info.context.services,
            signed_in(info),
            workspace_id=parse_id_of("Workspace", input.workspace_id),
            platform=input.platform,
            bind_browser=browser_binding(info.context.services, info.context.response),
        )
    )
    return OAuthStartPayload(authorization_url=url, user_errors=typed_errors(OAuthStartError, errors))


@strawberry.type(description="A network connected through OAuth, and whether this Herald can connect it.")
class OAuthNetwork:
    platform: PlatformName
    configured: bool = strawberry.field(
        description="False when this Herald has no app credentials for the network: oauthStart answers "
        "NOT_CONFIGURED until an operator sets them."
    )


@strawberry.type
class OAuthQuery:
    """Which networks can be connected through OAuth."""

    @strawberry.field(
        description="Threads, Instagram, Facebook and Reddit, each with whether it can be connected here "
        "(any signed-in user)."
    )
    def oauth_networks(self, info: Info) -> list[OAuthNetwork]:
        signed_in(info)
        return [
            OAuthNetwork(platform=platform, configured=configured)
            for platform, configured in use_cases.oauth_networks(info.context.services)
        ]


@strawberry.type
class OAuthMutation:
    """Connecting accounts of networks that use OAuth."""

    oauth_start = strawberry.mutation(
        resolver=oauth_start,
        description="Start connecting Threads, Instagram, Facebook Pages or Reddit accounts (needs ADMIN). "
        "Ask it over HTTP, from the browser that will consent (HTTP_REQUIRED over a websocket).",
    )
