"""`path:line:col: CODE message` — one line per finding, for editors and grep."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from seo_lint.findings import Finding
from seo_lint.reporters import ReportContext, reporter
from seo_lint.reporters._common import statistics, statistics_lines, visible


def concise_line(finding: Finding) -> str:
    return f"{visible(finding.path)}:{finding.line}:{finding.column}: {finding.code} {visible(finding.message)}\n"


@reporter("concise")
def concise(findings: Iterable[Finding], out: TextIO, context: ReportContext) -> None:
    if context.statistics:
        out.writelines(
            row + "\n" for row in statistics_lines(statistics(findings, context.unsafe_fixes))
        )
        return
    out.writelines(concise_line(f) for f in findings)
