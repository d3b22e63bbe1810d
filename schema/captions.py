"""AI writing help: caption suggestions (streamed live), rewrites, and the workspace's AI usage."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import datetime
from typing import Annotated, TypeAlias

import strawberry

from app.context import Info
from integrations.prompts import RewriteKind
from models.ai_generation import AiOutcome
from models.ai_generation import UsageCounts as UsageCountsModel
from models.platform import PlatformName
from resolvers import ai_usage as usage_use_cases
from resolvers import alt_text as alt_text_use_cases
from resolvers import captions as use_cases
from resolvers import rewrites as rewrite_use_cases
from resolvers.codes import AccessErrorCode, AiErrorCode, AttachmentErrorCode
from resolvers.live import guarded
from schema.common import UserError, attempt, caller_of, error_codes, signed_in, typed_errors
from schema.relay import parse_id_of

strawberry.enum(RewriteKind, name="RewriteInstruction", description="What to do to a post.")
strawberry.enum(AiOutcome, name="AiRequestOutcome", description="How a request to a model ended.")


AiCode: TypeAlias = AiErrorCode | AttachmentErrorCode | AccessErrorCode
"""What every AI mutation can answer with."""


@strawberry.input(description="What to write about, and for which networks.")
class CaptionGenerateInput:
    workspace_id: strawberry.ID
    brief: str = strawberry.field(description="What the post is about (at most 2,000 characters).")
    platforms: list[PlatformName] = strawberry.field(description="One suggestion per network, in this order.")
    request_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="A UUID you picked: subscribe to captionGenerated with it first to see the text live.",
    )
    tone: str | None = strawberry.field(
        default=None, description="e.g. 'playful', 'formal' (≤ 60 characters)."
    )
    language: str | None = strawberry.field(default=None, description="A language tag (en, de, pt-BR).")
    media_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Up to 4 READY files the post goes out with; the model looks at the images."
    )


@strawberry.type(description="A ready-to-post text for one network, within its limits.")
class CaptionSuggestion:
    platform: PlatformName
    text: str = strawberry.field(description="The text to publish, hashtags included.")
    title: str | None = strawberry.field(description="Reddit: the post's title.")
    hashtags: list[str] = strawberry.field(description="The hashtags at the end of `text`, without '#'.")


@strawberry.type(description="A reason captionGenerate gave no suggestions.")
class CaptionGenerateError(UserError):
    code: AiCode = error_codes("CaptionGenerateErrorCode", "Why captionGenerate gave no suggestions.", AiCode)


@strawberry.type(description="The result of captionGenerate.")
class CaptionGeneratePayload:
    request_id: strawberry.ID | None = strawberry.field(description="The request's id (yours, or a new one).")
    suggestions: list[CaptionSuggestion]
    user_errors: list[CaptionGenerateError]


@strawberry.type(description="A piece of a suggestion's text as the model writes it.")
class CaptionChunk:
    request_id: strawberry.ID
    platform: PlatformName
    delta: str = strawberry.field(description="Text to append to what came before for this network.")
    done: bool = strawberry.field(description="The network's suggestion is finished (`text` holds it).")
    text: str | None = strawberry.field(
        description="On the done chunk: the checked text, which replaces the deltas (it may have been "
        "rewritten or cut to fit the network)."
    )


@strawberry.input(description="A post to rewrite for one network.")
class PostRewriteInput:
    workspace_id: strawberry.ID
    text: str
    platform: PlatformName
    instruction: RewriteKind
    tone: str | None = strawberry.field(default=None, description="For CHANGE_TONE: the tone to use.")
    language: str | None = strawberry.field(default=None, description="For TRANSLATE: a language tag.")


@strawberry.type(description="A reason postRewrite gave no text.")
class PostRewriteError(UserError):
    code: AiCode = error_codes("PostRewriteErrorCode", "Why postRewrite gave no text.", AiCode)


@strawberry.type(description="The result of postRewrite.")
class PostRewritePayload:
    text: str | None = strawberry.field(
        description="The rewritten text (a thread's parts, blank-line apart)."
    )
    parts: list[str] = strawberry.field(description="The text as publishable parts; one unless SPLIT_THREAD.")
    user_errors: list[PostRewriteError]


@strawberry.type(description="A reason altTextGenerate gave no alt text.")
class AltTextGenerateError(UserError):
    code: AiCode = error_codes("AltTextGenerateErrorCode", "Why altTextGenerate gave no alt text.", AiCode)


@strawberry.type(description="The result of altTextGenerate.")
class AltTextGeneratePayload:
    alt_text: str | None = strawberry.field(
        description="A suggestion: save it with mediaAssetUpdate once someone has read it."
    )
    user_errors: list[AltTextGenerateError]


@strawberry.type(description="Requests to models and their tokens.")
class AiUsageCounts:
    requests: int
    input_tokens: int
    output_tokens: int


@strawberry.type(description="Usage of one model.")
class AiModelUsage(AiUsageCounts):
    model: str


@strawberry.type(description="Requests that ended one way.")
class AiOutcomeUsage(AiUsageCounts):
    outcome: AiOutcome


@strawberry.type(description="A workspace's requests to models over a period (re-asks count).")
class AiUsage(AiUsageCounts):
    from_: datetime = strawberry.field(name="from")
    to: datetime
    by_model: list[AiModelUsage]
    by_outcome: list[AiOutcomeUsage]


async def caption_generate(info: Info, input: CaptionGenerateInput) -> CaptionGeneratePayload:
    request = use_cases.CaptionRequest(
        workspace_id=parse_id_of("Workspace", input.workspace_id),
        brief=input.brief,
        platforms=list(input.platforms),
        tone=input.tone,
        language=input.language,
        media_ids=[parse_id_of("MediaAsset", m) for m in input.media_ids or []],
        request_id=input.request_id,
    )
    captions, errors = await attempt(
        use_cases.caption_generate(info.context.services, signed_in(info), request)
    )
    suggestions = [
        CaptionSuggestion(platform=s.platform, text=s.text, title=s.title, hashtags=s.hashtags)
        for s in (captions.suggestions if captions else [])
    ]
    return CaptionGeneratePayload(
        request_id=strawberry.ID(captions.request_id) if captions else input.request_id,
        suggestions=suggestions,
        user_errors=typed_errors(CaptionGenerateError, errors),
    )


async def post_rewrite(info: Info, input: PostRewriteInput) -> PostRewritePayload:
    request = rewrite_use_cases.RewriteRequest(
        workspace_id=parse_id_of("Workspace", input.workspace_id),
        text=input.text,
        platform=input.platform,
        kind=input.instruction,
        tone=input.tone,
        language=input.language,
    )
    rewrite, errors = await attempt(
        rewrite_use_cases.post_rewrite(info.context.services, signed_in(info), request)
    )
    return PostRewritePayload(
        text=rewrite.text if rewrite else None,
        parts=rewrite.parts if rewrite else [],
        user_errors=typed_errors(PostRewriteError, errors),
    )


async def alt_text_generate(
    info: Info,
    media_id: strawberry.ID,
    language: str | None = None,
) -> AltTextGeneratePayload:
    call = alt_text_use_cases.alt_text_generate(
        info.context.services, signed_in(info), parse_id_of("MediaAsset", media_id), language or None
    )
    alt_text, errors = await attempt(call)
    return AltTextGeneratePayload(alt_text=alt_text, user_errors=typed_errors(AltTextGenerateError, errors))


@strawberry.type
class AiMutation:
    """AI writing help (needs EDITOR)."""

    caption_generate = strawberry.mutation(
        resolver=caption_generate,
        description="One suggestion per network from a brief, each within the network's limits.",
    )
    post_rewrite = strawberry.mutation(
        resolver=post_rewrite,
        description="Shorten, change the tone of, translate, or split into a thread a post for one network.",
    )
    alt_text_generate = strawberry.mutation(
        resolver=alt_text_generate,
        description="Alt text for an image of the media library, from the image itself (a language tag "
        "such as en or de picks its language).",
    )


@strawberry.type
class AiQuery:
    """AI usage (needs ADMIN)."""

    @strawberry.field(description="The workspace's requests to models in [from, to).")
    async def ai_usage(
        self,
        info: Info,
        workspace_id: strawberry.ID,
        from_: Annotated[datetime, strawberry.argument(name="from")],
        to: datetime,
    ) -> AiUsage:
        report = await usage_use_cases.ai_usage(
            signed_in(info), parse_id_of("Workspace", workspace_id), from_, to
        )
        return AiUsage(
            from_=from_,
            to=to,
            **_counts(report.total),
            by_model=[AiModelUsage(model=m, **_counts(c)) for m, c in sorted(report.by_model.items())],
            by_outcome=[
                AiOutcomeUsage(outcome=o, **_counts(c)) for o, c in sorted(report.by_outcome.items())
            ],
        )


def _counts(counts: UsageCountsModel) -> dict[str, int]:
    return {
        "requests": counts.requests,
        "input_tokens": counts.input_tokens,
        "output_tokens": counts.output_tokens,
    }


@strawberry.type
class CaptionSubscription:
    """Caption text as it is generated."""

    @strawberry.subscription(
        description="The text of your captionGenerate request `requestId` as it is written, from its "
        "start; subscribe before calling captionGenerate. Ends when the request does."
    )
    async def caption_generated(
        self, info: Info, request_id: strawberry.ID
    ) -> AsyncGenerator[CaptionChunk, None]:
        user = signed_in(info)
        chunks = guarded(
            info.context.services,
            caller_of(info),
            user,
            None,
            use_cases.caption_chunks(info.context.services, user, request_id),
        )
        async for chunk in chunks:
            yield CaptionChunk(
                request_id=request_id,
                platform=chunk.platform,
                delta=chunk.delta,
                done=chunk.done,
                text=chunk.text,
            )
