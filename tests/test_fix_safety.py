"""`--fix` never loses a byte: failing writes, files changed or removed under us, interruptions.

Through the command line (click's CliRunner, in process, so that the write can be made to
fail with monkeypatch: the tests run as root in CI, where permissions do not stop a write).
Each failure must give one line on stderr naming the file, exit code 2, the original bytes
intact, no temporary file left behind, and the other files of the run still fixed.
(`tests/test_cli.py` covers a chmod 444 file and a file appended to after it was linted;
`tests/test_fix.py` covers `write_atomic` on its own.)
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from seo_lint import fix
from seo_lint.cli import cli

FIXABLE = "---\ntitle: A post about harbours\n---\n\n![A harbour at dawn](https://cdn.example.com/a.png?w=1200&w=1200)\n"
FIXED = FIXABLE.replace("?w=1200&w=1200", "?w=1200")
A, B = "_posts/2025-01-10-a.md", "_posts/2025-01-11-b.md"
ARGS = ["--isolated", "--format", "concise", "--select", "IMG004", "--fix", A, B]
REMAINING_A = f"{A}:5:22: IMG004 image URL repeats query parameter (w: 1200, 1200)\n"
FIXED_B = "Fixed 1 finding.\n"  # the run went on to B


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in (A, B):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(FIXABLE.replace("\n", "\r\n").encode() if name == B else FIXABLE.encode())
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def fail_for_a(real: Callable[..., Any], error: BaseException) -> Callable[..., Any]:
    """`real`, except that it raises `error` when writing the temporary file of post A."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if any("2025-01-10-a.md" in str(arg) for arg in (*args, *kwargs.values())):
            raise error
        return real(*args, **kwargs)

    return wrapper


def assert_a_intact_b_fixed(site: Path) -> None:
    assert (site / A).read_bytes() == FIXABLE.encode()
    assert (site / B).read_bytes() == FIXED.replace("\n", "\r\n").encode()
    assert files(site) == [A, B]  # no temporary file left behind


@pytest.mark.parametrize(("where", "error", "message"), [
    ("mkstemp", PermissionError(errno.EACCES, "Permission denied"), "Permission denied"),
    ("chmod", PermissionError(errno.EPERM, "Operation not permitted"), "Operation not permitted"),
    ("replace", OSError(errno.EXDEV, "Invalid cross-device link"), "Invalid cross-device link"),
    ("replace", OSError(errno.EROFS, "Read-only file system"), "Read-only file system"),
])
def test_a_failing_write_is_one_line_and_leaves_the_original(
    site: Path, monkeypatch: pytest.MonkeyPatch, where: str, error: OSError, message: str
) -> None:
    module = fix.tempfile if where == "mkstemp" else fix.os
    monkeypatch.setattr(module, where, fail_for_a(getattr(module, where), error))
    assert run(*ARGS) == (2, REMAINING_A, f"{FIXED_B}seo-lint: error: {A}: cannot write the fix: {message}; not fixed\n")
    assert_a_intact_b_fixed(site)


@pytest.fixture
def temp_of_a(monkeypatch: pytest.MonkeyPatch) -> set[int]:
    """The file descriptors of post A's temporary files (recorded as `mkstemp` makes them)."""
    fds: set[int] = set()
    real_mkstemp = fix.tempfile.mkstemp

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        fd, name = real_mkstemp(*args, **kwargs)
        if ".2025-01-10-a.md." in name:
            fds.add(fd)
        return fd, name

    monkeypatch.setattr(fix.tempfile, "mkstemp", mkstemp)
    return fds


