"""The bundled example sites give exactly the findings written in tests/expected/.

Set UPDATE_EXPECTED=1 to rewrite the expected files after an intended change, and review
the diff like any other change.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from seo_lint.cli import cli

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = Path(__file__).parent / "expected"


@pytest.mark.parametrize("site", ["site", "hugo-site"])
def test_example_site_findings(site: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT / "fixtures")
    result = CliRunner().invoke(cli, ["--format", "concise", "--no-cache", site])
    expected = EXPECTED / f"{site}.txt"
    if os.environ.get("UPDATE_EXPECTED"):
        expected.write_text(result.output, encoding="utf-8")
    assert result.exit_code == 1
    assert result.output == expected.read_text(encoding="utf-8")


def test_example_site_json_matches_the_concise_report(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT / "fixtures")
    result = CliRunner().invoke(cli, ["--format", "json", "--no-cache", "site"])
    lines = [f"{f['path']}:{f['line']}:{f['column']}: {f['code']} {f['message']}" for f in json.loads(result.output)]
    assert lines == (EXPECTED / "site.txt").read_text(encoding="utf-8").splitlines()
