"""Pair the units of one language version with the pivot's: by id where the numbering agrees, by the
length DP in the stretches between (unnumbered preambles, dropped, merged or split paragraphs)."""

from __future__ import annotations

import bisect
import math
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass

from align.alignment.anchors import (
    Evidence,
    cited_apart,
    distinctive,
    kind_class,
    numbers_of,
    typed_numbers,
)
from align.alignment.dp import (
    MOVES,
    VARIANCE,
    Bead,
    align_lengths,
    length_cost,
    length_probability,
    text_length,
)
from align.alignment.lexicon import AGAINST, Lexicon, lexicon, no_cost, shifted
from align.alignment.openers import KINDS, Openers, learned, openers
from align.model import Document, Unit

# Below this many characters of id-paired text, a pair's length ratio is taken from all its text.
_MIN_RATIO_EVIDENCE = 200
_RATIO_SPREAD = 1.5  # a glued id pair's length ratio is this far from the median's, or further
MIN_ANCHOR_PROBABILITY = 1e-3
DIAGONAL_PROBABILITY = 1e-4  # below it, one pair of an equal-count stretch shows a drop and a merge
# a recital against an operative paragraph: the pair of an equal-count stretch where each version lost
# the paragraph on its side of "Decides", if the words say so too
_ACROSS_THE_ENACTING_LINE = frozenset({"preamble", "operative"})
_UNTWINED_FIT = 0.1  # the length probability of a pair that untwines a two-and-two bead (_untwined)
MIN_SHARED = 3  # resolutions and documents two units cite to pair them whatever their lengths
# A unit detached from a 1:n bead is at most this share of its side's text (remainders are short), and
# the pair left must be this many times as plausible by length as the bead was.
MAX_REMAINDER_SHARE = 0.25
MIN_REMAINDER_GAIN = 1.5
# the parts an id may start with: annexes ("annex.", "annex2."), sections and parts ("III.", "B.")
_PART = re.compile(r"^(?:(?:annex\d*|[A-Z]{1,6})\.)+")
# a numbered unit's list (its id but the number) and number: "I.op." and 7 in "I.op.7", "op.7'"
_LAST_NUMBER = re.compile(r"^(?P<list>(?:.*\.)?)(?P<n>\d+)'*$")
# a bead a translator fixed: pivot unit indices, the other version's (one side may be empty)
Fixed = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class Pairing:
    """How one language version's units map onto the pivot's."""

    lang: str
    beads: list[Bead]
    # indices of beads paired by unit id or by the resolutions they cite (the rest by the length DP)
    by_id: frozenset[int]
    ratio: float  # this language's length / the pivot's, learned from the document
    corrected: frozenset[int] = frozenset()  # indices of beads a translator fixed (also in by_id)


