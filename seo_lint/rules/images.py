"""Image rules (IMG): alt text, image URLs, duplicates and the featured image.

Images come from every place a post names one (`Document.images`): Markdown, HTML `<img>`
(its `src`, `srcset` and lazy loading's `data-src` / `data-srcset`) and `<picture><source>`,
the front matter image fields and JSON-LD. Alt text rules read the images a reader sees in
the body (an `<img>` once); URL rules read every image URL, wherever it stands.
"""

from __future__ import annotations

import posixpath
import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from urllib.parse import urlsplit

from seo_lint import text, urls
from seo_lint.document import Document
from seo_lint.findings import Edit, Fix, FixAvailability, FixSafety, Severity, Violation
from seo_lint.markdown import LIQUID, Image
from seo_lint.registry import NoOptions, RuleOptions, for_language, rule

# --- shared helpers ----------------------------------------------------------------------


def _quote(value: str, limit: int = 60) -> str:
    value = " ".join(value.split())
    return f'"{value}"' if len(value) <= limit else f'"{value[: limit - 1]}…"'


def _file_name(url: str) -> str:
    """The last path segment of a URL (for messages), or the URL itself."""
    path = url.split("#", 1)[0].split("?", 1)[0].rstrip("/")
    name = path.rsplit("/", 1)[-1] or url
    return name if len(name) <= 50 else name[:49] + "…"


def _attribute(image: Image, name: str) -> str | None:
    return next((value for key, value in image.attributes if key == name), None)


def _seen_images(doc: Document) -> list[Image]:
    """Body images that carry their own alt text: Markdown images and `<img>` (not `<source>`)."""
    return [
        image for image in doc.body_images
        if image.origin == "markdown" or _attribute(image, "element") == "img"
    ]


def _unique_urls(doc: Document) -> Iterator[Image]:
    """Every image whose URL span is its own (one per span)."""
    seen: set[tuple[int, int]] = set()
    for image in doc.images:
        span = (image.url_start, image.url_end)
        if span not in seen:
            seen.add(span)
            yield image


def _line(doc: Document, offset: int) -> int:
    return doc.position(offset)[0]


# --- IMG001 ------------------------------------------------------------------------------


class AltMissingOptions(RuleOptions):
    #: Accept an empty alt (`alt=""`, `![](…)`) as a deliberately decorative image.
    allow_empty_alt: bool = False


_DECORATIVE_ROLES = frozenset({"presentation", "none"})


@rule("IMG001", "image-alt-missing", Severity.ERROR, options=AltMissingOptions)
def image_alt_missing(doc: Document, opts: AltMissingOptions) -> Iterator[Violation]:
    """## What it does
    Flags an `<img>` without an `alt` attribute, and an image whose alt text is empty
    (`![](photo.jpg)`, `<img alt="">`) unless it is marked decorative.

    ## Why is this bad?
    Screen readers read the alt text in place of the image, and search engines use it to
    understand the image (Lighthouse `image-alt`, axe, markdownlint MD045). Without an alt
    attribute, screen readers read the file name instead.

    ## Example
    ```markdown
    ---
    title: Lighthouse audits for a static blog
    image: /assets/lighthouse.png
    ---

    The report after the first run:

    <img src="/assets/lighthouse-report.png">
    ```

    ## Use instead
    ```markdown
    ---
    title: Lighthouse audits for a static blog
    image: /assets/lighthouse.png
    ---

    The report after the first run:

    <img src="/assets/lighthouse-report.png" alt="Lighthouse report: performance 98, SEO 100">
    ```

    ## Fix safety
    No fix: only the author knows what the image shows.

    ## Options
    - `allow-empty-alt` (default `false`): accept an empty alt as a decorative image.
      Without it, a decorative `<img>` needs `alt=""` together with `role="presentation"`
      (or `role="none"`, or `aria-hidden="true"`).
    """
    for image in _seen_images(doc):
        name = _file_name(image.url)
        if image.alt is None:
            yield Violation(image.start, image.end, f"<img> has no alt attribute ({name})")
            continue
        if image.alt.strip() or opts.allow_empty_alt:
            continue
        if image.origin == "markdown":
            yield Violation(image.start, image.end, f"image has empty alt text ({name})")
            continue
        role = (_attribute(image, "role") or "").strip().lower()
        hidden = (_attribute(image, "aria-hidden") or "").strip().lower() == "true"
        if role not in _DECORATIVE_ROLES and not hidden:
            yield Violation(
                image.start, image.end,
                f'<img> has an empty alt ({name}): describe it, '
                'or add role="presentation" if decorative',
            )


