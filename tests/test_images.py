"""IMG001–IMG007: alt text, image URLs (with the IMG004 fix), duplicates, featured image."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seo_lint import registry, text, urls
from seo_lint.findings import Finding, FixSafety
from seo_lint.markdown import Image
from seo_lint.rules import images
from tests.conftest import lines, lint

FIXTURES = Path(__file__).parent / "fixtures" / "images"
CODES = [f"IMG00{n}" for n in range(1, 8)]


def fixture(name: str) -> str:
    with open(FIXTURES / name, encoding="utf-8", newline="") as handle:
        return handle.read()


def apply_fixes(source: str, findings: list[Finding], unsafe: bool = False) -> str:
    """Apply the findings' fixes as `--fix` (safe only) or `--unsafe-fixes` would: bottom-up."""
    edits = sorted(
        (e for f in findings if f.fix and (unsafe or f.fix.safety is FixSafety.SAFE) for e in f.fix.edits),
        key=lambda e: e.start,
    )
    for before, after in pairwise(edits):
        assert before.end <= after.start, "overlapping edits"
    for edit in reversed(edits):
        source = source[: edit.start] + edit.replacement + source[edit.end :]
    return source


def fix_img004(source: str, unsafe: bool, **kwargs: object) -> str:
    return apply_fixes(source, lint(source, ["IMG004"], dedent=False, **kwargs), unsafe)  # type: ignore[arg-type]


# --- docstring examples ------------------------------------------------------------------

_BLOCK = re.compile(r"```markdown\n(.*?)```", re.DOTALL)


@pytest.mark.parametrize("code", CODES)
def test_docstring_examples(code: str) -> None:
    rule = registry.get(code)
    assert rule is not None
    doc = rule.doc
    outside_code = re.sub(r"```.*?```", "", doc, flags=re.DOTALL)
    assert re.findall(r"^## .+$", outside_code, re.MULTILINE) == [
        "## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Fix safety", "## Options",
    ]
    example = _BLOCK.findall(doc.split("\n## Use instead")[0].split("\n## Example")[1])
    use_instead = _BLOCK.findall(doc.split("\n## Use instead")[1].split("\n## Fix safety")[0])
    assert len(example) == len(use_instead) == 1
    path = "_posts/2025-01-10-example.md"
    assert [f.code for f in lint(example[0], [code], path=path, dedent=False)] != []
    assert lint(use_instead[0], [code], path=path, dedent=False) == []


# --- IMG001 ------------------------------------------------------------------------------


def test_img001_missing_and_empty_alt(check) -> None:
    src = """\
        ---
        title: t
        ---

        <img src="/a/no-alt.png">
        <img src="/a/empty.png" alt="">
        <img src="/a/spacer.gif" alt="" role="presentation">
        <img src="/a/hidden.gif" alt="" aria-hidden="true">
        <img src="/a/ok.png" alt="A red lantern over the door">

        ![](/a/md-empty.png) and ![A described image](/a/md-ok.png)

        <picture><source srcset="/a/p.webp"><img src="/a/p.jpg" alt="A bowl of ramen"></picture>
        """
    assert check(src, ["IMG001"]) == [
        "5:1 IMG001 <img> has no alt attribute (no-alt.png)",
        '6:1 IMG001 <img> has an empty alt (empty.png): describe it, or add role="presentation" if decorative',
        "11:1 IMG001 image has empty alt text (md-empty.png)",
    ]


def test_img001_allow_empty_alt_option() -> None:
    from seo_lint.lint import ActiveRule, lint_text
    from seo_lint.rules.images import AltMissingOptions

    rule = registry.get("IMG001")
    assert rule is not None
    active = [ActiveRule(rule, rule.severity, AltMissingOptions(allow_empty_alt=True))]
    src = '---\ntitle: t\n---\n\n<img src="/a.png" alt="">\n\n![](/b.png)\n\n<img src="/c.png">\n'
    assert lines(lint_text(src, "_posts/2025-01-10-x.md", active)) == [
        "9:1 IMG001 <img> has no alt attribute (c.png)"
    ]


# --- IMG002 ------------------------------------------------------------------------------


