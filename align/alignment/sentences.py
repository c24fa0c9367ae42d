"""Sentence alignment inside an aligned unit, language by language against the pivot.

Each language's text is cut by the SRX rules and its sentences aligned to the pivot's with the same
length DP as paragraphs (1-1, 1-2, 2-1, 2-2, 1-3, 3-1 beads). A language whose cut is not confident (a
sentence missing, implausible lengths, a single sentence) keeps the unit whole. Two views come out:
- the pair view: each language with the pivot at its own finest alignment (`op.3.s1`, `op.3.s2-3` when
  it runs the pivot's 2nd and 3rd sentences into one), so French-English pairs sentence by sentence
  even where Spanish merges;
- the n-way view: the unit cut into sentences only when every language cut it the same way.
"""

from __future__ import annotations

import dataclasses
import math

from align.alignment.links import align_versions, id_range
from align.model import AlignedUnit, Document, Segmenter, Unit
from align.untext import join_lines

# A sentence bead whose lengths are less plausible than this keeps its language whole (Gale-Church P).
MIN_SENTENCE_PROBABILITY = 0.02

SentenceRun = tuple[int, int]  # first and last pivot sentence (1-based) of a sentence unit
# pivot span -> (the language's text, its own sentence ids)
Cut = dict[SentenceRun, tuple[str, str]]


def split_unit(
    unit: AlignedUnit, segmenter: Segmenter
) -> tuple[list[AlignedUnit], dict[str, list[AlignedUnit]]]:
    """The unit in the n-way view (cut or whole) and, per language, in the pair view."""
    pivot = unit.srclang
    if pivot not in unit.texts or len(unit.texts) < 2:
        return [unit], {}
    sentences = {lang: segmenter.split(text, lang) for lang, text in unit.texts.items()}
    cuts = {
        lang: _cut(sentences[pivot], sentences[lang], pivot, lang, unit.document)
        for lang in unit.texts
        if lang != pivot
    }
    pairs = {
        lang: _pair_units(unit, pivot, lang, cut, sentences[pivot])
        if cut
        else [project(unit, [pivot, lang])]
        for lang, cut in cuts.items()
    }
    spans = {frozenset(cut) if cut else None for cut in cuts.values()}
    if len(spans) != 1 or None in spans:
        return [unit], pairs
    nway = [
        _sentence_unit(
            unit, pivot, sentences[pivot], span, {lang: cut[span] for lang, cut in cuts.items()}
        )
        for span in sorted(next(iter(spans)))
    ]
    return nway, pairs


def project(unit: AlignedUnit, langs: list[str]) -> AlignedUnit:
    """The unit for some of its languages only; flags about the others are dropped."""
    keep = [lang for lang in unit.texts if lang in langs]
    kept = [p for lang, p in unit.probabilities.items() if lang in keep]
    return dataclasses.replace(
        unit,
        texts={lang: unit.texts[lang] for lang in keep},
        unit_ids={lang: unit.unit_ids[lang] for lang in keep},
        marks={lang: marks for lang, marks in unit.marks.items() if lang in keep},
        probabilities={lang: p for lang, p in unit.probabilities.items() if lang in keep},
        flags=tuple(
            flag for flag in unit.flags if ":" not in flag or flag.rsplit(":", 1)[1] in keep
        ),
        score=round(math.prod(kept), 4) if kept else unit.score,
    )


def _cut(left: list[str], right: list[str], pivot: str, lang: str, symbol: str) -> Cut | None:
    """One language's sentences aligned to the pivot's, or None where that is not confident."""
    if len(left) < 2 or len(right) < 1:
        return None
    versions = [
        Document(
            symbol,
            code,
            {},
            [Unit(f"s{k}", "sentence", text, numbered=False) for k, text in enumerate(split, 1)],
        )
        for code, split in ((pivot, left), (lang, right))
    ]
    links = align_versions(versions[0], versions[1:])
    if len(links) < 2:
        return None
    cut: Cut = {}
    for link in links:
        if set(link.units) != {pivot, lang} or link.probabilities[lang] < MIN_SENTENCE_PROBABILITY:
            return None
        span = (int(link.units[pivot][0].id[1:]), int(link.units[pivot][-1].id[1:]))
        own = link.units[lang]
        cut[span] = (join_lines([sentence.text for sentence in own]), id_range([s.id for s in own]))
    return cut


def _pair_units(
    unit: AlignedUnit, pivot: str, lang: str, cut: Cut, sentences: list[str]
) -> list[AlignedUnit]:
    pair = project(unit, [pivot, lang])
    return [_sentence_unit(pair, pivot, sentences, span, {lang: cut[span]}) for span in sorted(cut)]


def _sentence_unit(
    unit: AlignedUnit,
    pivot: str,
    sentences: list[str],
    span: SentenceRun,
    entries: dict[str, tuple[str, str]],
) -> AlignedUnit:
    """The sentence unit of `unit` covering the pivot's sentences `span`, with each language's entry.
    Its probabilities are the unit's: a language is cut into sentences only where every sentence pair
    is plausible (MIN_SENTENCE_PROBABILITY), so what can be wrong is mostly the unit's pairing."""
    first, last = span
    own = f"s{first}" if first == last else f"s{first}-{last}"
    texts = {pivot: join_lines(sentences[first - 1 : last])} | {
        lang: entry[0] for lang, entry in entries.items()
    }
    ids = {pivot: own} | {lang: entry[1] for lang, entry in entries.items()}
    merged = first != last or any("-" in sentence_ids for sentence_ids in ids.values())
    order = [lang for lang in unit.texts if lang in texts]
    return dataclasses.replace(
        unit,
        id=f"{unit.id}.{own}",
        level="sentence",
        texts={lang: texts[lang] for lang in order},
        unit_ids={lang: f"{unit.unit_ids[lang]}.{ids[lang]}" for lang in order},
        score=round(math.prod(unit.probabilities.get(lang, unit.score) for lang in entries), 4),
        probabilities={lang: unit.probabilities.get(lang, unit.score) for lang in entries},
        flags=unit.flags + (("merged",) if merged and "merged" not in unit.flags else ()),
        marks=_marks(unit, texts),
    )


def _marks(unit: AlignedUnit, texts: dict[str, str]) -> dict[str, tuple[tuple[int, str], ...]]:
    """Footnote marks that fall inside each language's sentence text."""
    found = {}
    for lang, text in texts.items():
        marks = unit.marks.get(lang, ())
        start = unit.texts[lang].find(text)
        inside = tuple(
            (offset - start, number)
            for offset, number in marks
            if start <= offset <= start + len(text)
        )
        if inside:
            found[lang] = inside
    return found
