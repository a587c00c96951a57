"""LNK001–LNK004 and the site model behind them (summaries, permalinks, anchors)."""

from __future__ import annotations

import pickle
import textwrap
from pathlib import Path
from typing import Any

import yaml

from seo_lint.document import Document, DocumentSettings
from seo_lint.lint import check_site, default_rules, lint_text, summarize
from seo_lint.registry import Site
from seo_lint.rules.links import anchors, gfm_slug, kramdown_slug, url_key

SITE = Path(__file__).parent / "fixtures" / "hygiene" / "site"


def site_check(
    posts: dict[str, str],
    select: list[str],
    config: dict[str, Any] | None = None,
    linted: set[str] | None = None,
    root: str = ".",
    **settings: Any,
) -> list[str]:
    """Summarize in-memory posts, build the Site and run the selected site rules."""
    config = config or {}
    settings.setdefault("generator", "jekyll")
    options = DocumentSettings(site=config, **settings)
    docs = [Document(path, textwrap.dedent(source).lstrip("\n"), options) for path, source in posts.items()]
    site = Site([summarize(doc) for doc in docs], frozenset(linted or posts), root, config)
    return [f"{f.path}:{f.line}:{f.column} {f.code} {f.message}" for f in check_site(site, default_rules(select))]


def fixture_site() -> tuple[dict[str, str], dict[str, Any]]:
    posts = {str(p.relative_to(SITE)): p.read_text(encoding="utf-8") for p in sorted(SITE.rglob("*.md"))}
    return posts, yaml.safe_load((SITE / "_config.yml").read_text(encoding="utf-8"))


# --- LNK001 post-url-missing ----------------------------------------------------------


def test_fixture_site_post_urls():
    posts, config = fixture_site()
    assert site_check(posts, ["LNK001"], config) == [
        "_posts/2025-11-02-ai-sales-defects.md:51:48 LNK001 post_url target 2025-10-15-5つの接客改善 "
        "is not a post of this site (did you mean 2025-10-15-5つの接客改善-ai活用?)",
        "_posts/2025-11-02-ai-sales-defects.md:52:48 LNK001 post_url target 2025-10-01-customer-voice-guide "
        "is not a post of this site",
    ]


def test_post_url_names_with_extension_and_folders():
    posts = {
        "_posts/guides/2025-01-05-setup.md": "---\ntitle: Setup\n---\nText.\n",
        "blog/_posts/2025-01-06-deploy.md": "---\ntitle: Deploy\n---\nText.\n",
        "_posts/2025-01-10-index.md": """
            ---
            title: Index
            ---
            {% post_url 2025-01-05-setup %} {% post_url guides/2025-01-05-setup.md %}
            {%- post_url /2025-01-06-deploy -%} {% post_url 2025-01-06-deploy.markdown %}
            {% raw %}{% post_url 2099-01-01-example %}{% endraw %}

            ```liquid
            {% post_url 2025-01-07-deploy %}
            ```
            """,
    }
    assert site_check(posts, ["LNK001"]) == [
        "_posts/2025-01-10-index.md:9:13 LNK001 post_url target 2025-01-07-deploy is not a post of this site"
        " (did you mean 2025-01-06-deploy?)"
    ]


def test_a_post_outside_posts_folders_is_not_a_target_and_only_linted_files_report():
    posts = {
        "_drafts/2025-01-05-setup.md": "---\ntitle: Draft\n---\nText.\n",
        "_posts/2025-01-10-a.md": "---\ntitle: A\n---\n{% post_url 2025-01-05-setup %}\n",
        "_posts/2025-01-11-b.md": "---\ntitle: B\n---\n{% post_url 2025-01-05-setup %}\n",
    }
    assert site_check(posts, ["LNK001"], linted={"_posts/2025-01-11-b.md"}) == [
        "_posts/2025-01-11-b.md:4:13 LNK001 post_url target 2025-01-05-setup is not a post of this site"
    ]


# --- LNK002 internal-link-broken ------------------------------------------------------

TARGET = """
---
title: Target
categories: [Guides]
date: 2025-01-05 23:30:00 +0000
---
## Getting started {#start}

## 導入の手順

## 導入の手順

<a id="faq"></a>
"""


