"""Hostile configuration: every bad config or schema file is one line on stderr, exit code 2.

The line names the file and the key (what and where), and nothing is linted. Cases that
`tests/test_cli.py` pins already (unknown key, invalid schema, missing path or config file,
unknown rule in --select/--ignore, --format typo) are not repeated here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from seo_lint.cli import cli

VALID_RULES = "valid: rule codes, names, prefixes or ALL; see seo-lint --list-rules"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2025-01-10-a.md").write_text("---\ntitle: A post\n---\n\nBody.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--format", "concise", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("name", "content", "message"), [
    (".seo-lint.toml", b'select = ["FM001"\n', ".seo-lint.toml: invalid TOML: Unclosed array (at end of document)"),
    (".seo-lint.toml", b'select = ["FM001"]\nselect = ["IMG"]\n',
     ".seo-lint.toml: invalid TOML: Cannot overwrite a value (at line 2, column 17)"),
    (".seo-lint.toml", b"\xff\xfeselect = 1\n", ".seo-lint.toml: invalid TOML: not UTF-8 (byte 0)"),
    (".seo-lint.toml", b"x = " + b"[" * 2000 + b"]" * 2000 + b"\n", ".seo-lint.toml: invalid TOML: nested too deeply"),
    ("pyproject.toml", b"[tool.seo-lint]\nselekt = 1\n",
     ('pyproject.toml: unknown key "selekt" (valid: extend, select, extend-select, ignore, per-file-ignores, '
     "severity, rules, overrides, schema, language, include, exclude, max-file-size, fail-on, site)")),
    ("pyproject.toml", b'[tool]\nseo-lint = "on"\n', "pyproject.toml: [tool.seo-lint] must be a table"),
    ("pyproject.toml", b'[tool.seo-lint]\nselect = "FM001"\n',
     'pyproject.toml: bad value for "select": expected a list (got "FM001")'),
    (".seo-lint.toml", b'[rules.MT001]\nbogus = 1\n',
     '.seo-lint.toml: unknown key "rules.MT001.bogus" (valid: min-length, max-length)'),
    (".seo-lint.toml", b'[rules.MT001]\nmax-length = "x"\n',
     '.seo-lint.toml: bad value for "rules.MT001.max-length": expected a table (got "x")'),
    (".seo-lint.toml", b'[severity]\nFM999 = "error"\n', f'.seo-lint.toml: unknown rule "FM999" in "severity" ({VALID_RULES})'),
    (".seo-lint.toml", b'[severity]\nFM001 = "fatal"\n',
     """.seo-lint.toml: bad value for "severity.FM001": input should be 'error', 'warning' or 'info' (got "fatal")"""),
    (".seo-lint.toml", b'[per-file-ignores]\n"_posts/*" = ["NOPE"]\n',
     f'.seo-lint.toml: unknown rule "NOPE" in "per-file-ignores._posts/*" ({VALID_RULES})'),
    (".seo-lint.toml", b"max-file-size = -5\n",
     '.seo-lint.toml: bad value for "max-file-size": input should be greater than 0 (got -5)'),
    (".seo-lint.toml", b'extend = "missing.toml"\n', None),
])
def test_a_bad_config_file_is_one_line_naming_file_and_key(
    site: Path, name: str, content: bytes, message: str | None
) -> None:
    (site / name).write_bytes(content)
    code, out, err = run()
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith("seo-lint: error: ") and "please report" not in err
    if message is not None:
        assert err == f"seo-lint: error: {message}\n"
    else:
        assert "missing.toml" in err


@pytest.mark.parametrize(("schema", "message"), [
    (None, 'schema file post.json not found'),
    (b"\xff{}", ("schema file post.json is not valid JSON: 'utf-8' codec can't decode byte 0xff in position 0: "
     "invalid start byte")),
    (b"[" * 100_000 + b"]" * 100_000, ("schema file post.json is not valid JSON: maximum recursion depth exceeded "
     "while decoding a JSON array from a unicode string")),
    (b"[]", "schema file post.json must hold a JSON object"),
    (b'{"properties": {"title": {"$ref": "#/$defs/nope"}}}',
     "schema file post.json has a $ref that cannot be resolved: #/$defs/nope (seo-lint never downloads schemas)"),
])
def test_a_bad_schema_file_is_one_line(site: Path, schema: bytes | None, message: str) -> None:
    (site / ".seo-lint.toml").write_text('schema = "post.json"\n', encoding="utf-8")
    if schema is not None:
        (site / "post.json").write_bytes(schema)
    assert run() == (2, "", f'seo-lint: error: .seo-lint.toml: "schema": {message}\n')


@pytest.mark.parametrize(("args", "message"), [
    (["--config", "_posts"], 'config file "_posts" is not a file'),
    (["--extend-select", "NOPE"], f'unknown rule "NOPE" in --extend-select ({VALID_RULES})'),
])
def test_bad_arguments_are_one_line(site: Path, args: list[str], message: str) -> None:
    assert run(*args) == (2, "", f"seo-lint: error: {message}\n")