def test_img002_heading_plus_generic_suffix_on_the_seed_shape(check) -> None:
    source = fixture("duplicate-params.md")
    assert check(source, ["IMG002"], dedent=False) == [
        '18:1 IMG002 alt "予約システム導入の背景に関連するイメージ" is the heading "予約システム導入の背景" plus a generic word',
        '23:1 IMG002 alt "注文の流れを見直すに関連するイメージ" is the heading "注文の流れを見直す" plus a generic word',
        '28:1 IMG002 alt "まとめのイメージ" is the heading "まとめ" plus a generic word',
    ]  # and not line 30, a real description


def test_img002_generic_file_name_url_and_title(check) -> None:
    src = """\
        ---
        title: ラーメン店の開業準備
        ---

        ![画像](/a/1.png)
        ![写真2](/a/2.png)
        ![Screenshot](/a/3.png)
        ![IMG_0042.JPG](/a/4.png)
        ![DSC01234](/a/5.png)
        ![photo-1500000000002-bbbb](https://cdn.example.com/photo-1500000000002-bbbb?w=1)
        ![https://cdn.example.com/7.png](https://cdn.example.com/7.png)
        ![ラーメン店の開業準備の画像](/a/8.png)

        ## Opening day

        ![Image of opening day](/a/9.png)
        ![Opening day photo](/a/10.png)
        ![Opening day](/a/11.png)
        ![A queue of twenty people outside before opening](/a/12.png)
        ![画像生成AIで描いた店の外観](/a/13.png)
        """
    assert check(src, ["IMG002"]) == [
        '5:1 IMG002 alt "画像" is generic: it says nothing about the image',
        '6:1 IMG002 alt "写真2" is generic: it says nothing about the image',
        '7:1 IMG002 alt "Screenshot" is generic: it says nothing about the image',
        '8:1 IMG002 alt "IMG_0042.JPG" is a file name, not a description',
        '9:1 IMG002 alt "DSC01234" is a file name, not a description',
        '10:1 IMG002 alt "photo-1500000000002-bbbb" is a file name, not a description',
        '11:1 IMG002 alt "https://cdn.example.com/7.png" is a URL, not a description',
        '12:1 IMG002 alt "ラーメン店の開業準備の画像" is the title "ラーメン店の開業準備" plus a generic word',
        '16:1 IMG002 alt "Image of opening day" is the heading "Opening day" plus a generic word',
        '17:1 IMG002 alt "Opening day photo" is the heading "Opening day" plus a generic word',
    ]


def test_img002_same_alt_on_different_images(check) -> None:
    src = """\
        ---
        title: t
        ---

        ![The dining room at lunch time](https://cdn.example.com/room.jpg?w=600)
        ![The dining room at lunch time](https://cdn.example.com/room.jpg?w=600)
        ![The dining room at lunch time](https://cdn.example.com/room.jpg?w=1200)
        <img src="https://cdn.example.com/kitchen.jpg" alt="The dining room at  lunch time">
        """
    assert check(src, ["IMG002"]) == [
        '7:1 IMG002 alt "The dining room at lunch time" is also the alt of a different image on line 5',
        '8:1 IMG002 alt "The dining room at lunch time" is also the alt of a different image on line 5',
    ]


# --- IMG003 ------------------------------------------------------------------------------


def test_img003_lengths_per_language(check) -> None:
    long_ja = "店の" * 50
    src = f"""\
        ---
        title: 開店までの記録
        ---

        ![看板](/a.png)
        ![店の看板と入口](/b.png)
        ![{long_ja}](/c.png)
        ![{long_ja[:-1]}](/d.png)
        """
    assert check(src, ["IMG003"]) == [
        '5:1 IMG003 alt "看板" is 2 characters (too short at 5 or fewer for ja)',
        f'7:1 IMG003 alt "{long_ja[:29]}…" is 100 characters (too long at 100 or more for ja)',
    ]
    en = """\
        ---
        title: Opening a noodle shop
        ---

        ![Shop front](/a.png)
        ![Shop front2](/b.png)
        """
    assert check(en, ["IMG003"]) == ['5:1 IMG003 alt "Shop front" is 10 characters (too short at 10 or fewer for en)']


# --- IMG004 ------------------------------------------------------------------------------

_UNSPLASH = "w: 1080, 1200; fit: max, crop; crop: entropy, smart"


