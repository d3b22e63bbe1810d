"""Media assets as clients read them, and the media library query."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

import strawberry
from beanie import PydanticObjectId

from app.context import Info
from models.media_asset import MediaAsset as MediaAssetModel
from models.media_asset import MediaStatus as MediaStatusModel
from models.media_files import THUMBNAIL
from models.platform import MediaKind as MediaKindModel
from resolvers import media as use_cases
from schema.common import signed_in
from schema.relay import Connection, Node, page_cursor, parse_id_of, to_global_id

strawberry.enum(
    MediaKindModel,
    name="MediaKind",
    description="What a file is: detected from its bytes once checked, what it claimed to be before.",
)
strawberry.enum(
    MediaStatusModel,
    name="MediaStatus",
    description="PENDING_UPLOAD until mediaUploadComplete checks the bytes; then READY or REJECTED.",
)


@strawberry.type(description="An HTTP header a client must send, exactly as given.")
class HttpHeader:
    name: str = strawberry.field(description="The header's name, e.g. Content-Type.")
    value: str = strawberry.field(description="Its value, exactly.")


@strawberry.type(description="A file in a workspace's media library.")
class MediaAsset(Node):
    kind: MediaKindModel = strawberry.field(description="Image, GIF or video.")
    status: MediaStatusModel = strawberry.field(description="Whether it can be attached.")
    filename: str = strawberry.field(description="The name it was uploaded with.")
    rejection_reason: str | None = strawberry.field(description="Why it was REJECTED, in words.")
    content_type: str | None = strawberry.field(description="What the bytes are (null until checked).")
    byte_size: int | None = strawberry.field(description="Its size in bytes (null until checked).")
    width: int | None = strawberry.field(description="In pixels, as displayed (EXIF orientation applied).")
    height: int | None = strawberry.field(description="In pixels, as displayed.")
    duration_seconds: float | None = strawberry.field(description="A video's length.")
    sha256: str | None = strawberry.field(description="Hex SHA-256 of the checked bytes.")
    alt_text: str | None = strawberry.field(description="A description for people who cannot see it.")
    created_at: datetime = strawberry.field(description="When the upload was asked for.")
    updated_at: datetime = strawberry.field(description="When it last changed.")
    model: strawberry.Private[MediaAssetModel]

    @classmethod
    def from_model(cls, asset: MediaAssetModel) -> MediaAsset:
        return cls(
            id=to_global_id("MediaAsset", asset.id),
            kind=asset.kind,
            status=asset.status,
            filename=asset.filename,
            rejection_reason=asset.rejection_reason,
            content_type=asset.content_type,
            byte_size=asset.byte_size,
            width=asset.width,
            height=asset.height,
            duration_seconds=asset.duration_seconds,
            sha256=asset.sha256,
            alt_text=asset.alt_text,
            created_at=asset.created_at,
            updated_at=asset.updated_at,
            model=asset,
        )

    @strawberry.field(description="A short-lived URL of the file as uploaded (READY assets only).")
    async def url(self, info: Info) -> str | None:
        asset = self.model
        if asset.status is not MediaStatusModel.READY or asset.content_type is None:
            return None
        return await _signed(info, asset.original_key, asset.content_type)

    @strawberry.field(description="A short-lived URL of a small JPEG preview (a video's first frame).")
    async def thumbnail_url(self, info: Info) -> str | None:
        variant = self.model.variants.get(THUMBNAIL)
        if self.model.status is not MediaStatusModel.READY or variant is None:
            return None
        return await _signed(info, variant.key, variant.content_type)


async def _signed(info: Info, key: str, content_type: str) -> str:
    services = info.context.services
    ttl = timedelta(seconds=services.settings.media_url_ttl_seconds)
    return await services.storage.download_url(key, content_type, ttl)


async def media_of(info: Info, ids: Sequence[PydanticObjectId]) -> list[MediaAsset]:
    """Assets by id through the request's DataLoader, in order; ones deleted since are left out."""
    found = await info.context.loaders.media_asset.load_many(list(ids))
    return [MediaAsset.from_model(asset) for asset in found if asset is not None]


@strawberry.input(description="Which assets to list.")
class MediaAssetFilter:
    kind: MediaKindModel | None = None
    status: MediaStatusModel | None = None


@strawberry.type(description="A page of the media library, newest first.")
class MediaAssetConnection(Connection[MediaAsset]):
    total_count: int = strawberry.field(description="Assets matching the filter, on every page.")


@strawberry.type
class MediaQuery:
    """The media library."""

    @strawberry.field(description="The workspace's media, newest first (needs VIEWER).")
    async def media_assets(
        self,
        info: Info,
        workspace_id: strawberry.ID,
        filter: MediaAssetFilter | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> MediaAssetConnection:
        user = signed_in(info)
        cursor = page_cursor(first, after)
        page = await use_cases.media_page(
            user,
            parse_id_of("Workspace", workspace_id),
            kind=filter.kind if filter else None,
            status=filter.status if filter else None,
            first=first,
            after=cursor,
        )
        return MediaAssetConnection.of(page, MediaAsset.from_model)

    @strawberry.field(description="One asset; null when missing or not visible.")
    async def media_asset(self, info: Info, id: strawberry.ID) -> MediaAsset | None:
        found = await use_cases.visible_media(signed_in(info), parse_id_of("MediaAsset", id))
        return MediaAsset.from_model(found) if found else None
