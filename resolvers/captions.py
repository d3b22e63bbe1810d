"""Caption suggestions: one post per network from a brief, each within that network's rules.

The model answers JSON of Herald's shape (one object per network). Each suggestion is checked by the
network's own validator; when some break a rule the model is asked once more, told exactly what was
wrong; whatever still breaks a rule is cut at a sentence (hashtags dropped first where they are what
does not fit). A suggestion is never returned over a limit.

With a `requestId` the text streams while it is generated: every piece of a network's `text` goes to
the event bus under `caption:{user}:{requestId}` (any API process's subscription can read it, and only
that user's), then a `done` chunk per network with the checked text, then the end of the stream.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import regex
import structlog
from beanie import PydanticObjectId
from graphql import GraphQLError

from app.services import Services
from integrations.events import EventBus
from integrations.gemini import Generation, Image
from integrations.partial_json import StringValues
from integrations.platforms.limits import LIMITS, text_violations, title_violations
from integrations.platforms.text_fit import compose, cut, fit_with_hashtags
from integrations.prompts import CAPTION_GENERATE, caption_request
from models.ai_generation import AiOutcome
from models.media_asset import MediaAsset
from models.platform import MediaKind, PlatformName
from models.user import User
from models.workspace import Role, Workspace
from resolvers.access import workspace_for
from resolvers.ai_requests import (
    AiCall,
    InvalidAnswer,
    Judged,
    check_tone_and_language,
    gemini_of,
    parse_json_object,
)
from resolvers.codes import AccessErrorCode, AiErrorCode, AttachmentErrorCode
from resolvers.errors import Rejected, UserError, reject
from resolvers.media_renditions import MediaMissing, bluesky_variant
from resolvers.post_rules import check_attachments

log = structlog.get_logger(__name__)

MAX_BRIEF_LENGTH = 2_000
MAX_MEDIA = 4
STREAM_TTL_SECONDS = 600
CAPTION_DELTA, CAPTION_DONE, CAPTION_FINISHED = "caption.delta", "caption.done", "caption.finished"
_NOT_A_TAG = regex.compile(r"[^\p{L}\p{N}_]")


@dataclass(frozen=True, slots=True)
class CaptionRequest:
    workspace_id: PydanticObjectId | None
    brief: str
    platforms: Sequence[PlatformName]
    tone: str | None = None
    language: str | None = None
    media_ids: Sequence[PydanticObjectId | None] = ()
    request_id: str | None = None


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A ready-to-post text for one network: `text` includes the hashtags, which are also listed."""

    platform: PlatformName
    text: str
    hashtags: list[str] = field(default_factory=list)
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Captions:
    request_id: str
    suggestions: list[Suggestion]


@dataclass(frozen=True, slots=True)
class CaptionChunk:
    """A piece of one network's text as it is generated; `done` with the checked text at the end."""

    platform: PlatformName
    delta: str
    done: bool
    text: str | None = None


def stream_key(user_id: object, request_id: str) -> str:
    """The event-bus key of one caption request's stream: bound to the user who asked."""
    return f"caption:{user_id}:{request_id}"


def canonical_request_id(value: str) -> str | None:
    """The request id as a lower-case UUID, or None when it is not a UUID."""
    try:
        return str(uuid.UUID(value))
    except (ValueError, AttributeError):
        return None


# --- the mutation ----------------------------------------------------------------------------------------


async def caption_generate(services: Services, user: User, request: CaptionRequest) -> Captions:
    """Suggestions for every requested network, streamed when the request has a requestId."""
    workspace = await workspace_for(user, request.workspace_id, Role.EDITOR, "workspaceId")
    gemini_of(services)
    request_id, errors = _check(request)
    media, media_errors = await _media(workspace, request.media_ids)
    if errors or media_errors:
        raise Rejected(errors + media_errors)
    assert workspace.id is not None and user.id is not None
    stream = None
    if request.request_id is not None:
        stream = CaptionStream(services.events, stream_key(user.id, request_id), request.platforms)
        await _claim_request_id(services, stream.key)
    call = AiCall(services, workspace.id, user.id, "caption.generate", request_id)
    try:
        suggestions = await _suggestions(call, request, stream, media)
    except Rejected as rejected:
        if stream is not None:
            await stream.finish(rejected.errors[0].code)
        raise
    if stream is not None:
        await stream.done(suggestions)
    return Captions(request_id, suggestions)


