"""HD001–HD007: heading structure, lengths, the title repeated, long sections."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from seo_lint import registry
from tests.conftest import lint

CODES = [f"HD00{n}" for n in range(1, 8)]
_BLOCK = re.compile(r"```markdown\n(.*?)```", re.DOTALL)


@pytest.mark.parametrize("code", CODES)
def test_docstring_examples(code: str) -> None:
    rule = registry.get(code)
    assert rule is not None
    doc = rule.doc
    outside_code = re.sub(r"```.*?```", "", doc, flags=re.DOTALL)
    assert re.findall(r"^## .+$", outside_code, re.MULTILINE) == [
        "## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Fix safety",
        "## Options",
    ]
    example = _BLOCK.findall(doc.split("\n## Use instead")[0].split("\n## Example")[1])
    use_instead = _BLOCK.findall(doc.split("\n## Use instead")[1].split("\n## Fix safety")[0])
    assert len(example) == len(use_instead) == 1
    path = "_posts/2025-01-10-example.md"
    assert lint(example[0], [code], path=path, dedent=False) != []
    assert lint(use_instead[0], [code], path=path, dedent=False) == []


# --- HD001 -------------------------------------------------------------------------------


def test_hd001_body_h1_with_title_rendered_as_h1(check) -> None:
    src = """\
        ---
        title: 開店までの一年
        ---

        # 開店までの一年

        ## 物件探し

        <h1 class="big">もう一つの見出し</h1>
        """
    assert check(src, ["HD001"]) == [
        '5:1 HD001 H1 "開店までの一年" in the body is a second H1 (the layout renders the title as the H1)',
        '9:1 HD001 H1 "もう一つの見出し" in the body is a second H1 (the layout renders the title as the H1)',
    ]


def test_hd001_without_title_is_h1(check) -> None:
    src = "---\ntitle: t\n---\n\n# First\n\n## Part\n\n# Second\n"
    assert check(src, ["HD001"], title_is_h1=False) == [
        '9:1 HD001 second H1 "Second" (first H1 "First" on line 5)'
    ]
    assert check("---\nlayout: page\n---\n\n# Only one\n\n## Part\n", ["HD001"]) == []  # no title
    assert check("---\ntitle: t\n---\n\n## Part\n\n### Sub\n", ["HD001"]) == []
    assert check("---\ntitle: t\n---\n\n```\n# not a heading\n```\n", ["HD001"]) == []


# --- HD002 -------------------------------------------------------------------------------


def test_hd002_skipped_levels(check) -> None:
    src = """\
        ---
        title: Caching
        ---

        ### Starts too deep

        ## Browser caching

        #### Headers

        ### Expires

        ## CDN caching

        <h4>Purging</h4>
        """
    assert check(src, ["HD002"]) == [
        '5:1 HD002 H3 "Starts too deep" follows the title H1 (expected H2)',
        '9:1 HD002 H4 "Headers" follows H2 (expected H3)',
        '15:1 HD002 H4 "Purging" follows H2 (expected H3)',
    ]


def test_hd002_near_misses(check) -> None:
    src = "---\ntitle: t\n---\n\n### Deep start\n\n#### Deeper\n\n## Up again is fine\n"
    assert check(src, ["HD002"], title_is_h1=False) == []
    assert check("---\ntitle: t\n---\n\n## A\n\n### B\n\n#### C\n\n## D\n", ["HD002"]) == []


# --- HD003 -------------------------------------------------------------------------------


def test_hd003_duplicates_under_the_same_parent(check) -> None:
    src = """\
        ---
        title: t
        ---

        ## ステップ1

        ### 準備

        ### 注意点

        ### 準備

        ## ステップ2

        ### 準備

        ### 注意点

        ## ＡＩ導入の効果

        ## AI導入の効果

        ## Summary

        ### Summary

        ## summary
        """
    assert check(src, ["HD003"]) == [
        '11:1 HD003 duplicate H3 "準備" (same text on line 7, under the same parent)',
        '21:1 HD003 duplicate H2 "AI導入の効果" (same text on line 19, under the same parent)',
        '27:1 HD003 duplicate H2 "summary" (same text on line 23, under the same parent)',
    ]


# --- HD004 -------------------------------------------------------------------------------


def test_hd004_empty_headings(check) -> None:
    src = """\
        ---
        title: t
        ---

        ##

        ## ![A bowl of ramen](/a.png)

        ### ![](/b.png)

        <h2> </h2>

        ## Real text
        """
    assert check(src, ["HD004"]) == [
        "5:1 HD004 H2 has no text",
        "9:1 HD004 H3 has no text",
        "11:1 HD004 H2 has no text",
    ]


def test_inline_code_is_part_of_a_heading_text(check) -> None:
    """A real post titled its sections by command (`## `git add``): the code is what the
    heading says, so it is no empty heading, no duplicate of a sibling, and it makes the
    heading's anchor (`#install-foo`)."""
    src = """\
        ---
        title: t
        ---

        See [the install step](#install-foo).

        ## `git add`

        ## `git commit`

        ## Install `foo`

        ## Install `bar`

        ## `git add`
        """
    assert check(src, ["HD003", "HD004", "LNK002"]) == [
        '15:1 HD003 duplicate H2 "git add" (same text on line 7, under the same parent)',
    ]


