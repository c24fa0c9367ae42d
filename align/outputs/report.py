"""OUT/report.json and OUT/report.html: every input with its outcome, what was aligned, what is flagged.

report.html is also the review page: a self-contained file (no script, no network) that shows each
document side by side in all its languages, unit by unit, flagged and low-score units highlighted,
right-to-left languages set right to left.
"""

from __future__ import annotations

import html
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TextIO

from align.files import atomic_path
from align.json_text import json_text
from align.langs import language
from align.model import AlignedDocument, BuildResult
from align.outputs.options import DOUBTFUL, flags, low
from align.spool import ByteSpool
from align.version import __version__

if TYPE_CHECKING:
    from pathlib import Path

    from align.outputs.options import ExportOptions
    from align.streams import Recorder

REPORT_VERSION = 1
# The review page shows this many documents side by side (the rest are in its tables), and the
# report lists this many flagged units, so both stay readable and a build's memory stays flat.
MAX_REVIEW_DOCUMENTS = 200
MAX_FLAGGED = 5000
INFORMATIONAL = frozenset({"by-length"})  # flags that say how a unit was aligned, not that it needs a look
_STYLE = """body{font-family:"Noto Sans","Noto Sans CJK SC","Noto Naskh Arabic",sans-serif;margin:2em}
table{border-collapse:collapse;margin-bottom:2em}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:start}
th{background:#eee}table.review td{min-width:9em}tr.flagged td{background:#fff4d6}tr.low td{background:#fde2e2}td.id{white-space:nowrap;font-family:monospace}
.flags{color:#8a5a00;font-size:smaller}"""


class _Listing:
    """A list of the report as it stands in both files: each item's JSON (after the separator that goes
    before it) and its table row, kept in two byte spools and copied into the files whole, so that
    neither the build's memory nor the report's writing grows with what is listed, and no item is read
    back, decoded and encoded again (items come encoded from the workers, and from the cache)."""

    def __init__(self, folder: Path) -> None:
        self.json, self.rows = ByteSpool(folder), ByteSpool(folder)

    def append(self, json: str, row: str) -> None:
        self.json.append(((",\n  " if len(self.json) else "\n  ") + json).encode())
        self.rows.append(row.encode())

    def __len__(self) -> int:
        return len(self.json)


class ReportExporter:
    """Summarises the build; written last, so it can list the files the other exporters wrote. The
    per-document summaries wait on disk and both files are written as a stream, so neither the
    build nor the writing of its report grows with the number of documents."""

    def __init__(self, options: ExportOptions, langs: frozenset[str] = frozenset(), layout: Recorder | None = None) -> None:
        self.options = options
        self.documents = _Listing(options.out)
        self.flagged = _Listing(options.out)  # up to MAX_FLAGGED units with their texts: megabytes
        self.review = ByteSpool(options.out)  # sections of the review page (up to 200 documents: megabytes)

    @staticmethod
    def render(document: AlignedDocument, options: ExportOptions) -> dict[str, object]:
        """The document's summary and its flagged units, each as JSON and as a table row, and its
        side-by-side section of the review page."""
        per_lang = Counter(lang for unit in document.units if len(unit.texts) > 1 for lang in unit.texts)
        summary = {
            "symbol": document.symbol,
            "pivot": document.pivot,
            "langs": document.langs,
            "units": len(document.units),
            "aligned_units": sum(1 for unit in document.units if len(unit.texts) > 1),
            "aligned_per_lang": dict(sorted(per_lang.items())),
            "levels": dict(Counter(unit.level for unit in document.units)),
        }
        flagged = [
            {"document": unit.document, "unit": unit.id, "score": unit.score, "flags": list(shown),
             "text": unit.texts.get(document.pivot) or next(iter(unit.texts.values()))}
            for unit in document.units for shown in [flags(unit, options)] if shown
        ][:MAX_FLAGGED]
        return {
            "summary": (json_text(summary), _row([document.symbol, document.pivot, " ".join(document.langs),
                                                  summary["units"], summary["aligned_units"]])),
            "flagged": [(json_text(item), _row([item["document"], item["unit"], item["score"], " ".join(item["flags"]), item["text"]]))
                        for item in flagged],
            # compressed: the page shows 200 documents, but every document's section travels and is cached
            "review": zlib.compress(review_section(document, options).encode(), 1),
        }

    def write(self, rendered: dict[str, object]) -> None:
        self.documents.append(*rendered["summary"])
        for json, row in rendered["flagged"][: max(0, MAX_FLAGGED - len(self.flagged))]:
            self.flagged.append(json, row)
        if len(self.review) < MAX_REVIEW_DOCUMENTS:
            self.review.append(zlib.decompress(rendered["review"]))

    def report(self, result: BuildResult) -> dict[str, object]:
        """The report; "inputs" is an iterable read back from disk, "documents" and "flagged" are listings
        copied from disk, as they are written."""
        options = self.options
        return {
            "version": __version__,
            "report_version": REPORT_VERSION,
            "signature": options.made_by,
            "options": result.options | ({"jobs": result.workers} if "jobs" in result.options else {}),
            "summary": dict(result.inputs.counts),
            "inputs": (vars(record) for record in result.inputs),  # asdict deep-copies every record
            "documents": self.documents,
            "flagged": self.flagged,
            "notes": list(result.notes),
            "outputs": list(result.outputs) + ["report.json", "report.html"],
        }

    def abort(self) -> None:
        """Nothing is open before close()."""

    def close(self, result: BuildResult) -> list[str]:
        # a file name that is not UTF-8 (lone surrogates, os.fsdecode) is written with its escape: "\udcff"
        with atomic_path(self.options.out / "report.json") as path, open(path, "w", encoding="utf-8", errors="backslashreplace") as file:
            write_json(self.report(result), file)
        with atomic_path(self.options.out / "report.html") as path, open(path, "w", encoding="utf-8", errors="backslashreplace") as file:
            write_html(self.report(result), self.review, file)
        return ["report.json", "report.html"]


