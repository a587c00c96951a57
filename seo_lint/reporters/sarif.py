"""SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`).

- `tool.driver.rules` lists every registered rule, sorted by code, so `ruleIndex` is stable
  whatever was found; each carries its documentation (`help`) and page (`helpUri`).
- Columns are code points (`columnKind: unicodeCodePoints`); an empty span is one column wide.
- Paths are relative URIs under `%SRCROOT%` (the lint root), percent-encoded.
- `partialFingerprints.primaryLocationLineHash` hashes the path, the code, the source line's
  text (the message when the source is not at hand) and the occurrence among identical ones:
  it does not change when the finding moves to another line.
- Fixes are SARIF `fixes` with code point `charOffset`/`charLength` regions.
- At most 25,000 results (GitHub's limit per run): errors are kept first, and
  `runs[0].properties` says how many there were.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from seo_lint.findings import Finding
from seo_lint.registry import Rule
from seo_lint.reporters import ReportContext, reporter
from seo_lint.reporters._common import REPOSITORY, SARIF_LEVEL, rule_url, utf8_safe

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
MAX_RESULTS = 25_000
ROOT_ID = "%SRCROOT%"


def _section(doc: str, title: str) -> str:
    """The text under `## title` up to the next heading, each paragraph on one line."""
    lines = doc.splitlines()
    try:
        start = lines.index(f"## {title}") + 1
    except ValueError:
        return ""
    body: list[str] = []
    for line in lines[start:]:
        if line.startswith("#"):
            break
        body.append(line.strip())
    paragraphs = "\n".join(body).strip().split("\n\n")
    return "\n\n".join(" ".join(p.split("\n")) for p in paragraphs)


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    doc = rule.doc
    summary = rule.summary or rule.name
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": _section(doc, "What it does") or summary},
        "help": {"text": doc or summary, "markdown": doc or summary},
    }
    url = rule_url(rule)
    if url:
        descriptor["helpUri"] = url
    descriptor["defaultConfiguration"] = {"level": SARIF_LEVEL[rule.severity]}
    family = rule.module.rsplit(".", 1)[-1]
    descriptor["properties"] = {"tags": sorted({"seo", family})}
    return descriptor


def artifact_uri(path: str, root: str) -> tuple[str, bool]:
    """(URI, relative to %SRCROOT%?) of a finding's path."""
    if os.path.isabs(path):
        relative = os.path.relpath(path, os.path.abspath(root))
        if relative == os.pardir or relative.startswith(os.pardir + os.sep):
            return Path(path).as_uri(), False
        path = relative
    posix = posixpath.normpath(path.replace(os.sep, "/"))
    return quote(utf8_safe(posix), safe="/"), True


def root_uri(root: str) -> str:
    uri = Path(os.path.abspath(root)).as_uri()
    return uri if uri.endswith("/") else uri + "/"


def region(finding: Finding) -> dict[str, int]:
    end_line = max(finding.end_line, finding.line)
    end_column = finding.end_column
    if end_line == finding.line:
        end_column = max(end_column, finding.column + 1)
    return {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": end_line,
        "endColumn": end_column,
    }


def _line_text(source: str | None, lines: list[str] | None, finding: Finding) -> tuple[str | None, list[str] | None]:
    """(the finding's source line, stripped, or None; `source` split in lines, kept for the
    next finding of the same file)."""
    if source is None:
        return None, None
    if lines is None:
        lines = source.split("\n")
    if not 1 <= finding.line <= len(lines):
        return None, lines
    return lines[finding.line - 1].strip(), lines


def fingerprint(uri: str, finding: Finding, text: str | None, seen: dict[str, int]) -> str:
    """`hash:occurrence`, as GitHub computes its own (independent of line numbers); `seen`
    counts the hashes so far."""
    key = "\0".join((uri, finding.code, finding.message if text is None else text))
    digest = hashlib.sha256(utf8_safe(key).encode("utf-8")).hexdigest()[:16]
    seen[digest] = seen.get(digest, 0) + 1
    return f"{digest}:{seen[digest]}"


def _location(uri: str, relative: bool) -> dict[str, str]:
    return {"uri": uri, "uriBaseId": ROOT_ID} if relative else {"uri": uri}