def pair_units(pivot: Document, other: Document, fixed: tuple[Fixed, ...] = ()) -> Pairing:
    """Pair `other`'s units with `pivot`'s; every unit of both ends up in exactly one bead. `fixed`: beads
    a translator fixed (align/alignment/corrected.py), in reading order; the rest is paired around them."""
    left = pivot.units
    right = other.units
    anchors = _anchors(left, right)
    ratio = _ratio(left, right, anchors)
    opening = openers(pivot.lang, other.lang)
    dictionary = lexicon(pivot.lang, other.lang)
    if dictionary:
        dictionary = dictionary.weighed(
            [
                (left[i].text, right[j].text)
                for i, j in anchors
                if left[i].kind in KINDS | {"article"}
            ]
        )
    if not fixed:
        beads, by_id = _pair_span(left, right, ratio, opening, dictionary, anchors)
        return Pairing(other.lang, beads, frozenset(by_id), ratio)
    alone_left = {i for run, runs in fixed if not runs for i in run}
    alone_right = {j for run, runs in fixed if not run for j in runs}
    beads, by_id, corrected = [], set(), set()
    start_i = start_j = 0
    for run, runs in [(run, runs) for run, runs in fixed if run and runs] + [
        ((len(left),), (len(right),))
    ]:
        span_i = [i for i in range(start_i, run[0]) if i not in alone_left]
        span_j = [j for j in range(start_j, runs[0]) if j not in alone_right]
        paired, found_by_id = _pair_span(
            [left[i] for i in span_i], [right[j] for j in span_j], ratio, opening, dictionary
        )
        alone = [Bead((i,), (), 1.0) for i in range(start_i, run[0]) if i in alone_left]
        alone += [Bead((), (j,), 1.0) for j in range(start_j, runs[0]) if j in alone_right]
        for index, bead in enumerate(paired):
            bead = Bead(
                tuple(span_i[x] for x in bead.left),
                tuple(span_j[y] for y in bead.right),
                bead.probability,
            )
            before = [b for b in alone if _precedes(b, bead)]
            corrected.update(range(len(beads), len(beads) + len(before)))
            beads += before
            alone = [b for b in alone if b not in before]
            if index in found_by_id:
                by_id.add(len(beads))
            beads.append(bead)
        corrected.update(range(len(beads), len(beads) + len(alone)))
        beads += alone
        if run[0] < len(left) or runs[0] < len(right):
            corrected.add(len(beads))
            beads.append(Bead(run, runs, 1.0))
        start_i, start_j = run[-1] + 1, runs[-1] + 1
    return Pairing(other.lang, beads, frozenset(by_id | corrected), ratio, frozenset(corrected))


def _diagonal(
    left: list[Unit], right: list[Unit], ratio: float, dictionary: Lexicon | None
) -> list[Bead]:
    """A stretch with as many units on both sides, of the same kinds in the same order, paired one to
    one ([] if it is not one, a pair's lengths cannot be a translation's, two notes of a pair cite
    apart, or the words of one pair say it is shifted: far likelier wrong, its neighbour's counterpart
    far likelier than it, lexicon.shifted): UN versions keep their paragraphs, so equal counts are the
    rule, and lengths alone drift (Chinese, lists of resolutions); but two versions that each lost a
    different paragraph have as many, shifted between the two losses. A recital paired with an
    operative paragraph whose words say they are no translation (each version lost one side of the
    enacting line) is two units alone."""
    if len(left) != len(right) or len(left) < 2:
        return []
    if any(
        kind_class(a.kind) != kind_class(b.kind) or _notes_apart(a, b) for a, b in zip(left, right)
    ):
        return []
    beads = [Bead((k,), (k,), _fit(a, b, ratio)) for k, (a, b) in enumerate(zip(left, right))]
    if any(bead.probability < DIAGONAL_PROBABILITY for bead in beads):
        return []
    if not dictionary:
        return beads
    lexical = dictionary.runs(_texts(left), _texts(right))
    if shifted(lexical, len(left)):
        return []
    return [
        piece
        for k, bead in enumerate(beads)
        for piece in (
            [Bead((k,), (), 0.0), Bead((), (k,), 0.0)]
            if {left[k].kind, right[k].kind} == _ACROSS_THE_ENACTING_LINE
            and lexical(k, k + 1, k, k + 1) >= AGAINST
            else [bead]
        )
    ]


def _untwined(
    beads: list[Bead],
    left: list[Unit],
    right: list[Unit],
    ratio: float,
    lexical: Callable[[int, int, int, int], float],
) -> list[Bead]:
    """Beads of two units on each side as two pairs where one of those pairs fits by length and its
    words say it is far likelier right than wrong: the other two units are then each other's
    counterparts. Lengths pair two and two where one pair's translation is freer ("l'UNFICYP" against
    Russian's "Вооруженных сил Организации Объединенных Наций по поддержанию мира на Кипре (ВСООНК)").
    Two paragraphs that each version merged with a different neighbour are two and two, and seldom does
    a pair of them fit by length (A/RES/79/271's Chinese 3+4 against French 3 did: it is split too)."""
    out = []
    for bead in beads:
        if len(bead.left) == len(bead.right) == 2:
            pairs = [(i, j, _fit(left[i], right[j], ratio)) for i, j in zip(bead.left, bead.right)]
            if any(
                fit >= _UNTWINED_FIT and lexical(i, i + 1, j, j + 1) <= -AGAINST
                for i, j, fit in pairs
            ):
                out += [Bead((i,), (j,), fit) for i, j, fit in pairs]
                continue
        out.append(bead)
    return out


