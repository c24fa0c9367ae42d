"""OUT/report.json and OUT/report.html: every input with its outcome, what was aligned, what is flagged.

report.html is the review page's index: the flagged units first, each in every language (the pivot's
column marked) with a link to it in its document's page, then the documents, then the inputs. Each
document has a page of its own, OUT/report/<symbol>.html, side by side in all its languages, unit by
unit, flagged and low-score units highlighted, right-to-left languages set right to left. Every page is
self-contained (no script, no network), and none grows with the number of documents but the index's
lists, which are capped (MAX_FLAGGED) or one line per document.
"""

from __future__ import annotations

import heapq
import html
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from align.files import atomic_path, remove_files
from align.json_text import json_text
from align.langs import language
from align.model import AlignedDocument, AlignedUnit, BuildResult
from align.outputs.options import DOUBTFUL, flags, low
from align.spool import ByteSpool
from align.untext import symbol_slug
from align.version import __version__

if TYPE_CHECKING:
    from align.outputs.options import ExportOptions
    from align.streams import Recorder

REPORT_VERSION = 1
# report.json lists this many flagged units, and the index shows the lowest-scored of them in every
# language, so that both stay readable (the rest are marked on their documents' pages) and memory flat.
MAX_FLAGGED = 5000
MAX_SHOWN = 500
PAGES = "report"  # OUT/report/<symbol>.html: one page per document
_PAGE = re.compile(r"[\w().+-]+\.html")
# flags that say how a unit was aligned, not that it needs a look
INFORMATIONAL = frozenset({"by-length"})
_STYLE = """body{font-family:"Noto Sans","Noto Sans CJK SC","Noto Naskh Arabic",sans-serif;margin:2em}
table{border-collapse:collapse;margin-bottom:2em}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:start}
th{background:#eee}table.review td{min-width:9em}tr.flagged td{background:#fff4d6}tr.low td{background:#fde2e2}td.id{white-space:nowrap;font-family:monospace}
.flags{color:#8a5a00;font-size:smaller}th.pivot,td.pivot{border-left:3px solid #555;border-right:3px solid #555}"""


class _Listing:
    """A list of the report as it stands in both files: each item's JSON (after the separator that goes
    before it) and, where the page lists them all, its table row, kept in byte spools and copied into the
    files whole, so that neither the build's memory nor the report's writing grows with what is listed,
    and no item is read back, decoded and encoded again (items come encoded from the workers, and from
    the cache)."""

    def __init__(self, folder: Path) -> None:
        self.json, self.rows = ByteSpool(folder), ByteSpool(folder)

    def append(self, json: str, row: str = "") -> None:
        self.json.append(((",\n  " if len(self.json) else "\n  ") + json).encode())
        if row:
            self.rows.append(row.encode())

    def __len__(self) -> int:
        return len(self.json)


