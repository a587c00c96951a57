"""Time the phases of one seo-lint run in its main process: imports, cache open, discovery,
per-file pass, site pass, report (wall and CPU of this process; workers are not counted).

    cd bench/corpus/posts-4000-seed-1/site
    python /work/main/bench/phases.py _posts --format concise --no-cache --jobs 2 > /dev/null

Takes the arguments of `seo-lint`. Prints one line a phase on stderr, as each one ends.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

STARTED = time.perf_counter()

from seo_lint import cache, cli, runner  # noqa: E402 - their import is the first phase


def timed(owner: Any, name: str, label: str) -> None:
    original: Callable[..., Any] = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            print(f"[phase] {label}: wall {time.perf_counter() - wall:.3f} s, "
                  f"CPU {time.process_time() - cpu:.3f} s", file=sys.stderr)

    setattr(owner, name, wrapper)


def main() -> None:
    print(f"[phase] imports: wall {time.perf_counter() - STARTED:.3f} s", file=sys.stderr)
    timed(cache.Cache, "open", "cache open")
    timed(runner, "discover_files", "discovery")
    timed(runner.Runner, "_lint_items", "per-file pass")
    timed(runner.Runner, "_site_pass", "site pass")
    timed(cli, "_report", "report")
    try:
        cli.main()
    finally:
        print(f"[phase] total: wall {time.perf_counter() - STARTED:.3f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
