"""Profile the kernel's per-file pass (read, Document, all rules, summarizers) on N posts.

    python bench/profile_kernel.py SITE_DIR [--files 300] [--sort tottime] [--top 50] [--time]

The first 20 posts are linted before profiling starts, so one-off costs (imports, compiled
grammars, caches) do not hide the per-file ones. `--time` skips the profiler and prints
the best CPU time of `--repeat` passes.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from itertools import islice
from pathlib import Path

from floor import posts, site_settings

from seo_lint.lint import default_rules, lint_document, summarize
from seo_lint.load import document_from_bytes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("root", type=Path)
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--sort", default="tottime")
    parser.add_argument("--top", type=int, default=50)
    parser.add_argument("--select", help="comma-separated codes or prefixes")
    parser.add_argument("--time", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    settings = site_settings(args.root)
    rules = default_rules(args.select.split(",") if args.select else None)
    files = [(p.relative_to(args.root).as_posix(), p.read_bytes()) for p in islice(posts(args.root), args.files + 20)]

    def work(batch: list[tuple[str, bytes]]) -> None:
        for name, data in batch:
            doc = document_from_bytes(name, data, settings)
            lint_document(doc, rules)
            summarize(doc)

    work(files[:20])
    if args.time:
        best = float("inf")
        for _ in range(args.repeat):
            started = time.process_time()
            work(files[20:])
            best = min(best, time.process_time() - started)
        print(f"{len(files) - 20} files, best of {args.repeat}: {best:.3f} s CPU, "
              f"{best / max(len(files) - 20, 1) * 1000:.2f} ms a file")
        return
    profiler = cProfile.Profile()
    profiler.enable()
    work(files[20:])
    profiler.disable()
    pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
