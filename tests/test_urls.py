"""URL helpers: raw decoding with positions, query parsing, minimal query edits, comparison."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from seo_lint import urls


def test_decode_maps_every_character_to_its_raw_characters() -> None:
    decoded = urls.decode("a.jpg?w=1&amp;w=2&h=3", "html")
    assert decoded.text == "a.jpg?w=1&w=2&h=3"
    amp = decoded.text.index("&")
    assert decoded.raw_range(amp, amp + 1) == (9, 14)  # `&amp;`
    plain_amp = decoded.text.rindex("&")
    assert decoded.raw[slice(*decoded.raw_range(plain_amp, plain_amp + 1))] == "&"


def test_decode_styles() -> None:
    assert urls.decode(r"https:\/\/x.com\/a\u0026b\ud83d\ude00", "backslash").text == "https://x.com/a&b😀"
    assert urls.decode(r"https://x.com/a\_b.jpg?a=1&amp;b=2&copy", "markdown").text == (
        "https://x.com/a_b.jpg?a=1&b=2&copy"  # CommonMark needs the `;`
    )
    assert urls.decode("it''s", "yaml-single").text == "it's"
    assert urls.decode("a&w=1&crop=2", "html").text == "a&w=1&crop=2"  # bare `&` stays


def test_decode_as_picks_the_reading_that_gives_the_url() -> None:
    decoded = urls.decode_as(r"https:\/\/x.com\/a.jpg", "https://x.com/a.jpg", urls.STYLES_BY_ORIGIN["json-ld"])
    assert decoded is not None and decoded.style == "backslash"
    assert urls.decode_as("https://x.com/a.jpg", "https://x.com/a.jpg", ()) is not None
    assert urls.decode_as("https://x.com/a.jpg?w=1\n  &w=2", "https://x.com/a.jpg?w=1 &w=2", ("plain",)) is None


def test_parse_query_keeps_order_raw_text_and_empty_pieces() -> None:
    query = urls.parse_query("https://x.com/a?w=1&&fit=max&flag&%77=2#w=3")
    assert [(p.index, p.key, p.value) for p in query.params] == [
        (0, "w", "1"), (2, "fit", "max"), (3, "flag", None), (4, "%77", "2"),
    ]
    assert query.params[-1].name == "w"
    assert urls.parse_query("https://x.com/a#b?c=1").pieces == ()


def test_repeated_keys_in_order_of_first_repetition() -> None:
    query = urls.parse_query("/a.jpg?crop=entropy&fit=max&w=1080&w=1200&fit=crop&crop=smart")
    groups = urls.repeated_keys(query.params)
    assert [[(p.name, p.value) for p in group] for group in groups] == [
        [("w", "1080"), ("w", "1200")],
        [("fit", "max"), ("fit", "crop")],
        [("crop", "entropy"), ("crop", "smart")],
    ]


def test_drop_ranges_take_one_separator_each() -> None:
    url = "/a.jpg?a=1&b=2&a=3&c=4&b=5"
    query = urls.parse_query(url)
    assert urls.delete_ranges(url, urls.drop_ranges(query, [0, 1])) == "/a.jpg?a=3&c=4&b=5"
    assert urls.delete_ranges(url, urls.drop_ranges(query, [2, 4])) == "/a.jpg?a=1&b=2&c=4"
    assert urls.delete_ranges(url, urls.drop_ranges(query, [0, 1, 2, 3, 4])) == "/a.jpg"
    assert urls.drop_ranges(query, []) == []
    assert urls.drop_ranges(query, [0, 1]) == [(7, 15)]  # adjacent ranges merged


def test_raw_deletions_edit_only_the_raw_characters() -> None:
    raw = "a.jpg?w=1&amp;h=2&amp;w=1"
    decoded = urls.decode(raw, "html")
    query = urls.parse_query(decoded.text)
    ranges = urls.raw_deletions(decoded, urls.drop_ranges(query, [0]))
    assert ranges == [(6, 14)]
    assert urls.delete_ranges(raw, ranges) == "a.jpg?h=2&amp;w=1"


def test_normalise_for_comparison() -> None:
    key = urls.normalise("https://Images.Example.com:443/p.jpg?w=1080&q=80&id=7#x", ignore_params=("w", "Q"))
    assert key == "//images.example.com/p.jpg?id=7"
    assert urls.normalise("http://images.example.com/p.jpg?id=7") == key
    assert urls.normalise("/img/a.png", base_url="https://example.com/blog/") == "//example.com/img/a.png"
    assert urls.normalise("/img/a.png") == "/img/a.png"
    assert urls.normalise("https://x.com:8080/a?b=2&a=1") == "//x.com:8080/a?a=1&b=2"
    assert urls.normalise("http://[::1") == "http://[::1"  # invalid: compared as written


# --- properties ------------------------------------------------------------------------

_KEYS = st.sampled_from(["w", "h", "fit", "crop", "q", "a_b", "x/y"])
_VALUES = st.one_of(st.none(), st.sampled_from(["", "1", "2", "max", "crop", "a/b", "x_y", "it's"]))


def _encode(url: str, style: str, choices: list[bool]) -> str:
    """Write `url` in `style`, escaping some of the characters that style can escape."""
    escapes = {
        "html": {"&": "&amp;"},
        "markdown": {"&": "&amp;", "_": "\\_", "/": "\\/"},
        "backslash": {"/": "\\/", "&": "\\u0026", "'": "\\u0027"},
        "yaml-single": {"'": "''"},
        "plain": {},
    }[style]
    out = []
    for index, char in enumerate(url):
        escape = escapes.get(char)
        forced = style == "yaml-single" and char == "'"
        out.append(escape if escape and (forced or choices[index % len(choices)]) else char)
    return "".join(out)


@given(
    st.lists(st.tuples(_KEYS, _VALUES), max_size=8),
    st.sampled_from(["html", "markdown", "backslash", "yaml-single", "plain"]),
    st.lists(st.booleans(), min_size=1, max_size=7),
)
def test_dropping_repeats_through_any_raw_form(
    params: list[tuple[str, str | None]], style: str, choices: list[bool]
) -> None:
    url = "https://x.com/p.jpg?" + "&".join(k if v is None else f"{k}={v}" for k, v in params) + "#top"
    raw = _encode(url, style, choices)
    decoded = urls.decode_as(raw, url, (style,))
    assert decoded is not None
    query = urls.parse_query(url)
    drop = [p.index for group in urls.repeated_keys(query.params) for p in group[:-1]]
    ranges = urls.drop_ranges(query, drop)
    raw_ranges = urls.raw_deletions(decoded, ranges)
    assert raw_ranges is not None
    fixed_url = urls.delete_ranges(url, ranges)
    assert urls.decode(urls.delete_ranges(raw, raw_ranges), decoded.style).text == fixed_url
    fixed = urls.parse_query(fixed_url)
    assert urls.repeated_keys(fixed.params) == []
    # the last value of every key survives, in the same relative order
    last = {p.name: p.value for p in query.params}
    assert {p.name: p.value for p in fixed.params} == last
    assert fixed_url.endswith("#top")


@given(
    st.lists(st.sampled_from(["a", "W", "w", "=", "&", "+", "%", "%20", "%3D", "%26", "#", "?", "x=1"]), max_size=14).map("".join),
    st.lists(st.sampled_from(["w", "W", "a", "", "x"]), max_size=2),
)
def test_normalise_keeps_the_query_params_sorted_as_decoded(query: str, ignore: list[str]) -> None:
    url = "https://e.com/p?" + query
    ignored = {name.lower() for name in ignore}
    params = sorted(
        (p.name, p.decoded_value or "") for p in urls.parse_query(url).params if p.name.lower() not in ignored
    )
    text = "&".join(f"{name}={value}" if value else name for name, value in params)
    path = url.split("#", 1)[0].split("?", 1)[0].removeprefix("https://e.com")
    assert urls.normalise(url, ignore) == "//e.com" + path + (f"?{text}" if text else "")


def _plain_decode(raw: str, style: str) -> urls.Decoded:
    """The definition: every character of the URL appended with the raw characters that wrote it."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    pattern = urls._ESCAPES.get(style)
    for match in pattern.finditer(raw) if pattern is not None else ():
        text = urls._unescape(match.group(), style)
        if text == match.group():
            continue
        for index in range(position, match.start()):
            chars.append(raw[index])
            starts.append(index)
            ends.append(index + 1)
        for char in text:
            chars.append(char)
            starts.append(match.start())
            ends.append(match.end())
        position = match.end()
    for index in range(position, len(raw)):
        chars.append(raw[index])
        starts.append(index)
        ends.append(index + 1)
    return urls.Decoded(raw, "".join(chars), tuple(starts), tuple(ends), style)


_RAW_URL = st.lists(
    st.sampled_from(["a", "/", "?", "=", "&", "é", "😀", "&amp;", "&amp", "&#38;", "&#x1F600;", "&copy", "&ngE;",
                     "\\_", "\\/", "\\u0026", "\\ud83d\\ude00", "\\U0001F600", "\\x41", "\\n", "\\", "''", "'"]),
    max_size=12,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(_RAW_URL, st.sampled_from(["plain", "markdown", "html", "backslash", "yaml-single"]))
def test_decode_is_the_plain_definition(raw: str, style: str) -> None:
    """Slices and ranges appended at once give what appending character by character gives."""
    assert urls.decode(raw, style) == _plain_decode(raw, style)
