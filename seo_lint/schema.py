"""The default front matter JSON Schemas, shipped as package data, and schema helpers."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

DEFAULT_SCHEMA = "post.schema.json"


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
    from jsonschema import Draft202012Validator  # imported here: slow (~0.8 s), rarely needed
    from jsonschema.exceptions import SchemaError

    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as error:
        where = "/".join(str(part) for part in error.absolute_path)
        return f"invalid JSON Schema{' at ' + where if where else ''}: {error.message}"[:300]
    return None
