"""The OAuth networks (Threads, Instagram, Facebook Pages, Reddit), built from the settings.

Each is both a `Platform` (publishing) and an `OAuthConnector` (connecting, refreshing). They are made
whether or not their app credentials are set: accounts connected earlier keep publishing, and
`oauthStart` answers NOT_CONFIGURED for a network whose app is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from importlib.metadata import PackageNotFoundError, version

import httpx

from app.settings import MediaBackend, Settings
from integrations.platforms.base import Platform
from integrations.platforms.facebook import Facebook
from integrations.platforms.instagram import Instagram
from integrations.platforms.media_urls import MediaUrlCheck
from integrations.platforms.meta_base import MetaConfig
from integrations.platforms.oauth import OAuthApp, OAuthConnector
from integrations.platforms.reddit import Reddit, RedditConfig
from integrations.platforms.threads import Threads
from models.platform import PlatformName


@dataclass(frozen=True)
class Networks:
    platforms: dict[PlatformName, Platform]
    connectors: dict[PlatformName, OAuthConnector]


def _secret(value: object) -> str:
    getter = getattr(value, "get_secret_value", None)
    return str(getter()) if callable(getter) else ""


def _version() -> str:
    try:
        return version("herald")
    except PackageNotFoundError:
        return "0.0.0"


def media_url_check(settings: Settings) -> MediaUrlCheck:
    """The public-address check of the networks that fetch media by URL (see `media_urls`): the address
    they fetch Herald's files from is PUBLIC_BASE_URL with local storage, S3_ENDPOINT_URL with S3
    (AWS itself when empty)."""
    local = settings.media_backend is MediaBackend.LOCAL
    base = settings.public_base_url if local else settings.s3_endpoint_url
    return MediaUrlCheck(enabled=settings.media_urls_public_check, media_base=base)


def oauth_networks(settings: Settings, http: httpx.AsyncClient) -> Networks:
    """Every OAuth network, sharing one HTTP client."""
    meta = MetaConfig(
        app=OAuthApp(settings.meta_app_id or "", _secret(settings.meta_app_secret)),
        graph_url=settings.meta_graph_url,
        dialog_url=settings.meta_login_url,
        version=settings.meta_api_version,
        usage_limit=settings.meta_usage_limit_percent,
        poll_interval=settings.meta_container_poll_seconds,
        poll_timeout=settings.meta_container_timeout_seconds,
        media_urls=media_url_check(settings),
    )
    threads = replace(
        meta,
        app=OAuthApp(settings.threads_app_id or "", _secret(settings.threads_app_secret)),
        graph_url=settings.threads_graph_url,
        dialog_url=settings.threads_authorize_url,
        version=settings.threads_api_version,
    )
    reddit = Reddit(
        RedditConfig(
            app=OAuthApp(settings.reddit_client_id or "", _secret(settings.reddit_client_secret)),
            www_url=settings.reddit_www_url,
            api_url=settings.reddit_api_url,
            version=_version(),
            developer=settings.reddit_developer_username or "",
        ),
        http,
    )
    networks: dict[PlatformName, Threads | Instagram | Facebook | Reddit] = {
        PlatformName.THREADS: Threads(threads, http),
        PlatformName.INSTAGRAM: Instagram(meta, http),
        PlatformName.FACEBOOK: Facebook(meta, http),
        PlatformName.REDDIT: reddit,
    }
    return Networks(platforms=dict(networks), connectors=dict(networks))
