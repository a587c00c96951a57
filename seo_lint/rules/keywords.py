"""Keyword rules (KW001–KW008): density, placement, verbatim pasting, cannibalisation.

How keywords are read and matched is in `seo_lint.keywords`.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from pydantic import field_validator

from seo_lint import keywords as kw
from seo_lint.document import Document
from seo_lint.findings import Severity, Violation
from seo_lint.keywords import Haystack, Keyword
from seo_lint.markdown import Block
from seo_lint.registry import (
    RuleOptions,
    Site,
    SiteViolation,
    for_language,
    rule,
    site_rule,
    summarizer,
)
from seo_lint.text import char_count


class KeywordOptions(RuleOptions):
    #: Front matter keys holding the keywords; the first one the post sets is used.
    keywords_field: tuple[str, ...] = kw.DEFAULT_FIELDS

    @field_validator("keywords_field", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return (value,) if isinstance(value, str) else value


class StuffingOptions(KeywordOptions):
    #: Highest density, in percent (characters for ja/zh/ko, words otherwise).
    max_density: dict[str, float] = {"cjk": 5.0, "default": 3.0}
    #: Shortest prose judged (characters for ja/zh/ko, words otherwise).
    min_length: dict[str, int] = {"cjk": 300, "default": 100}


class ScarceOptions(KeywordOptions):
    #: Lowest density, in percent (characters for ja/zh/ko, words otherwise).
    min_density: dict[str, float] = {"cjk": 0.5, "default": 0.5}
    #: Shortest prose whose density is judged; absent terms are reported at any length.
    min_length: dict[str, int] = {"cjk": 300, "default": 100}


# --- helpers ---------------------------------------------------------------------------


def _percent(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") + " %"


def _count_unit(doc: Document) -> tuple[int, str]:
    """Size of the prose and its unit: characters for CJK posts, words otherwise."""
    # the prose is its blocks joined by blank lines: its length is the sum of theirs
    return sum(doc.prose_lengths), "characters" if doc.is_cjk else "words"


def _times(count: int) -> str:
    return "1 time" if count == 1 else f"{count:,} times"


@dataclass(frozen=True)
class _Row:
    label: str  # the term (or phrase) as written
    count: int  # occurrences in the prose
    size: int  # characters of the normalised term (CJK), 1 otherwise
    percent: float


class _Density:
    """Occurrences and density of each term (term set) or of the phrase, in the prose."""

    def __init__(self, doc: Document, keyword: Keyword, haystack: Haystack) -> None:
        self.total, self.unit = _count_unit(doc)
        self.cjk = doc.is_cjk
        counts = haystack.term_counts(keyword)
        shown = [" ".join(keyword.shown)] if keyword.phrase else list(keyword.shown)
        self.rows = [self._row(label, unit, counts[unit]) for label, unit in zip(shown, counts)]

    def _row(self, label: str, unit: str, count: int) -> _Row:
        size = char_count(unit) if self.cjk else 1
        percent = count * size / self.total * 100 if self.total else 0.0
        return _Row(label, count, size, percent)

    def detail(self, row: _Row, limit: str) -> str:
        """`0.47 % (12 × 2 of 5,136 characters; min 0.5 %)` or `9.5 % (14 times in 147 words; …)`."""
        if self.cjk:
            raw = f"{row.count:,} × {row.size} of {self.total:,} {self.unit}"
        else:
            raw = f"{_times(row.count)} in {self.total:,} {self.unit}"
        return f"{_percent(row.percent)} ({raw}; {limit})"


def _haystack(doc: Document) -> Haystack:
    return doc.memo("keywords.prose-haystack", lambda: Haystack(doc.prose))


def _label(keyword: Keyword) -> str:
    return f"keyword {kw.quote(keyword)}"


def _names(items: Sequence[str]) -> str:
    return ", ".join(items)


def _missing(haystack: Haystack, keyword: Keyword) -> list[str]:
    pairs = zip(keyword.units, keyword.shown)
    return [shown for unit, shown in pairs if not haystack.has_unit(keyword, unit)]


def _not_in(keyword: Keyword, text: str | None, where: str) -> str | None:
    """The message when the focus keyword is not in `text`, else None."""
    haystack = Haystack(text or "")
    if haystack.contains(keyword):
        return None
    missing = _missing(haystack, keyword)
    if keyword.phrase:
        detail = f" (words never used: {_names(missing)})" if missing else " (its words are there, not in this order)"
    else:
        detail = f" (missing {'term' if len(missing) == 1 else 'terms'} {_names(missing)})"
    return f"focus keyword {kw.quote(keyword)} is not in the {where}{detail}"


# --- KW001 / KW002: density ------------------------------------------------------------


@rule("KW001", "keyword-stuffing", Severity.WARNING, options=StuffingOptions)
def keyword_stuffing(doc: Document, opts: StuffingOptions) -> Iterator[Violation]:
    """## What it does
    Flags a keyword used so often that the text reads as stuffed: its density is above
    `max-density` (default 5 % for Japanese, Chinese and Korean, 3 % for other languages).

    Density, computed for every keyword of the post (see KW002 for where keywords come from):
    - word languages: occurrences of the keyphrase ÷ words of prose × 100;
    - Japanese, Chinese, Korean: for each space-separated term of the keyword,
      (occurrences × characters of the term) ÷ characters of prose × 100. Text is never split
      on spaces; characters are the visible ones (white space not counted).
    Prose is the text a reader sees: no front matter, code, HTML tags, URLs or Liquid.
    Texts shorter than `min-length` (300 characters / 100 words) are not judged.

    ## Why is this bad?
    Repeating a keyword makes text awkward to read and is treated by search engines as
    spam ("keyword stuffing"). Yoast penalises a density above 3 % (heavily above 4 %), Rank
    Math above 2.5 %; Japanese SEO tools cite 2–5 % by characters.

    ## Example
    ```markdown
    ---
    title: "Markdown tables in static site generators"
    description: "How Markdown tables work in Jekyll, Hugo and Astro, and how to keep them readable on small screens."
    keywords: [markdown tables]
    ---

    Markdown tables are simple. Markdown tables use pipes. Markdown tables need a header row,
    and markdown tables need a separator row below it. Most generators render markdown tables
    with the same extension, so markdown tables look alike in Jekyll, Hugo and Astro. Wide
    markdown tables overflow on phones, and long markdown tables are hard to scan. Keep
    markdown tables narrow, keep markdown tables short, and split markdown tables that grow
    past a screen. When markdown tables must be wide, wrap markdown tables in a scrolling
    container. Good markdown tables have short headers. Great markdown tables have fewer
    columns than you think they need.
    ```

    ## Use instead
    ```markdown
    ---
    title: "Markdown tables in static site generators"
    description: "How Markdown tables work in Jekyll, Hugo and Astro, and how to keep them readable on small screens."
    keywords: [markdown tables]
    ---

    Markdown tables are simple: pipes separate the cells, a header row names the columns,
    and a separator row of dashes sits below it. Most generators use the same extension, so
    a table looks alike in Jekyll, Hugo and Astro. Wide ones overflow on phones, and long
    ones are hard to scan. Keep each table narrow and short, and split one that grows past a
    screen. When a table must be wide, wrap it in a scrolling container. Good tables have
    short headers and fewer columns than you think they need, and a sentence before them
    that says what to look for.
    ```

    ## Fix safety
    No fix: rewording is an author's job.

    ## Options
    - `max-density`: percent per language (default `{"cjk": 5.0, "default": 3.0}`).
    - `min-length`: shortest prose judged (default `{"cjk": 300, "default": 100}`: characters
      for ja/zh/ko, words otherwise).
    - `keywords-field`: the front matter keys holding keywords (see KW002).
    """
    found = kw.keywords(doc, opts.keywords_field)
    if not found:
        return
    total, _ = _count_unit(doc)
    if total < for_language(opts.min_length, doc.language):
        return
    limit = for_language(opts.max_density, doc.language)
    bound = f"max {_percent(limit)} for {doc.language}"
    haystack = _haystack(doc)
    for keyword in found:
        density = _Density(doc, keyword, haystack)
        over = [row for row in density.rows if row.percent > limit]
        if not over:
            continue
        if keyword.phrase:
            message = f"{_label(keyword)} is at {density.detail(over[0], bound)}"
        else:
            noun = "term" if len(over) == 1 else "terms"
            rows = ", ".join(f"{row.label} at {density.detail(row, bound)}" for row in over)
            message = f"{_label(keyword)}: {noun} {rows}"
        yield Violation(keyword.start, keyword.end, message)


@rule("KW002", "keyword-scarce", Severity.WARNING, options=ScarceOptions)
def keyword_scarce(doc: Document, opts: ScarceOptions) -> Iterator[Violation]:
    """## What it does
    Flags a keyword that the text does not support: one of its terms never appears in the
    prose, or its density is below `min-density` (default 0.5 %). One finding per keyword,
    naming the terms that are missing and the numbers.

    Keywords come from the first of these front matter keys that the post sets:
    `focus_keyword`, `keyphrase`, `seo_keywords`, `keywords` (option `keywords-field`). The
    value is a list, or a string split at commas (`,` `，` `、`). The first keyword is the
    focus keyword. Matching is NFKC-normalised and case-insensitive (`ＡＩ導入` = `AI導入`).
    In a Japanese, Chinese or Korean post a keyword written with spaces
    (`AI導入 成功事例 中小企業`, full-width spaces too) is a set of terms, each found by its
    characters; in other languages a keyphrase is found as its words in order, whatever
    punctuation lies between them. Density is defined in KW001.

    Calibration of the 0.5 % default (per term and by characters of prose for CJK, per
    keyphrase and by words otherwise), measured with `tests/fixtures/keywords/calibrate.py`:
    - a real Japanese post (5,136 characters, the post that started this project): its focus
      keyword, used naturally, has its terms at 1.32 % (AI導入, 17 × 4 characters), 0.93 %
      (中小企業, 12 × 4) and 0.62 % (成功事例, 8 × 4); its three other keywords each have a
      defining term at 0 % (デジタル変革, CVR改善, マーケティング自動化, ROI) and their
      generic terms at 0.06–0.62 % (製造業 once, 事例 12 × 2 = 0.47 %);
    - our Japanese fixtures written to read naturally (1,008 and 1,485 characters): every
      term of a keyword the text is about at 1.19–4.44 %; terms used once at 0.2 %;
    - our English fixtures (382 and 557 words): keyphrases the text is about at 0.52–1.05 %
      (2 to 5 uses), keyphrases never used at 0 %.
    0.5 % is a 2-character term once every 400 characters, a 4-character term once every
    800, or a keyphrase once every 200 words: every naturally used keyword above passes,
    every unsupported one fails. It is also the floor of Yoast's and Rank Math's ranges.

    ## Why is this bad?
    A keyword that the page never uses is a promise the page does not keep: searchers who
    typed those terms will not find them, and search engines rank the page for what it says,
    not for its front matter. A keyword used once in a long text is barely a topic (Yoast and
    Rank Math both want at least 0.5 %).

    ## Example
    ```markdown
    ---
    title: "Image optimization for Jekyll blogs"
    description: "Serve smaller images from a Jekyll blog: formats, sizes and lazy loading, with a checklist you can follow today."
    keywords: [image optimization, webp conversion]
    ---

    Smaller images make pages faster. This guide covers image optimization for Jekyll:
    choosing a format, picking sizes, and loading images only when they scroll into view.
    ```

    ## Use instead
    ```markdown
    ---
    title: "Image optimization for Jekyll blogs"
    description: "Serve smaller images from a Jekyll blog: formats, sizes and lazy loading, with a checklist you can follow today."
    keywords: [image optimization, webp conversion]
    ---

    Smaller images make pages faster. This guide covers image optimization for Jekyll:
    choosing a format, WebP conversion, picking sizes, and lazy loading.
    ```

    ## Fix safety
    No fix.

    ## Options
    - `min-density`: percent per language (default `{"cjk": 0.5, "default": 0.5}`).
    - `min-length`: shortest prose whose density is judged (default `{"cjk": 300,
      "default": 100}`); terms that never appear are reported at any length.
    - `keywords-field`: keys to read keywords from, in order (default `focus_keyword`,
      `keyphrase`, `seo_keywords`, `keywords`).
    """
    found = kw.keywords(doc, opts.keywords_field)
    total, unit = _count_unit(doc)
    if not found or not total:
        return
    judge_density = total >= for_language(opts.min_length, doc.language)
    limit = for_language(opts.min_density, doc.language)
    bound = f"min {_percent(limit)} for {doc.language}"
    haystack = _haystack(doc)
    for keyword in found:
        density = _Density(doc, keyword, haystack)
        absent = [row.label for row in density.rows if row.count == 0]
        low = [row for row in density.rows if row.count and row.percent < limit] if judge_density else []
        if keyword.phrase and absent:
            words = _missing(haystack, keyword)
            detail = f"; words never used: {_names(words)}" if words else ""
            message = f"{_label(keyword)} never appears (0 of {total:,} {unit}{detail})"
        elif keyword.phrase and low:
            message = f"{_label(keyword)} is at {density.detail(low[0], bound)}"
        elif absent or low:
            parts: list[str] = []
            if absent:
                verb = "never appears" if len(absent) == 1 else "never appear"
                noun = "term" if len(absent) == 1 else "terms"
                parts.append(f"{noun} {_names(absent)} {verb} (0 of {total:,} {unit})")
            if low:
                rows = ", ".join(f"{row.label} at {density.detail(row, bound)}" for row in low)
                parts.append(f"{'term' if len(low) == 1 else 'terms'} {rows}" if not absent else rows)
            message = f"{_label(keyword)}: {'; '.join(parts)}"
        else:
            continue
        yield Violation(keyword.start, keyword.end, message)


# --- KW003–KW006: placement of the focus keyword ----------------------------------------


@rule("KW003", "keyword-not-in-title", Severity.WARNING, options=KeywordOptions)
def keyword_not_in_title(doc: Document, opts: KeywordOptions) -> Iterator[Violation]:
    """## What it does
    Flags a post whose title does not contain the focus keyword: its phrase (word languages)
    or every one of its terms (Japanese, Chinese, Korean). The focus keyword is the first
    keyword (see KW002). Posts without a title or keyword are left to other rules.

    ## Why is this bad?
    The title is the strongest on-page signal and what searchers see first in results; Yoast
    and Rank Math both check that the keyphrase is in it (ideally near its start).

    ## Example
    ```markdown
    ---
    title: "Five ways to speed up your blog"
    description: "Lazy loading, modern formats and right-sized images: a practical guide to image optimization for Jekyll."
    focus_keyword: image optimization
    ---

    Image optimization is the cheapest speed-up a blog can get.
    ```

    ## Use instead
    ```markdown
    ---
    title: "Image optimization: five ways to speed up your blog"
    description: "Lazy loading, modern formats and right-sized images: a practical guide to image optimization for Jekyll."
    focus_keyword: image optimization
    ---

    Image optimization is the cheapest speed-up a blog can get.
    ```

    ## Fix safety
    No fix.

    ## Options
    - `keywords-field`: keys to read keywords from (see KW002).
    """
    keyword = kw.focus_keyword(doc, opts.keywords_field)
    if keyword is None or not (doc.title or "").strip():
        return
    message = _not_in(keyword, doc.title, "title")
    if message:
        yield Violation(*doc.key_span("title"), message)


@rule("KW004", "keyword-not-in-description", Severity.WARNING, options=KeywordOptions)
def keyword_not_in_description(doc: Document, opts: KeywordOptions) -> Iterator[Violation]:
    """## What it does
    Flags a post whose meta description does not contain the focus keyword (its phrase, or
    every one of its terms for Japanese, Chinese, Korean). A missing description is MT002's.

    ## Why is this bad?
    Search engines bold the searched terms in the snippet; a description without them looks
    less relevant in the results. Yoast wants the keyphrase in the description once or twice.

    ## Example
    ```markdown
    ---
    title: "Image optimization for Jekyll blogs"
    description: "Make your blog faster with a few changes to how pictures are stored and served, and a checklist to follow."
    focus_keyword: image optimization
    ---

    Image optimization is the cheapest speed-up a blog can get.
    ```

    ## Use instead
    ```markdown
    ---
    title: "Image optimization for Jekyll blogs"
    description: "Image optimization for Jekyll: modern formats, right sizes and lazy loading, with a checklist to follow."
    focus_keyword: image optimization
    ---

    Image optimization is the cheapest speed-up a blog can get.
    ```

    ## Fix safety
    No fix.

    ## Options
    - `keywords-field`: keys to read keywords from (see KW002).
    """
    keyword = kw.focus_keyword(doc, opts.keywords_field)
    if keyword is None or not (doc.description or "").strip():
        return
    message = _not_in(keyword, doc.description, "description")
    if message:
        yield Violation(*doc.key_span("description"), message)


def _first_paragraph(doc: Document) -> Block | None:
    return next((b for b in doc.prose_blocks if b.kind == "paragraph" and b.text.strip()), None)


@rule("KW005", "keyword-not-in-intro", Severity.WARNING, options=KeywordOptions)
def keyword_not_in_intro(doc: Document, opts: KeywordOptions) -> Iterator[Violation]:
    """## What it does
    Flags a post whose first paragraph does not contain the focus keyword (its phrase, or
    every one of its terms for Japanese, Chinese, Korean).

    ## Why is this bad?
    Readers decide in the first lines whether the page answers their question, and search
    engines weigh the start of the text; Yoast and Rank Math check the introduction.

    ## Example
    ```markdown
    ---
    title: "Image optimization for Jekyll blogs"
    focus_keyword: image optimization
    ---

    Pages get heavier every year, and most of the weight is pictures.

    Image optimization fixes that.
    ```

    ## Use instead
    ```markdown
    ---
    title: "Image optimization for Jekyll blogs"
    focus_keyword: image optimization
    ---

    Pages get heavier every year, and image optimization is the cheapest fix.
    ```

    ## Fix safety
    No fix.

    ## Options
    - `keywords-field`: keys to read keywords from (see KW002).
    """
    keyword = kw.focus_keyword(doc, opts.keywords_field)
    block = _first_paragraph(doc)
    if keyword is None or block is None:
        return
    message = _not_in(keyword, block.text, "first paragraph")
    if message:
        yield Violation(block.offset(0), block.offset(0), message)


@rule("KW006", "keyword-not-in-subheadings", Severity.INFO, options=KeywordOptions)
def keyword_not_in_subheadings(doc: Document, opts: KeywordOptions) -> Iterator[Violation]:
    """## What it does
    Flags a post that has H2/H3 subheadings of which none carries the focus keyword. A
    subheading carries it when more than half of the keyword's terms (or words) appear in
    it, as Yoast's subheading check counts.

    ## Why is this bad?
    Subheadings are what scanning readers and search engines use to see what each section is
    about. Yoast wants the keyphrase in 30–75 % of H2/H3 subheadings; none at all means the
    structure never mentions the topic.

    ## Example
    ```markdown
    ---
    title: "Image optimization for Jekyll blogs"
    focus_keyword: image optimization
    ---

    Image optimization is the cheapest speed-up a blog can get.

    ## Formats

    ## Sizes
    ```

    ## Use instead
    ```markdown
    ---
    title: "Image optimization for Jekyll blogs"
    focus_keyword: image optimization
    ---

    Image optimization is the cheapest speed-up a blog can get.

    ## Image optimization: formats

    ## Sizes
    ```

    ## Fix safety
    No fix.

    ## Options
    - `keywords-field`: keys to read keywords from (see KW002).
    """
    keyword = kw.focus_keyword(doc, opts.keywords_field)
    subheadings = [h for h in doc.headings if h.level in (2, 3)]
    if keyword is None or not subheadings:
        return
    needed = len(keyword.units) // 2 + 1
    if any(Haystack(h.text).coverage(keyword) >= needed for h in subheadings):
        return
    count = len(subheadings)
    noun = "subheading" if count == 1 else "subheadings"
    first = subheadings[0]
    end = first.end
    while end > first.start and doc.source[end - 1] in "\r\n":
        end -= 1
    units = "words" if keyword.phrase else "terms"
    need = f" (a subheading needs {needed} of its {len(keyword.units)} {units})" if needed > 1 else ""
    message = f"focus keyword {kw.quote(keyword)} is in none of the {count} H2/H3 {noun}{need}"
    yield Violation(first.start, end, message)


# --- KW007: verbatim space-separated keyword in CJK prose --------------------------------


@rule("KW007", "keyword-verbatim-phrase", Severity.WARNING, options=KeywordOptions)
def keyword_verbatim_phrase(doc: Document, opts: KeywordOptions) -> Iterator[Violation]:
    """## What it does
    Flags a space-separated keyword pasted verbatim, spaces included, into Japanese, Chinese
    or Korean prose (`AI導入 成功事例 中小企業というキーワードで…`). Only keywords with a space
    between two CJK characters are checked: a space between Japanese and a Latin word
    (`マーケティング自動化 ROI`) is a common typographic style. Each occurrence is reported.

    ## Why is this bad?
    A Japanese SEO keyword written with spaces is a list of terms a searcher types, not a
    phrase: Japanese is written without spaces, so the pasted string reads as machine-made,
    which readers notice and search engines' quality systems treat as an unnatural insertion.

    ## Example
    ```markdown
    ---
    title: "静的サイトの画像最適化：表示速度を上げる手順"
    seo_keywords: ["画像最適化 静的サイト"]
    ---

    画像最適化 静的サイトについて解説します。
    ```

    ## Use instead
    ```markdown
    ---
    title: "静的サイトの画像最適化：表示速度を上げる手順"
    seo_keywords: ["画像最適化 静的サイト"]
    ---

    静的サイトの画像最適化について解説します。
    ```

    ## Fix safety
    No fix: removing the spaces still leaves an unnatural phrase; rewrite the sentence.

    ## Options
    - `keywords-field`: keys to read keywords from (see KW002).
    """
    if not doc.is_cjk:
        return
    risky = [k for k in kw.keywords(doc, opts.keywords_field) if k.verbatim_risk]
    if not risky:
        return
    for keyword in risky:
        spans: list[tuple[int, int]] = []
        for block in doc.prose_blocks:
            haystack = Haystack(block.text)
            for start, end in kw.verbatim_positions(haystack, keyword):
                text_start, text_end = haystack.span(start, end)
                spans.append((block.offset(text_start), block.offset(text_end - 1) + 1))
        for index, (start, end) in enumerate(spans, 1):
            yield Violation(
                start, end,
                f"keyword {kw.quote(keyword)} pasted verbatim with its spaces ({index} of {len(spans)});"
                " work the terms into the sentence",
            )


# --- KW008: cannibalisation (site rule) ---------------------------------------------------


@summarizer("focus_keyword")
def focus_keyword_summary(doc: Document) -> tuple[str, str, int, int, int, int] | None:
    """(key, keyword as written, line, column, end line, end column) of the focus keyword."""
    keyword = kw.focus_keyword(doc)
    if keyword is None:
        return None
    line, column = doc.position(keyword.start)
    end_line, end_column = doc.position(keyword.end)
    return keyword.key, keyword.text, line, column, end_line, end_column


#: Up to this many posts, `duplicates` keeps the values it reads (a few MB) instead of reading
#: the shared ones again.
KEEP_VALUES = 16_384


def duplicates(site: Site, key: str) -> Iterator[tuple[str, tuple[Any, ...], str, int]]:
    """(path, summary value, the first other path, how many others) for each post whose
    `key` value is shared; the value's first item is the comparison key.

    Memory stays flat on sites of tens of thousands of posts: a first pass keeps 12 bytes a
    post (the key's hash, the post's number); posts that share a hash are then read again
    (beyond `KEEP_VALUES` posts), one group at a time, and grouped by the key itself.
    """
    hashes, owners = array("q"), array("L")
    kept: dict[int, tuple[Any, ...]] | None = {} if len(site.summaries) <= KEEP_VALUES else None
    for index, summary in enumerate(site.summaries):
        value = summary.data.get(key)
        if value:
            hashes.append(hash(value[0]))
            owners.append(index)
            if kept is not None:
                kept[index] = tuple(value)
    order = sorted(range(len(hashes)), key=hashes.__getitem__)
    for _, run in groupby(order, key=hashes.__getitem__):
        numbers = [owners[position] for position in run]
        if len(numbers) < 2:
            continue
        groups: dict[str, list[tuple[str, tuple[Any, ...]]]] = {}
        for number in numbers:
            summary = site.summaries[number]
            value = kept[number] if kept is not None else summary.data.get(key)
            if value:
                groups.setdefault(value[0], []).append((summary.path, tuple(value)))
        for members in groups.values():
            if len(members) < 2:
                continue
            members.sort(key=lambda item: item[0])
            for position, (path, value) in enumerate(members):
                if path in site.linted:
                    yield path, value, members[1 if position == 0 else 0][0], len(members) - 1


def others(first: str, count: int) -> str:
    """`first`, or `first and N more`."""
    return first if count == 1 else f"{first} and {count - 1} more"


@site_rule("KW008", "keyword-cannibalization", Severity.INFO)
def keyword_cannibalization(site: Site, opts: RuleOptions) -> Iterator[SiteViolation]:
    """## What it does
    Flags a post whose focus keyword is also the focus keyword of another post of the site,
    and names that post. Keywords are compared after NFKC normalisation and case-folding;
    for Japanese, Chinese and Korean keywords the order of the terms does not matter. The
    focus keyword is read from the default keys (`focus_keyword`, `keyphrase`,
    `seo_keywords`, `keywords`).

    ## Why is this bad?
    Two pages optimised for the same search compete with each other: search engines pick one,
    often not the one you want, and split the links between them (Yoast's "previously used
    keyphrase").

    ## Example
    ```markdown
    ---
    title: "Image optimization for Jekyll blogs"
    focus_keyword: image optimization
    ---

    Formats, sizes and lazy loading.
    ```

    ```markdown
    <!-- file: _posts/2024-06-01-images.md -->
    ---
    title: "Faster pages with smaller images"
    focus_keyword: Image Optimization
    ---

    Why image weight matters.
    ```

    ## Use instead
    ```markdown
    ---
    title: "Image optimization for Jekyll blogs"
    focus_keyword: image optimization
    ---

    Formats, sizes and lazy loading; see also the post on image weight.
    ```

    ```markdown
    <!-- file: _posts/2024-06-01-images.md -->
    ---
    title: "Faster pages with smaller images"
    focus_keyword: image weight
    ---

    Why image weight matters.
    ```

    ## Fix safety
    No fix.

    ## Options
    None.
    """
    for path, value, first, count in duplicates(site, "focus_keyword"):
        _, text, line, column, end_line, end_column = value
        yield SiteViolation(
            path, line, column, end_line, end_column,
            f'focus keyword "{text}" is also the focus keyword of {others(first, count)}',
        )
