"""What a Bluesky publish already did, kept in the target's checkpoint so a retry picks up from there.

A publish takes several calls: blobs uploaded, a link card fetched (and its thumb uploaded), the quoted
or replied-to post resolved, then one record per thread part. Each step is saved right after it
succeeds; a worker that dies half-way leaves them behind and the next attempt reuses them: no blob is
uploaded twice, a retry posts the same card, and no part is created twice or skipped.

Layout of the checkpoint (keys are strings, MongoDB-safe):

    {"parts": {"0": {"uri", "cid", "createdAt"}, ...},
     "blobs": {"<part>:<index>": {"blob": {...}, "width", "height"}},
     "cards": {"<part>": {"uri", "title", "description", "thumb"?: blob} | None},
     "refs": {"quote": {"uri", "cid"}, "replyRoot": {...}, "replyParent": {...}}}
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from integrations.platforms.base import Checkpoint
from integrations.platforms.bluesky_refs import PostRef


class Progress:
    """The steps of one publish, read from and saved to a `Checkpoint` (kept in memory without one)."""

    def __init__(self, checkpoint: Checkpoint | None) -> None:
        self._checkpoint = checkpoint
        self.data: dict[str, Any] = copy.deepcopy(dict(checkpoint.data)) if checkpoint else {}
        # Whether an earlier attempt got anywhere: then the next part may exist without being recorded.
        self.resumed = bool(self.data)

    def _section(self, name: str) -> dict[str, Any]:
        section = self.data.setdefault(name, {})
        assert isinstance(section, dict)
        return section

    async def _save(self) -> None:
        if self._checkpoint is not None:
            await self._checkpoint.save(self.data)

    # --- parts ------------------------------------------------------------------------------------------

    def part(self, index: int) -> PostRef | None:
        """The post part `index` became, when it was created."""
        found = self._section("parts").get(str(index))
        return PostRef.from_json(found) if found else None

    async def record_part(self, index: int, ref: PostRef) -> None:
        """Part `index` exists on the network: saved before the next part is started."""
        self._section("parts")[str(index)] = ref.to_json()
        await self._save()

    # --- blobs and cards --------------------------------------------------------------------------------

    def blob(self, key: str) -> Mapping[str, Any] | None:
        """An uploaded blob (with the dimensions it was uploaded with), by `<part>:<index>`."""
        found = self._section("blobs").get(key)
        return found if isinstance(found, dict) else None

    async def record_blob(self, key: str, blob: Mapping[str, Any]) -> None:
        """A blob was uploaded: saved before the post that embeds it is created."""
        self._section("blobs")[key] = dict(blob)
        await self._save()

    async def forget_uploads(self, part: int) -> None:
        """Drop the blobs and card of `part` (the PDS expired them): they are made again."""
        blobs = self._section("blobs")
        for key in [k for k in blobs if k.split(":", 1)[0] == str(part)]:
            del blobs[key]
        self._section("cards").pop(str(part), None)
        await self._save()

    def has_card(self, part: int) -> bool:
        """Whether a card was already decided for `part` (None counts: the page gave none)."""
        return str(part) in self._section("cards")

    def card(self, part: int) -> Mapping[str, Any] | None:
        """The card decided for `part` (None: no card)."""
        found = self._section("cards").get(str(part))
        return found if isinstance(found, dict) else None

    async def record_card(self, part: int, card: Mapping[str, Any] | None) -> None:
        """The card of `part` (or None: the page gave none) was decided: a retry posts the same."""
        self._section("cards")[str(part)] = dict(card) if card is not None else None
        await self._save()

    # --- resolved references ----------------------------------------------------------------------------

    def ref(self, name: str) -> PostRef | None:
        """A resolved reference (`quote`, `replyRoot`, `replyParent`)."""
        found = self._section("refs").get(name)
        return PostRef.from_json(found) if found else None

    async def record_refs(self, refs: Mapping[str, PostRef]) -> None:
        """Quoted and replied-to posts were resolved: a retry refers to the same versions."""
        self._section("refs").update({name: ref.to_json() for name, ref in refs.items()})
        await self._save()
