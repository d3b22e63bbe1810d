"""References to Bluesky posts and the per-target options that name them, as pure functions.

A post is pointed at in two ways: an AT URI (`at://<did or handle>/app.bsky.feed.post/<rkey>`) or the
address bsky.app shows (`https://bsky.app/profile/<handle or did>/post/<rkey>`). Both become a
`PostLocator`; publishing resolves a locator to a strong reference (URI + CID) with `getRecord`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import regex

from integrations.platforms.base import Violation

POST_COLLECTION = "app.bsky.feed.post"
# `langs` of app.bsky.feed.post holds at most three language tags.
MAX_LANGS = 3
BSKY_APP_HOSTS = frozenset({"bsky.app", "www.bsky.app"})

_DID = regex.compile(r"^did:[a-z]+:[a-zA-Z0-9._:%-]{1,2048}$")
_HANDLE = regex.compile(
    r"^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$"
)
_RKEY = regex.compile(r"^[a-zA-Z0-9._:~-]{1,512}$")
# BCP 47, loosely: a 2-3 letter language (or i-/x- private use), then subtags of 1-8 letters or digits
# ("en", "pt-BR", "zh-Hant-TW", "x-klingon").
_LANG = regex.compile(r"^(?:[a-zA-Z]{2,3}|[ixIX])(?:-[a-zA-Z0-9]{1,8})*$")


@dataclass(frozen=True, slots=True)
class PostLocator:
    """Where a post lives, before resolving: its repo (a DID, or a handle to resolve) and record key."""

    repo: str
    rkey: str

    @property
    def is_did(self) -> bool:
        """Whether the repo is named by its DID (a handle must be resolved first)."""
        return self.repo.startswith("did:")


@dataclass(frozen=True, slots=True)
class PostRef:
    """A strong reference to one post (what replies and quotes carry), and when it was written."""

    uri: str
    cid: str
    created_at: str | None = None

    @property
    def rkey(self) -> str:
        """The post's record key (the last segment of its URI)."""
        return self.uri.rsplit("/", 1)[1]

    def strong_ref(self) -> dict[str, str]:
        """The `com.atproto.repo.strongRef` object."""
        return {"uri": self.uri, "cid": self.cid}

    def to_json(self) -> dict[str, Any]:
        """The reference as a checkpoint keeps it."""
        return {"uri": self.uri, "cid": self.cid, "createdAt": self.created_at}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PostRef:
        """A reference from `to_json`."""
        created_at = data.get("createdAt")
        return cls(str(data["uri"]), str(data["cid"]), str(created_at) if created_at else None)


def parse_post_uri(value: str) -> PostLocator | None:
    """The post an AT URI or a bsky.app post address points at; None when `value` is neither."""
    value = value.strip()
    if value.startswith("at://"):
        parts = value[len("at://") :].split("/")
        if len(parts) != 3 or parts[1] != POST_COLLECTION:
            return None
        repo, rkey = parts[0], parts[2]
    else:
        url = urlsplit(value)
        path = [p for p in url.path.split("/") if p]
        if url.scheme != "https" or url.hostname not in BSKY_APP_HOSTS or len(path) != 4:
            return None
        if path[0] != "profile" or path[2] != "post":
            return None
        repo, rkey = path[1], path[3]
    if not _valid_repo(repo) or not _RKEY.match(rkey) or rkey in {".", ".."}:
        return None
    return PostLocator(repo=repo.lower() if not repo.startswith("did:") else repo, rkey=rkey)


def _valid_repo(repo: str) -> bool:
    return bool(_DID.match(repo)) or (len(repo) <= 253 and bool(_HANDLE.match(repo)))


def langs_of(options: Mapping[str, Any]) -> list[str]:
    """The `langs` option as a list (a single tag may be given as a string)."""
    langs = options.get("langs")
    if not langs:
        return []
    return [langs] if isinstance(langs, str) else [str(lang) for lang in langs]


def is_language_tag(tag: str) -> bool:
    """Whether `tag` looks like a BCP 47 language tag ("en", "pt-BR"); not checked against a registry."""
    return bool(_LANG.match(tag))


def options_violations(options: Mapping[str, Any]) -> list[Violation]:
    """What is wrong with a target's Bluesky options: `langs`, `quote_uri`, `reply_to_uri`."""
    violations = _lang_violations(langs_of(options))
    for key, name, code, what in (
        ("quote_uri", "quoteUri", "INVALID_QUOTE_URI", "quote"),
        ("reply_to_uri", "replyToUri", "INVALID_REPLY_URI", "reply to"),
    ):
        value = options.get(key)
        if value is not None and parse_post_uri(str(value)) is None:
            violations.append(
                Violation(
                    code,
                    f"The post to {what} must be a Bluesky post link (https://bsky.app/profile/<handle>/"
                    f"post/<id>) or an at:// URI of a post; {str(value)[:100]!r} is neither.",
                    ("options", name),
                )
            )
    return violations


def _lang_violations(langs: Sequence[str]) -> list[Violation]:
    violations: list[Violation] = []
    if len(langs) > MAX_LANGS:
        violations.append(
            Violation(
                "TOO_MANY_LANGS",
                f"A Bluesky post names at most {MAX_LANGS} languages; this one names {len(langs)}.",
                ("options", "langs"),
            )
        )
    for index, tag in enumerate(langs):
        if not is_language_tag(tag):
            violations.append(
                Violation(
                    "INVALID_LANG",
                    f"{tag[:40]!r} is not a language tag; use tags like en, de or pt-BR.",
                    ("options", "langs", str(index)),
                )
            )
    return violations
