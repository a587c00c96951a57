"""HTML inside posts: images, links, headings, visible text and JSON-LD blocks.

beautifulsoup4 (with the standard library's html.parser, which records where each tag
starts) reads only the HTML fragments that exist. Attribute values are then located in the
raw tag text so that a finding or a fix points at their exact characters.
"""

from __future__ import annotations

import html
import re
import warnings
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from seo_lint import jsonpos
from seo_lint.markdown import LIQUID, Block, Fragment, Heading, Image, Link, TextRun

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag


@cache
def _bs4() -> Any:
    """beautifulsoup4, imported on first use (~0.15 s): a post without HTML, or with plain HTML
    only (`_simple_tree`), never needs it."""
    import bs4

    return bs4

JSON_LD = re.compile(
    r"<script\b[^>]{0,500}?type\s*=\s*[\"']?application/ld\+json[\"']?[^>]{0,500}>",
    re.IGNORECASE,
)
_SCRIPT_END = re.compile(r"</script\s*>", re.IGNORECASE)
#: A comma standing alone between two Liquid tags: `{% unless forloop.last %},{% endunless %}`.
_LONE_COMMA = re.compile(r"(?<=%\})[ \t\r\n]{0,200},(?=[ \t\r\n]{0,200}\{%)")
_BLOCK_TAGS = frozenset(
    ["p", "li", "td", "th", "dd", "dt", "blockquote", "figcaption", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "article", "aside", "header", "footer", "nav", "main", "summary", "details"]
)
_INVISIBLE = frozenset({"script", "style", "template", "noscript"})
#: Largest JSON-LD block parsed, in characters.
MAX_JSON_LD = 1_000_000


@dataclass(frozen=True)
class JsonLdBlock:
    start: int  # the <script> tag
    end: int  # after </script>
    content_start: int
    content_end: int
    node: jsonpos.JsonNode | None  # parsed value (Liquid tags blanked when needed)
    error: str | None = None
    error_pos: int = -1
    liquid: bool = False  # the content holds Liquid tags


@dataclass
class HtmlModel:
    images: list[Image]
    links: list[Link]
    headings: list[Heading]
    blocks: list[Block]


