"""TX001–TX006 and MT006: placeholders, leaks, identifiers, list counts, broken text, slugs."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from seo_lint.document import Document
from seo_lint.lint import default_rules, lint_document
from seo_lint.rules.hygiene import _MAY_HOLD_PLACEHOLDER, _PLACEHOLDER, _placeholders

FIXTURES = Path(__file__).parent / "fixtures" / "hygiene" / "site" / "_posts"
JA = "---\ntitle: 中小企業のAI導入ガイド\n---\n\n"
EN = "---\ntitle: Static site SEO in 2025\n---\n\n"


def _lint_fixture(name: str, select: list[str]) -> list[str]:
    doc = Document(f"_posts/{name}", (FIXTURES / name).read_text(encoding="utf-8"))
    return [f"{f.line}:{f.column} {f.code} {f.message}" for f in lint_document(doc, default_rules(select))]


# --- the seed-shaped post -----------------------------------------------------------


def test_seed_shaped_post_raises_each_defect_once_where_it_is():
    assert _lint_fixture("2025-11-02-ai-sales-defects.md", ["TX001", "TX002", "TX003", "TX004"]) == [
        '3:8 TX004 title promises 5 ("5つの秘訣") but the body has 3 numbered H3 headings (ステップ1 … ステップ3)',
        '18:4 TX002 front matter value "curiosity" (`instinct`) appears in a heading',
        '24:1 TX003 camelCase identifier "userJourney" in prose (write it in words or as `code`)',
        '31:14 TX001 placeholder "〇%" in prose',
    ]


def test_clean_post_raises_none_of_them():
    assert _lint_fixture("2025-11-03-ai-sales-clean.md", ["TX", "MT006"]) == []


# --- TX001 placeholder-text ---------------------------------------------------------


def test_placeholders_in_prose_headings_title_and_description(check):
    src = (
        "---\ntitle: XX社が選ぶツール\ndescription: \"{keyword}の使い方\"\n---\n\n"
        "## TODO: 見出しを決める\n\n"
        "売上が○○円になり、解約率は〇ヶ月で下がりました。\n\n"
        "[insert customer quote here]\n\n"
        "Lorem ipsum dolor sit amet.\n\n"
        "価格はundefined円、在庫はnullです。成長率はNaN%でした。\n\n"
        "---title: 漏れた行\n"
    )
    assert check(src, ["TX001"]) == [
        '2:8 TX001 placeholder "XX" in the title',
        '3:15 TX001 placeholder "{keyword}" in the description',
        '6:4 TX001 placeholder "TODO" in a heading',
        '8:4 TX001 placeholder "○○円" in prose',
        '8:15 TX001 placeholder "〇ヶ月" in prose',
        '10:1 TX001 placeholder "[insert customer quote here]" in prose',
        '12:1 TX001 placeholder "Lorem ipsum" in prose',
        '12:13 TX001 placeholder "dolor sit amet" in prose',
        '14:4 TX001 placeholder "undefined" in prose',
        '14:18 TX001 placeholder "null" in prose',
        '14:29 TX001 placeholder "NaN" in prose',
        '16:1 TX001 placeholder "---title" in prose',
    ]


def test_placeholder_near_misses(check):
    src = JA + (
        "二〇二五年の売上は一〇〇%でした。丸（○）と×を使う表もあります。\n\n"
        "XXLサイズとXbox、TODOリストとTODO listアプリ、todoは小文字。\n\n"
        "We rejected the null hypothesis; the behaviour is undefined in C.\n\n"
        "Use `{{ page.title }}`, `{keyword}`, `TODO` and `null` in code.\n\n"
        "```\nXX TODO 〇% lorem ipsum\n```\n\n"
        "{: .note}\n\n"
        "{{ page.title }} is Liquid in a Jekyll post.\n"
    )
    assert check(src, ["TX001"]) == []


def test_liquid_output_is_a_placeholder_in_hugo_content_and_in_front_matter(check):
    src = "---\ntitle: \"{{ keyword }}で始めるSEO\"\n---\n\nHello {{ .Title }} and {{< ref \"a.md\" >}}.\n"
    assert check(src, ["TX001"]) == ['2:9 TX001 placeholder "{{ keyword }}" in the title']
    assert check(src, ["TX001"], generator="hugo") == [
        '2:9 TX001 placeholder "{{ keyword }}" in the title',
        '5:7 TX001 placeholder "{{ .Title }}" in Hugo content (not rendered)',
    ]


def test_liquid_in_a_layout_rendered_html_file_is_not_a_placeholder(check):
    src = "---\nlayout: default\n---\n<h1>{{ page.title }}</h1>\n<p>{{ content }}</p>\n"
    assert check(src, ["TX001"], path="_layouts/post.html") == []


# --- TX002 front-matter-leak --------------------------------------------------------


def test_non_display_value_in_heading_and_prose(check):
    src = (
        "---\ntitle: 中小企業のAI導入\ninstinct: territorial\npersona: 多忙な経営者層\n"
        "tags: [territorial]\nreading_time: 8\n---\n\n"
        "## territorialの心理学的背景\n\n"
        "「Territorial」な欲求は、多忙な経営者層にも強く働きます。\n\n"
        "territoriality（縄張り性）は別の単語です。\n"
    )
    assert check(src, ["TX002"]) == [
        '9:4 TX002 front matter value "territorial" (`instinct`) appears in a heading',
        '11:2 TX002 front matter value "territorial" (`instinct`) appears in prose',
        '11:19 TX002 front matter value "多忙な経営者層" (`persona`) appears in prose',
    ]


def test_leak_near_misses(check):
    # display fields, short values, values only in code, plain English words in an English post
    src = (
        "---\ntitle: Territorial marketing\ndescription: Territorial instincts in marketing\n"
        "instinct: territorial\nmood: calm\nstatus: draft\n---\n\n"
        "Territorial instincts shape loyalty. Keep calm. This draft is `territorial`.\n"
    )
    assert check(src, ["TX002"]) == []
    assert check(src.replace("instinct: territorial", "template: case_study") + "\nThe case_study template.\n",
                 ["TX002"]) == ['11:5 TX002 front matter value "case_study" (`template`) appears in prose']


def test_display_fields_are_configurable():
    from seo_lint import registry
    from seo_lint.lint import ActiveRule, lint_text

    rule = registry.get("TX002")
    options = registry.build_options(rule, {"extend-display-fields": ["instinct"]})
    src = "---\ntitle: 導入\ninstinct: territorial\n---\n\n## territorialの背景\n"
    assert lint_text(src, "a.md", [ActiveRule(rule, rule.severity, options)]) == []


# --- TX003 identifier-in-prose ------------------------------------------------------


def test_identifiers_in_cjk_prose_and_headings(check):
    src = JA + (
        "## userJourney設計\n\n"
        "caseStudy構造の視点と、reading_timeの値と、user-journey-mapの図を見ます。\n"
    )
    assert check(src, ["TX003"]) == [
        '5:4 TX003 camelCase identifier "userJourney" in a heading (write it in words or as `code`)',
        '7:1 TX003 camelCase identifier "caseStudy" in prose (write it in words or as `code`)',
        '7:17 TX003 snake_case identifier "reading_time" in prose (write it in words or as `code`)',
        '7:33 TX003 kebab-case identifier "user-journey-map" in prose (write it in words or as `code`)',
    ]


def test_identifier_near_misses(check):
    src = JA + (
        "iPhoneとmacOS、ChatGPT、LinkedIn、YouTube、JavaScript、eBay、kWhを使います。\n\n"
        "論文はarXivに、ビルドはx86_64向けです。\n\n"
        "end-to-endで、state-of-the-artな、e-commerceの仕組み。\n\n"
        "`caseStudy`はコード、info@my_site.jpはメール、config_file.ymlはファイル名、#ai_marketingはタグ。\n\n"
        "https://example.com/user_journey/caseStudy のURLは除きます。\n"
    )
    assert check(src, ["TX003"]) == []
    # English posts are not checked: identifiers are everyday words of technical English
    assert check(EN + "Set caseStudy and reading_time in the config.\n", ["TX003"]) == []


def test_tex_math_is_not_prose(check):
    """A real kramdown post showed a `$$ ... $$` block (and Chirpy posts `$x_i$`): TeX is
    not prose, so `x_ie_i` is no identifier and `{ccc}` no placeholder. A `$` price is text."""
    src = JA + (
        "内積は次のとおりです。\n\n"
        "$$\n\\sum_{i=1}^n x_ie_i \\begin{array}{ccc} e_1 \\end{array}\n$$\n\n"
        "ここで $y_j$ は係数で、$$ 3.0 × 10^8 $$ は光速です。caseStudyは識別子です。\n\n"
        "価格は $5 と $10 です。\n"
    )
    assert check(src, ["TX001", "TX003"]) == [
        '11:39 TX003 camelCase identifier "caseStudy" in prose (write it in words or as `code`)',
    ]
    doc = Document("_posts/2025-01-10-post.md", src)
    assert "x_i" not in doc.prose and "y_j" not in doc.prose
    assert "価格は $5 と $10 です。" in doc.prose


def test_allow_list_is_configurable():
    from seo_lint import registry
    from seo_lint.lint import ActiveRule, lint_text

    rule = registry.get("TX003")
    options = registry.build_options(rule, {"extend-allow": ["caseStudy"]})
    assert lint_text(JA + "caseStudy構造の視点。\n", "a.md", [ActiveRule(rule, rule.severity, options)]) == []


# --- TX004 list-count-mismatch ------------------------------------------------------


def test_numbered_headings_decide(check):
    src = (
        "---\ntitle: 営業を変える５つの秘策\n---\n\n"
        "## はじめに\n\n本文。\n\n"
        "## 秘策一覧\n\n"
        "### ステップ1：目的\n\n本文。\n\n### ステップ2：試す\n\n本文。\n\n### ステップ3：広げる\n\n本文。\n\n"
        "## まとめ\n\n本文。\n"
    )
    assert check(src, ["TX004"]) == [
        '2:8 TX004 title promises 5 ("５つの秘策") but the body has 3 numbered H3 headings (ステップ1 … ステップ3)'
    ]


def test_sibling_sections_decide_without_numbered_headings(check):
    src = (
        "---\ntitle: 7 Ways to Speed Up Jekyll\n---\n\n"
        "## Introduction\n\nText.\n\n## Cache\n\nText.\n\n## Incremental builds\n\nText.\n\n"
        "## Fewer plugins\n\nText.\n\n## Conclusion\n\nText.\n"
    )
    assert check(src, ["TX004"]) == ['2:8 TX004 title promises 7 ("7 Ways") but the body has 3 H2 sections']


def test_five_sections_under_another_heading_level_satisfy_the_title(check):
    src = (
        "---\ntitle: 成果が出る5つの習慣\n---\n\n"
        "## 背景\n\n本文。\n\n## 5つの習慣\n\n"
        "### 朝に計画する\n\n本文。\n\n### 数字を見る\n\n本文。\n\n### 顧客と話す\n\n本文。\n\n"
        "### 振り返る\n\n本文。\n\n### 休む\n\n本文。\n\n## 次の一歩\n\n本文。\n\n## まとめ\n\n本文。\n"
    )
    assert check(src, ["TX004"]) == []


def test_list_items_decide_last(check):
    src = (
        "---\ntitle: Top 10 Jekyll plugins\n---\n\nOur picks:\n\n- jekyll-seo-tag\n- jekyll-feed\n\n  Notes.\n"
        "  - a nested item\n  - another\n- jekyll-sitemap\n\nMore text.\n\n- a second list\n- of two\n"
    )
    assert check(src, ["TX004"]) == [
        '2:8 TX004 title promises 10 ("Top 10") but the body has a list of 3 items'
    ]
    five = "---\ntitle: 今すぐできる5選\n---\n\n" + "".join(f"{i}. 項目{i}\n" for i in range(1, 6))
    assert check(five, ["TX004"]) == []


def test_no_promise_or_nothing_to_count(check):
    assert check("---\ntitle: 2025年版 AI導入ガイド\n---\n\n## 概要\n\n本文。\n", ["TX004"]) == []
    assert check("---\ntitle: 5つの秘策\n---\n\n本文だけの記事です。\n", ["TX004"]) == []
    assert check("---\ntitle: 1つの答え\n---\n\n## 一\n\n## 二\n", ["TX004"]) == []


# --- TX005 broken-text --------------------------------------------------------------


def test_replacement_and_control_characters(check):
    src = JA + "文字化け\ufffd\ufffdです。\n\n制御\x07文字です。\n"
    assert check(src, ["TX005"]) == [
        "5:5 TX005 2 U+FFFD replacement character(s): the text was garbled by a bad decode",
        "7:3 TX005 control character(s) U+0007 in the text",
    ]


def test_control_character_fix_removes_only_them():
    from seo_lint.lint import lint_text

    src = JA + "制御\x07\x1b文字です。\n"
    [finding] = lint_text(src, "a.md", default_rules(["TX005"]))
    [edit] = finding.fix.edits
    assert src[: edit.start] + edit.replacement + src[edit.end :] == JA + "制御文字です。\n"


def test_control_character_before_a_fence_has_no_fix():
    """Removing it would make `---` the first line: a front matter fence, never closed."""
    from seo_lint.lint import lint_text

    for src in ("\x08---\n", "\ufeff\x08---\ntitle: a\n", "\x08\n---\n"):
        [finding] = [f for f in lint_text(src, "a.md", default_rules(["TX005"]))]
        assert (finding.line, finding.column, finding.fix) == (1, 1 + src.startswith("\ufeff"), None)
    [finding] = lint_text("---\ntitle: a\n---\n\x08text.\n", "a.md", default_rules(["TX005"]))
    assert finding.fix is not None  # after the front matter: fixed as anywhere else


def test_body_cut_off_mid_sentence(check):
    src = JA + "## 導入\n\nAIを導入する企業は増えています。\n\n## まとめ\n\nAI導入を成功させるためには、まず目的を明確にし、小さく試すことが重要なのですが、その\n"
    assert check(src, ["TX005"]) == ['11:43 TX005 body ends mid-sentence: the last paragraph ends with "…重要なのですが、その"']
    assert check(EN + "Static sites are fast and cheap to host, and the build step can check every link before\n",
                 ["TX005"]) == ['5:87 TX005 body ends mid-sentence: the last paragraph ends with "…check every link before"']


def test_body_endings_that_are_fine(check):
    for ending in (
        "小さく始めて、大きく育てましょう。",
        "この記事が役に立てば幸いです！",
        "最後まで読んでいただき、ありがとうございました😊",
        "詳しくは[導入ガイド](https://example.com/guide)をご覧ください",  # ends with a link
        "まとめ",  # too short to judge
    ):
        assert check(JA + "本文です。\n\n" + ending + "\n\n- リストは判定しない\n", ["TX005"]) == [], ending
    assert check(JA + "最後の段落はきちんと終わります。\n\n<div class=\"cta\">無料相談はこちら</div>\n", ["TX005"]) == []


def test_a_paragraph_that_something_follows_is_not_the_end_of_the_body(check):
    """A real theme demo post opened with "...to make sure that" and then a list, headings
    and lists: its body does not end mid-sentence. Nor does one that ends with code or an image."""
    intro = "Nested lists are a corner case, so this post makes sure that\n\n"
    for after in ("* lists stay numbered\n* styles go deep\n", "## Part\n", "```sh\nmake\n```\n",
                  "![A nested list, rendered](/a.png)\n", "| a | b |\n|---|---|\n| 1 | 2 |\n"):
        assert check(EN + intro + after, ["TX005"]) == [], after
    assert check(EN + "* a list first\n\n" + intro + "{% include related.html %}\n", ["TX005"]) == [
        '7:60 TX005 body ends mid-sentence: the last paragraph ends with "…post makes sure that"'
    ]


def test_a_japanese_polite_ending_finishes_the_body_without_its_full_stop(check):
    """A real Japanese Hugo post ended "…その実機に合ったCPUを選択したらOKです" with no 。:
    the sentence is finished. A clause cut off before its verb is still reported."""
    for ending in ("その実機に合ったCPUを選択したらOKです", "設定は以上で完了しました", "ぜひ試してみてください",
                   "次回もよろしくお願いしますね"):
        assert check(JA + "本文です。\n\n" + ending.rjust(24, "あ") + "\n", ["TX005"]) == [], ending
    assert check(JA + "本文です。\n\n導入で大切なのは目的を決めることですが、その\n", ["TX005"]) == [
        '7:22 TX005 body ends mid-sentence: the last paragraph ends with "…めることですが、その"'
    ]


def test_a_definition_list_is_a_list_not_paragraphs(check):
    """A real Japanese security notice lists versions as a kramdown definition list
    (`開発版` / `: …に更新する`), which Hugo's Goldmark reads too: the body ends with a list,
    not with a paragraph cut off mid-sentence; terms and definitions are list items."""
    src = JA + "対応方法は次のとおりです。\n\n1.8系\n: 1.8.3に更新してください\n\n開発版(1.9系)\n: 2005-07-15以降のバージョンに更新する\n"
    assert check(src, ["TX005"]) == []
    doc = Document("_posts/2025-01-10-post.md", src)
    assert [(b.kind, b.level, b.text) for b in doc.prose_blocks] == [
        ("paragraph", 0, "対応方法は次のとおりです。"),
        ("item", 1, "1.8系"), ("item", 1, "1.8.3に更新してください"),
        ("item", 1, "開発版(1.9系)"), ("item", 1, "2005-07-15以降のバージョンに更新する"),
    ]


def test_a_body_that_ends_with_a_list_of_paths(check):
    """A real Japanese Hugo post ends with the template paths Hugo tries, one per line:
    a list of paths, not a sentence cut off ("…ingle.html")."""
    paths = "/themes/THEME/layouts/index.html\n/themes/THEME/layouts/_default/single.html\n"
    assert check(JA + "以下の順に選択される。\n\n" + paths, ["TX005"]) == []
    assert check(EN + "The templates are read in this order, first the index then\n" + paths, ["TX005"]) == []
    assert check(JA + "本文です。\n\nテンプレートは以下の順に選択されるのですが、その\n", ["TX005"]) != []


def test_title_and_slug_that_lost_a_number(check):
    src = "---\ntitle: 生き残るための つの戦略と売上%向上\n---\n\n本文です。\n"
    assert check(src, ["TX005"], path="_posts/2025-01-10-生き残るための-つの戦略.md") == [
        '1:1 TX005 slug "生き残るための-つの戦略" lost a number before "つの"',
        '2:16 TX005 title lost a number before "つの"',
        '2:23 TX005 title lost a number before "%"',
    ]
    assert check("---\ntitle: 生き残るための5つの戦略と売上20%向上\n---\n\n本文です。\n", ["TX005"],
                 path="_posts/2025-01-10-5つの戦略.md") == []


def test_unbalanced_brackets_in_title(check):
    assert check("---\ntitle: 「AI導入の手引き（2025年版\n---\n\n本文です。\n", ["TX005"]) == [
        '2:8 TX005 unbalanced "「" in the title',
        '2:17 TX005 unbalanced "（" in the title',
    ]
    assert check("---\ntitle: \"「AI導入」の手引き（2025年版）】\"\n---\n\n本文です。\n", ["TX005"]) == [
        '2:27 TX005 unbalanced "】" in the title'
    ]


# --- TX006 duplicate-paragraph ------------------------------------------------------


def test_duplicate_paragraphs(check):
    para = "AI導入の第一歩は、解決したい課題をひとつに絞ることです。"
    src = JA + f"{para}\n\n次です。\n\n- {para}\n\n{para.replace('、', '、 ')}\n\n短い。\n\n短い。\n"
    assert check(src, ["TX006"]) == [
        "9:3 TX006 paragraph repeats the one on line 5 (29 characters)",
        "11:1 TX006 paragraph repeats the one on line 5 (29 characters)",
    ]
    english = EN + "Static sites are fast, cheap and secure.\n\nStatic sites are fast, cheap and secure.\n"
    assert check(english, ["TX006"]) == []  # 7 words: under the minimum of 8
    english = english.replace("secure.", "secure by default.")
    assert check(english, ["TX006"]) == ["7:1 TX006 paragraph repeats the one on line 5 (9 words)"]


# --- MT006 slug ---------------------------------------------------------------------


def test_slug_checks(check):
    body = "---\ntitle: 生き残るための5つの戦略\n---\n\n本文です。\n"
    assert check(body, ["MT006"], path="_posts/2025-01-10-生き残るためのつの戦略.md") == [
        '1:1 MT006 slug "生き残るためのつの戦略" dropped the number 5 that the title has'
    ]
    assert check(body, ["MT006"], path="_posts/2025-01-10-生き残るための-つの戦略.md") == []  # TX005's
    assert check(body, ["MT006"], path="_posts/2025-01-10-survival-strategies.md") == []  # not made from the title
    long = "a-" * 35 + "b"
    assert check("---\ntitle: x\nslug: seo--" + long + "\n---\n", ["MT006"]) == [
        '3:7 MT006 slug "seo--' + long + '" has an empty segment',
        "3:7 MT006 slug is 76 characters (max 60)",
    ]
    assert check("---\ntitle: 人気の7選と3倍速\n---\n", ["MT006"], path="_posts/2025-01-10-人気の選と3倍速.md") == [
        '1:1 MT006 slug "人気の選と3倍速" dropped the number 7 that the title has'
    ]
    # a year or an English list count left out on purpose
    assert check("---\ntitle: 10 Ways to Speed Up Jekyll in 2025\n---\n", ["MT006"],
                 path="_posts/2025-01-10-ways-to-speed-up-jekyll.md") == []
    assert check("---\ntitle: x\n---\n", ["MT006"], path="content/posts/good-slug/index.md") == []


def test_non_ascii_slug_is_optional():
    from seo_lint import registry
    from seo_lint.lint import ActiveRule, lint_text

    rule = registry.get("MT006")
    options = registry.build_options(rule, {"ascii-only": True})
    findings = lint_text("---\ntitle: 戦略\n---\n", "_posts/2025-01-10-戦略.md", [ActiveRule(rule, rule.severity, options)])
    assert [f.message for f in findings] == ['slug "戦略" has non-ASCII characters (18 characters percent-encoded)']


# --- TX007 near-duplicate-post (site rule) -------------------------------------------


def _site(posts: dict[str, str], linted: set[str] | None = None) -> list[str]:
    from seo_lint.lint import check_site, summarize
    from seo_lint.registry import Site

    summaries = [summarize(Document(path, source)) for path, source in posts.items()]
    site = Site(summaries, frozenset(posts if linted is None else linted))
    return [f"{f.path}:{f.line}:{f.column} {f.code} {f.message}" for f in check_site(site, default_rules(["TX007"]))]


_SENTENCES = [
    "AI導入の第一歩は、解決したい課題をひとつに絞ることです。",
    "次に、小さな範囲で試し、効果を数字で確かめます。",
    "現場の声を集めると、使われない機能が早く見つかります。",
    "成果が出た施策だけを、毎週の業務に組み込みます。",
    "費用は月額で比べ、三か月ごとに見直します。",
    "担当者を一人決めると、判断が速くなります。",
    "顧客の反応は、問い合わせの件数と内容で測ります。",
    "失敗した試みも記録しておくと、次の計画に役立ちます。",
    "社内の勉強会は、短く、回数を多くするのが効果的です。",
    "最後に、一年後の姿を全員で共有しておきましょう。",
]


def test_near_duplicate_posts_name_each_other_and_the_similarity():
    text = "".join(_SENTENCES)
    twin = text.replace("三か月ごと", "半年ごと")
    other = "".join(_SENTENCES[:4]) + (  # shares four sentences of ten: similar, not a duplicate
        "梅雨の時期は、店頭の品ぞろえを雨具中心に切り替えます。夏祭りの前には、地域の掲示板に告知を出します。"
        "秋の新商品は、常連客に先に試してもらいます。冬は配送が遅れやすいので、在庫を早めに積み増します。"
        "年末の大掃除では、売り場の動線も見直します。新年の挨拶状には、去年の感謝と今年の約束を書きます。"
    )
    posts = {
        "_posts/2025-01-01-a.md": f"---\ntitle: 導入の手引き\n---\n\n{text}\n",
        "_posts/2025-01-02-b.md": f"---\ntitle: 導入の手引き（改訂）\n---\n\n{twin}\n",
        "_posts/2025-01-03-c.md": f"---\ntitle: 別の記事\n---\n\n{other}\n",
        "_posts/2025-01-04-short.md": "---\ntitle: 短い\n---\n\n短い本文です。\n",
        "_posts/2025-01-05-short.md": "---\ntitle: 短い\n---\n\n短い本文です。\n",
    }
    assert _site(posts) == [
        "_posts/2025-01-01-a.md:2:1 TX007 text is near-identical to _posts/2025-01-02-b.md "
        "(estimated similarity 0.96, threshold 0.8)",
        "_posts/2025-01-02-b.md:2:1 TX007 text is near-identical to _posts/2025-01-01-a.md "
        "(estimated similarity 0.96, threshold 0.8)",
    ]
    posts["_posts/2025-01-06-d.md"] = f"---\ntitle: 三つ目\n---\n\n{text}\n"
    assert _site(posts, linted={"_posts/2025-01-01-a.md"}) == [
        "_posts/2025-01-01-a.md:2:1 TX007 text is near-identical to _posts/2025-01-06-d.md and 1 other post "
        "(estimated similarity 1.00, threshold 0.8)",
    ]


def _generator():  # tests/fixtures/hygiene/generate_site.py, loaded by path
    import importlib.util

    spec = importlib.util.spec_from_file_location("generate_site", FIXTURES.parent.parent / "generate_site.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_site_finds_the_planted_pairs_and_no_others():
    posts, near, siblings = _generator().generate(200, near_duplicates=4, siblings=4, seed=7)
    found = _site(posts)
    pairs = {frozenset((line.split(":")[0], line.split(" to ")[1].split(" ")[0])) for line in found}
    assert len(found) == 8 and pairs == near
    assert not pairs & siblings


# --- robustness -----------------------------------------------------------------------

_PIECES = ["---\n", "title: ", "〇%", "5つの", "## ", "ステップ1", "caseStudy", "a_b", "x-y-z", "{{ x }}", "{k}",
           "「", "）", "TODO", "null", "\ufffd", "\x07", "\n\n", "- ", "```\n", "[a](b)", "<a href='#'>", "。", " "]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=5), max_size=40))
def test_rules_never_crash_and_point_inside_the_file(parts):
    from seo_lint.lint import lint_text

    source = "".join(parts)
    for finding in lint_text(source, "_posts/2025-01-10-x.md", default_rules(["TX", "MT006", "LNK003", "LNK004"])):
        assert finding.code != "SL002", finding.message
        assert 0 <= finding.start <= finding.end <= len(source)


def test_long_pathological_words_are_linear():
    """No catastrophic backtracking: these finish at once (a regression would hang the suite)."""
    from seo_lint.lint import lint_text

    for word in ("ab" + "Aa" * 20000 + "_", "a_" * 20000 + "-", "x-" * 20000 + "_", "〇" * 20000, "[insert " * 5000):
        lint_text(JA + "本文" + word + "です。\n", "_posts/2025-01-10-x.md", default_rules(["TX", "MT006"]))


_PLACEHOLDER_PIECES = st.sampled_from([
    "null", "NULL", "nu", "ll", "u", "undefined", "Undefined", "lorem", "LoReM", "Lorem ipsum", "ipsum", "ıpsum",
    "dolor", "DOLOR", "ſit", "sit", "amet", "AMET", "aMeT", "を入力", "を挿入", "を記入", "を追加", "を", "入力", "挿入",
    "記入", "加", "力", "TODO", "todo", "FIXME", "TBD", "NaN", "XX", "X", "〇", "○", "◯", "●", "×", "△", "%", "円",
    "二", "{", "}", "keyword", "[", "]", "insert", "your", "object", "Object", "【", "】", "ここに", "ここへ", "---",
    "-", "title", " ", "\n", "a", "m", "M", "導入", "1", ":",
])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PLACEHOLDER_PIECES, max_size=12).map("".join))
def test_the_placeholder_prefilter_is_a_necessary_condition(text: str) -> None:
    """Text the quick check passes over has no placeholder: skipping it changes nothing."""
    if _MAY_HOLD_PLACEHOLDER.search(text) is None:
        assert _PLACEHOLDER.search(text) is None
        assert list(_placeholders(text)) == []