def _fit(a: Unit, b: Unit, ratio: float) -> float:
    """How plausible the lengths of a pivot unit and another language's are as a translation's."""
    return length_probability(text_length(a.text), text_length(b.text) / ratio, VARIANCE)


def _notes_apart(a: Unit, b: Unit) -> bool:
    """Whether two units are notes that cite resolutions or documents, none the same (cited_apart)."""
    return a.kind == b.kind == "footnote" and cited_apart(
        typed_numbers(a.text), typed_numbers(b.text)
    )


def _notes_crossed(left: list[Unit], right: list[Unit], i: int, j: int) -> bool:
    """Whether notes i and j, paired by their number, cite apart while a note beside one of them cites
    what the other does: the versions number those notes in another order (A/RES/80/110's Chinese
    cites the ministerial conference's report before resolution 69/137, French after), and a pair by
    number would hold two different notes."""
    if not _notes_apart(left[i], right[j]):
        return False
    beside = [(left[i], right[k]) for k in (j - 1, j + 1) if 0 <= k < len(right)]
    beside += [(left[k], right[j]) for k in (i - 1, i + 1) if 0 <= k < len(left)]
    return any(
        a.kind == b.kind == "footnote" and distinctive(a.text) & distinctive(b.text)
        for a, b in beside
    )


def _between(
    found: list[tuple[int, int]], kept: list[tuple[int, int]], left: int, right: int
) -> list[tuple[int, int]]:
    """Pairs by id whose lengths did not fit, alone between two kept ones (or an end): one unit on each
    side, of one id, in one place, are counterparts whatever the lengths say (A/RES/78/319's paragraph 4
    (a), whose times French prints "13 heures" and Chinese "下午1时", was two units alone)."""
    sure = {(-1, -1), *kept, (left, right)}
    return [
        (i, j)
        for i, j in found
        if (i, j) not in sure and (i - 1, j - 1) in sure and (i + 1, j + 1) in sure
    ]


def _precedes(alone: Bead, bead: Bead) -> bool:
    """Whether a unit left alone comes before `bead` in reading order (on its own side)."""
    if alone.left:
        return bool(bead.left) and alone.left[0] < bead.left[0]
    return bool(bead.right) and alone.right[0] < bead.right[0]


