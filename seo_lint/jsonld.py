"""JSON-LD helpers: entities, types and contexts, values with Liquid resolved, dates, URLs,
and the values that jekyll-seo-tag would emit for a post.

A JSON-LD block holds one entity, a top-level array of entities, or a `@graph` of them;
`@type` is a string or a list, written as a name (`BlogPosting`), a full IRI
(`https://schema.org/BlogPosting`) or a prefixed name (`schema:BlogPosting`); the schema.org
context is written with `http` or `https`, with or without a trailing slash, or as an object.
Everything here reads positions from `seo_lint.jsonpos` nodes so rules can point at keys.
"""

from __future__ import annotations

import json
import posixpath
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any
from urllib.parse import SplitResult, parse_qsl, urljoin, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from seo_lint import liquid
from seo_lint.document import Document
from seo_lint.html import JsonLdBlock
from seo_lint.jsonpos import JsonNode
from seo_lint.markdown import LIQUID

SCHEMA_ORG = re.compile(r"\Ahttps?://schema\.org/?\Z", re.IGNORECASE)
_SCHEMA_IRI = re.compile(r"\Ahttps?://schema\.org/", re.IGNORECASE)
_LIQUID_MARK = re.compile(r"\{[{%]")

#: schema.org's Article and its subtypes (Google reads Article, NewsArticle, BlogPosting).
ARTICLE_TYPES = frozenset(
    [
        "Article",
        "AdvertiserContentArticle",
        "AnalysisNewsArticle",
        "APIReference",
        "AskPublicNewsArticle",
        "BackgroundNewsArticle",
        "BlogPosting",
        "DiscussionForumPosting",
        "LiveBlogPosting",
        "MedicalScholarlyArticle",
        "NewsArticle",
        "OpinionNewsArticle",
        "Report",
        "ReportageNewsArticle",
        "ReviewNewsArticle",
        "SatiricalArticle",
        "ScholarlyArticle",
        "SocialMediaPosting",
        "TechArticle",
    ]
)
AUTHOR_TYPES = frozenset({"Person", "Organization"})


# --- entities -------------------------------------------------------------------------


@dataclass(frozen=True)
class Entity:
    """A top-level object of a block (an array item or a `@graph` member included)."""

    node: JsonNode
    types: tuple[str, ...]  # local schema.org names: ("BlogPosting",)
    context: Any  # the @context in force (None when there is none)
    context_span: tuple[int, int] | None  # where that @context is written (key to value end)
    block: JsonLdBlock
    ids: Mapping[str, JsonNode]  # objects of the block by @id, to follow references

    @property
    def type_name(self) -> str:
        return "/".join(self.types) or "entity"

    @property
    def is_article(self) -> bool:
        return any(t in ARTICLE_TYPES for t in self.types)

    @property
    def anchor(self) -> tuple[int, int]:
        """Where a finding about the whole entity points: its `"@type"` key, else its `{`."""
        return self.node.key_span("@type") or (self.node.start, self.node.start + 1)

    def resolve(self, node: JsonNode) -> JsonNode:
        """Follow a `{"@id": "#author"}` reference to the object it names in the block."""
        return deref(node, self.ids)


def entities(block: JsonLdBlock, ids: Mapping[str, JsonNode] | None = None) -> list[Entity]:
    """The block's entities; `ids` are the objects references may name (default: the block's)."""
    if block.node is None:
        return []
    if ids is None:
        ids = collect_ids([block])
    found: list[Entity] = []
    _entities(block.node, None, None, block, ids, found)
    return found


def document_entities(doc: Document) -> list[Entity]:
    """Every entity of every block; an `{"@id": ...}` may name an object of another block."""
    ids = collect_ids(doc.json_ld)
    return [entity for block in doc.json_ld for entity in entities(block, ids)]


def collect_ids(blocks: list[JsonLdBlock]) -> dict[str, JsonNode]:
    ids: dict[str, JsonNode] = {}
    for block in blocks:
        if block.node is not None:
            _collect_ids(block.node, ids)
    return ids


def _entities(
    node: JsonNode,
    context: Any,
    context_span: tuple[int, int] | None,
    block: JsonLdBlock,
    ids: Mapping[str, JsonNode],
    found: list[Entity],
) -> None:
    if isinstance(node.value, list):
        for item in node.items:
            _entities(item, context, context_span, block, ids, found)
        return
    if not isinstance(node.value, dict):
        return
    member = node.members.get("@context")
    if member is not None:
        context, context_span = member[2].value, (member[0], member[2].end)
    graph = node.get("@graph")
    if graph is not None:
        for item in values(graph):
            _entities(item, context, context_span, block, ids, found)
        if node.get("@type") is None:
            return  # a container only
    found.append(Entity(node, type_names(node, context), context, context_span, block, ids))


