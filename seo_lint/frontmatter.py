"""Split a post into front matter and body, parse the front matter, and locate every key.

Formats: YAML between `---` fences (Jekyll, Hugo, Astro), TOML between `+++` fences (Hugo),
and a JSON object at the top of the file (Hugo). python-frontmatter's handlers recognise
the fences; parsing is done here because findings need the position of every key and value,
which python-frontmatter does not keep.

YAML is composed with libyaml (CSafeLoader) into nodes that carry marks; nothing is ever
constructed from a tag other than the safe ones, and timestamps stay the strings they were
written as (so a schema validates what the author typed).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from seo_lint import jsonpos

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PathKey = tuple[str | int, ...]

#: Largest number of YAML nodes a front matter may expand to (aliases included).
MAX_NODES = 20_000
#: Deepest nesting of front matter values (deeper input would exhaust the stack of the rules).
MAX_DEPTH = 100

_YAML_FENCE = YAMLHandler.FM_BOUNDARY  # ^-{3,}\s*$
_YAML_CLOSE = re.compile(r"^(?:-{3,}|\.\.\.)[ \t]*\r?$", re.MULTILINE)
_TOML_FENCE = re.compile(r"^\+{3}[ \t]*\r?$", re.MULTILINE)
_TOML_ERROR_POS = re.compile(r"\(at line (\d+), column (\d+)\)")
_TOML_KEY = re.compile(r"^[ \t]*((?:[A-Za-z0-9_-]+|\"[^\"\n]*\"|'[^'\n]*')(?:[ \t]*\.[ \t]*(?:[A-Za-z0-9_-]+|\"[^\"\n]*\"|'[^'\n]*'))*)[ \t]*=[ \t]*")
_TOML_TABLE = re.compile(r"^[ \t]*\[\[?[ \t]*([^\]\n]+?)[ \t]*\]\]?[ \t]*(?:#.*)?$")

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _RawTimestampLoader(_Loader):  # type: ignore[misc]
    """Safe loader that keeps YAML dates and datetimes as the strings that were written."""


_RawTimestampLoader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    lambda loader, node: loader.construct_scalar(node),
)


@dataclass(frozen=True)
class FieldSpan:
    key_start: int
    key_end: int
    value_start: int
    value_end: int


@dataclass(frozen=True)
class FrontMatterError:
    message: str
    start: int
    end: int


@dataclass
class FrontMatter:
    """The parsed front matter of one post. Offsets are into the whole source."""

    format: str | None = None  # "yaml", "toml", "json", or None when there is none
    data: dict[str, Any] = field(default_factory=dict)
    start: int = 0  # the opening fence
    end: int = 0  # where the body starts
    content_start: int = 0
    content_end: int = 0
    fields: dict[PathKey, FieldSpan] = field(default_factory=dict)
    errors: list[FrontMatterError] = field(default_factory=list)

    @property
    def present(self) -> bool:
        return self.format is not None

    def field_span(self, *path: str | int) -> FieldSpan | None:
        return self.fields.get(tuple(path))


def split(source: str) -> FrontMatter:
    """Find, parse and index the front matter at the top of `source`."""
    start = 1 if source.startswith("\ufeff") else 0
    head = source[start : start + 4]
    # The fence patterns are anchored with `^`, which does not match after a BOM: match the line.
    first_line = source[start : _line_end(source, start)] if head[:3] in ("---", "+++") else ""
    if head.startswith("---") and _YAML_FENCE.match(first_line):
        return _fenced(source, start, "yaml", _YAML_CLOSE)
    if head.startswith("+++") and _TOML_FENCE.match(first_line):
        return _fenced(source, start, "toml", _TOML_FENCE)
    if head.startswith("{"):
        return _json(source, start)
    fm = FrontMatter(start=start, end=start, content_start=start, content_end=start)
    stripped = source[start:].lstrip(" \t\r\n")
    if stripped.startswith("---") and _YAML_FENCE.match(stripped):
        offset = len(source) - len(stripped)
        fm.errors.append(
            FrontMatterError("front matter must start on line 1 (blank lines before `---`)", offset, offset + 3)
        )
    return fm


def _line_end(source: str, pos: int) -> int:
    """Offset just after the line break that ends the line containing `pos`."""
    newline = source.find("\n", pos)
    return len(source) if newline == -1 else newline + 1


def _fenced(source: str, start: int, fmt: str, closing: re.Pattern[str]) -> FrontMatter:
    content_start = _line_end(source, start)
    fence = source[start : start + 3]
    close = closing.search(source, content_start)
    if close is None:
        return FrontMatter(
            format=fmt,
            start=start,
            end=content_start,
            content_start=content_start,
            content_end=content_start,
            errors=[
                FrontMatterError(
                    f"front matter opened with `{fence}` on line 1 is never closed", start, start + 3
                )
            ],
        )
    fm = FrontMatter(
        format=fmt,
        start=start,
        end=_line_end(source, close.start()),
        content_start=content_start,
        content_end=close.start(),
    )
    if fmt == "yaml":
        _parse_yaml(source, fm)
    else:
        _parse_toml(source, fm)
    return fm


def _json(source: str, start: int) -> FrontMatter:
    fm = FrontMatter(format="json", start=start, content_start=start)
    try:
        node, after = jsonpos.parse(source, start)
    except jsonpos.JsonPosError as error:
        end = min(error.pos + 1, len(source))  # the error may be the end of the file
        fm.errors.append(FrontMatterError(f"invalid JSON front matter: {error.message}", error.pos, end))
        fm.end = fm.content_end = len(source)
        return fm
    fm.content_end = after
    fm.end = _line_end(source, after) if after < len(source) else after
    if isinstance(node.value, dict):
        fm.data = node.value
        _index_json(node, (), fm.fields)
    return fm


def _index_json(node: jsonpos.JsonNode, path: PathKey, fields: dict[PathKey, FieldSpan]) -> None:
    for key, (key_start, key_end, child) in node.members.items():
        fields[path + (key,)] = FieldSpan(key_start, key_end, child.start, child.end)
        _index_json(child, path + (key,), fields)
    for index, child in enumerate(node.items):
        fields[path + (index,)] = FieldSpan(child.start, child.end, child.start, child.end)
        _index_json(child, path + (index,), fields)


# --- YAML -----------------------------------------------------------------------------


def _parse_yaml(source: str, fm: FrontMatter) -> None:
    content = source[fm.content_start : fm.content_end]
    base = fm.content_start
    if not content.strip():
        return
    try:
        root = yaml.compose(content, Loader=_RawTimestampLoader)
    except yaml.MarkedYAMLError as error:
        fm.errors.append(_yaml_error(error, base, source))
        return
    except yaml.reader.ReaderError as error:  # a character YAML forbids (control characters)
        # libyaml reports the position in the UTF-8 bytes it was given.
        at = base + len(content.encode("utf-8")[: error.position].decode("utf-8", "ignore"))
        code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "\0")
        fm.errors.append(FrontMatterError(f"YAML syntax error: {error.reason} (U+{code:04X})", at, at + 1))
        return
    except yaml.YAMLError as error:  # pragma: no cover - libyaml marks its other errors
        fm.errors.append(FrontMatterError(f"YAML error: {' '.join(str(error).split())}", base, base + 1))
        return
    if root is None:
        return
    if not isinstance(root, yaml.MappingNode):
        kind = "a list" if isinstance(root, yaml.SequenceNode) else "a single value"
        fm.errors.append(
            FrontMatterError(
                f"front matter must be a mapping of keys to values, found {kind}",
                base + root.start_mark.index,
                base + root.end_mark.index,
            )
        )
        return
    problem = _index_yaml(root, (), base, fm.fields, [0])
    if problem is not None:
        fm.errors.append(problem)
        fm.fields.clear()
        return
    try:
        data = _RawTimestampLoader(content).construct_document(root)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        at = base + (mark.index if mark else 0)
        fm.errors.append(FrontMatterError(f"YAML error: {getattr(error, 'problem', error)}", at, at + 1))
        return
    fm.data = {str(key): value for key, value in data.items()}


def _yaml_error(error: yaml.MarkedYAMLError, base: int, source: str) -> FrontMatterError:
    problem = error.problem or "invalid YAML"
    mark = error.problem_mark
    context = error.context_mark
    # Token errors ("while scanning a quoted scalar / an anchor") are best shown where the
    # token starts: libyaml reports an unclosed quote at the end of the stream.
    if context is not None and (mark is None or (error.context or "").startswith("while scanning")):
        mark = context
    message = f"YAML syntax error: {error.context + ', ' if error.context else ''}{problem}"
    offset = base + (mark.index if mark is not None else 0)
    return FrontMatterError(message.replace("\n", " "), offset, min(offset + 1, len(source)))


def _index_yaml(
    node: yaml.Node, path: PathKey, base: int, fields: dict[PathKey, FieldSpan], count: list[int]
) -> FrontMatterError | None:
    """Record the span of every key and value; detect duplicate keys and alias bombs."""
    count[0] += 1
    if count[0] > MAX_NODES:
        return FrontMatterError(
            f"front matter expands to more than {MAX_NODES:,} values (recursive or repeated aliases)",
            base + node.start_mark.index,
            base + node.end_mark.index,
        )
    if len(path) > MAX_DEPTH:
        return FrontMatterError(
            f"front matter is nested more than {MAX_DEPTH} levels deep",
            base + node.start_mark.index,
            base + node.start_mark.index + 1,
        )
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else repr(key_node.value)
            if key == "<<":
                continue
            if key in seen:
                return FrontMatterError(
                    f"duplicate key `{key}` (first defined on line {seen[key]})",
                    base + key_node.start_mark.index,
                    base + key_node.end_mark.index,
                )
            seen[key] = key_node.start_mark.line + 2  # content starts on line 2
            fields[path + (key,)] = FieldSpan(
                base + key_node.start_mark.index,
                base + key_node.end_mark.index,
                base + value_node.start_mark.index,
                base + value_node.end_mark.index,
            )
            problem = _index_yaml(value_node, path + (key,), base, fields, count)
            if problem:
                return problem
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            start, end = base + item.start_mark.index, base + item.end_mark.index
            fields[path + (index,)] = FieldSpan(start, end, start, end)
            problem = _index_yaml(item, path + (index,), base, fields, count)
            if problem:
                return problem
    return None


# --- TOML -----------------------------------------------------------------------------


def _parse_toml(source: str, fm: FrontMatter) -> None:
    content = source[fm.content_start : fm.content_end]
    try:
        data = tomllib.loads(content.replace("\r\n", "\n"))
    except RecursionError:
        data = None
    except tomllib.TOMLDecodeError as error:
        text = str(error)
        match = _TOML_ERROR_POS.search(text)
        offset = fm.content_start
        if match:
            line, column = int(match.group(1)), int(match.group(2))
            lines = content.split("\n")
            offset += sum(len(part) + 1 for part in lines[: line - 1]) + column - 1
        elif text.endswith("(at end of document)"):
            offset = fm.content_end  # the closing fence
            text = text.replace("(at end of document)", "(at the end of the front matter)")
        message = _TOML_ERROR_POS.sub("", text).strip()
        fm.errors.append(FrontMatterError(f"TOML syntax error: {message}", offset, offset + 1))
        return
    if data is None or _too_deep(data):
        at = fm.content_start
        message = f"front matter is nested more than {MAX_DEPTH} levels deep"
        fm.errors.append(FrontMatterError(message, at, at + 1))
        return
    fm.data = data
    _index_toml(content, fm.content_start, fm.fields)


def _too_deep(data: Any) -> bool:
    """Whether parsed values nest deeper than MAX_DEPTH (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return True
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
        stack.extend((child, depth + 1) for child in children)
    return False


def _toml_key_parts(raw: str) -> list[str]:
    parts = re.findall(r"\"[^\"]*\"|'[^']*'|[^.\s]+", raw)
    return [part[1:-1] if part[:1] in "\"'" else part for part in parts]


def _index_toml(content: str, base: int, fields: dict[PathKey, FieldSpan]) -> None:
    """Locate keys line by line (tomllib keeps no positions); multi-line values span one line."""
    table: PathKey = ()
    offset = 0
    for raw_line in content.split("\n"):
        line = raw_line.rstrip("\r")
        header = _TOML_TABLE.match(line)
        key = _TOML_KEY.match(line)
        if header and not key:
            table = tuple(_toml_key_parts(header.group(1)))
        elif key:
            path = table + tuple(_toml_key_parts(key.group(1)))
            value_end = len(line)
            fields[path] = FieldSpan(
                base + offset + key.start(1),
                base + offset + key.end(1),
                base + offset + key.end(),
                base + offset + max(value_end, key.end()),
            )
        offset += len(raw_line) + 1
