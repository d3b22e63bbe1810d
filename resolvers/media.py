"""The media library: ask for an upload, complete it, describe, list and delete assets.

The upload itself never passes through a resolver: `media_upload_create` hands the client a URL that
writes straight to storage (S3/R2, or Herald's own signed local route), and `media_upload_complete` then
reads what arrived and decides what it is (`media_check`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta

from beanie import PydanticObjectId

from app.auth import require_role
from app.services import Services
from integrations.media_probe import kind_of
from integrations.storage import UploadTicket
from models.clock import utcnow
from models.media_asset import MediaAsset, MediaStatus, StorageUsage
from models.media_files import delete_files
from models.paging import Page
from models.platform import MediaKind
from models.user import User
from models.workspace import Role
from resolvers.access import visible_workspace, workspace_for
from resolvers.codes import AccessErrorCode, MediaErrorCode
from resolvers.errors import Rejected, UserError, not_found, reject
from resolvers.media_check import UploadLimits, UploadMissing, check_upload

MAX_FILENAME = 255
MAX_ALT_TEXT = 2000
# Long enough to download and check the largest video; a crashed check frees the asset after this.
CHECK_LEASE = timedelta(minutes=10)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class UploadRequest:
    workspace_id: PydanticObjectId | None
    filename: str
    content_type: str
    byte_size: int


@dataclass(frozen=True, slots=True)
class Upload:
    """A new asset and how to send its bytes."""

    asset: MediaAsset
    ticket: UploadTicket


@dataclass(frozen=True, slots=True)
class Completion:
    """The asset after completion, and why it was refused if it was (it is returned either way)."""

    asset: MediaAsset
    errors: list[UserError] = field(default_factory=list)


def upload_limits(services: Services) -> UploadLimits:
    settings = services.settings
    return UploadLimits(
        max_image_bytes=settings.media_max_image_bytes,
        max_video_bytes=settings.media_max_video_bytes,
        max_pixels=settings.media_max_pixels,
    )


# --- access -------------------------------------------------------------------------------------------


async def visible_media(user: User, asset_id: PydanticObjectId | None) -> MediaAsset | None:
    """The asset when the user is a member of its workspace."""
    asset = await MediaAsset.get(asset_id) if asset_id else None
    if asset is None or await visible_workspace(user, asset.workspace_id) is None:
        return None
    return asset


async def media_for(user: User, asset_id: PydanticObjectId | None, needed: Role) -> MediaAsset:
    """The asset, with the caller's role in its workspace checked for `needed`."""
    asset = await visible_media(user, asset_id)
    if asset is None:
        raise not_found(AccessErrorCode.MEDIA_NOT_FOUND, "id")
    workspace = await visible_workspace(user, asset.workspace_id)
    assert workspace is not None
    require_role(workspace, user, needed)
    return asset


# --- use cases ------------------------------------------------------------------------------------------


async def media_upload_create(services: Services, user: User, request: UploadRequest) -> Upload:
    """A PENDING_UPLOAD asset and a URL the client PUTs the file to, directly to storage."""
    workspace = await workspace_for(user, request.workspace_id, Role.EDITOR, "workspaceId")
    content_type = request.content_type.split(";", 1)[0].strip().lower()
    filename = _filename(request.filename)
    kind = kind_of(content_type)
    errors = _request_errors(services, filename, kind, request.byte_size)
    if errors or kind is None:
        raise Rejected(errors)
    assert workspace.id is not None and user.id is not None
    asset = MediaAsset(
        workspace_id=workspace.id,
        uploader_id=user.id,
        filename=filename,
        claimed_content_type=content_type,
        declared_bytes=request.byte_size,
        kind=kind,
    )
    # Reserve first, count after: of two grants racing for the last space, the later count sees both.
    await asset.insert()
    if limit_errors := await _storage_errors(services, workspace.id, request.byte_size):
        await asset.delete_grant()
        raise Rejected(limit_errors)
    ttl = timedelta(seconds=services.settings.media_upload_ttl_seconds)
    ticket = await services.storage.upload_ticket(asset.upload_key, content_type, request.byte_size, ttl)
    return Upload(asset=asset, ticket=ticket)


def _filename(raw: str) -> str:
    # Browsers and some tools send a path ("C:\\fakepath\\a.jpg"); only the last part is a name.
    return _CONTROL.sub("", re.split(r"[/\\]", raw.strip())[-1]).strip()


def _request_errors(
    services: Services, filename: str, kind: MediaKind | None, byte_size: int
) -> list[UserError]:
    errors: list[UserError] = []
    if not filename or len(filename) > MAX_FILENAME:
        errors.append(
            UserError(
                MediaErrorCode.INVALID_FILENAME,
                f"Give the file a name of 1 to {MAX_FILENAME} characters.",
                ("filename",),
            )
        )
    if kind is None:
        errors.append(
            UserError(
                MediaErrorCode.UNSUPPORTED_CONTENT_TYPE,
                "Herald takes JPEG, PNG, WebP and GIF images and MP4 and MOV videos.",
                ("contentType",),
            )
        )
    if byte_size <= 0:
        errors.append(
            UserError(
                MediaErrorCode.INVALID_BYTE_SIZE,
                "The file's size must be a positive number of bytes.",
                ("byteSize",),
            )
        )
    elif kind is not None and byte_size > (allowed := upload_limits(services).max_bytes(kind)):
        errors.append(
            UserError(
                MediaErrorCode.FILE_TOO_LARGE,
                f"Herald takes {kind.lower()} files of up to {allowed / 1_000_000:g} MB.",
                ("byteSize",),
            )
        )
    return errors


