"""Reading the string values of a JSON document while it is still arriving.

A streamed structured answer comes as arbitrary slices of one JSON text (`{"BLUESKY": {"te`, `xt": "Hel`,
...). `StringValues` follows the document character by character and reports, for each slice, the pieces
of string values it completed, with their path (`("BLUESKY", "text")`), decoded (escapes, surrogate
pairs). Numbers, booleans and nulls are skipped; malformed JSON is not diagnosed (the whole answer is
parsed properly once it is complete).
"""

from __future__ import annotations

from dataclasses import dataclass

Path = tuple[str | int, ...]

_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


@dataclass(slots=True)
class _Frame:
    is_object: bool
    key: str | int = 0  # the current key of an object, or the index in an array
    expecting_key: bool = True


class StringValues:
    """Feed slices of one JSON document; get back `(path, piece)` for every piece of a string value."""

    def __init__(self) -> None:
        self._stack: list[_Frame] = []
        self._in_string = False
        self._is_key = False
        self._key: list[str] = []
        self._escape = ""
        self._high_surrogate: int | None = None
        self._pieces: list[tuple[Path, str]] = []

    def feed(self, chunk: str) -> list[tuple[Path, str]]:
        """The pieces of string values that `chunk` holds, in order; one entry per value touched."""
        self._pieces = []
        for char in chunk:
            if self._in_string:
                self._string_char(char)
            else:
                self._structure_char(char)
        return self._pieces

    def _path(self) -> Path:
        return tuple(frame.key for frame in self._stack)

    def _structure_char(self, char: str) -> None:
        top = self._stack[-1] if self._stack else None
        if char in "{[":
            self._stack.append(_Frame(is_object=char == "{"))
        elif char in "}]":
            if self._stack:
                self._stack.pop()
        elif char == '"':
            self._in_string = True
            self._is_key = top is not None and top.is_object and top.expecting_key
            self._key = []
        elif char == ":" and top is not None and top.is_object:
            top.expecting_key = False
        elif char == "," and top is not None:
            if top.is_object:
                top.expecting_key = True
            else:
                top.key = int(top.key) + 1

    def _string_char(self, char: str) -> None:
        if self._escape:
            self._escape += char
            self._escaped()
        elif char == "\\":
            self._escape = char
        elif char == '"':
            self._in_string = False
            if self._is_key and self._stack:
                self._stack[-1].key = "".join(self._key)
        else:
            self._emit(char)

    def _escaped(self) -> None:
        escape = self._escape
        if escape[1] != "u":
            self._escape = ""
            self._emit(_ESCAPES.get(escape[1], escape[1]))
        elif len(escape) == 6:
            self._escape = ""
            code = int(escape[2:], 16)
            if 0xD800 <= code < 0xDC00:
                self._high_surrogate = code
            elif 0xDC00 <= code < 0xE000 and self._high_surrogate is not None:
                high, self._high_surrogate = self._high_surrogate, None
                self._emit(chr(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)))
            else:
                self._emit(chr(code))

    def _emit(self, text: str) -> None:
        if self._is_key:
            self._key.append(text)
            return
        path = self._path()
        if self._pieces and self._pieces[-1][0] == path:
            self._pieces[-1] = (path, self._pieces[-1][1] + text)
        else:
            self._pieces.append((path, text))
