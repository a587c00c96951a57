"""seo_lint.html: the walks over bs4's tree that must equal their plain definitions."""

from __future__ import annotations

from typing import Any
from unittest import mock

from hostile.strategies import token_soups
from hypothesis import given, settings
from hypothesis import strategies as st

from seo_lint import html
from seo_lint.markdown import Block, Fragment, TextRun

_TEXTS = st.sampled_from(["text", " ", "\n  ", "本文です", "a &amp; b", "&copy", "x > y", "&#38;", "&nbsp;", "\u3000"])
_NAMES = st.sampled_from(
    [*sorted(html._SIMPLE_NAMES), "P", "script", "style", "pre", "textarea", "ruby", "rt", "source", "picture", "x-el"]
)
_ATTRIBUTES = st.lists(
    st.tuples(
        st.sampled_from(["src", "alt", "href", "id", "class", "title", "rel", "headers", "accesskey", "data-x", "ALT"]),
        st.sampled_from(['="a.png"', "='b c'", '=""', "", '="x &amp; y"', '="?a=1&copy=2&amp"', '="  two  words "',
                         "=bare", '= "spaced"', '="&lt;b&gt;"', '="a\nb"', "='it\"s'"]),
    ),
    max_size=4,
).map(lambda pairs: "".join(f" {name}{value}" for name, value in pairs))


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """An element around some children: closed or not, `/>`, odd spacing."""
    return st.builds(
        lambda name, attributes, space, contents, close: (
            f"<{name}{attributes}{space}>{''.join(contents)}" + (f"</{name}>" if close else "")
        ),
        _NAMES, _ATTRIBUTES, st.sampled_from(["", " ", "/", " /", "\n"]), st.lists(children, max_size=4),
        st.sampled_from([True, True, True, False]),
    )


def _plain_element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A well-formed element of the names read without bs4 (void ones empty)."""
    return st.builds(
        lambda name, attributes, space, contents: (
            f"<{name}{attributes}{space}>"
            + ("" if name in html._SIMPLE_VOID else f"{''.join(contents)}</{name}>")
        ),
        st.sampled_from(sorted(html._SIMPLE_NAMES)), _ATTRIBUTES.filter(lambda a: "=bare" not in a and "= " not in a),
        st.sampled_from(["", " ", "\n", " /"]), st.lists(children, max_size=4),
    )


_PLAIN_TEXTS = st.sampled_from(["text", " ", "\n  ", "本文です", "x > y", "\u3000", "Ａ１"]) | st.text(
    st.characters(blacklist_characters="<&"), max_size=4
)
_FRAGMENTS = st.lists(
    st.recursive(_PLAIN_TEXTS, _plain_element, max_leaves=25)
    | st.recursive(_TEXTS | st.text(max_size=4), _element, max_leaves=25),
    min_size=1, max_size=3,
).map("".join)

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
    soup = html._soup(text)
    assert html._blocks(source, fragment, html._visible_strings(soup)) == _plain_text_blocks(source, fragment, soup)


@settings(max_examples=500, deadline=None)
@given(_FRAGMENTS, st.booleans())
def test_plain_fragments_are_read_without_bs4_as_bs4_reads_them(text: str, inline: bool) -> None:
    """The plain-HTML reading gives bs4's model, or declines (and bs4 reads the fragment)."""
    source = "x" + text
    fragment = Fragment(text, 1, len(source), inline)
    fast = html.HtmlModel([], [], [], [])
    html._parse_fragment(source, fragment, fast)
    with mock.patch.object(html, "_simple_tree", return_value=None):
        slow = html.HtmlModel([], [], [], [])
        html._parse_fragment(source, fragment, slow)
    assert fast == slow


def test_everyday_fragments_are_read_without_bs4() -> None:
    related = (
        '<div class="related-posts">\n  <h3>関連記事</h3>\n  <ul>\n    <li><a href="{{ site.baseurl }}{% post_url '
        '2020-07-12-seo %}">検索意図分析のコツ</a></li>\n  </ul>\n</div>\n'
    )
    figure = (
        '<figure>\n  <img src="https://cdn.example.org/p.jpg?crop=entropy&cs=tinysrgb&amp;w=1080" alt="写真" '
        'loading="lazy" width="1200" height="630">\n  <figcaption>支出の記録</figcaption>\n</figure>\n'
    )
    for text in (related, figure, '<p class="a  b">One<br>two > <em>three</em></p>'):
        assert html._simple_tree(text) is not None
    for text in ("<p>unclosed", "<script>x</script>", "<P>upper</P>", "<p>a < b</p>", "<img src=bare>", "<!-- c -->", "<p>Q&amp;A</p>"):
        assert html._simple_tree(text) is None


def test_the_plain_reading_knows_bs4s_multi_valued_attributes() -> None:
    from bs4.builder import HTMLTreeBuilder

    defaults = HTMLTreeBuilder.DEFAULT_CDATA_LIST_ATTRIBUTES
    assert defaults["*"] == html._LISTED
    for name in html._SIMPLE_NAMES:
        assert html._LIST_ATTRIBUTES.get(name, html._LISTED) == html._LISTED | defaults.get(name, set()), name