def _pair_span(
    left: list[Unit],
    right: list[Unit],
    ratio: float,
    opening: Openers | None,
    dictionary: Lexicon | None = None,
    anchors: list[tuple[int, int]] | None = None,
) -> tuple[list[Bead], set[int]]:
    """The beads of a stretch of both versions (the whole of them, or the stretch between two fixed beads),
    and which were paired by id or by the resolutions they cite (not by length). `opening`: the openers
    of the two versions' languages, where known; `dictionary`: their lexicon, weighed for the document."""
    if anchors is None:
        anchors = _anchors(left, right)
    # A number is evidence only with text that fits it: a pair whose lengths cannot be translations of
    # each other (a paragraph glued to the next by the converter) is left to the DP, which can merge.
    # Ids both versions' markup states are kept whatever their lengths: markup glues no paragraphs, and
    # lengths mislead most where UN texts differ most (lists of resolution numbers, Chinese); so are the
    # ids of notes that cite the same resolutions and documents, no more, no fewer (a note that is a
    # symbol: "A/67/65-E/2012/48 et ..." against "A/67/65-E/2012/48和..."; a paragraph may cite as many
    # and have the next one, which cites none, glued to it). Ids that differ in their part
    # (_part_anchors) are a guess, whoever made them. A pair by id alone between two kept is kept too
    # (_between): there is nothing else for either unit to pair with.
    found = [(i, j) for i, j in anchors if left[i].id == right[j].id]
    anchors = [
        (i, j)
        for i, j in anchors
        if left[i].id == right[j].id
        and (
            left[i].marked
            and right[j].marked
            or left[i].kind == right[j].kind == "footnote"
            and bool(cites := distinctive(left[i].text))
            and cites == distinctive(right[j].text)
        )
        or _fit(left[i], right[j], ratio) >= MIN_ANCHOR_PROBABILITY
    ]
    anchors += _between(found, anchors, len(left), len(right))
    anchors = [(i, j) for i, j in anchors if not _notes_crossed(left, right, i, j)]
    anchors = _chain(sorted(set(anchors) | set(_number_anchors(left, right, anchors))))
    lexical = dictionary.runs(_texts(left), _texts(right)) if dictionary else no_cost
    said = _said(left, right, dictionary)
    beads: list[Bead] = []
    by_id: set[int] = set()
    start_i = start_j = 0
    for i, j in anchors + [(len(left), len(right))]:
        if (
            i > start_i or j > start_j
        ):  # most anchors follow each other: no gap to align between them
            gap = _diagonal(left[start_i:i], right[start_j:j], ratio, dictionary) or align_lengths(
                _lengths(left[start_i:i]),
                _lengths(right[start_j:j]),
                ratio,
                evidence=Evidence(
                    [u.text for u in left[start_i:i]],
                    [u.text for u in right[start_j:j]],
                    ([u.kind for u in left[start_i:i]], [u.kind for u in right[start_j:j]]),
                    opening,
                    dictionary,
                ),
            )
            beads += _untwined(
                [
                    Bead(
                        tuple(x + start_i for x in b.left),
                        tuple(y + start_j for y in b.right),
                        b.probability,
                    )
                    for b in gap
                ],
                left,
                right,
                ratio,
                lexical,
            )
        if i < len(left):
            by_id.add(len(beads))
            beads.append(Bead((i,), (j,), _fit(left[i], right[j], ratio)))
        start_i, start_j = i + 1, j + 1
    kinds = ([unit.kind for unit in left], [unit.kind for unit in right])
    beads, by_id = _absorb_orphans(
        beads,
        by_id,
        _lengths(left),
        [length / ratio for length in _lengths(right)],
        kinds,
        _uncited(left, right),
        lexical,
        said,
    )
    return _detach_remainders(beads, by_id, left, right, ratio, said)


def _detach_remainders(
    beads: list[Bead],
    by_id: set[int],
    left: list[Unit],
    right: list[Unit],
    ratio: float,
    said: Callable[[Bead, Bead], str | None],
) -> tuple[list[Bead], set[int]]:
    """A 1:n bead of the DP whose first or last unit on the n side is a short, whole, unnumbered paragraph
    that the one unit translates better without ("Whereas ... pledge," + "Now, therefore," against one
    French recital) becomes the 1:1 pair and that unit alone: a CAT tool matches the pair, and the unit
    without counterpart is reported as such. Gale-Church's priors prefer the 1:n bead; a memory wants the
    finest pairs. A piece a page break cut from its paragraph (ending or starting mid-sentence) stays
    joined, and so does a numbered paragraph: lengths cannot tell its dropped counterpart from one a
    converter merged into the other unit, and detaching those lost more pairs than it gained; so does a
    paragraph whose words say the other version ran it into its neighbour (`said` "glued"). The pair
    left must be of one kind (a recital glued to operative paragraph 1 reads as a recital)."""
    found: list[Bead] = []
    found_by_id: set[int] = set()
    for index, bead in enumerate(beads):
        if index in by_id:
            found_by_id.add(len(found))
            found.append(bead)
        else:
            found += _detached(bead, left, right, ratio, said)
    return found, found_by_id


