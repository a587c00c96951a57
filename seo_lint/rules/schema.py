"""Front matter validated against a JSON Schema (FM002)."""

from __future__ import annotations

import datetime
import json
import posixpath
import re
import warnings
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from seo_lint.document import Document
from seo_lint.findings import Severity, Violation
from seo_lint.registry import RuleOptions, rule
from seo_lint.schema import (
    QuickCheck,
    import_jsonschema,
    load_default,
    load_default_dated_post,
    load_default_page,
)

if TYPE_CHECKING:  # jsonschema is imported when a file is validated (its import takes ~0.8 s)
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

#: At most this many findings per file; the rest are counted in one last finding.
MAX_FINDINGS = 50
_IDENTIFIER = re.compile(r"^[^\W\d]\w*$")
_NAMES = {
    "string": "a string", "array": "an array", "object": "an object", "integer": "an integer",
    "number": "a number", "boolean": "a boolean", "null": "null",
}

with warnings.catch_warnings():
    # `schema` is the option's name in config files; it shadows pydantic's deprecated
    # BaseModel.schema(), which nothing here uses.
    warnings.filterwarnings("ignore", message='Field name "schema"', category=UserWarning)

    class SchemaOptions(RuleOptions):
        #: The JSON Schema (the config's `schema` file, loaded by the shell). None: the default.
        schema: dict[str, Any] | None = None  # type: ignore[assignment]
        #: Folders holding posts; with the default schema, only posts must have a `date`.
        #: (`_drafts` is not one: Jekyll dates a draft when it is published.)
        posts_dirs: tuple[str, ...] = ("_posts", "posts", "content/posts", "src/content/blog")


@rule("FM002", "front-matter-schema", Severity.ERROR, options=SchemaOptions)
def front_matter_schema(doc: Document, opts: SchemaOptions) -> Iterator[Violation]:
    """## What it does
    Validates the front matter against a JSON Schema and reports each violation at its key.
    The message names the JSON path, the value found and what the schema expects; a missing
    required key is reported at the opening fence. Schemas are Draft 2020-12, with the
    `date`, `date-time` and `uri` formats checked.

    The default schema (`seo_lint/schemas/post.schema.json`) requires `title` (non-empty)
    and `date` in posts (files in a posts folder or named `YYYY-MM-DD-slug`), except the
    `date` of a post named `YYYY-MM-DD-slug` outside a Hugo site (Jekyll, Docusaurus and
    Eleventy take the date from the file name, Hugo only when configured; FM004 checks that
    a `date` key agrees with the name) and of a post dated by `publishDate` (Hugo's next
    date key), `pubDate` (Astro's) or a date in `published` (Astro themes'; Jekyll's
    `published: false` is a switch), and types
    `date` and `last_modified_at` (a date, an RFC 3339 date-time, or Jekyll's
    `2025-12-31 10:00:00 +0900`), `description`, `image` (a string or an object with
    `path`/`url`/`alt`), `tags`, `categories`, `keywords`, `seo_keywords` (a string or a
    list of strings), `author` (a string or an object with `name`), `lang`, `draft`,
    `published` (a boolean or a date) and `permalink`. Other keys are allowed. Pages that are not posts get the
    same types with nothing required. YAML dates are checked as they were written; TOML
    dates as their ISO form. A key left empty (`lastmod:`, null) is unset for Jekyll and
    Hugo: the default schema does not type it (FM006 reports empty keys).

    ## Why is this bad?
    A misspelt or mistyped key does not fail the build: Jekyll and Hugo quietly drop the
    date, sort the post wrongly, or render `5` as a tag list. A schema makes the contract of
    your templates explicit, so an AI pipeline or a new author cannot drift from it.

    ## Example
    ```markdown
    ---
    title: "Static site SEO in 2025"
    date: 2025-13-45
    tags: 5
    ---

    Body.
    ```

    ## Use instead
    ```markdown
    ---
    title: "Static site SEO in 2025"
    date: 2025-01-10
    tags: [seo, jekyll]
    ---

    Body.
    ```

    ## Fix safety
    No fix: only the author knows the intended value.

    ## Options
    - `schema`: the JSON Schema to validate against; set `schema = "path/to/schema.json"` in
      the configuration (optionally per glob). Default: the packaged schema described above.
    - `posts-dirs`: folders whose files are posts, for the default schema (default `_posts`,
      `posts`, `content/posts`, `src/content/blog`; a file named `YYYY-MM-DD-slug` is a post
      anywhere). Not `_drafts`: Jekyll dates a draft when it is published.
    """
    fm = doc.front_matter
    if not fm.present or fm.errors:
        return  # FM001 reports it
    schema = opts.schema if opts.schema is not None else _default_schema(doc, opts.posts_dirs)
    found: dict[tuple[int, int, str], None] = {}
    validator, quick = _validator(schema)
    instance = _plain(fm.data)
    if opts.schema is None:  # an empty key (`lastmod:`) is unset for Jekyll and Hugo; FM006 reports it
        instance = {key: value for key, value in instance.items() if value is not None}
    if quick.valid(instance):
        return
    try:
        for error in validator.iter_errors(instance):
            for path, message in _describe_error(error):
                start, end = _span(doc, path)
                found.setdefault((start, end, f"{_json_path(path)}: {message}"), None)
    except RecursionError:
        start, end = _span(doc, ())
        found.setdefault((start, end, "$: front matter is nested too deeply to validate"), None)
    ordered = sorted(found)
    for start, end, message in ordered[:MAX_FINDINGS]:
        yield Violation(start, end, message)
    if len(ordered) > MAX_FINDINGS:
        start, end = _span(doc, ())
        yield Violation(start, end, f"{len(ordered) - MAX_FINDINGS} more schema violations not shown (first {MAX_FINDINGS} reported)")


