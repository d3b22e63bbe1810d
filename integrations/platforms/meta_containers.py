"""Meta's two-step publishing (Threads and Instagram): create a container, wait until it is ready, publish it.

The container id is the checkpoint. It is saved before anything can publish the container, so an attempt
that dies after creating it (or whose publish call's answer was lost) leaves it behind, and the next
attempt looks at its status first: FINISHED means it was never published and is published now (the same
container, so one post at most); PUBLISHED means the earlier attempt succeeded; ERROR and EXPIRED mean it
was never published and a new container is safe.

A carousel is item containers first (`is_carousel_item`), then one CAROUSEL container naming them. Each
item's id joins the checkpoint (`children`, in the order of the media) as soon as it exists, so a retry
reuses the items an earlier attempt made instead of uploading them again; a dead item (ERROR, EXPIRED,
unknown to the network) is made again in its place. An item created by an attempt that died before
saving it is an orphan the network lets expire: items are never published on their own.
"""

from __future__ import annotations

import asyncio
import enum
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from integrations.platforms.base import Checkpoint, InvalidContent, Transient
from integrations.platforms.meta_errors import container_failure
from integrations.platforms.meta_graph import GraphClient


class ContainerStatus(enum.StrEnum):
    IN_PROGRESS = "IN_PROGRESS"
    FINISHED = "FINISHED"
    ERROR = "ERROR"
    EXPIRED = "EXPIRED"
    PUBLISHED = "PUBLISHED"


# What a container in these states can still become: nothing, it was never published.
DEAD = frozenset({ContainerStatus.ERROR, ContainerStatus.EXPIRED})
CHECKPOINT_KEY = "container_id"
CHILDREN_KEY = "children"


@dataclass(frozen=True, slots=True)
class Containers:
    """Reads and waits on one network's containers. Threads names the fields `status` and
    `error_message`, Instagram `status_code` and `status` (the error subcode when ERROR); both recommend
    polling about once a minute for at most five minutes."""

    graph: GraphClient
    status_field: str
    poll_interval: float
    poll_timeout: float
    prefix: str = ""  # the API version, for hosts whose base URL does not carry it (Threads)
    error_field: str = "error_message"

    async def status(self, container_id: str, token: str) -> tuple[ContainerStatus, str | None]:
        """The container's status, and the network's error name (or subcode) when it is ERROR."""
        fields = {"fields": f"{self.status_field},{self.error_field}"}
        answer = await self.graph.get(f"{self.prefix}{container_id}", token, fields)
        raw = answer.get(self.status_field)
        try:
            status = ContainerStatus(str(raw))
        except ValueError:
            # Unknown states are treated as "not yet": the wait ends in a retry, never a guess.
            status = ContainerStatus.IN_PROGRESS
        message = answer.get(self.error_field)
        return status, str(message) if isinstance(message, str | int) else None

    async def wait(self, container_id: str, token: str) -> ContainerStatus:
        """Poll until FINISHED or PUBLISHED.

        ERROR raises `InvalidContent` with the reason in words; EXPIRED and a wait longer than
        `poll_timeout` raise `Transient` (the checkpoint keeps the container for the next attempt).
        """
        deadline = time.monotonic() + self.poll_timeout
        while True:
            status, error = await self.status(container_id, token)
            if status in (ContainerStatus.FINISHED, ContainerStatus.PUBLISHED):
                return status
            if status is ContainerStatus.ERROR:
                raise container_failure(self.graph.label, error)
            if status is ContainerStatus.EXPIRED:
                raise Transient("CONTAINER_EXPIRED", f"{self.graph.label} let the prepared post expire.")
            if time.monotonic() + self.poll_interval > deadline:
                raise Transient(
                    "CONTAINER_NOT_READY",
                    f"{self.graph.label} is still preparing the post after {self.poll_timeout:.0f} s; "
                    "Herald will check again.",
                )
            await asyncio.sleep(self.poll_interval)

    async def reusable(
        self, checkpoint: Checkpoint | None, token: str
    ) -> tuple[str | None, ContainerStatus | None]:
        """The container an earlier attempt created and its status; (None, None) when a new one is needed."""
        container_id = checkpoint.data.get(CHECKPOINT_KEY) if checkpoint else None
        if not isinstance(container_id, str) or not container_id:
            return None, None
        try:
            status, _ = await self.status(container_id, token)
        except InvalidContent:
            return None, None  # the network no longer knows it (containers expire after 24 h)
        return (None, None) if status in DEAD else (container_id, status)

    async def create(self, checkpoint: Checkpoint | None, make: Callable[[], Awaitable[str]]) -> str:
        """A new container, recorded in the checkpoint before anything can publish it."""
        container_id = await make()
        await _save(checkpoint, {CHECKPOINT_KEY: container_id})
        return container_id

    async def create_items(
        self, checkpoint: Checkpoint | None, token: str, makers: Sequence[Callable[[], Awaitable[str]]]
    ) -> list[str]:
        """A carousel's item containers, in order, once each is ready (FINISHED).

        Items an earlier attempt recorded are reused unless dead; each new one is recorded at once.
        ERROR on an item raises `InvalidContent` with the reason; a slow item `Transient`.
        """
        earlier = _ids(checkpoint.data.get(CHILDREN_KEY) if checkpoint else None)
        items: list[str] = []
        for index, make in enumerate(makers):
            reused = earlier[index] if index < len(earlier) else None
            if reused is not None and await self._alive(reused, token):
                items.append(reused)
                continue
            items.append(await make())
            await _save(checkpoint, {CHILDREN_KEY: [*items, *earlier[len(items) :]]})
        for item in items:
            await self.wait(item, token)
        return items

    async def _alive(self, container_id: str, token: str) -> bool:
        try:
            status, _ = await self.status(container_id, token)
        except InvalidContent:
            return False  # the network no longer knows it
        return status not in DEAD


async def _save(checkpoint: Checkpoint | None, changes: dict[str, Any]) -> None:
    # Kept in `data` too: the next step of the same attempt merges into what this one recorded.
    if checkpoint is not None:
        merged = {**checkpoint.data, **changes}
        await checkpoint.save(merged)
        checkpoint.data = merged


def _ids(value: object) -> list[str]:
    return [str(v) for v in value if isinstance(v, str) and v] if isinstance(value, list) else []
