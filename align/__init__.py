"""align: UN document language versions to TMX translation memories and parallel corpora.

The public API, what the `align` command itself calls:

    import align
    result = align.build("corpora", out="out", pivot="fr", min_score=0.2)   # BuildResult
    document = align.inspect("corpora/udhr/udhr-fr.md")                    # Document, its units
    align.export("out", formats=["moses"], split=(80, 10, 10))            # dataset.json's summary
    align.lookup("out", "Tous les êtres humains naissent libres")         # matches with their translations
    align.validate("out/memory.tmx")                                      # problems found
    align.fetch("A/RES/60/212", "docs")                                   # every language, from the UN

Importing align imports nothing else: each function imports its room when called, so `import align`
stays instant and pulls in neither pandas, Dask nor the PDF reader.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from align.version import __version__

if TYPE_CHECKING:
    from align.model import BuildResult, Document
    from align.sources.fetch import Entry, FetchResult
    from align.tools.lookup import Match
    from align.tools.validate import Problem

# The types a user of the API meets, each imported from its room on first use.
_TYPES = {
    "BuildOptions": "align.pipeline.options",
    "ReadOptions": "align.ingest",
    "AlignOptions": "align.alignment",
    "ExportOptions": "align.outputs.options",
    "DatasetOptions": "align.tools.dataset",
    "FetchOptions": "align.sources.fetch",
    "Document": "align.model",
    "Unit": "align.model",
    "AlignedDocument": "align.model",
    "AlignedUnit": "align.model",
    "BuildResult": "align.model",
    "InputRecord": "align.model",
    "AlignError": "align.errors",
    "UsageError": "align.errors",
}
__all__ = ["__version__", "build", "export", "fetch", "inspect", "lookup", "validate", *_TYPES]


def __getattr__(name: str) -> Any:  # PEP 562: the types, imported when first asked for
    if name in _TYPES:
        return getattr(importlib.import_module(_TYPES[name]), name)
    raise AttributeError(f"module 'align' has no attribute {name!r}")


def build(
    inputs: str | Path | Iterable[str | Path],
    out: str | Path,
    progress: Callable[[str, int], None] | None = None,
    **options: Any,
) -> BuildResult:
    """Align the documents under `inputs` and write the memory, corpora and report to `out`. `options`
    are the build's flags by their long names (pivot, langs, min_score, profile, jobs, engine, ...);
    `progress(symbol, total)` is called as each document is done."""
    from align.pipeline.options import BuildOptions
    from align.pipeline.run import build as run

    return run(BuildOptions.of(inputs, out, **options), progress)


def fetch(
    symbols: str | Iterable[str],
    to: str | Path,
    progress: Callable[[Entry], None] | None = None,
    **options: Any,
) -> FetchResult:
    """Fetch the official language versions of UN documents by symbol into `to`, under the names `build`
    reads; `options` are the fetch flags by their long names (langs, format, server, rate, ...)."""
    from align.sources.fetch import FetchOptions
    from align.sources.fetch import fetch as run

    chosen = {
        name: tuple(value) if isinstance(value, list) else value for name, value in options.items()
    }
    return run(
        [symbols] if isinstance(symbols, str) else list(symbols),
        Path(to),
        FetchOptions(**chosen),
        progress,
    )


def inspect(path: str | Path, lang: str = "") -> Document:
    """How one file is read and parsed: its symbol, language, metadata and units (`lang`: its language,
    whatever its name says)."""
    from align.ingest import read_source
    from align.structure import parse

    return parse(read_source(Path(path), lang))


def export(out: str | Path, to: str | Path | None = None, **options: Any) -> dict[str, object]:
    """Write a build's outputs again from its tables, filtered and split (`align export`); `options` are
    the export flags by their long names (formats, profile, lang_codes, min_score, split, dedupe, ...)."""
    import dataclasses

    from align.outputs import REEXPORTABLE
    from align.outputs.options import ExportOptions
    from align.tools.dataset import DatasetOptions
    from align.tools.reexport import export_dataset

    dataset = {item.name for item in dataclasses.fields(DatasetOptions)}
    chosen = {
        name: tuple(value) if isinstance(value, list) else value for name, value in options.items()
    }
    export_options = {name: value for name, value in chosen.items() if name not in dataset}
    export_options.setdefault("formats", REEXPORTABLE)
    out = Path(out)
    return export_dataset(
        out,
        Path(to) if to else out / "export",
        ExportOptions(**export_options),
        DatasetOptions(**{name: value for name, value in chosen.items() if name in dataset}),
    )


def lookup(
    out: str | Path, query: str, lang: str = "", fuzzy: bool = False, limit: int = 10
) -> list[Match]:
    """The units of a built memory that hold `query` in `lang` (default: the default pivot, French), or come
    close to it with `fuzzy`, with their translations."""
    from align.langs import DEFAULT_PIVOT
    from align.tools.lookup import lookup as find

    return find(Path(out), query, lang or DEFAULT_PIVOT, fuzzy, limit)


def validate(path: str | Path) -> list[Problem]:
    """What is wrong with a TMX file: the DTD's errors and what CAT tools need."""
    from align.tools.validate import validate_tmx

    return validate_tmx(Path(path))
