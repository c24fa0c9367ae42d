"""OUT/units.parquet and OUT/units.tsv: one row per aligned unit, one text column per language.

units.parquet is the canonical table: `read_documents` turns it back into aligned documents, so every
other output can be written again from it (`align export`) without aligning again.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from align.export.files import atomic_path
from align.langs import lang_order
from align.model import AlignedDocument, AlignedUnit, BuildResult

if TYPE_CHECKING:
    from align.pipeline import BuildOptions

HEAD = ["document", "unit", "kind", "level", "srclang"]
TAIL = ["score", "flags", "pivot", "unit_ids", "marks"]


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
                "pivot": document.pivot, "unit_ids": json.dumps(unit.unit_ids, ensure_ascii=False),
                "marks": json.dumps(unit.marks) if unit.marks else "",
            }
            self.rows.append(row | unit.texts)

    def abort(self) -> None:
        """Nothing is open before close()."""

    def close(self, result: BuildResult) -> list[str]:
        frame = to_frame(self.rows, self.langs)
        with atomic_path(self.out / "units.parquet") as path:
            frame.to_parquet(path, index=False)
        with atomic_path(self.out / "units.tsv") as path:
            frame.to_csv(path, sep="\t", index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        return ["units.parquet", "units.tsv"]


def to_frame(rows: list[dict[str, object]], langs: set[str]) -> pd.DataFrame:
    """The table with its columns in contract order: ids, one column per language (UN order), scores."""
    frame = pd.DataFrame(rows, columns=HEAD + lang_order(langs) + TAIL)
    for lang in lang_order(langs):
        frame[lang] = frame[lang].astype("string")
    return frame


def language_columns(frame: pd.DataFrame) -> list[str]:
    return [column for column in frame.columns if column not in HEAD + TAIL]


def read_documents(frame: pd.DataFrame) -> list[AlignedDocument]:
    """Aligned documents back from the table, in its order."""
    langs = language_columns(frame)
    documents: dict[str, AlignedDocument] = {}
    for row in frame.to_dict("records"):
        texts = {lang: text for lang in langs if isinstance(text := row[lang], str)}
        document = documents.setdefault(row["document"], AlignedDocument(row["document"], row["pivot"], [], []))
        document.units.append(AlignedUnit(
            row["document"], row["unit"], row["kind"], row["level"], texts, json.loads(row["unit_ids"]),
            float(row["score"]), tuple(flag for flag in row["flags"].split(",") if flag), row["srclang"],
            {lang: tuple(map(tuple, marks)) for lang, marks in json.loads(row["marks"] or "{}").items()},
        ))
    for document in documents.values():
        document.langs = lang_order({lang for unit in document.units for lang in unit.texts})
    return list(documents.values())


def load(out: Path) -> pd.DataFrame:
    """The canonical table of a build."""
    return pd.read_parquet(out / "units.parquet")
