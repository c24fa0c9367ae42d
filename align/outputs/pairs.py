"""What the per-pair outputs share: the pivot-language pairs of each unit, and lazily opened pair files."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from align.files import abort, pair_name
from align.langs import lang_order
from align.model import AlignedDocument, AlignedUnit
from align.outputs.options import ExportOptions, keep
from align.streams import OutputFile, Recorder


def one_line(text: str) -> str:
    """A text as one corpus line: no line breaks, no tabs, single spaces.

    >>> one_line("68e séance plénière\\n22 décembre 2005")
    '68e séance plénière 22 décembre 2005'
    """
    return " ".join(text.split())


PairLine = tuple[AlignedUnit, str, str, str, str]
T = TypeVar("T")
# the last document asked for, its options, its pair lines: five outputs read them in turn
_last: list = [None, None, []]


def pair_lines(document: AlignedDocument, options: ExportOptions) -> list[PairLine]:
    """(unit, pivot, lang, pivot text, lang text) for every unit of the pair view (each language with
    the pivot at its finest alignment) that the outputs keep, language by language; made once per document."""
    if _last[0] is not document or _last[1] is not options:
        _last[:] = [document, options, list(_pair_lines(document, options))]
    return _last[2]


def by_pair(
    document: AlignedDocument, options: ExportOptions, make: Callable[[PairLine], T]
) -> dict[tuple[str, str], list[T]]:
    """Each pair's share of a per-pair output: `make` of each of its pair lines, in order, by (pivot, lang)."""
    grouped: dict[tuple[str, str], list[T]] = {}
    for line in pair_lines(document, options):
        grouped.setdefault((line[1], line[2]), []).append(make(line))
    return grouped


def _pair_lines(document: AlignedDocument, options: ExportOptions) -> Iterator[PairLine]:
    for lang in lang_order(document.pairs):
        for unit in document.pairs[lang]:
            left, right = (
                one_line(unit.texts.get(document.pivot, "")),
                one_line(unit.texts.get(lang, "")),
            )
            if left and right and keep(unit, options):
                yield unit, document.pivot, lang, left, right


class PairFiles:
    """Text files named after a language pair, opened on first use, each renamed into place on close."""

    def __init__(
        self, folder: Path, suffixes: tuple[str, ...] | None = None, layout: Recorder | None = None
    ) -> None:
        self.folder, self.suffixes, self.layout = folder, suffixes, layout
        self.stack = contextlib.ExitStack()
        self.files: dict[tuple[str, str], list[OutputFile]] = {}
        self.names: list[str] = []

    def get(self, pivot: str, lang: str) -> list[OutputFile]:
        """The pair's files: `<pair>.<pivot>` and `<pair>.<lang>`, or one `<pair><suffix>` per suffix."""
        if (pivot, lang) not in self.files:
            name = pair_name(pivot, lang)
            names = (
                [f"{name}{suffix}" for suffix in self.suffixes]
                if self.suffixes
                else [f"{name}.{pivot}", f"{name}.{lang}"]
            )
            self.files[pivot, lang] = [
                OutputFile(self.stack, self.folder / file_name, self.layout) for file_name in names
            ]
            self.names += names
        return self.files[pivot, lang]

    def abort(self) -> None:
        abort(self.stack)

    def close(self, relative_to: Path) -> list[str]:
        self.stack.close()
        return sorted(str((self.folder / name).relative_to(relative_to)) for name in self.names)
