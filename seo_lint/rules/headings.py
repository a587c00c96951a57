"""Heading structure rules (HD): one H1, no skipped levels, no duplicates or empty headings,
sensible heading and section lengths, and a body that does not start by repeating the title.

Headings come from Markdown and from HTML in the body (`Document.headings`). With the
`title-is-h1` setting (Jekyll and Hugo layouts render the front matter title as the H1),
the title is the page's H1 and the body's headings start below it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from seo_lint import text
from seo_lint.document import Document
from seo_lint.findings import Severity, Violation
from seo_lint.markdown import Heading
from seo_lint.registry import NoOptions, RuleOptions, for_language, rule


def _quote(value: str, limit: int = 60) -> str:
    value = " ".join(value.split())
    return f'"{value}"' if len(value) <= limit else f'"{value[: limit - 1]}…"'


def _title_is_h1(doc: Document) -> bool:
    """The layout renders the front matter title as the page's H1."""
    return doc.settings.title_is_h1 and bool((doc.title or "").strip())


def _line(doc: Document, offset: int) -> int:
    return doc.position(offset)[0]


# --- HD001 -------------------------------------------------------------------------------


@rule("HD001", "single-h1", Severity.ERROR)
def single_h1(doc: Document, opts: NoOptions) -> Iterator[Violation]:
    """## What it does
    Flags a second H1. When the layout renders the front matter title as the H1 (the
    `title-is-h1` setting, on by default for Jekyll and Hugo sites), any H1 in the body is
    a second one.

    ## Why is this bad?
    A page has one main heading (Yoast SingleH1, markdownlint MD025). Two H1s blur what the
    page is about for search engines and for screen reader users who jump between headings.

    ## Example
    ```markdown
    ---
    title: Structuring a long guide
    ---

    # Structuring a long guide

    ## Start with the outline
    ```

    ## Use instead
    ```markdown
    ---
    title: Structuring a long guide
    ---

    ## Start with the outline
    ```

    ## Fix safety
    No fix: demoting a heading changes the whole outline below it.

    ## Options
    None (`title-is-h1` is a setting).
    """
    h1s = [h for h in doc.headings if h.level == 1]
    if _title_is_h1(doc):
        for heading in h1s:
            yield Violation(
                heading.start, heading.end,
                f"H1 {_quote(heading.text)} in the body is a second H1 "
                "(the layout renders the title as the H1)",
            )
        return
    for heading in h1s[1:]:
        yield Violation(
            heading.start, heading.end,
            f"second H1 {_quote(heading.text)} (first H1 {_quote(h1s[0].text, 40)} on line "
            f"{_line(doc, h1s[0].start)})",
        )


# --- HD002 -------------------------------------------------------------------------------


@rule("HD002", "heading-increment", Severity.WARNING)
def heading_increment(doc: Document, opts: NoOptions) -> Iterator[Violation]:
    """## What it does
    Flags a heading that goes down more than one level at once (H2 → H4). With
    `title-is-h1`, the title counts as the H1 before the first heading.

    ## Why is this bad?
    Headings form the outline that search engines and screen readers use (markdownlint
    MD001). A skipped level leaves a hole in it, usually because a heading level was
    chosen for its font size.

    ## Example
    ```markdown
    ---
    title: Caching static sites
    ---

    ## Browser caching

    #### Cache-Control headers
    ```

    ## Use instead
    ```markdown
    ---
    title: Caching static sites
    ---

    ## Browser caching

    ### Cache-Control headers
    ```

    ## Fix safety
    No fix.

    ## Options
    None.
    """
    previous: int | None = 1 if _title_is_h1(doc) else None
    after_title = previous is not None
    for heading in doc.headings:
        if previous is not None and heading.level > previous + 1:
            where = "the title H1" if after_title else f"H{previous}"
            yield Violation(
                heading.start, heading.end,
                f"H{heading.level} {_quote(heading.text)} follows {where} "
                f"(expected H{previous + 1})",
            )
        previous, after_title = heading.level, False


# --- HD003 -------------------------------------------------------------------------------


@rule("HD003", "duplicate-heading", Severity.WARNING)
def duplicate_heading(doc: Document, opts: NoOptions) -> Iterator[Violation]:
    """## What it does
    Flags two headings with the same text (after NFKC normalisation, case folding and
    trimming) at the same level under the same parent heading.

    ## Why is this bad?
    Two sections with one name are either a copy-and-paste slip or a section split in two;
    both confuse the outline, and the generated anchors (`#summary`, `#summary-1`) become
    unpredictable. The same heading under different parents (`Setup` under each step) is fine.

    ## Example
    ```markdown
    ---
    title: Moving a blog from WordPress to Hugo
    ---

    ## Exporting the posts

    ## Converting the images

    ## Exporting the posts
    ```

    ## Use instead
    ```markdown
    ---
    title: Moving a blog from WordPress to Hugo
    ---

    ## Exporting the posts

    ## Converting the images

    ## Exporting the comments
    ```

    ## Fix safety
    No fix.

    ## Options
    None.
    """
    parents: list[tuple[int, int]] = []  # (level, index) of the open ancestors
    seen: dict[tuple[int, int, str], Heading] = {}
    for index, heading in enumerate(doc.headings):
        while parents and parents[-1][0] >= heading.level:
            parents.pop()
        parent = parents[-1][1] if parents else -1
        parents.append((heading.level, index))
        key_text = text.normalize_space(heading.text)
        if not key_text:
            continue  # HD004
        first = seen.setdefault((parent, heading.level, key_text), heading)
        if first is not heading:
            yield Violation(
                heading.start, heading.end,
                f"duplicate H{heading.level} {_quote(heading.text)} (same text on line "
                f"{_line(doc, first.start)}, under the same parent)",
            )


