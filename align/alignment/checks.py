"""Scores and flags of aligned units: why a unit may need a translator's second look."""

from __future__ import annotations

import math

from align.alignment.anchors import typed_numbers
from align.alignment.confidence import Grounds, confidence, grounds
from align.alignment.dp import length_probability, text_length
from align.alignment.links import Link, id_range
from align.marks import Mark, join_marked
from align.model import AlignedUnit

# Below this Gale-Church length probability a language's text is flagged `length-ratio:<lang>`.
LOW_PROBABILITY = 0.01


def link_texts(link: Link) -> dict[str, tuple[str, tuple[Mark, ...]]]:
    """Each language's text of a link and its footnote marks: its units joined in reading order."""
    joined = {
        lang: join_marked([(unit.text, unit.marks) for unit in units])
        for lang, units in link.units.items()
    }
    return {lang: text_marks for lang, text_marks in joined.items() if text_marks[0]}


def flags_of(link: Link, langs: list[str], texts: dict[str, str]) -> list[str]:
    """Flags of a link: languages missing, merged or split units, weak length fit, differing numbers."""
    present = [lang for lang in langs if lang in texts]
    corrected = [f"corrected:{lang}" for lang in langs if lang in link.corrected]
    if len(present) == 1:
        return ["single-language", *corrected]
    flags = corrected + [
        f"missing-in:{lang}" for lang in langs if lang not in texts and lang not in link.elsewhere
    ]
    if any(len(units) > 1 for units in link.units.values()):
        flags.append("merged")
    if not link.by_id:
        flags.append("by-length")
    flags += [
        f"length-ratio:{lang}"
        for lang in present
        if link.probabilities.get(lang, 1.0) < LOW_PROBABILITY
    ]
    flags += disagreements(link, texts)
    reference = typed_numbers(texts[present[0]])
    for lang in present[1:]:
        found = typed_numbers(texts[lang])
        if reference and found and found != reference:
            flags.append(f"numbers-mismatch:{lang}")
    return flags


def disagreements(link: Link, texts: dict[str, str]) -> list[str]:
    """`disagree:en-zh` where two languages each fit the pivot but not each other: the n-way check that
    fr-en and fr-zh pairings agree on what en and zh hold."""
    fitting = [
        lang
        for lang in texts
        if lang in link.ratios and link.probabilities.get(lang, 0.0) >= LOW_PROBABILITY
    ]
    found = []
    for index, first in enumerate(fitting):
        for second in fitting[index + 1 :]:
            scaled = (
                text_length(texts[first]) / link.ratios[first],
                text_length(texts[second]) / link.ratios[second],
            )
            if length_probability(*scaled) < LOW_PROBABILITY:
                found.append(f"disagree:{first}-{second}")
    return found


def aligned_unit(
    symbol: str,
    link: Link,
    langs: list[str],
    texts: dict[str, str],
    marks: dict[str, tuple[Mark, ...]],
) -> AlignedUnit:
    """The paragraph-level aligned unit of a link."""
    flags = flags_of(link, langs, texts)
    probabilities = confidences(link, texts)
    # the probability that every pair is right, taking the pairs' errors as independent
    score = 0.0 if "single-language" in flags else math.prod(probabilities.values())
    return AlignedUnit(
        document=symbol,
        id=link.id,
        kind=next(iter(link.units.values()))[0].kind,
        level="paragraph",
        texts=texts,
        unit_ids={
            lang: id_range([unit.id for unit in units])
            for lang, units in link.units.items()
            if units
        },
        score=round(score, 4),
        flags=tuple(flags),
        srclang=link.pivot or next(iter(texts)),
        marks={lang: found for lang, found in marks.items() if found},
        probabilities={lang: round(p, 4) for lang, p in probabilities.items()},
    )


def confidences(link: Link, texts: dict[str, str]) -> dict[str, float]:
    """Each language's probability that its pair with the pivot is right (confidence.py); 1 where a
    translator fixed the pair."""
    return {
        lang: 1.0 if lang in link.corrected else confidence(pair_grounds(link, lang, texts))
        for lang in link.probabilities
        if lang in texts and link.pivot in texts
    }


def pair_grounds(link: Link, lang: str, texts: dict[str, str]) -> Grounds:
    """What the aligner knows about `lang`'s pair with the pivot in a link (the evaluation's features)."""
    return grounds(
        texts[link.pivot],
        texts[lang],
        len(link.units[link.pivot]) + len(link.units[lang]),
        lang not in link.by_length,
        link.probabilities[lang],
        (link.pivot, lang),
    )
