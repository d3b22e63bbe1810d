"""What the three Meta networks (Threads, Instagram, Facebook Pages) share, written once.

Each of them is built the same way (`Network(MetaConfig, http)`), calls one Graph API host
(`meta_graph`), reads its login from the account's credentials, looks for what an earlier attempt may
have published (`reconcile`), and turns a failure to look into `OutcomeUnknown`. Threads and Instagram
also publish the same way, through a container (`meta_containers`), after reading the publishing quota
(`meta_quota`); `ContainerPublishing` holds that flow, and each network module keeps only what differs:
its endpoints and fields, the forms its containers take, and what follows a publish.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from integrations.platforms.base import (
    AccountSession,
    AuthExpired,
    Checkpoint,
    OutcomeUnknown,
    PostContent,
    Published,
)
from integrations.platforms.capabilities import Capabilities
from integrations.platforms.media_urls import MediaUrlCheck
from integrations.platforms.meta_containers import Containers, ContainerStatus
from integrations.platforms.meta_graph import GraphClient, find_recent
from integrations.platforms.meta_quota import Quota
from integrations.platforms.oauth import OAuthApp
from integrations.platforms.reconcile import looking, same_caption, window_start
from models.platform import PlatformName

Form = Mapping[str, str]


@dataclass(frozen=True, slots=True)
class MetaConfig:
    """One Meta API as Herald calls it (from the settings, so tests can point it at a local server).

    Facebook and Instagram share one Meta app, graph.facebook.com and Facebook Login's dialog; Threads
    has its own app, host (graph.threads.net) and authorization window. Containers are polled about once
    a minute for at most five minutes, as Meta recommends.
    """

    app: OAuthApp
    graph_url: str = "https://graph.facebook.com"
    dialog_url: str = "https://www.facebook.com"
    version: str = "v23.0"
    usage_limit: float = 90.0
    poll_interval: float = 60.0
    poll_timeout: float = 300.0
    media_urls: MediaUrlCheck = field(default_factory=MediaUrlCheck)


class MetaPlatform(ABC):
    """The part of a Meta network's `Platform` that does not depend on which network it is."""

    name: PlatformName
    capabilities: Capabilities
    label: str  # the network's name in messages
    owner_key: str  # the credential naming who publishes: a Threads user, an Instagram user, a Page
    owner_noun: str  # what that owner is called in messages ("Facebook Page")
    uses_pkce: bool = True

    def __init__(self, config: MetaConfig, http: httpx.AsyncClient) -> None:
        self.config = config
        self.media_urls = config.media_urls
        self.graph = GraphClient(
            http, self._graph_base(config), label=self.label, usage_limit=config.usage_limit
        )

    @property
    def configured(self) -> bool:
        """Whether the network's app id and secret are set."""
        return self.config.app.configured

    async def refresh(self, credentials: Mapping[str, Any]) -> dict[str, Any]:
        """Facebook and Instagram call with Page tokens from a long-lived login, which do not expire:
        there is nothing to refresh (Threads refreshes its own)."""
        return {**credentials, "refresh_at": None}

    def _graph_base(self, config: MetaConfig) -> str:
        """Where paths start: the versioned API (Threads versions each path instead, see `_path`)."""
        return f"{config.graph_url.rstrip('/')}/{config.version}"

    def _path(self, path: str) -> str:
        return path

    def _credentials(self, account: AccountSession) -> tuple[str, str]:
        """The account's token and the id calls are made as; `AuthExpired` when no login is stored."""
        token = account.credentials.get("access_token")
        owner = account.credentials.get(self.owner_key) or account.external_id
        if not token or not owner:
            raise AuthExpired("TOKEN_MISSING", f"This {self.owner_noun} has no stored login; reconnect it.")
        return str(token), str(owner)

    async def _find(
        self,
        account: AccountSession,
        content: PostContent,
        idempotency_key: str,
        *,
        edge: str,
        fields: str,
        text_field: str,
        time_field: str,
    ) -> dict[str, Any] | None:
        """The owner's item of listing `edge` with this text since the target was written (see
        `reconcile`); a failure to ask is `OutcomeUnknown`."""
        token, owner = self._credentials(account)
        with looking(self.label):
            return await find_recent(
                self.graph,
                self._path(f"{owner}/{edge}"),
                token,
                fields=fields,
                since=window_start(idempotency_key),
                matches=lambda item: same_caption(item.get(text_field), content.text),
                time_field=time_field,
            )


