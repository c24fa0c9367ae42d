"""The words a UN paragraph opens with, as evidence that two paragraphs translate each other.

A resolution's paragraphs open with a participle or a verb (Rappelant, Recalling, 回顾, وإذ تشير,
ссылаясь, Recordando; Décide, Decides, 决定), and each version uses its own small set of them, in the
same paragraph. Where lengths mislead (Chinese, an unnumbered preamble with a paragraph dropped in one
version and another in the other), the openers tell the pairs apart. Which openers go together is
learned from the UN's own XML, whose versions pair by id (scripts/make_openers.py writes
align/data/openers.json, and says on which resolutions and how well it tells pairs apart).
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources

from align.untext import opener

# the kinds of units the table was learned on: a resolution's paragraphs (not articles, whose openers
# are another genre's: "Toute personne", "人人")
KINDS = frozenset({"preamble", "operative", "subparagraph", "paragraph"})


def learned(texts: list[str], kinds: list[str]) -> list[str | None]:
    """The texts of units of the kinds the tables were learned on (KINDS), None for the others."""
    return [text if kind in KINDS else None for text, kind in zip(texts, kinds)]


@dataclass(frozen=True)
class Openers:
    """Which openers of two languages go together, and the cost of a pair whose openers do not."""

    langs: tuple[str, str]  # the pivot's language, the other's
    known: tuple[frozenset[str], frozenset[str]]  # openers seen often enough to judge, per side
    together: frozenset[tuple[str, str]]
    cost: (
        float  # the log of how much likelier a wrong pair's openers are to clash than a right one's
    )

    def of(
        self, texts: tuple[list[str], list[str]], kinds: tuple[list[str], list[str]]
    ) -> tuple[list[str | None], list[str | None]]:
        """The openers of a stretch's units, per side (0: the pivot's), that can tell its pairs apart:
        None for units of kinds the table knows nothing of (KINDS), and for a pivot opener that no
        unit of the other side goes with. The UDHR's "Considérant" recitals are "鉴于" in Chinese, which
        resolutions pair with other words: every pair would clash, and none be told apart by it."""
        ours, theirs = (
            [None if text is None else opener(text, lang) for text in learned(side, side_kinds)]
            for side, side_kinds, lang in zip(texts, kinds, self.langs)
        )
        present = set(theirs)
        told = {key for key in set(ours) if any((key, other) in self.together for other in present)}
        return [key if key in told else None for key in ours], theirs

    def clash(self, left: str | None, right: str | None) -> bool:
        """Both openers are known, and were seen together fewer than twice (make_openers.MIN_TOGETHER)."""
        return (
            left in self.known[0] and right in self.known[1] and (left, right) not in self.together
        )


@functools.cache
def openers(pivot: str, lang: str) -> Openers | None:
    """The openers of `lang` against the pivot's, where the table has them (it holds French against
    the other five official languages)."""
    table = json.loads(resources.files("align.data").joinpath("openers.json").read_text("utf-8"))
    found = table["langs"].get(lang) if pivot == table["pivot"] else None
    if found is None:
        return None
    return Openers(
        (pivot, lang),
        (frozenset(found["pivot_openers"]), frozenset(found["openers"])),
        frozenset(map(tuple, found["together"])),
        math.log(found["mismatch_wrong"] / found["mismatch_right"]),
    )