def test_img004_seed_shape_reports_every_origin() -> None:
    source = fixture("duplicate-params.md")
    findings = lint(source, ["IMG004"], dedent=False)
    assert lines(findings) == [
        f"9:9 IMG004 image URL repeats query parameters ({_UNSPLASH})",  # front matter
        f"18:25 IMG004 image URL repeats query parameters ({_UNSPLASH})",
        f"23:23 IMG004 image URL repeats query parameters ({_UNSPLASH})",
        f"28:13 IMG004 image URL repeats query parameters ({_UNSPLASH})",
        f"44:13 IMG004 image URL repeats query parameters ({_UNSPLASH})",  # JSON-LD
    ]
    for finding in findings:
        assert finding.fix is not None and finding.fix.safety is FixSafety.UNSAFE
        assert finding.fix.description == "keep the last value of each repeated parameter (w=1200, fit=crop, crop=smart)"
        assert source[finding.start : finding.end].startswith("https://images.unsplash.com/photo-")


def test_img004_seed_shape_fixes() -> None:
    source = fixture("duplicate-params.md")
    assert fix_img004(source, unsafe=False) == source  # every repeat conflicts: nothing is safe
    fixed = fix_img004(source, unsafe=True)
    assert fixed == fixture("duplicate-params.unsafe-fixed.md")
    assert lint(fixed, ["IMG004"], dedent=False) == []
    assert fix_img004(fixed, unsafe=True) == fixed


def test_img004_every_origin_and_encoding() -> None:
    source = fixture("encodings.md")
    assert lines(lint(source, ["IMG004"], dedent=False)) == [
        "4:10 IMG004 image URL repeats query parameter (w: 800, 800)",
        "7:14 IMG004 image URL repeats query parameter (w: 1200, 1200)",
        "8:12 IMG004 image URL repeats query parameters (w: 300, 400; fit: max, max)",
        "13:10 IMG004 image URL repeats query parameter (q: 80, 80)",
        "15:50 IMG004 image URL repeats query parameter (w: 600, 600)",
        "17:11 IMG004 image URL repeats query parameters (w: 640, 640; fit: max, crop)",
        "20:19 IMG004 image URL repeats query parameter (fm: webp, webp)",
        "20:77 IMG004 image URL repeats query parameter (w: 2, 3)",
        "21:13 IMG004 image URL repeats query parameter (a: 1, 1)",
        "26:13 IMG004 image URL repeats query parameter (w: 1, 1)",
        "26:95 IMG004 image URL repeats query parameter (w: 1, 3)",
        "27:33 IMG004 image URL repeats query parameter (v: 1, 1)",
    ]
    safe = fix_img004(source, unsafe=False)
    assert safe == fixture("encodings.safe-fixed.md")
    assert fix_img004(safe, unsafe=False) == safe
    unsafe = fix_img004(source, unsafe=True)
    assert unsafe == fixture("encodings.unsafe-fixed.md")
    assert lint(unsafe, ["IMG004"], dedent=False) == []
    assert fix_img004(safe, unsafe=True) == unsafe  # safe first, then unsafe: same result


def test_img004_fixes_change_only_url_characters() -> None:
    source = fixture("encodings.md")
    for finding in lint(source, ["IMG004"], dedent=False):
        assert finding.fix is not None
        for edit in finding.fix.edits:
            assert finding.start <= edit.start <= edit.end <= finding.end
            assert edit.replacement == ""


def test_img004_toml_json_front_matter_and_crlf() -> None:
    toml = '+++\r\ntitle = "t"\r\nimage = "https:\\u002F/x.com/a.jpg?w=1&w=1&h=2"\r\n+++\r\n\r\nBody\r\n'
    assert fix_img004(toml, unsafe=False) == toml.replace("?w=1&w=1&h=2", "?w=1&h=2")
    json_fm = '{\n  "title": "t",\n  "image": "https:\\/\\/x.com\\/a.jpg?w=1\\u0026w=2"\n}\n\nBody\n'
    assert fix_img004(json_fm, unsafe=True) == json_fm.replace("?w=1\\u0026w=2", "?w=2")
    md = "---\r\ntitle: t\r\n---\r\n\r\n![A described photo](https://x.com/a.jpg?a=1&b=2&a=1)\r\n"
    assert fix_img004(md, unsafe=False) == md.replace("?a=1&b=2&a=1", "?b=2&a=1")