def test_links_to_permalinks_paths_and_anchors():
    source = """
        ---
        title: Links
        ---
        ## Links
        [a](/guides/2025/01/06/setup/) [b](/guides/2025/01/06/setup/#start) [c](/guides/2025/01/06/setup/#導入の手順-1)
        [d](/guides/2025/01/06/setup/#section-1) [e](/guides/2025/01/06/setup/#faq) [f](../about.md) [g](/about/)
        [h](https://blog.example.jp/about.html) [i]({{ site.baseurl }}/about/) [j]({{ '/about/' | relative_url }})
        [k](/assets/guide.pdf) [l](https://other.example.com/x) [m](mailto:a@example.com) [n](#links)
        [o](/guides/2025/01/05/setup/) [p](/guides/2025/01/06/setup/#missing) [q](#nowhere) [r](/abuot/)
        [s]({% link _posts/2025-01-09-nothing.md %}) [t]({% link about.md %}) [u]({{ page.url }}/x/)
        """
    posts = {"_posts/2025-01-05-setup.md": TARGET, "about.md": "---\ntitle: About\n---\nText.\n",
             "_posts/2025-01-10-links.md": source}
    config = {"permalink": "pretty", "url": "https://blog.example.jp", "timezone": "Asia/Tokyo"}
    assert site_check(posts, ["LNK002"], config, linted={"_posts/2025-01-10-links.md"}, timezone="Asia/Tokyo") == [
        "_posts/2025-01-10-links.md:9:5 LNK002 link target /guides/2025/01/05/setup/ is not a page of this site",
        "_posts/2025-01-10-links.md:9:36 LNK002 anchor #missing is not a heading or id on _posts/2025-01-05-setup.md",
        "_posts/2025-01-10-links.md:9:75 LNK002 anchor #nowhere is not a heading or id on this page",
        "_posts/2025-01-10-links.md:9:89 LNK002 link target /abuot/ is not a page of this site",
        "_posts/2025-01-10-links.md:10:13 LNK002 link tag target _posts/2025-01-09-nothing.md is not in the site",
    ]


def test_permalink_styles_and_baseurl():
    target = "---\ntitle: T\n---\nText.\n"
    source = (
        "---\ntitle: L\n---\n[a](/blog/2025/01/05/setup.html) [b](/blog/setup) [c](/2025/01/05/setup.html)\n"
        "<a href=\"{{ site.baseurl }}/2025/01/05/setup.html\">d</a> [e](https://example.com/blog/2025/01/05/setup.html)\n"
    )
    posts = {"_posts/2025-01-05-setup.md": target, "_posts/2025-01-10-l.md": source}
    config = {"baseurl": "/blog", "url": "https://example.com"}
    assert site_check(posts, ["LNK002"], config, linted={"_posts/2025-01-10-l.md"}) == [
        "_posts/2025-01-10-l.md:4:38 LNK002 link target /blog/setup is not a page of this site",
        "_posts/2025-01-10-l.md:4:55 LNK002 link target /2025/01/05/setup.html is not a page of this site"
        " (the baseurl is /blog)",
    ]
    config["permalink"] = "/:title/"
    assert site_check(posts, ["LNK002"], config, linted={"_posts/2025-01-10-l.md"}) == [
        "_posts/2025-01-10-l.md:4:5 LNK002 link target /blog/2025/01/05/setup.html is not a page of this site",
        "_posts/2025-01-10-l.md:4:55 LNK002 link target /2025/01/05/setup.html is not a page of this site"
        " (the baseurl is /blog)",
        "_posts/2025-01-10-l.md:5:10 LNK002 link target /2025/01/05/setup.html is not a page of this site",
        "_posts/2025-01-10-l.md:5:62 LNK002 link target /blog/2025/01/05/setup.html is not a page of this site",
    ]


