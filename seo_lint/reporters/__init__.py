"""Reporters: each is a function `(findings, out, context) -> None`, registered by format name.

Reporters never decide what to report (the runner does); they only render. Output is
deterministic: findings arrive sorted by path, line, column, code. `findings` is an iterable
that may be read more than once (the runner's decodes them file by file on each reading):
reporters write as they read and never hold every finding (sarif and junit read them twice:
their totals come first).

Formats: `text` (grouped by file, source line and caret, summary), `concise`
(`path:line:col: CODE message`), `json`, `jsonl`, `sarif` (SARIF 2.1.0 for GitHub code
scanning), `github` (workflow-command annotations, then the concise lines), `junit`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from seo_lint.findings import Finding

if TYPE_CHECKING:
    from seo_lint.registry import Rule


@dataclass(frozen=True)
class ReportContext:
    #: Every registered rule by code (for SARIF's rule list, names and docs).
    rules: Mapping[str, Rule]
    #: path -> source text, for the text reporter's source line and caret, and for SARIF's
    #: fingerprints (pass them whenever they are at hand, always the same way, so that
    #: fingerprints stay comparable across runs).
    sources: Mapping[str, str] = field(default_factory=dict)
    color: bool = False
    #: Files linted, and the fixes applied per path (for the summary line).
    files_checked: int = 0
    fixed: int = 0
    #: Directory that paths are relative to (SARIF's %SRCROOT%).
    root: str = "."
    #: Print counts per rule instead of the findings (text, concise, json).
    statistics: bool = False
    tool_version: str = ""
    #: Fixable findings left (summary line "N fixable with --fix").
    show_fix_hint: bool = True
    #: `--unsafe-fixes` was given: unsafe fixes count as fixable with `--fix` in the hint.
    unsafe_fixes: bool = False
    #: Every path checked, in order (JUnit lists the clean ones as passing test cases).
    paths: tuple[str, ...] = ()


Reporter = Callable[[Iterable[Finding], TextIO, ReportContext], None]
REPORTERS: dict[str, Reporter] = {}


def reporter(name: str) -> Callable[[Reporter], Reporter]:
    def decorator(func: Reporter) -> Reporter:
        REPORTERS[name] = func
        return func

    return decorator


#: The module of each built-in format, so that a run imports only the reporter it uses (the
#: text reporter needs rich: a tenth of a cached run's start-up).
_MODULES = {"text": "text", "concise": "concise", "json": "json", "jsonl": "json", "sarif": "sarif",
            "github": "github", "junit": "junit"}


def _load() -> None:
    from seo_lint.reporters import concise, github, json, junit, sarif, text  # noqa: F401


def get(name: str) -> Reporter:
    if name not in REPORTERS and name in _MODULES:
        import importlib

        importlib.import_module(f"seo_lint.reporters.{_MODULES[name]}")
    if name not in REPORTERS:
        _load()
    return REPORTERS[name]


def names() -> list[str]:
    _load()
    return sorted(REPORTERS)
