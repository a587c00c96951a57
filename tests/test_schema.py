"""FM002 front-matter-schema and the packaged default schema."""

from __future__ import annotations

import json
import textwrap
from typing import Any

import pytest
from conftest import lines
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from seo_lint import registry
from seo_lint.document import DocumentSettings
from seo_lint.lint import ActiveRule, lint_text
from seo_lint.rules.schema import MAX_FINDINGS, _show
from seo_lint.schema import QuickCheck, check_schema, load_default, load_default_page

POST = "_posts/2025-01-10-post.md"
DATE_HINT = (
    'is not a "date", a "date-time" or a Jekyll date-time '
    "(e.g. 2025-01-10, 2025-01-10T09:00:00+09:00 or 2025-01-10 09:00:00 +0900)"
)


def fm002(
    source: str, schema: dict[str, Any] | None = None, path: str = POST, dedent: bool = True, generator: str = "generic"
) -> list[str]:
    """FM002 alone, with the default schema or `schema` injected as the config shell does."""
    rule = registry.get("FM002")
    assert rule is not None
    options = registry.build_options(rule, {"schema": schema} if schema is not None else None)
    text = textwrap.dedent(source).lstrip("\n") if dedent else source
    settings = DocumentSettings(generator=generator)
    return lines(lint_text(text, path, [ActiveRule(rule, rule.severity, options)], settings))


# --- the default schema --------------------------------------------------------------------


def test_default_schema_is_valid_packaged_and_cached() -> None:
    schema = load_default()
    assert check_schema(schema) is None
    Draft202012Validator.check_schema(schema)
    assert schema is load_default()
    assert schema["required"] == ["title", "date"]
    assert schema["additionalProperties"] is True
    assert "required" not in load_default_page()


def test_check_schema_names_the_problem() -> None:
    assert check_schema({"type": "strin"}) == (
        "invalid JSON Schema at type: 'strin' is not valid under any of the given schemas"
    )
    assert check_schema([1]) == "a JSON Schema must be an object, found list"


def test_valid_english_post_has_no_findings() -> None:
    assert fm002("""
        ---
        title: "Static site SEO in 2025"
        date: 2025-01-10
        last_modified_at: 2025-01-12T08:30:00+00:00
        description: "A checklist."
        image:
          path: /assets/seo.png
          alt: "A checklist"
        tags: [seo, jekyll]
        categories: seo
        author: {name: "Dana"}
        keywords: "static site seo"
        lang: en
        draft: false
        permalink: /seo/
        ---

        Body.
    """) == []


def test_missing_title_is_reported_at_the_opening_fence() -> None:
    assert fm002("""
        ---
        date: 2025-12-31T09:00:00+09:00
        description: "中小企業のDXを小さく始める方法です。"
        ---

        本文です。
    """) == ['1:1 FM002 $: required key "title" is missing']


def test_missing_title_and_date_are_two_findings() -> None:
    assert fm002("---\nlayout: post\n---\nBody\n", path="content/posts/post.md") == [
        '1:1 FM002 $: required key "date" is missing',
        '1:1 FM002 $: required key "title" is missing',
    ]


def test_empty_front_matter_in_a_post_misses_both_keys() -> None:
    assert fm002("---\n---\nBody\n", path="content/posts/post.md") == [
        '1:1 FM002 $: required key "date" is missing',
        '1:1 FM002 $: required key "title" is missing',
    ]


def test_a_post_takes_its_date_from_its_file_name() -> None:
    """Real Jekyll sites (a theme's demo posts, a language site's news) and a Japanese
    Docusaurus blog leave `date` out: Jekyll dates `_posts/2025-01-10-slug.md` from its name,
    Docusaurus (and Eleventy) `blog/2025-01-10-slug.md`. The title is still required, and a
    `date` key must still be a date."""
    assert fm002("---\nlayout: post\n---\nBody\n") == ['1:1 FM002 $: required key "title" is missing']
    assert fm002("---\ntitle: T\n---\nBody\n", path="ja/news/_posts/2004-12-25-release.md") == []
    assert fm002("---\ntitle: T\n---\n", path="blog/2023-05-15-houdini.md") == []
    assert fm002("---\ntitle: T\ndate: soon\n---\n") == [f'3:1 FM002 $.date: "soon" {DATE_HINT}']
    # Hugo does not read the name (unless its front matter settings say so).
    assert fm002("---\ntitle: T\n---\n", path="content/posts/2025-01-10-post.md", generator="hugo") == [
        '1:1 FM002 $: required key "date" is missing'
    ]


