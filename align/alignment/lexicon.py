"""Which words of two languages translate each other, as evidence that two paragraphs do.

An unnumbered preamble with one recital dropped in one version and another in the other has as many
paragraphs on both sides, of lengths that fit either way; openers clash for only some wrong pairs. The
words tell them apart: a recital on the Paris Agreement shares "accord"/"agreement"/"协定" with its
translation, not with its neighbour. Which words go together is learned from the UN's own XML, whose
versions pair by id (scripts/make_lexicon.py writes align/data/lexicon.json.gz, and says on which
resolutions and how well it tells right pairs from next-paragraph ones), as hunalign uses a dictionary.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import gzip
import json
import math
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import TypeVar

from align.untext import HAN

T = TypeVar("T")

# pairs by number a document needs for its words to be weighed, and the most it weighs (Lexicon.weighed)
MIN_WEIGHING, MAX_WEIGHING = 5, 10
# log of the odds, wrong against right, at which a pair's words say it is wrong
AGAINST = math.log(10)
LOOKED_UP = 20_000  # texts' and documents' lookups a lexicon keeps (Lexicon._remember)
# the least share of a text's translated words a paragraph glued into it adds (Lexicon.placed)
GLUED_GAIN = 0.1
MIN_COVERED = 6  # known words a text needs for Lexicon.covered to say whether another translates it
# a word's first letters stand for it: inflection changes its ending (résolution/résolutions)
STEM = 6
_WORD = re.compile(r"[^\W\d_]{3,}")
_HAN = re.compile(f"[{HAN}]+")
# Arabic's hamza seats and tatweel, which versions write differently, and the prefixes glued to a word
_ARABIC_FORMS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي", "\u0640": None})
_ARABIC_PREFIX = re.compile(r"^(?:وبال|وال|بال|فال|كال|لل|ال|و(?=..))")


# a document's texts are looked up by every stage that weighs its pairs
@functools.lru_cache(maxsize=4096)
def words(text: str, lang: str) -> frozenset[str]:
    """The words of a text as the lexicon knows them: the first STEM letters of each word of three or
    more letters, lower case; Chinese, which does not space its words, as pairs of characters.

    >>> sorted(words("Rappelant ses résolutions 70/1", "fr"))
    ['rappel', 'résolu', 'ses']
    >>> sorted(words("回顾其决议", "zh")), sorted(words("وإذ تشير إلى قراراتها", "ar"))
    (['其决', '决议', '回顾', '顾其'], ['تشير', 'قرارات'])
    """
    if lang.startswith("zh"):
        return frozenset(
            run[k : k + 2] for run in _HAN.findall(text) for k in range(max(1, len(run) - 1))
        )
    if lang.startswith("ar"):
        text = text.translate(_ARABIC_FORMS)
        return frozenset(
            stem[:STEM]
            for word in _WORD.findall(text)
            if len(stem := _ARABIC_PREFIX.sub("", word)) >= 3
        )
    return frozenset(word[:STEM] for word in _WORD.findall(text.lower()))


@dataclass(frozen=True)
class Lexicon:
    """Words of the pivot's language and another's that translate each other, each word's weight (rare
    words say more), and the cost of a pair's share of translated words, learned on the UN's XML."""

    langs: tuple[str, str]
    # per side (0: the pivot's): word -> the other language's words for it
    translations: tuple[dict[str, list[str]], dict[str, list[str]]]
    weights: tuple[dict[str, float], dict[str, float]]  # per side: word -> idf
    edges: tuple[float, ...]  # share of translated words: the bins' upper edges
    costs: tuple[float, ...]  # per bin: log(share of wrong pairs in it / share of right ones)
    means: tuple[float, float]  # the mean share of right pairs, and of wrong ones, where learned
    pairs: tuple[tuple[str, str], ...] = ()  # a document's texts paired by number (weighed)
    # per side: what was looked up once for a text's words (_known, _reach) or a document's pairs
    # (weighed), shared by the lexicon's weighed copies
    _looked_up: tuple[dict, dict] = dataclasses.field(
        default_factory=lambda: ({}, {}), repr=False, compare=False
    )

    def share(self, left: frozenset[str], right: frozenset[str]) -> float | None:
        """The weighted share of known words on both sides whose translation the other side has (None
        where neither side has a known word: no evidence)."""
        found_left, total_left = self._found(left, right, 0)
        found_right, total_right = self._found(right, left, 1)
        total = total_left + total_right
        return (found_left + found_right) / total if total else None

    def covered(self, ours: frozenset[str], side: int, other: frozenset[str]) -> float | None:
        """The weighted share of known words of one side (0: the pivot's) whose translation `other` has:
        whether a text is translated inside a longer one (None with fewer than MIN_COVERED known words:
        a budget line's "dollars au chapitre 28" says too little)."""
        if len(self._known(ours, side)[0]) < MIN_COVERED:
            return None
        found, total = self._found(ours, other, side)
        return found / total

    def _found(
        self, ours: frozenset[str], theirs: frozenset[str], side: int
    ) -> tuple[float, float]:
        """The weight of `ours` (words of `side`) that `theirs` translates, and the weight of all known."""
        known, total = self._known(ours, side)
        weights = self.weights[side]
        return math.fsum(map(weights.__getitem__, known & self._reach(theirs, 1 - side))), total

    def _known(self, ours: frozenset[str], side: int) -> tuple[frozenset[str], float]:
        """The words of a text of `side` that the lexicon knows, and their total weight (looked up once
        per text: the DP pairs each text with many)."""
        found = self._looked_up[side].get(ours)
        if found is None:
            known = frozenset(filter(self.translations[side].__contains__, ours))
            found = self._remember(
                side, ours, (known, math.fsum(map(self.weights[side].__getitem__, known)))
            )
        return found

    def _reach(self, theirs: frozenset[str], side: int) -> frozenset[str]:
        """The words of the other side that words of a text of `side` translate (once per text)."""
        key = ("reach", theirs)
        found = self._looked_up[side].get(key)
        if found is None:
            found = self._remember(
                side,
                key,
                frozenset().union(
                    *map(self.translations[side].__getitem__, self._known(theirs, side)[0])
                ),
            )
        return found

    def _remember(self, side: int, key: object, value: T) -> T:
        """Keep what was looked up, forgetting all of it past LOOKED_UP entries (a build of a whole
        session reads tens of thousands of texts; the DP looks each up many times within a document)."""
        looked_up = self._looked_up[side]
        if len(looked_up) >= LOOKED_UP:
            looked_up.clear()
        looked_up[key] = value
        return value

    def cost(self, left: frozenset[str], right: frozenset[str]) -> float:
        """The cost of pairing texts of these words: the log of how much likelier their share of
        translated words is for a wrong pair than for a right one (below 0 where a right one's is
        likelier; 0 without a known word), times the document's weight."""
        return self._priced(self.share(left, right))

    def _priced(self, share: float | None) -> float:
        """What a share of translated words costs in this document (0 for no share: no evidence)."""
        return 0.0 if share is None else self.weight * self.costs[bin_of(self.edges, share)]

    def runs(
        self, left: list[str | None], right: list[str | None]
    ) -> Callable[[int, int, int, int], float]:
        """The cost of pairing runs of a stretch's texts, left[i0:i1] against right[j0:j1] (None: a text
        of a kind the lexicon was not learned on, which makes a run's cost 0), each run's words united
        once: the DP asks for each run many times."""
        texts = (left, right)
        united: tuple[dict, dict] = ({}, {})

        def words_of(side: int, first: int, end: int) -> frozenset[str] | None:
            if (first, end) not in united[side]:
                run = texts[side][first:end]
                united[side][first, end] = (
                    None
                    if None in run
                    else frozenset().union(*(words(text, self.langs[side]) for text in run))
                )
            return united[side][first, end]

        def cost(i0: int, i1: int, j0: int, j1: int) -> float:
            ours, theirs = words_of(0, i0, i1), words_of(1, j0, j1)
            if ours is None or theirs is None:
                return 0.0
            found = self.cost(ours, theirs)
            if (i1 - i0 > 1) != (j1 - j0 > 1):
                # a merge on one side: the share of the whole hides a part the other side does not
                # translate (a paragraph whose counterpart was lost, glued to its neighbour), which
                # costs what such a pair would; a part translated there takes no bonus away
                side, first, end, whole = (0, i0, i1, theirs) if i1 - i0 > 1 else (1, j0, j1, ours)
                for k in range(first, end):
                    part = self._priced(self.covered(words_of(side, k, k + 1), side, whole))
                    if part > 0:
                        found = max(found, part)
            return found

        return cost

    def placed(
        self, texts: list[str], side: int, others: list[str], besides: list[str]
    ) -> str | None:
        """What the words say of texts of one side (0: the pivot's) left alone beside a pair whose other
        side is `others` and whose own side is `besides`: "foreign" where `others` translate them far
        less than a translation is (below the midpoint of the mean shares of right and wrong pairs): one
        whose counterpart was lost; "glued" where `others` translate them as a right pair's are (a
        share far likelier for a right pair than a wrong one, AGAINST, by the lexicon's odds weighed
        for the document) and they translate a part of `others` that `besides` do not (GLUED_GAIN more
        of it with them than without): the other version ran their counterpart into the paragraph
        beside it; else None."""
        ours, beside, theirs = (
            frozenset().union(*(words(text, self.langs[language]) for text in group))
            for group, language in ((texts, side), (besides, side), (others, 1 - side))
        )
        found = self.covered(ours, side, theirs)
        if found is None:
            return None
        if found < sum(self.means) / 2:
            return "foreign"
        if self._priced(found) > -AGAINST:
            return None
        alone, together = (self.covered(theirs, 1 - side, held) for held in (beside, beside | ours))
        if alone is not None and together is not None and together - alone >= GLUED_GAIN:
            return "glued"
        return None

    def weighed(self, pairs: list[tuple[str, str]]) -> Lexicon:
        """The lexicon with its costs scaled to what the words of a document's `pairs` (texts paired by
        their numbers) show: a text of another genre or age than the resolutions it was learned on
        (the UDHR's Arabic shares 0.38 of its words where resolutions share 0.72) says less with them.
        Fewer than MIN_WEIGHING pairs leave it as learned; of more than MAX_WEIGHING, as many are
        taken, spread over the document (the mean of a document's shares varies little). Weighed when
        first needed: a document paired by its numbers throughout never is."""
        return dataclasses.replace(self, pairs=tuple(pairs[:: max(1, len(pairs) // MAX_WEIGHING)]))

    @functools.cached_property
    def weight(self) -> float:
        """How much the document's words say (weighed): 1 for the lexicon as learned."""
        found = self._looked_up[0].get(self.pairs)  # both views pair a document's versions alike
        if found is None:
            shares = [
                share
                for left, right in self.pairs
                if (share := self.share(words(left, self.langs[0]), words(right, self.langs[1])))
                is not None
            ]
            right, wrong = self.means
            found = self._remember(
                0,
                self.pairs,
                min(1.0, max(0.0, (statistics.mean(shares) - wrong) / (right - wrong)))
                if len(shares) >= MIN_WEIGHING
                else 1.0,
            )
        return found


def shifted(lexical: Callable[[int, int, int, int], float], count: int) -> int:
    """How many places of a stretch with `count` texts on both sides hold a pair whose words (`lexical`:
    Lexicon.runs) say it is far likelier wrong than right (AGAINST), while they say a neighbour of the
    other side is far likelier than it (by AGAINST again): a shift, not a free translation (the UDHR's
    Arabic recitals share few words with French, and fewer with the next). The neighbour need not be
    likelier right than wrong: Arabic's right pairs of a resolution's recitals may share few words
    (A/RES/80/196's, 0.4-0.5 of them), its shifted pairs fewer (0.1-0.2)."""

    def cost(i: int, j: int) -> float:
        return lexical(i, i + 1, j, j + 1) if 0 <= j < count else math.inf

    return sum(
        cost(k, k) >= AGAINST and min(cost(k, k - 1), cost(k, k + 1)) <= cost(k, k) - AGAINST
        for k in range(count)
    )


def no_cost(i0: int, i1: int, j0: int, j1: int) -> float:
    """What runs cost without a lexicon (Lexicon.runs): nothing."""
    return 0.0


def bin_of(edges: tuple[float, ...], share: float) -> int:
    """The bin of a share: the first whose upper edge it does not pass (the last for any above)."""
    return min(bisect.bisect_left(edges, share), len(edges) - 1)


@functools.cache
def _table() -> dict:
    return json.loads(
        gzip.decompress(resources.files("align.data").joinpath("lexicon.json.gz").read_bytes())
    )


@functools.cache
def lexicon(pivot: str, lang: str) -> Lexicon | None:
    """The lexicon of `lang` against the pivot's, where the table has one (French against the other
    five official languages and German)."""
    table = _table()
    found = table["langs"].get(lang) if pivot == table["pivot"] else None
    if found is None:
        return None
    return Lexicon(
        (pivot, lang),
        both_ways(found["translations"]),
        (found["pivot_weights"], found["weights"]),
        tuple(found["edges"]),
        tuple(found["costs"]),
        (found["mean_right"], found["mean_wrong"]),
    )


def both_ways(
    translations: dict[str, list[str]],
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The pivot's words' translations, and the other language's words' (the same pairs, reversed)."""
    reverse: dict[str, list[str]] = {}
    for word, others in translations.items():
        for other in others:
            reverse.setdefault(other, []).append(word)
    return translations, reverse
