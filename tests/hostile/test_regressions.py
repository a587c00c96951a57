"""Regression tests for the bugs that the hostile corpus, the property tests and the fuzzer found.

Each test names the input that failed and pins the exact findings now produced.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

Check = Callable[..., list[str]]


def test_front_matter_after_a_utf8_bom_is_read(check: Check) -> None:
    """The fence patterns are anchored with `^`, which did not match after a BOM: the front
    matter of every post saved "UTF-8 with BOM" was ignored (and FM001 blamed blank lines)."""
    assert check("\ufeff---\ntitle: x\n---\n\nBody.\n", ["FM001", "MT001"]) == [
        "2:1 MT001 title is 1 characters long (min 30 for en)"
    ]
    assert check('\ufeff+++\r\ntitle = "x"\r\n+++\r\n\r\nBody.\r\n', ["FM001", "MT001"]) == [
        "2:1 MT001 title is 1 characters long (min 30 for en)"
    ]
    assert check("\ufeff\n---\ntitle: x\n---\n", ["FM001"]) == [
        "2:1 FM001 front matter must start on line 1 (blank lines before `---`)"
    ]


def test_control_character_in_yaml_is_one_line_at_its_position(check: Check) -> None:
    """libyaml's ReaderError (a control character) is not a MarkedYAMLError: the message had
    two lines and pointed at the start of the front matter; its position is in UTF-8 bytes."""
    assert check("---\ntitle: 日本\x07\n---\n", ["FM001"]) == [
        "2:10 FM001 YAML syntax error: control characters are not allowed (U+0007)"
    ]
    assert check("---\n\x1b\n---\n", ["FM001"]) == [
        "2:1 FM001 YAML syntax error: control characters are not allowed (U+001B)"
    ]


def test_a_message_quoting_a_line_break_is_one_line(check: Check) -> None:
    """Found by the fuzzer: TX001 quoted a leaked `---\\nlayout` with its line break, which
    split the finding over two lines in every line-oriented format."""
    assert check("---\ntitle: A\n---\n\nText ---\nlayout: post\n", ["TX001"]) == [
        '5:6 TX001 placeholder "--- layout" in prose'
    ]


def test_deeply_nested_front_matter_is_one_fm001_not_a_crash_of_every_rule(check: Check) -> None:
    """YAML nested ~990 levels (libyaml allows 1000) or TOML nested ~500 levels exhausted the
    Python stack while indexing or parsing the front matter: every rule reported SL002."""
    deep_flow = "---\ntitle: a\nx: " + "[" * 990 + "]" * 990 + "\n---\n\nBody.\n"
    deep_block = "---\ntitle: a\n" + "".join(" " * i + "k:\n" for i in range(990)) + "---\n\nBody.\n"
    deep_toml = '+++\ntitle = "a"\nx = ' + "[" * 5000 + "]" * 5000 + "\n+++\n\nBody.\n"
    message = "FM001 front matter is nested more than 100 levels deep"
    assert check(deep_flow, ["FM001", "SL002"], dedent=False) == [f"3:104 {message}"]
    assert check(deep_block, ["FM001", "SL002"], dedent=False) == [f"104:102 {message}"]
    assert check(deep_toml, ["FM001", "SL002"], dedent=False) == [f"2:1 {message}"]
    for source in (deep_flow, deep_block, deep_toml):
        assert not [line for line in check(source, None, dedent=False) if " SL002 " in line]
    # 100 levels are still read.
    assert check("---\ntitle: a\nx: " + "[" * 99 + "]" * 99 + "\n---\n", ["FM001"], dedent=False) == []


def _raw_spans(source: str, select: list[str]) -> list[tuple[str, int, int]]:
    """The rules' own (code, start, end), before the engine clamps them into the file."""
    from seo_lint.lint import default_rules
    from seo_lint.load import document_from_bytes

    doc = document_from_bytes("_posts/2025-01-10-post.md", source.encode("utf-8"))
    return [(a.rule.code, v.start, v.end) for a in default_rules(select) for v in a.rule.check(doc, a.options)]