def _collect_ids(node: JsonNode, ids: dict[str, JsonNode]) -> None:
    stack = [node]
    while stack:
        current = stack.pop()
        if current.members:
            identifier = current.get("@id")
            if (
                identifier is not None
                and isinstance(identifier.value, str)
                and len(current.members) > 1
            ):
                ids.setdefault(identifier.value, current)
            stack.extend(child for _, _, child in current.members.values())
        stack.extend(current.items)


def deref(node: JsonNode, ids: Mapping[str, JsonNode]) -> JsonNode:
    if is_reference(node):
        identifier = node.get("@id")
        assert identifier is not None
        return ids.get(identifier.value, node)
    return node


def is_reference(node: JsonNode) -> bool:
    """`{"@id": "https://example.com/#jane"}`: a pointer to an object described elsewhere."""
    identifier = node.get("@id")
    return len(node.members) == 1 and identifier is not None and isinstance(identifier.value, str)


def is_schema_org(context: Any) -> bool:
    """`https://schema.org`, `http://schema.org/`, `{"@vocab": ...}`, or a list holding one."""
    if isinstance(context, str):
        return bool(SCHEMA_ORG.match(context.strip()))
    if isinstance(context, list):
        return any(is_schema_org(item) for item in context)
    if isinstance(context, dict):
        return any(isinstance(v, str) and SCHEMA_ORG.match(v.strip()) for v in context.values())
    return False


def _prefixes(context: Any) -> set[str]:
    """Prefixes bound to schema.org in a context object (`{"schema": "https://schema.org/"}`)."""
    if isinstance(context, list):
        return set().union(*(_prefixes(item) for item in context)) if context else set()
    if isinstance(context, dict):
        return {k for k, v in context.items() if isinstance(v, str) and SCHEMA_ORG.match(v.strip())}
    return set()


def type_names(node: JsonNode, context: Any = None) -> tuple[str, ...]:
    """The @type of an object as local schema.org names (a string or a list of them)."""
    child = node.get("@type")
    if child is None:
        return ()
    values = child.value if isinstance(child.value, list) else [child.value]
    prefixes = _prefixes(context)
    names: list[str] = []
    for value in values:
        if not isinstance(value, str):
            continue
        name = _SCHEMA_IRI.sub("", value.strip())
        prefix, colon, local = name.partition(":")
        if colon and prefix in prefixes | {"schema"}:
            name = local
        names.append(name)
    return tuple(names)


def walk(node: JsonNode, path: str = "") -> Iterator[tuple[str, str, int, int, JsonNode]]:
    """Every member below `node` as (dotted path, key, key_start, key_end, value node)."""
    stack: list[tuple[JsonNode, str]] = [(node, path)]
    while stack:
        current, prefix = stack.pop()
        for key, (key_start, key_end, child) in current.members.items():
            dotted = f"{prefix}.{key}" if prefix else key
            yield dotted, key, key_start, key_end, child
            if child.members or child.items:
                stack.append((child, dotted))
        for item in current.items:
            stack.append((item, prefix))


def values(node: JsonNode) -> list[JsonNode]:
    """A property's values: the items of an array, else the node itself."""
    return list(node.items) if isinstance(node.value, list) else [node]


