"""Corpus hygiene and splits for training: filters that each report what they removed, exact and
near-duplicate removal, and a train/dev/test split by document (never by segment, so no document
leaks from one split into another).

A build's tables are read a batch of rows at a time (`Table`), twice: once to clean them, remembering
which rows are kept, and once to write those rows, a document at a time; so an export's memory does not
grow with the corpus (a whole table in pandas takes many times its size on disk), beyond a byte per row and,
with --dedupe, a digest per distinct unit.
"""

from __future__ import annotations

import hashlib
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from align.errors import AlignError, UsageError
from align.ingest.detect import detect_lang
from align.langs import DEFAULT_PIVOT, parse_lang
from align.outputs.options import low
from align.outputs.tables import language_columns, open_table

SPLITS = ("train", "dev", "test")
_NOT_WORD = re.compile(r"[\W\d_]+")
BATCH = 10_000  # rows read at a time
_LANGID_MIN = 40  # characters: shorter texts (a heading, a number) do not tell their language


@dataclass(frozen=True)
class DatasetOptions:
    """Filters and split of `align export`; the defaults keep every multilingual unit in one split."""

    min_score: float = 0.0
    # 0 = off; else drop units whose lengths differ more than this, on the pair's scale
    max_length_ratio: float = 0.0
    # drop units whose text is recognisably in another UN language than its column
    langid: bool = False
    # drop exact and near-duplicate units (same words once case, digits, punctuation go)
    dedupe: bool = False
    split: tuple[float, ...] = ()  # e.g. (0.8, 0.1, 0.1) for train/dev/test, by document
    seed: int = 1
    langs: tuple[str, ...] = ()  # only these languages in the outputs; empty = all

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "langs", tuple(parse_lang(lang) for lang in self.langs))
        except ValueError as error:
            raise UsageError(str(error)) from None


def near_key(text: str) -> str:
    """What is left of a text when case, digits, punctuation and spacing are ignored.

    >>> near_key("1. Décide de continuer !") == near_key("3. décide  de continuer.")
    True
    """
    return " ".join(_NOT_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).split())


@dataclass
class Seen:
    """Digests of the units met so far, exact and near, so that duplicates are found across batches."""

    exact: set[bytes] = field(default_factory=set)
    near: set[bytes] = field(default_factory=set)


def clean(
    frame: pd.DataFrame,
    options: DatasetOptions,
    ratios: dict[str, float] | None = None,
    seen: Seen | None = None,
) -> tuple[pd.DataFrame, dict[str, int]]:
    """Apply the chosen filters in order; returns the kept rows and how many rows each filter removed.
    `ratios`: each language's length against the pivot's over the whole table (`length_sums`), and
    `seen`: the units of the rows before; both are the frame's own when it is the whole table."""
    langs, seen = language_columns(frame.columns), seen or Seen()
    multilingual = frame[langs].notna().sum(axis=1) >= 2
    removed = {"single-language": int((~multilingual).sum())}
    frame = frame[multilingual]
    steps = [
        ("min-score", options.min_score > 0, lambda f: ~low(f["score"], options.min_score)),
        (
            "length-ratio",
            options.max_length_ratio > 0,
            lambda f: _length_ok(
                f,
                langs,
                options.max_length_ratio,
                ratios if ratios is not None else _ratios(length_sums(f, langs)),
            ),
        ),
        ("langid", options.langid, lambda f: _langid_ok(f, langs)),
        ("exact-duplicate", options.dedupe, lambda f: _first(f[langs].fillna(""), seen.exact)),
        (
            "near-duplicate",
            options.dedupe,
            lambda f: _first(f[langs].fillna("").map(near_key), seen.near),
        ),
    ]
    for name, active, keep in steps:
        if active:
            mask = keep(frame) if len(frame) else pd.Series(True, index=frame.index)
            removed[name] = int((~mask).sum())
            frame = frame[mask]
    return frame, removed


def _pivot_length(frame: pd.DataFrame) -> pd.Series:
    return frame.apply(lambda row: row[row["pivot"]], axis=1).astype("string").str.len()


def length_sums(frame: pd.DataFrame, langs: list[str]) -> dict[str, tuple[float, float]]:
    """For each language, its texts' total length and their pivot texts' (the pairs a length ratio is measured on)."""
    if not len(frame):
        return {}
    pivot_length, sums = _pivot_length(frame), {}
    for lang in langs:
        found = _lengths(frame, lang, pivot_length)
        if found:
            sums[lang] = (float(found[0].sum()), float(found[1].sum()))
    return sums


def _ratios(sums: dict[str, tuple[float, float]]) -> dict[str, float]:
    return {lang: length / base for lang, (length, base) in sums.items()}


def _length_ok(
    frame: pd.DataFrame, langs: list[str], limit: float, ratios: dict[str, float]
) -> pd.Series:
    """Each language's length against the pivot's, on the scale of the pair's corpus-wide ratio."""
    ok = pd.Series(True, index=frame.index)
    pivot_length = _pivot_length(frame)
    for lang in langs:
        found = _lengths(frame, lang, pivot_length)
        if found:
            length, base = found
            scaled = (length / base) / ratios[lang]
            ok.loc[scaled.index] &= scaled.between(1 / limit, limit)
    return ok


def _lengths(
    frame: pd.DataFrame, lang: str, pivot_length: pd.Series
) -> tuple[pd.Series, pd.Series] | None:
    """A language's text lengths and their pivot texts' lengths, where both are there (None: nowhere)."""
    both = frame[lang].notna() & pivot_length.gt(0).fillna(False) & (frame["pivot"] != lang)
    if not both.any():
        return None
    return frame.loc[both, lang].str.len().astype(float), pivot_length[both].astype(float)


