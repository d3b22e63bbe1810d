"""Mutations on media: ask for an upload, complete it, describe an asset, delete it."""

from __future__ import annotations

from datetime import datetime
from typing import TypeAlias

import strawberry

from app.context import Info
from resolvers import media as use_cases
from resolvers.codes import AccessErrorCode, MediaErrorCode
from schema.common import UserError, attempt, error_codes, signed_in, typed_errors
from schema.media import HttpHeader, MediaAsset
from schema.relay import parse_id_of

_ = strawberry.mutation

MediaCode: TypeAlias = MediaErrorCode | AccessErrorCode
"""What every media mutation can answer with."""


@strawberry.input(description="The file a client is about to upload, as it knows it.")
class MediaUploadCreateInput:
    workspace_id: strawberry.ID
    filename: str = strawberry.field(description="The file's name (for the library; not trusted).")
    content_type: str = strawberry.field(
        description="The type the client believes it is; the upload must carry it. Herald checks the bytes."
    )
    byte_size: int = strawberry.field(description="Exactly how many bytes will be sent.")


@strawberry.input(description="Changes to an asset. Omitted fields stay as they are.")
class MediaAssetUpdateInput:
    alt_text: str | None = strawberry.field(
        default=strawberry.UNSET, description="An empty string or null clears it; omitted, it stays."
    )


@strawberry.type(description="A reason mediaUploadCreate refused; nothing was created.")
class MediaUploadCreateError(UserError):
    code: MediaCode = error_codes("MediaUploadCreateErrorCode", "Why mediaUploadCreate refused.", MediaCode)


@strawberry.type(description="Why an upload is not READY.")
class MediaUploadCompleteError(UserError):
    code: MediaCode = error_codes(
        "MediaUploadCompleteErrorCode",
        "Why mediaUploadComplete did not make the asset READY (a rejection code is final; the others not).",
        MediaCode,
    )


@strawberry.type(description="A reason mediaAssetUpdate refused; nothing was changed.")
class MediaAssetUpdateError(UserError):
    code: MediaCode = error_codes("MediaAssetUpdateErrorCode", "Why mediaAssetUpdate refused.", MediaCode)


@strawberry.type(description="A reason mediaAssetDelete refused; nothing was deleted.")
class MediaAssetDeleteError(UserError):
    code: MediaCode = error_codes("MediaAssetDeleteErrorCode", "Why mediaAssetDelete refused.", MediaCode)


@strawberry.type(description="A new asset and where to send its bytes.")
class MediaUploadCreatePayload:
    asset: MediaAsset | None
    upload_url: str | None = strawberry.field(description="Send the file here, with uploadMethod.")
    upload_method: str | None = strawberry.field(description="The HTTP method, PUT.")
    upload_headers: list[HttpHeader] = strawberry.field(description="Send exactly these headers.")
    expires_at: datetime | None = strawberry.field(description="The URL stops working then.")
    user_errors: list[MediaUploadCreateError]


@strawberry.type(description="The result of mediaUploadComplete: the asset READY, or why not.")
class MediaUploadCompletePayload:
    asset: MediaAsset | None = strawberry.field(
        description="Returned whatever its status, REJECTED included."
    )
    user_errors: list[MediaUploadCompleteError]


@strawberry.type(description="The result of mediaAssetUpdate.")
class MediaAssetUpdatePayload:
    asset: MediaAsset | None
    user_errors: list[MediaAssetUpdateError]


@strawberry.type(description="The result of mediaAssetDelete.")
class MediaAssetDeletePayload:
    deleted_media_asset_id: strawberry.ID | None
    user_errors: list[MediaAssetDeleteError]


async def media_upload_create(info: Info, input: MediaUploadCreateInput) -> MediaUploadCreatePayload:
    request = use_cases.UploadRequest(
        workspace_id=parse_id_of("Workspace", input.workspace_id),
        filename=input.filename,
        content_type=input.content_type,
        byte_size=input.byte_size,
    )
    upload, errors = await attempt(
        use_cases.media_upload_create(info.context.services, signed_in(info), request)
    )
    ticket = upload.ticket if upload else None
    return MediaUploadCreatePayload(
        asset=MediaAsset.from_model(upload.asset) if upload else None,
        upload_url=ticket.url if ticket else None,
        upload_method=ticket.method if ticket else None,
        upload_headers=[HttpHeader(name=k, value=v) for k, v in ticket.headers.items()] if ticket else [],
        expires_at=ticket.expires_at if ticket else None,
        user_errors=typed_errors(MediaUploadCreateError, errors),
    )


async def media_upload_complete(info: Info, id: strawberry.ID) -> MediaUploadCompletePayload:
    call = use_cases.media_upload_complete(
        info.context.services, signed_in(info), parse_id_of("MediaAsset", id)
    )
    completion, errors = await attempt(call)
    if completion is not None:
        errors = completion.errors
    return MediaUploadCompletePayload(
        asset=MediaAsset.from_model(completion.asset) if completion else None,
        user_errors=typed_errors(MediaUploadCompleteError, errors),
    )


async def media_asset_update(
    info: Info, id: strawberry.ID, input: MediaAssetUpdateInput
) -> MediaAssetUpdatePayload:
    given = input.alt_text is not strawberry.UNSET
    call = use_cases.media_asset_update(
        signed_in(info),
        parse_id_of("MediaAsset", id),
        alt_text=input.alt_text if given else None,
        set_alt_text=given,
    )
    asset, errors = await attempt(call)
    return MediaAssetUpdatePayload(
        asset=MediaAsset.from_model(asset) if asset else None,
        user_errors=typed_errors(MediaAssetUpdateError, errors),
    )


async def media_asset_delete(info: Info, id: strawberry.ID) -> MediaAssetDeletePayload:
    call = use_cases.media_asset_delete(info.context.services, signed_in(info), parse_id_of("MediaAsset", id))
    deleted, errors = await attempt(call)
    return MediaAssetDeletePayload(
        deleted_media_asset_id=id if deleted else None,
        user_errors=typed_errors(MediaAssetDeleteError, errors),
    )


@strawberry.type
class MediaMutation:
    """Uploading and managing media."""

    media_upload_create = _(
        resolver=media_upload_create,
        description="Start an upload (needs EDITOR): a PENDING_UPLOAD asset and a URL to send the file to.",
    )
    media_upload_complete = _(
        resolver=media_upload_complete,
        description="After the upload: Herald reads the bytes and makes the asset READY or REJECTED.",
    )
    media_asset_update = _(resolver=media_asset_update, description="Change an asset's alt text.")
    media_asset_delete = _(
        resolver=media_asset_delete,
        description="Delete an asset and its files; refused while a post that may publish uses it.",
    )
