"""Scores and flags of aligned units: why a unit may need a translator's second look."""

from __future__ import annotations

import re

from align.alignment.groups import Link, id_range
from align.marks import Mark, join_marked
from align.model import AlignedUnit

# Below this Gale-Church length probability a language's text is flagged `length-ratio:<lang>`.
LOW_PROBABILITY = 0.01
_NUMBER = re.compile(r"\d+(?:[.,/]\d+)*")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９", "0123456789" * 3)


def numbers_of(text: str) -> set[str]:
    """The numbers a text cites, as digit strings, whatever the script's digits.

    >>> sorted(numbers_of("résolution 58/220 du 23 décembre 2003"))
    ['2003', '23', '58/220']
    """
    return set(_NUMBER.findall(text.translate(_DIGITS)))


def link_texts(link: Link) -> dict[str, tuple[str, tuple[Mark, ...]]]:
    """Each language's text of a link and its footnote marks: its units joined in reading order."""
    joined = {lang: join_marked([(unit.text, unit.marks) for unit in units]) for lang, units in link.units.items()}
    return {lang: text_marks for lang, text_marks in joined.items() if text_marks[0]}


def flags_of(link: Link, langs: list[str], texts: dict[str, str]) -> list[str]:
    """Flags of a link: languages missing, merged or split units, weak length fit, differing numbers."""
    present = [lang for lang in langs if lang in texts]
    if len(present) == 1:
        return ["single-language"]
    flags = [f"missing-in:{lang}" for lang in langs if lang not in texts]
    if any(len(units) > 1 for units in link.units.values()):
        flags.append("merged")
    if not link.by_id:
        flags.append("by-length")
    flags += [f"length-ratio:{lang}" for lang in present if link.probabilities.get(lang, 1.0) < LOW_PROBABILITY]
    reference = numbers_of(texts[present[0]])
    for lang in present[1:]:
        found = numbers_of(texts[lang])
        if reference and found and found != reference:
            flags.append(f"numbers-mismatch:{lang}")
    return flags


def aligned_unit(symbol: str, link: Link, langs: list[str], texts: dict[str, str],
                 marks: dict[str, tuple[Mark, ...]]) -> AlignedUnit:
    """The paragraph-level aligned unit of a link."""
    flags = flags_of(link, langs, texts)
    score = 0.0 if "single-language" in flags else min(link.probabilities.values(), default=1.0)
    return AlignedUnit(
        document=symbol,
        id=link.id,
        kind=next(iter(link.units.values()))[0].kind,
        level="paragraph",
        texts=texts,
        unit_ids={lang: id_range([unit.id for unit in units]) for lang, units in link.units.items() if units},
        score=round(score, 4),
        flags=tuple(flags),
        srclang=link.pivot or next(iter(texts)),
        marks={lang: found for lang, found in marks.items() if found},
    )
