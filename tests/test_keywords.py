"""Keyword extraction, matching and the KW rules (KW001–KW008)."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seo_lint import keywords as kw
from seo_lint import registry
from seo_lint.document import Document, DocumentSettings
from seo_lint.findings import Finding
from seo_lint.lint import ActiveRule, check_site, default_rules, lint_text, summarize
from seo_lint.load import document_from_bytes
from seo_lint.registry import Site
from seo_lint.text import (
    char_width,
    display_width,
    normalize,
    normalize_mapped,
    normalize_runs,
    word_count,
    words,
)

FIXTURES = Path(__file__).parent / "fixtures" / "keywords"
KW_AND_META = ["KW", "MT001", "MT002", "MT003", "FM003", "FM004", "FM005", "FM006"]


def doc_of(source: str, path: str = "_posts/2025-01-10-post.md", **settings: Any) -> Document:
    text = textwrap.dedent(source).lstrip("\n")
    return document_from_bytes(path, text.encode("utf-8"), DocumentSettings(**settings))


def findings(source: str, code: str, options: dict[str, Any] | None = None, **settings: Any) -> list[Finding]:
    """Lint the dedented `source` with one rule and the given options."""
    rule = registry.get(code)
    assert rule is not None
    active = [ActiveRule(rule, rule.severity, registry.build_options(rule, options))]
    text = textwrap.dedent(source).lstrip("\n")
    return lint_text(text, "_posts/2025-01-10-post.md", active, DocumentSettings(**settings))


def run(source: str, code: str, options: dict[str, Any] | None = None, **settings: Any) -> list[str]:
    """`line:col CODE message` for each finding of one rule."""
    return show(findings(source, code, options, **settings))


def fixture(name: str, path: str = "_posts/2025-11-20-fixture.md") -> list[Finding]:
    source = (FIXTURES / name).read_bytes()
    return lint_text(source, path, default_rules(KW_AND_META), DocumentSettings())


def show(findings: list[Finding]) -> list[str]:
    return [f"{f.line}:{f.column} {f.code} {f.message}" for f in findings]


# --- keyword model and matching ---------------------------------------------------------------


def test_cjk_keyword_is_a_set_of_terms_split_on_ascii_and_full_width_spaces() -> None:
    keyword = kw.make_keyword("AI導入\u3000成功事例  中小企業", cjk_document=True)
    assert keyword is not None
    assert keyword.units == ("ai導入", "成功事例", "中小企業")
    assert keyword.shown == ("AI導入", "成功事例", "中小企業")
    assert not keyword.phrase
    assert keyword.verbatim_risk


def test_keyword_with_cjk_characters_is_a_term_set_even_in_an_english_post() -> None:
    keyword = kw.make_keyword("東京 観光", cjk_document=False)
    assert keyword is not None and not keyword.phrase


def test_english_keyphrase_is_words_in_order() -> None:
    keyword = kw.make_keyword("Static-Site SEO", cjk_document=False)
    assert keyword is not None
    assert keyword.phrase and keyword.units == ("static", "site", "seo")


def test_keyword_without_letters_is_dropped() -> None:
    assert kw.make_keyword(" - / ", cjk_document=True) is None


def test_verbatim_risk_needs_a_space_between_two_cjk_characters() -> None:
    latin_edge = kw.make_keyword("マーケティング自動化 ROI", cjk_document=True)
    assert latin_edge is not None and not latin_edge.verbatim_risk
    single = kw.make_keyword("成功事例", cjk_document=True)
    assert single is not None and not single.verbatim_risk


def test_full_width_letters_and_digits_match_half_width() -> None:
    keyword = kw.make_keyword("AI導入 5選", cjk_document=True)
    assert keyword is not None
    haystack = kw.Haystack("ＡＩ導入のコツ５選")
    assert haystack.term_counts(keyword) == {"ai導入": 1, "5選": 1}


def test_latin_term_does_not_match_inside_a_latin_word() -> None:
    keyword = kw.make_keyword("AI 導入", cjk_document=True)
    assert keyword is not None
    assert kw.Haystack("EMAILで連絡、RAIDを導入").term_counts(keyword) == {"ai": 0, "導入": 1}
    assert kw.Haystack("AIの導入とAI導入").term_counts(keyword) == {"ai": 2, "導入": 2}


def test_cjk_term_is_found_inside_a_longer_run_of_characters() -> None:
    keyword = kw.make_keyword("事例", cjk_document=True)
    assert keyword is not None
    assert kw.Haystack("成功事例と導入事例").term_counts(keyword) == {"事例": 2}


def test_phrase_matching_tolerates_punctuation_and_case_but_keeps_order() -> None:
    keyword = kw.make_keyword("static site seo", cjk_document=False)
    assert keyword is not None
    haystack = kw.Haystack("Static-site SEO; static, site: seo. SEO for a static site. staticsite seo")
    assert haystack.term_counts(keyword) == {"static site seo": 2}
    assert haystack.coverage(keyword) == 3


def test_normalize_mapped_maps_back_to_the_original_characters() -> None:
    text = "ＡＩｶﾞ導入"
    normalized, starts, ends = normalize_mapped(text)
    assert normalized == "aiガ導入"
    assert [text[starts[i]:ends[i]] for i in range(len(normalized))] == ["Ａ", "Ｉ", "ｶﾞ", "導", "入"]


# --- where keywords come from ---------------------------------------------------------------


def test_first_present_field_wins_and_first_keyword_is_the_focus() -> None:
    doc = doc_of("""
        ---
        keywords: [ignored]
        seo_keywords: ["AI導入 中小企業", "成功事例"]
        focus_keyword: ""
        ---

        本文。
    """)
    found = kw.keywords(doc)
    assert [k.text for k in found] == ["AI導入 中小企業", "成功事例"]
    assert all(k.field == "seo_keywords" for k in found)
    focus = kw.focus_keyword(doc)
    assert focus is not None and doc.source[focus.start:focus.end] == "AI導入 中小企業"


def test_string_value_is_split_at_commas_and_located() -> None:
    doc = doc_of("""
        ---
        keywords: "image optimization, WebP conversion，lazy loading、static site"
        ---

        Body.
    """)
    found = kw.keywords(doc)
    assert [k.text for k in found] == ["image optimization", "WebP conversion", "lazy loading", "static site"]
    assert [doc.source[k.start:k.end] for k in found] == [k.text for k in found]


def test_duplicate_keywords_after_normalisation_are_dropped() -> None:
    doc = doc_of("""
        ---
        keywords: ["AI導入 中小企業", "中小企業　ＡＩ導入"]
        ---

        本文。
    """)
    assert [k.text for k in kw.keywords(doc)] == ["AI導入 中小企業"]


def test_focus_keyword_single_string() -> None:
    doc = doc_of("""
        ---
        focus_keyword: static site seo
        keywords: [other]
        ---

        Body.
    """)
    assert [k.text for k in kw.keywords(doc)] == ["static site seo"]


def test_keywords_field_option_accepts_a_string(check: Any) -> None:
    source = """
        ---
        title: "Guide"
        seo:
          focus: nothing here
        my_keyword: never used phrase
        ---

        Some text about other things.
    """
    assert run(source, "KW002", {"keywords-field": "my_keyword"}) == [
        '5:13 KW002 keyword "never used phrase" never appears (0 of 5 words; words never used: never, used, phrase)'
    ]
    assert run(source, "KW002") == []


# --- KW001 keyword-stuffing -------------------------------------------------------------------

STUFFED_JA = """
    ---
    title: "画像最適化の手順"
    seo_keywords: ["画像最適化 静的サイト"]
    ---

    {body}