def test_an_empty_key_is_unset_for_the_default_schema() -> None:
    """Real posts leave keys of their template empty (`categories:` in a Japanese Jekyll post,
    `lastmod:` in a Japanese Hugo post): FM006 reports an empty key; FM002 also called it an
    error ("null is not of type string"). A required key left empty is still missing; a
    configured schema still sees the null."""
    assert fm002("---\ntitle: T\ndate: 2024-06-23\nlastmod:\ncategories:\n---\n") == []
    assert fm002("---\ntitle:\ndate: 2024-06-23\n---\n") == ['1:1 FM002 $: required key "title" is missing']
    strict = {"type": "object", "properties": {"lastmod": {"type": "string"}}}
    assert fm002("---\nlastmod:\n---\n", schema=strict) == ['2:1 FM002 $.lastmod: null is not of type "string"']


def test_a_post_dated_by_publish_date_or_pub_date() -> None:
    """A real Astro blog (zh-TW) dates posts with `publishDate`, as Hugo's default front
    matter configuration also reads it when `date` is absent; Astro's template uses `pubDate`."""
    assert fm002("---\ntitle: T\npublishDate: \"2026-04-03\"\n---\n", path="src/content/blog/p.md") == []
    assert fm002("---\ntitle: T\npubDate: 2026-04-03\n---\n", path="src/content/blog/p.md") == []
    assert fm002("---\ntitle: T\npublishDate: 2026-04-03\n---\n", path="content/posts/p.md", generator="hugo") == []
    assert fm002("---\ntitle: T\nupdatedDate: 2026-04-03\n---\n", path="src/content/blog/p.md") == [
        '1:1 FM002 $: required key "date" is missing'
    ]
    # A real Japanese Astro blog (a Fuwari-style theme) dates posts with `published`; Jekyll's
    # and Zenn's `published: true/false` is a switch and dates nothing.
    assert fm002("---\ntitle: T\npublished: 2018-08-01\n---\n", path="src/content/blog/p.md") == []
    assert fm002("---\ntitle: T\npublished: true\n---\n", path="src/content/blog/p.md") == [
        '1:1 FM002 $: required key "date" is missing'
    ]
    assert fm002("---\ntitle: T\ndate: 2018-08-01\npublished: soon\n---\n") == [
        f'4:1 FM002 $.published: "soon" {DATE_HINT}'
    ]


def test_empty_title() -> None:
    assert fm002('---\ntitle: ""\ndate: 2025-01-10\n---\n') == ['2:1 FM002 $.title: "" is 0 characters long (min 1)']


def test_bad_date_is_reported_at_its_key_with_the_value_and_the_expected_forms() -> None:
    assert fm002("""
        ---
        title: "AI活用の成功事例"
        date: 2025-13-45
        ---
    """) == [f'3:1 FM002 $.date: "2025-13-45" {DATE_HINT}']


@pytest.mark.parametrize(
    "date",
    [
        "2025-12-31T01:49:14.123Z",
        "2025-12-31 10:00:00 +0900",
        "2025-12-31 10:00:00 +09:00",
        "2025-12-31 10:00",
        "2025-12-31T10:00:00",
        "'2025-12-31'",
        '"2025-12-31T10:00:00+09:00"',
    ],
)
def test_accepted_date_forms(date: str) -> None:
    assert fm002(f"---\ntitle: T\ndate: {date}\nlast_modified_at: {date}\n---\n") == []


