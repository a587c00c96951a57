"""Reporters: exact output of every format, escaping, caret alignment, SARIF validity."""

from __future__ import annotations

import io
import json
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from seo_lint import reporters
from seo_lint.findings import Finding, Fix, FixAvailability, FixSafety, Severity
from seo_lint.registry import NoOptions, Rule, all_rules
from seo_lint.reporters import ReportContext, sarif
from seo_lint.reporters import text as text_reporter
from seo_lint.reporters.text import snippet

SCHEMA = Path(__file__).parent / "data" / "sarif-2.1.0.schema.json"


def _test_rule_check(doc: Any, options: Any) -> Iterator[Any]:
    """## What it does
    Flags a test keyword.

    ## Why is this bad?
    It is a test.
    """
    yield from ()


TEST_RULE = Rule(
    "TST001",
    "test-keyword",
    Severity.WARNING,
    FixAvailability.SOMETIMES,
    _test_rule_check,
    NoOptions,
    "document",
    "tests.fake",
)

POST_A = "_posts/2025-01-10-seo.md"
POST_B = "_posts/2025-01-11-broken.md"
SOURCE_A = (
    '---\ntitle: "静的サイトのSEO\ndate: 2025-01-10\n---\n\n本文です。ＳＥＯ対策のキーワード。\n'
)

FINDINGS = [
    Finding(
        POST_A,
        2,
        8,
        2,
        18,
        "FM001",
        "front-matter-syntax",
        Severity.ERROR,
        "unclosed quoted string",
        start=11,
        end=21,
    ),
    Finding(
        POST_A,
        6,
        6,
        6,
        9,
        "TST001",
        "test-keyword",
        Severity.WARNING,
        "keyword `ＳＥＯ` appears 1 time",
        fix=Fix.replace(49, 52, "SEO", description="Use half-width"),
        start=49,
        end=52,
    ),
    Finding(
        POST_A,
        6,
        18,
        6,
        18,
        "SL001",
        "unused-suppression",
        Severity.INFO,
        "nothing to suppress",
        fix=Fix.replace(61, 61, "", FixSafety.UNSAFE),
        start=61,
        end=61,
    ),
    Finding(
        POST_B,
        1,
        1,
        1,
        1,
        "FILE001",
        "file-encoding",
        Severity.ERROR,
        "invalid UTF-8 byte 0xff at line 1, column 1",
    ),
]


def context(**kwargs: Any) -> ReportContext:
    rules = {rule.code: rule for rule in all_rules()}
    rules[TEST_RULE.code] = TEST_RULE
    values: dict[str, Any] = {
        "rules": rules,
        "sources": {POST_A: SOURCE_A},
        "files_checked": 9,
        "root": "/site",
    }
    values.update(kwargs)
    return ReportContext(**values)


def render(fmt: str, findings: list[Finding] = FINDINGS, **kwargs: Any) -> str:
    out = io.StringIO()
    reporters.get(fmt)(findings, out, context(**kwargs))
    return out.getvalue()


def test_every_format_is_registered() -> None:
    assert reporters.names() == ["concise", "github", "json", "jsonl", "junit", "sarif", "text"]


# --- text ----------------------------------------------------------------------------------

TEXT = """\
_posts/2025-01-10-seo.md
  2:8   FM001   unclosed quoted string  [front-matter-syntax]
    2 | title: "静的サイトのSEO
      |        ^^^^^^^^^^^^^^^^
  6:6   TST001  keyword `ＳＥＯ` appears 1 time  [test-keyword]
    6 | 本文です。ＳＥＯ対策のキーワード。
      |           ^^^^^^
  6:18  SL001   nothing to suppress  [unused-suppression]
    6 | 本文です。ＳＥＯ対策のキーワード。
      |                                   ^

_posts/2025-01-11-broken.md
  1:1  FILE001  invalid UTF-8 byte 0xff at line 1, column 1  [file-encoding]

Found 4 problems (2 errors, 1 warning, 1 info) in 2 files (9 files checked).
1 fixable with --fix, 1 more with --unsafe-fixes.
"""


def test_text_groups_by_file_with_source_line_caret_and_summary() -> None:
    assert render("text") == TEXT


def _cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "FW" else 1 for c in text)


