"""export: the only stage that writes files; one module per output, registered in EXPORTERS."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Protocol

from align.model import AlignedDocument, BuildResult

if TYPE_CHECKING:
    from align.pipeline import BuildOptions

# Output name -> "module:class". Each class streams aligned documents to its files under OUT.
EXPORTERS: dict[str, str] = {
    "tmx": "align.export.tmx:TmxExporter",
    "moses": "align.export.moses:MosesExporter",
    "tok": "align.export.moses:TokenizedExporter",
    "jsonl": "align.export.jsonl:JsonlExporter",
    "tsv": "align.export.tsv:TsvExporter",
    "tables": "align.export.tables:TablesExporter",
    "srx": "align.export.segmentation:SrxExporter",
    "report": "align.export.report:ReportExporter",  # last: it lists what the others wrote
}


class Exporter(Protocol):
    """What every exporter does: take documents one at a time, then finish its files."""

    def __init__(self, options: BuildOptions, langs: frozenset[str] = frozenset()) -> None:
        """`langs`: every language the build may see (the tables have a column for each)."""

    def add(self, document: AlignedDocument) -> None: ...

    def close(self, result: BuildResult) -> list[str]: ...

    def abort(self) -> None:
        """Remove what is half written; the previous complete outputs stay."""


def load(name: str) -> type[Exporter]:
    """The exporter class registered under `name` (imported on first use)."""
    module, _, cls = EXPORTERS[name].partition(":")
    return getattr(importlib.import_module(module), cls)


class Exporters:
    """All selected exporters behind one add/close, in registry order."""

    def __init__(self, options: BuildOptions, langs: set[str] | frozenset[str] = frozenset(), with_report: bool = True) -> None:
        names = [name for name in EXPORTERS if not options.formats or name in options.formats or name == "report" and with_report]
        self.exporters = [load(name)(options, frozenset(langs)) for name in names]

    def add(self, document: AlignedDocument) -> None:
        for exporter in self.exporters:
            exporter.add(document)

    def abort(self) -> None:
        for exporter in self.exporters:
            exporter.abort()

    def close(self, result: BuildResult) -> list[str]:
        outputs: list[str] = []
        for exporter in self.exporters:
            result.outputs = outputs
            outputs += exporter.close(result)
        return outputs
