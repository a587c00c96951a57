"""Properties of the whole per-file pipeline (`lint_text` with every rule), for any text.

- linting never raises and no rule crashes (SL002 is a bug);
- every rule's spans and fix edits lie inside the file (checked on the raw violations, before
  the engine clamps them), and findings' lines and columns are those of their offsets;
- applying fixes changes no character outside their edits, keeps line endings, breaks no
  front matter, and converges: a second `--fix` run changes nothing.

Example counts are modest so the suite stays fast; for a long run set
`SEO_LINT_HYPOTHESIS_EXAMPLES=20000` (see fuzz/README.md).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from hostile.strategies import any_text, posts, token_soups
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from seo_lint import fix, registry
from seo_lint.document import DocumentSettings
from seo_lint.findings import Edit, Finding, Fix
from seo_lint.lint import check_site, default_rules, lint_document, lint_text, summarize
from seo_lint.load import document_from_bytes
from seo_lint.registry import Site
from tests.conftest import fuzz_target

EXAMPLES = int(os.environ.get("SEO_LINT_HYPOTHESIS_EXAMPLES", "150"))
PROPERTY = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
RULES = default_rules()
fuzz_lint = fuzz_target()
#: A configuration with every site value wrong (an invalid IPv6 host, an invalid port...).
HOSTILE_SITE = DocumentSettings(generator="jekyll", base_url="http://[bad", site={
    "url": "http://x:99999", "baseurl": "/[", "author": ["odd"], "timezone": "Nowhere/None"})
PATHS = st.sampled_from(
    ["_posts/2025-01-10-a-post.md", "content/posts/x.md", "page.html", "index.mdx", "_drafts/draft.markdown"]
)
SETTINGS = st.sampled_from(
    [
        DocumentSettings(),
        DocumentSettings(language="ja", generator="jekyll", timezone="Asia/Tokyo"),
        DocumentSettings(language="en", generator="hugo", title_is_h1=False, base_url="https://example.com"),
        DocumentSettings(generator="jekyll", site={"url": "https://blog.example.jp", "title": "ブログ",
                                                    "author": {"name": "A"}, "plugins": ["jekyll-seo-tag"]}),
        HOSTILE_SITE,
    ]
)


def expected_position(source: str, offset: int) -> tuple[int, int]:
    """1-based line and code point column, computed independently of `seo_lint.lines`."""
    line_start = source.rfind("\n", 0, offset) + 1
    return source.count("\n", 0, offset) + 1, offset - line_start + 1


def check_raw_violations(source: str | bytes, path: str, doc_settings: DocumentSettings) -> None:
    """Every rule's own spans and edits lie inside the document; edits of a fix never overlap."""
    data = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
    fuzz_lint.check_rule_spans(document_from_bytes(path, data, doc_settings), RULES)


def check_findings(source: str, findings: list[Finding]) -> None:
    crashes = [f.message for f in findings if f.code == "SL002"]
    assert not crashes, crashes
    for f in findings:
        assert 0 <= f.start <= f.end <= len(source), f
        assert f.message and f.message.splitlines() == [f.message], f
        assert (f.line, f.column) == expected_position(source, f.start), f
        assert (f.end_line, f.end_column) == expected_position(source, f.end), f
        assert (f.end_line, f.end_column) >= (f.line, f.column) >= (1, 1), f


@PROPERTY
@given(source=any_text(), path=PATHS, doc_settings=SETTINGS)
@example(source="\ufeff---\ntitle: x\n---\n", path="_posts/2025-01-10-a-post.md", doc_settings=DocumentSettings())
@example(source="<img src=/a.png>", path="_posts/2025-01-10-a-post.md", doc_settings=HOSTILE_SITE)
@example(source="---\r\ntitle: a\r\n---\r\n\r\n![](http://x/a.png?w=1&w=1)\r", path="p.md",
         doc_settings=DocumentSettings())
def test_any_text_lints_without_crash_and_spans_are_exact(source: str, path: str,
                                                          doc_settings: DocumentSettings) -> None:
    check_raw_violations(source, path, doc_settings)
    findings = lint_text(source, path, RULES, doc_settings)
    doc = document_from_bytes(path, source.encode("utf-8", "surrogatepass"), doc_settings)
    check_findings(doc.source, findings)


@PROPERTY
@given(data=st.binary(max_size=300), path=PATHS)
def test_any_bytes_lint_without_crash(data: bytes, path: str) -> None:
    check_raw_violations(data, path, DocumentSettings())
    findings = lint_text(data, path, RULES)
    doc = document_from_bytes(path, data)
    check_findings(doc.source, findings)


# --- fixes ------------------------------------------------------------------------------------


@dataclass
class Result:
    """What `fix.fix_until_stable` needs from a lint pass."""

    findings: list[Finding]
    fixable: bool = True