def _detached(
    bead: Bead,
    left: list[Unit],
    right: list[Unit],
    ratio: float,
    said: Callable[[Bead, Bead], str | None],
) -> list[Bead]:
    """`bead`, or the 1:1 pair and the unit alone it becomes (see _detach_remainders)."""
    many_left = len(bead.left) > 1
    one, many = (bead.right, bead.left) if many_left else (bead.left, bead.right)
    if len(one) != 1 or len(many) < 2:
        return [bead]
    single = (right if many_left else left)[one[0]]
    units_many = [(left if many_left else right)[k] for k in many]
    scale = (1.0, ratio) if many_left else (ratio, 1.0)  # (the many side's divisor, the one's)
    total = sum(text_length(unit.text) for unit in units_many)
    best = None
    for edge, rest in ((0, units_many[1:]), (len(many) - 1, units_many[:-1])):
        detached = units_many[edge]
        if (
            detached.numbered
            or text_length(detached.text) > MAX_REMAINDER_SHARE * total
            or not _whole(detached, rest, edge)
            or any(unit.kind != single.kind for unit in rest)
        ):
            continue
        probability = length_probability(
            text_length(single.text) / scale[1],
            sum(text_length(unit.text) for unit in rest) / scale[0],
            VARIANCE,
        )
        kept = tuple(k for position, k in enumerate(many) if position != edge)
        pair = Bead(kept, one, probability) if many_left else Bead(one, kept, probability)
        alone = Bead((many[edge],), (), 0.0) if many_left else Bead((), (many[edge],), 0.0)
        if (
            probability > MIN_REMAINDER_GAIN * bead.probability
            and (best is None or probability > best[0].probability)
            and said(alone, pair) != "glued"
        ):
            best = (pair, alone, edge)
    if best is None:
        return [bead]
    pair, alone, edge = best
    return [alone, pair] if edge == 0 else [pair, alone]


def _whole(detached: Unit, rest: list[Unit], edge: int) -> bool:
    """Whether `detached` and the units it leaves meet at a paragraph's end, not mid-sentence: the earlier
    one ends with punctuation and the later one does not start with a lower-case letter."""
    before, after = (detached, rest[0]) if edge == 0 else (rest[-1], detached)
    ends = before.text.rstrip()[-1:]
    starts = after.text.lstrip()[:1]
    return bool(ends) and not ends.isalnum() and not starts.islower()


def _uncited(left: list[Unit], right: list[Unit]) -> tuple[set[int], set[int]]:
    """The footnotes of each side whose number the other side's text never cites: that version lost the
    paragraph citing it, and the note with it, so the note has no counterpart to be glued into."""
    cited = [{number for unit in side for number in unit.footnotes} for side in (left, right)]
    return (
        {
            i
            for i, unit in enumerate(left)
            if unit.kind == "footnote" and unit.number not in cited[1]
        },
        {
            j
            for j, unit in enumerate(right)
            if unit.kind == "footnote" and unit.number not in cited[0]
        },
    )


