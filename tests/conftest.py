"""Shared test helpers: lint a text and get findings as exact, comparable lines."""

from __future__ import annotations

import textwrap
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
