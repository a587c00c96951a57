"""Markdown body → a neutral model of blocks, headings, images, links, code and HTML.

pyromark (pulldown-cmark) is the parser; nothing outside this module knows it. Its ranges
are UTF-8 byte offsets into the text it was given; they are converted here, once, into code
point offsets into the whole source.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

import pyromark

_OPTIONS = (
    pyromark.Options.ENABLE_TABLES
    | pyromark.Options.ENABLE_FOOTNOTES
    | pyromark.Options.ENABLE_STRIKETHROUGH
    | pyromark.Options.ENABLE_TASKLISTS
    | pyromark.Options.ENABLE_GFM
    | pyromark.Options.ENABLE_HEADING_ATTRIBUTES
    # `$x_i$` and `$$...$$` (kramdown, MathJax, KaTeX): TeX, read like code (not prose). A
    # `$` needs a non-space after it and before the closing one, so `$5 and $10` is text.
    | pyromark.Options.ENABLE_MATH
    # `Term` / `: definition` (kramdown, and Hugo's Goldmark by default): a list, not a paragraph.
    | pyromark.Options.ENABLE_DEFINITION_LIST
)

LIQUID = re.compile(r"\{%-?.{0,2000}?-?%\}|\{\{-?.{0,2000}?-?\}\}", re.DOTALL)
BARE_URL = re.compile(r"\b(?:https?|ftp)://[^\s<>\"'）」】、。]{1,2000}")

# A backslash escape or an entity reference in a link destination (CommonMark 2.4, 2.5).
_DEST_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_REF_COLON = re.compile(r"(?<!\\)\]:")
# Characters of a link destination that need no attention (not space, control, backslash, parens).
_DEST_PLAIN = re.compile(r"[^\x00-\x20\\()]*")

_TEXT_CONTAINERS = frozenset({
    "Paragraph", "Heading", "TableCell", "Item", "FootnoteDefinition", "DefinitionListTitle",
    "DefinitionListDefinition",
})
#: Block kinds of the containers whose name is not theirs (a definition list's terms and
#: definitions are read as list items).
_KINDS = {"TableCell": "table-cell", "DefinitionListTitle": "item", "DefinitionListDefinition": "item"}


@dataclass(frozen=True)
class TextRun:
    """A piece of prose. `exact` when source[start:end] == text (no escape or entity)."""

    text: str
    start: int
    end: int
    exact: bool = True

    def offset(self, index: int) -> int:
        """Source offset of text[index] (the run's start when the run is not exact)."""
        return self.start + index if self.exact else self.start


@dataclass
class Block:
    """A leaf block of prose: paragraph, heading, list item, table cell, or HTML text."""

    kind: str
    start: int
    end: int
    runs: list[TextRun] = field(default_factory=list)
    level: int = 0  # heading level, list nesting depth otherwise
    anchor: str | None = None  # a heading's explicit {#id}

    #: `text`, kept with the number of runs it was joined from (runs are only ever appended).
    _joined: tuple[int, str] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        joined = self._joined
        if joined is None or joined[0] != len(self.runs):  # rules read it hundreds of times a post
            joined = self._joined = (len(self.runs), "".join([run.text for run in self.runs]))
        return joined[1]

    def offset(self, index: int) -> int:
        """Source offset of character `index` of `text`."""
        for run in self.runs:
            if index < len(run.text):
                return run.offset(index)
            index -= len(run.text)
        return self.runs[-1].end if self.runs else self.start


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    start: int
    end: int
    origin: str = "markdown"  # or "html"
    anchor: str | None = None  # explicit {#id} or id="..."


@dataclass(frozen=True)
class Image:
    url: str
    alt: str | None  # None when an <img> has no alt attribute
    start: int
    end: int
    url_start: int  # the URL's own characters in the source (for fixes)
    url_end: int
    origin: str  # "markdown", "html", "front-matter", "json-ld"
    title: str = ""
    attributes: tuple[tuple[str, str], ...] = ()  # HTML attributes, for <img>
    key: str = ""  # front matter / JSON-LD path, e.g. "header.image"


@dataclass(frozen=True)
class Link:
    url: str
    text: str
    start: int
    end: int
    url_start: int
    url_end: int
    origin: str = "markdown"  # or "html"


@dataclass(frozen=True)
class Fragment:
    """Raw HTML from the body: an HTML block or inline HTML."""

    text: str
    start: int
    end: int
    inline: bool = False


@dataclass
class MarkdownModel:
    blocks: list[Block] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    html: list[Fragment] = field(default_factory=list)
    code: list[tuple[int, int]] = field(default_factory=list)  # code spans and blocks
    liquid: list[tuple[int, int]] = field(default_factory=list)


class _Offsets:
    """UTF-8 byte offsets of `text` → code point offsets, incrementally and in C."""

    def __init__(self, text: str, base: int) -> None:
        self.encoded = text.encode("utf-8", "surrogatepass")
        self.ascii = len(self.encoded) == len(text)
        self.base = base
        self.known_bytes = [0]
        self.known_chars = [0]
        self.cache: dict[int, int] = {0: 0}

    def __call__(self, byte: int) -> int:
        if self.ascii:
            return self.base + byte
        found = self.cache.get(byte)
        if found is None:
            index = bisect_right(self.known_bytes, byte) - 1
            near_byte, near_char = self.known_bytes[index], self.known_chars[index]
            found = near_char + len(self.encoded[near_byte:byte].decode("utf-8", "replace"))
            self.cache[byte] = found
            self.known_bytes.insert(index + 1, byte)
            self.known_chars.insert(index + 1, found)
        return self.base + found

    def table(self, offsets: list[int]) -> dict[int, int]:
        """Code point offsets into the source of many byte offsets at once: one pass in order."""
        if self.ascii:
            return {byte: self.base + byte for byte in offsets}
        table: dict[int, int] = {}
        previous_byte = previous_char = 0
        encoded = self.encoded
        for byte in sorted(set(offsets)):
            previous_char += len(encoded[previous_byte:byte].decode("utf-8", "replace"))
            previous_byte = byte
            table[byte] = self.base + previous_char
        return table


#: Tags whose content is code that the generator highlights and never reads as Markdown:
#: Jekyll's `{% highlight lang %}…{% endhighlight %}`, Hugo's `{{< highlight lang >}}…
#: {{< /highlight >}}` and the `{{< code lang="html" >}}…{{< /code >}}` shortcode of Hugo
#: themes (not the escaped `{{</* highlight */>}}` that shows the tag itself).
_VERBATIM = (
    (re.compile(r"\{%-?\s*highlight\b[^%\n]{0,200}?-?%\}"), re.compile(r"\{%-?\s*endhighlight\s*-?%\}")),
    (re.compile(r"\{\{[<%]\s*highlight\b[^}\n]{0,200}?[>%]\}\}"), re.compile(r"\{\{[<%]\s*/highlight\s*[>%]\}\}")),
    (re.compile(r"\{\{<\s*code\b[^}\n]{0,200}?>\}\}"), re.compile(r"\{\{<\s*/code\s*>\}\}")),
)
_NOT_NEWLINE = re.compile(r"[^\n]")


def _verbatim(body: str) -> list[tuple[int, int]]:
    """The content of each highlight tag of `body` (one scan per kind: an opening tag
    without its closing one ends the search)."""
    spans: list[tuple[int, int]] = []
    if "highlight" not in body and "{{<" not in body:
        return spans
    for opener, closer in _VERBATIM:
        pos = 0
        while (opened := opener.search(body, pos)) is not None:
            closed = closer.search(body, opened.end())
            if closed is None:
                break
            spans.append((opened.end(), closed.start()))
            pos = closed.end()
    return sorted(spans)


#: Stands for a space inside a Liquid tag written in a link destination while the Markdown is
#: parsed (WORD JOINER: neither white space nor punctuation for Markdown). Jekyll renders
#: Liquid before Markdown, so `[a]({{ site.url }}/b)` and `[1]: {{ site.url }}/b` are links
#: there; with their spaces they would be text here, and a broken reference definition
#: turns the definitions after it into text too.
_MASK = "\u2060"
_REF_START = re.compile(r" {0,3}\[[^\]\n]+\]:[ \t]*")


def _mask_liquid_urls(body: str, tags: list[tuple[int, int]]) -> str:
    """`body` with the spaces of each Liquid tag (offsets into `body`) that stands in a link
    destination replaced by `_MASK` (same length; a tag with a tab or a line break is left)."""
    if _MASK in body:
        return body
    parts: list[str] = []
    pos = 0
    for start, end in tags:
        tag = body[start:end]
        if " " not in tag or "\t" in tag or "\n" in tag or start < pos:
            continue
        line = body[body.rfind("\n", 0, start) + 1 : start]
        inline = line.rfind("](")
        if inline != -1:
            before = LIQUID.sub("", line[inline + 2 :])
        else:
            ref = _REF_START.match(line)
            if ref is None:
                continue
            before = LIQUID.sub("", line[ref.end() :])
        if " " in before or "\t" in before or ")" in before:
            continue  # a title, or the destination ended before the tag
        parts += [body[pos:start], tag.replace(" ", _MASK)]
        pos = end
    return "".join(parts) + body[pos:] if parts else body


def parse(source: str, start: int, end: int) -> MarkdownModel:
    """Parse source[start:end] as Markdown; all offsets in the model are into `source`."""
    body = source[start:end]
    model = MarkdownModel()
    model.liquid = [(start + m.start(), start + m.end()) for m in LIQUID.finditer(body)]
    verbatim = _verbatim(body)
    if verbatim:  # blank out highlighted code (same length, same lines): it is code, not Markdown
        parts, pos = [], 0
        for first, last in verbatim:
            first = max(first, pos)
            parts += [body[pos:first], _NOT_NEWLINE.sub(" ", body[first:last])]
            pos = max(pos, last)
        body = "".join(parts) + body[pos:]
    if "{" in body and model.liquid:
        body = _mask_liquid_urls(body, [(first - start, last - start) for first, last in model.liquid])
    _Builder(source, body, start, model).run()
    if verbatim:
        model.code = sorted(model.code + [(start + first, start + last) for first, last in verbatim])
    return model


class _Builder:
    def __init__(self, source: str, body: str, base: int, model: MarkdownModel) -> None:
        self.source = source
        self.body = body
        #: `source` as parsed: with the masked spaces of Liquid tags in link destinations.
        self.masked = _MASK in body and _MASK not in source
        self.view = source[:base] + body + source[base + len(body) :] if self.masked else source
        self.base = base
        self.model = model
        self.offset = _Offsets(body, base)
        self.stack: list[Block] = []
        self.depth = 0
        self.image: dict[str, Any] | None = None
        self.links: list[dict[str, Any]] = []
        #: The text of the open heading: its prose and its inline code (`## Install `foo``).
        self.heading: list[str] | None = None
        self.html_block: list[tuple[str, int, int]] | None = None
        self.references = pyromark.reference_definitions(body, options=_OPTIONS)

    def run(self) -> None:
        events = list(pyromark.events_with_range(self.body, options=_OPTIONS))
        offset = self.offset.table([at for _, span in events for at in (span["start"], span["end"])])
        handlers = {
            "Start": self.on_Start, "End": self.on_End, "Text": self.on_Text, "Code": self.on_Code,
            "Html": self.on_Html, "InlineHtml": self.on_InlineHtml,
            "InlineMath": self.on_Code, "DisplayMath": self.on_Code,
        }
        for event, span in events:
            start, end = offset[span["start"]], offset[span["end"]]
            if isinstance(event, str):
                if event in ("SoftBreak", "HardBreak"):
                    self.text("\n", start, end, exact=False)
                continue
            for kind, value in event.items():  # one item: {kind: value}
                handler = handlers.get(kind)
                if handler is not None:
                    handler(value, start, end)  # type: ignore[arg-type]
                break
        self.model.blocks.sort(key=lambda block: block.start)

    # --- containers -----------------------------------------------------------------

    def on_Start(self, tag: Any, start: int, end: int) -> None:
        name, detail = (tag, {}) if isinstance(tag, str) else next(iter(tag.items()))
        if name in ("List", "DefinitionList"):
            self.depth += 1
        elif name in _TEXT_CONTAINERS:
            level = int(detail["level"][1]) if name == "Heading" else self.depth
            block = Block(_KINDS.get(name, name.lower()), start, end, level=level)
            if name == "Heading":
                block.kind = "heading"
                block.anchor = detail.get("id")
                self.heading = []
            self.stack.append(block)
        elif name == "Image":
            self.image = {"detail": detail, "start": start, "end": end, "alt": []}
        elif name == "Link":
            self.links.append({"detail": detail, "start": start, "end": end, "text": []})
        elif name == "CodeBlock":
            self.model.code.append((start, end))
        elif name == "HtmlBlock":
            self.html_block = []

    def on_End(self, tag: Any, start: int, end: int) -> None:
        name = tag if isinstance(tag, str) else next(iter(tag))
        if name in ("List", "DefinitionList"):
            self.depth -= 1
        elif name in _TEXT_CONTAINERS and self.stack:
            block = self.stack.pop()
            if name == "Heading":
                text = "".join(self.heading or ()).strip()
                self.heading = None
                self.model.headings.append(
                    Heading(block.level, text, block.start, _line_end(self.source, block.start, block.end), anchor=block.anchor)
                )
            if block.runs:
                self.model.blocks.append(block)
        elif name == "Image" and self.image is not None:
            self.finish_image(self.image)
            self.image = None
        elif name == "Link" and self.links:
            self.finish_link(self.links.pop())
        elif name == "HtmlBlock" and self.html_block is not None:
            parts = self.html_block
            if parts:
                self.model.html.append(
                    Fragment("".join(p[0] for p in parts), parts[0][1], parts[-1][2])
                )
            self.html_block = None

    # --- leaves ---------------------------------------------------------------------

    def unmask(self, text: str) -> str:
        return text.replace(_MASK, " ") if self.masked else text

    def text(self, text: str, start: int, end: int, exact: bool | None = None) -> None:
        if self.masked:  # (inlined `unmask`: once per text event)
            text = text.replace(_MASK, " ")
        if self.image is not None:
            self.image["alt"].append(text)
            return
        for link in self.links:
            link["text"].append(text)
        if self.heading is not None:
            self.heading.append(text)
        if not self.stack:
            return
        if exact is None:
            exact = self.source[start:end] == text
        self.stack[-1].runs.append(TextRun(text, start, end, exact))

    def on_Text(self, value: str, start: int, end: int) -> None:
        if self.model.code and self.model.code[-1][0] <= start < self.model.code[-1][1]:
            return  # the content of a code block
        self.text(value, start, end)

    def on_Code(self, value: str, start: int, end: int) -> None:
        value = self.unmask(value)
        self.model.code.append((start, end))
        if self.image is not None:
            self.image["alt"].append(value)
        elif self.heading is not None:
            self.heading.append(value)  # a heading shows its code: it is part of its text
        for link in self.links:
            link["text"].append(value)

    def on_Html(self, value: str, start: int, end: int) -> None:
        value = self.unmask(value)
        if self.html_block is not None:
            self.html_block.append((value, start, end))
        else:
            self.model.html.append(Fragment(value, start, end))

    def on_InlineHtml(self, value: str, start: int, end: int) -> None:
        value = self.unmask(value)
        self.model.html.append(Fragment(value, start, end, inline=True))

    # --- images and links -----------------------------------------------------------

    def url_span(self, detail: dict[str, Any], start: int, end: int) -> tuple[int, int]:
        """Where the destination URL is written: inline, or in its reference definition.

        The destination is read as written (escapes and entities included) and accepted
        only when it decodes to the parser's URL, so the span is exact even for `&amp;`.
        """
        url = detail["dest_url"]
        if not url:
            return start, end
        if detail.get("link_type") not in ("Inline", "Autolink", "Email"):
            ref = self.references.get(str(detail.get("id", "")).lower()) or self.references.get(
                detail.get("id", "")
            )
            if ref is not None:
                ref_start = self.offset(ref["span"]["start"])
                ref_end = self.offset(ref["span"]["end"])
                colon = _REF_COLON.search(self.view, ref_start, ref_end)
                if colon is not None:
                    span = _destination(self.view, colon.end(), ref_end)
                    if _unescape(self.view[span[0] : span[1]]) == url:
                        return span
            return start, end
        found = self.view.rfind("](", start, end) if detail.get("link_type") == "Inline" else -1
        for _ in range(20):  # the last `](` is the destination's, unless a title holds one
            if found == -1:
                break
            span = _destination(self.view, found + 2, end)
            if _unescape(self.view[span[0] : span[1]]) == url:
                return span
            found = self.view.rfind("](", start, found)
        at = self.view.find(url, start, end)  # autolinks
        return (at, at + len(url)) if at != -1 else (start, end)

    def finish_image(self, image: dict[str, Any]) -> None:
        detail = image["detail"]
        url_start, url_end = self.url_span(detail, image["start"], image["end"])
        self.model.images.append(
            Image(
                url=self.unmask(detail["dest_url"]),
                alt="".join(image["alt"]),
                start=image["start"],
                end=image["end"],
                url_start=url_start,
                url_end=url_end,
                origin="markdown",
                title=self.unmask(detail.get("title") or ""),
            )
        )

    def finish_link(self, link: dict[str, Any]) -> None:
        detail = link["detail"]
        url_start, url_end = self.url_span(detail, link["start"], link["end"])
        self.model.links.append(
            Link(
                url=self.unmask(detail["dest_url"]),
                text="".join(link["text"]).strip(),
                start=link["start"],
                end=link["end"],
                url_start=url_start,
                url_end=url_end,
            )
        )


def _line_end(source: str, start: int, end: int) -> int:
    """`end` without the line break the parser counts in a heading (`# Title\n`): a finding
    about the heading ends on its own line."""
    while end > start and source[end - 1] in "\r\n":
        end -= 1
    return end


def _unescape(raw: str) -> str:
    """A link destination as the parser reads it: backslash escapes and entities decoded."""
    return _DEST_ESCAPE.sub(lambda m: m.group(1) if m.group(1) is not None else html.unescape(m.group()), raw)


def _destination(source: str, pos: int, end: int) -> tuple[int, int]:
    """The raw link destination starting at or after `pos` (CommonMark 6.3), without `<>`."""
    while pos < end and source[pos] in " \t\r\n":
        pos += 1
    if pos < end and source[pos] == "<":
        close = pos + 1
        while close < end and source[close] not in ">\n":
            close += 2 if source[close] == "\\" else 1
        return pos + 1, min(close, end)
    start, depth = pos, 0
    while pos < end:
        pos = _DEST_PLAIN.match(source, pos, end).end()  # type: ignore[union-attr]
        if pos >= end:
            break
        char = source[pos]
        if char == "\\" and pos + 1 < end:
            pos += 2
            continue
        if char in " \t\r\n" or ord(char) < 0x20 or (char == ")" and depth == 0):
            break
        depth += {"(": 1, ")": -1}.get(char, 0)
        pos += 1
    return start, pos
