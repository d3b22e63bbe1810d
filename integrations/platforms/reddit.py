"""Reddit: connect a user with OAuth (a permanent grant), keep the hourly access token fresh, submit
self, link and image posts to a subreddit.

A target names its subreddit and title in its options (`subreddit`, `title`, optional `flairId`, and
`link` for a link post); the post's text is the self post's body. A post with an image is an image post
(see `reddit_media`: the text is not sent, as for a link post). Access tokens last an hour: a publish
refreshes an expired one first and, when Reddit still answers 401, refreshes once more before giving up
(`AuthExpired`); a refresh never stores an empty refresh token over the one it had (Reddit usually
answers a refresh without one). Reddit documents no PKCE; the state and the app secret protect the code.
"""

from __future__ import annotations

import asyncio
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx

from integrations.platforms import limits, reddit_media
from integrations.platforms.base import (
    AccountSession,
    AuthExpired,
    Checkpoint,
    ConnectedAccount,
    OutcomeUnknown,
    PostContent,
    Published,
    Violation,
)
from integrations.platforms.capabilities import CAPABILITIES
from integrations.platforms.oauth import OAuthApp, expiry_fields, require_token, token_times
from integrations.platforms.reconcile import MAX_PAGES, PAGE_SIZE, looking, same_text, window_start
from integrations.platforms.reddit_api import (
    Unauthorized,
    api_failure,
    json_body,
    send,
    submit_failure,
    token_failure,
    user_agent,
)
from models.platform import PlatformName

SCOPES = ("identity", "submit", "read", "flair")
# Access tokens last an hour; refresh five minutes ahead so a publish never starts with a dying one.
REFRESH_BEFORE = timedelta(minutes=5)
SUBREDDIT_NAME = r"^[A-Za-z0-9][A-Za-z0-9_]{1,20}$"
LABEL = "Reddit"


@dataclass(frozen=True, slots=True)
class RedditConfig:
    """The Reddit app and where Reddit lives (settings, so tests can point it at a local server)."""

    app: OAuthApp
    www_url: str = "https://www.reddit.com"
    api_url: str = "https://oauth.reddit.com"
    version: str = "0.1.0"
    developer: str = ""
    # An image post's id is not in the submit answer: look for it in the user's submissions this often.
    image_lookups: int = 5
    image_lookup_interval: float = 2.0