def test_img004_no_fix_when_the_raw_url_cannot_be_mapped(check) -> None:
    src = "---\ntitle: t\nimage: https://x.com/a.jpg?w=1\n  &w=1\n---\n\nBody\n"
    findings = lint(src, ["IMG004"], dedent=False)
    assert lines(findings) == ["3:8 IMG004 image URL repeats query parameter (w: 1 , 1)"]
    assert findings[0].fix is None


def test_img004_near_misses(check) -> None:
    src = """\
        ---
        title: t
        image: https://x.com/a.jpg?w=1&h=1
        ---

        ![A described photo](https://x.com/b.jpg?W=1&w=2#w=3&w=4)
        ![A described photo too](https://x.com/c.jpg?w&w=)
        [not an image](https://x.com/d.jpg?w=1&w=2)
        """
    assert check(src, ["IMG004"]) == ["7:26 IMG004 image URL repeats query parameter (w: (no value), )"]


# --- IMG005 ------------------------------------------------------------------------------


def test_img005_insecure_urls_and_fix() -> None:
    src = (
        "---\ntitle: t\nimage: HTTP://cdn.example.com/a.jpg\n---\n\n"
        "![A described photo](http://cdn.example.com/b.jpg)\n"
        '<img src="https://cdn.example.com/c.jpg" alt="A described photo">\n'
        "![A protocol-relative photo](//cdn.example.com/d.jpg)\n\n"
        '<script type="application/ld+json">{"image": "http:\\/\\/cdn.example.com\\/e.jpg"}</script>\n'
    )
    findings = lint(src, ["IMG005"], dedent=False)
    assert lines(findings) == [
        "3:8 IMG005 image URL uses insecure http:// (cdn.example.com)",
        "6:22 IMG005 image URL uses insecure http:// (cdn.example.com)",
        "10:47 IMG005 image URL uses insecure http:// (cdn.example.com)",
    ]
    assert all(f.fix is not None and f.fix.safety is FixSafety.UNSAFE for f in findings)
    assert apply_fixes(src, findings) == src
    fixed = apply_fixes(src, findings, unsafe=True)
    assert fixed == src.replace("HTTP://", "https://").replace("http:", "https:")
    assert lint(fixed, ["IMG005"], dedent=False) == []


# --- IMG006 ------------------------------------------------------------------------------


def test_img006_featured_repeated_and_used_twice(check) -> None:
    src = """\
        ---
        title: t
        image: https://images.example.com/desk.jpg?w=1200&h=630&fit=crop
        ---

        ![A desk by the window](http://images.example.com/desk.jpg?w=1080)
        ![The team on a call](/assets/call.png)
        ![The team on a call, again]({{site.baseurl}}/assets/call.png?v=2)
        ![A different crop region](https://images.example.com/desk.jpg?rect=0,0,10,10)
        <picture><source srcset="/assets/call.webp"><img src="/assets/other.png" alt="Other"></picture>
        """
    assert check(src, ["IMG006"]) == [
        "6:1 IMG006 featured image (front matter `image`, line 3) is repeated in the body (desk.jpg)",
        "8:1 IMG006 image call.png is used twice (first on line 7)",
    ]


def test_img006_liquid_filtered_paths_are_their_path(check) -> None:
    """A real theme demo post shows two different overlay images written
    `{{ "/assets/…-black.jpg" | relative_url }}` and `{{ "/assets/…-red.jpg" | relative_url }}`:
    stripping the Liquid tag left nothing of either URL, so they were "the same image"."""
    src = """\
        ---
        title: t
        ---

        ![A black overlay]({{ "/assets/black.jpg" | relative_url }})
        <img src="{{ '/assets/red.jpg' | relative_url }}" alt="A red overlay">
        ![The red overlay again]({{ site.baseurl }}/assets/red.jpg)
        ![A post image]({{ page.image }})
        ![Another post image]({{ page.cover }})
        """
    assert check(src, ["IMG006"]) == ["7:1 IMG006 image red.jpg is used twice (first on line 6)"]


def test_img006_seed_shape_has_no_duplicates(check) -> None:
    assert check(fixture("duplicate-params.md"), ["IMG006"], dedent=False) == []


# --- IMG007 ------------------------------------------------------------------------------


