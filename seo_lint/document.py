"""The Document: one post, read once, parsed lazily.

Every view a rule may need (front matter, Markdown model, HTML, JSON-LD, prose, language)
is a cached property, so a rule that reads only the front matter never pays for Markdown.
"""

from __future__ import annotations

import bisect
import posixpath
import re
from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property, lru_cache
from itertools import pairwise
from typing import Any, TypeVar

from seo_lint import html, markdown, text
from seo_lint.frontmatter import FieldSpan, FrontMatter, split
from seo_lint.html import JsonLdBlock
from seo_lint.jsonpos import JsonNode
from seo_lint.lines import LineIndex
from seo_lint.markdown import BARE_URL, Block, Heading, Image, Link

DEFAULT_IMAGE_FIELDS = (
    "image", "image.path", "image.url", "image.src", "header.image", "header.og_image",
    "header.teaser", "header.overlay_image", "thumbnail", "cover", "cover.image", "og_image",
    "featured_image", "images",
)
_JSON_LD_IMAGE_KEYS = frozenset({"image", "logo", "thumbnailUrl", "contentUrl", "thumbnail"})
_JEKYLL_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")
_T = TypeVar("_T")


@dataclass(frozen=True)
class DocumentSettings:
    """What a Document needs from the configuration (resolved per file by the shell)."""

    language: str | None = None  # configured language, when the post declares none
    generator: str = "generic"  # jekyll | hugo | generic
    title_is_h1: bool = True
    timezone: str = "UTC"
    image_fields: tuple[str, ...] = DEFAULT_IMAGE_FIELDS
    base_url: str | None = None  # the site's public URL (https://example.com)
    #: The generator's own configuration (Jekyll's `_config.yml`), read by the shell.
    site: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class LoadProblem:
    """Why the file's bytes are not plain UTF-8 text. `offset` is into the decoded source."""

    code: str  # "FILE001" (encoding) or "FILE002" (unreadable / too large)
    message: str
    offset: int = 0
    lintable: bool = True  # False: only the FILE rules run (binary, unreadable, too large)


