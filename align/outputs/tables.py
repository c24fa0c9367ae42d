"""OUT/units.parquet, OUT/units.tsv and OUT/pairs.parquet: one row per aligned unit, one text column per
language.

units.parquet is the canonical n-way table (memory.tmx's units, plus the units found in one language
only, flagged); pairs.parquet holds the pair view (each language with the pivot at its finest
alignment, one row per pair unit, a `pair` column naming the language). `read_documents` turns both
back into aligned documents, so every other output can be written again (`align export`) without
aligning again.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import json
from array import array
from collections.abc import Iterable
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.parquet as pq

from align.errors import AlignError
from align.files import abort, atomic_path
from align.json_text import json_text
from align.langs import lang_order
from align.model import AlignedDocument, AlignedUnit, BuildResult
from align.outputs.options import flags
from align.outputs.tsv import tsv_text
from align.streams import OutputFile, Recorder

if TYPE_CHECKING:
    import pandas as pd

    from align.outputs.options import ExportOptions

HEAD = ["document", "unit", "kind", "level", "srclang"]
TAIL = ["score", "flags", "pivot", "unit_ids", "marks", "pair"]


def row_of(
    unit: AlignedUnit, pivot: str, options: ExportOptions, pair: str = ""
) -> dict[str, object]:
    """A table row: ids, scores and provenance, then one column per language."""
    return {
        "document": unit.document,
        "unit": unit.id,
        "kind": unit.kind,
        "level": unit.level,
        "srclang": unit.srclang,
        "score": unit.score,
        "flags": ",".join(flags(unit, options)),
        "pivot": pivot,
        "unit_ids": json_text(unit.unit_ids),
        "marks": json.dumps(unit.marks) if unit.marks else "",
        "pair": pair,
    } | unit.texts


class TablesExporter:
    """Streams rows (single-language units included, flagged) to the tables, a batch of documents at a
    time, so memory does not grow with the corpus. Each document's rows are made in the worker as
    Arrow tables and TSV text with the build's columns, so this process only concatenates and writes."""

    BATCH = 10_000  # rows buffered before they are written: each write is a row group, whose metadata stays in memory until the file is closed

    def __init__(
        self,
        options: ExportOptions,
        langs: frozenset[str] = frozenset(),
        layout: Recorder | None = None,
    ) -> None:
        self.out, self.langs = options.out, set(langs)
        self.stack = contextlib.ExitStack()
        self.tables = {name: self._open(name) for name in ("units", "pairs")}
        self.tsv = OutputFile(self.stack, self.out / "units.tsv", layout)
        self.tsv.write("\t".join(schema(lang_order(self.langs), "units").names) + "\n")
        self.batches: dict[str, list[pa.Table]] = {"units": [], "pairs": []}
        self.rows = 0
        # Parquet encoding runs in a thread (pyarrow releases the GIL), beside this process's other writing;
        # one batch at a time, in order, so row groups keep the documents' order and memory stays flat.
        self._encoder = self.stack.enter_context(
            concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="parquet")
        )
        self._encoding: concurrent.futures.Future | None = None

    def _open(self, name: str) -> pq.ParquetWriter:
        path = self.stack.enter_context(atomic_path(self.out / f"{name}.parquet"))
        table_schema = schema(lang_order(self.langs), name)
        # Statistics only for the id columns: the footer keeps every row group's min and max, and for the
        # text columns those are whole paragraphs, so the footer (held in memory) grew with the corpus.
        statistics = [
            column
            for column in table_schema.names
            if column in HEAD or column in ("score", "pivot", "pair")
        ]
        return self.stack.enter_context(
            pq.ParquetWriter(path, table_schema, write_statistics=statistics)
        )

    @staticmethod
    def render(document: AlignedDocument, options: ExportOptions) -> dict[str, object]:
        """The document's rows with the build's language columns (its own when the build named none)."""
        langs = list(options.columns) or lang_order(document.langs)
        _check_columns(document.langs, langs)
        units = columns_of(
            [row_of(unit, document.pivot, options) for unit in document.units], langs, "units"
        )
        pairs = columns_of(
            [
                row_of(unit, document.pivot, options, lang)
                for lang in lang_order(document.pairs)
                for unit in document.pairs[lang]
            ],
            langs,
            "pairs",
        )
        return {
            "units": to_ipc(table_of(units, langs, "units")),
            "pairs": to_ipc(table_of(pairs, langs, "pairs")),
            "tsv": tsv_lines(units).encode(),
        }

    def write(self, rendered: dict[str, object]) -> None:
        tables = {name: from_ipc(rendered[name]) for name in self.tables}
        # rendered with the document's own languages (Exporters.add): conformed here, its TSV lines made again
        same = all(tables[name].schema == writer.schema for name, writer in self.tables.items())
        for name, writer in self.tables.items():
            table = tables[name] if same else conform(tables[name], writer.schema)
            self.batches[name].append(table)
            self.rows += table.num_rows
        self.tsv.write(
            rendered["tsv"] if same else tsv_lines(self.batches["units"][-1].to_pydict())
        )
        if self.rows >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        self._wait()
        tables = {name: pa.concat_tables(batch) for name, batch in self.batches.items() if batch}
        self._encoding = self._encoder.submit(self._encode, tables)
        self.batches, self.rows = {"units": [], "pairs": []}, 0

    def _encode(self, tables: dict[str, pa.Table]) -> None:
        for name, table in tables.items():
            self.tables[name].write_table(table)

    def _wait(self) -> None:
        """The batch being encoded is written (its error, if any, raised here)."""
        if self._encoding is not None:
            encoding, self._encoding = self._encoding, None
            encoding.result()

    def abort(self) -> None:
        # the encoder first (the last entered): its batch ends before the files are dropped
        abort(self.stack)

    def close(self, result: BuildResult) -> list[str]:
        self._flush()
        self._wait()
        self.stack.close()
        return ["units.parquet", "units.tsv", "pairs.parquet"]


