"""`path:line:col: CODE message` — one line per finding, for editors and grep."""

from __future__ import annotations

from typing import TextIO

from seo_lint.findings import Finding
from seo_lint.reporters import ReportContext, reporter


@reporter("concise")
def concise(findings: list[Finding], out: TextIO, context: ReportContext) -> None:
    for f in findings:
        out.write(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}\n")
