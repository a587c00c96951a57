"""Front matter rules: syntax (FM001)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from seo_lint.document import Document
from seo_lint.findings import Severity, Violation
from seo_lint.registry import RuleOptions, rule


class SyntaxOptions(RuleOptions):
    #: Folders whose files are posts and so must have front matter.
    posts_dirs: tuple[str, ...] = ("_posts", "_drafts", "posts", "content/posts", "src/content/blog")


#: A front matter fence on a line ended by a bare CR (old Mac line breaks).
_BARE_CR_FENCE = re.compile("\ufeff?(?:---|\\+\\+\\+)[ \t]*\r(?!\n)")


@rule("FM001", "front-matter-syntax", Severity.ERROR, options=SyntaxOptions)
def front_matter_syntax(doc: Document, opts: SyntaxOptions) -> Iterator[Violation]:
    """## What it does
    Flags front matter that cannot be read. That is a YAML, TOML or JSON syntax error (at its
    exact line and column), an opening fence that is never closed, a duplicate key, front
    matter that is not a mapping or does not start on line 1, and a post with no front
    matter at all inside a posts folder.

    ## Why is this bad?
    Jekyll and Hugo silently treat broken front matter as body text, or fail the build:
    the post loses its title, date and layout. AI pipelines often cut a value off mid-quote.

    ## Example
    ```markdown
    ---
    title: "Static site SEO in 2025
    date: 2025-01-10
    ---

    Body.
    ```

    ## Use instead
    ```markdown
    ---
    title: "Static site SEO in 2025"
    date: 2025-01-10
    ---

    Body.
    ```

    ## Fix safety
    No fix.

    ## Options
    - `posts-dirs`: folders whose files must have front matter
      (default `_posts`, `_drafts`, `posts`, `content/posts`, `src/content/blog`).
    """
    fm = doc.front_matter
    for error in fm.errors:
        yield Violation(error.start, error.end, error.message)
    if not fm.present and not fm.errors:
        folder = posixpath.dirname(doc.path.replace("\\", "/"))
        if any(f"/{d}/" in f"/{folder}/" for d in opts.posts_dirs):
            if _BARE_CR_FENCE.match(doc.source):
                yield Violation(0, 0, "post has no front matter: its lines end with a bare CR (old Mac line "
                                      "breaks), which Jekyll does not read as line breaks; save it with LF")
            else:
                yield Violation(0, 0, "post has no front matter (expected `---` on line 1)")
