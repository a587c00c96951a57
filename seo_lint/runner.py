"""The run: discover files, lint each one (reading its bytes once), fix, then the site pass.

Per-file work is `lint_path(path, file_config) -> FileResult`: a top-level function of
picklable values, so a process pool or a cache can wrap it later.

Site rules must see the whole site even when only some files were given (pre-commit passes
batches): every post under the site root is summarised, and findings are reported only for
the files that were linted, filtered by their own selection, severity and inline
suppressions (kept in each summary, so no file is read twice).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from seo_lint import fix, registry, suppress
from seo_lint.config import FileSettings, Resolver, display
from seo_lint.discover import STDIN, discover
from seo_lint.document import Document, DocumentSettings
from seo_lint.findings import Finding
from seo_lint.lint import ActiveRule, check_site, lint_document, summarize
from seo_lint.load import document_from_bytes, unreadable
from seo_lint.registry import Site, Summary, summarizer

SUPPRESSIONS = "suppressions"


@summarizer(SUPPRESSIONS)
def suppressions_summary(doc: Document) -> tuple[tuple[str, tuple[str, ...] | None, int, int], ...]:
    """The file's inline directives as (kind, codes or None for all, line, column)."""
    if "seo-lint" not in doc.source or (doc.load_problem is not None and not doc.load_problem.lintable):
        return ()
    return tuple(
        (d.kind, tuple(sorted(d.codes)) if d.codes is not None else None, d.line, doc.position(d.start)[1])
        for d in suppress.parse(doc).directives
    )


@dataclass(frozen=True)
class FileConfig:
    """What `lint_path` needs for one file (picklable)."""

    display: str  # the path as reported
    settings: DocumentSettings
    rules: tuple[ActiveRule, ...]
    max_size: int
    summarize: bool  # whether a site rule needs this file's summary

    @classmethod
    def of(cls, display_path: str, resolved: FileSettings) -> FileConfig:
        needs_summary = any(active.rule.scope == "site" for active in resolved.rules)
        return cls(display_path, resolved.settings, resolved.rules, resolved.max_file_size, needs_summary)


@dataclass
class FileResult:
    path: str  # as reported
    findings: list[Finding]
    summary: Summary | None
    source: str | None  # the decoded text (None when the file could not be read)
    fixable: bool = False
    digest: str | None = None  # sha256 of the bytes read, to detect changes before writing


def lint_bytes(data: bytes, config: FileConfig, want_summary: bool | None = None) -> FileResult:
    doc = document_from_bytes(config.display, data, config.settings, max_size=config.max_size)
    findings = lint_document(doc, config.rules)
    summary = summarize(doc) if (config.summarize if want_summary is None else want_summary) else None
    return FileResult(config.display, findings, summary, doc.source, doc.fixable, fix.digest(data))


def _read(path: str) -> bytes | str:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        return f"cannot read file: {error.strerror or error}"


def lint_path(path: str, config: FileConfig) -> FileResult:
    """Read `path` once and lint it. An unreadable file becomes a FILE002 finding."""
    data = _read(path)
    if isinstance(data, str):
        doc = unreadable(config.display, data, config.settings)
        summary = summarize(doc) if config.summarize else None
        return FileResult(config.display, lint_document(doc, config.rules), summary, None)
    return lint_bytes(data, config)


def summarize_path(path: str, config: FileConfig) -> Summary:
    """The summary of a file that is part of the site but not linted (same read path)."""
    data = _read(path)
    if isinstance(data, str):
        return summarize(unreadable(config.display, data, config.settings))
    doc = document_from_bytes(config.display, data, config.settings, max_size=config.max_size)
    return summarize(doc)


# --- the run ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    paths: Sequence[str]
    stdin: BinaryIO | None = None
    stdin_filename: str | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False


@dataclass
class Outcome:
    findings: list[Finding] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    files: int = 0
    #: Every path checked, as reported, in order.
    paths: list[str] = field(default_factory=list)
    fixed: int = 0
    #: One-line problems of the tool itself (a fix that could not be written): exit 2.
    errors: list[str] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)
    #: Under --fix with stdin: the (fixed) bytes to print (the input as it was when not fixed).
    stdin_output: bytes | None = None


@dataclass
class _Item:
    path: Path  # absolute (for stdin: where the file would be, for config lookup)
    config: FileConfig
    result: FileResult


