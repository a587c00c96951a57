"""Front matter field rules: unknown keys (FM003), dates (FM004), reading time (FM005),
empty values (FM006)."""

from __future__ import annotations

import datetime as dt
import re
import warnings
import zoneinfo
from collections.abc import Iterator
from typing import Any

from seo_lint.document import Document
from seo_lint.findings import Fix, FixAvailability, FixSafety, Severity, Violation
from seo_lint.registry import RuleOptions, for_language, rule
from seo_lint.schema import load_default
from seo_lint.text import edit_distance, is_cjk_language

#: Keys that Jekyll, Hugo, Astro and common plugins read: never unknown unless the schema is strict.
KNOWN_KEYS = (
    # Jekyll and jekyll-seo-tag
    "layout", "permalink", "published", "category", "categories", "tags", "excerpt",
    "excerpt_separator", "last_modified_at", "author", "image", "date", "title", "description",
    "seo", "canonical_url", "locale", "sitemap", "redirect_from", "redirect_to", "comments",
    # Hugo
    "aliases", "authors", "cascade", "draft", "expiryDate", "headless", "images", "isCJKLanguage",
    "keywords", "lastmod", "linkTitle", "markup", "outputs", "publishDate", "resources", "series",
    "slug", "summary", "type", "url", "weight", "menu", "translationKey", "build", "params", "toc",
    # Astro / Eleventy
    "pubDate", "updatedDate", "heroImage", "eleventyExcludeFromCollections", "eleventyNavigation",
    # Quartz and Obsidian Publish
    "publish",
    # seo-lint and common SEO plugins
    "focus_keyword", "keyphrase", "seo_keywords", "lang", "language", "reading_time", "featured",
    "seo-lint", "og_image", "thumbnail", "cover", "featured_image",
)

with warnings.catch_warnings():
    # `schema` is the option's name in config files; it shadows pydantic's deprecated BaseModel.schema().
    warnings.filterwarnings("ignore", message='Field name "schema"', category=UserWarning)

    class UnknownKeyOptions(RuleOptions):
        #: The JSON Schema (the config's `schema` file, loaded by the shell). None: the default.
        schema: dict[str, Any] | None = None  # type: ignore[assignment]
        #: Largest edit distance for a key to count as a misspelling of a known one.
        max_distance: int = 2
        #: Keys known besides the schema's properties (ignored when the schema is strict).
        known_keys: tuple[str, ...] = KNOWN_KEYS


class DateOptions(RuleOptions):
    #: Keys holding dates, checked for a readable value.
    fields: tuple[str, ...] = (
        "date", "last_modified_at", "lastmod", "publishDate", "pubDate", "updatedDate", "expiryDate",
        "updated", "modified",
    )
    #: Report a publication date in the future (Jekyll does not build such posts by default).
    future: bool = True


class ReadingTimeOptions(RuleOptions):
    #: Keys holding the declared reading time in minutes; the first one set is checked.
    fields: tuple[str, ...] = ("reading_time", "readingTime", "read_time", "reading_minutes", "readtime")
    #: Reading speed: characters a minute for ja/zh/ko, words a minute otherwise.
    rate: dict[str, int] = {"cjk": 500, "default": 230}
    #: Allowed difference: the larger of `min-minutes` and `max-ratio` × the estimate.
    min_minutes: float = 1.0
    max_ratio: float = 0.3


class EmptyFieldOptions(RuleOptions):
    #: Keys (dotted for nested ones) that may be empty: Jekyll's `layout: null` means no layout.
    ignore: tuple[str, ...] = ("layout",)


# --- FM003 -----------------------------------------------------------------------------


def _resolve(schema: Any, root: dict[str, Any], depth: int = 0) -> list[dict[str, Any]]:
    """The object schemas a node stands for: itself, its local $ref, its *Of branches."""
    if not isinstance(schema, dict) or depth > 20:
        return []
    found = [schema]
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/"):
        target: Any = root
        for part in ref[2:].split("/"):
            name = part.replace("~1", "/").replace("~0", "~")
            target = target.get(name) if isinstance(target, dict) else None
        found += _resolve(target, root, depth + 1)
    for combinator in ("allOf", "anyOf", "oneOf"):
        for branch in schema.get(combinator, []) or []:
            found += _resolve(branch, root, depth + 1)
    return found


