"""Atheris fuzz target: the whole per-file pass (`lint_text` with every rule) on any bytes.

A finding is never a failure. These are: an exception escaping `lint_text`, a rule crash
(SL002), a message that is not one line, and a rule's span or fix edit outside the file
(or two edits of one fix overlapping).
Run it (see fuzz/README.md):

    python fuzz/fuzz_lint.py CORPUS_DIR -max_total_time=600 -rss_limit_mb=4096

The first byte chooses the file name and the settings; the rest is the file. Without
atheris installed, `check_one_input` is still importable (tests/test_fuzz.py replays the
crashes found so far and runs a hypothesis smoke test through it).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from contextlib import nullcontext
from itertools import pairwise
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from seo_lint.document import Document
    from seo_lint.registry import ActiveRule

try:
    import atheris
except ImportError:  # the suite imports this module without atheris
    atheris = None

# Coverage instrumentation only when fuzzing (not when tests/test_fuzz.py imports this file);
# the rule modules are imported by `default_rules()`, so it runs inside the context too.
fuzzing = atheris is not None and __name__ == "__main__"
with atheris.instrument_imports(include=["seo_lint"]) if fuzzing else nullcontext():
    from seo_lint.document import DocumentSettings
    from seo_lint.lint import default_rules, lint_text
    from seo_lint.load import document_from_bytes

    RULES = default_rules()
PATHS = ("_posts/2025-01-10-a-post.md", "page.html", "content/posts/x.md", "index.mdx")
SETTINGS = (
    DocumentSettings(),
    DocumentSettings(language="ja", generator="jekyll", timezone="Asia/Tokyo"),
    DocumentSettings(language="en", generator="hugo", title_is_h1=False, base_url="https://example.com"),
    DocumentSettings(generator="jekyll", site={"url": "https://blog.example.jp", "plugins": ["jekyll-seo-tag"]}),
    # every site value wrong: an invalid IPv6 host and port, a list where a mapping is expected
    DocumentSettings(generator="jekyll", base_url="http://[bad", site={"url": "http://x:99999", "author": ["a"]}),
)


def check_one_input(data: bytes) -> None:
    """Lint `data` (after its first byte) and raise AssertionError on anything that is a bug."""
    if len(data) < 1:
        return
    path = PATHS[data[0] % len(PATHS)]
    settings = SETTINGS[(data[0] >> 2) % len(SETTINGS)]
    body = data[1:]
    findings = lint_text(body, path, RULES, settings)
    crashes = [f.message for f in findings if f.code == "SL002"]
    if crashes:
        raise AssertionError(crashes)
    for finding in findings:
        if finding.message.splitlines() != [finding.message]:
            raise AssertionError(("message is not one line", finding))
    # The engine clamps finding spans into the file: check the rules' own offsets.
    check_rule_spans(document_from_bytes(path, body, settings), RULES)


def check_rule_spans(doc: Document, rules: Sequence[ActiveRule]) -> None:
    """Every document rule's own spans and edits lie inside the document, its messages are
    not empty, and the edits of one fix never overlap (tests/test_properties.py uses it too)."""
    if doc.load_problem is not None and not doc.load_problem.lintable:
        return
    size = len(doc.source)
    for active in rules:
        if active.rule.scope != "document":
            continue
        for violation in active.rule.check(doc, active.options):
            where = f"{active.rule.code} {violation.message!r} {violation.start}:{violation.end} of {size}"
            if not (0 <= violation.start <= violation.end <= size and violation.message):
                raise AssertionError(where)
            edits = sorted(violation.fix.edits, key=lambda e: (e.start, e.end)) if violation.fix else []
            for edit in edits:
                if not 0 <= edit.start <= edit.end <= size:
                    raise AssertionError(f"{where}: edit {edit}")
            for a, b in pairwise(edits):
                if not (a.end <= b.start and a.start != b.start):
                    raise AssertionError(f"{where}: overlapping edits {a} {b}")


def main(argv: list[str] | Any = None) -> None:
    if atheris is None:
        sys.exit("atheris is not installed: pip install atheris")
    atheris.Setup(sys.argv if argv is None else argv, check_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
