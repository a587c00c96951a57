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

Memory stays flat: a file's text is dropped after its pass; its findings and the text of the
lines they point at (what reporters show) are encoded at once as a `cache.Record`, kept in
the cache or, without one, in a temporary file, with its packed summary; memory holds a
small `_Item` per file. Site rules read the packed summaries through `_Mapped`, decoded as
they are read; `Outcome.findings` decodes the records file by file, in report order, each
time a reporter reads them (reporters write as they read). A cached run
reads no file whose stat is the one recorded, and imports no rule unless something changed.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import json
import os
import tempfile
import time
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import groupby
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol, TypeVar, cast

from seo_lint import cache as caching
from seo_lint import fix
from seo_lint.config import Resolver, display
from seo_lint.discover import STDIN, discover_files
from seo_lint.findings import Finding, Severity

if TYPE_CHECKING:
    from seo_lint.config import FileSettings
    from seo_lint.document import Document, DocumentSettings
    from seo_lint.lint import ActiveRule
    from seo_lint.pool import Pool
    from seo_lint.registry import Summary

#: Fewer files than this are linted in this process (a pool costs more than it saves).
POOL_MIN_FILES = 64

SUPPRESSIONS = "suppressions"


def suppressions_summary(doc: Document) -> tuple[tuple[str, tuple[str, ...] | None, int, int], ...]:
    """The file's inline directives as (kind, codes or None for all, line, column)."""
    from seo_lint import suppress

    if "seo-lint" not in doc.source or (doc.load_problem is not None and not doc.load_problem.lintable):
        return ()
    return tuple(
        (d.kind, tuple(sorted(d.codes)) if d.codes is not None else None, d.line, doc.position(d.start)[1])
        for d in suppress.parse(doc).directives
    )


_KERNEL: list[bool] = []


def kernel() -> None:
    """Import the linting kernel and every rule, once: a run that finds nothing changed never
    does (the cache answers without them). Registers this module's summarizer."""
    if not _KERNEL:
        from seo_lint import registry

        registry.summarizer(SUPPRESSIONS)(suppressions_summary)
        registry.load()
        _KERNEL.append(True)


@dataclass(frozen=True, slots=True)
class FileConfig:
    """What `lint_path` needs for one file (picklable; one per file: small)."""

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
    from seo_lint.lint import lint_document, summarize
    from seo_lint.load import document_from_bytes

    kernel()
    doc = document_from_bytes(config.display, data, config.settings, max_size=config.max_size)
    findings = lint_document(doc, config.rules)
    summary = None
    if config.summarize if want_summary is None else want_summary:
        crashes: list[Finding] = []  # a summarizer that crashed: reported on the file, as a rule
        summary = summarize(doc, crashes)
        if crashes:
            findings = sorted(findings + crashes, key=Finding.sort_key)
    return FileResult(config.display, findings, summary, doc.source, doc.fixable, fix.digest(data),
                      valid_until=doc.valid_until)


def _file_digest(path: str) -> str | None:
    """`fix.digest` of the file's bytes, read a block at a time (whatever its size, and with
    no need for its configuration: a warm run imports no rule to check one file); None when
    it cannot be read."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def _read(path: str, max_size: int | None = None) -> bytes | str:
    """The file's bytes, or why they are not read: an error, or a size over `max_size` (a
    file larger than the limit is never loaded into memory)."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if max_size is not None and size > max_size:
                from seo_lint.load import too_large

                return too_large(size, max_size)
            return handle.read()
    except OSError as error:
        return f"cannot read file: {error.strerror or error}"


def lint_path(path: str, config: FileConfig) -> FileResult:
    """Read `path` once and lint it. An unreadable file becomes a FILE002 finding."""
    data = _read(path, config.max_size)
    if isinstance(data, str):
        from seo_lint.lint import lint_document, summarize
        from seo_lint.load import unreadable

        kernel()
        doc = unreadable(config.display, data, config.settings)
        summary = summarize(doc) if config.summarize else None
        return FileResult(config.display, lint_document(doc, config.rules), summary, None)
    return lint_bytes(data, config)


def summarize_path(path: str, config: FileConfig) -> Summary:
    """The summary of a file that is part of the site but not linted (same read path)."""
    return _summarize_path(path, config)[0]


def _summarize_path(path: str, config: FileConfig) -> tuple[Summary, str | None]:
    from seo_lint.lint import summarize
    from seo_lint.load import document_from_bytes, unreadable

    kernel()
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
        work.result.summary = None
    return work


Task = tuple[str, str, int]  # (path, path as reported, index of its config in the shared ones)
T = TypeVar("T")


def _task_config(configs: Sequence[FileConfig], task: Task) -> FileConfig:
    return dataclasses.replace(configs[task[2]], display=task[1])


def _lint_task(shared: tuple[Sequence[FileConfig], Mode], task: Task) -> FileWork:
    configs, mode = shared
    return lint_file(task[0], _task_config(configs, task), mode)


def _summary_task(shared: tuple[Sequence[FileConfig], Mode], task: Task) -> tuple[Summary | bytes, str | None]:
    summary, digest = _summarize_path(task[0], _task_config(shared[0], task))
    try:
        return caching.pack_summary(summary), digest
    except ValueError:
        return summary, digest


