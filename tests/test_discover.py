"""Discovery: which files a run lints, in which order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from seo_lint.discover import Filter, UsageError, discover

POST = "---\ntitle: x\n---\nBody\n"


def make(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def found(root: Path, *paths: str, **kwargs: object) -> list[str]:
    return [p.relative_to(root).as_posix() for p in discover(paths or (".",), cwd=root, **kwargs)]  # type: ignore[arg-type]


def test_default_include_and_sorted_order(tmp_path: Path) -> None:
    make(tmp_path, {
        "b.md": POST, "a.markdown": POST, "c.mdx": POST, "page.html": POST, "notes.txt": POST,
        "_posts/2025-01-02-b.md": POST, "_posts/2025-01-01-a.md": POST, "img.png": "x",
    })
    assert found(tmp_path) == [
        "_posts/2025-01-01-a.md", "_posts/2025-01-02-b.md", "a.markdown", "b.md", "c.mdx", "page.html",
    ]


def test_skipped_folders_and_hidden_folders(tmp_path: Path) -> None:
    make(tmp_path, {
        f"{d}/x.md": POST
        for d in (".git", "_site", "public", "node_modules", "vendor", ".venv", "_layouts", "_includes", ".github")
    })
    make(tmp_path, {"content/public-speaking.md": POST, "_posts/a.md": POST})
    assert found(tmp_path) == ["_posts/a.md", "content/public-speaking.md"]


def test_html_only_with_front_matter(tmp_path: Path) -> None:
    make(tmp_path, {
        "post.html": POST,
        "bom.html": "\ufeff+++\ntitle = 'x'\n+++\n",
        "layout.html": "<!doctype html><html></html>\n",
        "liquid.html": "{% include head.html %}\n",
        "page.md": "No front matter at all\n",
    })
    assert found(tmp_path) == ["bom.html", "page.md", "post.html"]
    # also when named explicitly
    assert found(tmp_path, "layout.html", "post.html") == ["post.html"]


def test_gitignore_at_the_root_nested_and_negated(tmp_path: Path) -> None:
    make(tmp_path, {
        ".gitignore": "drafts/\n*.tmp.md\n",
        "drafts/a.md": POST,
        "posts/a.tmp.md": POST,
        "posts/keep.md": POST,
        "posts/.gitignore": "secret*.md\n!secret-ok.md\n",
        "posts/secret1.md": POST,
        "posts/secret-ok.md": POST,
        "other/secret2.md": POST,
    })
    assert found(tmp_path) == ["other/secret2.md", "posts/keep.md", "posts/secret-ok.md"]


def test_gitignore_above_the_walk_up_to_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    make(tmp_path, {".gitignore": "content/drafts/\n", "content/drafts/a.md": POST, "content/posts/b.md": POST})
    assert found(tmp_path / "content") == ["posts/b.md"]


def test_a_folder_inside_an_ignored_tree_is_linted_when_named(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    make(tmp_path, {".gitignore": "bench/corpus/\n*.tmp.md\n", "bench/corpus/site/_posts/a.md": POST,
                    "bench/corpus/site/_posts/b.tmp.md": POST})
    assert found(tmp_path) == []
    assert found(tmp_path / "bench/corpus/site") == ["_posts/a.md", "_posts/b.tmp.md"]


def test_explicit_files_skip_gitignore_and_include(tmp_path: Path) -> None:
    make(tmp_path, {".gitignore": "drafts/\n", "drafts/a.md": POST, "notes.txt": POST})
    assert found(tmp_path, "drafts/a.md", "notes.txt") == ["drafts/a.md", "notes.txt"]


def test_config_include_and_exclude(tmp_path: Path) -> None:
    make(tmp_path, {"_posts/a.md": POST, "_posts/b.txt": POST, "docs/c.md": POST, "_posts/old/d.md": POST})

    def filter_for(folder: Path) -> Filter:
        return Filter(tmp_path, ("*.md", "*.txt"), ((tmp_path, ("docs/", "old/")),))

    assert found(tmp_path, filter_for=filter_for) == ["_posts/a.md", "_posts/b.txt"]
    # an excluded file named explicitly stays excluded (pre-commit passes files one by one)
    assert found(tmp_path, "docs/c.md", "_posts/a.md", filter_for=filter_for) == ["_posts/a.md"]


def test_folder_named_like_a_post_is_a_folder(tmp_path: Path) -> None:
    make(tmp_path, {"x.md/inner.md": POST})
    assert found(tmp_path) == ["x.md/inner.md"]
    assert found(tmp_path, "x.md") == ["x.md/inner.md"]


def test_symlink_loop_does_not_hang_and_files_are_not_duplicated(tmp_path: Path) -> None:
    make(tmp_path, {"a/post.md": POST})
    os.symlink(tmp_path / "a", tmp_path / "a" / "loop")
    os.symlink(tmp_path, tmp_path / "a" / "up")
    assert found(tmp_path) == ["a/post.md"]
    assert found(tmp_path, ".", "a", "a/post.md") == ["a/post.md"]


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as error:
        discover(["nope/x.md"], cwd=tmp_path)
    assert str(error.value) == 'path "nope/x.md" does not exist'


def test_stdin_is_left_to_the_caller(tmp_path: Path) -> None:
    make(tmp_path, {"a.md": POST})
    assert found(tmp_path, "-") == []
