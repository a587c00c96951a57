"""The default front matter JSON Schemas, shipped as package data, and schema helpers."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

DEFAULT_SCHEMA = "post.schema.json"


@cache
def import_jsonschema() -> Any:
    """`jsonschema`, imported without building the `iri` format's grammar up front.

    jsonschema registers its `iri` and `iri-reference` format checkers by importing
    rfc3987-syntax, which compiles a Lark grammar at import: 1.1 s and 20 MB in every process,
    for two formats that the default schema does not use. Here that import fails on purpose
    and the same two checkers are registered (same drafts, same errors) with the grammar
    imported on the first `iri` value checked.
    """
    if "jsonschema" in sys.modules or "rfc3987_syntax" in sys.modules:
        import jsonschema

        return jsonschema
    sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]  # `import` raises ImportError
    try:
        import jsonschema
    finally:
        del sys.modules["rfc3987_syntax"]
    checkers = jsonschema.Draft202012Validator.FORMAT_CHECKER.checkers
    if "iri" not in checkers and "iri-reference" not in checkers:
        try:
            from jsonschema._format import _checks_drafts
        except ImportError:  # pragma: no cover - a jsonschema without it: import as usual
            return jsonschema
        for name, rule in (("iri", "iri"), ("iri-reference", "iri_reference")):
            _checks_drafts(draft7=name, draft201909=name, draft202012=name, raises=ValueError)(_iri_checker(rule))
    return jsonschema


def _iri_checker(rule: str) -> Any:
    def check(instance: object) -> bool:
        if not isinstance(instance, str):
            return True
        try:
            from rfc3987_syntax import is_valid_syntax
        except ImportError:  # pragma: no cover - as jsonschema without rfc3987-syntax: unchecked
            return True
        return bool(is_valid_syntax(rule, instance))

    return check


@cache
def _load(name: str) -> dict[str, Any]:
    text = resources.files("seo_lint.schemas").joinpath(name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def load_default() -> dict[str, Any]:
    """The packaged default schema for blog posts (cached: the same dict every call; do not mutate)."""
    return _load(DEFAULT_SCHEMA)


@cache
def load_default_dated_post() -> dict[str, Any]:
    """The default schema for a post whose file name carries its date
    (`_posts/2025-01-10-slug.md`, `blog/2025-01-10-slug.md`): Jekyll, Docusaurus and
    Eleventy take the date from the name, so only the title is required; a `date` key
    still has to be a date."""
    post = dict(load_default())
    post["required"] = [key for key in post["required"] if key != "date"]
    return post


@cache
def load_default_page() -> dict[str, Any]:
    """The default schema for pages that are not posts (about, index): same types, nothing required."""
    page = {key: value for key, value in load_default().items() if key != "required"}
    page["title"] = "Page front matter"
    return page


def check_schema(schema: Any) -> str | None:
    """None when `schema` is a valid Draft 2020-12 schema, else a one-line reason (for config errors)."""
    if not isinstance(schema, (dict, bool)):
        return f"a JSON Schema must be an object, found {type(schema).__name__}"
    jsonschema = import_jsonschema()
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.exceptions.SchemaError as error:
        where = "/".join(str(part) for part in error.absolute_path)
        return f"invalid JSON Schema{' at ' + where if where else ''}: {error.message}"[:300]
    return None


def unresolvable_ref(schema: Any) -> str | None:
    """The first `$ref` of `schema` that does not resolve inside it (or to a JSON Schema
    metaschema), else None. seo-lint never fetches a schema: a remote `$ref` is an error here,
    not a crash of FM002 on every post."""
    import_jsonschema()
    import referencing.exceptions
    import referencing.jsonschema
    from jsonschema_specifications import REGISTRY

    resolver = REGISTRY.resolver_with_root(referencing.jsonschema.DRAFT202012.create_resource(schema))
    stack: list[tuple[Any, Any]] = [(schema, resolver)]
    while stack:
        node, here = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("$id"), str) and node is not schema:
                here = here.in_subresource(referencing.jsonschema.DRAFT202012.create_resource(node))
            ref = node.get("$ref")
            if isinstance(ref, str):
                try:
                    here.lookup(ref)
                except referencing.exceptions.Unresolvable:
                    return ref
            stack.extend((value, here) for value in node.values())
        elif isinstance(node, list):
            stack.extend((value, here) for value in node)
    return None


# --- a fast path for valid front matter ------------------------------------------------

DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"
#: Keywords that never make an instance invalid.
_ANNOTATIONS = frozenset(
    {"$comment", "$defs", "definitions", "title", "description", "examples", "default", "deprecated",
     "readOnly", "writeOnly"}
)
_TYPES = frozenset({"string", "array", "object", "integer", "number", "boolean", "null"})


Check = Callable[[Any], bool]


class QuickCheck:
    """Proves an instance valid against a Draft 2020-12 schema that uses only common keywords
    (`type`, `required`, `properties`, `additionalProperties: true`, `minLength`,
    `maxLength`, `pattern`, `format`, `anyOf`, `items`, a local `$ref`), about ten times
    faster than the jsonschema validator, which builds an evaluation context per keyword.

    Each keyword is checked as jsonschema checks it (its own type and format checkers).
    `valid` answers True only for a valid instance; False means "invalid, or not known":
    ask the validator for the errors. `usable` is False when the schema uses anything else.
    """

    def __init__(self, schema: Any, validator: Any) -> None:
        self._root = schema
        self._is_type = validator.is_type
        self._formats = validator.format_checker
        self._refs: dict[str, Any] = {}
        self._checks: dict[int, Check] = {}  # by id() of a subschema of `schema` (kept alive by it)
        self.usable = isinstance(schema, dict) and schema.get("$schema", DRAFT_2020_12) == DRAFT_2020_12
        if self.usable:
            try:
                self.usable = self._known(schema)
            except (KeyError, IndexError, TypeError, ValueError, re.error):  # a ref or pattern it cannot follow
                self.usable = False

    def _known(self, schema: Any) -> bool:
        """Whether every keyword of `schema` and of its subschemas is one that `valid` checks."""
        if isinstance(schema, bool):
            return True
        if not isinstance(schema, dict):
            return False
        for keyword, value in schema.items():
            if keyword in _ANNOTATIONS:
                if keyword in ("$defs", "definitions") and not (
                    isinstance(value, dict) and all(self._known(sub) for sub in value.values())
                ):
                    return False
            elif keyword in ("$schema", "$id"):
                if schema is not self._root:
                    return False
            elif keyword == "type":
                types = [value] if isinstance(value, str) else value
                if not isinstance(types, list) or not types or not all(t in _TYPES for t in types):
                    return False
            elif keyword == "required":
                if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
                    return False
            elif keyword == "properties":
                if not isinstance(value, dict) or not all(self._known(sub) for sub in value.values()):
                    return False
            elif keyword == "additionalProperties":
                if value is not True:
                    return False
            elif keyword in ("minLength", "maxLength"):
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    return False
            elif keyword == "pattern":
                if not isinstance(value, str):
                    return False
                re.compile(value)
            elif keyword == "format":
                if not isinstance(value, str):
                    return False
            elif keyword == "anyOf":
                if not isinstance(value, list) or not value or not all(self._known(sub) for sub in value):
                    return False
            elif keyword == "items":
                if not self._known(value):
                    return False
            elif keyword == "$ref":
                if not isinstance(value, str):
                    return False
                self._refs[value] = self._pointer(value)
            else:
                return False
        return True

    def _pointer(self, ref: str) -> Any:
        """The subschema a local JSON pointer (`#/$defs/date`) names; raises when it is not one."""
        if (ref != "#" and not ref.startswith("#/")) or "%" in ref:
            raise ValueError(ref)
        node = self._root
        for part in ref[2:].split("/") if ref != "#" else ():
            part = part.replace("~1", "/").replace("~0", "~")
            node = node[int(part)] if isinstance(node, list) else node[part]
        if not isinstance(node, (dict, bool)):
            raise TypeError(ref)
        return node

    def valid(self, instance: Any) -> bool:
        if not self.usable:
            return False
        try:
            return self._compiled(self._root)(instance)
        except RecursionError:  # too deep for this check: the validator decides
            return False

    def _compiled(self, schema: Any) -> Check:
        """`schema` as one function of the instance, made once per subschema (dispatching on
        the keywords for every value cost more than the checks)."""
        check = self._checks.get(id(schema))
        if check is None:
            check = self._checks[id(schema)] = self._compile(schema)
        return check

    def _compile(self, schema: Any) -> Check:
        if isinstance(schema, bool):
            return lambda _instance: schema
        checks = [check for keyword, value in schema.items() if (check := self._keyword(keyword, value))]
        if len(checks) == 1:
            return checks[0]

        def every(instance: Any) -> bool:
            return all(check(instance) for check in checks)

        return every

    def _keyword(self, keyword: str, value: Any) -> Check | None:  # noqa: PLR0911 - one return a keyword
        """Whether an instance satisfies one keyword, tested as jsonschema tests it; None for an
        annotation (`_known` let nothing else through)."""
        if keyword == "type":
            is_type, names = self._is_type, [value] if isinstance(value, str) else value
            if len(names) == 1:
                return lambda instance: bool(is_type(instance, names[0]))
            return lambda instance: any(is_type(instance, name) for name in names)
        if keyword == "properties":
            return self._properties([(name, self._compiled(sub)) for name, sub in value.items()])
        if keyword == "required":
            return lambda instance: not isinstance(instance, dict) or all(name in instance for name in value)
        if keyword == "anyOf":
            subs = [self._compiled(sub) for sub in value]
            return lambda instance: any(sub(instance) for sub in subs)
        if keyword == "items":
            item = self._compiled(value)
            return lambda instance: not isinstance(instance, list) or all(map(item, instance))
        if keyword == "$ref":
            target = self._refs[value]  # compiled when first used: a $ref may name its own schema
            return lambda instance: self._compiled(target)(instance)
        if keyword == "minLength":
            return lambda instance: not isinstance(instance, str) or len(instance) >= value
        if keyword == "maxLength":
            return lambda instance: not isinstance(instance, str) or len(instance) <= value
        if keyword == "pattern":
            pattern = re.compile(value)
            return lambda instance: not isinstance(instance, str) or pattern.search(instance) is not None
        if keyword == "format" and self._formats is not None:
            formats = self._formats
            return lambda instance: bool(formats.conforms(instance, value))
        return None

    @staticmethod
    def _properties(subs: list[tuple[str, Check]]) -> Check:
        def check(instance: Any) -> bool:
            if isinstance(instance, dict):
                for name, sub in subs:
                    if name in instance and not sub(instance[name]):
                        return False
            return True

        return check
