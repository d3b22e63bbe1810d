"""Publishing a post as a chain of Bluesky records: the first post, then each thread part as a reply.

Each part is created under its own record key, `record_key(idempotency_key, part)`, and saved in the
checkpoint (uri + cid) right after it exists, before the next part starts. A chain cut short (a worker
killed, a rate limit, a network failure) resumes at the first part not recorded: the record that part
may have become without being recorded is looked up by its key first, so no part is created twice and
none is skipped. Replies carry strong references: `reply.root` is the first post of the conversation
(the replied-to post's root when the target replies to an existing post), `reply.parent` the part before.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from integrations.platforms.base import InvalidContent, PostContent, ThreadPartContent, Violation
from integrations.platforms.bluesky_embeds import PartSource, build_embed
from integrations.platforms.bluesky_media import media_violations
from integrations.platforms.bluesky_progress import Progress
from integrations.platforms.bluesky_refs import POST_COLLECTION, PostRef, langs_of, parse_post_uri
from integrations.platforms.bluesky_text import (
    FacetKind,
    build_facets,
    detect_facet_spans,
    record_key,
    text_violations,
)
from integrations.platforms.bluesky_xrpc import XRPC_ERRORS, BlobMissing, failure, status_of
from integrations.safe_fetch import FetchPolicy

if TYPE_CHECKING:  # the repository wraps the atproto SDK, imported on first publish only
    from integrations.platforms.bluesky_repo import AccountRepo

# Posts in one thread, the first included: Bluesky sets no limit, Herald keeps a chain within reason
# (each post costs 3 of the account's 5,000 write points an hour).
MAX_THREAD_POSTS = 25


def thread_violations(parts: Sequence[ThreadPartContent]) -> list[Violation]:
    """Every Bluesky rule the further parts of a thread break (each part is a post of its own)."""
    violations: list[Violation] = []
    if len(parts) + 1 > MAX_THREAD_POSTS:
        violations.append(
            Violation(
                "TOO_MANY_THREAD_PARTS",
                f"A Bluesky thread from Herald has at most {MAX_THREAD_POSTS} posts; "
                f"this one has {len(parts) + 1}.",
                ("thread",),
            )
        )
    for index, part in enumerate(parts):
        at = ("thread", str(index))
        if not part.text.strip() and not part.media:
            message = "Write some text (or attach media) in each part."
            violations.append(Violation("EMPTY_POST", message, (*at, "text")))
        found = text_violations(part.text) + media_violations(part.media)
        violations += [Violation(v.code, v.message, (*at, *v.field)) for v in found]
    return violations


@dataclass(frozen=True, slots=True)
class Anchors:
    """Existing posts the chain points at: the quoted post, and the post the first part replies to."""

    quote: PostRef | None = None
    reply_root: PostRef | None = None
    reply_parent: PostRef | None = None


async def publish_chain(
    repo: AccountRepo, content: PostContent, idempotency_key: str, progress: Progress, policy: FetchPolicy
) -> list[PostRef]:
    """Every post of `content` (the first, then each thread part), created or found; in order."""
    anchors = await resolve_anchors(repo, content.options, progress)
    langs = langs_of(content.options)
    sources = [PartSource(0, content.text, content.media, anchors.quote)]
    sources += [PartSource(i + 1, part.text, part.media) for i, part in enumerate(content.thread)]
    refs: list[PostRef] = []
    look_first = progress.resumed
    for source in sources:
        rkey = record_key(idempotency_key, source.index)
        ref = progress.part(source.index)
        if ref is None and look_first:
            # The part after the last recorded one may exist unrecorded (its answer was lost).
            look_first = False
            ref = await _existing(repo, rkey)
            if ref is not None:
                await progress.record_part(source.index, ref)
        if ref is None:
            reply = _reply(anchors, refs)
            ref = await _create(repo, source, rkey, langs, reply, progress, policy)
            await progress.record_part(source.index, ref)
        refs.append(ref)
    return refs


def _reply(anchors: Anchors, earlier: Sequence[PostRef]) -> dict[str, Any] | None:
    if earlier:
        root, parent = anchors.reply_root or earlier[0], earlier[-1]
    elif anchors.reply_parent is not None:
        root, parent = anchors.reply_root or anchors.reply_parent, anchors.reply_parent
    else:
        return None
    return {"root": root.strong_ref(), "parent": parent.strong_ref()}


async def _existing(repo: AccountRepo, rkey: str) -> PostRef | None:
    try:
        found = await repo.get_post(rkey)
    except XRPC_ERRORS as exc:
        raise failure(exc) from exc  # nothing was written yet in this attempt
    return found[0] if found else None


async def _create(
    repo: AccountRepo,
    source: PartSource,
    rkey: str,
    langs: Sequence[str],
    reply: Mapping[str, Any] | None,
    progress: Progress,
    policy: FetchPolicy,
) -> PostRef:
    async def once() -> PostRef:
        embed = await build_embed(repo, source, progress, policy)
        record = await post_record(repo, source.text, langs, embed, reply)
        return await repo.create_post(rkey, record)

    try:
        return await once()
    except BlobMissing:
        # Uploads nobody refers to expire on the PDS (a retry hours later): upload them again, once.
        await progress.forget_uploads(source.index)
    return await once()


async def post_record(
    repo: AccountRepo,
    text: str,
    langs: Sequence[str],
    embed: Mapping[str, Any] | None,
    reply: Mapping[str, Any] | None,
) -> dict[str, Any]:
    """An `app.bsky.feed.post` record, with facets (mentions resolved to DIDs), langs, reply and embed."""
    spans = detect_facet_spans(text)
    dids: dict[str, str] = {}
    for handle in {span.value for span in spans if span.kind is FacetKind.MENTION}:
        did = await repo.resolve_handle(handle)
        if did is not None:
            dids[handle] = did
    record: dict[str, Any] = {
        "$type": POST_COLLECTION,
        "text": text,
        # Millisecond precision, as the official clients write it.
        "createdAt": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
    }
    if facets := build_facets(spans, dids):
        record["facets"] = facets
    if langs:
        record["langs"] = list(langs)
    if reply is not None:
        record["reply"] = dict(reply)
    if embed is not None:
        record["embed"] = dict(embed)
    return record


# --- quoted and replied-to posts -----------------------------------------------------------------------


async def resolve_anchors(repo: AccountRepo, options: Mapping[str, Any], progress: Progress) -> Anchors:
    """The quoted and replied-to posts of the options as strong references (resolved once, then kept)."""
    quote, root, parent = progress.ref("quote"), progress.ref("replyRoot"), progress.ref("replyParent")
    resolved: dict[str, PostRef] = {}
    if (quote_uri := options.get("quote_uri")) and quote is None:
        quote, _ = await _resolve(repo, str(quote_uri), "QUOTED_POST_NOT_FOUND", "quoted post")
        resolved["quote"] = quote
    if (reply_uri := options.get("reply_to_uri")) and parent is None:
        parent, value = await _resolve(repo, str(reply_uri), "REPLY_TARGET_NOT_FOUND", "post to reply to")
        root = _root_of(value) or parent
        resolved.update(replyRoot=root, replyParent=parent)
    if resolved:
        await progress.record_refs(resolved)
    return Anchors(quote=quote, reply_root=root, reply_parent=parent)


async def _resolve(repo: AccountRepo, value: str, code: str, what: str) -> tuple[PostRef, Any]:
    locator = parse_post_uri(value)
    if locator is None:
        raise InvalidContent(code, f"The {what} is not a Bluesky post link or at:// URI: {value!r}.")
    did = locator.repo if locator.is_did else await repo.resolve_handle(locator.repo)
    found = None
    if did is not None:
        try:
            found = await repo.get_post(locator.rkey, repo=did)
        except XRPC_ERRORS as exc:
            if status_of(exc) != 400:  # a PDS answers 400 for a record it cannot locate anywhere
                raise failure(exc) from exc
    if found is None:
        raise InvalidContent(code, f"The {what} ({value}) does not exist, or was deleted.")
    return found


def _root_of(value: Any) -> PostRef | None:
    """The root of the conversation a post replies in; None for a post that is no reply."""
    root = getattr(getattr(value, "reply", None), "root", None)
    uri, cid = getattr(root, "uri", None), getattr(root, "cid", None)
    return PostRef(uri, cid) if isinstance(uri, str) and isinstance(cid, str) else None
