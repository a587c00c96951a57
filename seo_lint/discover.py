"""Paths on the command line → the files to lint.

Folders are walked recursively in sorted order. A file is linted when it matches the
`include` globs (default `*.md *.markdown *.mdx *.html`) and no `exclude` glob; folders
named in `SKIP_DIRS`, hidden folders and whatever `.gitignore` excludes are not entered.
An HTML file is linted only when it starts with front matter (templates and generated
pages do not). Files named on the command line skip the include globs and `.gitignore`
(you asked for them) but still honour the configured `exclude` (pre-commit passes files
one by one). Symbolic links are followed once: a link loop cannot hang the walk.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pathspec

Spec = pathspec.PathSpec[Any]

DEFAULT_INCLUDE: tuple[str, ...] = ("*.md", "*.markdown", "*.mdx", "*.html")
#: Build output, dependencies, VCS data, and Jekyll's layouts and includes (templates, not posts).
SKIP_DIRS = frozenset({".git", "_site", "public", "node_modules", "vendor", ".venv", "_layouts", "_includes"})
HTML_SUFFIXES = (".html", ".htm")
_DEFAULT_SUFFIXES = tuple(glob.removeprefix("*") for glob in DEFAULT_INCLUDE)
STDIN = "-"


class UsageError(Exception):
    """A bad command line or configuration: reported as one line, exit code 2."""


def compile_globs(globs: Iterable[str]) -> Spec:
    """gitignore-style globs: `*.md` matches at any depth, `drafts/` a folder, `/x` the base."""
    return pathspec.GitIgnoreSpec.from_lines(list(globs))


def relative_posix(path: str | Path, base: str | Path) -> str | None:
    """`path` relative to `base` with forward slashes, or None when it is not under it."""
    full, prefix = str(path), str(base)
    if os.sep == "/" and full.startswith("/") and prefix.startswith("/") \
            and not (full.startswith("//") or prefix.startswith("//")):  # `//` root: pathlib
        # What PurePosixPath.relative_to does, on the strings (pathlib's parsing is the cost):
        # both are normalised, so `base` is a prefix up to a separator, or the same path.
        if full == prefix:
            return "."
        if not prefix.endswith("/"):
            prefix += "/"
        return full[len(prefix) :] if full.startswith(prefix) else None
    try:
        return Path(path).relative_to(base).as_posix()
    except ValueError:
        return None


@dataclass
class Filter:
    """Which files are linted in a folder: globs relative to the folder of the config that set them."""

    include_base: Path
    include: tuple[str, ...] = DEFAULT_INCLUDE
    #: (base folder, globs) for every config layer that sets `exclude`.
    exclude: tuple[tuple[Path, tuple[str, ...]], ...] = ()
    _include_spec: Spec | None = field(default=None, repr=False, compare=False)
    _exclude_specs: list[tuple[Path, Spec]] | None = field(default=None, repr=False, compare=False)

    def included(self, path: str) -> bool:
        """Whether the file at (absolute, normalised) `path` matches the include globs."""
        if self.include == DEFAULT_INCLUDE:  # `*.md`... match a name at any depth: its suffix
            return path.endswith(_DEFAULT_SUFFIXES)
        if self._include_spec is None:
            self._include_spec = compile_globs(self.include)
        rel = relative_posix(path, self.include_base)
        return rel is not None and self._include_spec.match_file(rel)

    def excluded(self, path: str, is_dir: bool = False) -> bool:
        if self._exclude_specs is None:
            self._exclude_specs = [(base, compile_globs(globs)) for base, globs in self.exclude]
        for base, spec in self._exclude_specs:
            rel = relative_posix(path, base)
            if rel is not None and spec.match_file(rel + "/" if is_dir else rel):
                return True
        return False


FilterFor = Callable[[Path], Filter]


def default_filter(folder: Path) -> Filter:
    return Filter(folder)


def has_front_matter(path: str | Path) -> bool:
    """Whether a file starts with a `---` or `+++` fence (reads 64 bytes)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(64)
    except OSError:
        return True  # let the runner report it as unreadable
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    return head.startswith((b"---", b"+++"))


class _GitIgnores:
    """The `.gitignore` files that apply to a folder, shallowest first (deeper ones win)."""

    def __init__(self, specs: tuple[tuple[str, Spec], ...] = ()) -> None:
        self.specs = specs

    def entering(self, folder: str) -> _GitIgnores:
        spec = _read_gitignore(folder)
        return _GitIgnores(self.specs + ((folder, spec),)) if spec is not None else self

    def ignored(self, path: str, is_dir: bool) -> bool:
        verdict: bool | None = None
        for base, spec in self.specs:
            rel = relative_posix(path, base)
            if rel is None:
                continue
            result = spec.check_file(rel + "/" if is_dir else rel)
            if result.include is not None:
                verdict = result.include
        return bool(verdict)


