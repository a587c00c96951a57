"""AI-content hygiene: what a generation pipeline leaves behind (TX001–TX006) and the slug (MT006).

Placeholders never filled, front matter values and programming identifiers leaking into the
text, a title that promises more items than the body has, text cut off or garbled, and
paragraphs written twice. Everything is matched on the visible prose (`doc.prose_blocks`:
no code, no Liquid, no URLs) and on the title and description as written in the source,
so that a finding points at the exact characters.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote

from seo_lint import text
from seo_lint.document import Document
from seo_lint.findings import Fix, FixAvailability, FixSafety, Severity, Violation
from seo_lint.markdown import Block
from seo_lint.registry import RuleOptions, for_language, rule

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\uac00-\ud7af"
_KANJI_NUMERALS = "一二三四五六七八九十百千万〇○◯"


def _where(block: Block) -> str:
    return "a heading" if block.kind == "heading" else "prose"


def _block_span(block: Block, start: int, end: int) -> tuple[int, int]:
    """Source span of block.text[start:end]."""
    first = block.offset(start)
    last = block.offset(end - 1) + 1 if end > start else first
    return first, max(first, last)


def _field_text(doc: Document, key: str) -> tuple[str, int] | None:
    """A scalar front matter value as written in the source, and where it starts."""
    if doc.meta_str(key) is None:
        return None
    span = doc.field_span(key)
    if span is None:
        return None
    return doc.source[span.value_start : span.value_end], span.value_start


# --- TX001 placeholder-text ------------------------------------------------------------

_PLACEHOLDER = re.compile(
    "|".join(
        (
            # 〇% / ○○円: a circle where a number should be (not inside a kanji numeral: 二〇二五)
            rf"(?<![{_KANJI_NUMERALS}])[〇○◯]+\s?(?:[%％円人件倍社年月日回個点名万億割位歳分秒]|ヶ月|か月|カ月|ヵ月)",
            rf"(?<![{_KANJI_NUMERALS}●])[〇○◯●]{{2,}}(?![{_KANJI_NUMERALS}])",
            r"××+|△△+",
            # XX% / XXX社 (not XXL, not a word)
            r"(?<![A-Za-z0-9])X{2,}(?![A-Za-z])",
            r"(?i:\[\s*(?:insert|add|your|enter|placeholder)\b[^\]\n]{0,80}\])",
            r"[\[【]\s*(?:ここに|ここへ)[^\]】\n]{0,60}[\]】]",
            r"【[^】\n]{0,40}(?:を入力|を挿入|を記入|を追加)[^】\n]{0,10}】",
            # {keyword} (single braces; Liquid's {{ }} is handled apart)
            rf"(?<![{{$#%\w])\{{\s*(?:[A-Za-z_][\w.\-]{{0,40}}|[{_CJK}ー]{{1,20}})\s*\}}(?!\}})",
            # TODO: (not "TODOリスト", not "todo list")
            r"(?<![A-Za-z])(?:TODO|FIXME|TBD)(?![A-Za-z])(?!\s?(?i:リスト|list|管理|アプリ|app|ツール|tool))",
            r"(?i:lorem\s+ipsum|dolor\s+sit\s+amet)",
            r"(?<![A-Za-z])NaN(?![A-Za-z])|\[object Object\]",
            r"(?<![A-Za-z])(?:undefined|null)(?![A-Za-z])",
            r"(?i:-{3}\s*(?:title|description|layout|date|tags|categories|author|permalink|image|slug)\b)",
        )
    )
)
_VALUE_WORDS = frozenset({"undefined", "null"})
_LIQUID_OUTPUT = re.compile(r"\{\{(?![<%]).{0,200}?\}\}", re.DOTALL)


def _value_word_leaked(haystack: str, start: int, end: int) -> bool:
    """`null` / `undefined` are English words ("null hypothesis"): they count as a leak when
    they are the whole text, or touch CJK text, a digit, `%`, a currency sign or a colon."""
    if not haystack[:start].strip() and not haystack[end:].strip():
        return True
    before = haystack[:start].rstrip(" ")[-1:]
    after = haystack[end:].lstrip(" ")[:1]
    near = re.compile(rf"[{_CJK}0-9%％$¥€£:：]")
    return bool(before and near.match(before)) or bool(after and near.match(after))


# Every placeholder pattern above contains one of these (a necessary condition, found in one
# pass). Each alternative starts with a literal character, so the regex engine scans for
# those characters in C; an alternative starts at its rarest character, the look-behind
# checking what comes before it (`null` is `u(?<=nu)ll`: `n` and `l` are far more common in
# English than `u`; `を入力` is `力(?<=を入力)`: `を` is in most Japanese sentences). Lorem
# ipsum is found by `lorem` and dolor sit amet by `amet` (`m` and `M`), and no other
# character lower-cases to an ASCII l, o, r, e, m, a or t.
_MAY_HOLD_PLACEHOLDER = re.compile(
    "〇|○|◯|●|×|△|\\{"
    r"|XX|TODO|FIXME|TBD|NaN|undefined|u(?<=nu)ll|---|力(?<=を入力)|入(?<=を[挿記]入)|加(?<=を追加)"
    r"|【\s*ここ[にへ]|\[\s*(?i:insert|add|your|enter|placeholder|ここに|ここへ|object)"
    r"|m(?<=[Ll][Oo][Rr][Ee]m)|M(?<=[Ll][Oo][Rr][Ee]M)|m(?<=[Aa]m)[Ee][Tt]|M(?<=[Aa]M)[Ee][Tt]"
)


def _placeholders(haystack: str) -> Iterator[tuple[int, int]]:
    for match in _PLACEHOLDER.finditer(haystack):
        if match.group() in _VALUE_WORDS and not _value_word_leaked(haystack, match.start(), match.end()):
            continue
        yield match.start(), match.end()


@rule("TX001", "placeholder-text", Severity.ERROR)
def placeholder_text(doc: Document, opts: RuleOptions) -> Iterator[Violation]:
    """## What it does
    Flags placeholders that were never filled (`〇%`, `XX`, `{keyword}`, `TODO`) in prose,
    headings, the title and the description.

    The placeholders: `〇%`, `○○`, `XX`, `[insert …]`, `【ここに…】`, `{keyword}`, `TODO`,
    `FIXME`, `TBD`, `lorem ipsum`, `NaN`, `[object Object]`, `undefined`, `null`, a leaked
    front matter line (`---title`), and `{{ var }}` where it is not Liquid. Code is never
    checked.

    ## Why is this bad?
    A published `リピート率が〇%向上` or `Top XX tools` tells readers (and Google's quality
    raters) that nobody read the page. AI pipelines leave them when a value was missing.

    ## Example
    ```markdown
    ---
    title: 中小企業のAI導入ガイド
    ---

    導入後、リピート率が〇%向上しました。
    ```

    ## Use instead
    ```markdown
    ---
    title: 中小企業のAI導入ガイド
    ---

    導入後、リピート率が12%向上しました。
    ```

    ## Fix safety
    No fix: the missing value is not known.

    ## Options
    None. To avoid false positives: `〇` inside a kanji numeral (`二〇二五年`) and `XX`
    inside a word (`XXL`) are not placeholders; `TODO` followed by リスト/list/管理/app/tool
    is a to-do list; `null` and `undefined` count only when they are the whole text or touch
    CJK text, a digit, `%`, a currency sign or a colon (so "the null hypothesis" is fine).
    `{{ var }}` is Liquid in Jekyll and generic sites, whose posts are rendered by Liquid,
    but a placeholder in Hugo content and in any title or description (front matter is not
    rendered). Write code in backticks: code is never checked.
    """
    for key in ("title", "description"):
        field = _field_text(doc, key)
        if field is None:
            continue
        raw, base = field
        found = list(_placeholders(raw)) if _MAY_HOLD_PLACEHOLDER.search(raw) else []
        found += [(m.start(), m.end()) for m in _LIQUID_OUTPUT.finditer(raw)]
        for start, end in sorted(found):
            yield Violation(base + start, base + end, f'placeholder "{raw[start:end]}" in the {key}')
    for block in doc.prose_blocks if _MAY_HOLD_PLACEHOLDER.search(doc.prose) else ():
        body = block.text
        for start, end in _placeholders(body):
            first, last = _block_span(block, start, end)
            yield Violation(first, last, f'placeholder "{body[start:end]}" in {_where(block)}')
    if doc.settings.generator == "hugo":
        code = doc.code
        for start, end in doc.liquid:
            tag = doc.source[start:end]
            if _LIQUID_OUTPUT.fullmatch(tag) and not any(s <= start < e for s, e in code):
                yield Violation(start, end, f'placeholder "{tag}" in Hugo content (not rendered)')


# --- TX002 front-matter-leak -----------------------------------------------------------

#: Front matter keys that are meant to be displayed (or are dates, paths, layout names).
DISPLAY_FIELDS = (
    "title", "subtitle", "description", "excerpt", "summary", "tags", "tag", "categories",
    "category", "keywords", "author", "authors", "date", "last_modified_at", "lastmod",
    "updated", "modified", "published", "layout", "permalink", "url", "lang", "language",
    "locale", "image", "alt", "image_alt", "caption", "headline", "name", "series",
)
_LATIN_VALUE = re.compile(r"[A-Za-z][A-Za-z0-9 _\-.'&]*")
_IDENTIFIER_SHAPE = re.compile(r"[_\-0-9]|[a-z][A-Z]")


class LeakOptions(RuleOptions):
    #: Keys whose values are meant for display (never reported). Keys containing
    #: "keyword" or "image", and the configured image fields, are display keys too.
    display_fields: tuple[str, ...] = DISPLAY_FIELDS
    #: Added to `display-fields`.
    extend_display_fields: tuple[str, ...] = ()
    #: Shortest value that is looked for, in characters.
    min_length: int = 4


def _leak_fields(doc: Document, opts: LeakOptions) -> Iterator[tuple[str, str]]:
    display = {key.lower() for key in opts.display_fields + opts.extend_display_fields}
    display |= {field.split(".")[0].lower() for field in doc.settings.image_fields}
    for key, value in doc.meta.items():
        name = str(key).lower()
        if name in display or "keyword" in name or "image" in name or not isinstance(value, str):
            continue
        value = value.strip()
        if len(value) >= opts.min_length and any(char.isalpha() for char in value) and "\n" not in value:
            yield str(key), value


@rule("TX002", "front-matter-leak", Severity.WARNING, options=LeakOptions)
def front_matter_leak(doc: Document, opts: LeakOptions) -> Iterator[Violation]:
    """## What it does
    Flags the value of a front matter field that is not meant for display
    (`instinct: territorial`) when it appears verbatim in a heading or in prose
    (`territorialの心理学的背景`).

    ## Why is this bad?
    Pipelines keep steering values in the front matter (persona, instinct, template,
    funnel stage). When the model copies one into the text, readers see an internal label
    in the middle of a sentence, usually in another language.

    ## Example
    ```markdown
    ---
    title: 中小企業のAI導入ガイド
    instinct: territorial
    ---

    ## territorialの心理学的背景

    縄張り意識は、人間の根源的な本能です。
    ```

    ## Use instead
    ```markdown
    ---
    title: 中小企業のAI導入ガイド
    instinct: territorial
    ---

    ## 縄張り意識の心理学的背景

    縄張り意識は、人間の根源的な本能です。
    ```

    ## Fix safety
    No fix.

    ## Options
    - `display-fields`: keys meant for display, never reported (default: title, subtitle,
      description, excerpt, summary, tags, tag, categories, category, keywords, author,
      authors, the date keys, published, layout, permalink, url, lang, language, locale,
      image, alt, image_alt, caption, headline, name, series; and every key containing
      `keyword` or `image`). Only scalar string values are looked for.
    - `extend-display-fields`: added to the default list.
    - `min-length`: shortest value looked for (default 4 characters).

    A value in Latin letters is matched case-insensitively between ASCII word boundaries
    (`territorialの` matches, `territoriality` does not). In a CJK post every such value
    counts; in other posts only identifier-shaped values (`case_study`, `case-study`,
    `caseStudy`, with a digit), because a plain English word is just a word there.
    Values in other scripts are matched as written.
    """
    patterns = []
    for key, value in _leak_fields(doc, opts):
        if _LATIN_VALUE.fullmatch(value):
            if not doc.is_cjk and not _IDENTIFIER_SHAPE.search(value):
                continue
            pattern = re.compile(rf"(?<![A-Za-z0-9]){re.escape(value)}(?![A-Za-z0-9])", re.IGNORECASE)
        else:
            pattern = re.compile(re.escape(value))
        patterns.append((key, value, pattern))
    if not patterns:
        return
    for block in doc.prose_blocks:
        for key, value, pattern in patterns:
            for match in pattern.finditer(block.text):
                first, last = _block_span(block, match.start(), match.end())
                yield Violation(first, last, f'front matter value "{value}" (`{key}`) appears in {_where(block)}')


# --- TX003 identifier-in-prose ---------------------------------------------------------

ALLOWED_IDENTIFIERS = (
    "ChatGPT", "iPhone", "iPad", "iPadOS", "iMac", "iCloud", "iTunes", "iOS", "macOS",
    "watchOS", "tvOS", "eBay", "LinkedIn", "YouTube", "JavaScript", "TypeScript", "GitHub",
    "GitLab", "WordPress", "PowerPoint", "OpenAI", "DeepL", "iDeCo", "eSIM", "eKYC", "mRNA",
    "jQuery", "reCAPTCHA", "PayPay", "LINE", "TikTok", "HubSpot", "arXiv", "x86_64",
)
_CAMEL = r"[a-z]{2,}[0-9]*[A-Z][A-Za-z0-9]*"
_SNAKE = r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+"
_KEBAB = r"[a-z][a-z0-9]*(?:-[a-z0-9]+){2,}"
_IDENTIFIER = re.compile(rf"(?<![A-Za-z0-9_@./#$:\\\-])(?:{_CAMEL}|{_SNAKE}|{_KEBAB})(?![A-Za-z0-9_@/\\(\-]|\.[A-Za-z])")
#: In every camelCase identifier (snake_case and kebab-case ones have `_` or `-`).
_CAMEL_HINT = re.compile("[a-z][0-9]*[A-Z]")
#: English words that make a hyphenated compound (`state-of-the-art`, `end-to-end`).
_FUNCTION_WORDS = frozenset(
    ("a", "an", "and", "at", "by", "for", "in", "it", "of", "on", "or", "out", "the", "to", "up", "with")
)


class IdentifierOptions(RuleOptions):
    #: Product and brand names that look like identifiers (compared exactly).
    allow: tuple[str, ...] = ALLOWED_IDENTIFIERS
    #: Added to `allow`.
    extend_allow: tuple[str, ...] = ()


def _identifier_kind(token: str) -> str | None:
    if "_" in token:
        return "snake_case"
    if "-" in token:
        return None if _FUNCTION_WORDS & set(token.split("-")) else "kebab-case"
    return "camelCase"


@rule("TX003", "identifier-in-prose", Severity.WARNING, options=IdentifierOptions)
def identifier_in_prose(doc: Document, opts: IdentifierOptions) -> Iterator[Violation]:
    """## What it does
    Flags a programming identifier (`caseStudy`, `reading_time`, `user-journey-map`) in the
    prose or a heading of a CJK post, outside code.

    ## Why is this bad?
    It is a template variable or a prompt label that leaked into the text (`caseStudy構造の
    視点から`): readers cannot read it, and it shows the page was not edited.

    ## Example
    ```markdown
    ---
    title: 中小企業のAI導入ガイド
    ---

    caseStudy構造の視点から、導入事例を分析します。
    ```

    ## Use instead
    ```markdown
    ---
    title: 中小企業のAI導入ガイド
    ---

    事例研究の視点から、導入事例を分析します。
    ```

    ## Fix safety
    No fix.

    ## Options
    - `allow`: names that look like identifiers but are products (default: ChatGPT, iPhone,
      iPad, iOS, macOS, eBay, LinkedIn, YouTube, JavaScript, TypeScript, GitHub, WordPress,
      PowerPoint, OpenAI, iDeCo, eSIM, jQuery … see the source).
    - `extend-allow`: added to `allow`.

    Only CJK posts are checked (English technical prose names identifiers all the time).
    camelCase needs two lowercase letters before the first capital (`iPhone`, `eBay` and
    `kWh` are not identifiers); kebab-case needs three parts and no English function word
    (`end-to-end`, `state-of-the-art` are words); a name touching `@ . / # $` (e-mail,
    file or domain name, hashtag) is not reported. Write real code in backticks.
    """
    if not doc.is_cjk:
        return
    allowed = set(opts.allow + opts.extend_allow)
    for block in doc.prose_blocks:
        body = block.text
        if "_" not in body and "-" not in body and not _CAMEL_HINT.search(body):
            continue  # the identifier regex starts with a look-behind: scanning for it is slow
        for match in _IDENTIFIER.finditer(body):
            token = match.group()
            kind = _identifier_kind(token)
            if token in allowed or kind is None:
                continue
            first, last = _block_span(block, match.start(), match.end())
            yield Violation(first, last, f'{kind} identifier "{token}" in {_where(block)} (write it in words or as `code`)')


# --- TX004 list-count-mismatch ---------------------------------------------------------

_LIST_NOUNS = (
    "方法|コツ|秘策|秘訣|ポイント|理由|手順|ヒント|戦略|習慣|ルール|特徴|メリット|デメリット|ツール|"
    "事例|原則|法則|鉄則|テクニック|アイデア|ステップ|施策|心得"
)
_PROMISE = re.compile(
    r"(?<![\d.,A-Za-z])(?P<ja>\d{1,2})\s*(?:つの[ァ-ヶー一-龯]{0,6}|つ(?=$|[\s!?、。:|)」』】])|選|個の|ステップ|ヶ条|か条|カ条|箇条"
    rf"|大(?=[^\d\s])|の(?:{_LIST_NOUNS}))"
    r"|(?i:\b(?:top|best|トップ|ベスト)\s*(?P<top>\d{1,2})(?!\d))"
    r"|(?i:\b(?P<en>\d{1,2})\s+(?:[a-z][\w'-]*\s+){0,3}?"
    r"(?:ways|tips|steps|reasons|things|ideas|mistakes|tools|secrets|rules|examples|strategies|lessons"
    r"|habits|questions|tricks|signs|facts|benefits|myths|hacks|methods|features|trends|tactics"
    r"|techniques|principles|plugins|books|apps|sites|resources)\b)"
)
_NUMBERED_PREFIX = re.compile(
    r"^\s*(?P<prefix>ステップ|step|その|第|no\.?|tip|point|ポイント|秘策|方法|コツ|理由|ルール|習慣|例)"
    r"\s*#?(?P<n>\d{1,2})(?!\d)",
    re.IGNORECASE,
)
_NUMBERED_BARE = re.compile(r"^\s*#?(?P<n>\d{1,2})(?:[.)）:、,]|\s|つ目|番目|位|$)")
#: Sections that frame a list rather than being one of its items.
_FRAME = re.compile(
    r"はじめに|始めに|まとめ|おわりに|終わりに|最後に|結論|関連記事|よくある質問|参考|目次|概要|前提"
    r"|\bintro(?:duction)?\b|\bconclusion\b|\bsummary\b|final thoughts|wrapping up|\brelated\b"
    r"|\breferences?\b|\bfaq\b|table of contents|\boverview\b",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d{1,3}[.)])[ \t]+\S", re.MULTILINE)  # at column 1: top level


@dataclass(frozen=True)
class _Count:
    size: int
    what: str


def _numbered_groups(doc: Document) -> list[_Count]:
    groups: dict[tuple[int, str], list[str]] = defaultdict(list)
    for heading in doc.markdown.headings:
        title = text.normalize(heading.text)
        match = _NUMBERED_PREFIX.match(title) or _NUMBERED_BARE.match(title)
        if match is None:
            continue
        prefix = (match.groupdict().get("prefix") or "").lower()
        groups[(heading.level, prefix)].append(heading.text[: len(match.group().rstrip(" .)）:、,"))].strip())
    return [
        _Count(len(items), f"{len(items)} numbered H{level} headings ({items[0]} … {items[-1]})")
        for (level, _), items in groups.items()
        if len(items) >= 2
    ]


def _section_groups(doc: Document) -> list[_Count]:
    parents: list[tuple[int, int]] = []  # (level, index) of the open headings
    groups: dict[tuple[int, int], int] = Counter()
    for index, heading in enumerate(doc.markdown.headings):
        while parents and parents[-1][0] >= heading.level:
            parents.pop()
        parent = parents[-1][1] if parents else -1
        parents.append((heading.level, index))
        if heading.level in (2, 3) and not _FRAME.search(heading.text):
            groups[(parent, heading.level)] += 1
    return [_Count(size, f"{size} H{level} sections") for (_, level), size in groups.items() if size >= 2]


def _list_groups(doc: Document) -> list[_Count]:
    """Top-level Markdown list items, list by list: blank lines and indented lines (nested
    items, continued paragraphs) between two items keep them in one list."""
    body = doc.source[doc.body_start :]
    code = [(s - doc.body_start, e - doc.body_start) for s, e in doc.code]
    sizes: list[int] = []
    current = 0
    last_end = 0
    for match in _LIST_ITEM.finditer(body):
        if any(s <= match.start() < e for s, e in code):
            continue
        between = body[last_end : match.start()].split("\n")[1:]
        if current and all(not line.strip() or line[:1] in " \t" for line in between):
            current += 1
        else:
            if current:
                sizes.append(current)
            current = 1
        last_end = body.find("\n", match.end())
        last_end = len(body) if last_end == -1 else last_end
    if current:
        sizes.append(current)
    return [_Count(size, f"a list of {size} items") for size in sizes if size >= 2]


def _promise(title: str) -> tuple[int, str, int, int] | None:
    """(number promised, the words that promise it, start, end) in the NFKC title."""
    for match in _PROMISE.finditer(title):
        number = int(next(g for g in (match.group("ja"), match.group("top"), match.group("en")) if g))
        if 2 <= number <= 50:
            return number, match.group().strip(), match.start(), match.end()
    return None


@rule("TX004", "list-count-mismatch", Severity.WARNING)
def list_count_mismatch(doc: Document, opts: RuleOptions) -> Iterator[Violation]:
    """## What it does
    Flags a title that promises a number of items (`5つの秘策`, `7選`, `3ステップ`,
    `7 Ways`, `Top 10`, full-width digits too) when the body delivers another number.

    ## Why is this bad?
    Readers count. A post titled "5 secrets" with three steps is a broken promise, a
    bounce, and a sign the text was generated and never checked.

    ## Example
    ```markdown
    ---
    title: 売上を伸ばす3つのコツ
    ---

    ## コツ1：顧客を知る

    顧客の声を集めます。

    ## コツ2：数字を見る

    毎週の数字を確認します。
    ```

    ## Use instead
    ```markdown
    ---
    title: 売上を伸ばす2つのコツ
    ---

    ## コツ1：顧客を知る

    顧客の声を集めます。

    ## コツ2：数字を見る

    毎週の数字を確認します。
    ```

    ## Fix safety
    No fix.

    ## Options
    None. What is counted, in this order (the first that exists decides):
    1. numbered headings of one level and one style (`ステップ1`, `Step 1`, `1.`, `その1`,
       `第1`, `#1`);
    2. else sibling H2/H3 sections under the same parent, leaving out framing sections
       (はじめに, まとめ, 関連記事, FAQ, Introduction, Conclusion …);
    3. else the top-level items of a Markdown list.
    Any group of that kind with the promised size satisfies the title (five H3 items under
    one H2 are fine); otherwise the largest group is reported. Headings from HTML blocks
    (templates, call-to-action boxes) are not counted. Nothing is reported when the body
    has none of these.
    """
    field = _field_text(doc, "title")
    if field is None:
        return
    raw = field[0]
    normalized = text.normalize(raw)
    promise = _promise(normalized)
    if promise is None:
        return
    number, words, start, end = promise
    if len(normalized) == len(raw):
        words = raw[start:end].strip()  # as written (full-width digits, capitals)
    for groups in (_numbered_groups, _section_groups, _list_groups):  # the first kind found decides
        counts = groups(doc)
        if not counts:
            continue
        if any(count.size == number for count in counts):
            return
        largest = max(counts, key=lambda count: count.size)
        span = doc.value_span("title")
        yield Violation(span[0], span[1], f'title promises {number} ("{words}") but the body has {largest.what}')
        return


# --- TX005 broken-text -----------------------------------------------------------------

# One class, then the class repeated: a pattern that starts with a plain class is scanned for
# in C (`[...]+` is not, and takes 2.5 times as long on a 12 KB post).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f][\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*")
_REPLACEMENT = re.compile("\ufffd+")
_TERMINAL = frozenset("。．.！!？?」』）)】〕…‥:：~〜ー\"”’'*＊♪")
#: A Japanese sentence that ends in a polite form is finished, with or without its 。
#: (many bloggers leave it out at the end of a line): `…を選択したらOKです`.
#: A last word that is a path or a file name (`/themes/THEME/layouts/_default/single.html`).
_PATH_END = re.compile(r"(?:^|\s)(?:\S*/\S*|[\w.-]+\.[A-Za-z0-9]{1,5})$", re.ASCII)
_POLITE_END = re.compile(r"(?:です|ます|でした|ました|ません|ください|でしょう|ましょう)[ねよか]?$")
#: A counter whose number is gone: `生き残るための-つの`, `年版`, `-選`.
_LOST_NUMBER = re.compile(
    r"(?:^|(?<=[\s\-_/:：、。・!！?？|｜」）)】]))(?:つの(?![るりられろっ])|選(?![ぁ-ん一-龯])|ヶ条|か条|年版)"
)
_BRACKETS = {"「": "」", "『": "』", "（": "）", "(": ")", "【": "】", "“": "”"}
_CLOSERS = {close: open_ for open_, close in _BRACKETS.items()}


def _lost_percent(title: str) -> Iterator[int]:
    """`売上が%向上`: a percent sign with no number before it."""
    for match in re.finditer("[%％]", title):
        before = title[: match.start()].rstrip()[-1:]
        if not before or not (before.isdigit() or before in "〇○◯XxＸ"):
            yield match.start()


def _unbalanced(raw: str) -> Iterator[tuple[int, str]]:
    stack: list[tuple[int, str]] = []
    for index, char in enumerate(raw):
        if char in _BRACKETS:
            stack.append((index, char))
        elif char in _CLOSERS:
            if stack and stack[-1][1] == _CLOSERS[char]:
                stack.pop()
            else:
                yield index, char
    yield from stack


def _followed(doc: Document, end: int) -> bool:
    """Whether a prose block (a list, a heading, a table, HTML text), code or an image
    comes after offset `end` (a paragraph that introduces a list is not the body's end)."""
    return (
        any(block.start >= end for block in reversed(doc.prose_blocks))
        or any(start >= end for start, _ in reversed(doc.code))
        or any(image.start >= end and image.origin in ("markdown", "html") for image in doc.images)
    )


def _ends_mid_sentence(doc: Document) -> Violation | None:
    last = next((b for b in reversed(doc.prose_blocks) if b.kind == "paragraph" and b.level == 0), None)
    if last is None or _followed(doc, last.end):
        return None  # something visible comes after it: the body does not end there
    body = last.text.rstrip()
    raw = doc.source[last.start : last.end].rstrip()
    if not body or raw[-1:] in (")", ">", "}", "]"):
        return None  # ends with a link, an image, HTML or Liquid: cannot judge
    if text.length(body, doc.language) < (20 if doc.is_cjk else 6):
        return None
    final = body[-1]
    if final in _TERMINAL or unicodedata.category(final) in ("So", "Sk") or _POLITE_END.search(body):
        return None
    if _PATH_END.search(body):
        return None  # a file path or a file name ends it: a list of paths, not a cut sentence
    end = last.offset(len(body) - 1) + 1
    tail = body[-10:] if doc.is_cjk else " ".join(body.split()[-4:])
    return Violation(end - 1, end, f'body ends mid-sentence: the last paragraph ends with "…{tail}"')


def _slug(doc: Document) -> str:
    slug = doc.slug
    if slug in ("index", "_index"):
        slug = posixpath.basename(posixpath.dirname(doc.path.replace("\\", "/"))) or slug
    return slug


def _leads_the_file(doc: Document, offset: int) -> bool:
    """Whether only white space (and a BOM) comes before `offset` in a file without front
    matter: removing a control character there could make the next line a front matter fence
    (`\x08---` becomes `---`), so the fix would change how the whole file is read."""
    return doc.front_matter.end == doc.front_matter.start and not doc.source[:offset].strip(" \t\r\n\ufeff")


@rule("TX005", "broken-text", Severity.ERROR, fix=FixAvailability.SOMETIMES)
def broken_text(doc: Document, opts: RuleOptions) -> Iterator[Violation]:
    """## What it does
    Flags broken text: garbled or control characters, a body cut off mid-sentence, a title
    or slug that lost a number, unbalanced brackets in the title.

    In detail: U+FFFD replacement characters, control characters, a last paragraph with
    no closing punctuation, a counter left without its number (`生き残るための-つの`,
    `年版`, `売上が%向上`) in the title or the file name slug, and unmatched 「」『』（）()【】“”
    in the title.

    ## Why is this bad?
    They come from a pipeline that cut the text at a token limit, mangled an encoding, or
    dropped digits while making a slug. Readers see it; search engines show it in results.

    ## Example
    ```markdown
    ---
    title: 「AI導入の手引き
    ---

    導入の第一歩は、目的を決めることです。
    ```

    ## Use instead
    ```markdown
    ---
    title: 「AI導入」の手引き
    ---

    導入の第一歩は、目的を決めることです。
    ```

    ## Fix safety
    Control characters are removed by a safe fix, except at the very top of a file without
    front matter (removing them could turn the next characters into a front matter fence).
    The rest has no fix.

    ## Options
    None. The end of the body is judged on the last Markdown paragraph, when nothing but
    Liquid tags follows it (a body that ends with a heading, a list, a table, code, an
    image or HTML is not judged, nor is a paragraph that ends with a link, an image or
    Liquid, nor one under 20 CJK characters or 6 words). It ends a sentence when its last
    character is closing punctuation (。！？.!?」』）… :) or a symbol or emoji, or when it
    ends in a Japanese polite form (です, ます, でした, ました, ません, ください…), 。 or not, or
    with a file path or file name (a list of paths).
    """
    if "\ufffd" in doc.source and not (doc.load_problem is not None and doc.load_problem.code == "FILE001"):
        for match in _REPLACEMENT.finditer(doc.source):
            yield Violation(match.start(), match.end(), f"{len(match.group())} U+FFFD replacement character(s): the text was garbled by a bad decode")
    for match in _CONTROL.finditer(doc.source):
        codes = ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(match.group()))
        fix = None
        if not _leads_the_file(doc, match.start()):
            fix = Fix.replace(match.start(), match.end(), "", FixSafety.SAFE, "remove control characters")
        yield Violation(match.start(), match.end(), f"control character(s) {codes} in the text", fix)
    ending = _ends_mid_sentence(doc)
    if ending is not None:
        yield ending
    field = _field_text(doc, "title")
    if field is not None:
        raw, base = field
        for match in _LOST_NUMBER.finditer(raw):
            yield Violation(base + match.start(), base + match.end(), f'title lost a number before "{match.group()}"')
        for index in _lost_percent(raw):
            yield Violation(base + index, base + index + 1, f'title lost a number before "{raw[index]}"')
        for index, char in _unbalanced(raw):
            yield Violation(base + index, base + index + 1, f'unbalanced "{char}" in the title')
    slug = _slug(doc)
    lost = _LOST_NUMBER.search(slug.replace("_", "-"))
    if lost is not None:
        start, end = doc.value_span("slug")
        yield Violation(start, end, f'slug "{slug}" lost a number before "{lost.group()}"')


