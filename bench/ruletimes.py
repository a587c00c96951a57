"""Where the per-file time goes, without profiler overhead: model views first, then each rule.

    python bench/ruletimes.py SITE_DIR [--top 25]

For every post: build the Document's views one by one (front matter, Markdown, HTML, blocks,
prose, JSON-LD, ...) timing each, then run each per-document rule alone (its own time, the
views being built already), then the summarizers. Prints the CPU time totals (process_time),
largest first.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from floor import posts, site_settings

from seo_lint import registry
from seo_lint.lint import default_rules
from seo_lint.load import document_from_bytes

VIEWS = ("lines", "front_matter", "markdown", "html", "headings", "blocks", "links", "json_ld",
         "images", "prose_blocks", "prose", "language", "jekyll_name", "slug")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("root", type=Path)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    settings = site_settings(args.root)
    rules = [a for a in default_rules() if a.rule.scope == "document"]
    spent: dict[str, float] = defaultdict(float)
    clock = time.process_time  # CPU time: steadier than wall time on a shared machine
    files = 0
    for path in posts(args.root):
        files += 1
        start = clock()
        data = path.read_bytes()
        doc = document_from_bytes(path.relative_to(args.root).as_posix(), data, settings)
        spent["view: read + decode"] += clock() - start
        for view in VIEWS:
            start = clock()
            try:
                getattr(doc, view)
            except Exception:  # noqa: BLE001, S110 - a broken post: the rule pass reports it
                pass
            spent[f"view: {view}"] += clock() - start
        for active in rules:
            start = clock()
            try:
                for _ in active.rule.check(doc, active.options):
                    pass
            except Exception:  # noqa: BLE001, S110 - timing only; the CLI reports crashes
                pass
            spent[f"rule: {active.rule.code} {active.rule.name}"] += clock() - start
        for key, func in registry.summarizers().items():
            start = clock()
            try:
                func(doc)
            except Exception:  # noqa: BLE001, S110 - timing only; the CLI reports crashes
                pass
            spent[f"summarizer: {key}"] += clock() - start
    total = sum(spent.values())
    print(f"{files} files, {total:.2f} s in total ({total / max(files, 1) * 1000:.1f} ms a file)\n")
    print("| part | seconds | share | ms a file |\n|---|---:|---:|---:|")
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"| {name} | {seconds:.2f} | {seconds / total * 100:.1f} % | {seconds / max(files, 1) * 1000:.2f} |")
    views = sum(v for k, v in spent.items() if k.startswith("view"))
    rules_total = sum(v for k, v in spent.items() if k.startswith("rule"))
    summ = sum(v for k, v in spent.items() if k.startswith("summarizer"))
    print(f"\nviews {views:.2f} s, rules {rules_total:.2f} s ({len(rules)} rules), summarizers {summ:.2f} s")


if __name__ == "__main__":
    main()