def _first(texts: pd.DataFrame, seen: set[bytes]) -> pd.Series:
    """Whether each row's texts come for the first time, in this frame and the frames before (`seen`).
    Kept as digests (NUL never occurs in a text: control characters do not reach the tables)."""
    first = []
    for row in texts.itertuples(index=False, name=None):
        digest = hashlib.blake2b("\0".join(row).encode(), digest_size=16).digest()
        first.append(digest not in seen)
        seen.add(digest)
    return pd.Series(first, index=texts.index, dtype=bool)


def _langid_ok(frame: pd.DataFrame, langs: list[str]) -> pd.Series:
    def row_ok(row: pd.Series) -> bool:
        for lang in langs:
            text = row[lang]
            found = (
                detect_lang(text) if isinstance(text, str) and len(text) >= _LANGID_MIN else None
            )
            if found and found != lang:
                return False
        return True

    return frame.apply(row_ok, axis=1).astype(bool)


def assign_splits(documents: list[str], fractions: tuple[float, ...], seed: int) -> dict[str, str]:
    """The split of each document: a seeded shuffle of the documents, cut by fractions (train, dev, test).

    >>> assign_splits(["A/1", "A/2"], (), seed=1)
    {'A/1': 'train', 'A/2': 'train'}
    """
    documents = sorted(documents)
    if not fractions:
        return dict.fromkeys(documents, SPLITS[0])
    total = sum(fractions)
    random.Random(seed).shuffle(documents)
    split_of: dict[str, str] = {}
    start = 0.0
    for name, fraction in zip(SPLITS, fractions):
        end = start + fraction / total
        for document in documents[round(start * len(documents)) : round(end * len(documents))]:
            split_of[document] = name
        start = end
    return {document: split_of.get(document, SPLITS[0]) for document in sorted(documents)}


class Table:
    """A build's table (`units` or `pairs`), cleaned a batch at a time: which rows the filters keep (a byte
    per row), what each filter removed, the documents and pivots left; then the kept rows a document at a time."""

    def __init__(self, out: Path, name: str, options: DatasetOptions) -> None:
        self.path = out / f"{name}.parquet"
        self.file = open_table(self.path)
        self.langs = language_columns(self.file.schema_arrow.names)
        self.removed: dict[str, int] = {}
        self.symbols: set[str] = set()
        self.pivots: Counter[str] = Counter()
        ratios = self._ratios(options) if options.max_length_ratio > 0 else None
        seen, masks = Seen(), []
        for frame in self._frames():
            kept, removed = clean(frame, options, ratios, seen)
            self.removed = {
                step: self.removed.get(step, 0) + count for step, count in removed.items()
            }
            mask = np.zeros(len(frame), dtype=bool)
            mask[kept.index] = True
            masks.append(mask)
            self.symbols.update(kept["document"])
            self.pivots.update(kept["pivot"])
        self.kept = np.concatenate(masks)

    def _frames(self) -> Iterator[pd.DataFrame]:
        """The table a batch at a time (one empty batch for an empty table, so the filters still report)."""
        empty = True
        for batch in self.file.iter_batches(batch_size=BATCH):
            empty = False
            yield batch.to_pandas()
        if empty:
            yield self.file.schema_arrow.empty_table().to_pandas()

    def _ratios(self, options: DatasetOptions) -> dict[str, float]:
        """Each language's length against the pivot's over the rows the filters before the length ratio keep."""
        totals: dict[str, tuple[float, float]] = {}
        before = DatasetOptions(min_score=options.min_score)
        for frame in self._frames():
            kept, _ = clean(frame, before)
            for lang, (length, base) in length_sums(kept, self.langs).items():
                total = totals.get(lang, (0.0, 0.0))
                totals[lang] = (total[0] + length, total[1] + base)
        return _ratios(totals)

    def pivot(self) -> str:
        """The most common pivot of the kept rows (of those as common, the first in order), the default pivot if none."""
        return max(sorted(self.pivots), key=self.pivots.__getitem__, default=DEFAULT_PIVOT)

    def documents(self) -> Iterator[tuple[str, pd.DataFrame]]:
        """The kept rows of each document, documents in the table's order (a build's: by symbol)."""
        current, rows, start = "", [], 0
        for frame in self._frames():
            frame, start = frame[self.kept[start : start + len(frame)]], start + len(frame)
            for document, part in frame.groupby("document", sort=False):
                if document != current:
                    if rows:
                        yield current, pd.concat(rows)
                    if document < current:
                        raise AlignError(
                            f"{self.path}: rows are not in document order, as a build writes them"
                        )
                    current, rows = document, []
                rows.append(part)
        if rows:
            yield current, pd.concat(rows)


def by_document(
    units: Table, pairs: Table
) -> Iterator[tuple[str, pd.DataFrame | None, pd.DataFrame | None]]:
    """Each document's kept rows in both tables, documents in order (both list them by symbol)."""
    unit_rows, pair_rows = units.documents(), pairs.documents()
    unit, pair = next(unit_rows, None), next(pair_rows, None)
    while unit or pair:
        symbol = min(found[0] for found in (unit, pair) if found)
        yield (
            symbol,
            unit[1] if unit and unit[0] == symbol else None,
            pair[1] if pair and pair[0] == symbol else None,
        )
        if unit and unit[0] == symbol:
            unit = next(unit_rows, None)
        if pair and pair[0] == symbol:
            pair = next(pair_rows, None)
