"""What every AI use case shares: the configured model, the workspace's daily budget, one request to the
model with its record in MongoDB, and the one re-ask allowed when an answer breaks a network's rules."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Generic, TypeVar

import structlog
from beanie import PydanticObjectId

from app.services import Services
from integrations.gemini import AiFailure, Gemini, Generation, OnText, Request, Turn
from integrations.prompts import ANSWER_REPAIR, PromptTemplate
from models.ai_generation import AiGeneration, AiOutcome
from models.clock import utcnow
from resolvers.codes import AiErrorCode
from resolvers.errors import Rejected, UserError, reject

log = structlog.get_logger(__name__)

T = TypeVar("T")

BUDGET_WINDOW_SECONDS = 24 * 3600
MAX_TONE_LENGTH = 60
_LANGUAGE = re.compile(r"\A[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}\Z")
_OUTCOMES = {
    "AI_BLOCKED": AiOutcome.BLOCKED,
    "AI_EMPTY": AiOutcome.EMPTY,
}


def gemini_of(services: Services) -> Gemini:
    """The process's Gemini client; AI_NOT_CONFIGURED without GEMINI_API_KEY."""
    gemini = services.gemini
    if gemini is None:
        raise reject(
            AiErrorCode.AI_NOT_CONFIGURED,
            "AI writing help is not set up on this Herald: an administrator must set GEMINI_API_KEY.",
        )
    return gemini


def check_tone_and_language(tone: str | None, language: str | None) -> list[UserError]:
    """Errors in the optional tone and language of an AI request."""
    errors = []
    if tone is not None and len(tone.strip()) > MAX_TONE_LENGTH:
        errors.append(
            UserError(
                AiErrorCode.TONE_TOO_LONG,
                f"Describe the tone in at most {MAX_TONE_LENGTH} characters.",
                ("tone",),
            )
        )
    if language is not None and not _LANGUAGE.match(language.strip()):
        errors.append(
            UserError(
                AiErrorCode.INVALID_LANGUAGE,
                "Give the language as a tag such as en, de or pt-BR.",
                ("language",),
            )
        )
    return errors


@dataclass(frozen=True, slots=True)
class Judged(Generic[T]):
    """An answer read by its use case: what it means, and whether it kept to the rules."""

    value: T
    outcome: AiOutcome
    problems: tuple[str, ...] = ()


class InvalidAnswer(Exception):
    """The answer is not the JSON that was asked for."""


def parse_json_object(text: str) -> dict[str, Any]:
    """The answer as a JSON object; `InvalidAnswer` otherwise."""
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise InvalidAnswer(str(exc)) from None
    if not isinstance(value, dict):
        raise InvalidAnswer("not an object")
    return value


@dataclass(frozen=True, slots=True)
class AiCall:
    """Who is asking, for what: the budget is the workspace's, the record names the user too."""

    services: Services
    workspace_id: PydanticObjectId
    user_id: PydanticObjectId
    operation: str
    request_id: str | None = None

    async def ask(
        self,
        template: PromptTemplate,
        request: Request,
        judge: Callable[[Generation], Judged[T]],
        on_text: OnText | None = None,
    ) -> tuple[Judged[T], Generation]:
        """Spend one request of the budget, ask, judge the answer, record it all; failures are `Rejected`."""
        gemini = gemini_of(self.services)
        await self._spend_budget()
        try:
            generation = await (gemini.stream(request, on_text) if on_text else gemini.generate(request))
        except AiFailure as failure:
            outcome = _OUTCOMES.get(failure.code, AiOutcome.FAILED)
            failed = Generation("", gemini.model, failure.usage, failure.latency_ms, None)
            await self._record(template, failed, outcome, failure.code)
            raise reject(AiErrorCode(failure.code), failure.message) from None
        try:
            judged = judge(generation)
        except InvalidAnswer as exc:
            log.warning("ai.answer.invalid", operation=self.operation, error=str(exc))
            await self._record(template, generation, AiOutcome.INVALID, "AI_EMPTY")
            raise reject(
                AiErrorCode.AI_EMPTY, "The model's answer was cut off or malformed; try again."
            ) from None
        await self._record(template, generation, judged.outcome)
        return judged, generation

    async def repair(
        self,
        first: Request,
        answer: Generation,
        problems: Sequence[str],
        judge: Callable[[Generation], Judged[T]],
    ) -> Judged[T] | None:
        """Ask once more, telling the model what broke the rules; None when that cannot be done (no
        budget left, or the model failed): the caller then fits the first answer itself."""
        task = ANSWER_REPAIR.task.format(problems="\n".join(f"- {p}" for p in problems))
        turns = (*first.turns, Turn("model", (answer.text,)), Turn("user", (task,)))
        request = Request(first.system, turns, first.response_schema, temperature=0.3)
        try:
            judged, _ = await self.ask(ANSWER_REPAIR, request, judge)
        except Rejected as rejected:
            log.info("ai.repair.skipped", operation=self.operation, codes=[e.code for e in rejected.errors])
            return None
        return judged

    async def _spend_budget(self) -> None:
        settings = self.services.settings
        limit = settings.ai_daily_requests_per_workspace
        decision = await self.services.rate_limiter.hit(
            f"ai:{self.workspace_id}", limit=limit, window_seconds=BUDGET_WINDOW_SECONDS
        )
        if not decision.allowed:
            reset = utcnow() + timedelta(seconds=decision.retry_after_seconds)
            raise reject(
                AiErrorCode.AI_QUOTA_EXCEEDED,
                f"This workspace has used its {limit:,} AI requests of the last 24 hours; the next one is "
                f"possible at {reset:%Y-%m-%d %H:%M} UTC.",
            )

    async def _record(
        self, template: PromptTemplate, generation: Generation, outcome: AiOutcome, code: str | None = None
    ) -> None:
        await AiGeneration(
            workspace_id=self.workspace_id,
            user_id=self.user_id,
            operation=self.operation,
            request_id=self.request_id,
            model=generation.model,
            template=template.name,
            template_version=template.version,
            input_tokens=generation.usage.input_tokens,
            output_tokens=generation.usage.output_tokens,
            latency_ms=generation.latency_ms,
            outcome=outcome,
            error_code=code,
        ).insert()
