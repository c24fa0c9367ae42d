"""`align lookup`: find a text in a built memory, as a CAT tool's TM look-up and concordance do.

Units are compared sentence by sentence (cut by the same SRX rules as the memory), since a translator
looks up a sentence: exact matches first (case, spacing and apostrophe shapes ignored), then sentences
that contain the text, then with --fuzzy the closest sentences by rapidfuzz's normalised Levenshtein
ratio, the measure behind CAT tools' fuzzy-match percentages. The translations shown are at the level
of the match: a sentence of a longer unit gets that sentence's translations from the pair view
(pairs.parquet, as tmx/<pair>.tmx holds them) where a language cuts it alike, else that language's
whole unit, marked so; a whole unit gets the unit's.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow.parquet as pq
from rapidfuzz import fuzz, process

from align.errors import UsageError
from align.langs import DEFAULT_PIVOT
from align.outputs import tables
from align.segment import Segmenter

if TYPE_CHECKING:
    import pandas as pd

BATCH = 10_000  # rows read at a time
MIN_FUZZY = (
    60.0  # below this a fuzzy match is noise (CAT tools' lowest threshold is usually 50-70 %)
)
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201b": "'", "`": "'", "\u00b4": "'"})


@dataclass(frozen=True)
class Match:
    score: float  # 100 = exact
    kind: str  # exact | contains | fuzzy
    document: str
    unit: str
    sentence: str  # the sentence of the unit that matched
    texts: dict[str, str]
    # sentence: `texts` are the sentence's translations; paragraph: the unit's
    level: str = "paragraph"
    # at sentence level, the languages that do not cut the unit alike: their whole unit
    whole: tuple[str, ...] = ()


def match_key(text: str) -> str:
    """What a CAT tool ignores when matching: case, spacing, the shape of apostrophes.

    >>> match_key("Toute  personne a droit à l’éducation.")
    "toute personne a droit à l'éducation."
    """
    return " ".join(text.casefold().translate(_QUOTES).split())


def lookup(
    out: Path, query: str, lang: str = DEFAULT_PIVOT, fuzzy: bool = False, limit: int = 10
) -> list[Match]:
    """The best matches of `query` among OUT's units in `lang`, best first, one per matching sentence.
    units.parquet is read a batch at a time, twice: the `lang` column to match, then the matches' rows
    whole; so a look-up's memory does not grow with the memory it searches."""
    table = tables.open_table(out / "units.parquet")
    langs = tables.language_columns(table.schema_arrow.names)
    if lang not in langs:
        raise UsageError(f"--lang {lang!r} is not a language of this memory ({' '.join(langs)})")
    key, segmenter = match_key(query), Segmenter()
    # row (among those with a `lang` text) -> score, kind, sentence
    best: dict[int, tuple[float, str, str]] = {}
    found: dict[int, tuple[str, str]] = {}  # row -> document, unit
    start = 0
    for frame in _frames(table, ["document", "unit", lang], lang):
        rows = {start + index: text for index, text in enumerate(frame[lang])}
        _match(rows, key, lang, segmenter, fuzzy, best)
        found.update(
            (row, (frame["document"].iat[row - start], frame["unit"].iat[row - start]))
            for row in rows
            if row in best
        )
        start += len(frame)
    # one per document and sentence
    matches: dict[tuple[str, str], tuple[int, float, str, str]] = {}
    for row, (score, kind, sentence) in sorted(
        best.items(), key=lambda item: (-item[1][0], item[0])
    ):
        matches.setdefault((found[row][0], match_key(sentence)), (row, score, kind, sentence))
    chosen = list(matches.values())[:limit]
    texts = _texts(table, lang, {row for row, *_ in chosen})
    within = {
        (found[row][0], match_key(sentence))
        for row, _score, _kind, sentence in chosen
        if match_key(sentence) != match_key(texts[row][lang])
    }  # a sentence of a longer unit
    sentences = _sentence_texts(out, lang, within)
    result = []
    for row, score, kind, sentence in chosen:
        translated = sentences.get((found[row][0], match_key(sentence)))
        if translated:
            whole = tuple(code for code in texts[row] if code != lang and code not in translated)
            merged = {code: translated.get(code) or texts[row][code] for code in texts[row]} | {
                lang: sentence
            }
            result.append(Match(score, kind, *found[row], sentence, merged, "sentence", whole))
        else:
            result.append(Match(score, kind, *found[row], sentence, texts[row]))
    return result


def _sentence_texts(
    out: Path, lang: str, wanted: set[tuple[str, str]]
) -> dict[tuple[str, str], dict[str, str]]:
    """The translations of sentences (document, match key) in the pair view: each pair that holds the
    sentence alone in `lang` gives its other language's text."""
    path = out / "pairs.parquet"
    if not wanted or not path.is_file():
        return {}
    table = tables.open_table(path)
    langs = tables.language_columns(table.schema_arrow.names)
    if lang not in langs:
        return {}
    documents, found = {document for document, _key in wanted}, {}
    for batch in table.iter_batches(batch_size=BATCH, columns=["document", *langs]):
        frame = batch.to_pandas()
        frame = frame[frame[lang].notna() & frame["document"].isin(documents)]
        for _index, row in frame.iterrows():
            key = (row["document"], match_key(row[lang]))
            if key in wanted:
                found.setdefault(key, {}).update(
                    {
                        code: row[code]
                        for code in langs
                        if code != lang and isinstance(row[code], str)
                    }
                )
    return found


def _match(
    rows: dict[int, str],
    key: str,
    lang: str,
    segmenter: Segmenter,
    fuzzy: bool,
    best: dict[int, tuple[float, str, str]],
) -> None:
    """Add the rows' best sentence matches to `best`: exact, then containing the query, then (fuzzy) close."""
    sentences = [
        (row, sentence) for row, text in rows.items() for sentence in segmenter.split(text, lang)
    ]
    keys = [match_key(sentence) for _row, sentence in sentences]
    for (row, sentence), candidate in zip(sentences, keys):
        if candidate == key:
            best[row] = max(best.get(row, (0, "", "")), (100.0, "exact", sentence))
        elif key and key in candidate:
            best.setdefault(row, (round(fuzz.ratio(key, candidate), 1), "contains", sentence))
    if fuzzy:
        for _text, score, index in process.extract(
            key, keys, scorer=fuzz.ratio, limit=None, score_cutoff=MIN_FUZZY
        ):
            row, sentence = sentences[index]
            if row not in best or best[row][0] < score and best[row][1] == "fuzzy":
                best[row] = (round(score, 1), "fuzzy", sentence)


def _texts(table: pq.ParquetFile, lang: str, rows: set[int]) -> dict[int, dict[str, str]]:
    """Every language's text of the chosen rows (numbered among the rows with a `lang` text)."""
    langs = tables.language_columns(table.schema_arrow.names)
    texts, start = {}, 0
    for frame in _frames(table, None, lang) if rows else ():
        for row in (row for row in rows if start <= row < start + len(frame)):
            texts[row] = {
                code: text
                for code in langs
                if isinstance(text := frame[code].iat[row - start], str)
            }
        start += len(frame)
    return texts


def _frames(table: pq.ParquetFile, columns: list[str] | None, lang: str) -> Iterator[pd.DataFrame]:
    """The table's rows that have a `lang` text, a batch at a time."""
    for batch in table.iter_batches(batch_size=BATCH, columns=columns):
        frame = batch.to_pandas()
        yield frame[frame[lang].notna()]
