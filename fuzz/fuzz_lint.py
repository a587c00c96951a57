"""Atheris fuzz target: the whole per-file pass (`lint_text` with every rule) on any bytes.

A finding is never a failure; an exception escaping `lint_text`, a rule crash (SL002), a
span outside the file or a fix edit outside the file is. Run (see fuzz/README.md):

    python fuzz/fuzz_lint.py fuzz/corpus -max_total_time=600 -rss_limit_mb=4096

The first bytes choose the file name and settings, the rest is the file.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["seo_lint"]):
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
)


def test_one_input(data: bytes) -> None:
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
    # Raw violations: the engine clamps finding spans, so check the rules' own offsets.
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


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