def test_text_caret_lines_up_under_full_width_characters() -> None:
    """The caret starts at the cell where the span starts and is as wide as the span."""
    lines = render("text").splitlines()
    for finding in FINDINGS[:3]:
        header = next(
            i
            for i, line in enumerate(lines)
            if line.startswith(f"  {finding.line}:{finding.column} ")
        )
        source, caret = lines[header + 1], lines[header + 2]
        assert source == f"    {finding.line} | " + SOURCE_A.split("\n")[finding.line - 1]
        gutter = len(f"    {finding.line} | ")
        before = source[gutter : gutter + finding.column - 1]
        span = source[gutter + finding.column - 1 : gutter + finding.end_column - 1]
        assert caret == "      | " + " " * _cells(before) + "^" * max(1, _cells(span))


def test_snippet_counts_columns_in_code_points_and_carets_in_cells() -> None:
    assert snippet("SEOと日本語", 5, 8) == ("SEOと日本語", 5, 6)
    assert snippet("a\tb", 3, 4) == ("a    b", 5, 1)  # a tab is drawn as four spaces
    assert snippet("abc", 4, 4) == ("abc", 3, 1)  # empty span at the end of the line
    assert snippet("abc", 2, None) == ("abc", 1, 2)  # span running onto the next lines
    assert snippet("e\u0301x", 3, 4) == ("e\u0301x", 1, 1)  # a combining mark takes no cell
    assert snippet("a\x1bb", 3, 4) == ("a\\x1bb", 5, 1)  # controls are shown, never sent


def test_snippet_cuts_a_long_line_to_a_window_around_the_span() -> None:
    line = "長" * 100 + "KEY" + "長" * 100
    shown, pad, caret = snippet(line, 101, 104)
    assert shown == "..." + "長" * 20 + "KEY" + "長" * 38 + "..."
    assert (pad, caret) == (43, 3)
    assert _cells(shown) <= 120 + 6


def test_text_summary_wording() -> None:
    info = [replace(FINDINGS[2], fix=None)]
    assert render("text", info, sources={}).splitlines()[-1] == (
        "Found 1 problem (1 info) in 1 file (9 files checked)."
    )
    assert render("text", [], files_checked=9) == "All checked! (9 files)\n"
    assert (
        render("text", [], files_checked=1, fixed=3) == "Fixed 3 problems.\nAll checked! (1 file)\n"
    )
    assert render("text", FINDINGS[:2], fixed=1).splitlines()[-3:] == [
        "Fixed 1 problem.",
        "Found 2 problems (1 error, 1 warning) in 1 file (9 files checked).",
        "1 fixable with --fix.",
    ]


def test_text_fix_hints() -> None:
    unsafe_only = FINDINGS[2:3]
    assert render("text", unsafe_only).splitlines()[-1] == "1 fixable with --fix --unsafe-fixes."
    assert render("text", FINDINGS, unsafe_fixes=True).splitlines()[-1] == "2 fixable with --fix."
    assert (
        render("text", FINDINGS, show_fix_hint=False)
        .splitlines()[-1]
        .startswith("Found 4 problems")
    )


def test_text_without_source_prints_no_snippet() -> None:
    assert render("text", FINDINGS[:1], sources={}) == (
        "_posts/2025-01-10-seo.md\n"
        "  2:8  FM001  unclosed quoted string  [front-matter-syntax]\n"
        "\n"
        "Found 1 problem (1 error) in 1 file (9 files checked).\n"
    )


def test_text_never_interprets_markup_or_control_characters() -> None:
    finding = replace(FINDINGS[3], message="[bold]x[/bold] :smile:\nnext \x1b[31mred")
    output = render("text", [finding])
    assert "  1:1  FILE001  [bold]x[/bold] :smile:\\nnext \\x1b[31mred  [file-encoding]\n" in output
    assert "\x1b" not in output


def test_text_colour_only_when_asked_and_output_is_deterministic() -> None:
    plain = render("text")
    assert "\x1b" not in plain and plain == render("text")
    assert render("text", FINDINGS[:2], color=True) == (
        "\x1b[1;4m_posts/2025-01-10-seo.md\x1b[0m\n"
        "  \x1b[2m2:8\x1b[0m  \x1b[1;31mFM001\x1b[0m   unclosed quoted string  "
        "\x1b[2m[front-matter-syntax]\x1b[0m\n"
        '    \x1b[34m2 |\x1b[0m title: "静的サイトのSEO\n'
        "      \x1b[34m|\x1b[0m        \x1b[1;31m^^^^^^^^^^^^^^^^\x1b[0m\n"
        "  \x1b[2m6:6\x1b[0m  \x1b[33mTST001\x1b[0m  keyword `ＳＥＯ` appears 1 time  "
        "\x1b[2m[test-keyword]\x1b[0m\n"
        "    \x1b[34m6 |\x1b[0m 本文です。ＳＥＯ対策のキーワード。\n"
        "      \x1b[34m|\x1b[0m           \x1b[33m^^^^^^\x1b[0m\n"
        "\n"
        "\x1b[1mFound 2 problems (1 error, 1 warning) in 1 file (9 files checked).\x1b[0m\n"
        "1 fixable with --fix.\n"
    )
    assert render("text", color=True) == render("text", color=True)


