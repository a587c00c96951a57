"""The JSON-LD rules (LD001–LD011) and their helpers."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seo_lint import jsonld, registry
from seo_lint.document import Document
from seo_lint.findings import Finding, FixSafety
from tests.conftest import lines, lint

FIXTURES = Path(__file__).parent / "fixtures" / "jsonld"
#: Per fixture: the path it is linted as, and its settings.
FIXTURE_SETTINGS: dict[str, tuple[str, dict[str, Any]]] = {
    "seed-shape": ("_posts/2025-11-20-seed-shape.md", {}),
    "graph-near-misses": (
        "_posts/2025-01-10-graph.md",
        {"timezone": "Asia/Tokyo", "base_url": "https://shop.example.com"},
    ),
    "broken-block": ("_posts/2025-01-10-broken.md", {}),
}
JEKYLL_SEO_TAG = {"plugins": ["jekyll-feed", "jekyll-seo-tag"], "author": "Site Author"}


def post(ld: str, front_matter: str = 'title: "Static site SEO"', body: str = "Body.") -> str:
    """A post with one JSON-LD block; with a one-line front matter the JSON starts on line 8."""
    return f'---\n{front_matter}\n---\n\n{body}\n\n<script type="application/ld+json">\n{ld}\n</script>\n'


def run(
    source: str, select: list[str], path: str = "_posts/2025-01-10-post.md", **settings: Any
) -> list[Finding]:
    return lint(source, select, path=path, dedent=False, **settings)


def check(source: str, select: list[str], **kwargs: Any) -> list[str]:
    return lines(run(source, select, **kwargs))


def apply(source: str, finding: Finding) -> str:
    assert finding.fix is not None
    for edit in sorted(finding.fix.edits, key=lambda e: e.start, reverse=True):
        source = source[: edit.start] + edit.replacement + source[edit.end :]
    return source


# --- fixtures and the seed's shape ------------------------------------------------------


@pytest.mark.parametrize("name", sorted(FIXTURE_SETTINGS))
def test_fixtures(name: str) -> None:
    path, settings = FIXTURE_SETTINGS[name]
    source = (FIXTURES / f"{name}.md").read_text(encoding="utf-8")
    expected = (FIXTURES / f"{name}.expected").read_text(encoding="utf-8").splitlines()
    assert check(source, ["LD"], path=path, **settings) == expected


def test_every_fixture_is_listed() -> None:
    assert sorted(p.stem for p in FIXTURES.glob("*.md")) == sorted(FIXTURE_SETTINGS)


def test_seed_shape_z_is_a_timezone_and_image_rules_still_see_the_block() -> None:
    source = (FIXTURES / "seed-shape.md").read_text(encoding="utf-8")
    assert check(source, ["LD009", "LD007"], path="_posts/2025-11-20-seed-shape.md") == []
    if registry.get("IMG004") is None:
        pytest.skip("IMG004 is not registered")
    img004 = [f for f in run(source, ["IMG004"], path="_posts/2025-11-20-seed-shape.md")]
    assert any(f.line == 33 for f in img004)  # the "image" of the JSON-LD block


def test_broken_block_still_lints_the_rest_of_the_post() -> None:
    source = (FIXTURES / "broken-block.md").read_text(encoding="utf-8")
    findings = run(source, ["ALL"], path="_posts/2025-01-10-broken.md")
    codes = {f.code for f in findings}
    assert {"LD001", "LD004"} <= codes
    assert any(not code.startswith("LD") for code in codes)  # the other families ran too
    assert not any(code == "SL002" for code in codes)


# --- LD001 ------------------------------------------------------------------------------


def test_ld001_missing_comma_trailing_comma_and_empty_block() -> None:
    assert check(
        post('{"@context": "https://schema.org", "@type": "BlogPosting",}'), ["LD001"]
    ) == ["8:59 LD001 JSON-LD is not valid JSON: expecting a property name in double quotes"]
    assert check(
        post('{"@context": "https://schema.org"\n "@type": "BlogPosting"}'), ["LD001"]
    ) == ["9:2 LD001 JSON-LD is not valid JSON: expecting ',' or '}' (a missing comma?)"]
    assert check(post(""), ["LD001"]) == [
        "9:1 LD001 JSON-LD is not valid JSON: expecting a value, found the end of the data"
    ]


def test_ld001_invalid_only_because_of_liquid_is_not_reported() -> None:
    blocks = [
        '{"@type": "BlogPosting", {% if page.image %}"image": "{{ page.image }}",{% endif %} "x": 1}',
        '{"keywords": [{% for t in page.tags %}"{{ t }}"{% unless forloop.last %},{% endunless %}{% endfor %}]}',
        '{"headline": {{ page.title | jsonify }}, "wordCount": {{ content | number_of_words }}}',
        '{"headline": "{{ "now" | date: "%Y" }}"}',
    ]
    for block in blocks:
        assert check(post(block), ["LD001"]) == [], block


def test_ld001_real_error_next_to_liquid_is_reported_where_it_is() -> None:
    block = '{% if page.title %}{"headline": "{{ page.title }}"\n "x": 1}{% endif %}'
    assert check(post(block), ["LD001"]) == [
        "9:2 LD001 JSON-LD is not valid JSON: expecting ',' or '}' (a missing comma?)"
    ]


def test_ld001_liquid_that_prints_a_quote_breaks_the_string() -> None:
    source = post('{"headline": "{{ page.title }}"}', front_matter="title: 'The \"best\" post'")
    assert check(source, ["LD001"]) == [
        (
            "8:15 LD001 {{ page.title }} prints a double quote inside a JSON string, which breaks the JSON "
            "(write {{ page.title | jsonify }} without the quotes)"
        )
    ]
    assert (
        check(
            post(
                '{"headline": {{ page.title | jsonify }}}',
                front_matter="title: 'The \"best\" post'",
            ),
            ["LD001"],
        )
        == []
    )


def test_html_posts_and_size_limit() -> None:
    html = (
        "---\ntitle: Static site SEO\n---\n<article><p>Body.</p>\n"
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "BlogPosting", "headline": "Old"}</script></article>\n'
    )
    assert check(html, ["LD"], path="_posts/2025-01-10-post.html") == [
        "5:71 LD003 BlogPosting lacks recommended properties: image, datePublished, dateModified, author",
        '5:95 LD004 headline "Old" differs from front matter title "Static site SEO"',
    ]
    huge = post('{"x": "' + "a" * 1_000_001 + '"}')
    assert check(huge, ["LD001"]) == [
        "7:36 LD001 JSON-LD block is 1,000,012 characters (max 1,000,000)"
    ]


# --- LD002 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "context",
    [
        '"https://schema.org"',
        '"https://schema.org/"',
        '"http://schema.org"',
        '"http://schema.org/"',
        '{"@vocab": "https://schema.org/", "@language": "ja"}',
        '["https://schema.org", {"@language": "ja"}]',
    ],
)
def test_ld002_schema_org_contexts(context: str) -> None:
    assert check(post(f'{{"@context": {context}, "@type": "BlogPosting"}}'), ["LD002"]) == []


def test_ld002_missing_or_foreign_context_and_missing_type() -> None:
    assert check(post('{"@type": "BlogPosting"}'), ["LD002"]) == [
        '8:1 LD002 JSON-LD has no @context (expected "https://schema.org")'
    ]
    assert check(
        post('{"@context": "https://example.org/", "@type": "BlogPosting"}'), ["LD002"]
    ) == [
        '8:2 LD002 @context is "https://example.org/", not schema.org (expected "https://schema.org")'
    ]
    assert check(post('{"@context": {"@language": "ja"}, "@type": "BlogPosting"}'), ["LD002"]) == [
        '8:2 LD002 @context is an object, not schema.org (expected "https://schema.org")'
    ]
    assert check(post('{"@context": "https://schema.org", "headline": "x"}'), ["LD002"]) == [
        "8:1 LD002 JSON-LD entity has no @type"
    ]
    assert check(post('"BlogPosting"'), ["LD002"]) == [
        "8:1 LD002 JSON-LD is a string (expected an object with @context and @type)"
    ]


def test_ld002_graph_members_inherit_the_context_but_array_items_do_not() -> None:
    graph = '{"@context": "https://schema.org", "@graph": [{"@type": "WebSite"}, {"@type": "BlogPosting"}]}'
    assert check(post(graph), ["LD002"]) == []
    graph_without_type = (
        '{"@context": "https://schema.org", "@graph": [{"@type": "WebSite"}, {"name": "x"}]}'
    )
    assert check(post(graph_without_type), ["LD002"]) == ["8:69 LD002 JSON-LD entity has no @type"]
    array = '[{"@context": "https://schema.org", "@type": "WebSite"}, {"@type": "BlogPosting"}]'
    assert check(post(array), ["LD002"]) == [
        '8:58 LD002 JSON-LD has no @context (expected "https://schema.org")'
    ]


def test_types_as_lists_iris_and_prefixes_are_articles() -> None:
    for ld in (
        '{"@context": "https://schema.org", "@type": ["BlogPosting", "Thing"]}',
        '{"@context": "https://schema.org", "@type": "https://schema.org/NewsArticle"}',
        '{"@context": {"s": "http://schema.org/"}, "@type": "s:BlogPosting"}',
    ):
        doc = Document("_posts/2025-01-10-a.md", post(ld))
        assert [e.is_article for e in jsonld.document_entities(doc)] == [True], ld


# --- LD003 ------------------------------------------------------------------------------

FULL = {
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    "headline": "Static site SEO",
    "image": "https://example.com/a.jpg",
    "datePublished": "2025-01-10T09:00:00+09:00",
    "dateModified": "2025-01-10T09:00:00+09:00",
    "author": {"@type": "Person", "name": "Jane Doe", "url": "https://example.com/jane"},
}


def ld(data: dict[str, Any], **changes: Any) -> str:
    """One JSON key per line, two spaces in: key N of the object is on line 8 + N, column 3."""
    merged = {**data, **changes}
    return (
        json.dumps({k: v for k, v in merged.items() if v is not None}, ensure_ascii=False, indent=2)
        .replace("\n    ", " ")
        .replace("\n  }", " }")
    )


def test_ld003_complete_article_and_what_is_missing() -> None:
    assert check(post(ld(FULL)), ["LD003"]) == []
    assert check(post(ld(FULL, dateModified=None, image="")), ["LD003"]) == [
        "10:3 LD003 BlogPosting lacks recommended properties: image, dateModified"
    ]
    assert check(post(ld(FULL, author={"@type": "Person", "name": "Jane Doe"})), ["LD003"]) == [
        "10:3 LD003 BlogPosting lacks recommended properties: author.url (or sameAs)"
    ]
    assert check(
        post(ld(FULL, author={"@type": "Person", "sameAs": ["https://x.example/jane"]})), ["LD003"]
    ) == ["10:3 LD003 BlogPosting lacks recommended properties: author.name"]
    assert check(post(ld(FULL, author=None)), ["LD003"]) == [
        "10:3 LD003 BlogPosting lacks recommended properties: author"
    ]


def test_ld003_only_for_articles_and_follows_author_references() -> None:
    assert check(post('{"@context": "https://schema.org", "@type": "WebPage"}'), ["LD003"]) == []
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {**{k: v for k, v in FULL.items() if k != "@context"}, "author": {"@id": "#jane"}},
            {
                "@type": "Person",
                "@id": "#jane",
                "name": "Jane Doe",
                "sameAs": "https://x.example/jane",
            },
        ],
    }
    assert check(post(json.dumps(graph)), ["LD003"]) == []
    # The Person in another block; a reference to nothing seo-lint can see is not judged.
    two_blocks = post(ld(FULL, author={"@id": "#jane"})) + (
        '<script type="application/ld+json">\n{"@context": "https://schema.org", "@type": "Person", '
        '"@id": "#jane", "name": "Jane Doe"}\n</script>\n'
    )
    assert check(two_blocks, ["LD003"]) == [
        "10:3 LD003 BlogPosting lacks recommended properties: author.url (or sameAs)"
    ]
    elsewhere = post(ld(FULL, author={"@id": "https://example.com/#jane"}))
    assert check(elsewhere, ["LD003", "LD008"]) == []


# --- LD004 / LD005 ----------------------------------------------------------------------


def test_ld004_headline_differs_with_a_safe_idempotent_fix() -> None:
    source = post(ld(FULL, headline="Static site SEO in 2024"))
    findings = run(source, ["LD004"])
    assert lines(findings) == [
        '11:3 LD004 headline "Static site SEO in 2024" differs from front matter title "Static site SEO"'
    ]
    fix = findings[0].fix
    assert fix is not None and fix.safety is FixSafety.SAFE
    fixed = apply(source, findings[0])
    assert fixed == source.replace('"Static site SEO in 2024"', '"Static site SEO"')
    assert check(fixed, ["LD004"]) == []


def test_ld004_equal_after_nfkc_and_trimming() -> None:
    source = post(
        ld(FULL, headline=" AI5選：SEO入門 "), front_matter='title: "ＡＩ５選：ＳＥＯ入門"'
    )
    assert check(source, ["LD004"]) == []


def test_ld004_fix_escapes_quotes_and_script_end() -> None:
    source = post(ld(FULL, headline="old"), front_matter="title: 'Say \"hi\" </script>'")
    findings = run(source, ["LD004"])
    fixed = apply(source, findings[0])
    assert '"headline": "Say \\"hi\\" <\\/script>"' in fixed
    assert check(fixed, ["LD004", "LD001"]) == []


def test_ld004_liquid_headline_is_resolved() -> None:
    same = post(ld(FULL, headline="{{ page.title }}"))
    assert check(same, ["LD004"]) == []
    bare = post(
        '{"@context": "https://schema.org", "@type": "BlogPosting", "headline": {{ page.title | jsonify }}}'
    )
    assert check(bare, ["LD004"]) == []
    site = post(ld(FULL, headline="{{ site.title }}"))
    findings = run(site, ["LD004"], site={"title": "Example Blog"})
    assert lines(findings) == [
        '11:3 LD004 headline "Example Blog" (from Liquid) differs from front matter title "Static site SEO"'
    ]
    assert findings[0].fix is None
    assert check(post(ld(FULL, headline="{{ page.title | upcase }}")), ["LD004"]) == []  # opaque


def test_ld004_only_articles_and_only_with_a_title() -> None:
    assert (
        check(
            post('{"@context": "https://schema.org", "@type": "WebSite", "headline": "x"}'),
            ["LD004"],
        )
        == []
    )
    assert check(post(ld(FULL), front_matter="layout: post"), ["LD004"]) == []


def test_ld005_description() -> None:
    fm = 'description: "小さな店のAI活用ガイド"'
    source = post(ld(FULL, description="古い説明"), front_matter=fm)
    findings = run(source, ["LD005"])
    assert lines(findings) == [
        '16:3 LD005 description "古い説明" differs from front matter description "小さな店のAI活用ガイド"'
    ]
    assert check(apply(source, findings[0]), ["LD005"]) == []
    assert (
        check(post(ld(FULL, description="小さな店のＡＩ活用ガイド"), front_matter=fm), ["LD005"])
        == []
    )


# --- LD006 ------------------------------------------------------------------------------

IMG = "https://images.example.com/p.jpg?w=1200&h=630"


def test_ld006_says_which_parameters_differ() -> None:
    source = post(
        ld(FULL, image="https://images.example.com/p.jpg?w=1080&w=1200&h=630"),
        front_matter=f"image: {IMG}",
    )
    findings = run(source, ["LD006"])
    assert lines(findings) == [
        "12:3 LD006 image differs from front matter image: query w=1080&w=1200 vs w=1200"
    ]
    assert findings[0].fix is not None and findings[0].fix.safety is FixSafety.UNSAFE
    fixed = apply(source, findings[0])
    assert f'"image": "{IMG}"' in fixed and check(fixed, ["LD006"]) == []


@pytest.mark.parametrize(
    "image",
    [
        "https://images.example.com/p.jpg?h=630&w=1200",  # parameter order
        "http://IMAGES.example.com:443/p.jpg?w=1200&h=630",  # scheme, host case, default port
        {"@type": "ImageObject", "url": "https://images.example.com/p.jpg?w=1200&h=630"},
        ["https://images.example.com/p-4x3.jpg", "https://images.example.com/p.jpg?w=1200&h=630"],
    ],
)
def test_ld006_near_misses(image: Any) -> None:
    assert check(post(ld(FULL, image=image), front_matter=f"image: {IMG}"), ["LD006"]) == []


def test_ld006_host_path_and_relative_front_matter_image() -> None:
    source = post(
        ld(FULL, image="https://cdn.example.com/b.jpg"), front_matter="image: /assets/a.jpg"
    )
    assert check(source, ["LD006"], base_url="https://example.com") == [
        "12:3 LD006 image differs from front matter image: host cdn.example.com vs example.com; path /b.jpg vs /assets/a.jpg"
    ]
    fixed = apply(source, run(source, ["LD006"], base_url="https://example.com")[0])
    assert '"image": "https://example.com/assets/a.jpg"' in fixed
    assert run(source, ["LD006"])[0].fix is None  # no site URL: a relative URL is not written
    same = post(
        ld(FULL, image="https://example.com/assets/a.jpg"), front_matter="image: /assets/a.jpg"
    )
    assert check(same, ["LD006"], base_url="https://example.com") == []
    liquid = post(
        ld(FULL, image="{{ site.url }}{{ page.image.path }}"),
        front_matter="image: {path: /assets/a.jpg}",
    )
    assert check(liquid, ["LD006"], site={"url": "https://example.com"}) == []


# --- LD007 ------------------------------------------------------------------------------


def test_ld007_same_instant_in_another_timezone() -> None:
    source = post(
        ld(FULL, datePublished="2025-01-10T00:00:00Z"),
        front_matter="date: 2025-01-10T09:00:00+09:00",
    )
    assert check(source, ["LD007"]) == []


def test_ld007_front_matter_date_without_timezone_is_in_the_site_timezone() -> None:
    source = post(
        ld(FULL, datePublished="2025-01-10T00:00:00Z", dateModified=None),
        front_matter="date: 2025-01-10 09:00:00",
    )
    assert check(source, ["LD007"], timezone="Asia/Tokyo") == []
    assert check(source, ["LD007"], timezone="UTC") == [
        "13:3 LD007 datePublished 2025-01-10T00:00:00Z differs from front matter date 2025-01-10 09:00:00 (9 hours apart)"
    ]


def test_ld007_differs_with_an_unsafe_fix() -> None:
    source = post(
        ld(FULL, datePublished="2025-01-11T09:00:00+09:00", dateModified=None),
        front_matter="date: 2025-01-10 09:00:00 +0900",
    )
    findings = run(source, ["LD007"])
    assert lines(findings) == [
        "13:3 LD007 datePublished 2025-01-11T09:00:00+09:00 differs from front matter date 2025-01-10 09:00:00 +0900 (1 day apart)"
    ]
    assert findings[0].fix is not None and findings[0].fix.safety is FixSafety.UNSAFE
    fixed = apply(source, findings[0])
    assert '"datePublished": "2025-01-10T09:00:00+09:00"' in fixed and check(fixed, ["LD007"]) == []


def test_ld007_modified_and_order() -> None:
    source = post(
        ld(
            FULL,
            datePublished="2025-01-10T09:00:00+09:00",
            dateModified="2025-01-09T09:00:00+09:00",
        ),
        front_matter="last_modified_at: 2025-01-12",
    )
    assert check(source, ["LD007"]) == [
        "14:3 LD007 dateModified 2025-01-09T09:00:00+09:00 differs from front matter last_modified_at 2025-01-12 (3 days apart)",
        "14:3 LD007 dateModified 2025-01-09T09:00:00+09:00 is before datePublished 2025-01-10T09:00:00+09:00",
    ]


def test_ld007_toml_front_matter_dates() -> None:
    source = (
        '+++\ntitle = "Static site SEO"\ndate = 2025-01-10T09:00:00+09:00\n+++\n\nBody.\n\n'
        '<script type="application/ld+json">\n'
        '{"@context": "https://schema.org", "@type": "BlogPosting", "datePublished": "2025-01-10T01:00:00Z"}\n'
        "</script>\n"
    )
    assert check(source, ["LD007"], path="content/posts/seo.md") == [
        (
            "9:60 LD007 datePublished 2025-01-10T01:00:00Z differs from front matter date "
            "2025-01-10T09:00:00+09:00 (1 hour apart)"
        )
    ]


def test_ld007_day_comparisons_and_file_name_date() -> None:
    # A date alone is a day in the site timezone: 2025-01-10T20:00Z is the 11th in Tokyo.
    source = post(
        ld(FULL, datePublished="2025-01-10T20:00:00Z", dateModified=None),
        front_matter="date: 2025-01-11",
    )
    assert check(source, ["LD007"], timezone="Asia/Tokyo") == []
    assert check(source, ["LD007"], timezone="UTC") == [
        "13:3 LD007 datePublished 2025-01-10T20:00:00Z differs from front matter date 2025-01-11 (1 day apart)"
    ]
    unreadable = post(ld(FULL, datePublished="2025-01-09"), front_matter="date: soon")
    assert check(unreadable, ["LD007"]) == []  # the front matter rules report the date
    no_date = post(ld(FULL, datePublished="2025-01-09"))
    assert check(no_date, ["LD007"]) == [
        "13:3 LD007 datePublished 2025-01-09 differs from file name date 2025-01-10 (1 day apart)"
    ]


# --- LD008 ------------------------------------------------------------------------------


def author(name: Any, kind: str | None = "Person") -> str:
    value: Any = (
        name if kind is None else {"@type": kind, "name": name, "url": "https://example.com/a"}
    )
    return ld(FULL, author=value)


def test_ld008_name_differs_from_front_matter() -> None:
    source = post(author("SampleWorks", "Organization"), front_matter='author: "SampleWorks AI"')
    assert check(source, ["LD008"]) == [
        '15:40 LD008 author name "SampleWorks" differs from front matter author "SampleWorks AI"'
    ]
    same = post(
        author("ＳａｍｐｌｅＷｏｒｋｓ AI", "Organization"), front_matter='author: "SampleWorks AI"'
    )
    assert check(same, ["LD008"]) == []


def test_ld008_site_author_and_handles() -> None:
    source = post(author("Jane Doe"))
    assert check(source, ["LD008"], site={"author": {"name": "John Roe"}}) == [
        '15:34 LD008 author name "Jane Doe" differs from site author "John Roe"'
    ]
    assert check(post(author("Jane Doe"), front_matter="author: jdoe"), ["LD008"]) == []


@pytest.mark.parametrize(
    ("name", "kind", "problem"),
    [
        ("Jane Doe and John Roe", "Person", "holds 2 names (give each author its own Person)"),
        ("Jane Doe & John Roe", None, "holds 2 names (give each author its own Person)"),
        ("山田太郎、佐藤花子", "Person", "holds 2 names (give each author its own Person)"),
        ("山田太郎・佐藤花子", "Person", "holds 2 names (give each author its own Person)"),
        ("Jane Doe, John Roe", "Person", "holds 2 names (give each author its own Person)"),
        ("By Jane Doe", "Person", 'starts with "By" (write the name alone)'),
        ("文：山田太郎", "Person", 'starts with "文：" (write the name alone)'),
        ("Jane Doe, CEO", "Person", 'holds a job title "CEO" (put it in jobTitle)'),
        ("山田太郎（代表取締役）", "Person", 'holds a job title "代表取締役" (put it in jobTitle)'),
    ],
)
def test_ld008_name_problems(name: str, kind: str | None, problem: str) -> None:
    findings = [
        line for line in check(post(author(name, kind)), ["LD008"]) if "plain text" not in line
    ]
    assert [line.split(" ", 2)[2] for line in findings] == [
        f"author name {json.dumps(name, ensure_ascii=False)} {problem}"
    ]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("ジョン・スミス", "Person"),  # a katakana name is one name
        ("Doe, Jane", "Person"),
        ("Jane Doe, Jr.", "Person"),
        ("Johnson & Johnson", "Organization"),
        ("Editor Labs", "Organization"),
        ("Andrea Anderson", "Person"),
        ("Jane Y Smith", "Person"),
        ("Byron Smith", "Person"),
    ],
)
def test_ld008_near_misses(name: str, kind: str) -> None:
    assert check(post(author(name, kind)), ["LD008"]) == []


def test_ld008_author_types() -> None:
    assert check(post(author("Jane Doe", "Thing")), ["LD008"]) == [
        "15:15 LD008 author @type is Thing (expected Person or Organization)"
    ]
    assert check(post(ld(FULL, author={"name": "Jane Doe"})), ["LD008"]) == [
        "15:3 LD008 author has no @type (expected Person or Organization)"
    ]
    assert check(post(ld(FULL, author="Jane Doe"), front_matter="author: John Roe"), ["LD008"]) == [
        "15:3 LD008 author is plain text (expected a Person or Organization with a name)",
        '15:3 LD008 author name "Jane Doe" differs from front matter author "John Roe"',
    ]


# --- LD009 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "2025-12-31T01:49:14.123Z",
        "2025-01-10T09:00:00+09:00",
        "2025-01-10T09:00+0900",
        "2025-01-10",
    ],
)
def test_ld009_iso_values_pass(value: str) -> None:
    assert check(post(ld(FULL, datePublished=value)), ["LD009"]) == []


def test_ld009_missing_timezone_and_not_iso() -> None:
    assert check(
        post(ld(FULL, datePublished="2025-01-10T09:00:00")), ["LD009"], timezone="Asia/Tokyo"
    ) == [
        (
            '13:3 LD009 datePublished "2025-01-10T09:00:00" is missing a timezone '
            "(2025-01-10T09:00:00+09:00 in the site timezone Asia/Tokyo)"
        )
    ]
    assert check(post(ld(FULL, dateModified="2025-01-10 09:00:00 +0900")), ["LD009"]) == [
        '14:3 LD009 dateModified "2025-01-10 09:00:00 +0900" is not an ISO 8601 date (expected 2025-01-10T09:00:00+09:00)'
    ]
    assert check(post(ld(FULL, dateModified="2025/01/10")), ["LD009"]) == [
        '14:3 LD009 dateModified "2025/01/10" is not an ISO 8601 date'
    ]


def test_ld009_nested_dates_and_liquid() -> None:
    video = '{"@context": "https://schema.org", "@type": "BlogPosting", "video": {"@type": "VideoObject", "uploadDate": "2025-01-10T09:00"}}'
    assert check(post(video), ["LD009"]) == [
        '8:94 LD009 uploadDate "2025-01-10T09:00" is missing a timezone (2025-01-10T09:00:00+00:00 in the site timezone UTC)'
    ]
    liquid = ld(
        FULL, datePublished="{{ page.date | date_to_xmlschema }}", dateModified="{{ page.date }}"
    )
    assert check(post(liquid, front_matter="date: 2025-01-10 09:00:00"), ["LD009"]) == []


# --- LD010 ------------------------------------------------------------------------------


def test_ld010_two_articles() -> None:
    two_blocks = post('{"@context": "https://schema.org", "@type": "BlogPosting"}') + (
        '\n<script type="application/ld+json">\n{"@context": "https://schema.org", "@type": "NewsArticle"}\n</script>\n'
    )
    assert check(two_blocks, ["LD010"]) == [
        "12:36 LD010 second Article-type entity for this post: NewsArticle (the first, BlogPosting, is at line 8)"
    ]
    graph = '{"@context": "https://schema.org", "@graph": [{"@type": "Article"}, {"@type": ["BlogPosting"]}]}'
    assert check(post(graph), ["LD010"]) == [
        "8:70 LD010 second Article-type entity for this post: BlogPosting (the first, Article, is at line 8)"
    ]


def test_ld010_website_and_blogposting_in_a_graph_is_fine() -> None:
    graph = '{"@context": "https://schema.org", "@graph": [{"@type": "WebSite"}, {"@type": "BlogPosting"}]}'
    assert check(post(graph), ["LD010"]) == []


def test_ld010_jekyll_seo_tag_already_emits_one() -> None:
    fm = 'title: "Static site SEO"\ndate: 2025-01-10T09:00:00+09:00'
    source = post(ld(FULL, author={"@type": "Person", "name": "Jane Doe"}), front_matter=fm)
    assert check(source, ["LD010"], site=JEKYLL_SEO_TAG) == [
        (
            "11:3 LD010 hand-written BlogPosting duplicates the BlogPosting that jekyll-seo-tag emits for this post "
            "(they differ in author)"
        )
    ]
    assert check(source, ["LD010"], site={"plugins": ["jekyll-feed"]}) == []
    page = post('{"@context": "https://schema.org", "@type": "Article"}')
    assert check(page, ["LD010"], site=JEKYLL_SEO_TAG, path="pages/contact.md") == []
    website = post('{"@context": "https://schema.org", "@type": "WebSite"}')
    assert check(website, ["LD010"], site=JEKYLL_SEO_TAG) == []


# --- LD011 ------------------------------------------------------------------------------


def test_ld011_relative_and_http_urls() -> None:
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "image": "/assets/a.jpg",
        "mainEntityOfPage": {"@type": "WebPage", "@id": "http://example.com/post/"},
        "author": {"@type": "Person", "name": "Jane", "url": "http://example.com/jane"},
        "publisher": {
            "@type": "Organization",
            "logo": {"@type": "ImageObject", "url": "//cdn.example.com/logo.png"},
        },
        "url": "",
    }
    assert check(post(json.dumps(data, indent=1)), ["LD011"], base_url="https://example.com") == [
        '11:2 LD011 image "/assets/a.jpg" is relative (use https://example.com/assets/a.jpg)',
        '14:3 LD011 mainEntityOfPage.@id "http://example.com/post/" uses http:// (use https://)',
        '19:3 LD011 author.url "http://example.com/jane" uses http:// (use https://)',
        '25:4 LD011 publisher.logo.url "//cdn.example.com/logo.png" is relative (use https://cdn.example.com/logo.png)',
        "28:2 LD011 url is empty (expected an absolute https:// URL)",
    ]
    assert check(
        post('{"@context": "https://schema.org", "@type": "BlogPosting", "image": "a.jpg"}'),
        ["LD011"],
    ) == ['8:60 LD011 image "a.jpg" is relative (use an absolute https:// URL)']


def test_ld011_liquid_urls() -> None:
    source = post(
        '{"@context": "https://schema.org", "@type": "BlogPosting", "image": "{{ site.url }}/a.jpg"}'
    )
    assert check(source, ["LD011"], site={"url": "https://example.com"}) == []
    assert check(source, ["LD011"], site={"url": "http://localhost:4000"}) == [
        '8:60 LD011 image "http://localhost:4000/a.jpg" uses http:// (use https://)'
    ]
    assert check(source, ["LD011"]) == []  # site.url unknown: not judged


# --- helpers ----------------------------------------------------------------------------


def test_dates_compare_as_instants() -> None:
    from datetime import timezone

    z = jsonld.parse_iso("2025-12-31T01:49:14.123Z", timezone.utc)
    tokyo = jsonld.parse_iso("2025-12-31T10:49:14.123+09:00", timezone.utc)
    assert z is not None and tokyo is not None and z.has_timezone
    assert jsonld.same_time(z, tokyo, timezone.utc)
    assert jsonld.parse_iso("2025-12-31 10:49:14", timezone.utc) is None
    assert jsonld.parse_iso("2025-02-30", timezone.utc) is None
    loose = jsonld.parse_loose("2025-1-5 9:05:00 -0500", timezone.utc)
    assert loose is not None and loose.iso() == "2025-01-05T09:05:00-05:00"


def test_every_ld_rule_documents_an_example_that_raises_it() -> None:
    for rule in registry.all_rules():
        if not rule.code.startswith("LD"):
            continue
        example, use_instead = re.findall(r"```markdown\n(.*?)```", rule.doc, re.DOTALL)
        path = "_posts/2025-01-10-example.md"
        assert rule.code in {f.code for f in lint(example, [rule.code], path=path)}, rule.code
        assert lint(use_instead, [rule.code], path=path) == [], rule.code


# --- robustness -------------------------------------------------------------------------

KEYS = [
    "@context",
    "@type",
    "@graph",
    "@id",
    "headline",
    "description",
    "image",
    "url",
    "logo",
    "author",
    "name",
    "sameAs",
    "datePublished",
    "dateModified",
    "mainEntityOfPage",
    "publisher",
    "uploadDate",
]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(
        [
            "https://schema.org",
            "BlogPosting",
            "Person",
            "{{ page.title }}",
            "/a.jpg",
            "2025-01-10T09:00:00",
            "2025/01/10",
            "http://x",
            "A and B",
            "",
            "{% if x %}",
        ]
    ),
    st.text(max_size=12),
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=6)
    ),
    max_leaves=30,
)


@settings(max_examples=150, deadline=None)
@given(value=JSON_VALUES, title=st.text(max_size=20))
def test_ld_rules_never_crash(value: Any, title: str) -> None:
    front_matter = f"title: {json.dumps(title)}\nauthor: Jane Doe\nimage: /b.jpg\ndate: 2025-01-10"
    source = post(json.dumps(value, ensure_ascii=False), front_matter=front_matter)
    findings = run(source, ["LD", "SL002"], site=JEKYLL_SEO_TAG, timezone="Asia/Tokyo")
    assert not [f.message for f in findings if f.code == "SL002"]
    messages = [f.message for f in findings]
    for finding in findings:
        if finding.fix is not None:  # a fix removes its finding and breaks nothing
            fixed = apply(source, finding)
            again = run(fixed, ["LD", "SL002"], site=JEKYLL_SEO_TAG, timezone="Asia/Tokyo")
            after = [f.message for f in again]
            assert after.count(finding.message) < messages.count(finding.message)
            assert not [m for m in after if m not in messages and not m.startswith("hand-written")]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab/:?#&=%[]. \tHTPS")), max_size=30),
    st.sampled_from([None, "https://example.com", "https://example.com/blog/", "http://[::1"]),
)
def test_a_url_never_differs_from_itself(url: str, base: str | None) -> None:
    # LD006 and LD010 skip url_differences for equal strings: it must find nothing there
    assert jsonld.url_differences(url, url, base) == []
