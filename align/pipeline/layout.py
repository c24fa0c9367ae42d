"""Where each document's bytes sit in the streamed output files, so that a rebuild copies the bytes of
an unchanged document from the previous build's files (in the kernel: os.copy_file_range) instead of
loading them from the cache and writing them again through Python.

A build records, document by document, the span (file, offset, length) of every text it wrote from
the document's rendered outputs; the cache keeps the rendered outputs with those texts replaced by
BLOB and the texts themselves in a side file. When a cached document is written again, each BLOB its
exporters write is the next recorded span of the previous build's files, if those files are still
the ones that build published (same size, time and inode), else the next text from the side file.
Exporters see none of this: they write what they rendered, and OutputFile does the rest.
"""

from __future__ import annotations

import contextlib
import json
import os
import struct
from array import array
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from align.files import abort, atomic_path
from align.streams import BLOB, Span

MIN_BLOB = 256  # texts shorter than this stay in the cache entry: a span costs more than it saves
_TRAILER = struct.Struct("<Q")  # the layout file ends with the offset of its table of files


def leaves(rendered: Any) -> Iterator[Any]:
    """Every text (str or bytes) in rendered outputs: dicts' values, lists' and tuples' items."""
    if isinstance(rendered, (str, bytes)):
        yield rendered
    elif isinstance(rendered, dict):
        for value in rendered.values():
            yield from leaves(value)
    elif isinstance(rendered, (list, tuple)):
        for item in rendered:
            yield from leaves(item)


def externalize(rendered: Any, written: set[int]) -> Any:
    """A copy of `rendered` with the texts whose id is in `written` replaced by BLOB."""
    if isinstance(rendered, (str, bytes)):
        return BLOB if id(rendered) in written else rendered
    if isinstance(rendered, dict):
        return {key: externalize(value, written) for key, value in rendered.items()}
    if isinstance(rendered, (list, tuple)):
        return type(rendered)(externalize(item, written) for item in rendered)
    return rendered


class _Previous:
    """The previous build's layout, read in step with this build: documents come in symbol order in
    both, so the spans of each cached document are found by reading forward, never held all at once."""

    def __init__(self, path: Path, out: Path) -> None:
        self.file: BinaryIO = open(path, "rb")  # noqa: SIM115 (closed by close())
        self.fds: list[int | None] = []
        try:
            self.file.seek(-_TRAILER.size, os.SEEK_END)
            (table,) = _TRAILER.unpack(self.file.read(_TRAILER.size))
            self.file.seek(table)
            names = json.loads(self.file.readline())
            for name, stat in names:
                if (
                    not isinstance(name, str)
                    or ".." in Path(name).parts
                    or Path(name).is_absolute()
                ):
                    raise ValueError("not a layout's file name")
                self.fds.append(_open_if_unchanged(out / name, tuple(stat)))
            self.by_path = {
                out / name: fd for (name, _), fd in zip(names, self.fds) if fd is not None
            }
            self.sizes = [stat[0] for _, stat in names]
        except BaseException:
            self.close()
            raise
        self.file.seek(0)
        self.end, self.record = table, None

    def spans(self, symbol: str, key: str) -> list[Span] | None:
        """The spans of the document (symbol, key), None if that build did not write it or its files changed."""
        while self.record is None or self.record[0] < symbol:
            if self.file.tell() >= self.end:
                return None
            try:
                self.record = json.loads(self.file.readline())
                found, found_key, flat = self.record
                if (
                    not isinstance(found, str)
                    or not isinstance(found_key, str)
                    or not all(isinstance(n, int) for n in flat)
                ):
                    raise ValueError("not a layout record")
            except (ValueError, TypeError):  # a damaged layout: the texts come from the cache
                self.end, self.record = 0, None
                return None
        found, found_key, flat = self.record
        if found != symbol or found_key != key:
            return None
        triples = [tuple(flat[index : index + 3]) for index in range(0, len(flat), 3)]
        if not all(
            len(triple) == 3
            and 0 <= triple[0] < len(self.fds)
            and self.fds[triple[0]] is not None
            and 0 <= triple[1]
            and 0 <= triple[2]
            and triple[1] + triple[2] <= self.sizes[triple[0]]
            for triple in triples
        ):
            return None  # a file changed since, or a damaged record
        return [Span(self.fds[file], offset, length) for file, offset, length in triples]

    def fd(self, path: Path) -> int | None:
        """The open previous file at `path`, if it is intact."""
        return self.by_path.get(path)

    def close(self) -> None:
        self.file.close()
        for fd in self.fds:
            if fd is not None:
                os.close(fd)