def test_text_colour_is_what_rich_console_print_writes() -> None:
    """The fast colour path writes the same bytes as `Console.print`, line for line."""
    lines = text_reporter._file(POST_A, FINDINGS[:3], SOURCE_A)
    tally = text_reporter.Tally(unsafe_fixes=False)
    tally.add(FINDINGS)
    lines += text_reporter._summary(tally, context(fixed=2))
    fast, slow = io.StringIO(), io.StringIO()
    text_reporter._emit(lines, fast, text_reporter.console(fast, True))
    screen = text_reporter.console(slow, True)
    for line in lines:
        screen.print(line)
    assert fast.getvalue() == slow.getvalue()


def test_text_never_wraps_long_lines() -> None:
    finding = replace(FINDINGS[3], message="x" * 500)
    assert f"  1:1  FILE001  {'x' * 500}  [file-encoding]\n" in render("text", [finding])


STATISTICS = [
    *FINDINGS,
    replace(FINDINGS[1], line=7),
    replace(FINDINGS[1], line=8, fix=None),
    replace(FINDINGS[0], line=9),
]


def test_text_statistics_prints_only_the_table() -> None:
    assert render("text", STATISTICS, statistics=True) == (
        "3  TST001   [*] test-keyword\n"
        "2  FM001        front-matter-syntax\n"
        "1  FILE001      file-encoding\n"
        "1  SL001    [-] unused-suppression\n"
    )
    assert render("text", [], statistics=True) == "All checked! (9 files)\n"


# --- concise -------------------------------------------------------------------------------


def test_concise() -> None:
    assert render("concise") == (
        "_posts/2025-01-10-seo.md:2:8: FM001 unclosed quoted string\n"
        "_posts/2025-01-10-seo.md:6:6: TST001 keyword `ＳＥＯ` appears 1 time\n"
        "_posts/2025-01-10-seo.md:6:18: SL001 nothing to suppress\n"
        "_posts/2025-01-11-broken.md:1:1: FILE001 invalid UTF-8 byte 0xff at line 1, column 1\n"
    )
    one_line = replace(FINDINGS[3], message="a\nb")
    assert render("concise", [one_line]) == "_posts/2025-01-11-broken.md:1:1: FILE001 a\\nb\n"
    assert (
        render("concise", STATISTICS, statistics=True).splitlines()[0]
        == "3  TST001   [*] test-keyword"
    )


# --- json / jsonl --------------------------------------------------------------------------


def test_json() -> None:
    assert (
        render("json", FINDINGS[1:2])
        == """\
[
  {
    "path": "_posts/2025-01-10-seo.md",
    "line": 6,
    "column": 6,
    "end_line": 6,
    "end_column": 9,
    "code": "TST001",
    "name": "test-keyword",
    "severity": "warning",
    "message": "keyword `ＳＥＯ` appears 1 time",
    "fix": {
      "safety": "safe",
      "description": "Use half-width",
      "edits": [
        {
          "start": 49,
          "end": 52,
          "replacement": "SEO"
        }
      ]
    },
    "url": null
  }
]
"""
    )
    assert render("json", []) == "[]\n"
    parsed = json.loads(render("json"))
    assert [item["code"] for item in parsed] == ["FM001", "TST001", "SL001", "FILE001"]
    assert parsed[0]["url"] == "https://github.com/seo-lint/seo-lint/blob/main/rules/FM001.md"


