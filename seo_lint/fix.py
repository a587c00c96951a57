"""Applying fixes: choose edits that do not overlap, apply them, re-lint until stable, write atomically.

A pass takes the eligible fixes in source order and keeps a fix only when none of its edits
touches an edit already kept (the other one waits for the next pass). Edits are applied in
one sweep, so bytes outside them are never touched. The file is written through a temporary
file in the same folder and `os.replace`, keeping its mode, and only when its bytes on disk
are still those that were linted.
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Protocol, TypeVar

from seo_lint.findings import Edit, Finding, Fix, FixSafety

MAX_PASSES = 10


class FixError(Exception):
    """A fix could not be written; the message is one line and the file is intact."""


class Linted(Protocol):
    @property
    def findings(self) -> list[Finding]: ...

    @property
    def fixable(self) -> bool: ...


R = TypeVar("R", bound=Linted)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def eligible(finding: Finding, unsafe: bool) -> bool:
    return finding.fix is not None and bool(finding.fix.edits) and (
        unsafe or finding.fix.safety is FixSafety.SAFE
    )


def _conflict(a: Edit, b: Edit) -> bool:
    return a.start == b.start or (a.start < b.end and b.start < a.end)


def choose(findings: Iterable[Finding], unsafe: bool) -> list[Fix]:
    """The fixes to apply in one pass: in source order, dropping any that overlaps a kept one."""
    candidates: list[tuple[int, int, int, Fix]] = []
    for index, finding in enumerate(findings):
        if eligible(finding, unsafe):
            assert finding.fix is not None
            edits = finding.fix.edits
            candidates.append((min(e.start for e in edits), max(e.end for e in edits), index, finding.fix))
    kept: list[Fix] = []
    taken: list[Edit] = []
    for _, _, _, fix in sorted(candidates, key=lambda c: c[:3]):
        if any(_conflict(edit, other) for edit in fix.edits for other in taken):
            continue
        if any(_conflict(a, b) for i, a in enumerate(fix.edits) for b in fix.edits[i + 1 :]):
            continue  # a malformed fix: never apply edits that overlap each other
        kept.append(fix)
        taken.extend(fix.edits)
    return kept


def apply(source: str, fixes: Sequence[Fix]) -> str:
    """`source` with every edit of `fixes` applied (the edits must not overlap)."""
    edits = sorted((e for fix in fixes for e in fix.edits), key=lambda e: (e.start, e.end))
    pieces: list[str] = []
    position = 0
    for edit in edits:
        start = max(position, min(edit.start, len(source)))
        end = max(start, min(edit.end, len(source)))
        pieces.append(source[position:start])
        pieces.append(edit.replacement)
        position = end
    pieces.append(source[position:])
    return "".join(pieces)


def fix_until_stable(
    source: str, first: R, relint: Callable[[str], R], unsafe: bool, max_passes: int = MAX_PASSES
) -> tuple[str, R, int]:
    """Fix, re-lint, repeat (at most `max_passes` times). Returns (text, last result, fixes applied)."""
    text, result, applied = source, first, 0
    for _ in range(max_passes):
        if not result.fixable:
            break
        fixes = choose(result.findings, unsafe)
        if not fixes:
            break
        fixed = apply(text, fixes)
        if fixed == text:
            break
        applied += len(fixes)
        text = fixed
        result = relint(text)
    return text, result, applied


def write_atomic(path: Path, data: bytes, expected_digest: str) -> None:
    """Replace the file with `data`, keeping mode and owner; refuse if it changed since it was read."""
    target = Path(os.path.realpath(path))  # write through a symlink, do not replace it
    try:
        current = target.read_bytes()
        info = os.stat(target)
    except OSError as error:
        raise FixError(f"cannot read the file again: {error.strerror or error}; not fixed") from None
    mode = stat.S_IMODE(info.st_mode)
    if digest(current) != expected_digest:
        raise FixError("file changed on disk since it was read; not fixed")
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
        raise FixError("file is read-only; not fixed")
    temp: str | None = None
    try:
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if hasattr(os, "chown"):
            with contextlib.suppress(OSError):  # keep the owner where allowed (a fix run with sudo)
                os.chown(temp, info.st_uid, info.st_gid)
        os.chmod(temp, mode)
        os.replace(temp, target)
        temp = None
    except OSError as error:
        raise FixError(f"cannot write the fix: {error.strerror or error}; not fixed") from None
    finally:
        if temp is not None:  # also when interrupted (Ctrl-C): never leave a temporary file
            with contextlib.suppress(OSError):
                os.unlink(temp)


def unified_diff(before: str, after: str, path: str) -> str:
    """A `git diff`-style unified diff of one file (no timestamps: deterministic)."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    out: list[str] = []
    for line in lines:
        if not line.endswith("\n"):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)
