"""Text primitives and the fast paths that must equal their plain definitions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from seo_lint.rules.hygiene import _paragraph_key
from seo_lint.text import has_alnum, has_cjk, is_cjk_char, normalize

TEXTS = st.text(alphabet=st.sampled_from(list("aZ 9.\t\n\x1c\x0bİßﬁ導入ｶﾞＡ\u3099\u0301\u00a8\u3000")), max_size=30)


@settings(max_examples=400, deadline=None)
@given(TEXTS | TEXTS.map(lambda text: text.encode("ascii", "ignore").decode("ascii")))
def test_paragraph_key_is_the_normalised_text_without_white_space(text: str) -> None:
    assert _paragraph_key(text) == "".join(normalize(text).split())


@settings(max_examples=600, deadline=None)
@given(st.text() | TEXTS | st.text(st.characters(max_codepoint=0x3_0000), max_size=8))
def test_has_cjk_and_has_alnum_are_any_over_the_characters(text: str) -> None:
    assert has_cjk(text) == any(is_cjk_char(char) for char in text)
    assert has_alnum(text) == any(char.isalnum() for char in text)
