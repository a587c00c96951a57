"""The default front matter JSON Schema, shipped as package data."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

DEFAULT_SCHEMA = "post.schema.json"


@lru_cache(maxsize=None)
def _load(name: str) -> dict[str, Any]:
    text = resources.files("seo_lint.schemas").joinpath(name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def load_default() -> dict[str, Any]:
    """The packaged default schema for blog posts (cached: the same dict every call; do not mutate)."""
    return _load(DEFAULT_SCHEMA)