def _check(request: CaptionRequest) -> tuple[str, list[UserError]]:
    """The request id to use (the caller's, canonical, or a new one), and what is wrong in the input."""
    errors: list[UserError] = []
    if not request.platforms:
        errors.append(UserError(AiErrorCode.NO_PLATFORMS, "Pick at least one network.", ("platforms",)))
    if len(set(request.platforms)) != len(request.platforms):
        errors.append(
            UserError(AiErrorCode.DUPLICATE_PLATFORM, "Each network may be asked once.", ("platforms",))
        )
    if not request.brief.strip():
        errors.append(UserError(AiErrorCode.BRIEF_REQUIRED, "Say what the post is about.", ("brief",)))
    elif len(request.brief) > MAX_BRIEF_LENGTH:
        message = f"Keep the brief under {MAX_BRIEF_LENGTH:,} characters."
        errors.append(UserError(AiErrorCode.BRIEF_TOO_LONG, message, ("brief",)))
    errors += check_tone_and_language(request.tone, request.language)
    request_id = str(uuid.uuid4())
    if request.request_id is not None:
        request_id = canonical_request_id(request.request_id) or ""
        if not request_id:
            errors.append(
                UserError(AiErrorCode.INVALID_REQUEST_ID, "Use a UUID as requestId.", ("requestId",))
            )
    return request_id, errors


async def _media(
    workspace: Workspace, media_ids: Sequence[PydanticObjectId | None]
) -> tuple[list[MediaAsset], list[UserError]]:
    """The post's media: READY assets of this workspace only, at most MAX_MEDIA of them."""
    if len(media_ids) > MAX_MEDIA:
        message = f"Captions can look at {MAX_MEDIA} files at most; pick the ones that matter."
        return [], [UserError(AttachmentErrorCode.TOO_MANY_MEDIA, message, ("mediaIds",))]
    return await check_attachments(workspace, media_ids, "mediaIds")


async def _images(services: Services, media: Sequence[MediaAsset]) -> list[Image]:
    """What the model looks at: each image as Herald publishes it (a metadata-free JPEG), not videos."""
    images = []
    for asset in media:
        if asset.kind is MediaKind.VIDEO:
            continue
        try:
            variant = await bluesky_variant(
                services.storage, asset, max_pixels=services.settings.media_max_pixels
            )
        except MediaMissing:
            raise reject(
                AccessErrorCode.MEDIA_NOT_FOUND, "A file of this post is gone; upload it again.", "mediaIds"
            ) from None
        images.append(Image(variant.data, variant.content_type))
    return images


async def _claim_request_id(services: Services, key: str) -> None:
    # Once only: a second run under the same id would mix its text into the first one's stream.
    decision = await services.rate_limiter.hit(key, limit=1, window_seconds=STREAM_TTL_SECONDS)
    if not decision.allowed:
        raise reject(
            AiErrorCode.REQUEST_ID_USED, "This requestId was used already; pick a new UUID.", "requestId"
        )


async def _suggestions(
    call: AiCall, request: CaptionRequest, stream: CaptionStream | None, media: Sequence[MediaAsset]
) -> list[Suggestion]:
    platforms = list(request.platforms)
    notes = [{"kind": str(asset.kind), "altText": asset.alt_text or ""} for asset in media]
    images = await _images(call.services, media)
    prompt = caption_request(platforms, request.brief.strip(), request.tone, request.language, notes, images)

    def judge(generation: Generation) -> Judged[dict[PlatformName, Suggestion]]:
        return _judge(platforms, generation.text)

    judged, answer = await call.ask(CAPTION_GENERATE, prompt, judge, stream.on_text if stream else None)
    drafts = dict(judged.value)
    if judged.problems:
        repaired = await call.repair(prompt, answer, judged.problems, judge)
        if repaired is not None:
            failing = {p for p in platforms if _problems(drafts[p])}
            drafts.update({p: s for p, s in repaired.value.items() if p in failing})
    return [_fit(drafts[p]) for p in platforms]


def _judge(platforms: Sequence[PlatformName], text: str) -> Judged[dict[PlatformName, Suggestion]]:
    answer = parse_json_object(text)
    drafts: dict[PlatformName, Suggestion] = {}
    for platform in platforms:
        entry = answer.get(platform.value)
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
            raise InvalidAnswer(f"no text for {platform.value}")
        drafts[platform] = _draft(platform, entry)
    problems = tuple(problem for draft in drafts.values() for problem in _problems(draft))
    return Judged(drafts, AiOutcome.OVER_LIMIT if problems else AiOutcome.OK, problems)