def nodes(node: JsonNode) -> Iterator[JsonNode]:
    """Every value node of a tree, the root included."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(child for _, _, child in current.members.values())
        stack.extend(current.items)


# --- text values, Liquid resolved ----------------------------------------------------


@dataclass(frozen=True)
class Text:
    """A string value of the block as the built page will have it."""

    value: str
    liquid: bool = False  # rendered from Liquid: compared, never rewritten by a fix


def scope(doc: Document) -> liquid.Scope:
    return liquid.Scope(doc.meta, doc.settings.site)


def text_of(doc: Document, node: JsonNode | None) -> Text | None:
    """The string a value will be once Jekyll renders it; None if not a string or not knowable."""
    if node is None:
        return None
    raw = doc.source[node.start : node.end]
    if not _LIQUID_MARK.search(raw) and not _starts_liquid(doc, node):
        return Text(node.value) if isinstance(node.value, str) else None
    if raw.startswith('"'):
        return _template(doc, raw[1:-1])
    tag = LIQUID.match(doc.source, node.start)
    output = liquid.parse_output(tag.group()) if tag else None
    if output is None or output.filters != ("jsonify",):
        return None
    value = liquid.lookup(output.path, scope(doc))
    return Text(value, True) if isinstance(value, str) else None


def _starts_liquid(doc: Document, node: JsonNode) -> bool:
    return doc.source.startswith("{{", node.start) or doc.source.startswith("{%", node.start)


def _template(doc: Document, inner: str) -> Text | None:
    parts: list[str] = []
    position = 0
    for match in LIQUID.finditer(inner):
        literal = _json_string(inner[position : match.start()])
        rendered = liquid.render_tag(match.group(), scope(doc))
        if literal is None or isinstance(rendered, liquid.Opaque):
            return None
        parts += [literal, rendered]
        position = match.end()
    tail = _json_string(inner[position:])
    return None if tail is None else Text("".join(parts) + tail, True)


def _json_string(raw: str) -> str | None:
    try:
        value = json.loads('"' + raw + '"')
    except ValueError:
        return None
    return value if isinstance(value, str) else None


def breaking_outputs(doc: Document, node: JsonNode) -> Iterator[tuple[int, int, str, str]]:
    """`{{ x }}` outputs inside a JSON string whose value would break the string once rendered.

    Yields (start, end, tag, rendered value) for a value holding `"`, `\\` or a control character.
    """
    raw = doc.source[node.start : node.end]
    if not raw.startswith('"') or not _LIQUID_MARK.search(raw):
        return
    for match in LIQUID.finditer(raw, 1, len(raw) - 1):
        rendered = liquid.render_tag(match.group(), scope(doc))
        if isinstance(rendered, str) and re.search(r'["\\\x00-\x1f]', rendered):
            yield node.start + match.start(), node.start + match.end(), match.group(), rendered


def json_literal(text: str) -> str:
    """A JSON string literal that is also safe inside `<script>` (no `</`)."""
    return json.dumps(text, ensure_ascii=False).replace("</", "<\\/")


def same_text(a: str, b: str) -> bool:
    """Equal after NFKC, trimming and collapsing white space (case kept)."""
    return _fold(a) == _fold(b)


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def quote(text: str, limit: int = 80) -> str:
    """A value for a message: in double quotes, cut in the middle when long."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        half = (limit - 1) // 2
        flat = flat[:half] + "…" + flat[-half:]
    return json.dumps(flat, ensure_ascii=False)


# --- dates ----------------------------------------------------------------------------

_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?"
    r"([Zz]|[+-]\d{2}(?::?\d{2})?)?)?"
)
# What YAML (and so Jekyll) accepts in front matter: a space for `T`, one-digit parts, ` +0900`.
_LOOSE = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?"
    r"[ \t]*([Zz]|[+-]\d{1,2}(?::?\d{2})?)?)?"
)


@dataclass(frozen=True)
class When:
    """A date or a date-time as written, read as an instant where it has a time."""

    text: str
    day: date
    moment: datetime | None  # timezone-aware; None for a date alone
    has_timezone: bool

    def local_day(self, zone: tzinfo) -> date:
        return self.moment.astimezone(zone).date() if self.moment else self.day

    def iso(self) -> str:
        """ISO 8601 with the timezone: the text when it already is, else rebuilt."""
        if self.moment is None:
            return self.day.isoformat()
        if self.has_timezone and parse_iso(self.text, timezone.utc) is not None:
            return self.text.strip()
        moment = self.moment
        text = moment.strftime("%Y-%m-%dT%H:%M:%S")
        if moment.microsecond:
            text += f".{moment.microsecond:06d}".rstrip("0")
        return text + _offset(moment)


def _offset(moment: datetime) -> str:
    delta = moment.utcoffset() or timedelta(0)
    minutes = int(delta.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def zone(doc: Document) -> tzinfo:
    """The site timezone (Jekyll's `timezone`), UTC when unknown."""
    try:
        return ZoneInfo(doc.settings.timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.utc


def parse_iso(text: str, site_zone: tzinfo) -> When | None:
    """Strict ISO 8601 (what JSON-LD needs): `2025-01-10`, `2025-01-10T09:00:00+09:00`."""
    match = _ISO.fullmatch(text.strip())
    return _when(text, match, site_zone) if match else None


def parse_loose(value: Any, site_zone: tzinfo) -> When | None:
    """A front matter date: YAML's forms (`2025-01-10 09:00:00 +0900`) or a TOML date(time)."""
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=site_zone)
        return When(value.isoformat(), value.date(), moment, value.tzinfo is not None)
    if isinstance(value, date):
        return When(value.isoformat(), value, None, False)
    if not isinstance(value, str):
        return None
    match = _LOOSE.fullmatch(value.strip())
    return _when(value, match, site_zone) if match else None


def _when(text: str, match: re.Match[str], site_zone: tzinfo) -> When | None:
    year, month, day_, hour, minute, second, fraction, offset = match.groups()
    try:
        day = date(int(year), int(month), int(day_))
        if hour is None:
            return When(text, day, None, False)
        micro = int((fraction or "0")[:6].ljust(6, "0"))
        tz = _parse_offset(offset) if offset else site_zone
        moment = datetime(
            day.year, day.month, day.day, int(hour), int(minute), int(second or 0), micro, tz
        )
    except ValueError:
        return None
    return When(text, day, moment, offset is not None)


def _parse_offset(text: str) -> tzinfo:
    if text in ("Z", "z"):
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    hours, _, minutes = text[1:].partition(":")
    if not minutes and len(hours) > 2:
        hours, minutes = hours[:-2], hours[-2:]
    return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes or 0)))