def test_a_full_disk_during_the_write_leaves_the_original(
    site: Path, monkeypatch: pytest.MonkeyPatch, temp_of_a: set[int]
) -> None:
    """ENOSPC after half of the data reached the temporary file: the post itself is untouched."""
    real_fdopen = os.fdopen
    halves: list[int] = []

    class FullDisk:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> FullDisk:  # noqa: PYI034 - a test double
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            halves.append(self.handle.write(data[: len(data) // 2]))
            self.handle.flush()
            raise OSError(errno.ENOSPC, "No space left on device")

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        handle = real_fdopen(fd, *args, **kwargs)
        if fd not in temp_of_a:
            return handle
        temp_of_a.discard(fd)  # file descriptor numbers are reused (post B's temporary file)
        return FullDisk(handle)

    monkeypatch.setattr(fix.os, "fdopen", fdopen)
    assert run(*ARGS) == (
        2, REMAINING_A, f"{FIXED_B}seo-lint: error: {A}: cannot write the fix: No space left on device; not fixed\n"
    )
    assert halves and halves[0] > 0  # the failure did happen mid-write
    assert_a_intact_b_fixed(site)


def test_an_interrupted_write_leaves_no_temporary_file(
    site: Path, monkeypatch: pytest.MonkeyPatch, temp_of_a: set[int]
) -> None:
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if fd in temp_of_a:
            raise KeyboardInterrupt
        real_fsync(fd)

    monkeypatch.setattr(fix.os, "fsync", fsync)
    assert run(*ARGS) == (130, "", "\nseo-lint: error: interrupted\n")  # click ends the ^C line first
    assert (site / A).read_bytes() == FIXABLE.encode()
    assert files(site) == [A, B]


def test_the_write_is_atomic(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Up to the rename the post holds its old bytes; the temporary file already holds all the new ones."""
    real_replace = os.replace
    seen: list[tuple[bytes, bytes]] = []

    def replace(src: str, dst: Any) -> None:
        seen.append((Path(dst).read_bytes(), Path(src).read_bytes()))
        real_replace(src, dst)

    monkeypatch.setattr(fix.os, "replace", replace)
    assert run(*ARGS) == (0, "", "Fixed 2 findings.\n")
    assert seen == [(FIXABLE.encode(), FIXED.encode()),
                    (FIXABLE.replace("\n", "\r\n").encode(), FIXED.replace("\n", "\r\n").encode())]


def test_a_file_changed_between_the_fix_and_the_write_is_not_overwritten(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = fix.write_atomic

    def editor_saves_first(path: Path, data: bytes, expected: str) -> None:
        if path.name.endswith("a.md"):
            path.write_bytes(b"Saved by the editor while seo-lint was fixing.\n")
        real_write(path, data, expected)

    monkeypatch.setattr(fix, "write_atomic", editor_saves_first)
    assert run(*ARGS) == (
        2, REMAINING_A, f"{FIXED_B}seo-lint: error: {A}: file changed on disk since it was read; not fixed\n"
    )
    assert (site / A).read_bytes() == b"Saved by the editor while seo-lint was fixing.\n"
    assert (site / B).read_bytes() == FIXED.replace("\n", "\r\n").encode()


def test_a_file_removed_before_the_write_is_not_recreated(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = fix.write_atomic

    def removed_first(path: Path, data: bytes, expected: str) -> None:
        if path.name.endswith("a.md"):
            path.unlink()
        real_write(path, data, expected)

    monkeypatch.setattr(fix, "write_atomic", removed_first)
    assert run(*ARGS) == (
        2, REMAINING_A, f"{FIXED_B}seo-lint: error: {A}: cannot read the file again: No such file or directory; not fixed\n"
    )
    assert files(site) == [B]


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o755, 0o2775])
def test_the_mode_is_kept(site: Path, mode: int) -> None:
    os.chmod(site / A, mode)
    assert run(*ARGS)[0] == 0
    assert (site / A).read_bytes() == FIXED.encode()
    assert stat.S_IMODE((site / A).stat().st_mode) == mode


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_the_owner_is_kept_when_root_fixes_someone_elses_file(site: Path) -> None:
    os.chown(site / A, 1234, 5678)
    assert run(*ARGS)[0] == 0
    info = (site / A).stat()
    assert (site / A).read_bytes() == FIXED.encode() and (info.st_uid, info.st_gid) == (1234, 5678)


def test_a_symlinked_post_is_fixed_through_the_link(site: Path) -> None:
    real = site / "drafts" / "real.md"
    real.parent.mkdir()
    (site / A).rename(real)
    (site / A).symlink_to(real)
    assert run(*ARGS)[0] == 0
    assert (site / A).is_symlink() and real.read_bytes() == FIXED.encode()