class Reddit:
    """The Reddit implementation of the `Platform` and `OAuthConnector` contracts."""

    name = PlatformName.REDDIT
    capabilities = CAPABILITIES[PlatformName.REDDIT]
    uses_pkce = False

    def __init__(self, config: RedditConfig, http: httpx.AsyncClient) -> None:
        self.config = config
        self.http = http

    # --- connecting ------------------------------------------------------------------------------------

    @property
    def configured(self) -> bool:
        """Whether REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET are set."""
        return self.config.app.configured

    def authorization_url(self, state: str, redirect_uri: str, code_challenge: str | None) -> str:
        """Reddit's consent page for a permanent grant (which comes with a refresh token)."""
        query = {
            "client_id": self.config.app.client_id,
            "response_type": "code",
            "state": state,
            "redirect_uri": redirect_uri,
            "duration": "permanent",
            "scope": " ".join(SCOPES),
        }
        return f"{self.config.www_url.rstrip('/')}/api/v1/authorize?{urlencode(query)}"

    async def exchange(
        self, code: str, redirect_uri: str, code_verifier: str | None
    ) -> Sequence[ConnectedAccount]:
        """The code for tokens, and the Reddit user they belong to."""
        grant = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri}
        answer = await self._token_call(grant, refreshing=False, name="")
        credentials: dict[str, Any] = {
            "access_token": require_token(answer.get("access_token"), LABEL),
            "refresh_token": answer.get("refresh_token") or "",
            **_expiry(answer),
        }
        response = await send(
            self.http,
            "GET",
            self._api("api/v1/me"),
            agent=self._agent(""),
            headers={"Authorization": f"bearer {credentials['access_token']}"},
        )
        me = json_body(response)
        if response.status_code != 200 or not isinstance(me, dict) or not me.get("name"):
            raise api_failure(response, publishing=False)
        name = str(me["name"])
        credentials["username"] = name
        return [
            ConnectedAccount(
                external_id=f"t2_{me.get('id') or name}",
                handle=name,
                display_name=None,
                credentials=credentials,
            )
        ]

    async def refresh(self, credentials: Mapping[str, Any]) -> dict[str, Any]:
        """A new access token from the refresh token; the refresh token is kept when none comes back."""
        refresh_token = credentials.get("refresh_token")
        if not refresh_token:
            raise AuthExpired(
                "REFRESH_MISSING", "Reddit gave Herald no lasting access; reconnect the account."
            )
        grant = {"grant_type": "refresh_token", "refresh_token": refresh_token}
        answer = await self._token_call(grant, refreshing=True, name=str(credentials.get("username", "")))
        return {
            **credentials,
            "access_token": require_token(answer.get("access_token"), LABEL),
            # Reddit answers most refreshes without a refresh token: the old one stays good.
            "refresh_token": answer.get("refresh_token") or refresh_token,
            **_expiry(answer),
        }

    # --- publishing ------------------------------------------------------------------------------------

    def validate(self, content: PostContent) -> list[Violation]:
        """A subreddit and a title are required; the body and title follow Reddit's limits."""
        options = content.options
        found = limits.text_violations(PlatformName.REDDIT, content.text, "text")
        if content.media:
            found += reddit_media.media_violations(content.media, options)
        subreddit = _subreddit(options)
        if not subreddit:
            found.append(
                Violation("SUBREDDIT_REQUIRED", "Choose the subreddit to post to.", ("options", "subreddit"))
            )
        elif not _valid_subreddit(subreddit):
            found.append(
                Violation(
                    "INVALID_SUBREDDIT", f"r/{subreddit} is not a subreddit name.", ("options", "subreddit")
                )
            )
        found += limits.title_violations(PlatformName.REDDIT, options.get("title"), "options", "title")
        link = options.get("link")
        if link is not None and not _is_web_link(link):
            found.append(Violation("INVALID_LINK", "Give the link as https://…", ("options", "link")))
        return found

    async def publish(
        self,
        account: AccountSession,
        content: PostContent,
        idempotency_key: str,
        checkpoint: Checkpoint | None = None,
    ) -> Published:
        """Submit a self post (the text), a link post (a `link` option) or an image post (its image)."""
        subreddit = _subreddit(content.options)
        form = _submit_form(content, subreddit)
        if content.media:
            authorized = functools.partial(self._authorized, account)
            scheme = urlsplit(self.config.api_url).scheme or "https"
            url = await reddit_media.upload_image(self.http, authorized, scheme, content.media[0])
            form |= {"kind": "image", "url": url}
        response = await self._authorized(account, "POST", "api/submit", publishing=True, data=form)
        body = json_body(response)
        payload = body.get("json") if isinstance(body, dict) else None
        if response.status_code != 200 or not isinstance(payload, dict):
            raise api_failure(response, publishing=True, subreddit=subreddit)
        if payload.get("errors"):
            raise submit_failure(payload, response, subreddit)
        data: dict[str, Any] = payload["data"] if isinstance(payload.get("data"), dict) else {}
        if content.media and not data.get("name") and not data.get("id"):
            return await self._image_post(account, content, idempotency_key)
        if not data.get("name") and not data.get("id"):
            raise OutcomeUnknown("OUTCOME_UNKNOWN", "Reddit answered the post without its id.")
        post_id = str(data.get("name") or f"t3_{data['id']}")
        return Published(external_id=post_id, url=str(data.get("url") or ""), published_at=datetime.now(UTC))

    async def find_published(
        self, account: AccountSession, content: PostContent, idempotency_key: str
    ) -> Published | None:
        """The user's submission to this subreddit with this title and body (or link), since the
        target was written (see `reconcile`)."""
        since = window_start(idempotency_key).timestamp()
        name = str(account.credentials.get("username") or account.handle)
        after: str | None = None
        with looking(LABEL):
            for _ in range(MAX_PAGES):
                params = {
                    "sort": "new",
                    "limit": PAGE_SIZE,
                    "raw_json": 1,
                    **({"after": after} if after else {}),
                }
                response = await self._authorized(account, "GET", f"user/{name}/submitted", params=params)
                listing = (json_body(response) or {}).get("data") or {}
                if response.status_code != 200 or not isinstance(listing, dict):
                    raise api_failure(response, publishing=False)
                children = [c.get("data") for c in listing.get("children") or [] if isinstance(c, dict)]
                for post in (p for p in children if isinstance(p, dict)):
                    if _matches(post, content):
                        return _as_published(post)
                    if float(post.get("created_utc") or 0) < since:
                        return None
                after = listing.get("after")
                if not after:
                    return None
        raise OutcomeUnknown(
            "TOO_MANY_RECENT_POSTS",
            "The account posted too often since this post was written for Herald to tell whether it went "
            "out; check the account, then retry or cancel.",
        )

    # --- internals -------------------------------------------------------------------------------------

    async def _image_post(
        self, account: AccountSession, content: PostContent, idempotency_key: str
    ) -> Published:
        """The image post Reddit accepted, once it shows among the user's submissions."""
        for attempt in range(self.config.image_lookups):
            if attempt:
                await asyncio.sleep(self.config.image_lookup_interval)
            found = await self.find_published(account, content, idempotency_key)
            if found is not None:
                return found
        raise OutcomeUnknown(
            "OUTCOME_UNKNOWN",
            "Reddit accepted the image post but has not shown it yet; Herald will look for it again.",
        )

    def _api(self, path: str) -> str:
        return f"{self.config.api_url.rstrip('/')}/{path}"

    def _agent(self, name: str) -> str:
        who = self.config.developer or name or "herald"
        return user_agent(self.config.app.client_id, self.config.version, who)

    async def _token_call(self, grant: Mapping[str, Any], *, refreshing: bool, name: str) -> dict[str, Any]:
        app = self.config.app
        response = await send(
            self.http,
            "POST",
            f"{self.config.www_url.rstrip('/')}/api/v1/access_token",
            agent=self._agent(name),
            auth=(app.client_id, app.client_secret),
            data=dict(grant),
        )
        body = json_body(response)
        # Reddit answers some refused grants with 200 and {"error": ...}.
        if response.status_code != 200 or not isinstance(body, dict) or "error" in body:
            raise token_failure(response, body, refreshing=refreshing)
        return body

    async def _authorized(
        self, account: AccountSession, method: str, path: str, *, publishing: bool = False, **kwargs: Any
    ) -> httpx.Response:
        """A call with a live access token: refreshed first when expired, and once more on a 401."""
        credentials = dict(account.credentials)
        expires_at, _ = token_times(credentials)
        if expires_at is None or expires_at - timedelta(minutes=1) <= datetime.now(UTC):
            credentials = await self._renew(account, credentials)
        try:
            return await self._call(credentials, method, path, publishing=publishing, **kwargs)
        except Unauthorized:
            # Refused before Reddit looked at the request, so nothing was posted: one retry is safe.
            credentials = await self._renew(account, credentials)
        try:
            return await self._call(credentials, method, path, publishing=publishing, **kwargs)
        except Unauthorized:
            raise AuthExpired(
                "TOKEN_EXPIRED", "Reddit no longer accepts this login; reconnect the account."
            ) from None

    async def _renew(self, account: AccountSession, credentials: dict[str, Any]) -> dict[str, Any]:
        renewed = await self.refresh(credentials)
        await account.save(renewed)
        return renewed

    async def _call(
        self, credentials: Mapping[str, Any], method: str, path: str, *, publishing: bool, **kwargs: Any
    ) -> httpx.Response:
        headers = {"Authorization": f"bearer {credentials.get('access_token', '')}"}
        agent = self._agent(str(credentials.get("username", "")))
        response = await send(
            self.http, method, self._api(path), agent=agent, publishing=publishing, headers=headers, **kwargs
        )
        if response.status_code == 401:
            raise Unauthorized
        return response


