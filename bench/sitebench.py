"""The site rules alone, on a site's summaries saved once: memory (RSS) and CPU of each rule.

    cd bench/corpus/posts-40000-seed-1/site
    python /work/main/bench/sitebench.py dump _posts /tmp/sums40k     # runs seo-lint once, saves
    python /work/main/bench/sitebench.py run /tmp/sums40k [--only TX007,KW008] [--out FILE]

`dump` runs `seo-lint PATHS --no-cache --jobs 2` and, when its site pass starts, saves every
file's packed summary (OUT.bin) and what the site rules get besides (OUT.idx), then exits.
`run` gives the default site rules those summaries as the runner does (a lazy sequence that
reads and decodes a summary each time it is asked for) and prints, for each rule: the main
process's RSS before it, its peak (polled every 5 ms) and after it, its CPU time and its
number of findings; `--out` writes the findings (`path:line:col:end_line:end_col: CODE
message`, in the order found) to compare two versions of the rules.
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import sys
import threading
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def dump(paths: list[str], out: str) -> None:
    from seo_lint import cli, runner

    def save(self: runner.Runner, items: list[Any]) -> None:
        index = []
        with open(out + ".bin", "wb") as handle:
            for item in sorted(items, key=lambda i: i.shown):
                if item.summary_blob is not None:
                    data = bytes(self._bytes(item.summary_blob))
                    index.append((item.shown, handle.tell(), len(data)))
                    handle.write(data)
        root = self.resolver.site_root(Path(self._path(items[0])))
        meta = {"index": index, "root": runner.display(root, self.cwd) if root else ".",
                "config": self.resolver.site(root)[1], "linted": [item.shown for item in items]}
        with open(out + ".idx", "wb") as handle:
            pickle.dump(meta, handle)
        print(f"saved {len(index)} summaries to {out}.bin", file=sys.stderr)
        os._exit(0)

    runner.Runner._site_pass = save  # type: ignore[method-assign]
    sys.argv = ["seo-lint", *paths, "--no-cache", "--jobs", "2", "--format", "concise"]
    cli.main()


class Summaries:
    """The saved summaries as a sequence: each read from the file and decoded lazily."""

    def __init__(self, base: str, index: list[tuple[str, int, int]]) -> None:
        self._handle = open(base + ".bin", "rb")  # noqa: SIM115 - open for the run
        self._index = index

    def _read(self, offset: int, size: int) -> bytes:
        self._handle.seek(offset)
        return self._handle.read(size)

    def __len__(self) -> int:
        return len(self._index)

    def __getitem__(self, number: int) -> Any:
        from seo_lint import cache

        shown, offset, size = self._index[number]
        return cache.lazy_summary(shown, partial(self._read, offset, size))

    def __iter__(self) -> Iterator[Any]:
        return map(self.__getitem__, range(len(self)))


def run(base: str, only: str | None, out: str | None) -> None:
    from seo_lint.lint import default_rules, site_findings
    from seo_lint.registry import Site

    with open(base + ".idx", "rb") as handle:
        meta = pickle.load(handle)  # noqa: S301 - our own file
    rules = sorted((a for a in default_rules() if a.rule.scope == "site"), key=lambda a: a.rule.code)
    if only:
        rules = [a for a in rules if a.rule.code in only.split(",")]
    site = Site(Summaries(base, meta["index"]), frozenset(meta["linted"]), meta["root"], meta["config"])  # type: ignore[arg-type]
    peak = [0.0]

    def poll() -> None:
        while True:
            peak[0] = max(peak[0], rss_mb())
            time.sleep(0.005)

    threading.Thread(target=poll, daemon=True).start()
    gc.collect()
    gc.freeze()
    start = rss_mb()
    print(f"{len(site.summaries)} summaries; RSS {start:.1f} MB", file=sys.stderr)
    written = open(out, "w", encoding="utf-8") if out else None  # noqa: SIM115
    highest = start
    for active in rules:
        before = peak[0] = rss_mb()
        cpu = time.process_time()
        count = 0
        for f in site_findings(site, [active]):
            count += 1
            if written:
                written.write(f"{f.path}:{f.line}:{f.column}:{f.end_line}:{f.end_column}: {f.code} {f.message}\n")
        cpu = time.process_time() - cpu
        highest = max(highest, peak[0])
        print(f"{active.rule.code}: RSS before {before:.1f} MB, peak {peak[0]:.1f} (+{peak[0] - before:.1f}),"
              f" after {rss_mb():.1f}; CPU {cpu:.2f} s; {count} findings", file=sys.stderr)
    if written:
        written.close()
    print(f"site rules' peak: {highest:.1f} MB (+{highest - start:.1f})", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    saving = commands.add_parser("dump")
    saving.add_argument("paths", nargs="+")
    saving.add_argument("out")
    running = commands.add_parser("run")
    running.add_argument("base")
    running.add_argument("--only", help="comma-separated rule codes")
    running.add_argument("--out", help="write the findings here")
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.paths, args.out)
    else:
        run(args.base, args.only, args.out)


if __name__ == "__main__":
    main()
