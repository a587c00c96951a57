"""Config files: discovery (closest wins), extend, selection layers, options, schema, site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from seo_lint.config import CliOptions, ConfigError, Resolver
from seo_lint.discover import UsageError


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # paths in messages are relative to the current folder


def make(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def rules(resolver: Resolver, path: Path) -> list[str]:
    """`CODE:severity` of every active rule for `path`."""
    return [f"{a.rule.code}:{a.severity.value}" for a in resolver.resolve(path).rules]


def error_of(root: Path, files: dict[str, str], **cli: object) -> str:
    make(root, files)
    with pytest.raises(UsageError) as error:
        Resolver(CliOptions(**cli), cwd=root).resolve(root / "a.md")  # type: ignore[arg-type]
    return str(error.value)


# --- discovery ------------------------------------------------------------------------------


def test_closest_config_wins_and_pyproject_without_section_is_skipped(tmp_path: Path) -> None:
    make(tmp_path, {
        ".seo-lint.toml": 'select = ["FM001"]\n',
        "blog/pyproject.toml": '[project]\nname = "x"\n',
        "blog/_posts/a.md": "",
        "docs/seo-lint.toml": 'select = ["FILE001"]\n',
        "docs/guide/a.md": "",
        "site/pyproject.toml": '[tool.seo-lint]\nselect = ["FILE002"]\n',
        "site/a.md": "",
    })
    resolver = Resolver(cwd=tmp_path)
    assert rules(resolver, tmp_path / "blog/_posts/a.md") == ["FM001:error"]
    assert rules(resolver, tmp_path / "docs/guide/a.md") == ["FILE001:error"]
    assert rules(resolver, tmp_path / "site/a.md") == ["FILE002:error"]


def test_dot_file_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    make(tmp_path, {
        ".seo-lint.toml": 'select = ["FM001"]\n',
        "pyproject.toml": '[tool.seo-lint]\nselect = ["FILE002"]\n',
    })
    assert rules(Resolver(cwd=tmp_path), tmp_path / "a.md") == ["FM001:error"]


def test_isolated_and_explicit_config(tmp_path: Path) -> None:
    make(tmp_path, {
        ".seo-lint.toml": 'select = ["FM001"]\n',
        "sub/.seo-lint.toml": 'select = ["FILE002"]\n',
        "ci/strict.toml": 'select = ["FILE001"]\n[severity]\nFILE001 = "warning"\n',
    })
    isolated = Resolver(CliOptions(isolated=True, select=("FM001", "FILE")), cwd=tmp_path)
    assert rules(isolated, tmp_path / "sub/a.md") == ["FILE001:error", "FILE002:error", "FM001:error"]
    fixed = Resolver(CliOptions(config=Path("ci/strict.toml")), cwd=tmp_path)
    assert rules(fixed, tmp_path / "sub/a.md") == ["FILE001:warning"]
    assert error_of(tmp_path, {}, config=Path("nope.toml")) == 'config file "nope.toml" does not exist'


def test_extend_inherits_and_the_child_wins(tmp_path: Path) -> None:
    make(tmp_path, {
        "base.toml": 'select = ["FM001", "FILE001"]\n[severity]\nFM001 = "info"\nFILE001 = "info"\n',
        "blog/.seo-lint.toml": 'extend = "../base.toml"\nextend-select = ["FILE002"]\n[severity]\nFM001 = "warning"\n',
    })
    assert rules(Resolver(cwd=tmp_path), tmp_path / "blog/a.md") == [
        "FILE001:info", "FILE002:error", "FM001:warning",
    ]


def test_extend_errors(tmp_path: Path) -> None:
    assert error_of(tmp_path / "a", {".seo-lint.toml": 'extend = "missing.toml"\n'}) == (
        'a/.seo-lint.toml: "extend": a/missing.toml not found'
    )
    assert error_of(tmp_path / "b", {".seo-lint.toml": 'extend = "x.toml"\n', "x.toml": 'extend = ".seo-lint.toml"\n'}) == (
        'b/.seo-lint.toml: "extend" forms a cycle'
    )


# --- selection, severity, overrides ---------------------------------------------------------


def test_names_prefixes_and_all_are_accepted(tmp_path: Path) -> None:
    make(tmp_path, {".seo-lint.toml": 'select = ["front-matter-syntax", "FILE"]\nignore = ["file-encoding"]\n'})
    assert rules(Resolver(cwd=tmp_path), tmp_path / "a.md") == ["FILE002:error", "FM001:error"]


def test_command_line_selection_comes_after_the_config(tmp_path: Path) -> None:
    make(tmp_path, {".seo-lint.toml": 'select = ["FM001"]\nignore = ["FILE002"]\n'})
    resolver = Resolver(CliOptions(extend_select=("FILE",)), cwd=tmp_path)
    assert rules(resolver, tmp_path / "a.md") == ["FILE001:error", "FILE002:error", "FM001:error"]
    resolver = Resolver(CliOptions(select=("FILE001",)), cwd=tmp_path)
    assert rules(resolver, tmp_path / "a.md") == ["FILE001:error"]


def test_per_file_ignores_relative_to_the_config(tmp_path: Path) -> None:
    make(tmp_path, {".seo-lint.toml": (
        'select = ["FM001", "FILE001"]\n'
        '[per-file-ignores]\n"_drafts/*.md" = ["FM001"]\n"**/legacy/**" = ["FILE"]\n'
    )})
    resolver = Resolver(CliOptions(select=("FM001", "FILE001")), cwd=tmp_path)
    assert rules(resolver, tmp_path / "_drafts/a.md") == ["FILE001:error"]
    assert rules(resolver, tmp_path / "x/_drafts/a.md") == ["FILE001:error", "FM001:error"]
    assert rules(resolver, tmp_path / "posts/legacy/a.md") == ["FM001:error"]


def test_severity_by_code_name_and_prefix_in_written_order(tmp_path: Path) -> None:
    make(tmp_path, {".seo-lint.toml": (
        'select = ["FM001", "FILE"]\n[severity]\nFILE = "info"\nfile-unreadable = "warning"\n'
    )})
    assert rules(Resolver(cwd=tmp_path), tmp_path / "a.md") == ["FILE001:info", "FILE002:warning", "FM001:error"]


def test_overrides_per_glob(tmp_path: Path) -> None:
    make(tmp_path, {".seo-lint.toml": (
        'select = ["FM001", "FILE001"]\nlanguage = "en"\n'
        '[[overrides]]\nfiles = ["_drafts/**"]\nignore = ["FM001"]\nlanguage = "ja"\n'
        '[[overrides]]\nfiles = ["_posts/**"]\nextend-select = ["FILE002"]\n[overrides.severity]\nFM001 = "warning"\n'
        '[overrides.rules.FM001]\nposts-dirs = ["_posts"]\n'
    )})
    resolver = Resolver(cwd=tmp_path)
    assert rules(resolver, tmp_path / "_drafts/a.md") == ["FILE001:error"]
    assert resolver.resolve(tmp_path / "_drafts/a.md").settings.language == "ja"
    assert rules(resolver, tmp_path / "_posts/a.md") == ["FILE001:error", "FILE002:error", "FM001:warning"]
    posts = resolver.resolve(tmp_path / "_posts/a.md")
    assert posts.settings.language == "en"
    fm001 = next(a for a in posts.rules if a.rule.code == "FM001")
    assert fm001.options.posts_dirs == ("_posts",)  # type: ignore[attr-defined]
    other = next(a for a in resolver.resolve(tmp_path / "b.md").rules if a.rule.code == "FM001")
    assert other.options.posts_dirs == ("_posts", "_drafts", "posts", "content/posts", "src/content/blog")  # type: ignore[attr-defined]


def test_rule_sets_are_cached_per_config_and_matching_globs(tmp_path: Path) -> None:
    make(tmp_path, {".seo-lint.toml": '[per-file-ignores]\n"_drafts/*" = ["FM001"]\n'})
    resolver = Resolver(cwd=tmp_path)
    a, b = resolver.resolve(tmp_path / "_posts/a.md"), resolver.resolve(tmp_path / "_posts/b.md")
    assert a.rules is b.rules
    assert resolver.resolve(tmp_path / "_drafts/c.md").rules is not a.rules


def test_rule_options_and_max_file_size(tmp_path: Path) -> None:
    make(tmp_path, {".seo-lint.toml": (
        'select = ["FM001"]\nmax-file-size = 1000\n[rules.front-matter-syntax]\nposts-dirs = ["articles"]\n'
    )})
    resolved = Resolver(cwd=tmp_path).resolve(tmp_path / "a.md")
    assert resolved.max_file_size == 1000
    assert resolved.rules[0].options.posts_dirs == ("articles",)  # type: ignore[attr-defined]


# --- errors: one line naming the file, the key and what is valid ----------------------------


@pytest.mark.parametrize(("text", "message"), [
    ("selct = []\n",
     ('.seo-lint.toml: unknown key "selct" (valid: extend, select, extend-select, ignore, per-file-ignores, '
     "severity, rules, overrides, schema, language, include, exclude, max-file-size, fail-on, site)")),
    ('fail-on = "warn"\n',
     """.seo-lint.toml: bad value for "fail-on": input should be 'error', 'warning', 'info' or 'never' (got "warn")"""),
    ('[site]\ngeneratr = "x"\n',
     ('.seo-lint.toml: unknown key "site.generatr" (valid: generator, title-is-h1, timezone, base-url, '
     "posts-dir, image-fields)")),
    ('[[overrides]]\nfiles = ["a"]\nselct = ["FM"]\n',
     ('.seo-lint.toml: unknown key "overrides[1].selct" (valid: files, select, extend-select, ignore, '
     "severity, rules, language, schema)")),
    ('[[overrides]]\nselect = ["FM"]\n', '.seo-lint.toml: missing key "overrides[1].files"'),
    ('[rules.FM001]\nposts-dir = ["x"]\n', '.seo-lint.toml: unknown key "rules.FM001.posts-dir" (valid: posts-dirs)'),
    ('[rules.FM001]\nposts-dirs = 3\n', '.seo-lint.toml: bad value for "rules.FM001.posts-dirs": expected a list (got 3)'),
    ('[severity]\nFM001 = "fatal"\n',
     """.seo-lint.toml: bad value for "severity.FM001": input should be 'error', 'warning' or 'info' (got "fatal")"""),
    ('select = ["KW999"]\n',
     ('.seo-lint.toml: unknown rule "KW999" in "select" (valid: rule codes, names, prefixes or ALL; '
     "see seo-lint --list-rules)")),
    ('[per-file-ignores]\n"x" = ["ZZ"]\n',
     ('.seo-lint.toml: unknown rule "ZZ" in "per-file-ignores.x" (valid: rule codes, names, prefixes or ALL; '
     "see seo-lint --list-rules)")),
    ('select = "FM001"\n', '.seo-lint.toml: bad value for "select": expected a list (got "FM001")'),
    ("max-file-size = -1\n", '.seo-lint.toml: bad value for "max-file-size": input should be greater than 0 (got -1)'),
    ("site = 3\n", '.seo-lint.toml: bad value for "site": expected a table (got 3)'),
    ("schema = 3\n", '.seo-lint.toml: bad value for "schema": expected a path, or a table of glob = path (got 3)'),
    ("x = [\n", ".seo-lint.toml: invalid TOML: Invalid value (at end of document)"),
])
def test_config_errors_are_one_line(tmp_path: Path, text: str, message: str) -> None:
    assert error_of(tmp_path, {".seo-lint.toml": text}) == message


def test_pyproject_errors_name_the_file(tmp_path: Path) -> None:
    assert error_of(tmp_path, {"pyproject.toml": '[tool.seo-lint]\nignore = ["nope"]\n'}) == (
        'pyproject.toml: unknown rule "nope" in "ignore" (valid: rule codes, names, prefixes or ALL; '
        "see seo-lint --list-rules)"
    )


def test_unknown_rule_on_the_command_line(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as error:
        Resolver(CliOptions(ignore=("XX001",)), cwd=tmp_path)
    assert str(error.value) == (
        'unknown rule "XX001" in --ignore (valid: rule codes, names, prefixes or ALL; see seo-lint --list-rules)'
    )


# --- schema ---------------------------------------------------------------------------------

SCHEMA = {"type": "object", "required": ["title", "author"]}


def test_schema_is_loaded_checked_and_injected_per_glob(tmp_path: Path) -> None:
    make(tmp_path, {
        "schemas/post.json": json.dumps(SCHEMA),
        "schemas/page.json": json.dumps({"type": "object"}),
        ".seo-lint.toml": '[schema]\n"*.md" = "schemas/page.json"\n"_posts/*.md" = "schemas/post.json"\n',
    })
    resolver = Resolver(CliOptions(select=("FM002",)), cwd=tmp_path)
    post = resolver.resolve(tmp_path / "_posts/a.md").rules[0]
    page = resolver.resolve(tmp_path / "about.md").rules[0]
    assert (post.rule.code, post.options.schema) == ("FM002", SCHEMA)  # type: ignore[attr-defined]
    assert page.options.schema == {"type": "object"}  # type: ignore[attr-defined]


@pytest.mark.parametrize(("content", "message"), [
    (None, '.seo-lint.toml: "schema": schema file s.json not found'),
    ('{"type": ', '.seo-lint.toml: "schema": schema file s.json is not valid JSON: Expecting value: line 1 column 10 (char 9)'),
    ('{"type": 12}', ('.seo-lint.toml: "schema": schema file s.json is not a valid JSON Schema at type: '
                     "12 is not valid under any of the given schemas")),
    ("[1]", '.seo-lint.toml: "schema": schema file s.json must hold a JSON object'),
])
def test_bad_schema_file_is_one_line(tmp_path: Path, content: str | None, message: str) -> None:
    files = {".seo-lint.toml": 'schema = "s.json"\n'}
    if content is not None:
        files["s.json"] = content
    assert error_of(tmp_path, files) == message


# --- site -----------------------------------------------------------------------------------


def test_jekyll_site_settings_from_config_yml(tmp_path: Path) -> None:
    make(tmp_path, {
        "_config.yml": "title: Blog\ntimezone: Asia/Tokyo\nurl: https://example.com\nbaseurl: /blog\n",
        "_posts/a.md": "",
    })
    settings = Resolver(cwd=tmp_path).resolve(tmp_path / "_posts/a.md").settings
    assert (settings.generator, settings.title_is_h1, settings.timezone, settings.base_url) == (
        "jekyll", True, "Asia/Tokyo", "https://example.com/blog",
    )
    assert settings.site["title"] == "Blog"


def test_site_table_overrides_detection(tmp_path: Path) -> None:
    make(tmp_path, {
        "_config.yml": "timezone: Asia/Tokyo\n",
        ".seo-lint.toml": (
            '[site]\ngenerator = "generic"\ntitle-is-h1 = false\ntimezone = "Europe/Paris"\n'
            'base-url = "https://x.example"\nimage-fields = ["hero"]\nposts-dir = "articles"\n'
        ),
    })
    resolved = Resolver(CliOptions(select=("FM001",)), cwd=tmp_path).resolve(tmp_path / "articles/a.md")
    s = resolved.settings
    assert (s.generator, s.title_is_h1, s.timezone, s.base_url, s.image_fields) == (
        "generic", False, "Europe/Paris", "https://x.example", ("hero",),
    )
    assert resolved.rules[0].options.posts_dirs[-1] == "articles"  # type: ignore[attr-defined]


def test_hugo_detection_and_generic_default(tmp_path: Path) -> None:
    make(tmp_path, {
        "hugo/hugo.toml": 'baseURL = "https://h.example/"\ntimeZone = "Asia/Tokyo"\n',
        "hugo/content/posts/a.md": "",
        "old/config.toml": '[params]\nx = 1\n',
        "old/content/a.md": "",
        "plain/a.md": "",
    })
    resolver = Resolver(cwd=tmp_path)
    hugo = resolver.resolve(tmp_path / "hugo/content/posts/a.md").settings
    assert (hugo.generator, hugo.base_url, hugo.timezone) == ("hugo", "https://h.example", "Asia/Tokyo")
    assert resolver.site_root(tmp_path / "hugo/content/posts/a.md") == tmp_path / "hugo"
    assert resolver.resolve(tmp_path / "old/content/a.md").settings.generator == "hugo"
    plain = resolver.resolve(tmp_path / "plain/a.md").settings
    assert (plain.generator, plain.title_is_h1, plain.timezone) == ("generic", True, "UTC")


def test_broken_config_yml_is_ignored(tmp_path: Path) -> None:
    make(tmp_path, {"_config.yml": "title: [unclosed\n", "_posts/a.md": ""})
    settings = Resolver(cwd=tmp_path).resolve(tmp_path / "_posts/a.md").settings
    assert (settings.generator, dict(settings.site)) == ("jekyll", {})


def test_site_root_is_bounded_by_the_config_folder(tmp_path: Path) -> None:
    make(tmp_path, {
        "_config.yml": "title: outer\n",
        "repo/.seo-lint.toml": "",
        "repo/blog/_config.yml": "title: inner\n",
        "repo/notes/a.md": "",
    })
    resolver = Resolver(cwd=tmp_path)
    assert resolver.site_root(tmp_path / "repo/blog/_posts/a.md") == tmp_path / "repo/blog"
    assert resolver.site_root(tmp_path / "repo/notes/a.md") == tmp_path / "repo"
    assert Resolver(CliOptions(root=Path("repo/notes")), cwd=tmp_path).site_root(tmp_path / "x.md") == (
        tmp_path / "repo/notes"
    )


def test_fail_on_from_the_config_of_the_current_folder(tmp_path: Path) -> None:
    make(tmp_path, {".seo-lint.toml": 'fail-on = "warning"\n'})
    assert Resolver(cwd=tmp_path).fail_on() == "warning"
    assert Resolver(CliOptions(fail_on="never"), cwd=tmp_path).fail_on() == "never"
    assert Resolver(CliOptions(isolated=True), cwd=tmp_path).fail_on() == "error"


def test_include_and_exclude_feed_discovery(tmp_path: Path) -> None:
    from seo_lint.discover import discover

    make(tmp_path, {
        ".seo-lint.toml": 'include = ["*.md", "*.txt"]\nexclude = ["drafts/"]\n',
        "a.txt": "", "b.md": "", "drafts/c.md": "",
        "sub/.seo-lint.toml": 'extend = "../.seo-lint.toml"\nexclude = ["old.md"]\n',
        "sub/old.md": "", "sub/new.md": "", "sub/drafts/d.md": "",
    })
    resolver = Resolver(cwd=tmp_path)
    files = discover(["."], resolver.filter_for, tmp_path)
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["a.txt", "b.md", "sub/new.md"]


def test_config_error_is_a_usage_error() -> None:
    assert issubclass(ConfigError, UsageError)


def test_language_from_the_command_line_wins(tmp_path: Path) -> None:
    make(tmp_path, {".seo-lint.toml": 'language = "en"\n[[overrides]]\nfiles = ["ja/"]\nlanguage = "ja"\n'})
    assert Resolver(cwd=tmp_path).resolve(tmp_path / "ja/a.md").settings.language == "ja"
    assert Resolver(cwd=tmp_path).resolve(tmp_path / "a.md").settings.language == "en"
    assert Resolver(CliOptions(language="zh"), cwd=tmp_path).resolve(tmp_path / "ja/a.md").settings.language == "zh"
