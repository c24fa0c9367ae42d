"""Records a build keeps about every input and every document, on disk rather than in memory.

What the report lists grows with the corpus (800,000 files for the UN archive); held in memory it made
a build's footprint grow with the number of documents. A spool is a temporary file of JSON lines, read
back in the order it was written when the report is written. The file is anonymous and lives in the
build's output folder (nothing is written outside OUT).
"""

from __future__ import annotations

import json
import shutil
import tempfile
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from align.json_text import json_text


class ByteSpool:
    """Bytes appended to an anonymous temporary file in `folder` (the system's temporary folder if None),
    gone with the spool; copied out whole, for text written as it came (the report's listings and review
    page), or read back line by line."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._file: IO[bytes] | None = None
        self._count = 0

    def open(self) -> ByteSpool:
        """The file made now rather than at the first append, so that a child process forked afterwards can
        fill it: the child's appends (once it has called flush) are read back here; they count in the
        child's spool, not in this one."""
        self._handle()
        return self

    def append(self, data: bytes) -> None:
        self._handle().write(data)
        self._count += 1

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def _handle(self) -> IO[bytes]:
        if self._file is None:
            if self.folder is not None:
                self.folder.mkdir(parents=True, exist_ok=True)
            self._file = tempfile.TemporaryFile("w+b", dir=self.folder)
            weakref.finalize(self, self._file.close)
        return self._file

    def __len__(self) -> int:
        """The number of appends."""
        return self._count

    def copy_to(self, file: IO[bytes]) -> None:
        """Everything appended, written to `file`."""
        if self._file is not None:
            self._file.seek(0)
            shutil.copyfileobj(self._file, file)
            self._file.seek(0, 2)

    def _lines(self) -> Iterator[bytes]:
        """What was appended, line by line (appending may go on afterwards)."""
        if self._file is None:
            return
        self._file.seek(0)
        try:
            for line in self._file:  # not `yield from`: closing this generator would close the file
                yield line
        finally:  # also when the reader stops early: the next append must not overwrite what follows
            if (
                not self._file.closed
            ):  # it is when the spool and an unfinished reader are collected together
                self._file.seek(0, 2)


class Spool(ByteSpool):
    """JSON-serialisable items, one JSON line each, read back in the order they came."""

    def append(self, item: Any) -> None:
        # a file name that is not UTF-8 holds lone surrogates (os.fsdecode): each becomes its JSON escape
        super().append((json_text(item) + "\n").encode("utf-8", "backslashreplace"))

    def __iter__(self) -> Iterator[Any]:
        return (json.loads(line) for line in self._lines())