class ReportExporter:
    """Summarises the build; written last, so it can list the files the other exporters wrote. The
    per-document summaries wait on disk and both files are written as a stream, so neither the
    build nor the writing of its report grows with the number of documents."""

    def __init__(
        self,
        options: ExportOptions,
        langs: frozenset[str] = frozenset(),
        layout: Recorder | None = None,
    ) -> None:
        self.options = options
        self.documents = _Listing(options.out)
        self.flagged = _Listing(options.out)  # up to MAX_FLAGGED units with their texts: megabytes
        self.pages: set[str] = set()  # the documents' pages written
        self.shown: list[
            tuple[float, int, str]
        ] = []  # a heap of the MAX_SHOWN lowest-scored flagged units' rows

    @staticmethod
    def render(document: AlignedDocument, options: ExportOptions) -> dict[str, object]:
        """The document's summary and its flagged units, each as JSON and as a table row, and its
        side-by-side section of the review page."""
        per_lang = Counter(
            lang for unit in document.units if len(unit.texts) > 1 for lang in unit.texts
        )
        summary = {
            "symbol": document.symbol,
            "pivot": document.pivot,
            "langs": document.langs,
            "units": len(document.units),
            "aligned_units": sum(1 for unit in document.units if len(unit.texts) > 1),
            "aligned_per_lang": dict(sorted(per_lang.items())),
            "levels": dict(Counter(unit.level for unit in document.units)),
        }
        if document.corrections:  # a translator's: applied, or stale since the sources changed
            summary["corrections"] = document.corrections
        flagged = [
            (unit, shown) for unit in document.units for shown in [flags(unit, options)] if shown
        ][:MAX_FLAGGED]
        page = page_name(document.symbol)
        langs = list(options.columns) or document.langs
        items = [
            {
                "document": unit.document,
                "unit": unit.id,
                "score": unit.score,
                "flags": list(shown),
                "text": unit.texts.get(document.pivot) or next(iter(unit.texts.values())),
            }
            for unit, shown in flagged
        ]
        link = f'<a href="{html.escape(page)}">{html.escape(document.symbol)}</a>'
        return {
            "summary": (
                json_text(summary),
                _html_row(
                    [
                        link,
                        *map(
                            html.escape,
                            [
                                document.pivot,
                                " ".join(document.langs),
                                str(summary["units"]),
                                str(summary["aligned_units"]),
                                str(len(flagged)),
                            ],
                        ),
                    ]
                ),
            ),
            "flagged": [
                (
                    json_text(item),
                    _flagged_row(unit, shown, page, document.pivot, langs),
                    unit.score,
                )
                for item, (unit, shown) in zip(items, flagged)
            ],
            # compressed: every document's page travels from the worker and is cached
            "page": (page, zlib.compress(document_page(document, options).encode(), 1)),
        }

    def write(self, rendered: dict[str, object]) -> None:
        self.documents.append(*rendered["summary"])
        for json, row, score in rendered["flagged"][: max(0, MAX_FLAGGED - len(self.flagged))]:
            self.flagged.append(json)  # the page shows the lowest-scored only (self.shown)
            # the highest score, the latest, goes first
            heapq.heappush(self.shown, (-score, -len(self.flagged), row))
            if len(self.shown) > MAX_SHOWN:
                heapq.heappop(self.shown)
        name, page = rendered["page"]
        with atomic_path(self.options.out / name) as path:
            path.write_bytes(zlib.decompress(page))
        self.pages.add(Path(name).name)

    def report(self, result: BuildResult) -> dict[str, object]:
        """The report; "inputs" is an iterable read back from disk, "documents" and "flagged" are listings
        copied from disk, as they are written."""
        options = self.options
        return {
            "version": __version__,
            "report_version": REPORT_VERSION,
            "signature": options.made_by,
            "options": result.options
            | ({"jobs": result.workers} if "jobs" in result.options else {}),
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
        with (
            atomic_path(self.options.out / "report.json") as path,
            open(path, "w", encoding="utf-8", errors="backslashreplace") as file,
        ):
            write_json(self.report(result), file)
        with (
            atomic_path(self.options.out / "report.html") as path,
            open(path, "w", encoding="utf-8", errors="backslashreplace") as file,
        ):
            write_html(
                self.report(result),
                self.options,
                [row for *_, row in sorted(self.shown, key=lambda item: (-item[0], -item[1]))],
                file,
            )
        folder = self.options.out / PAGES
        if folder.is_dir() and not folder.is_symlink():  # the pages of documents gone
            remove_files(folder, lambda name: name not in self.pages and _PAGE.fullmatch(name))
        return ["report.json", "report.html", f"{PAGES}/"]


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
    attributes = (
        (f' lang="{html.escape(lang)}"' if lang else "")
        + direction
        + (f' class="{css}"' if css else "")
    )
    return f"<td{attributes}>{html.escape(str(text))}</td>"


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


def _table_head(names: list[str], css: str, tail: str = "") -> str:
    """A table's opening and head row: `names`, then `tail` (heads made otherwise)."""
    head = "".join(f"<th>{html.escape(name)}</th>" for name in names)
    return f'<table class="{css}"><tr>{head}{tail}</tr>'


def page_name(symbol: str) -> str:
    """The path of a document's page, relative to OUT."""
    return f"{PAGES}/{symbol_slug(symbol)}.html"


def document_page(document: AlignedDocument, options: ExportOptions) -> str:
    """One document's page: its units side by side, each row anchored by its unit id (u-<id>)."""
    title = html.escape(document.symbol)
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title><style>{_STYLE}</style></head><body>\n'
        f'<p><a href="../report.html">align report</a></p>\n{review_section(document, options)}\n</body></html>\n'
    )


