"""Keywords: where a post declares them, and how they are found in text.

Sources. The keyword list is the value of the first front matter key, in the order given
(default `focus_keyword`, `keyphrase`, `seo_keywords`, `keywords`), that is present and not
empty. The value is a list (one keyword per item) or a string; a string is split at commas
(`,`, `，`, `、`), as `keywords: "a, b"` is the usual meta-keywords form. The first keyword is
the focus keyword. Keywords are deduplicated after normalisation.

Matching. Both sides are normalised with NFKC and case-folded (`ＡＩ導入` matches `AI導入`).
A keyword is matched in one of two ways:

- as a *set of terms* when the post is in a CJK language or the keyword contains a CJK
  character: the parts between spaces (ASCII or full-width U+3000) are independent terms, each
  found as a run of characters, never by splitting the text on spaces. A term that begins or
  ends with a Latin letter or digit must not continue a Latin word there (`AI` matches in
  `AI導入` but not in `EMAIL`);
- as a *phrase* otherwise: its words, found in order as consecutive words of the text, whatever
  punctuation or spacing lies between them (`Static-site SEO` matches `static site seo`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from seo_lint.document import Document
from seo_lint.text import (
    has_alnum,
    has_cjk,
    is_cjk_char,
    is_word_char,
    normalize,
    normalize_mapped,
    normalize_runs,
)

DEFAULT_FIELDS = ("focus_keyword", "keyphrase", "seo_keywords", "keywords")
_COMMA = re.compile(r"[,，、]")
_TOKEN = re.compile(r"[^\W_]+")
_GAP = re.compile(r"[\W_]+")  # what lies between two tokens


@dataclass(frozen=True)
class Keyword:
    text: str  # as written, spaces collapsed
    units: tuple[str, ...]  # normalised terms (term set) or words (phrase), in written order
    shown: tuple[str, ...]  # the same units as written, for messages
    phrase: bool  # True: words in order; False: a set of terms matched by characters
    field: str  # the front matter key it came from
    start: int  # where it is written in the source (the list item or the part of the string)
    end: int

    @property
    def key(self) -> str:
        """Identity for comparing keywords across posts (order of terms ignored for term sets)."""
        return ("p:" + " ".join(self.units)) if self.phrase else ("t:" + " ".join(sorted(self.units)))

    @property
    def verbatim_risk(self) -> bool:
        """True when written with a space between two CJK characters (`AI導入 成功事例`)."""
        if self.phrase or len(self.units) < 2:
            return False
        return any(
            is_cjk_char(left[-1]) and is_cjk_char(right[0])
            for left, right in zip(self.units, self.units[1:])
        )


def make_keyword(
    text: str, cjk_document: bool, field: str = "", start: int = 0, end: int = 0
) -> Keyword | None:
    """A Keyword from the text an author wrote; None when it has no letters."""
    written = " ".join(text.split())
    normalized = normalize(written)
    if not has_alnum(normalized):
        return None
    if cjk_document or has_cjk(normalized):
        terms: dict[str, str] = {}
        for piece in written.split():
            if has_alnum(piece):
                terms.setdefault(normalize(piece), piece)
        return Keyword(written, tuple(terms), tuple(terms.values()), False, field, start, end)
    shown = tuple(_TOKEN.findall(written))
    units = tuple(_TOKEN.findall(normalized))
    if len(shown) != len(units):  # NFKC changed the word boundaries: show normalised words
        shown = units
    return Keyword(written, units, shown, True, field, start, end)


def source_field(doc: Document, fields: Sequence[str]) -> str | None:
    """The first of `fields` that the post sets to a non-empty value."""
    for name in fields:
        value = doc.meta.get(name)
        if isinstance(value, str) and value.strip():
            return name
        if isinstance(value, list) and any(_scalar(item).strip() for item in value):
            return name
    return None


def keywords(doc: Document, fields: Sequence[str] = DEFAULT_FIELDS) -> list[Keyword]:
    """The post's keywords, focus keyword first (computed once per document and fields)."""
    return list(doc.memo(("keywords", tuple(fields)), lambda: _keywords(doc, fields)))


def _keywords(doc: Document, fields: Sequence[str]) -> list[Keyword]:
    name = source_field(doc, fields)
    if name is None:
        return []
    found: dict[str, Keyword] = {}
    for text, start, end in _written(doc, name):
        keyword = make_keyword(text, doc.is_cjk, name, start, end)
        if keyword is not None and keyword.key not in found:
            found[keyword.key] = keyword
    return list(found.values())


def focus_keyword(doc: Document, fields: Sequence[str] = DEFAULT_FIELDS) -> Keyword | None:
    found = keywords(doc, fields)
    return found[0] if found else None


def _scalar(value: Any) -> str:
    if value is None or isinstance(value, (dict, list, bool)):
        return ""
    return str(value)