def _object_schema(schema: Any, root: dict[str, Any]) -> tuple[dict[str, Any], list[str], bool] | None:
    """(properties, patternProperties, strict) of a node, or None when it names no properties."""
    properties: dict[str, Any] = {}
    patterns: list[str] = []
    strict = False
    for node in _resolve(schema, root):
        if isinstance(node.get("properties"), dict):
            properties.update(node["properties"])
        if isinstance(node.get("patternProperties"), dict):
            patterns.extend(node["patternProperties"])
        if node.get("additionalProperties") is False or node.get("unevaluatedProperties") is False:
            strict = True
    if not properties and not strict:
        return None
    return properties, patterns, strict


def _comparable(key: str, fold: bool) -> str:
    key = key.replace("-", "_")
    return key.lower() if fold else key


def _extends(longer: str, shorter: str) -> bool:
    """`publishedAt`, `date_gmt`, `title-ja`: a word added to a key makes a key of its own."""
    rest = longer[len(shorter) :]
    return longer.startswith(shorter) and rest[:1] != "" and (rest[0] in "_-" or rest[0].isupper())


def _suggest(key: str, candidates: list[str], limit: int, fold: bool) -> str | None:
    """The closest candidate within `limit` edits (at most a third of the key's length, at
    least 1); a plural or singular of a candidate (`images`, `tag`), or a candidate with a
    word added (`publishedAt`), is a key of its own."""
    mine = _comparable(key, fold)
    allowed = min(limit, max(1, len(key) // 3))
    best: tuple[int, str] | None = None
    for candidate in candidates:
        theirs = _comparable(candidate, fold)
        if mine + "s" == theirs or theirs + "s" == mine or _extends(key, candidate) or _extends(candidate, key):
            continue
        distance = edit_distance(mine, theirs, allowed)
        if distance <= allowed and (best is None or (distance, candidate) < best):
            best = (distance, candidate)
    return best[1] if best else None


def _rename(doc: Document, path: tuple[str, ...], new: str) -> Fix | None:
    span = doc.field_span(*path)
    if span is None:
        return None
    key = path[-1]
    written = doc.source[span.key_start : span.key_end]
    if written == key:
        start, end = span.key_start, span.key_end
    elif len(written) == len(key) + 2 and written[1:-1] == key and written[0] in "\"'":
        start, end = span.key_start + 1, span.key_end - 1
    else:
        return None
    return Fix.replace(start, end, new, FixSafety.UNSAFE, f"rename `{key}` to `{new}`")


def _matches(pattern: str, key: str) -> bool:
    try:
        return re.search(pattern, key) is not None
    except re.error:
        return False


def _unknown_keys(
    doc: Document, data: dict[str, Any], schema: Any, root: dict[str, Any], path: tuple[str, ...],
    opts: UnknownKeyOptions, fold: bool,
) -> Iterator[Violation]:
    shape = _object_schema(schema, root)
    if shape is None:
        return
    properties, patterns, strict = shape
    candidates = list(properties)
    if not strict and not path:
        candidates += [k for k in opts.known_keys if k not in properties]
    folded = {k.lower() for k in candidates} if fold else set()
    for key, value in data.items():
        key = str(key)
        here = path + (key,)
        if key in properties:
            if isinstance(value, dict):
                yield from _unknown_keys(doc, value, properties[key], root, here, opts, fold)
            continue
        if key in candidates or key.lower() in folded:
            continue
        if any(_matches(pattern, key) for pattern in patterns):
            continue
        suggestion = _suggest(key, candidates, opts.max_distance, fold)
        dotted = ".".join(here)
        start, end = doc.key_span(*here)
        if suggestion is not None:
            fix = _rename(doc, here, suggestion) if suggestion not in data else None
            yield Violation(start, end, f"unknown key `{dotted}` (did you mean `{suggestion}`?)", fix)
        elif strict:
            yield Violation(start, end, f"key `{dotted}` is not in the schema, which allows no other keys")


@rule("FM003", "front-matter-unknown-key", Severity.WARNING, fix=FixAvailability.SOMETIMES,
      options=UnknownKeyOptions)
def front_matter_unknown_key(doc: Document, opts: UnknownKeyOptions) -> Iterator[Violation]:
    """## What it does
    Flags a front matter key that is probably misspelt (`titel` → `title`), and with a strict
    schema every key the schema does not list.

    A key is misspelt when it is not in the schema's properties (nor among the keys Jekyll,
    Hugo, Astro and common plugins read) but is within `max-distance` edits (default 2; at
    most a third of the key's length, at least 1) of one that is (`seo-keywords` →
    `seo_keywords`). A transposition counts as one edit;
    a plural of a known key (`images`, `authors`), or a known key with a word added
    (`publishedAt`, `date_gmt`, `title-ja`), is not a typo. Nested keys are checked where
    the schema describes the parent object. With a strict schema (`additionalProperties:
    false`) every key it does not list is reported. Hugo reads keys case-insensitively, so
    for Hugo a difference of case alone is not reported.

    ## Why is this bad?
    A misspelt key is silently ignored: the post has no title, no description, or the wrong
    date, and nothing fails.

    ## Example
    ```markdown
    ---
    titel: "Image optimization for Jekyll blogs"
    ---

    Body.
    ```

    ## Use instead
    ```markdown
    ---
    title: "Image optimization for Jekyll blogs"
    ---

    Body.
    ```

    ## Fix safety
    Unsafe: renames the key to the suggestion, which is a guess; offered only when the post
    does not already have the suggested key.

    ## Options
    - `schema`: the JSON Schema whose property names are known (default: the packaged
      post schema; set `schema = "path/to/schema.json"` in the configuration).
    - `max-distance`: largest edit distance for a suggestion (default 2).
    - `known-keys`: further known keys when the schema is not strict (default: common Jekyll,
      Hugo, Astro and SEO plugin keys).
    """
    fm = doc.front_matter
    if not fm.present or fm.errors or not fm.data:
        return
    schema = opts.schema if opts.schema is not None else load_default()
    fold = doc.settings.generator == "hugo"
    yield from _unknown_keys(doc, fm.data, schema, schema, (), opts, fold)


# --- FM004 -----------------------------------------------------------------------------

#: `Jul 08 2022`, `July 8, 2022`: the dates of Astro's blog template (JavaScript's Date reads
#: them; so does Jekyll's Time.parse).
_MONTH_DATE = re.compile(r"^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$")
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
_DATE = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?"
    r"[ \t]*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$",
    re.IGNORECASE,
)


def parse_date(value: Any, zone: dt.tzinfo) -> dt.datetime | None:
    """A front matter date as an aware datetime (no offset: the site's zone); None if unreadable."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=zone)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=zone)
    if not isinstance(value, str):
        return None
    match = _DATE.match(value.strip())
    if match is None:
        return _month_date(value.strip(), zone)
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    tz: dt.tzinfo = zone
    if offset and offset.upper() in ("Z", "UTC"):
        tz = dt.timezone.utc
    elif offset:
        digits = offset[1:].replace(":", "")
        minutes = int(digits[:2]) * 60 + (int(digits[2:4]) if len(digits) > 2 else 0)
        if minutes >= 24 * 60:
            return None  # `+29:00`: datetime accepts no offset of a day or more
        tz = dt.timezone(dt.timedelta(minutes=minutes if offset[0] == "+" else -minutes))
    try:
        micro = int((fraction or "0")[:6].ljust(6, "0"))
        moment = dt.datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0),
                             int(second or 0), micro, tzinfo=tz)
        moment.astimezone(zone), moment.astimezone(dt.timezone.utc)  # 9999-12-31 23:30 -10:00 cannot move
    except (ValueError, OverflowError):
        return None
    return moment


def _month_date(value: str, zone: dt.tzinfo) -> dt.datetime | None:
    """`Jul 08 2022` or `July 8, 2022` (a month name or its first three letters or more)."""
    match = _MONTH_DATE.match(value)
    if match is None:
        return None
    name = match.group(1).lower()
    month = next((i for i, full in enumerate(_MONTHS, 1) if full.startswith(name) and len(name) >= 3), None)
    if month is None:
        return None
    try:
        return dt.datetime(int(match.group(3)), month, int(match.group(2)), tzinfo=zone)
    except ValueError:
        return None


def _zone(name: str) -> tuple[dt.tzinfo, str]:
    try:
        return zoneinfo.ZoneInfo(name), name
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return dt.timezone.utc, "UTC"


def _shown(value: Any) -> str:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)


@rule("FM004", "front-matter-date", Severity.WARNING, options=DateOptions)
def front_matter_date(doc: Document, opts: DateOptions) -> Iterator[Violation]:
    """## What it does
    Flags a front matter date that cannot be read, that is not the date of a Jekyll post's
    file name in the site's timezone, or that is in the future.

    Readable: `YYYY-MM-DD`, optionally with a time `HH:MM[:SS[.fff]]` and an offset `Z`,
    `UTC`, `+09:00` or `+0900` (without one, the site's timezone), and the month-name dates
    of Astro's blog template, `Jul 08 2022` or `July 8, 2022`. The file name date is
    compared with `date` taken in the site's timezone: UTC `2025-12-31T01:49Z` is 10:49 in
    Tokyo, the same day as `2025-12-31-…`, while `2025-12-30T20:00Z` is already the 31st
    there. A future date is reported as info (set `future = false` to stop).

    ## Why is this bad?
    Jekyll and Hugo either fail on an unreadable date or fall back to the file's date, so the
    post is sorted and dated wrongly. Jekyll builds the URL from `date` when it is set, so a
    file named for one day that publishes on another gets a URL nobody expects. A future date
    keeps the post out of the build unless `future: true` is set.

    ## Example
    ```markdown
    ---
    title: "Image optimization for Jekyll blogs"
    date: 2025-01-09T20:00:00Z
    ---

    With `timezone: Asia/Tokyo` this is 2025-01-10 05:00; with the default UTC it is the 9th,
    not the 10th of the file name `2025-01-10-example.md`.
    ```

    ## Use instead
    ```markdown
    ---
    title: "Image optimization for Jekyll blogs"
    date: 2025-01-10T09:00:00Z
    ---

    The date and the file name agree.
    ```

    ## Fix safety
    No fix: which of the two dates is right is the author's call.

    ## Options
    - `fields`: keys holding dates (default `date`, `last_modified_at`, `lastmod`,
      `publishDate`, `pubDate`, `updatedDate`, `expiryDate`, `updated`, `modified`).
    - `future`: report a future publication date (default true; never when the site's
      `_config.yml` sets `future: true`).
    The site's timezone is the `timezone` setting (Jekyll's `timezone`), UTC by default.
    """
    zone, zone_name = _zone(doc.settings.timezone or "UTC")
    for name in opts.fields:
        if name not in doc.meta or doc.meta[name] in (None, ""):
            continue
        value = doc.meta[name]
        when = parse_date(value, zone)
        start, end = doc.key_span(name)
        if when is None:
            yield Violation(start, end, f"{name} `{_shown(value)}` is not a date"
                            " (expected YYYY-MM-DD, optionally with HH:MM:SS and an offset)")
            continue
        if name != "date":
            continue
        local = when.astimezone(zone)
        if doc.jekyll_name and doc.settings.generator != "hugo":
            named = doc.jekyll_name[:10]
            if local.date().isoformat() != named:
                at = local.strftime("%Y-%m-%d %H:%M")
                yield Violation(start, end, f"date `{_shown(value)}` is {at} in {zone_name}, "
                                f"not {named} as in the file name")
        if opts.future and doc.settings.site.get("future") is not True:
            now = dt.datetime.now(dt.timezone.utc)
            if when > now:
                days = (when - now).days
                doc.expires(when - dt.timedelta(days=max(days, 0)))  # the message changes then
                ahead = f"{days} days ahead" if days >= 1 else "later today"
                yield Violation(start, end, f"date `{_shown(value)}` is in the future ({ahead});"
                                " Jekyll does not publish it unless `future: true`",
                                severity=Severity.INFO)


# --- FM005 -----------------------------------------------------------------------------

_MINUTES = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:min(?:ute)?s?|分)?\s*$", re.IGNORECASE)


@rule("FM005", "reading-time", Severity.WARNING, options=ReadingTimeOptions)
def reading_time(doc: Document, opts: ReadingTimeOptions) -> Iterator[Violation]:
    """## What it does
    Flags a declared reading time (`reading_time`, in minutes) that differs from an estimate
    by more than the larger of 1 minute and 30 % of the estimate. The estimate is the prose
    (no code, markup or URLs) read at 500 characters a minute for Japanese, Chinese and Korean
    and 230 words a minute otherwise. A value that is not a number of minutes is reported too
    (`true`/`false` is a theme's switch to show a computed time, and is left alone).

    ## Why is this bad?
    Readers use the reading time to decide whether to start; a wrong one (often left over
    from a template or an AI draft) breaks that promise. Japanese readers read about 400–600
    characters a minute (Hugo uses about 500 for CJK); English readers about 200–238 words.

    ## Example
    ```markdown
    ---
    title: "Image optimization for Jekyll blogs"
    reading_time: 12
    ---

    A short note: convert your images to WebP and give every image a width and a height.
    ```

    ## Use instead
    ```markdown
    ---
    title: "Image optimization for Jekyll blogs"
    reading_time: 1
    ---

    A short note: convert your images to WebP and give every image a width and a height.
    ```

    ## Fix safety
    No fix.

    ## Options
    - `fields`: keys holding the reading time (default `reading_time`, `readingTime`,
      `read_time`, `reading_minutes`, `readtime`).
    - `rate`: characters a minute for ja/zh/ko, words a minute otherwise
      (default `{"cjk": 500, "default": 230}`).
    - `min-minutes` (default 1) and `max-ratio` (default 0.3): the allowed difference is the
      larger of the two.
    """
    name = next((f for f in opts.fields if doc.meta.get(f) not in (None, "")), None)
    if name is None:
        return
    value = doc.meta[name]
    if isinstance(value, bool):
        return  # a theme's switch (`read_time: true`: show the time it computes), no duration
    start, end = doc.key_span(name)
    declared: float | None = None
    if isinstance(value, (int, float)):
        declared = float(value)
    elif isinstance(value, str) and (match := _MINUTES.match(value)):
        declared = float(match.group(1))
    if declared is None:
        yield Violation(start, end, f"{name} `{value}` is not a number of minutes")
        return
    cjk = is_cjk_language(doc.language)
    size = sum(doc.prose_lengths)  # the prose is its blocks joined by blank lines
    rate = for_language(opts.rate, doc.language)
    estimate = size / rate if rate > 0 else 0.0
    allowed = max(opts.min_minutes, opts.max_ratio * estimate)
    if abs(declared - estimate) <= allowed:
        return
    unit = "characters" if cjk else "words"
    shown = f"{declared:g}"
    yield Violation(
        start, end,
        f"{name} is {shown} {'minute' if shown == '1' else 'minutes'}, but the text reads in about "
        f"{max(1, round(estimate))} ({size:,} {unit} at {rate} a minute)",
    )


# --- FM006 -----------------------------------------------------------------------------


def _emptiness(value: Any) -> str | None:
    if value is None:
        return "null"
    if isinstance(value, str) and not value.strip():
        return "an empty string"
    if isinstance(value, list) and not value:
        return "an empty list"
    if isinstance(value, dict) and not value:
        return "an empty mapping"
    return None


def _empty_fields(value: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(value, path)]
    while stack:
        current, here = stack.pop()
        if here:
            state = _emptiness(current)
            if state is not None:
                yield here, state
                continue
        if isinstance(current, dict):
            stack.extend((child, here + (str(key),)) for key, child in reversed(list(current.items())))
        elif isinstance(current, list):
            stack.extend((child, here + (index,)) for index, child in reversed(list(enumerate(current))))


def _dotted(path: tuple[str | int, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


@rule("FM006", "empty-field", Severity.WARNING, options=EmptyFieldOptions)
def empty_field(doc: Document, opts: EmptyFieldOptions) -> Iterator[Violation]:
    """## What it does
    Flags a front matter key that is present but empty: an empty (or blank) string, an empty
    list, an empty mapping, or null (`description:` with nothing after it). Nested keys and
    list items are checked too.

    ## Why is this bad?
    An empty value usually overrides a good default (the site's description, the theme's
    image) with nothing, and templates print empty tags such as `<meta name="description"
    content="">`. It is often a template field the author or an AI pipeline forgot to fill.

    ## Example
    ```markdown
    ---
    title: "Image optimization for Jekyll blogs"
    description: ""
    ---

    Body.
    ```

    ## Use instead
    ```markdown
    ---
    title: "Image optimization for Jekyll blogs"
    description: "Make a Jekyll blog faster by serving WebP images at the right size and loading them lazily."
    ---

    Body.
    ```

    ## Fix safety
    No fix: either fill the value or delete the key.

    ## Options
    - `ignore`: keys (dotted for nested ones) that may be empty (default `layout`, as
      Jekyll's `layout: null` means "no layout").
    """
    fm = doc.front_matter
    if not fm.present or fm.errors:
        return
    ignored = set(opts.ignore)
    for path, state in _empty_fields(fm.data, ()):
        name = _dotted(path)
        if name in ignored:
            continue
        span = doc.field_span(*path)
        start, end = (span.key_start, span.key_end) if span else doc.key_span(*path)
        yield Violation(start, end, f"`{name}` is {state}")