# One attribute of a start tag: name, then an optional value (quoted values may hold `>`).
_ATTRIBUTE = re.compile(r"""[\s/]*([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_TAG_NAME = re.compile(r"<[^\s/>]*")


def _attributes(source: str, tag_start: int, limit: int) -> Iterator[re.Match[str]]:
    """The attributes of the start tag at `tag_start`, in order, never inside another's value."""
    name = _TAG_NAME.match(source, tag_start, limit)
    position = name.end() if name else tag_start
    while position < limit:
        match = _ATTRIBUTE.match(source, position, limit)
        if match is None or match.end() == position:
            return
        yield match
        position = match.end()


def attribute_span(source: str, tag_start: int, tag_end: int, name: str) -> tuple[int, int] | None:
    """The span of an attribute's value (without quotes) inside source[tag_start:tag_end]."""
    for match in _attributes(source, tag_start, tag_end):
        if match.group(1).lower() == name.lower():
            group = next((i for i in (2, 3, 4) if match.group(i) is not None), None)
            return (match.start(group), match.end(group)) if group else None
    return None


def _tag_end(source: str, start: int, limit: int) -> int:
    """After the `>` that closes the tag at `start` (a `>` inside a quoted value does not)."""
    position = start
    for match in _attributes(source, start, limit):
        position = match.end()
    end = source.find(">", position, limit)
    return limit if end == -1 else end + 1


def parse_fragments(source: str, fragments: list[Fragment]) -> HtmlModel:
    model = HtmlModel([], [], [], [])
    for fragment in fragments:
        if _holds_nothing_visible(fragment.text):
            continue
        _parse_fragment(source, fragment, model)
    return model


#: A plainly written `<script ...>` start tag (simple attributes only; anything else is parsed).
_PLAIN_SCRIPT_TAG = re.compile(
    r"""\s*<script(?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]{0,100}(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'=<>`]+))?){0,50}\s*>""",
    re.IGNORECASE,
)
_SCRIPT_END_ANY = re.compile(r"</\s*script", re.IGNORECASE)
_SCRIPT_END_LAST = re.compile(r"</script>\s*", re.IGNORECASE)


def _holds_nothing_visible(text: str) -> bool:
    """A fragment that is one comment, or one `<script>` element (JSON-LD), and nothing else:
    it has no image, link, heading or visible text, so it need not be parsed. The script must
    be plainly written, its only `</script` the `</script>` at the very end (so that no
    html.parser version ends it elsewhere)."""
    stripped = text.strip()
    if stripped.startswith("<!--"):
        return stripped.find("-->", 4) == len(stripped) - 3
    opening = _PLAIN_SCRIPT_TAG.match(text)
    if opening is None:
        return False
    close = _SCRIPT_END_ANY.search(text, opening.end())
    return close is not None and _SCRIPT_END_LAST.fullmatch(text, close.start()) is not None


def _soup(text: str) -> BeautifulSoup:
    """The parsed fragment. html.parser rejects `<![` not followed by a name (`<![- x`);
    browsers read it as a bogus comment up to the next `>`, as html.parser reads `<!x`
    (same length, so every offset holds). Markup rejected even then yields nothing."""
    bs4 = _bs4()
    soup: BeautifulSoup
    with warnings.catch_warnings():  # a fragment that looks like a URL is still HTML
        warnings.simplefilter("ignore", bs4.MarkupResemblesLocatorWarning)
        try:
            soup = bs4.BeautifulSoup(text, "html.parser")
        except bs4.ParserRejectedMarkup:
            try:
                soup = bs4.BeautifulSoup(text.replace("<![", "<!x"), "html.parser")
            except bs4.ParserRejectedMarkup:
                soup = bs4.BeautifulSoup("", "html.parser")
    return soup


def _parse_fragment(source: str, fragment: Fragment, model: HtmlModel) -> None:
    own_text: Callable[[Any, frozenset[str]], str]
    strings: Iterable[tuple[str, Any]]
    elements: list[tuple[Any, int]]  # the images, links and headings, with their offsets
    simple = _simple_tree(fragment.text)
    if simple is None:
        soup = _soup(fragment.text)
        line_starts = [0] + [m.end() for m in re.finditer("\n", fragment.text)]
        elements = [
            (tag, fragment.start + line_starts[min((tag.sourceline or 1) - 1, len(line_starts) - 1)] + (tag.sourcepos or 0))
            for tag in soup.find_all(True)
            if tag.name.lower() in _WANTED
        ]
        own_text, strings = _own_text, _visible_strings(soup)
    else:
        nodes, strings = simple
        elements = [(node, fragment.start + node.offset) for node in nodes if node.name in _WANTED]
        own_text = _node_text

    closers: dict[str, list[int]] = {}

    def closing(name: str, after: int) -> int:
        """`source.find("</" + name, after, fragment.end)`, without rescanning the rest of the
        fragment for every unclosed tag (quadratic for thousands of them)."""
        found = closers.get(name)
        if found is None:
            pattern = re.compile(re.escape("</" + name))
            found = closers[name] = [m.start() for m in pattern.finditer(source, fragment.start, fragment.end)]
        index = bisect_left(found, after)
        return found[index] if index < len(found) else -1

    for tag, start in elements:
        name = tag.name.lower()
        tag_end = _tag_end(source, start, fragment.end)
        if name in ("img", "source"):
            model.images.extend(_images(source, tag, name, start, tag_end))
        elif name == "a":
            href = tag.get("href")
            if isinstance(href, str):
                span = attribute_span(source, start, tag_end, "href") or (start, tag_end)
                close = closing("a", tag_end)
                end = _tag_end(source, close, fragment.end) if close != -1 else tag_end
                model.links.append(Link(href, own_text(tag, _LINK), start, end, span[0], span[1], "html"))
        else:
            close = closing(name, tag_end)
            end = _tag_end(source, close, fragment.end) if close != -1 else tag_end
            anchor = tag.get("id")
            model.headings.append(
                Heading(
                    int(name[1]),
                    own_text(tag, _HEADINGS),
                    start,
                    end,
                    origin="html",
                    anchor=anchor if isinstance(anchor, str) else None,
                )
            )
    if not fragment.inline:
        model.blocks.extend(_blocks(source, fragment, strings))


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LINK = frozenset({"a"})
_WANTED = _HEADINGS | {"img", "source", "a"}


def _own_text(tag: Tag, skip: frozenset[str]) -> str:
    """`tag.get_text(" ", strip=True)` without the text of nested `skip` elements.

    An unclosed `<h2>` (or `<a>`) contains every later one; get_text() on each of them
    would read the rest of the fragment every time (quadratic). A nested heading is its own
    heading, a nested link its own link: their text is left to them.
    """
    bs4 = _bs4()
    parts: list[str] = []
    stack: list[Any] = list(reversed(tag.contents))
    while stack:
        node = stack.pop()
        if isinstance(node, bs4.Tag):
            if node.name not in skip:
                stack.extend(reversed(node.contents))
        elif type(node) in (bs4.NavigableString, bs4.CData):
            text = node.strip()
            if text:
                parts.append(text)
    return " ".join(parts)


# --- plain, well-formed fragments without bs4 ---------------------------------------------

#: Elements that html.parser and bs4 treat alike (no raw text, no special strings, no kept
#: white space, no implied ends; `source` and `picture` are left to bs4), and those of them
#: that are void.
_SIMPLE_NAMES = frozenset(
    ["a", "abbr", "article", "aside", "b", "blockquote", "br", "cite", "code", "dd", "div", "dl", "dt", "em",
     "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "kbd",
     "li", "main", "mark", "nav", "ol", "p", "section", "small", "span", "strong", "sub", "sup", "table",
     "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul"]
)
_SIMPLE_VOID = frozenset({"br", "hr", "img"})
#: bs4's multi-valued attributes (its DEFAULT_CDATA_LIST_ATTRIBUTES): of every element, and
#: of those of `_SIMPLE_NAMES` that have more. Their value is a list of its words.
_LISTED = frozenset({"class", "accesskey", "dropzone"})
_LIST_ATTRIBUTES = {"a": _LISTED | {"rel", "rev"}, "td": _LISTED | {"headers"}, "th": _LISTED | {"headers"}}
#: A start or end tag written plainly (lower-case names, ASCII white space, quoted values
#: without `<` or `>`), or text up to the next `<`.
_SIMPLE_PIECE = re.compile(
    r"""<(/?)([a-z][a-z0-9]*)((?:[ \t\r\n]+[a-z][a-z0-9-]*(?:="[^"<>]*"|='[^'<>]*')?)*)[ \t\r\n]*(/?)>|[^<]+"""
)
_SIMPLE_ATTRIBUTE = re.compile(r"""([a-z][a-z0-9-]*)(?:="([^"]*)"|='([^']*)')?""")


class _Node:
    """An element of a plain fragment, with what bs4's Tag would hold (no link to its parent:
    the tree has no cycle, so it is freed as soon as it is read)."""

    __slots__ = ("attrs", "contents", "name", "offset")

    def __init__(self, name: str, attrs: dict[str, Any], offset: int) -> None:
        self.name = name
        self.attrs = attrs
        self.offset = offset  # of its `<` in the fragment
        self.contents: list[_Node | str] = []

    def get(self, key: str) -> Any:
        return self.attrs.get(key)


def _simple_tree(text: str) -> tuple[list[_Node], list[tuple[str, _Node]]] | None:
    """The elements (in document order) and the stripped visible strings with their blocks
    (the nearest block-level element holding each, else the document) of a fragment that is
    plain, well-formed HTML: only `_SIMPLE_NAMES`, plainly written tags, every element closed
    in order, nothing but text without `&` between tags. Read as html.parser and bs4 read it
    (references in attribute values decoded, multi-valued attributes split), without them;
    None for any other fragment (bs4 parses it)."""
    root = _Node("[document]", {}, 0)
    stack = [(root, root)]  # open elements, each with its block
    elements: list[_Node] = []
    strings: list[tuple[str, _Node]] = []
    position = 0
    for piece in _SIMPLE_PIECE.finditer(text):
        if piece.start() != position:
            return None
        position = piece.end()
        parent, owner = stack[-1]
        closing, name, attributes, slash = piece.groups()
        if name is None:
            data = piece.group()
            if "&" in data:  # bs4 decodes references in text its own way
                return None
            parent.contents.append(data)
            if stripped := data.strip():
                strings.append((stripped, owner))
        elif name not in _SIMPLE_NAMES:
            return None
        elif closing:
            if attributes or slash or parent.name != name or parent is root:
                return None
            stack.pop()
        else:
            void = name in _SIMPLE_VOID
            if slash and not void:
                return None
            listed = _LIST_ATTRIBUTES.get(name, _LISTED)
            attrs: dict[str, Any] = {}
            for key, double, single in _SIMPLE_ATTRIBUTE.findall(attributes):
                if key in attrs:
                    return None
                value = double or single
                value = html.unescape(value) if "&" in value else value
                attrs[key] = value.split() if key in listed else value
            node = _Node(name, attrs, piece.start())
            parent.contents.append(node)
            elements.append(node)
            if not void:
                stack.append((node, node if name in _BLOCK_TAGS else owner))
    if position != len(text) or len(stack) > 1:
        return None
    return elements, strings


def _node_text(node: _Node, skip: frozenset[str]) -> str:
    """`_own_text` of a plain fragment's element."""
    parts: list[str] = []
    stack: list[_Node | str] = list(reversed(node.contents))
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if text := item.strip():
                parts.append(text)
        elif item.name not in skip:
            stack.extend(reversed(item.contents))
    return " ".join(parts)


def _images(source: str, tag: Tag, name: str, start: int, tag_end: int) -> Iterator[Image]:
    """An `<img>` (its `src`) and every other image URL the tag holds: the candidates of a
    `srcset` (`<source>`, responsive `<img>`) and lazy loading's `data-src` / `data-srcset`.
    Those others carry the element's name with what they are (`img srcset`, ...): URL rules
    check them, alt-text rules look at the `<img>` alone."""
    attributes = tuple((key, value if isinstance(value, str) else " ".join(value)) for key, value in tag.attrs.items())
    if name == "img":
        src = tag.get("src")
        if isinstance(src, str):
            span = attribute_span(source, start, tag_end, "src") or (start, tag_end)
            alt = tag.get("alt")
            yield Image(
                src, alt if isinstance(alt, str) else None, start, tag_end, span[0], span[1], "html",
                title=str(tag.get("title") or ""), attributes=(("element", "img"),) + attributes,
            )
        data_src = tag.get("data-src")
        if isinstance(data_src, str) and data_src.strip():
            data_span = attribute_span(source, start, tag_end, "data-src")
            if data_span is not None:
                yield Image(data_src, None, start, tag_end, data_span[0], data_span[1], "html",
                            attributes=(("element", "img data-src"),) + attributes)
        for key in ("srcset", "data-srcset"):
            yield from _srcset(source, tag, start, tag_end, key, None, (("element", f"img {key}"),) + attributes)
        return
    picture_img = tag.parent.find("img") if tag.parent is not None else None
    alt_value = picture_img.get("alt") if isinstance(picture_img, _bs4().Tag) else None
    yield from _srcset(source, tag, start, tag_end, "srcset", alt_value if isinstance(alt_value, str) else None,
                       (("element", "source"),) + attributes)


def _srcset(source: str, tag: Tag, start: int, tag_end: int, key: str, alt: str | None,
            attributes: tuple[tuple[str, str], ...]) -> Iterator[Image]:
    """Each URL of the tag's `key` attribute, a srcset (`a.jpg 1x, b.jpg 2x`), located in the source."""
    srcset = tag.get(key)
    span = attribute_span(source, start, tag_end, key) if isinstance(srcset, str) else None
    if span is None:
        return
    for candidate in re.finditer(r"[^\s,][^\s]*", source[span[0] : span[1]]):
        raw = candidate.group().rstrip(",")
        if re.fullmatch(r"\d+(?:\.\d+)?[wx]", raw):
            continue
        url_start = span[0] + candidate.start()
        yield Image(html.unescape(raw), alt, start, tag_end, url_start, url_start + len(raw), "html",
                    attributes=attributes)


def _visible_strings(soup: BeautifulSoup) -> Iterator[tuple[str, Any]]:
    """Each string of the tree outside script-like elements, stripped (white space alone is
    left out), with its block: the nearest block-level element holding it, else the document."""
    bs4 = _bs4()
    strings, comment = bs4.NavigableString, bs4.Comment
    hidden: dict[int, Any] = {}
    owners: dict[int, Any] = {}
    for string in soup.descendants:  # what find_all(string=True) yields, without its filter
        if not isinstance(string, strings) or isinstance(string, comment) or not string:
            continue
        parent = string.parent
        if parent is None:
            continue
        invisible = hidden.get(id(parent))
        if invisible is None:
            invisible = _up(parent, hidden, _hides, False)
        if invisible:
            continue
        stripped = string.strip()
        if stripped:
            yield str(stripped), owners.get(id(parent)) or _up(parent, owners, _owns, None)


def _blocks(source: str, fragment: Fragment, strings: Iterable[tuple[str, Any]]) -> list[Block]:
    """Visible text of an HTML fragment: one block per owner (a block-level element or the
    document) of the stripped strings, each string a run located in the source after the
    previous one."""
    blocks: dict[int, Block] = {}
    cursor = fragment.start
    for stripped, owner in strings:
        at = source.find(stripped, cursor, fragment.end)
        run = TextRun(stripped, at, at + len(stripped)) if at != -1 else TextRun(stripped, cursor, cursor, False)
        if at != -1:
            cursor = at + len(stripped)
        block = blocks.get(id(owner))
        if block is None:
            kind = "heading" if owner is not None and owner.name in _HEADINGS else "html"
            level = int(owner.name[1]) if kind == "heading" and owner is not None else 0
            block = blocks[id(owner)] = Block(kind, run.start, run.end, level=level)
        block.runs.append(run)
        block.end = max(block.end, run.end)
    return list(blocks.values())


def _hides(tag: Any) -> bool | None:
    return True if tag.name in _INVISIBLE else None


def _owns(tag: Any) -> Any:
    """The tag if its text is a block of its own (the root holds what no block element does)."""
    return tag if tag.name in _BLOCK_TAGS or tag.parent is None else None


def _up(tag: Any, memo: dict[int, Any], decide: Any, default: Any) -> Any:
    """The first non-None `decide(t)` for `tag` and its ancestors (else `default`), memoised
    for every tag on the way: walking the parents of every string anew is quadratic in the
    depth (thousands of unclosed `<p>` or `<div>`)."""
    chain: list[Any] = []
    node = tag
    result = default
    while node is not None:
        if id(node) in memo:
            result = memo[id(node)]
            break
        chain.append(node)
        decided = decide(node)
        if decided is not None:
            result = decided
            break
        node = node.parent
    for item in chain:
        memo[id(item)] = result
    return result


def json_ld_blocks(source: str, fragments: list[Fragment]) -> list[JsonLdBlock]:
    found: list[JsonLdBlock] = []
    for fragment in fragments:
        for match in JSON_LD.finditer(source, fragment.start, fragment.end):
            close = _SCRIPT_END.search(source, match.end(), fragment.end)
            content_end = close.start() if close else fragment.end
            end = close.end() if close else fragment.end
            found.append(_parse_json_ld(source, match.start(), end, match.end(), content_end))
    return found


def _masker(output: str) -> Callable[[re.Match[str]], str]:
    """Blank a Liquid tag keeping its length: `{% %}` as spaces, `{{ }}` as `output` + spaces."""

    def mask(match: re.Match[str]) -> str:
        tag = match.group()
        return (" " if tag.startswith("{%") else output).ljust(len(tag))

    return mask


def _parse_json_ld(source: str, start: int, end: int, content_start: int, content_end: int) -> JsonLdBlock:
    if content_end - content_start > MAX_JSON_LD:
        return JsonLdBlock(
            start, end, content_start, content_end, None,
            f"JSON-LD block is {content_end - content_start:,} characters (max {MAX_JSON_LD:,})", content_start,
        )
    content = source[content_start:content_end]
    liquid = bool(LIQUID.search(content))
    try:
        node = jsonpos.parse_document(source, content_start, content_end)
        return JsonLdBlock(start, end, content_start, content_end, node, liquid=liquid)
    except jsonpos.JsonPosError as error:
        first_error = error
    if liquid:
        # Invalid only because of Liquid? Blank the tags (same length) and try again: outputs as
        # blanks or as `0` (a bare `{{ x | jsonify }}` value), then also without the lone commas
        # that loops write between tags (`{% unless forloop.last %},{% endunless %}`).
        for output, lone_commas in ((" ", False), ("0", False), (" ", True), ("0", True)):
            masked = LIQUID.sub(
                _masker(output), content
            )
            if lone_commas:
                chars = list(masked)
                for comma in _LONE_COMMA.finditer(content):
                    chars[comma.end() - 1] = " "
                masked = "".join(chars)
            try:
                node = jsonpos.parse_document(source[:content_start] + masked, content_start)
                return JsonLdBlock(start, end, content_start, content_end, node, liquid=True)
            except jsonpos.JsonPosError as error:
                if (output, lone_commas) == ("0", False):
                    first_error = error  # where the JSON around the tags is wrong
    return JsonLdBlock(
        start, end, content_start, content_end, None, first_error.message, first_error.pos, liquid
    )
