"""seo_lint.similarity: shingles, MinHash estimates and LSH candidates."""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import unicodedata
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seo_lint import similarity


def test_tokens_count_cjk_by_character_and_other_scripts_by_word():
    assert similarity.tokens("ＡＩ導入、Case Study!") == ["ai", "導", "入", "case", "study"]
    assert similarity.shingles("AI導入") == {"ai\x1f導\x1f入"}
    assert similarity.shingles("short") == {"short"}
    assert similarity.shingles(" 、。 ") == set()


def test_empty_text_has_no_signature():
    assert similarity.text_signature("") is None
    assert similarity.text_signature("。、") is None


def test_similarity_counts_equal_values_lane_by_lane():
    import struct

    rng = random.Random(5)
    for _ in range(200):
        a = [rng.choice((0, 1, 0xFFFFFFFF, rng.getrandbits(32))) for _ in range(similarity.NUM_HASHES)]
        b = [x if rng.random() < 0.6 else rng.choice((0, 1, 0x80000000, rng.getrandbits(32))) for x in a]
        expected = sum(x == y for x, y in zip(a, b)) / similarity.NUM_HASHES
        assert similarity.similarity(struct.pack("<128I", *a), struct.pack("<128I", *b)) == expected


def test_signature_is_compact_and_identical_for_identical_sets():
    first = similarity.text_signature("静的サイトのSEOを、文字数で正しく数える。")
    second = similarity.text_signature("静的サイトの SEO を 文字数で正しく数える")  # punctuation and spaces ignored
    assert first is not None and len(first) == similarity.SIGNATURE_BYTES == 512
    assert first == second
    assert similarity.similarity(first, second) == 1.0


def test_signatures_are_the_same_in_another_process():
    """Never Python's salted hash(): a cached signature must match a fresh one."""
    code = "from seo_lint import similarity; print(similarity.text_signature('同じ文章です。The same text.').hex())"
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": "12345"})
    assert other.stdout.strip() == similarity.text_signature("同じ文章です。The same text.").hex()


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b)


@pytest.mark.parametrize("changed", [0.01, 0.03, 0.1, 0.3])
def test_estimate_tracks_the_true_jaccard(changed):
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(3000)]
    errors = []
    for _ in range(20):
        base = [rng.choice(vocabulary) for _ in range(600)]
        other = list(base)
        for position in rng.sample(range(len(base)), int(changed * len(base))):
            other[position] = rng.choice(vocabulary)
        first, second = " ".join(base), " ".join(other)
        a, b = similarity.shingles(first), similarity.shingles(second)
        estimate = similarity.similarity(similarity.text_signature(first), similarity.text_signature(second))
        errors.append(estimate - _jaccard(a, b))
    assert abs(statistics.mean(errors)) < 0.03  # unbiased
    assert max(abs(e) for e in errors) < 0.15  # and close: standard error ~0.04


def test_short_texts_are_densified_not_left_empty():
    """Fewer shingles than bins: empty bins borrow a value, so equal texts still agree everywhere."""
    sig = similarity.text_signature("ほんの短い文")
    assert sig is not None and similarity.similarity(sig, sig) == 1.0
    assert similarity.similarity(sig, similarity.text_signature("まったく別の話題です")) < 0.2


def test_band_rows_keep_recall_at_the_threshold():
    for threshold in (0.5, 0.8, 0.9):
        rows = similarity.band_rows(threshold)
        bands = similarity.NUM_HASHES // rows
        assert 1 - (1 - threshold**rows) ** bands >= 0.98
        assert 1 - (1 - threshold ** (rows + 1)) ** (similarity.NUM_HASHES // (rows + 1)) < 0.98
    assert similarity.band_rows(0.8) == 7
    assert similarity.band_rows(0.8, recall=0.99) == 6


def test_candidate_pairs_find_near_duplicates_and_not_strangers():
    rng = random.Random(3)
    vocabulary = [f"w{i}" for i in range(5000)]
    texts = [[rng.choice(vocabulary) for _ in range(300)] for _ in range(40)]
    twin = list(texts[5])
    twin[100] = "changed"
    texts.append(twin)  # index 40, near-duplicate of 5
    signatures = [similarity.text_signature(" ".join(t)) for t in texts] + [None]
    pairs = set(similarity.candidate_pairs(signatures, similarity.band_rows(0.8)))
    assert (5, 40) in pairs
    assert all(similarity.similarity(signatures[i], signatures[j]) < 0.3 for i, j in pairs - {(5, 40)})


def test_candidate_pairs_stay_linear_in_a_mass_of_identical_texts():
    sig = similarity.text_signature("同じ本文がたくさんある")
    pairs = list(similarity.candidate_pairs([sig] * 200, rows=8, max_bucket=10))
    assert len(pairs) == len(set(pairs)) == sum(min(k, 10) for k in range(200))
    assert all(i < j for i, j in pairs)


_SOUP = "aZé9_ \u3000、。！？（）＿｀～｡｢､･ｶﾞ①ＡＢ１ß\u0301\u3099か漢字한ﬁ㍻–\n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_SOUP, max_size=30) | st.text(max_size=30))
def test_tokens_are_those_of_the_fully_normalized_text(text):
    """Blanking full-width punctuation instead of normalizing it never changes a token."""
    expected = similarity._TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())
    assert similarity.tokens(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_SOUP + "漢字かなカナ한글\ud800" * 4, max_size=40) | st.text(max_size=40))
