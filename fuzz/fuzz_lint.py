"""Atheris fuzz target: the whole per-file pass (`lint_text` with every rule) on any bytes.

A finding is never a failure. These are: an exception escaping `lint_text`, a rule crash
(SL002), a message that is not one line, and a rule's span or fix edit outside the file.
Run it (see fuzz/README.md):

    python fuzz/fuzz_lint.py CORPUS_DIR -max_total_time=600 -rss_limit_mb=4096

The first byte chooses the file name and the settings; the rest is the file. Without
atheris installed, `check_one_input` is still importable (tests/test_fuzz.py replays the
crashes found so far and runs a hypothesis smoke test through it).
"""

from __future__ import annotations

import sys
from contextlib import nullcontext
from typing import Any

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
    doc = document_from_bytes(path, body, settings)
    if doc.load_problem is not None and not doc.load_problem.lintable:
        return
    size = len(doc.source)
    for active in RULES:
        if active.rule.scope != "document":
            continue
        for violation in active.rule.check(doc, active.options):
            if not 0 <= violation.start <= violation.end <= size:
                raise AssertionError((active.rule.code, violation))
            for edit in violation.fix.edits if violation.fix else ():
                if not 0 <= edit.start <= edit.end <= size:
                    raise AssertionError((active.rule.code, violation))


def main(argv: list[str] | Any = None) -> None:
    if atheris is None:
        sys.exit("atheris is not installed: pip install atheris")
    atheris.Setup(sys.argv if argv is None else argv, check_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
