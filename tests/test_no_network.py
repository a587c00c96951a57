"""No network, no code execution: what the linter does with the content it reads.

- A whole run on the example sites, in every output format, with sockets and DNS patched to
  raise, succeeds: the linter never opens a connection (schemas are never downloaded either).
- Nothing in a post is ever evaluated: YAML is loaded with the safe loader only (a
  `!!python/object` tag is an FM001 finding, never a call), Liquid is never rendered (an
  `{% include %}` of a file next to the post never opens it), and no subprocess is started.
"""

from __future__ import annotations

import builtins
import os
import re
import socket
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from seo_lint.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SITES = [ROOT / "fixtures" / "site", ROOT / "fixtures" / "hugo-site"]
FORMATS = ["text", "concise", "json", "jsonl", "sarif", "github", "junit"]


class NetworkUsed(AssertionError):
    pass


def _refuse(*args: Any, **kwargs: Any) -> Any:
    raise NetworkUsed(f"network access attempted: {args!r}")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname", "create_server"):
        monkeypatch.setattr(socket, name, _refuse)


@pytest.fixture
def no_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(subprocess, "Popen", _refuse)
    for name in ("system", "popen", "execv", "execve", "execvp", "spawnv", "posix_spawn", "posix_spawnp"):
        if hasattr(os, name):
            monkeypatch.setattr(os, name, _refuse)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if isinstance(result.exception, NetworkUsed):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("site", SITES, ids=[s.name for s in SITES])
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_run_on_the_example_sites_opens_no_socket(
    site: Path, fmt: str, no_network: None, no_processes: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(site)
    code, out, err = run("--format", fmt, "--select", "ALL", ".")
    assert (code, err) == (1, ""), err  # findings, and no rule crashed (SL002 would exit 2)
    assert out


def test_the_patch_does_catch_a_connection(no_network: None) -> None:
    """The fixture is not a no-op: a library opening a connection would fail the tests above."""
    with pytest.raises(NetworkUsed):
        socket.create_connection(("example.com", 443))


def test_a_schema_with_a_remote_ref_is_a_config_error_not_a_download(
    tmp_path: Path, no_network: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2025-01-10-a.md").write_text("---\ntitle: A\n---\n\nBody.\n", encoding="utf-8")
    (tmp_path / "post.json").write_text('{"$ref": "https://schemas.example.com/post.json"}', encoding="utf-8")
    (tmp_path / ".seo-lint.toml").write_text('schema = "post.json"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run("--format", "concise", "--select", "FM002") == (2, "", (
        'seo-lint: error: .seo-lint.toml: "schema": schema file post.json has a $ref that cannot be resolved: '
        "https://schemas.example.com/post.json (seo-lint never downloads schemas)\n"
    ))


# --- nothing is executed ----------------------------------------------------------------------

LIQUID_POST = """\
---
title: "Liquid is text to seo-lint, never a program"
date: 2025-01-10
image: "{{ site.url }}/{% include_relative secret.txt %}.png"
---

{% include_relative secret.txt %}
{% include ../../../../../../etc/passwd %}
{% capture x %}{{ 'secret.txt' | read_file }}{% endcapture %}{{ x }}
{% for post in site.posts %}{{ post.content }}{% endfor %}
{{ site.data.secrets | jsonify }}

![A diagram of the build](/images/{{ page.slug }}.png)
"""


def test_liquid_is_never_rendered_and_includes_are_never_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_network: None, no_processes: None
) -> None:
    posts = tmp_path / "_posts"
    posts.mkdir()
    (posts / "2025-01-10-liquid.md").write_text(LIQUID_POST, encoding="utf-8")
    (posts / "secret.txt").write_text("SECRET-CONTENT\n", encoding="utf-8")
    (tmp_path / "_data").mkdir()
    (tmp_path / "_data" / "secrets.yml").write_text("token: SECRET-CONTENT\n", encoding="utf-8")
    (tmp_path / "_config.yml").write_text("title: Site\n", encoding="utf-8")
    opened: list[str] = []
    real_open = builtins.open

    def recording_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(builtins, "open", recording_open)
    code, out, err = run("--format", "json", "--select", "ALL", ".")
    assert code in (0, 1) and err == "" and "SL002" not in out
    assert "SECRET-CONTENT" not in out
    assert not [p for p in opened if re.search(r"secret|passwd", p)]
    assert any(p.endswith("2025-01-10-liquid.md") for p in opened)  # the recording works


def test_yaml_tags_in_a_post_and_in_config_yml_are_never_constructed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_processes: None
) -> None:
    marker = tmp_path / "MARKER"
    tag = f"!!python/object/apply:os.system ['touch {marker}']"
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2025-01-10-a.md").write_text(f"---\ntitle: {tag}\n---\n\nBody.\n", encoding="utf-8")
    (tmp_path / "_config.yml").write_text(f"title: {tag}\nurl: !!python/name:os.system\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run("--format", "concise", "--select", "FM001")
    assert (code, err) == (1, "")
    assert out == (
        "_posts/2025-01-10-a.md:2:8: FM001 YAML error: could not determine a constructor for the tag "
        "'tag:yaml.org,2002:python/object/apply:os.system'\n"
    )
    assert not marker.exists()


UNSAFE_CALLS = re.compile(
    r"\byaml\.(?:load|load_all|full_load|unsafe_load|unsafe_load_all)\(|\byaml\.(?:Unsafe|Full)?Loader\b"
    r"|\b(?:Unsafe|Full)Loader\b|\beval\(|\bexec\(|\bpickle\b|\bmarshal\b|\bsubprocess\b|\bos\.system\("
    r"|\bimport socket\b|\burllib\.request\b|\bhttp\.client\b|\burlopen\(|\bimport requests\b|\bhttpx\b"
)


def test_the_source_has_no_unsafe_loader_eval_subprocess_or_network_call() -> None:
    """A static guard next to the behavioural tests: nothing in seo_lint/ can evaluate content
    or reach the network."""
    found = []
    for path in sorted((ROOT / "seo_lint").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if UNSAFE_CALLS.search(line.split("#", 1)[0]):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


def test_front_matter_yaml_is_composed_and_constructed_by_a_safe_loader() -> None:
    import yaml

    from seo_lint import frontmatter

    loader = frontmatter._RawTimestampLoader
    assert issubclass(loader, yaml.constructor.SafeConstructor)
    assert not issubclass(loader, (yaml.constructor.FullConstructor, yaml.constructor.UnsafeConstructor))