# --- IMG002 ------------------------------------------------------------------------------

_GENERIC_ALTS = (
    "image", "images", "img", "picture", "pic", "photo", "photograph", "photos", "screenshot",
    "screen shot", "graphic", "illustration", "icon", "logo", "thumbnail", "banner", "figure",
    "placeholder", "untitled", "alt", "alt text", "eyecatch", "eye catch", "featured image",
    "header image", "hero image", "cover image", "stock photo",
    "画像", "写真", "イメージ", "イメージ画像", "画像イメージ", "イメージ図", "イメージ写真", "挿絵",
    "イラスト", "図", "スクリーンショット", "スクショ", "サムネイル", "サムネ", "アイキャッチ",
    "アイキャッチ画像", "バナー", "ロゴ", "参考画像", "写真素材", "フリー素材",
)
#: Words that join a heading to a generic word (`…に関連するイメージ`, `image of …`).
_JA_JOINERS = ("に関連する", "に関係する", "に関する", "を表す", "を示す", "を表現した", "についての", "の")
_EN_JOINERS = ("related to", "related", "of", "for", "about", "showing", "depicting")
_EDGE = re.compile(r"^[\s\d_\-–—:：|｜・.。、,()（）\[\]「」#＃]+|[\s\d_\-–—:：|｜・.。、,()（）\[\]「」#＃]+$")
_IMAGE_FILE = re.compile(
    r"^[^\s/\\]{1,200}\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic)$", re.IGNORECASE
)
_CAMERA_FILE = re.compile(
    r"^(?:img|dsc[nf]?|pxl|mvimg|dcim|photo|screenshot)[\s_-]?\d[\d_\-\s:.]*$", re.IGNORECASE
)
_URL_LIKE = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|//|www\.)", re.IGNORECASE)


class AltGenericOptions(RuleOptions):
    #: Alt texts that say nothing (compared after NFKC, case folding, and without
    #: surrounding digits, spaces and punctuation: `画像1` and `Photo-2` are `画像`, `photo`).
    generic_alts: tuple[str, ...] = _GENERIC_ALTS
    #: Query parameters ignored when deciding whether two images are the same image.
    ignore_params: tuple[str, ...] = ()


def _core(value: str) -> str:
    return _EDGE.sub("", text.normalize_space(value))


@lru_cache(maxsize=16)
def _generic_set(words: tuple[str, ...]) -> frozenset[str]:
    """The generic alts as compared (the same option for every post: computed once)."""
    return frozenset(_core(word) for word in words)


def _is_generic(value: str, generic: frozenset[str]) -> bool:
    return _is_generic_core(_core(value), generic)


def _is_generic_core(core: str, generic: frozenset[str]) -> bool:
    return bool(core) and (core in generic or core.replace(" ", "") in generic)


def _strip_joiner(value: str, joiners: tuple[str, ...], at_end: bool) -> str:
    value = value.strip()
    for joiner in joiners:
        if at_end and value.endswith(joiner):
            return value[: -len(joiner)].strip()
        if not at_end and value.startswith(joiner):
            return value[len(joiner) :].strip()
    return value


def _heading_plus_generic(alt_n: str, heading_n: str, generic: frozenset[str]) -> bool:
    """`<heading><joiner><generic word>` or `<generic word> <joiner> <heading>` (both
    `normalize_space`d)."""
    if not heading_n or alt_n == heading_n:
        return False
    if alt_n.startswith(heading_n):
        rest = _EDGE.sub("", alt_n[len(heading_n) :])
        rest = _strip_joiner(rest, _JA_JOINERS, at_end=False)
        rest = _strip_joiner(rest, ("related",), at_end=False)
        return _is_generic(rest, generic)
    if alt_n.endswith(heading_n):
        rest = _EDGE.sub("", alt_n[: -len(heading_n)])
        return _is_generic(_strip_joiner(rest, _EN_JOINERS, at_end=True), generic)
    return False


