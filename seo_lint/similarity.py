"""Near-duplicate detection: shingles, MinHash signatures and LSH banding, in pure Python.

A text becomes a set of shingles: runs of `SHINGLE_SIZE` consecutive tokens, where a token
is one CJK character or one word of another script (so Japanese is never split on spaces),
after NFKC and case-folding. Punctuation and white space are not tokens.

The signature is a one-permutation MinHash (Li, Owen & Zhang 2012) with optimal
densification (Shrivastava 2017): each shingle is hashed once, the hash's low bits pick one
of `NUM_HASHES` bins and each bin keeps its smallest hash; an empty bin borrows the value of
the first non-empty bin in a fixed pseudo-random probe order. As with classic MinHash, two
signatures agree in a bin with probability equal to the Jaccard similarity of the two shingle
sets, so the share of equal bins estimates it (standard error about 0.035 at 0.8). It costs
one hash per shingle instead of one per shingle and permutation, which keeps it fast
without numpy.

No shingle is ever built as a string: each distinct token is hashed once (CRC-32 of its
UTF-8), and a shingle's hash is Python's `hash` of the tuple of its tokens' CRCs, computed in
C over the whole text. Python salts the hash of str and bytes, never that of ints and tuples
of ints (a fixed xxHash-based function since Python 3.8), so signatures are deterministic and
can be cached and compared across processes (of one Python version: the cache key has it).
Most tokens are not built as strings either (`text_ids`): ASCII words are found by bytes and
CJK characters read by code point, each id memoized; the ids are those of `tokens`.

`candidate_pairs` is the LSH step: the signature is cut into bands of `rows` values and
only signatures that share a whole band are compared, band by band, so neither time nor
memory grows with the square of the number of texts (unless most texts are similar).
"""

from __future__ import annotations

import re
import struct
import sys
import unicodedata
import zlib
from array import array
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import groupby, repeat

NUM_HASHES = 128
SHINGLE_SIZE = 3
_BIN_MASK = NUM_HASHES - 1  # a shingle's bin: the low 7 bits of its hash
_BIN_BITS = 7
_EMPTY = 1 << 63  # above every hash (a signed 64-bit value)
_FORMAT = f"<{NUM_HASHES}I"
SIGNATURE_BYTES = 4 * NUM_HASHES
_LANE_LOW_BITS = int.from_bytes(b"\x01\x00\x00\x00" * NUM_HASHES, "little")

_CJK = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\uac00-\ud7af"
#: A CJK character, or a run of letters and digits of any other script.
_TOKEN = re.compile(f"[{_CJK}]|[^\\W_{_CJK}]++")
#: Full-width punctuation and the ideographic space: NFKC makes each one ASCII punctuation or
#: a space (never part of a token, never composed with a neighbour), so a space in its place
#: yields the same tokens. (Not U+FF65 `･`: NFKC makes it `・`, which is a token.)
_WIDE_PUNCTUATION = re.compile("[\u3000\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff64]")


def normalized(text: str) -> str:
    """NFKC and case-folded, up to punctuation: full-width punctuation becomes a space first,
    after which most texts need no normalizing at all (checking is 30x cheaper than doing)."""
    text = _WIDE_PUNCTUATION.sub(" ", text)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return text.casefold()


def tokens(text: str) -> list[str]:
    """CJK characters one by one, other words whole; NFKC and case-folded."""
    return _TOKEN.findall(normalized(text))


def shingles(text: str, size: int = SHINGLE_SIZE) -> set[str]:
    """The set of runs of `size` consecutive tokens (the whole text when shorter), joined by
    U+001F: the set whose Jaccard similarity a signature estimates (signatures hash the same
    runs without joining them)."""
    found = tokens(text)
    if len(found) < size:
        return {"\x1f".join(found)} if found else set()
    return set(map("\x1f".join, zip(*(found[i:] for i in range(size)))))


def _hash(text: str) -> int:
    return zlib.crc32(text.encode("utf-8", "surrogatepass"))


