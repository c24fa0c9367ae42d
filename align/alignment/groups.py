"""N-way alignment: every language version paired with the pivot, then merged so that a unit's
versions in all languages land in one group, whatever the pivot's numbering or splitting."""

from __future__ import annotations

from dataclasses import dataclass, field

from align.alignment.units import Pairing, pair_units
from align.model import Document, Unit

# Re-pairing against merged pivot runs converges in one or two rounds; this bounds it.
_MAX_ROUNDS = 4


@dataclass
class Link:
    """Units of each language that translate each other, before scoring and sentence splitting."""

    units: dict[str, list[Unit]]
    probabilities: dict[str, float] = field(default_factory=dict)  # length plausibility against the pivot
    ratios: dict[str, float] = field(default_factory=dict)  # each language's length ratio to the pivot
    by_id: bool = True  # every language was paired by unit id, none by the length DP
    pivot: str = ""  # the language whose ids name the link; empty when the pivot lacks it

    @property
    def id(self) -> str:
        units = self.units[self.pivot] if self.pivot else next(iter(self.units.values()))
        return id_range([unit.id for unit in units])


def id_range(ids: list[str]) -> str:
    """One id for a run of units: `pre.8-9` for pre.8 and pre.9, `op.3-op.4.a` across parents.

    >>> id_range(["pre.8", "pre.9"]), id_range(["art.2"]), id_range(["op.3", "op.4.a"])
    ('pre.8-9', 'art.2', 'op.3-op.4.a')
    """
    if len(ids) == 1:
        return ids[0]
    first, last = ids[0], ids[-1]
    head, _, tail = last.rpartition(".")
    return f"{first}-{tail}" if first.rpartition(".")[0] == head else f"{first}-{last}"


def align_versions(pivot: Document, others: list[Document]) -> list[Link]:
    """Links covering every unit of every version once, in the pivot's reading order."""
    return align_all(pivot, others)[0]


def align_all(pivot: Document, others: list[Document]) -> tuple[list[Link], list[list[Link]]]:
    """The n-way links (see align_versions) and, for each other version, the links of that version and
    the pivot alone: a pair's alignment depends on those two versions only, so that one language's merge
    or gap does not coarsen another's pair (French-Chinese keeps art.8 and art.10 though Spanish merged
    8 and 9)."""
    groups: list[tuple[int, ...]] | None = None
    own: list[list[Link]] = []
    for _ in range(_MAX_ROUNDS):
        pairings = [pair_units(pivot, other, groups) for other in others]
        if groups is None:  # the first round pairs each version with the pivot alone
            own = [_links(pivot, [other], [pairing], _union(len(pivot.units), [pairing])) for other, pairing in zip(others, pairings)]
        merged = _union(len(pivot.units), pairings)
        # Nothing joined (every run a single unit): pairing again within runs would give the same beads,
        # as the beads found use only moves that stay within runs, and are still the cheapest with fewer moves.
        if merged == groups or len(merged) == len(pivot.units):
            break
        groups = merged
    groups = _union(len(pivot.units), pairings)
    return _links(pivot, others, pairings, groups), own


def _union(count: int, pairings: list[Pairing]) -> list[tuple[int, ...]]:
    """The finest runs of pivot units that no language's bead straddles."""
    joined = [False] * count  # joined[i]: unit i belongs with unit i - 1
    for pairing in pairings:
        for bead in pairing.beads:
            for i in bead.left[1:]:
                joined[i] = True
    groups: list[list[int]] = []
    for i in range(count):
        if joined[i] and groups:
            groups[-1].append(i)
        else:
            groups.append([i])
    return [tuple(group) for group in groups]


def _links(pivot: Document, others: list[Document], pairings: list[Pairing], groups: list[tuple[int, ...]]) -> list[Link]:
    group_of = {i: g for g, group in enumerate(groups) for i in group}
    links = [Link({pivot.lang: [pivot.units[i] for i in group]}, pivot=pivot.lang) for group in groups]
    extra: dict[tuple[int, str], Link] = {}  # units the pivot lacks, keyed by (place, id)
    for other, pairing in zip(others, pairings):
        place = -1
        for index, bead in enumerate(pairing.beads):
            units = [other.units[j] for j in bead.right]
            if bead.left:
                place = group_of[bead.left[0]]
                link = links[place]
                if units:
                    link.units.setdefault(other.lang, []).extend(units)
                    link.probabilities[other.lang] = min(link.probabilities.get(other.lang, 1.0), bead.probability)
                    link.by_id &= index in pairing.by_id
                    link.ratios[other.lang] = pairing.ratio
                continue
            for unit in units:  # in this language only, as far as the pivot goes
                key = (place, unit.id if unit.numbered else f"{other.lang}:{unit.id}")
                extra.setdefault(key, Link({}, by_id=unit.numbered)).units.setdefault(other.lang, []).append(unit)
    ordered = [(g, 0, "", link) for g, link in enumerate(links)]
    ordered += [(place, 1, key, link) for (place, key), link in extra.items()]
    return [link for *_, link in sorted(ordered, key=lambda item: item[:3])]
