"""The kernel: front matter positions, load problems, suppressions, crash isolation."""

from __future__ import annotations

from typing import Any

from hostile.strategies import posts, token_soups
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seo_lint import document
from seo_lint.document import Document, DocumentSettings
from seo_lint.findings import Finding, Violation
from seo_lint.lint import default_rules, make_finding, one_line
from seo_lint.markdown import Block, Image


def test_unclosed_quote_points_at_the_quote(check):
    src = '---\ntitle: "Static site SEO\ndate: 2025-01-10\n---\nBody.\n'
    assert check(src, ["FM001"]) == [
        "2:8 FM001 YAML syntax error: while scanning a quoted scalar, found unexpected end of stream"
    ]


def test_url_broken_onto_its_own_line(check):
    src = "---\ntitle: x\nimage: https://example.com/a.jpg?w=1080\n&h=630\n---\nBody.\n"
    assert check(src, ["FM001"]) == [
        "4:1 FM001 YAML syntax error: while scanning an anchor, did not find expected alphabetic or numeric character"
    ]


def test_unclosed_front_matter(check):
    assert check("---\ntitle: x\n\nBody\n", ["FM001"]) == [
        "1:1 FM001 front matter opened with `---` on line 1 is never closed"
    ]


def test_post_without_front_matter_in_posts_folder(check):
    assert check("Just text.\n", ["FM001"]) == ["1:1 FM001 post has no front matter (expected `---` on line 1)"]
    assert check("---\rtitle: x\r---\r\rText.\r", ["FM001"]) == [
        "1:1 FM001 post has no front matter: its lines end with a bare CR (old Mac line breaks), which Jekyll does "
        "not read as line breaks; save it with LF"
    ]
    assert check("---\r\ntitle: x\r\n---\r\n\r\nText.\r\n", ["FM001"]) == []  # CRLF is fine
    assert check("Just text.\n", ["FM001"], path="pages/about.md") == []


def test_duplicate_key_and_non_mapping(check):
    assert check("---\ntitle: a\ntitle: b\n---\n", ["FM001"]) == [
        "3:1 FM001 duplicate key `title` (first defined on line 2)"
    ]
    assert check("---\n- a\n- b\n---\n", ["FM001"]) == [
        "2:1 FM001 front matter must be a mapping of keys to values, found a list"
    ]


def test_invalid_utf8_is_reported_and_linting_goes_on(check):
    src = "---\ntitle: ok\n---\n\ncaf\xe9 au lait\n".encode("latin-1") + b"\n---\nx: [\n"
    assert check(src, ["FILE001", "FM001"]) == [
        "5:4 FILE001 invalid UTF-8 (bytes e9 20 61 75); decoded with replacement characters"
    ]


def test_binary_and_utf16(check):
    assert check(b"\x89PNG\r\n\x1a\n\x00\x00", ["ALL"]) == ["3:1 FILE001 binary data: NUL byte at byte 8; not linted"]
    assert check("---\ntitle: x\n---\n".encode("utf-16"), ["ALL"]) == [
        "1:1 FILE001 file is UTF-16 (byte order mark); seo-lint reads UTF-8 only"
    ]


def test_positions_in_crlf_and_toml_and_json():
    doc = Document("a.md", '+++\r\ntitle = "x"\r\n[params]\r\nimage = "y.png"\r\n+++\r\nBody\r\n')
    assert doc.meta == {"title": "x", "params": {"image": "y.png"}}
    span = doc.field_span("params", "image")
    assert span is not None and doc.position(span.key_start) == (4, 1)
    doc = Document("a.md", '{\n  "title": "x",\n  "tags": ["a", "b"]\n}\nBody\n')
    assert doc.meta["tags"] == ["a", "b"] and doc.position(doc.key_span("tags")[0]) == (3, 3)
    assert doc.body == "Body\n"


def test_yaml_dates_stay_strings_and_tags_do_not_execute():
    doc = Document("a.md", "---\ndate: 2025-12-31T01:49:14.123Z\n---\n")
    assert doc.meta == {"date": "2025-12-31T01:49:14.123Z"}
    doc = Document("a.md", "---\nx: !!python/object/apply:os.system ['echo hi']\n---\n")
    assert doc.meta == {} and "could not determine a constructor" in doc.front_matter.errors[0].message


