"""N-way alignment: every language version paired with the pivot by itself, and the n-way units made
from those pairings as fine as each language allows: a run of pivot units that one language merged is a
unit of its own for that language, and the languages that kept them apart keep their own units."""

from __future__ import annotations

from dataclasses import dataclass, field

from align.alignment.units import Fixed, Pairing, pair_units
from align.model import Document, Unit


@dataclass
class Link:
    """Units of each language that translate each other, before scoring and sentence splitting."""

    units: dict[str, list[Unit]]
    # length plausibility against the pivot
    probabilities: dict[str, float] = field(default_factory=dict)
    # each language's length ratio to the pivot
    ratios: dict[str, float] = field(default_factory=dict)
    # languages paired with the pivot by the length DP (a unit the pivot lacks: unnumbered ones)
    by_length: set[str] = field(default_factory=set)
    pivot: str = ""  # the language whose ids name the link; empty when the pivot lacks it
    # languages that hold these pivot units in another link
    elsewhere: set[str] = field(default_factory=set)
    corrected: set[str] = field(default_factory=set)  # languages whose pairing a translator fixed
    mark: str = ""  # "'" after an id another link of the document bears (_named_once)

    @property
    def by_id(self) -> bool:
        """Every language was paired by unit id, none by the length DP."""
        return not self.by_length

    @property
    def id(self) -> str:
        units = self.units[self.pivot] if self.pivot else next(iter(self.units.values()))
        return id_range([unit.id for unit in units]) + self.mark

    def ids(self, pivot: str, lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Which units of the pivot and of `lang` the link holds, by id."""
        return tuple(unit.id for unit in self.units.get(pivot, [])), tuple(
            unit.id for unit in self.units.get(lang, [])
        )


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


def align_all(
    pivot: Document, others: list[Document], fixed: dict[str, tuple[Fixed, ...]] | None = None
) -> tuple[list[Link], list[list[Link]]]:
    """The n-way links (see align_versions) and, for each other version, the links of that version and
    the pivot alone. Each version is paired with the pivot by itself, so a pair's alignment depends on
    those two versions only; and in the n-way links, one language's merge or gap does not coarsen the
    others' units: French art.8 and art.9 stay two units for the languages that keep them apart, and the
    language that merged them has its own unit of both (French-Chinese keeps art.8 and art.10 though
    Spanish merged 8 and 9). `fixed`: each language's beads a translator fixed (corrected.py)."""
    fixed = fixed or {}
    pairings = [pair_units(pivot, other, fixed.get(other.lang, ())) for other in others]
    own = [_fine_links(pivot, [other], [pairing]) for other, pairing in zip(others, pairings)]
    return _fine_links(pivot, others, pairings), own


def _fine_links(pivot: Document, others: list[Document], pairings: list[Pairing]) -> list[Link]:
    """One link per run of pivot units that some language pairs as a whole, holding the languages that
    pair exactly that run; a pivot unit no language pairs alone and some run holds has no link of its own."""
    runs: dict[tuple[int, ...], Link] = {}
    extra: dict[tuple[int, str], Link] = {}  # units the pivot lacks, keyed by (place, id)
    for other, pairing in zip(others, pairings):
        place = -1
        for index, bead in enumerate(pairing.beads):
            units = [other.units[j] for j in bead.right]
            corrected = {other.lang} if index in pairing.corrected else set()
            if bead.left:
                place = bead.left[-1]
                link = runs.setdefault(
                    bead.left,
                    Link({pivot.lang: [pivot.units[i] for i in bead.left]}, pivot=pivot.lang),
                )
                link.corrected |= corrected
                if units:
                    link.units[other.lang] = units
                    link.probabilities[other.lang] = bead.probability
                    if index not in pairing.by_id:
                        link.by_length.add(other.lang)
                    link.ratios[other.lang] = pairing.ratio
                continue
            for unit in units:  # in this language only, as far as the pivot goes
                key = (place, unit.id if unit.numbered else f"{other.lang}:{unit.id}")
                link = extra.setdefault(
                    key, Link({}, by_length=set() if unit.numbered else {other.lang})
                )
                link.units.setdefault(other.lang, []).append(unit)
                link.corrected |= corrected
    held = {i for run, link in runs.items() if len(run) > 1 and len(link.units) > 1 for i in run}
    for i in range(
        len(pivot.units)
    ):  # a pivot unit no language has: a link of its own (single-language)
        if (i,) not in runs and i not in held:
            runs[(i,)] = Link({pivot.lang: [pivot.units[i]]}, pivot=pivot.lang)
    runs = {
        run: link
        for run, link in runs.items()
        if len(link.units) > 1 or not (len(run) == 1 and run[0] in held)
    }
    holders: dict[int, set[str]] = {}  # pivot unit -> the languages any link pairs it with
    for run, link in runs.items():
        for i in run:
            holders.setdefault(i, set()).update(link.units)
    for (
        run,
        link,
    ) in runs.items():  # a language in another link of these units is not missing from them
        link.elsewhere = set().union(*(holders[i] for i in run)) - set(link.units)
    ordered = [(run[0], 0, len(run), "", link) for run, link in runs.items()]
    ordered += [(place, 1, 0, key, link) for (place, key), link in extra.items()]
    return _named_once([link for *_, link in sorted(ordered, key=lambda item: item[:4])])


def _named_once(links: list[Link]) -> list[Link]:
    """The links under ids no other one has, the pivot's first: a unit the pivot lacks is named by its
    own language's id, which a pivot unit may bear elsewhere (French ran A/RES/79/195's notes 5 and 6
    into one, so the others' note 6, alone, was "fn.6" as French note 6 was), and a converter's text
    may repeat a number. A repeat takes a "'", as the structure stage marks a repeated id; the memory's
    tuids stay unique."""
    seen: set[str] = set()
    for link in sorted(links, key=lambda link: not link.pivot):
        while link.id in seen:
            link.mark += "'"
        seen.add(link.id)
    return links
