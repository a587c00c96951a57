"""Front matter field rules: unknown keys, dates, reading time, empty values (FM003–FM006)."""

from __future__ import annotations

import textwrap
from typing import Any

from seo_lint import registry
from seo_lint.document import DocumentSettings
from seo_lint.findings import Finding, FixSafety
from seo_lint.lint import ActiveRule, lint_text


def findings(source: str, code: str, options: dict[str, Any] | None = None,
             path: str = "_posts/2025-01-10-post.md", **settings: Any) -> list[Finding]:
    rule = registry.get(code)
    assert rule is not None
    active = [ActiveRule(rule, rule.severity, registry.build_options(rule, options))]
    return lint_text(textwrap.dedent(source).lstrip("\n"), path, active, DocumentSettings(**settings))


def run(source: str, code: str, options: dict[str, Any] | None = None,
        path: str = "_posts/2025-01-10-post.md", **settings: Any) -> list[str]:
    return [f"{f.line}:{f.column} {f.code} {f.message}" for f in findings(source, code, options, path, **settings)]


# --- FM003 front-matter-unknown-key -----------------------------------------------------------


def test_fm003_misspelt_keys_get_a_suggestion_and_an_unsafe_rename() -> None:
    source = """
        ---
        titel: "Guide"
        Description: "Text."
        seo-keywords: [a]
        layuot: post
        dat: 2025-01-10
        ---

        Body.
    """
    assert run(source, "FM003") == [
        "2:1 FM003 unknown key `titel` (did you mean `title`?)",
        "3:1 FM003 unknown key `Description` (did you mean `description`?)",
        "4:1 FM003 unknown key `seo-keywords` (did you mean `seo_keywords`?)",
        "5:1 FM003 unknown key `layuot` (did you mean `layout`?)",
        "6:1 FM003 unknown key `dat` (did you mean `date`?)",
    ]
    first = findings(source, "FM003")[0]
    assert first.fix is not None and first.fix.safety is FixSafety.UNSAFE
    assert [(e.start, e.end, e.replacement) for e in first.fix.edits] == [(4, 9, "title")]


def test_fm003_quoted_key_is_renamed_inside_its_quotes() -> None:
    source = '---\n"titel": "Guide"\n---\n\nBody.\n'
    fix = findings(source, "FM003")[0].fix
    assert fix is not None and [(e.start, e.end, e.replacement) for e in fix.edits] == [(5, 10, "title")]


def test_fm003_no_fix_when_the_suggested_key_exists() -> None:
    source = """
        ---
        title: "Guide"
        tittle: "Guide"
        ---
    """
    found = findings(source, "FM003")
    assert [f.message for f in found] == ["unknown key `tittle` (did you mean `title`?)"]
    assert found[0].fix is None


def test_fm003_near_misses() -> None:
    source = """
        ---
        title: "Guide"
        images: [a.png]
        authors: [Ann]
        category: news
        instinct: territorial
        featured: true
        data: x
        url: /a/
        ---
    """
    # Known keys and plurals are fine; `data` (4 letters) is one edit from `date` and is reported.
    assert run(source, "FM003") == ["8:1 FM003 unknown key `data` (did you mean `date`?)"]
    assert run(source, "FM003", {"known-keys": ["data"]}) == []


def test_fm003_a_known_key_with_a_word_added_is_a_key_of_its_own() -> None:
    """A real headless-CMS post dates itself with `publishedAt`: two edits from `published`,
    but a word added, not a typo; the unsafe rename to `published` (Jekyll's publish switch)
    would have changed what the key means. A real typo still gets its suggestion."""
    source = """
        ---
        title: "Guide"
        publishedAt: 2014-06-15T00:00:00.000Z
        date_gmt: 2014-06-15
        title-ja: ガイド
        summery: Function
        publish: true
        ---
    """
    # `publish` is Quartz's and Obsidian Publish's switch (a real Quartz note), not `published`.
    assert run(source, "FM003") == ["6:1 FM003 unknown key `summery` (did you mean `summary`?)"]


def test_fm003_nested_keys_where_the_schema_describes_the_object() -> None:
    source = """
        ---
        title: "Guide"
        image:
          path: /a.png
          altt: "A chart"
        author:
          nmae: Ann
        ---
    """
    assert run(source, "FM003") == [
        "5:3 FM003 unknown key `image.altt` (did you mean `alt`?)",
        "7:3 FM003 unknown key `author.nmae` (did you mean `name`?)",
    ]


def test_fm003_strict_user_schema_reports_every_unknown_key() -> None:
    schema = {
        "type": "object",
        "properties": {"title": {"type": "string"}, "date": {"type": "string"}},
        "patternProperties": {"^x-": {}},
        "additionalProperties": False,
    }
    source = """
        ---
        title: "Guide"
        titel: "Guide"
        layout: post
        x-custom: 1
        ---
    """
    assert run(source, "FM003", {"schema": schema}) == [
        "3:1 FM003 unknown key `titel` (did you mean `title`?)",
        "4:1 FM003 key `layout` is not in the schema, which allows no other keys",
    ]


