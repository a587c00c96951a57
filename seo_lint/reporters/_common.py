"""Small helpers the reporters share: safe one-line text, rule links, fix counts, statistics."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from seo_lint.findings import Finding, FixSafety, Severity

if TYPE_CHECKING:
    from seo_lint.registry import Rule

REPOSITORY = "https://github.com/seo-lint/seo-lint"
RULE_PAGE = REPOSITORY + "/blob/main/rules/{code}.md"

#: SARIF / GitHub level of each severity.
SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

# Control characters (but tab), DEL, C1 controls and lone surrogates (undecodable file names).
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff]")
_ESCAPES = {"\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` on one line, with no terminal escape: controls become `\\n`, `\\x1b`, ..."""
    return _UNPRINTABLE.sub(_escape, text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def utf8_safe(text: str) -> str:
    """`text` with lone surrogates (from undecodable file names) replaced: writable as UTF-8."""
    return _SURROGATE.sub("\ufffd", text)


def rule_url(rule: Rule | None) -> str | None:
    """The documentation page of a built-in rule (None for a plugin's rule)."""
    if rule is None or not rule.module.startswith("seo_lint."):
        return None
    return RULE_PAGE.format(code=rule.code)


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 or word == "info" else f"{count} {word}s"


def is_fixable(finding: Finding, unsafe_fixes: bool = False) -> bool:
    fix = finding.fix
    return fix is not None and (unsafe_fixes or fix.safety is FixSafety.SAFE)


def fix_counts(findings: Iterable[Finding], unsafe_fixes: bool = False) -> tuple[int, int]:
    """(fixable with --fix, fixable only when --unsafe-fixes is added)."""
    fixable = unsafe = 0
    for finding in findings:
        if finding.fix is None:
            continue
        if is_fixable(finding, unsafe_fixes):
            fixable += 1
        else:
            unsafe += 1
    return fixable, unsafe


@dataclass(frozen=True)
class Stat:
    count: int
    code: str
    name: str
    #: "safe" (some finding has a fix --fix applies), "unsafe" (only with --unsafe-fixes), "".
    fixable: str


def statistics(findings: Iterable[Finding], unsafe_fixes: bool = False) -> list[Stat]:
    """Counts per rule, most frequent first, then by code."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    fixable: dict[str, str] = {}
    for finding in findings:
        counts[finding.code] += 1
        names.setdefault(finding.code, finding.name)
        if finding.fix is not None:
            kind = "safe" if is_fixable(finding, unsafe_fixes) else "unsafe"
            if fixable.get(finding.code) != "safe":
                fixable[finding.code] = kind
    return sorted(
        (Stat(count, code, names[code], fixable.get(code, "")) for code, count in counts.items()),
        key=lambda stat: (-stat.count, stat.code),
    )


_MARKERS = {"safe": "[*]", "unsafe": "[-]", "": "   "}


def statistics_lines(stats: list[Stat]) -> list[str]:
    """`count  CODE  [*] name` rows, aligned; `[*]` fixable with --fix, `[-]` with --unsafe-fixes."""
    if not stats:
        return []
    count_width = max(len(str(stat.count)) for stat in stats)
    code_width = max(len(stat.code) for stat in stats)
    return [
        f"{stat.count:>{count_width}}  {stat.code:<{code_width}}  {_MARKERS[stat.fixable]} {stat.name}"
        for stat in stats
    ]
