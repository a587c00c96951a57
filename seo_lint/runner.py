"""The run: discover files, lint each one (reading its bytes once), fix, then the site pass.

Per-file work is `lint_path(path, file_config) -> FileResult`: a top-level function of
picklable values, run in a process pool (`seo_lint.pool`) when there are enough files, and
skipped for a file whose result is in the cache (`seo_lint.cache`: same bytes, same
configuration). Results are put back in discovery order, so output never depends on the
number of processes or on the cache.

Site rules must see the whole site even when only some files were given (pre-commit passes
batches): every post under the site root is summarised, and findings are reported only for
the files that were linted, filtered by their own selection, severity and inline
suppressions (kept in each summary, so no file is read twice). When no file of a site
changed, the site rules' findings come from the cache too.

Memory stays flat: a file's text is dropped after its pass; only its findings, its summary
and the text of the lines its findings point at are kept (what reporters show), so
`Outcome.sources` holds, for each file with findings, a text whose lines are those lines
(the others are empty).
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from seo_lint import cache as caching
from seo_lint import fix, pool, registry, suppress
from seo_lint.config import FileSettings, Resolver, display
from seo_lint.discover import STDIN, discover
from seo_lint.document import Document, DocumentSettings
from seo_lint.findings import Finding
from seo_lint.lint import ActiveRule, check_site, lint_document, summarize
from seo_lint.load import document_from_bytes, too_large, unreadable
from seo_lint.registry import Site, Summary, summarizer

#: Fewer files than this are linted in this process (a pool costs more than it saves).
POOL_MIN_FILES = 64

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
    source: str | None  # the decoded text (None when the file could not be read, or once dropped)
    fixable: bool = False
    digest: str | None = None  # sha256 of the bytes read, to detect changes before writing
    #: Once the text is dropped: the text of the lines findings point at (None: no text).
    lines: dict[int, str] | None = None
    line_count: int = 0
    #: POSIX time after which the findings may change although the bytes did not.
    valid_until: float | None = None

    def drop_source(self) -> None:
        """Keep only the lines the findings point at (what reporters show), not the whole text."""
        if self.source is None:
            return
        self.lines, self.line_count = {}, self.source.count("\n") + 1
        self.add_lines(self.source, {finding.line for finding in self.findings})
        self.source = None

    def add_lines(self, source: str, wanted: set[int]) -> None:
        assert self.lines is not None
        wanted = {n for n in wanted if 1 <= n <= self.line_count and n not in self.lines}
        if wanted:
            parts = source.split("\n")
            self.lines.update((n, parts[n - 1]) for n in wanted)


def lint_bytes(data: bytes, config: FileConfig, want_summary: bool | None = None) -> FileResult:
    doc = document_from_bytes(config.display, data, config.settings, max_size=config.max_size)
    findings = lint_document(doc, config.rules)
    summary = summarize(doc) if (config.summarize if want_summary is None else want_summary) else None
    return FileResult(config.display, findings, summary, doc.source, doc.fixable, fix.digest(data),
                      valid_until=doc.valid_until)


def _read(path: str, max_size: int | None = None) -> bytes | str:
    """The file's bytes, or why they are not read: an error, or a size over `max_size` (a
    file larger than the limit is never loaded into memory)."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if max_size is not None and size > max_size:
                return too_large(size, max_size)
            return handle.read()
    except OSError as error:
        return f"cannot read file: {error.strerror or error}"


def lint_path(path: str, config: FileConfig) -> FileResult:
    """Read `path` once and lint it. An unreadable file becomes a FILE002 finding."""
    data = _read(path, config.max_size)
    if isinstance(data, str):
        doc = unreadable(config.display, data, config.settings)
        summary = summarize(doc) if config.summarize else None
        return FileResult(config.display, lint_document(doc, config.rules), summary, None)
    return lint_bytes(data, config)


def summarize_path(path: str, config: FileConfig) -> Summary:
    """The summary of a file that is part of the site but not linted (same read path)."""
    return _summarize_path(path, config)[0]