def test_front_matter_permalink_and_unknown_placeholders():
    posts = {
        "_posts/2025-01-05-setup.md": "---\ntitle: T\npermalink: /start-here/\n---\nText.\n",
        "_posts/2025-01-10-l.md": "---\ntitle: L\n---\n[a](/start-here) [b](/nowhere/)\n",
    }
    linted = {"_posts/2025-01-10-l.md"}
    assert site_check(posts, ["LNK002"], linted=linted) == [
        "_posts/2025-01-10-l.md:4:22 LNK002 link target /nowhere/ is not a page of this site"
    ]
    # a permalink style seo-lint cannot compute: page links cannot be judged, so none is reported
    assert site_check(posts, ["LNK002"], {"permalink": "/:week/:title/"}, linted=linted) == []


def test_liquid_in_link_destinations_and_reference_definitions():
    """A real Jekyll news post wrote `[1]: {{ site.url }}/download/` among its reference
    definitions: with the tag's spaces that line is no definition, so every definition after
    it became text, and `[<URL:…>][4](英語)` became a link to "英語". Jekyll renders Liquid
    first: these are links, with Liquid in their destinations."""
    source = """
        ---
        title: リリース
        ---
        ソースは[&lt;URL:ftp://ftp.example.org/pub/a.tar.gz&gt;][1]から、変更点は[&lt;URL:ftp://ftp.example.org/changes&gt;][2](英語)を参照してください。
        [旧版]({{ site.url }}/old/)と[説明]({{ '/about/' | relative_url }} "説明 {{ page.title }}")もあります。

        [1]: {{ site.url }}/ja/download/
        [2]: ftp://ftp.example.org/changes
        """
    posts = {"about.md": "---\ntitle: About\n---\nText.\n", "_posts/2025-01-10-release.md": source}
    config = {"permalink": "pretty", "url": "https://www.example.org"}
    assert site_check(posts, ["LNK002"], config, linted={"_posts/2025-01-10-release.md"}) == [
        "_posts/2025-01-10-release.md:5:6 LNK002 link target /old/ is not a page of this site",
        "_posts/2025-01-10-release.md:7:6 LNK002 link target /ja/download/ is not a page of this site",
    ]
    doc = Document("_posts/2025-01-10-release.md", textwrap.dedent(source).lstrip("\n"))
    assert [(link.url, link.text) for link in doc.links] == [
        ("{{ site.url }}/ja/download/", "<URL:ftp://ftp.example.org/pub/a.tar.gz>"),
        ("ftp://ftp.example.org/changes", "<URL:ftp://ftp.example.org/changes>"),
        ("{{ site.url }}/old/", "旧版"),
        ("{{ '/about/' | relative_url }}", "説明"),
    ]


def test_front_matter_defaults_give_posts_their_permalink():
    """A popular Jekyll theme sets its posts' URLs in `_config.yml` front matter defaults
    (`permalink: /posts/:title/`), not in `permalink`: a real demo post's relative link
    `../text-and-typography/` to its sibling post was reported broken (LNK002, an error).
    The narrowest matching scope wins; pages keep their own URLs."""
    posts = {
        "_posts/2019-08-08-text-and-typography.md": "---\ntitle: Text\n---\nBody.\n",
        "_posts/2019-08-09-write-a-new-post.md": "---\ntitle: Write\n---\n[a](../text-and-typography/) [b](/posts/text-and-typography/) [c](/notes/x/)\n",
        "notes/_posts/2019-08-10-x.md": "---\ntitle: X\n---\n[d](/posts/x/) [e](/2019/08/08/text-and-typography.html)\n",
    }
    config = {"defaults": [
        {"scope": {"path": "", "type": "posts"}, "values": {"layout": "post", "permalink": "/posts/:title/"}},
        {"scope": {"path": "notes", "type": "posts"}, "values": {"permalink": "/notes/:title/"}},
        {"scope": {"path": "", "type": "pages"}, "values": {"permalink": "/pages/:title/"}},
    ]}
    assert site_check(posts, ["LNK002"], config) == [
        "notes/_posts/2019-08-10-x.md:4:5 LNK002 link target /posts/x/ is not a page of this site",
        "notes/_posts/2019-08-10-x.md:4:20 LNK002 link target /2019/08/08/text-and-typography.html is not a page of this site",
    ]


