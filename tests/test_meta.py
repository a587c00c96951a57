"""Title and description rules (MT001–MT005)."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest

from seo_lint import registry
from seo_lint.document import DocumentSettings
from seo_lint.lint import ActiveRule, check_site, lint_text, summarize
from seo_lint.load import document_from_bytes
from seo_lint.registry import Site


def run(source: str, code: str, options: dict[str, Any] | None = None, **settings: Any) -> list[str]:
    rule = registry.get(code)
    assert rule is not None
    active = [ActiveRule(rule, rule.severity, registry.build_options(rule, options))]
    text = textwrap.dedent(source).lstrip("\n")
    found = lint_text(text, "_posts/2025-01-10-post.md", active, DocumentSettings(**settings))
    return [f"{f.line}:{f.column} {f.code} {f.message}" for f in found]


def post(title: str | None = None, description: str | None = None, body: str = "本文です。", extra: str = "") -> str:
    lines = ["---"]
    if title is not None:
        lines.append(f'title: "{title}"')
    if description is not None:
        lines.append(f'description: "{description}"')
    if extra:
        lines.append(extra)
    lines += ["---", "", body, ""]
    return "\n".join(lines)


# --- MT001 title-length ----------------------------------------------------------------------


def test_mt001_japanese_title_exactly_at_the_limit_passes() -> None:
    assert run(post("あ" * 32), "MT001") == []
    assert run(post("あ" * 15), "MT001") == []
    assert run(post("あ" * 31 + "ab"), "MT001") == []  # 31 + 2 × 0.5 = 32


def test_mt001_japanese_title_half_a_character_over() -> None:
    assert run(post("あ" * 32 + "a"), "MT001") == [
        "2:1 MT001 title is 32.5 full-width characters wide (max 32 for ja, about 650 px)"
    ]


def test_mt001_japanese_title_counts_half_width_as_half() -> None:
    title = "2025年版！AI導入成功事例：中小企業が領土拡大した5つの秘策と実践ステップ集"
    assert run(post(title), "MT001") == [
        "2:1 MT001 title is 36.5 full-width characters wide (max 32 for ja, about 730 px)"
    ]


def test_mt001_full_width_letters_are_measured_as_displayed() -> None:
    # ＡＩ and ２０２５ are full-width: 1 each, unlike their half-width forms.
    assert run(post("２０２５年版ＡＩ導入の基本"), "MT001") == [
        "2:1 MT001 title is 13 full-width characters wide (min 15 for ja)"
    ]
    assert run(post("２０２５年版ＡＩ導入の基本ガイド"), "MT001") == []


def test_mt001_japanese_title_too_short() -> None:
    assert run(post("AI導入の基本"), "MT001") == [
        "2:1 MT001 title is 6 full-width characters wide (min 15 for ja)"
    ]


def test_mt001_english_title_in_characters() -> None:
    body = "An English body that is long enough to be detected as English text."
    assert run(post("x" * 60, body=body), "MT001") == []
    assert run(post("x" * 61, body=body), "MT001") == [
        "2:1 MT001 title is 61 characters long (max 60 for en, about 610 px)"
    ]
    assert run(post("Static site SEO", body=body), "MT001") == [
        "2:1 MT001 title is 15 characters long (min 30 for en)"
    ]


def test_mt001_language_from_front_matter_and_options() -> None:
    source = post("あ" * 20, extra="lang: ja")
    assert run(source, "MT001", {"max-length": {"ja": 18}}) == [
        "2:1 MT001 title is 20 full-width characters wide (max 18 for ja, about 400 px)"
    ]


def test_mt001_missing_title_is_left_to_other_rules() -> None:
    assert run(post(None), "MT001") == []
    assert run(post(""), "MT001") == []


# --- MT002 description-length --------------------------------------------------------------

JA_DESC = "静的サイトの画像を軽くして表示速度を上げる手順を、WebP変換、サイズ指定、遅延読み込みの三つから解説します。"


def test_mt002_japanese_in_range() -> None:
    assert len(JA_DESC) == 55
    assert run(post("画像最適化の手順", JA_DESC), "MT002") == []


def test_mt002_japanese_too_long_and_at_the_limit() -> None:
    assert run(post("t", "あ" * 120), "MT002") == []
    assert run(post("t", "あ" * 121), "MT002") == [
        "3:1 MT002 description is 121 characters (max 120 for ja)"
    ]
    assert run(post("t", "あ" * 50), "MT002") == []
    assert run(post("t", "あ" * 49), "MT002") == [
        "3:1 MT002 description is 49 characters (min 50 for ja)"
    ]


def test_mt002_white_space_runs_count_once() -> None:
    assert run(post("t", "あ" * 60 + "　　   " + "い" * 59), "MT002") == []  # 60 + 1 + 59


def test_mt002_english() -> None:
    body = "An English body that is long enough to be detected as English text."
    assert run(post("t", "a" * 161, body=body), "MT002") == [
        "3:1 MT002 description is 161 characters (max 160 for en)"
    ]
    assert run(post("t", "Short.", body=body), "MT002") == [
        "3:1 MT002 description is 6 characters (min 70 for en)"
    ]


def test_mt002_missing_or_empty() -> None:
    assert run(post("題名"), "MT002") == [
        "1:1 MT002 description is missing (aim for 50–120 characters for ja)"
    ]
    assert run(post("題名", ""), "MT002") == [
        "3:1 MT002 description is empty (aim for 50–120 characters for ja)"
    ]
    assert run(post("題名"), "MT002", {"require": False}) == []


def test_mt002_excerpt_or_summary_stands_in_for_a_missing_description() -> None:
    """Real posts (a Jekyll theme's demo, a Hugo academic theme, a Hugo wiki) give the
    meta description as `excerpt` (jekyll-seo-tag's fallback) or `summary` (Hugo's): it is
    measured under its own name instead of "description is missing"."""
    excerpt = post("題名", extra='excerpt: "' + "説明" * 10 + '"')
    summary = post("題名", extra='summary: "' + "説明" * 70 + '"')
    assert run(excerpt, "MT002", generator="jekyll") == ["3:1 MT002 excerpt (the meta description) is 20 characters (min 50 for ja)"]
    assert run(summary, "MT002", generator="hugo") == ["3:1 MT002 summary (the meta description) is 140 characters (max 120 for ja)"]
    assert run(summary, "MT002") == ["3:1 MT002 summary (the meta description) is 140 characters (max 120 for ja)"]
    # Hugo does not read `excerpt`, Jekyll not `summary`; a description, even empty, wins.
    assert run(excerpt, "MT002", generator="hugo") == ["1:1 MT002 description is missing (aim for 50–120 characters for ja)"]
    assert run(summary, "MT002", generator="jekyll") == ["1:1 MT002 description is missing (aim for 50–120 characters for ja)"]
    assert run(post("題名", "", extra='excerpt: "' + "説明" * 30 + '"'), "MT002") == [
        "3:1 MT002 description is empty (aim for 50–120 characters for ja)"
    ]


def test_mt002_unreadable_front_matter_is_left_to_fm001() -> None:
    """A real Hugo post had `-jekyll` (no space) in its tags list: the YAML cannot be read,
    which FM001 reports; its description is not "missing"."""
    source = post("題名", "説明" * 30, extra="tags:\n- hugo\n-jekyll")
    assert run(source, "MT002") == []
    assert run(source, "FM001") == ["6:1 FM001 YAML syntax error: while scanning a simple key, could not find expected ':'"]


# --- MT003 description-echoes-title --------------------------------------------------------

TITLE = "静的サイトの画像最適化：表示速度を上げる5つの手順"


def test_mt003_title_plus_boilerplate_suffix() -> None:
    description = f"{TITLE} - Example Blogがお届けするWeb制作の実践ガイド"
    assert run(post(TITLE, description), "MT003") == [
        '3:1 MT003 description starts with the whole title (25 of its 57 characters),'
        ' then adds "Example Blogがお届けするWeb制作…"'
    ]


def test_mt003_equals_with_width_and_case_differences() -> None:
    assert run(post("ＡＩ導入の成功事例：中小企業の5つの秘策", "AI導入の成功事例：中小企業の５つの秘策。"), "MT003") == [
        "3:1 MT003 description is the same as the title"
    ]


def test_mt003_title_followed_by_more_japanese() -> None:
    assert run(post(TITLE, f"{TITLE}を、設定例つきで解説します。"), "MT003") == [
        '3:1 MT003 description starts with the whole title (25 of its 39 characters), then adds "を、設定例つきで解説します。"'
    ]


def test_mt003_ends_with_the_title() -> None:
    assert run(post(TITLE, f"Example Blog | {TITLE}"), "MT003") == [
        "3:1 MT003 description ends with the whole title (25 of its 40 characters)"
    ]


def test_mt003_near_misses() -> None:
    # Shares the start of the title but not all of it.
    assert run(post(TITLE, "静的サイトの画像最適化を、WebP変換とサイズ指定から解説します。"), "MT003") == []
    # A short title may start a description naturally.
    assert run(post("SEO入門", "SEO入門として、検索の仕組みから説明します。"), "MT003") == []
    # The title ends in the middle of a Latin word of the description.
    assert run(post("Static site tips", "Static site tipsters share what they know."), "MT003") == []
    assert run(post(TITLE, None), "MT003") == []


# --- MT004 / MT005 duplicates (site rules) ---------------------------------------------------


def site(posts: dict[str, str], code: str, linted: set[str] | None = None) -> list[str]:
    rule = registry.get(code)
    assert rule is not None
    docs = [document_from_bytes(path, text.encode(), DocumentSettings()) for path, text in posts.items()]
    summaries = Site([summarize(doc) for doc in docs], frozenset(linted if linted is not None else posts))
    return [f"{f.path}:{f.line}:{f.column} {f.code} {f.message}"
            for f in check_site(summaries, [ActiveRule(rule, rule.severity, rule.options())])]


def test_mt004_same_title_after_normalisation() -> None:
    posts = {
        "_posts/2025-01-02-b.md": post("ＡＩ導入の基本  "),
        "_posts/2025-01-01-a.md": post("AI導入の基本"),
        "_posts/2025-01-03-c.md": post("AI導入の応用"),
    }
    assert site(posts, "MT004") == [
        '_posts/2025-01-01-a.md:2:1 MT004 title "AI導入の基本" is also the title of _posts/2025-01-02-b.md',
        '_posts/2025-01-02-b.md:2:1 MT004 title "ＡＩ導入の基本" is also the title of _posts/2025-01-01-a.md',
    ]


def test_mt004_three_posts_and_only_linted_ones_reported() -> None:
    posts = {f"_posts/2025-01-0{i}-p.md": post("同じ題名") for i in (1, 2, 3)}
    assert site(posts, "MT004", {"_posts/2025-01-02-p.md"}) == [
        '_posts/2025-01-02-p.md:2:1 MT004 title "同じ題名" is also the title of _posts/2025-01-01-p.md and 1 more'
    ]


@pytest.mark.parametrize("keep", [16_384, 0])  # a large site reads the shared values again
def test_mt004_three_posts_and_a_stranger_small_and_large_sites(monkeypatch: pytest.MonkeyPatch, keep: int) -> None:
    from seo_lint.rules import keywords

    monkeypatch.setattr(keywords, "KEEP_VALUES", keep)
    posts = {f"_posts/2025-01-0{i}-p.md": post("同じ題名") for i in (3, 1, 2)}
    posts["_posts/2025-01-04-p.md"] = post("別の題名")
    assert site(posts, "MT004") == [
        '_posts/2025-01-01-p.md:2:1 MT004 title "同じ題名" is also the title of _posts/2025-01-02-p.md and 1 more',
        '_posts/2025-01-02-p.md:2:1 MT004 title "同じ題名" is also the title of _posts/2025-01-01-p.md and 1 more',
        '_posts/2025-01-03-p.md:2:1 MT004 title "同じ題名" is also the title of _posts/2025-01-01-p.md and 1 more',
    ]


def test_mt005_same_description() -> None:
    shared = "Practical guides to building fast static sites, from the Example blog team."
    posts = {
        "_posts/a.md": post("A", shared),
        "_posts/b.md": post("B", shared.upper()),
        "_posts/c.md": post("C", "Something else entirely."),
        "_posts/d.md": post("D"),
    }
    assert site(posts, "MT005") == [
        '_posts/a.md:3:1 MT005 description "Practical guides to building fast stati…" is also the description of _posts/b.md',
        '_posts/b.md:3:1 MT005 description "PRACTICAL GUIDES TO BUILDING FAST STATI…" is also the description of _posts/a.md',
    ]