class Document:
    def __init__(
        self,
        path: str,
        source: str,
        settings: DocumentSettings | None = None,
        *,
        load_problem: LoadProblem | None = None,
    ) -> None:
        self.path = path
        self.source = source
        self.settings = settings or DocumentSettings()
        #: Set when the bytes could not be taken as UTF-8 text as they are (FILE001/FILE002).
        self.load_problem = load_problem
        self._memo: dict[Hashable, Any] = {}
        #: POSIX time after which a finding may change although the text did not (a date in
        #: the future becomes past); set by rules through `expires`, read by the cache.
        self.valid_until: float | None = None

    def expires(self, moment: datetime) -> None:
        """Say that a finding depends on the clock and holds until `moment` (aware datetime)."""
        at = moment.timestamp()
        self.valid_until = at if self.valid_until is None else min(self.valid_until, at)

    def memo(self, key: Hashable, compute: Callable[[], _T]) -> _T:
        """A value derived from this document by `compute`, computed once and shared by every
        rule that asks with the same key (a view outside the kernel: keywords, a search index)."""
        try:
            return self._memo[key]  # type: ignore[no-any-return]
        except KeyError:
            value = self._memo[key] = compute()
            return value

    @property
    def fixable(self) -> bool:
        """Fixes are written only to files that decoded cleanly (so no byte is ever lost)."""
        return self.load_problem is None

    # --- positions ------------------------------------------------------------------

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.source)

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.position(offset)

    # --- front matter ---------------------------------------------------------------

    @cached_property
    def front_matter(self) -> FrontMatter:
        return split(self.source)

    @property
    def meta(self) -> dict[str, Any]:
        return self.front_matter.data

    def field_span(self, *path: str | int) -> FieldSpan | None:
        return self.front_matter.field_span(*path)

    def key_span(self, *path: str | int) -> tuple[int, int]:
        """Where a finding about a front matter key points: the key, else the opening fence."""
        span = self.front_matter.field_span(*path)
        if span is not None:
            return span.key_start, span.key_end
        fm = self.front_matter
        fence = 1 if fm.format == "json" else 3  # `{` or `---`
        return (fm.start, fm.start + fence) if fm.present else (0, 0)

    def value_span(self, *path: str | int) -> tuple[int, int]:
        span = self.front_matter.field_span(*path)
        return (span.value_start, span.value_end) if span is not None else self.key_span(*path)

    def meta_str(self, key: str) -> str | None:
        """A front matter value as text (None when absent or not a scalar)."""
        value = self.meta.get(key)
        if value is None or isinstance(value, (dict, list)):
            return None
        return str(value)

    @property
    def title(self) -> str | None:
        return self.meta_str("title")

    @property
    def description(self) -> str | None:
        return self.meta_str("description")

    # --- body -----------------------------------------------------------------------

    @property
    def body_start(self) -> int:
        return self.front_matter.end

    @property
    def body(self) -> str:
        return self.source[self.body_start :]

    @cached_property
    def is_html(self) -> bool:
        return self.path.lower().endswith((".html", ".htm"))

    @cached_property
    def markdown(self) -> markdown.MarkdownModel:
        if self.is_html:
            model = markdown.MarkdownModel()
            model.html = [markdown.Fragment(self.body, self.body_start, len(self.source))]
            model.liquid = [
                (self.body_start + m.start(), self.body_start + m.end())
                for m in markdown.LIQUID.finditer(self.body)
            ]
            return model
        return markdown.parse(self.source, self.body_start, len(self.source))

    @cached_property
    def html(self) -> html.HtmlModel:
        return html.parse_fragments(self.source, self.markdown.html)

    @cached_property
    def headings(self) -> list[Heading]:
        return sorted(self.markdown.headings + self.html.headings, key=lambda h: h.start)

    @cached_property
    def blocks(self) -> list[Block]:
        """Blocks of visible text (Markdown and HTML), in source order."""
        return sorted(self.markdown.blocks + self.html.blocks, key=lambda b: b.start)

    @cached_property
    def links(self) -> list[Link]:
        return sorted(self.markdown.links + self.html.links, key=lambda link: link.start)

    @property
    def liquid(self) -> list[tuple[int, int]]:
        return self.markdown.liquid

    @property
    def code(self) -> list[tuple[int, int]]:
        return self.markdown.code

    @cached_property
    def json_ld(self) -> list[JsonLdBlock]:
        return html.json_ld_blocks(self.source, self.markdown.html)

    @cached_property
    def body_images(self) -> list[Image]:
        return sorted(self.markdown.images + self.html.images, key=lambda i: i.start)

    @cached_property
    def front_matter_images(self) -> list[Image]:
        return list(self._front_matter_images())

    @cached_property
    def json_ld_images(self) -> list[Image]:
        found: list[Image] = []
        for block in self.json_ld:
            if block.node is not None:
                found.extend(self._json_ld_images(block.node, ""))
        return found

    @cached_property
    def images(self) -> list[Image]:
        """Every image: front matter, body (Markdown and HTML), JSON-LD, in source order."""
        return sorted(
            self.front_matter_images + self.body_images + self.json_ld_images, key=lambda i: i.url_start
        )

    def _front_matter_images(self) -> Iterator[Image]:
        meta = self.meta
        for dotted, path in _field_paths(tuple(self.settings.image_fields)):
            if path[0] not in meta:
                continue  # most fields: absent (what follows would find no string there)
            value: Any = meta
            for part in path:
                value = value.get(part) if isinstance(value, dict) else None
            values = value if isinstance(value, list) else [value]
            for index, item in enumerate(values):
                if not isinstance(item, str) or not item.strip():
                    continue
                key_path: tuple[str | int, ...] = path + ((index,) if isinstance(value, list) else ())
                span = self.front_matter.field_span(*key_path)
                if span is None:
                    continue
                at = self.source.find(item, span.value_start, span.value_end)
                url_start, url_end = (at, at + len(item)) if at != -1 else _unquoted(self.source, span)
                alt = self._front_matter_alt(path)
                yield Image(item, alt, span.key_start, span.value_end, url_start, url_end,
                            "front-matter", key=dotted)

    def _front_matter_alt(self, path: tuple[str, ...]) -> str | None:
        parent: Any = self.meta
        for part in path[:-1]:
            parent = parent.get(part) if isinstance(parent, dict) else None
        if isinstance(parent, dict) and len(path) > 1:
            alt = parent.get("alt")
            return alt if isinstance(alt, str) else None
        alt = self.meta.get("image_alt") or self.meta.get("alt")
        return alt if isinstance(alt, str) else None

    def _json_ld_images(self, node: JsonNode, key: str) -> Iterator[Image]:
        for member, (_, _, child) in node.members.items():
            if member in _JSON_LD_IMAGE_KEYS:
                yield from self._json_ld_image_values(child, f"{key}.{member}".lstrip("."))
            elif child.members or child.items:
                yield from self._json_ld_images(child, f"{key}.{member}".lstrip("."))
        for item in node.items:
            yield from self._json_ld_images(item, key)

    def _json_ld_image_values(self, node: JsonNode, key: str) -> Iterator[Image]:
        if isinstance(node.value, str):
            yield Image(node.value, None, node.start, node.end, node.start + 1, node.end - 1,
                        "json-ld", key=key)
        elif node.items:
            for item in node.items:
                yield from self._json_ld_image_values(item, key)
        elif node.members:
            for member in ("url", "contentUrl"):
                child = node.get(member)
                if child is not None and isinstance(child.value, str):
                    yield from self._json_ld_image_values(child, f"{key}.{member}")

    # --- prose and language ---------------------------------------------------------

    @cached_property
    def prose_blocks(self) -> list[Block]:
        """Visible text blocks with Liquid tags and bare URLs cut out of their runs (a block
        with nothing to cut is the very block of `blocks`: blocks are never changed once built)."""
        cuts = _Cuts(sorted(self.liquid))
        result: list[Block] = []
        for block in self.blocks:
            runs: list[markdown.TextRun] = []
            whole = True
            for run in block.runs:
                if run.exact and "://" not in run.text and not cuts.meets(run.start, run.end):
                    runs.append(run)  # most runs: nothing to cut
                else:
                    runs.extend(_cut(run, cuts))
                    whole = False
            if runs:
                result.append(block if whole else Block(block.kind, block.start, block.end, runs, block.level, block.anchor))
        return result

    @cached_property
    def prose_lengths(self) -> list[int]:
        """`text.length` of each of `prose_blocks`, in the language's unit (characters for
        CJK, words otherwise): computed once for every rule that counts blocks."""
        count = text.char_count if text.is_cjk_language(self.language) else text.word_count  # text.length
        return [count(block.text) for block in self.prose_blocks]

    @cached_property
    def prose(self) -> str:
        """All visible prose, blocks separated by blank lines (headings included)."""
        return "\n\n".join(block.text for block in self.prose_blocks)

    @cached_property
    def language(self) -> str:
        for key in ("lang", "language", "locale"):
            tag = text.language_tag(self.meta.get(key))
            if tag:
                return tag
        if self.settings.language:
            return self.settings.language
        return text.detect_language((self.title or "") + "\n" + self.prose[:20_000]) or "en"

    @property
    def is_cjk(self) -> bool:
        return text.is_cjk_language(self.language)

    # --- site identity --------------------------------------------------------------

    @cached_property
    def jekyll_name(self) -> str | None:
        """`2025-12-30-slug` for a Jekyll post file name, else None."""
        return jekyll_name(self.path)

    @cached_property
    def slug(self) -> str:
        explicit = self.meta_str("slug")
        if explicit:
            return explicit
        stem = posixpath.splitext(posixpath.basename(self.path.replace("\\", "/")))[0]
        match = _JEKYLL_NAME.match(stem)
        return match.group(4) if match else stem


