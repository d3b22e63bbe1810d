"""Reading string values out of a JSON document that arrives in arbitrary slices."""

from __future__ import annotations

import json
from typing import Any

import pytest

from integrations.partial_json import StringValues

DOCUMENT: dict[str, dict[str, Any]] = {
    "BLUESKY": {"text": 'Launch "day" 🚀\nwith ü and \\ too', "hashtags": ["a", "b"]},
    "REDDIT": {"title": "T", "text": "Body 😀", "n": 3, "ok": True},
}


def _collect(slices: list[str]) -> dict[tuple[str | int, ...], str]:
    values = StringValues()
    seen: dict[tuple[str | int, ...], str] = {}
    for piece in slices:
        for path, text in values.feed(piece):
            seen[path] = seen.get(path, "") + text
    return seen


@pytest.mark.parametrize("size", [1, 2, 3, 7, 1000])
@pytest.mark.parametrize("ascii_only", [True, False])
def test_values_come_out_whole_however_the_document_is_sliced(size: int, ascii_only: bool) -> None:
    # given the document as JSON text (with \\u escapes and surrogate pairs when ascii_only), in slices
    text = json.dumps(DOCUMENT, ensure_ascii=ascii_only)
    slices = [text[i : i + size] for i in range(0, len(text), size)]

    # when the slices are fed in order, then every string value is reported whole, at its path
    assert _collect(slices) == {
        ("BLUESKY", "text"): DOCUMENT["BLUESKY"]["text"],
        ("BLUESKY", "hashtags", 0): "a",
        ("BLUESKY", "hashtags", 1): "b",
        ("REDDIT", "title"): "T",
        ("REDDIT", "text"): "Body 😀",
    }


def test_pieces_arrive_as_soon_as_their_slice_does() -> None:
    values = StringValues()
    assert values.feed('{"BLUESKY": {"te') == []
    assert values.feed('xt": "Hel') == [(("BLUESKY", "text"), "Hel")]
    assert values.feed('lo"}}') == [(("BLUESKY", "text"), "lo")]