def _warm_up() -> None:
    """Import what every worker needs before forking it (shared, imported once; then kept
    out of every collection)."""
    from seo_lint.html import _bs4
    from seo_lint.schema import import_jsonschema

    kernel()
    import_jsonschema()
    _bs4()
    gc.freeze()


# --- the run ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    paths: Sequence[str]
    stdin: BinaryIO | None = None
    stdin_filename: str | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False


class Progress(Protocol):
    """Told how many files will be linted, then of each one done (a progress bar)."""

    def start(self, total: int) -> None: ...

    def advance(self, count: int = 1) -> None: ...

    def stop(self) -> None: ...


#: Where an encoded record or summary is: in memory, in the cache's files (a `cache.Ref`) or
#: in the spill file (the number `Spill.put` gave it).
Stored = bytes | memoryview | int | caching.Ref


class Spill:
    """Records and summaries of a run without a cache, in a temporary file, one after the
    other: memory holds where each one ends (8 bytes)."""

    def __init__(self) -> None:
        self._file: BinaryIO | None = None
        self._ends = array("Q", [0])  # blob `n` is bytes _ends[n] to _ends[n + 1]

    def put(self, data: bytes) -> int:
        """Store `data`; its number."""
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="seo-lint-")  # noqa: SIM115 - closed by close()
        self._file.seek(self._ends[-1])
        self._file.write(data)
        self._ends.append(self._ends[-1] + len(data))
        return len(self._ends) - 2

    def get(self, number: int) -> bytes:
        assert self._file is not None
        start = self._ends[number]
        self._file.seek(start)
        return self._file.read(self._ends[number + 1] - start)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


@dataclass(eq=False, slots=True)
class _Item:
    """One file of the run: what the report and the site pass need of it, small (no summary
    or record object: their encoded bytes, or where they are in the spill file)."""

    shown: str  # as reported
    #: Where it is, when that is not the current folder joined with `shown` (stdin: where the
    #: file would be, for config lookup; None: a file found on disk, whose path is rebuilt).
    origin: str | None = None
    config: int = -1  # its configuration (`Runner._configs`): resolved when needed (not for a cached file)
    cache_key: str = ""  # the configuration part of its cache key
    digest: str | bytes | None = None  # hex with a cache (its own strings), else the 32 bytes
    signature: str = ""  # the stat signature to record with its result ("" none)
    valid_until: float | None = None
    record: Stored | None = None  # `cache.Record`, encoded
    summary_blob: Stored | None = None  # packed summary
    summary: Summary | None = None  # a summary the cache cannot hold (a plugin's)
    site: Stored | None = None  # its site findings as reported: `encode_findings` rows, as JSON
    #: (line, column) of its SL001 "suppresses nothing" findings that a site finding proved wrong.
    dropped: set[tuple[int, int]] | None = None
    text: str | None = None  # stdin's text (it cannot be read again)
    #: Its record and its site findings both come from the cache: the record already holds the
    #: lines those findings point at (the run that cached them added them: `_add_lines`).
    record_cached: bool = False
    site_cached: bool = False


def _report_source(findings: Sequence[Finding], record: caching.Record) -> str | None:
    """A text with the lines this file's findings point at (other lines empty)."""
    if not findings or record.lines is None:
        return None
    wanted = {f.line for f in findings if 1 <= f.line <= record.line_count}
    if not wanted:
        return ""
    parts = [""] * max(wanted)
    for line in wanted:
        parts[line - 1] = record.lines.get(line, "")
    return "\n".join(parts)


class Findings:
    """The run's findings in report order (path, line, column, code, message), decoded file by
    file each time they are iterated: memory holds one file's (and the one before: a reporter
    that groups findings by file asks for a file's source once it has seen the next file's
    first finding). After a complete iteration, `totals` counts them by severity."""

    def __init__(self, runner: Runner, items: list[_Item]) -> None:
        self._runner = runner
        self._items = sorted(items, key=_shown)
        #: Per recent path: its findings, and the last item's findings and record (its source
        #: is built only when a reporter asks: most formats show no line).
        self._recent: dict[str, tuple[list[Finding], list[Finding], caching.Record | None]] = {}
        self.totals: dict[Severity, int] | None = None
        self.crashed = False  # an SL002 finding: a rule crashed

    def paths(self) -> Iterator[tuple[str, list[_Item]]]:
        """Each path reported, with its items (several for a file given twice), in order."""
        for path, group in groupby(self._items, key=_shown):
            yield path, list(group)

    def __iter__(self) -> Iterator[Finding]:
        counts = dict.fromkeys(Severity, 0)
        crashed = False
        for path, group in self.paths():
            findings = self._file(path, group)[0]
            for finding in findings:
                counts[finding.severity] += 1
                crashed = crashed or finding.code == "SL002"
            yield from findings
        self.totals, self.crashed = counts, crashed

    def count(self) -> dict[Severity, int]:
        if self.totals is None:
            for _ in self:
                pass
        assert self.totals is not None
        return self.totals

    def source(self, path: str) -> str | None:
        recent = self._recent.get(path)
        if recent is None:
            start = bisect_left(self._items, path, key=_shown)
            end = start
            while end < len(self._items) and self._items[end].shown == path:
                end += 1
            if end == start:
                return None
            recent = self._file(path, self._items[start:end])
        _, mine, record = recent
        return _report_source(mine, record) if record is not None else None

    def _file(self, path: str, group: list[_Item]) -> tuple[list[Finding], list[Finding], caching.Record | None]:
        recent = self._recent.get(path)
        if recent is not None:
            return recent
        findings: list[Finding] = []
        mine: list[Finding] = []
        record: caching.Record | None = None
        for item in group:
            record = self._runner.record(item)
            own = record.findings
            if item.dropped:
                dropped = item.dropped
                own = [f for f in own if not (f.code == "SL001" and (f.line, f.column) in dropped
                                              and f.message.endswith("suppresses nothing"))]
            site = self._runner.site_findings(item)
            mine = own + site if site else own
            if site:
                mine.sort(key=Finding.sort_key)
            findings += mine
        if len(group) > 1:
            findings.sort(key=Finding.sort_key)
        if len(self._recent) >= 2:
            del self._recent[next(iter(self._recent))]
        self._recent[path] = recent = findings, mine, record
        return recent


