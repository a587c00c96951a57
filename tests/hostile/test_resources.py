"""Resource bounds: size and depth limits, and no input that makes a regex or a parser blow up.

- Every regular expression in seo_lint/ (module-level patterns, and literal patterns passed
  to `re.*` calls, found with `ast`) runs on the worst inputs built from its own pieces:
  long runs of each character it names, of pairs of them, of its literal fragments without
  their terminator. Each must finish within a generous budget (a SIGALRM, which interrupts
  the regex engine): catastrophic backtracking never would.
- Whole documents that were quadratic once (thousands of unclosed tags, an author name of
  spaces) or could be (long runs of every markup character) lint within a budget too.
Budgets are hang detectors with a wide margin, not timings.
"""

from __future__ import annotations

import ast
import importlib
import json
import os
import pkgutil
import re
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import seo_lint
from seo_lint import frontmatter, html, jsonpos
from seo_lint.lint import default_rules, lint_text
from seo_lint.load import DEFAULT_MAX_FILE_SIZE, document_from_bytes

try:
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

ROOT = Path(seo_lint.__file__).parent
REGEX_BUDGET = 20  # seconds per pattern (each takes milliseconds)
DOCUMENT_BUDGET = 60  # seconds per 100,000-character document (each takes about a second)

needs_alarm = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs SIGALRM")


class OverBudget(BaseException):
    """Raised by the alarm: a BaseException, so no `except Exception` in seo_lint swallows it."""


