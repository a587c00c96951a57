"""The human report: findings grouped by file, the source line with a caret, a summary.

```
_posts/2025-01-10-hello.md
  3:8  FM001  unclosed quoted string  [front-matter-syntax]
    3 | title: "Hello
      |        ^^^^^^

Found 1 problem (1 error) in 1 file (9 files checked).
```

Columns count code points; the caret is placed in terminal cells, where a full-width (CJK)
character takes two cells. A long line (a Japanese paragraph is often one line) is cut to a
window around the span, marked with `...`. With `color` off the output is plain text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from itertools import groupby
from operator import attrgetter
from typing import TextIO

from rich.color import ColorSystem
from rich.console import Console
from rich.segment import Segment
from rich.text import Text

from seo_lint.findings import Finding, Severity
from seo_lint.reporters import ReportContext, reporter
from seo_lint.reporters._common import fix_counts, plural, statistics, statistics_lines, visible

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
TAB = "    "
#: Widest source line shown, in cells, and how much of it may precede the span.
MAX_CELLS = 120
LEFT_CONTEXT = 40
ELLIPSIS = "..."


def console(out: TextIO, color: bool) -> Console:
    """A console that never wraps, reads no environment, and colours only when asked."""
    return Console(
        file=out,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        width=1_000_000,
        soft_wrap=True,
        emoji=False,
        highlight=False,
        markup=False,
        legacy_windows=False,
        force_jupyter=False,
        force_interactive=False,
    )


@lru_cache(maxsize=4096)
def cells(char: str) -> int:
    """Terminal cells one character takes: 2 for full-width, 0 for combining and format marks."""
    if unicodedata.east_asian_width(char) in ("F", "W"):
        return 2
    if unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 1


def _pieces(line: str) -> list[str]:
    """What each character of `line` is drawn as (tabs expanded, controls escaped)."""
    if line.isprintable():
        return list(line)
    return [TAB if char == "\t" else visible(char) for char in line]


def snippet(line: str, column: int, end_column: int | None) -> tuple[str, int, int]:
    """(source line as shown, cells before the caret, caret length) for a span on `line`.

    `column` is 1-based in code points; `end_column` None means "to the end of the line".
    """
    pieces = _pieces(line)
    widths = [sum(cells(c) for c in piece) for piece in pieces]
    start = max(0, min(column - 1, len(pieces)))
    end = len(pieces) if end_column is None else max(start, min(end_column - 1, len(pieces)))
    left, right = 0, len(pieces)
    if sum(widths) > MAX_CELLS:
        budget = LEFT_CONTEXT
        left = start
        while left > 0 and widths[left - 1] <= budget:
            budget -= widths[left - 1]
            left -= 1
        right, used = left, 0
        while right < len(pieces) and used + widths[right] <= MAX_CELLS:
            used += widths[right]
            right += 1
    prefix = ELLIPSIS if left > 0 else ""
    suffix = ELLIPSIS if right < len(pieces) else ""
    shown = prefix + "".join(pieces[left:right]) + suffix
    pad = len(prefix) + sum(widths[left:start])
    caret = max(1, sum(widths[start : min(end, right)]))
    return shown, pad, caret


def styled(text: str, style: str) -> Text:
    """A line whose style is on its characters (a base style would be lost when rendering)."""
    return Text().append(text, style=style)


def _lines(source: str) -> list[str]:
    return [line.removesuffix("\r") for line in source.split("\n")]


class Tally:
    """What the summary line needs, counted file by file as the findings stream past."""

    def __init__(self, unsafe_fixes: bool) -> None:
        self.unsafe_fixes = unsafe_fixes
        self.counts = dict.fromkeys(Severity, 0)
        self.total = self.files = self.fixable = self.unsafe = 0

    def add(self, group: list[Finding]) -> None:
        """One file's findings."""
        for finding in group:
            self.counts[finding.severity] += 1
        self.total += len(group)
        self.files += 1
        fixable, unsafe = fix_counts(group, self.unsafe_fixes)
        self.fixable += fixable
        self.unsafe += unsafe


