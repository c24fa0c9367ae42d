"""Streamed output files: written under a temporary name and renamed into place when whole, taking text,
bytes, or BLOB (a text a previous build wrote, in a cached document), and telling a recorder (the build's
layout, align/pipeline/layout.py) where each document's texts went."""

from __future__ import annotations

import contextlib
import errno
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from align.files import temporary_path


class _Blob:
    """Stands, in a cached document's rendered outputs, for a text its files hold."""

    __slots__ = ()

    def __reduce__(
        self,
    ) -> str:  # one object in every process (results come from the workers pickled)
        return "BLOB"

    def __repr__(self) -> str:
        return "BLOB"


BLOB = _Blob()


@dataclass(frozen=True)
class Span:
    """`length` bytes at `offset` of a previous build's output file, open as `fd`."""

    fd: int
    offset: int
    length: int


class Recorder(Protocol):
    """Where the files of a build record each document's spans, and find the previous build's (build/layout.py)."""

    def register(self, path: Path) -> int: ...

    def previous_fd(self, path: Path) -> int | None: ...

    def resolve(self, data: Any) -> Any: ...

    def wrote(self, file: int, data: Any, offset: int, length: int) -> None: ...


def copy_span(span: Span, fd: int) -> None:
    """Append a span of another file to `fd`: in the kernel where the file system can, else by reading."""
    offset, left = span.offset, span.length
    try:
        while left:
            done = os.copy_file_range(span.fd, fd, left, offset)
            if not done:  # the source ends early: the loop below says so
                break
            offset, left = offset + done, left - done
    except OSError as error:
        if error.errno not in (errno.EXDEV, errno.ENOSYS, errno.EOPNOTSUPP, errno.EINVAL):
            raise
    while left:
        chunk = os.pread(span.fd, min(left, 1 << 20), offset)
        if not chunk:
            raise OSError(errno.EIO, "the previous output file is shorter than its layout says")
        os.write(fd, chunk)
        offset, left = offset + len(chunk), left - len(chunk)


class OutputFile:
    """A streamed output file, written under a temporary name and renamed into place when `stack`
    closes (removed if the build fails). It takes text, bytes, or BLOB, and with a layout records where
    each document's texts go. While what it is given is, byte for byte, the previous build's file at
    this path, it writes nothing: if the whole file comes out the same, the previous file stays in
    place, untouched; at the first difference, the equal part is copied in the kernel. Consecutive
    spans of one previous file are copied in one call."""

    def __init__(
        self, stack: contextlib.ExitStack, path: Path, layout: Recorder | None = None
    ) -> None:
        self.path, self.layout = path, layout
        self.index = layout.register(path) if layout else -1
        # the previous file, while equal to it
        self._same = layout.previous_fd(path) if layout else None
        self._temporary = temporary_path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._file = open(self._temporary, "wb", buffering=0)  # noqa: SIM115 (closed by _exit, with the stack)
        stack.push(self._exit)
        self.size = 0
        self._pending: Span | None = None

    def write(self, data: str | bytes) -> None:
        """Append `data` (a text of the rendered outputs, or BLOB in a cached one)."""
        given = self.layout.resolve(data) if self.layout else data
        raw = (
            b"" if isinstance(given, Span) else given.encode() if isinstance(given, str) else given
        )
        length = given.length if isinstance(given, Span) else len(raw)
        if self._same is not None and not self._equal(given, raw):
            self._pending, self._same = (
                (Span(self._same, 0, self.size) if self.size else None),
                None,
            )
        if self._same is None:
            self._append(given, raw)
        if self.layout and length:
            self.layout.wrote(self.index, data, self.size, length)
        self.size += length

    def _equal(self, data: Span | str | bytes, raw: bytes) -> bool:
        """Whether `data` is what the previous file holds at this point."""
        if isinstance(data, Span):
            return data.fd == self._same and data.offset == self.size
        return os.pread(self._same, len(raw), self.size) == raw

    def _append(self, data: Span | str | bytes, raw: bytes) -> None:
        pending = self._pending
        if (
            isinstance(data, Span)
            and pending
            and pending.fd == data.fd
            and pending.offset + pending.length == data.offset
        ):
            self._pending = Span(data.fd, pending.offset, pending.length + data.length)
            return
        self._flush()
        if isinstance(data, Span):
            self._pending = data
            return
        view = memoryview(raw)
        while view:
            view = view[self._file.write(view) :]

    def _flush(self) -> None:
        if self._pending:
            copy_span(self._pending, self._file.fileno())
            self._pending = None

    def _exit(self, error_type: type[BaseException] | None, *_: object) -> bool:
        """Publish the file (unless the previous one is the same), or drop it if the build failed."""
        try:
            if error_type is None:
                if self._same is not None and self.size == os.fstat(self._same).st_size:
                    return False  # the previous file is this file
                if self._same is not None:  # a shorter file, equal as far as it goes
                    self._pending = Span(self._same, 0, self.size) if self.size else None
                self._flush()
                self._file.close()
                os.replace(self._temporary, self.path)
        finally:
            self._file.close()
            self._temporary.unlink(missing_ok=True)
        return False
