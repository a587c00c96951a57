"""`seo-lint --init`: write a starter configuration, detecting Jekyll or Hugo.

Into `pyproject.toml` as `[tool.seo-lint]` when the folder has one, else as `.seo-lint.toml`.
An existing section or file is never overwritten.
"""

from __future__ import annotations

import sys
from pathlib import Path

from seo_lint.config import detect_generator
from seo_lint.discover import UsageError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_BODY = """\
# Rules: codes (FM001), names (front-matter-syntax), prefixes (FM) or ALL.
select = ["ALL"]
ignore = []
# Exit with 1 for findings at or above this level: error, warning, info or never.
fail-on = "error"
"""


def _posts_dir(folder: Path, generator: str) -> str | None:
    candidates = {"jekyll": ("_posts",), "hugo": ("content/posts", "content/post", "content")}
    return next((c for c in candidates.get(generator, ()) if (folder / c).is_dir()), None)


def starter(folder: Path, table: str) -> str:
    """The starter configuration for `folder`, under `table` ("" for a .seo-lint.toml)."""
    generator = detect_generator(folder) or "generic"
    prefix = f"{table}." if table else ""
    lines = [f"[{table}]\n" if table else "", _BODY, f"\n[{prefix}site]\n", f'generator = "{generator}"\n']
    posts_dir = _posts_dir(folder, generator)
    if posts_dir is not None:
        lines.append(f'posts-dir = "{posts_dir}"\n')
    return "".join(lines)


def write_starter(folder: Path) -> tuple[Path, str]:
    """Write the starter configuration; returns (file written, text added)."""
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        try:
            existing = pyproject.read_text(encoding="utf-8")
            data = tomllib.loads(existing)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise UsageError(f"pyproject.toml: cannot read it to add [tool.seo-lint]: {error}") from None
        if "seo-lint" in data.get("tool", {}):
            raise UsageError("pyproject.toml already has a [tool.seo-lint] section; not overwritten")
        text = starter(folder, "tool.seo-lint")
        separator = "" if not existing else ("\n" if existing.endswith("\n") else "\n\n")
        _write(pyproject, separator + text, "a")  # append: nothing else changes
        return pyproject, text
    target = folder / ".seo-lint.toml"
    if target.exists():
        raise UsageError(".seo-lint.toml already exists; not overwritten")
    text = starter(folder, "")
    _write(target, text, "x")
    return target, text


def _write(path: Path, content: str, mode: str) -> None:
    try:
        with open(path, mode, encoding="utf-8", newline="") as handle:
            handle.write(content)
    except OSError as error:
        raise UsageError(f"{path.name}: cannot write: {error.strerror or error}") from None