@lru_cache(maxsize=1)
def _probe_orders() -> tuple[tuple[int, ...], ...]:
    """For each bin, the other bins in a fixed pseudo-random order (for densification)."""
    orders = []
    for i in range(NUM_HASHES):
        others = [j for j in range(NUM_HASHES) if j != i]
        others.sort(key=lambda j: _hash(f"probe {i} {j}"))
        orders.append(tuple(others))
    return tuple(orders)


#: The CRC-32 of each token seen so far: the posts of a site share most of their tokens, so
#: a post's are mostly found here. Emptied when it outgrows `_TOKEN_CRCS_MAX` (~2 MB).
_TOKEN_CRCS: dict[str, int] = {}
_TOKEN_CRCS_MAX = 1 << 14


def token_ids(found: Sequence[str]) -> list[int]:
    """The CRC-32 of each token's UTF-8, in order."""
    crcs = _TOKEN_CRCS
    try:
        return list(map(crcs.__getitem__, found))
    except KeyError:
        if len(crcs) > _TOKEN_CRCS_MAX:
            crcs.clear()
        new = set(found).difference(crcs)
        crcs.update(zip(new, map(zlib.crc32, map(str.encode, new, repeat("utf-8"), repeat("surrogatepass")))))
        return list(map(crcs.__getitem__, found))


#: A token of letters and digits (not CJK), captured: `split` yields the text between them too.
_WORD = re.compile(f"([^\\W_{_CJK}]++)")
_CJK_CHAR = re.compile(f"[{_CJK}]")
#: A run of characters beyond ASCII, captured: `split` yields the ASCII text between them too.
_BEYOND_ASCII = re.compile("([^\x00-\x7f]+)")
#: ASCII letters and digits as they are, any other byte a space: `split` then gives the words.
_ASCII_WORDS = bytes(code if chr(code).isalnum() else 32 for code in range(128)) + b" " * 128


class _CharCrcs(dict[int, int]):
    """By code point: a CJK character's CRC-32 (never 0), 0 for a character that is no token."""

    def __missing__(self, code: int) -> int:
        if len(self) > _TOKEN_CRCS_MAX:
            self.clear()
        char = chr(code)
        value = self[code] = _hash(char) if _CJK_CHAR.match(char) else 0
        return value


class _AsciiCrcs(dict[bytes, int]):
    """The CRC-32 of each ASCII word (as bytes) seen so far."""

    def __missing__(self, word: bytes) -> int:
        if len(self) > _TOKEN_CRCS_MAX:
            self.clear()
        value = self[word] = zlib.crc32(word)
        return value


_CHAR_CRCS = _CharCrcs()
_ASCII_CRCS = _AsciiCrcs()
_CODE_POINTS = f"utf-32-{sys.byteorder[0]}e"  # what array("I") reads: 4 bytes, native order


def text_ids(text: str) -> list[int]:
    """`token_ids(tokens(text))`, without a string per token where it can (`findall` makes
    one, and that is most of its time): `_cjk_text_ids` for mostly CJK text, else
    `_ascii_text_ids` unless a word has a letter beyond ASCII."""
    text = normalized(text)
    if len(text.encode("utf-8", "surrogatepass")) >= 2 * len(text):  # over half CJK (3 bytes each)
        return _cjk_text_ids(text)
    found = _ascii_text_ids(text)
    return token_ids(_TOKEN.findall(text)) if found is None else found


def _cjk_ids(text: str) -> Iterator[int]:
    """The ids of the CJK characters of a text without words, by code point."""
    return filter(None, map(_CHAR_CRCS.__getitem__, array("I", text.encode(_CODE_POINTS, "surrogatepass"))))


def _cjk_text_ids(text: str) -> list[int]:
    """The ids of a normalized text's tokens: its few words split out, the CJK characters
    between them looked up by code point."""
    pieces = _WORD.split(text)  # text between words, a word, ..., text between words
    ids: list[int] = []
    for between, word in zip(pieces[::2], token_ids(pieces[1::2])):
        ids += _cjk_ids(between)
        ids.append(word)
    ids += _cjk_ids(pieces[-1])
    return ids