@pytest.mark.parametrize(
    ("date", "shown"),
    [
        ("2025-02-30", '"2025-02-30"'),  # no such day
        ("2025-12-31T25:00:00Z", '"2025-12-31T25:00:00Z"'),
        ("2025-12-31 10:00:00 JST", '"2025-12-31 10:00:00 JST"'),
        ("31/12/2025", '"31/12/2025"'),
    ],
)
def test_rejected_date_forms(date: str, shown: str) -> None:
    assert fm002(f"---\ntitle: T\ndate: {date}\n---\n") == [f"3:1 FM002 $.date: {shown} {DATE_HINT}"]


def test_date_that_is_not_a_string_is_a_type_error() -> None:
    assert fm002("---\ntitle: T\ndate: 2025\n---\n") == ['3:1 FM002 $.date: 2025 is not of type "string"']


def test_tags_as_a_number() -> None:
    assert fm002("""
        ---
        title: T
        date: 2025-01-10
        tags: 5
        ---
    """) == ["4:1 FM002 $.tags: 5 is not a string or an array of strings"]


def test_a_wrong_item_in_a_list_is_reported_at_the_item() -> None:
    assert fm002("""
        ---
        title: T
        date: 2025-01-10
        tags: [seo, 5, true]
        categories:
          - 成功事例
          - {name: x}
        ---
    """) == [
        '4:13 FM002 $.tags[1]: 5 is not of type "string"',
        '4:16 FM002 $.tags[2]: true is not of type "string"',
        '7:5 FM002 $.categories[1]: {"name": "x"} is not of type "string"',
    ]


def test_image_and_author_objects() -> None:
    assert fm002("""
        ---
        title: T
        date: 2025-01-10
        image: 5
        author:
          name: 42
        ---
    """) == [
        "4:1 FM002 $.image: 5 is not a string or an object",
        '6:3 FM002 $.author.name: 42 is not of type "string"',
    ]


def test_unknown_keys_are_allowed_by_the_default_schema() -> None:
    assert fm002("---\ntitle: T\ndate: 2025-01-10\nmotive: belonging\nreading_time: 9\n---\n") == []


def test_pages_that_are_not_posts_need_no_date_but_keep_the_types() -> None:
    page = "---\nlayout: page\ntitle: About\n---\nBody\n"
    assert fm002(page, path="about.md") == []
    assert fm002(page, path="_posts/about.md") == ['1:1 FM002 $: required key "date" is missing']
    assert fm002(page, path="blog/2025-01-10-about.md") == []  # dated by its name
    assert fm002(page, path="_drafts/new-idea.md") == []
    assert fm002(page, path="content/posts/hugo-post.md") == ['1:1 FM002 $: required key "date" is missing']
    assert fm002("---\ntitle: About\ndate: soon\n---\n", path="about.md") == [
        f'3:1 FM002 $.date: "soon" {DATE_HINT}'
    ]


def test_toml_front_matter() -> None:
    assert fm002("""
        +++
        title = "Hugo post"
        date = 2025-01-10T09:00:00+09:00
        lastmod = 2025-01-11
        +++
        Body
    """) == []
    assert fm002("""
        +++
        date = 10:00:00
        tags = ["a", 1]
        +++
        Body
    """) == [
        '1:1 FM002 $: required key "title" is missing',
        f'2:1 FM002 $.date: "10:00:00" {DATE_HINT}',
        '3:1 FM002 $.tags[1]: 1 is not of type "string"',
    ]


def test_json_front_matter() -> None:
    assert fm002('{\n  "title": "JSON post",\n  "date": "2025-01-10"\n}\nBody\n') == []
    assert fm002('{\n  "date": "nope",\n  "tags": ["a", 2]\n}\nBody\n') == [
        '1:1 FM002 $: required key "title" is missing',
        f'2:3 FM002 $.date: "nope" {DATE_HINT}',
        '3:17 FM002 $.tags[1]: 2 is not of type "string"',
    ]


def test_crlf_file_positions() -> None:
    source = "---\r\ntitle: T\r\ndate: 2025-01-10\r\ntags: 5\r\n---\r\nBody\r\n"
    assert fm002(source, dedent=False) == ["4:1 FM002 $.tags: 5 is not a string or an array of strings"]


def test_no_front_matter_or_a_syntax_error_is_left_to_fm001() -> None:
    assert fm002("Just a body.\n") == []
    assert fm002('---\ntitle: "unclosed\ndate: 2025-01-10\n---\n') == []
    assert fm002("---\ntitle: T\n") == []