def _summarize_path(path: str, config: FileConfig) -> tuple[Summary, str | None]:
    data = _read(path, config.max_size)
    if isinstance(data, str):
        return summarize(unreadable(config.display, data, config.settings)), None
    doc = document_from_bytes(config.display, data, config.settings, max_size=config.max_size)
    return summarize(doc), fix.digest(data)


# --- one file's pass, in this process or in a worker ---------------------------------------


@dataclass(frozen=True)
class Mode:
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False


@dataclass
class FileWork:
    """What one file's pass hands back: its result, and what --fix / --diff did."""

    result: FileResult
    diff: str | None = None
    fixed: int = 0
    error: str | None = None
    #: The summary, packed (`cache.pack_summary`): small to send back and to keep.
    summary_blob: bytes | None = None
    directives: tuple[Any, ...] | None = None


def has_fixes(result: FileResult, unsafe: bool) -> bool:
    return result.fixable and result.source is not None and any(
        fix.eligible(f, unsafe) for f in result.findings
    )


def lint_file(path: str, config: FileConfig, mode: Mode) -> FileWork:
    """Lint `path`, fix it when asked, and keep only what the report needs."""
    result = lint_path(path, config)
    work = FileWork(result)
    if (mode.fix or mode.diff) and has_fixes(result, mode.unsafe_fixes):
        assert result.source is not None and result.digest is not None
        text, fixed_result, count = fix.fix_until_stable(
            result.source, result, lambda t: lint_bytes(t.encode("utf-8"), config), mode.unsafe_fixes
        )
        if text != result.source:
            if mode.diff:
                work.diff = fix.unified_diff(result.source, text, config.display)
                work.fixed = count
            else:
                try:
                    fix.write_atomic(Path(path), text.encode("utf-8"), result.digest)
                except fix.FixError as error:
                    work.error = f"{config.display}: {error}"
                else:
                    work.fixed = count
                    work.result = fixed_result
    work.result.drop_source()
    summary = work.result.summary
    if summary is not None:
        try:
            work.summary_blob = caching.pack_summary(summary)
        except ValueError:
            return work  # a value the cache cannot hold (a plugin's summary): kept as it is
        work.directives = tuple(summary.data.get(SUPPRESSIONS, ()))
        work.result.summary = None
    return work


def _lint_task(shared: tuple[Sequence[FileConfig], Mode], task: tuple[str, int]) -> FileWork:
    configs, mode = shared
    return lint_file(task[0], configs[task[1]], mode)


def _summary_task(
    shared: tuple[Sequence[FileConfig], Mode], task: tuple[str, int]
) -> tuple[Summary | bytes, str | None]:
    summary, digest = _summarize_path(task[0], shared[0][task[1]])
    try:
        return caching.pack_summary(summary), digest
    except ValueError:
        return summary, digest


def _digest(file: tuple[str, int]) -> str | None:
    data = _read(*file)
    return None if isinstance(data, str) else fix.digest(data)


def _warm_up() -> None:
    """Import what every worker needs before forking it (shared, imported once)."""
    from seo_lint.html import _bs4
    from seo_lint.schema import import_jsonschema

    import_jsonschema()
    _bs4()


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


class Progress(Protocol):
    """Told how many files will be linted, then of each one done (a progress bar)."""

    def start(self, total: int) -> None: ...

    def advance(self, count: int = 1) -> None: ...

    def stop(self) -> None: ...


@dataclass
class _Item:
    path: Path  # absolute (for stdin: where the file would be, for config lookup)
    config: FileConfig
    result: FileResult = field(default_factory=lambda: FileResult("", [], None, None))
    #: The summary as stored in the cache: decoded only when the site rules run.
    summary_blob: caching.Blob | None = None
    #: Its inline directives, stored apart (site findings are filtered by them).
    directives: tuple[Any, ...] | None = None
    cache_key: str = ""  # the configuration part of its cache key
    #: Its own findings, before the site pass added (or dropped) any: what the cache keeps.
    file_findings: list[Finding] | None = None
    discovered: bool = True  # a file found on disk (not stdin)

    def summary(self) -> Summary | None:
        if self.result.summary is None and self.summary_blob is not None:
            self.result.summary = _load_summary(self.summary_blob)
        return self.result.summary

    def suppressions(self) -> tuple[Any, ...]:
        if self.directives is not None:
            return self.directives
        summary = self.summary()
        return tuple(summary.data.get(SUPPRESSIONS, ())) if summary is not None else ()