def _ascii_text_ids(text: str) -> list[int] | None:
    """The ids of a normalized text's tokens: the words of its ASCII stretches found by
    bytes, the CJK characters of the stretches between them by code point. None when a
    character beyond ASCII is a letter or digit but not CJK (part of a word)."""
    pieces = _BEYOND_ASCII.split(text)  # ASCII, beyond ASCII, ..., ASCII
    words = _ASCII_CRCS.__getitem__
    ids = list(map(words, pieces[0].encode("ascii").translate(_ASCII_WORDS).split()))
    for beyond, ascii_text in zip(pieces[1::2], pieces[2::2]):
        if _WORD.search(beyond):
            return None
        ids += _cjk_ids(beyond)
        ids += map(words, ascii_text.encode("ascii").translate(_ASCII_WORDS).split())
    return ids


def shingle_hashes(ids: Sequence[int], size: int = SHINGLE_SIZE) -> Iterable[int]:
    """A 64-bit hash of each run of `size` consecutive token ids (of the whole list when shorter)."""
    if len(ids) < size:
        return [hash(tuple(ids))] if ids else []
    return map(hash, zip(*(ids[i:] for i in range(size))))


def signature(ids: Sequence[int]) -> bytes | None:
    """The MinHash signature of a text's token ids (of their shingles), packed in 4 bytes per
    bin; None when there is no token."""
    smallest = [_EMPTY] * NUM_HASHES
    for value in shingle_hashes(ids):  # the one loop over every shingle: keep it bare
        index = value & _BIN_MASK
        if value < smallest[index]:
            smallest[index] = value
    if all(value == _EMPTY for value in smallest):
        return None
    # a bin's value: the 32 bits above the bin's index (its low 7 bits are the index itself)
    values = [(value >> _BIN_BITS) & 0xFFFFFFFF if value != _EMPTY else None for value in smallest]
    orders = _probe_orders()
    filled = [
        value if value is not None else next(v for j in orders[i] if (v := values[j]) is not None)
        for i, value in enumerate(values)
    ]
    return struct.pack(_FORMAT, *filled)


def text_signature(text: str) -> bytes | None:
    return signature(text_ids(text))


def similarity(first: bytes | bytearray, second: bytes | bytearray) -> float:
    """Estimated Jaccard similarity: the share of bins where the two signatures agree."""
    return _agreement(int.from_bytes(first, "little") ^ int.from_bytes(second, "little"))


def _agreement(lanes: int) -> float:
    """The share of zero 32-bit lanes in the XOR of two signatures read as 4096-bit integers:
    each lane is folded onto its lowest bit and the lanes left non-zero are counted (about 3x
    faster than unpacking)."""
    for shift in (16, 8, 4, 2, 1):  # 31 in all: no bit crosses into the lane below
        lanes |= lanes >> shift
    return (NUM_HASHES - (lanes & _LANE_LOW_BITS).bit_count()) / NUM_HASHES


def band_rows(threshold: float, recall: float = 0.98) -> int:
    """Rows per band: the most (fewest false candidates) that still finds a pair of
    similarity `threshold` with probability >= `recall`: 1 - (1 - t**r) ** (n // r)."""
    best = 1
    for rows in range(1, NUM_HASHES + 1):
        bands = NUM_HASHES // rows
        if 1 - (1 - threshold**rows) ** bands >= recall:
            best = rows
    return best


def similar_pairs(
    signatures: Sequence[bytes | None], threshold: float, max_bucket: int = 64
) -> Iterator[tuple[int, int, float]]:
    """(i, j, estimated similarity) of the pairs of signatures at or above `threshold`, from
    the LSH candidates (see `candidate_pairs`)."""
    for i, j, score in _pairs(_Table(signatures), band_rows(threshold), max_bucket):
        if score >= threshold:
            yield i, j, score


