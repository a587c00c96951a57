"""The command line: exact output and exit codes, through click's CliRunner.

Every run passes an explicit `--select` (or a config `select`) so that rules added later do
not change these outputs. Fixes and site rules are exercised with test-only rules (TST...)
registered for the test and removed after it.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from seo_lint import __version__, registry, runner
from seo_lint.cli import cli
from seo_lint.document import Document
from seo_lint.findings import Fix, FixAvailability, FixSafety, Severity, Violation
from seo_lint.registry import NoOptions, Site, SiteViolation

GOOD = "---\ntitle: A good post\n---\n\nSome text.\n"
BROKEN = '---\ntitle: "Broken\n---\n\nBody.\n'
BROKEN_LINE = (
    "_posts/2025-01-11-broken.md:2:8: FM001 YAML syntax error: while scanning a quoted scalar, "
    "found unexpected end of stream\n"
)


# --- test-only rules --------------------------------------------------------------------------

_COLOUR = re.compile("colour")
_UTILIZE = re.compile("utilize")
_MARKER = "site-marker"


def tst_colour(doc: Document, opts: NoOptions) -> Iterator[Violation]:
    """Flags `colour` (safe fix: `color`)."""
    for match in _COLOUR.finditer(doc.source):
        yield Violation(match.start(), match.end(), "use `color`", Fix.replace(match.start(), match.end(), "color"))


def tst_utilize(doc: Document, opts: NoOptions) -> Iterator[Violation]:
    """Flags `utilize` (unsafe fix: `use`)."""
    for match in _UTILIZE.finditer(doc.source):
        yield Violation(match.start(), match.end(), "use `use`",
                        Fix.replace(match.start(), match.end(), "use", FixSafety.UNSAFE))


def tst_crash(doc: Document, opts: NoOptions) -> Iterator[Violation]:
    """Always crashes."""
    raise ValueError("boom")


def tst_marker(doc: Document) -> tuple[int, int] | None:
    at = doc.source.find(_MARKER)
    return doc.position(at) if at != -1 else None


def tst_site(site: Site, opts: NoOptions) -> Iterator[SiteViolation]:
    """Flags every marker, saying how many files the site has."""
    for summary in site.summaries:
        where = summary.data.get("tst-marker")
        if where is not None:
            line, column = where
            yield SiteViolation(summary.path, line, column, line, column + len(_MARKER),
                                f"marker ({len(site.summaries)} files in the site)")


@pytest.fixture
def tst_rules() -> Iterator[None]:
    registry.load()
    registry.rule("TST001", "tst-colour", Severity.WARNING, FixAvailability.ALWAYS)(tst_colour)
    registry.rule("TST002", "tst-utilize", Severity.ERROR, FixAvailability.ALWAYS)(tst_utilize)
    registry.rule("TST003", "tst-crash", Severity.INFO)(tst_crash)
    registry.site_rule("TST004", "tst-site", Severity.WARNING)(tst_site)
    registry.summarizer("tst-marker")(tst_marker)
    yield
    for code in ("TST001", "TST002", "TST003", "TST004"):
        registry._RULES.pop(code, None)
    registry._SUMMARIZERS.pop("tst-marker", None)


# --- helpers ----------------------------------------------------------------------------------


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small Jekyll site, and the current folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    write(tmp_path, {"_config.yml": "title: Test site\n", "_posts/2025-01-10-good.md": GOOD})
    return tmp_path


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))


def run(*args: str, input: bytes | str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def concise(*args: str, **kwargs: Any) -> tuple[int, str, str]:
    return run("--format", "concise", *args, **kwargs)


# --- linting and exit codes -------------------------------------------------------------------


def test_clean_post_exits_0(site: Path) -> None:
    assert concise("--select", "FM001,FILE") == (0, "", "")


def test_bad_post_exits_1_with_exact_lines(site: Path) -> None:
    write(site, {"_posts/2025-01-11-broken.md": BROKEN, "_posts/2025-01-12-none.md": "No front matter.\n"})
    assert concise("--select", "FM001") == (1, BROKEN_LINE + (
        "_posts/2025-01-12-none.md:1:1: FM001 post has no front matter (expected `---` on line 1)\n"
    ), "")


def test_no_paths_lints_the_current_folder_and_rules_is_a_path(site: Path) -> None:
    write(site, {"rules/x.md": BROKEN})
    code, out, _ = concise("--select", "FM001")
    assert (code, out) == (1, ("rules/x.md:2:8: FM001 YAML syntax error: while scanning a quoted scalar, "
                              "found unexpected end of stream\n"))
    assert concise("--select", "FM001", "rules") == (code, out, "")
    assert concise("--select", "FM001", "rules/") == (code, out, "")


def test_fail_on_and_exit_zero(site: Path, tst_rules: None) -> None:
    write(site, {"_posts/2025-01-11-c.md": "---\ntitle: x\n---\nA colour.\n"})
    line = "_posts/2025-01-11-c.md:4:3: TST001 use `color`\n"
    assert concise("--select", "TST001") == (0, line, "")  # a warning: below the default error level
    assert concise("--select", "TST001", "--fail-on", "warning") == (1, line, "")
    assert concise("--select", "TST001", "--fail-on", "info") == (1, line, "")
    write(site, {"_posts/2025-01-12-broken.md": BROKEN})
    assert concise("--select", "FM001", "--fail-on", "never")[0] == 0
    assert concise("--select", "FM001", "--exit-zero")[0] == 0
    assert concise("--select", "FM001")[0] == 1
    assert concise("--select", "FM001", "--fail-on", "bad") == (
        2, "", 'seo-lint: error: bad value for --fail-on: "bad" (valid: error, warning, info, never)\n'
    )


def test_fail_on_and_severity_from_the_config(site: Path, tst_rules: None) -> None:
    write(site, {"_posts/2025-01-11-c.md": "---\ntitle: x\n---\nA colour.\n"})
    write(site, {".seo-lint.toml": 'select = ["TST001"]\nfail-on = "warning"\n'})
    assert concise()[0] == 1
    write(site, {".seo-lint.toml": 'select = ["TST001"]\n[severity]\ntst-colour = "info"\n'})
    assert concise("--fail-on", "warning")[0] == 0
    assert concise("--fail-on", "info")[0] == 1


def test_a_crashing_rule_exits_2_even_with_exit_zero(site: Path, tst_rules: None) -> None:
    code, out, _ = concise("--select", "TST003,FM001", "--exit-zero")
    assert code == 2
    assert out.startswith("_posts/2025-01-10-good.md:1:1: SL002 rule TST003 crashed on this file: ValueError: boom")


@pytest.mark.parametrize(("args", "message"), [
    (["--select", "KW999"],
     'unknown rule "KW999" in --select (valid: rule codes, names, prefixes or ALL; see seo-lint --list-rules)'),
    (["--select", "FM001", "--ignore", "nope"],
     'unknown rule "nope" in --ignore (valid: rule codes, names, prefixes or ALL; see seo-lint --list-rules)'),
    (["--format", "xml"], 'unknown format "xml" (valid: text, concise, json, jsonl, sarif, github, junit)'),
    (["--select", "FM001", "missing/"], 'path "missing/" does not exist'),
    (["--config", "nope.toml"], 'config file "nope.toml" does not exist'),
    (["--root", "nope"], '--root "nope" is not a folder'),
    (["--select", "FM001", "--output-file", "no/such/dir/r.txt"],
     'cannot write --output-file "no/such/dir/r.txt": No such file or directory'),
    (["--explain", "ZZ001"], 'unknown rule "ZZ001" (see seo-lint --list-rules)'),
])
def test_usage_errors_are_one_line_and_exit_2(site: Path, args: list[str], message: str) -> None:
    assert run(*args) == (2, "", f"seo-lint: error: {message}\n")


def test_unknown_option_is_one_line(site: Path) -> None:
    code, out, err = run("--bogus")
    assert (code, out) == (2, "")
    assert err.startswith("seo-lint: error: No such option") and err.count("\n") == 1


def test_unknown_config_key_and_bad_schema_are_one_line(site: Path) -> None:
    write(site, {".seo-lint.toml": 'selct = ["FM001"]\n'})
    assert run("--select", "FM001") == (2, "", (
        'seo-lint: error: .seo-lint.toml: unknown key "selct" (valid: extend, select, extend-select, ignore, '
        "per-file-ignores, severity, rules, overrides, schema, language, include, exclude, max-file-size, "
        "fail-on, site)\n"
    ))
    write(site, {".seo-lint.toml": 'schema = "post.json"\n', "post.json": '{"required": "title"}'})
    assert run("--select", "FM001") == (2, "", (
        'seo-lint: error: .seo-lint.toml: "schema": schema file post.json is not a valid JSON Schema at '
        "required: 'title' is not of type 'array'\n"
    ))


def test_unexpected_exception_is_one_line(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(self: object, request: object) -> None:
        raise RuntimeError("kaboom\nsecond line")

    monkeypatch.setattr(runner.Runner, "run", explode)
    assert run("--select", "FM001") == (
        2, "", "seo-lint: error: unexpected RuntimeError: kaboom second line (please report this bug)\n"
    )


# --- configuration through the CLI ------------------------------------------------------------


def test_closest_config_wins_and_isolated_ignores_it(site: Path) -> None:
    write(site, {
        ".seo-lint.toml": 'select = ["FM001"]\n',
        "_posts/2025-01-11-broken.md": BROKEN,
        "_drafts/.seo-lint.toml": 'select = ["FM001"]\n[severity]\nFM001 = "info"\n',
        "_drafts/x.md": BROKEN,
    })
    code, out, _ = concise("--fail-on", "warning")
    assert (code, out) == (1, "_drafts/x.md:2:8: FM001 YAML syntax error: while scanning a quoted scalar, "
                              "found unexpected end of stream\n" + BROKEN_LINE)
    assert concise("--fail-on", "warning", "_drafts")[0] == 0  # only info findings there
    assert concise("--isolated", "--select", "FILE001", "--fail-on", "info") == (0, "", "")


def test_extend_per_file_ignores_and_overrides(site: Path) -> None:
    write(site, {
        "base.toml": 'select = ["FM001"]\n[per-file-ignores]\n"_posts/2025-01-11-*" = ["FM001"]\n',
        ".seo-lint.toml": 'extend = "base.toml"\n[[overrides]]\nfiles = ["_drafts/"]\nignore = ["FM"]\n',
        "_posts/2025-01-11-broken.md": BROKEN,
        "_posts/2025-01-12-broken.md": BROKEN,
        "_drafts/2025-01-13-broken.md": BROKEN,
    })
    assert concise() == (1, BROKEN_LINE.replace("01-11", "01-12"), "")


# --- site rules -------------------------------------------------------------------------------


def test_site_rules_see_the_whole_site_when_given_one_file(site: Path, tst_rules: None) -> None:
    write(site, {
        "_posts/2025-01-11-a.md": f"---\ntitle: a\n---\n\n{_MARKER}\n",
        "_posts/2025-01-12-b.md": f"---\ntitle: b\n---\n\n{_MARKER}\n",
    })
    assert concise("--select", "TST004", "--fail-on", "warning", "_posts/2025-01-11-a.md") == (
        1, "_posts/2025-01-11-a.md:5:1: TST004 marker (3 files in the site)\n", ""
    )


def test_site_findings_honour_suppressions_and_per_file_selection(site: Path, tst_rules: None) -> None:
    write(site, {
        ".seo-lint.toml": '[per-file-ignores]\n"_posts/2025-01-14-*" = ["TST004"]\n',
        "_posts/2025-01-11-a.md": f"---\ntitle: a\n---\n\n<!-- seo-lint-disable-next-line TST004 -->\n{_MARKER}\n",
        "_posts/2025-01-12-b.md": f"---\ntitle: b\n---\n\n<!-- seo-lint-disable-file tst-site -->\n\n{_MARKER}\n",
        "_posts/2025-01-13-c.md": f"---\ntitle: c\n---\n\n{_MARKER}\n<!-- seo-lint-disable-line TST004 -->\n",
        "_posts/2025-01-14-d.md": f"---\ntitle: d\n---\n\n{_MARKER}\n",
    })
    assert concise("--select", "TST004,SL001") == (0, (
        "_posts/2025-01-13-c.md:5:1: TST004 marker (5 files in the site)\n"
        "_posts/2025-01-13-c.md:6:1: SL001 `<!-- seo-lint-disable-line TST004 -->` suppresses nothing\n"
    ), "")


# --- fixes ------------------------------------------------------------------------------------

FIXABLE = "---\ntitle: x\n---\n\nA colour, a colour; utilize it.\n"


def test_fix_applies_safe_fixes_and_reports_what_is_left(site: Path, tst_rules: None) -> None:
    write(site, {"_posts/2025-01-11-c.md": FIXABLE})
    assert concise("--select", "TST001,TST002", "--fix") == (
        1, "_posts/2025-01-11-c.md:5:19: TST002 use `use`\n", "Fixed 2 findings.\n"
    )
    assert (site / "_posts/2025-01-11-c.md").read_text() == FIXABLE.replace("colour", "color")
    assert concise("--select", "TST001,TST002", "--unsafe-fixes") == (0, "", "Fixed 1 finding.\n")
    assert (site / "_posts/2025-01-11-c.md").read_text() == "---\ntitle: x\n---\n\nA color, a color; use it.\n"


def test_diff_writes_nothing(site: Path, tst_rules: None) -> None:
    write(site, {"_posts/2025-01-11-c.md": FIXABLE})
    assert run("--select", "TST001,TST002", "--diff") == (1, (
        "--- a/_posts/2025-01-11-c.md\n"
        "+++ b/_posts/2025-01-11-c.md\n"
        "@@ -2,4 +2,4 @@\n"
        " title: x\n"
        " ---\n"
        " \n"
        "-A colour, a colour; utilize it.\n"
        "+A color, a color; utilize it.\n"
    ), "Would apply 2 fixes to 1 file.\n")
    assert (site / "_posts/2025-01-11-c.md").read_text() == FIXABLE
    assert run("--select", "TST001,TST002", "--diff", "--unsafe-fixes")[1].endswith(
        "-A colour, a colour; utilize it.\n+A color, a color; use it.\n"
    )
    assert (site / "_posts/2025-01-11-c.md").read_text() == FIXABLE
    assert run("--select", "FM001", "--diff") == (0, "", "No fixes to apply.\n")


def test_fix_keeps_the_mode_and_crlf(site: Path, tst_rules: None) -> None:
    path = site / "_posts/2025-01-11-c.md"
    path.write_bytes(FIXABLE.replace("\n", "\r\n").encode())
    os.chmod(path, 0o604)
    assert concise("--select", "TST001", "--fix")[0] == 0
    assert path.read_bytes() == FIXABLE.replace("\n", "\r\n").replace("colour", "color").encode()
    assert stat.S_IMODE(path.stat().st_mode) == 0o604


def test_fix_refuses_a_read_only_file(site: Path, tst_rules: None) -> None:
    path = site / "_posts/2025-01-11-c.md"
    write(site, {"_posts/2025-01-11-c.md": FIXABLE})
    os.chmod(path, 0o444)
    assert concise("--select", "TST001", "--fix") == (2, (
        "_posts/2025-01-11-c.md:5:3: TST001 use `color`\n"
        "_posts/2025-01-11-c.md:5:13: TST001 use `color`\n"
    ), "seo-lint: error: _posts/2025-01-11-c.md: file is read-only; not fixed\n")
    assert path.read_text() == FIXABLE


def test_fix_refuses_a_file_changed_on_disk(site: Path, tst_rules: None, monkeypatch: pytest.MonkeyPatch) -> None:
    path = site / "_posts/2025-01-11-c.md"
    write(site, {"_posts/2025-01-11-c.md": FIXABLE})
    original = runner.lint_path

    def lint_then_edit(p: str, config: runner.FileConfig) -> runner.FileResult:
        result = original(p, config)
        with open(p, "a", encoding="utf-8") as handle:
            handle.write("Added by an editor.\n")
        return result

    monkeypatch.setattr(runner, "lint_path", lint_then_edit)
    code, _, err = concise("--select", "TST001", "--fix", "_posts/2025-01-11-c.md")
    assert (code, err) == (2, ("seo-lint: error: _posts/2025-01-11-c.md: file changed on disk since it was read; "
                              "not fixed\n"))
    assert path.read_text() == FIXABLE + "Added by an editor.\n"


def test_fix_never_touches_a_file_that_is_not_utf8(site: Path, tst_rules: None) -> None:
    path = site / "_posts/2025-01-11-c.md"
    data = FIXABLE.encode() + b"caf\xe9\n"
    path.write_bytes(data)
    code, out, _ = concise("--select", "TST001,FILE001", "--fix")
    assert code == 1 and out == (
        "_posts/2025-01-11-c.md:5:3: TST001 use `color`\n"
        "_posts/2025-01-11-c.md:5:13: TST001 use `color`\n"
        "_posts/2025-01-11-c.md:6:4: FILE001 invalid UTF-8 (bytes e9 0a); decoded with replacement characters\n"
    )
    assert path.read_bytes() == data


# --- stdin ------------------------------------------------------------------------------------


def test_stdin_with_a_filename(site: Path) -> None:
    assert concise("--select", "FM001", "-", "--stdin-filename", "_posts/2025-01-11-broken.md",
                   input=BROKEN.encode()) == (1, BROKEN_LINE, "")
    assert concise("--select", "FM001", "--stdin-filename", "_posts/2025-01-11-broken.md",
                   input=BROKEN.encode()) == (1, BROKEN_LINE, "")
    assert concise("--select", "FM001", "-", input=GOOD.encode()) == (0, "", "")


def test_stdin_fix_prints_the_fixed_text(site: Path, tst_rules: None) -> None:
    assert concise("--select", "TST001,TST002", "--fix", "--stdin-filename", "_posts/x.md", input=FIXABLE) == (
        1, FIXABLE.replace("colour", "color"), "_posts/x.md:5:19: TST002 use `use`\nFixed 2 findings.\n"
    )


# --- output -----------------------------------------------------------------------------------


def test_output_is_byte_identical_across_runs(site: Path, tst_rules: None) -> None:
    write(site, {
        "_posts/2025-01-11-broken.md": BROKEN,
        "_posts/2025-01-12-c.md": "---\ntitle: 日本語の記事\n---\n\n色 colour と colour。\n",
        "pages/about.md": "No front matter, colour.\n",
    })
    first = run("--select", "FM001,TST001", "--no-color")
    assert first[0] == 1 and "colour" in first[1]
    assert run("--select", "FM001,TST001", "--no-color") == first
    assert run("--select", "FM001,TST001", "--format", "json") == run("--select", "FM001,TST001", "--format", "json")


def test_output_file(site: Path) -> None:
    write(site, {"_posts/2025-01-11-broken.md": BROKEN})
    assert concise("--select", "FM001", "--output-file", "report.txt") == (1, "", "")
    assert (site / "report.txt").read_text() == BROKEN_LINE


def test_color_follows_the_option_and_no_color(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(site, {"_posts/2025-01-11-broken.md": BROKEN})
    assert "\x1b[" in run("--select", "FM001", "--color")[1]
    assert "\x1b[" not in run("--select", "FM001")[1]  # not a terminal
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run("--select", "FM001")[1]


def test_statistics(site: Path) -> None:
    write(site, {"_posts/2025-01-11-broken.md": BROKEN, "_posts/2025-01-12-b.md": BROKEN})
    code, out, _ = concise("--select", "FM001", "--statistics")
    assert code == 1 and "FM001" in out and "2" in out and "YAML" not in out


# --- actions ----------------------------------------------------------------------------------


def test_version_and_module_entry_point(site: Path) -> None:
    assert run("--version") == (0, f"seo-lint {__version__}\n", "")
    done = subprocess.run([sys.executable, "-m", "seo_lint", "--version"], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout) == (0, f"seo-lint {__version__}\n")


def test_list_rules_plain_and_deterministic(site: Path, tst_rules: None) -> None:
    code, out, _ = run("--list-rules")
    lines = out.splitlines()
    assert code == 0 and re.match(r"^CODE +NAME +SEVERITY +FIX +SUMMARY$", lines[0])
    assert re.search(r"^FM001 +front-matter-syntax +error +never +Flags front matter", out, re.MULTILINE)
    assert re.search(r"^TST001 +tst-colour +warning +always +Flags `colour` \(safe fix: `color`\)\.$", out, re.MULTILINE)
    codes = [line.split()[0] for line in lines[1:]]
    assert codes == sorted(codes)
    assert run("--list-rules") == (code, out, "")


def test_explain_by_code_and_name(site: Path) -> None:
    code, out, _ = run("--explain", "FM001")
    assert code == 0
    assert out.startswith("FM001 front-matter-syntax (error, fix: never)\n\n## What it does\n")
    assert run("--explain", "front-matter-syntax") == (code, out, "")


def test_init_writes_a_starter_config_that_loads(site: Path) -> None:
    (site / "_posts").mkdir(exist_ok=True)
    code, out, _ = run("--init")
    text = (site / ".seo-lint.toml").read_text()
    assert text == (
        "# Rules: codes (FM001), names (front-matter-syntax), prefixes (FM) or ALL.\n"
        'select = ["ALL"]\nignore = []\n'
        "# Exit with 1 for findings at or above this level: error, warning, info or never.\n"
        'fail-on = "error"\n\n[site]\ngenerator = "jekyll"\nposts-dir = "_posts"\n'
    )
    assert (code, out) == (0, f"Wrote to .seo-lint.toml:\n\n{text}")
    assert run("--init") == (2, "", "seo-lint: error: .seo-lint.toml already exists; not overwritten\n")
    assert concise("--select", "FM001") == (0, "", "")


def test_init_appends_to_pyproject_and_detects_hugo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"pyproject.toml": '[project]\nname = "blog"', "hugo.toml": 'title = "x"\n', "content/posts/a.md": GOOD})
    code, out, _ = run("--init")
    assert code == 0 and out.startswith("Wrote to pyproject.toml:\n\n[tool.seo-lint]\n")
    text = (tmp_path / "pyproject.toml").read_text()
    assert text.startswith('[project]\nname = "blog"\n\n[tool.seo-lint]\n# Rules:')
    assert text.endswith('[tool.seo-lint.site]\ngenerator = "hugo"\nposts-dir = "content/posts"\n')
    assert run("--init") == (
        2, "", "seo-lint: error: pyproject.toml already has a [tool.seo-lint] section; not overwritten\n"
    )
    assert concise("--select", "FM001") == (0, "", "")


def test_max_file_size_from_the_config(site: Path) -> None:
    write(site, {".seo-lint.toml": 'select = ["FILE002", "FM001"]\nmax-file-size = 20\n'})
    assert concise() == (1, (
        "_posts/2025-01-10-good.md:1:1: FILE002 file is 39 bytes (max-file-size is 20); not linted\n"
    ), "")


def test_quiet_drops_the_fix_summary(site: Path, tst_rules: None) -> None:
    write(site, {"_posts/2025-01-11-c.md": FIXABLE})
    assert concise("--select", "TST001", "--fix", "--quiet") == (0, "", "")
    assert run("--select", "TST001", "--diff", "--quiet") == (0, "", "")


def test_stdin_fix_echoes_bytes_it_cannot_fix(site: Path, tst_rules: None) -> None:
    data = b"---\ntitle: x\n---\ncolour caf\xe9\n"
    result = CliRunner().invoke(cli, ["--format", "concise", "--select", "TST001", "--fix", "-"], input=data)
    assert (result.exit_code, result.stdout_bytes) == (0, data)
    assert result.stderr == "-:4:1: TST001 use `color`\n"
