"""`json`: one array of findings; `jsonl`: one compact object per line (for streaming tools).

Each object is `Finding.to_dict()` plus `url`, the rule's documentation page (null for a
plugin's rule). With `--statistics`, both print counts per rule instead.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from seo_lint.findings import Finding
from seo_lint.reporters import ReportContext, reporter
from seo_lint.reporters._common import rule_url, statistics, utf8_safe

# Line separators that JSON leaves raw but `str.splitlines()` splits on: escape them in JSON Lines.
_SEPARATORS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _records(findings: list[Finding], context: ReportContext) -> list[dict[str, Any]]:
    if context.statistics:
        return [
            {"code": s.code, "name": s.name, "count": s.count, "fixable": s.fixable == "safe"}
            for s in statistics(findings, context.unsafe_fixes)
        ]
    return [{**f.to_dict(), "url": rule_url(context.rules.get(f.code))} for f in findings]


@reporter("json")
def json_report(findings: list[Finding], out: TextIO, context: ReportContext) -> None:
    out.write(
        utf8_safe(json.dumps(_records(findings, context), indent=2, ensure_ascii=False)) + "\n"
    )


@reporter("jsonl")
def jsonl_report(findings: list[Finding], out: TextIO, context: ReportContext) -> None:
    for record in _records(findings, context):
        line = utf8_safe(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
        for char, escape in _SEPARATORS.items():
            line = line.replace(char, escape)
        out.write(line + "\n")