"""


def _ja_body(uses: int, filler: int) -> str:
    return "画像最適化と静的サイト。" * uses + "ブログの表示を速くする工夫を順番に説明します。" * filler


def test_kw001_japanese_density_by_characters() -> None:
    # 10 uses: (10 × 5) ÷ 787 characters = 6.35 % per term, above 5 %.
    body = _ja_body(10, 29)
    assert run(STUFFED_JA.format(body=body), "KW001") == [
        '3:17 KW001 keyword "画像最適化 静的サイト": terms 画像最適化 at 6.35 % (10 × 5 of 787 characters;'
        " max 5 % for ja), 静的サイト at 6.35 % (10 × 5 of 787 characters; max 5 % for ja)"
    ]


def test_kw001_japanese_near_miss_below_max() -> None:
    # 7 uses: (7 × 5) ÷ 751 = 4.66 %.
    assert run(STUFFED_JA.format(body=_ja_body(7, 29)), "KW001") == []
    assert run(STUFFED_JA.format(body=_ja_body(7, 29)), "KW001", {"max-density": {"ja": 4.5}}) != []


def test_kw001_is_not_judged_on_short_text() -> None:
    # 60 characters (5 uses, 41.67 %) is under min-length 300.
    assert run(STUFFED_JA.format(body=_ja_body(5, 0)), "KW001") == []
    assert run(STUFFED_JA.format(body=_ja_body(5, 0)), "KW001", {"min-length": {"ja": 60}}) != []


def _en(uses: int, filler: int) -> str:
    body = "We tune markdown tables here. " * uses + "Short pages load fast and read well. " * filler
    return f"""
    ---
    title: "Markdown tables"
    keywords: [markdown tables]
    ---

    {body}
    """


def test_kw001_english_density_by_words() -> None:
    # 8 uses in 8 × 5 + 15 × 7 = 145 words: 5.52 %.
    assert run(_en(8, 15), "KW001") == [
        '3:12 KW001 keyword "markdown tables" is at 5.52 % (8 times in 145 words; max 3 % for en)'
    ]


def test_kw001_english_near_miss_at_three_percent() -> None:
    # 3 uses in 3 × 5 + 12 × 7 = 99 words is under min-length; 4 uses in 20 + 17 × 7 = 139 words: 2.88 %.
    assert run(_en(4, 17), "KW001") == []
    assert run(_en(3, 12), "KW001") == []  # 3.03 %, but 99 words is under min-length 100
    assert run(_en(3, 12), "KW001", {"min-length": {"en": 99}}) != []


def test_kw001_option_max_density_merges_per_language() -> None:
    assert run(_en(4, 17), "KW001", {"max-density": {"en": 2.0}}) == [
        '3:12 KW001 keyword "markdown tables" is at 2.88 % (4 times in 139 words; max 2 % for en)'
    ]


# --- KW002 keyword-scarce ----------------------------------------------------------------------


def test_kw002_names_the_absent_terms_with_counts() -> None:
    source = """
        ---
        title: "クラウド会計の始め方"
        seo_keywords: ["クラウド会計 個人事業主", "電子帳簿 事例", "インボイス制度 税理士"]
        ---

        個人事業主がクラウド会計を始めるときの事例を紹介します。
    """
    assert run(source, "KW002") == [
        '3:33 KW002 keyword "電子帳簿 事例": term 電子帳簿 never appears (0 of 28 characters)',
        '3:44 KW002 keyword "インボイス制度 税理士": terms インボイス制度, 税理士 never appear (0 of 28 characters)',
    ]


def test_kw002_reports_a_scarce_term_in_a_long_text() -> None:
    body = "クラウド会計で帳簿を自動化する。" + "毎月の記帳と確認の手間を減らす工夫を順番に見ていきます。" * 20
    source = f"""
        ---
        seo_keywords: ["クラウド会計 帳簿"]
        ---

        {body}
    """
    # クラウド会計 1 × 6 ÷ 576 = 1.04 %; 帳簿 1 × 2 ÷ 576 = 0.35 %.
    assert run(source, "KW002") == [
        '2:17 KW002 keyword "クラウド会計 帳簿": term 帳簿 at 0.35 % (1 × 2 of 576 characters; min 0.5 % for ja)'
    ]
    assert run(source, "KW002", {"min-density": {"ja": 0.3}}) == []


def test_kw002_english_scarce_and_absent() -> None:
    filler = "Short pages load fast and read well. " * 30
    source = f"""
        ---
        keywords: "image optimization, lazy loading"
        ---

        Image optimization matters. {filler}
    """
    assert run(source, "KW002") == [
        '2:12 KW002 keyword "image optimization" is at 0.47 % (1 time in 213 words; min 0.5 % for en)',
        '2:32 KW002 keyword "lazy loading" never appears (0 of 213 words; words never used: lazy, loading)',
    ]


def test_kw002_phrase_words_present_in_another_order() -> None:
    source = """
        ---
        keywords: [static site seo]
        ---

        SEO for a static site.
    """
    assert run(source, "KW002") == ['2:12 KW002 keyword "static site seo" never appears (0 of 5 words)']


def test_kw002_near_miss_keyword_used_naturally_with_full_width_letters() -> None:
    source = """
        ---
        seo_keywords: ["AI導入 中小企業"]
        ---

        ＡＩ導入を考える中小企業へ。
    """
    assert run(source, "KW002") == []


def test_kw002_post_without_keywords_or_prose_is_skipped() -> None:
    assert run("---\ntitle: x\n---\n\nText.\n", "KW002") == []
    assert run("---\nkeywords: [x y]\n---\n", "KW002") == []


# --- KW003 / KW004 / KW005 / KW006: placement ------------------------------------------------

PLACED = """
    ---
    title: "{title}"
    description: "{description}"
    seo_keywords: ["AI導入 中小企業", "成功事例"]
    ---

    {intro}

    ## {heading}

    本文です。
