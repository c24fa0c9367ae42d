"""Records a build keeps about every input and every document, on disk rather than in memory.

What the report lists grows with the corpus (800,000 files for the UN archive); held in memory it made
a build's footprint grow with the number of documents. A spool is a temporary file of JSON lines, read
back in the order it was written when the report is written.
"""

from __future__ import annotations

import json
import tempfile
import weakref
from collections.abc import Iterator
from typing import IO, Any


class Spool:
    """JSON-serialisable items, appended to an anonymous temporary file (gone when the process ends)."""

    def __init__(self) -> None:
        self._file: IO[str] | None = None
        self._count = 0

    def append(self, item: Any) -> None:
        if self._file is None:
            self._file = tempfile.TemporaryFile("w+", encoding="utf-8")
            weakref.finalize(self, self._file.close)  # closed (and gone) with the spool
        self._file.write(json.dumps(item, ensure_ascii=False) + "\n")
        self._count += 1

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Any]:
        """The items in the order they came (appending may go on afterwards)."""
        if self._file is None:
            return
        self._file.seek(0)
        for line in self._file:
            yield json.loads(line)
        self._file.seek(0, 2)

    def __getstate__(self) -> list[Any]:  # results cross process boundaries in tests and engines
        return list(self)

    def __setstate__(self, items: list[Any]) -> None:
        self.__init__()
        for item in items:
            self.append(item)
