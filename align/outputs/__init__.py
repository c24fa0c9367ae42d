"""outputs: one module per output, registered in EXPORTERS (the build machinery and the tools write files of their own).

Each exporter splits its work in two: `render(document, options)` turns one aligned document into
what its files will hold (pure; it runs in the worker that aligned the document, and its result is
cached with it), and `write(rendered)` appends that to the files, in document order, in the main
process. So the expensive part (serialising TMX, tokenizing) runs in parallel, and an incremental
rebuild writes cached parts without rendering them again: their bytes are copied from the previous
build's files (align/pipeline/layout.py), which exporters do not see, as they write through streams.OutputFile.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Protocol

from align.model import AlignedDocument, BuildResult

if TYPE_CHECKING:
    from align.outputs.options import ExportOptions
    from align.streams import Recorder

# Output name -> "module:class". Each class streams aligned documents to its files under OUT.
EXPORTERS: dict[str, str] = {
    "tmx": "align.outputs.tmx:TmxExporter",
    "moses": "align.outputs.moses:MosesExporter",
    "tok": "align.outputs.moses:TokenizedExporter",
    "jsonl": "align.outputs.jsonl:JsonlExporter",
    "tsv": "align.outputs.tsv:TsvExporter",
    "tables": "align.outputs.tables:TablesExporter",
    "srx": "align.segment.rules_file:SrxExporter",
    "report": "align.outputs.report:ReportExporter",  # last: it lists what the others wrote
}
# Outputs `align export` writes again from units.parquet (the table itself and the report are the build's).
REEXPORTABLE = ("tmx", "moses", "tok", "jsonl", "tsv")


class Exporter(Protocol):
    """What every exporter does: render documents, write them in order, then finish its files."""

    def __init__(
        self,
        options: ExportOptions,
        langs: frozenset[str] = frozenset(),
        layout: Recorder | None = None,
    ) -> None:
        """`langs`: every language the build may see (the tables have a column for each); `layout`:
        where the streamed files record each document's spans (None: not recorded)."""

    @staticmethod
    def render(document: AlignedDocument, options: ExportOptions) -> Any:
        """What this output holds of one document (picklable); file contents as UTF-8 bytes, encoded
        in the worker: a str would be encoded to be pickled, decoded, and encoded again to be written."""

    def write(self, rendered: Any) -> None: ...

    def close(self, result: BuildResult) -> list[str]: ...

    def abort(self) -> None:
        """Remove what is half written; the previous complete outputs stay."""


def load(name: str) -> type[Exporter]:
    """The exporter class registered under `name` (imported on first use)."""
    module, _, cls = EXPORTERS[name].partition(":")
    return getattr(importlib.import_module(module), cls)


def selected(options: ExportOptions, with_report: bool = True) -> list[str]:
    """The outputs a build writes: --formats, or all; the report always (unless re-exporting)."""
    return [
        name
        for name in EXPORTERS
        if not options.formats or name in options.formats or name == "report" and with_report
    ]


def render(document: AlignedDocument, options: ExportOptions) -> dict[str, Any]:
    """Every selected output's part of one document (runs in the worker)."""
    return {name: load(name).render(document, options) for name in selected(options)}


class Exporters:
    """All selected exporters behind one write/close, in registry order."""

    def __init__(
        self,
        options: ExportOptions,
        langs: set[str] | frozenset[str] = frozenset(),
        with_report: bool = True,
        layout: Recorder | None = None,
    ) -> None:
        self.options = options
        self.exporters: dict[str, Exporter] = {}
        try:
            for name in selected(options, with_report):
                self.exporters[name] = load(name)(options, frozenset(langs), layout)
        except (
            BaseException
        ):  # one that cannot open its files: the others' are removed, not left open
            self.abort()
            raise

    def add(self, document: AlignedDocument) -> None:
        """Render and write one document here (re-exports, tests)."""
        self.write(
            {
                name: type(exporter).render(document, self.options)
                for name, exporter in self.exporters.items()
            }
        )

    def write(self, rendered: dict[str, Any]) -> None:
        for name, exporter in self.exporters.items():
            exporter.write(rendered[name])

    def abort(self) -> None:
        for exporter in self.exporters.values():
            exporter.abort()

    def close(self, result: BuildResult) -> list[str]:
        outputs: list[str] = []
        for exporter in self.exporters.values():
            result.outputs = outputs
            outputs += exporter.close(result)
        return outputs