_shown = attrgetter("shown")


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def _hex(digest: str | bytes | None) -> str | None:
    return digest.hex() if isinstance(digest, bytes) else digest


def _row_key(row: list[Any]) -> tuple[int, int, str, str]:
    """`Finding.sort_key` of an `encode_findings` row (the path is the file's)."""
    return row[0], row[1], row[4], row[7]


class Sources(Mapping[str, str]):
    """path → the text reporters show for it (see `_report_source`), decoded when asked."""

    def __init__(self, findings: Findings) -> None:
        self._findings = findings

    def __getitem__(self, path: str) -> str:
        source = self._findings.source(path)
        if source is None:
            raise KeyError(path)
        return source

    def __iter__(self) -> Iterator[str]:
        return (path for path, _ in self._findings.paths() if self._findings.source(path) is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)


@dataclass
class Outcome:
    findings: Findings | list[Finding] = field(default_factory=list)
    sources: Mapping[str, str] = field(default_factory=dict)
    files: int = 0
    #: Every path checked, as reported, in order.
    paths: list[str] = field(default_factory=list)
    fixed: int = 0
    #: One-line problems of the tool itself (a fix that could not be written): exit 2.
    errors: list[str] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)
    #: Under --fix with stdin: the (fixed) bytes to print (the input as it was when not fixed).
    stdin_output: bytes | None = None

    def totals(self) -> tuple[dict[Severity, int], bool]:
        """(findings per severity, whether a rule crashed)."""
        if isinstance(self.findings, Findings):
            return self.findings.count(), self.findings.crashed
        counts = dict.fromkeys(Severity, 0)
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts, any(f.code == "SL002" for f in self.findings)


class _Mapped(Sequence[T]):
    """`func` of each item, made when it is read: the runner's summaries (`Site.summaries`,
    decoded key by key as a site rule reads them: see `cache.LazyData`) and the workers'
    tasks (made a chunk at a time, as the pool sends them: made at once, 40,000 tuples and
    paths were 10 MB)."""

    def __init__(self, items: Sequence[Any], func: Callable[[Any], T]) -> None:
        self._items = items
        self._func = func

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return list(map(self._func, self._items[index]))
        return self._func(self._items[index])

    def __iter__(self) -> Iterator[T]:
        return map(self._func, self._items)