def same_time(a: When, b: When, site_zone: tzinfo) -> bool:
    """Same instant; when either is a date alone, same calendar day in the site timezone."""
    if a.moment is not None and b.moment is not None:
        return a.moment == b.moment
    return a.local_day(site_zone) == b.local_day(site_zone)


def before(a: When, b: When, site_zone: tzinfo) -> bool:
    if a.moment is not None and b.moment is not None:
        return a.moment < b.moment
    return a.local_day(site_zone) < b.local_day(site_zone)


def apart(a: When, b: When, site_zone: tzinfo) -> str:
    """`9 hours apart`, `2 days apart`: how far two dates are, for messages."""
    if a.moment is not None and b.moment is not None:
        seconds = abs((a.moment - b.moment).total_seconds())
    else:
        seconds = abs((a.local_day(site_zone) - b.local_day(site_zone)).days) * 86400
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            amount = seconds / size
            shown = f"{amount:.0f}" if amount == int(amount) else f"{amount:.1f}"
            return f"{shown} {unit}{'' if shown == '1' else 's'} apart"
    shown = f"{seconds:g}"
    return f"{shown} second{'' if shown == '1' else 's'} apart"


# --- URLs -----------------------------------------------------------------------------


def base_url(doc: Document) -> str | None:
    """The site's public URL: the configured base URL, else `url` + `baseurl` of `_config.yml`."""
    if doc.settings.base_url:
        return doc.settings.base_url
    site = doc.settings.site
    url = site.get("url")
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        return None
    baseurl = site.get("baseurl")
    return url.rstrip("/") + (
        "/" + baseurl.strip("/") if isinstance(baseurl, str) and baseurl.strip("/") else ""
    )


def absolute(url: str, base: str | None) -> str | None:
    """`url` made absolute: as is when it has a scheme, `https:` before `//host`, and a
    root-relative path against the site's host; None when that cannot be known."""
    url = url.strip()
    try:
        if urlsplit(url).scheme:
            return url
    except ValueError:
        return None
    if url.startswith("//"):
        return "https:" + url
    if base is None or not url.startswith("/"):
        return None
    try:
        return urljoin(base, url)
    except ValueError:  # an invalid IPv6 host in the site's URL
        return None


def url_differences(a: str, b: str, base: str | None) -> list[str]:
    """What differs between two URLs once scheme, host case and parameter order are normalised.

    http and https count as the same (LD011 reports http); an empty list means equal.
    """
    a_abs, b_abs = absolute(a, base), absolute(b, base)
    if a_abs is not None and b_abs is not None:
        a, b = a_abs, b_abs
        compare_host = True
    else:
        compare_host = False
    try:
        first, second = urlsplit(a.strip()), urlsplit(b.strip())
    except ValueError:  # an invalid IPv6 host: compare as written
        return [] if a.strip() == b.strip() else [f"{a.strip()} vs {b.strip()}"]
    found: list[str] = []
    if compare_host:
        host_a, host_b = _host(first), _host(second)
        if host_a != host_b:
            found.append(f"host {host_a} vs {host_b}")
    path_a, path_b = first.path or "/", second.path or "/"
    if path_a != path_b:
        found.append(f"path {path_a} vs {path_b}")
    query = _query_difference(first.query, second.query)
    if query:
        found.append("query " + query)
    if first.fragment != second.fragment:
        found.append(f"fragment #{first.fragment} vs #{second.fragment}")
    return found


def _host(parts: SplitResult) -> str:
    try:
        port = parts.port
    except ValueError:  # an invalid port: compare the location as written
        return parts.netloc.lower()
    host = (parts.hostname or "").lower()
    return f"{host}:{port}" if port not in (None, 80, 443) else host