def test_img007_featured_image_missing(check) -> None:
    assert check("---\ntitle: t\n---\n\n![A photo in the body](/a.png)\n", ["IMG007"]) == [
        "1:1 IMG007 front matter has no featured image (no `image` or other image field)"
    ]
    assert check("---\ntitle: t\nimage: ''\n---\n\nBody\n", ["IMG007"]) == [
        "3:1 IMG007 front matter has no featured image (no `image` or other image field)"
    ]
    assert check("---\ntitle: t\nheader:\n  og_image: /a.png\n---\n\nBody\n", ["IMG007"]) == []
    assert check("---\ntitle: t\nimage:\n  path: /a.png\n---\n\nBody\n", ["IMG007"]) == []
    assert check("No front matter at all.\n", ["IMG007"], path="pages/about.md") == []
    assert check("---\ntitle: t\nthumb: /a.png\n---\n\nBody\n", ["IMG007"], image_fields=("thumb",)) == []


# --- the kernel's image URL spans (what every IMG fix relies on) --------------------------------


@pytest.mark.parametrize(
    ("source", "raw"),
    [
        ("![a][p]\n\n[p]: https://x.com/a.jpg?w=1&amp;w=2 \"T\"\n", "https://x.com/a.jpg?w=1&amp;w=2"),
        ("![P]\n\n[p]: <https://x.com/a b.jpg?w=1>\n", "https://x.com/a b.jpg?w=1"),
        ("![a](https://x.com/a\\_b.jpg?w=1&amp;w=2)\n", "https://x.com/a\\_b.jpg?w=1&amp;w=2"),
        ('![a](https://x.com/a.jpg "https://x.com/a.jpg](y")\n', "https://x.com/a.jpg"),
        ("![https://x.com/a.jpg](https://x.com/a.jpg)\n", "https://x.com/a.jpg"),
        ("![a](https://x.com/(a)b.png)\n", "https://x.com/(a)b.png"),
        ('<img alt="a src=y > b" src="https://x.com/a.jpg?w=1&amp;w=1">\n', "https://x.com/a.jpg?w=1&amp;w=1"),
        ("<IMG SRC='https://x.com/c.jpg' ALT=''>\n", "https://x.com/c.jpg"),
        ('<picture><source srcset="/a.webp?w=1&amp;w=1 1x, /b.webp 2x"><img src="/a.jpg" alt="x"></picture>\n',
         "/a.webp?w=1&amp;w=1"),
        ('<script type="application/ld+json">{"image": "https:\\/\\/x.com\\/a.jpg"}</script>\n',
         "https:\\/\\/x.com\\/a.jpg"),
    ],
)
def test_body_image_url_spans_are_exact(source: str, raw: str) -> None:
    from seo_lint.document import Document

    doc = Document("_posts/2025-01-10-x.md", "---\ntitle: t\n---\n\n" + source)
    image = doc.images[0]
    assert doc.source[image.url_start : image.url_end] == raw


@pytest.mark.parametrize(
    ("front_matter", "raw"),
    [
        ('---\nimage: "https:\\/\\/x.com\\/a.jpg"\n---\n', "https:\\/\\/x.com\\/a.jpg"),
        ("---\nimage: 'https://x.com/it''s.jpg'\n---\n", "https://x.com/it''s.jpg"),
        ("---\nheader:\n  og_image: /a.jpg?w=1\n---\n", "/a.jpg?w=1"),
        ('+++\nimage = "https:\\u002F/x.com/a.jpg"\n+++\n', "https:\\u002F/x.com/a.jpg"),
        ('{\n"image": "https:\\/\\/x.com/a.jpg"\n}\n', "https:\\/\\/x.com/a.jpg"),
    ],
)
def test_front_matter_image_url_spans_are_exact(front_matter: str, raw: str) -> None:
    from seo_lint.document import Document

    doc = Document("_posts/2025-01-10-x.md", front_matter + "\nBody\n")
    image = doc.images[0]
    assert doc.source[image.url_start : image.url_end] == raw


PIECES = st.tuples(st.sampled_from(["a", "%61", "+", "%20", "b", "a+b", "a%20b", ""]), st.sampled_from(["", "=", "=1", "=a&"]))
URLS = st.builds(
    lambda path, pieces, tail: path + "&".join(key + value for key, value in pieces) + tail,
    st.sampled_from(["https://x.test/a.jpg?", "/a?b?", "a.jpg", "?"]),
    st.lists(PIECES, max_size=4),
    st.sampled_from(["", "#a&a", "#?a=1&a=2"]),
)


