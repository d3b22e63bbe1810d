"""Rewriting a post for one network: shorter, in another tone, in another language, or as a thread.

Like captions, the answer is checked by the network's validator, re-asked once with what was wrong,
and then fitted by Herald: a rewrite is cut at a sentence, a thread part that is still too long is split
further. Nothing comes back over the network's limits.
"""

from __future__ import annotations

from dataclasses import dataclass

from beanie import PydanticObjectId

from app.services import Services
from integrations.gemini import Generation
from integrations.platforms.capabilities import CAPABILITIES
from integrations.platforms.limits import text_violations
from integrations.platforms.text_fit import cut_to_fit, split_to_fit
from integrations.prompts import RewriteKind, rewrite_request, rewrite_template
from models.ai_generation import AiOutcome
from models.platform import PlatformName
from models.user import User
from models.workspace import Role
from resolvers.access import workspace_for
from resolvers.ai_requests import (
    AiCall,
    InvalidAnswer,
    Judged,
    check_tone_and_language,
    gemini_of,
    parse_json_object,
)
from resolvers.codes import AiErrorCode
from resolvers.errors import Rejected, UserError

MAX_INPUT_LENGTH = 40_000
MAX_PARTS = 25


@dataclass(frozen=True, slots=True)
class RewriteRequest:
    workspace_id: PydanticObjectId | None
    text: str
    platform: PlatformName
    kind: RewriteKind
    tone: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Rewrite:
    """The rewritten text, and the same text in publishable parts (one part unless split)."""

    text: str
    parts: list[str]


async def post_rewrite(services: Services, user: User, request: RewriteRequest) -> Rewrite:
    """The post rewritten as asked; every part fits the network."""
    workspace = await workspace_for(user, request.workspace_id, Role.EDITOR, "workspaceId")
    gemini_of(services)
    _check(request)
    assert workspace.id is not None and user.id is not None
    call = AiCall(services, workspace.id, user.id, "post.rewrite")
    prompt = rewrite_request(request.kind, request.platform, request.text, request.tone, request.language)
    splitting = request.kind is RewriteKind.SPLIT_THREAD

    def judge(generation: Generation) -> Judged[list[str]]:
        return _judge(request.platform, generation.text, splitting)

    judged, answer = await call.ask(rewrite_template(request.kind), prompt, judge)
    parts = judged.value
    if judged.problems:
        repaired = await call.repair(prompt, answer, judged.problems, judge)
        parts = repaired.value if repaired is not None else parts
    if splitting:
        parts = [piece for part in parts for piece in split_to_fit(request.platform, part)][:MAX_PARTS]
        return Rewrite("\n\n".join(parts), parts)
    text = cut_to_fit(request.platform, parts[0])
    return Rewrite(text, [text])


def _check(request: RewriteRequest) -> None:
    errors: list[UserError] = []
    if not request.text.strip():
        errors.append(UserError(AiErrorCode.TEXT_REQUIRED, "Give the text to rewrite.", ("text",)))
    elif len(request.text) > MAX_INPUT_LENGTH:
        message = f"Rewrite at most {MAX_INPUT_LENGTH:,} characters at a time."
        errors.append(UserError(AiErrorCode.INPUT_TOO_LONG, message, ("text",)))
    if request.kind is RewriteKind.CHANGE_TONE and not (request.tone or "").strip():
        errors.append(UserError(AiErrorCode.TONE_REQUIRED, "Say which tone to rewrite in.", ("tone",)))
    if request.kind is RewriteKind.TRANSLATE and not (request.language or "").strip():
        errors.append(
            UserError(AiErrorCode.LANGUAGE_REQUIRED, "Say which language to translate into.", ("language",))
        )
    capabilities = CAPABILITIES[request.platform]
    if request.kind is RewriteKind.SPLIT_THREAD and not capabilities.threads:
        label = capabilities.text.label
        errors.append(UserError(AiErrorCode.THREADS_NOT_SUPPORTED, f"{label} has no threads.", ("platform",)))
    errors += check_tone_and_language(request.tone, request.language)
    if errors:
        raise Rejected(errors)


def _judge(platform: PlatformName, text: str, splitting: bool) -> Judged[list[str]]:
    answer = parse_json_object(text)
    if splitting:
        raw = answer.get("parts")
        if not isinstance(raw, list) or not all(isinstance(part, str) for part in raw):
            raise InvalidAnswer("no parts")
        parts = [part.strip() for part in raw if part.strip()]
    else:
        if not isinstance(answer.get("text"), str):
            raise InvalidAnswer("no text")
        parts = [answer["text"].strip()]
    if not parts or not parts[0]:
        raise InvalidAnswer("empty")
    problems = [
        f"{'Part ' + str(index + 1) if splitting else 'The text'}: {violation.message}"
        for index, part in enumerate(parts)
        for violation in text_violations(platform, part)
    ]
    if splitting and len(parts) > MAX_PARTS:
        problems.append(f"There are {len(parts)} parts; use at most {MAX_PARTS}.")
    return Judged(parts, AiOutcome.OVER_LIMIT if problems else AiOutcome.OK, tuple(problems))
