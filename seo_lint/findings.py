"""Findings, fixes and severities: the values that flow from rules to reporters.

Offsets in this module are code point offsets into `Document.source` (the decoded text,
line endings untouched). A fix is only ever applied to a file that decoded cleanly, so
re-encoding the edited text changes no byte outside the edits.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class FixAvailability(str, enum.Enum):
    """Whether a rule can offer a fix (shown in --list-rules and the catalogue)."""

    NEVER = "never"
    SOMETIMES = "sometimes"
    ALWAYS = "always"


class FixSafety(str, enum.Enum):
    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True)
class Edit:
    """Replace source[start:end] with `replacement` (code point offsets)."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    edits: tuple[Edit, ...]
    safety: FixSafety = FixSafety.SAFE
    description: str = ""

    @classmethod
    def replace(
        cls, start: int, end: int, text: str, safety: FixSafety = FixSafety.SAFE, description: str = ""
    ) -> Fix:
        return cls((Edit(start, end, text),), safety, description)


@dataclass(frozen=True)
class Violation:
    """What a rule yields: a span in the document, a message and an optional fix.

    The engine turns it into a `Finding` by adding the path, the rule's identity,
    the configured severity and line/column positions.
    """

    start: int
    end: int
    message: str
    fix: Fix | None = None
    #: A rule may lower or raise one finding's severity (e.g. a future date is info);
    #: a severity set in the configuration still wins.
    severity: Severity | None = None


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: Severity
    message: str
    fix: Fix | None = field(default=None, compare=False)
    # Code point offsets into the source, kept for fixes and carets; -1 when not known.
    start: int = field(default=-1, compare=False)
    end: int = field(default=-1, compare=False)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "fix": None,
        }
        if self.fix is not None:
            data["fix"] = {
                "safety": self.fix.safety.value,
                "description": self.fix.description,
                "edits": [
                    {"start": e.start, "end": e.end, "replacement": e.replacement}
                    for e in self.fix.edits
                ],
            }
        return data