def test_text_ids_are_the_ids_of_the_tokens(text):
    """Text read by code point gives the ids of its tokens (`text_ids` does so for mostly CJK text)."""
    expected = similarity.token_ids(similarity.tokens(text))
    assert similarity._cjk_text_ids(similarity.normalized(text)) == expected
    assert similarity._ascii_text_ids(similarity.normalized(text)) in (expected, None)
    assert similarity.text_ids(text) == expected


def test_ascii_text_ids_decline_only_words_beyond_ascii():
    assert similarity._ascii_text_ids("the café、漢字 x_y") is None
    assert similarity._ascii_text_ids("“it’s” 漢字、ok_2") == similarity.token_ids(["it", "s", "漢", "字", "ok", "2"])


def test_no_cjk_character_has_the_crc_that_means_no_token():
    assert all(similarity._CHAR_CRCS[code] for code in range(0x3040, 0x10000) if similarity._CJK_CHAR.match(chr(code)))


def _plain_shingle_hashes(found: list[str]) -> list[int]:
    ids = [zlib.crc32(token.encode("utf-8", "surrogatepass")) for token in found]
    if len(ids) < similarity.SHINGLE_SIZE:
        return [hash(tuple(ids))] if ids else []
    return [hash(tuple(ids[i : i + similarity.SHINGLE_SIZE])) for i in range(len(ids) - similarity.SHINGLE_SIZE + 1)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.text(alphabet=_SOUP, min_size=1, max_size=3) | st.text(min_size=1, max_size=3), max_size=12),
                min_size=1, max_size=4))
def test_shingle_hashes_with_the_token_memo_are_the_plain_ones(texts):
    """The memo of token CRCs (kept across posts, emptied when full) never changes a hash."""
    for found in texts:
        assert list(similarity.shingle_hashes(similarity.token_ids(found))) == _plain_shingle_hashes(found)


def test_the_token_memo_is_emptied_when_full(monkeypatch):
    monkeypatch.setattr(similarity, "_TOKEN_CRCS_MAX", 4)
    monkeypatch.setattr(similarity, "_TOKEN_CRCS", {})
    for start in range(0, 40, 5):
        found = [f"w{i}" for i in range(start, start + 5)] + ["w0"]
        assert list(similarity.shingle_hashes(similarity.token_ids(found))) == _plain_shingle_hashes(found)
        assert len(similarity._TOKEN_CRCS) <= 4 + 6


def test_similar_pairs_are_the_candidates_at_or_above_the_threshold():
    rng = random.Random(5)
    vocabulary = [f"w{i}" for i in range(400)]
    texts = [[rng.choice(vocabulary) for _ in range(200)] for _ in range(30)]
    for source in range(0, 30, 3):  # every third text has a twin that differs by a few words
        twin = list(texts[source])
        for position in rng.sample(range(200), source // 3):
            twin[position] = "changed"
        texts.append(twin)
    signatures = [similarity.text_signature(" ".join(t)) for t in texts] + [None]
    expected = sorted(
        (i, j, round(score, 4))
        for i, j in similarity.candidate_pairs(signatures, similarity.band_rows(0.8))
        if (score := similarity.similarity(signatures[i] or b"", signatures[j] or b"")) >= 0.8
    )
    found = sorted((i, j, round(score, 4)) for i, j, score in similarity.similar_pairs(signatures, 0.8))
    assert found == expected
    assert {(i, j) for i, j, _ in found} == {(3 * k, 30 + k) for k in range(7)}  # 7 of 200 words: below


def test_a_signature_of_the_wrong_size_is_refused():
    with pytest.raises(ValueError, match="a signature has 512 bytes, not 3"):
        list(similarity.candidate_pairs([b"abc"], rows=8))


class _CountedReads(list[bytes | None]):
    reads = 0

    def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
        type(self).reads += 1
        return super().__getitem__(index)


def test_a_large_site_reads_only_posts_with_a_candidate_twin_again(monkeypatch: pytest.MonkeyPatch):
    rng = random.Random(9)
    texts = [[f"w{rng.randrange(3000)}" for _ in range(150)] for _ in range(20)]
    texts += [list(texts[0]), list(texts[1])]  # twins of 0 and 1
    signatures = _CountedReads(similarity.text_signature(" ".join(t)) for t in texts)
    small = sorted(similarity.similar_pairs(signatures, 0.8))  # in the order of salted hashes
    monkeypatch.setattr(similarity, "KEEP_ALL", 0)
    _CountedReads.reads = 0
    large = sorted(similarity.similar_pairs(signatures, 0.8))
    assert large == small == [(0, 20, 1.0), (1, 21, 1.0)]
    assert _CountedReads.reads == 4  # iterated once (not counted), then 0, 20, 1 and 21 read again
