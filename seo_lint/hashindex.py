"""A compact `str -> int` map for site rules, whose indexes hold an entry per page or URL.

A dict of 200,000 strings (a 40,000-post site's paths and URLs) takes ~30 MB, and the
allocator keeps much of it after the dict is gone; `HashIndex` keeps each key as its 64-bit
hash in one flat array, the values in another (open addressing, linear probing, at most
half full): 24 bytes an entry at most, in two blocks given back whole.

Keys are compared by hash only. Python's string hash is salted per process, which is fine
for a map that lives in one process; two different keys with the same 64-bit hash would
share an entry: for a site of 200,000 keys and as many lookups, about one chance in 10^9.
"""

from __future__ import annotations

from array import array

_FREE = -1  # a free slot's value (values are >= 0)


class HashIndex:
    """`str -> int`, values 0 to 2**31 - 1."""

    def __init__(self) -> None:
        self._keys = array("q", bytes(8 * 16))
        self._values = array("i", [_FREE]) * 16
        self._mask = 15
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def get(self, key: str) -> int | None:
        value = self._values[self._slot(hash(key))]
        return None if value == _FREE else value

    def setdefault(self, key: str, value: int) -> None:
        """Map `key` to `value` unless it is mapped already."""
        self._put(hash(key), value, replace=False)

    def __setitem__(self, key: str, value: int) -> None:
        self._put(hash(key), value, replace=True)

    def add(self, key: str) -> None:
        """As a set: `key in index` is true from now on."""
        self.setdefault(key, 0)

    def _slot(self, code: int) -> int:
        """The slot holding `code`, else the free slot where it would go."""
        keys, values, mask = self._keys, self._values, self._mask
        slot = code & mask
        while values[slot] != _FREE and keys[slot] != code:
            slot = (slot + 1) & mask
        return slot

    def _put(self, code: int, value: int, replace: bool) -> None:
        slot = self._slot(code)
        if self._values[slot] != _FREE:
            if replace:
                self._values[slot] = value
            return
        self._keys[slot], self._values[slot] = code, value
        self._size += 1
        if 2 * self._size > self._mask:
            self._grow()

    def _grow(self) -> None:
        keys, values = self._keys, self._values
        size = 2 * len(keys)
        self._keys, self._values = array("q", bytes(8 * size)), array("i", [_FREE]) * size
        self._mask, self._size = size - 1, 0
        for code, value in zip(keys, values):
            if value != _FREE:
                self._put(code, value, replace=False)