#: Keys that give a post its date when it has no `date`: Hugo's default front matter
#: configuration reads `date`, then `publishDate`; Astro's blog template names it `pubDate`.
_OTHER_DATES = ("publishDate", "pubDate")


def _default_schema(doc: Document, posts_dirs: Sequence[str]) -> dict[str, Any]:
    path = doc.path.replace("\\", "/")
    folder = f"/{posixpath.dirname(path)}/"
    is_post = doc.jekyll_name is not None or any(f"/{d.strip('/')}/" in folder for d in posts_dirs)
    if not is_post:
        return load_default_page()
    if doc.jekyll_name is not None and doc.settings.generator != "hugo":
        return load_default_dated_post()  # Jekyll, Docusaurus, Eleventy date it from its name
    if "date" not in doc.meta and any(key in doc.meta for key in _OTHER_DATES):
        return load_default_dated_post()  # Hugo reads publishDate as the date; Astro's is pubDate
    if "date" not in doc.meta and doc.meta.get("published") not in (None, True, False):
        return load_default_dated_post()  # Astro themes (Fuwari) date posts with `published`
    return load_default()


_VALIDATORS: dict[int, tuple[Any, tuple[Draft202012Validator, QuickCheck]]] = {}


def _validator(schema: dict[str, Any]) -> tuple[Draft202012Validator, QuickCheck]:
    """One validator (and its fast path for valid files) per schema object (the schema is
    kept so that its id stays unique)."""
    cached = _VALIDATORS.get(id(schema))
    if cached is not None and cached[0] is schema:
        return cached[1]
    if len(_VALIDATORS) > 64:
        _VALIDATORS.clear()
    Draft202012Validator = import_jsonschema().Draft202012Validator  # noqa: N806
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    pair = (validator, QuickCheck(schema, validator))
    _VALIDATORS[id(schema)] = (schema, pair)
    return pair


def _plain(data: dict[str, Any]) -> dict[str, Any]:
    """A JSON-like copy: string keys, lists for tuples, ISO strings for TOML dates. Iterative."""
    root: list[Any] = [data]
    stack: list[tuple[Any, Any]] = [(root, 0)]
    while stack:
        container, key = stack.pop()
        value = container[key]
        if isinstance(value, dict):
            copy = {str(k): v for k, v in value.items()}
            container[key] = copy
            stack.extend((copy, k) for k in copy)
        elif isinstance(value, (list, tuple)):
            items = list(value)
            container[key] = items
            stack.extend((items, i) for i in range(len(items)))
        elif isinstance(value, (datetime.date, datetime.time)):
            container[key] = value.isoformat()
    result: dict[str, Any] = root[0]
    return result


