"""Parallel and cached runs print exactly what one process without a cache prints.

Through the command line (click's CliRunner, in this process; the pool forks from it), on a
copy of `fixtures/site` and on a generated site of 48 posts, with the pool threshold lowered
so that the pool really runs. Every output format is compared byte for byte: the text
format shows source lines and carets, SARIF carries fingerprints computed from source lines.
`seo_lint.pool` is also tested on its own: results in order, a dead worker's chunks computed
again, an exception raised where it would be in one process. No timing.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from seo_lint import pool, runner
from seo_lint.cli import cli

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("text", "concise", "json", "sarif", "junit", "github")


@pytest.fixture(autouse=True)
def small_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pool from 4 files on (the default threshold would keep these runs in one process)."""
    monkeypatch.setattr(runner, "POOL_MIN_FILES", 4)
    monkeypatch.delenv("NO_COLOR", raising=False)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


JA = """---
title: "{title}"
description: "{description}"
date: 2025-01-{day:02d} 10:00:00 +0900
keywords: [AI導入, 中小企業]
image: https://cdn.example.com/photos/{n}.jpg?w=1200&w=1200
---

中小企業のAI導入は、小さく始めることが大切です。{body}

![](https://cdn.example.com/photos/{n}-inline.jpg?fm=jpg&q=80&fm=jpg)

## AI導入の第一歩

まずは解決したい課題をひとつに絞り、効果を測れる形で試します。リピート率が〇%向上しました。
詳しくは[前回の記事]({{% post_url 2024-12-{missing:02d}-does-not-exist %}})をご覧ください。

<!-- seo-lint-disable-next-line TX001 -->
XX件の事例を紹介します。
"""

EN = """---
title: "{title}"
description: "{description}"
date: 2025-01-{day:02d}
keywords: [static site seo]
---

Static site SEO starts with the basics.{body} Click [here](/guide/) to read the guide, and see
[the old post]({{% post_url 2024-11-{missing:02d}-gone %}}) for the history.

<img src="http://cdn.example.com/{n}.png">

## Checklist

- Titles
- Descriptions
- TODO: images
"""


def make_site(root: Path, count: int = 48) -> Path:
    """A Jekyll site whose posts raise per-file and site findings (duplicate titles and
    descriptions, near-duplicate text, missing post_url targets), with fixes, suppressions,
    CRLF line ends and an invalid UTF-8 byte. Post n and n + 3 are twins when n % 9 == 0."""
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: Test\nurl: https://example.com\ntimezone: Asia/Tokyo\n",
                                      encoding="utf-8")
    for n in range(count):
        template = JA if n % 3 else EN
        key = n - 3 if n % 9 == 3 else n
        words = " ".join(f"w{key}x{i}" for i in range(40))
        text = template.format(
            n=n, day=n % 28 + 1, missing=n % 28 + 1,
            title=f"Post number {key} about static sites" if template is EN else f"AI導入ガイド その{key}",
            description=f"A description that is long enough to be a description, number {key}."
            if template is EN else f"中小企業がAIを導入するときの進め方を、事例とともに解説します。番号{key}。",
            body=" " + (SHARED_EN if template is EN else SHARED_JA) + " " + words,
        )
        data = text.encode("utf-8")
        if n % 11 == 5:
            data = data.replace(b"\n", b"\r\n")
        if n % 13 == 6:
            data += b"caf\xe9\n"
        (root / "_posts" / f"2025-01-{n % 28 + 1:02d}-post-{n:03d}.md").write_bytes(data)
    return root


SHARED_EN = ("Fast pages rank better and keep readers, so measure the largest contentful paint, compress "
             "every image, serve modern formats, set width and height on each image, preload the main font, "
             "and keep the HTML small.")
SHARED_JA = ("表示速度は検索順位と読者の満足度の両方に効きます。画像を圧縮し、新しい形式で配信し、"
             "幅と高さを指定して、主要なフォントを先読みし、HTMLを小さく保ちましょう。")


def outputs(*extra: str) -> dict[str, tuple[int, str, str]]:
    return {fmt: run("--format", fmt, "--select", "ALL", *extra, ".") for fmt in FORMATS}