def test_positions_after_multibyte_text():
    doc = Document("a.md", "---\ntitle: 日本語\n---\n\n# 見出し\n\n本文 ![代替](https://e.com/a.png?w=1&w=2)\n")
    assert [(h.text, doc.position(h.start)) for h in doc.headings] == [("見出し", (5, 1))]
    image = doc.images[0]
    assert doc.position(image.url_start) == (7, 10) and doc.source[image.url_start : image.url_end] == image.url


def test_highlight_tags_hold_code_not_markdown(check):
    """Real Jekyll and Hugo posts show HTML templates in `{% highlight %}` and
    `{{< highlight >}}`: that HTML is code (no second H1, no <img> without alt), and what
    follows the tags is Markdown again. The escaped `{{</* highlight */>}}` is no tag."""
    src = (
        "---\ntitle: テンプレートの書き方\n---\n\n"
        "{% highlight html %}\n<h1>{{ page.title }}</h1>\n<img src=\"a.png\">\ncaseStudy構造\n{% endhighlight %}\n\n"
        "{{< highlight html >}}\n<h1 id=\"title\">{{ .Title }}</h1>\n\n<img src=\"b.png\">\n{{< /highlight >}}\n\n"
        "{{</* highlight html */>}}\n\n# 見出し\n\n<img src=\"c.png\">\n"
    )
    assert check(src, ["HD001", "IMG001", "TX003"]) == [
        '19:1 HD001 H1 "見出し" in the body is a second H1 (the layout renders the title as the H1)',
        "21:1 IMG001 <img> has no alt attribute (c.png)",
    ]
    doc = Document("_posts/2025-01-10-post.md", src)
    assert [doc.position(start) for start, _ in doc.code] == [(5, 21), (11, 23)]


def test_a_hugo_code_shortcode_holds_code(check):
    """A real Japanese Hugo site shows its layouts in its theme's `{{< code lang="html" >}}`
    shortcode: the template's `{{ .Title }}` are no placeholders and its <h1> no second H1."""
    src = (
        "---\ntitle: パーシャルテンプレート\n---\n\n"
        '{{< code lang="html" title="layouts/_default/list.html" >}}\n{{ partial "header" . }}\n\n'
        "<main>\n  <h1>{{ .Title }}</h1>\n</main>\n{{< /code >}}\n\n本文の {{ .Title }} は表示されません。\n"
    )
    assert check(src, ["HD001", "TX001"], generator="hugo") == [
        '13:5 TX001 placeholder "{{ .Title }}" in Hugo content (not rendered)',
    ]


def test_suppressions(check):
    src = "---\ntitle: a\ntitle: b\n---\n"
    assert check("<!-- seo-lint-disable-file FM001 -->\n" + src, ["FM001", "SL001"]) == []
    assert check("Hi <!-- seo-lint-disable-line FM001 -->\n", ["FM001", "SL001"], path="a.md") == [
        "1:4 SL001 `<!-- seo-lint-disable-line FM001 -->` suppresses nothing"
    ]


def test_a_crashing_rule_becomes_sl002_and_others_still_run(monkeypatch):
    from seo_lint import registry
    from seo_lint.lint import ActiveRule, lint_text

    def boom(doc, opts):
        raise ValueError("kaput")
        yield  # pragma: no cover

    fm001 = registry.get("FM001")
    broken = ActiveRule(registry.Rule("XX001", "boom", fm001.severity, fm001.fix, boom, fm001.options, "document", "t"),
                        fm001.severity, fm001.options())
    findings = lint_text("---\ntitle: a\ntitle: b\n---\n", "a.md", [broken, ActiveRule(fm001, fm001.severity, fm001.options())])
    assert [(f.code, f.message.split(" at ")[0]) for f in findings] == [
        ("SL002", "rule XX001 crashed on this file: ValueError: kaput"),
        ("FM001", "duplicate key `title` (first defined on line 2)"),
    ]


def test_html_fragments_skipped_unparsed_only_when_nothing_in_them_is_visible():
    def seen(body: str) -> tuple[list[str], list[str]]:
        doc = Document("a.md", "---\ntitle: x\n---\n\n" + body)
        return [block.text for block in doc.html.blocks], [image.url for image in doc.html.images]

    assert seen('<script type="application/ld+json">\n{"@type": "Thing"}\n</script>\n') == ([], [])
    assert seen("<!-- a note -->\n") == ([], [])
    # html.parser ends a script at `</ script>`: what follows is visible
    assert seen("<script>x</ script><p>shown</p></script>\n") == (["shown"], [])
    assert seen('<script type="x">a</script><p>after</p>\n') == (["after"], [])
    assert seen('<!-- a --> <img src="a.png" alt="x"> <!-- b -->\n') == ([], ["a.png"])


