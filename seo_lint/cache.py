"""The result cache: `.seo-lint-cache/` next to the config (or the site), one file per tool version.

An entry is stored per file (by absolute path) with the hash of the file's bytes and a key of
everything that decides its findings (`Resolver.input_key`: the command line and the bytes of
the config files, of the schemas they name and of the generator's config). It is used only
when both match. To know the bytes did not change without reading them, an entry also keeps
the file's stat signature (size, mtime, ctime, inode, device), as git's index does: when the
file's stat is exactly that, its content hash is taken as unchanged; when anything differs,
the file is read and hashed. A signature is only recorded for a file whose mtime and ctime
are older than `RACY_NS` before it was looked at, so that a write in the same clock tick as
the one recorded cannot go unseen (git's "racily clean" entries); `touch -d` / `utime` cannot
forge a ctime. The tool itself is part of the key: the version, the Python version, the size
and modification time of every module of the package, and the modification times of the
folders packages are installed in (a plugin's rules come from an installed distribution), so
that upgrading or editing seo-lint starts a new cache.

Format: one file, `cache.bin`: a JSON header (tool key, and per entry its key, hashes, stat
signature, expiry and payload size) on the first line, then the payloads: memory holds the
index, a payload is read from the file when it is wanted (see `Ref`), and what a run adds is
written at once to a temporary file (`save` copies both into the new cache). A file's result
(`encode_record`) is plain JSON arrays, read back without an object hook; summaries are a
tagged JSON that can only
hold plain values, findings and summaries (see `encode`), so reading a cache file found in a
repository cannot construct arbitrary objects. A missing, corrupt, foreign or unreadable cache
is an empty cache; it is rebuilt by the next write. Writes are atomic (temporary file +
rename), and entries of files that no longer exist are dropped at each write, so the cache
stays the size of the site.
"""

from __future__ import annotations

import base64
import dataclasses
import enum
import hashlib
import json
import os
import sys
import tempfile
import weakref
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from seo_lint import __version__

if TYPE_CHECKING:
    from seo_lint.registry import Summary

Blob = bytes | memoryview  # memoryview: a slice of the cache file as read
_PLAIN = json.JSONDecoder()  # for what holds no tagged value: headers

DIRECTORY = ".seo-lint-cache"
FILE = "cache.bin"
FORMAT = 4
#: A stat signature is recorded only for files last changed this long before they were looked at.
RACY_NS = 2_000_000_000
#: New stat signatures of unchanged files that make the cache worth rewriting (or 1 % of its entries).
SIGNATURES_WORTH_SAVING = 16
_README = "# Created by seo-lint: a cache of lint results, safe to delete.\n"
_CACHEDIR_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by seo-lint.\n"

