"""Write the hostile-input corpus: every file a linter should survive, with what it must report.

    python tests/hostile/make_corpus.py OUT_DIR

writes `OUT_DIR/_posts/*.md` (and a symlink loop, a FIFO, a folder named `x.md`). Big files
(a 50 MB post, a 1 MB line, 10,000 images) are generated here at test time, never committed.
`CASES` pairs each file with the exact findings (`line:col CODE message`) it must produce
for the codes the case is about; `NORMAL` is an ordinary post linted in the same run, whose
findings prove the run went on past every hostile file.
"""

from __future__ import annotations

import codecs
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MB = 1024 * 1024
GOOD_FRONT = "---\ntitle: A perfectly ordinary post about static sites\ndate: 2025-01-10\n---\n\n"


@dataclass(frozen=True)
class Case:
    name: str  # file name under _posts/
    make: Callable[[], bytes]
    codes: frozenset[str]  # the codes whose findings are compared exactly
    expected: tuple[str, ...]  # `line:col CODE message`, sorted as the linter sorts them


def case(name: str, make: Callable[[], bytes], codes: str, *expected: str) -> Case:
    return Case(name, make, frozenset(codes.split()), expected)


def _post(body: str, front: str = GOOD_FRONT) -> bytes:
    return (front + body).encode("utf-8")


def _billion_laughs() -> bytes:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return ("---\n" + "\n".join(lines) + "\ntitle: Laughs\n---\n\nBody.\n").encode()


def _yaml_tag() -> bytes:
    # If this were ever constructed, it would create PWNED-MARKER in the current folder.
    return (
        b"---\ntitle: !!python/object/apply:os.system ['touch PWNED-MARKER']\n"
        b"extra: !!python/object/new:os.system [touch PWNED-MARKER]\n---\n\nBody.\n"
    )


def _deep_json_ld() -> bytes:
    depth = 10_000
    script = '<script type="application/ld+json">\n' + "[" * depth + "]" * depth + "\n</script>\n"
    return _post("Text before.\n\n" + script)


def _many_images() -> bytes:
    lines = []
    for i in range(10_000):
        if i == 7_777:
            lines.append(f"![](/img/photo-{i}.png)")
        elif i == 9_999:
            lines.append(f"![Harbour at dawn, photo {i} of the series](http://example.com/photo-{i}.png)")
        else:
            lines.append(f"![Harbour at dawn, photo {i} of the series](/img/photo-{i}.png)")
    return _post("\n\n".join(lines) + "\n")