# --- HD004 -------------------------------------------------------------------------------


@rule("HD004", "empty-heading", Severity.ERROR)
def empty_heading(doc: Document, opts: NoOptions) -> Iterator[Violation]:
    """## What it does
    Flags a heading with no text (`##` alone, `<h2></h2>`). A heading that holds only an
    image with alt text is not empty.

    ## Why is this bad?
    An empty heading is an empty entry in the outline: screen readers announce "heading
    level 2" and nothing else, and it usually means a generator lost the text.

    ## Example
    ```markdown
    ---
    title: Notes on image formats
    ---

    ##

    AVIF is smaller than WebP for photographs.
    ```

    ## Use instead
    ```markdown
    ---
    title: Notes on image formats
    ---

    ## AVIF or WebP?

    AVIF is smaller than WebP for photographs.
    ```

    ## Fix safety
    No fix.

    ## Options
    None.
    """
    described = sorted(i.start for i in doc.body_images if (i.alt or "").strip())
    for heading in doc.headings:
        if heading.text.strip():
            continue
        inside = bisect_left(described, heading.start)
        if inside < len(described) and described[inside] < heading.end:
            continue  # a heading that is an image with alt text
        yield Violation(heading.start, heading.end, f"H{heading.level} has no text")


# --- HD005 -------------------------------------------------------------------------------


class HeadingLengthOptions(RuleOptions):
    #: Maximum length: display width in full-width characters for CJK languages (half-width
    #: characters count 0.5), characters otherwise.
    max_length: dict[str, float] = {"ja": 40, "cjk": 40, "en": 70, "default": 70}


@rule("HD005", "heading-length", Severity.INFO, options=HeadingLengthOptions)
def heading_length(doc: Document, opts: HeadingLengthOptions) -> Iterator[Violation]:
    """## What it does
    Flags a heading longer than `max-length`: 40 full-width characters wide for Japanese
    (half-width characters count 0.5), 70 characters for English and other languages.

    ## Why is this bad?
    A heading is a signpost, scanned in a second and shown as a sitelink or a table of
    contents entry. A sentence-long heading is usually a paragraph in the wrong place.
    The limits are a heuristic (Google sets none), so this is informational.

    ## Example
    ```markdown
    ---
    title: Internal links
    ---

    ## Why internal links between related posts matter for readers and for search engines
    ```

    ## Use instead
    ```markdown
    ---
    title: Internal links
    ---

    ## Why internal links matter
    ```

    ## Fix safety
    No fix.

    ## Options
    - `max-length` (default `{ja = 40, cjk = 40, en = 70, default = 70}`): the longest
      heading, in full-width characters wide for CJK languages, in characters otherwise.
    """
    limit = for_language(opts.max_length, doc.language)
    for heading in doc.headings:
        value = " ".join(heading.text.split())
        if doc.is_cjk:
            if len(value) <= limit:
                continue  # no character is wider than 1
            width = text.display_width(value)
            if width > limit:
                yield Violation(
                    heading.start, heading.end,
                    f"heading {_quote(value, 40)} is {text.format_width(width)} "
                    f"full-width characters wide (max {limit:g} for {doc.language})",
                )
        elif len(value) > limit:
            yield Violation(
                heading.start, heading.end,
                f"heading {_quote(value, 40)} is {len(value)} characters "
                f"(max {limit:g} for {doc.language})",
            )


# --- HD006 -------------------------------------------------------------------------------


@rule("HD006", "title-repeated-in-body", Severity.WARNING)
def title_repeated_in_body(doc: Document, opts: NoOptions) -> Iterator[Violation]:
    """## What it does
    Flags a body whose first block (a heading, or the first line of a paragraph) repeats
    the title, when the layout renders the title (the `title-is-h1` setting).

    ## Why is this bad?
    The reader sees the title twice in a row. Generated posts often start with the title
    pasted as a first line; it also puts the title's words in the first paragraph twice,
    which skews keyword counts.

    ## Example
    ```markdown
    ---
    title: Ten years of static site generators
    ---

    Ten years of static site generators
    Jekyll came out in 2008; since then the field has grown.
    ```

    ## Use instead
    ```markdown
    ---
    title: Ten years of static site generators
    ---

    Jekyll came out in 2008; since then the field has grown.
    ```

    ## Fix safety
    No fix.

    ## Options
    None (`title-is-h1` is a setting).
    """
    if not _title_is_h1(doc) or not doc.prose_blocks:
        return
    title = text.normalize_space(doc.title or "")
    block = doc.prose_blocks[0]  # Liquid tags (`{% include toc.html %}`) do not count
    if block.kind == "heading":
        if text.normalize_space(block.text) == title:
            heading = next((h for h in doc.headings if h.start <= block.start < h.end), None)
            start, end = (heading.start, heading.end) if heading else (block.start, block.end)
            message = f"the first heading repeats the title {_quote(doc.title or '')}"
            yield Violation(start, end, message)
        return
    first_line = block.text.split("\n", 1)[0]
    if first_line.strip() and text.normalize_space(first_line) == title:
        end = block.offset(len(first_line.rstrip()) - 1) + 1
        message = f"the body's first line repeats the title {_quote(doc.title or '')}"
        yield Violation(block.offset(0), end, message)


