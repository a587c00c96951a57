"""JUnit XML, laid out as ESLint's junit formatter (what CI test viewers already read).

One `<testsuite>` per file; one `<testcase>` per finding, each with one `<failure>` whose
text is `line:col CODE message`; a clean file (from `context.paths`) is a suite with one
passing test case. Characters XML 1.0 cannot carry are written as visible escapes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import TextIO

from seo_lint.findings import Finding
from seo_lint.reporters import ReportContext, reporter
from seo_lint.reporters._common import visible


def _suite(root: ET.Element, path: str, findings: list[Finding]) -> None:
    name = visible(path)
    suite = ET.SubElement(
        root,
        "testsuite",
        {
            "name": name,
            "tests": str(len(findings) or 1),
            "failures": str(len(findings)),
            "errors": "0",
            "skipped": "0",
        },
    )
    if not findings:
        ET.SubElement(suite, "testcase", {"name": name, "classname": name, "file": name})
        return
    for finding in findings:
        location = f"{finding.line}:{finding.column}"
        case = ET.SubElement(
            suite,
            "testcase",
            {
                "name": f"{location} {finding.code} {finding.name}",
                "classname": name,
                "file": name,
                "line": str(finding.line),
            },
        )
        message = visible(finding.message)
        failure = ET.SubElement(case, "failure", {"type": finding.code, "message": message})
        failure.text = f"{location} {finding.code} {message}"


@reporter("junit")
def junit(findings: Iterable[Finding], out: TextIO, context: ReportContext) -> None:
    findings = list(findings)
    by_path: dict[str, list[Finding]] = {path: [] for path in context.paths}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    root = ET.Element(
        "testsuites",
        {
            "name": "seo-lint",
            "tests": str(sum(len(f) or 1 for f in by_path.values())),
            "failures": str(len(findings)),
        },
    )
    for path in sorted(by_path):
        _suite(root, path, by_path[path])
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