@lru_cache(maxsize=64)
def _field_paths(fields: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each dotted front matter field with its keys (`header.image` → `("header", "image")`)."""
    return tuple((dotted, tuple(dotted.split("."))) for dotted in fields)


def jekyll_name(path: str) -> str | None:
    """`2025-12-30-slug` when the file name of `path` is a Jekyll post's, else None."""
    stem = posixpath.splitext(posixpath.basename(path.replace("\\", "/")))[0]
    return stem if _JEKYLL_NAME.match(stem) else None


def _unquoted(source: str, span: FieldSpan) -> tuple[int, int]:
    """A quoted value's characters without its quotes (a value written with escapes)."""
    start, end = span.value_start, span.value_end
    if end - start >= 2 and source[start] in "\"'" and source[end - 1] == source[start]:
        return start + 1, end - 1
    return start, end


class _Cuts:
    """Liquid spans, sorted; `overlapping` finds those that meet a range by bisection (the
    spans never overlap one another, so their ends are sorted too)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]
        self.disjoint = all(a[1] <= b[0] for a, b in pairwise(spans))

    def meets(self, start: int, end: int) -> bool:
        """Whether some span overlaps [start, end)."""
        if not self.spans:
            return False
        if not self.disjoint:
            return bool(self.overlapping(start, end))
        first = bisect.bisect_right(self.ends, start)
        return first < len(self.starts) and self.starts[first] < end

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        if not self.disjoint:  # never from the Liquid scanner; kept exact all the same
            return [(s, e) for s, e in self.spans if s < end and e > start]
        first = bisect.bisect_right(self.ends, start)
        last = bisect.bisect_left(self.starts, end, first)
        return self.spans[first:last]


def _cut(run: markdown.TextRun, cuts: _Cuts) -> Iterator[markdown.TextRun]:
    """Split a run around Liquid spans and bare URLs (exact runs only; others pass whole)."""
    if not run.exact:
        cleaned = BARE_URL.sub(" ", markdown.LIQUID.sub(" ", run.text))
        if cleaned:
            yield markdown.TextRun(cleaned, run.start, run.end, False)
        return
    holes = [(max(s, run.start), min(e, run.end)) for s, e in cuts.overlapping(run.start, run.end)]
    if "://" in run.text:  # every bare URL has one
        holes += [(run.start + m.start(), run.start + m.end()) for m in BARE_URL.finditer(run.text)]
    if not holes:
        yield run
        return
    position = run.start
    for start, end in sorted(holes):
        if start > position:
            yield markdown.TextRun(run.text[position - run.start : start - run.start], position, start)
        position = max(position, end)
    if position < run.end:
        yield markdown.TextRun(run.text[position - run.start :], position, run.end)