def _absorb_orphans(
    beads: list[Bead],
    by_id: set[int],
    left: list[float],
    right: list[float],
    kinds: tuple[list[str], list[str]],
    uncited: tuple[set[int], set[int]],
    lexical: Callable[[int, int, int, int], float],
    said: Callable[[Bead, Bead], str | None],
) -> tuple[list[Bead], set[int]]:
    """A unit left alone beside an id-paired bead joins it when the Gale-Church cost, with the `lexical`
    cost of the beads' words, says so: a converter glued two paragraphs into one, and the number of the
    first paired them before the DP could merge. Never a unit of another kind of text (kind_class): a
    footnote does not join a paragraph, nor a footnote another one when the other version never cites
    its number (`uncited`); nor a unit whose words the bead's other side does not translate (`said`
    "foreign"): its counterpart was lost, not glued to the bead's. A unit whose words the other side
    translates, which holds more than the bead's own unit translates (`said` "glued"), joins any bead
    whatever the lengths say: the other version ran its counterpart into its neighbour, and lengths
    mislead there (A/RES/76/221's Chinese operative paragraphs 5 and 6, run together, left French 6
    alone beside the pair of 5)."""

    def cost(bead: Bead) -> float:
        prior = MOVES.get((len(bead.left), len(bead.right)))
        classes = {kind_class(kinds[0][i]) for i in bead.left} | {
            kind_class(kinds[1][j]) for j in bead.right
        }
        if prior is None or len(classes) > 1 and len(bead.left) + len(bead.right) > 2:
            return math.inf
        if not bead.left or not bead.right:
            return -math.log(prior)
        return (
            -math.log(prior)
            + length_cost(sum(left[i] for i in bead.left), sum(right[j] for j in bead.right))
            + lexical(bead.left[0], bead.left[-1] + 1, bead.right[0], bead.right[-1] + 1)
        )

    index = 0
    while index < len(beads):
        orphan = beads[index]
        if (
            orphan.left
            and orphan.right
            or set(orphan.left) & uncited[0]
            or set(orphan.right) & uncited[1]
        ):
            index += 1
            continue
        for neighbour in (index - 1, index + 1):
            if (
                not 0 <= neighbour < len(beads)
                or not beads[neighbour].left
                or not beads[neighbour].right
            ):
                continue
            verdict = said(orphan, beads[neighbour])
            if verdict != "foreign" and (neighbour in by_id or verdict == "glued"):
                merged = Bead(
                    tuple(sorted(beads[neighbour].left + orphan.left)),
                    tuple(sorted(beads[neighbour].right + orphan.right)),
                    0.0,
                )
                merged_cost = cost(merged)
                if (
                    verdict == "glued"
                    and merged_cost < math.inf
                    or merged_cost < cost(orphan) + cost(beads[neighbour])
                ):
                    probability = length_probability(
                        sum(left[i] for i in merged.left),
                        sum(right[j] for j in merged.right),
                        VARIANCE,
                    )
                    low = min(index, neighbour)
                    beads[low : low + 2] = [Bead(merged.left, merged.right, probability)]
                    by_id = {b if b < low else b - 1 for b in by_id if b not in (index, neighbour)}
                    break
        else:
            index += 1
    return beads, by_id


def _texts(units: list[Unit]) -> list[str | None]:
    """The units' texts of the kinds the lexicon and openers were learned on, None for the others."""
    return learned([unit.text for unit in units], [unit.kind for unit in units])


def _said(
    left: list[Unit], right: list[Unit], dictionary: Lexicon | None
) -> Callable[[Bead, Bead], str | None]:
    """What the words say of a unit alone beside a bead (Lexicon.placed): "foreign" where the bead's
    other side does not translate it, "glued" where it does and holds more than the bead's own unit
    translates, else None. A note's numbers speak first: a note citing apart from the bead's other side
    is foreign (a note is what it cites: A/76/403 is not resolution 73/291's note's)."""

    def said(orphan: Bead, bead: Bead) -> str | None:
        side = 0 if orphan.left else 1
        units = ([left[i] for i in orphan.left], [right[j] for j in orphan.right])[side]
        others = ([right[j] for j in bead.right], [left[i] for i in bead.left])[side]
        besides = ([left[i] for i in bead.left], [right[j] for j in bead.right])[side]
        if {unit.kind for unit in units + others} == {"footnote"} and cited_apart(
            numbers_of(unit.text for unit in units), numbers_of(unit.text for unit in others)
        ):
            return "foreign"
        ours, theirs, beside = (_texts(group) for group in (units, others, besides))
        if not (dictionary and theirs and beside) or None in ours + theirs + beside:
            return None
        return dictionary.placed(ours, side, theirs, beside)

    return said


def _lengths(units: list[Unit]) -> list[float]:
    return [float(text_length(unit.text)) for unit in units]


