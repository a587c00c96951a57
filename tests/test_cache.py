"""The result cache: what it reuses, what invalidates it, and that a bad cache is never fatal.

Through the command line in one process (`--jobs 1`), counting the files actually linted
(`runner.lint_path`) and summarised, on a small Jekyll site in a temporary folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from seo_lint import cache, runner
from seo_lint.cli import cli
from seo_lint.findings import Edit, Finding, Fix, FixSafety, Severity
from seo_lint.registry import Summary

POST = """---
title: "{title} about linting a static site well"
description: "How to lint a static site before you publish it, with a checklist you can follow."
date: 2025-01-{day:02d}
---

Some text about static sites. Click [here](/about/) to read more.
"""
ARGS = ("--format", "concise", "--jobs", "1")
SELECT = ("--select", "MT001,MT004,LNK003,FM004")
FIRST = "_posts/2025-01-10-a.md"
TITLE_A = "Post a about linting a static site well"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "_config.yml").write_text("title: Test\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    for day, name in ((10, "a"), (11, "b"), (12, "c")):
        write(tmp_path, f"_posts/2025-01-{day}-{name}.md", POST.format(title=f"Post {name}", day=day))
    return tmp_path


def write(root: Path, name: str, text: str) -> None:
    (root / name).write_text(text, encoding="utf-8")


@pytest.fixture
def linted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths linted (not taken from the cache) during the test, in order."""
    seen: list[str] = []
    original = runner.lint_path

    def recording(path: str, config: runner.FileConfig) -> runner.FileResult:
        seen.append(Path(path).name)
        return original(path, config)

    monkeypatch.setattr(runner, "lint_path", recording)
    return seen


def run(*args: str) -> tuple[int, str, str]:
    """seo-lint with ARGS, and SELECT unless `args` selects."""
    select = () if "--select" in args else SELECT
    result = CliRunner().invoke(cli, [*ARGS, *select, *args])
    return result.exit_code, result.stdout, result.stderr


LINK = 'LNK003 link text "here" does not say where the link goes'


def expected(*extra: str) -> tuple[int, str, str]:
    lines = [f"_posts/2025-01-{d}-{n}.md:7:37: {LINK}\n" for d, n in ((10, "a"), (11, "b"), (12, "c"))]
    return 0, "".join(sorted(lines + list(extra))), ""


def test_second_run_lints_nothing_and_prints_the_same(site: Path, linted: list[str]) -> None:
    first = run()
    assert linted == ["2025-01-10-a.md", "2025-01-11-b.md", "2025-01-12-c.md"]
    assert first == expected()
    assert (site / ".seo-lint-cache" / "cache.bin").is_file()
    assert (site / ".seo-lint-cache" / ".gitignore").read_text() == "*\n"
    linted.clear()
    assert run() == first
    assert linted == []


def test_a_crashing_summarizer_is_an_sl002_finding_on_its_file_cached_too(
    site: Path, linted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from seo_lint import registry

    def boom(doc: Any) -> Any:
        if doc.path.endswith("-b.md"):
            raise RuntimeError("no luck")
        return 1

    registry.load()
    monkeypatch.setitem(registry._SUMMARIZERS, "boom", boom)
    crash = "_posts/2025-01-11-b.md:1:1: SL002 summarizer boom crashed on this file: RuntimeError: no luck at "
    for cold in (True, False):
        code, out, err = run("--no-cache") if cold else run()
        assert code == 2 and err == ""  # a crash fails the run, as a crashing rule does
        lines = out.splitlines(keepends=True)
        assert [line for line in lines if "SL002" in line] == [crash + f"test_cache.py:{boom.__code__.co_firstlineno + 2}\n"]
        assert [line for line in lines if "SL002" not in line] == expected()[1].splitlines(keepends=True)
    linted.clear()
    assert run()[1] == out  # from the cache
    assert linted == []


def test_a_changed_file_is_linted_again_and_site_rules_see_it(site: Path, linted: list[str]) -> None:
    assert run() == expected()
    linted.clear()
    write(site, "_posts/2025-01-11-b.md", POST.format(title="Post a", day=11))  # same title as a
    assert run() == expected(
        f'{FIRST}:2:1: MT004 title "{TITLE_A}" is also the title of _posts/2025-01-11-b.md\n',
        f'_posts/2025-01-11-b.md:2:1: MT004 title "{TITLE_A}" is also the title of _posts/2025-01-10-a.md\n',
    )
    assert linted == ["2025-01-11-b.md"]  # a's finding comes from a's cached summary
    linted.clear()
    write(site, "_posts/2025-01-11-b.md", POST.format(title="Post b", day=11))
    assert run() == expected()
    assert linted == ["2025-01-11-b.md"]


def test_same_size_and_time_but_other_bytes_is_a_change(site: Path, linted: list[str]) -> None:
    path = site / FIRST
    run()
    info = os.stat(path)
    path.write_bytes(path.read_bytes().replace(b"[here]", b"[Here]"))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))  # as a checkout could leave it
    linted.clear()
    _, out, _ = run()
    assert linted == ["2025-01-10-a.md"]
    assert f'{FIRST}:7:37: LNK003 link text "Here"' in out