def _read_gitignore(folder: str) -> Spec | None:
    try:
        with open(os.path.join(folder, ".gitignore"), encoding="utf-8", errors="replace") as handle:
            text = handle.read()
    except OSError:
        return None
    return pathspec.GitIgnoreSpec.from_lines(text.splitlines())


def _ancestor_ignores(folder: Path) -> _GitIgnores:
    """`.gitignore` files above `folder`, up to the repository root (the folder holding `.git`).

    When `folder` itself lies in an ignored tree, it was named on purpose: none of them apply.
    """
    chain: list[Path] = []
    for parent in folder.parents:
        chain.append(parent)
        if (parent / ".git").exists():
            break
    else:
        return _GitIgnores()  # not in a repository: only the walk's own .gitignore files count
    ignores = _GitIgnores()
    for parent in reversed(chain):
        ignores = ignores.entering(str(parent))
    inner = [folder, *folder.parents[: len(chain) - 1]]
    if any(ignores.ignored(str(path), True) for path in inner):
        return _GitIgnores()
    return ignores


def _is_html(path: str) -> bool:
    return path.lower().endswith(HTML_SUFFIXES)


def _walk(root: str, filter_for: FilterFor, seen: set[str], out: list[str]) -> None:
    """Append the files to lint under `root` to `out`, in no particular order. Each entry is
    checked as it is read: a file's only lasting allocation is its path, when it is kept."""
    stack: list[tuple[str, _GitIgnores]] = [(root, _ancestor_ignores(Path(root)).entering(root))]
    while stack:
        folder, ignores = stack.pop()
        real = os.path.realpath(folder)
        if real in seen:
            continue  # a symlink loop, or a folder reached twice
        seen.add(real)
        flt = filter_for(Path(folder))
        prefix = os.path.join(folder, "")
        subfolders: list[str] = []
        try:
            with os.scandir(folder) as iterator:
                for entry in iterator:
                    name = entry.name
                    try:
                        is_dir = entry.is_dir()
                        is_file = not is_dir and entry.is_file()
                    except OSError:
                        continue
                    if is_dir:
                        if name not in SKIP_DIRS and not name.startswith("."):
                            subfolders.append(prefix + name)
                    elif is_file and _wanted(prefix + name, flt, ignores):
                        out.append(prefix + name)
        except OSError:
            continue
        subfolders.sort(reverse=True)  # walked in sorted order: the first path to a folder wins
        stack.extend((path, ignores.entering(path)) for path in subfolders
                     if not (ignores.ignored(path, True) or flt.excluded(path, True)))


def _wanted(path: str, flt: Filter, ignores: _GitIgnores) -> bool:
    if not flt.included(path) or flt.excluded(path) or ignores.ignored(path, False):
        return False
    return not _is_html(path) or has_front_matter(path)


def discover(paths: Sequence[str], filter_for: FilterFor = default_filter, cwd: Path | None = None,
             seen: set[str] | None = None) -> list[Path]:
    """The files to lint under `paths` (absolute, without duplicates, sorted).

    `-` (stdin) is not a file and is left to the caller. Raises UsageError for a path that
    does not exist. `seen`: real paths of folders not to walk (already walked); the folders
    this walk enters are added to it.
    """
    return [Path(path) for path in discover_files(paths, filter_for, cwd, seen)]


def discover_files(paths: Sequence[str], filter_for: FilterFor = default_filter, cwd: Path | None = None,
                   seen: set[str] | None = None) -> list[str]:
    """`discover`, as strings: a path object a file is 10 times its string's memory (40,000
    of them raised a run's peak by 30 MB)."""
    base = str(cwd or Path.cwd())
    found: list[str] = []
    seen = set() if seen is None else seen
    for raw in paths:
        if raw == STDIN:
            continue
        path = os.path.abspath(os.path.join(base, raw))
        if os.path.isdir(path):
            _walk(path, filter_for, seen, found)
        elif os.path.exists(path):
            if filter_for(Path(path).parent).excluded(path):
                continue
            if _is_html(path) and not has_front_matter(path):
                continue
            found.append(path)
        else:
            raise UsageError(f'path "{raw}" does not exist')
    found.sort(key=_posix if os.sep != "/" else None)
    return [path for index, path in enumerate(found) if not index or path != found[index - 1]]


def _posix(path: str) -> str:
    return path.replace(os.sep, "/")
