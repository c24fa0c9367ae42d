"""OUT/units.parquet, OUT/units.tsv and OUT/pairs.parquet: one row per aligned unit, one text column per
language.

units.parquet is the canonical n-way table (memory.tmx's units, plus the units found in one language
only, flagged); pairs.parquet holds the pair view (each language with the pivot at its finest
alignment, one row per pair unit, a `pair` column naming the language). `read_documents` turns both
back into aligned documents, so every other output can be written again (`align export`) without
aligning again.
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
TAIL = ["score", "flags", "pivot", "unit_ids", "marks", "pair"]


def row_of(unit: AlignedUnit, pivot: str, pair: str = "") -> dict[str, object]:
    """A table row: ids, scores and provenance, then one column per language."""
    return {
        "document": unit.document, "unit": unit.id, "kind": unit.kind, "level": unit.level, "srclang": unit.srclang,
        "score": unit.score, "flags": ",".join(unit.flags), "pivot": pivot,
        "unit_ids": json.dumps(unit.unit_ids, ensure_ascii=False), "marks": json.dumps(unit.marks) if unit.marks else "",
        "pair": pair,
    } | unit.texts


class TablesExporter:
    """Collects rows (single-language units included, flagged) and writes the tables at the end."""

    def __init__(self, options: BuildOptions) -> None:
        self.out = options.out
        self.rows: list[dict[str, object]] = []
        self.pair_rows: list[dict[str, object]] = []
        self.langs: set[str] = set()

    def add(self, document: AlignedDocument) -> None:
        self.langs.update(document.langs)
        self.rows += [row_of(unit, document.pivot) for unit in document.units]
        self.pair_rows += [row_of(unit, document.pivot, lang) for lang in lang_order(document.pairs) for unit in document.pairs[lang]]

    def abort(self) -> None:
        """Nothing is open before close()."""

    def close(self, result: BuildResult) -> list[str]:
        frame = to_frame(self.rows, self.langs)
        with atomic_path(self.out / "units.parquet") as path:
            frame.drop(columns="pair").to_parquet(path, index=False)
        with atomic_path(self.out / "units.tsv") as path:
            frame.drop(columns="pair").to_csv(path, sep="\t", index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        with atomic_path(self.out / "pairs.parquet") as path:
            to_frame(self.pair_rows, self.langs).to_parquet(path, index=False)
        return ["units.parquet", "units.tsv", "pairs.parquet"]


def to_frame(rows: list[dict[str, object]], langs: set[str]) -> pd.DataFrame:
    """The table with its columns in contract order: ids, one column per language (UN order), scores."""
    frame = pd.DataFrame(rows, columns=HEAD + lang_order(langs) + TAIL)
    for lang in lang_order(langs):
        frame[lang] = frame[lang].astype("string")
    return frame


def language_columns(frame: pd.DataFrame) -> list[str]:
    return [column for column in frame.columns if column not in HEAD + TAIL]


def _unit(row: dict[str, object], langs: list[str]) -> AlignedUnit:
    texts = {lang: text for lang in langs if isinstance(text := row[lang], str)}
    return AlignedUnit(
        row["document"], row["unit"], row["kind"], row["level"], texts, json.loads(row["unit_ids"]),
        float(row["score"]), tuple(flag for flag in row["flags"].split(",") if flag), row["srclang"],
        {lang: tuple(map(tuple, marks)) for lang, marks in json.loads(row["marks"] or "{}").items()},
    )


def read_documents(units: pd.DataFrame, pairs: pd.DataFrame | None = None) -> list[AlignedDocument]:
    """Aligned documents back from the tables, in their order."""
    documents: dict[str, AlignedDocument] = {}
    langs = language_columns(units)
    for row in units.to_dict("records"):
        document = documents.setdefault(row["document"], AlignedDocument(row["document"], row["pivot"], [], []))
        document.units.append(_unit(row, langs))
    if pairs is not None:
        pair_langs = language_columns(pairs)
        for row in pairs.to_dict("records"):
            document = documents.setdefault(row["document"], AlignedDocument(row["document"], row["pivot"], [], []))
            document.pairs.setdefault(row["pair"], []).append(_unit(row, pair_langs))
    for document in documents.values():
        document.langs = lang_order({lang for unit in document.units for lang in unit.texts} | set(document.pairs) | {document.pivot})
    return list(documents.values())


def load(out: Path, name: str = "units") -> pd.DataFrame:
    """A table of a build: `units` (canonical, n-way) or `pairs`."""
    return pd.read_parquet(out / f"{name}.parquet")