class Runner:
    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.cwd = resolver.cwd

    def file_config(self, path: Path, shown: str | None = None) -> FileConfig:
        return FileConfig.of(shown or display(path, self.cwd), self.resolver.resolve(path))

    def run(self, request: Request) -> Outcome:
        outcome = Outcome()
        items: list[_Item] = []
        for path in discover(request.paths, self.resolver.filter_for, self.cwd):
            config = self.file_config(path)
            items.append(self._lint_file(path, config, request, outcome))
        if STDIN in request.paths:
            items.append(self._lint_stdin(request, outcome))
        outcome.files = len(items)
        outcome.paths = [item.result.path for item in items]
        self._site_pass(items)
        for item in items:
            outcome.findings.extend(item.result.findings)
            if item.result.source is not None and item.result.findings:
                outcome.sources[item.result.path] = item.result.source
        outcome.findings.sort(key=Finding.sort_key)
        return outcome

    def _lint_file(self, path: Path, config: FileConfig, request: Request, outcome: Outcome) -> _Item:
        result = lint_path(str(path), config)
        if not (request.fix or request.diff) or not self._has_fixes(result, request):
            return _Item(path, config, result)
        assert result.source is not None and result.digest is not None
        text, fixed_result, count = fix.fix_until_stable(
            result.source, result, lambda t: lint_bytes(t.encode("utf-8"), config), request.unsafe_fixes
        )
        if text == result.source:
            return _Item(path, config, result)
        if request.diff:
            outcome.diffs.append(fix.unified_diff(result.source, text, config.display))
            outcome.fixed += count
            return _Item(path, config, result)
        try:
            fix.write_atomic(path, text.encode("utf-8"), result.digest)
        except fix.FixError as error:
            outcome.errors.append(f"{config.display}: {error}")
            return _Item(path, config, result)
        outcome.fixed += count
        return _Item(path, config, fixed_result)

    @staticmethod
    def _has_fixes(result: FileResult, request: Request) -> bool:
        return result.fixable and result.source is not None and any(
            fix.eligible(f, request.unsafe_fixes) for f in result.findings
        )

    def _lint_stdin(self, request: Request, outcome: Outcome) -> _Item:
        name = request.stdin_filename or STDIN
        path = Path(os.path.abspath(self.cwd / name)) if request.stdin_filename else self.cwd / "-"
        shown = display(path, self.cwd) if request.stdin_filename else STDIN
        config = self.file_config(path, shown)
        data = request.stdin.read() if request.stdin is not None else b""
        result = lint_bytes(data, config, want_summary=any(r.scope == "site" for r in registry.all_rules()))
        if request.fix or request.diff:
            text = result.source
            if self._has_fixes(result, request) and text is not None:
                text, fixed_result, count = fix.fix_until_stable(
                    text, result, lambda t: lint_bytes(t.encode("utf-8"), config), request.unsafe_fixes
                )
                if text != result.source:
                    outcome.fixed += count
                    if request.diff:
                        outcome.diffs.append(fix.unified_diff(result.source or "", text, shown))
                    else:
                        result = fixed_result
            if request.fix and not request.diff:
                outcome.stdin_output = text.encode("utf-8") if result.fixable and text is not None else data
        return _Item(path, config, result)

    # --- site rules ---

    def _site_pass(self, items: list[_Item]) -> None:
        if not any(r.scope == "site" for r in registry.all_rules()):
            return
        groups: dict[Path | None, list[_Item]] = {}
        for item in items:
            groups.setdefault(self.resolver.site_root(item.path), []).append(item)
        linted_paths = {item.path for item in items}
        for root, group in sorted(groups.items(), key=lambda kv: str(kv[0])):
            if any(item.config.summarize for item in group):
                self._check_site(root, group, linted_paths)

    def _check_site(self, root: Path | None, group: list[_Item], linted_paths: set[Path]) -> None:
        by_path = {item.result.path: item for item in group}
        summaries: list[Summary] = []
        for item in group:
            if item.result.summary is None:
                # Site rules are off for this file but it is still part of the site (rare:
                # per-file-ignores); its summary costs a second read.
                item.result.summary = summarize_path(str(item.path), item.config)
            summaries.append(item.result.summary)
        if root is not None:
            for path in discover([str(root)], self.resolver.filter_for, self.cwd):
                if path in linted_paths:
                    continue
                summaries.append(summarize_path(str(path), self.file_config(path)))
        rules: dict[str, ActiveRule] = {}
        for item in group:
            for active in item.config.rules:
                if active.rule.scope == "site":
                    rules.setdefault(active.rule.code, active)
        site = Site(
            sorted(summaries, key=lambda s: s.path),
            frozenset(by_path),
            display(root, self.cwd) if root is not None else ".",
            self.resolver.site(root)[1],
        )
        summary_of = {s.path: s for s in summaries}
        for finding in check_site(site, sorted(rules.values(), key=lambda a: a.rule.code)):
            owner = by_path.get(finding.path)
            if owner is None:
                continue
            kept = self._site_finding(finding, owner, summary_of.get(finding.path))
            if kept is not None:
                owner.result.findings.append(kept)
        for item in group:
            item.result.findings.sort(key=Finding.sort_key)

    @staticmethod
    def _site_finding(finding: Finding, item: _Item, summary: Summary | None) -> Finding | None:
        """The finding as this file's config and inline directives want it (None: dropped)."""
        if finding.code != "SL002":
            active = next((a for a in item.config.rules if a.rule.code == finding.code), None)
            if active is None:
                return None
            finding = dataclasses.replace(finding, severity=active.severity)
        directives = summary.data.get(SUPPRESSIONS, ()) if summary is not None else ()
        if not directives:
            return finding
        parsed = [suppress.Directive(kind, frozenset(codes) if codes is not None else None, 0, 0, line, "")
                  for kind, codes, line, _ in directives]
        directive = suppress.Suppressions(parsed).covers(finding.code, finding.line)
        if directive is None:
            return finding
        index = parsed.index(directive)
        line, column = directives[index][2], directives[index][3]
        # The per-file pass did not know this directive would be used: drop its SL001.
        item.result.findings = [
            f for f in item.result.findings
            if not (f.code == "SL001" and f.line == line and f.column == column
                    and f.message.endswith("suppresses nothing"))
        ]
        return None


def run(request: Request, resolver: Resolver) -> Outcome:
    return Runner(resolver).run(request)