def _generic_reason(
    image: Image, alt_n: str, names: tuple[tuple[str, str, str], ...], generic: frozenset[str]
) -> str | None:
    """Why the alt says nothing, or None. `alt_n` is the alt `normalize_space`d; `names` are
    (label, text, normalised text) of the nearest heading before the image and of the title."""
    alt = image.alt or ""
    if _URL_LIKE.match(alt.strip()) or alt_n == text.normalize_space(image.url):
        return f"alt {_quote(alt)} is a URL, not a description"
    stem = posixpath.splitext(_file_name(image.url))[0]
    if _IMAGE_FILE.match(alt.strip()) or _CAMERA_FILE.match(alt.strip()) or (
        len(stem) >= 3 and alt_n == text.normalize_space(stem)
    ):
        return f"alt {_quote(alt)} is a file name, not a description"
    if _is_generic_core(_EDGE.sub("", alt_n), generic):  # _is_generic(alt): alt_n is its normalize_space
        return f"alt {_quote(alt)} is generic: it says nothing about the image"
    for label, name, name_n in names:
        if _heading_plus_generic(alt_n, name_n, generic):
            return f"alt {_quote(alt)} is the {label} {_quote(name, 40)} plus a generic word"
    return None


@rule("IMG002", "image-alt-generic", Severity.WARNING, options=AltGenericOptions)
def image_alt_generic(doc: Document, opts: AltGenericOptions) -> Iterator[Violation]:
    """## What it does
    Flags alt text that says nothing about the image: a generic word (`image`, `photo`,
    `画像`, `写真`, `イメージ`, `screenshot`…), a file name (`IMG_0042.jpg`), the URL, the
    nearest heading (or the title) plus a generic word (`成功事例の分析に関連するイメージ`,
    `Image of pricing plans`), and the same alt text on two different images.

    ## Why is this bad?
    Alt text is what a screen reader says and what a search engine reads in place of the
    image. Boilerplate built from the heading repeats the heading and describes nothing;
    it is typical of AI-drafted posts. Yoast also flags two different images that share
    one alt text.

    ## Example
    ```markdown
    ---
    title: Pricing pages that convert
    image: /assets/pricing.png
    ---

    ## Pricing plans

    ![Pricing plans image](/assets/plans.png)
    ```

    ## Use instead
    ```markdown
    ---
    title: Pricing pages that convert
    image: /assets/pricing.png
    ---

    ## Pricing plans

    ![Three plan cards, the middle one highlighted as most popular](/assets/plans.png)
    ```

    ## Fix safety
    No fix: only the author knows what the image shows.

    ## Options
    - `generic-alts`: the alt texts that say nothing (English and Japanese defaults);
      compared after NFKC and case folding, ignoring surrounding digits and punctuation.
    - `ignore-params` (default none): query parameters ignored when deciding whether two
      images with the same alt are different images.
    """
    generic = _generic_set(opts.generic_alts)
    first_use: dict[str, Image] = {}
    headings = doc.headings
    heading_starts = [h.start for h in headings]
    title = doc.title or ""
    title_names = ("title", title, text.normalize_space(title))
    keys: dict[str, str] = {}  # URL -> comparison key, made only for alts used twice

    def key(url: str) -> str:
        if url not in keys:
            keys[url] = urls.normalise(url, opts.ignore_params, doc.settings.base_url)
        return keys[url]

    for image in _seen_images(doc):
        if not image.alt or not image.alt.strip():
            continue  # IMG001
        before = bisect_left(heading_starts, image.start) - 1
        heading = headings[before].text if before >= 0 else ""
        alt_n = text.normalize_space(image.alt)
        names = (("heading", heading, text.normalize_space(heading)), title_names)
        reason = _generic_reason(image, alt_n, names, generic)
        if reason is not None:
            yield Violation(image.start, image.end, reason)
            continue
        earlier = first_use.setdefault(alt_n, image)
        if earlier is not image and key(earlier.url) != key(image.url):
            yield Violation(
                image.start, image.end,
                f"alt {_quote(image.alt)} is also the alt of a different image on line "
                f"{_line(doc, earlier.start)}",
            )


# --- IMG003 ------------------------------------------------------------------------------


class AltLengthOptions(RuleOptions):
    #: Too short at this many characters or fewer (Yoast: 10; Japanese 5).
    too_short: dict[str, int] = {"ja": 5, "cjk": 5, "en": 10, "default": 10}
    #: Too long at this many characters or more (Yoast: 200; Japanese 100).
    too_long: dict[str, int] = {"ja": 100, "cjk": 100, "en": 200, "default": 200}