def candidate_pairs(
    signatures: Sequence[bytes | None], rows: int, max_bucket: int = 64
) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) whose signatures share at least one band of `rows` values, each
    pair once, in the first band they share.

    `signatures` may be a lazy sequence that decodes each one as it is asked for. Every
    signature is read for a 32-bit hash of each band (72 bytes a signature at 0.8); beyond
    `KEEP_ALL` signatures, only those that share a band's hash with another are read again,
    into one block: memory holds no signature of a post without a twin, and no bucket but one
    band's. In a bucket larger than `max_bucket` (a mass of identical texts), each member is
    paired with the first `max_bucket` members only, which keeps the work linear and still
    pairs every member with some of its duplicates.
    """
    return ((i, j) for i, j, _ in _pairs(_Table(signatures), rows, max_bucket))


#: Up to this many signatures (8 MB), all are kept as they are first read: a site this small
#: does not need the second read of `candidate_pairs`, which would cost more than it saves.
KEEP_ALL = 16_384


class _Table:
    """Signatures kept in one growing block (40,000 of them as bytes objects were 22 MB in
    40,000 pieces, which the allocator did not give back): all of them as they are first read
    on a small site, else each one read again from `source` on first use."""

    def __init__(self, source: Sequence[bytes | None]) -> None:
        self.source = source
        self.keep_all = len(source) <= KEEP_ALL
        self._rows = array("l", [-1]) * len(source)
        self._data = bytearray()

    def keep(self, index: int, signature: bytes) -> None:
        self._rows[index] = len(self._data) // SIGNATURE_BYTES
        self._data += signature

    def __getitem__(self, index: int) -> bytearray:
        if self._rows[index] < 0:
            signature = self.source[index]
            if signature is None or len(signature) != SIGNATURE_BYTES:
                raise ValueError(f"signature {index} changed between two reads")
            self.keep(index, signature)
        start = self._rows[index] * SIGNATURE_BYTES
        return self._data[start : start + SIGNATURE_BYTES]


def _pairs(table: _Table, rows: int, max_bucket: int) -> Iterator[tuple[int, int, float]]:
    """The candidate pairs (i < j), each with its estimated similarity."""
    width, bands = 4 * rows, NUM_HASHES // rows
    owners, band_hashes = array("L"), array("I")  # a band's hash, cut to 4 bytes
    for index, signature in enumerate(table.source):
        if signature is not None:
            if len(signature) != SIGNATURE_BYTES:
                raise ValueError(f"a signature has {SIGNATURE_BYTES} bytes, not {len(signature)}")
            band_hashes.extend([hash(bytes(signature[start : start + width])) & 0xFFFFFFFF for start in range(0, bands * width, width)])
            owners.append(index)
            if table.keep_all:
                table.keep(index, signature)
    for band in range(bands):
        hashes = band_hashes[band::bands]
        order = sorted(range(len(hashes)), key=hashes.__getitem__)
        for _, run in groupby(order, key=hashes.__getitem__):
            numbers = [owners[position] for position in run]
            if len(numbers) > 1:
                yield from _bucket_pairs(table, numbers, band * width, width, max_bucket)


def _bucket_pairs(
    table: _Table, numbers: list[int], start: int, width: int, max_bucket: int
) -> Iterator[tuple[int, int, float]]:
    """The new pairs among signatures whose band at `start` has one hash (in index order)."""
    buckets: dict[bytes, list[int]] = {}  # by the band itself: two bands may share a hash
    for number in numbers:
        buckets.setdefault(bytes(table[number][start : start + width]), []).append(number)
    for members in buckets.values():
        # each member is paired with the first `max_bucket` ones: (index, earlier bands, as an integer)
        firsts = [_parts(i, table[i], start) for i in members[:max_bucket]]
        for position, j in enumerate(members):
            _, second, value = _parts(j, table[j], start)
            for i, first, other in firsts[: min(position, max_bucket)]:
                if not any(first[k : k + width] == second[k : k + width] for k in range(0, start, width)):
                    yield i, j, _agreement(other ^ value)


def _parts(index: int, signature: bytearray, start: int) -> tuple[int, bytearray, int]:
    return index, signature[:start], int.from_bytes(signature, "little")
