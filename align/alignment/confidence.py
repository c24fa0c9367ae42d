"""How likely a pair of units is right: the x-score a translator filters a memory by.

The aligner's own numbers (a Gale-Church length probability, whether ids or lengths decided) are not
probabilities of being right: a length probability of 0.3 between two paragraphs with the same number is
almost always right, and 0.9 between two unnumbered recitals may be wrong. The table in
align/data/calibration.json maps what the aligner knows about a pair to the share of such pairs that
were right in an evaluation on real resolutions (scripts/calibrate.py, which says how it was fitted).
"""

from __future__ import annotations

import bisect
import functools
import json
from dataclasses import dataclass
from importlib import resources

from align.alignment.anchors import typed_numbers
from align.alignment.lexicon import lexicon, words

# Fewer pairs than this in a group of the evaluation: the group's estimate is too noisy, its coarser
# group's is used (see `Grounds.groups`).
MIN_GROUP = 30


@dataclass(frozen=True)
class Grounds:
    """What the aligner knows about one language's pair with the pivot."""

    by_id: bool  # paired by unit id (or cited resolutions), not by the length DP
    merged: bool  # more than one unit on either side
    numbers: str  # "same": both cite the same numbers, "differ", or "none" (one side cites none)
    probability: float  # Gale-Church length probability of the pair
    # "agree": the pair's words say it is likelier right than wrong (lexicon.py), "disagree", or "none"
    # (no lexicon for the languages, no word it knows, or a pair by id, whose number decided)
    words: str = "none"

    @property
    def groups(self) -> tuple[str, ...]:
        """The calibration groups of the pair, finest first."""
        decided = "id" if self.by_id else "length"
        shape = "merged" if self.merged else "1:1"
        return (
            f"{decided}/{shape}/{self.numbers}/{self.words}",
            f"{decided}/{shape}/{self.numbers}",
            f"{decided}/{shape}",
            decided,
        )


def grounds(
    pivot_text: str, text: str, units: int, by_id: bool, probability: float, langs: tuple[str, str]
) -> Grounds:
    """The grounds of a pair of texts in `langs` (the pivot's first) made of `units` units in all (2 for
    a 1:1 pair)."""
    ours, theirs = typed_numbers(pivot_text), typed_numbers(text)
    numbers = "none" if not ours or not theirs else "same" if ours == theirs else "differ"
    table = None if by_id else lexicon(*langs)
    cost = table.cost(words(pivot_text, langs[0]), words(text, langs[1])) if table else 0.0
    said = "agree" if cost < 0 else "disagree" if cost > 0 else "none"
    return Grounds(by_id, units > 2, numbers, probability, said)


@functools.cache
def _table() -> dict[str, tuple[list[float], list[float]]]:
    """Each group's step function: lower bounds of length probability, and the share right above each."""
    raw = json.loads(resources.files("align.data").joinpath("calibration.json").read_text("utf-8"))
    return {
        group: (fit["from"], fit["right"])
        for group, fit in raw["groups"].items()
        if fit["pairs"] >= MIN_GROUP
    }


def confidence(pair: Grounds) -> float:
    """The probability that the pair is right, as the evaluation measured it for pairs like it."""
    table = _table()
    group = next(name for name in pair.groups if name in table)
    bounds, right = table[group]
    return right[max(bisect.bisect_right(bounds, pair.probability) - 1, 0)]