def _load_summary(blob: caching.Blob) -> Summary | None:
    try:
        summary = caching.unpack_summary(blob)
    except Exception:  # noqa: BLE001 - a damaged entry: no summary (site rules cope)
        return None
    return summary if isinstance(summary, Summary) else None


class Runner:
    def __init__(
        self,
        resolver: Resolver,
        *,
        jobs: int | None = None,
        cache_dir: Path | None = None,
        use_cache: bool = False,
        progress: Progress | None = None,
        pool_min_files: int | None = None,
    ) -> None:
        self.resolver = resolver
        self.cwd = resolver.cwd
        self.jobs = max(1, jobs if jobs is not None else pool.cpu_count())
        self.pool_min_files = POOL_MIN_FILES if pool_min_files is None else pool_min_files
        self.progress = progress
        self.cache: caching.Cache | None = None
        folder = cache_dir if cache_dir is not None else self.default_cache_dir() if use_cache else None
        if folder is not None:
            self.cache = caching.Cache.open(Path(os.path.abspath(self.cwd / folder)))
        self._fingerprints: dict[tuple[int, int, int, bool], tuple[Any, str]] = {}
        self._summarize: dict[int, bool] = {}
        self._by_code: dict[int, dict[str, ActiveRule]] = {}
        self._keep: list[Any] = []

    def default_cache_dir(self) -> Path | None:
        """`.seo-lint-cache` in the folder of the config that governs the current folder, else in
        the site root (`_config.yml`, `hugo.toml`...); None for a loose folder of posts (no cache
        unless --cache-dir says where)."""
        chain = self.resolver.root_chain()
        if chain is not None:
            return chain.path.parent / caching.DIRECTORY
        root = self.resolver.site_root(self.cwd)
        return root / caching.DIRECTORY if root is not None else None

    def file_config(self, path: Path, shown: str | None = None) -> FileConfig:
        resolved = self.resolver.resolve(path)
        summarize = self._summarize.get(id(resolved.rules))
        if summarize is None:  # the rules tuple is shared by every file with the same config
            summarize = self._summarize[id(resolved.rules)] = any(a.rule.scope == "site" for a in resolved.rules)
            self._keep.append(resolved.rules)  # its id stays unique while the run lasts
        return FileConfig(shown or display(path, self.cwd), resolved.settings, resolved.rules,
                          resolved.max_file_size, summarize)

    def run(self, request: Request) -> Outcome:
        # What exists before the run (modules, configuration) is never garbage: keep it out of
        # every collection. (Higher collection thresholds saved ~3% of the time but let bs4's
        # cyclic trees pile up: 10 MB more a process.)
        gc.freeze()
        try:
            return self._run(request)
        finally:
            gc.unfreeze()

    def _run(self, request: Request) -> Outcome:
        outcome = Outcome()
        items = [_Item(path, self.file_config(path))
                 for path in discover(request.paths, self.resolver.filter_for, self.cwd)]
        self._lint_items(items, Mode(request.fix, request.unsafe_fixes, request.diff), outcome)
        if STDIN in request.paths:
            items.append(self._lint_stdin(request, outcome))
        outcome.files = len(items)
        outcome.paths = [item.result.path for item in items]
        self._site_pass(items)
        for item in items:
            outcome.findings.extend(item.result.findings)
            known = len(item.result.lines or ())
            source = self._report_source(item)
            if source is not None:
                outcome.sources[item.result.path] = source
            if self.cache is not None and item.cache_key and len(item.result.lines or ()) > known:
                self._store(item)  # with the lines of its site findings: no reading next time
        outcome.findings.sort(key=Finding.sort_key)
        if self.cache is not None:
            self.cache.save()
        return outcome

    # --- per-file pass: cache, then the pool ---

    def _config_key(self, config: FileConfig) -> str:
        """Fingerprint of what decides a file's findings, from the shared parts of its config."""
        key = (id(config.settings), id(config.rules), config.max_size, config.summarize)
        known = self._fingerprints.get(key)
        if known is None:
            parts = (config.settings, config.rules, config.max_size, config.summarize)
            known = self._fingerprints[key] = (parts, caching.fingerprint(parts))  # parts keep the ids alive
        return f"{known[1]}:{config.display}"

    def _lint_items(self, items: list[_Item], mode: Mode, outcome: Outcome) -> None:
        works: list[FileWork | None] = [None] * len(items)
        todo: list[int] = []
        digests = self._digests([(str(item.path), item.config.max_size) for item in items])
        for index, (item, digest) in enumerate(zip(items, digests)):
            if self.cache is not None and digest is not None:
                item.cache_key = self._config_key(item.config)
                hit = self._cached_result(item, digest, mode)
                if hit is not None:
                    works[index] = FileWork(hit)
                    continue
            todo.append(index)

        def done(position: int, work: FileWork) -> None:
            index = todo[position]
            works[index] = work
            item = items[index]
            item.result, item.summary_blob, item.directives = work.result, work.summary_blob, work.directives
            if self.cache is not None:
                self._store(item)
            if self.progress is not None:
                self.progress.advance()

        configs, tasks = self._tasks(items, todo)
        self._map(_lint_task, (configs, mode), tasks, done)
        for item, work in zip(items, works):
            assert work is not None
            item.result = work.result
            if work.diff is not None:
                outcome.diffs.append(work.diff)
            outcome.fixed += work.fixed
            if work.error is not None:
                outcome.errors.append(work.error)

    @staticmethod
    def _tasks(items: list[_Item], indices: list[int]) -> tuple[list[FileConfig], list[tuple[str, int]]]:
        """The configs (each once) and (path, config index) per file, for the workers."""
        configs: list[FileConfig] = []
        seen: dict[int, int] = {}
        tasks = []
        for index in indices:
            config = items[index].config
            position = seen.get(id(config))
            if position is None:
                position = seen[id(config)] = len(configs)
                configs.append(config)
            tasks.append((str(items[index].path), position))
        return configs, tasks

    def _map(self, func: Callable[[Any, Any], Any], shared: Any, tasks: list[Any],
             done: Callable[[int, Any], None]) -> None:
        jobs = self.jobs if len(tasks) >= self.pool_min_files else 1
        if self.progress is not None:
            self.progress.start(len(tasks))
        try:
            if jobs > 1:
                _warm_up()
                gc.freeze()  # what workers inherit stays out of their collections (and unshared pages)
            pool.run(func, shared, tasks, jobs, done)
        finally:
            if self.progress is not None:
                self.progress.stop()

    # --- the cache ---

    def _digests(self, files: list[tuple[str, int]]) -> Iterator[str | None]:
        """The content hash of each file (None: unreadable, or no cache), in order. (Threads
        do not help: reading small files holds the GIL more than hashing releases it.)"""
        if self.cache is None:
            return iter([None] * len(files))
        return map(_digest, files)

    def _cached_result(self, item: _Item, digest: str, mode: Mode) -> FileResult | None:
        assert self.cache is not None
        stored = self.cache.get(str(item.path), digest, item.cache_key)
        if stored is None:
            return None
        try:
            kind, fixable, line_count, valid_until, lines, rows, directives = caching.decode(stored[0])
            if kind != "lint" or (valid_until is not None and time.time() >= valid_until):
                return None
            findings = caching.decode_findings(item.config.display, rows)
            lines = {int(n): text for n, text in lines}
        except Exception:  # noqa: BLE001 - a damaged entry is a miss
            return None
        if (mode.fix or mode.diff) and fixable and any(fix.eligible(f, mode.unsafe_fixes) for f in findings):
            return None  # to be fixed: lint it again, with its text
        item.summary_blob = stored[1] or None
        item.directives = directives if stored[1] else None
        return FileResult(item.config.display, findings, None, None, fixable, digest, lines, line_count, valid_until)

    def _store(self, item: _Item) -> None:
        """Put the file's result in the cache (again when the site pass added lines to it)."""
        assert self.cache is not None
        result = item.result
        if result.digest is None or result.lines is None or item.path.name == STDIN:
            return  # unreadable: nothing to key it by
        try:
            summary = item.summary_blob
            directives = item.directives
            if summary is None and result.summary is not None:
                summary = caching.pack_summary(result.summary)
                directives = tuple(result.summary.data.get(SUPPRESSIONS, ()))
            findings = item.file_findings if item.file_findings is not None else result.findings
            payload = ["lint", result.fixable, result.line_count, result.valid_until,
                       sorted(result.lines.items()), caching.encode_findings(findings),
                       None if directives is None else caching.to_json(directives)]
            self.cache.put(str(item.path), result.digest, item.cache_key,
                           json.dumps(payload, ensure_ascii=False).encode("utf-8", "surrogatepass"), summary or b"")
        except ValueError:
            pass  # a value the cache cannot hold (a plugin's summary): lint it every time

    def _summaries(
        self, paths: list[Path], configs: list[FileConfig]
    ) -> list[tuple[Summary | caching.Blob, str | None]]:
        """Summaries (or their cached blobs) and digests of files that are not linted."""
        found: list[tuple[Summary | caching.Blob, str | None] | None] = [None] * len(paths)
        keys = [""] * len(paths)
        todo: list[int] = []
        for index, (path, config) in enumerate(zip(paths, configs)):
            if self.cache is not None:
                keys[index] = "summary:" + self._config_key(config)
                data = _read(str(path), config.max_size)
                if not isinstance(data, str):
                    digest = fix.digest(data)
                    stored = self.cache.get(str(path), digest, keys[index])
                    if stored is not None and stored[1]:
                        found[index] = (stored[1], digest)
                        continue
            todo.append(index)

        def done(position: int, value: tuple[Summary | bytes, str | None]) -> None:
            index = todo[position]
            found[index] = value
            summary, digest = value
            if self.cache is not None and digest is not None and isinstance(summary, bytes):
                self.cache.put(str(paths[index]), digest, keys[index], b"summary", summary)

        shared_configs, tasks = self._tasks([_Item(p, c) for p, c in zip(paths, configs)], todo)
        self._map(_summary_task, (shared_configs, Mode()), tasks, done)
        return [value for value in found if value is not None]

    # --- stdin ---

    def _lint_stdin(self, request: Request, outcome: Outcome) -> _Item:
        name = request.stdin_filename or STDIN
        path = Path(os.path.abspath(self.cwd / name)) if request.stdin_filename else self.cwd / "-"
        shown = display(path, self.cwd) if request.stdin_filename else STDIN
        config = self.file_config(path, shown)
        data = request.stdin.read() if request.stdin is not None else b""
        result = lint_bytes(data, config, want_summary=any(r.scope == "site" for r in registry.all_rules()))
        if request.fix or request.diff:
            text = result.source
            if has_fixes(result, request.unsafe_fixes) and text is not None:
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
        if result.source is not None:
            result.lines, result.line_count = {}, result.source.count("\n") + 1
        return _Item(path, config, result, discovered=False)  # keeps its text: stdin cannot be read again

    # --- what reporters show ---

    def _report_source(self, item: _Item) -> str | None:
        """A text with the lines this file's findings point at (other lines empty)."""
        result = item.result
        if not result.findings or result.lines is None:
            return None
        wanted = {f.line for f in result.findings if 1 <= f.line <= result.line_count}
        if any(line not in result.lines for line in wanted):  # site findings, on lines not kept
            source = result.source if result.source is not None else self._reread(item)
            if source is not None:
                result.add_lines(source, wanted)
        if not wanted:
            return ""
        parts = [""] * max(wanted)
        for line in wanted:
            parts[line - 1] = result.lines.get(line, "")
        return "\n".join(parts)

    @staticmethod
    def _reread(item: _Item) -> str | None:
        data = _read(str(item.path), item.config.max_size)
        if isinstance(data, str) or fix.digest(data) != item.result.digest:
            return None  # changed since it was linted: no source lines rather than wrong ones
        return data.decode("utf-8", "replace")

    # --- site rules ---

    def _site_pass(self, items: list[_Item]) -> None:
        if not any(r.scope == "site" for r in registry.all_rules()):
            return
        groups: dict[Path | None, list[_Item]] = {}
        roots: dict[str, Path | None] = {}  # files found on disk share their folder's site root
        for item in items:
            folder = os.path.dirname(item.path)
            if not item.discovered:
                root = self.resolver.site_root(item.path)
            elif folder in roots:
                root = roots[folder]
            else:
                root = roots[folder] = self.resolver.site_root(item.path)
            groups.setdefault(root, []).append(item)
        linted_paths = {item.path for item in items}
        for root, group in sorted(groups.items(), key=lambda kv: str(kv[0])):
            if any(item.config.summarize for item in group):
                self._check_site(root, group, linted_paths)

    def _check_site(self, root: Path | None, group: list[_Item], linted_paths: set[Path]) -> None:
        by_path = {item.result.path: item for item in group}
        # Site rules are off for some files but they are still part of the site (rare:
        # per-file-ignores); their summaries cost a second read.
        missing = [item for item in group if item.result.summary is None and item.summary_blob is None]
        others: list[Path] = []
        if root is not None:
            others = [p for p in discover([str(root)], self.resolver.filter_for, self.cwd) if p not in linted_paths]
        extra = self._summaries([item.path for item in missing] + others,
                                [item.config for item in missing] + [self.file_config(p) for p in others])
        for item, (value, _) in zip(missing, extra):
            if isinstance(value, Summary):
                item.result.summary = value
            else:
                item.summary_blob = value
        rules: dict[str, ActiveRule] = {}
        for item in group:
            for active in item.config.rules:
                if active.rule.scope == "site":
                    rules.setdefault(active.rule.code, active)
        active_rules = sorted(rules.values(), key=lambda a: a.rule.code)
        generator_config = self.resolver.site(root)[1]
        root_shown = display(root, self.cwd) if root is not None else "."
        site_key = ""
        found: list[Finding] | None = None
        if self.cache is not None:
            parts = [root_shown, caching.fingerprint((active_rules, generator_config))]
            parts += sorted(f"{i.result.path}\0{i.result.digest}\0{self._config_key(i.config)}" for i in group)
            parts += sorted(f"{p}\0{d}" for p, (_, d) in zip(others, extra[len(missing):]))
            site_key = hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
            payload = self.cache.get_extra(str(root or self.cwd), site_key)
            if payload is not None:
                try:
                    found = caching.decode(payload)
                except Exception:  # noqa: BLE001
                    found = None
        if found is None:
            summaries = [item.summary() for item in group]
            summaries += [v if isinstance(v, Summary) else _load_summary(v) for v, _ in extra[len(missing):]]
            site = Site(
                sorted((s for s in summaries if s is not None), key=lambda s: s.path),
                frozenset(by_path),
                root_shown,
                generator_config,
            )
            found = []
            for active in active_rules:  # one rule at a time: memory holds the keys it reads
                found += check_site(site, [active])
                for summary in site.summaries:
                    if isinstance(summary.data, caching.LazyData):
                        summary.data.forget()
            if self.cache is not None:
                try:
                    self.cache.put_extra(str(root or self.cwd), site_key, caching.encode(found))
                except ValueError:
                    pass
        for item in group:
            item.file_findings = list(item.result.findings)
        changed: dict[int, _Item] = {}
        for finding in found:
            owner = by_path.get(finding.path)
            if owner is None:
                continue
            kept = self._site_finding(finding, owner, owner.suppressions())
            if kept is not None:
                owner.result.findings.append(kept)
            changed[id(owner)] = owner
        for item in changed.values():
            item.result.findings.sort(key=Finding.sort_key)

    def _site_finding(self, finding: Finding, item: _Item, directives: tuple[Any, ...]) -> Finding | None:
        """The finding as this file's config and inline directives want it (None: dropped)."""
        if finding.code != "SL002":
            by_code = self._by_code.get(id(item.config.rules))
            if by_code is None:
                by_code = self._by_code[id(item.config.rules)] = {a.rule.code: a for a in item.config.rules}
                self._keep.append(item.config.rules)
            active = by_code.get(finding.code)
            if active is None:
                return None
            if active.severity != finding.severity:
                finding = dataclasses.replace(finding, severity=active.severity)
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
