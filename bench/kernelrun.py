"""Lint a site with the kernel in one process, no CLI, no cache: the per-file path, for profiling.

    python bench/kernelrun.py SITE_DIR [--select CODES] [--site-rules/--no-site-rules]
    python -m cProfile -s cumtime bench/kernelrun.py SITE_DIR | head -60

Every post under SITE_DIR goes through `document_from_bytes` + `lint_document` (all rules,
default options) + `summarize`, then the site rules run on the summaries. The harness also
uses it as the "cold run" when the `seo-lint` command does not exist yet.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from floor import posts, site_settings

from seo_lint.lint import check_site, default_rules, lint_document, summarize
from seo_lint.load import document_from_bytes
from seo_lint.registry import Site


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("root", type=Path)
    parser.add_argument("--select", help="comma-separated codes or prefixes (default: all rules)")
    parser.add_argument("--no-site-rules", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    settings = site_settings(args.root)
    rules = default_rules(args.select.split(",") if args.select else None)
    summaries = []
    findings = 0
    out = sys.stdout
    for path in posts(args.root):
        rel = path.relative_to(args.root).as_posix()
        doc = document_from_bytes(rel, path.read_bytes(), settings)
        for finding in lint_document(doc, rules):
            out.write(f"{finding.path}:{finding.line}:{finding.column}: {finding.code} {finding.message}\n")
            findings += 1
        summaries.append(summarize(doc))
    per_file = time.perf_counter() - started
    if not args.no_site_rules:
        site = Site(summaries, frozenset(s.path for s in summaries), str(args.root), settings.site)
        for finding in check_site(site, rules):
            out.write(f"{finding.path}:{finding.line}:{finding.column}: {finding.code} {finding.message}\n")
            findings += 1
    elapsed = time.perf_counter() - started
    print(f"{len(summaries)} files, {findings} findings, {len(rules)} rules, {elapsed:.3f} s "
          f"(per-file pass {per_file:.3f} s, site rules {elapsed - per_file:.3f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