def test_jsonl() -> None:
    assert render("jsonl", [FINDINGS[0], FINDINGS[2]]) == (
        '{"path":"_posts/2025-01-10-seo.md","line":2,"column":8,"end_line":2,"end_column":18,'
        '"code":"FM001","name":"front-matter-syntax","severity":"error","message":"unclosed quoted string",'
        '"fix":null,"url":"https://github.com/seo-lint/seo-lint/blob/main/rules/FM001.md"}\n'
        '{"path":"_posts/2025-01-10-seo.md","line":6,"column":18,"end_line":6,"end_column":18,'
        '"code":"SL001","name":"unused-suppression","severity":"info","message":"nothing to suppress",'
        '"fix":{"safety":"unsafe","description":"","edits":[{"start":61,"end":61,"replacement":""}]},'
        '"url":"https://github.com/seo-lint/seo-lint/blob/main/rules/SL001.md"}\n'
    )
    separators = replace(FINDINGS[3], message="a\u2028b\u2029c\x85d")
    line = render("jsonl", [separators])
    assert len(line.splitlines()) == 1 and "a\\u2028b\\u2029c\\u0085d" in line
    assert json.loads(line)["message"] == "a\u2028b\u2029c\x85d"


def test_json_statistics() -> None:
    assert json.loads(render("json", STATISTICS, statistics=True)) == [
        {"code": "TST001", "name": "test-keyword", "count": 3, "fixable": True},
        {"code": "FM001", "name": "front-matter-syntax", "count": 2, "fixable": False},
        {"code": "FILE001", "name": "file-encoding", "count": 1, "fixable": False},
        {"code": "SL001", "name": "unused-suppression", "count": 1, "fixable": False},
    ]


def test_undecodable_file_names_are_written_not_crashed_on() -> None:
    finding = replace(FINDINGS[3], path="_posts/caf\udce9.md")
    for fmt in reporters.names():
        render(fmt, [finding]).encode("utf-8")  # no lone surrogate reaches the stream


# --- github --------------------------------------------------------------------------------


def test_github_annotations_then_concise_lines() -> None:
    assert render("github") == (
        "::error file=_posts/2025-01-10-seo.md,line=2,endLine=2,col=8,endColumn=18,"
        "title=FM001 front-matter-syntax::unclosed quoted string\n"
        "::warning file=_posts/2025-01-10-seo.md,line=6,endLine=6,col=6,endColumn=9,"
        "title=TST001 test-keyword::keyword `ＳＥＯ` appears 1 time\n"
        "::notice file=_posts/2025-01-10-seo.md,line=6,endLine=6,col=18,endColumn=19,"
        "title=SL001 unused-suppression::nothing to suppress\n"
        "::error file=_posts/2025-01-11-broken.md,line=1,endLine=1,col=1,endColumn=2,"
        "title=FILE001 file-encoding::invalid UTF-8 byte 0xff at line 1, column 1\n"
        + render("concise")
    )


def test_github_escapes_data_and_properties() -> None:
    finding = Finding(
        "posts/100%, a:b.md",
        3,
        2,
        3,
        5,
        "FM001",
        "front-matter-syntax",
        Severity.WARNING,
        "50% off:\r\nline two, really",
    )
    assert render("github", [finding]).splitlines()[0] == (
        "::warning file=posts/100%25%2C a%3Ab.md,line=3,endLine=3,col=2,endColumn=5,"
        "title=FM001 front-matter-syntax::50%25 off:%0D%0Aline two, really"
    )


def test_github_omits_columns_for_a_span_over_several_lines() -> None:
    finding = replace(FINDINGS[0], end_line=4, end_column=1)
    assert render("github", [finding]).splitlines()[0] == (
        "::error file=_posts/2025-01-10-seo.md,line=2,endLine=4,"
        "title=FM001 front-matter-syntax::unclosed quoted string"
    )


# --- junit ---------------------------------------------------------------------------------

JUNIT = """\
<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="seo-lint" tests="3" failures="2">
  <testsuite name="_posts/2025-01-10-seo.md" tests="1" failures="1" errors="0" skipped="0">
    <testcase name="6:6 TST001 test-keyword" classname="_posts/2025-01-10-seo.md" \
file="_posts/2025-01-10-seo.md" line="6">
      <failure type="TST001" message="keyword `ＳＥＯ` appears 1 time">6:6 TST001 keyword `ＳＥＯ` appears 1 time</failure>
    </testcase>
  </testsuite>
  <testsuite name="_posts/2025-01-11-broken.md" tests="1" failures="1" errors="0" skipped="0">
    <testcase name="1:1 FILE001 file-encoding" classname="_posts/2025-01-11-broken.md" \
file="_posts/2025-01-11-broken.md" line="1">
      <failure type="FILE001" message="&lt;b&gt; &amp; &quot;q&quot;">1:1 FILE001 &lt;b&gt; &amp; "q"</failure>
    </testcase>
  </testsuite>
  <testsuite name="_posts/2025-01-12-clean.md" tests="1" failures="0" errors="0" skipped="0">
    <testcase name="_posts/2025-01-12-clean.md" classname="_posts/2025-01-12-clean.md" \
file="_posts/2025-01-12-clean.md" />
  </testsuite>
</testsuites>
"""