class _Files:
    """The files of a per-file pass without a cache, by index. A file's item is kept as its
    path as reported (UTF-8), a few numbers (its config, its record's and summary's in the
    spill file) and its digest: ~110 bytes, not an object and its values (~400), while the
    pass's workers are counted beside this process; one that holds anything else (a path that
    cannot be rebuilt, a summary the spill cannot hold, an expiry, no digest) is kept as it
    is. `items` makes them all."""

    def __init__(self, runner: Runner, paths: list[str]) -> None:
        self._runner = runner
        self._shown = bytearray()
        self._ends = array("I", [0])  # file `n`'s path is _shown[_ends[n]:_ends[n + 1]]
        self._kept: dict[int, _Item] = {}
        for index, path in enumerate(paths):
            item = runner._new_item(path)
            self._shown += item.shown.encode("utf-8", "surrogatepass")
            self._ends.append(len(self._shown))
            if item.origin is not None:
                self._kept[index] = item
        self._numbers = array("i", [-1]) * (3 * len(paths))  # config, record, summary (-1: none)
        self._digests = bytearray(32 * len(paths))

    def __len__(self) -> int:
        return len(self._ends) - 1

    def __getitem__(self, index: int) -> _Item:
        """The file's item, numbered (`Runner._config_number`)."""
        item = self._kept.get(index)
        if item is not None:
            return item
        item = _Item(self._shown[self._ends[index] : self._ends[index + 1]].decode("utf-8", "surrogatepass"))
        at = 3 * index
        if self._numbers[at] < 0:
            self._numbers[at] = self._runner._config_number(item)
        item.config, record, summary = self._numbers[at : at + 3]
        if record >= 0:
            item.record, item.digest = record, bytes(self._digests[32 * index : 32 * index + 32])
            item.summary_blob = summary if summary >= 0 else None
        return item

    def __setitem__(self, index: int, item: _Item) -> None:
        """Keep the file's item once it is linted."""
        digest, summary = item.digest, item.summary_blob
        if item.origin is None and item.summary is None and item.valid_until is None and isinstance(item.record, int) \
                and isinstance(digest, bytes) and len(digest) == 32 and isinstance(summary, (int, type(None))):
            at = 3 * index
            self._numbers[at + 1] = item.record
            self._numbers[at + 2] = -1 if summary is None else summary
            self._digests[32 * index : 32 * index + 32] = digest
            self._kept.pop(index, None)
        else:
            self._kept[index] = item

    def items(self) -> list[_Item]:
        return [self[index] for index in range(len(self))]


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
        from seo_lint import pool

        self.resolver = resolver
        self.cwd = resolver.cwd
        self.jobs = max(1, jobs if jobs is not None else pool.cpu_count())
        self.pool_min_files = POOL_MIN_FILES if pool_min_files is None else pool_min_files
        self.progress = progress
        self.cache: caching.Cache | None = None
        folder = cache_dir if cache_dir is not None else self.default_cache_dir() if use_cache else None
        if folder is not None:
            self.cache = caching.Cache.open(Path(os.path.abspath(self.cwd / folder)))
        self.spill = Spill()
        self._summarize: dict[int, bool] = {}
        self._configs: list[FileConfig] = []  # the distinct configurations (display "")
        self._config_numbers: dict[tuple[int, int, int], int] = {}
        self._cwd = str(self.cwd)
        #: Paths under it are shown without pathlib (POSIX, and not pathlib's `//` root).
        prefix = self._cwd.rstrip("/") + "/"
        self._cwd_prefix = prefix if os.sep == "/" and not prefix.startswith("//") else None
        self._by_code: dict[int, dict[str, ActiveRule]] = {}
        self._keep: list[Any] = []
        self._walked: set[str] = set()  # folders the discovery walked (the site walk skips them)
        self._folder_keys: dict[str, str] = {}
        self._pool: Pool | None = None  # during `run`, when it may need one

    def default_cache_dir(self) -> Path | None:
        """`.seo-lint-cache` in the folder of the config that governs the current folder, else in
        the site root (`_config.yml`, `hugo.toml`...); None for a loose folder of posts (no cache
        unless --cache-dir says where)."""
        config = self.resolver.config_path(self.cwd)
        if config is not None:
            return config.parent / caching.DIRECTORY
        root = self.resolver.site_root(self.cwd)
        return root / caching.DIRECTORY if root is not None else None

    def file_config(self, path: Path, shown: str | None = None) -> FileConfig:
        kernel()
        resolved = self.resolver.resolve(path)
        summarize = self._summarize.get(id(resolved.rules))
        if summarize is None:  # the rules tuple is shared by every file with the same config
            summarize = self._summarize[id(resolved.rules)] = any(a.rule.scope == "site" for a in resolved.rules)
            self._keep.append(resolved.rules)  # its id stays unique while the run lasts
        return FileConfig(shown or display(path, self.cwd), resolved.settings, resolved.rules,
                          resolved.max_file_size, summarize)

    def _config_number(self, item: _Item) -> int:
        if item.config < 0:
            config = self.file_config(Path(self._path(item)), "")
            key = (id(config.settings), id(config.rules), config.max_size)
            number = self._config_numbers.get(key)
            if number is None:
                number = self._config_numbers[key] = len(self._configs)
                self._configs.append(config)  # keeps the ids unique while the run lasts
            item.config = number
        return item.config

    def _new_item(self, path: str) -> _Item:
        """A file found on disk: its absolute path is kept only when it cannot be rebuilt."""
        prefix = self._cwd_prefix
        if prefix is not None and path.startswith(prefix) and path != prefix:
            return _Item(path[len(prefix):])  # `display` without pathlib: both are normalised
        shown = display(Path(path), self.cwd)
        return _Item(shown, None if os.path.join(self._cwd, shown) == path else path)

    def _path(self, item: _Item) -> str:
        return item.origin if item.origin is not None else os.path.join(self._cwd, item.shown)

    def _task(self, item: _Item) -> Task:
        return self._path(item), item.shown, item.config

    def _digest(self, digest: str | None) -> str | bytes | None:
        """As items keep it: the cache's hex string, else bytes (half the memory)."""
        return digest if digest is None or self.cache is not None else bytes.fromhex(digest)

    def _key(self, path: str | Path, shown: str) -> str:
        folder = os.path.dirname(path)
        key = self._folder_keys.get(folder)
        if key is None:
            key = self._folder_keys[folder] = self.resolver.input_key(Path(folder))
        return f"{key}:{shown}"

    def run(self, request: Request) -> Outcome:
        # What exists before the run (modules, configuration) is never garbage: keep it out of
        # every collection. (Higher collection thresholds saved ~3% of the time but let bs4's
        # cyclic trees pile up: 10 MB more a process.)
        gc.freeze()
        try:
            return self._run(request)
        finally:
            gc.unfreeze()

    def _early_pool(self, paths: Sequence[str]) -> Pool | None:
        """A worker for the per-file pass, forked before this process holds anything per file
        (it would hold it too) but after it imports the kernel (they share it), when it may
        be needed: a folder, or enough files, to lint, and no cache that may answer for them
        (else forked when needed: a warm run imports no rule and forks none). One only, a
        2-core machine's whole pool: on more cores, a small site must not start a worker a
        core; the others are forked when the pass starts, if its files need them."""
        from seo_lint.pool import Pool

        if self.jobs <= 1 or (self.cache is not None and self.cache.entries):
            return None
        if len(paths) < self.pool_min_files and not any(os.path.isdir(self.cwd / p) for p in paths if p != STDIN):
            return None
        _warm_up()
        return Pool(self.jobs, workers=1)

    def _run(self, request: Request) -> Outcome:
        outcome = Outcome()
        self._pool = self._early_pool(request.paths)
        try:
            paths = discover_files(request.paths, self.resolver.filter_for, self.cwd, seen=self._walked)
            files = [self._new_item(path) for path in paths] if self.cache is not None else _Files(self, paths)
            del paths
            self._lint_items(files, Mode(request.fix, request.unsafe_fixes, request.diff), outcome)
        finally:
            if self._pool is not None:  # not kept idle through the site pass
                self._pool.close()
                self._pool = None
        items = files if isinstance(files, list) else files.items()  # the workers are gone
        del files
        if STDIN in request.paths:
            items.append(self._lint_stdin(request, outcome))
        outcome.files = len(items)
        outcome.paths = [item.shown for item in items]
        self._site_pass(items)
        outcome.findings = Findings(self, items)
        outcome.sources = Sources(outcome.findings)
        if self.cache is not None:
            self.cache.save()
        return outcome

    # --- records ---

    def _bytes(self, stored: Stored) -> caching.Blob:
        if isinstance(stored, int):
            return self.spill.get(stored)
        return stored.read() if isinstance(stored, caching.Ref) else stored

    def record(self, item: _Item, findings: bool = True) -> caching.Record:
        """The file's record. One taken from the cache is checked here, where it is decoded
        anyway (the cache file's CRC makes a damaged one all but impossible): when it does not
        decode, the file is linted again and its entry replaced (see `_relint`, `save_cache`).
        `findings=False`: the findings are not wanted (nor checked) yet."""
        assert item.record is not None
        if not item.record_cached:
            return caching.decode_record(item.shown, self._bytes(item.record))
        try:
            record = caching.decode_record(item.shown, self._bytes(item.record))
            if findings:
                record.findings  # noqa: B018 - a damaged entry is a miss
        except Exception:  # noqa: BLE001 - a damaged entry is a miss
            return self._relint(item)
        return record

    def _relint(self, item: _Item) -> caching.Record:
        """Lint the file again for its record; cached in place of the damaged one when its
        bytes are still the ones the entry was for, else dropped."""
        kernel()
        result = lint_path(self._path(item), self._configs[self._config_number(item)])
        record = caching.Record(result.fixable, result.line_count, result.lines, result.findings)
        data = caching.encode_record(record)
        item.record_cached = False
        entry = None
        if self.cache is not None:
            if result.digest == item.digest:
                entry = self._store(item, data, self._summary_data(item))
            if entry is None:
                self.cache.drop(self._path(item))
        item.record = self.spill.put(data) if entry is None else entry[2]
        return record

    def _summary_data(self, item: _Item) -> caching.Data:
        """The file's packed summary as the cache stores it (b"": none)."""
        summary = item.summary_blob
        if summary is None:
            return b""
        return summary if isinstance(summary, caching.Ref) else bytes(self._bytes(summary))

    def save_cache(self) -> None:
        """Save the cache again if the report changed it (`record`); saved at the end of `run`."""
        if self.cache is not None:
            self.cache.save()

    def summary(self, item: _Item) -> Summary | None:
        """The file's summary (None: it has none); a packed one decodes as a site rule reads it."""
        if item.summary is not None:
            return item.summary
        stored = item.summary_blob
        if stored is None:
            return None
        if isinstance(stored, caching.Ref):
            return caching.lazy_summary(item.shown, stored.read)
        return caching.lazy_summary(item.shown, partial(self.spill.get, stored) if isinstance(stored, int) else stored)

    def _site_rows(self, item: _Item) -> list[Any]:
        if item.site is None:
            return []
        data = self._bytes(item.site)
        return json.loads(data.tobytes() if isinstance(data, memoryview) else data)  # type: ignore[no-any-return]

    def site_findings(self, item: _Item) -> list[Finding]:
        """The file's site findings, as reported."""
        return caching.decode_findings(item.shown, self._site_rows(item)) if item.site is not None else []

    def _directives(self, item: _Item) -> tuple[Any, ...]:
        summary = self.summary(item)
        try:
            return tuple(summary.data.get(SUPPRESSIONS, ())) if summary is not None else ()
        except Exception:  # noqa: BLE001 - a damaged value
            return ()

    def _keep_work(self, item: _Item, work: FileWork) -> None:
        """Encode a file's result at once (and cache it): only the encoded bytes are kept."""
        result = work.result
        item.digest, item.valid_until = self._digest(result.digest), result.valid_until
        if work.fixed and not work.diff:
            item.signature = ""  # written: its stat is new
        record = caching.Record(result.fixable, result.line_count, result.lines, result.findings)
        data = caching.encode_record(record)
        if work.summary_blob is None:
            item.summary = result.summary
        entry = self._store(item, data, work.summary_blob or b"")
        if entry is not None:  # written to the cache's file: read from there
            item.record = entry[2]
            if work.summary_blob is not None:
                item.summary_blob = entry[3]
            return
        item.record = self.spill.put(data)
        if work.summary_blob is not None:
            item.summary_blob = self.spill.put(work.summary_blob)

    def _store(self, item: _Item, data: caching.Data, summary: caching.Data) -> caching.Entry | None:
        """Cache the file's result (the entry as stored); None without a cache, or when it cannot be cached."""
        if self.cache is None or item.summary is not None:
            return None  # a summary the cache cannot hold
        if item.digest is None or not item.cache_key or item.origin is not None:
            return None  # unreadable, or stdin: nothing to key it by
        assert isinstance(item.digest, str)
        return self.cache.put(self._path(item), item.digest, item.cache_key, data, summary, item.signature,
                              item.valid_until)

    # --- per-file pass: cache, then the pool ---

    def _lint_items(self, files: list[_Item] | _Files, mode: Mode, outcome: Outcome) -> None:
        todo = array("I")  # 4 bytes a file (a list of ints: 40)
        for index in range(len(files)):
            if self.cache is not None:
                item = files[index]
                item.cache_key = self._key(self._path(item), item.shown)
                if self._cached(item, mode):
                    continue
            todo.append(index)

        diffs: list[tuple[int, str]] = []
        errors: list[tuple[int, str]] = []

        def done(position: int, work: FileWork) -> None:
            item = files[todo[position]]
            self._keep_work(item, work)
            files[todo[position]] = item
            if work.diff is not None:
                diffs.append((position, work.diff))
            outcome.fixed += work.fixed
            if work.error is not None:
                errors.append((position, work.error))
            if self.progress is not None:
                self.progress.advance()

        if todo:
            configs, tasks = self._tasks(_Mapped(todo, files.__getitem__))
            self._map(_lint_task, (configs, mode), tasks, done)
        # Diffs and errors in discovery order, whatever order the processes finished in.
        outcome.diffs += [diff for _, diff in sorted(diffs)]
        outcome.errors += [error for _, error in sorted(errors)]

    def _tasks(self, items: Sequence[_Item]) -> tuple[list[FileConfig], _Mapped[Task]]:
        """The configs (each once) and a task per file, for the workers."""
        for item in items:
            self._config_number(item)  # here: a worker would number them in its own copy
        return self._configs, _Mapped(items, self._task)

    def _map(self, func: Callable[[Any, Any], Any], shared: Any, tasks: Sequence[Any],
             done: Callable[[int, Any], None]) -> None:
        from seo_lint import pool

        jobs = self.jobs if len(tasks) >= self.pool_min_files else 1
        if self.progress is not None:
            self.progress.start(len(tasks))
        try:
            if jobs > 1 and self._pool is None:
                _warm_up()
            # The kernel, imported by now, stays out of every collection: of workers (and their
            # pages unshared), and of this process (full collections walked it: 3 % of a run).
            gc.freeze()
            if jobs > 1 and self._pool is not None:
                self._pool.run(func, shared, tasks, done)
            else:
                pool.run(func, shared, tasks, jobs, done)
        finally:
            if self.progress is not None:
                self.progress.stop()

    # --- the cache ---

    def _cached(self, item: _Item, mode: Mode) -> bool:
        """Take the file's result from the cache when its bytes are the ones cached: known from
        its stat signature, else read and hashed."""
        assert self.cache is not None
        key = self._path(item)
        signature, trusted = caching.stat_signature(key)
        item.signature = signature if trusted else ""
        entry = self.cache.unchanged(key, signature, item.cache_key)
        if entry is None:
            digest = _file_digest(key)
            if digest is None:
                return False  # unreadable: reported by its pass
            entry = self.cache.get(key, digest, item.cache_key)
            if entry is None:
                return False
            if trusted and entry[4] != signature:  # the same bytes: keep their stat this time
                self.cache.note_signature(key, entry, signature)
        digest, _, payload, summary, _, valid_until = entry
        if valid_until is not None and time.time() >= valid_until:
            return False
        if mode.fix or mode.diff:
            try:
                record = caching.decode_record(item.shown, caching.read(payload))
                if record.fixable and any(fix.eligible(f, mode.unsafe_fixes) for f in record.findings):
                    return False  # to be fixed: lint it again, with its text
            except Exception:  # noqa: BLE001 - a damaged entry is a miss
                return False
        # Not decoded here (nor kept): decoded, and checked, when it is reported (`record`).
        item.digest, item.valid_until, item.record = digest, valid_until, payload
        item.cache_key = entry[1]  # the entry's strings, not equal copies (40,000 files: ~15 MB)
        if item.signature == entry[4]:
            item.signature = entry[4]
        item.summary_blob = summary or None
        item.record_cached = True
        return True

    def _summaries(self, others: list[_Item], cached: bool) -> None:
        """Summaries (or their cached blobs) and digests of files; `cached`: files that are not
        linted, whose cache entry is their summary."""
        todo: list[int] = []
        signatures = [""] * len(others)
        for index, item in enumerate(others):
            if self.cache is not None and cached:
                key = self._path(item)
                signature, trusted = caching.stat_signature(key)
                signatures[index] = signature if trusted else ""
                entry = self.cache.unchanged(key, signature, item.cache_key)
                if entry is None:
                    digest = _file_digest(key)
                    if digest is not None:
                        entry = self.cache.get(key, digest, item.cache_key)
                if entry is not None and entry[3]:
                    item.digest, item.summary_blob = entry[0], entry[3]
                    if trusted and entry[4] != signature:
                        self.cache.note_signature(key, entry, signature)
                    continue
            todo.append(index)

        def done(position: int, value: tuple[Summary | bytes, str | None]) -> None:
            item = others[todo[position]]
            summary, digest = value
            if cached:
                item.digest = self._digest(digest)
            if isinstance(summary, bytes):
                if self.cache is not None and cached and digest is not None:
                    item.summary_blob = self.cache.put(self._path(item), digest, item.cache_key, b"summary", summary,
                                                       signatures[todo[position]])[3]
                else:
                    item.summary_blob = self.spill.put(summary)
            else:
                item.summary = summary

        if todo:
            configs, tasks = self._tasks([others[i] for i in todo])
            self._map(_summary_task, (configs, Mode()), tasks, done)

    # --- stdin ---

    def _lint_stdin(self, request: Request, outcome: Outcome) -> _Item:
        from seo_lint import registry

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
        item = _Item(shown, str(path), digest=self._digest(result.digest), text=result.source)
        item.config = self._config_number(item)
        item.cache_key = self._key(path, shown)
        if result.source is not None:
            result.lines, result.line_count = {}, result.source.count("\n") + 1
            result.add_lines(result.source, {finding.line for finding in result.findings})
        item.record = caching.encode_record(caching.Record(result.fixable, result.line_count, result.lines,
                                                           result.findings))
        item.summary = result.summary
        return item

    # --- site rules ---

    def _site_pass(self, items: list[_Item]) -> None:
        groups: dict[Path | None, list[_Item]] = {}
        roots: dict[str, Path | None] = {}  # files found on disk share their folder's site root
        for item in items:
            path = self._path(item)
            folder = os.path.dirname(path)
            if item.origin is not None:
                root = self.resolver.site_root(Path(path))
            elif folder in roots:
                root = roots[folder]
            else:
                root = roots[folder] = self.resolver.site_root(Path(path))
            groups.setdefault(root, []).append(item)
        for root, group in sorted(groups.items(), key=lambda kv: str(kv[0])):
            self._check_site(root, group, items)
        for item in items:
            if item.site is not None and not (item.record_cached and item.site_cached):
                self._add_lines(item)

    def _site_key(self, root_shown: str, group: list[_Item], others: list[_Item]) -> str:
        """A hash of the site's files (fed a file at a time: at 40,000 files the text is ~40 MB)."""
        digest = hashlib.sha256(root_shown.encode("utf-8", "surrogatepass"))
        for items in (group, others):
            # The order of "shown\0digest\0key" strings (no part holds a NUL).
            for item in sorted(items, key=lambda i: (i.shown, str(_hex(i.digest)), i.cache_key)):
                digest.update(f"\n{item.shown}\0{_hex(item.digest)}\0{item.cache_key}".encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _check_site(self, root: Path | None, group: list[_Item], items: list[_Item]) -> None:
        others: list[_Item] = []
        if root is not None:  # the rest of the site; folders the discovery walked are not walked again
            walked = discover_files([str(root)], self.resolver.filter_for, self.cwd, seen=set(self._walked))
            if walked:
                on_disk = set(walked)
                linted = {path for item in items if (path := self._path(item)) in on_disk}
                others = [self._new_item(path) for path in walked if path not in linted]
        root_shown = display(root, self.cwd) if root is not None else "."
        cache_at = str(root or self.cwd)
        site_key = ""
        for other in others:
            other.cache_key = "summary:" + self._key(self._path(other), other.shown)
        if self.cache is not None:
            if others:
                self._summaries(others, cached=True)
            site_key = self._site_key(root_shown, group, others)
            payload = self.cache.get_extra(cache_at, site_key)
            if payload is not None and self._apply_cached(payload, group):
                return
        kernel()
        if not any(self._configs[self._config_number(item)].summarize for item in group):
            self._apply_and_store(cache_at, site_key, group, [])
            return
        # Site rules are off for some files but they are still part of the site (rare:
        # per-file-ignores); their summaries cost a second read.
        missing = [item for item in group if item.summary is None and item.summary_blob is None]
        if self.cache is None and others:
            self._summaries(others, cached=True)
        self._summaries(missing, cached=False)
        found = self._run_site_rules(root, root_shown, group, others)
        self._apply_and_store(cache_at, site_key, group, found)

    def _run_site_rules(self, root: Path | None, root_shown: str, group: list[_Item],
                        others: list[_Item]) -> Iterator[Finding]:
        from seo_lint.lint import site_findings
        from seo_lint.registry import Site

        rules: dict[str, ActiveRule] = {}
        for item in group:
            for active in self._configs[self._config_number(item)].rules:
                if active.rule.scope == "site":
                    rules.setdefault(active.rule.code, active)
        # A summary's path is its file's, as reported.
        summarized = sorted((item for item in [*group, *others] if item.summary is not None
                             or item.summary_blob is not None), key=_shown)
        summaries = cast("Sequence[Summary]", _Mapped(summarized, self.summary))  # each has one
        site = Site(summaries, frozenset(item.shown for item in group), root_shown,
                    self.resolver.site(root)[1])
        return site_findings(site, sorted(rules.values(), key=lambda a: a.rule.code))

    def _apply_and_store(self, cache_at: str, site_key: str, group: list[_Item], found: Iterable[Finding]) -> None:
        """Give each file its site findings, as its config and inline directives want them;
        cache what each file got (so that a cached run needs neither rules nor directives).
        Each finding is encoded as it is found, in a temporary file (memory holds 4 bytes a
        finding), then each file's are put together, sorted as `check_site` sorts them."""
        by_path = {item.shown: index for index, item in enumerate(group)}
        owners = array("I")
        rows = Spill()
        try:
            for finding in found:
                owner = by_path.get(finding.path)
                if owner is not None:
                    kept = self._site_finding(finding, group[owner])
                    if kept is not None:
                        owners.append(owner)
                        rows.put(_dump(caching.encode_findings([kept])[0]))
            order = sorted(range(len(owners)), key=owners.__getitem__)
            for owner, numbers in groupby(order, key=owners.__getitem__):
                mine = [json.loads(rows.get(number)) for number in numbers]
                mine.sort(key=_row_key)
                group[owner].site = self.spill.put(_dump(mine))
        finally:
            rows.close()
        if self.cache is not None:
            holders = [item for item in group if item.site is not None or item.dropped]
            index = _dump([[item.shown, 0 if item.site is None else len(self._bytes(item.site)),
                            sorted(item.dropped or ())] for item in holders])
            parts = (bytes(self._bytes(item.site)) for item in holders if item.site is not None)
            self.cache.put_extra(cache_at, site_key, [len(index).to_bytes(4, "big"), index, *parts])

    def _apply_cached(self, payload: caching.Data, group: list[_Item]) -> bool:
        """Each file's site findings from the cached site result: a slice of it, read when they
        are reported (see `_apply_and_store` for the layout)."""
        by_path = {item.shown: item for item in group}
        try:
            size = int.from_bytes(caching.read(caching.part(payload, 0, 4)), "big")
            position = 4 + size
            changes = []
            for path, length, dropped in json.loads(caching.read(caching.part(payload, 4, size))):
                site = caching.part(payload, position, length) if length else None
                position += length
                if site is not None:  # a damaged entry is a miss
                    caching.decode_findings(path, json.loads(caching.read(site)))
                changes.append((by_path[path], site, {(int(a), int(b)) for a, b in dropped}))
            if position != len(payload):
                return False
        except Exception:  # noqa: BLE001 - a damaged entry is a miss
            return False
        for item, site, dropped in changes:
            item.site, item.dropped, item.site_cached = site, dropped, True
        return True

    def _site_finding(self, finding: Finding, item: _Item) -> Finding | None:
        """The finding as this file's config and inline directives want it (None: dropped)."""
        from seo_lint import suppress

        if finding.code != "SL002":
            rules = self._configs[self._config_number(item)].rules
            by_code = self._by_code.get(id(rules))
            if by_code is None:
                by_code = self._by_code[id(rules)] = {a.rule.code: a for a in rules}
                self._keep.append(rules)
            active = by_code.get(finding.code)
            if active is None:
                return None
            if active.severity != finding.severity:
                finding = dataclasses.replace(finding, severity=active.severity)
        directives = self._directives(item)
        if not directives:
            return finding
        parsed = [suppress.Directive(kind, frozenset(codes) if codes is not None else None, 0, 0, line, "")
                  for kind, codes, line, _ in directives]
        directive = suppress.Suppressions(parsed).covers(finding.code, finding.line)
        if directive is None:
            return finding
        index = parsed.index(directive)
        # The per-file pass did not know this directive would be used: drop its SL001.
        if item.dropped is None:
            item.dropped = set()
        item.dropped.add((directives[index][2], directives[index][3]))
        return None

    # --- what reporters show ---

    def _add_lines(self, item: _Item) -> None:
        """Keep the lines site findings point at too (read again if needed; cached with the file)."""
        if item.record is None:
            return
        # Not kept (a cold run would hold every file's findings until the report): the line
        # numbers are read without decoding the findings.
        record = self.record(item, findings=False)
        wanted = {row[0] for row in self._site_rows(item) if 1 <= row[0] <= record.line_count}
        if record.has_lines(wanted) or record.lines is None:
            return
        wanted -= set(record.lines)
        if item.text is not None:
            source: str | None = item.text
        else:
            source = self._reread(item)
        if source is None:
            return
        parts = source.split("\n")
        record.lines.update((n, parts[n - 1]) for n in wanted)
        data = caching.encode_record(record)
        entry = self._store(item, data, self._summary_data(item))
        item.record = self.spill.put(data) if entry is None else entry[2]

    def _reread(self, item: _Item) -> str | None:
        data = _read(self._path(item), self._configs[self._config_number(item)].max_size)
        if isinstance(data, str) or self._digest(fix.digest(data)) != item.digest:
            return None  # changed since it was linted: no source lines rather than wrong ones
        return data.decode("utf-8", "replace")


def run(request: Request, resolver: Resolver) -> Outcome:
    return Runner(resolver).run(request)
