"""Corpus hygiene and splits for training: filters that each report what they removed, exact and
near-duplicate removal, and a train/dev/test split by document (never by segment, so no document
leaks from one split into another)."""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

from align.export.tables import language_columns
from align.ingest.detect import detect_lang

SPLITS = ("train", "dev", "test")
_NOT_WORD = re.compile(r"[\W\d_]+")


@dataclass(frozen=True)
class DatasetOptions:
    """Filters and split of `align export`; the defaults keep every multilingual unit in one split."""

    min_score: float = 0.0
    max_length_ratio: float = 0.0  # 0 = off; else drop units whose lengths differ more than this, on the pair's scale
    langid: bool = False  # drop units whose text is recognisably in another UN language than its column
    dedupe: bool = False  # drop exact and near-duplicate units (same words once case, digits, punctuation go)
    split: tuple[float, ...] = ()  # e.g. (0.8, 0.1, 0.1) for train/dev/test, by document
    seed: int = 1


def near_key(text: str) -> str:
    """What is left of a text when case, digits, punctuation and spacing are ignored.

    >>> near_key("1. Décide de continuer !") == near_key("3. décide  de continuer.")
    True
    """
    return " ".join(_NOT_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).split())


def clean(frame: pd.DataFrame, options: DatasetOptions) -> tuple[pd.DataFrame, dict[str, int]]:
    """Apply the chosen filters in order; returns the kept rows and how many rows each filter removed."""
    langs = language_columns(frame)
    multilingual = frame[langs].notna().sum(axis=1) >= 2
    removed = {"single-language": int((~multilingual).sum())}
    frame = frame[multilingual]
    steps = [
        ("min-score", options.min_score > 0, lambda f: f["score"] >= options.min_score),
        ("length-ratio", options.max_length_ratio > 0, lambda f: _length_ok(f, langs, options.max_length_ratio)),
        ("langid", options.langid, lambda f: _langid_ok(f, langs)),
        ("exact-duplicate", options.dedupe, lambda f: ~f[langs].fillna("").duplicated()),
        ("near-duplicate", options.dedupe, lambda f: ~f[langs].fillna("").map(near_key).duplicated()),
    ]
    for name, active, keep in steps:
        if active:
            mask = keep(frame)
            removed[name] = int((~mask).sum())
            frame = frame[mask]
    return frame, removed


def _length_ok(frame: pd.DataFrame, langs: list[str], limit: float) -> pd.Series:
    """Each language's length against the pivot's, on the scale of the pair's corpus-wide ratio."""
    ok = pd.Series(True, index=frame.index)
    pivot_length = frame.apply(lambda row: row[row["pivot"]], axis=1).astype("string").str.len()
    for lang in langs:
        both = frame[lang].notna() & pivot_length.gt(0).fillna(False) & (frame["pivot"] != lang)
        if not both.any():
            continue
        length, base = frame.loc[both, lang].str.len().astype(float), pivot_length[both].astype(float)
        scaled = (length / base) / (length.sum() / base.sum())
        ok.loc[scaled.index] &= scaled.between(1 / limit, limit)
    return ok


def _langid_ok(frame: pd.DataFrame, langs: list[str]) -> pd.Series:
    def row_ok(row: pd.Series) -> bool:
        for lang in langs:
            text = row[lang]
            found = detect_lang(text) if isinstance(text, str) else None
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
        for document in documents[round(start * len(documents)):round(end * len(documents))]:
            split_of[document] = name
        start = end
    return {document: split_of.get(document, SPLITS[0]) for document in sorted(documents)}