"""


def placed(title: str = "中小企業のAI導入ガイド", description: str = "中小企業がAI導入で成果を出す方法。",
           intro: str = "中小企業のAI導入について。", heading: str = "中小企業のAI導入の手順") -> str:
    return PLACED.format(title=title, description=description, intro=intro, heading=heading)


def test_kw003_to_kw006_silent_when_the_focus_keyword_is_placed() -> None:
    for code in ("KW003", "KW004", "KW005", "KW006"):
        assert run(placed(), code) == [], code


def test_kw003_title_missing_a_term() -> None:
    assert run(placed(title="AI導入ガイド"), "KW003") == [
        '2:1 KW003 focus keyword "AI導入 中小企業" is not in the title (missing term 中小企業)'
    ]


def test_kw003_full_width_title_matches() -> None:
    assert run(placed(title="中小企業のＡＩ導入ガイド"), "KW003") == []


def test_kw004_description() -> None:
    assert run(placed(description="成果を出す方法を紹介します。"), "KW004") == [
        '3:1 KW004 focus keyword "AI導入 中小企業" is not in the description (missing terms AI導入, 中小企業)'
    ]


def test_kw005_first_paragraph() -> None:
    assert run(placed(intro="はじめに。"), "KW005") == [
        '7:1 KW005 focus keyword "AI導入 中小企業" is not in the first paragraph (missing terms AI導入, 中小企業)'
    ]


def test_kw006_no_subheading_carries_more_than_half_of_the_terms() -> None:
    assert run(placed(heading="手順"), "KW006") == [
        '9:1 KW006 focus keyword "AI導入 中小企業" is in none of the 1 H2/H3 subheading'
        " (a subheading needs 2 of its 2 terms)"
    ]


def test_kw006_post_without_subheadings_is_not_judged() -> None:
    source = """
        ---
        keywords: [image optimization]
        ---

        Text.
    """
    assert run(source, "KW006") == []


def test_english_placement_phrase_in_order() -> None:
    source = """
        ---
        title: "SEO for a static site"
        description: "Static site SEO in five steps."
        keywords: [static site seo]
        ---

        Static-site SEO starts with titles.

        ## Static site basics
    """
    assert run(source, "KW003") == [
        '2:1 KW003 focus keyword "static site seo" is not in the title (its words are there, not in this order)'
    ]
    assert run(source, "KW004") == []
    assert run(source, "KW005") == []
    assert run(source, "KW006") == []  # 2 of 3 words


# --- KW007 keyword-verbatim-phrase ------------------------------------------------------------


def test_kw007_points_at_each_verbatim_occurrence() -> None:
    source = """
        ---
        seo_keywords: ["AI導入 成功事例 中小企業", "マーケティング自動化 ROI"]
        ---

        AI導入 成功事例 中小企業というキーワードで探す人へ。
        **ＡＩ導入　成功事例　中小企業**の話です。マーケティング自動化 ROIは自然な書き方です。

        - 一覧でもAI導入 成功事例
          中小企業と書くと不自然です。
    """
    found = findings(source, "KW007")
    assert show(found) == [
        '5:1 KW007 keyword "AI導入 成功事例 中小企業" pasted verbatim with its spaces (1 of 3); work the terms into the sentence',
        '6:3 KW007 keyword "AI導入 成功事例 中小企業" pasted verbatim with its spaces (2 of 3); work the terms into the sentence',
        '8:7 KW007 keyword "AI導入 成功事例 中小企業" pasted verbatim with its spaces (3 of 3); work the terms into the sentence',
    ]
    text = textwrap.dedent(source).lstrip("\n")
    assert [text[f.start:f.end] for f in found] == [
        "AI導入 成功事例 中小企業", "ＡＩ導入　成功事例　中小企業", "AI導入 成功事例\n  中小企業",
    ]


def test_kw007_near_misses() -> None:
    source = """
        ---
        seo_keywords: ["AI導入 成功事例"]
        ---

        中小企業のAI導入の成功事例です。AI導入・成功事例の一覧。`AI導入 成功事例`はコードです。
    """
    assert run(source, "KW007") == []


def test_kw007_only_in_cjk_posts() -> None:
    source = """
        ---
        keywords: ["AI導入 成功事例"]
        ---

        This English post quotes AI導入 成功事例 once, as a search term.
    """
    assert run(source, "KW007") == []


# --- KW008 keyword-cannibalization (site rule) -----------------------------------------------


def site_findings(posts: dict[str, str], code: str, linted: set[str] | None = None) -> list[str]:
    rule = registry.get(code)
    assert rule is not None
    docs = [document_from_bytes(path, textwrap.dedent(text).lstrip("\n").encode(), DocumentSettings())
            for path, text in posts.items()]
    site = Site([summarize(doc) for doc in docs], frozenset(linted if linted is not None else posts))
    return [f"{f.path}:{f.line}:{f.column} {f.code} {f.message}"
            for f in check_site(site, [ActiveRule(rule, rule.severity, rule.options())])]


def test_kw008_names_the_other_posts_term_order_and_width_ignored() -> None:
    posts = {
        "_posts/a.md": '---\ntitle: A\nseo_keywords: ["AI導入 中小企業", "x"]\n---\n\n本文。\n',
        "_posts/b.md": "---\ntitle: B\nfocus_keyword: 中小企業　ＡＩ導入\n---\n\n本文。\n",
        "_posts/c.md": '---\ntitle: C\nseo_keywords: ["AI導入 中小企業"]\n---\n\n本文。\n',
        "_posts/d.md": '---\ntitle: D\nseo_keywords: ["x", "AI導入 中小企業"]\n---\n\n本文。\n',
    }
    assert site_findings(posts, "KW008") == [
        '_posts/a.md:3:17 KW008 focus keyword "AI導入 中小企業" is also the focus keyword of _posts/b.md and 1 more',
        '_posts/b.md:3:16 KW008 focus keyword "中小企業 ＡＩ導入" is also the focus keyword of _posts/a.md and 1 more',
        '_posts/c.md:3:17 KW008 focus keyword "AI導入 中小企業" is also the focus keyword of _posts/a.md and 1 more',
    ]


def test_kw008_reports_only_linted_posts() -> None:
    posts = {
        "_posts/a.md": "---\nfocus_keyword: static site seo\n---\n\nx\n",
        "_posts/b.md": "---\nfocus_keyword: Static-Site SEO\n---\n\nx\n",
        "_posts/c.md": "---\nfocus_keyword: seo static site\n---\n\nx\n",
    }
    assert site_findings(posts, "KW008", {"_posts/b.md"}) == [
        '_posts/b.md:2:16 KW008 focus keyword "Static-Site SEO" is also the focus keyword of _posts/a.md'
    ]


# --- the seed-shaped posts: same verdicts in Japanese and English ----------------------------


def test_japanese_seed_shaped_post() -> None:
    assert show(fixture("ja_seed_shape.md")) == [
        '7:1 MT003 description starts with the whole title (29 of its 55 characters), then adds "サンプル会計ラボが提供する経理DXの実践ガイド"',
        '9:38 KW002 keyword "電子帳簿 事例 飲食店": term 電子帳簿 never appears (0 of 1,485 characters);'
        " 飲食店 at 0.2 % (1 × 3 of 1,485 characters; min 0.5 % for ja)",
        '9:53 KW002 keyword "経費精算 効率化 スマホ": term 経費精算 never appears (0 of 1,485 characters);'
        " 効率化 at 0.2 % (1 × 3 of 1,485 characters; min 0.5 % for ja),"
        " スマホ at 0.2 % (1 × 3 of 1,485 characters; min 0.5 % for ja)",
        '9:69 KW002 keyword "インボイス制度 税理士": terms インボイス制度, 税理士 never appear (0 of 1,485 characters)',
        '15:1 KW006 focus keyword "クラウド会計 導入事例 個人事業主" is in none of the 10 H2/H3 subheadings'
        " (a subheading needs 2 of its 3 terms)",
        '37:1 KW007 keyword "クラウド会計 導入事例 個人事業主" pasted verbatim with its spaces (1 of 3);'
        " work the terms into the sentence",
        '47:70 KW007 keyword "クラウド会計 導入事例 個人事業主" pasted verbatim with its spaces (2 of 3);'
        " work the terms into the sentence",
        '55:131 KW007 keyword "クラウド会計 導入事例 個人事業主" pasted verbatim with its spaces (3 of 3);'
        " work the terms into the sentence",
    ]


def test_english_seed_shaped_post() -> None:
    assert show(fixture("en_seed_shape.md")) == [
        '7:1 MT003 description starts with the whole title (58 of its 113 characters), then adds "a practical finance gui…"',
        '9:48 KW002 keyword "digital bookkeeping restaurants" never appears'
        " (0 of 557 words; words never used: digital, restaurants)",
        '9:83 KW002 keyword "expense reports on mobile" never appears (0 of 557 words; words never used: reports, mobile)',
        '9:112 KW002 keyword "invoice rules for tax advisors" never appears'
        " (0 of 557 words; words never used: invoice, advisors)",
        '18:1 KW006 focus keyword "cloud accounting case study" is in none of the 10 H2/H3 subheadings'
        " (a subheading needs 3 of its 4 words)",
    ]


def test_same_structure_same_verdicts_in_words_and_characters() -> None:
    ja = [f.code for f in fixture("ja_seed_shape.md") if f.code != "KW007"]
    en = [f.code for f in fixture("en_seed_shape.md")]
    assert ja == en == ["MT003", "KW002", "KW002", "KW002", "KW006"]


@pytest.mark.parametrize("name", ["ja_natural.md", "en_natural.md"])
def test_natural_posts_raise_nothing(name: str) -> None:
    assert show(fixture(name, "_posts/2025-01-10-fixture.md")) == []


def test_japanese_post_is_never_judged_by_words() -> None:
    # One "word" to a space-splitting counter; 60 characters to us.
    source = """
        ---
        seo_keywords: ["画像最適化"]
        ---

        静的サイトでは画像が重さの大半を占めるので、まず画像を軽くすることが表示速度の改善に直結するという話です。
    """
    assert run(source, "KW002") == [
        '2:17 KW002 keyword "画像最適化": term 画像最適化 never appears (0 of 53 characters)'
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ5 -\n.導入事例かがカガｶﾞﾟﾊﾟＡｚ５！　①ßİ\u3099\u309a\u0301ー〜"))))
def test_normalize_mapped_agrees_with_normalize(text: str) -> None:
    normalized, starts, ends = normalize_mapped(text)
    assert normalized == normalize(text)
    assert len(starts) == len(ends) == len(normalized)
    assert all(0 <= s < e <= len(text) for s, e in zip(starts, ends))
    assert starts == sorted(starts)


def _phrase_count_by_tokens(text: str, words: list[str]) -> int:
    """The phrase count as first written: tokenise, then scan the tokens without overlaps."""
    tokens = re.findall(r"[^\W_]+", normalize_runs(text))
    count = index = 0
    while words and index <= len(tokens) - len(words):
        if tokens[index : index + len(words)] == words:
            count += 1
            index += len(words)
        else:
            index += 1
    return count


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab aab-_.\n'’導ＡＢé"))),
    st.lists(st.sampled_from(["a", "b", "aa", "ab", "導", "é"]), min_size=1, max_size=3),
)
def test_phrase_count_agrees_with_scanning_tokens(text: str, words: list[str]) -> None:
    count = _phrase_count_by_tokens(text, words)
    assert kw.Haystack(text).phrase_count(words) == count
    assert kw.Haystack(text).phrase_count(words, 1) == min(count, 1)
    assert kw.Haystack(text).phrase_count(words, 2) == min(count, 2)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ5 -\n.導入事例かがカガｶﾞﾟﾊﾟＡｚ５！　①ßİ\u3099\u309a\u0301ー〜"))))
def test_normalize_runs_is_normalize_mapped_without_tables(text: str) -> None:
    assert normalize_runs(text) == normalize_mapped(text)[0]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ09 '-_.\n\t’é導")), max_size=30))
def test_word_count_counts_the_words(text: str) -> None:
    assert word_count(text) == len(words(text))
    assert word_count(text.encode("ascii", "ignore").decode()) == len(words(text.encode("ascii", "ignore").decode()))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ 9.導入ｶﾞＡ\u3099\u0301\u200b　é")), max_size=40))
def test_display_width_is_the_sum_of_the_character_widths(text: str) -> None:
    assert display_width(text) == sum(char_width(char) for char in text)


def test_toml_and_json_front_matter_keywords() -> None:
    toml = '+++\ntitle = "Guide"\nkeywords = ["lazy loading", "image optimization"]\n+++\n\nImage optimization.\n'
    assert run(toml, "KW002") == [
        '3:1 KW002 keyword "lazy loading" never appears (0 of 2 words; words never used: lazy, loading)'
    ]
    json = '{\n  "title": "Guide",\n  "keywords": ["lazy loading", "image optimization"]\n}\n\nImage optimization.\n'
    assert run(json, "KW002") == [
        '3:17 KW002 keyword "lazy loading" never appears (0 of 2 words; words never used: lazy, loading)'
    ]
