"""Title and meta description rules (MT001–MT005)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from seo_lint.document import Document
from seo_lint.findings import Severity, Violation
from seo_lint.registry import (
    RuleOptions,
    Site,
    SiteViolation,
    for_language,
    rule,
    site_rule,
    summarizer,
)
from seo_lint.rules.keywords import duplicates, others
from seo_lint.text import (
    collapse_space,
    display_width,
    format_width,
    is_cjk_language,
    is_word_char,
    normalize_mapped,
    normalize_space,
    pixels,
)


class TitleLengthOptions(RuleOptions):
    #: Shortest title: full-width characters of display width for ja/zh/ko, characters otherwise.
    min_length: dict[str, float] = {"cjk": 15, "default": 30}
    #: Longest title, in the same units.
    max_length: dict[str, float] = {"cjk": 32, "default": 60}


class DescriptionLengthOptions(RuleOptions):
    min_length: dict[str, int] = {"cjk": 50, "default": 70}
    max_length: dict[str, int] = {"cjk": 120, "default": 160}
    #: Report a post without a description.
    require: bool = True


class EchoOptions(RuleOptions):
    #: Titles shorter than this many characters are not compared (a one-word title may start
    #: a description naturally).
    min_title_length: int = 10


def _title_size(title: str, language: str) -> tuple[float, str]:
    """The title's length and how to say it: display width for CJK, characters otherwise."""
    text = collapse_space(title)
    if is_cjk_language(language):
        width = display_width(text)
        return width, f"{format_width(width)} full-width characters wide"
    return len(text), f"{len(text)} characters long"


@rule("MT001", "title-length", Severity.WARNING, options=TitleLengthOptions)
def title_length(doc: Document, opts: TitleLengthOptions) -> Iterator[Violation]:
    """## What it does
    Flags a title whose length is outside the range that search results show in full.
    Japanese, Chinese and Korean titles are measured in display width (a full-width
    character counts 1, a half-width one 0.5): 15–32 by default. Other titles are measured in
    characters: 30–60 by default (about 600 px, one character ≈ 10 px). The message gives a
    pixel estimate (one full-width character ≈ 20 px).

    ## Why is this bad?
    Google shows about 600 px of a title on desktop and cuts the rest with "…" (Yoast measures
    Arial 20 px and warns above 600 px). A CJK character is about 1 em wide, so 600 px is about
    30 full-width characters; Japanese practitioners cite 28–32. A very short title wastes the
    space and rarely says enough to be chosen. Google sets no hard limit, so this is a warning.

    ## Example
    ```markdown
    ---
    title: "静的サイトジェネレーターで作るブログのための画像最適化と表示速度改善の完全ガイド2025年版"
    ---

    本文。
    ```

    ## Use instead
    ```markdown
    ---
    title: "静的サイトの画像最適化：表示速度を上げる5つの手順"
    ---

    本文。
    ```

    ## Fix safety
    No fix.

    ## Options
    - `min-length`: per language (default `{"cjk": 15, "default": 30}`).
    - `max-length`: per language (default `{"cjk": 32, "default": 60}`).
    Display width (full-width characters) for ja/zh/ko, characters otherwise.
    """
    title = doc.title
    if title is None or not title.strip():
        return
    size, said = _title_size(title, doc.language)
    low = for_language(opts.min_length, doc.language)
    high = for_language(opts.max_length, doc.language)
    px = pixels(display_width(collapse_space(title)))
    if size > high:
        message = f"title is {said} (max {format_width(high)} for {doc.language}, about {px:,} px)"
    elif size < low:
        message = f"title is {said} (min {format_width(low)} for {doc.language})"
    else:
        return
    yield Violation(*doc.key_span("title"), message)