def review_section(document: AlignedDocument, options: ExportOptions) -> str:
    """One document side by side: a row per unit, a column per language (the pivot's marked)."""
    rows = []
    for unit in document.units:
        shown = flags(unit, options)
        warnings = [flag for flag in shown if flag not in INFORMATIONAL]
        doubtful = unit.score < DOUBTFUL or low(unit.score, options.min_score)
        css = "low" if doubtful and len(unit.texts) > 1 else "flagged" if warnings else ""
        meta = (
            f'<td class="id">{html.escape(unit.id)}<div class="flags">{html.escape(" ".join(shown))}</div>'
            f"<div>{unit.score:.3f}</div></td>"
        )
        texts = _text_cells(unit, document.langs, document.pivot)
        rows.append(
            f'<tr class="unit {css}" id="u-{html.escape(unit.id)}" data-unit="{html.escape(unit.id)}">{meta}{texts}</tr>'
        )
    title = html.escape(document.symbol)
    head = _table_head(["unit"], "review", _language_heads(document.langs, document.pivot))
    return (
        f'<section class="document" id="{title}"><h1>{title}</h1>{head}'
        + "".join(rows)
        + "</table></section>"
    )


def _text_cells(unit: AlignedUnit, langs: list[str], pivot: str) -> str:
    """A unit's text in each language, a cell each, the pivot's marked."""
    return "".join(
        _cell(unit.texts.get(lang, ""), lang, "pivot" if lang == pivot else "") for lang in langs
    )


def _language_heads(langs: list[str], pivot: str, named: bool = False) -> str:
    """A column head per language, the pivot's marked (and, `named`, said so)."""
    return "".join(
        f"<th{' class=pivot' if lang == pivot else ''}>{html.escape(lang)}{' (pivot)' if named and lang == pivot else ''}</th>"
        for lang in langs
    )


def _flagged_row(
    unit: AlignedUnit, shown: tuple[str, ...], page: str, pivot: str, langs: list[str]
) -> str:
    """A flagged unit in the index: linked to its row in its document's page, in every language."""
    where = f"{html.escape(page)}#u-{html.escape(unit.id)}"
    cells = [
        f'<a href="{html.escape(page)}">{html.escape(unit.document)}</a>',
        f'<a href="{where}">{html.escape(unit.id)}</a>',
        f"{unit.score:.3f}",
        html.escape(" ".join(shown)),
    ]
    return _html_row(cells, _text_cells(unit, langs, pivot))


def _html_row(cells: list[str], tail: str = "") -> str:
    """A table row of cells given as HTML, then `tail` (cells made otherwise)."""
    return '<tr><td dir="auto">' + '</td><td dir="auto">'.join(cells) + f"</td>{tail}</tr>"


def write_html(
    report: dict[str, object], options: ExportOptions, flagged: list[str], file: TextIO
) -> None:
    """The index as a self-contained page: summary, the flagged units given (lowest score first), the documents
    (linked to their pages), the inputs."""
    summary = ", ".join(f"{count} {outcome}" for outcome, count in report["summary"].items())
    notes = "".join(f"<p>{html.escape(note)}</p>" for note in report["notes"])
    file.write(f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>align report</title><style>{_STYLE}</style></head><body>
<h1>align report</h1>
<p>align {html.escape(str(report["version"]))} &middot; <code>{html.escape(str(report["signature"]))}</code></p>
<p id="summary">Inputs: {html.escape(summary)}</p>{notes}
<h2>Flagged units</h2>""")
    listed = len(report["flagged"])
    more = (
        f"<p>The {len(flagged)} lowest-scored of {listed}{'+' if listed >= MAX_FLAGGED else ''} flagged units; the others are "
        "marked on their documents' pages and listed in report.json.</p>"
        if len(flagged) < listed
        else ""
    )
    heads = _language_heads(list(options.columns), options.pivot, named=True)
    file.write(more + _table_head(["document", "unit", "score", "flags"], "flagged", heads))
    file.writelines(flagged)
    file.write("</table><h2>Documents</h2>")
    _write_table(
        file,
        ["symbol", "pivot", "languages", "units", "aligned units", "flagged units"],
        "documents",
        report["documents"],
    )
    file.write("<h2>Inputs</h2>")
    _write_table(
        file,
        ["file", "outcome", "symbol", "lang", "reason"],
        "inputs",
        (
            _row(
                [r["path"], r["outcome"], r["symbol"], r["lang"], r["reason"]],
                "skipped" if r["outcome"] == "skipped" else "",
            )
            for r in report["inputs"]
        ),
    )
    file.write("\n</body></html>\n")


def _row(cells: list[object], css: str = "") -> str:
    """A table row of plain cells (what _cell makes of a cell without language: written out here, as the
    report's tables have tens of thousands of cells)."""
    return (
        f'<tr class="{css}"><td dir="auto">'
        + '</td><td dir="auto">'.join(html.escape(str(cell)) for cell in cells)
        + "</td></tr>"
    )
