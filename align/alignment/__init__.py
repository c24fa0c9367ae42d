"""alignment: the language versions of one document to aligned units, by an aligner chosen by name.

An aligner scores what it pairs; it never decides what the outputs keep (align/outputs/options.py).
A second aligner is one module with a class like NumberedAligner and one line in ALIGNERS.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Protocol

from align.corrections import Correction
from align.errors import UsageError
from align.langs import DEFAULT_PIVOT, parse_lang
from align.model import AlignedDocument, Document, Segmenter

# Aligner name -> "module:class".
ALIGNERS: dict[str, str] = {
    "numbers": "align.alignment.numbered:NumberedAligner",
}


@dataclass(frozen=True)
class AlignOptions:
    """What the alignment depends on; with the aligner's signature, it keys the cache of aligned documents."""

    pivot: str = ""  # language the others are aligned to; "" = French, else the first of PIVOT_FALLBACK a document has
    # align sentences inside units (n-way where all languages agree, else per pair)
    sentences: bool = True
    aligner: str = "numbers"  # one of ALIGNERS

    def __post_init__(self) -> None:
        try:
            if self.pivot:
                parse_lang(self.pivot)
        except ValueError as error:
            raise UsageError(str(error)) from None
        if self.aligner not in ALIGNERS:
            raise UsageError(f"unknown aligner {self.aligner!r} (one of {', '.join(ALIGNERS)})")

    @property
    def wanted_pivot(self) -> str:
        """The pivot asked for, or the default one: a document without it is pivoted by PIVOT_FALLBACK."""
        return self.pivot or DEFAULT_PIVOT


class Aligner(Protocol):
    """Aligns every language version of one document; made once per worker."""

    def __init__(self, pivot: str, sentences: bool, segmenter: Segmenter) -> None: ...

    @classmethod
    def signature(cls, options: AlignOptions) -> tuple[str, ...]:
        """How it aligns with `options`, for the TMX header and the report: changes when the results do."""

    def align(
        self, documents: list[Document], corrections: list[Correction] | None = None
    ) -> AlignedDocument:
        """`corrections`: a translator's fixes of this document (align/corrections.py), applied as fixed
        links that override the aligner."""


def aligner_class(name: str) -> type[Aligner]:
    """The aligner registered under `name` (imported on first use)."""
    module, _, cls = ALIGNERS[name].partition(":")
    return getattr(importlib.import_module(module), cls)


def aligner(options: AlignOptions, segmenter: Segmenter) -> Aligner:
    """The aligner `options` name, set up with them."""
    return aligner_class(options.aligner)(options.wanted_pivot, options.sentences, segmenter)