def test_junit() -> None:
    findings = [FINDINGS[1], replace(FINDINGS[3], message='<b> & "q"')]
    paths = (POST_A, POST_B, "_posts/2025-01-12-clean.md")
    output = render("junit", findings, paths=paths)
    assert output == JUNIT
    assert ET.fromstring(output.split("\n", 1)[1]).attrib == {
        "name": "seo-lint",
        "tests": "3",
        "failures": "2",
    }


def test_junit_is_valid_xml_with_control_characters() -> None:
    finding = replace(FINDINGS[3], message="bell\x07 and\nnewline")
    output = render("junit", [finding])
    failure = ET.fromstring(output.split("\n", 1)[1]).find("testsuite/testcase/failure")
    assert failure is not None and failure.get("message") == "bell\\x07 and\\nnewline"


# --- sarif ---------------------------------------------------------------------------------


def sarif_log(findings: list[Finding] = FINDINGS, **kwargs: Any) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(render("sarif", findings, **kwargs))
    return log


def validate(log: dict[str, Any]) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []


def test_sarif_is_valid_against_the_official_schema() -> None:
    validate(sarif_log(tool_version="1.2.3"))
    validate(sarif_log([]))


def test_the_schema_catches_what_github_would_reject() -> None:
    """The validation above can fail: a result without a message is refused."""
    log = sarif_log()
    del log["runs"][0]["results"][0]["message"]
    with pytest.raises(AssertionError):
        validate(log)


def test_sarif_run_header() -> None:
    log = sarif_log(tool_version="1.2.3")
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "seo-lint"
    assert run["tool"]["driver"]["version"] == "1.2.3"
    assert run["tool"]["driver"]["informationUri"] == "https://github.com/seo-lint/seo-lint"
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": "file:///site/"}}
    assert "properties" not in run


def test_sarif_rules_carry_their_documentation() -> None:
    run = sarif_log()["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    assert ids == sorted(ids) and {"FILE001", "FM001", "SL001", "TST001"} <= set(ids)
    fm001 = rules[ids.index("FM001")]
    registered = {rule.code: rule for rule in all_rules()}["FM001"]
    assert fm001["name"] == "front-matter-syntax"
    assert fm001["shortDescription"] == {"text": registered.summary}
    assert fm001["shortDescription"]["text"] == "Flags front matter that cannot be read."
    assert fm001["fullDescription"]["text"].startswith("Flags front matter that cannot be read. That is a YAML, TOML")
    assert "\n" not in fm001["fullDescription"]["text"]
    assert fm001["help"] == {"text": registered.doc, "markdown": registered.doc}
    assert fm001["helpUri"] == "https://github.com/seo-lint/seo-lint/blob/main/rules/FM001.md"
    assert fm001["defaultConfiguration"] == {"level": "error"}
    assert fm001["properties"] == {"tags": ["frontmatter", "seo"]}
    test_rule = rules[ids.index("TST001")]
    assert "helpUri" not in test_rule  # not a built-in rule: no page to link
    assert test_rule["fullDescription"] == {"text": "Flags a test keyword."}
    assert test_rule["defaultConfiguration"] == {"level": "warning"}
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_results() -> None:
    results = sarif_log()["runs"][0]["results"]
    assert [(r["ruleId"], r["level"], r["message"]["text"]) for r in results] == [
        ("FM001", "error", "unclosed quoted string"),
        ("TST001", "warning", "keyword `ＳＥＯ` appears 1 time"),
        ("SL001", "note", "nothing to suppress"),
        ("FILE001", "error", "invalid UTF-8 byte 0xff at line 1, column 1"),
    ]
    location = results[1]["locations"][0]["physicalLocation"]
    assert location == {
        "artifactLocation": {"uri": "_posts/2025-01-10-seo.md", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 6, "startColumn": 6, "endLine": 6, "endColumn": 9},
    }
    assert results[1]["fixes"] == [
        {
            "description": {"text": "Use half-width"},
            "artifactChanges": [
                {
                    "artifactLocation": {
                        "uri": "_posts/2025-01-10-seo.md",
                        "uriBaseId": "%SRCROOT%",
                    },
                    "replacements": [
                        {
                            "deletedRegion": {"charOffset": 49, "charLength": 3},
                            "insertedContent": {"text": "SEO"},
                        }
                    ],
                }
            ],
            "properties": {"safety": "safe"},
        }
    ]
    assert "fixes" not in results[0]


def test_sarif_empty_span_is_one_column_wide() -> None:
    results = sarif_log()["runs"][0]["results"]
    assert results[2]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 6,
        "startColumn": 18,
        "endLine": 6,
        "endColumn": 19,
    }
    assert results[3]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1,
        "startColumn": 1,
        "endLine": 1,
        "endColumn": 2,
    }
    multi = replace(FINDINGS[0], end_line=3, end_column=1)
    assert sarif_log([multi])["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
        "region"
    ] == {
        "startLine": 2,
        "startColumn": 8,
        "endLine": 3,
        "endColumn": 1,
    }


