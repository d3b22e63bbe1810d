"""The media library: alt text, listing, who may do what, and deleting only what no post needs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from beanie import PydanticObjectId

from app.services import Services
from models.clock import utcnow
from models.media_asset import MediaAsset
from models.platform import PlatformName
from models.post import Post
from models.post_target import PostTarget
from models.target_state import TargetStatus
from models.workspace import Member as WorkspaceMember
from models.workspace import Role, Workspace
from schema.relay import parse_id_of, to_global_id
from tests.herald_client import Member, sign_up
from tests.media_client import ready_asset, upload_create
from tests.media_samples import mp4, png
from tests.stack import ApiServer, data, gql

UPDATE = """
mutation ($id: ID!, $alt: String) {
  mediaAssetUpdate(id: $id, input: {altText: $alt}) { asset { id altText } userErrors { code field } }
}"""
DELETE = "mutation ($id: ID!) { mediaAssetDelete(id: $id) { deletedMediaAssetId userErrors { code field } } }"
NODE = "query ($id: ID!) { node(id: $id) { ... on MediaAsset { id altText status } } }"
LIBRARY = """
query ($ws: ID!, $filter: MediaAssetFilter, $first: Int, $after: String) {
  mediaAssets(workspaceId: $ws, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id kind status } }
  }
}"""
POST_MEDIA = "query ($id: ID!) { post(id: $id) { media { id } targets { media { id } } } }"
CANCEL = "mutation ($id: ID!) { postCancel(id: $id) { userErrors { code } } }"
LATER = utcnow() + timedelta(days=3650)  # never due while the suite's scheduler runs


@dataclass(frozen=True)
class Library:
    member: Member
    image_id: str
    video_id: str
    pending_id: str


@pytest.fixture(scope="module")
async def library(api: ApiServer) -> Library:
    """A workspace with a READY image, a READY video and an upload never sent, oldest first."""
    member = await sign_up(api)
    image = await ready_asset(api, member, png(32, 32), "square.png", "image/png")
    video = await ready_asset(api, member, mp4(seconds=0.5), "clip.mp4", "video/mp4")
    pending = await upload_create(api, member, filename="later.png", content_type="image/png", byte_size=99)
    return Library(member, image["id"], video["id"], pending["asset"]["id"])


async def _page(api: ApiServer, member: Member, **variables: object) -> dict[str, Any]:
    page: dict[str, Any] = (
        await data(api, LIBRARY, {"ws": member.workspace_id, **variables}, token=member.token)
    )["mediaAssets"]
    return page


def _ids(page: dict[str, Any]) -> list[str]:
    return [edge["node"]["id"] for edge in page["edges"]]


async def test_the_library_lists_newest_first_by_kind_and_status(api: ApiServer, library: Library) -> None:
    member = library.member
    everything = await _page(api, member)
    videos = await _page(api, member, filter={"kind": "VIDEO"})
    ready_images = await _page(api, member, filter={"kind": "IMAGE", "status": "READY"})
    pending = await _page(api, member, filter={"status": "PENDING_UPLOAD"})

    assert _ids(everything) == [library.pending_id, library.video_id, library.image_id]
    assert (everything["totalCount"], _ids(videos), _ids(ready_images)) == (
        3,
        [library.video_id],
        [library.image_id],
    )
    assert _ids(pending) == [library.pending_id]


async def test_the_library_pages_with_keyset_cursors(api: ApiServer, library: Library) -> None:
    first = await _page(api, library.member, first=2)
    info = first["pageInfo"]
    assert info["hasNextPage"] is True
    rest = await _page(api, library.member, first=2, after=info["endCursor"])
    assert _ids(first) + _ids(rest) == [library.pending_id, library.video_id, library.image_id]
    assert rest["totalCount"] == 3 and rest["pageInfo"] == {
        "hasNextPage": False,
        "endCursor": rest["edges"][-1]["cursor"],
    }
    too_many = await gql(
        api, LIBRARY, {"ws": library.member.workspace_id, "first": 101}, token=library.member.token
    )
    assert [e["extensions"]["code"] for e in too_many["errors"]] == ["BAD_USER_INPUT"]


async def test_alt_text_round_trip(api: ApiServer, library: Library) -> None:
    token = library.member.token
    described = await data(api, UPDATE, {"id": library.image_id, "alt": "  A blue square.  "}, token=token)
    assert described["mediaAssetUpdate"] == {
        "asset": {"id": library.image_id, "altText": "A blue square."},
        "userErrors": [],
    }
    assert (await data(api, NODE, {"id": library.image_id}, token=token))["node"][
        "altText"
    ] == "A blue square."
    untouched = (await data(api, UPDATE, {"id": library.image_id}, token=token))["mediaAssetUpdate"]
    assert untouched["asset"]["altText"] == "A blue square."  # altText omitted: it stays

    too_long = (await data(api, UPDATE, {"id": library.image_id, "alt": "x" * 2001}, token=token))[
        "mediaAssetUpdate"
    ]
    cleared = (await data(api, UPDATE, {"id": library.image_id, "alt": ""}, token=token))["mediaAssetUpdate"]
    assert too_long["userErrors"] == [{"code": "ALT_TEXT_TOO_LONG", "field": ["input", "altText"]}]
    assert cleared["asset"]["altText"] is None


async def test_a_viewer_reads_the_library_but_cannot_change_it(api: ApiServer, library: Library) -> None:
    # given a viewer of the library's workspace
    viewer = await sign_up(api)
    workspace = await Workspace.get(parse_id_of("Workspace", library.member.workspace_id))
    viewer_id = parse_id_of("User", (await data(api, "{ me { id } }", token=viewer.token))["me"]["id"])
    assert workspace is not None and viewer_id is not None
    await workspace.update(
        {"$push": {"members": WorkspaceMember(user_id=viewer_id, role=Role.VIEWER).model_dump()}}
    )

    # when they list it, then try to upload, describe and delete
    listed = await _page(api, viewer)  # their own (empty) workspace...
    theirs = await data(api, LIBRARY, {"ws": library.member.workspace_id}, token=viewer.token)
    upload = await gql(
        api,
        "mutation ($i: MediaUploadCreateInput!) { mediaUploadCreate(input: $i) { asset { id } } }",
        {
            "i": {
                "workspaceId": library.member.workspace_id,
                "filename": "a.png",
                "contentType": "image/png",
                "byteSize": 9,
            }
        },
        token=viewer.token,
    )
    update = await gql(api, UPDATE, {"id": library.image_id, "alt": "mine now"}, token=viewer.token)
    delete = await gql(api, DELETE, {"id": library.image_id}, token=viewer.token)

    # then reading works and every change is forbidden
    assert listed["totalCount"] == 0 and theirs["mediaAssets"]["totalCount"] == 3
    for body in (upload, update, delete):
        assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]


async def test_another_workspaces_asset_is_not_found(api: ApiServer, library: Library) -> None:
    stranger = await sign_up(api)
    seen = await data(api, NODE, {"id": library.image_id}, token=stranger.token)
    update = (await data(api, UPDATE, {"id": library.image_id, "alt": "x"}, token=stranger.token))[
        "mediaAssetUpdate"
    ]
    delete = (await data(api, DELETE, {"id": library.image_id}, token=stranger.token))["mediaAssetDelete"]
    listed = await data(api, LIBRARY, {"ws": library.member.workspace_id}, token=stranger.token)
    assert seen["node"] is None
    assert update["userErrors"] == delete["userErrors"] == [{"code": "MEDIA_NOT_FOUND", "field": ["id"]}]
    assert listed["mediaAssets"]["totalCount"] == 0


async def _post_using(member: Member, asset_id: str, status: TargetStatus, *, on_target: bool) -> Post:
    """A post whose one target is in `status` and attaches the asset (on the post, or on the target).

    Written as documents: Bluesky refuses media at postCreate until publishing media lands.
    """
    asset, workspace_id = parse_id_of("MediaAsset", asset_id), parse_id_of("Workspace", member.workspace_id)
    assert asset is not None and workspace_id is not None
    post = Post(
        workspace_id=workspace_id,
        author_id=PydanticObjectId(),
        text="with media",
        media_ids=[] if on_target else [asset],
        scheduled_at=LATER,
    )
    await post.insert()
    assert post.id is not None
    target = PostTarget(
        workspace_id=workspace_id,
        post_id=post.id,
        account_id=PydanticObjectId(),
        platform=PlatformName.BLUESKY,
        media_ids=[asset] if on_target else None,
        status=status,
        scheduled_at=LATER,
    )
    await target.insert()
    return post


@pytest.mark.parametrize(
    ("status", "on_target", "in_use"),
    [
        (TargetStatus.SCHEDULED, False, True),
        (TargetStatus.DRAFT, True, True),
        (TargetStatus.PUBLISHED, False, True),
        (TargetStatus.UNCONFIRMED, True, True),
        (TargetStatus.FAILED, False, False),
        (TargetStatus.CANCELLED, True, False),
    ],
)
async def test_an_asset_is_in_use_while_a_post_may_publish_it(
    api: ApiServer, status: TargetStatus, on_target: bool, in_use: bool
) -> None:
    member = await sign_up(api)
    asset = await ready_asset(api, member, png(8, 8), "dot.png", "image/png")
    await _post_using(member, asset["id"], status, on_target=on_target)
    model = await MediaAsset.get(parse_id_of("MediaAsset", asset["id"]))
    assert model is not None and await model.in_use() is in_use


async def test_deleting_waits_until_the_scheduled_post_is_cancelled(
    api: ApiServer, services: Services
) -> None:
    # given a READY image that a scheduled post attaches
    member = await sign_up(api)
    asset = await ready_asset(api, member, png(16, 16), "used.png", "image/png")
    model = await MediaAsset.get(parse_id_of("MediaAsset", asset["id"]))
    assert model is not None and await services.storage.stat(model.original_key) is not None
    post = await _post_using(member, asset["id"], TargetStatus.SCHEDULED, on_target=False)
    shown = await data(api, POST_MEDIA, {"id": to_global_id("Post", post.id)}, token=member.token)
    assert shown["post"] == {"media": [{"id": asset["id"]}], "targets": [{"media": [{"id": asset["id"]}]}]}

    # when it is deleted, it is refused; once the post is cancelled, it goes, files and all
    refused = (await data(api, DELETE, {"id": asset["id"]}, token=member.token))["mediaAssetDelete"]
    cancelled = (await data(api, CANCEL, {"id": to_global_id("Post", post.id)}, token=member.token))[
        "postCancel"
    ]
    deleted = (await data(api, DELETE, {"id": asset["id"]}, token=member.token))["mediaAssetDelete"]

    assert refused == {"deletedMediaAssetId": None, "userErrors": [{"code": "MEDIA_IN_USE", "field": ["id"]}]}
    assert cancelled["userErrors"] == []
    assert deleted == {"deletedMediaAssetId": asset["id"], "userErrors": []}
    assert (await data(api, NODE, {"id": asset["id"]}, token=member.token))["node"] is None
    gone = await data(api, POST_MEDIA, {"id": to_global_id("Post", post.id)}, token=member.token)
    assert gone["post"]["media"] == []
    assert await services.storage.stat(model.original_key) is None
    assert await services.storage.get(model.variants["thumbnail"].key) is None