def test_a_config_change_invalidates_every_file(site: Path, linted: list[str]) -> None:
    run()
    linted.clear()
    write(site, ".seo-lint.toml", "[rules.MT001]\nmin-length = { default = 40 }\n")
    code, out, _ = run()
    assert sorted(linted) == ["2025-01-10-a.md", "2025-01-11-b.md", "2025-01-12-c.md"]
    assert f"{FIRST}:2:1: MT001 title is 39 characters long (min 40 for en)" in out
    linted.clear()
    assert run() == (code, out, "")
    assert linted == []


def test_command_line_selection_is_part_of_the_key(site: Path, linted: list[str]) -> None:
    run()
    linted.clear()
    code, out, _ = run("--ignore", "LNK003")
    assert (code, out) == (0, "")
    assert len(linted) == 3


@pytest.mark.parametrize("garbage", [
    b"",
    b"\x00\x01\x02 not a cache",
    b'{"format": 1}\n',
    b'{"format": 1, "tool": "another", "entries": [], "extra": []}\n',
    b"\x80\x05\x95 a pickle of something\n",
])
def test_a_corrupt_or_foreign_cache_is_ignored_and_rebuilt(site: Path, linted: list[str], garbage: bytes) -> None:
    reference = run()
    (site / ".seo-lint-cache" / "cache.bin").write_bytes(garbage)
    linted.clear()
    assert run() == reference
    assert len(linted) == 3
    linted.clear()
    assert run() == reference  # rebuilt by the run above
    assert linted == []


def test_a_truncated_cache_is_ignored(site: Path, linted: list[str]) -> None:
    reference = run()
    path = site / ".seo-lint-cache" / "cache.bin"
    path.write_bytes(path.read_bytes()[:-10])
    linted.clear()
    assert run() == reference
    assert len(linted) == 3


def test_a_damaged_entry_is_a_miss_not_a_crash(site: Path, linted: list[str]) -> None:
    reference = run()
    store = cache.Cache.open(site / ".seo-lint-cache")
    key = str(site / FIRST)
    digest, config, _, summary, signature, _ = store.entries[key]
    store.put(key, digest, config, b'[true, 9, [["not", "a", "finding"]], []]\n[]', summary, signature)
    store.save()
    linted.clear()
    assert run() == reference
    assert linted == ["2025-01-10-a.md"]
    linted.clear()
    assert run() == reference  # replaced by the good one
    assert linted == []


def test_no_cache_reads_and_writes_nothing(site: Path, linted: list[str]) -> None:
    assert run("--no-cache") == run("--no-cache")
    assert not (site / ".seo-lint-cache").exists()
    assert len(linted) == 6


def test_cache_dir_option(site: Path, tmp_path: Path, linted: list[str]) -> None:
    elsewhere = tmp_path / "elsewhere" / "cache"
    reference = run("--cache-dir", str(elsewhere))
    assert (elsewhere / "cache.bin").is_file() and not (site / ".seo-lint-cache").exists()
    linted.clear()
    assert run("--cache-dir", str(elsewhere)) == reference
    assert linted == []


