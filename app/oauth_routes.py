"""The browser-facing end of connecting a network: the start address, the OAuth callback and a plain
result page.

`GET /oauth/{platform}/start?state=` (what oauthStart answers) sets a short-lived, HttpOnly, SameSite=Lax
cookie holding a fresh secret the state is bound to, and redirects to the network's consent page; the
callback connects only in the browser that sends that cookie back (`resolvers/oauth.py`). Lax, because
the network's redirect back is a top-level GET from another site, which Lax cookies accompany.
`GET /oauth/{platform}/callback?code=&state=` is where a network sends the user back after consent; it
always answers 302 to the frontend (`OAUTH_RESULT_URL`) with the outcome in the query, so a failure is
shown by the frontend, never as a bare error page. `GET /oauth/result` is that frontend when none is
configured (`herald dev`): one line of text saying what happened.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from app.services import Services
from app.settings import Settings
from integrations.oauth_states import browser_cookie
from resolvers.oauth import (
    CallbackError,
    CallbackOutcome,
    oauth_base_url,
    oauth_callback,
    oauth_open,
    platform_named,
)
from schema.relay import to_global_id


class OAuthRoutes:
    """Route handlers over the process's services (known once the lifespan has opened them)."""

    def __init__(self, services: Callable[[], Services | None]) -> None:
        self._services = services

    async def start(self, request: Request) -> Response:
        """Bind the connection to this browser with a cookie and send it to the network's consent page."""
        services = self._services()
        if services is None:
            return PlainTextResponse("Herald is starting; try again in a moment.", status_code=503)
        platform, token = request.path_params["platform"], request.query_params.get("state", "")
        secret = secrets.token_urlsafe(32)
        try:
            consent_url = await oauth_open(services, platform, token, secret)
        except CallbackError as error:
            outcome = CallbackOutcome(platform_named(platform), error=error)
            return RedirectResponse(result_url(services.settings, outcome), status_code=302)
        response = RedirectResponse(consent_url, status_code=302)
        response.set_cookie(
            browser_cookie(token),
            secret,
            max_age=services.settings.oauth_state_ttl_seconds,
            path="/oauth/",
            secure=oauth_base_url(services).startswith("https://"),
            httponly=True,
            samesite="lax",
        )
        response.headers["cache-control"] = "no-store"  # a cookie-setting answer no cache may replay
        return response

    async def callback(self, request: Request) -> Response:
        """Finish the connection and send the browser to the frontend with the outcome."""
        services = self._services()
        if services is None:
            return PlainTextResponse("Herald is starting; try again in a moment.", status_code=503)
        cookie = browser_cookie(request.query_params.get("state", ""))
        outcome = await oauth_callback(
            services, request.path_params["platform"], dict(request.query_params), request.cookies.get(cookie)
        )
        response = RedirectResponse(result_url(services.settings, outcome), status_code=302)
        response.delete_cookie(cookie, path="/oauth/")
        return response

    async def result(self, request: Request) -> Response:
        """A minimal page for `herald dev`, where no frontend receives the outcome."""
        query = request.query_params
        platform = query.get("platform", "").title() or "The network"
        if query.get("status") == "connected":
            text = f"{platform}: {query.get('connected', '0')} account(s) connected. You can close this tab."
        else:
            text = (
                f"{platform}: nothing connected ({query.get('error', 'UNKNOWN')}): {query.get('message', '')}"
            )
        return PlainTextResponse(text)


def result_url(settings: Settings, outcome: CallbackOutcome) -> str:
    """The frontend's address with the outcome: `status=connected&platform=..&connected=N&workspaceId=..`
    (a global id, as the API writes it) or `status=error&platform=..&error=CODE&message=..`."""
    base = settings.oauth_result_url or f"{settings.public_base_url.rstrip('/')}/oauth/result"
    query = {"platform": outcome.platform.value if outcome.platform else ""}
    if outcome.error is not None:
        query |= {"status": "error", "error": outcome.error.code, "message": outcome.error.message}
    else:
        workspace = to_global_id("Workspace", outcome.workspace_id) if outcome.workspace_id else ""
        query |= {"status": "connected", "connected": str(outcome.connected), "workspaceId": workspace}
    return f"{base}{'&' if '?' in base else '?'}{urlencode(query)}"
