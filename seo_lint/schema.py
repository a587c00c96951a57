"""The default front matter JSON Schemas, shipped as package data, and schema helpers."""

from __future__ import annotations

import json
import sys
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
