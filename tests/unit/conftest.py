"""Fast unit tests: pure rules, no services (the whole folder runs in a couple of seconds)."""

from __future__ import annotations

from collections.abc import Mapping

import httpx
import pytest

from integrations.platforms.base import Platform
from integrations.platforms.bluesky import Bluesky
from integrations.platforms.facebook import Facebook
from integrations.platforms.instagram import Instagram
from integrations.platforms.meta_base import MetaConfig
from integrations.platforms.oauth import OAuthApp
from integrations.platforms.reddit import Reddit, RedditConfig
from integrations.platforms.threads import Threads
from models.platform import PlatformName


@pytest.fixture(scope="session")
def platforms() -> Mapping[PlatformName, Platform]:
    """Every network module, built as the app builds them; validating never touches the network."""
    http = httpx.AsyncClient()  # never used: validating makes no request
    meta = MetaConfig(app=OAuthApp("", ""))
    built: list[Platform] = [
        Bluesky(),
        Threads(meta, http),
        Instagram(meta, http),
        Facebook(meta, http),
        Reddit(RedditConfig(app=OAuthApp("", "")), http),
    ]
    return {platform.name: platform for platform in built}
