"""JUnit XML, laid out as ESLint's junit formatter (what CI test viewers already read).

One `<testsuite>` per file; one `<testcase>` per finding, each with one `<failure>` whose
text is `line:col CODE message`; a clean file (from `context.paths`) is a suite with one
passing test case. Characters XML 1.0 cannot carry are written as visible escapes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import attrgetter
from typing import TextIO

from seo_lint.findings import Finding
from seo_lint.reporters import ReportContext, reporter
from seo_lint.reporters._common import visible


def _suite(path: str, findings: list[Finding]) -> ET.Element:
    name = visible(path)
    suite = ET.Element(
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
        return suite
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
    return suite


def _suites(findings: Iterable[Finding], paths: list[str]) -> Iterator[tuple[str, list[Finding]]]:
    """(path, its findings) for every path, sorted: the findings' files (they arrive sorted by
    path) merged with the clean `paths` (sorted)."""
    clean = iter(paths)
    pending = next(clean, None)
    for path, grouped in groupby(findings, key=attrgetter("path")):
        while pending is not None and pending <= path:
            if pending != path:
                yield pending, []
            pending = next(clean, None)
        yield path, list(grouped)
    while pending is not None:
        yield pending, []
        pending = next(clean, None)


@reporter("junit")
def junit(findings: Iterable[Finding], out: TextIO, context: ReportContext) -> None:
    """What ElementTree writes for the whole indented tree, one suite at a time: the findings
    are read twice (the root's totals come first), memory holds one file's."""
    failures = 0
    failed: set[str] = set()
    for finding in findings:
        failures += 1
        failed.add(finding.path)
    paths = sorted(set(context.paths))
    tests = failures + sum(1 for path in paths if path not in failed)
    del failed
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    head = f'<testsuites name="seo-lint" tests="{tests}" failures="{failures}"'
    empty = True
    for path, group in _suites(findings, paths):
        suite = _suite(path, group)
        ET.indent(suite, level=1)
        out.write((f"{head}>" if empty else "") + "\n  " + ET.tostring(suite, encoding="unicode"))
        empty = False
    out.write(f"{head} />\n" if empty else "\n</testsuites>\n")