async def storage_usage(services: Services, workspace_id: PydanticObjectId) -> StorageUsage:
    """The workspace's storage use, pending uploads' declared sizes included."""
    since = utcnow() - timedelta(seconds=services.settings.media_upload_ttl_seconds)
    return await MediaAsset.storage_usage(workspace_id, since)


async def _storage_errors(
    services: Services, workspace_id: PydanticObjectId, byte_size: int
) -> list[UserError]:
    """Why a grant of `byte_size`, already inserted and so counted, does not fit the workspace."""
    settings = services.settings
    usage = await storage_usage(services, workspace_id)
    errors: list[UserError] = []
    if usage.used_bytes > settings.media_quota_bytes_per_workspace:
        errors.append(
            _quota_error(usage.used_bytes - byte_size, byte_size, settings.media_quota_bytes_per_workspace)
        )
    if usage.live_grants > (cap := settings.media_max_pending_uploads_per_workspace):
        errors.append(
            UserError(
                MediaErrorCode.TOO_MANY_PENDING_UPLOADS,
                f"This workspace has {cap} uploads in progress already; complete them "
                "(or let them expire) before starting another.",
                ("workspaceId",),
            )
        )
    return errors


def _quota_error(used: int, needed: int, limit: int) -> UserError:
    return UserError(
        MediaErrorCode.STORAGE_QUOTA_EXCEEDED,
        f"This workspace stores {_amount(used)} of the {_amount(limit)} it may; this file needs "
        f"{_amount(needed)} more. Delete files it no longer needs first.",
        ("byteSize",),
    )


def _amount(byte_count: int) -> str:
    if byte_count < 1_000_000:
        return f"{byte_count} bytes"
    if byte_count < 1_000_000_000:
        return f"{byte_count / 1_000_000:.1f} MB"
    return f"{byte_count / 1_000_000_000:.2f} GB"


async def media_upload_complete(
    services: Services, user: User, asset_id: PydanticObjectId | None
) -> Completion:
    """Read the uploaded bytes and make the asset READY or REJECTED (idempotent once decided)."""
    asset = await media_for(user, asset_id, Role.EDITOR)
    if asset.status is MediaStatus.PENDING_UPLOAD:
        if not await asset.claim_check(CHECK_LEASE):
            fresh = await MediaAsset.get(asset.id) if asset.id else None
            if fresh is None or fresh.status is MediaStatus.PENDING_UPLOAD:
                raise reject(
                    MediaErrorCode.CHECK_IN_PROGRESS,
                    "Herald is checking this upload already; ask again shortly.",
                    "id",
                )
            asset = fresh
        elif quota_error := await _completion_quota_error(services, asset):
            # Not final: once the workspace has room again, the same upload can be completed.
            await asset.release_check()
            return Completion(asset, [quota_error])
        else:
            try:
                asset = await check_upload(services.storage, asset, upload_limits(services))
            except UploadMissing:
                await asset.release_check()
                return Completion(
                    asset, [UserError(MediaErrorCode.UPLOAD_MISSING, _NOTHING_UPLOADED, ("id",))]
                )
            except BaseException:
                await asset.release_check()
                raise
    if asset.status is MediaStatus.REJECTED:
        code = MediaErrorCode(asset.rejection_code or MediaErrorCode.FILE_DAMAGED)
        return Completion(asset, [UserError(code, asset.rejection_reason or "Refused.", ("id",))])
    return Completion(asset)


async def _completion_quota_error(services: Services, asset: MediaAsset) -> UserError | None:
    """Whether the READY files leave room for this one (the limit may have shrunk since the grant)."""
    limit = services.settings.media_quota_bytes_per_workspace
    ready = (await storage_usage(services, asset.workspace_id)).ready_bytes
    if ready + asset.declared_bytes <= limit:
        return None
    error = _quota_error(ready, asset.declared_bytes, limit)
    return UserError(error.code, error.message, ("id",))


_NOTHING_UPLOADED = "Nothing has been uploaded yet: send the file to the upload URL first, then complete."


async def media_asset_update(
    user: User,
    asset_id: PydanticObjectId | None,
    *,
    alt_text: str | None,
    set_alt_text: bool = True,
) -> MediaAsset:
    """Change the asset's alt text when `set_alt_text` (an empty or null one clears it)."""
    asset = await media_for(user, asset_id, Role.EDITOR)
    if not set_alt_text:
        return asset
    text = alt_text.strip() if alt_text is not None else None
    if text is not None and len(text) > MAX_ALT_TEXT:
        raise reject(
            MediaErrorCode.ALT_TEXT_TOO_LONG,
            f"Alt text can have up to {MAX_ALT_TEXT} characters.",
            "input",
            "altText",
        )
    await asset.set_alt_text(text or None)
    return asset


async def media_asset_delete(
    services: Services, user: User, asset_id: PydanticObjectId | None
) -> PydanticObjectId:
    """Delete an asset and its files, unless a post that may publish (or did) attaches it."""
    asset = await media_for(user, asset_id, Role.EDITOR)
    if await asset.in_use():
        raise reject(
            MediaErrorCode.MEDIA_IN_USE,
            "A draft, scheduled or published post uses this file; "
            "take it off the post or cancel the post first.",
            "id",
        )
    assert asset.id is not None
    await asset.delete()
    await delete_files(services.storage, asset)
    return asset.id


async def media_page(
    user: User,
    workspace_id: PydanticObjectId | None,
    *,
    kind: MediaKind | None,
    status: MediaStatus | None,
    first: int,
    after: PydanticObjectId | None,
) -> Page[MediaAsset] | None:
    """The workspace's library, newest first; None when the workspace is not visible."""
    workspace = await visible_workspace(user, workspace_id)
    if workspace is None or workspace.id is None:
        return None
    return await MediaAsset.library_page(workspace.id, kind=kind, status=status, first=first, after=after)
