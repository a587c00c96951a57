"""Hypothesis strategies for post-like texts, shared by the property and fuzz tests.

Two families:
- `token_soups`: concatenations of the syntax that matters to the parsers (fences, heading
  marks, image and link brackets, HTML tags, JSON-LD, Liquid, line endings, CJK, emoji and
  combining characters) mixed with arbitrary text. Cheap, and good at finding crashes.
- `posts`: structured posts (front matter in YAML, TOML or JSON, then headings, paragraphs,
  images, links, JSON-LD, code, lists) with hostile text inside every value.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

#: Characters that sit around every span: emoji (with skin tone and ZWJ), combining marks,
#: CJK, full-width forms, zero-width and bidi controls, a lone CR, the replacement character.
ODD = [
    "👍🏽", "👩‍💻", "🇯🇵", "e\u0301", "\u0301", "が", "か\u3099", "日本語", "ＡＩ５", "、", "。", "「", "」",
    "\u200b", "\u200d", "\ufeff", "\u202e", "\r", "\ufffd", "\x00", "\x07", "\u2028", "ß", "İ", "ﬁ",
]

SYNTAX = [
    "---\n", "+++\n", "---\r\n", "\n", "\r\n", "\n\n", "# ", "## ", "### ", "####### ", "#", "\\", "`", "```\n",
    "~~~\n", "    ", "\t", "> ", "- ", "* ", "1. ", "| a | b |\n|---|---|\n", "![", "[", "]", "](", ")", "(",
    "]: ", "<", ">", "<img src=\"", "\" alt=\"", "\">", "<img src=/a.png>", "<a href=\"", "</a>", "<h2>", "</h2>",
    "<h1 id=\"x\">", "</h1>", "<p>", "</p>", "<![", "<![- ", "<![CDATA[", "]]>", "<!x", "<!DOCTYPE html>", "<?php ", "</", "<picture><source srcset=\"a.png 1x, b.png 2x\">", "<!--", "-->",
    "<!-- seo-lint-disable-line -->", "<!-- seo-lint-disable IMG001 -->", "<!-- seo-lint-enable -->",
    "<!-- seo-lint-disable-next-line MT001,KW -->", "<script type=\"application/ld+json\">", "</script>",
    "<script>", "<style>", "{", "}", "[", "]", ",", ":", "\"", "'", "\"@context\": \"https://schema.org\"",
    "\"@type\": \"BlogPosting\"", "\"@graph\": [", "\"image\": ", "\"headline\": ", "\"datePublished\": ",
    "\"@id\": \"#a\"", "{% post_url 2025-01-10-x %}", "{% if x %}", "{% endif %}", "{{ page.title }}", "{{",
    "}}", "{%", "%}", "http://", "https://", "https://example.com/a.png?w=1&w=2", "http://[", ":99999", "mailto:a@b.c", "?", "&",
    "&amp;", "&#x1F600;", "&nbsp;", "=", "title: ", "description: ", "image: ", "date: ", "tags: [", "lang: ja",
    "keywords: [", "&a ", "*a", "!!python/object/apply:os.system", "<<: ", "TODO", "〇%", "5つの",
    "ステップ1", "caseStudy", "Click here", "image", "画像", "  \n", "...", "…", "1", "2025-01-10",
    "2025-13-45T25:61:00+09:00", "null", "true", "-1e999", " ",
]


def text_pieces(max_size: int = 6) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(SYNTAX),
        st.sampled_from(ODD),
        st.text(max_size=max_size),
        st.text(st.characters(codec="utf-8"), max_size=max_size),
    )


def token_soups(max_size: int = 60) -> st.SearchStrategy[str]:
    """Arbitrary text built mostly from markup tokens."""
    return st.lists(text_pieces(), max_size=max_size).map("".join)


# --- structured posts --------------------------------------------------------------------


def _words() -> st.SearchStrategy[str]:
    word = st.one_of(
        st.sampled_from(
            ["static", "site", "SEO", "Jekyll", "Hugo", "image", "click", "here", "caseStudy", "the", "a",
             "中小企業", "DX", "入門", "ステップ", "成功事例", "です", "ます", "AI活用", "画像", "こちら", "〇〇"]
        ),
        st.sampled_from(ODD),
        st.text(min_size=1, max_size=8),
    )
    return st.lists(word, min_size=0, max_size=12).map(" ".join)


def _sentence() -> st.SearchStrategy[str]:
    return st.tuples(_words(), st.sampled_from(["", ".", "。", "!", "！", "…", ":"])).map("".join)


def _url() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(
            ["https://cdn.example.com/a.png?w=1080&w=1200", "http://example.com/b.jpg", "/images/c.webp",
             "images/d.png", "", "#", "{{ site.url }}/e.png", "https://例え.jp/画像.png", "//x.test/f.gif",
             "https://example.com/a b.png", "javascript:alert(1)", "https://example.com/%zz", "a\\)b",
             "http://[x/a.png", "https://[::1]:99999/a.png", "http://example.com:abc/a.png", "http://"]
        ),
        st.text(max_size=10),
    )


def _yaml_scalar(value: str) -> st.SearchStrategy[str]:
    return st.sampled_from([json.dumps(value, ensure_ascii=False), value, f"'{value}'", f'"{value}'])


@st.composite
def _front_matter(draw: st.DrawFn) -> str:
    fmt = draw(st.sampled_from(["yaml", "yaml", "toml", "json", "none", "broken"]))
    fields: dict[str, Any] = {}
    keys = ["title", "description", "image", "date", "lang", "tags", "keywords", "seo_keywords", "author",
            "slug", "last_modified_at", "reading_time", "layout", "categories", "image_alt", "featured"]
    for key in draw(st.lists(st.sampled_from(keys), max_size=8, unique=True)):
        if key in ("tags", "keywords", "seo_keywords", "categories"):
            fields[key] = draw(st.lists(_words(), max_size=3))
        elif key == "image":
            fields[key] = draw(st.one_of(_url(), st.fixed_dictionaries({"path": _url(), "alt": _words()})))
        elif key in ("date", "last_modified_at"):
            fields[key] = draw(st.sampled_from(["2025-01-10", "2025-12-30T09:00:00+09:00", "2025-13-45",
                                                "yesterday", "2025-01-10 10:00:00 +0900", "",
                                                "2025-01-10T09:00:00+29:00", "2025-01-10 25:61:61 -99:99",
                                                "9999-12-31T23:59:59-12:00", "0001-01-01", "2025-02-29"]))
        elif key == "lang":
            fields[key] = draw(st.sampled_from(["ja", "en", "en-US", "zh-Hant", "", "xx"]))
        elif key == "reading_time":
            fields[key] = draw(st.one_of(st.integers(-5, 100), st.text(max_size=4)))
        elif key == "featured":
            fields[key] = draw(st.booleans())
        else:
            fields[key] = draw(_sentence())
    nl = draw(st.sampled_from(["\n", "\r\n"]))
    if fmt == "none":
        return ""
    if fmt == "json":
        return json.dumps(fields, ensure_ascii=draw(st.booleans()), indent=2).replace("\n", nl) + nl + nl
    if fmt == "toml":
        lines = [f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in fields.items() if not isinstance(v, dict)]
        return "+++" + nl + nl.join(lines) + nl + "+++" + nl + nl
    lines = []
    for key, value in fields.items():
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines.extend(f"  {k}: {draw(_yaml_scalar(str(v)))}" for k, v in value.items())
        elif isinstance(value, list):
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
        elif isinstance(value, (bool, int)):
            lines.append(f"{key}: {json.dumps(value)}")
        else:
            lines.append(f"{key}: {draw(_yaml_scalar(value))}")
    if fmt == "broken":
        lines.append(draw(st.sampled_from(["title: \"cut", "- item", "key: [1, 2", "&x a: *y", "\tbad: tab", ""])))
    return "---" + nl + nl.join(lines) + nl + ("---" if fmt != "broken" or draw(st.booleans()) else "") + nl + nl


def _json_ld_value() -> st.SearchStrategy[Any]:
    scalars = st.one_of(
        st.sampled_from(["BlogPosting", "Article", "Person", "https://schema.org", "2025-01-10",
                         "http://example.com/a.png", "/rel.png", "#a", "{{ page.title }}"]),
        st.text(max_size=8), st.integers(), st.none(), st.booleans(),
    )
    keys = st.sampled_from(["@context", "@type", "@graph", "@id", "headline", "description", "image", "url",
                            "author", "name", "datePublished", "dateModified", "logo", "publisher", "sameAs"])
    return st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                         st.dictionaries(keys, inner, max_size=5)), max_leaves=20)


@st.composite
def _block(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["p", "p", "h", "img", "html-img", "link", "html-link", "ld", "code", "list",
                                 "html", "liquid", "quote", "table", "soup"]))
    if kind == "p":
        return " ".join(draw(st.lists(_sentence(), min_size=1, max_size=4)))
    if kind == "h":
        return "#" * draw(st.integers(1, 7)) + " " + draw(_words())
    if kind == "img":
        return f"![{draw(_words())}]({draw(_url())})"
    if kind == "html-img":
        alt = draw(st.one_of(st.none(), _words()))
        alt_attr = "" if alt is None else f' alt="{alt}"'
        return f'<img src="{draw(_url())}"{alt_attr}>'
    if kind == "link":
        return f"[{draw(_words())}]({draw(_url())})"
    if kind == "html-link":
        return f'<a href="{draw(_url())}">{draw(_words())}</a>'
    if kind == "ld":
        body = json.dumps(draw(_json_ld_value()), ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 2])))
        if draw(st.booleans()):
            body = body[: draw(st.integers(0, len(body)))]  # cut off
        return f'<script type="application/ld+json">\n{body}\n</script>'
    if kind == "code":
        return "```\n" + draw(_words()) + "\n```"
    if kind == "list":
        return "\n".join(f"{draw(st.sampled_from(['-', '*', '1.', '  -']))} {draw(_words())}"
                         for _ in range(draw(st.integers(1, 4))))
    if kind == "html":
        return f"<div><p>{draw(_sentence())}</p><h3>{draw(_words())}</h3></div>"
    if kind == "liquid":
        return draw(st.sampled_from(["{% post_url 2025-01-10-x %}", "{% include a.html %}", "{{ page.title }}",
                                     "{% raw %}{{ x }}{% endraw %}", "{% if a %}", "{{"]))
    if kind == "quote":
        return "> " + draw(_sentence())
    if kind == "table":
        return f"| {draw(_words())} | b |\n|---|---|\n| {draw(_words())} | c |"
    return draw(token_soups(20))


@st.composite
def posts(draw: st.DrawFn) -> str:
    """A post: front matter (YAML, TOML, JSON, none or broken), then blocks of every kind."""
    front = draw(_front_matter())
    blocks = draw(st.lists(_block(), max_size=10))
    separator = draw(st.sampled_from(["\n\n", "\r\n\r\n", "\n", "\n\r\n"]))
    body = separator.join(blocks)
    if "\r\n" in front and draw(st.booleans()):
        body = body.replace("\n", "\r\n").replace("\r\r\n", "\r\n")
    return front + body + draw(st.sampled_from(["", "\n", "\r\n", "\r"]))


def any_text() -> st.SearchStrategy[str]:
    """Every kind of input the property tests try: soups, posts, and raw text (surrogates too)."""
    return st.one_of(
        token_soups(),
        posts(),
        st.text(max_size=200),
        st.text(st.characters(categories=["Cs", "Cc", "Zs", "Mn", "So", "Lo"]), max_size=50),
    )