def write_json(report: dict[str, object], file: TextIO) -> None:
    """The report as JSON, one list item per line; lists given as iterators or listings are streamed."""
    file.write("{")
    for index, (key, value) in enumerate(report.items()):
        file.write(("," if index else "") + f"\n {json_text(key)}: ")
        if isinstance(value, _Listing):
            file.write("[")
            _copy(value.json, file)
            file.write("\n ]")
        elif isinstance(value, Iterator):
            file.write("[")
            for position, item in enumerate(value):
                file.write(("," if position else "") + "\n  " + json_text(item))
            file.write("\n ]")
        else:
            file.write(json_text(value))
    file.write("\n}\n")


def _cell(text: object, lang: str = "", css: str = "") -> str:
    direction = ' dir="rtl"' if lang and language(lang).direction == "rtl" else ' dir="auto"'
    attributes = (f' lang="{html.escape(lang)}"' if lang else "") + direction + (f' class="{css}"' if css else "")
    return f"<td{attributes}>{html.escape(str(text))}</td>"


def _table(names: list[str], rows: list[str], css: str = "") -> str:
    return _table_head(names, css) + "".join(rows) + "</table>"


def _write_table(file: TextIO, names: list[str], css: str, rows: Iterable[str] | _Listing) -> None:
    """A table streamed to `file`: its rows made as they come, or a listing's copied."""
    file.write(_table_head(names, css))
    if isinstance(rows, _Listing):
        _copy(rows.rows, file)
    else:
        file.writelines(rows)
    file.write("</table>")


def _copy(spool: ByteSpool, file: TextIO) -> None:
    """A spool's bytes (UTF-8, as the report files) appended to `file`."""
    file.flush()
    spool.copy_to(file.buffer)


def _table_head(names: list[str], css: str) -> str:
    head = "".join(f"<th>{html.escape(name)}</th>" for name in names)
    return f'<table class="{css}"><tr>{head}</tr>'


def review_section(document: AlignedDocument, options: ExportOptions) -> str:
    """One document side by side: a row per unit, a column per language."""
    rows = []
    for unit in document.units:
        shown = flags(unit, options)
        warnings = [flag for flag in shown if flag not in INFORMATIONAL]
        doubtful = unit.score < DOUBTFUL or low(unit.score, options.min_score)
        css = "low" if doubtful and len(unit.texts) > 1 else "flagged" if warnings else ""
        meta = f'<td class="id">{html.escape(unit.id)}<div class="flags">{html.escape(" ".join(shown))}</div>' \
               f"<div>{unit.score:.3f}</div></td>"
        texts = "".join(_cell(unit.texts.get(lang, ""), lang) for lang in document.langs)
        rows.append(f'<tr class="unit {css}" data-unit="{html.escape(unit.id)}">{meta}{texts}</tr>')
    title = html.escape(document.symbol)
    return f'<section class="document" id="{title}"><h3>{title}</h3>' + _table(["unit", *document.langs], rows, "review") + "</section>"


def write_html(report: dict[str, object], review: ByteSpool, file: TextIO) -> None:
    """The report as a self-contained page: summary, inputs, documents side by side, flagged units."""
    summary = ", ".join(f"{count} {outcome}" for outcome, count in report["summary"].items())
    notes = "".join(f"<p>{html.escape(note)}</p>" for note in report["notes"])
    file.write(f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>align report</title><style>{_STYLE}</style></head><body>
<h1>align report</h1>
<p>align {html.escape(str(report["version"]))} &middot; <code>{html.escape(str(report["signature"]))}</code></p>
<p id="summary">Inputs: {html.escape(summary)}</p>{notes}
<h2>Inputs</h2>""")
    _write_table(file, ["file", "outcome", "symbol", "lang", "reason"], "inputs", (
        _row([r["path"], r["outcome"], r["symbol"], r["lang"], r["reason"]], "skipped" if r["outcome"] == "skipped" else "")
        for r in report["inputs"]))
    file.write("<h2>Documents</h2>")
    _write_table(file, ["symbol", "pivot", "languages", "units", "aligned units"], "documents", report["documents"])
    more = "" if len(review) == len(report["documents"]) else f"<p>The first {len(review)} documents are shown.</p>"
    file.write(f"<h2>Side by side</h2>{more}")
    _copy(review, file)
    file.write("<h2>Flagged units</h2>")
    _write_table(file, ["document", "unit", "score", "flags", "pivot text"], "flagged", report["flagged"])
    file.write("\n</body></html>\n")


def _row(cells: list[object], css: str = "") -> str:
    """A table row of plain cells (what _cell makes of a cell without language: written out here, as the
    report's tables have tens of thousands of cells)."""
    return f'<tr class="{css}"><td dir="auto">' + '</td><td dir="auto">'.join(html.escape(str(cell)) for cell in cells) + "</td></tr>"
