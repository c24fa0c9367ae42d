"""Corrections: a translator's fixes to an alignment, kept as data (OUT/corrections.json), never as edits
of the outputs, so that they survive every rebuild and can be shared (`align build --corrections FILE`).

Each correction names a document, the language pair it was made in (the pivot and one other language),
the units it touches in each language by id with a digest of their text, and what it does:

- `links`: runs of units that translate each other, fixed against the aligner: `[[pivot ids], [ids]]`,
  either side possibly empty (a unit with no counterpart in the other language);
- `split`: one language's unit cut in two at a character offset (a sentence boundary), the second part
  becoming a unit of its own, `<id>~2`.

`action` says what the translator did (merge, split, move-up, move-down, no-counterpart, confirm) for the
report and for people; what a build does is read from `links` and `split` only. A correction whose units
are gone or whose text changed since (a digest differs) is stale: reported, never applied blindly.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from align.errors import UsageError
from align.files import atomic_path

FORMAT = "align-corrections"
VERSION = 1
NAME = "corrections.json"  # in OUT, where `align review` saves them and the next build finds them
ACTIONS = ("merge", "split", "move-up", "move-down", "no-counterpart", "confirm")
SPLIT_MARK = "~"  # the second part of a split unit: `op.8~2`


def digest(text: str) -> str:
    """The digest of a unit's text a correction holds, to notice the text changed since."""
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Correction:
    document: str
    pivot: str
    lang: str
    action: str
    # each language's units the correction was made on: {lang: {unit id: digest}}
    units: dict[str, dict[str, str]]
    links: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()
    # (language, unit id, character offset) of a split
    split: tuple[str, str, int] | None = None
    date: str = ""

    def as_json(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "document": self.document,
            "pivot": self.pivot,
            "lang": self.lang,
            "action": self.action,
            "units": self.units,
        }
        if self.links:
            record["links"] = [[list(left), list(right)] for left, right in self.links]
        if self.split:
            record["split"] = {"lang": self.split[0], "unit": self.split[1], "at": self.split[2]}
        record["date"] = self.date
        return record

    @classmethod
    def of(cls, record: Any) -> Correction:
        """A correction from its JSON record; ValueError naming what is wrong."""
        if not isinstance(record, dict):
            raise ValueError("a correction is an object")
        strings = {
            name: record.get(name) for name in ("document", "pivot", "lang", "action", "date")
        }
        for name, value in strings.items():
            if value is None and name == "date":
                strings[name] = ""
            elif not isinstance(value, str) or (not value and name != "date"):
                raise ValueError(f"{name!r} must be a non-empty string")
        if strings["action"] not in ACTIONS:
            raise ValueError(f"unknown action {strings['action']!r} (one of {', '.join(ACTIONS)})")
        units = record.get("units")
        if not isinstance(units, dict) or not all(
            isinstance(lang, str)
            and isinstance(ids, dict)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in ids.items())
            for lang, ids in units.items()
        ):
            raise ValueError("'units' must map each language to {unit id: digest}")
        links = []
        for link in record.get("links", []):
            if not (
                isinstance(link, list)
                and len(link) == 2
                and all(isinstance(side, list) for side in link)
                and all(isinstance(i, str) for side in link for i in side)
                and any(link)
            ):
                raise ValueError("each link is [[pivot unit ids], [unit ids]], one side non-empty")
            links.append((tuple(link[0]), tuple(link[1])))
        split = record.get("split")
        if split is not None:
            if not (
                isinstance(split, dict)
                and isinstance(split.get("lang"), str)
                and isinstance(split.get("unit"), str)
                and isinstance(split.get("at"), int)
                and split["at"] > 0
            ):
                raise ValueError("'split' is {lang, unit, at: a positive offset}")
            split = (split["lang"], split["unit"], split["at"])
        if not links and not split:
            raise ValueError("a correction has links or a split")
        return cls(
            strings["document"],
            strings["pivot"],
            strings["lang"],
            strings["action"],
            {lang: dict(ids) for lang, ids in units.items()},
            tuple(links),
            split,
            strings["date"],
        )


def read(path: Path) -> list[Correction]:
    """The corrections of a file, in the order they were made; a UsageError in one line naming the file
    and what is wrong with it (a build is not run on half a file of fixes)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise UsageError(f"{path}: cannot be read: {error.strerror or error}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UsageError(f"{path}: not a corrections file: {error}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise UsageError(f'{path}: not a corrections file (no "format": "{FORMAT}")')
    if data.get("version") != VERSION:
        raise UsageError(
            f"{path}: corrections version {data.get('version')!r}, this align reads {VERSION}"
        )
    found = data.get("corrections")
    if not isinstance(found, list):
        raise UsageError(f"{path}: 'corrections' must be a list")
    corrections = []
    for number, record in enumerate(found, 1):
        try:
            corrections.append(Correction.of(record))
        except ValueError as error:
            raise UsageError(f"{path}: correction {number}: {error}") from None
    return corrections


def write(path: Path, corrections: list[Correction]) -> None:
    """Write `corrections` to `path` whole or not at all."""
    data = {
        "format": FORMAT,
        "version": VERSION,
        "corrections": [correction.as_json() for correction in corrections],
    }
    with atomic_path(path) as temporary:
        temporary.write_text(
            json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )


def by_document(paths: tuple[Path, ...]) -> dict[str, list[Correction]]:
    """The corrections of the files `paths`, by document, each document's in the files' order."""
    found: dict[str, list[Correction]] = {}
    for path in paths:
        for correction in read(path):
            found.setdefault(correction.document, []).append(correction)
    return found


def encode(corrections: list[Correction]) -> str:
    """One document's corrections as the plan hands them to a worker, and as its cache key takes them."""
    return (
        json.dumps([c.as_json() for c in corrections], ensure_ascii=False, sort_keys=True)
        if corrections
        else ""
    )


def decode(text: str) -> list[Correction]:
    return [Correction.of(record) for record in json.loads(text)] if text else []