def to_ipc(table: pa.Table) -> bytes:
    """A table as an Arrow IPC stream: how rows travel from the workers and wait in the cache, because
    reading one back takes a fifth of the time unpickling the table does (it is not copied)."""
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def from_ipc(data: bytes) -> pa.Table:
    return pa.ipc.open_stream(data).read_all()


def schema(langs: list[str], name: str) -> pa.Schema:
    """A table's columns in contract order: ids, one column per language (UN order), scores; `pair`
    (the language of the pair view) in pairs.parquet only."""
    columns = [column for column in HEAD + langs + TAIL if name == "pairs" or column != "pair"]
    return pa.schema(
        [(column, pa.float64() if column == "score" else pa.string()) for column in columns]
    )


def columns_of(
    rows: list[dict[str, object]], langs: list[str], name: str
) -> dict[str, list[object]]:
    """The rows as the table's columns, in its order (None where a row lacks a language)."""
    return {column: [row.get(column) for row in rows] for column in schema(langs, name).names}


def table_of(columns: dict[str, list[object]], langs: list[str], name: str) -> pa.Table:
    """The columns as an Arrow table, each array built from its buffers: pa.array imports pandas on its
    first call (to check for pandas objects), in every worker, and an incremental rebuild's changed
    document would wait for it."""
    table_schema = schema(langs, name)
    return pa.Table.from_arrays(
        [_array(columns[field.name], field.type) for field in table_schema], schema=table_schema
    )


def _array(values: list[object], type_: pa.DataType) -> pa.Array:
    """A string or float64 array of `values` (None: null) from its validity bitmap and data buffers."""
    valid = [value is not None for value in values]
    nulls = len(values) - sum(valid)
    bitmap = (
        pa.py_buffer(
            bytes(
                sum(bit << k for k, bit in enumerate(valid[i : i + 8]))
                for i in range(0, len(valid), 8)
            )
        )
        if nulls
        else None
    )
    if type_ == pa.float64():
        buffers = [pa.py_buffer(array("d", [0.0 if value is None else value for value in values]))]
    else:
        encoded = [b"" if value is None else value.encode() for value in values]  # type: ignore[union-attr]
        buffers = [
            pa.py_buffer(array("i", accumulate(map(len, encoded), initial=0))),
            pa.py_buffer(b"".join(encoded)),
        ]
    return pa.Array.from_buffers(type_, len(values), [bitmap, *buffers], null_count=nulls)


def conform(table: pa.Table, target: pa.Schema) -> pa.Table:
    """`table` with `target`'s columns: languages it lacks are empty (null)."""
    _check_columns(table.column_names, target.names)
    return pa.table(
        [
            table[name] if name in table.column_names else pa.nulls(table.num_rows, field.type)
            for name, field in zip(target.names, target)
        ],
        schema=target,
    )


def _check_columns(names: list[str], columns: list[str]) -> None:
    extra = set(names) - set(columns)
    if extra:
        raise ValueError(f"languages {sorted(extra)} have no table column")


def tsv_lines(units: dict[str, list[object]]) -> str:
    """units.tsv's lines for these columns (CSV quoting where needed, an empty field for no text), as
    pandas' to_csv writes them (the same csv module underneath), without pandas in the build."""
    return tsv_text(zip(*units.values()))


def open_table(path: Path) -> pq.ParquetFile:
    """A build's table, to be read a batch at a time; one missing or damaged is an error in one line."""
    try:
        return pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as error:  # ArrowInvalid: cut short, empty, or not Parquet
        raise AlignError(
            f"{path}: not a table a build wrote ({' '.join(str(error).split())[:200]}); build again"
        ) from None


def language_columns(columns: Iterable[str]) -> list[str]:
    """The language columns among a table's (a frame's `columns`, a schema's `names`)."""
    return [column for column in columns if column not in HEAD + TAIL]


def _unit(row: dict[str, object], langs: list[str]) -> AlignedUnit:
    texts = {lang: text for lang in langs if isinstance(text := row[lang], str)}
    return AlignedUnit(
        row["document"],
        row["unit"],
        row["kind"],
        row["level"],
        texts,
        json.loads(row["unit_ids"]),
        float(row["score"]),
        tuple(flag for flag in row["flags"].split(",") if flag),
        row["srclang"],
        {
            lang: tuple(map(tuple, marks))
            for lang, marks in json.loads(row["marks"] or "{}").items()
        },
    )


def read_documents(
    units: pd.DataFrame | None, pairs: pd.DataFrame | None = None
) -> list[AlignedDocument]:
    """Aligned documents back from the tables' rows, in their order."""
    documents: dict[str, AlignedDocument] = {}
    if units is not None:
        langs = language_columns(units.columns)
        for row in units.to_dict("records"):
            document = documents.setdefault(
                row["document"], AlignedDocument(row["document"], row["pivot"], [], [])
            )
            document.units.append(_unit(row, langs))
    if pairs is not None:
        pair_langs = language_columns(pairs.columns)
        for row in pairs.to_dict("records"):
            document = documents.setdefault(
                row["document"], AlignedDocument(row["document"], row["pivot"], [], [])
            )
            document.pairs.setdefault(row["pair"], []).append(_unit(row, pair_langs))
    for document in documents.values():
        document.langs = lang_order(
            {lang for unit in document.units for lang in unit.texts}
            | set(document.pairs)
            | {document.pivot}
        )
    return list(documents.values())