@cache
def tool_key() -> str:
    """seo-lint's version, the Python version, and a fingerprint of the installed package and
    of what is installed next to it (read from the file system: no rule is imported)."""
    import sysconfig

    package = Path(__file__).parent
    parts = [__version__, sys.version.split()[0], str(FORMAT)]
    for folder, folders, files in os.walk(package):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".json")):
                info = os.stat(os.path.join(folder, name))
                parts.append(f"{os.path.relpath(os.path.join(folder, name), package)}:{info.st_size}:{info.st_mtime_ns}")
    paths = sysconfig.get_paths()
    for folder in sorted({paths["purelib"], paths["platlib"]}):
        try:
            parts.append(f"{folder}:{os.stat(folder).st_mtime_ns}")
        except OSError:
            parts.append(f"{folder}:-")
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def fingerprint(value: Any) -> str:
    """A stable hash of a configuration value (dataclasses, pydantic models, rules, mappings)."""
    text = json.dumps(_plain(value), sort_keys=True, default=repr, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _plain(value: Any) -> Any:
    from pydantic import BaseModel

    from seo_lint.registry import Rule

    if isinstance(value, Rule):
        return {"rule": value.code, "module": value.module, "check": getattr(value.check, "__qualname__", "")}
    if isinstance(value, BaseModel):
        return {"model": type(value).__qualname__, "values": value.model_dump(mode="json")}
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {"class": type(value).__qualname__,
                **{f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(item) for item in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return repr(value)


# --- payloads: a tagged JSON, so that reading a cache can never construct arbitrary objects ---
#
# Scalars and lists are themselves; every other value is a one-key JSON object that says what
# it is: {"t": [...]} tuple, {"d": [k, v, k, v, ...]} dict, {"b": "base64"} bytes, {"s": [...]}
# set, {"z": [...]} frozenset, {"F": [...]} Finding, {"X": [...]} Fix, {"E": [...]} Edit,
# {"S": [path, data]} Summary. Reading is json.loads with an object_pairs_hook (in C but for
# the hook). Anything else cannot be stored: `encode` raises ValueError.


def encode(value: Any) -> bytes:
    """`value` as bytes; ValueError when it holds a type the cache does not know."""
    return json.dumps(_encode(value), ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def decode(data: bytes | memoryview) -> Any:
    """The value `encode` wrote; ValueError (or another error) for anything else."""
    text = (data.tobytes() if isinstance(data, memoryview) else data).decode("utf-8", "surrogatepass")
    return _tagged_decoder().decode(text)


@cache
def _tagged_decoder() -> json.JSONDecoder:
    """One decoder for every read (json.loads with a hook builds a new one each call)."""
    return json.JSONDecoder(object_pairs_hook=hook)


def pack_summary(summary: Any) -> bytes:
    """A summary as bytes: a JSON header (path, and each key with the size of its value),
    then each value encoded and compressed on its own, so that one key can be read without
    the others. A tenth of the memory of the objects; what the cache stores. ValueError for a
    value the cache cannot hold."""
    parts = [_squeeze(encode(value)) for value in summary.data.values()]
    header = encode([summary.path, [[key, len(part)] for key, part in zip(summary.data, parts)]])
    return len(header).to_bytes(4, "big") + header + b"".join(parts)


def _squeeze(data: bytes) -> bytes:
    """`z` + zlib for values worth it, `j` + the JSON itself for the others: under 1 KB,
    compressing (and decompressing at each read) costs more time than the bytes it saves are
    worth (a MinHash signature, base64 of random bytes, shrinks by 18 %)."""
    return b"z" + zlib.compress(data, 1) if len(data) > 1024 else b"j" + data


def _unsqueeze(data: bytes | memoryview) -> bytes | memoryview:
    marker = data[:1]
    if marker == b"z":
        return zlib.decompress(data[1:])
    if marker == b"j":
        return data[1:]
    raise ValueError("bad summary value")


def unpack_summary(blob: bytes | memoryview) -> Any:
    """A Summary whose data decodes each value when a site rule reads it (see `LazyData`);
    ValueError or TypeError for a damaged blob."""
    from seo_lint.registry import Summary

    path, spans = _header(blob)
    return Summary(path, LazyData(blob, spans))  # type: ignore[arg-type]


def lazy_summary(path: str, blob: Blob | Callable[[], Blob]) -> Summary:
    """The Summary of file `path` from its packed bytes, or from a function that reads them
    (from a temporary file) each time a value is wanted: nothing is read until then."""
    from seo_lint.registry import Summary

    return Summary(path, LazyData(blob))  # type: ignore[arg-type]  # a read-only Mapping


def _header(blob: Blob) -> tuple[str, dict[str, tuple[int, int]]]:
    """(path, where each key's value is) of a packed summary."""
    size = int.from_bytes(blob[:4], "big")
    if len(blob) < 4 + size:
        raise ValueError("bad summary")
    head = blob[4 : 4 + size]
    path, keys = _PLAIN.decode((head.tobytes() if isinstance(head, memoryview) else head).decode("utf-8", "surrogatepass"))
    if not isinstance(path, str) or not isinstance(keys, list):
        raise TypeError("bad summary")
    spans: dict[str, tuple[int, int]] = {}
    position = 4 + size
    for key, size in keys:
        spans[key] = (position, position + size)
        position += size
    if position != len(blob):
        raise ValueError("bad summary")
    return path, spans


class LazyData(Mapping[str, Any]):
    """A summary's data, read-only, decoded key by key on first use. The blob is the bytes
    themselves or a function that reads them (from a temporary file); its header is read on
    first use too, and a damaged one reads as no data (site rules cope with missing keys)."""

    def __init__(self, blob: Blob | Callable[[], Blob], spans: dict[str, tuple[int, int]] | None = None) -> None:
        self._blob = blob
        self._spans_read = spans
        self._decoded: dict[str, Any] = {}
        self._held: Blob | None = None  # bytes read for the header, for the values read next

    @property
    def _spans(self) -> dict[str, tuple[int, int]]:
        if self._spans_read is None:
            try:
                self._held = self._bytes()
                self._spans_read = _header(self._held)[1]
            except Exception:  # noqa: BLE001 - damaged
                self._spans_read = {}
        return self._spans_read

    def _bytes(self) -> Blob:
        return self._blob() if callable(self._blob) else self._blob

    def __getitem__(self, key: str) -> Any:
        try:
            return self._decoded[key]
        except KeyError:
            start, end = self._spans[key]  # KeyError for a key that is not there, as a dict
        blob = self._held if self._held is not None else self._bytes()
        value = self._decoded[key] = decode(_unsqueeze(blob[start:end]))
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)

    def __contains__(self, key: object) -> bool:
        return key in self._spans


def to_json(value: Any) -> Any:
    """`value` as a JSON-ready structure (what `encode` writes, before serialising)."""
    return _encode(value)


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _encode(value: Any) -> Any:
    kind = type(value)
    if value is None or kind in _SCALARS:
        return value
    if kind is list:
        return [item if type(item) in _SCALARS else _encode(item) for item in value]
    if kind is tuple:
        return {"t": [item if type(item) in _SCALARS else _encode(item) for item in value]}
    if kind is dict:
        return {"d": [part for key, item in value.items() for part in (_encode(key), _encode(item))]}
    if kind is bytes:
        return {"b": base64.b64encode(value).decode("ascii")}
    if kind is set or kind is frozenset:
        return {"s" if kind is set else "z": sorted((_encode(item) for item in value), key=repr)}
    return _encode_object(value)


def _encode_object(value: Any) -> Any:
    from seo_lint.findings import Edit, Finding, Fix
    from seo_lint.registry import Summary

    kind = type(value)
    if kind is Finding:
        return {"F": [value.path, value.line, value.column, value.end_line, value.end_column, value.code,
                      value.name, value.severity.value, value.message, _encode(value.fix), value.start, value.end]}
    if kind is Fix:
        return {"X": [[_encode(edit) for edit in value.edits], value.safety.value, value.description]}
    if kind is Edit:
        return {"E": [value.start, value.end, value.replacement]}
    if kind is Summary:
        return {"S": [value.path, _encode(value.data)]}
    raise ValueError(f"cannot cache a {kind.__qualname__}")


def hook(pairs: list[tuple[str, Any]]) -> Any:
    """json.loads' object_pairs_hook (20 % faster than an object hook: no dict is built): a
    tagged object (see above) to its value."""
    if len(pairs) != 1:
        raise ValueError("not a cache value")
    tag, value = pairs[0]
    if type(value) is list:  # the common tags first, without imports
        if tag == "t":
            return tuple(value)
        if tag == "d":
            return dict(zip(value[::2], value[1::2]))
    elif tag != "b":
        raise ValueError("not a cache value")
    return _rare_tag(tag, value)


def _rare_tag(tag: str, value: Any) -> Any:
    from seo_lint.findings import Edit, Finding, Fix, FixSafety, Severity
    from seo_lint.registry import Summary

    if tag == "b":
        return base64.b64decode(value, validate=True)
    if tag == "F":
        if value[9] is not None and not isinstance(value[9], Fix):
            raise ValueError("bad fix")
        return Finding(value[0], value[1], value[2], value[3], value[4], value[5], value[6], Severity(value[7]),
                       value[8], value[9], value[10], value[11])
    if tag == "X":
        if not all(isinstance(edit, Edit) for edit in value[0]):
            raise ValueError("bad edit")
        return Fix(tuple(value[0]), FixSafety(value[1]), value[2])
    if tag == "E":
        return Edit(value[0], value[1], value[2])
    if tag == "S":
        return Summary(value[0], value[1])
    if tag == "s":
        return set(value)
    if tag == "z":
        return frozenset(value)
    raise ValueError(f"unknown tag {tag!r}")


_SEVERITIES: dict[str, Any] = {}
_SAFETIES: dict[str, Any] = {}
_FIELDS: list[str] = []


def encode_findings(findings: list[Any]) -> list[Any]:
    """Findings of one file as rows of plain JSON values (the path is the file's)."""
    return [[f.line, f.column, f.end_line, f.end_column, f.code, f.name, f.severity.value, f.message,
             None if f.fix is None else [[[e.start, e.end, e.replacement] for e in f.fix.edits],
                                         f.fix.safety.value, f.fix.description],
             f.start, f.end] for f in findings]


def _decode_fix(value: Any) -> Any:
    from seo_lint.findings import Edit, Fix

    edits, safety, description = value
    if not isinstance(edits, list) or not isinstance(description, str):
        raise ValueError("bad fix")
    built = []
    for start, end, replacement in edits:
        if not (isinstance(start, int) and isinstance(end, int) and isinstance(replacement, str)):
            raise ValueError("bad edit")
        built.append(Edit(start, end, replacement))
    return Fix(tuple(built), _SAFETIES[safety], description)


def decode_findings(path: str, rows: list[Any]) -> list[Any]:
    """Findings of one file from `encode_findings` rows. Built as `dataclasses.replace` and
    pickling do, by setting the fields of a new instance (a frozen dataclass's __init__ sets
    them one `object.__setattr__` at a time: 2.5 times slower, and 17,000 findings a run)."""
    from seo_lint.findings import Finding, FixSafety, Severity

    if not _SEVERITIES:
        _SEVERITIES.update((s.value, s) for s in Severity)
        _SAFETIES.update((s.value, s) for s in FixSafety)
        _FIELDS.extend(field.name for field in dataclasses.fields(Finding))
    severities = _SEVERITIES
    fields = _FIELDS
    if len(fields) != 12:  # pragma: no cover - Finding changed: rebuild the slow way
        raise ValueError("unexpected Finding fields")
    new = object.__new__
    found = []
    for row in rows:
        if len(row) != 11 or not isinstance(row[0], int):
            raise ValueError("bad finding")
        fix = row[8]
        if fix is not None:
            fix = _decode_fix(fix)
        finding = new(Finding)
        finding.__dict__.update(zip(fields, (path, row[0], row[1], row[2], row[3], row[4], row[5],
                                             severities[row[6]], row[7], fix, row[9], row[10])))
        found.append(finding)
    return found


class Record:
    """One file's own result: what the report and the site pass need, not its text. Decoded
    on first use: `findings` (from their `encode_findings` rows: the site pass reads only the
    line numbers), `lines` (the lines findings point at; None: the file has no text; most
    formats never show a line)."""

    def __init__(self, fixable: bool, line_count: int, lines: dict[int, str] | None, findings: list[Any] | None,
                 raw_lines: bytes = b"", numbers: frozenset[int] | None = None, path: str = "",
                 rows: list[Any] | None = None) -> None:
        self.fixable = fixable
        self.line_count = line_count
        self._findings = findings
        self._path = path
        self._rows = rows
        self._lines = lines
        self._raw_lines = raw_lines
        self._numbers = numbers

    @property
    def findings(self) -> list[Any]:
        """ValueError for damaged rows."""
        if self._findings is None:
            self._findings = decode_findings(self._path, self._rows or [])
            self._rows = None
        return self._findings

    def rows(self) -> list[Any]:
        """The findings as `encode_findings` rows (not decoded when they were not)."""
        return encode_findings(self.findings) if self._rows is None else self._rows

    def has_lines(self, wanted: set[int]) -> bool:
        """Whether the lines `wanted` are kept (without decoding their text)."""
        if self._numbers is not None and self._raw_lines:
            return wanted <= self._numbers
        lines = self.lines
        return lines is not None and all(n in lines for n in wanted)

    @property
    def lines(self) -> dict[int, str] | None:
        if self._raw_lines:
            raw, self._raw_lines = self._raw_lines, b""
            try:
                pairs = json.loads(raw)
                self._lines = None if pairs is None else {int(n): str(text) for n, text in pairs}
            except (ValueError, TypeError):
                self._lines = None  # damaged: no source lines rather than a crash
        return self._lines


def encode_record(record: Record) -> bytes:
    """`[fixable, line count, finding rows, numbers of the lines kept]`, a line break, then the
    lines (JSON never writes a raw line break with these separators)."""
    lines = record.lines
    head = json.dumps([record.fixable, record.line_count, record.rows(),
                       None if lines is None else sorted(lines)], ensure_ascii=False, separators=(",", ":"))
    tail = json.dumps(None if lines is None else sorted(lines.items()), ensure_ascii=False, separators=(",", ":"))
    return f"{head}\n{tail}".encode("utf-8", "surrogatepass")


def decode_record(path: str, data: Blob) -> Record:
    """The record `encode_record` wrote (plain JSON, no object hook); an error for anything else
    (for damaged finding rows: when its `findings` are first read)."""
    raw = data.tobytes() if isinstance(data, memoryview) else data
    split = raw.index(b"\n")
    fixable, line_count, rows, numbers = json.loads(raw[:split])
    if not (isinstance(fixable, bool) and isinstance(line_count, int) and isinstance(rows, list)):
        raise ValueError("bad record")
    return Record(fixable, line_count, None, None, raw[split + 1 :] or b"null",
                  None if numbers is None else frozenset(numbers), path, rows)


def stat_signature(path: str) -> tuple[str, bool]:
    """(the file's stat signature, whether it may be recorded: not racily clean); ("", False)
    when it cannot be read."""
    import time

    try:
        info = os.stat(path)
    except OSError:
        return "", False
    now = time.time_ns()
    signature = f"{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}:{info.st_dev}"
    return signature, max(info.st_mtime_ns, info.st_ctime_ns) < now - RACY_NS


# --- the cache ---


@dataclasses.dataclass(frozen=True, slots=True)
class Ref:
    """`size` bytes at `offset` of an open file (the cache file read, or the entries this run
    wrote): read each time they are wanted, never kept."""

    handle: BinaryIO
    offset: int
    size: int

    def __len__(self) -> int:
        return self.size

    def read(self) -> bytes:
        self.handle.seek(self.offset)
        data = self.handle.read(self.size)
        if len(data) != self.size:
            raise ValueError("truncated cache file")
        return data

    def slice(self, start: int, size: int) -> Ref:
        """`size` bytes from `start` of these."""
        if start < 0 or size < 0 or start + size > self.size:
            raise ValueError("bad slice")
        return Ref(self.handle, self.offset + start, size)


Data = bytes | Ref


def read(data: Data | memoryview) -> bytes:
    """The bytes of `data`, read from its file when it is a `Ref`."""
    return data.read() if isinstance(data, Ref) else bytes(data)


def part(data: Data, start: int, size: int) -> Data:
    """`size` bytes from `start` of `data` (a `Ref` stays one: nothing is read); ValueError
    when they are not all there."""
    if isinstance(data, Ref):
        return data.slice(start, size)
    if start < 0 or size < 0 or start + size > len(data):
        raise ValueError("bad slice")
    return data[start : start + size]


Entry = tuple[str, str, Data, Data, str, float | None]
"""(content digest, configuration key, payload, summary, stat signature or "", expiry or None)"""

_CHUNK = 1 << 20


class Cache:
    """The entries of `cache.bin`: an index in memory, each payload and summary read from the
    file when it is wanted. What a run adds goes at once to a temporary file next to it (memory
    holds where), and `save` writes the new cache from both, a block at a time."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / FILE
        self.entries: dict[str, Entry] = {}
        self.extra: dict[str, Entry] = {}  # site results, by site root
        self.used: set[str] = set()
        self.dirty = False
        self.signatures_noted = 0  # stat signatures recorded by `note_signature` since the load
        self._pending: BinaryIO | None = None  # what this run added, until `save`
        self._pending_end = 0
        self._unlink_pending: weakref.finalize[Any, Any] | None = None

    @classmethod
    def open(cls, folder: Path) -> Cache:
        """The cache in `folder`; empty when missing, unreadable, corrupt or for another tool."""
        store = cls(folder)
        try:
            handle = open(store.path, "rb")  # noqa: SIM115 - kept open: entries are read from it
        except OSError:
            return store
        try:
            data = _read_index(handle)
        except Exception:  # noqa: BLE001 - anything wrong with the file: start afresh
            handle.close()
            store.dirty = True
            return store
        if (
            isinstance(data, dict) and data.get("format") == FORMAT and data.get("tool") == tool_key()
            and isinstance(data.get("entries"), dict) and isinstance(data.get("extra"), dict)
        ):
            store.entries = {k: v for k, v in data["entries"].items() if _is_entry(k, v)}
            store.extra = {k: v for k, v in data["extra"].items() if _is_entry(k, v)}
        else:
            handle.close()
            store.dirty = True  # replace it, even when nothing new is added
        return store

    def get(self, key: str, digest: str, config: str) -> Entry | None:
        """The entry stored for this file, when its bytes and configuration are the same."""
        entry = self.entries.get(key)
        if entry is None:
            return None  # nothing to keep (a cold run: no set of every path)
        self.used.add(key)
        if entry[0] != digest or entry[1] != config:
            return None
        return entry

    def unchanged(self, key: str, signature: str, config: str) -> Entry | None:
        """The entry of this file when its stat signature is the one recorded (no need to read it)."""
        entry = self.entries.get(key)
        if entry is None or not signature or entry[4] != signature or entry[1] != config:
            return None
        self.used.add(key)
        return entry

    def put(self, key: str, digest: str, config: str, payload: Data, summary: Data = b"", signature: str = "",
            valid_until: float | None = None) -> Entry:
        """Store the entry (new bytes go to the temporary file at once); the entry as stored,
        whose payload and summary are `Ref`s when they could be written."""
        self.used.add(key)
        return self._put(self.entries, key, (digest, config, payload, summary, signature, valid_until))

    def drop(self, key: str) -> None:
        """Forget the entry of this file (damaged): the next save leaves it out."""
        if self.entries.pop(key, None) is not None:
            self.dirty = True

    def note_signature(self, key: str, entry: Entry, signature: str) -> None:
        """Record the stat signature of a file whose bytes are the cached ones (its stat
        changed: touched, checked out again). Rewriting the whole cache for that alone costs
        more than hashing a few files again next time, so it only makes the cache worth
        saving when many files have one to record (a checkout touches them all)."""
        self.used.add(key)
        self.entries[key] = (entry[0], entry[1], entry[2], entry[3], signature, entry[5])
        self.signatures_noted += 1
        if self.signatures_noted >= max(SIGNATURES_WORTH_SAVING, len(self.entries) // 100):
            self.dirty = True

    def get_extra(self, key: str, digest: str) -> Data | None:
        entry = self.extra.get(key)
        return entry[2] if entry is not None and entry[0] == digest else None

    def put_extra(self, key: str, digest: str, parts: Iterable[bytes]) -> Data:
        """Store a site result, the bytes of `parts` one after the other (each written as it
        comes); the payload as stored."""
        start = self._pending_end
        refs = [self._write(data) for data in parts]
        if all(isinstance(ref, Ref) for ref in refs) and self._pending is not None:
            payload: Data = Ref(self._pending, start, self._pending_end - start)
        else:  # not written: in memory
            payload = b"".join(read(ref) for ref in refs)
        entry = (digest, "", payload, b"", "", None)
        old = self.extra.get(key)
        if old is None or old[0] != digest or not _same(old[2], payload):
            self.extra[key] = entry
            self.dirty = True
            return payload
        return old[2]

    def _put(self, table: dict[str, Entry], key: str, entry: Entry) -> Entry:
        old = table.get(key)
        if old is not None and old[0:2] == entry[0:2] and old[4:] == entry[4:] \
                and _same(old[2], entry[2]) and _same(old[3], entry[3]):
            return old
        entry = (entry[0], entry[1], self._write(entry[2]), self._write(entry[3]), entry[4], entry[5])
        table[key] = entry
        self.dirty = True
        return entry

    def _write(self, data: Data) -> Data:
        """New bytes appended to the temporary file (a `Ref` to them); kept as they are when
        they are empty, already in a file, or the folder cannot be written."""
        if isinstance(data, Ref) or not data:
            return data
        try:
            if self._pending is None:
                self.folder.mkdir(parents=True, exist_ok=True)
                handle, name = tempfile.mkstemp(dir=self.folder, prefix=".cache.", suffix=".new")
                self._pending = os.fdopen(handle, "w+b")
                self._pending_end = 0
                self._unlink_pending = weakref.finalize(self, _remove, name)
            self._pending.seek(self._pending_end)
            self._pending.write(data)
        except OSError:
            return data  # a read-only checkout: kept in memory until `save` finds it cannot write either
        ref = Ref(self._pending, self._pending_end, len(data))
        self._pending_end += len(data)
        return ref

    def save(self) -> None:
        """Write the cache atomically; drop entries of files that no longer exist. Never fails."""
        if not self.dirty:
            return
        entries = {k: v for k, v in self.entries.items() if k in self.used or os.path.exists(k)}
        extra = {k: v for k, v in self.extra.items() if os.path.isdir(k)}
        data = {"format": FORMAT, "tool": tool_key(), "entries": entries, "extra": extra}
        temp: str | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for name, text in (("README", _README), ("CACHEDIR.TAG", _CACHEDIR_TAG), (".gitignore", "*\n")):
                if not (self.folder / name).exists():
                    (self.folder / name).write_text(text, encoding="utf-8")
            handle, temp = tempfile.mkstemp(dir=self.folder, prefix=".cache.", suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                _write_index(data, out)
            os.replace(temp, self.path)
            temp = None
            self.dirty = False
        except (OSError, ValueError):
            pass  # a read-only checkout, or a file changed under us: run without a cache
        finally:
            if temp is not None:
                _remove(temp)
        if self._pending is not None and self._unlink_pending is not None:
            # Entries of this run stay readable (the handle is open); the next ones go to a new file.
            self._unlink_pending()
            self._pending = self._unlink_pending = None


def _remove(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


def _same(a: Data, b: Data) -> bool:
    if a is b or a == b:
        return True
    if len(a) != len(b):
        return False
    try:
        return read(a) == read(b)
    except (OSError, ValueError):
        return False


def _blocks(data: Data) -> Iterator[bytes | memoryview]:
    """The bytes of `data`, a block at a time when they are in a file."""
    if not isinstance(data, Ref):
        yield data
        return
    position, end = data.offset, data.offset + data.size
    while position < end:
        data.handle.seek(position)
        block = data.handle.read(min(_CHUNK, end - position))
        if not block:
            raise ValueError("truncated cache file")
        yield block
        position += len(block)


def _copy(data: Data, out: BinaryIO) -> None:
    for block in _blocks(data):
        out.write(block)


def _crc(data: Data, crc: int) -> int:
    for block in _blocks(data):
        crc = zlib.crc32(block, crc)
    return crc


def _write_index(data: dict[str, Any], out: BinaryIO) -> None:
    """A JSON header line (each entry's key, hashes and sizes, and a CRC of the rest), then
    every entry's payload and summary, copied a block at a time (never joined in memory)."""
    crc = 0
    for table in ("entries", "extra"):
        for _, _, payload, summary, _, _ in data[table].values():
            crc = _crc(summary, _crc(payload, crc))

    def dump(value: Any) -> bytes:
        return json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")

    # The header line is written row by row (at 40,000 files it is ~17 MB).
    head = {k: v for k, v in data.items() if k not in ("entries", "extra")}
    head["crc32"] = crc  # a damaged file is ignored, not half read
    out.write(dump(head)[:-1])
    for table in ("entries", "extra"):
        out.write(b', "%s": [' % table.encode())
        for number, (key, (digest, config, payload, summary, signature, valid_until)) in enumerate(data[table].items()):
            if number:
                out.write(b", ")
            out.write(dump([key, digest, config, len(payload), len(summary), signature, valid_until]))
        out.write(b"]")
    out.write(b"}\n")
    for table in ("entries", "extra"):
        for _, _, payload, summary, _, _ in data[table].values():
            _copy(payload, out)
            _copy(summary, out)


def _read_index(handle: BinaryIO) -> dict[str, Any]:
    """The index; payloads and summaries are `Ref`s into the file (read when wanted). The rest
    of the file is read once, a block at a time, to check its CRC."""
    header = json.loads(handle.readline().decode("utf-8", "surrogatepass"))
    start = position = handle.tell()
    crc = 0
    while block := handle.read(_CHUNK):
        crc = zlib.crc32(block, crc)
    size = handle.tell()
    if header.get("crc32") != crc:
        raise ValueError("damaged cache file")
    configs: dict[str, str] = {}  # one string for the key most files share
    for table in ("entries", "extra"):
        rows = header.get(table)
        if not isinstance(rows, list):
            raise TypeError("bad index")
        entries: dict[str, Entry] = {}
        for key, digest, config, length, summary_length, signature, valid_until in rows:
            end = position + length
            if not (isinstance(length, int) and isinstance(summary_length, int) and length >= 0
                    and summary_length >= 0 and end + summary_length <= size):
                raise ValueError("bad index")
            if isinstance(config, str):
                config = configs.setdefault(config, config)
            entries[key] = (digest, config, Ref(handle, position, length) if length else b"",
                            Ref(handle, end, summary_length) if summary_length else b"", signature, valid_until)
            position = end + summary_length
        header[table] = entries
    if position != size or start > size:
        raise ValueError("trailing bytes")
    return dict(header)


def _is_entry(key: object, value: object) -> bool:
    return (
        isinstance(key, str) and isinstance(value, tuple) and len(value) == 6
        and isinstance(value[0], str) and isinstance(value[1], str)
        and isinstance(value[2], (bytes, Ref)) and isinstance(value[3], (bytes, Ref))
        and isinstance(value[4], str) and (value[5] is None or isinstance(value[5], (int, float)))
    )
