"""URL helpers for rules that read, compare or fix URLs.

A URL in a post is written in the syntax of where it stands: `&amp;` in HTML, `\\_` in
Markdown, `\\/` in JSON-LD, `''` in a single-quoted YAML value. `decode` reads such a raw
slice of the source and remembers, for every character of the URL, which raw characters
wrote it. Queries are parsed on the URL itself (raw order kept, nothing re-encoded), and an
edit of the URL maps back onto the raw slice, so a fix changes only the characters it must.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from urllib.parse import unquote_plus, urljoin, urlsplit

# --- raw source → URL, with positions ------------------------------------------------

_ESCAPES: dict[str, re.Pattern[str]] = {
    # CommonMark: backslash escapes of ASCII punctuation, entity references (with `;`).
    "markdown": re.compile(
        r"\\[!-/:-@\[-`{-~]|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});"
    ),
    # HTML attribute values: character references (legacy ones may omit the `;`).
    "html": re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{0,31};?)"),
    # JSON, YAML double-quoted and TOML basic strings.
    "backslash": re.compile(
        r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}"
        r"|\\U[0-9a-fA-F]{8}|\\x[0-9a-fA-F]{2}|\\[^uUx]"
    ),
    # YAML single-quoted strings.
    "yaml-single": re.compile(r"''"),
}
_SIMPLE_ESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "0": "\0", "e": "\x1b"}

#: The ways a URL may be written, by `Image.origin` / `Link.origin`.
STYLES_BY_ORIGIN: dict[str, tuple[str, ...]] = {
    "markdown": ("markdown",),
    "html": ("html",),
    "json-ld": ("backslash",),
    "front-matter": ("plain", "backslash", "yaml-single"),
}


@dataclass(frozen=True)
class Decoded:
    """A URL read from its raw form: `text[i]` was written by `raw[starts[i]:ends[i]]`."""

    raw: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    style: str

    def raw_range(self, start: int, end: int) -> tuple[int, int]:
        """The raw characters that wrote text[start:end] (a non-empty range)."""
        return self.starts[start], self.ends[end - 1]


def _unescape(token: str, style: str) -> str:
    if style in ("markdown", "html"):
        return token[1] if token.startswith("\\") else html.unescape(token)
    if style == "yaml-single":
        return "'"
    if token.startswith("\\u") and len(token) == 12:  # a surrogate pair
        high, low = int(token[2:6], 16), int(token[8:12], 16)
        return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    if token[1] in "uUx":
        return chr(int(token[2:], 16))  # noqa: FURB166 - `\u0041`, not `0x41`
    return _SIMPLE_ESCAPES.get(token[1], token[1])


def decode(raw: str, style: str) -> Decoded:
    """Read `raw` as written in `style` (plain, markdown, html, backslash, yaml-single)."""
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    pattern = _ESCAPES.get(style)
    for match in pattern.finditer(raw) if pattern is not None else ():
        text = _unescape(match.group(), style)
        if text == match.group():
            continue  # not an escape after all (`&w=2` in HTML): the characters stand as written
        start, end = match.span()
        pieces.append(raw[position:start])  # characters as written: each its own raw character
        starts.extend(range(position, start))
        ends.extend(range(position + 1, start + 1))
        pieces.append(text)  # each character of the escape's text: written by the whole escape
        starts.extend([start] * len(text))
        ends.extend([end] * len(text))
        position = end
    pieces.append(raw[position:])
    starts.extend(range(position, len(raw)))
    ends.extend(range(position + 1, len(raw) + 1))
    return Decoded(raw, "".join(pieces), tuple(starts), tuple(ends), style)


def decode_as(raw: str, url: str, styles: Iterable[str]) -> Decoded | None:
    """The first reading of `raw` (plain first) that gives exactly `url`; None if none does."""
    for style in ("plain", *styles):
        if style == "plain" and raw != url:
            continue
        decoded = decode(raw, style)
        if decoded.text == url:
            return decoded
    return None


# --- queries -------------------------------------------------------------------------


@dataclass(frozen=True)
class Param:
    """One `key=value` piece of a query; offsets are into the URL."""

    index: int  # position among the query's pieces (empty pieces included)
    key: str  # as written (percent-encoding kept)
    value: str | None  # None for a bare `key` without `=`
    start: int
    end: int

    @property
    def name(self) -> str:
        """The key as a server reads it (percent-decoded, `+` as space)."""
        return unquote_plus(self.key) if "%" in self.key or "+" in self.key else self.key

    @property
    def decoded_value(self) -> str | None:
        return None if self.value is None else unquote_plus(self.value)


@dataclass(frozen=True)
class Query:
    """The query of a URL: url[start:end] (start == end == -1 when there is none)."""

    url: str
    start: int
    end: int
    pieces: tuple[tuple[int, int], ...]  # every `&`-separated piece, empty ones too

    @property
    def params(self) -> list[Param]:
        found: list[Param] = []
        for index, (start, end) in enumerate(self.pieces):
            if start == end:
                continue
            piece = self.url[start:end]
            key, equals, value = piece.partition("=")
            found.append(Param(index, key, value if equals else None, start, end))
        return found


def parse_query(url: str) -> Query:
    """Split the query of `url` on `&`, keeping raw order and raw text."""
    fragment = url.find("#")
    end = fragment if fragment != -1 else len(url)
    question = url.find("?", 0, end)
    if question == -1:
        return Query(url, -1, -1, ())
    start = question + 1
    pieces: list[tuple[int, int]] = []
    position = start
    while True:
        amp = url.find("&", position, end)
        if amp == -1:
            pieces.append((position, end))
            break
        pieces.append((position, amp))
        position = amp + 1
    return Query(url, start, end, tuple(pieces))


def repeated_keys(params: Sequence[Param]) -> list[list[Param]]:
    """Every key that appears more than once, with all its occurrences in order.

    Keys are listed in the order in which they first repeat (`w=1&fit=a&w=2&fit=b` gives
    `w` then `fit`), so a message reads in the same order as the URL.
    """
    by_name: dict[str, list[Param]] = {}
    repeat_at: dict[str, int] = {}
    for param in params:
        name = param.name
        occurrences = by_name.setdefault(name, [])
        occurrences.append(param)
        if len(occurrences) == 2:
            repeat_at[name] = param.start
    return [by_name[name] for name in sorted(repeat_at, key=repeat_at.__getitem__)]


def drop_ranges(query: Query, drop: Iterable[int]) -> list[tuple[int, int]]:
    """URL ranges to delete so that the pieces with these indices disappear with one `&` each.

    A dropped piece takes the `&` before it when a kept piece precedes it, else the `&`
    after it, so the rest of the query stays exactly as written. Ranges are merged.
    """
    dropped = set(drop)
    if not dropped:
        return []
    pieces = query.pieces
    if dropped >= set(range(len(pieces))):
        return [(query.start - 1, query.end)]  # nothing left: the `?` goes too
    ranges: list[tuple[int, int]] = []
    kept_before = False
    for index, (start, end) in enumerate(pieces):
        if index not in dropped:
            kept_before = True
            continue
        span = (start - 1, end) if kept_before else (start, pieces[index + 1][0])
        if ranges and ranges[-1][1] == span[0]:
            ranges[-1] = (ranges[-1][0], span[1])
        else:
            ranges.append(span)
    return ranges


def delete_ranges(text: str, ranges: Sequence[tuple[int, int]]) -> str:
    """`text` without the given (sorted, non-overlapping) ranges."""
    parts: list[str] = []
    position = 0
    for start, end in ranges:
        parts.append(text[position:start])
        position = end
    parts.append(text[position:])
    return "".join(parts)


def raw_deletions(
    decoded: Decoded, ranges: Sequence[tuple[int, int]]
) -> list[tuple[int, int]] | None:
    """The URL ranges mapped onto the raw text; None unless deleting them there gives the
    same URL as deleting them from the URL (an escape never gets cut in half)."""
    raw_ranges = [decoded.raw_range(start, end) for start, end in ranges if end > start]
    if any(a[1] > b[0] for a, b in pairwise(raw_ranges)):
        return None
    expected = delete_ranges(decoded.text, ranges)
    if decode(delete_ranges(decoded.raw, raw_ranges), decoded.style).text != expected:
        return None
    return raw_ranges


# --- comparison ----------------------------------------------------------------------

_DEFAULT_PORTS = {"http": "80", "https": "443"}


def normalise(url: str, ignore_params: Iterable[str] = (), base_url: str | None = None) -> str:
    """A key for "is this the same URL?": scheme-less (http == https), host in lower case,
    default port, fragment and the `ignore_params` (case-insensitive) dropped, the other
    query parameters sorted. A site-relative `/path` is resolved against `base_url`.
    (Remembered: several image rules ask for the same URLs of a post.)"""
    return _normalise(url, tuple(ignore_params), base_url)


@lru_cache(maxsize=16)
def _lowered(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(name.lower() for name in names)


@lru_cache(maxsize=2048)
def _normalise(url: str, ignore_params: tuple[str, ...], base_url: str | None) -> str:
    url = url.strip()
    try:
        if base_url and url.startswith("/") and not url.startswith("//"):
            url = urljoin(base_url, url)  # raises too for an invalid IPv6 host in base_url
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:  # e.g. an invalid port or IPv6 literal: compare as written
        return url
    if port is not None and str(port) != _DEFAULT_PORTS.get(parts.scheme.lower()):
        host = f"{host}:{port}"
    ignored = _lowered(ignore_params)
    query = parse_query(url)
    params = []
    for start, end in query.pieces:  # what Query.params gives, without making Param objects
        if start == end:
            continue
        key, _, value = url[start:end].partition("=")
        name = unquote_plus(key) if "%" in key or "+" in key else key
        if name.lower() not in ignored:
            params.append((name, unquote_plus(value) if "%" in value or "+" in value else value))
    params.sort()
    text = "&".join(f"{name}={value}" if value else name for name, value in params)
    location = f"//{host}{parts.path or '/'}" if host else parts.path
    return location + (f"?{text}" if text else "")