def lint_result(text: str, path: str, doc_settings: DocumentSettings) -> Result:
    doc = document_from_bytes(path, text.encode("utf-8"), doc_settings)
    return Result(lint_document(doc, RULES), doc.fixable)


def assert_outside_unchanged(before: str, after: str, fixes: list[Fix]) -> None:
    """`after` is `before` with exactly these edits: every character outside them is kept."""
    edits: list[Edit] = sorted((e for f in fixes for e in f.edits), key=lambda e: (e.start, e.end))
    src = res = 0
    for edit in edits:
        gap = before[src : edit.start]
        assert after[res : res + len(gap)] == gap, f"text before {edit} changed"
        res += len(gap)
        assert after[res : res + len(edit.replacement)] == edit.replacement
        res += len(edit.replacement)
        src = edit.end
    assert after[res:] == before[src:], "text after the last edit changed"


def line_endings(text: str) -> tuple[bool, bool]:
    """(has CRLF, has a bare LF)."""
    return "\r\n" in text, "\n" in text.replace("\r\n", "")


BREAKING = ("FM001", "FILE001", "SL002", "LD001")


@PROPERTY
@given(source=st.one_of(posts(), token_soups()), path=PATHS, doc_settings=SETTINGS, unsafe=st.booleans())
@example(source="---\ntitle: A\nimage: http://example.com/a.png?w=1&w=1\n---\n\n![x](http://e.com/b.png)\n",
         path="_posts/2025-01-10-a-post.md", doc_settings=DocumentSettings(), unsafe=True)
@example(source="\x08---\n", path="post.md", doc_settings=DocumentSettings(), unsafe=False)  # TX005 made a fence
def test_fixes_touch_only_their_edits_and_converge(source: str, path: str, doc_settings: DocumentSettings,
                                                   unsafe: bool) -> None:
    first = lint_result(source, path, doc_settings)
    if not any(fix.eligible(f, unsafe) for f in first.findings):
        return
    fixes = fix.choose(first.findings, unsafe)
    once = fix.apply(source, fixes)
    assert_outside_unchanged(source, once, fixes)
    assert_outside_unchanged(source.encode("utf-8").decode("latin-1"), once.encode("utf-8").decode("latin-1"),
                             [_byte_fix(source, f) for f in fixes])

    text, final, _ = fix.fix_until_stable(source, first, lambda t: lint_result(t, path, doc_settings), unsafe)
    # Converged within MAX_PASSES: nothing eligible is left that would still change the text.
    remaining = fix.choose(final.findings, unsafe)
    assert not remaining or fix.apply(text, remaining) == text, [f.description for f in remaining]
    # A second --fix run changes nothing.
    again, _, applied = fix.fix_until_stable(text, final, lambda t: lint_result(t, path, doc_settings), unsafe)
    assert (again, applied) == (text, 0)
    # Fixes keep line endings and never break what was not broken.
    crlf, lf = line_endings(source)
    if crlf and not lf:
        assert not line_endings(text)[1], "a fix wrote a bare LF into a CRLF file"
    if lf and not crlf:
        assert not line_endings(text)[0], "a fix wrote a CRLF into an LF file"
    before = {f.code for f in first.findings if f.code in BREAKING}
    after = {f.code for f in final.findings if f.code in BREAKING}
    assert after <= before, [f.message for f in final.findings if f.code in after - before]


def _byte_fix(source: str, f: Fix) -> Fix:
    """The same fix in UTF-8 byte offsets (replacements as latin-1 views of their bytes)."""
    def b(offset: int) -> int:
        return len(source[:offset].encode("utf-8"))

    return Fix(tuple(Edit(b(e.start), b(e.end), e.replacement.encode("utf-8").decode("latin-1")) for e in f.edits),
               f.safety)


# --- site rules -------------------------------------------------------------------------------


@settings(max_examples=max(20, EXAMPLES // 3), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(sources=st.lists(posts(), min_size=1, max_size=4), doc_settings=SETTINGS)
def test_site_rules_never_crash(sources: list[str], doc_settings: DocumentSettings) -> None:
    names = [f"_posts/2025-01-{10 + i:02d}-post-{i}.md" for i in range(len(sources))]
    summaries = []
    for name, source in zip(names, sources):
        doc = document_from_bytes(name, source.encode("utf-8", "surrogatepass"), doc_settings)
        for func in registry.summarizers().values():
            func(doc)  # a summarizer that raises would silently drop its key: call each one bare
        summaries.append(summarize(doc))
    site = Site(summaries, frozenset(names), ".", dict(doc_settings.site))
    findings = check_site(site, RULES)
    assert not [f.message for f in findings if f.code == "SL002"]
    for f in findings:
        assert f.path in names and (f.end_line, f.end_column) >= (f.line, f.column) >= (1, 1), f