def test_spans_at_the_end_of_the_file_stay_inside_it() -> None:
    """Found by the property tests and the fuzzer: an error at the very end of the file
    pointed one character past it (JSON front matter `{`, an unclosed JSON-LD script), and a
    finding about a missing key in JSON front matter spanned three characters from `{`."""
    assert _raw_spans("{", ["FM001", "MT002"]) == [("FM001", 1, 1)]  # MT002 leaves it to FM001
    assert _raw_spans('{"title": "x"}\n\nBody.\n', ["MT002"]) == [("MT002", 0, 1)]
    source = '---\ntitle: x\n---\n\n<script type="application/ld+json">{"a":'
    assert _raw_spans(source, ["LD001"]) == [("LD001", len(source), len(source))]


def test_a_file_that_is_not_linted_is_not_summarised_for_site_rules() -> None:
    """A post with a NUL byte is reported "binary data ... not linted", yet its front matter
    (read up to the NUL) took part in site rules: it got MT004 and counted as a duplicate."""
    from seo_lint.lint import check_site, default_rules, summarize
    from seo_lint.load import document_from_bytes
    from seo_lint.registry import Site

    post = b"---\ntitle: The same title in two posts\n---\n\nText"
    names = ["_posts/2025-01-10-a.md", "_posts/2025-01-11-b.md"]
    binary = summarize(document_from_bytes(names[0], post + b"\x00more\n"))
    normal = summarize(document_from_bytes(names[1], post + b"\n"))
    assert binary.data == {}
    assert check_site(Site([binary, normal], frozenset(names)), default_rules(["MT004"])) == []


def test_toml_error_at_the_end_points_at_the_closing_fence(check: Check) -> None:
    """tomllib says "(at end of document)" without a line: the finding pointed at line 2."""
    source = '+++\ntitle = "A post"\ntags = ["a",\n+++\n\nBody.\n'
    assert check(source, ["FM001"]) == ["4:1 FM001 TOML syntax error: Invalid value (at the end of the front matter)"]


def test_an_invalid_ipv6_host_is_reported_not_a_crash(check: Check) -> None:
    """Found by the fuzzer: `urlsplit("http://[x")` raises ValueError; IMG005 and LNK004
    crashed (SL002), and a configured site URL like that silently dropped the links summary."""
    source = '---\ntitle: a\n---\n\n![a](http://[x/a.png) [b](http://[y/) <a href="http://[::1">x</a>\n'
    assert check(source, ["IMG005", "LNK004", "SL002"]) == [
        "5:6 IMG005 image URL uses insecure http:// ([x)",
        "5:27 LNK004 link uses http:// ([y); use https://",
        "5:48 LNK004 link uses http:// ([::1); use https://",
    ]


def test_an_invalid_site_url_does_not_drop_the_links_summary() -> None:
    from seo_lint import registry
    from seo_lint.document import DocumentSettings
    from seo_lint.load import document_from_bytes

    doc = document_from_bytes("_posts/2025-01-10-a.md", b"---\ntitle: a\n---\n\n[x](/a/)\n",
                              DocumentSettings(base_url="http://[bad"))
    assert registry.summarizers()["links"](doc) is not None  # raised ValueError


