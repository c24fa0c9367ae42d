"""The work on one document symbol, wherever it runs (here, a local worker, a Dask worker): read its files,
parse them, align them, render its share of every output. A pure function of its files and the options,
so it can run anywhere; or, when the cache holds its alignment and only the outputs' options changed,
the stored alignment rendered again."""

from __future__ import annotations

import logging
from pathlib import Path

from align.alignment import aligner
from align.corrections import Correction, decode
from align.errors import AlignError
from align.ingest import read_source
from align.langs import lang_order
from align.model import AlignedDocument, Document, Group, GroupResult, InputRecord
from align.outputs import render
from align.pipeline import cache
from align.pipeline.options import BuildOptions
from align.segment import Segmenter
from align.structure import parse

log = logging.getLogger(__name__)


def process(group: Group, options: BuildOptions) -> GroupResult:
    """Read, parse and align one document symbol's files, or render the alignment the cache holds for them."""
    if group.aligned:
        stored = cache.read_aligned(group.aligned)
        if stored is not None:  # else (damaged, or gone since the plan): aligned again below
            records, aligned = stored
            rendered = render(aligned, options.export) if aligned else {}
            return GroupResult(
                group.symbol, len(aligned.units) if aligned else 0, records, rendered, reused=True
            )
    records, aligned = read_and_align(group, options)
    stored_form = cache.aligned_entry(records, aligned) if options.cache else b""
    if aligned is None:
        return GroupResult(group.symbol, 0, records, aligned=stored_form)
    return GroupResult(
        aligned.symbol,
        len(aligned.units),
        records,
        render(aligned, options.export),
        aligned=stored_form,
    )


def read_versions(group: Group, options: BuildOptions) -> tuple[list[InputRecord], list[Document]]:
    """The usable language versions of a group's files, parsed, and the outcome of each file that is
    not (skipped or ignored, with why)."""
    documents: list[Document] = []
    records: list[InputRecord] = []
    for path in map(Path, group.paths):
        try:
            document = parse(
                read_source(path, options.read.lang_of(str(path)), options.read.symbol)
            )
        except AlignError as error:
            records.append(InputRecord(str(path), "skipped", str(error)))
            continue
        except (
            Exception
        ) as error:  # a reader bug must not lose the other files; the report says which
            log.debug("%s: unexpected error", path, exc_info=True)
            records.append(InputRecord(str(path), "skipped", failure(error)))
            continue
        if not options.read.wanted(document.lang):  # left out on purpose: no cause for --strict
            records.append(
                InputRecord(
                    str(path),
                    "ignored",
                    f"language {document.lang!r} not among --langs",
                    document.symbol,
                    document.lang,
                )
            )
            continue
        reason = unusable(document, documents)
        if reason:
            records.append(
                InputRecord(str(path), "skipped", reason, document.symbol, document.lang)
            )
        else:
            documents.append(document)
    return records, documents


def read_and_align(
    group: Group, options: BuildOptions
) -> tuple[list[InputRecord], AlignedDocument | None]:
    """Every file's outcome, and the aligned document (None if no file was usable)."""
    records, documents = read_versions(group, options)
    if not documents:
        return records, None
    try:
        aligned, outcomes = align_group(documents, options, decode(group.corrections))
    except Exception as error:  # an aligner bug loses this document, listed with why, not the build
        log.debug("%s: unexpected error while aligning", group.symbol, exc_info=True)
        reason = f"internal error while aligning {group.symbol}: {type(error).__name__}: {error}"
        return records + [
            InputRecord(str(document.path), "skipped", reason, document.symbol, document.lang)
            for document in documents
        ], None
    return records + outcomes, aligned


def failure(error: Exception) -> str:
    """One line on a file a reader failed on for a reason it did not foresee (the traceback goes to the
    log at debug level: `align -v`)."""
    message = " ".join(str(error).split())[:300]
    return f"cannot be read: {type(error).__name__}" + (f": {message}" if message else "")


def unusable(document: Document, others: list[Document]) -> str:
    """Why a parsed version cannot be aligned (empty string if it can): no structure, or a second copy
    of a version already read."""
    if not any(unit.kind not in ("cover", "title") for unit in document.units):
        return "no recognisable structure: no paragraph found"
    for other in others:
        if other.lang == document.lang:
            return f"{other.path} already gives {document.symbol} in {document.lang!r}"
    return ""


def align_group(
    documents: list[Document], options: BuildOptions, corrections: list[Correction] | None = None
) -> tuple[AlignedDocument, list[InputRecord]]:
    """Align the usable versions of one symbol, with a translator's corrections of it; each version's
    outcome comes with it."""
    order = lang_order([document.lang for document in documents])
    documents = sorted(documents, key=lambda document: order.index(document.lang))
    aligned = aligner(options.align, Segmenter()).align(documents, corrections)
    return aligned, [_outcome(document, aligned, len(documents)) for document in documents]


def _outcome(document: Document, aligned: AlignedDocument, versions: int) -> InputRecord:
    """aligned, or partial with the reason: nothing to align with, or units found in no other language."""
    units = [unit for unit in aligned.units if document.lang in unit.texts]
    alone = sum(1 for unit in units if len(unit.texts) == 1)
    reason = ""
    if versions == 1:
        reason = f"no other language version of {document.symbol}"
    elif alone == len(units):
        reason = f"no unit matched another language version of {document.symbol}"
    elif alone:
        reason = f"{alone} of {len(units)} units found in no other language version"
    outcome = "partial" if reason else "aligned"
    if document.meta.get(
        "repairs"
    ):  # the file's markup was at fault where its text was read instead
        reason = "; ".join(
            filter(
                None,
                [
                    reason,
                    f"read by its text where the markup is at fault: {document.meta['repairs']}",
                ],
            )
        )
    return InputRecord(str(document.path), outcome, reason, document.symbol, document.lang)


def warm(langs: tuple[str, ...], options: BuildOptions) -> None:
    """Load the language identifier and compile the languages' SRX rules and tokenizers before any document
    comes, rather than with the first one, which a rebuild of a few documents would wait for."""
    from align.ingest.detect import identify
    from align.outputs import selected
    from align.outputs.tokenize import tokenizer
    from align.segment.srx import break_rules

    identify("")
    tokenized = "tok" in selected(options.export)
    for lang in langs:
        break_rules(lang)
        if tokenized:
            tokenizer(lang, options.export.escape)