def _summary(tally: Tally, context: ReportContext) -> list[Text]:
    lines: list[Text] = []
    if context.fixed:
        lines.append(styled(f"Fixed {plural(context.fixed, 'problem')}.", "green"))
    if not tally.total:
        lines.append(
            styled(f"All checked! ({plural(context.files_checked, 'file')})", "bold green")
        )
        return lines
    counts = tally.counts
    parts = [
        plural(counts[s], s.value)
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if counts[s]
    ]
    checked = f" ({plural(context.files_checked, 'file')} checked)" if context.files_checked else ""
    found = f"Found {plural(tally.total, 'problem')} ({', '.join(parts)}) in {plural(tally.files, 'file')}{checked}."
    lines.append(styled(found, "bold"))
    if context.show_fix_hint:
        fixable, unsafe = tally.fixable, tally.unsafe
        if fixable and unsafe:
            lines.append(Text(f"{fixable} fixable with --fix, {unsafe} more with --unsafe-fixes."))
        elif fixable:
            lines.append(Text(f"{fixable} fixable with --fix."))
        elif unsafe:
            lines.append(Text(f"{unsafe} fixable with --fix --unsafe-fixes."))
    return lines


def _file(path: str, group: list[Finding], source: str | None) -> list[Text]:
    lines = [styled(visible(path), "bold underline")]
    source_lines = _lines(source) if source is not None else None
    locations = [f"{f.line}:{f.column}" for f in group]
    loc_width = max(map(len, locations))
    code_width = max(len(f.code) for f in group)
    gutter = len(str(max(f.line for f in group)))
    for finding, location in zip(group, locations):
        style = STYLES[finding.severity]
        row = Text("  ")
        row.append(location, style="dim")
        row.append(" " * (loc_width - len(location) + 2))
        row.append(finding.code, style=style)
        row.append(" " * (code_width - len(finding.code)) + f"  {visible(finding.message)}  ")
        row.append(f"[{finding.name}]", style="dim")
        lines.append(row)
        if source_lines is None or not 1 <= finding.line <= len(source_lines):
            continue
        end_column = finding.end_column if finding.end_line == finding.line else None
        shown, pad, caret = snippet(source_lines[finding.line - 1], finding.column, end_column)
        code_row = Text("    ").append(f"{finding.line:>{gutter}} |", style="blue")
        if shown:
            code_row.append(" " + shown)
        caret_row = Text(" " * (4 + gutter + 1)).append("|", style="blue")
        caret_row.append(" " * (pad + 1)).append("^" * caret, style=style)
        lines += [code_row, caret_row]
    return lines


def _emit(lines: list[Text], out: TextIO, screen: Console | None) -> None:
    """Plain text (no `screen`) is written as is; colour is rendered by rich (segment by
    segment, which is what `Console.print` does for a line that never wraps, three times
    faster)."""
    if screen is None:
        out.writelines(line.plain + "\n" for line in lines)
        return
    out.writelines(
        "".join(_ansi(segment) for segment in line.render(screen)) + "\n" for line in lines
    )


def _ansi(segment: Segment) -> str:
    style = segment.style
    return style.render(segment.text, color_system=ColorSystem.STANDARD) if style else segment.text


@reporter("text")
def text(findings: Iterable[Finding], out: TextIO, context: ReportContext) -> None:
    """Written file by file as the findings arrive (sorted by path): memory holds one file's."""
    screen = console(out, context.color) if context.color else None
    tally = Tally(context.unsafe_fixes)
    if context.statistics:
        rows = statistics_lines(statistics(findings, context.unsafe_fixes))
        _emit([Text(row) for row in rows] or _summary(tally, context), out, screen)
        return
    for path, grouped in groupby(findings, key=attrgetter("path")):
        group = list(grouped)
        tally.add(group)
        _emit([*_file(path, group, context.sources.get(path)), Text()], out, screen)
    _emit(_summary(tally, context), out, screen)
