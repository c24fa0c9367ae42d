"""`align export`: the outputs written again from a build's tables, filtered and split by document."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from pathlib import Path

from align.files import only_writer
from align.model import BuildResult
from align.outputs import Exporters, tables
from align.outputs.options import ExportOptions, now
from align.tools.dataset import SPLITS, DatasetOptions, Table, assign_splits, by_document


def export_dataset(out: Path, to: Path, export: ExportOptions, options: DatasetOptions) -> dict[str, object]:
    """Write outputs again from a build's tables, filtered and split by document, under `to`; the tables
    are read a batch at a time (tools/dataset.py), the outputs written a document at a time."""
    with only_writer(out):  # a build meanwhile would replace the tables being read
        return _export_dataset(out, to, export, options)


def _export_dataset(out: Path, to: Path, export: ExportOptions, options: DatasetOptions) -> dict[str, object]:
    units, pairs = Table(out, "units", options), Table(out, "pairs", options)
    split_of = assign_splits(sorted(units.symbols | pairs.symbols), options.split, options.seed)
    names, pivot, langs = SPLITS[: max(1, len(options.split))], units.pivot(), set(units.langs) | set(pairs.langs)
    told = dataclasses.replace(export, pivot=pivot, now=now(), made_by=_signature(out))
    exporters = {name: Exporters(dataclasses.replace(told, out=to / name if options.split else to), langs, with_report=False)
                 for name in names}
    rows: dict[str, Counter[str]] = {"units": Counter(), "pairs": Counter()}
    documents: dict[str, list[str]] = {name: [] for name in names}
    try:
        for symbol, unit_rows, pair_rows in by_document(units, pairs):
            name = split_of[symbol]
            for document in tables.read_documents(unit_rows, pair_rows):
                exporters[name].add(document)
            rows["units"][name] += 0 if unit_rows is None else len(unit_rows)
            rows["pairs"][name] += 0 if pair_rows is None else len(pair_rows)
            documents[name].append(symbol)
        for exporter in exporters.values():
            exporter.close(BuildResult())
    except BaseException:
        for exporter in exporters.values():
            exporter.abort()
        raise
    summary = {
        "to": str(to), "formats": list(export.formats), "options": dataclasses.asdict(options), "export": export.record(),
        "removed": units.removed, "removed_pairs": pairs.removed,
        "splits": {name: rows["units"][name] for name in names},
        "pair_splits": {name: rows["pairs"][name] for name in names},
        "documents": {name: sorted(documents[name]) for name in names},
    }
    to.mkdir(parents=True, exist_ok=True)
    (to / "dataset.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return summary


def _signature(out: Path) -> str:
    """The signature of the build whose tables are exported (its report.json), for the TMX headers."""
    try:
        signature = json.loads((out / "report.json").read_text(encoding="utf-8")).get("signature", "")
    except (OSError, ValueError, AttributeError):
        return ""
    return signature if isinstance(signature, str) else ""
