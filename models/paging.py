"""Keyset pages, newest first: the one way a listing is paged (posts, the media library …)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from beanie import Document, PydanticObjectId

D = TypeVar("D", bound=Document)


@dataclass(frozen=True, slots=True)
class Page(Generic[D]):
    """One page of a listing: its documents, whether more follow, and how many match on every page."""

    items: list[D]
    has_next_page: bool
    total_count: int


async def newest_first(
    model: type[D], query: Mapping[str, Any], *, first: int, after: PydanticObjectId | None
) -> Page[D]:
    """The `first` documents matching `query` that come after the cursor `after`, newest first.

    Keyset on `_id` (its order is creation order), so a page never skips or repeats a document when
    others are added meanwhile; each listing's index ends with `_id` for it. One more than asked for is
    read to tell whether another page follows.
    """
    total = await model.find(query).count()
    keyset = {**query, "_id": {"$lt": after}} if after is not None else dict(query)
    found = await model.find(keyset).sort("-_id").limit(first + 1).to_list()
    return Page(items=found[:first], has_next_page=len(found) > first, total_count=total)
