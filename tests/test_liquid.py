"""seo_lint.liquid: plain `page.X` / `site.X` outputs are resolved, everything else is opaque."""

from __future__ import annotations

import pytest

from seo_lint import liquid
from seo_lint.liquid import OPAQUE, Output, Scope

SCOPE = Scope(
    page={
        "title": "ＡＩ入門",
        "tags": ["ai", "seo"],
        "image": {"path": "/assets/a.png"},
        "date": "2025-01-10 09:00:00 +0900",
        "draft": False,
        "count": 3,
        "subtitle": None,
        "my-key": "hyphen",
    },
    site={"url": "https://example.com", "author": {"name": "Jane Doe"}, "title": "Example"},
)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("{{ page.title }}", Output(("page", "title"))),
        ("{{-page.title-}}", Output(("page", "title"))),
        ("{{ page.tags[1] }}", Output(("page", "tags", 1))),
        ("{{ site.author['name'] }}", Output(("site", "author", "name"))),
        ('{{ page["my-key"] }}', Output(("page", "my-key"))),
        ("{{ page.title | jsonify }}", Output(("page", "title"), ("jsonify",))),
        ("{{ page.title | strip | escape }}", Output(("page", "title"), ("strip", "escape"))),
        ('{{ page.date | date: "%Y" }}', None),  # a filter with an argument
        ('{{ "text" }}', None),  # a literal
        ("{{ page.title + 1 }}", None),
        ("{% if page.title %}", None),
        ("{{ }}", None),
    ],
)
def test_parse_output(tag: str, expected: Output | None) -> None:
    assert liquid.parse_output(tag) == expected


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{{ page.title }}", "ＡＩ入門"),
        ("{{ site.url }}{{ page.image.path }}", "https://example.com/assets/a.png"),
        ("by {{ site.author.name }}!", "by Jane Doe!"),
        ("{{ page.tags[0] }}", "ai"),
        ("{{ page.tags[-1] }}", "seo"),
        ("{{ page.draft }}/{{ page.count }}", "false/3"),
        ("[{{ page.subtitle }}]", "[]"),  # nil prints nothing
        ("{{ page.my-key }}", "hyphen"),
        ("no tags at all", "no tags at all"),
    ],
)
def test_render_resolves_plain_paths(template: str, expected: str) -> None:
    assert liquid.render(template, SCOPE) == expected


@pytest.mark.parametrize(
    "template",
    [
        "{{ page.date }}",  # Jekyll renders a Time with Ruby's to_s, not as written
        "{{ page.url }}",  # computed by Jekyll, absent from the front matter
        "{{ page.tags }}",  # an array prints its items run together
        "{{ page.image }}",  # a hash
        "{{ page.tags[5] }}",
        "{{ page.title | escape }}",  # a filter
        "{{ post.title }}",  # a loop variable
        "{{ site.posts }}",
        "{% if page.title %}{{ page.title }}{% endif %}",
        "{{ page.title }} {{ page.missing }}",  # one unknown tag makes the whole text unknown
    ],
)
def test_render_is_opaque_for_anything_else(template: str) -> None:
    assert liquid.render(template, SCOPE) is OPAQUE


def test_lookup_returns_the_value_itself() -> None:
    assert liquid.lookup(("page", "tags"), SCOPE) == ["ai", "seo"]
    assert liquid.lookup(("site", "author", "name"), SCOPE) == "Jane Doe"
    assert liquid.lookup(("layout", "title"), SCOPE) is OPAQUE
    assert liquid.lookup(("page", "title", "x"), SCOPE) is OPAQUE


def test_toml_datetimes_are_opaque() -> None:
    from datetime import datetime

    scope = Scope(page={"date": datetime(2025, 1, 10, 9, 0)})
    assert liquid.render("{{ page.date }}", scope) is OPAQUE
