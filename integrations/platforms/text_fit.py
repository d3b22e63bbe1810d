"""Making text fit a network: cut at a sentence end, or split into thread parts that each fit.

Both work for any network through its validator (`limits.fits`), so the network's own counting (graphemes,
bytes, Meta's emoji rule, link and hashtag caps) decides. Cuts prefer, in order: the end of a sentence (or
a line), the end of a word (with an ellipsis), and only as a last resort a grapheme.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import regex

from integrations.platforms.limits import fits
from models.platform import PlatformName

ELLIPSIS = "…"
# A sentence ends after terminal punctuation (with closing quotes or brackets) followed by a space,
# or at a line break; CJK full stops need no space after them.
_SENTENCE_END = regex.compile(r"(?:[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s|$)|[\u3002\uff01\uff1f]+|\n)")
_WORD_END = regex.compile(r"\S(?=\s|$)")
_GRAPHEME = regex.compile(r"\X")


def _sentence_ends(text: str) -> list[int]:
    return sorted({m.end() for m in _SENTENCE_END.finditer(text)} | {len(text)})


def _word_ends(text: str) -> list[int]:
    return [m.end() for m in _WORD_END.finditer(text)]


def _grapheme_ends(text: str) -> list[int]:
    return [m.end() for m in _GRAPHEME.finditer(text)]


def _longest(text: str, ends: Sequence[int], ok: Callable[[str], bool]) -> str | None:
    """The longest `text[:end]` (stripped) that passes `ok`; prefixes only get worse as they grow."""
    low, high, best = 0, len(ends) - 1, None
    while low <= high:
        middle = (low + high) // 2
        candidate = text[: ends[middle]].rstrip()
        if candidate and ok(candidate):
            best, low = candidate, middle + 1
        else:
            high = middle - 1
    return best


def compose(body: str, hashtags: Sequence[str]) -> str:
    """The text as published: the body, then the hashtags on a line of their own."""
    tags = " ".join(f"#{tag}" for tag in hashtags)
    if not tags:
        return body
    return f"{body}\n\n{tags}" if body else tags


def cut(text: str, ok: Callable[[str], bool]) -> str:
    """`text` if it passes `ok`, else its longest beginning that does: ending at a sentence if one
    does, else at a word (with an ellipsis), else at a grapheme; empty if nothing passes."""
    text = text.strip()
    if ok(text):
        return text
    sentence = _longest(text, _sentence_ends(text), ok)
    if sentence is not None:
        return sentence
    for ends in (_word_ends(text), _grapheme_ends(text)):
        cut = _longest(text, ends, lambda candidate: ok(candidate + ELLIPSIS))
        if cut is not None:
            return cut + ELLIPSIS
    return ""


def cut_to_fit(platform: PlatformName, text: str) -> str:
    """`text` cut (see `cut`) so that it fits `platform`'s text rules."""
    return cut(text, lambda candidate: fits(platform, candidate))


def fit_with_hashtags(platform: PlatformName, body: str, hashtags: Sequence[str]) -> tuple[str, list[str]]:
    """A body and hashtags whose composed text fits. A body that fits on its own stays whole and
    hashtags go (from the end) until it fits; a body too long on its own is cut at a sentence, leaving
    room for the hashtags (which go only when not one sentence fits beside them)."""
    tags = list(hashtags)
    body = body.strip()
    for kept in range(len(tags), -1, -1):
        if fits(platform, compose(body, tags[:kept])):
            return body, tags[:kept]

    def beside(kept_tags: list[str]) -> Callable[[str], bool]:
        return lambda candidate: fits(platform, compose(candidate, kept_tags))

    for kept in range(len(tags), -1, -1):
        cut_body = _longest(body, _sentence_ends(body), beside(tags[:kept]))
        if cut_body is not None:
            return cut_body, tags[:kept]
    return cut_to_fit(platform, body), []


def split_to_fit(platform: PlatformName, text: str, max_parts: int = 25) -> list[str]:
    """`text` as thread parts that each fit. Whole sentences are packed greedily, so parts end between
    sentences; a sentence too long for a part of its own starts a new part and is split between words
    (a word too long, between graphemes). At most `max_parts` parts, the last one cut to fit."""
    parts: list[str] = []
    current = ""
    for sentence in _sentences(text.strip()):
        if fits(platform, (current + sentence).strip()):
            current += sentence
            continue
        if current.strip():
            parts.append(current.strip())
        current = ""
        for piece in _pieces(platform, sentence):
            if current.strip() and not fits(platform, (current + piece).strip()):
                parts.append(current.strip())
                current = ""
            current += piece
    if current.strip():
        parts.append(current.strip())
    if len(parts) > max_parts:
        parts = [*parts[: max_parts - 1], cut_to_fit(platform, " ".join(parts[max_parts - 1 :]))]
    return [part for part in parts if part]


def _sentences(text: str) -> list[str]:
    """`text` in sentences, each with the whitespace before it."""
    sentences, start = [], 0
    for end in _sentence_ends(text):
        if text[start:end].strip():
            sentences.append(text[start:end])
            start = end
    if start < len(text):
        sentences.append(text[start:])
    return sentences


def _pieces(platform: PlatformName, sentence: str) -> list[str]:
    """The sentence whole if it fits alone, else its words (a word that cannot fit, its graphemes)."""
    if fits(platform, sentence.strip()):
        return [sentence]
    pieces: list[str] = []
    for word in regex.findall(r"\s*\S+", sentence):
        if fits(platform, word.strip()):
            pieces.append(word)
        else:
            pieces.extend(m.group() for m in _GRAPHEME.finditer(word))
    return pieces
