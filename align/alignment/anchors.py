"""Evidence beyond length that two stretches of text translate each other: final punctuation and the
numbers they cite, typed, since a shared number is evidence only where it is the same kind of thing on
both sides (a year against a year, a symbol against a symbol), never a paragraph number against a date."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable

from align.alignment.lexicon import Lexicon, no_cost
from align.alignment.openers import Openers, learned
from align.untext import SYMBOL_IN_TEXT, ascii_digits

# Final punctuation by function, in the six languages' scripts (Arabic comma and semicolon, CJK full-width).
_END_CLASSES = {"comma": ",،，、", "stop": ".。!?！？", "semicolon": ";；؛", "colon": ":："}
# Typed numbers, most specific first: a UN symbol (A/60/257), a resolution number (58/220), a year, any number.
_NUMBERS = re.compile(
    rf"(?P<symbol>{SYMBOL_IN_TEXT})"
    r"|(?P<resolution>(?<![\d/])\d{1,4}/\d{1,4}(?![\d/]))"
    r"|(?P<year>(?<!\d)(?:1[89]|20)\d\d(?!\d))"
    r"|(?P<number>(?<![\d.,])\d+(?:[.,]\d+)*)"
)
# the month of a Chinese or Japanese date (2019年4月15日): the other languages write it as a word
_CJK_MONTH = re.compile(r"(?<=年)\d{1,2}月|\d{1,2}月(?=\d{1,2}日)")
# the last units of a bead end differently: a comma against a full stop
PUNCTUATION_MISMATCH = math.log(3)
NUMBERS_DISJOINT = math.log(10)  # both sides cite numbers and share none
# one side cites numbers, the other none (Chinese may write them in words)
NUMBERS_ONE_SIDED = math.log(1.5)


def end_class(text: str) -> str:
    """The class of a text's final punctuation, comparable across scripts.

    >>> [end_class(t) for t in ("Considérant ...,", "鉴于……,", "ولما كان ...،", "L’Assemblée générale", "... 遵行；")]
    ['comma', 'comma', 'comma', 'none', 'semicolon']
    """
    last = text.rstrip()[-1:]
    return next((name for name, marks in _END_CLASSES.items() if last and last in marks), "none")


# a document's texts recur in many beads; more would grow with the corpus
@functools.lru_cache(maxsize=4096)
def typed_numbers(text: str) -> frozenset[tuple[str, str]]:
    """The numbers a text cites, each with its kind, whatever the script's digits.

    >>> sorted(typed_numbers("résolution 58/220 du 23 décembre 2003 (A/60/257)"))
    [('number', '23'), ('resolution', '58/220'), ('symbol', 'A/60/257'), ('year', '2003')]
    >>> typed_numbers("2003年12月23日第58/220号决议") == typed_numbers("résolution 58/220 du 23 décembre 2003")
    True
    """
    found = set()
    for match in _NUMBERS.finditer(_CJK_MONTH.sub(" ", ascii_digits(text))):
        kind = match.lastgroup
        found.add((kind, match[kind]))
    return frozenset(found)


def numbers_of(texts: Iterable[str]) -> frozenset[tuple[str, str]]:
    """The typed numbers of several texts (a run of units), together."""
    return frozenset().union(*map(typed_numbers, texts))


def distinctive(text: str) -> frozenset[tuple[str, str]]:
    """The numbers of a text that identify what it cites: resolution numbers and document symbols."""
    return citing(typed_numbers(text))


def citing(numbers: frozenset[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    """Of typed numbers, those that identify what a text cites (see distinctive)."""
    return frozenset(number for number in numbers if number[0] in ("resolution", "symbol"))


def cited_apart(left: frozenset[tuple[str, str]], right: frozenset[tuple[str, str]]) -> bool:
    """Whether two texts' typed numbers each cite resolutions or documents, none the same: two notes
    that do are two notes, a note being what it cites."""
    cited = citing(left), citing(right)
    return bool(cited[0] and cited[1]) and not cited[0] & cited[1]


# Kinds of units that are one kind of text: a converter may glue a preambular paragraph to an operative
# one, and a bead may merge them; the others (title, intro, heading, meeting line, footnote) are never
# merged with another kind, so a footnote's text never ends up in a paragraph's unit, nor the meeting line
# in a footnote's. One unit against one may be of two kinds: versions' markup differs (a heading in one,
# a preambular paragraph in another).
_BODY = frozenset({"preamble", "operative", "subparagraph", "paragraph", "article", "item"})


def kind_class(kind: str) -> str:
    """The class of a unit's kind that a bead may not mix with another.

    >>> kind_class("operative") == kind_class("preamble"), kind_class("footnote"), kind_class("meeting")
    (True, 'footnote', 'meeting')
    """
    return "body" if kind in _BODY else kind


class Evidence:
    """Extra cost of a bead between runs of `left` and `right` texts (dp.Evidence): final punctuation,
    the numbers they cite, their first units' openers where the languages' `openers` are known
    (openers.py), and the share of their words that translate each other where the languages' `lexicon`
    is known (lexicon.py); infinite for a merge that would mix kinds of text (see kind_class), given
    `kinds` of both runs, and for notes that each cite resolutions or documents, none the same, or a
    merge holding such a note: a note is what it cites (the notes of a paragraph each version lost,
    paired by length)."""

    def __init__(
        self,
        left: list[str],
        right: list[str],
        kinds: tuple[list[str], list[str]] | None = None,
        openers: Openers | None = None,
        lexicon: Lexicon | None = None,
    ) -> None:
        self.left, self.right = left, right
        self.kinds = (
            (list(map(kind_class, kinds[0])), list(map(kind_class, kinds[1]))) if kinds else None
        )
        self.openers = openers if kinds else None
        self.opening = self.openers.of((left, right), kinds) if self.openers else ([], [])
        self.lexical = (
            lexicon.runs(learned(left, kinds[0]), learned(right, kinds[1]))
            if lexicon and kinds
            else no_cost
        )
        self.ends = ([end_class(text) for text in left], [end_class(text) for text in right])
        self._numbers: tuple[dict, dict] = ({}, {})  # (first, end) -> numbers of that run, per side
        # Most stretches cite no number on either side: their cost is the punctuation's alone.
        self.numbered = any(map(typed_numbers, left)) or any(map(typed_numbers, right))

    def _numbers_of(self, side: int, first: int, end: int) -> frozenset[tuple[str, str]]:
        found = self._numbers[side].get((first, end))
        if found is None:
            texts = (self.left, self.right)[side][first:end]
            found = self._numbers[side][first, end] = numbers_of(texts)
        return found

    def __call__(self, i0: int, i1: int, j0: int, j1: int) -> float:
        if (
            self.kinds
            and i1 - i0 + j1 - j0 > 2
            and len({*self.kinds[0][i0:i1], *self.kinds[1][j0:j1]}) > 1
        ):
            return math.inf  # a merge of kinds; one unit against one may differ (markup calls a heading a paragraph)
        cost = PUNCTUATION_MISMATCH if self.ends[0][i1 - 1] != self.ends[1][j1 - 1] else 0.0
        # first against first, second against second: a bead merging both sides saves no clash
        if self.openers:
            cost += self.openers.cost * sum(
                self.openers.clash(self.opening[0][i0 + k], self.opening[1][j0 + k])
                for k in range(min(i1 - i0, j1 - j0))
            )
        lexical = self.lexical(i0, i1, j0, j1)
        if i1 - i0 > 1 and j1 - j0 > 1:
            # a bead merging both sides escapes no cost its pairs would pay as 1:1 pairs (their words'
            # worst pair averaged into the whole), and gains no bonus twice
            lexical = max(
                lexical,
                sum(
                    self.lexical(i0 + k, i0 + k + 1, j0 + k, j0 + k + 1)
                    for k in range(min(i1 - i0, j1 - j0))
                ),
            )
        cost += lexical
        if not self.numbered:
            return cost
        left, right = self._numbers_of(0, i0, i1), self._numbers_of(1, j0, j1)
        # a bead of more than two units is of one kind here (a merge of kinds is infinite above)
        if self.kinds and self.kinds[0][i0] == self.kinds[1][j0] == "footnote":
            # nor a note of a merge that cites apart from the other side: a version ran two notes into
            # one, and the other's second note is not the next note's (A/RES/79/195's French notes 5, 6)
            merged = [(self._numbers_of(0, i, i + 1), right) for i in range(i0, i1) if i1 - i0 > 1]
            merged += [(left, self._numbers_of(1, j, j + 1)) for j in range(j0, j1) if j1 - j0 > 1]
            if any(cited_apart(ours, theirs) for ours, theirs in [(left, right), *merged]):
                return math.inf
        if left and right:
            shared = len(left & right) / len(left | right)
            cost += NUMBERS_DISJOINT * (1 - shared)
        elif left or right:
            cost += NUMBERS_ONE_SIDED
        return cost