def test_fm003_hugo_keys_are_case_insensitive() -> None:
    source = """
        ---
        Title: "Guide"
        PublishDate: 2025-01-10
        ---
    """
    assert run(source, "FM003", generator="hugo") == []
    assert run(source, "FM003") == [
        "2:1 FM003 unknown key `Title` (did you mean `title`?)",
        "3:1 FM003 unknown key `PublishDate` (did you mean `publishDate`?)",
    ]


def test_fm003_broken_front_matter_is_left_to_fm001() -> None:
    assert run('---\ntitel: "x\n---\n', "FM003") == []


# --- FM004 front-matter-date ----------------------------------------------------------------


def date_post(value: str, key: str = "date") -> str:
    return f"---\ntitle: t\n{key}: {value}\n---\n\nBody.\n"


def test_fm004_unreadable_dates() -> None:
    assert run(date_post("31/12/2025"), "FM004") == [
        "3:1 FM004 date `31/12/2025` is not a date (expected YYYY-MM-DD, optionally with HH:MM:SS and an offset)"
    ]
    assert run(date_post("2025-13-01"), "FM004") == [
        "3:1 FM004 date `2025-13-01` is not a date (expected YYYY-MM-DD, optionally with HH:MM:SS and an offset)"
    ]
    assert run(date_post("yesterday", "lastmod"), "FM004") == [
        "3:1 FM004 lastmod `yesterday` is not a date (expected YYYY-MM-DD, optionally with HH:MM:SS and an offset)"
    ]


def test_fm004_readable_forms() -> None:
    for value in ("2025-01-10", "2025-01-10 09:00", "2025-01-10 09:00:00 +0900", "2025-01-10T09:00:00+09:00",
                  "2025-01-10T01:49:14.123Z", '"2025-01-10 10:00:00 UTC"'):
        assert run(date_post(value), "FM004") == [], value


def test_fm004_the_month_name_dates_of_astros_blog_template() -> None:
    """Astro's blog template (and a real Japanese Astro blog) writes `pubDate: 'Jul 08 2022'`,
    which Astro's date coercion reads: FM004 said it was not a date."""
    for value in ("'Jul 08 2022'", '"Aug 16 2025"', "July 8, 2022", "Sept 1 2020"):
        assert run(date_post(value, "pubDate"), "FM004") == [], value
    assert run(date_post("Feb 30 2020", "pubDate"), "FM004") == [
        "3:1 FM004 pubDate `Feb 30 2020` is not a date (expected YYYY-MM-DD, optionally with HH:MM:SS and an offset)"
    ]
    assert run(date_post("Ma 5 2020", "pubDate"), "FM004") == [
        "3:1 FM004 pubDate `Ma 5 2020` is not a date (expected YYYY-MM-DD, optionally with HH:MM:SS and an offset)"
    ]


def test_fm004_file_name_date_in_the_site_timezone() -> None:
    path = "_posts/2025-12-31-ai.md"
    # 01:49 UTC is 10:49 in Tokyo: the same day.
    assert run(date_post("2025-12-31T01:49:14.123Z"), "FM004", path=path, timezone="Asia/Tokyo") == []
    # 20:00 UTC on the 30th is already the 31st in Tokyo.
    assert run(date_post("2025-12-30T20:00:00Z"), "FM004", path="_posts/2025-12-30-ai.md",
               timezone="Asia/Tokyo") == [
        "3:1 FM004 date `2025-12-30T20:00:00Z` is 2025-12-31 05:00 in Asia/Tokyo, not 2025-12-30 as in the file name"
    ]
    assert run(date_post("2025-12-30T20:00:00Z"), "FM004", path="_posts/2025-12-30-ai.md") == []


def test_fm004_date_without_offset_is_in_the_site_timezone() -> None:
    assert run(date_post("2025-01-10 23:30"), "FM004", timezone="Asia/Tokyo") == []
    assert run(date_post("2025-01-09"), "FM004") == [
        "3:1 FM004 date `2025-01-09` is 2025-01-09 00:00 in UTC, not 2025-01-10 as in the file name"
    ]


def test_fm004_hugo_and_undated_file_names_are_not_compared() -> None:
    assert run(date_post("2025-01-09"), "FM004", generator="hugo") == []
    assert run(date_post("2025-01-09"), "FM004", path="content/posts/guide.md") == []


def test_fm004_future_date() -> None:
    path = "_posts/2999-01-01-later.md"
    found = run(date_post("2999-01-01"), "FM004", path=path)
    assert len(found) == 1 and found[0].startswith("3:1 FM004 date `2999-01-01` is in the future (")
    assert found[0].endswith(" days ahead); Jekyll does not publish it unless `future: true`")
    assert run(date_post("2999-01-01"), "FM004", path=path, site={"future": True}) == []
    assert run(date_post("2999-01-01"), "FM004", {"future": False}, path=path) == []


