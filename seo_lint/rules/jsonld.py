"""JSON-LD rules (LD001–LD011): structured data checked against the post it describes.

Sources: Google Search Central's Article structured data guidance, the Rich Results Test's
wording, and what jekyll-seo-tag emits (../shared/reference/seo-thresholds.md, JSON-LD).
Findings point at the key inside the block; fixes rewrite only the value's characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from urllib.parse import urlsplit

from seo_lint import jsonld
from seo_lint.document import Document
from seo_lint.findings import Fix, FixAvailability, FixSafety, Severity, Violation
from seo_lint.jsonld import Entity, Text, When
from seo_lint.jsonpos import JsonNode
from seo_lint.registry import NoOptions, rule

_RECOMMENDED = ("headline", "image", "datePublished", "dateModified")
DATE_KEYS = frozenset(
    [
        "dateCreated",
        "dateModified",
        "datePublished",
        "uploadDate",
        "startDate",
        "endDate",
        "expires",
        "validFrom",
        "validThrough",
        "availabilityStarts",
        "availabilityEnds",
        "priceValidUntil",
    ]
)
URL_KEYS = frozenset({"image", "logo", "url", "mainEntityOfPage"})

_BY = re.compile(
    r"\A\s*(?:(?:written|posted|text|words|photos?|article)\s+)?by\b\s*:?"
    r"|\A\s*(?:著者|筆者|執筆者?|文|著)\s*[:：/／]",
    re.IGNORECASE,
)
_JOB_TITLE = re.compile(
    r"\b(?:CEO|CTO|CFO|COO|CMO|CIO|VP|co-?founder|founder|editor-in-chief|editor|writer|"
    r"journalist|reporter|engineer|developer|designer|manager|director|president|professor|"
    r"consultant|marketer|analyst)\b"
    r"|代表取締役|取締役|社長|会長|編集長|編集者|記者|ライター|エンジニア|デザイナー|部長|課長|教授|"
    r"マネージャー|コンサルタント|アナリスト",
    re.IGNORECASE,
)
#: `(?<!\s)`: a separator starts where the spaces start (same matches; linear on long runs of spaces).
_NAME_SEPARATOR = re.compile(r"(?<!\s)\s+and\s+|(?:(?<!\s)\s+)?[&＆、;；]\s*", re.IGNORECASE)
_KATAKANA = re.compile("[\u30a0-\u30fa\u30fc-\u30ff]")
_NAME_SUFFIX = re.compile(
    r"\A(?:jr|sr|ii|iii|iv|ph\.?\s?d|m\.?d|esq|inc|ltd|llc|llp|co|corp|gmbh|k\.?k)\.?\Z",
    re.IGNORECASE,
)


_KINDS = {str: "a string", int: "a number", float: "a number", bool: "a boolean"}


def _entities(doc: Document) -> tuple[Entity, ...]:
    """`jsonld.document_entities`, found once for all the LD rules of the document."""
    return doc.memo("jsonld.document_entities", lambda: tuple(jsonld.document_entities(doc)))


def _articles(doc: Document) -> list[Entity]:
    return [entity for entity in _entities(doc) if entity.is_article]


def _member(entity: Entity, key: str) -> tuple[int, JsonNode] | None:
    """(key start, value node) of a property of the entity."""
    member = entity.node.members.get(key)
    return (member[0], member[2]) if member else None


# --- LD001 ----------------------------------------------------------------------------


@rule("LD001", "jsonld-syntax", Severity.ERROR)
def jsonld_syntax(doc: Document, opts: NoOptions) -> Iterator[Violation]:
    """## What it does
    Flags a `<script type="application/ld+json">` block that is not valid JSON, at the exact
    line and column of the problem (a missing comma, a trailing comma, an unclosed string).
    Liquid tags are blanked before parsing, so a block that is invalid only because of
    Liquid is not flagged; but a `{{ page.title }}` inside a JSON string whose value holds a
    double quote or a backslash is, because the built page will have invalid JSON.

    ## Why is this bad?
    Search engines drop a block they cannot parse, silently: the post loses its rich result.

    ## Example
    ```markdown
    ---
    title: "Static site SEO"
    ---

    Body.

    <script type="application/ld+json">
    {
      "@context": "https://schema.org",
      "@type": "BlogPosting"
      "headline": "Static site SEO"
    }
    </script>
    ```

    ## Use instead
    ```markdown
    ---
    title: "Static site SEO"
    ---

    Body.

    <script type="application/ld+json">
    {
      "@context": "https://schema.org",
      "@type": "BlogPosting",
      "headline": "Static site SEO"
    }
    </script>
    ```

    ## Fix safety
    No fix.

    ## Options
    None.
    """
    for block in doc.json_ld:
        if block.error is not None:
            message = block.error
            if not message.startswith("JSON-LD"):  # not the kernel's size limit
                message = f"JSON-LD is not valid JSON: {message}"
            yield Violation(block.error_pos, min(block.error_pos + 1, len(doc.source)), message)
        elif block.liquid and block.node is not None:
            for node in jsonld.nodes(block.node):
                if not isinstance(node.value, str):
                    continue
                for start, end, tag, rendered in jsonld.breaking_outputs(doc, node):
                    what = (
                        "a double quote"
                        if '"' in rendered
                        else "a backslash"
                        if "\\" in rendered
                        else "a control character"
                    )
                    expression = tag.strip("{}- ")
                    yield Violation(
                        start,
                        end,
                        f"{tag} prints {what} inside a JSON string, which breaks the JSON "
                        f"(write {{{{ {expression} | jsonify }}}} without the quotes)",
                    )


# --- LD002 ----------------------------------------------------------------------------


@rule("LD002", "jsonld-type", Severity.ERROR)
def jsonld_type(doc: Document, opts: NoOptions) -> Iterator[Violation]:
    """## What it does
    Flags JSON-LD with no `@context`, a context that is not schema.org, or an entity with no
    `@type`. The schema.org context may be written `https://schema.org` or `http://schema.org`,
    with or without a trailing slash, as an object (`{"@vocab": "https://schema.org/"}`) or in
    a list; a `@graph` passes its context to its members.

    ## Why is this bad?
    Without the schema.org context the keys mean nothing to a search engine, and without a
    type it cannot tell an article from anything else: the block is ignored.

    ## Example
    ```markdown
    ---
    title: "Static site SEO"
    ---

    Body.

    <script type="application/ld+json">
    {
      "@type": "BlogPosting",
      "headline": "Static site SEO"
    }
    </script>
    ```

    ## Use instead
    ```markdown
    ---
    title: "Static site SEO"
    ---

    Body.

    <script type="application/ld+json">
    {
      "@context": "https://schema.org",
      "@type": "BlogPosting",
      "headline": "Static site SEO"
    }
    </script>
    ```

    ## Fix safety
    No fix.

    ## Options
    None.
    """
    for block in doc.json_ld:
        node = block.node
        if node is None:
            continue
        if not isinstance(node.value, (dict, list)) or node.value in ({}, []):
            kind = "empty" if node.value in ({}, []) else _KINDS.get(type(node.value), "null")
            yield Violation(
                node.start,
                node.end,
                f"JSON-LD is {kind} (expected an object with @context and @type)",
            )
            continue
        reported: set[tuple[int, int]] = set()
        for entity in jsonld.entities(block):
            if entity.context_span is None:
                yield Violation(
                    entity.node.start,
                    entity.node.start + 1,
                    'JSON-LD has no @context (expected "https://schema.org")',
                )
            elif not jsonld.is_schema_org(entity.context) and entity.context_span not in reported:
                reported.add(entity.context_span)
                written = (
                    jsonld.quote(entity.context) if isinstance(entity.context, str) else "an object"
                )
                yield Violation(
                    *entity.context_span,
                    f'@context is {written}, not schema.org (expected "https://schema.org")',
                )
            if not entity.types:
                yield Violation(
                    entity.node.start, entity.node.start + 1, "JSON-LD entity has no @type"
                )


# --- LD003 ----------------------------------------------------------------------------


@rule("LD003", "jsonld-recommended", Severity.WARNING)
def jsonld_recommended(doc: Document, opts: NoOptions) -> Iterator[Violation]:
    """## What it does
    Flags an Article, BlogPosting or NewsArticle (or another Article type) that lacks one of
    the properties Google recommends: `headline`, `image`, `datePublished`, `dateModified`,
    `author`, and for each author `name` and `url` (or `sameAs`). One finding lists them all.

    ## Why is this bad?
    No property is required, but Google uses these to show the article's title, image, date
    and byline, and to tell authors apart. A missing `dateModified` hides updates; an author
    without a URL cannot be linked to a profile.

    ## Example
    ```markdown
    ---
    title: "Static site SEO"
    ---

    Body.

    <script type="application/ld+json">
    {
      "@context": "https://schema.org",
      "@type": "BlogPosting",
      "headline": "Static site SEO"
    }
    </script>
    ```

    ## Use instead
    ```markdown
    ---
    title: "Static site SEO"
    date: 2025-01-10T09:00:00+09:00
    last_modified_at: 2025-01-12T09:00:00+09:00
    author: "Jane Doe"
    image: "https://example.com/images/seo.jpg"
    ---

    Body.

    <script type="application/ld+json">
    {
      "@context": "https://schema.org",
      "@type": "BlogPosting",
      "headline": "Static site SEO",
      "image": "https://example.com/images/seo.jpg",
      "datePublished": "2025-01-10T09:00:00+09:00",
      "dateModified": "2025-01-12T09:00:00+09:00",
      "author": {"@type": "Person", "name": "Jane Doe", "url": "https://example.com/about/"}
    }
    </script>
    ```

    ## Fix safety
    No fix.

    ## Options
    None.
    """
    for entity in _articles(doc):
        node = entity.node
        missing = [key for key in _RECOMMENDED if _empty(node.get(key))]
        author = node.get("author")
        if _empty(author):
            missing.append("author")
        else:
            assert author is not None
            resolved = [entity.resolve(item) for item in jsonld.values(author)]
            # A reference to an author described elsewhere (by the theme) is not judged.
            authors = [a for a in resolved if not jsonld.is_reference(a)]
            if any(a.members and _empty(a.get("name")) for a in authors):
                missing.append("author.name")
            if any(_empty(a.get("url")) and _empty(a.get("sameAs")) for a in authors):
                missing.append("author.url (or sameAs)")
        if missing:
            yield Violation(
                *entity.anchor,
                f"{entity.type_name} lacks recommended properties: {', '.join(missing)}",
            )


def _empty(node: JsonNode | None) -> bool:
    return (
        node is None
        or node.value in ("", None, [], {})
        or (isinstance(node.value, str) and not node.value.strip())
    )


# --- LD004 / LD005 --------------------------------------------------------------------


def _text_mismatch(
    doc: Document, key: str, expected: str | None, label: str
) -> Iterator[Violation]:
    if not expected:
        return
    for entity in _articles(doc):
        found = _member(entity, key)
        if found is None:
            continue
        key_start, node = found
        text = jsonld.text_of(doc, node)
        if text is None or jsonld.same_text(text.value, expected):
            continue
        origin = " (from Liquid)" if text.liquid else ""
        fix = (
            None
            if text.liquid
            else Fix.replace(
                node.start,
                node.end,
                jsonld.json_literal(expected),
                FixSafety.SAFE,
                f"copy the {label}",
            )
        )
        yield Violation(
            key_start,
            node.end,
            f"{key} {jsonld.quote(text.value)}{origin} differs from "
            f"{label} {jsonld.quote(expected)}",
            fix,
        )


@rule("LD004", "jsonld-headline", Severity.WARNING, fix=FixAvailability.SOMETIMES)
def jsonld_headline(doc: Document, opts: NoOptions) -> Iterator[Violation]:
    """## What it does
    Flags an Article's `headline` that differs from the front matter `title`, compared after
    NFKC normalisation and trimming (full-width `ＡＩ` equals `AI`). A `{{ page.title }}`
    headline is resolved from the front matter and compared too.

    ## Why is this bad?
    Structured data must describe what the page shows. A headline left over from an older
    title tells search engines one thing and readers another.

    ## Example
    ```markdown
    ---
    title: "Static site SEO in 2025"
    ---

    Body.

    <script type="application/ld+json">
    {
      "@context": "https://schema.org",
      "@type": "BlogPosting",
      "headline": "Static site SEO in 2024"
    }
    </script>
    ```

    ## Use instead
    ```markdown
    ---
    title: "Static site SEO in 2025"
    ---

    Body.

    <script type="application/ld+json">
    {
      "@context": "https://schema.org",
      "@type": "BlogPosting",
      "headline": "Static site SEO in 2025"
    }
    </script>
    ```

    ## Fix safety
    Safe: copies the front matter title into the headline as a JSON string, leaving the
    rest of the block as it is. No fix when the headline is written with Liquid.

    ## Options
    None.
    """
    yield from _text_mismatch(doc, "headline", doc.title, "front matter title")


@rule("LD005", "jsonld-description", Severity.WARNING, fix=FixAvailability.SOMETIMES)
def jsonld_description(doc: Document, opts: NoOptions) -> Iterator[Violation]:
    """## What it does
    Flags an Article's `description` that differs from the front matter `description`,
    compared after NFKC normalisation and trimming; Liquid `{{ page.description }}` is resolved.

    ## Why is this bad?
    Two descriptions for one post: search engines may show either, and the one in the
    structured data is usually the stale one.

    ## Example
    ```markdown
    ---
    title: "Static site SEO"
    description: "Check structured data against the front matter."
    ---

    Body.

    <script type="application/ld+json">
    {
      "@context": "https://schema.org",
      "@type": "BlogPosting",
      "description": "An older summary."
    }
    </script>
    ```

    ## Use instead
    ```markdown
    ---
    title: "Static site SEO"
    description: "Check structured data against the front matter."
    ---

    Body.

    <script type="application/ld+json">
    {
      "@context": "https://schema.org",
      "@type": "BlogPosting",
      "description": "Check structured data against the front matter."
    }
    </script>
    ```

    ## Fix safety
    Safe: copies the front matter description as a JSON string. No fix when the value is
    written with Liquid.

    ## Options
    None.
    """
    yield from _text_mismatch(doc, "description", doc.description, "front matter description")


# --- LD006 ----------------------------------------------------------------------------


@rule("LD006", "jsonld-image", Severity.WARNING, fix=FixAvailability.SOMETIMES)
def jsonld_image(doc: Document, opts: NoOptions) -> Iterator[Violation]:
    """## What it does
    Flags an Article's `image` that is not the front matter image. URLs are compared after
    normalising the scheme (`http` and `https` alike), the host's case, the default port and
    the order of query parameters; a root-relative front matter image is resolved against
    the site URL. The message says what differs: `query w=1080&w=1200 vs w=1200`. With
    several images, one of them must be the front matter image.

    ## Why is this bad?
    Search results and social cards may show the structured data image while the page shows
    another: often an old crop or a URL whose parameters were edited in one place only.

    ## Example
    ```markdown
    ---
    title: "Static site SEO"
    image: "https://images.example.com/a.jpg?w=1200&h=630"
    ---

    Body.

    <script type="application/ld+json">
    {
      "@context": "https://schema.org",
      "@type": "BlogPosting",
      "image": "https://images.example.com/a.jpg?w=1080&h=630"
    }
    </script>
    ```

    ## Use instead
    ```markdown
    ---
    title: "Static site SEO"
    image: "https://images.example.com/a.jpg?w=1200&h=630"
    ---

    Body.

    <script type="application/ld+json">
    {
      "@context": "https://schema.org",
      "@type": "BlogPosting",
      "image": "https://images.example.com/a.jpg?h=630&w=1200"
    }
    </script>
    ```

    ## Fix safety
    Unsafe: replaces the structured data image URL with the front matter one (made absolute
    with the site URL), which may be the stale one of the two. No fix when the URL is written
    with Liquid, or when the front matter image is relative and the site URL is unknown.

    ## Options
    None.
    """
    fact = jsonld.front_image(doc)
    if fact is None or "{{" in fact.value or "{%" in fact.value:
        return
    expected = str(fact.value)
    base = jsonld.base_url(doc)
    for entity in _articles(doc):
        found = _member(entity, "image")
        if found is None:
            continue
        key_start, image = found
        candidates: list[tuple[JsonNode, Text]] = []
        for item in jsonld.values(image):
            item = entity.resolve(item)
            target = (item.get("url") or item.get("contentUrl")) if item.members else item
            text = jsonld.text_of(doc, target)
            if target is None or text is None:
                candidates = []
                break  # an image that cannot be known: not judged
            candidates.append((target, text))
        if not candidates or any(
            t.value == expected or not jsonld.url_differences(t.value, expected, base)  # equal: no differences
            for _, t in candidates
        ):
            continue
        target, text = candidates[0]
        differences = jsonld.url_differences(text.value, expected, base)
        # A relative front matter image is written absolute, or not at all (LD011).
        replacement = jsonld.absolute(expected, base)
        fix = (
            None
            if text.liquid or replacement is None
            else Fix.replace(
                target.start,
                target.end,
                jsonld.json_literal(replacement),
                FixSafety.UNSAFE,
                f"use the {fact.source}",
            )
        )
        yield Violation(
            key_start, image.end, f"image differs from {fact.source}: {'; '.join(differences)}", fix
        )


# --- LD007 ----------------------------------------------------------------------------


def _date(doc: Document, entity: Entity, key: str) -> tuple[int, JsonNode, Text, When] | None:
    found = _member(entity, key)
    if found is None:
        return None
    key_start, node = found
    text = jsonld.text_of(doc, node)
    if text is None:
        return None
    zone = jsonld.zone(doc)
    when = jsonld.parse_iso(text.value, zone) or jsonld.parse_loose(text.value, zone)
    return (key_start, node, text, when) if when is not None else None


@rule("LD007", "jsonld-dates", Severity.WARNING, fix=FixAvailability.SOMETIMES)
def jsonld_dates(doc: Document, opts: NoOptions) -> Iterator[Violation]:
    """## What it does
    Flags an Article whose `datePublished` is not the front matter `date` (or, without one,
    the date in a Jekyll file name), whose `dateModified` is not `last_modified_at` (or
    `lastmod`, `modified`, `updated`), or whose `dateModified` is before its `datePublished`.
    Dates are compared as instants: `2025-01-10T00:00:00Z` and `2025-01-10T09:00:00+09:00` are
    the same; a front matter date written without a timezone is in the site timezone, as
    Jekyll reads it; a date without a time is compared as a day in the site timezone.

    ## Why is this bad?
    Search engines show the structured data date. A copy that drifted from the front matter
    (often by the timezone's hours) dates the post wrongly, and a modification before the
    publication is a contradiction Google ignores.

    ## Example
    ```markdown
    ---
    title: "Static site SEO"
    date: 2025-01-10T09:00:00+09:00
    ---

    Body.

    <script type="application/ld+json">
    {
      "@context": "https://schema.org",
      "@type": "BlogPosting",
      "datePublished": "2025-01-10T09:00:00Z"
    }
    </script>
    ```

    ## Use instead
    ```markdown
    ---
    title: "Static site SEO"
    date: 2025-01-10T09:00:00+09:00
    ---

    Body.

    <script type="application/ld+json">
    {
      "@context": "https://schema.org",
      "@type": "BlogPosting",
      "datePublished": "2025-01-10T00:00:00Z"
    }
    </script>
    ```

    ## Fix safety
    Unsafe: writes the front matter date (ISO 8601, with its timezone) into the structured
    data, and the front matter may be the wrong one. No fix for `dateModified` before
    `datePublished`, nor for values written with Liquid.

    ## Options
    None.
    """
    zone = jsonld.zone(doc)
    expected = {
        "datePublished": jsonld.published(doc, zone),
        "dateModified": jsonld.modified(doc, zone),
    }
    for entity in _articles(doc):
        found = {key: _date(doc, entity, key) for key in expected}
        for key, fact in expected.items():
            date = found[key]
            if date is None or fact is None:
                continue
            key_start, node, text, when = date
            should = fact.value
            assert isinstance(should, When)
            if jsonld.same_time(when, should, zone):
                continue
            fix = (
                None
                if text.liquid
                else Fix.replace(
                    node.start,
                    node.end,
                    jsonld.json_literal(should.iso()),
                    FixSafety.UNSAFE,
                    f"use the {fact.source}",
                )
            )
            yield Violation(
                key_start,
                node.end,
                f"{key} {text.value} differs from {fact.source} {should.text.strip()} "
                f"({jsonld.apart(when, should, zone)})",
                fix,
            )
        published, modified = found["datePublished"], found["dateModified"]
        if (
            published is not None
            and modified is not None
            and jsonld.before(modified[3], published[3], zone)
        ):
            yield Violation(
                modified[0],
                modified[1].end,
                f"dateModified {modified[2].value} is before datePublished {published[2].value}",
            )


# --- LD008 ----------------------------------------------------------------------------


@rule("LD008", "jsonld-author", Severity.WARNING)
def jsonld_author(doc: Document, opts: NoOptions) -> Iterator[Violation]:
    """## What it does
    Flags a structured data author that is not the post's: a `name` that differs from the
    front matter `author` (or, without one, the site's `author` in `_config.yml`), several
    names in one `name` (`and`, `&`, `、`, `・` between names, commas), a name that starts with
    "by" or carries a job title, an author that is plain text, and an author whose `@type` is
    not Person or Organization. A front matter author written as a handle (`jdoe`, a key of
    `_data/authors.yml`) is not compared.

    ## Why is this bad?
    Google reads `author.name` as one person's or one organisation's name; a byline that
    disagrees with the page, or that packs two people and a job title into one string,
    attributes the article to no one it can recognise.

    ## Example
    ```markdown
    ---
    title: "Static site SEO"
    author: "Example Media Lab"
    ---

    Body.

    <script type="application/ld+json">
    {
      "@context": "https://schema.org",
      "@type": "BlogPosting",
      "author": {"@type": "Organization", "name": "Example Media"}
    }
    </script>
    ```

    ## Use instead
    ```markdown
    ---
    title: "Static site SEO"
    author: "Example Media Lab"
    ---

    Body.

    <script type="application/ld+json">
    {
      "@context": "https://schema.org",
      "@type": "BlogPosting",
      "author": {"@type": "Organization", "name": "Example Media Lab"}
    }
    </script>
    ```

    ## Fix safety
    No fix.

    ## Options
    None.
    """
    names, source = jsonld.author_names(doc)
    comparable = bool(names) and not all(jsonld.is_handle(name) for name in names)
    for entity in _entities(doc):
        found = _member(entity, "author")
        if found is None:
            continue
        _, author = found
        author_key = entity.node.key_span("author") or (author.start, author.end)
        for item in jsonld.values(entity.resolve(author)):
            item = entity.resolve(item)
            if jsonld.is_reference(item):
                continue  # described elsewhere (by the theme): not judged
            person = True
            if isinstance(item.value, str):
                yield Violation(
                    *author_key,
                    "author is plain text (expected a Person or Organization with a name)",
                )
                text, name_at = jsonld.text_of(doc, item), author_key
            elif item.members:
                types = jsonld.type_names(item, entity.context)
                type_span = item.key_span("@type")
                if not types:
                    yield Violation(
                        *author_key, "author has no @type (expected Person or Organization)"
                    )
                elif not jsonld.AUTHOR_TYPES & set(types) and type_span is not None:
                    yield Violation(
                        *type_span,
                        f"author @type is {'/'.join(types)} (expected Person or Organization)",
                    )
                person = "Organization" not in types
                name_span = item.key_span("name")
                text, name_at = jsonld.text_of(doc, item.get("name")), name_span or author_key
            else:
                continue
            if text is None or not text.value.strip():
                continue
            problems = _name_problems(text.value, person)
            for problem in problems:
                yield Violation(*name_at, f"author name {jsonld.quote(text.value)} {problem}")
            if (
                entity.is_article
                and comparable
                and not problems
                and not any(jsonld.same_text(text.value, name) for name in names)
            ):
                listed = ", ".join(jsonld.quote(name) for name in names)
                yield Violation(
                    *name_at,
                    f"author name {jsonld.quote(text.value)} differs from "
                    f"{source}{'s' if len(names) > 1 else ''} {listed}",
                )


def _name_problems(name: str, person: bool) -> list[str]:
    """What is wrong with one author name: "by", several names, a job title."""
    by = _BY.match(name)
    problems: list[str] = []
    if by:
        problems.append(f"starts with {jsonld.quote(by.group().strip())} (write the name alone)")
    if not person:
        return problems
    text = unicodedata.normalize("NFKC", name[by.end() :] if by else name).strip()
    count = _name_count(text)
    if count > 1:
        problems.append(f"holds {count} names (give each author its own Person)")
    title = _JOB_TITLE.search(text)
    if title:
        problems.append(f"holds a job title {jsonld.quote(title.group())} (put it in jobTitle)")
    return problems


def _name_count(text: str) -> int:
    parts = [p for p in _NAME_SEPARATOR.split(text) if p.strip()]
    count = max(1, len(parts))
    for index, char in enumerate(text):
        if char == "・" and not (
            0 < index < len(text) - 1
            and _KATAKANA.match(text[index - 1])
            and _KATAKANA.match(text[index + 1])
        ):
            count += 1  # `山田・佐藤`; a katakana name (`ジョン・スミス`) is one name
    commas = [p.strip() for p in re.split(r"[,，]", text)]
    kept = [p for p in commas if p and not _NAME_SUFFIX.match(p) and not _JOB_TITLE.fullmatch(p)]
    if len(kept) >= 3 or (len(kept) == 2 and all(" " in p for p in kept)):
        count += len(kept) - 1  # `Jane Doe, John Smith`; `Doe, Jane` is one name
    return count


# --- LD009 ----------------------------------------------------------------------------


@rule("LD009", "jsonld-datetime-format", Severity.WARNING)
def jsonld_datetime_format(doc: Document, opts: NoOptions) -> Iterator[Violation]:
    """## What it does
    Flags a structured data date (`datePublished`, `dateModified`, `dateCreated`,
    `uploadDate`, `startDate`, ...) that is not ISO 8601 (`2025/01/10`,
    `2025-01-10 09:00:00 +0900`), and a date-time with no timezone, which the Rich Results
    Test reports as "Datetime property is missing a timezone". `Z` is a timezone. A date
    alone (`2025-01-10`) is fine. The message gives the value in the site timezone.

    ## Why is this bad?
    Google reads a date-time without a timezone in Googlebot's own timezone, so the post
    may be dated a day off; a date in another format may not be read at all.

    ## Example
    ```markdown
    ---
    title: "Static site SEO"
    ---

    Body.

    <script type="application/ld+json">
    {
      "@context": "https://schema.org",
      "@type": "BlogPosting",
      "datePublished": "2025-01-10T09:00:00"
    }
    </script>
    ```

    ## Use instead
    ```markdown
    ---
    title: "Static site SEO"
    ---

    Body.

    <script type="application/ld+json">
    {
      "@context": "https://schema.org",
      "@type": "BlogPosting",
      "datePublished": "2025-01-10T09:00:00+09:00"
    }
    </script>
    ```

    ## Fix safety
    No fix.

    ## Options
    None.
    """
    zone = jsonld.zone(doc)
    zone_name = doc.settings.timezone or "UTC"
    for block in doc.json_ld:
        if block.node is None:
            continue
        for _, key, key_start, _key_end, child in jsonld.walk(block.node):
            if key not in DATE_KEYS:
                continue
            for item in jsonld.values(child):
                text = jsonld.text_of(doc, item)
                if text is None:
                    continue
                when = jsonld.parse_iso(text.value, zone)
                if when is None:
                    loose = jsonld.parse_loose(text.value, zone)
                    hint = f" (expected {loose.iso()})" if loose is not None else ""
                    yield Violation(
                        key_start,
                        child.end,
                        f"{key} {jsonld.quote(text.value)} is not an ISO 8601 date{hint}",
                    )
                elif when.moment is not None and not when.has_timezone:
                    yield Violation(
                        key_start,
                        child.end,
                        f"{key} {jsonld.quote(text.value)} is missing a timezone "
                        f"({when.iso()} in the site timezone {zone_name})",
                    )


# --- LD010 ----------------------------------------------------------------------------


@rule("LD010", "jsonld-duplicate", Severity.WARNING)
def jsonld_duplicate(doc: Document, opts: NoOptions) -> Iterator[Violation]:
    """## What it does
    Flags a second Article-type entity for one post (in another block, in a `@graph`, or in
    a top-level array), and a hand-written Article where jekyll-seo-tag (listed in `plugins`
    of `_config.yml`) already emits one: it emits a BlogPosting for every page with a date,
    which is every post. The message names the values in which the two disagree, by
    jekyll-seo-tag's mapping (headline from `title`, image from `image`, author from `author`
    or the site author, dates from `date` and `last_modified_at`).

    ## Why is this bad?
    Two articles for one page are two claims about it; search engines pick one, maybe the
    one with the stale author or date.

    ## Example
    ```markdown
    ---
    title: "Static site SEO"
    ---

    Body.

    <script type="application/ld+json">
    {"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Static site SEO"}
    </script>

    <script type="application/ld+json">
    {"@context": "https://schema.org", "@type": "Article", "headline": "Static site SEO"}
    </script>
    ```

    ## Use instead
    ```markdown
    ---
    title: "Static site SEO"
    ---

    Body.

    <script type="application/ld+json">
    {"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Static site SEO"}
    </script>
    ```

    ## Fix safety
    No fix.

    ## Options
    None.
    """
    articles = _articles(doc)
    if articles:
        first = articles[0]
        line = doc.position(first.anchor[0])[0]
        for later in articles[1:]:
            yield Violation(
                *later.anchor,
                f"second Article-type entity for this post: {later.type_name} "
                f"(the first, {first.type_name}, is at line {line})",
            )
    emitted = jsonld.seo_tag_type(doc)
    if articles and emitted in jsonld.ARTICLE_TYPES:
        first = articles[0]
        differing = _seo_tag_differences(doc, first)
        detail = f" (they differ in {', '.join(differing)})" if differing else ""
        yield Violation(
            *first.anchor,
            f"hand-written {first.type_name} duplicates the {emitted} that jekyll-seo-tag "
            f"emits for this post{detail}",
        )


def _seo_tag_differences(doc: Document, entity: Entity) -> list[str]:
    zone = jsonld.zone(doc)
    base = jsonld.base_url(doc)
    differing: list[str] = []
    for key, fact in jsonld.seo_tag_facts(doc, zone).items():
        node = entity.node.get(key)
        if node is None:
            continue
        if key == "author":
            node = entity.resolve(jsonld.values(entity.resolve(node))[0])
            node = node.get("name") if node.members else node
        elif key == "image":
            node = entity.resolve(jsonld.values(node)[0])
            node = (node.get("url") or node.get("contentUrl")) if node.members else node
        text = jsonld.text_of(doc, node)
        if text is None:
            continue
        if isinstance(fact.value, When):
            when = jsonld.parse_iso(text.value, zone) or jsonld.parse_loose(text.value, zone)
            differs = when is not None and not jsonld.same_time(when, fact.value, zone)
        elif key == "image":
            expected = str(fact.value)
            differs = text.value != expected and bool(jsonld.url_differences(text.value, expected, base))
        else:
            differs = not jsonld.same_text(text.value, str(fact.value))
        if differs:
            differing.append(key)
    return differing


# --- LD011 ----------------------------------------------------------------------------


@rule("LD011", "jsonld-url", Severity.WARNING)
def jsonld_url(doc: Document, opts: NoOptions) -> Iterator[Violation]:
    """## What it does
    Flags a relative or `http://` URL in a structured data `image`, `logo`, `url` (so
    `author.url` and `publisher.logo.url` too) or `mainEntityOfPage`. For a root-relative
    URL the message gives the absolute one, from the site URL (`base-url`, or `url` and
    `baseurl` in `_config.yml`).

    ## Why is this bad?
    Structured data is read apart from the page: Google asks for absolute URLs, and an
    `http://` URL is redirected or blocked as mixed content.

    ## Example
    ```markdown
    ---
    title: "Static site SEO"
    ---

    Body.

    <script type="application/ld+json">
    {
      "@context": "https://schema.org",
      "@type": "BlogPosting",
      "image": "/images/seo.jpg"
    }
    </script>
    ```

    ## Use instead
    ```markdown
    ---
    title: "Static site SEO"
    ---

    Body.

    <script type="application/ld+json">
    {
      "@context": "https://schema.org",
      "@type": "BlogPosting",
      "image": "https://example.com/images/seo.jpg"
    }
    </script>
    ```

    ## Fix safety
    No fix.

    ## Options
    None.
    """
    base = jsonld.base_url(doc)
    for block in doc.json_ld:
        if block.node is None:
            continue
        for path, key, key_start, _, child in jsonld.walk(block.node):
            if key not in URL_KEYS:
                continue
            where = re.sub(r"^(?:@graph\.)+", "", path)
            for item in jsonld.values(child):
                target = item.get("@id") if key == "mainEntityOfPage" and item.members else item
                if target is None or target.members or target.items:
                    continue  # an ImageObject: its `url` is checked on its own
                label, at = (
                    (where, key_start)
                    if target is item
                    else (f"{where}.@id", item.members["@id"][0])
                )
                text = jsonld.text_of(doc, target)
                if text is None:
                    continue
                url = text.value.strip()
                if not url:
                    yield Violation(
                        at, target.end, f"{label} is empty (expected an absolute https:// URL)"
                    )
                elif url.lower().startswith("http://"):
                    yield Violation(
                        at, target.end, f"{label} {jsonld.quote(url)} uses http:// (use https://)"
                    )
                elif not _scheme(url):
                    absolute = jsonld.absolute(url, base)
                    hint = f"use {absolute}" if absolute else "use an absolute https:// URL"
                    yield Violation(
                        at, target.end, f"{label} {jsonld.quote(url)} is relative ({hint})"
                    )


def _scheme(url: str) -> str:
    try:
        return urlsplit(url).scheme
    except ValueError:
        return ""
