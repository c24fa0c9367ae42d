"""Moses line-aligned text: OUT/moses/<pivot>-<lang>.<pivot> and .<lang>, line k of both from one unit."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, TextIO

from align.export.files import atomic_path, pair_name
from align.model import AlignedDocument, BuildResult

if TYPE_CHECKING:
    from align.pipeline import BuildOptions


def one_line(text: str) -> str:
    """A text as one Moses line: no line breaks, no tabs, single spaces.

    >>> one_line("68e séance plénière\\n22 décembre 2005")
    '68e séance plénière 22 décembre 2005'
    """
    return " ".join(text.split())


class MosesExporter:
    """Streams every unit that has both languages of a pair to that pair's two files."""

    def __init__(self, options: BuildOptions) -> None:
        self.out = options.out / "moses"
        self.stack = contextlib.ExitStack()
        self.files: dict[tuple[str, str], tuple[TextIO, TextIO]] = {}

    def add(self, document: AlignedDocument) -> None:
        for unit in document.units:
            if document.pivot not in unit.texts:
                continue
            for lang in unit.langs:
                if lang == document.pivot:
                    continue
                left, right = one_line(unit.texts[document.pivot]), one_line(unit.texts[lang])
                if left and right:
                    pivot_file, lang_file = self._files(document.pivot, lang)
                    pivot_file.write(left + "\n")
                    lang_file.write(right + "\n")

    def _files(self, pivot: str, lang: str) -> tuple[TextIO, TextIO]:
        if (pivot, lang) not in self.files:
            name = pair_name(pivot, lang)
            self.files[pivot, lang] = tuple(
                self.stack.enter_context(open(self.stack.enter_context(atomic_path(self.out / f"{name}.{side}")),
                                              "w", encoding="utf-8", newline="\n"))
                for side in (pivot, lang)
            )
        return self.files[pivot, lang]

    def close(self, result: BuildResult) -> list[str]:
        self.stack.close()
        return [f"moses/{pair_name(*key)}.{side}" for key in sorted(self.files) for side in key]
