"""The positional JSON parser: its fast paths against the plain definition."""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from seo_lint import jsonpos
from seo_lint.jsonpos import JsonNode, JsonPosError

_WS = re.compile(r"[ \t\n\r]*")


class _PlainParser(jsonpos._Parser):
    """The definition: white space skipped by the regex at every call, and each key read
    as a string node."""

    def skip(self, pos: int) -> int:
        match = _WS.match(self.text, pos, self.end)
        return match.end() if match else pos

    def obj(self, start: int, depth: int) -> tuple[JsonNode, int]:
        node = JsonNode({}, start, start)
        pos = self.skip(start + 1)
        if pos < self.end and self.text[pos] == "}":
            node.end = pos + 1
            return node, pos + 1
        while True:
            if pos >= self.end or self.text[pos] != '"':
                raise JsonPosError("expecting a property name in double quotes", pos)
            key_node, pos = self.string(pos)
            key_end = pos
            pos = self.skip(pos)
            if pos >= self.end or self.text[pos] != ":":
                raise JsonPosError("expecting ':' after the property name", pos)
            child, pos = self.value(self.skip(pos + 1), depth + 1)
            node.value[key_node.value] = child.value
            node.members[key_node.value] = (key_node.start, key_end, child)
            pos = self.skip(pos)
            if pos < self.end and self.text[pos] == ",":
                pos = self.skip(pos + 1)
                continue
            if pos < self.end and self.text[pos] == "}":
                node.end = pos + 1
                return node, pos + 1
            raise JsonPosError("expecting ',' or '}' (a missing comma?)", pos)


def _outcome(parser: jsonpos._Parser, offset: int, whole: bool) -> Any:
    try:
        node, pos = parser.value(parser.skip(offset), 0)
        if whole:
            pos = parser.skip(pos)
            if pos < parser.end:
                raise JsonPosError("extra data after the JSON value", pos)
        return node, pos
    except JsonPosError as error:
        return error.message, error.pos
    except (IndexError, RecursionError) as error:
        return type(error).__name__


_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-99, 99) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text("a\"\\é導\n ", max_size=4),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text("ab\"é ", max_size=3), inner, max_size=3),
    max_leaves=12,
)
_JSON = st.builds(
    lambda value, indent, separators: json.dumps(value, indent=indent, separators=separators, ensure_ascii=False),
    _VALUES, st.sampled_from([None, 0, 1, "\t"]), st.sampled_from([(",", ":"), (", ", ": "), (" ,\n", " :\r")]),
)
_SOUP = st.text(st.sampled_from(list('{}[],:" \t\n\rab1-.etruefalsnl\\')), max_size=30)


@settings(max_examples=1500, deadline=None)
@given(_JSON | _SOUP | st.builds(lambda a, b: a[: len(a) // 2] + b, _JSON, _SOUP),
       st.integers(-2, 40), st.integers(-2, 60), st.booleans())
def test_parser_is_the_plain_definition(text: str, offset: int, end: int, whole: bool) -> None:
    """Same nodes (values, spans, keys' spans) or the same error at the same offset, for any
    offset and end, in or out of the text."""
    for limit in (len(text), end):
        assert _outcome(jsonpos._Parser(text, limit), offset, whole) == _outcome(_PlainParser(text, limit), offset, whole)
