"""The hostile corpus through the real command line (`python -m seo_lint` in a subprocess).

One run lints every hostile file together with a normal post (sorted after them all, so
its findings prove the run went on). Each case asserts its exact findings for the codes it
is about, and that no rule crashed on it. The subprocess has a generous timeout: a hang
fails the test; durations are never asserted.
"""

from __future__ import annotations

import builtins
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from hostile import make_corpus
from hostile.make_corpus import CASES, NORMAL, NORMAL_CODES, NORMAL_EXPECTED, Case
from seo_lint.cli import cli

TIMEOUT = 600  # seconds; the whole corpus takes a few seconds


@dataclass
class Run:
    root: Path
    code: int
    stderr: str
    findings: list[dict[str, Any]]


def seo_lint(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "seo_lint", "--isolated", *args],
        cwd=root, capture_output=True, text=True, timeout=TIMEOUT, check=False,
    )


def lines(findings: list[dict[str, Any]], name: str, codes: frozenset[str]) -> list[str]:
    path = f"_posts/{name}"
    return [f"{f['line']}:{f['column']} {f['code']} {f['message']}" for f in findings
            if f["path"] == path and f["code"] in codes]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = tmp_path_factory.mktemp("hostile")
    make_corpus.write(root)
    done = seo_lint(root, "--format", "json", "--select", "ALL", ".")
    return Run(root, done.returncode, done.stderr, json.loads(done.stdout))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_hostile_file_gets_its_exact_findings_and_the_run_goes_on(corpus: Run, case: Case) -> None:
    assert lines(corpus.findings, case.name, case.codes) == list(case.expected)
    assert lines(corpus.findings, case.name, frozenset({"SL002"})) == []
    assert lines(corpus.findings, NORMAL, NORMAL_CODES) == list(NORMAL_EXPECTED)


def test_the_whole_corpus_exits_1_without_errors_or_crashes(corpus: Run) -> None:
    assert (corpus.code, corpus.stderr) == (1, "")
    assert [f["message"] for f in corpus.findings if f["code"] == "SL002"] == []
    paths = {f["path"] for f in corpus.findings}
    # The folder named like a post is walked; the symlink loop and the FIFO are skipped.
    assert "_posts/00-folder.md/inner.md" in paths
    assert not {p for p in paths if p.startswith(("_posts/loop", "_posts/fifo"))}
    assert {f"_posts/{c.name}" for c in CASES} <= paths


def test_yaml_tags_are_never_executed(corpus: Run) -> None:
    assert not list(corpus.root.rglob("PWNED-MARKER"))
    assert not Path("PWNED-MARKER").exists()


def test_fix_never_rewrites_a_file_that_was_not_read_as_clean_utf8(tmp_path: Path) -> None:
    make_corpus.write(tmp_path, big=False)
    posts = tmp_path / "_posts"
    before = {p.name: p.read_bytes() for p in posts.iterdir() if p.is_file() and not p.is_symlink()
              and p.name != "fifo.md"}
    done = seo_lint(tmp_path, "--format", "concise", "--select", "ALL", "--unsafe-fixes", ".")
    assert done.returncode == 1 and "SL002" not in done.stdout, done.stderr
    after = {name: (posts / name).read_bytes() for name in before}
    changed = sorted(name for name in before if before[name] != after[name])
    # Only the clean UTF-8 posts with an http:// image were fixed (IMG005); nothing else moved.
    assert changed == ["19-10000-images.md", "22-emoji-around-spans.md"]
    assert after["22-emoji-around-spans.md"] == before["22-emoji-around-spans.md"].replace(b"http://", b"https://")
    assert not [p.name for p in posts.iterdir() if p.name.endswith(".tmp")]


# --- files that cannot be read ----------------------------------------------------------------


def test_an_unreadable_file_is_file002_and_the_run_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """chmod 000 does not stop root (CI runs as root): make `open` refuse the file instead."""
    posts = tmp_path / "_posts"
    posts.mkdir()
    (posts / "01-secret.md").write_text(make_corpus.GOOD_FRONT + "Secret.\n", encoding="utf-8")
    (posts / NORMAL).write_text(make_corpus.NORMAL_TEXT, encoding="utf-8")
    real_open = builtins.open

    def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file).endswith("01-secret.md"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(builtins, "open", guarded_open)
    result = CliRunner().invoke(cli, ["--isolated", "--format", "concise", "--select", "FILE,IMG001,SL002", "."])
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout == (
        "_posts/01-secret.md:1:1: FILE002 cannot read file: Permission denied\n"
        "_posts/99-normal.md:8:1: IMG001 <img> has no alt attribute (b.png)\n"
    )


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads a chmod 000 file; covered by the monkeypatched test above")
def test_a_chmod_000_file_is_file002(tmp_path: Path) -> None:
    posts = tmp_path / "_posts"
    posts.mkdir()
    secret = posts / "01-secret.md"
    secret.write_text(make_corpus.GOOD_FRONT + "Secret.\n", encoding="utf-8")
    (posts / NORMAL).write_text(make_corpus.NORMAL_TEXT, encoding="utf-8")
    secret.chmod(0)
    try:
        done = seo_lint(tmp_path, "--format", "concise", "--select", "FILE,IMG001", ".")
    finally:
        secret.chmod(0o644)
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout == (
        "_posts/01-secret.md:1:1: FILE002 cannot read file: Permission denied\n"
        "_posts/99-normal.md:8:1: IMG001 <img> has no alt attribute (b.png)\n"
    )


def test_a_symlink_loop_named_on_the_command_line_is_one_line(tmp_path: Path) -> None:
    make_corpus.write(tmp_path, big=False)
    done = seo_lint(tmp_path, "--format", "concise", "_posts/loop/a.md", f"_posts/{NORMAL}")
    assert (done.returncode, done.stdout, done.stderr) == (
        2, "", 'seo-lint: error: path "_posts/loop/a.md" does not exist\n'
    )
    # Named as a folder, the loop is walked once and the run goes on.
    done = seo_lint(tmp_path, "--format", "concise", "--select", "IMG001", "_posts/loop", f"_posts/{NORMAL}")
    assert (done.returncode, done.stdout, done.stderr) == (
        1, "_posts/99-normal.md:8:1: IMG001 <img> has no alt attribute (b.png)\n", ""
    )


def test_a_directory_named_like_a_post_on_the_command_line_is_walked(tmp_path: Path) -> None:
    make_corpus.write(tmp_path, big=False)
    done = seo_lint(tmp_path, "--format", "concise", "--select", "IMG001,MT002", "_posts/00-folder.md")
    assert (done.returncode, done.stderr) == (0, "")  # MT002 is a warning
    assert done.stdout == (
        "_posts/00-folder.md/inner.md:1:1: MT002 description is missing (aim for 70–160 characters for en)\n"
    )
