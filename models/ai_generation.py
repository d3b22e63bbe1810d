"""AI usage: one document per request Herald made to a model, and the sums an admin reads."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from beanie import Document, PydanticObjectId
from pydantic import Field
from pymongo import ASCENDING, IndexModel

from models.clock import utcnow


class AiOutcome(enum.StrEnum):
    """What came of one request to a model."""

    OK = "OK"  # the answer was used as it came
    OVER_LIMIT = "OVER_LIMIT"  # the answer broke a network's rules (re-asked or cut to fit)
    INVALID = "INVALID"  # the answer was not the JSON asked for
    BLOCKED = "BLOCKED"  # safety filters withheld it
    EMPTY = "EMPTY"  # no text came back
    FAILED = "FAILED"  # the model could not be reached or refused the request


class AiGeneration(Document):
    """One request to a model: who asked, with which prompt template, what it cost, how it ended."""

    workspace_id: PydanticObjectId
    user_id: PydanticObjectId
    operation: str  # e.g. "caption.generate", "post.rewrite"
    request_id: str | None = None
    model: str
    template: str
    template_version: int
    input_tokens: int = 0
    output_tokens: int = 0
    latency_ms: int = 0
    outcome: AiOutcome
    error_code: str | None = None
    created_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "ai_generations"
        # aiUsage reads one workspace over a time range.
        indexes = [IndexModel([("workspace_id", ASCENDING), ("created_at", ASCENDING)])]

    @classmethod
    async def usage(cls, workspace_id: PydanticObjectId, start: datetime, end: datetime) -> AiUsageReport:
        """Requests and tokens of the workspace in [start, end), in total, per model and per outcome."""
        pipeline = [
            {"$match": {"workspace_id": workspace_id, "created_at": {"$gte": start, "$lt": end}}},
            {
                "$group": {
                    "_id": {"model": "$model", "outcome": "$outcome"},
                    "requests": {"$sum": 1},
                    "input_tokens": {"$sum": "$input_tokens"},
                    "output_tokens": {"$sum": "$output_tokens"},
                }
            },
        ]
        report = AiUsageReport()
        for row in await cls.aggregate(pipeline).to_list():
            counts = UsageCounts(row["requests"], row["input_tokens"], row["output_tokens"])
            report.add(row["_id"]["model"], AiOutcome(row["_id"]["outcome"]), counts)
        return report


@dataclass(slots=True)
class UsageCounts:
    """Requests and tokens."""

    requests: int = 0
    input_tokens: int = 0
    output_tokens: int = 0

    def add(self, other: UsageCounts) -> None:
        """Add `other` to these counts."""
        self.requests += other.requests
        self.input_tokens += other.input_tokens
        self.output_tokens += other.output_tokens


@dataclass(slots=True)
class AiUsageReport:
    """Usage over a period: totals, and the same counts per model and per outcome."""

    total: UsageCounts = field(default_factory=UsageCounts)
    by_model: dict[str, UsageCounts] = field(default_factory=dict)
    by_outcome: dict[AiOutcome, UsageCounts] = field(default_factory=dict)

    def add(self, model: str, outcome: AiOutcome, counts: UsageCounts) -> None:
        """Count one group of requests."""
        self.total.add(counts)
        self.by_model.setdefault(model, UsageCounts()).add(counts)
        self.by_outcome.setdefault(outcome, UsageCounts()).add(counts)