def _fixes(finding: Finding, location: dict[str, str]) -> list[dict[str, Any]]:
    fix = finding.fix
    if (
        fix is None
        or not fix.edits
        or any(edit.start < 0 or edit.end < edit.start for edit in fix.edits)
    ):
        return []
    replacements = [
        {
            "deletedRegion": {"charOffset": edit.start, "charLength": edit.end - edit.start},
            "insertedContent": {"text": edit.replacement},
        }
        for edit in fix.edits
    ]
    change: dict[str, Any] = {"artifactLocation": location, "replacements": replacements}
    entry: dict[str, Any] = {}
    if fix.description:
        entry["description"] = {"text": fix.description}
    entry["artifactChanges"] = [change]
    entry["properties"] = {"safety": fix.safety.value}
    return [entry]


def _quotas(ranks: Counter[int]) -> dict[int, int]:
    """How many findings of each severity rank are kept: the first MAX_RESULTS by severity
    (errors first); within a severity, the first ones in report order."""
    left = MAX_RESULTS
    quotas: dict[int, int] = {}
    for rank in sorted(ranks, reverse=True):
        quotas[rank] = min(ranks[rank], left)
        left -= quotas[rank]
    return quotas


def _results(findings: Iterable[Finding], context: ReportContext, index: Mapping[str, int],
             quotas: dict[int, int]) -> Iterator[dict[str, Any]]:
    """The SARIF result of each finding kept, in report order (one file's lines at a time)."""
    seen: dict[str, int] = {}  # at most MAX_RESULTS hashes
    path: str | None = None
    uri, relative, source, lines = "", True, None, None
    for finding in findings:
        rank = finding.severity.rank
        if not quotas[rank]:
            continue
        quotas[rank] -= 1
        if finding.path != path:
            path = finding.path
            uri, relative = artifact_uri(path, context.root)
            source, lines = context.sources.get(path), None
        text, lines = _line_text(source, lines, finding)
        location = _location(uri, relative)
        result: dict[str, Any] = {
            "ruleId": finding.code,
            "ruleIndex": index[finding.code],
            "level": SARIF_LEVEL[finding.severity],
            "message": {"text": finding.message},
            "locations": [
                {"physicalLocation": {"artifactLocation": location, "region": region(finding)}}
            ],
            "partialFingerprints": {"primaryLocationLineHash": fingerprint(uri, finding, text, seen)},
        }
        fixes = _fixes(finding, location)
        if fixes:
            result["fixes"] = fixes
        yield result


#: Where the results go in the log's skeleton (written around them as they are made).
_HOLE = "\0seo-lint results\0"


@reporter("sarif")
def sarif(findings: Iterable[Finding], out: TextIO, context: ReportContext) -> None:
    """Two readings of the findings: the first counts them (the rule list and the limit
    depend on all of them), the second writes each result as it is made."""
    rules = [context.rules[code] for code in sorted(context.rules)]
    descriptors = [rule_descriptor(rule) for rule in rules]
    index = {rule.code: i for i, rule in enumerate(rules)}
    ranks: Counter[int] = Counter()
    for finding in findings:
        ranks[finding.severity.rank] += 1
        if finding.code not in index:  # a code with no registered rule still gets a descriptor
            index[finding.code] = len(descriptors)
            descriptors.append({"id": finding.code, "name": finding.name})
    quotas = _quotas(ranks)
    total, kept = sum(ranks.values()), sum(quotas.values())
    driver: dict[str, Any] = {"name": "seo-lint", "informationUri": REPOSITORY}
    if context.tool_version:
        driver["version"] = context.tool_version
    driver["rules"] = descriptors
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {ROOT_ID: {"uri": root_uri(context.root)}},
        "results": _HOLE,
    }
    if kept < total:
        run["properties"] = {
            "truncated": True,
            "totalResults": total,
            "reportedResults": kept,
            "note": f"GitHub accepts at most {MAX_RESULTS} results per run; errors were kept first",
        }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    # What json.dumps(log, indent=2) writes with the results in place, one result at a time.
    head, _, tail = json.dumps(log, indent=2, ensure_ascii=False).rpartition(json.dumps(_HOLE))
    key_line = head[head.rfind("\n") + 1 :]  # `      "results": `
    outer = key_line[: len(key_line) - len(key_line.lstrip(" "))]
    inner = outer + "  "
    out.write(utf8_safe(head))
    first = True
    for result in _results(findings, context, index, quotas):
        text = json.dumps(result, indent=2, ensure_ascii=False).replace("\n", "\n" + inner)
        out.write(utf8_safe(("[\n" if first else ",\n") + inner + text))
        first = False
    out.write(utf8_safe(("[]" if first else f"\n{outer}]") + tail) + "\n")
