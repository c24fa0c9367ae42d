"""Read every Akoma Ntoso file of an archive as `align build` reads it, and say what the reading loses:
the files it refuses (by reason), two files read as one document in one language, and the paragraphs of
the markup that reach no block (so no unit, no memory). For the UN's whole archive (UNxml/GAresolutions,
a snapshot brought onto the machine for the purpose, never into the repo or the tests).

Usage: python scripts/check_archive.py FOLDER [--list]

A paragraph is each <p> of the preamble, the body and the annexes, notes apart (they are read as notes);
it reaches a block when its first 25 characters are in the text of the file's blocks, compared without
spaces, reference marks, direction marks, note brackets or Arabic vowel signs, which the reader rewrites.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from align.errors import AlignError
from align.ingest import read_source
from align.model import Block

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
_REWRITTEN = re.compile(r"\[\^\d+\]|\s+|[\u200e\u200f\u202a-\u202e()\u064b-\u0652]")
_PREFIX = 25
# what names one file in a reason, so that reasons group: symbols, languages
_NAMED = re.compile(r"[A-Z]+/\S+|'[a-z]{2}'")


def comparable(text: str) -> str:
    """Text as the markup and the blocks can both be compared."""
    return _REWRITTEN.sub("", unicodedata.normalize("NFKC", text))


def paragraphs(path: Path) -> list[str]:
    """The texts of the markup's paragraphs: each <p> of the preamble, the body and the annexes."""
    root = etree.parse(str(path)).getroot()
    return [
        "".join(p.xpath(".//text()[not(ancestor::*[local-name()='authorialNote'])]"))
        for part in ("preamble", "mainBody", "attachments")
        for body in root.iter(AKN + part)
        for p in body.iter(AKN + "p")
        if not any(etree.QName(above).localname == "authorialNote" for above in p.iterancestors())
    ]


def lost_paragraphs(path: Path) -> list[str]:
    """The markup's paragraphs of `path` that are in the text of none of its blocks."""
    return missing(paragraphs(path), read_source(path).blocks)


def missing(printed: list[str], blocks: Iterable[Block]) -> list[str]:
    """Of the paragraphs `printed`, those in the text of none of the `blocks`."""
    read = comparable(" ".join(block.text for block in blocks))
    return [text for text in printed if comparable(text) and comparable(text)[:_PREFIX] not in read]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument(
        "--list", action="store_true", help="name each refused file and lost paragraph"
    )
    args = parser.parse_args()
    refused: Counter[str] = Counter()
    read: dict[tuple[str, str], list[str]] = defaultdict(list)
    printed, lost = 0, Counter()
    files = sorted(args.folder.rglob("*.xml"))
    for path in files:
        try:
            source = read_source(path)
        except AlignError as error:
            refused[_NAMED.sub("…", str(error)).split(":")[0]] += 1
            if args.list:
                print(f"refused {path}: {error}")
            continue
        read[source.symbol, source.lang].append(str(path))
        texts = paragraphs(path)
        gone = missing(texts, source.blocks)
        printed += len(texts)
        lost[source.lang] += len(gone)
        if args.list:
            for text in gone:
                print(f"lost {path}: {text.strip()[:80]!r}")
    twice = {key: paths for key, paths in read.items() if len(paths) > 1}
    print(f"{len(files)} files, {sum(refused.values())} refused")
    for reason, count in refused.most_common():
        print(f"  {count:5d}  {reason}")
    print(
        f"{len(twice)} documents read from two files or more in one language (the second is skipped)"
    )
    for (symbol, lang), paths in sorted(twice.items()):
        print(f"  {symbol} {lang}: {', '.join(Path(path).name for path in paths)}")
    print(f"{printed} paragraphs in the markup, {sum(lost.values())} reach no block {dict(lost)}")


if __name__ == "__main__":
    main()