def test_the_cache_lives_next_to_the_config_file(site: Path) -> None:
    write(site, ".seo-lint.toml", "")
    (site / "_posts" / "sub").mkdir()
    os.chdir(site / "_posts")
    run(".")
    assert (site / ".seo-lint-cache" / "cache.bin").is_file()


def test_no_cache_for_a_loose_folder_of_posts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "2025-01-10-a.md", POST.format(title="Post a", day=10))
    run()
    assert os.listdir(tmp_path) == ["2025-01-10-a.md"]


def test_entries_of_removed_files_are_dropped(site: Path) -> None:
    run()
    (site / FIRST).unlink()
    run()
    store = cache.Cache.open(site / ".seo-lint-cache")
    assert sorted(Path(k).name for k in store.entries) == ["2025-01-11-b.md", "2025-01-12-c.md"]


def test_a_future_date_is_checked_again_when_it_may_have_passed(site: Path, linted: list[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    write(site, FIRST, POST.format(title="Post a", day=10).replace("2025-01-10", "2999-01-10"))
    _, out, _ = run()
    assert f"{FIRST}:4:1: FM004 date `2999-01-10` is in the future" in out
    linted.clear()
    run()
    assert linted == []
    now = runner.time.time()
    monkeypatch.setattr(runner.time, "time", lambda: now + 1000 * 365 * 86400)
    run()
    assert linted == ["2025-01-10-a.md"]


def test_fix_uses_the_text_not_the_cache(site: Path, linted: list[str]) -> None:
    post = POST.format(title="Post a", day=10) + "\n![A chart](https://cdn.example.com/a.png?w=1&w=1)\n"
    write(site, FIRST, post)
    run("--select", "IMG004")
    linted.clear()
    code, out, err = run("--select", "IMG004", "--fix")
    assert (code, out, err) == (0, "", "Fixed 1 finding.\n")
    assert linted == ["2025-01-10-a.md"]
    assert "a.png?w=1)" in (site / FIRST).read_text()
    linted.clear()
    assert run("--select", "IMG004") == (0, "", "")
    assert linted == []  # the fixed file's result was cached by the --fix run


def test_values_round_trip_and_nothing_else_is_accepted() -> None:
    fix = Fix((Edit(3, 5, "x"),), FixSafety.UNSAFE, "why")
    finding = Finding("a.md", 1, 2, 1, 4, "IMG004", "name", Severity.WARNING, "message", fix, 3, 5)
    summary = Summary("a.md", {"k": (1, None, b"\x00\xff", ("x", 2.5)), "s": {"a": [True, False]}})
    for value in ([finding], summary, {1: "one", "two": frozenset({"a"})}):
        assert cache.decode(cache.encode(value)) == value
    rows = cache.decode(json.dumps(cache.encode_findings([finding])).encode())
    assert cache.decode_findings("a.md", rows) == [finding] and cache.decode_findings("a.md", rows)[0].fix == fix
    with pytest.raises(ValueError):
        cache.encode(object())
    assert cache.decode(b'["os.system", "touch x"]') == ["os.system", "touch x"]  # only ever data
    for foreign in ({"os.system": ["touch x"]}, {"t": [1], "d": []}, {"F": [1]}, {"X": [[1], "safe", ""]}):
        with pytest.raises((ValueError, TypeError, IndexError)):
            cache.decode(json.dumps(foreign).encode())


def test_the_tool_key_changes_with_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    before = cache.tool_key()
    cache.tool_key.cache_clear()
    monkeypatch.setattr(cache, "__version__", "0.0.0-test")
    try:
        assert cache.tool_key() != before
    finally:
        cache.tool_key.cache_clear()


def test_packed_summaries_read_key_by_key() -> None:
    summary = Summary("a.md", {"links": {"name": "a", "spans": ((1, 2, 1, 9),)}, "sig": b"\x01\x02", "none": None})
    unpacked = cache.unpack_summary(cache.pack_summary(summary))
    assert unpacked.path == "a.md" and list(unpacked.data) == ["links", "sig", "none"] and len(unpacked.data) == 3
    assert dict(unpacked.data) == summary.data
    assert unpacked.data.get("missing") is None and "sig" in unpacked.data and "missing" not in unpacked.data
    first = unpacked.data["links"]
    assert unpacked.data["links"] is first  # decoded once
    lazy = cache.lazy_summary("a.md", lambda: cache.pack_summary(summary))
    assert lazy.path == "a.md" and dict(lazy.data) == summary.data
    assert dict(cache.lazy_summary("a.md", b"damaged").data) == {}  # no data rather than a crash
    with pytest.raises(KeyError):
        unpacked.data["missing"]
    blob = cache.pack_summary(summary)
    for damaged in (blob[:-3], blob + b"x", b"no header"):
        with pytest.raises((ValueError, TypeError)):
            dict(cache.unpack_summary(damaged).data)


def test_a_flipped_byte_in_the_cache_is_ignored(site: Path, linted: list[str]) -> None:
    reference = run()
    path = site / ".seo-lint-cache" / "cache.bin"
    data = bytearray(path.read_bytes())
    data[-100] ^= 0xFF  # inside the last entry's summary
    path.write_bytes(bytes(data))
    linted.clear()
    assert run() == reference
    assert len(linted) == 3


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files read by the runner (to hash or lint them) during the test."""
    seen: list[str] = []
    original = runner._read

    def recording(path: str, max_size: int | None = None) -> bytes | str:
        seen.append(Path(path).name)
        return original(path, max_size)

    def hashing(path: str) -> str | None:
        seen.append(Path(path).name)
        return original_digest(path)

    original_digest = runner._file_digest
    monkeypatch.setattr(runner, "_read", recording)
    monkeypatch.setattr(runner, "_file_digest", hashing)
    return seen


def test_an_unchanged_file_is_known_by_its_stat_and_not_read(site: Path, linted: list[str], reads: list[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "RACY_NS", -10**15)  # every file counts as old enough to trust its stat
    reference = run()
    linted.clear()
    reads.clear()
    assert run() == reference
    assert (linted, reads) == ([], [])


def test_the_stat_shortcut_sees_new_bytes_behind_a_forged_size_and_mtime(
        site: Path, linted: list[str], reads: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "RACY_NS", -10**15)
    run()
    path = site / FIRST
    info = os.stat(path)
    path.write_bytes(path.read_bytes().replace(b"[here]", b"[Here]"))  # same size, same inode
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))  # same mtime: only the ctime tells
    assert os.stat(path).st_size == info.st_size and os.stat(path).st_mtime_ns == info.st_mtime_ns
    linted.clear()
    reads.clear()
    _, out, _ = run()
    assert f'{FIRST}:7:37: LNK003 link text "Here"' in out
    assert linted == ["2025-01-10-a.md"] and "2025-01-10-a.md" in reads and len(reads) == 2  # hashed, linted


def test_a_file_changed_just_before_the_run_is_hashed_not_trusted(site: Path, linted: list[str],
                                                                   reads: list[str]) -> None:
    """Racily clean (git's term): a file written within RACY_NS of being looked at could be
    written again in the same clock tick with the same size; its stat is not recorded, so
    the next run reads and hashes it (and finds it unchanged)."""
    reference = run()
    linted.clear()
    reads.clear()
    assert run() == reference
    assert linted == [] and sorted(reads) == ["2025-01-10-a.md", "2025-01-11-b.md", "2025-01-12-c.md"]
    assert all(entry[4] == "" for entry in cache.Cache.open(site / ".seo-lint-cache").entries.values())


def test_payloads_stay_in_the_file_until_they_are_wanted(site: Path) -> None:
    assert run() == expected()
    store = cache.Cache.open(site / ".seo-lint-cache")
    assert store.entries and store.extra
    for _, _, payload, summary, _, _ in [*store.entries.values(), *store.extra.values()]:
        assert isinstance(payload, cache.Ref) and isinstance(summary, (cache.Ref, bytes))
    record = cache.decode_record("a.md", cache.read(store.entries[str(site / FIRST)][2]))
    assert [(f.line, f.column, f.code) for f in record.findings] == [(7, 37, "LNK003")]


def test_new_entries_are_written_at_once_and_saved_atomically(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    store = cache.Cache.open(folder)
    entry = store.put("/x/a.md", "d1", "k", b"payload", b"summary", "sig")
    assert isinstance(entry[2], cache.Ref) and isinstance(entry[3], cache.Ref)
    assert (entry[2].read(), entry[3].read()) == (b"payload", b"summary")
    assert [p.suffix for p in folder.iterdir()] == [".new"]  # not in memory: in a temporary file
    assert store.put("/x/a.md", "d1", "k", b"payload", b"summary", "sig") is entry  # the same: kept
    site = store.put_extra(str(tmp_path), "s1", [b"ab", b"", b"cd"])
    assert cache.read(site) == b"abcd" and cache.read(cache.part(site, 1, 2)) == b"bc"
    with pytest.raises(ValueError):
        cache.part(site, 3, 2)
    store.save()
    assert sorted(p.name for p in folder.iterdir()) == [".gitignore", "CACHEDIR.TAG", "README", "cache.bin"]
    assert entry[2].read() == b"payload"  # still readable by the run that saved
    later = store.put("/x/b.md", "d2", "k", b"second", b"", "")  # after a save: a new temporary file
    store.save()
    again = cache.Cache.open(folder)
    assert {key: (e[0], cache.read(e[2]), cache.read(e[3])) for key, e in again.entries.items()} == {
        "/x/a.md": ("d1", b"payload", b"summary"), "/x/b.md": ("d2", b"second", b"")}
    assert cache.read(again.extra[str(tmp_path)][2]) == b"abcd" and cache.read(later[2]) == b"second"


def test_a_cache_not_saved_leaves_no_temporary_file(tmp_path: Path) -> None:
    store = cache.Cache.open(tmp_path / "cache")
    store.put("/x/a.md", "d1", "k", b"payload")
    assert len(list((tmp_path / "cache").iterdir())) == 1
    del store
    assert list((tmp_path / "cache").iterdir()) == []


def test_a_touched_file_is_hashed_and_the_cache_is_not_rewritten_for_its_stat_alone(
        site: Path, linted: list[str], reads: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "RACY_NS", -10**15)
    reference = run()
    saved = (site / ".seo-lint-cache" / "cache.bin").read_bytes()
    os.utime(site / FIRST, ns=(1_000_000_000, 1_000_000_000))  # a new stat, the same bytes
    for _ in range(2):  # each time: read and hashed (not linted), and the cache left as it was
        linted.clear()
        reads.clear()
        assert run() == reference
        assert (linted, reads) == ([], ["2025-01-10-a.md"])
        assert (site / ".seo-lint-cache" / "cache.bin").read_bytes() == saved
    monkeypatch.setattr(cache, "SIGNATURES_WORTH_SAVING", 1)  # as when many files were touched
    run()  # the new stat is saved: no file is read after
    reads.clear()
    assert run() == reference and reads == []


_IMPORTS = """
import sys
from seo_lint.cli import cli
try:
    cli(["--format", "concise", "--jobs", "1", "_posts"])
except SystemExit:
    pass
print(sorted(m for m in ("pyromark", "jsonschema", "seo_lint.rules.keywords") if m in sys.modules), file=sys.stderr)
"""


def test_a_warm_run_that_hashes_a_touched_file_imports_no_rule(site: Path) -> None:
    def imported() -> str:
        done = subprocess.run([sys.executable, "-c", _IMPORTS], capture_output=True, text=True, check=True)
        return done.stderr.strip().splitlines()[-1]

    assert imported() == "['jsonschema', 'pyromark', 'seo_lint.rules.keywords']"  # cold: the kernel
    os.utime(site / FIRST, ns=(1_000_000_000, 1_000_000_000))  # a new stat, the same bytes
    assert imported() == "[]"


def test_site_findings_show_their_source_line_from_the_cache(site: Path, linted: list[str]) -> None:
    """The lines site findings point at are cached with the file: a warm run (file and site
    result both cached) shows them as the first run did."""
    write(site, "_posts/2025-01-11-b.md", POST.format(title="Post a", day=11))  # same title as a
    text = ("--format", "text", "--no-color")
    first = run(*text)
    assert f'title: "{TITLE_A}"' in first[1]
    assert first[1].count("MT004") == 2
    linted.clear()
    assert run(*text) == first
    assert linted == []
