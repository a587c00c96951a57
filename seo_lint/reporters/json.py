"""`json`: one array of findings; `jsonl`: one compact object per line (for streaming tools).

Each object is `Finding.to_dict()` plus `url`, the rule's documentation page (null for a
plugin's rule). With `--statistics`, both print counts per rule instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from seo_lint.findings import Finding
from seo_lint.reporters import ReportContext, reporter
from seo_lint.reporters._common import rule_url, statistics, utf8_safe

# Line separators that JSON leaves raw but `str.splitlines()` splits on: escape them in JSON Lines.
_SEPARATORS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _records(findings: Iterable[Finding], context: ReportContext) -> Iterator[dict[str, Any]]:
    if context.statistics:
        for s in statistics(findings, context.unsafe_fixes):
            yield {"code": s.code, "name": s.name, "count": s.count, "fixable": s.fixable == "safe"}
        return
    urls: dict[str, str | None] = {}
    for f in findings:
        url = urls.get(f.code, "")
        if url == "":
            url = urls[f.code] = rule_url(context.rules.get(f.code))
        yield {**f.to_dict(), "url": url}


@reporter("json")
def json_report(findings: Iterable[Finding], out: TextIO, context: ReportContext) -> None:
    # What json.dumps(records, indent=2) writes, one record at a time (a string in JSON holds
    # no raw line break, so indenting every line of a record indents the record).
    first = True
    for record in _records(findings, context):
        text = json.dumps(record, indent=2, ensure_ascii=False).replace("\n", "\n  ")
        out.write(utf8_safe(("[\n  " if first else ",\n  ") + text))
        first = False
    out.write("[]\n" if first else "\n]\n")


@reporter("jsonl")
def jsonl_report(findings: Iterable[Finding], out: TextIO, context: ReportContext) -> None:
    for record in _records(findings, context):
        line = utf8_safe(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
        for char, escape in _SEPARATORS.items():
            line = line.replace(char, escape)
        out.write(line + "\n")