def _anchors(left: list[Unit], right: list[Unit]) -> list[tuple[int, int]]:
    """Units whose ids come from the text's numbering on both sides, as the longest in-order chain.

    A chain (longest increasing subsequence) keeps one out-of-order number from dragging the rest. A
    number out of sequence on both sides (_out_of_sequence) anchors nothing: two corrupted numbers that
    happen to agree ("7" read for 4 in one version, for 2 in the other) say nothing. An id a side has
    twice (a corrupted number; a paragraph merged into 3 (c), whose sub-paragraphs then read as 3's
    again) anchors only where one of its pairings alone lies between the same two anchors of ids each
    side has once: otherwise which of the two is the other's counterpart, the number does not say.
    """
    places: list[dict[str, list[int]]] = [{}, {}]
    for side, units in enumerate((left, right)):
        for k, unit in enumerate(units):
            if unit.numbered:
                places[side].setdefault(unit.id, []).append(k)
    shared = places[0].keys() & places[1].keys()
    astray = _out_of_sequence(left), _out_of_sequence(right)
    once = _chain(
        sorted(
            (places[0][key][0], places[1][key][0])
            for key in shared
            if len(places[0][key]) == len(places[1][key]) == 1
            and not (places[0][key][0] in astray[0] and places[1][key][0] in astray[1])
        )
    )
    bounds = [list(side) for side in zip((-1, -1), *once)]

    def between(i: int, j: int) -> bool:
        return bisect.bisect(bounds[0], i) == bisect.bisect(bounds[1], j)

    repeated = []
    for key in shared:
        found = [(i, j) for i in places[0][key] for j in places[1][key] if between(i, j)]
        if len(found) == 1 and (len(places[0][key]) > 1 or len(places[1][key]) > 1):
            repeated += found
    same = _chain(sorted(once + repeated))
    return _chain(sorted(same + _part_anchors(left, right, same)))


def _out_of_sequence(units: list[Unit]) -> set[int]:
    """Numbered units whose number is not between the numbers before and after it among the numbered
    units of its list ("op.7" between "op.3" and "op.5"; a first "op.4" before "op.2"): the marks of a
    converter that misread a number. A drop or a merge leaves a gap, in order: "op.3" between "op.1" and
    "op.5" is not out of sequence."""
    lists: dict[str, list[tuple[int, int]]] = {}
    for k, unit in enumerate(units):
        match = _LAST_NUMBER.match(unit.id) if unit.numbered else None
        if match:
            lists.setdefault(match["list"], []).append((k, int(match["n"])))
    astray = set()
    for members in lists.values():
        numbers = [None, *(n for _, n in members), None]
        for index, (k, n) in enumerate(members):
            before, after = numbers[index], numbers[index + 2]
            if not (before or 0) < n < (after or math.inf):
                astray.add(k)
    return astray


def _part_anchors(
    left: list[Unit], right: list[Unit], anchors: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Numbered units whose ids differ in their part alone, between the same two id anchors: one
    version's markup marks an annex's sections and the other's does not (A/RES/78/1: French "III.op.40",
    Chinese "annex.op.40"; A/RES/78/253: English "II.op.1", Chinese "op.1'", the second op.1). Where both
    sides have as many units with an id inside its part, they pair in reading order."""
    found = []
    bounds = [(-1, -1), *anchors, (len(left), len(right))]
    for (i0, j0), (i1, j1) in zip(bounds, bounds[1:]):
        ours, theirs = (
            _by_local([k for k in range(low + 1, high) if side[k].numbered], side)
            for side, low, high in ((left, i0, i1), (right, j0, j1))
        )
        found += [
            (i, j)
            for key, places in ours.items()
            if len(places) == len(theirs.get(key, ()))
            for i, j in zip(places, theirs[key])
            if left[i].id != right[j].id
        ]
    return found


def _by_local(places: list[int], units: list[Unit]) -> dict[str, list[int]]:
    """Places of units by their id inside its part, repeats marked or not ("op.40" for "III.op.40"
    and for "op.40'")."""
    found: dict[str, list[int]] = {}
    for k in places:
        found.setdefault(_PART.sub("", units[k].id).rstrip("'"), []).append(k)
    return found


def _chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of `pairs` (in order of i) increasing in both i and j (longest increasing
    subsequence), so that one out-of-order pair does not drag the rest."""
    tails: list[int] = []  # tails[k] = smallest j ending an increasing chain of length k+1
    tail_at: list[int] = []
    parent: list[int] = []
    for index, (_i, j) in enumerate(pairs):
        k = bisect.bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_at.append(index)
        else:
            tails[k], tail_at[k] = j, index
        parent.append(tail_at[k - 1] if k else -1)
    chain: list[tuple[int, int]] = []
    index = tail_at[-1] if tail_at else -1
    while index >= 0:
        chain.append(pairs[index])
        index = parent[index]
    return chain[::-1]