# --- HD007 -------------------------------------------------------------------------------


class LongSectionOptions(RuleOptions):
    #: Longest run of prose without a subheading: characters for CJK languages, words otherwise.
    max_length: dict[str, int] = {"ja": 600, "cjk": 600, "en": 300, "default": 300}


@rule("HD007", "long-section", Severity.INFO, options=LongSectionOptions)
def long_section(doc: Document, opts: LongSectionOptions) -> Iterator[Violation]:
    """## What it does
    Flags a run of prose without a subheading that is longer than `max-length`: 600
    characters for Japanese, 300 words for English (Yoast's subheading distribution).
    Text is counted in characters for CJK languages and in words otherwise; code is not
    counted.

    ## Why is this bad?
    Readers scan; a long stretch without a subheading is hard to scan and to come back
    to, and subheadings are where search engines look for the structure of the page.

    ## Example
    ```markdown
    ---
    title: 静的サイトの画像最適化
    ---

    ## 画像の形式

    画像の形式を選ぶときは、まず写真かイラストかを考えます。
    写真ならAVIFかWebPが小さく、イラストやロゴならSVGかPNGが向いています。
    AVIFは同じ画質でWebPより二割ほど小さくなることが多いものの、エンコードに時間がかかるため、ビルドのたびに変換するとサイトの生成が遅くなります。
    変換した画像をキャッシュし、元画像が変わったときだけ作り直す仕組みを用意しておくと安心です。
    対応していない古いブラウザのためには、picture要素で複数の形式を並べ、最後にJPEGを置いておきます。
    画像の幅は表示される最大の幅の二倍までにとどめ、それ以上の解像度は配信しないようにします。
    高解像度の画面でもそれで十分にきれいに見えます。
    画像の容量はページの読み込み時間に直接響くため、記事を公開する前に一枚ずつ確認する習慣をつけると、後からまとめて直す手間が省けます。
    ファイル名には内容を表す英単語を使い、日本語や空白を避けると、URLが読みやすくなり、共有されたときにも崩れません。
    代替テキストには画像が伝えている内容を具体的に書き、「画像」や「写真」だけで済ませないようにします。
    アイキャッチ画像はSNSで共有されたときに表示されるため、横長の比率で、文字を入れる場合は中央に寄せておくと切れにくくなります。
    最後に、同じ画像を記事の中で何度も使わないようにし、使う場合は小さなサイズを一度だけ読み込むようにします。
    画像の遅延読み込みを使えば、最初の画面に表示されない画像の読み込みを後回しにでき、表示が速くなります。
    ただし、最初の画面に表示される画像には遅延読み込みを使わないようにしましょう。
    ```

    ## Use instead
    ```markdown
    ---
    title: 静的サイトの画像最適化
    ---

    ## 画像の形式

    画像の形式を選ぶときは、まず写真かイラストかを考えます。写真ならAVIFかWebPが小さく、イラストやロゴならSVGかPNGが向いています。

    ## 画像の大きさ

    画像の幅は表示される最大の幅の二倍までにとどめ、それ以上の解像度は配信しないようにします。
    ```

    ## Fix safety
    No fix.

    ## Options
    - `max-length` (default `{ja = 600, cjk = 600, en = 300, default = 300}`): the longest
      run of prose without a subheading, in characters for CJK languages, words otherwise.
    """
    limit = for_language(opts.max_length, doc.language)
    headings = doc.headings
    starts = [h.start for h in headings]
    totals: dict[int, int] = {}  # heading index (-1: before the first heading) -> length
    first_block: dict[int, int] = {}
    for block, size in zip(doc.prose_blocks, doc.prose_lengths):
        if block.kind == "heading":
            continue
        section = bisect_right(starts, block.start) - 1
        totals[section] = totals.get(section, 0) + size
        first_block.setdefault(section, block.start)
    unit = text.unit(doc.language)
    for section, total in sorted(totals.items()):
        if total <= limit:
            continue
        if section == -1:
            start = end = first_block[section]
            where = "the text before the first heading"
        else:
            heading = headings[section]
            start, end, where = heading.start, heading.end, f"section {_quote(heading.text, 40)}"
        message = f"{where} has {total} {unit} without a subheading (max {limit} for {doc.language})"
        yield Violation(start, end, message)