def test_no_format_sends_a_posts_control_characters_to_the_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A title, keyword or URL with ESC/BEL (terminal escape sequences) reached the GitHub
    annotations raw; every format must show them escaped (or encoded, in JSON and XML)."""
    import re

    from click.testing import CliRunner

    from seo_lint.cli import FORMATS, cli

    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2025-01-10-a.md").write_text(
        # YAML escapes (`\\e`, `\\a`) put ESC and BEL in the values; the body has them raw.
        '---\ntitle: "TODO \\e]0;PWNED\\a \\e[31mred"\nkeywords: ["\\e[2J harbour"]\n'
        'image: "http://x\\e[31m.com/a.png"\n---\n\nText TODO \x1b[2J about the \x9bharbour.\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    controls = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
    for fmt in FORMATS:
        result = CliRunner().invoke(cli, ["--isolated", "--no-color", "--format", fmt, "--select", "ALL"])
        assert result.exit_code == 1, (fmt, result.stderr)
        assert not controls.findall(result.stdout + result.stderr), fmt


def test_an_invalid_site_url_is_not_a_crash(check: Check) -> None:
    """Found by the long property run: `urljoin` raises on a base URL with an invalid IPv6
    host (a typo in `_config.yml`'s url): IMG006 and the JSON-LD URL rules crashed."""
    source = (
        "---\ntitle: A\nimage: /a.png\n---\n\n<img src=/a.png> ![x](/a.png)\n\n"
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting", '
        '"image": "/a.png", "url": "/p/", "headline": "A"}</script>\n'
    )
    settings = {"generator": "jekyll", "base_url": "http://[bad", "site": {"url": "http://[x"}}
    assert check(source, ["IMG006", "LD011", "SL002"], dedent=False, **settings) == [
        "6:1 IMG006 featured image (front matter `image`, line 3) is repeated in the body (a.png)",
        "6:18 IMG006 featured image (front matter `image`, line 3) is repeated in the body (a.png)",
        '8:95 LD011 image "/a.png" is relative (use an absolute https:// URL)',
        '8:114 LD011 url "/p/" is relative (use an absolute https:// URL)',
    ]
    assert [line for line in check(source, None, dedent=False, **settings) if " SL002 " in line] == []


def test_html_the_parser_rejects_is_read_as_a_browser_does(check: Check) -> None:
    """Found by the fuzzer: html.parser rejects `<![` followed by no name (`<![- x -->`);
    BeautifulSoup raised ParserRejectedMarkup and every rule reading the HTML crashed."""
    source = '---\ntitle: A\n---\n\n<div><![- seo-lint -->\n<img src="/a.png">\n<h2></h2></div>\n'
    assert check(source, ["SL002", "IMG001", "HD004"], dedent=False) == [
        "6:1 IMG001 <img> has no alt attribute (a.png)",
        "7:1 HD004 H2 has no text",
    ]


def test_a_utc_offset_of_a_day_or_more_is_not_a_date(check: Check) -> None:
    """Found by the fuzzer: `+29:00` made `datetime.timezone` raise ValueError; FM004 crashed."""
    assert check("---\ntitle: A\ndate: 2025-01-10T09:00:00+29:00\n---\n\nBody.\n", ["FM004", "SL002"]) == [
        ("3:1 FM004 date `2025-01-10T09:00:00+29:00` is not a date "
        "(expected YYYY-MM-DD, optionally with HH:MM:SS and an offset)")
    ]


def test_a_date_at_the_end_of_time_is_not_a_date(check: Check) -> None:
    """Found by the property tests: moving 9999-12-31T23:59:59-12:00 to the site's zone
    overflowed (OverflowError): FM004 crashed and the links summary was silently dropped."""
    from seo_lint import registry
    from seo_lint.document import DocumentSettings
    from seo_lint.load import document_from_bytes

    source = '---\ntitle: A\ndate: "9999-12-31T23:59:59-12:00"\n---\n\nBody.\n'
    assert check(source, ["FM004", "SL002"], timezone="Asia/Tokyo") == [
        ("3:1 FM004 date `9999-12-31T23:59:59-12:00` is not a date "
        "(expected YYYY-MM-DD, optionally with HH:MM:SS and an offset)")
    ]
    doc = document_from_bytes("_posts/2025-01-10-a.md", source.encode(), DocumentSettings(timezone="Asia/Tokyo"))
    assert registry.summarizers()["links"](doc) is not None
