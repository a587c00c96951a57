"""Near-duplicate posts across the site (TX007), from MinHash signatures and LSH banding.

Each file's summary (`near-duplicate` key) holds a 512-byte MinHash signature of its prose
(`seo_lint.similarity`), its length and where a finding about it points. The site rule only
compares posts that share an LSH band, so it stays linear in the number of posts.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypedDict, overload

from seo_lint import similarity
from seo_lint.document import Document
from seo_lint.findings import Severity
from seo_lint.registry import RuleOptions, Site, SiteViolation, for_language, site_rule, summarizer


class DuplicateSummary(TypedDict):
    signature: bytes | None
    length: int  # prose length in tokens: CJK characters and other words, punctuation aside
    language: str
    position: tuple[int, int, int, int]  # the title key, else the start of the file


@summarizer("near-duplicate")
def summarize_text(doc: Document) -> DuplicateSummary:
    ids = similarity.text_ids(doc.prose)
    start, end = doc.key_span("title")
    return DuplicateSummary(
        signature=similarity.signature(ids),
        length=len(ids),
        language=doc.language,
        position=doc.position(start) + doc.position(end),
    )


class NearDuplicateOptions(RuleOptions):
    #: Estimated Jaccard similarity of the two posts' shingle sets at or above which they are reported.
    threshold: float = 0.8
    #: Posts shorter than this are not compared: characters for CJK, words otherwise.
    min_length: dict[str, int] = {"cjk": 200, "default": 50}


@site_rule("TX007", "near-duplicate-post", Severity.WARNING, options=NearDuplicateOptions)
def near_duplicate_post(site: Site, opts: NearDuplicateOptions) -> Iterator[SiteViolation]:
    """## What it does
    Flags a post whose text is near-identical to another post of the site, naming the other
    post and the estimated similarity. Each post is reported once, with its most similar
    twin and the number of others.

    ## Why is this bad?
    Near-identical pages compete for the same query (keyword cannibalization); Google picks
    one and may treat the rest as duplicate content. Pipelines that publish daily from one
    template drift into it.

    ## Example
    Two posts whose text differs by two words:
    ```markdown
    <!-- file: _posts/2025-01-10-fast-static-sites.md -->
    ---
    title: Why static sites are fast
    ---

    Static sites are fast because every page is built once, before anyone asks for it. There
    is no database to query and no template to render on each request, so a cheap host can
    serve thousands of readers. The build step is also the best place to check the content:
    broken links, missing images and empty descriptions are caught before they are
    published, not after a reader finds them.
    ```
    ```markdown
    <!-- file: _posts/2025-01-11-static-sites-speed.md -->
    ---
    title: What makes static sites fast
    ---

    Static sites are fast because every page is built once, before anyone asks for it. There
    is no database to query and no template to render on each request, so an inexpensive
    host can serve thousands of readers. The build step is also the best place to check the
    content: broken links, missing images and empty descriptions are caught before they are
    published, not after a reader finds them.
    ```

    ## Use instead
    Merge the two posts (and redirect one URL to the other), or make each answer its own
    question:
    ```markdown
    <!-- file: _posts/2025-01-10-fast-static-sites.md -->
    ---
    title: Why static sites are fast
    ---

    Static sites are fast because every page is built once, before anyone asks for it. There
    is no database to query and no template to render on each request, so a cheap host can
    serve thousands of readers. The build step is also the best place to check the content:
    broken links, missing images and empty descriptions are caught before they are
    published, not after a reader finds them.
    ```
    ```markdown
    <!-- file: _posts/2025-01-11-jekyll-basics.md -->
    ---
    title: Jekyll basics
    ---

    Jekyll reads Markdown files with front matter and writes plain HTML. Its plugins add
    feeds, sitemaps and SEO tags; its layouts keep every page consistent. Themes can be
    installed as gems, and GitHub Pages builds a Jekyll site on every push, which makes it a
    popular first choice for documentation, personal blogs and small company sites that
    change a few times a week.
    ```

    ## Fix safety
    No fix.

    ## Options
    - `threshold`: estimated similarity at or above which two posts are reported
      (default 0.8).
    - `min-length`: posts shorter than this are not compared (default `cjk` 200
      characters, `default` 50 words; punctuation is not counted).

    Similarity is the Jaccard index of the posts' sets of three-token shingles (a token is
    one CJK character or one word), estimated with a 128-value MinHash signature (standard
    error about 0.035 at 0.8). Candidate pairs come from LSH bands sized to find a pair at
    the threshold with 98 % probability.
    """
    best: dict[int, tuple[float, str, int]] = {}  # post → (similarity, path, index) of its closest twin
    others: dict[int, int] = {}
    for i, j, score in similarity.similar_pairs(_Signatures(site, opts), opts.threshold):
        for this, other in ((i, j), (j, i)):
            others[this] = others.get(this, 0) + 1
            path = site.summaries[other].path
            current = best.get(this)
            if current is None or score > current[0] or (score == current[0] and path < current[1]):
                best[this] = (score, path, other)
    for index in sorted(best):
        summary = site.summaries[index]
        if summary.path not in site.linted:
            continue
        score, other_path, _ = best[index]
        more = others[index] - 1
        also = f" and {more} other post{'s' if more > 1 else ''}" if more else ""
        data = summary.data["near-duplicate"]
        line, column, end_line, end_column = data["position"]
        yield SiteViolation(
            summary.path, line, column, end_line, end_column,
            f"text is near-identical to {other_path}{also} "
            f"(estimated similarity {score:.2f}, threshold {opts.threshold:g})",
        )


class _Signatures(Sequence[bytes | None]):
    """Each post's signature as it is asked for (None: none, or a post too short to compare),
    decoded from its summary: LSH reads them all once, then again those of posts with a twin."""

    def __init__(self, site: Site, opts: NearDuplicateOptions) -> None:
        self.summaries = site.summaries
        self.min_length = opts.min_length

    def __len__(self) -> int:
        return len(self.summaries)

    @overload
    def __getitem__(self, index: int) -> bytes | None: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[bytes | None]: ...
    def __getitem__(self, index: int | slice) -> bytes | Sequence[bytes | None] | None:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        data: DuplicateSummary | None = self.summaries[index].data.get("near-duplicate")
        if data is None or data["length"] < for_language(self.min_length, data["language"]):
            return None
        signature = data["signature"]
        return signature if signature is not None and len(signature) == similarity.SIGNATURE_BYTES else None

    def __iter__(self) -> Iterator[bytes | None]:
        return map(self.__getitem__, range(len(self.summaries)))