def _big_post() -> bytes:
    paragraph = ("Static sites are fast and cheap to host. " * 20 + "\n\n").encode()
    head = _post("")
    return head + paragraph * ((50 * MB - len(head)) // len(paragraph) + 1)


def _long_line() -> bytes:
    sentence = "静的サイトは速くて安全です。"  # 14 characters, 42 bytes
    return _post(sentence * (MB // len(sentence.encode())) + "\n")


def _spans_with_emoji() -> bytes:
    # Every finding's span has astral emoji, a ZWJ sequence and combining marks on both sides:
    # columns count code points (👍🏽 is 2, e + U+0301 is 2).
    return _post(
        "👍🏽e\u0301 ![](/a.png) 👩\u200d💻\n\n"
        "か\u3099👍🏽<img src=\"http://example.com/b.png\" alt=\"A harbour at dawn in winter\">e\u0301\n\n"
        "🇯🇵 [click here](/x) ñ\u0303\n"
    )


def _crlf() -> bytes:
    return _post("Line one.\n\n![](/a.png)\n\nEnd.\n").replace(b"\n", b"\r\n")


def _mixed() -> bytes:
    front = GOOD_FRONT.replace("\n", "\r\n")
    return (front + "Para one.\n\r\n![](/a.png)\r\n\nLast line without a break").encode()


def _utf16() -> bytes:
    return codecs.BOM_UTF16_LE + (GOOD_FRONT + "Body.\n").encode("utf-16-le")


def _binary() -> bytes:
    return bytes(range(256)) * 16  # a NUL at byte 0


CASES: list[Case] = [
    case("01-invalid-utf8-front-matter.md", lambda: b'---\ntitle: "caf\xe9 au lait"\n---\n\nBody.\n', "FILE001 FILE002",
         "2:12 FILE001 invalid UTF-8 (bytes e9 20 61 75); decoded with replacement characters"),
    case("02-invalid-utf8-body.md", lambda: _post("Body with a stray byte: \xff here.\n").replace(b"\xc3\xbf", b"\xff"),
         "FILE001 FILE002",
         "6:25 FILE001 invalid UTF-8 (bytes ff 20 68 65); decoded with replacement characters"),
    case("03-utf16.md", _utf16, "FILE001 FILE002",
         "1:1 FILE001 file is UTF-16 (byte order mark); seo-lint reads UTF-8 only"),
    case("04-utf8-bom.md", lambda: b"\xef\xbb\xbf" + _post("![](/a.png)\n"), "FILE001 FM001 IMG001",
         "6:1 IMG001 image has empty alt text (a.png)"),
    # Not linted: no other rule, and no site rule (MT004: same title as the normal post) either.
    case("05-nul-byte.md", lambda: _post("Text\x00more text.\n"), "FILE001 FILE002 MT004",
         "6:5 FILE001 binary data: NUL byte at byte 82; not linted"),
    case("06-binary.md", _binary, "FILE001 FILE002", "1:1 FILE001 binary data: NUL byte at byte 0; not linted"),
    case("07-big-50mb.md", _big_post, "FILE001 FILE002 MT004",
         "1:1 FILE002 file is 52,428,882 bytes (max-file-size is 5,242,880); not linted"),
    case("08-one-mb-line.md", _long_line, "FILE001 FILE002 FM001 HD007",
         "6:1 HD007 the text before the first heading has 349524 characters without a subheading (max 600 for ja)"),
    case("09-unclosed-front-matter.md", lambda: b"---\ntitle: Never closed\n\nBody text.\n", "FM001",
         "1:1 FM001 front matter opened with `---` on line 1 is never closed"),
    case("10-cut-mid-quote.md", lambda: b'---\ntitle: "Cut off mid-quote\ndate: 2025-01-10\n---\n\nBody.\n', "FM001",
         "2:8 FM001 YAML syntax error: while scanning a quoted scalar, found unexpected end of stream"),
    case("11-billion-laughs.md", _billion_laughs, "FM001",
         "2:4 FM001 front matter expands to more than 20,000 values (recursive or repeated aliases)"),
    case("12-yaml-python-tag.md", _yaml_tag, "FM001",
         "2:8 FM001 YAML error: could not determine a constructor for the tag "
         "'tag:yaml.org,2002:python/object/apply:os.system'"),
    case("13-duplicate-keys.md", lambda: b"---\ntitle: First\ndate: 2025-01-10\ntitle: Second\n---\n\nBody.\n", "FM001",
         "4:1 FM001 duplicate key `title` (first defined on line 2)"),
    case("14-front-matter-list.md", lambda: b"---\n- title\n- date\n---\n\nBody.\n", "FM001",
         "2:1 FM001 front matter must be a mapping of keys to values, found a list"),
    case("15-front-matter-scalar.md", lambda: b"---\njust a sentence\n---\n\nBody.\n", "FM001",
         "2:1 FM001 front matter must be a mapping of keys to values, found a single value"),
    case("16-toml-error.md", lambda: b'+++\ntitle = "A post"\ndate = 2025-01-10\ntags = ["a",\n+++\n\nBody.\n',
         "FM001", "5:1 FM001 TOML syntax error: Invalid value (at the end of the front matter)"),
    case("17-json-error.md", lambda: b'{\n  "title": "A post",\n  "date": "2025-01-10",\n}\n\nBody.\n', "FM001",
         "4:1 FM001 invalid JSON front matter: expecting a property name in double quotes"),
    case("18-json-ld-10000-deep.md", _deep_json_ld, "LD001",
         "9:202 LD001 JSON-LD is not valid JSON: nested more than 200 levels deep"),
    case("19-10000-images.md", _many_images, "IMG001 IMG005",
         "15560:1 IMG001 image has empty alt text (photo-7777.png)",
         "20004:46 IMG005 image URL uses insecure http:// (example.com)"),
    case("20-crlf.md", _crlf, "FM001 IMG001", "8:1 IMG001 image has empty alt text (a.png)"),
    case("21-mixed-line-endings.md", _mixed, "FM001 IMG001", "8:1 IMG001 image has empty alt text (a.png)"),
    case("22-emoji-around-spans.md", _spans_with_emoji, "IMG001 IMG005 LNK003",
         "6:6 IMG001 image has empty alt text (a.png)",
         "8:15 IMG005 image URL uses insecure http:// (example.com)",
         '10:4 LNK003 link text "click here" does not say where the link goes'),
]

NORMAL = "99-normal.md"
NORMAL_TEXT = GOOD_FRONT + "A normal post after all the hostile ones.\n\n<img src=\"/b.png\">\n"
NORMAL_EXPECTED = ("8:1 IMG001 <img> has no alt attribute (b.png)",)
NORMAL_CODES = frozenset({"IMG001", "SL002"})


def write(root: Path, big: bool = True) -> list[Case]:
    """Write the corpus under `root/_posts/` (the 50 MB post only when `big`); return the cases."""
    posts = root / "_posts"
    posts.mkdir(parents=True, exist_ok=True)
    cases = [c for c in CASES if big or c.name != "07-big-50mb.md"]
    for c in cases:
        (posts / c.name).write_bytes(c.make())
    (posts / NORMAL).write_text(NORMAL_TEXT, encoding="utf-8")
    (posts / "00-folder.md").mkdir(exist_ok=True)  # a directory named like a post
    (posts / "00-folder.md" / "inner.md").write_text(GOOD_FRONT + "Inside a folder named x.md.\n", encoding="utf-8")
    loop = posts / "loop"  # a symlink loop: loop/self -> loop, and a -> b -> a
    loop.mkdir(exist_ok=True)
    for link, target in ((loop / "self", "."), (loop / "a.md", "b.md"), (loop / "b.md", "a.md")):
        if not link.is_symlink():
            os.symlink(target, link)
    fifo = posts / "fifo.md"
    if hasattr(os, "mkfifo") and not fifo.exists():
        os.mkfifo(fifo)  # reading it would block forever: the walk must not open it
    return cases


def expected_json(cases: list[Case]) -> str:
    return json.dumps({c.name: {"codes": sorted(c.codes), "expected": list(c.expected)} for c in cases}, indent=2)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_corpus.py OUT_DIR")
    written = write(Path(sys.argv[1]))
    print(expected_json(written))