@rule("IMG003", "image-alt-length", Severity.INFO, options=AltLengthOptions)
def image_alt_length(doc: Document, opts: AltLengthOptions) -> Iterator[Violation]:
    """## What it does
    Flags alt text that is too short to describe anything, or so long that it should be a
    caption. Characters are counted (white space runs count as one).

    ## Why is this bad?
    A two-word alt rarely says what the image shows; a paragraph-long alt is read aloud in
    full by screen readers and belongs in the text or a caption. Thresholds follow Yoast:
    too short at 10 characters or fewer, too long at 200 or more; for Japanese 5 and 100.

    ## Example
    ```markdown
    ---
    title: Choosing a static site generator
    image: /assets/ssg.png
    ---

    ![Chart](/assets/build-times.png)
    ```

    ## Use instead
    ```markdown
    ---
    title: Choosing a static site generator
    image: /assets/ssg.png
    ---

    ![Build times of Hugo, Jekyll and Astro for 1,000 posts](/assets/build-times.png)
    ```

    ## Fix safety
    No fix.

    ## Options
    - `too-short` (default `{ja = 5, cjk = 5, en = 10, default = 10}`): too short at this
      many characters or fewer.
    - `too-long` (default `{ja = 100, cjk = 100, en = 200, default = 200}`): too long at
      this many characters or more.
    """
    short = for_language(opts.too_short, doc.language)
    long = for_language(opts.too_long, doc.language)
    for image in _seen_images(doc):
        alt = " ".join((image.alt or "").split())
        if not alt:
            continue  # IMG001
        if len(alt) <= short:
            yield Violation(
                image.start, image.end,
                f"alt {_quote(alt)} is {len(alt)} characters "
                f"(too short at {short} or fewer for {doc.language})",
            )
        elif len(alt) >= long:
            yield Violation(
                image.start, image.end,
                f"alt {_quote(alt, 30)} is {len(alt)} characters "
                f"(too long at {long} or more for {doc.language})",
            )


# --- IMG004 ------------------------------------------------------------------------------


def _shown(value: str | None) -> str:
    if value is None:
        return "(no value)"
    return value if len(value) <= 30 else value[:29] + "…"


def _dedupe_fix(
    doc: Document, image: Image, query: urls.Query, groups: list[list[urls.Param]]
) -> Fix | None:
    """Delete every occurrence of a repeated key but the last, in the URL as written."""
    conflicting = [g for g in groups if len({p.decoded_value for p in g}) > 1]
    ranges = urls.drop_ranges(query, [p.index for group in groups for p in group[:-1]])
    raw = doc.source[image.url_start : image.url_end]
    decoded = urls.decode_as(raw, image.url, urls.STYLES_BY_ORIGIN.get(image.origin, ()))
    raw_ranges = urls.raw_deletions(decoded, ranges) if decoded is not None else None
    if raw_ranges is None or not doc.fixable:
        return None
    edits = tuple(
        Edit(image.url_start + start, image.url_start + end, "") for start, end in raw_ranges
    )
    if conflicting:
        kept = ", ".join(f"{g[-1].key}={_shown(g[-1].value)}" for g in conflicting)
        description = f"keep the last value of each repeated parameter ({kept})"
        return Fix(edits, FixSafety.UNSAFE, description)
    return Fix(edits, FixSafety.SAFE, "remove the repeated parameters (their values are equal)")


def _may_repeat_a_key(url: str) -> bool:
    """False when no query key of `url` repeats for sure (`urls.parse_query` and
    `repeated_keys` with plain strings: most URLs need no `Param` objects)."""
    keys = [piece.partition("=")[0] for piece in url.split("#", 1)[0].partition("?")[2].split("&") if piece]
    return any("%" in key or "+" in key for key in keys) or len(set(keys)) < len(keys)


