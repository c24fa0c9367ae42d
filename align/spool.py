"""Records a build keeps about every input and every document, on disk rather than in memory.

What the report lists grows with the corpus (800,000 files for the UN archive); held in memory it made
a build's footprint grow with the number of documents. A spool is a temporary file of JSON lines, read
back in the order it was written when the report is written. The file is anonymous and lives in the
build's output folder (nothing is written outside OUT).
"""

from __future__ import annotations

import json
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
            if self.folder is not None:
                self.folder.mkdir(parents=True, exist_ok=True)
            self._file = tempfile.TemporaryFile("w+", encoding="utf-8", dir=self.folder)
            weakref.finalize(self, self._file.close)  # closed (and gone) with the spool
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
