"""The fuzz target in the suite: every crash the fuzzer found, replayed, and a small fuzz run.

`fuzz/fuzz_lint.py` is the atheris target (see fuzz/README.md for the long runs). Here its
`check_one_input` runs on each input that once failed (fuzz/regressions/) and on a bounded
hypothesis run that mutates real posts the way a fuzzer does: bytes inserted, deleted,
replaced and spliced, at any position. `SEO_LINT_HYPOTHESIS_EXAMPLES` scales it up.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import fuzz_target

ROOT = Path(__file__).resolve().parent.parent
fuzz_lint = fuzz_target()

REGRESSIONS = sorted((ROOT / "fuzz" / "regressions").glob("*"))
SEEDS = [p.read_bytes() for p in sorted((ROOT / "fixtures").rglob("*.md"))] + [
    b"---\ntitle: x\n---\n",
    '+++\ntitle = "静的サイト"\n+++\n\n![](http://a/b.png?w=1&w=1)\n'.encode(),
    b'{"title": "x"}\n\n<script type="application/ld+json">{"@type": "BlogPosting"}</script>\n',
]
EXAMPLES = int(os.environ.get("SEO_LINT_HYPOTHESIS_EXAMPLES", "100"))
TOKENS = [b"\x00", b"\xff", b"\xe3\x81", b"\r", b"\n", b"---\n", b"{", b"}", b"[", b"](", b"<", b">", b'"', b"{{",
          b"%}", b"http://[", b"&amp;", b"\\", b"`", b"#", b"!", b"\xef\xbb\xbf", b"\xf0\x9f\x91\x8d"]


@pytest.mark.parametrize("path", REGRESSIONS, ids=[p.name[:20] for p in REGRESSIONS])
def test_every_input_that_crashed_the_fuzzer_is_fixed(path: Path) -> None:
    fuzz_lint.check_one_input(path.read_bytes())


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.integers(0, 255)).to_bytes(1, "big") + draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["insert", "delete", "replace", "splice", "repeat"]))
        chunk = draw(st.one_of(st.sampled_from(TOKENS), st.binary(min_size=1, max_size=8)))
        if kind == "insert":
            data[at:at] = chunk
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif kind == "replace":
            data[at : at + len(chunk)] = chunk
        elif kind == "splice":
            other = draw(st.sampled_from(SEEDS))
            start = draw(st.integers(0, len(other)))
            data[at:at] = other[start : start + draw(st.integers(1, 400))]
        else:
            data[at:at] = chunk * draw(st.integers(2, 200))
    return bytes(data)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=mutated())
def test_fuzz_smoke_run(data: bytes) -> None:
    fuzz_lint.check_one_input(data)