def _span(doc: Document, path: Sequence[str | int]) -> tuple[int, int]:
    """The key of the nearest located ancestor of `path`, else the opening fence."""
    for size in range(len(path), 0, -1):
        field = doc.field_span(*path[:size])
        if field is not None:
            return field.key_start, field.key_end
    fm = doc.front_matter
    return fm.start, fm.start + (3 if fm.format in ("yaml", "toml") else 1)


def _json_path(path: Sequence[str | int]) -> str:
    parts = ["$"]
    for part in path:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        elif _IDENTIFIER.match(part):
            parts.append(f".{part}")
        else:
            parts.append(f"[{json.dumps(part, ensure_ascii=False)}]")
    return "".join(parts)


# --- messages -------------------------------------------------------------------------


def _describe_error(error: ValidationError) -> Iterator[tuple[list[str | int], str]]:
    """(path, message) for one jsonschema error; composite errors are summarised or descended."""
    path: list[str | int] = list(error.absolute_path)
    keyword = error.validator
    value: Any = error.validator_value
    instance = error.instance
    if keyword in ("anyOf", "oneOf") and error.context:
        branches: dict[int, list[ValidationError]] = {}
        for sub in error.context:
            branches.setdefault(int(sub.relative_schema_path[0]), []).append(sub)
        fitting = [i for i, errs in branches.items() if not any(_wrong_type(e) for e in errs)]
        if len(fitting) == 1:
            for sub in branches[fitting[0]]:
                yield from _describe_error(sub)
            return
        options = [value[i] for i in (fitting or sorted(branches))]
        expected = " or ".join(_join([_phrase(o) for o in options]))
        yield path, f"{_show(instance)} is not {expected}{_hint(error.schema)}"
    elif keyword == "oneOf":
        yield path, f"{_show(instance)} matches more than one of the allowed forms"
    elif keyword == "required":
        for key in value:
            if isinstance(instance, dict) and key not in instance:
                yield path, f"required key {_show(key)} is missing"
    elif keyword == "additionalProperties" and isinstance(instance, dict):
        schema = error.schema if isinstance(error.schema, dict) else {}
        known = schema.get("properties", {})
        patterns = list(schema.get("patternProperties", {}))
        for key in instance:
            if key not in known and not any(re.search(p, key) for p in patterns):
                yield path + [key], f"key {_show(key)} is not allowed"
    elif keyword == "dependentRequired" and isinstance(instance, dict):
        for key, needed in value.items():
            for other in needed if key in instance else ():
                if other not in instance:
                    yield path, f"key {_show(key)} requires key {_show(other)}"
    else:
        yield path, _simple(keyword, value, instance, error)


def _wrong_type(error: ValidationError) -> bool:
    """An error saying the instance itself (not something inside it) has the wrong type."""
    return error.validator in ("type", "const", "enum") and not error.relative_path


def _simple(keyword: Any, value: Any, instance: Any, error: ValidationError) -> str:
    shown = _show(instance)
    if keyword == "type":
        types = value if isinstance(value, list) else [value]
        return f"{shown} is not of type " + " or ".join(f'"{t}"' for t in types)
    if keyword == "format":
        return f'{shown} is not a "{value}"'
    if keyword == "pattern":
        return f"{shown} does not match the pattern {_show(value, 60)}"
    if keyword in ("minLength", "maxLength") and isinstance(instance, str):
        bound = "min" if keyword == "minLength" else "max"
        return f"{shown} is {_count(len(instance), 'character')} long ({bound} {value})"
    if keyword in ("minItems", "maxItems") and isinstance(instance, list):
        bound = "min" if keyword == "minItems" else "max"
        return f"array has {_count(len(instance), 'item')} ({bound} {value})"
    if keyword in ("minProperties", "maxProperties") and isinstance(instance, dict):
        bound = "min" if keyword == "minProperties" else "max"
        return f"object has {_count(len(instance), 'key')} ({bound} {value})"
    comparisons = {
        "minimum": "is less than the minimum", "maximum": "is greater than the maximum",
        "exclusiveMinimum": "is not greater than", "exclusiveMaximum": "is not less than",
        "multipleOf": "is not a multiple of",
    }
    if keyword in comparisons:
        return f"{shown} {comparisons[keyword]} {value}"
    if keyword == "enum":
        choices = ", ".join(_show(choice) for choice in list(value)[:8])
        return f"{shown} is not one of {choices}{', …' if len(value) > 8 else ''}"
    if keyword == "const":
        return f"{shown} is not {_show(value)}"
    if keyword == "uniqueItems":
        return "array has repeated items"
    if keyword == "not":
        return f"{shown} must not be {_phrase(value)}"
    if keyword == "contains":
        return f"array has no item that is {_phrase(value)}"
    if keyword is None or value is False:
        return f"{shown} is not allowed here"
    message = " ".join(error.message.split())
    return message if len(message) <= 160 else message[:159] + "…"


