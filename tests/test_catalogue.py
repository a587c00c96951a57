"""The rule catalogue: pages are current, docstrings follow the conventions, examples run.

Rules are collected from the registry, so a new rule is tested here with no change to
this file. The conventions are documented in seo_lint/catalogue.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import Field

from seo_lint import catalogue, registry
from seo_lint.catalogue import EXAMPLE_PATH, SECTIONS, Example, examples, sections
from seo_lint.document import DocumentSettings
from seo_lint.findings import Finding, FixAvailability, Severity
from seo_lint.lint import ActiveRule, check_site, lint_text, summarize
from seo_lint.load import document_from_bytes
from seo_lint.registry import NoOptions, RuleOptions, Site, SiteViolation

ROOT = Path(__file__).resolve().parent.parent
RULES = catalogue.builtin_rules()
IDS = [rule.code for rule in RULES]


# --- (a) the generated pages are current ---------------------------------------------------


def test_catalogue_pages_are_current() -> None:
    stale = catalogue.stale(ROOT)
    assert stale == [], f"stale rule catalogue {stale}: run `python -m seo_lint.catalogue`"


# --- (b) every docstring has the six sections, in order --------------------------------------


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_docstring_sections(rule: registry.Rule) -> None:
    titles = [title for title, _ in sections(rule.doc)]
    assert titles == list(SECTIONS)
    assert all(body.strip() for _, body in sections(rule.doc)), "a section is empty"


# --- (c) the examples raise the rule; the "Use instead" posts do not -------------------------


def _run(rule: registry.Rule, posts: list[Example]) -> list[Finding]:
    """Lint the posts with only `rule` (default options): one by one, or as one site."""
    active = [ActiveRule(rule, rule.severity, rule.options())]
    if rule.scope == "site":
        docs = [document_from_bytes(p.path, p.source.encode("utf-8"), DocumentSettings()) for p in posts]
        site = Site([summarize(doc) for doc in docs], frozenset(doc.path for doc in docs))
        return check_site(site, active)
    return [f for post in posts for f in lint_text(post.source, post.path, active)]


def _show(findings: list[Finding]) -> list[str]:
    return [f"{f.path}:{f.line}:{f.column} {f.code} {f.message}" for f in findings]


def _posts(rule: registry.Rule, section: str) -> list[Example]:
    bodies = dict(sections(rule.doc))
    return examples(bodies.get(section, ""))


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_example_raises_the_rule(rule: registry.Rule) -> None:
    posts = _posts(rule, "Example")
    if not posts or not _posts(rule, "Use instead"):
        pytest.skip(f"{rule.code} has no ```markdown Example and Use instead to run")
    groups = [posts] if rule.scope == "site" else [[post] for post in posts]
    for group in groups:
        found = _run(rule, group)
        crashes = [f for f in found if f.code == "SL002"]
        assert not crashes, _show(crashes)
        assert any(f.code == rule.code for f in found), (
            f"{rule.code} Example ({', '.join(p.path for p in group)}) does not raise {rule.code}: "
            f"{_show(found)}"
        )


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_use_instead_does_not_raise_the_rule(rule: registry.Rule) -> None:
    posts = _posts(rule, "Use instead")
    if not posts or not _posts(rule, "Example"):
        pytest.skip(f"{rule.code} has no ```markdown Example and Use instead to run")
    groups = [posts] if rule.scope == "site" else [[post] for post in posts]
    for group in groups:
        found = _run(rule, group)
        assert [f for f in found if f.code in (rule.code, "SL002")] == [], _show(found)


# --- the harness itself --------------------------------------------------------------------

DOC = '''## What it does
Flags things.

## Example
<!-- not a block -->
```markdown
<!-- file: _posts/2025-01-11-other.md -->
---
title: A
---

## Not a section
```

Some text.

````markdown
---
title: B
---

```python
## not a section either
```
````

```yaml
ignored: true
```

## Use instead
```markdown
Body
```
'''


def test_sections_ignore_headings_inside_fences() -> None:
    assert [title for title, _ in sections(DOC)] == ["What it does", "Example", "Use instead"]


def test_examples_read_paths_and_nested_fences() -> None:
    body = dict(sections(DOC))["Example"]
    assert examples(body) == [
        Example("_posts/2025-01-11-other.md", "---\ntitle: A\n---\n\n## Not a section\n"),
        Example(EXAMPLE_PATH, "---\ntitle: B\n---\n\n```python\n## not a section either\n```\n"),
    ]
    assert examples(dict(sections(DOC))["Use instead"]) == [Example(EXAMPLE_PATH, "Body\n")]


def _fake_rule(scope: str = "document", options: type[RuleOptions] = NoOptions) -> registry.Rule:
    def check(doc: object, opts: object) -> None:
        """## What it does
        Flags a thing | with a pipe. More text.
        """

    return registry.Rule("ZZ001", "fake-rule", Severity.WARNING, FixAvailability.SOMETIMES, check,  # type: ignore[arg-type]
                         options, scope, "seo_lint.rules.fake")


class _Options(RuleOptions):
    max_density: dict[str, float] = Field(default_factory=lambda: {"cjk": 5.0, "default": 3.0})
    fields: tuple[str, ...] = ("a", "b c")
    enabled: bool = True
    limit: int | None = None


def test_page_renders_metadata_options_and_docstring() -> None:
    page = catalogue.page(_fake_rule("site", _Options))
    assert page.splitlines()[2:] == [
        "# ZZ001 fake-rule",
        "",
        "| | |",
        "|---|---|",
        "| Code | `ZZ001` |",
        "| Name | `fake-rule` |",
        "| Severity | warning |",
        "| Fix | sometimes |",
        "| Scope | site (runs once, after every file) |",
        "",
        "Options, set under `[rules.fake-rule]` in the configuration:",
        "",
        "| Option | Type | Default |",
        "|---|---|---|",
        "| `max-density` | table of numbers | `{ cjk = 5.0, default = 3.0 }` |",
        '| `fields` | array of strings | `["a", "b c"]` |',
        "| `enabled` | boolean | `true` |",
        "| `limit` | integer (optional) | none |",
        "",
        "## What it does",
        "Flags a thing | with a pipe. More text.",
    ]


def test_index_and_readme_rows_escape_pipes_and_link_pages() -> None:
    rule = _fake_rule()
    assert "| [ZZ001](ZZ001.md) | `fake-rule` | warning | sometimes | Flags a thing \\| with a pipe. |" in (
        catalogue.index([rule])
    )
    readme = "intro\n<!-- rules-table:start -->\nold\n<!-- rules-table:end -->\nafter\n"
    assert catalogue.update_readme(readme, [rule]) == (
        "intro\n<!-- rules-table:start -->\n"
        "| Code | Name | Severity | Fix | Summary |\n|---|---|---|---|---|\n"
        "| [ZZ001](rules/ZZ001.md) | `fake-rule` | warning | sometimes | Flags a thing \\| with a pipe. |\n"
        "<!-- rules-table:end -->\nafter\n"
    )
    assert catalogue.update_readme("no markers\n", [rule]) == "no markers\n"


def test_write_check_and_stray_pages(tmp_path: Path) -> None:
    rules = [_fake_rule()]
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "OLD001.md").write_text("gone\n")
    (tmp_path / "rules" / "notes.md").write_text("kept\n")
    (tmp_path / "README.md").write_text("x\n<!-- rules-table:start -->\n<!-- rules-table:end -->\n")
    assert catalogue.stale(tmp_path, rules) == ["README.md", "rules/OLD001.md", "rules/README.md", "rules/ZZ001.md"]
    assert catalogue.write(tmp_path, rules) == ["README.md", "rules/OLD001.md", "rules/README.md", "rules/ZZ001.md"]
    assert catalogue.stale(tmp_path, rules) == []
    assert catalogue.write(tmp_path, rules) == []
    assert sorted(p.name for p in (tmp_path / "rules").iterdir()) == ["README.md", "ZZ001.md", "notes.md"]


def test_main_check_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert catalogue.main(["--root", str(tmp_path), "--check"]) == 1
    assert "stale: rules/README.md" in capsys.readouterr().out
    assert catalogue.main(["--root", str(tmp_path)]) == 0
    assert catalogue.main(["--root", str(tmp_path), "--check"]) == 0


def test_site_examples_are_linted_as_one_site() -> None:
    def check(site: Site, opts: object) -> Iterator[SiteViolation]:
        """Flags every post when the site has more than one."""
        if len(site.summaries) > 1:
            for summary in site.summaries:
                yield SiteViolation(summary.path, 1, 1, 1, 1, f"{len(site.summaries)} posts")

    rule = registry.Rule("ZZ002", "fake-site-rule", Severity.INFO, FixAvailability.NEVER, check,
                         NoOptions, "site", "seo_lint.rules.fake")
    two = examples(
        "```markdown\n<!-- file: _posts/2025-01-11-b.md -->\nB\n```\n```markdown\nA\n```\n"
    )
    assert _show(_run(rule, two)) == [
        f"{EXAMPLE_PATH}:1:1 ZZ002 2 posts",
        "_posts/2025-01-11-b.md:1:1 ZZ002 2 posts",
    ]
    assert _run(rule, two[:1]) == []
