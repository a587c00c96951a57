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
from collections.abc import Iterable, Mapping
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


def _line_text(
    sources: Mapping[str, str], cache: dict[str, list[str]], finding: Finding
) -> str | None:
    source = sources.get(finding.path)
    if source is None:
        return None
    lines = cache.get(finding.path)
    if lines is None:
        lines = cache[finding.path] = source.split("\n")
    if not 1 <= finding.line <= len(lines):
        return None
    return lines[finding.line - 1].strip()


def fingerprints(findings: list[Finding], uris: list[str], sources: Mapping[str, str]) -> list[str]:
    """`hash:occurrence` per finding, as GitHub computes its own (independent of line numbers)."""
    cache: dict[str, list[str]] = {}
    seen: dict[str, int] = {}
    result: list[str] = []
    for finding, uri in zip(findings, uris):
        text = _line_text(sources, cache, finding)
        key = "\0".join((uri, finding.code, finding.message if text is None else text))
        digest = hashlib.sha256(utf8_safe(key).encode("utf-8")).hexdigest()[:16]
        seen[digest] = seen.get(digest, 0) + 1
        result.append(f"{digest}:{seen[digest]}")
    return result


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


def _keep(findings: list[Finding]) -> list[Finding]:
    """The first MAX_RESULTS findings by severity (errors first), in their original order."""
    if len(findings) <= MAX_RESULTS:
        return findings
    ranked = sorted(range(len(findings)), key=lambda i: -findings[i].severity.rank)[:MAX_RESULTS]
    return [findings[i] for i in sorted(ranked)]


def sarif_log(findings: list[Finding], context: ReportContext) -> dict[str, Any]:
    rules = [context.rules[code] for code in sorted(context.rules)]
    descriptors = [rule_descriptor(rule) for rule in rules]
    index = {rule.code: i for i, rule in enumerate(rules)}
    for finding in findings:  # a code with no registered rule still gets a descriptor
        if finding.code not in index:
            index[finding.code] = len(descriptors)
            descriptors.append({"id": finding.code, "name": finding.name})
    kept = _keep(findings)
    locations = [artifact_uri(f.path, context.root) for f in kept]
    prints = fingerprints(kept, [uri for uri, _ in locations], context.sources)
    results = []
    for finding, (uri, relative), fingerprint in zip(kept, locations, prints):
        location = _location(uri, relative)
        result: dict[str, Any] = {
            "ruleId": finding.code,
            "ruleIndex": index[finding.code],
            "level": SARIF_LEVEL[finding.severity],
            "message": {"text": finding.message},
            "locations": [
                {"physicalLocation": {"artifactLocation": location, "region": region(finding)}}
            ],
            "partialFingerprints": {"primaryLocationLineHash": fingerprint},
        }
        fixes = _fixes(finding, location)
        if fixes:
            result["fixes"] = fixes
        results.append(result)
    driver: dict[str, Any] = {"name": "seo-lint", "informationUri": REPOSITORY}
    if context.tool_version:
        driver["version"] = context.tool_version
    driver["rules"] = descriptors
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {ROOT_ID: {"uri": root_uri(context.root)}},
        "results": results,
    }
    if len(kept) < len(findings):
        run["properties"] = {
            "truncated": True,
            "totalResults": len(findings),
            "reportedResults": len(kept),
            "note": f"GitHub accepts at most {MAX_RESULTS} results per run; errors were kept first",
        }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


@reporter("sarif")
def sarif(findings: Iterable[Finding], out: TextIO, context: ReportContext) -> None:
    findings = list(findings)
    text = json.dumps(sarif_log(findings, context), indent=2, ensure_ascii=False)
    out.write(utf8_safe(text) + "\n")
