"""Link rules: `post_url` targets and internal links across the site (LNK001, LNK002),
generic link text (LNK003) and `http://` links (LNK004).

The site rules read one small summary per file (`links` key): the post's Jekyll name, the
ingredients of its permalink, its heading anchors, and the `post_url` tags and internal links
it contains with their positions. The site's URLs are computed in the rule, from the site's
`_config.yml` (`permalink`, `baseurl`) and each file's path relative to the site root.
"""

from __future__ import annotations

import difflib
import heapq
import html
import posixpath
import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime, timezone, tzinfo
from fnmatch import fnmatchcase
from functools import cached_property, lru_cache
from typing import Any, TypedDict
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from seo_lint import text
from seo_lint.document import Document, jekyll_name
from seo_lint.findings import Fix, FixAvailability, FixSafety, Severity, Violation
from seo_lint.hashindex import HashIndex
from seo_lint.registry import RuleOptions, Site, SiteViolation, rule, site_rule, summarizer
from seo_lint.rules.fields import parse_date

Position = tuple[int, int, int, int]  # line, column, end line, end column

# --- Liquid tags --------------------------------------------------------------------

_POST_URL = re.compile(r"\{%-?\s*post_url\s+(\S+)\s*-?%\}")
_LINK_TAG = re.compile(r"\{%-?\s*link\s+(\S+)\s*-?%\}")
_RAW_OPEN = re.compile(r"\{%-?\s*raw\s*-?%\}")
_RAW_CLOSE = re.compile(r"\{%-?\s*endraw\s*-?%\}")
#: Liquid prefixes that stand for the site's own root in a link.
_SITE_PREFIX = re.compile(r"^(?:\{\{-?\s*site\.(?:url|baseurl)\s*-?\}\})+")
_RELATIVE_URL = re.compile(r"^\{\{-?\s*(['\"])([^'\"]*)\1\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")

# --- heading anchors ----------------------------------------------------------------