# --- a user's schema -------------------------------------------------------------------------

AUTHOR_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["title", "author"],
    "properties": {
        "title": {"type": "string", "maxLength": 10},
        "author": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
        "status": {"enum": ["draft", "review", "published"]},
        "canonical": {"type": "string", "format": "uri"},
        "rating": {"type": "integer", "minimum": 1, "maximum": 5},
        "slug": {"type": "string", "pattern": "^[a-z0-9-]+$"},
        "extra": {"type": "object", "additionalProperties": False, "properties": {"ok": {}}},
    },
}


def test_custom_schema_replaces_the_default() -> None:
    # The default schema would want a date; this one wants an author instead.
    assert fm002("---\ntitle: 日本語のタイトル\n---\n", AUTHOR_SCHEMA) == [
        '1:1 FM002 $: required key "author" is missing'
    ]
    assert fm002("---\ntitle: T\nauthor: {name: Dana}\n---\n", AUTHOR_SCHEMA) == []


def test_custom_schema_keywords_have_short_messages() -> None:
    assert fm002("""
        ---
        title: "A title that is too long"
        author:
          handle: dana
        status: done
        canonical: "not a uri"
        rating: 9
        slug: "Has Spaces"
        extra: {ok: 1, nope: 2}
        ---
    """, AUTHOR_SCHEMA) == [
        '2:1 FM002 $.title: "A title that is too long" is 24 characters long (max 10)',
        '3:1 FM002 $.author: required key "name" is missing',
        '5:1 FM002 $.status: "done" is not one of "draft", "review", "published"',
        '6:1 FM002 $.canonical: "not a uri" is not a "uri"',
        "7:1 FM002 $.rating: 9 is greater than the maximum 5",
        '8:1 FM002 $.slug: "Has Spaces" does not match the pattern "^[a-z0-9-]+$"',
        '9:16 FM002 $.extra.nope: key "nope" is not allowed',
    ]


def test_validators_are_cached_per_schema_object() -> None:
    from seo_lint.rules import schema as module

    fm002("---\ntitle: T\nauthor: {name: D}\n---\n", AUTHOR_SCHEMA)
    rule = registry.get("FM002")
    assert rule is not None
    options = registry.build_options(rule, {"schema": AUTHOR_SCHEMA})
    assert module._validator(options.schema) is module._validator(options.schema)  # type: ignore[attr-defined]


# --- big and deep values -------------------------------------------------------------------


def test_long_values_are_cut_in_messages() -> None:
    long_title = "x" * 500
    assert fm002(f"---\ntitle: T\ndate: {long_title}\n---\n") == [
        f'3:1 FM002 $.date: "{"x" * 37}…" {DATE_HINT}'
    ]
    assert _show(list(range(100))) == "an array of 100 items"
    assert _show({"a": [1, 2]}) == '{"a": [1, 2]}'
    assert _show({"k": "v" * 100}) == "an object with 1 key"


def test_many_violations_are_capped() -> None:
    items = "".join(f"  - {i}\n" for i in range(MAX_FINDINGS + 30))
    found = fm002(f"---\ntitle: T\ndate: 2025-01-10\ntags:\n{items}---\n", dedent=False)
    assert len(found) == MAX_FINDINGS + 1
    assert found[0] == f"1:1 FM002 30 more schema violations not shown (first {MAX_FINDINGS} reported)"
    assert found[1] == '5:5 FM002 $.tags[0]: 0 is not of type "string"'


def test_deep_structure_with_the_default_schema() -> None:
    deep = "[" * 900 + "]" * 900
    assert fm002(f"---\ntitle: T\ndate: 2025-01-10\nnested: {deep}\n---\n", dedent=False) == []


