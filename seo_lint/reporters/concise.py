"""`path:line:col: CODE message` — one line per finding, for editors and grep."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from seo_lint.findings import Finding
from seo_lint.reporters import ReportContext, reporter
from seo_lint.reporters._common import statistics, statistics_lines, visible


def concise_line(finding: Finding, paths: dict[str, str] | None = None) -> str:
    """`paths`: paths already made visible (a file has several findings)."""
    path = paths.get(finding.path) if paths is not None else None
    if path is None:
        path = visible(finding.path)
        if paths is not None:
            paths.clear()
            paths[finding.path] = path
    return f"{path}:{finding.line}:{finding.column}: {finding.code} {visible(finding.message)}\n"


@reporter("concise")
def concise(findings: Iterable[Finding], out: TextIO, context: ReportContext) -> None:
    if context.statistics:
        out.writelines(
            row + "\n" for row in statistics_lines(statistics(findings, context.unsafe_fixes))
        )
        return
    paths: dict[str, str] = {}
    out.writelines(concise_line(f, paths) for f in findings)
