"""The plain data passed between stages: Source -> Document -> AlignedUnit, plus what the report needs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from align.spool import Spool


@dataclass(frozen=True)
class Block:
    """One block of text in reading order, as a reader found it.

    `text` is clean text whose footnote references are written `[^N]` (Markdown's footnote syntax,
    whatever the input format); a hard line break inside the block is "\\n".
    """

    text: str
    # paragraph | heading | footnote | page-break, and what markup (AKN) states: intro | preamble |
    # operative | item (`number` its id path) | meeting | part (an annex, or part A of a resolution: `text` its name)
    # | cover (a line of the cover page, `number` its key: "session", "agenda")
    kind: str = "paragraph"
    level: int = 0  # heading level, 1 = top
    number: str = ""  # footnote number, for kind "footnote"


@dataclass(frozen=True)
class Source:
    """One input file read: its language, document symbol and blocks."""

    path: Path
    lang: str
    symbol: str
    blocks: tuple[Block, ...]
    format: str = "markdown"
    # where the file's markup was wrong or missing and its text was read instead
    repairs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Unit:
    """A structural unit of one language version, with an id stable across languages (`op.13.a`)."""

    id: str
    # cover | title | intro | preamble | operative | subparagraph | article | heading | footnote | meeting
    kind: str
    text: str
    number: str = ""
    # footnote references: (offset in text, footnote number)
    marks: tuple[tuple[int, str], ...] = ()
    # the id comes from the text's own numbering, not from the unit's position
    numbered: bool = True
    # and that numbering is the document's markup (AKN), not a converter's text
    marked: bool = False

    @property
    def footnotes(self) -> tuple[str, ...]:
        """The numbers of the footnotes the unit refers to, in order."""
        return tuple(number for _offset, number in self.marks)


@dataclass
class Document:
    """One language version of a document, parsed into units in reading order."""

    symbol: str
    lang: str
    meta: dict[str, str]
    units: list[Unit]
    path: Path | None = None


class Segmenter(Protocol):
    """Cuts a text into sentences (align/segment): what the aligner is given to align sentences with."""

    def split(self, text: str, lang: str) -> list[str]: ...


LOW_SCORE = (
    "low-score"  # the flag of units kept out of TMX and corpora by --min-score (outputs/options.py)
)


@dataclass(frozen=True)
class AlignedUnit:
    """One unit aligned across languages: what becomes a `<tu>`, a Moses line, a table row."""

    document: str
    id: str
    kind: str
    level: str  # paragraph | sentence
    texts: dict[str, str]
    unit_ids: dict[str, str]  # each language's own unit ids, e.g. {"en": "pre.8-10"}
    score: float  # the probability that the unit is right: the product of its `probabilities`
    flags: tuple[str, ...] = ()
    srclang: str = ""
    # footnote references per language
    marks: dict[str, tuple[tuple[int, str], ...]] = field(default_factory=dict)
    # each language's probability that its pair with the pivot is right (alignment/confidence.py)
    probabilities: dict[str, float] = field(default_factory=dict)

    @property
    def langs(self) -> list[str]:
        return [lang for lang, text in self.texts.items() if text]


@dataclass
class AlignedDocument:
    """All aligned units of one document symbol, in reading order, in two views.

    `units` is n-way: each unit holds every language that has it (memory.tmx, units.parquet), cut
    into sentences only where all its languages agree. `pairs` holds, for each language, the finest
    alignment of that language with the pivot (bilingual TMX, Moses, JSONL, TSV, pairs.parquet).
    """

    symbol: str
    pivot: str
    langs: list[str]
    units: list[AlignedUnit]
    pairs: dict[str, list[AlignedUnit]] = field(default_factory=dict)
    # what became of each correction of the document (alignment/corrected.py), for the report
    corrections: list[dict[str, str]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Group:
    """The input files of one document symbol, in a stable order. The plan holds every group at once
    while it is made (800,000 files for the UN archive): the paths are kept as one string, not a tuple."""

    symbol: str
    files: str  # the paths, NUL-separated (no path holds NUL)
    # the cache entry of its alignment, when only its outputs are to be rendered again
    aligned: str = ""
    corrections: str = ""  # a translator's corrections of the document (align.corrections.encode)

    @classmethod
    def of(cls, symbol: str, paths: Iterable[str], corrections: str = "") -> Group:
        return cls(symbol, "\0".join(paths), corrections=corrections)

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(self.files.split("\0"))


@dataclass(frozen=True)
class InputRecord:
    """What happened to one input file: the report lists one per file found."""

    path: str
    outcome: str  # aligned | partial | skipped | ignored
    reason: str = ""
    symbol: str = ""
    lang: str = ""


class InputLog:
    """Every input file with its outcome, in the order they were dealt with: kept on disk (a Spool),
    counted by outcome in memory."""

    def __init__(self, folder: Path | None = None) -> None:
        self._spool = Spool(folder)
        self.counts: Counter[str] = Counter()

    def append(self, record: InputRecord) -> None:
        self._spool.append(list(vars(record).values()))  # fields in order; astuple deep-copies
        self.counts[record.outcome] += 1

    def skipped(self) -> Iterator[InputRecord]:
        """The files skipped, read back from disk: an archive may skip many thousands (files of formats not read)."""
        return (record for record in self if record.outcome == "skipped")

    def extend(self, records: Iterable[InputRecord]) -> None:
        for record in records:
            self.append(record)

    def __len__(self) -> int:
        return len(self._spool)

    def __iter__(self) -> Iterator[InputRecord]:
        return (InputRecord(*fields) for fields in self._spool)


@dataclass
class GroupResult:
    """What the work on one group gives: the outcome of each of its files and its share of every output
    (empty if no file was usable); for a group aligned now, its aligned document stored for the cache."""

    symbol: str
    units: int  # n-way units aligned (0: no file of the group was usable)
    records: list[InputRecord] = field(default_factory=list)
    # each output's part of the document (outputs.render)
    rendered: dict[str, Any] = field(default_factory=dict)
    # the aligned document and records, as the cache stores them (align/pipeline/cache.py)
    aligned: bytes = b""
    reused: bool = False  # rendered again from an alignment the cache held


@dataclass
class BuildResult:
    """Everything a build produced, for the report and the CLI summary."""

    inputs: InputLog = field(default_factory=InputLog)
    documents: int = 0  # documents aligned
    units: int = 0  # n-way units written
    workers: int = 1  # processes the per-document work ran on
    cached: int = 0  # documents taken from the cache of an earlier build
    outputs: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the exporters want the report to say
    # the options the build ran with, for the report
    options: dict[str, Any] = field(default_factory=dict)

    def count(self, outcome: str) -> int:
        return self.inputs.counts[outcome]