def _phrase(schema: Any) -> str:
    """A few words for what a (sub)schema accepts: `a "date"`, `an array of strings`."""
    if not isinstance(schema, dict):
        return "anything" if schema else "nothing"
    if isinstance(schema.get("title"), str):
        return _article(schema["title"])
    if "format" in schema:
        return f'a "{schema["format"]}"'
    if "const" in schema:
        return _show(schema["const"])
    if "enum" in schema:
        return "one of " + ", ".join(_show(choice) for choice in list(schema["enum"])[:8])
    if "pattern" in schema:
        return f"a string matching {_show(schema['pattern'], 60)}"
    if "$ref" in schema:
        return f"a {str(schema['$ref']).rsplit('/', 1)[-1]}"
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind] if kind else []
    if not kinds:
        return "the allowed form"
    words = " or ".join(_NAMES.get(k, f'of type "{k}"') for k in kinds)
    items = schema.get("items")
    if kinds == ["array"] and isinstance(items, dict) and isinstance(items.get("type"), str):
        item_type = str(items["type"])
        words += f" of {_NAMES.get(item_type, item_type).split(' ', 1)[-1]}s"
    return words


def _article(noun: str) -> str:
    if noun.startswith(("a ", "an ")) or not noun[:1].isascii() or not noun[:1].isalpha():
        return noun
    return f"{'an' if noun[0].lower() in 'aeiou' else 'a'} {noun}"


def _hint(schema: Any) -> str:
    description = schema.get("description") if isinstance(schema, dict) else None
    return f" ({description})" if isinstance(description, str) and len(description) <= 120 else ""


def _join(words: list[str]) -> list[str]:
    """`a, b or c` as ["a, b", "c"] (the caller joins with " or ")."""
    return [", ".join(words[:-1]), words[-1]] if len(words) > 2 else words


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _show(value: Any, limit: int = 40) -> str:
    """The value as JSON, short: long strings are cut, big structures are named by size."""
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
        return text if len(text) <= limit else json.dumps(value[: limit - 3], ensure_ascii=False)[:-1] + '…"'
    rendered = _render(value, limit, 0)
    if rendered is not None:
        return rendered
    if isinstance(value, list):
        return f"an array of {_count(len(value), 'item')}"
    if isinstance(value, dict):
        return f"an object with {_count(len(value), 'key')}"
    return f"a {type(value).__name__}"


def _render(value: Any, budget: int, depth: int) -> str | None:
    """Compact JSON for `value` if it fits in `budget` characters (and 4 levels), else None."""
    if value is None or isinstance(value, (bool, int, float)):
        text = json.dumps(value)
    elif isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
    elif depth < 4 and isinstance(value, (list, dict)):
        pairs = value.items() if isinstance(value, dict) else ((None, item) for item in value)
        parts: list[str] = []
        used = 2
        for key, item in pairs:
            prefix = "" if key is None else json.dumps(str(key), ensure_ascii=False) + ": "
            inner = _render(item, budget - used - len(prefix), depth + 1)
            if inner is None:
                return None
            parts.append(prefix + inner)
            used += len(prefix) + len(inner) + 2
            if used > budget:
                return None
        text = ("{%s}" if isinstance(value, dict) else "[%s]") % ", ".join(parts)
    else:
        return None
    return text if len(text) <= budget else None
