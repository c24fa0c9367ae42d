"""OUT/tsv/<pivot>-<lang>.tsv: one pair per row (document, unit, pivot text, text), tab-separated with
CSV quoting (a field holding a tab, quote or line break is quoted), header row first."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import TYPE_CHECKING

from align.model import AlignedDocument, BuildResult
from align.outputs.pairs import PairFiles, PairLine, by_pair
from align.streams import Recorder

if TYPE_CHECKING:
    from align.outputs.options import ExportOptions


def tsv_text(rows: Iterable[Iterable[object]]) -> str:
    """Rows as TSV lines with CSV quoting where a field needs it (None is an empty field): the
    dialect of every TSV file align writes (units.tsv too)."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter="\t", quoting=csv.QUOTE_MINIMAL, lineterminator="\n").writerows(
        rows
    )
    return buffer.getvalue()


class TsvExporter:
    """Appends each pivot-language pair of each unit as one TSV row."""

    def __init__(
        self,
        options: ExportOptions,
        langs: frozenset[str] = frozenset(),
        layout: Recorder | None = None,
    ) -> None:
        self.out = options.out
        self.files = PairFiles(options.out / "tsv", suffixes=(".tsv",), layout=layout)
        self.started: set[tuple[str, str]] = set()

    @staticmethod
    def render(document: AlignedDocument, options: ExportOptions) -> dict[tuple[str, str], bytes]:
        def row(pair: PairLine) -> list[str]:
            unit, _pivot, _lang, left, right = pair
            return [unit.document, unit.id, left, right]

        return {
            key: tsv_text(rows).encode() for key, rows in by_pair(document, options, row).items()
        }

    def write(self, rendered: dict[tuple[str, str], bytes]) -> None:
        for (pivot, lang), text in rendered.items():
            [handle] = self.files.get(pivot, lang)
            if (pivot, lang) not in self.started:
                self.started.add((pivot, lang))
                handle.write(tsv_text([["document", "unit", pivot, lang]]))
            handle.write(text)

    def abort(self) -> None:
        self.files.abort()

    def close(self, result: BuildResult) -> list[str]:
        return self.files.close(self.out)
