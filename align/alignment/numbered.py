"""The aligner of UN documents: units paired by their paragraph numbers (ids) first, the length DP between
them, then sentences inside each unit (see links.py, units.py, sentences.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from align.alignment.checks import aligned_unit, link_texts
from align.alignment.corrected import apply
from align.alignment.dp import VARIANCE
from align.alignment.links import Link, align_all
from align.alignment.sentences import MIN_SENTENCE_PROBABILITY, project, split_unit
from align.langs import PIVOT_FALLBACK, lang_order
from align.model import AlignedDocument, AlignedUnit, Document, Segmenter

if TYPE_CHECKING:
    from align.alignment import AlignOptions
    from align.corrections import Correction


class NumberedAligner:
    """Registered as "numbers" (alignment/__init__.py)."""

    def __init__(self, pivot: str, sentences: bool, segmenter: Segmenter) -> None:
        self.pivot, self.sentences, self.segmenter = pivot, sentences, segmenter

    @classmethod
    def signature(cls, options: AlignOptions) -> tuple[str, ...]:
        sentences = f"dp(p>={MIN_SENTENCE_PROBABILITY})" if options.sentences else "off"
        return f"dp:gale-church-chars(var={VARIANCE})+punct+nway", f"sentences:{sentences}"

    def align(
        self, documents: list[Document], corrections: list[Correction] | None = None
    ) -> AlignedDocument:
        return align_document(documents, self.pivot, self.segmenter, self.sentences, corrections)


def choose_pivot(langs: list[str], wanted: str) -> str:
    """The pivot of a document: the wanted language if present, else the first fallback present.

    >>> choose_pivot(["en", "zh"], "fr")
    'en'
    """
    for lang in (wanted, *PIVOT_FALLBACK, *sorted(langs)):
        if lang in langs:
            return lang
    raise ValueError("a document needs at least one language version")


def align_document(
    documents: list[Document],
    pivot: str,
    segmenter: Segmenter,
    sentences: bool = True,
    corrections: list[Correction] | None = None,
) -> AlignedDocument:
    """Align all language versions of one document symbol (one Document per language), with a
    translator's corrections of it applied (see corrected.py)."""
    return aligned_units(
        pair_links(documents, pivot, corrections or []), documents[0].symbol, segmenter, sentences
    )


def aligned_units(
    paired: Links, symbol: str, segmenter: Segmenter, sentences: bool = True
) -> AlignedDocument:
    """The aligned document made of a document's links: their texts joined, scored, flagged and cut
    into sentences, in both views."""
    pivot, others = paired.pivot, paired.others
    langs = lang_order([pivot, *others])
    units: list[AlignedUnit] = []
    projected: dict[str, dict[tuple, list[AlignedUnit]]] = {
        lang: {} for lang in others
    }  # the n-way units' pair views
    for link in paired.links:
        nway, by_lang = _views(symbol, link, langs, pivot, segmenter, sentences)
        units += nway
        for lang, pair_units in by_lang.items():
            projected[lang][link.ids(pivot, lang)] = pair_units
    pairs: dict[str, list[AlignedUnit]] = {lang: [] for lang in others}
    for lang, own in zip(
        others, paired.own
    ):  # each pair as its two versions align; mostly the n-way unit's view
        for link in own:
            found = projected[lang].get(link.ids(pivot, lang))
            if found is None:
                found = _views(symbol, link, [pivot, lang], pivot, segmenter, sentences)[1].get(
                    lang, []
                )
            pairs[lang] += found
    return AlignedDocument(symbol, pivot, langs, units, pairs, paired.outcomes)


@dataclass
class Links:
    """A document's links in both views, before texts are joined and scored: what the review page shows
    and corrects (align/review), and what align_document makes units of."""

    pivot: str
    others: list[str]
    documents: dict[str, Document]  # each version, with the corrections' splits
    links: list[Link]  # the n-way view
    own: list[list[Link]]  # each of `others` with the pivot alone
    outcomes: list[dict[str, str]]  # what became of each correction


def pair_links(documents: list[Document], pivot: str, corrections: list[Correction]) -> Links:
    langs = lang_order([document.lang for document in documents])
    pivot = choose_pivot(langs, pivot)
    applied = apply({document.lang: document for document in documents}, pivot, corrections)
    by_lang = applied.documents
    others = [lang for lang in langs if lang != pivot]
    links, own = align_all(by_lang[pivot], [by_lang[lang] for lang in others], applied.fixed)
    return Links(pivot, others, by_lang, links, own, applied.outcomes)


def _views(
    symbol: str, link: Link, langs: list[str], pivot: str, segmenter: Segmenter, sentences: bool
) -> tuple[list[AlignedUnit], dict[str, list[AlignedUnit]]]:
    """A link's unit in the n-way view (cut into sentences where all its languages agree) and, per
    language, in the pair view."""
    joined = link_texts(link)
    texts = {lang: joined[lang][0] for lang in langs if lang in joined}
    unit = aligned_unit(symbol, link, langs, texts, {lang: joined[lang][1] for lang in texts})
    if sentences:
        return split_unit(unit, segmenter)
    return [unit], {
        lang: [project(unit, [pivot, lang])]
        for lang in unit.texts
        if lang != pivot and pivot in unit.texts
    }