def test_sarif_uris_are_relative_and_percent_encoded() -> None:
    findings = [
        replace(FINDINGS[3], path="_posts/日本語 の記事.md"),
        replace(FINDINGS[3], path="/site/_posts/absolute.md"),
        replace(FINDINGS[3], path="/elsewhere/outside.md"),
        replace(FINDINGS[3], path="./a:b.md"),
    ]
    log = sarif_log(findings)
    validate(log)
    locations = [
        r["locations"][0]["physicalLocation"]["artifactLocation"] for r in log["runs"][0]["results"]
    ]
    assert locations == [
        {
            "uri": "_posts/%E6%97%A5%E6%9C%AC%E8%AA%9E%20%E3%81%AE%E8%A8%98%E4%BA%8B.md",
            "uriBaseId": "%SRCROOT%",
        },
        {"uri": "_posts/absolute.md", "uriBaseId": "%SRCROOT%"},
        {"uri": "file:///elsewhere/outside.md"},
        {"uri": "a%3Ab.md", "uriBaseId": "%SRCROOT%"},
    ]


def _fingerprints(findings: list[Finding], sources: dict[str, str]) -> list[str]:
    results = sarif_log(findings, sources=sources)["runs"][0]["results"]
    return [r["partialFingerprints"]["primaryLocationLineHash"] for r in results]


def test_sarif_fingerprints_survive_line_shifts() -> None:
    before = _fingerprints(FINDINGS, {POST_A: SOURCE_A})
    shifted_source = SOURCE_A.replace("---\n\n", "---\n\n追加の段落。\n\nもう一つ。\n", 1)
    assert shifted_source.split("\n")[8] == SOURCE_A.split("\n")[5]
    shifted = [
        replace(FINDINGS[0]),
        replace(FINDINGS[1], line=9, end_line=9),
        replace(FINDINGS[2], line=9, end_line=9),
        FINDINGS[3],
    ]
    after = _fingerprints(shifted, {POST_A: shifted_source})
    assert after == before
    assert all(len(fp.split(":")[0]) == 16 for fp in before)


def test_sarif_fingerprints_tell_findings_apart() -> None:
    prints = _fingerprints(FINDINGS, {POST_A: SOURCE_A})
    assert len(set(prints)) == 4
    # The same rule twice on identical lines: same hash, occurrence 1 and 2.
    source = "同じ行\n同じ行\n"
    twice = [
        Finding("p.md", 1, 1, 1, 2, "TST001", "test-keyword", Severity.WARNING, "m"),
        Finding("p.md", 2, 1, 2, 2, "TST001", "test-keyword", Severity.WARNING, "m"),
    ]
    first, second = _fingerprints(twice, {"p.md": source})
    assert first.split(":")[0] == second.split(":")[0]
    assert (first.split(":")[1], second.split(":")[1]) == ("1", "2")
    # Without the source, the message is hashed instead: another message, another print.
    other = [replace(twice[0], message="n")]
    assert _fingerprints(other, {})[0] != _fingerprints(twice[:1], {})[0]


def test_sarif_keeps_at_most_the_github_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    assert sarif.MAX_RESULTS == 25_000
    monkeypatch.setattr(sarif, "MAX_RESULTS", 2)
    log = sarif_log()
    validate(log)
    run = log["runs"][0]
    assert [r["ruleId"] for r in run["results"]] == ["FM001", "FILE001"]  # errors first, order kept
    assert run["properties"] == {
        "truncated": True,
        "totalResults": 4,
        "reportedResults": 2,
        "note": "GitHub accepts at most 2 results per run; errors were kept first",
    }


def test_sarif_is_byte_identical_across_runs() -> None:
    assert render("sarif") == render("sarif")
    assert render("sarif").endswith("}\n")
