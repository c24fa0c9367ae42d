"""Learn which words translate each other, French against each other official language, from the UN's
own XML (align/data/lexicon.json.gz; see align/alignment/lexicon.py).

Usage: python scripts/make_lexicon.py FOLDER... [--exclude FOLDER...] [--describe TEXT] [--langs LANG...]

FOLDER holds AKN files of resolutions in several languages (the UN's archive: `fetch
github:UNxml/GAresolutions`). Resolutions under an --exclude folder (an evaluation's) and in
corpora/un-akn are left out. Two body units with the same id in French and another language translate
each other (the markup states it). A French word and another language's go together where they occur in
the same pairs: Dice's coefficient over the pairs at least MIN_DICE, each seen in MIN_SEEN pairs or
more; a word keeps its TOP likeliest translations. A word's weight is its inverse document frequency.

How well the share of translated words tells pairs apart is measured before the table is written:
learned on three resolutions in four, on the fourth the shares of right pairs (same id) and of wrong ones
(a paragraph against the other version's next one, which is what a drift makes). The cost of a share is
the log of how much likelier it is for a wrong pair than for a right one, per bin of EDGES. The table
written is then learned on all the resolutions, with the costs measured on the held-out fourth.

--langs learns those languages only, from the resolutions that have them, and keeps the table's other
languages as they are; each such entry says what it learned on. The archive has few German versions,
whose table is learned so (on all of them but those in corpora/un-akn, the evaluation's).
"""

from __future__ import annotations

import gzip
import json
import math
import sys
from pathlib import Path

import numpy as np
from scipy import sparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from make_openers import LANGS, PIVOT, arguments, header, left_out, split, texts  # noqa: E402

from align.alignment.lexicon import Lexicon, bin_of, both_ways, words  # noqa: E402

MIN_SEEN = 5
MIN_DICE = 0.3
TOP = 3
EDGES = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
TABLE = ROOT / "align" / "data" / "lexicon.json.gz"

Pairs = list[tuple[frozenset[str], frozenset[str]]]


def pairs_of(found: dict, lang: str) -> list[tuple[frozenset[str], frozenset[str], frozenset[str] | None]]:
    """Each French unit's words, its counterpart's (same id), and the counterpart's next unit's (None for
    the last): a right pair, and the wrong one a drift makes."""
    triples = []
    for versions in found.values():
        if lang not in versions:
            continue
        theirs = [(unit_id, words(text, lang)) for unit_id, text in versions[lang]]
        where = {unit_id: k for k, (unit_id, _) in enumerate(theirs)}
        for unit_id, text in versions[PIVOT]:
            if unit_id in where:
                k = where[unit_id]
                triples.append((words(text, PIVOT), theirs[k][1], theirs[k + 1][1] if k + 1 < len(theirs) else None))
    return triples


def learn(right: Pairs) -> tuple[dict[str, list[str]], dict[str, float], dict[str, float]]:
    """Each French word's translations, and both sides' word weights, from the right pairs."""
    vocabularies = [sorted({word for pair in right for word in pair[side]}) for side in (0, 1)]
    index = [{word: k for k, word in enumerate(vocabulary)} for vocabulary in vocabularies]
    matrices = []
    for side in (0, 1):
        rows = [k for k, pair in enumerate(right) for _ in pair[side]]
        columns = [index[side][word] for pair in right for word in pair[side]]
        matrices.append(sparse.csr_matrix((np.ones(len(rows), np.float32), (rows, columns)), shape=(len(right), len(index[side]))))
    seen = [np.asarray(matrix.sum(axis=0)).ravel() for matrix in matrices]
    together = (matrices[0].T @ matrices[1]).tocoo()
    dice: dict[int, list[tuple[float, int]]] = {}
    for i, j, n in zip(together.row, together.col, together.data):
        if n >= MIN_SEEN and (score := 2 * n / (seen[0][i] + seen[1][j])) >= MIN_DICE:
            dice.setdefault(i, []).append((score, j))
    translations = {vocabularies[0][i]: [vocabularies[1][j] for _, j in sorted(found, reverse=True)[:TOP]]
                    for i, found in dice.items()}
    known = [set(translations), {word for others in translations.values() for word in others}]
    weights = [{word: round(math.log(len(right) / seen[side][index[side][word]]), 3) for word in known[side]}
               for side in (0, 1)]
    return translations, weights[0], weights[1]


def costs(right: list[float], wrong: list[float]) -> list[float]:
    """Per bin of EDGES, log(share of wrong pairs in it / share of right ones); one pair of each added to
    every bin, so that a bin neither fell in costs nothing extreme."""

    def shares(values: list[float]) -> list[float]:
        counts = [1] * len(EDGES)
        for value in values:
            counts[bin_of(EDGES, value)] += 1
        return [count / sum(counts) for count in counts]

    return [round(math.log(w / r), 3) for r, w in zip(shares(right), shares(wrong))]


def main(argv: list[str]) -> int:
    args = arguments(argv, __doc__.split("\n")[0], langs=True)
    found = texts(args.folders, left_out(args), (PIVOT, *args.langs))
    apart = set(args.langs) != set(LANGS)  # the others kept as learned, each of these saying what it learned on
    if apart:
        found = {symbol: versions for symbol, versions in found.items() if set(versions) & set(args.langs)}
    fold, check = split(found)
    about = header(args, found, "words")
    if apart:
        written = json.loads(gzip.decompress(TABLE.read_bytes()))
        written["langs"] = {lang: entry for lang, entry in written["langs"].items() if lang not in args.langs}
    else:
        written = about | {"min_seen": MIN_SEEN, "min_dice": MIN_DICE, "top": TOP, "langs": {}}
    for lang in args.langs:
        translations, ours, theirs = learn([(pivot, right) for pivot, right, _ in pairs_of(fold, lang)])
        trial = Lexicon((PIVOT, lang), both_ways(translations), (ours, theirs), EDGES, (), (0, 0))
        shares = [(trial.share(pivot, right), trial.share(pivot, wrong) if wrong is not None else None)
                  for pivot, right, wrong in pairs_of(check, lang)]
        right = [r for r, _ in shares if r is not None]
        wrong = [w for _, w in shares if w is not None]
        both = [(r, w) for r, w in shares if r is not None and w is not None]
        binned = costs(right, wrong)
        means = (round(sum(right) / len(right), 3), round(sum(wrong) / len(wrong), 3))
        print(f"{PIVOT}-{lang}: {len(translations)} words; mean share {means[0]} in {len(right)} right pairs, {means[1]} "
              f"in {len(wrong)} wrong ones; the right pair shares more than the wrong one in "
              f"{sum(r > w for r, w in both) / len(both):.4f} of {len(both)}; costs {binned}")
        translations, ours, theirs = learn([(pivot, right) for pivot, right, _ in pairs_of(found, lang)])
        learned_on = {"fitted_on": about["fitted_on"], "resolutions": sum(lang in versions for versions in found.values())}
        written["langs"][lang] = (learned_on if apart else {}) | {
            "translations": dict(sorted(translations.items())), "pivot_weights": dict(sorted(ours.items())),
            "weights": dict(sorted(theirs.items())), "edges": EDGES, "costs": binned, "mean_right": means[0], "mean_wrong": means[1]}
    TABLE.write_bytes(gzip.compress(json.dumps(written, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), mtime=0))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
