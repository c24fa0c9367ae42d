"""What the review page shows and does, apart from HTTP: a build's documents, one document's alignment in
both views as the next build will make it (its saved corrections and the ones not yet saved applied),
the translator's actions turned into corrections, undo, and saving, which rebuilds the outputs.

Everything is computed by the build's own code from the build's own inputs and options (report.json), so
the page shows exactly what a rebuild gives; the cache makes that rebuild redo the corrected documents only.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
from pathlib import Path
from typing import Any

from align.alignment.checks import flags_of, link_texts
from align.alignment.links import Link
from align.alignment.numbered import Links, aligned_units, pair_links
from align.corrections import NAME, Correction, by_document, digest, read, write
from align.errors import UsageError
from align.langs import language
from align.model import AlignedDocument, AlignedUnit, Document, Group, Unit
from align.pipeline.options import BuildOptions
from align.pipeline.run import build
from align.pipeline.work import read_versions
from align.segment import Segmenter

# the actions on a pair of units (a bead) the page offers; "split" cuts one unit at a sentence boundary
BEAD_ACTIONS = ("merge", "move-up", "move-down", "no-counterpart", "confirm")
_SEGMENTER = Segmenter()


class Refused(ValueError):
    """An action that cannot be done as asked, with why (the page shows it)."""


class Session:
    """One translator's review of one build (OUT), with the corrections made and not yet saved."""

    def __init__(self, out: Path) -> None:
        self.out = out.absolute()
        self.pending: list[Correction] = []
        self._load()

    def _load(self) -> None:
        try:
            report = json.loads((self.out / "report.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise UsageError(
                f"{self.out}: not a build's output folder (report.json: {error})"
            ) from None
        try:
            self.options = BuildOptions.again(report["options"], self.out)
            workdir = Path(report["options"].get("workdir") or ".")
            files: dict[str, list[str]] = {}
            for record in report["inputs"]:
                if record["outcome"] in ("aligned", "partial") and record["symbol"]:
                    files.setdefault(record["symbol"], []).append(str(workdir / record["path"]))
        except (KeyError, TypeError, AttributeError) as error:
            raise UsageError(
                f"{self.out}: report.json is not a build's report ({type(error).__name__}: {error})"
            ) from None
        self.report, self.files = report, files

    # what the page lists

    def documents(self) -> list[dict[str, Any]]:
        """The build's documents, those with flagged units first (most flagged first), then by symbol."""
        flagged: dict[str, int] = {}
        for item in self.report["flagged"]:
            flagged[item["document"]] = flagged.get(item["document"], 0) + 1
        found = [
            {
                "symbol": document["symbol"],
                "langs": document["langs"],
                "pivot": document["pivot"],
                "units": document["units"],
                "flagged": flagged.get(document["symbol"], 0),
                "stale": sum(1 for c in document.get("corrections", []) if c["status"] == "stale"),
            }
            for document in self.report["documents"]
            if document["symbol"] in self.files and len(document["langs"]) > 1
        ]
        return sorted(found, key=lambda item: (-item["flagged"], item["symbol"]))

    def view(self, symbol: str) -> dict[str, Any]:
        """A document side by side in all its languages at the unit level, and each language's pairs with
        the pivot, sentence pairs beneath, as the next build will align it."""
        links, aligned = self._align(symbol)
        langs = [links.pivot, *links.others]
        sentences: dict[str, dict[str, list[list[str]]]] = {
            lang: _sentences(units, links.pivot, lang) for lang, units in aligned.pairs.items()
        }
        return {
            "symbol": symbol,
            "pivot": links.pivot,
            "langs": langs,
            "names": {lang: language(lang).name for lang in langs},
            "rtl": [lang for lang in langs if language(lang).direction == "rtl"],
            "units": [_row(link, langs, links.documents) for link in links.links],
            "pairs": {
                lang: [
                    _row(link, [links.pivot, lang], links.documents)
                    | {"sentences": sentences[lang].get(link.id, [])}
                    for link in own
                ]
                for lang, own in zip(links.others, links.own)
            },
            "corrections": aligned.corrections,
            "pending": sum(1 for c in self.pending if c.document == symbol),
            "unsaved": len(self.pending),
        }

    # what the translator does

    def act(self, symbol: str, lang: str, index: int, action: str, side: str = "") -> None:
        """Record `action` on the `index`th pair of the `lang`-pivot pairs of `symbol` (`side`: pivot or
        other, for the actions that move or drop one side's units)."""
        links, _aligned = self._align(symbol)
        if lang not in links.others:
            raise Refused(f"{symbol} has no {lang} version besides the pivot {links.pivot}")
        own = links.own[links.others.index(lang)]
        if not 0 <= index < len(own):
            raise Refused(f"no pair {index} in {links.pivot}-{lang}")
        beads = [link.ids(links.pivot, lang) for link in own]
        left, right = beads[index]
        where = 0 if side == "pivot" else 1
        if action == "merge":
            if index + 1 >= len(beads):
                raise Refused("the last pair has no next one to merge with")
            after = beads[index + 1]
            new = [(left + after[0], right + after[1])]
        elif action in ("move-up", "move-down"):
            up = action == "move-up"
            neighbour = index - 1 if up else index + 1
            if not 0 <= neighbour < len(beads):
                raise Refused(f"no pair {'before' if up else 'after'} this one")
            mine = list(beads[index])
            theirs = list(beads[neighbour])
            if not mine[where]:
                raise Refused("nothing on that side to move")
            moved = mine[where][0] if up else mine[where][-1]
            mine[where] = tuple(unit for unit in mine[where] if unit != moved)
            theirs[where] = theirs[where] + (moved,) if up else (moved,) + theirs[where]
            new = [tuple(theirs), tuple(mine)] if up else [tuple(mine), tuple(theirs)]
            new = [bead for bead in new if bead[0] or bead[1]]
        elif action == "no-counterpart":
            new = [(left, ())] if where == 0 else [((), right)]
            if not new[0][0] and not new[0][1]:
                raise Refused("nothing on that side")
        elif action == "confirm":
            new = [(left, right)]
        else:
            raise Refused(f"unknown action {action!r} (one of {', '.join(BEAD_ACTIONS)}, split)")
        touched = {
            links.pivot: {i for bead in new for i in bead[0]},
            lang: {i for bead in new for i in bead[1]},
        }
        self._add(
            Correction(
                symbol,
                links.pivot,
                lang,
                action,
                _digests(links.documents, touched),
                tuple((tuple(a), tuple(b)) for a, b in new),
                None,
                _now(),
            )
        )

    def split(self, symbol: str, lang: str, unit_id: str, at: int, pair: str = "") -> None:
        """Cut `lang`'s unit `unit_id` at offset `at` (a sentence boundary the page offers), in the pair of
        the pivot and `pair` (`lang` itself when it is not the pivot)."""
        links, _aligned = self._align(symbol)
        pair = pair or lang
        if pair not in links.others or lang not in (links.pivot, pair):
            raise Refused(f"no {lang} unit in the {links.pivot}-{pair} pairs")
        self._add(
            Correction(
                symbol,
                links.pivot,
                pair,
                "split",
                _digests(links.documents, {lang: {unit_id}}),
                (),
                (lang, unit_id, at),
                _now(),
            )
        )

    def undo(self) -> bool:
        """Take back the last correction not yet saved (False if there is none)."""
        if not self.pending:
            return False
        self.pending.pop()
        return True

    def save(self) -> dict[str, Any]:
        """Add the corrections made to OUT/corrections.json and rebuild: the documents corrected are
        aligned again, the others come from the cache."""
        saved = len(self.pending)
        path = self.out / NAME
        if self.pending:
            write(path, (read(path) if path.is_file() else []) + self.pending)
            self.pending = []
        # the corrected documents are few: aligned here, where the language models are loaded already,
        # rather than by a new pool of workers (or a Dask cluster, if the build had one) that would load them again
        result = build(dataclasses.replace(self.options, jobs=1, engine="local", scheduler=""))
        self._load()
        return {
            "saved": saved,
            "documents": result.documents,
            "cached": result.cached,
            "units": result.units,
        }

    # the alignment as the next build makes it

    def _corrections(self, symbol: str) -> list[Correction]:
        saved = by_document(self.options.correction_files()).get(symbol, [])
        return saved + [c for c in self.pending if c.document == symbol]

    def _align(self, symbol: str) -> tuple[Links, AlignedDocument]:
        if symbol not in self.files:
            raise Refused(f"no document {symbol!r} in this build")
        _records, documents = read_versions(Group.of(symbol, self.files[symbol]), self.options)
        if not documents:
            raise Refused(f"no file of {symbol} can be read now")
        links = pair_links(documents, self.options.align.wanted_pivot, self._corrections(symbol))
        return links, aligned_units(links, symbol, _SEGMENTER, self.options.align.sentences)

    def _add(self, correction: Correction) -> None:
        """Keep a correction if it applies (else Refused, with why): checked by aligning with it."""
        self.pending.append(correction)
        _links, aligned = self._align(correction.document)
        outcome = aligned.corrections[-1]
        if outcome["status"] != "applied":
            self.pending.pop()
            raise Refused(outcome["why"] or outcome["status"])


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _digests(documents: dict[str, Document], ids: dict[str, set[str]]) -> dict[str, dict[str, str]]:
    return {
        lang: {unit.id: digest(unit.text) for unit in documents[lang].units if unit.id in wanted}
        for lang, wanted in ids.items()
        if wanted
    }


def _row(link: Link, langs: list[str], documents: dict[str, Document]) -> dict[str, Any]:
    """A link as the page shows it: its units in each language (ids, texts, sentence boundaries for a
    split), its flags."""
    texts = {lang: text for lang, (text, _marks) in link_texts(link).items() if lang in langs}
    return {
        "id": link.id,
        "kind": next(iter(link.units.values()))[0].kind,
        "flags": flags_of(link, langs, texts) if texts else [],
        "units": {lang: [_unit(unit, lang) for unit in link.units.get(lang, [])] for lang in langs},
    }


def _unit(unit: Unit, lang: str) -> dict[str, Any]:
    return {
        "id": unit.id,
        "text": unit.text,
        "cuts": _cuts(unit.text, _SEGMENTER.split(unit.text, lang)),
    }


def _cuts(text: str, sentences: list[str]) -> list[int]:
    """The offsets in `text` where its sentences after the first begin."""
    cuts, start = [], 0
    for sentence in sentences:
        found = text.find(sentence, start)
        if found < 0:
            break
        if found > 0:
            cuts.append(found)
        start = found + len(sentence)
    return cuts


def _sentences(units: list[AlignedUnit], pivot: str, lang: str) -> dict[str, list[list[str]]]:
    """The sentence pairs of each paragraph-level pair of the pivot and `lang`, by the pair's id."""
    found: dict[str, list[list[str]]] = {}
    for unit in units:
        if unit.level == "sentence":
            parent = unit.id.rsplit(".s", 1)[0]
            found.setdefault(parent, []).append(
                [unit.texts.get(pivot, ""), unit.texts.get(lang, "")]
            )
    return found
