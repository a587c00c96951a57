"""The real `pre-commit` tool runs this checkout's hooks (`pre-commit try-repo`) in a fresh git repo.

Slow (pre-commit builds a virtualenv with seo-lint in it), so it is one module-scoped setup.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]

GOOD = """\
---
title: "A short guide to keeping posts tidy"
date: 2025-01-10
---

Tidy posts are easier to read.
"""

BAD = """\
---
title: "Linking to another post
date: 2025-01-11
---

See {% post_url 2025-01-10-good %}.
"""

LINKS = """\
---
title: "Links between posts"
date: 2025-01-12
---

See {% post_url 2025-01-10-good %} and {% post_url 2025-01-09-missing %}.
"""

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is required")


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    work = tmp_path_factory.mktemp("precommit")
    site = work / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: Test\n", encoding="utf-8")
    (site / ".seo-lint.toml").write_text('select = ["FM001", "LNK001"]\n', encoding="utf-8")
    (site / "_posts" / "2025-01-10-good.md").write_text(GOOD, encoding="utf-8")
    (site / "_posts" / "2025-01-11-bad.md").write_text(BAD, encoding="utf-8")
    (site / "_posts" / "2025-01-12-links.md").write_text(LINKS, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        PRE_COMMIT_HOME=str(work / "cache"), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
        GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid", NO_COLOR="1",
    )
    for args in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-qm", "init"]):
        assert _run(args, site, env).returncode == 0
    return site, env


def _try_repo(site: Path, env: dict[str, str], *files: str) -> subprocess.CompletedProcess[str]:
    return _run([*PRE_COMMIT, "try-repo", str(ROOT), "seo-lint", "--files", *files], site, env)


def test_hook_passes_on_a_good_post(repo: tuple[Path, dict[str, str]]) -> None:
    site, env = repo
    result = _try_repo(site, env, "_posts/2025-01-10-good.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "seo-lint" in result.stdout and "Passed" in result.stdout


def test_hook_fails_on_a_bad_post(repo: tuple[Path, dict[str, str]]) -> None:
    site, env = repo
    result = _try_repo(site, env, "_posts/2025-01-11-bad.md")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    assert "_posts/2025-01-11-bad.md" in result.stdout
    assert "2:8" in result.stdout and "FM001" in result.stdout and "YAML syntax error" in result.stdout


def test_site_rules_see_the_whole_site_from_a_batch(repo: tuple[Path, dict[str, str]]) -> None:
    """Only one file is passed, yet its post_url to a post outside the batch resolves."""
    site, env = repo
    result = _try_repo(site, env, "_posts/2025-01-12-links.md")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "post_url target 2025-01-09-missing is not a post of this site" in result.stdout
    assert "post_url target 2025-01-10-good" not in result.stdout
    assert "Found 1 problem (1 error) in 1 file (1 file checked)." in result.stdout