def test_pages_that_generators_make_are_not_reported():
    posts = {
        "_posts/2025-01-05-setup.md": "---\ntitle: T\n---\nText.\n",
        "_posts/2025-01-10-l.md": "---\ntitle: L\n---\n[a](/) [b](/2025/01/) [c](/tags/jekyll/) [d](/page2/) [e](/2025/02/)\n",
    }
    assert site_check(posts, ["LNK002"], linted={"_posts/2025-01-10-l.md"}) == [
        "_posts/2025-01-10-l.md:4:59 LNK002 link target /2025/02/ is not a page of this site"
    ]
    from seo_lint import registry
    from seo_lint.lint import ActiveRule

    rule = registry.get("LNK002")
    options = registry.build_options(rule, {"extend-ignore": ["/2025/*"]})
    docs = [Document(path, source) for path, source in posts.items()]
    site = Site([summarize(doc) for doc in docs], frozenset(posts))
    assert check_site(site, [ActiveRule(rule, rule.severity, options)]) == []


def test_hugo_and_relative_links_from_a_page_url():
    posts = {
        "content/posts/first/index.md": "---\ntitle: First\n---\n## Intro\n",
        "content/posts/second.md": "---\ntitle: S\n---\n[a](../first/#intro) [b](/posts/first/) [c](../third/)\n",
    }
    assert site_check(posts, ["LNK002"], generator="hugo") == [
        "content/posts/second.md:4:45 LNK002 link target ../third/ is not a page of this site"
    ]


def test_heading_slugs():
    assert gfm_slug("ステップ1：AI導入の「目的」を決める") == "ステップ1ai導入の目的を決める"
    assert gfm_slug("Why SEO? A Primer") == "why-seo-a-primer"
    assert kramdown_slug("2025 Trends: AI & SEO") == "trends-ai--seo"
    assert kramdown_slug("日本語だけ") == "section"
    doc = Document("a.md", "# Intro\n\n## Intro\n\n## 導入 {#custom}\n\n<div id='Box'></div>\n")
    assert anchors(doc) == ("box", "custom", "intro", "intro-1")
    assert url_key("/a/b/index.html") == url_key("/a/b/") == url_key("/a/b") == url_key("/a/b.html") == "/a/b"
    assert url_key("/%E5%B0%8E%E5%85%A5/") == "/導入"


def test_summaries_are_small_and_picklable():
    posts, config = fixture_site()
    doc = Document("_posts/2025-11-02-ai-sales-defects.md", posts["_posts/2025-11-02-ai-sales-defects.md"],
                   DocumentSettings(generator="jekyll", site=config, timezone="Asia/Tokyo"))
    summary = summarize(doc)
    links = summary.data["links"]
    assert links["name"] == "2025-11-02-ai-sales-defects"
    assert links["date"] == (2025, 11, 2, 11, 10, 0)  # 02:10 UTC is 11:10 in Tokyo
    assert links["categories"] == ("導入事例",)
    assert [name for name, _ in links["post_urls"]] == [
        "2025-10-20-ai-pricing-basics", "2025-10-15-5つの接客改善", "2025-10-01-customer-voice-guide"
    ]
    assert links["links"] == ()  # the related-post links are post_url tags: LNK001's
    assert len(pickle.dumps(summary)) < 3000
    assert pickle.loads(pickle.dumps(summary)) == summary


# --- LNK003 link-text-generic ---------------------------------------------------------


def test_generic_link_texts(check):
    src = (
        "---\ntitle: x\n---\n\n"
        "[Click here](https://a.example/) and [read more »](https://a.example/) and [こちら](https://a.example/)。\n"
        "<a href=\"https://a.example/\">続きを読む</a> [ここをクリック](https://a.example/)\n\n"
        "[無料相談はこちら](https://a.example/) [the SEO checklist](https://a.example/) "
        "[![logo](a.png)](https://a.example/) [more about SEO](https://a.example/)\n"
    )
    assert check(src, ["LNK003"]) == [
        '5:1 LNK003 link text "Click here" does not say where the link goes',
        '5:38 LNK003 link text "read more »" does not say where the link goes',
        '5:76 LNK003 link text "こちら" does not say where the link goes',
        '6:1 LNK003 link text "続きを読む" does not say where the link goes',
        '6:40 LNK003 link text "ここをクリック" does not say where the link goes',
    ]


