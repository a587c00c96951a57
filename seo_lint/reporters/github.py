"""GitHub Actions workflow commands: one annotation per finding, then the concise report.

`::error file=PATH,line=L,endLine=L2,col=C,endColumn=C2,title=CODE name::message`
(`::warning`, `::notice` for info). GitHub shows at most 10 errors and 10 warnings per step
(and 50 annotations per job), so the concise lines follow the annotations: the job log always
has every finding. Columns are left out when a span covers more than one line.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from seo_lint.findings import Finding, Severity
from seo_lint.reporters import ReportContext, reporter
from seo_lint.reporters._common import utf8_safe, visible
from seo_lint.reporters.concise import concise_line

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """GitHub's escapes for `%`, CR and LF; other control characters (a post's ESC or BEL,
    which a log viewer or a terminal would interpret) are shown as `\\x1b`, never sent."""
    return visible(utf8_safe(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    props = [
        ("file", finding.path),
        ("line", str(finding.line)),
        ("endLine", str(max(finding.end_line, finding.line))),
    ]
    if finding.end_line <= finding.line:
        end_column = finding.end_column if finding.end_line == finding.line else finding.column
        props += [
            ("col", str(finding.column)),
            ("endColumn", str(max(end_column, finding.column + 1))),
        ]
    props.append(("title", f"{finding.code} {finding.name}"))
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{COMMAND[finding.severity]} {rendered}::{escape_data(finding.message)}\n"


@reporter("github")
def github(findings: Iterable[Finding], out: TextIO, context: ReportContext) -> None:
    out.writelines(annotation(f) for f in findings)
    out.writelines(concise_line(f) for f in findings)
