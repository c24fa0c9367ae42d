"""A translator's corrections (align/corrections.py) applied to one document's versions before they are
paired: splits cut units in two, links become fixed beads of their language pair (units.pair_units), and
a correction whose units are gone or whose text changed is reported stale instead of applied blindly.

Corrections apply in the order they were made; a later one that touches a unit an earlier one fixed, or
would cross it (links keep reading order), replaces it: that earlier one is reported `superseded`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from align.alignment.units import Fixed
from align.corrections import SPLIT_MARK, Correction, digest
from align.model import Document


@dataclass
class Applied:
    """The versions after splits, each language's fixed beads, and what became of every correction."""

    documents: dict[str, Document]
    fixed: dict[str, tuple[Fixed, ...]] = field(default_factory=dict)
    # per correction, in order: {"action", "lang", "date", "status": applied|stale|superseded, "why"}
    outcomes: list[dict[str, str]] = field(default_factory=list)


def apply(documents: dict[str, Document], pivot: str, corrections: list[Correction]) -> Applied:
    applied = Applied(dict(documents))
    kept: dict[str, list[tuple[int, Fixed]]] = {}  # per language: (correction's index, bead)
    for number, correction in enumerate(corrections):
        applied.outcomes.append(
            {
                "action": correction.action,
                "lang": correction.lang,
                "date": correction.date,
                "status": "applied",
                "why": "",
            }
        )
        why = _stale(correction, applied.documents, pivot)
        beads: list[Fixed] = []
        if not why and correction.split:
            lang, unit_id, at = correction.split
            applied.documents[lang], why = _split(applied.documents[lang], unit_id, at)
        if not why:
            beads, why = _beads(
                correction, applied.documents[pivot], applied.documents[correction.lang]
            )
        if why:
            applied.outcomes[-1] |= {"status": "stale", "why": why}
            continue
        ours = kept.setdefault(correction.lang, [])
        for bead in beads:
            for earlier, other in [item for item in ours if _clash(item[1], bead)]:
                ours.remove((earlier, other))
                if earlier != number:
                    applied.outcomes[earlier] |= {
                        "status": "superseded",
                        "why": f"a later correction ({correction.action}) changed its units",
                    }
            ours.append((number, bead))
    for lang, beads in kept.items():
        applied.fixed[lang] = tuple(sorted((bead for _number, bead in beads), key=_place))
    return applied


def _stale(correction: Correction, documents: dict[str, Document], pivot: str) -> str:
    """Why a correction cannot apply to these versions ("" if it can)."""
    if correction.pivot != pivot:
        return f"made with pivot {correction.pivot}, the document's pivot is {pivot}"
    if correction.lang not in documents or correction.lang == pivot:
        return f"the document has no {correction.lang} version to pair with {pivot}"
    for lang, ids in correction.units.items():
        if lang not in documents:
            return f"the document has no {lang} version"
        texts = {unit.id: unit.text for unit in documents[lang].units}
        for unit_id, expected in ids.items():
            if unit_id not in texts:
                return f"{lang} unit {unit_id} is gone"
            if digest(texts[unit_id]) != expected:
                return f"{lang} unit {unit_id} changed since the correction was made"
    return ""


def _split(document: Document, unit_id: str, at: int) -> tuple[Document, str]:
    """The version with `unit_id` cut at offset `at`: the first part keeps the id, the second is
    `<id>~2`, unnumbered, so that it is paired by its place and length unless a link fixes it."""
    for index, unit in enumerate(document.units):
        if unit.id == unit_id:
            break
    else:
        return document, f"{document.lang} unit {unit_id} is gone"
    head, tail = unit.text[:at].rstrip(), unit.text[at:]
    skipped = len(tail) - len(tail.lstrip())
    tail = tail.lstrip()
    if not head or not tail:
        return document, f"{document.lang} unit {unit_id} has no text on one side of offset {at}"
    first = dataclasses.replace(
        unit, text=head, marks=tuple((o, n) for o, n in unit.marks if o <= len(head))
    )
    second = dataclasses.replace(
        unit,
        id=f"{unit_id}{SPLIT_MARK}2",
        text=tail,
        marks=tuple((o - at - skipped, n) for o, n in unit.marks if o >= at + skipped),
        numbered=False,
        marked=False,
    )
    units = document.units[:index] + [first, second] + document.units[index + 1 :]
    return dataclasses.replace(document, units=units), ""


def _beads(correction: Correction, pivot: Document, other: Document) -> tuple[list[Fixed], str]:
    """The correction's links as beads of unit indices: each side a run of adjacent units; a run with
    no counterpart is a bead of each of its units alone."""
    where = [{unit.id: i for i, unit in reversed(list(enumerate(d.units)))} for d in (pivot, other)]
    beads: list[Fixed] = []
    for link in correction.links:
        runs = []
        for side, ids, document in zip(where, link, (pivot, other)):
            missing = [unit_id for unit_id in ids if unit_id not in side]
            if missing:
                return [], f"{document.lang} unit {missing[0]} is gone"
            run = tuple(sorted(side[unit_id] for unit_id in ids))
            if run and run != tuple(range(run[0], run[-1] + 1)):
                return [], f"{document.lang} units {' '.join(ids)} are not adjacent"
            runs.append(run)
        left, right = runs
        if left and right:
            beads.append((left, right))
        else:
            beads += [((i,), ()) for i in left] + [((), (j,)) for j in right]
    return beads, ""


def _clash(first: Fixed, second: Fixed) -> bool:
    """Whether two fixed beads share a unit or cross (one is before the other on one side, after it on
    the other): they cannot both hold."""
    for side in (0, 1):
        if set(first[side]) & set(second[side]):
            return True
    if first[0] and first[1] and second[0] and second[1]:
        return (first[0][0] < second[0][0]) != (first[1][0] < second[1][0])
    return False


def _place(bead: Fixed) -> tuple[int, int]:
    left, right = bead
    return (left[0] if left else -1, right[0] if right else -1)