def test_deep_structure_with_a_recursive_schema_is_reported_not_crashed() -> None:
    schema = {
        "$defs": {"node": {"type": "array", "items": {"$ref": "#/$defs/node"}}},
        "properties": {"nested": {"$ref": "#/$defs/node"}},
    }
    shallow = "---\nnested: [[[1]]]\n---\n"
    assert fm002(shallow, schema, dedent=False) == [
        '2:12 FM002 $.nested[0][0][0]: 1 is not of type "array"'
    ]
    deep = "---\nnested: " + "[" * 900 + "]" * 900 + "\n---\n"
    # Since front matter deeper than 100 levels is not read (FM001 reports it), FM002 sees none.
    assert fm002(deep, schema, dedent=False) == []


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=80),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=30,
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["title", "date", "tags", "image", "author", "x y", "ключ"]), JSON_VALUES))
def test_any_json_front_matter_gets_short_path_messages(meta: dict[str, Any]) -> None:
    source = json.dumps(meta, ensure_ascii=False) + "\nBody\n"
    for schema in (None, AUTHOR_SCHEMA):
        for line in fm002(source, schema, dedent=False):
            message = line.split(" FM002 ", 1)[1]
            assert message.startswith("$"), line
            assert len(message) < 300, line


# --- the fast path for valid front matter --------------------------------------------------

DATES = st.sampled_from(
    ["2025-01-10", "2025-01-10T09:00:00+09:00", "2025-01-10 09:00:00 +0900", "2025-01-10T09:00:00Z",
     "2025-02-30", "2025-1-10", "10/01/2025", "2025-01-10 25:00", "", "2025-01-10T09:00:00"]
)
FIELD_VALUES = JSON_VALUES | DATES | st.lists(st.text(max_size=5) | st.integers(), max_size=3)


def _validator_of(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


STRINGS = st.text(max_size=3) | st.lists(st.text(max_size=3) | st.integers(), max_size=3)
OBJECT = st.fixed_dictionaries({}, optional={"name": st.text(max_size=3) | st.integers(), "url": STRINGS})
POSTS = st.fixed_dictionaries(
    {"title": st.text(max_size=3) | st.integers(), "date": DATES | st.integers()},
    optional={"lastmod": DATES, "tags": STRINGS, "keywords": STRINGS, "image": STRINGS | OBJECT,
              "author": STRINGS | OBJECT, "draft": st.booleans() | st.text(max_size=3), "x": JSON_VALUES},
)


@settings(max_examples=400, deadline=None)
@given(POSTS | JSON_VALUES)
def test_quick_check_agrees_with_jsonschema_on_the_default_schemas(instance: Any) -> None:
    for schema in (load_default(), load_default_page()):
        validator = _validator_of(schema)
        quick = QuickCheck(schema, validator)
        assert quick.usable
        assert quick.valid(instance) == validator.is_valid(instance), instance


@pytest.mark.parametrize(
    "schema",
    [
        {"properties": {"status": {"enum": ["draft"]}}},
        {"additionalProperties": False},
        {"properties": {"a": {"$id": "https://example.com/a", "type": "string"}}},
        {"properties": {"a": {"$ref": "https://example.com/a.json"}}},
        {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object"},
        {"prefixItems": [{"type": "string"}]},
    ],
)
def test_quick_check_leaves_other_keywords_to_jsonschema(schema: dict[str, Any]) -> None:
    quick = QuickCheck(schema, _validator_of(schema))
    assert not quick.usable
    assert not quick.valid({})


def test_quick_check_proves_only_valid_instances() -> None:
    schema = {
        "$defs": {"node": {"type": "array", "items": {"$ref": "#/$defs/node"}}},
        "properties": {"nested": {"$ref": "#/$defs/node"}, "slug": {"type": "string", "pattern": "^[a-z]+$", "maxLength": 5}},
        "required": ["slug"],
    }
    quick = QuickCheck(schema, _validator_of(schema))
    assert quick.usable
    assert quick.valid({"slug": "abc", "nested": [[], [[]]]})
    assert not quick.valid({"slug": "abc", "nested": [[1]]})
    assert not quick.valid({"slug": "abcdef"})
    assert not quick.valid({"slug": "ab-c"})
    assert not quick.valid({"nested": []})
    deep: list[Any] = []
    for _ in range(3000):
        deep = [deep]
    assert not quick.valid({"slug": "a", "nested": deep})  # too deep to prove: jsonschema decides