@rule("MT002", "description-length", Severity.WARNING, options=DescriptionLengthOptions)
def description_length(doc: Document, opts: DescriptionLengthOptions) -> Iterator[Violation]:
    """## What it does
    Flags a post without a meta description (`description` in the front matter), or whose
    description is shorter or longer than the range search results show: 50–120 characters
    for Japanese, Chinese and Korean, 70–160 for other languages (white space runs count as
    one character).

    Without `description`, the key the generator uses instead is measured: Jekyll's
    `excerpt` (jekyll-seo-tag's fallback) or Hugo's `summary` (the fallback of Hugo's
    internal templates); either one for other generators.

    ## Why is this bad?
    Without a description search engines make up a snippet from the page, often from the
    wrong place (Lighthouse fails a missing description). Google cuts a long one: Yoast's
    range is 120–156 characters; Japanese practitioners cite about 120 characters on
    desktop (about 70 on mobile, the key point in the first 50). Yoast's Japanese
    configuration recommends at most 80. A very short one wastes the space.

    ## Example
    ```markdown
    ---
    title: "静的サイトの画像最適化：表示速度を上げる5つの手順"
    description: "画像を軽くする方法。"
    ---

    本文。
    ```

    ## Use instead
    ```markdown
    ---
    title: "静的サイトの画像最適化：表示速度を上げる5つの手順"
    description: "JekyllやHugoで作ったブログの画像を軽くして表示速度を上げる手順を、WebPへの変換、サイズの指定、遅延読み込みの3点から、設定例つきで解説します。"
    ---

    本文。
    ```

    ## Fix safety
    No fix.

    ## Options
    - `min-length`: characters per language (default `{"cjk": 50, "default": 70}`).
    - `max-length`: characters per language (default `{"cjk": 120, "default": 160}`).
    - `require`: report a post without a description (default true).
    """
    if doc.front_matter.errors:
        return  # FM001 reports it; its keys are unknown, not missing
    low = for_language(opts.min_length, doc.language)
    high = for_language(opts.max_length, doc.language)
    key, value = "description", doc.meta.get("description")
    if "description" not in doc.meta:
        key, value = _stand_in(doc) or (key, value)
    if not isinstance(value, str) or not value.strip():
        if not opts.require or (value is not None and not isinstance(value, str)):
            return
        state = "missing" if "description" not in doc.meta else "empty"
        yield Violation(
            *doc.key_span("description"),
            f"description is {state} (aim for {low}–{high} characters for {doc.language})",
        )
        return
    size = len(collapse_space(value))
    named = key if key == "description" else f"{key} (the meta description)"
    if size > high:
        message = f"{named} is {size:,} characters (max {high} for {doc.language})"
    elif size < low:
        message = f"{named} is {size:,} characters (min {low} for {doc.language})"
    else:
        return
    yield Violation(*doc.key_span(key), message)


def _stand_in(doc: Document) -> tuple[str, str] | None:
    """The key that the generator's meta description falls back to when there is no
    `description`: Jekyll's `excerpt` (jekyll-seo-tag), Hugo's `summary` (its internal
    templates); both for other generators."""
    keys = {"jekyll": ("excerpt",), "hugo": ("summary",)}.get(doc.settings.generator, ("excerpt", "summary"))
    for key in keys:
        value = doc.meta.get(key)
        if isinstance(value, str) and value.strip():
            return key, value
    return None


def _echo(title: str, description: str, min_title: int) -> tuple[str, int] | None:
    """How the description repeats the title ("equals", "starts", "ends") and how many of
    its characters (as written, spaces collapsed) the title takes; None when it does not.
    The title must not end or begin in the middle of a Latin word of the description."""
    t = normalize_space(title).rstrip("。.!！")
    written = collapse_space(description)
    d, _, ends = normalize_mapped(written)
    if len(t) < min_title or not d:
        return None
    if d.rstrip("。.!！") == t:
        return "equals", len(written)
    if d.startswith(t) and not (is_word_char(t[-1]) and is_word_char(d[len(t)])):
        return "starts", ends[len(t) - 1]
    cut = len(d) - len(t)
    if cut > 0 and d.endswith(t) and not (is_word_char(t[0]) and is_word_char(d[cut - 1])):
        return "ends", len(written) - ends[cut - 1]
    return None


def _excerpt(text: str, limit: int = 24) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


@rule("MT003", "description-echoes-title", Severity.WARNING, options=EchoOptions)
def description_echoes_title(doc: Document, opts: EchoOptions) -> Iterator[Violation]:
    """## What it does
    Flags a meta description that repeats the title: it equals the title, starts with the
    whole title and then goes on (typically with a boilerplate suffix such as
    `title - Site name's practical guide`), or ends with it. Comparison is NFKC-normalised,
    case-insensitive, with runs of white space as one space; in Latin text the title must
    end (or begin) at a word boundary. Titles shorter than `min-title-length` characters are
    not compared.

    ## Why is this bad?
    Search results show the title right above the description: repeating it wastes the
    characters that should tell searchers what they will learn. A description made of the
    title plus a suffix shared by every post is also a near-duplicate description site-wide.

    ## Example
    ```markdown
    ---
    title: "静的サイトの画像最適化：表示速度を上げる5つの手順"
    description: "静的サイトの画像最適化：表示速度を上げる5つの手順 - Example Blogがお届けするWeb制作の実践ガイド"
    ---

    本文。
    ```

    ## Use instead
    ```markdown
    ---
    title: "静的サイトの画像最適化：表示速度を上げる5つの手順"
    description: "JekyllやHugoで作ったブログの画像を軽くして表示速度を上げる手順を、WebPへの変換、サイズの指定、遅延読み込みの3点から解説します。"
    ---

    本文。
    ```

    ## Fix safety
    No fix.

    ## Options
    - `min-title-length`: shortest title compared, in characters (default 10).
    """
    title, description = doc.title, doc.description
    if not title or not description:
        return
    echo = _echo(title, description, opts.min_title_length)
    if echo is None:
        return
    how, size = echo
    written = collapse_space(description)
    if how == "equals":
        message = "description is the same as the title"
    elif how == "starts":
        rest = _SEPARATOR_STRIP.sub("", written[size:])
        message = (
            f"description starts with the whole title ({size} of its {len(written)} characters),"
            f' then adds "{_excerpt(rest)}"'
        )
    else:
        message = f"description ends with the whole title ({size} of its {len(written)} characters)"
    yield Violation(*doc.key_span("description"), message)