def test_generic_link_texts_are_configurable():
    from seo_lint import registry
    from seo_lint.lint import ActiveRule

    rule = registry.get("LNK003")
    options = registry.build_options(rule, {"generic": ["詳細"]})
    findings = lint_text("[詳細](https://a.example/) [here](https://a.example/)\n", "a.md",
                         [ActiveRule(rule, rule.severity, options)])
    assert [f.message for f in findings] == ['link text "詳細" does not say where the link goes']


# --- LNK004 link-insecure -------------------------------------------------------------


def test_http_links_and_their_unsafe_fix(check):
    src = "[a](http://jekyllrb.com/docs/) [b](https://jekyllrb.com/) [c](http://localhost:4000/)\n<a href=\"HTTP://example.org/\">d</a>\n"
    assert check(src, ["LNK004"], path="a.md") == [
        "1:5 LNK004 link uses http:// (jekyllrb.com); use https://",
        "2:10 LNK004 link uses http:// (example.org); use https://",
    ]
    findings = lint_text(src, "a.md", default_rules(["LNK004"]))
    fixed = src
    for finding in sorted(findings, key=lambda f: -f.start):
        assert finding.fix is not None and finding.fix.safety.value == "unsafe"
        [edit] = finding.fix.edits
        fixed = fixed[: edit.start] + edit.replacement + fixed[edit.end :]
    assert fixed == src.replace("http://jekyllrb", "https://jekyllrb").replace("HTTP://", "https://")
    assert lint_text(fixed, "a.md", default_rules(["LNK004"])) == []


def test_http_reference_definition_used_twice_is_one_finding(check):
    """A real news post cited one mailing-list message twice through `[1]`: its one
    definition was reported twice, at the same place (images were already one per URL)."""
    src = "See [the post][1] and [again][1].\n\n[1]: http://blade.example.org/ruby-dev/19081\n"
    assert check(src, ["LNK004"], path="a.md") == [
        "3:6 LNK004 link uses http:// (blade.example.org); use https://",
    ]


def test_close_slug_found_among_thousands_by_shared_trigrams():
    from seo_lint.rules.links import _SlugIndex

    topics = ["budget", "travel", "garden", "python", "photo", "coffee", "running", "sleep"]
    pool = {
        f"{a}-{b}-tips-{n}": f"2024-01-01-{a}-{b}-tips-{n}"
        for a in topics for b in topics if a != b for n in range(60)
    }
    index = _SlugIndex(pool)
    assert len(pool) == 3360
    assert index.closest("garden-pyhton-tips-17", cutoff=0.6) == "garden-python-tips-17"
    assert index.closest("コーヒーの淹れ方", cutoff=0.6) is None
    assert _SlugIndex({"5つの接客改善-ai活用": "x"}).closest("5つの接客改善-ai導入", cutoff=0.6) == "5つの接客改善-ai活用"


def test_post_url_hints_take_the_earliest_same_slug_then_the_same_date():
    # site order (by path) is not date order: b/_posts comes before z/_posts
    posts = {
        "b/_posts/2025-03-01-deploy.md": "---\ntitle: Later\n---\nText.\n",
        "z/_posts/2025-01-01-deploy.md": "---\ntitle: Earlier\n---\nText.\n",
        "_posts/2025-02-02-release-notes.md": "---\ntitle: Notes\n---\nText.\n",
        "_posts/2025-02-10-index.md": """
            ---
            title: Index
            ---
            {% post_url 2024-12-31-deploy %}
            {% post_url 2025-02-02-release-note %}
            {% post_url notes %}
            """,
    }
    assert site_check(posts, ["LNK001"]) == [
        "_posts/2025-02-10-index.md:4:13 LNK001 post_url target 2024-12-31-deploy is not a post of this site"
        " (did you mean 2025-01-01-deploy?)",
        "_posts/2025-02-10-index.md:5:13 LNK001 post_url target 2025-02-02-release-note is not a post of this site"
        " (did you mean 2025-02-02-release-notes?)",
        "_posts/2025-02-10-index.md:6:13 LNK001 post_url target notes is not a post of this site",
    ]