def _plain_prose_blocks(doc: Document) -> list[Block]:
    """The definition: every block copied with its runs cut around Liquid tags and bare URLs."""
    cuts = document._Cuts(sorted(doc.liquid))
    result = []
    for block in doc.blocks:
        runs = [piece for run in block.runs for piece in document._cut(run, cuts)]
        if runs:
            result.append(Block(block.kind, block.start, block.end, runs, block.level, block.anchor))
    return result


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(posts() | token_soups())
def test_prose_blocks_are_the_cut_blocks(source: str) -> None:
    """Blocks with nothing to cut are shared with `blocks`, not copied: the same values."""
    doc = Document("_posts/2025-01-10-a.md", source)
    assert doc.prose_blocks == _plain_prose_blocks(doc)


_MESSAGE_CHARS = st.sampled_from(list("ab 導\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029\t\x00\u200b\xa0\u3000é"))


@settings(max_examples=400, deadline=None)
@given(st.text(_MESSAGE_CHARS, max_size=20), st.text(_MESSAGE_CHARS, max_size=20),
       st.integers(-3, 25), st.integers(-3, 25))
def test_make_finding_is_the_plain_definition(source: str, message: str, start: int, end: int) -> None:
    """The fast path (a printable message is kept as it is; an empty span is looked up
    once) gives the finding the plain definition gives, field for field."""
    doc = Document("_posts/2025-01-10-a.md", source)
    active = default_rules(["TX006"])[0]
    finding = make_finding(doc, active, Violation(start, end, message))
    first = max(0, min(start, len(source)))
    last = max(first, min(end, len(source)))
    plain = Finding(doc.path, *doc.position(first), *doc.position(last), active.rule.code, active.rule.name,
                    active.severity, one_line(message), None, first, last)
    assert vars(finding) == vars(plain)


def _plain_front_matter_images(doc: Document) -> list[Image]:
    """The definition: every configured field looked up key by key, present or not."""
    found = []
    for dotted in doc.settings.image_fields:
        path = tuple(dotted.split("."))
        value: Any = doc.meta
        for part in path:
            value = value.get(part) if isinstance(value, dict) else None
        values = value if isinstance(value, list) else [value]
        for index, item in enumerate(values):
            if not isinstance(item, str) or not item.strip():
                continue
            key_path: tuple[str | int, ...] = path + ((index,) if isinstance(value, list) else ())
            span = doc.front_matter.field_span(*key_path)
            if span is None:
                continue
            at = doc.source.find(item, span.value_start, span.value_end)
            url_start, url_end = (at, at + len(item)) if at != -1 else document._unquoted(doc.source, span)
            alt = doc._front_matter_alt(path)
            found.append(Image(item, alt, span.key_start, span.value_end, url_start, url_end, "front-matter", key=dotted))
    return found


_IMAGE_VALUES = st.sampled_from(["a.png", "'b.jpg'", '"c d.webp"', "", "1", "null", "[x.png, 2, '']", "{url: e.png}"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["image", "header", "cover", "images", "thumbnail", "alt", "title"]),
                          _IMAGE_VALUES, st.sampled_from(["", "image", "og_image", "alt", "teaser"])),
                max_size=5, unique_by=lambda field: field[0]),
       st.sampled_from([None, ("image", "header.image", "cover.url", "images", "alt.teaser", "", "x..y")]))
def test_front_matter_images_are_the_plain_definition(fields: list[tuple[str, str, str]], image_fields: Any) -> None:
    """Fields the post does not set are skipped before being looked up: the same images."""
    lines = []
    for key, value, child in fields:
        lines.append(f"{key}:\n  {child}: {value}" if child else f"{key}: {value}")
    settings = DocumentSettings() if image_fields is None else DocumentSettings(image_fields=image_fields)
    doc = Document("_posts/2025-01-10-a.md", "---\n" + "\n".join(lines) + "\n---\n\nText.\n", settings)
    assert doc.front_matter_images == _plain_front_matter_images(doc)