def _open_if_unchanged(path: Path, recorded: tuple[int, int, int]) -> int | None:
    """A read-only descriptor of the previous build's file, if it is still the file that build wrote.
    Held open, it keeps those bytes readable after this build replaces the file."""
    try:
        # the file itself, never what a link points to
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    if _identity(os.fstat(fd)) != recorded:
        os.close(fd)
        return None
    return fd


def _identity(stat: os.stat_result) -> tuple[int, int, int]:
    return stat.st_size, stat.st_mtime_ns, stat.st_ino


class Layout:
    """The spans this build writes, recorded to OUT/.cache/layout, and the previous build's, replayed."""

    def __init__(self, out: Path) -> None:
        self.out, self.path = out, out / ".cache" / "layout"
        try:
            self.previous: _Previous | None = _Previous(self.path, out)
        except (
            OSError,
            ValueError,
            TypeError,
            struct.error,
        ):  # no previous build, one that did not
            self.previous = None  # finish, or a damaged layout: the texts come from the cache
        self.files: list[Path] = []  # this build's streamed files, by index
        self._stack = contextlib.ExitStack()
        self._file: BinaryIO = self._stack.enter_context(
            open(self._stack.enter_context(atomic_path(self.path)), "wb")
        )
        self._document: tuple[str, str] | None = None
        self._eligible: set[int] = set()
        self._replay: Iterator[Span | str | bytes] = iter(())
        self._spans = array("q")
        self._written: list[
            str | bytes
        ] = []  # the texts the current document's files got, in order

    def previous_fd(self, path: Path) -> int | None:
        """The previous build's file at `path`, open, if it is still the file that build wrote."""
        return self.previous.fd(path) if self.previous else None

    def register(self, path: Path) -> int:
        """An output file's index in the spans this build records."""
        self.files.append(path)
        return len(self.files) - 1

    def fresh(self, symbol: str, key: str, rendered: Any) -> None:
        """A document whose rendered outputs are about to be written: its texts are recorded where they go."""
        texts = list(leaves(rendered))
        counts = Counter(map(id, texts))
        self._start(symbol, key)
        self._eligible = {
            id(text) for text in texts if len(text) >= MIN_BLOB and counts[id(text)] == 1
        }

    def cached(self, symbol: str, key: str, texts: Callable[[], list[str | bytes]]) -> None:
        """A cached document is about to be written: its BLOBs are the previous build's spans if that
        build's files are intact, else the texts `texts()` loads from the cache."""
        spans = self.previous.spans(symbol, key) if self.previous else None
        self._start(symbol, key)
        self._replay = iter(spans if spans is not None else texts())

    def _start(self, symbol: str, key: str) -> None:
        self._document, self._eligible, self._spans, self._written = (
            (symbol, key),
            set(),
            array("q"),
            [],
        )
        self._replay = iter(())

    def resolve(self, data: Any) -> Any:
        """What to write for `data`: itself, or for BLOB the next span or text of the document."""
        if data is not BLOB:
            return data
        try:
            return next(self._replay)
        except StopIteration:
            raise RuntimeError(
                f"{self._document}: more BLOBs written than the cache recorded"
            ) from None

    def wrote(self, file: int, data: Any, offset: int, length: int) -> None:
        """`data` (as given to OutputFile.write) went to `file` at `offset`."""
        if data is BLOB or id(data) in self._eligible:
            self._spans.extend((file, offset, length))
            if data is not BLOB:
                self._written.append(data)

    def finish(self) -> list[str | bytes]:
        """The document is written: its spans are recorded; returns the texts it recorded (in order)."""
        if next(self._replay, None) is not None:
            raise RuntimeError(f"{self._document}: fewer BLOBs written than the cache recorded")
        symbol, key = self._document
        self._file.write(
            json.dumps([symbol, key, self._spans.tolist()], ensure_ascii=False).encode() + b"\n"
        )
        written = self._written
        self._start("", "")  # writes between documents (headers, closing tags) are not recorded
        return written

    def save(self) -> None:
        """After the outputs are in place: the table of files (with what identifies each) closes the layout."""
        table = self._file.tell()
        files = [(str(path.relative_to(self.out)), _identity(path.stat())) for path in self.files]
        self._file.write(json.dumps(files, ensure_ascii=False).encode() + b"\n")
        self._file.write(_TRAILER.pack(table))
        self._stack.close()
        self.close()

    def abort(self) -> None:
        abort(self._stack)
        self.close()

    def close(self) -> None:
        if self.previous:
            self.previous.close()
            self.previous = None
