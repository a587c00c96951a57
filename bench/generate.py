"""Generate the benchmark corpus: a seeded, deterministic Jekyll site of realistic posts.

    python bench/generate.py --posts 4000 --seed 1 --out bench/corpus/posts-4000-seed-1

writes `OUT/site/_config.yml`, `OUT/site/_posts/*.md` (about 60% Japanese, 40% English,
10-20 KB each, about 70 MB for 4,000 posts) and `OUT/manifest.json` (the parameters, sizes
and the planted defects per kind). The same (posts, seed, generator version) always gives
the same bytes. Every text is built from the templates and word lists in `bench/words.py`.

Planted defects (low rates, listed in the manifest): repeated image URL query parameters,
`{% post_url %}` to missing posts, empty or generic alt text, skipped heading levels, JSON-LD
that disagrees with the front matter or does not parse, missing/too long/boilerplate
descriptions, duplicate titles, near-duplicate posts, placeholders, space-separated keywords,
front matter values leaking into headings, bad dates, broken YAML, an H1 in the body, http
links, CRLF files, invalid UTF-8, and titles promising more items than the body gives.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import words as W

GEN_VERSION = 1
DEFAULT_POSTS = 4000
DEFAULT_SEED = 1
BENCH = Path(__file__).resolve().parent

#: Defect kind -> share of posts that get it (English posts skip the ja-only ones).
DEFECT_RATES: dict[str, float] = {
    "image-repeated-param": 0.12,
    "missing-post-url": 0.03,
    "image-empty-alt": 0.03,
    "image-generic-alt": 0.05,
    "heading-skip": 0.03,
    "jsonld-author-mismatch": 0.04,
    "jsonld-invalid": 0.01,
    "jsonld-missing": 0.03,
    "title-too-long": 0.03,
    "description-missing": 0.02,
    "description-is-title": 0.04,
    "description-too-long": 0.03,
    "duplicate-title": 0.01,
    "placeholder": 0.03,
    "keywords-spaced": 0.04,
    "front-matter-leak": 0.02,
    "near-duplicate": 0.01,
    "bad-date": 0.01,
    "date-filename-mismatch": 0.01,
    "yaml-error": 0.002,
    "h1-in-body": 0.03,
    "http-link": 0.03,
    "promise-mismatch": 0.03,
    "image-field-missing": 0.02,
    "long-section": 0.03,
    "reading-time-wrong": 0.03,
    "crlf": 0.005,
    "invalid-utf8": 0.001,
}
JA_ONLY = frozenset({"keywords-spaced"})
FIRST_DAY = datetime(2019, 1, 1)
DAYS = 7 * 365
EN_TZ = ["+0000", "-0500", "-0800", "+0100", "+1000", "-0300"]
_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_SLUG_JA = re.compile(r"[^0-9a-z\u3040-\u30ff\u3400-\u9fff\uff10-\uff19]+")
_SLUG_EN = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class Plan:
    """What other posts may know of a post (its name for `post_url`, its title)."""

    index: int
    lang: str
    topic: int
    when: str  # ISO date-time without offset
    tz: str  # "+0900"
    name: str  # 2024-03-05-slug (file name without .md)
    title: str
    k: int  # how many items the title promises
    keywords: tuple[str, ...]
    defects: tuple[str, ...]
    related: tuple[int, ...]
    source: int  # near-duplicate: the post whose body this one copies (else -1)


# --- slot filling -----------------------------------------------------------------------------


class Slots(dict):  # type: ignore[type-arg]
    """A format_map mapping that picks a fresh word for every slot it is asked for."""

    def __init__(self, pick: Callable[[str], str]) -> None:
        super().__init__()
        self.pick = pick

    def __missing__(self, key: str) -> str:
        return self.pick(key)


def make_picker(rng: random.Random, lang: str, topic: dict[str, object],
                keywords: tuple[str, ...] = ()) -> Callable[[str], str]:
    choice = rng.choice
    if lang == "ja":
        lists: dict[str, list[str]] = {
            "t": topic["ja_nouns"], "n_change": W.JA_CHANGE, "adj": W.JA_ADJ,  # type: ignore[dict-item]
            "adj_i": W.JA_ADJ_I, "adv": W.JA_ADV, "who": W.JA_WHO, "result": W.JA_RESULT,
            "problem": W.JA_PROBLEM, "place": W.JA_PLACE, "quote": W.JA_QUOTE,
            "duration": W.JA_DURATION, "freq": W.JA_FREQ, "season": W.JA_SEASON, "conn": W.JA_CONN,
            "tips": W.JA_TIPS, "gain": W.JA_GAIN, "kw": topic["ja_kw"],  # type: ignore[dict-item]
            "v_dict": [v[0] for v in W.JA_VERBS], "v_te": [v[1] for v in W.JA_VERBS],
            "v_masu": [v[2] for v in W.JA_VERBS], "v_ta": [v[3] for v in W.JA_VERBS],
        }
    else:
        nouns: list[str] = topic["en_nouns"]  # type: ignore[assignment]
        lists = {
            "t": nouns, "T": [n[0].upper() + n[1:] for n in nouns], "adj": W.EN_ADJ, "adv": W.EN_ADV,
            "who": W.EN_WHO, "result": W.EN_RESULT, "problem": W.EN_PROBLEM, "place": W.EN_PLACE,
            "quote": W.EN_QUOTE, "duration": W.EN_DURATION, "freq": W.EN_FREQ, "conn": W.EN_CONN,
            "kw": topic["en_kw"],  # type: ignore[dict-item]
            "v_base": [v[0] for v in W.EN_VERBS], "V_base": [v[0].capitalize() for v in W.EN_VERBS],
            "v_3rd": [v[1] for v in W.EN_VERBS], "v_past": [v[2] for v in W.EN_VERBS],
            "v_gerund": [v[3] for v in W.EN_VERBS],
        }
    if keywords:
        lists["focus"] = [keywords[0]]
        lists["kw"] = list(keywords)
    strip = str.maketrans("", "", "0123456789")

    def pick(key: str) -> str:
        base = key.translate(strip)
        if base == "pct":
            return str(rng.randint(5, 85))
        if base == "num":
            return choice(("1.2", "1.5", "2", "3", "4", "6", "8"))
        if base == "year":
            return str(rng.randint(2022, 2026))
        return choice(lists[base])

    return pick


class Writer:
    """Builds one post's text from templates, counting its UTF-8 size as it goes."""

    def __init__(self, seed: int, plan: Plan, plans: list[Plan]) -> None:
        self.rng = random.Random(f"{seed}:{plan.index}")
        self.plan = plan
        self.plans = plans
        self.ja = plan.lang == "ja"
        self.topic = W.TOPICS[plan.topic]
        self.slots = Slots(make_picker(self.rng, plan.lang, self.topic, plan.keywords))
        self.defects = set(plan.defects)
        self.parts: list[str] = []
        self.size = 0
        self.described: str | None = None

    # --- small helpers ------------------------------------------------------------------

    def fill(self, template: str, **fixed: object) -> str:
        self.slots.clear()
        self.slots.update({k: str(v) for k, v in fixed.items()})
        return template.format_map(self.slots)

    def add(self, block: str) -> None:
        self.parts.append(block)
        self.size += len(block.encode("utf-8")) + 2

    def sentence(self, focus: bool = False) -> str:
        roll = 0.0 if focus else self.rng.random()
        if self.ja:
            pool = W.JA_FOCUS_SENTENCES if roll < 0.08 else W.JA_KW_SENTENCES if roll < 0.12 else W.JA_SENTENCES
            return self.fill(self.rng.choice(pool))
        pool = W.EN_FOCUS_SENTENCES if roll < 0.08 else W.EN_KW_SENTENCES if roll < 0.12 else W.EN_SENTENCES
        text = self.fill(self.rng.choice(pool))
        return text[0].upper() + text[1:]

    def cdn_url(self, repeated: bool | None = None) -> str:
        rng = self.rng
        if repeated is None:
            repeated = "image-repeated-param" in self.defects and rng.random() < 0.6
        ixid = "".join(rng.choices(_ALNUM, k=rng.randint(48, 76)))
        params = [("crop", "entropy"), ("cs", "tinysrgb"), ("fit", "max"), ("fm", "jpg"),
                  ("ixid", ixid), ("ixlib", "rb-4.1.0"), ("q", "80"), ("w", "1080")]
        if repeated:
            params += rng.choice([
                [("w", "1200"), ("h", "630"), ("fit", "crop"), ("crop", "smart")],
                [("w", "1080")], [("q", "75"), ("fm", "webp")], [("crop", "faces"), ("h", "630")],
            ])
        elif rng.random() < 0.5:
            params.append(("h", "630"))
        photo = f"photo-{rng.randrange(10**12, 10**13)}-{rng.getrandbits(48):012x}"
        query = "&".join(f"{k}={v}" for k, v in params)
        return f"https://{rng.choice(W.CDN_HOSTS)}/{photo}?{query}"

    def post_url(self) -> tuple[str, str]:
        """(name, title) of another post, or a missing one when that defect is planted."""
        rng = self.rng
        if "missing-post-url" in self.defects and rng.random() < 0.3:
            other = self.plans[rng.randrange(len(self.plans))]
            return other.name[:11] + "deleted-" + other.name[11:], other.title
        other = self.plans[rng.randrange(len(self.plans))]
        if other.lang != self.plan.lang:
            other = self.plans[rng.randrange(len(self.plans))]
        return other.name, other.title

    # --- blocks -------------------------------------------------------------------------

    def paragraph(self, focus: bool = False) -> str:
        rng = self.rng
        sentences = [self.sentence(focus and i == 0) for i in range(rng.randint(3, 6))]
        roll = rng.random()
        if roll < 0.12:
            name, title = self.post_url()
            anchor = title if rng.random() < 0.7 else ("こちらの記事" if self.ja else "this post")
            link = f"[{anchor}]({{% post_url {name} %}})"
            sentences.insert(rng.randrange(len(sentences)),
                             f"詳しくは{link}も参考にしてください。" if self.ja else f"See {link} for details.")
        elif roll < 0.2:
            host = rng.choice(W.LINK_HOSTS)
            scheme = "http" if "http-link" in self.defects and rng.random() < 0.5 else "https"
            path = "/".join(rng.choice(W.IDENTS) for _ in range(rng.randint(1, 3)))
            label = self.fill("{t}の資料" if self.ja else "a guide to {t}")
            sentences.append(f"参考：[{label}]({scheme}://{host}/{path})" if self.ja
                             else f"Source: [{label}]({scheme}://{host}/{path}).")
        elif roll < 0.24:
            sentences.append(self.fill("{t}の一覧は[カテゴリページ]({{{{ site.baseurl }}}}/categories/{c}/)にあります。"
                                       if self.ja else "More in [the category page]({{{{ site.baseurl }}}}/categories/{c}/).",
                                       c=W.TOPICS[self.plan.topic]["key"]))
        elif roll < 0.27 and "placeholder" in self.defects:
            placeholder = rng.choice(W.JA_PLACEHOLDER if self.ja else W.EN_PLACEHOLDER)
            sentences.append(f"効果は{placeholder}程度です。" if self.ja else f"The effect is about {placeholder}.")
        if rng.random() < 0.2:
            i = rng.randrange(len(sentences))
            sentences[i] = f"**{sentences[i]}**"
        if self.topic["key"] == "programming" and rng.random() < 0.3:
            sentences.append(f"`{rng.choice(W.IDENTS)}_{rng.choice(W.IDENTS)}` を確認します。"
                             if self.ja else f"Check `{rng.choice(W.IDENTS)}.{rng.choice(W.IDENTS)}` first.")
        return ("" if self.ja else " ").join(sentences)

    def bullet_list(self) -> str:
        rng = self.rng
        marker = rng.choice(("- ", "* ", "*   ", "1. "))
        lines = []
        for n in range(1, rng.randint(3, 6) + 1):
            lead = f"{n}. " if marker == "1. " else marker
            if rng.random() < 0.5:
                item = f"**{self.fill('{t}')}**: {self.sentence()}"
            else:
                item = self.sentence()
            if marker == "- " and rng.random() < 0.1:
                item = "[ ] " + item
            lines.append(lead + item)
            if rng.random() < 0.15:
                pad = " " * len(lead)
                lines.extend(f"{pad}- {self.fill('{t}')}" for _ in range(rng.randint(2, 3)))
        return "\n".join(lines)

    def table(self) -> str:
        rng = self.rng
        head = rng.choice(W.JA_TABLE_HEAD if self.ja else W.EN_TABLE_HEAD)
        rows = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] * len(head)) + "|"]
        for _ in range(rng.randint(3, 6)):
            a = self.fill("{t}")
            b = self.fill("{t2}を{v_dict}" if self.ja else "{v_base} {t2} {adv}")
            c = self.fill("{duration}" if rng.random() < 0.5 else "{pct}%")
            rows.append(f"| {a} | {b} | {c} |")
        return "\n".join(rows)

    def code(self) -> str:
        rng = self.rng
        lang = rng.choice(W.CODE_LANGS)
        a, b, c = rng.choice(W.IDENTS), rng.choice(W.IDENTS), rng.choice(W.IDENTS)
        n = rng.randint(2, 9)
        if lang == "python":
            body = [f"def load_{a}({b}, threshold={rng.randint(1, 99)}):", f'    """Return the {a} above threshold."""',
                    "    kept = []", f"    for row in {b}:"]
            body += [f"        if row.get('{rng.choice(W.IDENTS)}', 0) > threshold:" if i % 2 == 0
                     else f"            kept.append(row['{c}'])" for i in range(n)]
            body.append("    return kept")
        elif lang == "yaml":
            body = [f"{a}:"] + [f"  {rng.choice(W.IDENTS)}_{i}: {rng.randint(0, 500)}" for i in range(n)]
        elif lang == "bash":
            body = [f"mkdir -p {a}/{b}"] + [f"cp {c}_{i}.csv {a}/{b}/  # {rng.choice(W.IDENTS)}" for i in range(n)]
        elif lang == "html":
            body = [f'<section class="{a}">'] + [f'  <p data-{b}="{i}">{self.fill("{t}")}</p>' for i in range(n)]
            body.append("</section>")
        elif lang == "javascript":
            body = [f"const {a} = [];"] + [f"{a}.push({{ {b}: {i}, {c}: '{rng.choice(W.IDENTS)}' }});" for i in range(n)]
            body.append(f"console.log({a}.length);")
        elif lang == "json":
            obj = {f"{rng.choice(W.IDENTS)}_{i}": rng.randint(0, 999) for i in range(n)}
            body = json.dumps({a: obj}, indent=2).splitlines()
        else:
            body = [f"{i + 1}) {self.fill('{t}')}" for i in range(n)]
        if lang in ("python", "javascript") and self.topic["key"] == "programming" and rng.random() < 0.2:
            return "{% highlight " + lang + " %}\n" + "\n".join(body) + "\n{% endhighlight %}"
        return f"```{lang}\n" + "\n".join(body) + "\n```"

    def quote(self) -> str:
        return "> " + self.sentence()

    def image(self, context: str) -> str:
        rng = self.rng
        if "image-empty-alt" in self.defects and rng.random() < 0.4:
            alt = ""
        elif "image-generic-alt" in self.defects and rng.random() < 0.6:
            alt = f"{context}に関連するイメージ" if self.ja else f"Image related to {context}"
        else:
            alt = self.fill(rng.choice(W.JA_ALT_OK if self.ja else W.EN_ALT_OK))
            alt = alt[0].upper() + alt[1:]
        url = self.cdn_url()
        if rng.random() < 0.1:
            return (f'<figure>\n  <img src="{url}" alt="{alt}" loading="lazy" width="1200" height="630">\n'
                    f"  <figcaption>{self.fill('{t}')}</figcaption>\n</figure>")
        title = f' "{self.fill("{t}")}"' if rng.random() < 0.15 else ""
        return f"![{alt}]({url}{title})"

    def block(self) -> str:
        roll = self.rng.random()
        if roll < 0.62:
            return self.paragraph()
        if roll < 0.77:
            return self.bullet_list()
        if roll < 0.83:
            return self.table()
        if roll < 0.91 or (roll < 0.95 and self.topic["key"] in ("programming", "seo", "ai")):
            return self.code()
        return self.quote()

    def section(self, heading: str, until: int, level: int = 2) -> None:
        rng = self.rng
        self.add("#" * level + " " + heading)
        if rng.random() < 0.55:
            self.add(self.image(heading))
        since = self.size
        self.add(self.paragraph())
        long_ok = "long-section" in self.defects and rng.random() < 0.5
        while self.size < until:
            if self.size - since > 900 and not long_ok:
                since = self.size
                sub = 4 if "heading-skip" in self.defects and rng.random() < 0.5 else level + 1
                self.add("#" * sub + " " + self.fill(rng.choice(W.JA_H3 if self.ja else W.EN_H3)))
                self.add(self.paragraph())
            else:
                self.add(self.block())

    # --- the post -----------------------------------------------------------------------

    def headings(self) -> list[str]:
        rng = self.rng
        plan = self.plan
        k = plan.k - 2 if "promise-mismatch" in self.defects else plan.k
        style = rng.choice(W.JA_STEP if self.ja else W.EN_STEP)
        steps = [self.fill(style, i=i) for i in range(1, k + 1)]
        h2 = W.JA_H2 if self.ja else W.EN_H2
        lead = [self.fill(t) for t in rng.sample(h2, rng.randint(1, 2))]
        if rng.random() < 0.85:
            lead[0] = self.fill(rng.choice(W.JA_FOCUS_H2 if self.ja else W.EN_FOCUS_H2))
        if "front-matter-leak" in self.defects:
            lead[0] = f"{LEAK_VALUE}の心理学的背景" if self.ja else f"The {LEAK_VALUE} mindset"
        tail = [self.fill(rng.choice(h2))] if rng.random() < 0.4 else []
        return lead + steps + tail

    def front_matter(self, image: str) -> str:
        rng, plan, ja = self.rng, self.plan, self.ja
        title = plan.title
        if "yaml-error" in self.defects:
            title_line = f"title: {title}: {self.fill('{t}')}"
        else:
            title_line = f'title: "{title}"'
        date = plan.when.replace("T", " ") + " " + plan.tz
        style = rng.random()
        if style < 0.15:
            date = f"{plan.when}{plan.tz[:3]}:{plan.tz[3:]}"
        elif style < 0.2:
            utc = datetime.fromisoformat(plan.when) - timedelta(hours=int(plan.tz[:3]), minutes=int(plan.tz[0] + plan.tz[3:]))
            date = utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{rng.randrange(1000):03d}Z"
        if "bad-date" in self.defects:
            date = plan.when[:10] + " " + plan.when[11:16] if rng.random() < 0.5 else plan.when[:8] + "31 10:00:00 " + plan.tz
        elif "date-filename-mismatch" in self.defects:
            shifted = datetime.fromisoformat(plan.when) + timedelta(days=rng.randint(1, 40))
            date = shifted.strftime("%Y-%m-%d %H:%M:%S") + " " + plan.tz
        kw = list(plan.keywords)
        if "keywords-spaced" in self.defects:
            kw = [" ".join(rng.sample(self.topic["ja_kw"], 2)) + " " + rng.choice(W.JA_WHO) for _ in kw]  # type: ignore[arg-type]
        tags = rng.sample(self.topic["ja_kw" if ja else "en_kw"], rng.randint(2, 4))  # type: ignore[call-overload]
        category = rng.choice(W.JA_CATEGORIES if ja else W.EN_CATEGORIES)
        author = self.author()
        lines = ["---", "layout: post", title_line, f"date: {date}"]
        if rng.random() < 0.2:
            lines.append(f"last_modified_at: {plan.when[:10]}")
        lines.append(f"categories: [{category}]" if rng.random() < 0.8 else f"categories:\n  - {category}\n  - {self.topic['key']}")
        lines.append("tags: [" + ", ".join(tags) + "]" if rng.random() < 0.7 else "tags:\n" + "\n".join(f"  - {t}" for t in tags))
        lines.append(f'author: "{author}"')
        description = self.description()
        self.described = description
        if description is not None:
            lines.append(f'description: "{description}"')
        if "image-field-missing" not in self.defects:
            if rng.random() < 0.85:
                lines.append(f'image: "{image}"')
            else:
                lines.append(f'image:\n  path: "{image}"\n  alt: "{self.fill("{t}")}"')
        if rng.random() < 0.15:
            lines.append("featured: true")
        if "front-matter-leak" in self.defects:
            lines.append(f"instinct: {LEAK_VALUE}")
        lines.append(READING_TIME)
        if not ja:
            lines.append("lang: en")
        elif rng.random() < 0.2:
            lines.append("lang: ja")
        if rng.random() < 0.3:
            lines.append("toc: true")
        lines.append("seo_keywords: [" + ", ".join(f'"{k}"' for k in kw) + "]")
        lines.append("---")
        return "\n".join(lines)

    def author(self) -> str:
        names = W.JA_AUTHORS if self.ja else W.EN_AUTHORS
        return names[self.plan.index % len(names)]

    def description(self) -> str | None:
        plan = self.plan
        if "description-missing" in self.defects:
            return None
        if "description-is-title" in self.defects:
            return f"{plan.title} - {W.JA_ORGS[0]}が提供する実践ガイド" if self.ja else f"{plan.title} - a practical guide from the Example Blog"
        text = (f"{plan.keywords[0]}について、{self.fill('{who}')}向けに{plan.k}つのポイントで解説します。" if self.ja
                else f"A practical look at {plan.keywords[0]} for {self.fill('{who}')}, in {plan.k} steps.")
        if "description-too-long" in self.defects:
            for _ in range(3):
                text += ("" if self.ja else " ") + self.sentence()
        else:
            limit = 110 if self.ja else 150
            for _ in range(3):
                longer = text + ("" if self.ja else " ") + self.sentence()
                if len(longer) <= limit:
                    text = longer
                    break
        return text.replace('"', "'")

    def json_ld(self, image: str, author: str) -> str:
        plan = self.plan
        when = f"{plan.when}{plan.tz[:3]}:{plan.tz[3:]}"
        if "jsonld-author-mismatch" in self.defects:
            author = author.split(" ")[0] if " " in author else author + "編集部"
        node = {
            "@context": "https://schema.org",
            "@type": "BlogPosting",
            "headline": plan.title,
            "image": image,
            "author": {"@type": "Person", "name": author},
            "publisher": {"@type": "Organization", "name": W.JA_ORGS[0] if self.ja else "Example Blog",
                          "logo": {"@type": "ImageObject", "url": "https://blog.example.com/assets/images/logo.png"}},
            "datePublished": when,
            "description": self.described or plan.title,
            "mainEntityOfPage": {"@type": "WebPage", "@id": f"https://blog.example.com/{plan.name[11:]}/"},
            "keywords": ", ".join(plan.keywords),
        }
        if self.rng.random() < 0.5:
            node["dateModified"] = node["datePublished"]
            node["author"]["url"] = "https://blog.example.com/about/"  # type: ignore[index]
        text = json.dumps(node, ensure_ascii=False, indent=2)
        if "jsonld-invalid" in self.defects:
            text = text[:-2] + ",\n}"
        return f'<script type="application/ld+json">\n{text}\n</script>'

    def related(self) -> str:
        heading = self.rng.choice(W.JA_RELATED if self.ja else W.EN_RELATED)
        items = []
        for j in self.plan.related:
            other = self.plans[j]
            items.append(f'    <li><a href="{{{{ site.baseurl }}}}{{% post_url {other.name} %}}">{other.title}</a></li>')
        if "missing-post-url" in self.defects:
            name, title = self.post_url()
            items.append(f'    <li><a href="{{{{ site.baseurl }}}}{{% post_url {name}-old %}}">{title}</a></li>')
        if not items:
            return ""
        return (f"## {heading}\n\n<div class=\"related-posts\">\n  <h3>{heading}</h3>\n  <ul>\n"
                + "\n".join(items) + "\n  </ul>\n</div>")

    def cta(self) -> str:
        rng = self.rng
        head = rng.choice(W.JA_CTA if self.ja else W.EN_CTA)
        text = self.sentence()
        return (f'<div class="cta-section">\n  <h2>{head}</h2>\n  <p>{text}<br>\n  {self.sentence()}</p>\n'
                f'  <a href="https://www.example.com/contact" class="btn btn-primary">{head}</a>\n</div>')

    def render(self, target: int) -> str:
        rng, plan = self.rng, self.plan
        image = self.cdn_url()
        self.add(self.front_matter(image))
        if "h1-in-body" in self.defects:
            self.add(f"# {plan.title}")
        elif rng.random() < 0.02:
            self.add(plan.title)
        self.add(self.paragraph(focus=True))
        if rng.random() < 0.5:
            self.add(self.paragraph())
        if rng.random() < 0.3:
            self.add("{% include toc.html %}")
        headings = self.headings()
        tail = 1300 if self.ja else 900
        room = max(0, target - tail - self.size)
        start = self.size
        for n, heading in enumerate(headings, 1):
            self.section(heading, start + room * n // (len(headings) + 1))
        summary = rng.choice(W.JA_SUMMARY if self.ja else W.EN_SUMMARY)
        self.add(f"## {summary}")
        self.add(self.paragraph())
        self.add(self.bullet_list())
        if rng.random() < 0.2:
            self.add("{% include cta.html title=page.title %}")
        related = self.related()
        if related:
            self.add(related)
        if rng.random() < 0.4:
            self.add(self.cta())
        if "jsonld-missing" not in self.defects:
            self.add(self.json_ld(image, self.author()))
        text = "\n\n".join(self.parts) + "\n"
        return text.replace(READING_TIME, f"reading_time: {self.reading_time(text)}", 1)

    def reading_time(self, text: str) -> int:
        if self.ja:
            minutes = sum(1 for ch in text if ch >= "\u3040") / 500
        else:
            minutes = len(text.split()) / 230
        if "reading-time-wrong" in self.defects:
            minutes *= 2
        return max(1, round(minutes))


READING_TIME = "reading_time: @@"
LEAK_VALUE = "territorial"


def near_duplicate(text: str, seed: int, plan: Plan) -> str:
    """Another post's body with this post's front matter and a few sentences changed."""
    rng = random.Random(f"dup:{seed}:{plan.index}")
    lines = text.split("\n")
    for _ in range(6):
        i = rng.randrange(len(lines))
        if lines[i] and not lines[i].startswith(("#", "-", "|", "<", "`", "{", "!")):
            lines[i] = lines[i][: len(lines[i]) // 2] + ("（追記あり）" if plan.lang == "ja" else " (updated)")
    return "\n".join(lines)


# --- the plan -----------------------------------------------------------------------------------


_SMALL = frozenset(["a", "an", "and", "for", "from", "in", "of", "on", "or", "the", "to", "with", "vs"])


def title_case(title: str) -> str:
    words = title.split(" ")
    return " ".join(w if (i and w in _SMALL) or not w[:1].islower() else w[0].upper() + w[1:]
                    for i, w in enumerate(words))


def title_width(title: str, lang: str) -> float:
    if lang != "ja":
        return len(title)
    return sum(1.0 if ord(ch) > 0xFF else 0.5 for ch in title)


def slugify(title: str, ja: bool) -> str:
    slug = (_SLUG_JA if ja else _SLUG_EN).sub("-", title.lower()).strip("-")
    if len(slug) > 60:
        cut = slug.rfind("-", 0, 61)
        slug = slug[: cut if cut > 20 else 60]
    return slug.rstrip("-") or "post"


def make_plans(posts: int, seed: int) -> list[Plan]:
    rng = random.Random(f"plan:{seed}")
    names: set[str] = set()
    plans: list[Plan] = []
    by_topic: dict[int, list[int]] = {}
    for index in range(posts):
        lang = "ja" if rng.random() < 0.6 else "en"
        topic_index = rng.randrange(len(W.TOPICS))
        topic = W.TOPICS[topic_index]
        day = FIRST_DAY + timedelta(days=DAYS * index // posts, seconds=rng.randrange(6 * 3600, 23 * 3600))
        defects = tuple(sorted(kind for kind, rate in DEFECT_RATES.items()
                               if rng.random() < rate and not (lang == "en" and kind in JA_ONLY)))
        k = rng.randint(3, 7)
        kws = topic["ja_kw" if lang == "ja" else "en_kw"]
        keywords = tuple(rng.sample(kws, rng.randint(2, 4)))  # type: ignore[call-overload]
        pick = make_picker(rng, lang, topic)
        modifier = rng.choice(W.JA_FOCUS_MOD if lang == "ja" else W.EN_FOCUS_MOD)
        base = keywords[0]
        keywords = (f"{base}の{modifier}" if lang == "ja" else f"{base} {modifier}",) + keywords[1:]
        template = rng.choice(W.JA_TITLES if lang == "ja" else W.EN_TITLES)
        slots = Slots(pick)
        title = ""
        for kw in (keywords[0], base):
            slots.clear()
            slots.update(k=str(k), kw=kw, kw2=keywords[1])
            title = template.format_map(slots)
            if lang == "en":
                title = title_case(title)
            if title_width(title, lang) <= (32 if lang == "ja" else 60):
                break
        if "title-too-long" in defects:
            title += "｜徹底解説と実践チェックリスト付き" if lang == "ja" else ": The Complete, Step-by-Step Checklist for Busy Teams"
        if "duplicate-title" in defects and plans:
            title = plans[rng.randrange(len(plans))].title
        title = title.replace('"', "'")
        if lang == "ja" and rng.random() < 0.5:
            slug = slugify(title, True)
        elif lang == "ja":
            slug = f"{topic['romaji']}-{slugify(rng.choice(topic['en_nouns']), False)}"  # type: ignore[arg-type]
        else:
            slug = slugify(title, False)
        name = f"{day:%Y-%m-%d}-{slug}"
        while name in names:
            name += f"-{rng.randint(2, 99)}"
        names.add(name)
        same = by_topic.setdefault(topic_index, [])
        source = rng.choice(same) if "near-duplicate" in defects and same else -1
        if source == -1 and "near-duplicate" in defects:
            defects = tuple(d for d in defects if d != "near-duplicate")
        same.append(index)
        tz = "+0900" if lang == "ja" or rng.random() < 0.85 else rng.choice(EN_TZ)
        plans.append(Plan(index, lang, topic_index, day.isoformat(timespec="seconds"), tz, name, title,
                          k, keywords, defects, (), source))
    for i, plan in enumerate(plans):  # related posts: any others of the same topic, earlier or later
        same = by_topic[plan.topic]
        picks = {same[rng.randrange(len(same))] for _ in range(4)} - {i}
        plans[i] = replace(plan, related=tuple(sorted(picks))[:3])
    return plans


# --- writing ------------------------------------------------------------------------------------

_STATE: dict[str, object] = {}


def _init(seed: int, plans: list[Plan], posts_dir: str) -> None:
    _STATE.update(seed=seed, plans=plans, dir=posts_dir)


def target_size(seed: int, index: int) -> int:
    return int(random.Random(f"size:{seed}:{index}").triangular(11_500, 19_700, 19_500))


def render(seed: int, plans: list[Plan], index: int) -> str:
    plan = plans[index]
    if plan.source >= 0:
        source_plan = plans[plan.source]
        base = Writer(seed, source_plan, plans).render(target_size(seed, plan.source))
        body = base.split("\n---\n", 1)[1]
        writer = Writer(seed, plan, plans)
        head = writer.front_matter(writer.cdn_url())
        text = head + "\n" + near_duplicate(body, seed, plan)
        return text.replace(READING_TIME, f"reading_time: {writer.reading_time(text)}", 1)
    return Writer(seed, plan, plans).render(target_size(seed, index))


def _write_range(bounds: tuple[int, int]) -> int:
    seed: int = _STATE["seed"]  # type: ignore[assignment]
    plans: list[Plan] = _STATE["plans"]  # type: ignore[assignment]
    posts_dir = Path(_STATE["dir"])  # type: ignore[arg-type]
    total = 0
    for index in range(*bounds):
        plan = plans[index]
        data = render(seed, plans, index).encode("utf-8")
        if "crlf" in plan.defects:
            data = data.replace(b"\n", b"\r\n")
        if "invalid-utf8" in plan.defects:
            cut = len(data) // 2
            data = data[:cut] + b"\xff\xfe" + data[cut:]
        (posts_dir / f"{plan.name}.md").write_bytes(data)
        total += len(data)
    return total


CONFIG = """\
title: "Example Blog / サンプルブログ"
description: "A bilingual sample blog generated for the seo-lint benchmark."
url: "https://blog.example.com"
baseurl: ""
lang: ja
timezone: Asia/Tokyo
permalink: /:categories/:year/:month/:day/:title/
markdown: kramdown
highlighter: rouge
author:
  name: "Example Editorial"
  url: "https://blog.example.com/about/"
plugins:
  - jekyll-sitemap
  - jekyll-feed
defaults:
  - scope:
      path: ""
      type: "posts"
    values:
      layout: "post"
      comments: false
"""


def corpus_dir(posts: int, seed: int) -> Path:
    return BENCH / "corpus" / f"posts-{posts}-seed-{seed}"


def generate(posts: int = DEFAULT_POSTS, seed: int = DEFAULT_SEED, out: Path | None = None,
             jobs: int | None = None, force: bool = False, quiet: bool = False) -> dict[str, object]:
    """Write the corpus (or reuse it when its manifest matches) and return the manifest."""
    out = out or corpus_dir(posts, seed)
    manifest_path = out / "manifest.json"
    if not force and manifest_path.exists():
        manifest = json.loads(manifest_path.read_text())
        if (manifest.get("posts"), manifest.get("seed"), manifest.get("version")) == (posts, seed, GEN_VERSION):
            return manifest  # type: ignore[no-any-return]
    started = time.perf_counter()
    site = out / "site"
    if site.exists():
        shutil.rmtree(site)
    posts_dir = site / "_posts"
    posts_dir.mkdir(parents=True)
    (site / "_config.yml").write_text(CONFIG, encoding="utf-8")
    (site / ".gitignore").write_text("_site/\n.jekyll-cache/\n.sass-cache/\n.seo-lint-cache/\n", encoding="utf-8")
    # A site is its own repository: tools that honour .gitignore must not see the project's
    # (which ignores bench/corpus/).
    subprocess.run(["git", "init", "-q", str(site)], check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    plans = make_plans(posts, seed)
    jobs = jobs or min(os.cpu_count() or 1, 4)
    chunk = max(1, -(-posts // (jobs * 8)))
    ranges = [(lo, min(posts, lo + chunk)) for lo in range(0, posts, chunk)]
    if jobs > 1 and posts >= 1000:
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(jobs, initializer=_init, initargs=(seed, plans, str(posts_dir))) as pool:
            total = sum(pool.map(_write_range, ranges))
    else:
        _init(seed, plans, str(posts_dir))
        total = sum(map(_write_range, ranges))
    defects: dict[str, list[str]] = {kind: [] for kind in DEFECT_RATES}
    for plan in plans:
        for kind in plan.defects:
            defects[kind].append(f"_posts/{plan.name}.md")
    manifest = {
        "posts": posts, "seed": seed, "version": GEN_VERSION, "bytes": total,
        "ja": sum(p.lang == "ja" for p in plans), "en": sum(p.lang == "en" for p in plans),
        "seconds": round(time.perf_counter() - started, 2),
        "defect_counts": {kind: len(paths) for kind, paths in defects.items()},
        "defects": defects,
    }
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    if not quiet:
        print(f"generated {posts:,} posts ({total / 1e6:.1f} MB) in {manifest['seconds']} s -> {site}",
              file=sys.stderr)
    return manifest


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=DEFAULT_POSTS)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, help="default: bench/corpus/posts-N-seed-S")
    parser.add_argument("--jobs", type=int, help="worker processes (default: CPU count, max 4)")
    parser.add_argument("--force", action="store_true", help="regenerate even when the manifest matches")
    args = parser.parse_args(argv)
    manifest = generate(args.posts, args.seed, args.out, args.jobs, args.force)
    print(json.dumps({k: v for k, v in manifest.items() if k != "defects"}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()