def _submit_form(content: PostContent, subreddit: str) -> dict[str, str]:
    """`/api/submit`'s fields; an image post's `kind` and `url` come once the image is uploaded."""
    options = content.options
    form = {
        "api_type": "json",
        "sr": subreddit,
        "title": str(options.get("title") or ""),
        "resubmit": "true",
        "sendreplies": "true",
    }
    if link := options.get("link"):
        form |= {"kind": "link", "url": str(link)}
    elif not content.media:
        form |= {"kind": "self", "text": content.text}
    if flair := options.get("flair_id"):
        form["flair_id"] = str(flair)
    return form


def _subreddit(options: Mapping[str, Any]) -> str:
    raw = str(options.get("subreddit") or "").strip()
    for prefix in ("/r/", "r/"):
        raw = raw.removeprefix(prefix)
    return raw


def _valid_subreddit(name: str) -> bool:
    return re.fullmatch(SUBREDDIT_NAME, name) is not None


def _is_web_link(value: object) -> bool:
    parts = urlsplit(value) if isinstance(value, str) else None
    return parts is not None and parts.scheme in ("http", "https") and bool(parts.hostname)


def _expiry(answer: Mapping[str, Any]) -> dict[str, str | None]:
    return expiry_fields(datetime.now(UTC), answer.get("expires_in") or 3600, REFRESH_BEFORE)


def _matches(post: Mapping[str, Any], content: PostContent) -> bool:
    options = content.options
    if str(post.get("subreddit", "")).lower() != _subreddit(options).lower():
        return False
    if not same_text(post.get("title"), str(options.get("title") or "")):
        return False
    if content.media:
        return post.get("is_self") is False  # the image's URL is Reddit's own, not the one submitted
    if link := options.get("link"):
        return str(post.get("url", "")) == str(link)
    return same_text(post.get("selftext"), content.text)


def _as_published(post: Mapping[str, Any]) -> Published:
    permalink = str(post.get("permalink") or "")
    created = post.get("created_utc")
    return Published(
        external_id=str(post.get("name") or f"t3_{post.get('id')}"),
        url=f"https://www.reddit.com{permalink}" if permalink.startswith("/") else permalink,
        published_at=datetime.fromtimestamp(float(created), UTC)
        if isinstance(created, int | float)
        else None,
    )
