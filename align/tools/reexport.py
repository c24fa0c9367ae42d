"""`align export`: the outputs written again from a build's tables, filtered and split by document."""

from __future__ import annotations

import contextlib
import dataclasses
import json
from collections import Counter
from pathlib import Path

from align.files import build_folders, only_writer, remove_files
from align.model import AlignedDocument, AlignedUnit, BuildResult
from align.outputs import Exporters, tables
from align.outputs.options import ExportOptions, now
from align.tools.dataset import SPLITS, DatasetOptions, Table, assign_splits, by_document


def export_dataset(
    out: Path, to: Path, export: ExportOptions, options: DatasetOptions
) -> dict[str, object]:
    """Write outputs again from a build's tables, filtered and split by document, under `to`; the tables
    are read a batch at a time (tools/dataset.py), the outputs written a document at a time."""
    with only_writer(out):  # a build meanwhile would replace the tables being read
        _clear_earlier(to)
        return _export_dataset(out, to, export, options)


def _clear_earlier(to: Path) -> None:
    """The files an earlier export wrote in `to` (it has a dataset.json), so that a split of before does
    not stay beside a new export: only the names exporters write, in the folders they write them in."""
    if not (to / "dataset.json").is_file():
        return
    for split in ("", *SPLITS):
        folder = to / split if split else to
        if folder.is_symlink() or not folder.is_dir():
            continue
        for written, pattern in build_folders(folder):
            if written.name == ".cache" or written.parent.name == ".cache":
                continue
            remove_files(written, pattern.fullmatch)
        for empty in sorted(
            (path for path in folder.rglob("*") if path.is_dir() and not path.is_symlink()),
            reverse=True,
        ):
            with contextlib.suppress(OSError):
                empty.rmdir()  # only if nothing else is in it
        if split:
            with contextlib.suppress(OSError):
                folder.rmdir()


def _export_dataset(
    out: Path, to: Path, export: ExportOptions, options: DatasetOptions
) -> dict[str, object]:
    units, pairs = Table(out, "units", options), Table(out, "pairs", options)
    split_of = assign_splits(sorted(units.symbols | pairs.symbols), options.split, options.seed)
    names, pivot, langs = (
        SPLITS[: max(1, len(options.split))],
        units.pivot(),
        set(units.langs) | set(pairs.langs),
    )
    told = dataclasses.replace(export, pivot=pivot, now=now(), made_by=_signature(out))
    exporters = {
        name: Exporters(
            dataclasses.replace(told, out=to / name if options.split else to),
            langs,
            with_report=False,
        )
        for name in names
    }
    rows: dict[str, Counter[str]] = {"units": Counter(), "pairs": Counter()}
    documents: dict[str, list[str]] = {name: [] for name in names}
    try:
        for symbol, unit_rows, pair_rows in by_document(units, pairs):
            name = split_of[symbol]
            for document in tables.read_documents(unit_rows, pair_rows):
                exporters[name].add(_only(document, options.langs) if options.langs else document)
            rows["units"][name] += 0 if unit_rows is None else len(unit_rows)
            rows["pairs"][name] += 0 if pair_rows is None else len(pair_rows)
            documents[name].append(symbol)
        for exporter in exporters.values():
            exporter.close(BuildResult())
    except BaseException:
        for exporter in exporters.values():
            exporter.abort()
        raise
    # a split asked for that got no pair: training on it, or evaluating, would silently use nothing
    warnings = [
        f"the {name} split is empty: {len(documents[name])} documents, no pair of sentences; "
        f"{len(split_of)} documents are too few for --split {','.join(f'{part:g}' for part in options.split)}"
        for name, fraction in zip(names, options.split)
        if fraction and not rows["pairs"][name]
    ]
    summary = {
        "to": str(to),
        "formats": list(export.formats),
        "warnings": warnings,
        "options": dataclasses.asdict(options),
        "export": export.record(),
        "removed": units.removed,
        "removed_pairs": pairs.removed,
        "splits": {name: rows["units"][name] for name in names},
        "pair_splits": {name: rows["pairs"][name] for name in names},
        "documents": {name: sorted(documents[name]) for name in names},
    }
    to.mkdir(parents=True, exist_ok=True)
    (to / "dataset.json").write_text(
        json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return summary


def _only(document: AlignedDocument, langs: tuple[str, ...]) -> AlignedDocument:
    """A document with only the languages of `langs` (the pairs of the others dropped, the units' texts in
    them removed: a unit left in one language stays out of the memory, as keep() decides)."""

    def kept(unit: AlignedUnit) -> AlignedUnit:
        return dataclasses.replace(
            unit, texts={lang: text for lang, text in unit.texts.items() if lang in langs}
        )

    return dataclasses.replace(
        document,
        langs=[lang for lang in document.langs if lang in langs],
        units=[kept(unit) for unit in document.units],
        pairs={
            lang: units
            for lang, units in document.pairs.items()
            if lang in langs and document.pivot in langs
        },
    )


def _signature(out: Path) -> str:
    """The signature of the build whose tables are exported (its report.json), for the TMX headers."""
    try:
        signature = json.loads((out / "report.json").read_text(encoding="utf-8")).get(
            "signature", ""
        )
    except (OSError, ValueError, AttributeError):
        return ""
    return signature if isinstance(signature, str) else ""
