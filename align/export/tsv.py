"""OUT/tsv/<pivot>-<lang>.tsv: one pair per row (document, unit, pivot text, text), tab-separated with
CSV quoting (a field holding a tab, quote or line break is quoted), header row first."""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING

from align.export.pairs import PairFiles, pair_lines
from align.model import AlignedDocument, BuildResult

if TYPE_CHECKING:
    from align.pipeline import BuildOptions


class TsvExporter:
    """Streams each pivot-language pair of each unit as one TSV row."""

    def __init__(self, options: BuildOptions, langs: frozenset[str] = frozenset()) -> None:
        self.out = options.out
        self.files = PairFiles(options.out / "tsv", suffixes=(".tsv",))
        self.writers: dict[tuple[str, str], csv.writer] = {}

    def add(self, document: AlignedDocument) -> None:
        for unit, pivot, lang, left, right in pair_lines(document):
            self._writer(pivot, lang).writerow([unit.document, unit.id, left, right])

    def _writer(self, pivot: str, lang: str) -> csv.writer:
        if (pivot, lang) not in self.writers:
            [handle] = self.files.get(pivot, lang)
            self.writers[pivot, lang] = csv.writer(handle, delimiter="\t", quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
            self.writers[pivot, lang].writerow(["document", "unit", pivot, lang])
        return self.writers[pivot, lang]

    def abort(self) -> None:
        self.files.abort()

    def close(self, result: BuildResult) -> list[str]:
        return self.files.close(self.out)