@contextmanager
def budget(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise OverBudget(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --- every regex ------------------------------------------------------------------------------


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    found: dict[tuple[str, int], str] = {}
    names = [m.name for m in pkgutil.walk_packages([str(ROOT)], "seo_lint.") if not m.name.endswith("__main__")]
    for name in ["seo_lint", *names]:
        module = importlib.import_module(name)
        for key, value in vars(module).items():
            items = value.values() if isinstance(value, dict) else value if isinstance(value, (list, tuple)) else [value]
            for item in items:
                if isinstance(item, re.Pattern) and isinstance(item.pattern, str):
                    found.setdefault((item.pattern, item.flags), f"{name}.{key}")
    calls = {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}
    for path in sorted(ROOT.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in calls
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                pattern = re.compile(node.args[0].value)
                found.setdefault((pattern.pattern, pattern.flags), f"{path.relative_to(ROOT.parent)}:{node.lineno}")
    return sorted(((where, re.compile(p, f)) for (p, f), where in found.items()), key=lambda x: x[0])


PATTERNS = _patterns()
_CATEGORY = {
    sre_constants.CATEGORY_DIGIT: "1", sre_constants.CATEGORY_NOT_DIGIT: "a", sre_constants.CATEGORY_SPACE: " \n",
    sre_constants.CATEGORY_NOT_SPACE: "a", sre_constants.CATEGORY_WORD: "a_", sre_constants.CATEGORY_NOT_WORD: " ",
}
GENERIC = "aA1 \n\r\t-_./:あ漢。%&=?#<>\"'{}[]()*,;\\|@!`"


def _pieces(tree: object, chars: set[str], literals: set[str]) -> None:
    """The characters a parsed pattern names, and its runs of literal characters."""
    run = ""
    for op, arg in tree:  # type: ignore[attr-defined]
        if op is sre_constants.LITERAL:
            chars.add(chr(arg))
            run += chr(arg)
            continue
        if len(run) > 1:
            literals.add(run)
        run = ""
        if op is sre_constants.IN:
            for kind, value in arg:
                if kind is sre_constants.LITERAL:
                    chars.add(chr(value))
                elif kind is sre_constants.RANGE:
                    chars.update({chr(value[0]), chr(value[1]), chr((value[0] + value[1]) // 2)})
                elif kind is sre_constants.CATEGORY:
                    chars.update(_CATEGORY.get(value, "a"))
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            _pieces(arg[2], chars, literals)
        elif op is sre_constants.SUBPATTERN:
            _pieces(arg[-1], chars, literals)
        elif op is sre_constants.BRANCH:
            for branch in arg[1]:
                _pieces(branch, chars, literals)
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            _pieces(arg[1], chars, literals)
        elif op is sre_constants.ANY:
            chars.update("a\n")
    if len(run) > 1:
        literals.add(run)


def worst_inputs(pattern: re.Pattern[str], size: int = 2_000) -> Iterator[str]:
    chars: set[str] = set()
    literals: set[str] = set()
    _pieces(sre_parse.parse(pattern.pattern, pattern.flags), chars, literals)
    named = sorted(c for c in chars if c.isprintable() or c in " \n\r\t")
    for char in sorted(set(named) | set(GENERIC)):
        yield char * size
    for i, a in enumerate(named[:10]):
        for b in named[i + 1 : 10]:
            yield (a + b) * (size // 2)
    for literal in sorted(literals)[:10]:
        yield literal * (size // len(literal) + 1)
        for char in named[:6]:
            yield literal + char * size  # the opening without its terminator
            yield (literal + char * 8) * (size // (len(literal) + 8))


def test_the_regex_collection_finds_them_all() -> None:
    from seo_lint import markdown, urls
    from seo_lint.rules import jsonld

    found = {pattern for _, pattern in PATTERNS}
    assert len(found) > 100
    assert {markdown.LIQUID, html.JSON_LD, jsonld._NAME_SEPARATOR, *urls._ESCAPES.values()} <= found
    assert re.compile(r"\d+(?:\.\d+)?[wx]") in found  # a literal pattern inside a function (html.py)


@needs_alarm
@pytest.mark.parametrize(("where", "pattern"), PATTERNS, ids=[w for w, _ in PATTERNS])
def test_no_regex_backtracks_catastrophically(where: str, pattern: re.Pattern[str]) -> None:
    with budget(REGEX_BUDGET):
        for text in worst_inputs(pattern):
            for _ in pattern.finditer(text):
                pass
            pattern.fullmatch(text)


@needs_alarm
def test_the_budget_does_stop_a_catastrophic_regex() -> None:
    """The check above can fail: a classic exponential pattern is caught by the budget."""
    with pytest.raises(OverBudget), budget(0.5):
        re.match(r"(a+)+$", "a" * 40 + "!")


# --- whole documents --------------------------------------------------------------------------

SIZE = 100_000
FRONT = "---\ntitle: A post about harbours\ndate: 2025-01-10\n---\n\n"
RUNS = ["<h2>x", "<p>x", "<div>x", "<li>x", "<a href=x>x", "<table><tr><td>x", "{{", "{%", "[", "![", "](", "<",
        "`", "*", "_", "\\", "&amp;", "|", "#", "> ", "- ", "1. ", " ", "\n", "\r\n", "\t", "a", "あ", "〇", "X",
        "aA", "a_", "x-", "http://", "https://x.com/?w=1&w=1 ", "e\u0301", "👍🏽", "[insert ", "【ここに", "TODO "]


def _ld(name: str) -> str:
    entity = {"@context": "https://schema.org", "@type": "BlogPosting", "author": {"@type": "Person", "name": name}}
    return f'<script type="application/ld+json">{json.dumps(entity)}</script>\n'


DOCUMENTS = {f"run of {piece!r}": FRONT + piece * (SIZE // len(piece)) for piece in RUNS} | {
    "author name of spaces": FRONT + _ld("a" + " " * SIZE + "b"),
    "title of spaces": "---\ntitle: " + json.dumps("a" + " " * SIZE + "b") + "\n---\n\nBody.\n",
    "one long line": FRONT + "静的サイトは速くて安全です。" * (SIZE // 14),
}


@needs_alarm
@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_pathological_documents_lint_within_budget(name: str) -> None:
    """Thousands of unclosed `<h2>x` took 125 s for 100,000 characters (quadratic) before
    the HTML model was made linear; an author name of spaces, 30 s per split."""
    with budget(DOCUMENT_BUDGET):
        findings = lint_text(DOCUMENTS[name], "_posts/2025-01-10-a.md", default_rules())
    assert not [f.message for f in findings if f.code == "SL002"]


# --- limits -----------------------------------------------------------------------------------


def test_file_size_limit_is_exact() -> None:
    at_limit = document_from_bytes("a.md", b"a" * DEFAULT_MAX_FILE_SIZE)
    over = document_from_bytes("a.md", b"a" * (DEFAULT_MAX_FILE_SIZE + 1))
    assert at_limit.load_problem is None
    assert over.load_problem is not None and over.load_problem.message == (
        "file is 5,242,881 bytes (max-file-size is 5,242,880); not linted"
    )
    assert document_from_bytes("a.md", b"abc", max_size=2).load_problem is not None


def test_json_ld_depth_and_size_limits() -> None:
    def ld001(content: str) -> list[str]:
        doc = FRONT + '<script type="application/ld+json">' + content + "</script>\n"
        return [f"{f.line}:{f.column} {f.code} {f.message}" for f in lint_text(doc, "p.md", default_rules(["LD001"]))]

    depth = jsonpos.MAX_DEPTH
    assert ld001("[" * (depth + 1) + "]" * (depth + 1)) == []
    assert ld001("[" * (depth + 2) + "]" * (depth + 2)) == [
        f"6:{36 + depth + 1} LD001 JSON-LD is not valid JSON: nested more than {depth} levels deep"
    ]
    big = '"' + "x" * html.MAX_JSON_LD + '"'
    assert ld001(big) == [f"6:36 LD001 JSON-LD block is {len(big):,} characters (max {html.MAX_JSON_LD:,})"]


def test_front_matter_node_and_depth_limits() -> None:
    aliases = "---\na: &a [" + ",".join(["x"] * 200) + "]\nb: [" + ",".join(["*a"] * 200) + "]\n---\n"
    fm = frontmatter.split(aliases)
    assert [e.message for e in fm.errors] == [
        f"front matter expands to more than {frontmatter.MAX_NODES:,} values (recursive or repeated aliases)"
    ]
    assert fm.data == {} and fm.fields == {}
    deep = "---\nx: " + "[" * (frontmatter.MAX_DEPTH + 1) + "]" * (frontmatter.MAX_DEPTH + 1) + "\n---\n"
    assert [e.message for e in frontmatter.split(deep).errors] == [
        f"front matter is nested more than {frontmatter.MAX_DEPTH} levels deep"
    ]


@pytest.mark.skipif(not hasattr(os, "truncate") or sys.platform != "linux", reason="needs sparse files and RLIMIT_AS")
def test_a_huge_file_is_never_read_into_memory(tmp_path: Path) -> None:
    """A 3 GB (sparse) file named like a post, linted under a 1 GB address-space limit: it is
    FILE002 from its size alone. It used to be read whole first (MemoryError, exit 2)."""
    import resource
    import subprocess

    posts = tmp_path / "_posts"
    posts.mkdir()
    with open(posts / "huge.md", "wb") as handle:
        handle.truncate(3 * 1024**3)
    (posts / "ok.md").write_text("---\ntitle: A\n---\n\n<img src=/a.png>\n", encoding="utf-8")

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))

    done = subprocess.run(
        [sys.executable, "-m", "seo_lint", "--isolated", "--no-cache", "--format", "concise", "--select", "FILE,IMG001",
         "."],
        cwd=tmp_path, capture_output=True, text=True, timeout=600, preexec_fn=limit_memory, check=False,
    )
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout == (
        "_posts/huge.md:1:1: FILE002 file is 3,221,225,472 bytes (max-file-size is 5,242,880); not linted\n"
        "_posts/ok.md:5:1: IMG001 <img> has no alt attribute (a.png)\n"
    )
