"""Learn which paragraph openers go together, French against each other official language, from the
UN's own XML (align/data/openers.json; see align/alignment/openers.py).

Usage: python scripts/make_openers.py FOLDER... [--exclude FOLDER...] [--describe TEXT]

FOLDER holds AKN files of resolutions in several languages (the UN's archive: `fetch
github:UNxml/GAresolutions`). Resolutions found under an --exclude folder (an evaluation's) are left
out. Two body units with the same id in French and another language translate each other (the markup
states it); their openers are counted together. Openers seen at least MIN_SEEN times are known, and a
pair of openers seen at least MIN_TOGETHER times goes together.

How well a clash tells pairs apart is measured before the table is written: learned on three
resolutions in four, on the fourth the share of right pairs (same id) whose known openers clash, and of
wrong pairs (a paragraph against the other version's next one), which is what a drift makes. The cost of
a clash is the log of their ratio. The table written is then learned on all the resolutions.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from align.alignment.openers import KINDS  # noqa: E402
from align.errors import AlignError  # noqa: E402
from align.ingest import read_source  # noqa: E402
from align.ingest.naming import name_of  # noqa: E402
from align.structure import parse  # noqa: E402
from align.untext import opener  # noqa: E402

PIVOT = "fr"
LANGS = ("ar", "zh", "en", "ru", "es")
MIN_SEEN = 5
MIN_TOGETHER = 2
TABLE = ROOT / "align" / "data" / "openers.json"

Version = list[tuple[str, str | None]]  # a version's body units: (id, opener)


def texts(folders: list[Path], exclude: set[str], langs: tuple[str, ...] = (PIVOT, *LANGS)) -> dict[str, dict[str, list[tuple[str, str]]]]:
    """Symbol -> language -> the ids and texts of its body units (KINDS), read from the AKN files, for the
    resolutions that have a French version. A file whose name gives another language is not read."""
    found: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(dict)
    for folder in folders:
        for path in sorted(folder.rglob("*.xml")):
            try:
                if (named := name_of(str(path))) and named[1] not in langs:
                    continue
                document = parse(read_source(path))
            except AlignError as error:
                print(f"{path}: left out: {error}", file=sys.stderr)
                continue
            if document.symbol not in exclude and document.lang in langs:
                found[document.symbol][document.lang] = [(unit.id, unit.text) for unit in document.units if unit.kind in KINDS]
    return {symbol: versions for symbol, versions in found.items() if PIVOT in versions}


def versions(folders: list[Path], exclude: set[str]) -> dict[str, dict[str, Version]]:
    """Symbol -> language -> body units and their openers."""
    return {symbol: {lang: [(unit_id, opener(text, lang)) for unit_id, text in units] for lang, units in langs.items()}
            for symbol, langs in texts(folders, exclude).items()}


def symbols_in(folders: list[Path]) -> set[str]:
    """The symbols of the resolutions under `folders`, from their file names (A_RES_78_12-...)."""
    return {re.sub(r"_", "/", match[1]) for folder in folders for path in folder.rglob("*.xml")
            if (match := re.match(r"([AS]_RES_\d+_\d+)", path.name))}


def counts(found: dict[str, dict[str, Version]], lang: str) -> Counter:
    together: Counter = Counter()
    for langs in found.values():
        if lang in langs:
            theirs = dict(langs[lang])
            for unit_id, ours in langs[PIVOT]:
                if ours and theirs.get(unit_id):
                    together[ours, theirs[unit_id]] += 1
    return together


def table(together: Counter) -> tuple[set[str], set[str], set[tuple[str, str]]]:
    ours, theirs = Counter(), Counter()
    for (left, right), n in together.items():
        ours[left] += n
        theirs[right] += n
    return ({key for key, n in ours.items() if n >= MIN_SEEN}, {key for key, n in theirs.items() if n >= MIN_SEEN},
            {pair for pair, n in together.items() if n >= MIN_TOGETHER})


def clash_rates(learned: tuple, found: dict[str, dict[str, Version]], lang: str) -> tuple[float, float, int, int]:
    """Shares of right pairs and of wrong (next-paragraph) pairs whose known openers clash."""
    ours, theirs, together = learned
    right, wrong = [0, 0], [0, 0]
    for langs in found.values():
        if lang not in langs:
            continue
        other = dict(langs[lang])
        pivot = langs[PIVOT]
        for index, (unit_id, left) in enumerate(pivot):
            targets = [(unit_id, right)] + ([(pivot[index + 1][0], wrong)] if index + 1 < len(pivot) else [])
            for target, tally in targets:
                found_opener = other.get(target)
                if left in ours and found_opener in theirs:
                    tally[0] += 1
                    tally[1] += (left, found_opener) not in together
    return right[1] / right[0], wrong[1] / wrong[0], right[0], wrong[0]


def arguments(argv: list[str], description: str, langs: bool = False) -> argparse.Namespace:
    """A table script's arguments: the folders to learn from, those to leave out, what they hold, and
    (`langs`) which languages to learn."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--exclude", nargs="*", type=Path, default=[], help="leave out the resolutions found here")
    parser.add_argument("--describe", default="", help="what the folders hold, kept in the table")
    if langs:
        parser.add_argument("--langs", nargs="+", default=list(LANGS),
                            help="learn these languages only, keeping the table's others as they are")
    return parser.parse_args(argv)


def left_out(args: argparse.Namespace) -> set[str]:
    """The symbols a table never learns from: those under --exclude and the evaluation's in corpora/."""
    return symbols_in([*args.exclude, ROOT / "corpora" / "un-akn"])


def split(found: dict[str, dict]) -> tuple[dict[str, dict], dict[str, dict]]:
    """Three resolutions in four to learn on, the fourth to measure on."""
    symbols = sorted(found)
    return ({symbol: found[symbol] for k, symbol in enumerate(symbols) if k % 4 != 3},
            {symbol: found[symbol] for k, symbol in enumerate(symbols) if k % 4 == 3})


def header(args: argparse.Namespace, found: dict, what: str) -> dict:
    """A table's first keys: what it learned on, and the acknowledgement the UN's texts require."""
    return {"fitted_on": args.describe or ", ".join(map(str, args.folders)), "resolutions": len(found),
            "source": f"the {what} are words of United Nations resolutions; source of the information: "
                      "the United Nations (UN DGACM, UNxml/GAresolutions)",
            "pivot": PIVOT}


def main(argv: list[str]) -> int:
    args = arguments(argv, __doc__.split("\n")[0])
    found = versions(args.folders, left_out(args))
    learn, check = split(found)
    written = header(args, found, "openers") | {"min_seen": MIN_SEEN, "min_together": MIN_TOGETHER, "langs": {}}
    for lang in LANGS:
        right, wrong, n_right, n_wrong = clash_rates(table(counts(learn, lang)), check, lang)
        ours, theirs, together = table(counts(found, lang))
        print(f"{PIVOT}-{lang}: clash in {right:.3f} of {n_right} right pairs, {wrong:.3f} of {n_wrong} wrong ones "
              f"(cost {math.log(wrong / right):.2f}); {len(together)} pairs of openers")
        written["langs"][lang] = {"mismatch_right": round(right, 4), "mismatch_wrong": round(wrong, 4),
                                  "pivot_openers": sorted(ours), "openers": sorted(theirs),
                                  "together": sorted(map(list, together))}
    TABLE.write_text(json.dumps(written, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
