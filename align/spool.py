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


class Spool:
    """JSON-serialisable items, appended to an anonymous temporary file in `folder` (the system's
    temporary folder if None); the file is gone when the spool is."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._file: IO[str] | None = None
        self._count = 0

    def append(self, item: Any) -> None:
        if self._file is None:
            self._file = _anonymous(self, "w+")
        self._file.write(json_text(item) + "\n")
        self._count += 1

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Any]:
        """The items in the order they came (appending may go on afterwards)."""
        if self._file is None:
            return
        self._file.seek(0)
        try:
            for line in self._file:
                yield json.loads(line)
        finally:  # also when the reader stops early: the next append must not overwrite what follows
            self._file.seek(0, 2)


class ByteSpool:
    """Bytes appended to an anonymous temporary file in `folder` and copied out whole: for text that is
    written as it came (the review page's sections), which a JSON spool would encode and decode for nothing."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._file: IO[bytes] | None = None
        self._count = 0

    def append(self, data: bytes) -> None:
        if self._file is None:
            self._file = _anonymous(self, "w+b")
        self._file.write(data)
        self._count += 1

    def __len__(self) -> int:
        """The number of appends."""
        return self._count

    def copy_to(self, file: IO[bytes]) -> None:
        """Everything appended, written to `file`."""
        if self._file is not None:
            self._file.seek(0)
            shutil.copyfileobj(self._file, file)
            self._file.seek(0, 2)


def _anonymous(spool: Spool | ByteSpool, mode: str) -> IO:
    """A spool's file: in its folder (made if need be), closed (and gone) with the spool."""
    if spool.folder is not None:
        spool.folder.mkdir(parents=True, exist_ok=True)
    file = tempfile.TemporaryFile(mode, encoding="utf-8" if "b" not in mode else None, dir=spool.folder)
    weakref.finalize(spool, file.close)
    return file
