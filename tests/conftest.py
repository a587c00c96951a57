"""Shared test helpers: lint a text and get findings as exact, comparable lines."""

from __future__ import annotations

import importlib.util
import textwrap
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from seo_lint.document import DocumentSettings
from seo_lint.findings import Finding
from seo_lint.lint import default_rules, lint_text


def lint(
    source: str | bytes,
    select: list[str] | None = None,
    path: str = "_posts/2025-01-10-post.md",
    dedent: bool = True,
    **settings: Any,
) -> list[Finding]:
    """Lint `source` with the selected rules (all when None) and default options."""
    if isinstance(source, str) and dedent:
        source = textwrap.dedent(source).lstrip("\n")
    return lint_text(source, path, default_rules(select), DocumentSettings(**settings))


def lines(findings: list[Finding]) -> list[str]:
    """`line:column CODE message` for each finding: what tests compare exactly."""
    return [f"{f.line}:{f.column} {f.code} {f.message}" for f in findings]


@pytest.fixture
def check():
    """`check(source, select=[...]) -> ["line:col CODE message", ...]`"""

    def run(source: str | bytes, select: list[str] | None = None, **kwargs: Any) -> list[str]:
        return lines(lint(source, select, **kwargs))

    return run


@cache
def fuzz_target() -> ModuleType:
    """`fuzz/fuzz_lint.py` (not a package): the atheris target, whose checks the tests share."""
    spec = importlib.util.spec_from_file_location("fuzz_lint", Path(__file__).parents[1] / "fuzz" / "fuzz_lint.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
