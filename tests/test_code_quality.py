"""The conventions in DESIGN.md hold: ruff and `mypy --strict` are clean on seo_lint/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("tool", ["ruff", "mypy"])
def test_linters_are_clean(tool: str) -> None:
    pytest.importorskip(tool)
    args = ("ruff", "check", "seo_lint") if tool == "ruff" else ("mypy", "--strict", "seo_lint")
    result = _run(*args)
    assert result.returncode == 0, result.stdout + result.stderr
