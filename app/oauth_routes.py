"""The browser-facing end of connecting a network: the OAuth callback and a plain result page.

`GET /oauth/{platform}/callback?code=&state=` is where a network sends the user back after consent; it
connects only in the client whose cookie oauthStart's answer set (`app/oauth_cookie`), and always
answers 302 to the frontend (`OAUTH_RESULT_URL`) with the outcome in the query, so a failure is shown by
the frontend, never as a bare error page. `GET /oauth/result` is that frontend when none is configured:
the web console's route of that name when the console is built, else one line of text saying what happened.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from app.oauth_cookie import browser_cookie, forget_browser
from app.services import Services
from app.settings import Settings
from app.web import WebConsole
from resolvers.oauth import CallbackOutcome, oauth_callback
from schema.relay import to_global_id


class OAuthRoutes:
    """Route handlers over the process's services (known once the lifespan has opened them)."""

    def __init__(self, services: Callable[[], Services | None], console: WebConsole) -> None:
        self._services = services
        self._console = console

    async def callback(self, request: Request) -> Response:
        """Finish the connection and send the browser to the frontend with the outcome."""
        services = self._services()
        if services is None:
            return PlainTextResponse("Herald is starting; try again in a moment.", status_code=503)
        state = request.query_params.get("state", "")
        outcome = await oauth_callback(
            services,
            request.path_params["platform"],
            dict(request.query_params),
            request.cookies.get(browser_cookie(state)),
        )
        response = RedirectResponse(result_url(services.settings, outcome), status_code=302)
        forget_browser(response, state)
        return response

    async def result(self, request: Request) -> Response:
        """The console's page when it is built (it reads the outcome from the query), else a line of text."""
        if (page := self._console.index()) is not None:
            return page
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
