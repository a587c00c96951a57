"""The README stays true: its configuration example loads, and CI runs its test command."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from seo_lint.cli import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_configuration_example_is_valid(tmp_path: Path, monkeypatch) -> None:
    block = re.search(r"## Configuration.*?```toml\n(.*?)```", README, re.S)
    assert block is not None
    (tmp_path / "pyproject.toml").write_text(block.group(1), encoding="utf-8")
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "post.schema.json").write_text('{"type": "object"}', encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2025-01-10-a.md").write_text("---\ntitle: a\n---\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["--select", "FM001", "--format", "concise", "."])
    assert (result.exit_code, result.output) == (0, "")


def test_ci_runs_the_readme_test_command() -> None:
    command = re.search(r"Run the tests:\n\n```sh\n(.*?)\n```", README).group(1)
    install_and_test = command.split("&& ", 2)[2]  # after creating and activating the venv
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert install_and_test.replace("pip install", "python -m pip install --quiet") in ci


def test_quick_start_lints_the_example_site() -> None:
    assert "pip install . && seo-lint fixtures/site/" in README
    assert (ROOT / "fixtures" / "site" / "_config.yml").is_file()
