"""Length-based dynamic-programming alignment of two sequences (Gale & Church 1993, in characters).

Lengths of the second side are first divided by the language pair's length ratio, so Chinese (about a
third as long as French) is compared on French's scale. A bead's cost is -log(prior of its move) -
log(P(|delta| >= observed)), delta being the length difference normalised by its expected spread.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

# Moves (pivot units, other units) and their prior probabilities, from Gale & Church (1993), Table 5.
MOVES: dict[tuple[int, int], float] = {
    (1, 1): 0.89,
    (1, 0): 0.0099 / 2,
    (0, 1): 0.0099 / 2,
    (2, 1): 0.089 / 2,
    (1, 2): 0.089 / 2,
    (2, 2): 0.011,
    # Not in Gale & Church: a lead-in split off in one language ("Now, therefore," / "The General
    # Assembly" / "Proclaims ..." against two French paragraphs merged by another language).
    (1, 3): 0.0025,
    (3, 1): 0.0025,
}
VARIANCE = 6.8  # Gale & Church's variance of the length difference per character
_FLOOR = 1e-300
_DIGIT = re.compile(r"\d")
# what every version writes alike besides digits: document symbols ("A/C.6/64/SR.12", "UNEP/GC.27/17")
# and web addresses
_ALIKE = re.compile(
    r"(?:[A-Z]{1,6}/|https?://|www\.)(?:[^\s,;:，。；：、）)]*[^\s,;:，。；：、）).])?"
)


@dataclass(frozen=True)
class Bead:
    """A group of units on each side that translate each other; empty on one side = not aligned."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    probability: float  # how plausible the lengths are, 1.0 = exactly as expected


@functools.lru_cache(maxsize=4096)  # the aligner weighs each unit's text many times
def text_length(text: str) -> int:
    """A text's length as lengths are compared across languages, and a pair's ratio learned: its characters
    but digits, symbols and web addresses, which every version writes alike (Chinese, a third as long as
    French in words, is as long in resolution numbers, and in a note listing a dozen symbols).

    >>> text_length("第73/291号决议"), text_length("résolution 73/291")
    (5, 12)
    >>> text_length("见A/C.6/64/SR.12、www.un.org/fr。"), text_length("Voir A/C.6/64/SR.12, www.un.org/fr.")
    (3, 8)
    """
    length = len(text) - len(_DIGIT.findall(text))
    if "/" in text or "www." in text:  # most texts hold no symbol: no need to look for one
        for alike in _ALIKE.findall(text):
            length -= len(alike) - len(_DIGIT.findall(alike))
    return length


def length_probability(left: float, right: float, variance: float = VARIANCE) -> float:
    """P(a length difference at least this large) for two texts that translate each other.

    `right` is already on `left`'s scale (divided by the pair's length ratio).

    >>> round(length_probability(100, 100), 3), round(length_probability(100, 200), 4)
    (1.0, 0.0017)
    """
    mean = (left + right) / 2
    if mean == 0:
        return 1.0
    delta = abs(right - left) / math.sqrt(mean * variance)
    return math.erfc(delta / math.sqrt(2))


def length_cost(left: float, right: float, variance: float = VARIANCE) -> float:
    """-log of `length_probability`, floored: lengths that cannot be translations cost a lot, not infinity."""
    return -math.log(max(length_probability(left, right, variance), _FLOOR))


# Extra cost of a bead from evidence other than length: (first, end) on the left, (first, end) on the right.
Evidence = Callable[[int, int, int, int], float]
# Above this many cells, only a band around the diagonal is searched (long unnumbered stretches).
_FULL_SEARCH = 40_000


def align_lengths(
    left: list[float],
    right: list[float],
    ratio: float = 1.0,
    variance: float = VARIANCE,
    evidence: Evidence | None = None,
    moves: dict[tuple[int, int], float] = MOVES,
) -> list[Bead]:
    """Best sequence of beads covering both sides in order, by the Gale-Church cost plus `evidence`,
    with the given moves and their priors.

    >>> [(b.left, b.right) for b in align_lengths([100, 600], [105, 300, 290])]
    [((0,), (0,)), ((1,), (1, 2))]
    """
    scaled = [length / ratio for length in right]
    n, m = len(left), len(scaled)
    steps = [(di, dj, -math.log(prior)) for (di, dj), prior in moves.items()]
    # sum(side[k - d:k]) for every move size d, computed once rather than in every cell
    left_sums = {
        d: [sum(left[k - d : k]) for k in range(n + 1)] for d in {di for di, _, _ in steps}
    }
    right_sums = {
        d: [sum(scaled[k - d : k]) for k in range(m + 1)] for d in {dj for _, dj, _ in steps}
    }
    cost = [[math.inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    width = max(10, abs(n - m) + 10, max(n, m) // 10)
    # length_cost, inlined below
    erfc, log, sqrt, root2, inf = (
        math.erfc,
        math.log,
        math.sqrt,
        math.sqrt(2),
        math.inf,
    )
    for i in range(n + 1):
        low, high = (
            (0, m)
            if n * m <= _FULL_SEARCH
            else (max(0, i * m // max(n, 1) - width), min(m, i * m // max(n, 1) + width))
        )
        row, back_row = cost[i], back[i]
        for j in range(low, high + 1):
            best, choice = row[j], None
            for di, dj, base in steps:
                if di > i or dj > j:
                    continue
                previous = cost[i - di][j - dj]
                if previous == inf:
                    continue
                step = base
                if di and dj:
                    length, other = left_sums[di][i], right_sums[dj][j]
                    mean = (length + other) / 2
                    if mean:  # else the probability is 1 and the cost 0
                        step += -log(
                            max(erfc(abs(other - length) / sqrt(mean * variance) / root2), _FLOOR)
                        )
                    if evidence:
                        step += evidence(i - di, i, j - dj, j)
                if previous + step < best:
                    best, choice = previous + step, (di, dj)
            if choice:
                row[j], back_row[j] = best, choice
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        probability = (
            length_probability(sum(left[i - di : i]), sum(scaled[j - dj : j]), variance)
            if di and dj
            else 0.0
        )
        beads.append(Bead(tuple(range(i - di, i)), tuple(range(j - dj, j)), probability))
        i, j = i - di, j - dj
    return beads[::-1]
