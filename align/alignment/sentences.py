"""Sentence alignment inside an aligned unit: taken only when it is a confident 1:1 in every language."""

from __future__ import annotations

from align.alignment.dp import length_probability
from align.segment import Segmenter

# A sentence pair whose lengths are less plausible than this keeps the unit whole (Gale-Church P).
MIN_SENTENCE_PROBABILITY = 0.02


def split_sentences(texts: dict[str, str], pivot: str, segmenter: Segmenter) -> list[tuple[dict[str, str], float]] | None:
    """Sentence-level texts of a unit with their score, or None when the unit should stay whole.

    Confident means every language has the same number (more than one) of sentences and each
    sentence's share of its unit's length agrees with the pivot's.
    """
    sentences = {lang: segmenter.split(text, lang) for lang, text in texts.items()}
    counts = {len(split) for split in sentences.values()}
    if len(counts) != 1 or counts == {1} or counts == {0}:
        return None
    rows: list[tuple[dict[str, str], float]] = []
    for k in range(counts.pop()):
        row = {lang: split[k] for lang, split in sentences.items()}
        score = 1.0
        for lang, sentence in row.items():
            if lang != pivot:
                ratio = len(texts[lang]) / max(1, len(texts[pivot]))
                score = min(score, length_probability(len(row[pivot]), len(sentence) / ratio))
        if score < MIN_SENTENCE_PROBABILITY:
            return None
        rows.append((row, score))
    return rows
