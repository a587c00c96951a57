"""Resolve simple Liquid outputs (`{{ page.title }}`, `{{ site.author.name }}`) without Liquid.

Jekyll posts and layouts write values into JSON-LD, meta tags and links through Liquid.
A linter cannot run Liquid, but the common case is a plain variable path: `page.X` comes
from the front matter and `site.X` from `_config.yml`. Those are resolved here so that the
value is compared like a literal one. Anything else (a filter, a loop variable, a key that
Jekyll computes, a date that Jekyll turns into a Time) is `OPAQUE`: not judged.

The one filter understood is `jsonify` written as a bare JSON value
(`"headline": {{ page.title | jsonify }}`), because it only serialises the value.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from seo_lint.markdown import LIQUID

PathPart = str | int

_TAG = re.compile(r"\A\{\{-?(.*?)-?\}\}\Z", re.DOTALL)
_SEGMENT = re.compile(r"""\.\s*([A-Za-z_][\w-]*)|\[\s*(?:"([^"\]]*)"|'([^'\]]*)'|(-?\d+))\s*\]""")
_ROOT = re.compile(r"\s*([A-Za-z_][\w-]*)")
_FILTERS = re.compile(r"\|\s*([A-Za-z_]\w*)\s*")
#: What YAML (and so Jekyll) reads as a date or a time: Jekyll renders it with Ruby's
#: `Time#to_s` (`2025-01-10 09:00:00 +0900`), not as written, so it stays opaque.
_TIMESTAMP = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}(?:\.\d*)?"
    r"(?:[ \t]*Z|[ \t]*[-+]\d{1,2}(?::?\d{2})?)?)?\Z"
)


class Opaque:
    """A Liquid value that seo-lint cannot know (there is one: `OPAQUE`)."""

    def __repr__(self) -> str:
        return "OPAQUE"


OPAQUE: Final = Opaque()


@dataclass(frozen=True)
class Scope:
    """The variables a post's Liquid can see: `page` (front matter) and `site` (config)."""

    page: Mapping[str, Any] = field(default_factory=dict)
    site: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Output:
    """A parsed `{{ ... }}`: a variable path and the names of its filters."""

    path: tuple[PathPart, ...]
    filters: tuple[str, ...] = ()


def parse_output(tag: str) -> Output | None:
    """`{{ page.title | jsonify }}` -> Output(("page", "title"), ("jsonify",)); None if not simple.

    `{% ... %}` tags, literals, filters with arguments and other expressions give None.
    """
    match = _TAG.match(tag.strip())
    if match is None:
        return None
    expression = match.group(1)
    head, _, tail = expression.partition("|")
    path = variable_path(head)
    if path is None:
        return None
    filters: list[str] = []
    if tail:
        rest = "|" + tail
        position = 0
        while position < len(rest):
            filter_match = _FILTERS.match(rest, position)
            if filter_match is None:
                return None  # a filter with arguments (`date: "%Y"`), or garbage
            filters.append(filter_match.group(1))
            position = filter_match.end()
    return Output(path, tuple(filters))


def variable_path(expression: str) -> tuple[PathPart, ...] | None:
    """`site.author["name"]` -> ("site", "author", "name"); None when not a plain path."""
    root = _ROOT.match(expression)
    if root is None:
        return None
    parts: list[PathPart] = [root.group(1)]
    position = root.end()
    text = expression.rstrip()
    while position < len(text):
        segment = _SEGMENT.match(text, position)
        if segment is None:
            return None
        name, double, single, index = segment.groups()
        if index is not None:
            parts.append(int(index))
        else:
            parts.append(next(v for v in (name, double, single) if v is not None))
        position = segment.end()
    return tuple(parts)


def lookup(path: tuple[PathPart, ...], scope: Scope) -> Any:
    """The value at `path` (`page.*` from front matter, `site.*` from config), else OPAQUE.

    A key that is absent is OPAQUE rather than nil: Jekyll computes many variables
    (`page.url`, `page.excerpt`, `site.posts`) that are not in the files seo-lint reads.
    """
    roots: dict[str, Mapping[str, Any]] = {"page": scope.page, "site": scope.site}
    if not path or not isinstance(path[0], str) or path[0] not in roots:
        return OPAQUE
    value: Any = roots[path[0]]
    for part in path[1:]:
        if isinstance(value, list) and isinstance(part, int) and -len(value) <= part < len(value):  # noqa: SIM114 - split for mypy
            value = value[part]
        elif isinstance(value, Mapping) and isinstance(part, str) and part in value:
            value = value[part]
        else:
            return OPAQUE
    if isinstance(value, str) and _TIMESTAMP.match(value.strip()):
        return OPAQUE
    if not isinstance(value, (str, int, float, bool, list, dict)) and value is not None:
        return OPAQUE  # a date or datetime from TOML: Ruby would render it its own way
    return value


def to_text(value: Any) -> str | Opaque:
    """How Liquid prints a scalar (`true`, `3`, `` for nil); lists and hashes are OPAQUE."""
    if value is OPAQUE or isinstance(value, (list, dict)):
        return OPAQUE
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def render_tag(tag: str, scope: Scope) -> str | Opaque:
    """The text a `{{ plain.path }}` output prints, or OPAQUE."""
    output = parse_output(tag)
    if output is None or output.filters:
        return OPAQUE
    return to_text(lookup(output.path, scope))


def render(template: str, scope: Scope) -> str | Opaque:
    """Render literal text with simple outputs in it; OPAQUE if any tag is not simple."""
    parts: list[str] = []
    position = 0
    for match in LIQUID.finditer(template):
        parts.append(template[position : match.start()])
        text = render_tag(match.group(), scope)
        if isinstance(text, Opaque):
            return OPAQUE
        parts.append(text)
        position = match.end()
    parts.append(template[position:])
    return "".join(parts)
