"""OUT/units.parquet and OUT/units.tsv: one row per aligned unit, one text column per language."""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING

import pandas as pd

from align.export.files import atomic_path
from align.langs import lang_order
from align.model import AlignedDocument, BuildResult

if TYPE_CHECKING:
    from align.pipeline import BuildOptions

COLUMNS = ["document", "unit", "kind", "level", "srclang", "score", "flags"]


class TablesExporter:
    """Collects rows (single-language units included, flagged) and writes both tables at the end."""

    def __init__(self, options: BuildOptions) -> None:
        self.out = options.out
        self.rows: list[dict[str, object]] = []
        self.langs: set[str] = set()

    def add(self, document: AlignedDocument) -> None:
        self.langs.update(document.langs)
        for unit in document.units:
            row: dict[str, object] = {
                "document": unit.document, "unit": unit.id, "kind": unit.kind, "level": unit.level,
                "srclang": unit.srclang, "score": unit.score, "flags": ",".join(unit.flags),
            }
            self.rows.append(row | unit.texts)

    def frame(self) -> pd.DataFrame:
        columns = COLUMNS[:5] + lang_order(self.langs) + COLUMNS[5:]
        frame = pd.DataFrame(self.rows, columns=columns)
        for lang in lang_order(self.langs):
            frame[lang] = frame[lang].astype("string")
        return frame

    def close(self, result: BuildResult) -> list[str]:
        frame = self.frame()
        with atomic_path(self.out / "units.parquet") as path:
            frame.to_parquet(path, index=False)
        with atomic_path(self.out / "units.tsv") as path:
            frame.to_csv(path, sep="\t", index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        return ["units.parquet", "units.tsv"]