def _number_anchors(
    left: list[Unit], right: list[Unit], anchors: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Units of the stretches between id anchors that cite the same resolutions and documents, as no other
    unit of those stretches does: at least MIN_SHARED of them, more than twice as many as any other
    unit shares with either. Lengths mislead most in such a unit (a list of resolutions and their dates,
    which Chinese writes three times as long as its words would be), and its numbers are its identity."""
    taken_i, taken_j = {i for i, _ in anchors}, {j for _, j in anchors}
    numbers = [
        [distinctive(unit.text) if k not in taken else frozenset() for k, unit in enumerate(side)]
        for side, taken in ((left, taken_i), (right, taken_j))
    ]
    if not any(numbers[0]) or not any(numbers[1]):  # most stretches, and most sentences, cite none
        return []
    where: dict[tuple[str, str], list[int]] = {}
    for j, found in enumerate(numbers[1]):
        for number in found:
            where.setdefault(number, []).append(j)
    shared: dict[tuple[int, int], int] = {}
    for i, found in enumerate(numbers[0]):
        for number in found:
            for j in where.get(number, ()):
                shared[i, j] = shared.get((i, j), 0) + 1
    best_i: dict[int, list[int]] = {}
    best_j: dict[int, list[int]] = {}
    for (i, j), count in shared.items():
        best_i.setdefault(i, []).append(count)
        best_j.setdefault(j, []).append(count)

    def alone(count: int, counts: list[int]) -> bool:
        return sum(1 for other in counts if other * 2 >= count) == 1

    return [
        (i, j)
        for (i, j), count in shared.items()
        if count >= MIN_SHARED and alone(count, best_i[i]) and alone(count, best_j[j])
    ]


def _ratio(left: list[Unit], right: list[Unit], anchors: list[tuple[int, int]]) -> float:
    """The pair's length ratio, learned from the id-paired units (or all units when they are few), leaving
    out a pair a converter glued a paragraph to: one number both versions print, the paragraph after it
    under it in one version (whose own number that version lacks), and a length ratio far from the
    median's. One such pair in a short resolution moved the ratio by a fifth."""
    ids = ({unit.id for unit in left}, {unit.id for unit in right})

    def glued(i: int, j: int) -> bool:
        return (i + 1 < len(left) and left[i + 1].id not in ids[1]) or (
            j + 1 < len(right) and right[j + 1].id not in ids[0]
        )

    pairs = [
        (text_length(left[i].text), text_length(right[j].text), glued(i, j)) for i, j in anchors
    ]
    pairs = [(a, b, suspect) for a, b, suspect in pairs if a and b]
    if pairs:
        median = statistics.median(b / a for a, b, _ in pairs)
        pairs = [
            (a, b, suspect)
            for a, b, suspect in pairs
            if not suspect or median / _RATIO_SPREAD <= b / a <= median * _RATIO_SPREAD
        ]
    left_total, right_total = sum(a for a, _, _ in pairs), sum(b for _, b, _ in pairs)
    if left_total < _MIN_RATIO_EVIDENCE:
        left_total, right_total = sum(_lengths(left)), sum(_lengths(right))
    return right_total / left_total if left_total and right_total else 1.0
