"""Alt text for an image of the media library, written by a model looking at the image itself.

The model gets the image as Herald publishes it to Bluesky (a JPEG of at most 1 MB, oriented, without
its metadata: no camera or location data leaves Herald), inline in the request. The answer is a
suggestion: the client saves it with `mediaAssetUpdate` after a person has read it.
"""

from __future__ import annotations

from beanie import PydanticObjectId

from app.services import Services
from integrations.gemini import Generation, Image
from integrations.platforms.text_fit import cut
from integrations.prompts import ALT_TEXT, alt_text_request
from models.ai_generation import AiOutcome
from models.media_asset import MediaStatus
from models.platform import MediaKind
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
from resolvers.codes import AccessErrorCode, AiErrorCode, AttachmentErrorCode
from resolvers.errors import Rejected, not_found, reject
from resolvers.media import MAX_ALT_TEXT, visible_media
from resolvers.media_renditions import MediaMissing, bluesky_variant

TARGET_LENGTH = 300  # what the model is asked for; anything up to MAX_ALT_TEXT is kept


async def alt_text_generate(
    services: Services, user: User, asset_id: PydanticObjectId | None, language: str | None
) -> str:
    """A description of the image for people who cannot see it."""
    asset = await visible_media(user, asset_id)
    if asset is None:
        raise not_found(AccessErrorCode.MEDIA_NOT_FOUND, "mediaId")
    await workspace_for(user, asset.workspace_id, Role.EDITOR)
    gemini_of(services)
    errors = check_tone_and_language(None, language)
    if errors:
        raise Rejected(errors)
    if asset.status is not MediaStatus.READY:
        raise reject(
            AttachmentErrorCode.MEDIA_NOT_READY,
            "This media has not been uploaded and checked yet.",
            "mediaId",
        )
    if asset.kind is MediaKind.VIDEO:
        raise reject(AiErrorCode.MEDIA_NOT_AN_IMAGE, "Alt text can be written for images only.", "mediaId")
    try:
        image = await bluesky_variant(services.storage, asset, max_pixels=services.settings.media_max_pixels)
    except MediaMissing:
        raise reject(
            AccessErrorCode.MEDIA_NOT_FOUND, "This media's file is gone; upload it again.", "mediaId"
        ) from None
    assert asset.id is not None and user.id is not None
    call = AiCall(services, asset.workspace_id, user.id, "alt_text.generate", str(asset.id))
    request = alt_text_request(Image(image.data, image.content_type), language, TARGET_LENGTH)
    judged, _ = await call.ask(ALT_TEXT, request, _judge)
    return judged.value


def _judge(generation: Generation) -> Judged[str]:
    answer = parse_json_object(generation.text)
    text = answer.get("altText")
    if not isinstance(text, str) or not text.strip():
        raise InvalidAnswer("no altText")
    fitted = cut(" ".join(text.split()), lambda candidate: len(candidate) <= MAX_ALT_TEXT)
    return Judged(fitted, AiOutcome.OK if fitted == text.strip() else AiOutcome.OVER_LIMIT)
