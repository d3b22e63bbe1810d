"""The contract every social network module implements.

A platform module knows four things about its network: what it supports (its `capabilities`, declared
as data in `capabilities`), the rules a post must follow (checked when a post is written, so a user hears
about a problem before anything is queued), how to publish one target, and how to tell whether a target
was already published (the never-post-twice rule). Failures are
classified here, once, from status and error codes, into the five `PublishFailure` kinds the post worker
understands.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from models.platform import MediaKind, PlatformName

if TYPE_CHECKING:
    from integrations.platforms.capabilities import Capabilities


@dataclass(frozen=True, slots=True)
class Violation:
    """One broken rule, phrased for the person who wrote the post.

    `code` is stable (clients switch on it), `message` says what to change, `field` points at the input
    that breaks the rule (for example `["targets", "0", "text"]`).
    """

    code: str
    message: str
    field: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MediaFacts:
    """What a network's rules need to know about one attached file (checked, READY media only).

    When the worker publishes, it also hands over how to get the file: `url`, a time-limited address the
    network can fetch it from (Meta and Reddit fetch by URL), and `read`, which returns the bytes of a
    named rendition ("original", or a network's variant such as "bluesky") for networks that take uploads.
    """

    kind: MediaKind
    content_type: str
    byte_size: int
    width: int | None = None
    height: int | None = None
    duration_seconds: float | None = None
    alt_text: str | None = None
    url: str | None = None
    read: ReadMedia | None = None


@dataclass(frozen=True, slots=True)
class MediaBytes:
    """One rendition of an attached file, as uploaded to a network."""

    data: bytes
    content_type: str
    width: int | None = None
    height: int | None = None


ReadMedia = Callable[[str], Awaitable[MediaBytes]]


@dataclass(frozen=True, slots=True)
class ThreadPartContent:
    """A further part of a thread (after the target's own text), with its own media."""

    text: str
    media: tuple[MediaFacts, ...] = ()


@dataclass(frozen=True, slots=True)
class PostContent:
    """What one target publishes: the text (already tailored for the network), its options and media.

    `thread` holds the further parts of a thread, published as a reply chain under the first post by the
    networks whose capabilities declare `threads`; the others refuse a post that has parts.
    """

    text: str
    options: Mapping[str, Any] = field(default_factory=dict)
    media: tuple[MediaFacts, ...] = ()
    thread: tuple[ThreadPartContent, ...] = ()


@dataclass(frozen=True, slots=True)
class PublishWarning:
    """Something that went wrong once the post was out (a first comment the network refused): the post
    stays published, and the user reads why the extra did not happen."""

    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Published:
    """Where a published target now lives on its network (and what went wrong after, if anything)."""

    external_id: str
    url: str
    published_at: datetime | None = None
    warnings: tuple[PublishWarning, ...] = ()
    # Every post a thread became, the first one (`external_id`) first; empty for a single post.
    part_ids: tuple[str, ...] = ()


# --- failures -------------------------------------------------------------------------------------------


class PublishFailure(Exception):
    """Base of the classified failures. `code` is stable; `message` is what a user reads."""

    retryable: bool = False

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class Transient(PublishFailure):
    """The network or the connection failed in a way that may pass: retry later with backoff."""

    retryable = True


class RateLimited(PublishFailure):
    """The network asked us to wait until `retry_at`; waiting does not use up an attempt."""

    retryable = True

    def __init__(self, code: str, message: str, retry_at: datetime) -> None:
        super().__init__(code, message)
        self.retry_at = retry_at


class AuthExpired(PublishFailure):
    """The account's credentials no longer work: the user must reconnect it."""


class InvalidContent(PublishFailure):
    """The network refused the content itself; publishing it again would fail the same way."""


class Permanent(PublishFailure):
    """Anything else that will not get better by retrying."""


class OutcomeUnknown(PublishFailure):
    """The request may or may not have reached the network; the worker must look before retrying."""

    retryable = True


# --- accounts ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ConnectedAccount:
    """A network account whose credentials were just checked."""

    external_id: str
    handle: str
    display_name: str | None
    credentials: Mapping[str, Any]
    # The permissions the network says the user granted (None: it did not say).
    scopes: tuple[str, ...] | None = None


SaveState = Callable[[Mapping[str, Any]], Awaitable[None]]
SaveCredentials = SaveState


@dataclass(slots=True)
class Checkpoint:
    """What a publish already did on the network, kept on the target between attempts.

    A publish made of several calls (a container created then published, thread parts posted one by one)
    records each step with `save` before going on; a worker that dies half-way leaves `data` behind, and
    the next attempt resumes from it instead of doing a step twice.
    """

    data: Mapping[str, Any]
    save: SaveState


@dataclass(slots=True)
class AccountSession:
    """The credentials of one account while it is used, and how to keep refreshed ones.

    Platform modules call `save` whenever they obtain new credentials (a refreshed token), so the next
    publish starts from them instead of logging in again.
    """

    external_id: str
    handle: str
    credentials: Mapping[str, Any]
    save: SaveCredentials


class Platform(Protocol):
    """What the API and the post worker need from one network."""

    name: PlatformName
    capabilities: Capabilities

    def validate(self, content: PostContent) -> Sequence[Violation]:
        """Every rule the content breaks on this network; empty when it can be published."""
        ...

    async def publish(
        self,
        account: AccountSession,
        content: PostContent,
        idempotency_key: str,
        checkpoint: Checkpoint | None = None,
    ) -> Published:
        """Publish once; raise a `PublishFailure` subclass on failure.

        `checkpoint` carries the steps an earlier attempt of this target already took (see `Checkpoint`).

        `idempotency_key` is the target's: a network that lets the client choose the record's id must
        derive it from this key so that a repeat cannot create a second post.
        """
        ...

    async def find_published(
        self, account: AccountSession, content: PostContent, idempotency_key: str
    ) -> Published | None:
        """The post published under this key, if the network has it; None when it surely does not.

        Raise `OutcomeUnknown` when the network cannot tell (the worker then marks the target
        UNCONFIRMED instead of risking a second post).
        """
        ...


@runtime_checkable
class Deletable(Protocol):
    """A network from which Herald can remove what it published: those whose capabilities declare
    `delete` (a unit test keeps the declaration and this protocol in step), so others need no stub."""

    async def delete(self, account: AccountSession, published_ids: Sequence[str]) -> None:
        """Remove every post in `published_ids` (a target's `external_ids`); one already gone is no error.

        Raise a `PublishFailure` subclass when the network refuses or cannot be reached.
        """
        ...
