"""Fit the x-score's calibration on real resolutions, or check the fitted table on other resolutions.

Usage:
  python scripts/calibrate.py FOLDER... --fit [--seeds N]   writes align/data/calibration.json
  python scripts/calibrate.py [FOLDER...] [--seeds N]       checks the table align ships

FOLDER holds AKN files of resolutions in several languages (default corpora/un-akn), as eval_real.py
takes them. Each resolution is aligned in eval_real's three conditions: the XML as published, rendered as
a converter prints it, and rendered with converter damage in every language at once (N seeds).

An observation is one pair of the pair view (each language with French alone, paragraph level, as
tmx/fr-xx.tmx holds it before sentences are cut): what the aligner knew about it (confidence.Grounds) and
whether it is right. A pair is right when every link it makes between truth ids is a true one
(eval_alignment.gold): a pair holding a paragraph and a half of another is wrong.

Fit: in each group of pairs (decided by id or by length; 1:1 or merged; numbers the same, different or
absent; and the coarser groups these make), the share of right pairs as a non-decreasing step function of
the Gale-Church length probability (isotonic regression, scipy), each step's share taken as
(right + 1) / (pairs + 2) so that a step of few pairs never claims certainty.

Check: in both views (a memory.tmx unit is right when each of its languages' pairs with French is), the
scores binned against the share right, the Brier score and the expected calibration error, for the
calibrated x-score and for what the x-score was before calibration (the lowest length probability).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from scipy.optimize import isotonic_regression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_alignment import gold, keys_of  # noqa: E402
from eval_real import PIVOT, as_read, resolutions, truth_of  # noqa: E402

from align.alignment.checks import confidences, link_texts, pair_grounds  # noqa: E402
from align.alignment.confidence import Grounds  # noqa: E402
from align.alignment.numbered import pair_links  # noqa: E402

TABLE = ROOT / "align" / "data" / "calibration.json"
BINS = (0.0, 0.5, 0.8, 0.9, 0.95, 0.98, 0.99, 1.0)


def observations(folders: list[Path], seeds: int, check: bool) -> tuple[list[tuple[Grounds, bool]], dict[str, list]]:
    """The pair view's observations, and with `check` both views' (score before, x-score, right) triples."""
    found = resolutions(folders, cover=True)
    pairs: list[tuple[Grounds, bool]] = []
    scored: dict[str, list] = {"pair": [], "memory": []}
    for published in found.values():
        body = {lang: dataclasses.replace(document, units=[unit for unit in document.units if unit.kind != "cover"])
                for lang, document in published.items()}
        for condition, seed in [("akn", 0), ("converted", 0), *(("damaged", s) for s in range(seeds))]:
            versions = published if condition == "akn" else body  # the rendering prints no cover page
            truth = {lang: truth_of(document) for lang, document in versions.items()}
            read, _ = as_read(versions, condition, seed)
            gold_of = {lang: gold(read[PIVOT], read[lang], truth[PIVOT], truth[lang]) for lang in read if lang != PIVOT}

            def right(texts: dict[str, str], lang: str) -> bool:
                links = {(a, b) for a in keys_of(texts[PIVOT], truth[PIVOT]) for b in keys_of(texts[lang], truth[lang])}
                return bool(links) and links <= gold_of[lang]

            paired = pair_links(list(read.values()), PIVOT, [])
            for lang, own in zip(paired.others, paired.own):
                for link in own:
                    texts = {code: text for code, (text, _) in link_texts(link).items()}
                    if PIVOT in texts and lang in texts:
                        found_right = right(texts, lang)
                        pairs.append((pair_grounds(link, lang, texts), found_right))
                        if check:
                            scored["pair"].append((link.probabilities[lang], confidences(link, texts)[lang], found_right))
            for link in paired.links if check else ():
                texts = {code: text for code, (text, _) in link_texts(link).items()}
                langs = [lang for lang in texts if lang != PIVOT and lang in link.probabilities]
                if PIVOT in texts and langs:
                    found = confidences(link, texts)
                    scored["memory"].append((min(link.probabilities[lang] for lang in langs),
                                             math.prod(found[lang] for lang in langs),
                                             all(right(texts, lang) for lang in langs)))
    return pairs, scored


def fit_group(points: list[tuple[float, bool]]) -> dict:
    """A non-decreasing step function of length probability to the smoothed share right."""
    by_value: dict[float, list[int]] = defaultdict(lambda: [0, 0])
    for probability, right in points:
        by_value[probability][0] += 1
        by_value[probability][1] += right
    values = sorted(by_value)
    counts = np.array([by_value[v][0] for v in values], dtype=float)
    shares = np.array([by_value[v][1] for v in values], dtype=float) / counts
    fitted = isotonic_regression(shares, weights=counts, increasing=True).x
    steps: list[list[float]] = []  # [lower bound, pairs, right]
    for index, value in enumerate(values):
        if steps and np.isclose(fitted[index], fitted[index - 1]):
            steps[-1][1] += by_value[value][0]
            steps[-1][2] += by_value[value][1]
        else:
            steps.append([0.0 if not steps else value, by_value[value][0], by_value[value][1]])
    smoothed = np.maximum.accumulate([(right + 1) / (n + 2) for _, n, right in steps])
    return {"pairs": len(points), "from": [round(step[0], 6) for step in steps],
            "right": [round(float(share), 4) for share in smoothed], "step_pairs": [int(step[1]) for step in steps]}


def fit(pairs: list[tuple[Grounds, bool]], described: str) -> dict:
    grouped: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    for grounds, right in pairs:
        for group in grounds.groups:
            grouped[group].append((grounds.probability, right))
    commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    return {"fitted_on": described, "aligner_commit": commit, "pairs": len(pairs),
            "method": "scripts/calibrate.py: isotonic regression per group, steps smoothed (right+1)/(pairs+2)",
            "groups": {group: fit_group(points) for group, points in sorted(grouped.items())}}


def reliability(triples: list, column: int) -> tuple[list[tuple[float, float, int, float]], float, float]:
    """Bins (low, high, pairs, mean score, share right), the Brier score and the expected calibration error."""
    scores = np.array([t[column] for t in triples])
    right = np.array([t[2] for t in triples], dtype=float)
    rows, error = [], 0.0
    for low, high in zip(BINS, BINS[1:]):
        inside = (scores >= low) & ((scores < high) if high < 1.0 else (scores <= high))
        if inside.any():
            rows.append((low, high, int(inside.sum()), float(scores[inside].mean()), float(right[inside].mean())))
            error += inside.sum() / len(scores) * abs(scores[inside].mean() - right[inside].mean())
    return rows, float(np.mean((scores - right) ** 2)), error


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[ROOT / "corpora" / "un-akn"])
    parser.add_argument("--seeds", type=int, default=3, help="damaged renderings per resolution")
    parser.add_argument("--fit", action="store_true", help=f"fit the table and write it to {TABLE.relative_to(ROOT)}")
    parser.add_argument("--describe", default="", help="with --fit: what the folders hold, kept in the table")
    args = parser.parse_args(argv)
    pairs, scored = observations(args.folders, args.seeds, check=not args.fit)
    print(f"{len(pairs)} pairs, {sum(right for _, right in pairs)} right")
    if args.fit:
        table = fit(pairs, args.describe or ", ".join(map(str, args.folders)))
        TABLE.write_text(json.dumps(table, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        for group, fitted in table["groups"].items():
            print(f"  {group:<22} {fitted['pairs']:>6} pairs  " + "  ".join(
                f">={low:g}: {share:.3f} ({n})" for low, share, n in zip(fitted["from"], fitted["right"], fitted["step_pairs"])))
        return 0
    for view, triples in scored.items():
        for name, column in (("before (lowest length probability)", 0), ("x-score", 1)):
            rows, brier, error = reliability(triples, column)
            print(f"\n{view} view, {name}: {len(triples)} units, Brier {brier:.4f}, calibration error {error:.4f}")
            for low, high, n, mean, share in rows:
                print(f"  [{low:.2f}, {high:.2f}]  {n:>6} units  mean score {mean:.3f}  right {share:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