@pytest.fixture(params=["fixtures", "generated"])
def site(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "site"
    if request.param == "fixtures":
        shutil.copytree(ROOT / "fixtures" / "site", root, ignore=shutil.ignore_patterns(".seo-lint-cache"))
    else:
        make_site(root)
    monkeypatch.chdir(root)
    return root


def test_parallel_and_cached_runs_print_the_same_bytes(site: Path) -> None:
    reference = outputs("--jobs", "1", "--no-cache")
    assert reference["concise"][0] == 1 and reference["concise"][1].count("\n") > 10
    assert outputs("--jobs", "2", "--no-cache") == reference
    assert outputs("--jobs", "3", "--no-cache") == reference
    assert not (site / ".seo-lint-cache").exists()
    assert outputs("--jobs", "2") == reference  # the first run fills the cache
    assert (site / ".seo-lint-cache" / "cache.bin").is_file()
    assert outputs("--jobs", "2") == reference  # every result from the cache
    assert outputs("--jobs", "1") == reference


def test_the_pool_is_used_and_workers_lint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Guards the test above: with the threshold lowered, files are linted in other processes."""
    make_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    pids: set[int] = set()
    original = runner.lint_file

    def recording(path: str, config: runner.FileConfig, mode: runner.Mode) -> runner.FileWork:
        work = original(path, config, mode)
        work.error = str(os.getpid())  # travels back with the result
        return work

    monkeypatch.setattr(runner, "lint_file", recording)
    outcome = runner.Runner(_resolver(), jobs=2).run(runner.Request(["."]))
    pids.update(int(e) for e in outcome.errors)
    assert os.getpid() in pids and len(pids) == 2


def test_site_findings_show_their_lines_then_the_cache_keeps_them(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Only site rules: no per-file finding kept a line, so the text format reads the lines of
    the site findings again after the site pass; the cache keeps them for the next run."""
    make_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    args = ("--format", "text", "--select", "MT004,MT005,LNK001,TX007", "--jobs", "2")
    reference = run(*args, "--no-cache")
    assert reference[0] == 1
    assert (
        "_posts/2025-01-01-post-000.md\n"
        '  2:1   MT004   title "Post number 0 about static sites" is also the title of '
        "_posts/2025-01-04-post-003.md  [duplicate-title]\n"
        '    2 | title: "Post number 0 about static sites"\n'
        "      | ^^^^^\n"
    ) in reference[1]
    assert (
        "  9:28  LNK001  post_url target 2024-11-01-gone is not a post of this site  [post-url-missing]\n"
        "    9 | [the old post]({% post_url 2024-11-01-gone %}) for the history.\n"
    ) in reference[1]
    assert run(*args) == reference

    def no_reading(*_: object) -> None:
        raise AssertionError("read again")

    monkeypatch.setattr(runner.Runner, "_reread", staticmethod(no_reading))
    assert run(*args) == reference


def test_fixes_in_parallel_match_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    results = []
    for jobs in ("1", "2"):
        root = tmp_path / jobs
        make_site(root)
        monkeypatch.chdir(root)
        code, out, err = run("--format", "concise", "--select", "IMG004", "--fix", "--jobs", jobs, "--no-cache", ".")
        files = {p.name: p.read_bytes() for p in sorted((root / "_posts").iterdir())}
        results.append((code, out, err, files))
        assert err == "Fixed 60 findings.\n"  # 2 in each Japanese post, but 2 posts are not UTF-8
    assert results[0] == results[1]
    monkeypatch.chdir(tmp_path / "1")
    assert run("--format", "concise", "--select", "IMG004", "--diff", "--jobs", "2", ".") == \
        run("--format", "concise", "--select", "IMG004", "--diff", "--jobs", "1", "--no-cache", ".")


def _resolver() -> runner.Resolver:
    from seo_lint.config import CliOptions, Resolver

    return Resolver(CliOptions(select=("ALL",)))


# --- the pool on its own -------------------------------------------------------------------


def square(shared: int, item: int) -> tuple[int, int]:
    return item * item + shared, os.getpid()


def die_in_workers(shared: int, item: int) -> int:
    if os.getpid() != shared:
        os._exit(3)  # every worker is killed while holding its first chunk
    return item * 10


def fail_on_five(shared: int, item: int) -> int:
    if item == 5:
        raise ValueError("five")
    return item


@pytest.mark.parametrize("jobs", [1, 2, 4])
def test_pool_results_reach_the_caller_by_index(jobs: int) -> None:
    found: dict[int, tuple[int, int]] = {}
    pool.run(square, 1, list(range(50)), jobs, found.__setitem__, size=3)
    assert sorted(found) == list(range(50))
    assert [value for value, _ in (found[i] for i in range(50))] == [i * i + 1 for i in range(50)]
    assert len({pid for _, pid in found.values()}) <= jobs


def test_pool_computes_the_chunks_of_a_dead_worker_itself() -> None:
    found: dict[int, int] = {}
    pool.run(die_in_workers, os.getpid(), list(range(20)), 3, found.__setitem__, size=1)
    assert found == {i: i * 10 for i in range(20)}


def test_pool_raises_an_exception_of_the_function_here() -> None:
    found: dict[int, int] = {}
    with pytest.raises(ValueError, match="five"):
        pool.run(fail_on_five, None, list(range(20)), 2, found.__setitem__, size=2)


def test_a_pool_started_small_starts_the_workers_a_run_needs() -> None:
    # An early pool starts one worker; a run with enough chunks starts the others, no more.
    with pool.Pool(4, workers=1) as early:
        assert len(early._workers) == 1
        found: dict[int, tuple[int, int]] = {}
        early.run(square, 1, list(range(2)), found.__setitem__, size=1)  # two chunks: one worker
        assert len(early._workers) == 1
        early.run(square, 1, list(range(40)), found.__setitem__, size=4)
        assert len(early._workers) == 3
        assert [found[i][0] for i in range(40)] == [i * i + 1 for i in range(40)]


def test_chunks_are_small_enough_to_balance_and_never_empty() -> None:
    assert pool.chunk_size(1, 2) == 4
    assert pool.chunk_size(4000, 2) == 32
    assert pool.chunk_size(200, 2) == 12
    assert pool.cpu_count() >= 1


def test_files_keep_plain_items_as_numbers_and_others_as_they_are(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    make = runner.Runner(_resolver())
    files = runner._Files(make, [str(tmp_path / "a.md"), str(tmp_path / "b.md"), "/elsewhere/c.md"])
    plain = files[0]
    plain.record, plain.summary_blob, plain.digest = 7, 9, bytes(range(32))
    files[0] = plain
    unreadable = files[1]
    unreadable.record, unreadable.valid_until = 8, 5.0
    files[1] = unreadable
    items = files.items()
    assert [item.shown for item in items] == ["a.md", "b.md", "/elsewhere/c.md"]
    assert items[0] is not plain and (items[0].record, items[0].summary_blob, items[0].digest, items[0].config) == \
        (7, 9, bytes(range(32)), plain.config)
    assert items[1] is unreadable
    assert make._path(items[2]) == "/elsewhere/c.md" and items[2].record is None
