"""The kernel's entry points: text in, findings out. No disk, no terminal.

`lint_document` runs the active per-document rules over one Document, turns their
violations into findings, applies inline suppressions, and never lets a crashing rule
stop the others (the crash becomes SL002). `check_site` does the same for site rules.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from seo_lint import registry, suppress
from seo_lint.document import Document, DocumentSettings
from seo_lint.findings import Finding, Severity, Violation
from seo_lint.registry import Rule, RuleOptions, Site, Summary

LOAD_RULES = frozenset({"FILE001", "FILE002"})


@dataclass(frozen=True)
class ActiveRule:
    rule: Rule
    severity: Severity
    options: RuleOptions


def default_rules(select: Iterable[str] | None = None) -> list[ActiveRule]:
    """Every rule (or the selected ones) with its default severity and options."""
    codes = registry.resolve(list(select)) if select is not None else None
    return [
        ActiveRule(rule, rule.severity, rule.options())
        for rule in registry.all_rules()
        if codes is None or rule.code in codes
    ]


_LINE_BREAKS = re.compile("[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")


def one_line(message: str) -> str:
    """A message as one line: a rule quoting text may quote a line break."""
    return _LINE_BREAKS.sub(" ", message)


def make_finding(doc: Document, active: ActiveRule, violation: Violation) -> Finding:
    size = len(doc.source)
    start = max(0, min(violation.start, size))
    end = max(start, min(violation.end, size))
    position = doc.lines.position
    line, column = position(start)
    end_line, end_column = (line, column) if end == start else position(end)
    severity = active.severity
    if violation.severity is not None and active.severity == active.rule.severity:
        severity = violation.severity
    message = violation.message
    if not message.isprintable():  # every line break is a control or separator character
        message = one_line(message)
    return Finding(
        doc.path, line, column, end_line, end_column, active.rule.code, active.rule.name,
        severity, message, violation.fix, start, end,
    )


def _crash(path: str, code: str, error: BaseException, what: str = "rule") -> Finding:
    rule = registry.get("SL002")
    frame = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    where = f" at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}" if frame else ""
    message = f"{what} {code} crashed on this file: {type(error).__name__}: {error}{where}"
    return Finding(
        path, 1, 1, 1, 1, "SL002", rule.name if rule else "rule-crashed", Severity.ERROR,
        message.replace("\n", " ")[:500],
    )


def lint_document(doc: Document, rules: Sequence[ActiveRule]) -> list[Finding]:
    findings: list[Finding] = []
    lintable = doc.load_problem is None or doc.load_problem.lintable
    for active in rules:
        if active.rule.scope != "document" or (not lintable and active.rule.code not in LOAD_RULES):
            continue
        try:
            for violation in active.rule.check(doc, active.options):
                findings.append(make_finding(doc, active, violation))
        except Exception as error:  # noqa: BLE001 - a crashing rule must not stop the run
            findings.append(_crash(doc.path, active.rule.code, error))
    if lintable:
        findings = apply_suppressions(doc, findings, rules)
    return sorted(findings, key=Finding.sort_key)


def apply_suppressions(doc: Document, findings: list[Finding], rules: Sequence[ActiveRule]) -> list[Finding]:
    """Drop suppressed findings; report unused directives when SL001 is active."""
    if "seo-lint" not in doc.source:
        return findings
    try:
        suppressions = suppress.parse(doc)
    except Exception as error:  # noqa: BLE001
        return findings + [_crash(doc.path, "SL001", error)]
    kept: list[Finding] = []
    for finding in findings:
        directive = suppressions.covers(finding.code, finding.line)
        if directive is None:
            kept.append(finding)
        else:
            directive.used = True
    unused_rule = next((r for r in rules if r.rule.code == "SL001"), None)
    if unused_rule is not None:
        for directive, message in suppress.unused(suppressions):
            kept.append(make_finding(doc, unused_rule, Violation(directive.start, directive.end, message)))
    return kept


def lint_text(
    source: str | bytes,
    path: str = "post.md",
    rules: Sequence[ActiveRule] | None = None,
    settings: DocumentSettings | None = None,
) -> list[Finding]:
    """Lint one post given as text or bytes: the kernel's whole per-file pass, without I/O."""
    from seo_lint.load import document_from_bytes

    data = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
    doc = document_from_bytes(path, data, settings)
    return lint_document(doc, default_rules() if rules is None else rules)


def summarize(doc: Document, crashes: list[Finding] | None = None) -> Summary:
    """Run every summarizer; one that fails leaves its key out (site rules must cope) and,
    with `crashes`, adds an SL002 finding there (as a crashing rule does)."""
    if doc.load_problem is not None and not doc.load_problem.lintable:
        return Summary(doc.path, {})  # binary, unreadable or too large: not linted, not summarised
    data = {}
    for key, func in registry.summarizers().items():
        try:
            data[key] = func(doc)
        except Exception as error:  # noqa: BLE001 - a crashing summarizer must not stop the run
            if crashes is not None:
                crashes.append(_crash(doc.path, key, error, "summarizer"))
    return Summary(doc.path, data)


def check_site(site: Site, rules: Sequence[ActiveRule]) -> list[Finding]:
    return sorted(site_findings(site, rules), key=Finding.sort_key)


def site_findings(site: Site, rules: Sequence[ActiveRule]) -> Iterator[Finding]:
    """The site rules' findings as they are found (`check_site` sorts them): a caller can
    encode each one at once rather than hold them all."""
    for active in rules:
        if active.rule.scope != "site":
            continue
        try:
            for v in active.rule.check(site, active.options):
                if v.path in site.linted:
                    yield Finding(v.path, v.line, v.column, v.end_line, v.end_column, active.rule.code,
                                  active.rule.name, active.severity, one_line(v.message))
        except Exception as error:  # noqa: BLE001
            yield _crash(sorted(site.linted)[0] if site.linted else site.root, active.rule.code, error)