_GFM_DROP = re.compile(r"[^\w\- ]")
_KRAMDOWN_LEAD = re.compile(r"^[^a-zA-Z]+")
_KRAMDOWN_DROP = re.compile(r"[^a-zA-Z0-9 \-]")
_HTML_ID = re.compile(r"""\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)


@lru_cache(maxsize=4096)
def gfm_slug(heading: str) -> str:
    """GitHub / kramdown-parser-gfm heading id: lowercase, punctuation removed, spaces to `-`,
    letters of every script (CJK included) kept."""
    return _GFM_DROP.sub("", heading.strip().lower()).replace(" ", "-")


@lru_cache(maxsize=4096)
def kramdown_slug(heading: str) -> str:
    """kramdown's default auto id: ASCII letters, digits and `-` only; `section` when empty."""
    slug = _KRAMDOWN_DROP.sub("", _KRAMDOWN_LEAD.sub("", heading.strip()))
    return slug.replace(" ", "-").lower() or "section"


def anchors(doc: Document) -> tuple[str, ...]:
    """Every fragment that names a place in the page: explicit `{#id}` / `id="…"`, and the
    auto ids of both slug styles (a link that matches either is not reported)."""
    found: set[str] = set()
    gfm: dict[str, int] = {}  # slugs given so far, per style: a repeat gets `-1`, `-2`…
    kramdown: dict[str, int] = {}
    for heading in doc.headings:
        if heading.anchor:
            found.add(heading.anchor.lower())
            continue
        for seen, slug in ((gfm, gfm_slug(heading.text)), (kramdown, kramdown_slug(heading.text))):
            count = seen.get(slug, 0)
            seen[slug] = count + 1
            found.add(f"{slug}-{count}" if count else slug)
    for fragment in doc.markdown.html:
        for match in _HTML_ID.finditer(fragment.text):
            found.add(next(g for g in match.groups() if g is not None).lower())
    return tuple(sorted(found))


# --- the summary ------------------------------------------------------------------------


class LinkSummary(TypedDict):
    name: str | None  # Jekyll post name `YYYY-MM-DD-slug`
    permalink: str | None  # front matter permalink, as written
    date: tuple[int, int, int, int, int, int] | None  # the post's date (site timezone)
    slug: str | None  # what `:title` stands for
    categories: tuple[str, ...]
    anchors: tuple[str, ...]
    post_urls: tuple[tuple[str, Position], ...]
    links: tuple[tuple[str, Position], ...]  # internal link targets, as written


_NAME_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")


def _post_date(doc: Document, name: str) -> tuple[int, int, int, int, int, int]:
    """The front matter date in the site's timezone (as Jekyll does), else the file name's."""
    try:
        zone: tzinfo = ZoneInfo(doc.settings.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = timezone.utc
    moment = parse_date(doc.meta.get("date"), zone)
    if moment is None:
        named = _NAME_DATE.match(name)
        assert named is not None
        return (int(named.group(1)), int(named.group(2)), int(named.group(3)), 0, 0, 0)
    moment = moment.astimezone(zone)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def _categories(doc: Document) -> tuple[str, ...]:
    """Jekyll's rule: `category` when present, else `categories` (a string splits on spaces)."""
    value = doc.meta.get("category")
    if value is None:
        value = doc.meta.get("categories")
        if isinstance(value, str):
            value = value.split()
    items = value if isinstance(value, list) else [] if value is None else [value]
    return tuple(dict.fromkeys(str(item) for item in items if item is not None))


def _span(doc: Document, start: int, end: int) -> Position:
    return doc.position(start) + doc.position(end)


def _raw_regions(doc: Document) -> list[tuple[int, int]]:
    """`{% raw %} … {% endraw %}` regions: Liquid inside them is not run."""
    regions: list[tuple[int, int]] = []
    opened: int | None = None
    for start, end in doc.liquid:
        tag = doc.source[start:end]
        if opened is None and _RAW_OPEN.fullmatch(tag):
            opened = start
        elif opened is not None and _RAW_CLOSE.fullmatch(tag):
            regions.append((opened, end))
            opened = None
    return regions


def _own_site(doc: Document) -> str | None:
    """The site's scheme and host (`https://example.com`), from settings or `_config.yml`."""
    base = doc.settings.base_url or str(doc.settings.site.get("url") or "")
    try:
        parts = urlsplit(base)
    except ValueError:  # an invalid IPv6 host in the configured URL
        return None
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def _internal_target(url: str, own_site: str | None) -> str | None:
    """The link as a site path (root-relative or relative), or None for external links."""
    url = url.strip()
    if not url:
        return None
    if own_site and (url.lower() + "/").startswith(own_site.lower().rstrip("/") + "/"):
        return "/" + url[len(own_site.rstrip("/")) :].lstrip("/")
    if _SCHEME.match(url) or url.startswith("//"):
        return None
    return url


@summarizer("links")
def summarize_links(doc: Document) -> LinkSummary:
    name = doc.jekyll_name
    raw = _raw_regions(doc)
    post_urls = []
    links = []
    for start, end in doc.liquid:
        if any(s <= start < e for s, e in raw):
            continue
        match = _POST_URL.fullmatch(doc.source, start, end)
        if match and "{" not in match.group(1):
            post_urls.append((match.group(1), _span(doc, match.start(1), match.end(1))))
        tag = _LINK_TAG.fullmatch(doc.source, start, end)
        if tag and "{" not in tag.group(1):
            links.append((tag.group(), _span(doc, tag.start(1), tag.end(1))))
    own_site = _own_site(doc)
    for link in doc.links:
        target = _internal_target(link.url, own_site)
        # post_url tags are LNK001's; link tags were taken from the Liquid above
        if target is not None and "post_url" not in target and not _LINK_TAG.search(target):
            links.append((target, _span(doc, link.url_start, link.url_end)))
    return LinkSummary(
        name=name,
        permalink=doc.meta_str("permalink"),
        date=_post_date(doc, name) if name else None,
        slug=doc.meta_str("slug") or (_NAME_DATE.match(name).group(4) if name else None),  # type: ignore[union-attr]
        categories=_categories(doc),
        anchors=anchors(doc),
        post_urls=tuple(post_urls),
        links=tuple(links),
    )


# --- the site's URLs ----------------------------------------------------------------

#: Jekyll's built-in permalink styles.
_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
_PLACEHOLDER = re.compile(r":([a-z_]+)")
_PRETTY_SLUG = re.compile(r"(?:[^\w.~!$&'()+,;=@]|_)+")
_CONTENT_ROOTS = ("content/", "src/content/", "src/pages/", "_pages/")
_PAGE_EXTENSIONS = frozenset({"", ".html", ".htm", ".md", ".markdown", ".mdx"})


def relative_path(path: str, root: str) -> str:
    """`path` relative to the site root, with `/` separators."""
    path = posixpath.normpath(path.replace("\\", "/"))
    root = posixpath.normpath(root.replace("\\", "/"))
    if root == ".":
        return path
    if path.startswith(root.rstrip("/") + "/"):
        return path[len(root.rstrip("/")) + 1 :]
    if posixpath.isabs(path) == posixpath.isabs(root):
        return posixpath.relpath(path, root)
    return path


def _default_permalinks(config: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(scope path, permalink) of the `_config.yml` front matter defaults that give posts a
    permalink (`defaults: [{scope: {path: "", type: posts}, values: {permalink: /posts/:title/}}]`),
    the widest scope first (a narrower one wins, as in Jekyll)."""
    found: list[tuple[str, str]] = []
    for entry in config.get("defaults") or ():
        scope = entry.get("scope") if isinstance(entry, dict) else None
        values = entry.get("values") if isinstance(entry, dict) else None
        if not isinstance(scope, dict) or not isinstance(values, dict):
            continue
        permalink = values.get("permalink")
        if isinstance(permalink, str) and permalink and scope.get("type") in (None, "", "posts"):
            found.append((str(scope.get("path") or "").strip("/"), _STYLES.get(permalink, permalink)))
    return sorted(found, key=lambda pair: len(pair[0]))


def _expand(template: str, data: LinkSummary, folders: list[str]) -> str | None:
    """A Jekyll permalink template filled for one post; None when it uses a placeholder
    seo-lint does not know (the post's URL is then unknown)."""
    assert data["date"] is not None and data["slug"] is not None
    y, m, d, hh, mm, ss = data["date"]
    title = _PRETTY_SLUG.sub("-", data["slug"]).strip("-")
    categories = [c.lower() for c in dict.fromkeys(folders + list(data["categories"]))]
    values = {
        "year": f"{y:04d}", "short_year": f"{y % 100:02d}", "month": f"{m:02d}", "i_month": str(m),
        "day": f"{d:02d}", "i_day": str(d), "hour": f"{hh:02d}", "minute": f"{mm:02d}",
        "second": f"{ss:02d}", "title": title, "slug": title, "name": title,
        "categories": "/".join(categories), "output_ext": ".html",
        "y_day": f"{datetime(y, m, d).timetuple().tm_yday:03d}" if _valid(y, m, d) else None,
    }
    unknown = False

    def fill(match: re.Match[str]) -> str:
        nonlocal unknown
        value = values.get(match.group(1))
        if value is None:
            unknown = True
            return ""
        return value

    url = _PLACEHOLDER.sub(fill, template)
    return None if unknown else re.sub(r"/{2,}", "/", "/" + url)


def _valid(y: int, m: int, d: int) -> bool:
    try:
        datetime(y, m, d)
    except ValueError:
        return False
    return True


def url_key(path: str) -> str:
    """How two site URLs are compared: decoded, without `index.html`, `.html` or the trailing `/`."""
    path = re.sub(r"/{2,}", "/", "/" + unquote(path).lstrip("/"))
    for suffix in ("index.html", "index.htm", ".html", ".htm"):
        if path.endswith(suffix):
            path = path[: -len(suffix)]
            break
    return path.rstrip("/") or "/"


def _folders(key: str) -> Iterator[str]:
    """`/a/b/c` → `/a/b`, `/a`."""
    while True:
        key = key.rsplit("/", 1)[0]
        if not key:
            return
        yield key


def _path_urls(rel: str) -> list[str]:
    """URLs a page may have from its path alone: `about.md` → `/about`, `content/posts/a/index.md`
    → `/posts/a` (Hugo, Astro and Jekyll pages)."""
    stem = posixpath.splitext(rel)[0]
    found = [stem]
    for prefix in _CONTENT_ROOTS:
        if stem.startswith(prefix):
            found.append(stem[len(prefix) :])
    for item in list(found):
        if posixpath.basename(item) in ("index", "_index"):
            found.append(posixpath.dirname(item))
    return [url_key(item) for item in found]


class SiteIndex:
    """The site's files by path and by URL (without the baseurl), built once per run.

    It keeps no file's summary (tens of thousands of them would not fit in a flat memory
    budget): a file's anchors are read again when a link with a `#fragment` targets it."""

    def __init__(self, site: Site) -> None:
        config = site.config or {}
        style = str(config.get("permalink") or "date")
        template = _STYLES.get(style, style)
        self.site = site
        self.defaults = _default_permalinks(config) if isinstance(config.get("defaults"), list) else []
        self.baseurl = "/" + str(config.get("baseurl") or "").strip("/")
        self.uncertain = False  # some post's URL could not be computed
        self.template = template
        self.targets: dict[int, frozenset[str] | None] = {}  # anchors of the files linked with a #fragment
        # by path and by URL: compact maps (a 40,000-post site has ~200,000 paths and URLs)
        self.by_path = HashIndex()
        self.by_url = HashIndex()
        self.folders = HashIndex()  # URL keys of the folders that hold pages (a set)
        self.linking = bytearray()  # 1 for a file with internal links to check
        for index, summary in enumerate(site.summaries):
            rel = relative_path(summary.path, site.root)
            data: LinkSummary | None = summary.data.get("links")
            self.linking.append(1 if data is not None and data["links"] else 0)
            urls = [url_key(url) for url in self._urls(rel, data, template)]
            self.by_path.setdefault(rel, index)
            self.by_path.setdefault(posixpath.splitext(rel)[0], index)
            for url in urls:
                self.by_url.setdefault(url, index)
                for folder in _folders(url):
                    self.folders.add(folder)

    def rel(self, index: int) -> str:
        """File `index`'s path relative to the site's root."""
        return relative_path(self.site.summaries[index].path, self.site.root)

    def file_urls(self, index: int) -> list[str]:
        """The URL keys of file `index` (computed again: kept for no file)."""
        summary = self.site.summaries[index]
        rel = relative_path(summary.path, self.site.root)
        return [url_key(url) for url in self._urls(rel, summary.data.get("links"), self.template)]

    def anchors(self, index: int) -> frozenset[str] | None:
        """The heading anchors and ids of file `index` (None when it has no summary)."""
        if index not in self.targets:
            data: LinkSummary | None = self.site.summaries[index].data.get("links")
            self.targets[index] = frozenset(data["anchors"]) if data is not None else None
        return self.targets[index]

    def _urls(self, rel: str, data: LinkSummary | None, template: str) -> list[str]:
        urls: list[str] = []
        if data is not None and data["permalink"]:
            urls.append(data["permalink"])
        parts = rel.split("/")
        if data is not None and data["name"] and data["date"] and "_posts" in parts:
            folders = parts[: parts.index("_posts")]
            for path, permalink in self.defaults:  # front matter defaults in _config.yml
                if not path or rel == path or rel.startswith(path + "/"):
                    template = permalink
            expanded = _expand(template, data, folders)
            if expanded is None:
                self.uncertain = True
            else:
                urls.append(expanded)
        return urls + _path_urls(rel)

    def resolve(self, source: int, target: str, below_baseurl: bool) -> tuple[int | None, bool]:
        """(index of the file `target` points to, whether a miss can be reported).
        `below_baseurl`: a root-relative target that Liquid already puts under the baseurl."""
        path = unquote(target)
        found: int | None = None
        if not path.startswith("/"):
            found = self._relative(source, path)
        elif below_baseurl or self.baseurl == "/":
            found = self.by_url.get(url_key(path))
            if found is None and self.baseurl == "/":
                found = self.by_path.get(path.strip("/"))
        elif (path + "/").startswith(self.baseurl + "/"):
            found = self.by_url.get(url_key(path[len(self.baseurl) :]))
        if found is not None:
            return found, True
        extension = posixpath.splitext(path.rstrip("/"))[1].lower()
        unknown = self.uncertain and extension in ("", ".html", ".htm")
        return None, extension in _PAGE_EXTENSIONS and not unknown

    def generated(self, path: str, below_baseurl: bool, ignore: tuple[str, ...]) -> bool:
        """A root-relative target that the generator may make without a source file: the
        home page, a folder that holds pages (a section or date archive), an ignored path."""
        if not path.startswith("/"):
            return False
        if not below_baseurl and self.baseurl != "/" and (path + "/").startswith(self.baseurl + "/"):
            path = path[len(self.baseurl) :] or "/"
        key = url_key(path)
        if key == "/" or key in self.folders:
            return True
        return any(fnmatchcase(key, pattern) or fnmatchcase(key + "/", pattern) for pattern in ignore)

    def _relative(self, source: int, path: str) -> int | None:
        # as a file next to the source file (`../other.md`) …
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(self.rel(source)), path))
        found = self.by_path.get(joined.rstrip("/"))
        if found is not None:
            return found
        # … or as a URL next to the source page's URL, which may end in `/` or not
        for own in self.file_urls(source):
            for base in (own.rstrip("/") + "/", posixpath.dirname(own).rstrip("/") + "/"):
                found = self.by_url.get(url_key(posixpath.normpath(posixpath.join(base, path))))
                if found is not None:
                    return found
        return None


def _violation(path: str, position: Position, message: str) -> SiteViolation:
    return SiteViolation(path, position[0], position[1], position[2], position[3], message)


class _PostNames:
    """The site's Jekyll post names (files in a `_posts` folder), by name, slug and date.

    Posts are numbered in site order; the indexes hold numbers and dates, not names (a name
    is read again from its file's path): a 40,000-post site's names in sets and dicts took
    14 MB."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.names = HashIndex()
        self.summaries = array("L")  # post -> its summary's number
        self.dates = array("L")  # post -> its date as YYYYMMDD
        self.by_slug = HashIndex()  # slug -> its earliest post
        for number, summary in enumerate(site.summaries):  # the name is the file's: no summary value is decoded
            name = jekyll_name(summary.path)
            in_posts = "_posts" in summary.path.replace("\\", "/").split("/")
            if name and name not in self.names and in_posts and "links" in summary.data:
                post, date = len(self.dates), int(name[:4] + name[5:7] + name[8:10])
                earliest = self.by_slug.get(name[11:])
                if earliest is None or date < self.dates[earliest]:
                    self.by_slug[name[11:]] = post
                self.names.add(name)
                self.summaries.append(number)
                self.dates.append(date)
        self.by_date = array("L", sorted(range(len(self.dates)), key=self.dates.__getitem__))
        self._found: dict[str, str | None] = {}  # closest(name), by name

    def name(self, post: int) -> str:
        name = jekyll_name(self.site.summaries[self.summaries[post]].path)
        assert name is not None
        return name

    def on(self, date: str) -> list[str]:
        """The names of the posts of `date` (`YYYY-MM-DD`)."""
        try:
            value = int(date[:4] + date[5:7] + date[8:10])
        except ValueError:  # not a date: no post has it
            return []
        first = bisect_left(self.by_date, value, key=self.dates.__getitem__)
        last = bisect_right(self.by_date, value, lo=first, key=self.dates.__getitem__)
        return [name for post in self.by_date[first:last] if (name := self.name(post)).startswith(date)]

    def closest(self, name: str) -> str | None:
        """The existing post most like `name`, compared by slug: the same slug on another
        date, else the closest slug on the same date, else (on sites of up to 5,000 posts)
        the closest slug of any post. Each name is looked up once."""
        if name not in self._found:
            self._found[name] = self._closest(name)
        return self._found[name]

    def _closest(self, name: str) -> str | None:
        date, slug = name[:10], name[11:]
        earliest = self.by_slug.get(slug)
        if earliest is not None:
            return self.name(earliest)
        same_date = _by_slug(self.on(date))
        found = _close_match(slug, same_date, cutoff=0.6)
        if found is not None:
            return same_date[found]
        found = self._any_slug.closest(slug, cutoff=0.6)
        return self._any_slug.pool[found] if found is not None else None

    @cached_property
    def _any_slug(self) -> _SlugIndex:
        small = len(self.names) <= 5000
        return _SlugIndex(_by_slug(map(self.name, range(len(self.dates)))) if small else {})


class _SlugIndex:
    """Slugs by the character trigrams they contain. Comparing a slug with every other one
    (difflib's ratio) costs ~50 ms on 5,000 posts: only the `CANDIDATES` slugs that share
    the most trigrams with it are compared (a slug with a ratio >= 0.6 shares many)."""

    CANDIDATES = 40

    def __init__(self, pool: dict[str, str]) -> None:
        self.pool = pool  # slug -> post name
        self.postings: dict[str, list[str]] = defaultdict(list)
        for slug in pool:
            for gram in _trigrams(slug):
                self.postings[gram].append(slug)

    def closest(self, slug: str, cutoff: float) -> str | None:
        shared: Counter[str] = Counter()
        for gram in _trigrams(slug):
            shared.update(self.postings.get(gram, ()))
        ranked = heapq.nsmallest(self.CANDIDATES, shared.items(), key=lambda item: (-item[1], item[0]))
        return _close_match(slug, (candidate for candidate, _ in ranked), cutoff)


def _trigrams(text: str) -> set[str]:
    return {text[i : i + 3] for i in range(max(1, len(text) - 2))}


def _close_match(word: str, possibilities: Iterable[str], cutoff: float) -> str | None:
    """`difflib.get_close_matches(word, possibilities, n=1, cutoff)[0]` (or None), without
    computing every ratio: candidates are tried in decreasing order of the ratio's cheap upper
    bound (lengths), and one whose bound is below the best ratio so far cannot win or tie."""
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    size = len(word)
    bounded = []
    for candidate in possibilities:  # real_quick_ratio(), inlined: it depends on the lengths only
        total = len(candidate) + size
        bound = 2.0 * min(len(candidate), size) / total if total else 1.0
        if bound >= cutoff:
            bounded.append((bound, candidate))
    bounded.sort(key=lambda pair: pair[0], reverse=True)
    best: tuple[float, str] | None = None
    for bound, candidate in bounded:
        if best is not None and bound < best[0]:
            break
        matcher.set_seq1(candidate)
        quick = matcher.quick_ratio()
        if quick < cutoff or (best is not None and quick < best[0]):
            continue
        score = matcher.ratio()
        if score >= cutoff and (best is None or (score, candidate) > best):
            best = (score, candidate)
    return best[1] if best is not None else None


def _by_slug(names: Iterable[str]) -> dict[str, str]:
    """slug → the first post name (by date) with that slug."""
    return {name[11:]: name for name in sorted(names, reverse=True)}


def _stem(reference: str) -> str:
    base = reference.rsplit("/", 1)[-1]
    for extension in (".markdown", ".md", ".html"):
        if base.endswith(extension):
            return base[: -len(extension)]
    return base


@site_rule("LNK001", "post-url-missing", Severity.ERROR)
def post_url_missing(site: Site, opts: RuleOptions) -> Iterator[SiteViolation]:
    """## What it does
    Flags a `{% post_url NAME %}` tag whose target is not a post of the site, and suggests
    the existing post whose name is closest. The name may carry subfolders and `.md`; the
    target is any file in a `_posts` folder with that `YYYY-MM-DD-slug` name.

    ## Why is this bad?
    Jekyll stops the whole build when a `post_url` target does not exist
    ("Could not find post"): one renamed or never-published post takes the site down.
    AI pipelines invent related-post names that were never written.

    ## Example
    ```markdown
    ---
    title: Static site SEO in 2025
    ---

    Read the [checklist]({% post_url 2024-12-01-no-such-post %}) first.
    ```

    ## Use instead
    ```markdown
    ---
    title: Static site SEO in 2025
    ---

    Read the [checklist](https://example.com/checklist/) first.
    ```

    ## Fix safety
    No fix: the right target is the author's choice.

    ## Options
    None. Tags inside `{% raw %}` are ignored; tags inside code blocks are checked, because
    Jekyll runs Liquid before Markdown.
    """
    posts = _PostNames(site)
    for summary in site.summaries:
        if summary.path not in site.linted:
            continue
        data = summary.data.get("links")
        for reference, position in data["post_urls"] if data else ():
            stem = _stem(reference)
            if stem in posts.names:
                continue
            closest = posts.closest(stem)
            hint = f" (did you mean {closest}?)" if closest else ""
            yield _violation(summary.path, position, f"post_url target {reference} is not a post of this site{hint}")


class InternalLinkOptions(RuleOptions):
    #: Link paths (below the baseurl) that generators make without a source file:
    #: shell-style patterns, matched against the path without query or fragment.
    ignore: tuple[str, ...] = (
        "/tags/*", "/tag/*", "/categories/*", "/category/*", "/page/*", "/page[0-9]*",
        "/authors/*", "/author/*", "/search*", "/archives*",
    )
    #: Added to `ignore`.
    extend_ignore: tuple[str, ...] = ()


@site_rule("LNK002", "internal-link-broken", Severity.ERROR, options=InternalLinkOptions)
def internal_link_broken(site: Site, opts: InternalLinkOptions) -> Iterator[SiteViolation]:
    """## What it does
    Flags a link to a page of the site that does not exist, or to a `#fragment` that is not
    on the target page.

    Checked: root-relative (`/2025/01/10/x/`) and relative (`../about.md`) links, links to
    the site's own URL, `{% link path %}` tags, and the heading anchors of each page.

    ## Why is this bad?
    A broken internal link is a dead end for readers and crawlers, wastes crawl budget and
    loses the link's signal. A missing `{% link %}` target also stops the Jekyll build.

    ## Example
    ```markdown
    ---
    title: Static site SEO in 2025
    ---

    ## Checklist

    Start with the [checklist](#check-list) and the [about page](/no-such-page/).
    ```

    ## Use instead
    ```markdown
    ---
    title: Static site SEO in 2025
    ---

    ## Checklist

    Start with the [checklist](#checklist).
    ```

    ## Fix safety
    No fix.

    ## Options
    - `ignore`: link paths (below the baseurl) that the generator makes without a source
      file, as shell-style patterns (default `/tags/*`, `/tag/*`, `/categories/*`,
      `/category/*`, `/page/*`, `/page[0-9]*`, `/authors/*`, `/author/*`, `/search*`,
      `/archives*`).
    - `extend-ignore`: patterns added to `ignore`.

    A page's URL comes from its front matter `permalink`, else from `_config.yml`'s
    front matter `defaults` for posts, else its `permalink` style for Jekyll posts (`date`,
    `pretty`, `ordinal`, `none` or a template),
    else from its path (`about.md` → `/about/`); `/a`, `/a/` and `/a.html` are the same page.
    Not reported: the home page `/`, a folder that holds pages (`/2025/01/`, `/posts/`:
    generators make archive and section pages), links to files that are not pages
    (`/assets/a.pdf`), and links built with Liquid other than `{{ site.baseurl }}` and
    `relative_url`. Anchors count in both GitHub/kramdown-GFM style (`#見出し-1`) and
    kramdown's ASCII style.
    """
    index = SiteIndex(site)
    for source, summary in enumerate(site.summaries):
        if not index.linking[source] or summary.path not in site.linted:
            continue  # (most posts link to no other page: their summary is not decoded again)
        data: LinkSummary | None = summary.data.get("links")
        if data is None:
            continue
        for target, position in data["links"]:
            message = _broken(index, source, target, opts.ignore + opts.extend_ignore)
            if message:
                yield _violation(summary.path, position, message)


def _broken(index: SiteIndex, source: int, written: str, ignore: tuple[str, ...]) -> str | None:
    target = written.strip()
    below_baseurl = False
    if "{" in target:
        tag = _LINK_TAG.fullmatch(target)
        if tag is not None:
            path = tag.group(1).strip("'\"")
            return None if path.lstrip("/") in index.by_path else f"link tag target {path} is not in the site"
        relative = _RELATIVE_URL.match(target)
        prefixed = _SITE_PREFIX.match(target)
        if relative is not None:
            target = relative.group(2)
        elif prefixed is not None:
            target = "/" + target[prefixed.end() :].lstrip("/")
        if "{" in target or "%}" in target:
            return None  # built by Liquid: not knowable
        below_baseurl = True
    parts = urlsplit(target)
    fragment = unquote(parts.fragment).lower()
    found = source
    if parts.path:
        resolved, reportable = index.resolve(source, parts.path, below_baseurl)
        if resolved is None:
            if not reportable or index.generated(parts.path, below_baseurl, ignore):
                return None
            outside = (
                parts.path.startswith("/") and index.baseurl != "/" and not below_baseurl
                and not (parts.path + "/").startswith(index.baseurl + "/")
            )
            hint = f" (the baseurl is {index.baseurl})" if outside else ""
            return f"link target {parts.path} is not a page of this site{hint}"
        found = resolved
    if not fragment or fragment in ("top", "_top"):
        return None
    anchors = index.anchors(found)
    if anchors is not None and fragment not in anchors:
        where = "this page" if found == source else index.rel(found)
        return f"anchor #{parts.fragment} is not a heading or id on {where}"
    return None


# --- per-document link rules --------------------------------------------------------

#: Lighthouse `link-text` (English and Japanese lists) plus common Japanese equivalents.
GENERIC_LINK_TEXT = (
    "click here", "click this", "go", "here", "information", "learn more", "more", "more info",
    "more information", "right here", "read more", "see more", "start", "this",
    "ここをクリック", "こちらをクリック", "リンク", "続きを読む", "続く", "全文表示",
    "こちら", "ここ", "こちらから", "詳細", "詳しくはこちら", "詳細はこちら", "もっと見る",
)
_ANCHOR_CLOSE = re.compile(r"</a\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]{0,500}>")
_LINK_TEXT_TRIM = " \t\n.。…:：!！>＞»›→⇒▶▸►≫「」[]【】()（）\"'"


class LinkTextOptions(RuleOptions):
    #: Link texts that say nothing about their target (compared after NFKC and case-folding).
    generic: tuple[str, ...] = GENERIC_LINK_TEXT
    #: Added to `generic`.
    extend_generic: tuple[str, ...] = ()


@rule("LNK003", "link-text-generic", Severity.WARNING, options=LinkTextOptions)
def link_text_generic(doc: Document, opts: LinkTextOptions) -> Iterator[Violation]:
    """## What it does
    Flags a link whose whole text says nothing about its target (`click here`, `read more`,
    `こちら`, `続きを読む`).

    The default list is Lighthouse's, in English and Japanese, plus common Japanese
    variants; a text counts when it is the whole link text, arrows and punctuation aside.

    ## Why is this bad?
    Search engines and screen-reader users read link text to know what is behind a link;
    "here" tells them nothing. Lighthouse's `link-text` audit fails these texts.

    ## Example
    ```markdown
    ---
    title: Static site SEO in 2025
    ---

    The full checklist is [here](https://example.com/checklist/).
    ```

    ## Use instead
    ```markdown
    ---
    title: Static site SEO in 2025
    ---

    Read the [static site SEO checklist](https://example.com/checklist/).
    ```

    ## Fix safety
    No fix.

    ## Options
    - `generic`: the texts to flag, compared whole after NFKC, case-folding and trimming
      of arrows and punctuation (default: Lighthouse's English and Japanese lists, plus
      こちら, ここ, こちらから, 詳細, 詳しくはこちら, 詳細はこちら, もっと見る).
    - `extend-generic`: texts added to the default list.
    """
    generic = _generic_texts(opts.generic + opts.extend_generic)
    for link in doc.links:
        label, end = link.text, link.end
        if link.origin == "html" and not label:
            label, end = _inline_anchor_text(doc.source, link.end)
        written = text.normalize_space(label).strip(_LINK_TEXT_TRIM)
        if written and written in generic:
            yield Violation(link.start, end, f'link text "{label}" does not say where the link goes')


@lru_cache(maxsize=16)
def _generic_texts(texts: tuple[str, ...]) -> frozenset[str]:
    """The generic link texts as compared (the same option for every post: computed once)."""
    return frozenset(text.normalize_space(item) for item in texts)


def _inline_anchor_text(source: str, tag_end: int) -> tuple[str, int]:
    """The text of an inline `<a …>text</a>` in Markdown, whose opening tag is a fragment
    of its own (the HTML model sees only that tag)."""
    close = _ANCHOR_CLOSE.search(source, tag_end, tag_end + 500)
    if close is None:
        return "", tag_end
    inner = _TAG.sub("", source[tag_end : close.start()])
    return html.unescape(inner).strip(), close.end()


class InsecureOptions(RuleOptions):
    #: Hosts that are fine over plain http (local development).
    allow_hosts: tuple[str, ...] = ("localhost", "127.0.0.1", "0.0.0.0", "[::1]")


@rule("LNK004", "link-insecure", Severity.INFO, fix=FixAvailability.SOMETIMES, options=InsecureOptions)
def link_insecure(doc: Document, opts: InsecureOptions) -> Iterator[Violation]:
    """## What it does
    Flags a link that starts with `http://` (except to local hosts).

    ## Why is this bad?
    Browsers mark plain-http pages as "Not secure", and a link from an https page to an
    http one drops the referrer. Nearly every site serves https today.

    ## Example
    ```markdown
    ---
    title: Static site SEO in 2025
    ---

    See the [Jekyll documentation](http://jekyllrb.com/docs/).
    ```

    ## Use instead
    ```markdown
    ---
    title: Static site SEO in 2025
    ---

    See the [Jekyll documentation](https://jekyllrb.com/docs/).
    ```

    ## Fix safety
    Unsafe: replaces `http://` with `https://`, which breaks the link if the host does not
    serve https. Offered when the URL is written as-is in the source.

    ## Options
    - `allow-hosts`: hosts for which http is fine (default `localhost`, `127.0.0.1`,
      `0.0.0.0`, `[::1]`).
    """
    allowed = {host.lower() for host in opts.allow_hosts}
    seen: set[tuple[int, int]] = set()  # links that share a reference definition: one finding
    for link in doc.links:
        if not link.url.lower().startswith("http://") or (link.url_start, link.url_end) in seen:
            continue
        seen.add((link.url_start, link.url_end))
        try:
            host = (urlsplit(link.url).hostname or "").lower()
        except ValueError:  # an invalid IPv6 host (`http://[x`)
            host = link.url[7:].split("/", 1)[0].lower()
        if host in allowed or f"[{host}]" in allowed:
            continue
        fix = None
        if doc.source[link.url_start : link.url_start + 7].lower() == "http://":
            fix = Fix.replace(link.url_start, link.url_start + 7, "https://", FixSafety.UNSAFE, "use https://")
        yield Violation(link.url_start, link.url_end, f"link uses http:// ({host}); use https://", fix)