def _draft(platform: PlatformName, entry: Mapping[str, Any]) -> Suggestion:
    limits = LIMITS[platform]
    tags: list[str] = []
    raw_tags = entry.get("hashtags") if limits.hashtags_customary else None
    for raw in raw_tags if isinstance(raw_tags, list) else []:
        tag = _NOT_A_TAG.sub("", str(raw))
        if tag and not tag.isdigit() and tag.lower() not in {t.lower() for t in tags}:
            tags.append(tag)
    if limits.max_hashtags is not None:
        tags = tags[: limits.max_hashtags]
    title = entry.get("title") if limits.title_max_length is not None else None
    body = str(entry["text"]).strip()
    return Suggestion(platform, body, tags, str(title).strip() if title is not None else None)


def _problems(draft: Suggestion) -> list[str]:
    """What breaks the network's rules, in words for the re-ask. `draft.text` is still the body."""
    if not draft.text:
        return [f"{draft.platform.value}: the text is empty."]
    found = text_violations(draft.platform, compose(draft.text, draft.hashtags))
    found += title_violations(draft.platform, draft.title)
    return [f"{draft.platform.value}: {violation.message}" for violation in found]


def _fit(draft: Suggestion) -> Suggestion:
    """The draft as a suggestion that keeps every rule, cut where it does not."""
    platform = draft.platform
    body, tags = fit_with_hashtags(platform, draft.text, draft.hashtags)
    title = draft.title
    if LIMITS[platform].title_max_length is not None:
        title = cut(title or body, lambda candidate: not title_violations(platform, candidate))
    return Suggestion(platform, compose(body, tags), tags, title)


# --- streaming -------------------------------------------------------------------------------------------


class CaptionStream:
    """Publishes a caption request's text to its event-bus stream as the model writes it.

    The event bus failing must not fail the request (the suggestions come back in the payload anyway),
    so a failed publish is logged and ends the streaming. The stream expires STREAM_TTL_SECONDS after
    its first event and again after its last, so even a request cut short leaves nothing behind for long.
    """

    def __init__(self, events: EventBus, key: str, platforms: Sequence[PlatformName]) -> None:
        self.key = key
        self._events = events
        self._platforms = {p.value for p in platforms}
        self._values = StringValues()
        self._broken = False
        self._expiring = False

    async def on_text(self, text: str) -> None:
        """Forward the pieces of each network's `text` in this slice of the answer."""
        for path, piece in self._values.feed(text):
            if len(path) == 2 and path[0] in self._platforms and path[1] == "text":
                await self._publish(CAPTION_DELTA, {"platform": path[0], "delta": piece})

    async def done(self, suggestions: Sequence[Suggestion]) -> None:
        """A `done` chunk per network with its checked text, then the end of the stream."""
        for suggestion in suggestions:
            await self._publish(
                CAPTION_DONE, {"platform": suggestion.platform.value, "text": suggestion.text}
            )
        await self.finish(None)

    async def finish(self, code: str | None) -> None:
        """End the stream (with the error code when the request failed)."""
        self._expiring = False
        await self._publish(CAPTION_FINISHED, {"code": code})

    async def _publish(self, type: str, payload: Mapping[str, Any]) -> None:
        if self._broken:
            return
        try:
            await self._events.publish(self.key, type, payload)
            if not self._expiring:
                await self._events.expire(self.key, STREAM_TTL_SECONDS)
                self._expiring = True
        except Exception as exc:  # noqa: BLE001 (see the class docstring)
            self._broken = True
            log.warning("captions.stream.publish_failed", key=self.key, error=repr(exc))


async def caption_chunks(services: Services, user: User, request_id: str) -> AsyncIterator[CaptionChunk]:
    """The chunks of the caller's caption request `request_id`, from its first; ends with the request."""
    canonical = canonical_request_id(request_id)
    if canonical is None:
        raise GraphQLError("`requestId` is not a UUID.", extensions={"code": "BAD_USER_INPUT"})
    # From the very first event: the mutation may well have started before this subscription did.
    async for event in services.events.subscribe(stream_key(user.id, canonical), since="0-0"):
        payload = event.payload
        if event.type == CAPTION_FINISHED:
            return
        platform = PlatformName(str(payload["platform"]))
        if event.type == CAPTION_DELTA:
            yield CaptionChunk(platform, str(payload["delta"]), done=False)
        elif event.type == CAPTION_DONE:
            yield CaptionChunk(platform, "", done=True, text=str(payload["text"]))