@rule("IMG004", "image-url-duplicate-param", Severity.WARNING, fix=FixAvailability.SOMETIMES)
def image_url_duplicate_param(doc: Document, opts: NoOptions) -> Iterator[Violation]:
    """## What it does
    Flags an image URL whose query repeats a parameter (`?w=1080&w=1200`), wherever the
    URL stands: Markdown (inline or reference), HTML (`<img>`'s `src`, `srcset`, `data-src`
    and `data-srcset`, `<source srcset>`), the front matter image fields, JSON-LD. The message lists every repeated key with its
    values, in the order the keys first repeat.

    ## Why is this bad?
    Image CDNs disagree on which value wins (most read the last one, some the first, some
    fail), so the size, crop and format you get are an accident. Pipelines that append
    `&w=1200&h=630&fit=crop` to a URL that already has `w=1080&fit=max` produce exactly this.

    ## Example
    ```markdown
    ---
    title: Resizing images on an image CDN
    image: https://images.example.com/team.jpg?w=1200&h=630
    ---

    ![Our team at the 2024 offsite](https://images.example.com/team.jpg?w=1080&fit=max&w=1200&fit=crop)
    ```

    ## Use instead
    ```markdown
    ---
    title: Resizing images on an image CDN
    image: https://images.example.com/team.jpg?w=1200&h=630
    ---

    ![Our team at the 2024 offsite](https://images.example.com/team.jpg?w=1200&fit=crop)
    ```

    ## Fix safety
    The fix deletes only characters of the URL, as written where it stands (`&amp;` in
    HTML, `\\/` in JSON-LD), and never re-encodes anything else. It is safe when every
    repeated key repeats the same value: the extra occurrences are removed. It is unsafe
    when the values differ: the fix keeps the **last** occurrence of each key (the value
    most servers read) where it stands and removes the earlier ones, which may change the
    image you get.

    ## Options
    None.
    """
    for image in _unique_urls(doc):
        if not _may_repeat_a_key(image.url):
            continue
        query = urls.parse_query(image.url)
        groups = urls.repeated_keys(query.params)
        if not groups:
            continue
        listed = "; ".join(f"{g[0].name}: {', '.join(_shown(p.value) for p in g)}" for g in groups)
        noun = "parameter" if len(groups) == 1 else "parameters"
        yield Violation(
            image.url_start, image.url_end, f"image URL repeats query {noun} ({listed})",
            _dedupe_fix(doc, image, query, groups),
        )


# --- IMG005 ------------------------------------------------------------------------------


@rule("IMG005", "image-insecure-url", Severity.WARNING, fix=FixAvailability.ALWAYS)
def image_insecure_url(doc: Document, opts: NoOptions) -> Iterator[Violation]:
    """## What it does
    Flags an image URL that uses `http://`, in the body, the front matter or JSON-LD.

    ## Why is this bad?
    Browsers block or upgrade insecure images on an https page (mixed content) and show
    the page as not fully secure; social networks may refuse an `http://` card image.

    ## Example
    ```markdown
    ---
    title: Mixed content on static sites
    image: https://example.com/assets/mixed.png
    ---

    ![Browser warning about an insecure image](http://example.com/assets/warning.png)
    ```

    ## Use instead
    ```markdown
    ---
    title: Mixed content on static sites
    image: https://example.com/assets/mixed.png
    ---

    ![Browser warning about an insecure image](https://example.com/assets/warning.png)
    ```

    ## Fix safety
    Unsafe: the fix rewrites `http://` to `https://`, which breaks the image when its
    host does not serve https.

    ## Options
    None.
    """
    for image in _unique_urls(doc):
        if not image.url.lower().startswith("http://"):
            continue
        raw = doc.source[image.url_start : image.url_end]
        fix = None
        if raw[:5].lower() == "http:" and doc.fixable:
            start = image.url_start
            fix = Fix.replace(start, start + 5, "https:", FixSafety.UNSAFE, "use https://")
        try:
            host = urlsplit(image.url).netloc or image.url
        except ValueError:  # an invalid IPv6 host (`http://[x`)
            host = image.url[7:].split("/", 1)[0] or image.url
        message = f"image URL uses insecure http:// ({host})"
        yield Violation(image.url_start, image.url_end, message, fix)


# --- IMG006 ------------------------------------------------------------------------------

#: Query parameters that size, crop, encode or track an image without changing which image
#: it is (imgix / Unsplash, Cloudinary-style, WordPress and generic names).
_SIZING_PARAMS = (
    "w", "h", "width", "height", "dpr", "q", "quality", "fit", "crop", "fm", "format", "auto",
    "cs", "ixid", "ixlib", "resize", "size", "s", "ar", "dl", "v", "ver",
)


