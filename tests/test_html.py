"""seo_lint.html: the walks over bs4's tree that must equal their plain definitions."""

from __future__ import annotations

from typing import Any

from hostile.strategies import token_soups
from hypothesis import given, settings
from hypothesis import strategies as st

from seo_lint import html
from seo_lint.markdown import Block, Fragment, TextRun

_TAGS = st.sampled_from(
    ["<p>", "</p>", "<div>", "</div>", "<h2>", "</h2>", "<h3 id=a>", "<span>", "</span>", "<script>", "</script>",
     "<style>", "</style>", "<template>", "<noscript>", "<li>", "<a href=x>", "</a>", "<!-- c -->", "<![CDATA[x]]>",
     "<br>", "<img src=a.png alt=b>", "text", " 本文 ", "\n", "&amp;", "a", "b"]
)


def _plain_text_blocks(source: str, fragment: Fragment, soup: Any) -> list[Block]:
    """The definition: every string find_all(string=True) yields outside script-like elements,
    grouped by its nearest block-level ancestor (else the document)."""
    bs4 = html._bs4()
    blocks: dict[int, Block] = {}
    cursor = fragment.start
    for string in soup.find_all(string=True):
        if isinstance(string, bs4.Comment) or not isinstance(string, bs4.NavigableString):
            continue
        if string.parent is None or any(tag.name in html._INVISIBLE for tag in string.parents):
            continue
        stripped = str(string).strip()
        if not stripped:
            continue
        at = source.find(stripped, cursor, fragment.end)
        run = TextRun(stripped, at, at + len(stripped)) if at != -1 else TextRun(stripped, cursor, cursor, False)
        if at != -1:
            cursor = at + len(stripped)
        owner = next(tag for tag in string.parents if tag.name in html._BLOCK_TAGS or tag.parent is None)
        block = blocks.get(id(owner))
        if block is None:
            heading = owner.name in html._HEADINGS
            block = blocks[id(owner)] = Block(
                "heading" if heading else "html", run.start, run.end, level=int(owner.name[1]) if heading else 0
            )
        block.runs.append(run)
        block.end = max(block.end, run.end)
    return list(blocks.values())


@settings(max_examples=300, deadline=None)
@given(token_soups() | st.lists(_TAGS, max_size=40).map("".join), st.integers(0, 3))
def test_text_blocks_are_those_of_the_plain_definition(text: str, offset: int) -> None:
    source = "x" * offset + text
    fragment = Fragment(text, offset, len(source))
    assert html._text_blocks(source, fragment, html._soup(text)) == _plain_text_blocks(source, fragment, html._soup(text))
