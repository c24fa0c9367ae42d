"""`align lookup`: find a text in a built memory, as a CAT tool's TM look-up and concordance do.

Units are compared sentence by sentence (cut by the same SRX rules as the memory), since a translator
looks up a sentence: exact matches first (case, spacing and apostrophe shapes ignored), then sentences
that contain the text, then with --fuzzy the closest sentences by rapidfuzz's normalised Levenshtein
ratio, the measure behind CAT tools' fuzzy-match percentages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from align.export import tables
from align.segment import Segmenter

MIN_FUZZY = 60.0  # below this a fuzzy match is noise (CAT tools' lowest threshold is usually 50-70 %)
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201b": "'", "`": "'", "\u00b4": "'"})


@dataclass(frozen=True)
class Match:
    score: float  # 100 = exact
    kind: str  # exact | contains | fuzzy
    document: str
    unit: str
    sentence: str  # the sentence of the unit that matched
    texts: dict[str, str]


def match_key(text: str) -> str:
    """What a CAT tool ignores when matching: case, spacing, the shape of apostrophes.

    >>> match_key("Toute  personne a droit à l’éducation.")
    "toute personne a droit à l'éducation."
    """
    return " ".join(text.casefold().translate(_QUOTES).split())


def lookup(out: Path, query: str, lang: str = "fr", fuzzy: bool = False, limit: int = 10) -> list[Match]:
    """The best matches of `query` among OUT's units in `lang`, best first, one per matching sentence."""
    frame = tables.load(out)
    if lang not in frame.columns:
        return []
    frame = frame[frame[lang].notna()].reset_index(drop=True)
    segmenter = Segmenter()
    sentences = [(row, sentence) for row, text in enumerate(frame[lang]) for sentence in segmenter.split(text, lang)]
    keys = [match_key(sentence) for _row, sentence in sentences]
    key = match_key(query)
    best: dict[int, tuple[float, str, str]] = {}
    for (row, sentence), candidate in zip(sentences, keys):
        if candidate == key:
            best[row] = max(best.get(row, (0, "", "")), (100.0, "exact", sentence))
        elif key and key in candidate:
            best.setdefault(row, (round(fuzz.ratio(key, candidate), 1), "contains", sentence))
    if fuzzy:
        for _text, score, index in process.extract(key, keys, scorer=fuzz.ratio, limit=None, score_cutoff=MIN_FUZZY):
            row, sentence = sentences[index]
            if row not in best or best[row][0] < score and best[row][1] == "fuzzy":
                best[row] = (round(score, 1), "fuzzy", sentence)
    langs = tables.language_columns(frame)
    matches: dict[tuple[str, str], Match] = {}
    for row, (score, kind, sentence) in sorted(best.items(), key=lambda item: (-item[1][0], item[0])):
        key = (frame.at[row, "document"], match_key(sentence))
        texts = {lang: frame.at[row, lang] for lang in langs if isinstance(frame.at[row, lang], str)}
        matches.setdefault(key, Match(score, kind, frame.at[row, "document"], frame.at[row, "unit"], sentence, texts))
    return list(matches.values())[:limit]