def _written(doc: Document, name: str) -> Iterator[tuple[str, int, int]]:
    """Each keyword as written, with its span (the key's span when it cannot be located)."""
    value = doc.meta.get(name)
    key_start, key_end = doc.key_span(name)
    if isinstance(value, list):
        for index, item in enumerate(value):
            text = _scalar(item)
            span = doc.field_span(name, index)
            start, end = (span.value_start, span.value_end) if span else (key_start, key_end)
            yield from _parts(doc, text, start, end, split=False)
    elif isinstance(value, str):
        start, end = doc.value_span(name)
        yield from _parts(doc, value, start, end, split=True)


def _parts(doc: Document, text: str, start: int, end: int, split: bool) -> Iterator[tuple[str, int, int]]:
    pieces = _COMMA.split(text) if split else [text]
    cursor = start
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        at = doc.source.find(piece, cursor, end)
        if at == -1:
            yield piece, start, end
        else:
            cursor = at + len(piece)
            yield piece, at, cursor


class Haystack:
    """A text prepared for keyword search: normalised, with a map back to the original."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.normalized = normalize_runs(text)
        self._counts: dict[Keyword, dict[str, int]] = {}  # KW001 and KW002 count the same keywords

    @cached_property
    def _map(self) -> tuple[list[int], list[int]]:
        """Where each normalised character comes from (built only when a span is asked)."""
        _, starts, ends = normalize_mapped(self.text)
        return starts, ends

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the original text of normalized[start:end]."""
        starts, ends = self._map
        return starts[start], ends[end - 1]

    def term_positions(self, term: str) -> list[int]:
        """Start of each non-overlapping occurrence of `term` (normalised) in the text."""
        text = self.normalized
        found: list[int] = []
        check_start = is_word_char(term[0])
        check_end = is_word_char(term[-1])
        at = text.find(term)
        while at != -1:
            after = at + len(term)
            if (check_start and at > 0 and is_word_char(text[at - 1])) or (
                check_end and after < len(text) and is_word_char(text[after])
            ):
                at = text.find(term, at + 1)
                continue
            found.append(at)
            at = text.find(term, after)
        return found

    def phrase_count(self, words: Sequence[str], limit: int | None = None) -> int:
        """How many runs of whole tokens (`[^\\W_]+`) equal `words`, scanning left to right
        without overlaps; stops at `limit`. The first word is found with `str.find`, so the
        text is never tokenised."""
        if not words:
            return 0
        text = self.normalized
        first = words[0]
        count = 0
        at = text.find(first)
        while at != -1 and (limit is None or count < limit):
            end = None if at > 0 and text[at - 1].isalnum() else self._phrase_end(at, words)
            if end is None:
                at = text.find(first, at + 1)
            else:
                count += 1
                at = text.find(first, end)
        return count

    def _phrase_end(self, at: int, words: Sequence[str]) -> int | None:
        """Where the run of tokens `words` that starts at `at` ends (None: it does not)."""
        text = self.normalized
        position = at + len(words[0])
        for word in words[1:]:
            gap = _GAP.match(text, position)
            if gap is None or not text.startswith(word, gap.end()):
                return None
            position = gap.end() + len(word)
        if position < len(text) and text[position].isalnum():
            return None
        return position

    def has_unit(self, keyword: Keyword, unit: str) -> bool:
        return bool(self.phrase_count((unit,), 1)) if keyword.phrase else bool(self.term_positions(unit))

    def term_counts(self, keyword: Keyword) -> dict[str, int]:
        """Occurrences of each term (term sets), or of the whole phrase under its text (phrases)."""
        if keyword not in self._counts:
            if keyword.phrase:
                self._counts[keyword] = {" ".join(keyword.units): self.phrase_count(keyword.units)}
            else:
                self._counts[keyword] = {term: len(self.term_positions(term)) for term in keyword.units}
        return dict(self._counts[keyword])

    def contains(self, keyword: Keyword) -> bool:
        """All terms present (term set), or the phrase present (phrase)."""
        if keyword.phrase:
            return bool(self.phrase_count(keyword.units, 1))
        return all(self.term_positions(term) for term in keyword.units)

    def coverage(self, keyword: Keyword) -> int:
        """How many of the keyword's terms (or words) occur at all."""
        return sum(1 for unit in keyword.units if self.has_unit(keyword, unit))


def contains(text: str | None, keyword: Keyword) -> bool:
    return bool(text) and Haystack(text or "").contains(keyword)


def verbatim_pattern(keyword: Keyword) -> re.Pattern[str]:
    """The keyword's terms in order joined by white space (matched in normalised text)."""
    return re.compile(r"\s+".join(re.escape(term) for term in keyword.units))


def verbatim_positions(haystack: Haystack, keyword: Keyword) -> list[tuple[int, int]]:
    """Normalised spans where the keyword is written as is, spaces included."""
    text = haystack.normalized
    found: list[tuple[int, int]] = []
    for match in verbatim_pattern(keyword).finditer(text):
        start, end = match.span()
        if (is_word_char(text[start]) and start > 0 and is_word_char(text[start - 1])) or (
            is_word_char(text[end - 1]) and end < len(text) and is_word_char(text[end])
        ):
            continue
        found.append((start, end))
    return found


def quote(keyword: Keyword) -> str:
    return f'"{keyword.text}"'