@settings(max_examples=500, deadline=None)
@given(URLS | st.text(alphabet=st.sampled_from(list("ab=&?#%20+")), max_size=24))
def test_the_repeated_key_precheck_never_hides_a_repeated_key(url: str) -> None:
    from seo_lint.rules.images import _may_repeat_a_key

    if urls.repeated_keys(urls.parse_query(url).params):
        assert _may_repeat_a_key(url)


def _plain_generic_reason(
    image: Image, alt_n: str, names: tuple[tuple[str, str, str], ...], generic: frozenset[str]
) -> str | None:
    """The definition: the quoted alt made first, the alt normalised again for the generic check."""
    alt = image.alt or ""
    quoted = images._quote(alt)
    if images._URL_LIKE.match(alt.strip()) or alt_n == text.normalize_space(image.url):
        return f"alt {quoted} is a URL, not a description"
    stem = images.posixpath.splitext(images._file_name(image.url))[0]
    if images._IMAGE_FILE.match(alt.strip()) or images._CAMERA_FILE.match(alt.strip()) or (
        len(stem) >= 3 and alt_n == text.normalize_space(stem)
    ):
        return f"alt {quoted} is a file name, not a description"
    if images._is_generic(alt, generic):
        return f"alt {quoted} is generic: it says nothing about the image"
    for label, name, name_n in names:
        if images._heading_plus_generic(alt_n, name_n, generic):
            return f"alt {quoted} is the {label} {images._quote(name, 40)} plus a generic word"
    return None


_ALT_WORDS = st.sampled_from(["画像", "Image", "photo", "1", "-", " ", "　", "ＩＭＧ", "の", "イメージ", "of", "team",
                              "DSC_0001", ".jpg", "https://x.com/a.png", "a.png", "Ｐｈｏｔｏ", "\t", "related"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_ALT_WORDS, min_size=1, max_size=5).map("".join), st.sampled_from(["a.png", "https://x.com/a.png", "/img/team.jpg?w=1"]),
       st.lists(_ALT_WORDS, max_size=3).map("".join), st.lists(_ALT_WORDS, max_size=3).map("".join))
def test_generic_reason_is_the_plain_definition(alt: str, url: str, heading: str, title: str) -> None:
    """The alt is normalised once (the caller's `alt_n`) and quoted only for a message."""
    image = Image(url, alt, 0, 10, 2, 8, "markdown")
    names = (("heading", heading, text.normalize_space(heading)), ("title", title, text.normalize_space(title)))
    generic = images._generic_set(images._GENERIC_ALTS)
    alt_n = text.normalize_space(alt)
    assert images._generic_reason(image, alt_n, names, generic) == _plain_generic_reason(image, alt_n, names, generic)


# --- responsive and lazy-loaded <img> URLs --------------------------------------------------

LAZY = (
    "---\ntitle: t\n---\n\n"
    '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="https://x.com/a.jpg?w=8&w=8" alt="A chart">\n\n'
    '<img src="https://x.com/b.jpg" srcset="https://x.com/b.jpg?w=4&w=4 400w, http://x.com/b.jpg?w=8 800w">\n\n'
    '<img data-srcset="https://x.com/c.jpg?q=1&q=2 1x" alt="Third chart">\n'
)


def test_img_srcset_and_lazy_loading_urls_are_image_urls() -> None:
    """`srcset`, `data-src` and `data-srcset` URLs are checked as image URLs, at their exact
    place, and fixed there; the alt rules still see each `<img>` once."""
    assert lines(lint(LAZY, ["IMG001", "IMG004", "IMG005"], dedent=False)) == [
        "5:65 IMG004 image URL repeats query parameter (w: 8, 8)",
        "7:1 IMG001 <img> has no alt attribute (b.jpg)",
        "7:40 IMG004 image URL repeats query parameter (w: 4, 4)",
        "7:74 IMG005 image URL uses insecure http:// (x.com)",
        "9:19 IMG004 image URL repeats query parameter (q: 1, 2)",
    ]
    assert apply_fixes(LAZY, lint(LAZY, ["IMG004"], dedent=False), unsafe=True) == LAZY.replace(
        "a.jpg?w=8&w=8", "a.jpg?w=8").replace("b.jpg?w=4&w=4", "b.jpg?w=4").replace("c.jpg?q=1&q=2", "c.jpg?q=2")
