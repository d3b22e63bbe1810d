"""The cookie that binds an OAuth connection to the client that asked for it.

`oauthStart`'s own HTTP answer (the authenticated POST /graphql) sets it: HttpOnly, SameSite=Lax,
`Path=/oauth/`, living as long as the state, Secure when the callback is reached over https. The callback
connects only when it comes back. A link sent to someone else therefore connects nothing: their browser
never made that request with the sender's token (and a page on another site cannot make it for them,
CORS keeps the Authorization header to the allowed origins). Lax, because the network's redirect back to
the callback is a top-level GET from another site, which Lax cookies accompany. One cookie per state, so
two connections started side by side do not overwrite each other's.
"""

from __future__ import annotations

import hashlib

from starlette.responses import Response

from app.services import Services
from resolvers.oauth import BindBrowser, oauth_base_url

COOKIE_PATH = "/oauth/"


def browser_cookie(state: str) -> str:
    """The name of the cookie holding the client's secret for the state token `state`."""
    return f"herald_oauth_{hashlib.sha256(state.encode()).hexdigest()[:16]}"


def browser_binding(services: Services, response: Response | None) -> BindBrowser | None:
    """What hands the client its secret for a state, as a cookie on `response` (oauthStart's HTTP
    answer); None when there is no HTTP answer to carry one (a websocket)."""
    if response is None:
        return None
    secure = oauth_base_url(services).startswith("https://")
    max_age = services.settings.oauth_state_ttl_seconds

    def bind(state: str, secret: str) -> None:
        response.set_cookie(
            browser_cookie(state),
            secret,
            max_age=max_age,
            path=COOKIE_PATH,
            secure=secure,
            httponly=True,
            samesite="lax",
        )
        response.headers["cache-control"] = "no-store"  # a cookie-setting answer no cache may replay

    return bind


def forget_browser(response: Response, state: str) -> None:
    """Expire the state's cookie (the callback used it, whatever the outcome)."""
    response.delete_cookie(browser_cookie(state), path=COOKIE_PATH)
