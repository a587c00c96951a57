"""The parse floor: one process reads every post, splits its front matter and parses its Markdown.

    python bench/floor.py SITE_DIR            # seo_lint.frontmatter.split + seo_lint.markdown.parse
    python bench/floor.py --raw SITE_DIR      # the libraries alone: libyaml compose + pyromark events

The default is the floor the issue's target is measured against (the same code the linter
uses to build its model, no rules). `--raw` shows what the parsers cost without the model.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def posts(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.endswith((".md", ".markdown")):
                yield Path(dirpath, name)


def site_settings(root: Path) -> Any:
    """The DocumentSettings seo-lint gives a post of the generated Jekyll site at `root`."""
    import yaml

    from seo_lint.document import DocumentSettings

    config_path = root / "_config.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8")) if config_path.exists() else {}
    return DocumentSettings(language=config.get("lang"), generator="jekyll",
                            timezone=config.get("timezone", "UTC"), base_url=config.get("url"), site=config)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("root", type=Path)
    parser.add_argument("--raw", action="store_true", help="parsers only (libyaml + pyromark events)")
    args = parser.parse_args()
    started = time.perf_counter()
    count = events = 0
    if args.raw:
        import pyromark
        import yaml

        from seo_lint.markdown import _OPTIONS

        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        for path in posts(args.root):
            source = path.read_bytes().decode("utf-8", "replace")
            body = source
            if source.startswith("---"):
                close = source.find("\n---", 3)
                if close != -1:
                    try:
                        yaml.compose(source[3:close], Loader=loader)
                    except yaml.YAMLError:
                        pass
                    body = source[close + 4 :]
            events += sum(1 for _ in pyromark.events_with_range(body, options=_OPTIONS))
            count += 1
    else:
        from seo_lint import frontmatter, markdown

        for path in posts(args.root):
            source = path.read_bytes().decode("utf-8", "replace")
            fm = frontmatter.split(source)
            model = markdown.parse(source, fm.end, len(source))
            events += len(model.blocks)
            count += 1
    print(f"{count} files, {events} blocks/events, {time.perf_counter() - started:.3f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
