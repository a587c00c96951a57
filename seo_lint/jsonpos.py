"""A small JSON parser that remembers where every value and key stands.

`json` gives values but no positions; findings and fixes in JSON front matter and
JSON-LD need the exact span of a key or a value, so this parser records them.
Depth and size are bounded so hostile input cannot exhaust the stack or memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

MAX_DEPTH = 200

_WS = re.compile(r"[ \t\n\r]*")
_WS_CHARS = frozenset(" \t\n\r")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")


class JsonPosError(ValueError):
    def __init__(self, message: str, pos: int) -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos


@dataclass
class JsonNode:
    value: Any
    start: int
    end: int
    # For objects: key -> (key_start, key_end, child); for arrays: children in order.
    members: dict[str, tuple[int, int, JsonNode]] = field(default_factory=dict)
    items: list[JsonNode] = field(default_factory=list)

    def get(self, key: str) -> JsonNode | None:
        member = self.members.get(key)
        return member[2] if member else None

    def key_span(self, key: str) -> tuple[int, int] | None:
        member = self.members.get(key)
        return (member[0], member[1]) if member else None


def parse(text: str, offset: int = 0, end: int | None = None) -> tuple[JsonNode, int]:
    """Parse one JSON value starting at `offset`; return it and the offset after it.

    Positions are offsets into `text`. Raises JsonPosError with the offset of the problem.
    """
    parser = _Parser(text, len(text) if end is None else end)
    pos = parser.skip(offset)
    node, pos = parser.value(pos, 0)
    return node, pos


def parse_document(text: str, offset: int = 0, end: int | None = None) -> JsonNode:
    """Parse text[offset:end] as exactly one JSON value (whitespace around it allowed)."""
    parser = _Parser(text, len(text) if end is None else end)
    node, pos = parser.value(parser.skip(offset), 0)
    pos = parser.skip(pos)
    if pos < parser.end:
        raise JsonPosError("extra data after the JSON value", pos)
    return node


class _Parser:
    def __init__(self, text: str, end: int) -> None:
        self.text = text
        self.end = end
        self.limit = min(end, len(text))  # below it, text[pos] is a character of the data

    def skip(self, pos: int) -> int:
        if 0 <= pos < self.limit and self.text[pos] not in _WS_CHARS:  # mostly: nothing to skip
            return pos
        match = _WS.match(self.text, pos, self.end)
        return match.end() if match else pos

    def value(self, pos: int, depth: int) -> tuple[JsonNode, int]:
        if depth > MAX_DEPTH:
            raise JsonPosError(f"nested more than {MAX_DEPTH} levels deep", pos)
        if pos >= self.end:
            raise JsonPosError("expecting a value, found the end of the data", pos)
        char = self.text[pos]
        if char == '"':  # the most common value first
            return self.string(pos)
        if char == "{":
            return self.obj(pos, depth)
        if char == "[":
            return self.array(pos, depth)
        for literal, value in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(literal, pos) and pos + len(literal) <= self.end:
                return JsonNode(value, pos, pos + len(literal)), pos + len(literal)
        match = _NUMBER.match(self.text, pos, self.end)
        if match:
            raw = match.group()
            number: Any = float(raw) if any(c in raw for c in ".eE") else int(raw)
            return JsonNode(number, pos, match.end()), match.end()
        raise JsonPosError(f"expecting a value, found {char!r}", pos)

    def string(self, pos: int) -> tuple[JsonNode, int]:
        value, after = self.scan(pos)
        return JsonNode(value, pos, after), after

    def scan(self, pos: int) -> tuple[str, int]:
        """The string starting at `pos` (a `"`) and the offset after it: no node is made
        for an object's key."""
        try:
            value, after = scanstring(self.text, pos + 1, True)
        except ValueError as error:
            raise JsonPosError("unterminated or invalid string", getattr(error, "pos", pos)) from None
        if after > self.end:
            raise JsonPosError("unterminated string", pos)
        return value, after

    def obj(self, start: int, depth: int) -> tuple[JsonNode, int]:
        node = JsonNode({}, start, start)
        pos = self.skip(start + 1)
        if pos < self.end and self.text[pos] == "}":
            node.end = pos + 1
            return node, pos + 1
        while True:
            if pos >= self.end or self.text[pos] != '"':
                raise JsonPosError("expecting a property name in double quotes", pos)
            key_start = pos
            key, pos = self.scan(pos)
            key_end = pos
            pos = self.skip(pos)
            if pos >= self.end or self.text[pos] != ":":
                raise JsonPosError("expecting ':' after the property name", pos)
            child, pos = self.value(self.skip(pos + 1), depth + 1)
            node.value[key] = child.value
            node.members[key] = (key_start, key_end, child)
            pos = self.skip(pos)
            if pos < self.end and self.text[pos] == ",":
                pos = self.skip(pos + 1)
                continue
            if pos < self.end and self.text[pos] == "}":
                node.end = pos + 1
                return node, pos + 1
            raise JsonPosError("expecting ',' or '}' (a missing comma?)", pos)

    def array(self, start: int, depth: int) -> tuple[JsonNode, int]:
        node = JsonNode([], start, start)
        pos = self.skip(start + 1)
        if pos < self.end and self.text[pos] == "]":
            node.end = pos + 1
            return node, pos + 1
        while True:
            child, pos = self.value(pos, depth + 1)
            node.value.append(child.value)
            node.items.append(child)
            pos = self.skip(pos)
            if pos < self.end and self.text[pos] == ",":
                pos = self.skip(pos + 1)
                continue
            if pos < self.end and self.text[pos] == "]":
                node.end = pos + 1
                return node, pos + 1
            raise JsonPosError("expecting ',' or ']' (a missing comma?)", pos)