def _query_difference(a: str, b: str) -> str:
    pairs_a, pairs_b = parse_qsl(a, keep_blank_values=True), parse_qsl(b, keep_blank_values=True)
    keys = list(dict.fromkeys([k for k, _ in pairs_a] + [k for k, _ in pairs_b]))
    shown_a: list[str] = []
    shown_b: list[str] = []
    for key in keys:
        values_a = [f"{k}={v}" for k, v in pairs_a if k == key]
        values_b = [f"{k}={v}" for k, v in pairs_b if k == key]
        if values_a != values_b:
            shown_a += values_a
            shown_b += values_b
    if not shown_a and not shown_b:
        return ""
    return f"{'&'.join(shown_a) or '(none)'} vs {'&'.join(shown_b) or '(none)'}"


# --- what the post says about itself (jekyll-seo-tag's mapping) ----------------------


@dataclass(frozen=True)
class Fact:
    value: Any  # str, or a When for dates
    source: str  # "front matter title", "site author", "file name date"


_MODIFIED_KEYS = ("last_modified_at", "lastmod", "modified", "updated")
_HANDLE = re.compile(r"\A[a-z0-9][a-z0-9_.-]*\Z")


def uses_seo_tag(site: Mapping[str, Any]) -> bool:
    """`_config.yml` lists jekyll-seo-tag in `plugins` (or the older `gems`)."""
    for key in ("plugins", "gems"):
        listed = site.get(key)
        if isinstance(listed, list) and "jekyll-seo-tag" in listed:
            return True
    return False


def seo_tag_type(doc: Document) -> str | None:
    """The @type jekyll-seo-tag emits for this page, or None when the site does not use it.

    jekyll-seo-tag: `seo.type` from the front matter, else WebSite for the home and about
    pages, else BlogPosting when the page has a date (every post has one), else WebPage.
    """
    if not uses_seo_tag(doc.settings.site):
        return None
    seo = doc.meta.get("seo")
    if isinstance(seo, dict) and isinstance(seo.get("type"), str):
        return str(seo["type"])
    stem = posixpath.splitext(posixpath.basename(doc.path.replace("\\", "/")))[0]
    if stem in ("index", "about"):
        return "WebSite"
    folders = f"/{posixpath.dirname(doc.path.replace(chr(92), '/'))}/"
    if "date" in doc.meta or doc.jekyll_name or "/_posts/" in folders:
        return "BlogPosting"
    return "WebPage"


def author_names(doc: Document) -> tuple[list[str], str]:
    """The post's author names and where they come from (front matter, else site author)."""
    for key in ("author", "authors"):
        names = _names(doc.meta.get(key))
        if names:
            return names, "front matter author"
    names = _names(doc.settings.site.get("author"))
    return (names, "site author") if names else ([], "")


def _names(value: Any) -> list[str]:
    if isinstance(value, str) and value.strip():
        return [value.strip()]
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return [value["name"].strip()]
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def is_handle(name: str) -> bool:
    """`jdoe`: a key into `_data/authors.yml` (which seo-lint does not read), not a name."""
    return bool(_HANDLE.match(name))


def published(doc: Document, site_zone: tzinfo) -> Fact | None:
    """The post's date: front matter `date`, else the date in a Jekyll file name."""
    if "date" in doc.meta:
        when = parse_loose(doc.meta.get("date"), site_zone)
        return Fact(when, "front matter date") if when is not None else None
    if doc.jekyll_name:
        when = parse_loose(doc.jekyll_name[:10], site_zone)
        if when is not None:
            return Fact(when, "file name date")
    return None


def modified(doc: Document, site_zone: tzinfo) -> Fact | None:
    for key in _MODIFIED_KEYS:
        when = parse_loose(doc.meta.get(key), site_zone)
        if when is not None:
            return Fact(when, f"front matter {key}")
    return None


def front_image(doc: Document) -> Fact | None:
    images = doc.front_matter_images
    return Fact(images[0].url, f"front matter {images[0].key}") if images else None


def seo_tag_facts(doc: Document, site_zone: tzinfo) -> dict[str, Fact]:
    """The values of the BlogPosting that jekyll-seo-tag builds from the front matter."""
    facts: dict[str, Fact] = {}
    if doc.title:
        facts["headline"] = Fact(doc.title, "front matter title")
    if doc.description:
        facts["description"] = Fact(doc.description, "front matter description")
    image = front_image(doc)
    if image is not None:
        facts["image"] = image
    names, source = author_names(doc)
    if names:
        facts["author"] = Fact(names[0], source)
    date_fact = published(doc, site_zone)
    if date_fact is not None:
        facts["datePublished"] = date_fact
    modified_fact = modified(doc, site_zone) or date_fact
    if modified_fact is not None:
        facts["dateModified"] = modified_fact
    return facts
