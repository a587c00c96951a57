"""Bytes → Document: decoding, with every encoding problem kept as a LoadProblem.

Invalid UTF-8 is reported (FILE001) at its line and column and replaced, so the rest of
the post is still linted; such a file is never rewritten by a fix. Binary data (NUL bytes)
and UTF-16 are reported and not linted further.
"""

from __future__ import annotations

import codecs

from seo_lint.document import Document, DocumentSettings, LoadProblem

DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024


def document_from_bytes(
    path: str, data: bytes, settings: DocumentSettings | None = None, max_size: int = DEFAULT_MAX_FILE_SIZE
) -> Document:
    if len(data) > max_size:
        problem = LoadProblem("FILE002", too_large(len(data), max_size), 0, False)
        return Document(path, "", settings, load_problem=problem)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        problem = LoadProblem("FILE001", "file is UTF-16 (byte order mark); seo-lint reads UTF-8 only", 0, False)
        return Document(path, "", settings, load_problem=problem)
    nul = data.find(b"\x00")
    if nul != -1:
        source = data[:nul].decode("utf-8", "replace")
        problem = LoadProblem("FILE001", f"binary data: NUL byte at byte {nul:,}; not linted", len(source), False)
        return Document(path, source, settings, load_problem=problem)
    try:
        return Document(path, data.decode("utf-8"), settings)
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 4].hex(" ")
        source = data.decode("utf-8", "replace")
        offset = len(data[: error.start].decode("utf-8", "replace"))
        problem = LoadProblem(
            "FILE001", f"invalid UTF-8 (bytes {bad}); decoded with replacement characters", offset, True
        )
        return Document(path, source, settings, load_problem=problem)


def too_large(size: int, max_size: int) -> str:
    return f"file is {size:,} bytes (max-file-size is {max_size:,}); not linted"


def unreadable(path: str, reason: str, settings: DocumentSettings | None = None) -> Document:
    """A Document standing for a file that could not be read at all."""
    return Document(path, "", settings, load_problem=LoadProblem("FILE002", reason, 0, False))