# --- TX006 duplicate-paragraph ---------------------------------------------------------


class DuplicateParagraphOptions(RuleOptions):
    #: Shortest paragraph compared: characters for CJK, words otherwise.
    min_length: dict[str, int] = {"cjk": 20, "default": 8}


_ASCII_SPACE = bytes(code for code in range(128) if chr(code).isspace())


def _paragraph_key(body: str) -> str:
    """The block as compared: NFKC, case-folded, white space removed (ASCII text, which NFKC
    leaves alone, lower-cased and stripped of spaces in one pass each, in C)."""
    if body.isascii():
        return body.encode("ascii").lower().translate(None, _ASCII_SPACE).decode("ascii")
    return "".join(text.normalize_text(body).split())


@rule("TX006", "duplicate-paragraph", Severity.WARNING, options=DuplicateParagraphOptions)
def duplicate_paragraph(doc: Document, opts: DuplicateParagraphOptions) -> Iterator[Violation]:
    """## What it does
    Flags a paragraph (or list item, or HTML text block) that repeats an earlier one of the
    same post, after NFKC, case-folding and white-space normalisation.

    ## Why is this bad?
    Generation loops and copy-paste merges repeat whole paragraphs. Readers notice, and
    repeated text dilutes the page.

    ## Example
    ```markdown
    ---
    title: 中小企業のAI導入ガイド
    ---

    AI導入の第一歩は、解決したい課題をひとつに絞ることです。

    次に、小さく試して効果を測ります。

    AI導入の第一歩は、解決したい課題をひとつに絞ることです。
    ```

    ## Use instead
    ```markdown
    ---
    title: 中小企業のAI導入ガイド
    ---

    AI導入の第一歩は、解決したい課題をひとつに絞ることです。

    次に、小さく試して効果を測ります。
    ```

    ## Fix safety
    No fix: which copy to keep is the author's choice.

    ## Options
    - `min-length`: shortest paragraph compared, by language
      (default `cjk` 20 characters, `default` 8 words).
    """
    minimum = for_language(opts.min_length, doc.language)
    first_seen: dict[str, int] = {}
    for block, size in zip(doc.prose_blocks, doc.prose_lengths):
        if block.kind == "heading" or size < minimum:
            continue
        key = _paragraph_key(block.text)
        start = block.runs[0].start if block.runs else block.start
        if key in first_seen:
            line = doc.position(first_seen[key])[0]
            unit = text.unit(doc.language, size)
            yield Violation(start, block.end, f"paragraph repeats the one on line {line} ({size} {unit})")
        else:
            first_seen[key] = start