def test_fm004_the_last_day_datetime_knows_is_a_date() -> None:
    # A theme's demo post dates itself 9999-12-31 to stay on top: a future date, not "not a date".
    # A moment that cannot move to the site's zone (UTC here) is still refused, without a crash.
    path = "_posts/9999-12-31-pinned.md"
    found = run(date_post("9999-12-31"), "FM004", path=path)
    assert len(found) == 1 and found[0].startswith("3:1 FM004 date `9999-12-31` is in the future (")
    assert run(date_post("9999-12-31 23:30:00 -10:00"), "FM004", path=path) == [
        "3:1 FM004 date `9999-12-31 23:30:00 -10:00` is not a date"
        " (expected YYYY-MM-DD, optionally with HH:MM:SS and an offset)"
    ]


def test_fm004_future_date_is_info_unless_the_config_sets_a_severity() -> None:
    from seo_lint import registry
    from seo_lint.findings import Severity
    from seo_lint.lint import ActiveRule, lint_text
    from seo_lint.document import DocumentSettings

    path = "_posts/2999-01-01-later.md"
    (finding,) = findings(date_post("2999-01-01"), "FM004", None, path)
    assert finding.severity is Severity.INFO
    rule = registry.get("FM004")
    overridden = ActiveRule(rule, Severity.ERROR, rule.options())
    (finding,) = lint_text(date_post("2999-01-01"), path, [overridden], DocumentSettings())
    assert finding.severity is Severity.ERROR


def test_fm004_toml_dates() -> None:
    source = '+++\ntitle = "t"\ndate = 2025-01-10T09:00:00+09:00\nlastmod = 2025-01-11\n+++\n\nBody.\n'
    assert run(source, "FM004") == []


# --- FM005 reading-time -----------------------------------------------------------------------


def reading(minutes: str, body: str) -> str:
    return f"---\ntitle: t\nreading_time: {minutes}\n---\n\n{body}\n"


JA_2000 = "静的サイトの画像を軽くする手順を順番に説明します。" * 80  # 25 × 80 = 2,000 characters: 4 minutes


def test_fm005_japanese_by_characters() -> None:
    assert run(reading("4", JA_2000), "FM005") == []
    assert run(reading("5", JA_2000), "FM005") == []  # 1 minute off: allowed
    assert run(reading("6", JA_2000), "FM005") == [
        "3:1 FM005 reading_time is 6 minutes, but the text reads in about 4 (2,000 characters at 500 a minute)"
    ]


def test_fm005_thirty_percent_of_a_long_estimate() -> None:
    body = JA_2000 * 5  # 10,000 characters: 20 minutes; 30 % = 6 minutes
    assert run(reading("14", body), "FM005") == []
    assert run(reading("13", body), "FM005") == [
        "3:1 FM005 reading_time is 13 minutes, but the text reads in about 20 (10,000 characters at 500 a minute)"
    ]


def test_fm005_english_by_words_and_string_values() -> None:
    body = "Short pages load fast and read well. " * 66  # 462 words: about 2 minutes
    assert run(reading('"2 min"', body), "FM005") == []
    assert run(reading("8", body), "FM005") == [
        "3:1 FM005 reading_time is 8 minutes, but the text reads in about 2 (462 words at 230 a minute)"
    ]
    assert run(reading('"soon"', body), "FM005") == ["3:1 FM005 reading_time `soon` is not a number of minutes"]


def test_fm005_a_boolean_is_a_switch_not_a_duration() -> None:
    """A popular Jekyll theme's posts say `read_time: true` to show the reading time the
    theme computes: no duration is declared, so there is nothing to compare (it was "`True`
    is not a number of minutes")."""
    body = "Short pages load fast and read well. " * 66
    assert run(reading("true", body).replace("reading_time", "read_time"), "FM005") == []
    assert run(reading("false", body), "FM005") == []


def test_fm005_options() -> None:
    assert run(reading("5", JA_2000), "FM005", {"rate": {"ja": 400}}) == []
    assert run(reading("4", JA_2000), "FM005", {"rate": {"ja": 1000}, "min-minutes": 0.5, "max-ratio": 0.1}) == [
        "3:1 FM005 reading_time is 4 minutes, but the text reads in about 2 (2,000 characters at 1000 a minute)"
    ]
    assert run(reading("", JA_2000), "FM005") == []


# --- FM006 empty-field ----------------------------------------------------------------------


def test_fm006_empty_values_at_their_keys() -> None:
    source = """
        ---
        title: "Guide"
        description: ""
        tags: []
        author:
        image:
          path: /a.png
          alt: "  "
        categories: ["", news]
        seo: {}
        layout: null
        ---
    """
    assert run(source, "FM006") == [
        "3:1 FM006 `description` is an empty string",
        "4:1 FM006 `tags` is an empty list",
        "5:1 FM006 `author` is null",
        "8:3 FM006 `image.alt` is an empty string",
        "9:14 FM006 `categories[0]` is an empty string",
        "10:1 FM006 `seo` is an empty mapping",
    ]


def test_fm006_ignore_option_and_near_misses() -> None:
    source = """
        ---
        title: "Guide"
        draft: false
        weight: 0
        description: "Text."
        layout:
        ---
    """
    assert run(source, "FM006") == []
    assert run(source, "FM006", {"ignore": []}) == ["6:1 FM006 `layout` is null"]
