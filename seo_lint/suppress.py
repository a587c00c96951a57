"""Inline suppressions: `<!-- seo-lint-disable ... -->` and the front matter `seo-lint` key.

markdownlint's directive set, in seo-lint's name. A directive with no rules applies to
every rule. A directive that suppresses nothing is reported as SL001 (like ruff's RUF100).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from seo_lint import registry
from seo_lint.document import Document

DIRECTIVE = re.compile(
    r"<!--\s*seo-lint-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]{0,500}?)-->"
)
NEVER_SUPPRESSED = frozenset({"SL001"})


@dataclass
class Directive:
    kind: str
    codes: frozenset[str] | None  # None: every rule
    start: int
    end: int
    line: int
    text: str
    unknown: list[str] = field(default_factory=list)
    used: bool = False


@dataclass
class Suppressions:
    directives: list[Directive]

    def covers(self, code: str, line: int) -> Directive | None:
        """The directive that suppresses `code` on `line`, if any."""
        if code in NEVER_SUPPRESSED:
            return None
        active: Directive | None = None
        for directive in self.directives:
            matches = directive.codes is None or code in directive.codes
            if not matches:
                continue
            if directive.kind == "disable-file":
                return directive
            if directive.kind == "disable-line" and directive.line == line:
                return directive
            if directive.kind == "disable-next-line" and directive.line + 1 == line:
                return directive
            if directive.kind in ("disable", "enable") and directive.line <= line:
                active = directive if directive.kind == "disable" else None
        return active


def _codes(raw: str, directive: Directive) -> frozenset[str] | None:
    names = [part for part in re.split(r"[\s,]+", raw.strip()) if part]
    if not names:
        return None
    codes: set[str] = set()
    for name in names:
        try:
            codes |= registry.resolve([name])
        except registry.UnknownRule:
            directive.unknown.append(name)
    return frozenset(codes)


def parse(doc: Document) -> Suppressions:
    directives: list[Directive] = []
    code_ranges = doc.code if "seo-lint-" in doc.source else []
    for match in DIRECTIVE.finditer(doc.source):
        if any(start <= match.start() < end for start, end in code_ranges):
            continue
        line = doc.position(match.start())[0]
        directive = Directive(match.group(1), None, match.start(), match.end(), line, match.group().strip())
        directive.codes = _codes(match.group(2), directive)
        directives.append(directive)
    setting = doc.meta.get("seo-lint")
    if isinstance(setting, dict) and "disable" in setting:
        raw = setting["disable"]
        names = raw if isinstance(raw, list) else [raw]
        start, end = doc.key_span("seo-lint")
        directive = Directive("disable-file", None, start, end, doc.position(start)[0], "seo-lint: disable")
        directive.codes = _codes(" ".join(str(n) for n in names), directive) if names else None
        directives.append(directive)
    return Suppressions(directives)


def unused(suppressions: Suppressions) -> Iterable[tuple[Directive, str]]:
    """(directive, message) for each directive that suppressed nothing or names unknown rules."""
    for directive in suppressions.directives:
        if directive.unknown:
            yield directive, f"`{directive.text}` names unknown rule(s): {', '.join(directive.unknown)}"
        elif not directive.used and directive.kind != "enable":
            yield directive, f"`{directive.text}` suppresses nothing"