# --- MT006 slug ------------------------------------------------------------------------


class SlugOptions(RuleOptions):
    #: Longest slug, in characters as written.
    max_length: int = 60
    #: Report slugs with non-ASCII characters (they are percent-encoded in URLs).
    ascii_only: bool = False


#: A number followed by a counter that makes no sense without it (`5つの`, `7選`, `3倍`).
_COUNTED = re.compile(
    r"(?<!\d)(\d{1,3})(?!\d)\s*((?:つ|選|個|件|倍|割|位|大|人|社|本|冊|枚|台|回|点|ヶ条|か条|カ条|箇条|ステップ)[^\W\d_]?)"
)


def _dropped_numbers(slug: str, title: str) -> list[str]:
    """Numbers of the title whose counter is in the slug without them (`5つの` → `-つの`)."""
    slug = text.normalize(slug)
    dropped = []
    for match in _COUNTED.finditer(text.normalize(title)):
        counter = match.group(2)
        at = slug.find(counter)
        while at != -1 and at > 0 and slug[at - 1].isdigit():
            at = slug.find(counter, at + 1)
        if at != -1 and match.group(1) not in slug:
            dropped.append(match.group(1))
    return dropped


@rule("MT006", "slug", Severity.INFO, options=SlugOptions)
def slug_rule(doc: Document, opts: SlugOptions) -> Iterator[Violation]:
    """## What it does
    Flags a slug that is too long, has an empty segment (`--`), or dropped a number of the
    title.

    The slug is the front matter `slug`, else the file name's (without the Jekyll date).
    A dropped number is one whose counter the slug kept (`5つの秘策` → `つの秘策`).
    Optionally, non-ASCII slugs are flagged too.

    ## Why is this bad?
    The slug is the URL. Long slugs are cut in search results; `--` and a missing number
    show that the slug was generated by stripping characters; a Japanese slug becomes a
    URL nine times as long once percent-encoded.

    ## Example
    ```markdown
    ---
    title: Static site SEO in 2025
    slug: static--site-seo
    ---

    A checklist.
    ```

    ## Use instead
    ```markdown
    ---
    title: Static site SEO in 2025
    slug: static-site-seo
    ---

    A checklist.
    ```

    ## Fix safety
    No fix: renaming a published URL needs a redirect.

    ## Options
    - `max-length`: longest slug in characters as written (default 60; no search engine
      sets a limit, this is a readability heuristic).
    - `ascii-only`: also report slugs with non-ASCII characters (default false).

    A number counts as dropped when the slug keeps the counter that followed it in the
    title (`5つの秘策` → `つの秘策`, `7選` → `選`) but not the number. Leaving a year or a list
    count out of a slug on purpose (`static-site-seo`, `ways-to-speed-up-jekyll`) is fine.
    A lost number that leaves a visible gap (`-つの`) is TX005's.
    """
    slug = _slug(doc)
    start, end = doc.value_span("slug")
    if len(slug) > opts.max_length:
        yield Violation(start, end, f"slug is {len(slug)} characters (max {opts.max_length})")
    if "--" in slug or slug.startswith("-") or slug.endswith("-"):
        yield Violation(start, end, f'slug "{slug}" has an empty segment')
    title = doc.title
    dropped = _dropped_numbers(slug, title) if title and not _LOST_NUMBER.search(slug.replace("_", "-")) else []
    if dropped:
        numbers = ", ".join(dropped)
        yield Violation(start, end, f'slug "{slug}" dropped the number {numbers} that the title has')
    if opts.ascii_only and not slug.isascii():
        encoded = len(quote(slug, safe="-_.~"))
        yield Violation(start, end, f'slug "{slug}" has non-ASCII characters ({encoded} characters percent-encoded)')
