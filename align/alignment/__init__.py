"""alignment: Documents of one symbol to aligned units, by unit id first and the length DP between."""

from __future__ import annotations

import dataclasses

from align.alignment.checks import aligned_unit, link_texts
from align.alignment.groups import align_versions
from align.alignment.sentences import project, split_unit
from align.langs import PIVOT_FALLBACK, lang_order
from align.model import LOW_SCORE, AlignedDocument, AlignedUnit, Document
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


def align_document(documents: list[Document], pivot: str, segmenter: Segmenter, sentences: bool = True,
                   min_score: float = 0.0) -> AlignedDocument:
    """Align all language versions of one document symbol (one Document per language).

    Units scored below `min_score` are flagged `low-score`: listed in the tables and the report, kept
    out of TMX and corpora.
    """
    langs = lang_order([document.lang for document in documents])
    by_lang = {document.lang: document for document in documents}
    pivot = choose_pivot(langs, pivot)
    links = align_versions(by_lang[pivot], [by_lang[lang] for lang in langs if lang != pivot])
    units: list[AlignedUnit] = []
    pairs: dict[str, list[AlignedUnit]] = {lang: [] for lang in langs if lang != pivot}
    for link in links:
        joined = link_texts(link)
        texts = {lang: joined[lang][0] for lang in langs if lang in joined}
        unit = aligned_unit(documents[0].symbol, link, langs, texts, {lang: joined[lang][1] for lang in texts})
        if sentences:
            nway, by_lang = split_unit(unit, segmenter)
        else:
            nway, by_lang = [unit], {lang: [project(unit, [pivot, lang])] for lang in unit.texts if lang != pivot and pivot in unit.texts}
        units += [_judge(unit, min_score) for unit in nway]
        for lang, pair_units in by_lang.items():
            pairs[lang] += [_judge(unit, min_score) for unit in pair_units]
    return AlignedDocument(documents[0].symbol, pivot, langs, units, pairs)


def _judge(unit: AlignedUnit, min_score: float) -> AlignedUnit:
    if len(unit.texts) > 1 and unit.score < min_score:
        return dataclasses.replace(unit, flags=unit.flags + (LOW_SCORE,))
    return unit
