"""A post's numbers on its network, declared once: what a network module reads back (`Metrics`), what a
snapshot stores and what analytics sum all have these fields (`MetricValues`).

A field is None when the network does not report it, which is not the same as 0: Bluesky has no view
counts, Reddit no likes (its upvotes are reported as `likes`), Threads no saves. "Not reported" is stored
as null, never as 0.
"""

from __future__ import annotations

from pydantic import BaseModel


class MetricValues(BaseModel):
    """The nine numbers Herald reads back from a network about one post."""

    likes: int | None = None
    reposts: int | None = None
    replies: int | None = None
    quotes: int | None = None
    views: int | None = None
    reach: int | None = None
    saves: int | None = None
    score: int | None = None
    upvote_ratio: float | None = None


METRIC_FIELDS = tuple(MetricValues.model_fields)
COUNTED = ("likes", "reposts", "replies", "quotes", "saves")
"""The fields whose sum is a post's engagement (its interactions)."""
SUMMED = tuple(name for name in METRIC_FIELDS if name != "upvote_ratio")
"""The fields that add up across posts (a ratio does not)."""


class Metrics(MetricValues, frozen=True):
    """One reading of a post's numbers, as a network module returns it."""

    @property
    def engagement(self) -> int:
        """Interactions: likes + reposts + replies + quotes + saves, those not reported counting 0."""
        return sum(getattr(self, name) or 0 for name in COUNTED)

    def as_dict(self) -> dict[str, int | float | None]:
        """Every field by name (None kept: "not reported" is stored as null, never as 0)."""
        return {name: getattr(self, name) for name in METRIC_FIELDS}
