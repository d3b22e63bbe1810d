"""Finding a post an earlier attempt may have published, on networks that do not let us choose its id.

Threads, Instagram, Facebook and Reddit give a post its id only in the answer to the publishing call. When
that answer is lost (a timeout, a worker killed mid-call), the only way to know whether the post exists is
to look at what the account published. Herald matches on:

- the exact text (Threads text, Instagram caption, Facebook message; Reddit title, subreddit and body or
  link), compared after normalising line endings and surrounding white space, which networks trim (a
  media post without text matches one whose text field is missing: `same_caption`); and
- the time window from the target's creation to now: the idempotency key starts with the target's
  creation time (see `models.post_target.new_idempotency_key`), and no attempt can predate it.

A content hash cannot be used: none of these networks keeps a field Herald could put one in without
changing what readers see. Two targets of the same account with the same text published in the same
window would be confused; the window makes that rare, and the worse outcome (a second post) impossible.

Listings are read newest first, at most `MAX_PAGES` pages; when the window reaches further back than
that, nobody can tell, and the caller raises `OutcomeUnknown` rather than guessing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from integrations.platforms.base import AuthExpired, OutcomeUnknown, PublishFailure, RateLimited

MAX_PAGES = 5
PAGE_SIZE = 50
# Clocks of Herald's machines and the network's disagree a little; look this much earlier.
CLOCK_SKEW = timedelta(minutes=5)


def window_start(idempotency_key: str) -> datetime:
    """The earliest time a post of this target can have been published at."""
    try:
        created = datetime.fromtimestamp(int(idempotency_key[:16], 16) / 1_000_000, UTC)
    except (ValueError, OverflowError, OSError):
        # A key of another shape (none is written today): look back as far as retries can reach.
        return datetime.now(UTC) - timedelta(days=2)
    return created - CLOCK_SKEW


@contextmanager
def looking(label: str) -> Iterator[None]:
    """Around a look at what the account published: a failure to ask (the network down, a refused read)
    means nobody knows whether the post is there, so it becomes `OutcomeUnknown`. An expired login and a
    rate limit keep their own kind: the worker handles those better than by looking again."""
    try:
        yield
    except (AuthExpired, RateLimited, OutcomeUnknown):
        raise
    except PublishFailure as exc:
        raise OutcomeUnknown("OUTCOME_UNKNOWN", f"{label} could not be asked ({exc.message}).") from exc


def same_text(published: object, wanted: str) -> bool:
    """Whether the network's copy of a text is the text Herald sent."""
    return isinstance(published, str) and _normal(published) == _normal(wanted)


def same_caption(published: object, wanted: str) -> bool:
    """`same_text` for posts whose text may be empty (a photo without a caption): networks leave the
    field out then, so a missing caption matches an empty one."""
    return same_text("" if published is None else published, wanted)


def _normal(text: str) -> str:
    return text.replace("\r\n", "\n").strip()