class DuplicateOptions(RuleOptions):
    #: Query parameters that do not change which image a URL shows.
    ignore_params: tuple[str, ...] = _SIZING_PARAMS


#: A Liquid tag that makes a URL of the quoted path: `{{ "/img.png" | relative_url }}`.
_FILTERED_PATH = re.compile(r"""\{\{-?\s*(['"])([^'"]*)\1\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}""")


def _comparable(url: str, opts: DuplicateOptions, doc: Document) -> str:
    written = url
    while (match := LIQUID.match(url)) is not None:  # `{{ site.baseurl }}/img.png`
        path = _FILTERED_PATH.fullmatch(match.group())
        url = (path.group(2) if path else "") + url[match.end() :].lstrip()
    if not url.strip() or "{" in url:
        return written  # built by Liquid: only the same text is the same image
    return urls.normalise(url, opts.ignore_params, doc.settings.base_url)


@rule("IMG006", "image-duplicate", Severity.INFO, options=DuplicateOptions)
def image_duplicate(doc: Document, opts: DuplicateOptions) -> Iterator[Violation]:
    """## What it does
    Flags an image used twice in one post, and the featured image (front matter) repeated
    inside the body. URLs are compared without the query parameters that only size, crop
    or encode the image (`w`, `h`, `fit`, `crop`, `q`, `fm`…), and http and https alike.

    ## Why is this bad?
    Most Jekyll and Hugo themes already show the featured image at the top of the post;
    repeating it inline shows it twice. The same picture twice in one post adds weight and
    no information, and is a sign of a pipeline that picked from too few images.

    ## Example
    ```markdown
    ---
    title: A week of remote work
    image: https://images.example.com/desk.jpg?w=1200&h=630
    ---

    ![A desk by the window with a laptop and a plant](https://images.example.com/desk.jpg?w=1080)
    ```

    ## Use instead
    ```markdown
    ---
    title: A week of remote work
    image: https://images.example.com/desk.jpg?w=1200&h=630
    ---

    ![The team on a video call, six faces on one screen](https://images.example.com/call.jpg?w=1080)
    ```

    ## Fix safety
    No fix.

    ## Options
    - `ignore-params`: the query parameters that do not change which image a URL shows
      (default `w h width height dpr q quality fit crop fm format auto cs ixid ixlib resize
      size s ar dl v ver`).
    """
    featured: dict[str, Image] = {}
    for image in doc.front_matter_images:
        featured.setdefault(_comparable(image.url, opts, doc), image)
    seen: dict[str, Image] = {}
    for image in _seen_images(doc):
        if not image.url.strip():
            continue
        key = _comparable(image.url, opts, doc)
        if key in featured:
            first = featured[key]
            yield Violation(
                image.start, image.end,
                f"featured image (front matter `{first.key}`, line {_line(doc, first.start)}) "
                f"is repeated in the body ({_file_name(image.url)})",
            )
        elif key in seen:
            yield Violation(
                image.start, image.end,
                f"image {_file_name(image.url)} is used twice "
                f"(first on line {_line(doc, seen[key].start)})",
            )
        else:
            seen[key] = image


# --- IMG007 ------------------------------------------------------------------------------


@rule("IMG007", "featured-image-missing", Severity.WARNING)
def featured_image_missing(doc: Document, opts: NoOptions) -> Iterator[Violation]:
    """## What it does
    Flags a post whose front matter names no featured image (`image`, or another of the
    configured image fields such as `header.image`, `thumbnail`, `cover`).

    ## Why is this bad?
    The featured image is what social cards (`og:image`, `twitter:image`) and the
    BlogPosting JSON-LD use; jekyll-seo-tag and most themes read it from `image`. Without
    it, shares show no picture, and Google recommends an image for every article.

    ## Example
    ```markdown
    ---
    title: Writing meta descriptions that get clicks
    ---

    Body text.
    ```

    ## Use instead
    ```markdown
    ---
    title: Writing meta descriptions that get clicks
    image: /assets/meta-descriptions.png
    ---

    Body text.
    ```

    ## Fix safety
    No fix.

    ## Options
    None (the fields are the `image-fields` setting).
    """
    if not doc.front_matter.present or doc.front_matter.errors or doc.front_matter_images:
        return
    start, end = doc.key_span("image")
    message = "front matter has no featured image (no `image` or other image field)"
    yield Violation(start, end, message)
