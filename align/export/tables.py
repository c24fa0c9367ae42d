"""OUT/units.parquet, OUT/units.tsv and OUT/pairs.parquet: one row per aligned unit, one text column per
language.

units.parquet is the canonical n-way table (memory.tmx's units, plus the units found in one language
only, flagged); pairs.parquet holds the pair view (each language with the pivot at its finest
alignment, one row per pair unit, a `pair` column naming the language). `read_documents` turns both
back into aligned documents, so every other output can be written again (`align export`) without
aligning again.
"""

from __future__ import annotations

import contextlib
import csv
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from align.export.files import abort, atomic_path
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
    """Streams rows (single-language units included, flagged) to the tables, a batch of documents at a
    time, so memory does not grow with the corpus."""

    BATCH = 10_000  # rows buffered before they are written: each write is a row group, whose metadata stays in memory until the file is closed

    def __init__(self, options: BuildOptions, langs: frozenset[str] = frozenset()) -> None:
        self.out, self.langs = options.out, set(langs)
        self.stack = contextlib.ExitStack()
        self.tables = {name: self._open(name) for name in ("units", "pairs")}
        self.tsv = self.stack.enter_context(open(self.stack.enter_context(atomic_path(self.out / "units.tsv")), "w", encoding="utf-8", newline=""))
        self.tsv.write("\t".join(column for column in self._columns() if column != "pair") + "\n")
        self.rows: dict[str, list[pd.DataFrame]] = {"units": [], "pairs": []}

    def _columns(self) -> list[str]:
        return HEAD + lang_order(self.langs) + TAIL

    def _open(self, name: str) -> pq.ParquetWriter:
        path = self.stack.enter_context(atomic_path(self.out / f"{name}.parquet"))
        columns = [column for column in self._columns() if name == "pairs" or column != "pair"]
        schema = pa.schema([(column, pa.float64() if column == "score" else pa.string()) for column in columns])
        # Statistics only for the id columns: the footer keeps every row group's min and max, and for the
        # text columns those are whole paragraphs, so the footer (held in memory) grew with the corpus.
        statistics = [column for column in columns if column in HEAD or column in ("score", "pivot", "pair")]
        return self.stack.enter_context(pq.ParquetWriter(path, schema, write_statistics=statistics))

    @staticmethod
    def render(document: AlignedDocument, options: BuildOptions) -> dict[str, pd.DataFrame]:
        """The document's rows as frames with its own language columns (the writer adds the others)."""
        langs = set(document.langs)
        return {
            "units": to_frame([row_of(unit, document.pivot) for unit in document.units], langs),
            "pairs": to_frame([row_of(unit, document.pivot, lang) for lang in lang_order(document.pairs)
                               for unit in document.pairs[lang]], langs),
        }

    def write(self, rendered: dict[str, pd.DataFrame]) -> None:
        for name, frame in rendered.items():
            extra = set(language_columns(frame)) - self.langs
            if extra:
                raise ValueError(f"languages {sorted(extra)} have no table column")
            self.rows[name].append(frame)
        if sum(len(frame) for frames in self.rows.values() for frame in frames) >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        for name, frames in self.rows.items():
            frames = [frame for frame in frames if len(frame)]
            if not frames:
                continue
            frame = pd.concat(frames, ignore_index=True).reindex(columns=self._columns())
            frame[language_columns(frame)] = frame[language_columns(frame)].astype("string")
            if name == "units":
                frame = frame.drop(columns="pair")
                frame.to_csv(self.tsv, sep="\t", index=False, header=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
            self.tables[name].write_table(pa.Table.from_pandas(frame, schema=self.tables[name].schema, preserve_index=False))
        self.rows = {"units": [], "pairs": []}

    def abort(self) -> None:
        abort(self.stack)

    def close(self, result: BuildResult) -> list[str]:
        self._flush()
        self.stack.close()
        return ["units.parquet", "units.tsv", "pairs.parquet"]


def to_frame(rows: list[dict[str, object]], langs: set[str]) -> pd.DataFrame:
    """The table with its columns in contract order: ids, one column per language (UN order), scores."""
    frame = pd.DataFrame(rows, columns=HEAD + lang_order(langs) + TAIL)
    for column in frame.columns:
        frame[column] = frame[column].astype("float64" if column == "score" else "string")
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
