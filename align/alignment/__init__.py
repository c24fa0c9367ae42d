"""alignment: Documents of one symbol to aligned units, by unit id first and the length DP between."""

from __future__ import annotations

import dataclasses

from align.alignment.checks import aligned_unit, link_texts
from align.alignment.groups import align_versions
from align.alignment.sentences import split_sentences
from align.langs import PIVOT_FALLBACK, lang_order
from align.marks import split_marks
from align.model import AlignedDocument, AlignedUnit, Document
from align.segment import Segmenter


def choose_pivot(langs: list[str], wanted: str) -> str:
    """The pivot of a document: the wanted language if present, else the first fallback present.

    >>> choose_pivot(["en", "zh"], "fr")
    'en'
    """
    for lang in (wanted, *PIVOT_FALLBACK, *sorted(langs)):
        if lang in langs:
            return lang
    raise ValueError("a document needs at least one language version")


def align_document(documents: list[Document], pivot: str, segmenter: Segmenter, sentences: bool = True) -> AlignedDocument:
    """Align all language versions of one document symbol (one Document per language)."""
    langs = lang_order([document.lang for document in documents])
    by_lang = {document.lang: document for document in documents}
    pivot = choose_pivot(langs, pivot)
    links = align_versions(by_lang[pivot], [by_lang[lang] for lang in langs if lang != pivot])
    units: list[AlignedUnit] = []
    for link in links:
        joined = link_texts(link)
        texts = {lang: joined[lang][0] for lang in langs if lang in joined}
        unit = aligned_unit(documents[0].symbol, link, langs, texts, {lang: joined[lang][1] for lang in texts})
        split = split_sentences(texts, unit.srclang, segmenter) if sentences and len(texts) > 1 else None
        if not split:
            units.append(unit)
            continue
        marks = {lang: split_marks(texts[lang], [row[lang] for row, _ in split], found) for lang, found in unit.marks.items()}
        for k, (row, score) in enumerate(split, 1):
            units.append(dataclasses.replace(
                unit,
                id=f"{unit.id}.s{k}",
                level="sentence",
                texts=row,
                unit_ids={lang: f"{ids}.s{k}" for lang, ids in unit.unit_ids.items()},
                score=round(min(unit.score, score), 4),
                marks={lang: found[k - 1] for lang, found in marks.items() if found[k - 1]},
            ))
    return AlignedDocument(documents[0].symbol, pivot, langs, units)