class ContainerPublishing(MetaPlatform):
    """Publishing through a container (Threads, Instagram): the quota first, the container (a carousel's
    items first) recorded in the checkpoint, then the publish call; a container an earlier attempt
    already published is found among the owner's posts instead of being published again."""

    status_field: str  # a container's status field, and the one carrying its error
    error_field: str
    container_edge: str  # the owner's edge containers are created on (and its posts listed from)
    publish_edge: str
    quota_edge: str

    def __init__(self, config: MetaConfig, http: httpx.AsyncClient) -> None:
        super().__init__(config, http)
        self.containers = Containers(
            self.graph,
            self.status_field,
            config.poll_interval,
            config.poll_timeout,
            prefix=self._path(""),
            error_field=self.error_field,
        )

    @abstractmethod
    async def find_published(
        self, account: AccountSession, content: PostContent, idempotency_key: str
    ) -> Published | None:
        """The post among the owner's posts since the target was written (see `reconcile`)."""

    @abstractmethod
    def _item_forms(self, content: PostContent) -> Sequence[Form]:
        """The forms of a carousel's item containers; empty for a post of one file or none."""

    @abstractmethod
    def _post_form(self, content: PostContent, items: Sequence[str]) -> Form:
        """The form of the container that is published (naming the carousel's `items`)."""

    @abstractmethod
    async def _after_publish(
        self, account: AccountSession, token: str, media_id: str, content: PostContent
    ) -> Published:
        """Where the post published as `media_id` lives (and anything that follows a publish)."""

    async def publish(
        self,
        account: AccountSession,
        content: PostContent,
        idempotency_key: str,
        checkpoint: Checkpoint | None = None,
    ) -> Published:
        """Publish through a container, resuming the one an earlier attempt left in the checkpoint."""
        token, owner = self._credentials(account)
        container_id, status = await self.containers.reusable(checkpoint, token)
        if status is ContainerStatus.PUBLISHED:
            return await self._published_earlier(account, content, idempotency_key)
        await self._quota(owner).check(token)
        if container_id is None:
            container_id = await self._prepare(owner, token, content, checkpoint)
        if await self.containers.wait(container_id, token) is ContainerStatus.PUBLISHED:
            return await self._published_earlier(account, content, idempotency_key)
        answer = await self.graph.post(
            self._path(f"{owner}/{self.publish_edge}"), token, {"creation_id": container_id}, publishing=True
        )
        media_id = answer.get("id")
        if not isinstance(media_id, str | int) or not str(media_id):
            raise OutcomeUnknown(
                "OUTCOME_UNKNOWN", f"{self.label} answered the publish call without a post id."
            )
        return await self._after_publish(account, token, str(media_id), content)

    async def _prepare(
        self, owner: str, token: str, content: PostContent, checkpoint: Checkpoint | None
    ) -> str:
        """The container to publish (a carousel's items first), each recorded in the checkpoint; every
        media URL is checked to be public first, as the network fetches each file from it."""
        for item in content.media:
            await self.media_urls.ensure_public(item.url)
        makers = [self._maker(owner, token, form) for form in self._item_forms(content)]
        items = await self.containers.create_items(checkpoint, token, makers) if makers else []
        return await self.containers.create(
            checkpoint, self._maker(owner, token, self._post_form(content, items))
        )

    def _maker(self, owner: str, token: str, form: Form) -> Callable[[], Awaitable[str]]:
        async def make() -> str:
            answer = await self.graph.post(self._path(f"{owner}/{self.container_edge}"), token, form)
            container_id = answer.get("id")
            if not isinstance(container_id, str | int) or not str(container_id):
                raise OutcomeUnknown("OUTCOME_UNKNOWN", f"{self.label} answered without a container id.")
            return str(container_id)

        return make

    def _quota(self, owner: str) -> Quota:
        return Quota(
            self.graph,
            self._path(f"{owner}/{self.quota_edge}"),
            self._path(f"{owner}/{self.container_edge}"),
            self.owner_noun,
        )

    async def _published_earlier(
        self, account: AccountSession, content: PostContent, idempotency_key: str
    ) -> Published:
        found = await self.find_published(account, content, idempotency_key)
        if found is not None:
            return found
        raise OutcomeUnknown(
            "PUBLISHED_NOT_FOUND",
            f"{self.label} says an earlier attempt published this post, but it is not among the "
            f"{self.owner_noun}'s posts yet; Herald will look again.",
        )