def test_a_heading_finding_ends_on_the_heading_line() -> None:
    """The parser counts a heading's line break in its range: every heading finding ended
    at column 1 of the next line, so GitHub annotations of real posts spanned two lines
    and lost their columns."""
    found = lint("---\ntitle: t\n---\n\n# Second H1\n\nText.\n", ["HD001"])
    assert [(f.line, f.column, f.end_line, f.end_column) for f in found] == [(5, 1, 5, 12)]


# --- HD005 -------------------------------------------------------------------------------


def test_hd005_japanese_counts_display_width(check) -> None:
    at_limit = "あ" * 40
    over = "あ" * 41
    half = "a" * 80  # 80 half-width = 40 full-width wide
    mixed = "あ" * 39 + "ab" + "c"
    src = f"---\ntitle: 見出しの長さ\n---\n\n## {at_limit}\n\n## {over}\n\n## {half}\n\n## {mixed}\n"
    assert check(src, ["HD005"], language="ja") == [
        f'7:1 HD005 heading "{over[:39]}…" is 41 full-width characters wide (max 40 for ja)',
        f'11:1 HD005 heading "{mixed[:39]}…" is 40.5 full-width characters wide (max 40 for ja)',
    ]


def test_hd005_english_counts_characters(check) -> None:
    ok = "A" + "b" * 69
    long = "A" + "b" * 70
    src = f"---\ntitle: Headings\n---\n\n## {ok}\n\n## {long}\n"
    assert check(src, ["HD005"]) == [f'7:1 HD005 heading "{long[:39]}…" is 71 characters (max 70 for en)']


# --- HD006 -------------------------------------------------------------------------------


def test_hd006_seed_shape_first_line_repeats_the_title(check) -> None:
    path = Path(__file__).parent / "fixtures" / "images" / "duplicate-params.md"
    source = path.read_text(encoding="utf-8")
    assert check(source, ["HD006"], dedent=False) == [
        '14:1 HD006 the body\'s first line repeats the title "2025年版！飲食店のDX成功事例：小さな店が常連客を増やした3つの工夫"'
    ]


def test_hd006_heading_and_near_misses(check) -> None:
    assert check("---\ntitle: Ten years of Jekyll\n---\n\n# Ten  years of jekyll\n\nText.\n", ["HD006"]) == [
        '5:1 HD006 the first heading repeats the title "Ten years of Jekyll"'
    ]
    near = [
        "---\ntitle: Ten years of Jekyll\n---\n\nTen years of Jekyll have changed a lot.\n",
        "---\ntitle: Ten years of Jekyll\n---\n\nIntro first.\n\nTen years of Jekyll\n",
        "---\nlayout: page\n---\n\nTen years of Jekyll\n",
    ]
    for src in near:
        assert check(src, ["HD006"]) == []
    src = "---\ntitle: Jekyll\n---\n\n{% include toc.html %}\n\nJekyll\nMore text.\n"
    assert check(src, ["HD006"]) == ['7:1 HD006 the body\'s first line repeats the title "Jekyll"']
    src = "---\ntitle: Ten years of Jekyll\n---\n\nTen years of Jekyll\nMore text.\n"
    assert check(src, ["HD006"], title_is_h1=False) == []


# --- HD007 -------------------------------------------------------------------------------


def test_hd007_japanese_sections_in_characters(check) -> None:
    ok = "あ" * 300
    src = (
        "---\ntitle: 長い節\n---\n\n" + ok + "\n\n" + ok + "\n\n"  # intro: 600, at the limit
        "## 長い節\n\n" + ok + "\n\n- " + ok + "\n- い\n\n"  # 601
        "```\n" + "コード" * 300 + "\n```\n\n"  # code does not count
        "### 短い節\n\n" + ok + "\n"
    )
    assert check(src, ["HD007"]) == [
        '9:1 HD007 section "長い節" has 601 characters without a subheading (max 600 for ja)'
    ]


def test_hd007_english_sections_in_words(check) -> None:
    words = " ".join(["word"] * 301)
    src = f"---\ntitle: Long\n---\n\n{words}\n\n## Short\n\nA few words.\n\n## Also fine\n\n{words[5:]}\n"
    assert check(src, ["HD007"]) == [
        "5:1 HD007 the text before the first heading has 301 words without a subheading (max 300 for en)"
    ]
