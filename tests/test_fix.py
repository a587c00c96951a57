"""Applying fixes: overlap resolution, re-lint until stable, atomic writes, diffs."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

import pytest

from seo_lint import fix
from seo_lint.findings import Edit, Finding, Fix, FixSafety, Severity


def finding(start: int, end: int, text: str, safety: FixSafety = FixSafety.SAFE, code: str = "TST001") -> Finding:
    return Finding("a.md", 1, start + 1, 1, end + 1, code, "test", Severity.WARNING, "m",
                   Fix.replace(start, end, text, safety), start, end)


def test_non_overlapping_fixes_apply_in_one_pass_bottom_up() -> None:
    source = "colour and flavour"
    fixes = fix.choose([finding(0, 6, "color"), finding(11, 18, "flavor")], unsafe=False)
    assert fix.apply(source, fixes) == "color and flavor"


def test_overlapping_fix_is_kept_for_the_next_pass() -> None:
    first, overlapping, touching = finding(0, 6, "A"), finding(3, 9, "B"), finding(6, 6, "+")
    assert fix.choose([overlapping, first, touching], unsafe=False) == [first.fix, touching.fix]
    # two insertions at the same offset: order would be ambiguous, keep the first
    one, two = finding(4, 4, "x"), finding(4, 4, "y")
    assert fix.choose([one, two], unsafe=False) == [one.fix]


def test_unsafe_fixes_only_when_asked() -> None:
    safe, unsafe = finding(0, 1, "a"), finding(2, 3, "b", FixSafety.UNSAFE)
    assert fix.choose([safe, unsafe], unsafe=False) == [safe.fix]
    assert fix.choose([safe, unsafe], unsafe=True) == [safe.fix, unsafe.fix]


def test_a_fix_with_several_edits_is_all_or_nothing() -> None:
    pair = Finding("a.md", 1, 1, 1, 1, "TST001", "t", Severity.WARNING, "m",
                   Fix((Edit(4, 5, "X"), Edit(8, 9, "Y"))), 4, 9)
    blocker = finding(3, 6, "Z")
    assert fix.choose([pair, blocker], unsafe=False) == [blocker.fix]  # not even the edit at 8
    assert fix.apply("abcdefghij", [pair.fix]) == "abcdXfghYj"  # type: ignore[list-item]


@dataclass
class Result:
    findings: list[Finding]
    fixable: bool = True


def _lint(text: str) -> Result:
    """Flags the first `aa` (fix: `a`): fixing one pair can reveal the next."""
    at = text.find("aa")
    return Result([finding(at, at + 2, "a")] if at != -1 else [])


def test_relint_until_stable_and_count_fixes() -> None:
    text, result, count = fix.fix_until_stable("aaaa!", _lint("aaaa!"), _lint, unsafe=False)
    assert (text, result.findings, count) == ("a!", [], 3)


def test_max_passes_stops_a_fix_that_never_converges() -> None:
    def grow(text: str) -> Result:
        return Result([finding(0, 0, "x")])

    text, _, count = fix.fix_until_stable("", grow(""), grow, unsafe=False)
    assert (text, count) == ("x" * fix.MAX_PASSES, fix.MAX_PASSES)


def test_a_document_that_is_not_fixable_is_never_fixed() -> None:
    result = Result([finding(0, 2, "a")], fixable=False)
    assert fix.fix_until_stable("aa", result, _lint, unsafe=False) == ("aa", result, 0)


def test_write_atomic_keeps_the_mode_and_leaves_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_bytes(b"old\r\n")
    os.chmod(path, 0o640)
    fix.write_atomic(path, "新しい\r\n".encode(), fix.digest(b"old\r\n"))
    assert path.read_bytes() == "新しい\r\n".encode()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["post.md"]


def test_write_atomic_refuses_a_file_changed_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_bytes(b"changed by the editor\n")
    with pytest.raises(fix.FixError) as error:
        fix.write_atomic(path, b"fixed\n", fix.digest(b"what was linted\n"))
    assert str(error.value) == "file changed on disk since it was read; not fixed"
    assert path.read_bytes() == b"changed by the editor\n"


def test_write_atomic_refuses_a_read_only_file(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_bytes(b"old\n")
    os.chmod(path, 0o444)
    with pytest.raises(fix.FixError) as error:
        fix.write_atomic(path, b"new\n", fix.digest(b"old\n"))
    assert str(error.value) == "file is read-only; not fixed"
    assert path.read_bytes() == b"old\n"


def test_a_failing_write_leaves_the_original_and_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "post.md"
    path.write_bytes(b"old\n")

    def fail(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fix.os, "replace", fail)
    with pytest.raises(fix.FixError) as error:
        fix.write_atomic(path, b"new\n", fix.digest(b"old\n"))
    assert str(error.value) == "cannot write the fix: No space left on device; not fixed"
    assert path.read_bytes() == b"old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["post.md"]


def test_write_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_bytes(b"old\n")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    fix.write_atomic(link, b"new\n", fix.digest(b"old\n"))
    assert link.is_symlink() and target.read_bytes() == b"new\n"


def test_unified_diff_marks_a_missing_final_newline() -> None:
    assert fix.unified_diff("a\nb", "a\nc", "x.md") == (
        "--- a/x.md\n+++ b/x.md\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n"
        "+c\n\\ No newline at end of file\n"
    )
