"""Instagram's first comment: a comment Herald adds under a post right after publishing it
(`POST /{ig-media-id}/comments` with `message`, answered `{"id"}`), as people do for hashtags.

The post is what the user scheduled; the comment is an extra. So a comment Instagram refuses (or that
cannot be sent) never turns a published post into a failure: the target is PUBLISHED and carries a
warning (FIRST_COMMENT_FAILED) saying what did not happen and that it can be added in the app. Herald
does not retry it later: the target is finished, and a comment posted hours after the post is not what
was asked for.

Never twice: when a publish resumes a post an earlier attempt already published (or finds one whose
answer was lost), the comments under the post are read first (`GET /{ig-media-id}/comments`, fields
`text`, `username`) and the comment is added only if this account's comment with that text is not there.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from integrations.platforms.base import PublishFailure, PublishWarning, Violation
from integrations.platforms.instagram_media import InstagramKind
from integrations.platforms.meta_graph import GraphClient
from integrations.platforms.reconcile import same_text

MAX_LENGTH = 2_200
FAILED = "FIRST_COMMENT_FAILED"


def first_comment_of(options: Mapping[str, Any]) -> str | None:
    """The target's `firstComment`, when it has one that is not blank."""
    comment = options.get("first_comment")
    return comment if isinstance(comment, str) and comment.strip() else None


def comment_violations(options: Mapping[str, Any], kind: InstagramKind | None) -> list[Violation]:
    """A first comment must fit Instagram's comment length, and Stories take no comments."""
    comment = first_comment_of(options)
    if comment is None:
        return []
    field = ("options", "firstComment")
    if kind is InstagramKind.STORY:
        message = "Instagram Stories take no comments; remove firstComment."
        return [Violation("INVALID_OPTION", message, field)]
    if len(comment) > MAX_LENGTH:
        message = f"Instagram comments are at most {MAX_LENGTH:,} characters; this one has {len(comment):,}."
        return [Violation("INVALID_OPTION", message, field)]
    return []


async def add_first_comment(
    graph: GraphClient, token: str, media_id: str, comment: str, *, handle: str, look_first: bool
) -> tuple[PublishWarning, ...]:
    """Comment under the published post; a warning instead of a failure when that does not work.

    With `look_first` (the post may have been published by an earlier attempt), a comment already there
    is not added again.
    """
    try:
        if look_first and await _already_there(graph, token, media_id, comment, handle):
            return ()
        answer = await graph.post(f"{media_id}/comments", token, {"message": comment}, publishing=True)
    except PublishFailure as failure:
        return (_warning(failure.message),)
    if not answer.get("id"):
        return (_warning("Instagram answered without the comment's id"),)
    return ()


async def _already_there(graph: GraphClient, token: str, media_id: str, comment: str, handle: str) -> bool:
    # A post's first comment is among its first page: comments are few minutes after publishing.
    answer = await graph.get(f"{media_id}/comments", token, {"fields": "id,text,username", "limit": 50})
    return any(
        isinstance(item, dict) and item.get("username") == handle and same_text(item.get("text"), comment)
        for item in answer.get("data") or []
    )


def _warning(reason: str) -> PublishWarning:
    return PublishWarning(
        FAILED,
        f"The post is on Instagram, but its first comment could not be added ({reason.rstrip('.')}); "
        "add it in the Instagram app.",
    )
