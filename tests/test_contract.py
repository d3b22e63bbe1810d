"""The names docs/api.md promises clients are in the schema (add freely; rename or remove nothing)."""

from __future__ import annotations

from graphql import GraphQLEnumType, GraphQLObjectType

from schema import schema

ROOT_FIELDS = {
    "Query": {
        "me",
        "node",
        "workspaces",
        "workspace",
        "socialAccounts",
        "posts",
        "post",
        "mediaAssets",
        "aiUsage",
        "analyticsOverview",
        "postingHeatmap",
    },
    "Mutation": {
        "signUp",
        "logIn",
        "logOut",
        "workspaceCreate",
        "blueskyAccountConnect",
        "socialAccountDisconnect",
        "postCreate",
        "postUpdate",
        "postDelete",
        "postSchedule",
        "postPublishNow",
        "postCancel",
        "postTargetRetry",
        "postTargetDelete",
        "mediaUploadCreate",
        "mediaUploadComplete",
        "mediaAssetUpdate",
        "mediaAssetDelete",
        "oauthStart",
        "captionGenerate",
        "postRewrite",
        "altTextGenerate",
        "postTargetMetricsRefresh",
        "analyticsExport",
    },
    "Subscription": {"postStatusChanged", "captionGenerated", "analyticsUpdated"},
}
TYPE_FIELDS = {
    "Post": {
        "id",
        "workspace",
        "author",
        "text",
        "thread",
        "media",
        "status",
        "scheduledAt",
        "createdAt",
        "updatedAt",
        "targets",
    },
    "PostTarget": {
        "id",
        "post",
        "account",
        "platform",
        "status",
        "text",
        "scheduledAt",
        "publishedAt",
        "externalId",
        "externalUrl",
        "attempts",
        "lastError",
        "metrics",
        "metricsHistory",
    },
    "SocialAccount": {"followersHistory"},
    "PostMetrics": {
        "collectedAt",
        "likes",
        "reposts",
        "replies",
        "quotes",
        "views",
        "reach",
        "saves",
        "score",
        "upvoteRatio",
    },
    "FollowerCount": {"at", "followers"},
    "HeatmapCell": {"weekday", "hour", "posts", "engagement"},
    "AnalyticsExportPayload": {"url", "expiresAt", "userErrors"},
    "PostStatusChanged": {"eventId", "issuedAt", "post", "target"},
    "MediaAsset": {
        "id",
        "kind",
        "status",
        "rejectionReason",
        "contentType",
        "byteSize",
        "width",
        "height",
        "durationSeconds",
        "sha256",
        "altText",
        "url",
        "thumbnailUrl",
        "createdAt",
    },
    "PageInfo": {"hasNextPage", "endCursor"},
    "PostConnection": {"edges", "pageInfo", "totalCount"},
    "AuthPayload": {"token", "user", "userErrors"},
    "CaptionSuggestion": {"platform", "text", "title", "hashtags"},
    "CaptionChunk": {"requestId", "platform", "delta", "done"},
}
ENUMS = {
    "Platform": {"BLUESKY", "THREADS", "INSTAGRAM", "FACEBOOK", "REDDIT"},
    "PostTargetStatus": {
        "DRAFT",
        "SCHEDULED",
        "QUEUED",
        "PUBLISHING",
        "PUBLISHED",
        "FAILED",
        "CANCELLED",
        "UNCONFIRMED",
    },
    "PostStatus": {
        "DRAFT",
        "SCHEDULED",
        "PUBLISHING",
        "PUBLISHED",
        "PARTIALLY_PUBLISHED",
        "FAILED",
        "CANCELLED",
    },
    "MediaKind": {"IMAGE", "GIF", "VIDEO"},
    "MediaStatus": {"PENDING_UPLOAD", "READY", "REJECTED"},
    "Granularity": {"DAY", "WEEK"},
}


def _fields(name: str) -> set[str]:
    found = schema._schema.get_type(name)
    assert isinstance(found, GraphQLObjectType), f"{name} is missing"
    return set(found.fields)


def test_root_fields_are_there() -> None:
    for root, names in ROOT_FIELDS.items():
        assert names <= _fields(root), names - _fields(root)


def test_types_keep_their_fields() -> None:
    for name, fields in TYPE_FIELDS.items():
        assert fields <= _fields(name), (name, fields - _fields(name))


def test_enums_keep_their_names_and_values() -> None:
    for name, values in ENUMS.items():
        found = schema._schema.get_type(name)
        assert isinstance(found, GraphQLEnumType), f"enum {name} is missing"
        assert values <= set(found.values), (name, values - set(found.values))
