"""Offset → (line, column) conversion. Lines and columns are 1-based; columns count code points."""

from __future__ import annotations

from bisect import bisect_right


class LineIndex:
    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts
        self._length = len(text)

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code point offset, clamped to the text."""
        offset = max(0, min(offset, self._length))
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def line_start(self, line: int) -> int:
        return self._starts[max(1, min(line, len(self._starts))) - 1]

    def line_end(self, line: int, text: str) -> int:
        """Offset of the end of `line`, excluding its line break."""
        end = self._starts[line] - 1 if line < len(self._starts) else self._length
        if end > 0 and end <= self._length and text[end - 1 : end] == "\r":
            end -= 1
        return max(end, self.line_start(line))