_SEPARATOR_STRIP = re.compile(r"^[\s\-–—|｜:：/／・]+")


# --- MT004 / MT005: duplicates across the site --------------------------------------------


def _summary(doc: Document, key: str) -> tuple[str, str, int, int, int, int] | None:
    value = doc.meta.get(key)
    if not isinstance(value, str) or not value.strip():
        return None
    start, end = doc.key_span(key)
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    return normalize_space(value), collapse_space(value), line, column, end_line, end_column


@summarizer("title")
def title_summary(doc: Document) -> tuple[str, str, int, int, int, int] | None:
    """(normalised title, title, position of the `title` key)."""
    return _summary(doc, "title")


@summarizer("description")
def description_summary(doc: Document) -> tuple[str, str, int, int, int, int] | None:
    """(normalised description, description, position of the `description` key)."""
    return _summary(doc, "description")


def _site_duplicates(site: Site, key: str, what: str) -> Iterator[SiteViolation]:
    for path, value, first, count in duplicates(site, key):
        _, text, line, column, end_line, end_column = value
        yield SiteViolation(
            path, line, column, end_line, end_column,
            f'{what} "{_excerpt(text, 40)}" is also the {what} of {others(first, count)}',
        )


@site_rule("MT004", "duplicate-title", Severity.WARNING)
def duplicate_title(site: Site, opts: RuleOptions) -> Iterator[SiteViolation]:
    """## What it does
    Flags a post whose title is the title of another post of the site (after NFKC
    normalisation, case-folding and trimming), and names that post.

    ## Why is this bad?
    Two results with the same title look like duplicates to searchers and to search engines,
    which then show only one of them, and it may not be the one you want.

    ## Example
    ```markdown
    ---
    title: "Image optimization for Jekyll blogs"
    ---

    Formats, sizes and lazy loading.
    ```

    ```markdown
    <!-- file: _posts/2024-06-01-images.md -->
    ---
    title: "Image Optimization for Jekyll Blogs "
    ---

    An older post on the same subject.
    ```

    ## Use instead
    ```markdown
    ---
    title: "Image optimization for Jekyll blogs"
    ---

    Formats, sizes and lazy loading.
    ```

    ```markdown
    <!-- file: _posts/2024-06-01-images.md -->
    ---
    title: "Lazy loading images in Jekyll, step by step"
    ---

    An older post on a narrower subject.
    ```

    ## Fix safety
    No fix.

    ## Options
    None.
    """
    yield from _site_duplicates(site, "title", "title")


@site_rule("MT005", "duplicate-description", Severity.WARNING)
def duplicate_description(site: Site, opts: RuleOptions) -> Iterator[SiteViolation]:
    """## What it does
    Flags a post whose meta description is the description of another post of the site
    (after NFKC normalisation, case-folding and trimming), and names that post.

    ## Why is this bad?
    A description is the pitch for one page; a shared one tells searchers nothing about
    which page to choose, and search engines may replace it with text of their own.

    ## Example
    ```markdown
    ---
    title: "Image optimization for Jekyll blogs"
    description: "Practical guides to building fast static sites, from the Example blog team."
    ---

    Formats, sizes and lazy loading.
    ```

    ```markdown
    <!-- file: _posts/2024-06-01-images.md -->
    ---
    title: "Lazy loading images in Jekyll"
    description: "Practical guides to building fast static sites, from the Example blog team."
    ---

    Load images only when they scroll into view.
    ```

    ## Use instead
    ```markdown
    ---
    title: "Image optimization for Jekyll blogs"
    description: "Make a Jekyll blog faster by serving WebP images at the right size and loading them lazily."
    ---

    Formats, sizes and lazy loading.
    ```

    ```markdown
    <!-- file: _posts/2024-06-01-images.md -->
    ---
    title: "Lazy loading images in Jekyll"
    description: "Load images only when they scroll into view, with the loading attribute and no plugin."
    ---

    Load images only when they scroll into view.
    ```

    ## Fix safety
    No fix.

    ## Options
    None.
    """
    yield from _site_duplicates(site, "description", "description")

