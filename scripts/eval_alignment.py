"""Measure alignment on real documents damaged in seeded, named ways, against a known truth.

Usage: python scripts/eval_alignment.py [--seeds N] [--json FILE]

The six UDHR versions in corpora/ are the truth: every article paragraph has the same id in every
language (the XML structure they were rendered from), and the preamble's correspondences are written
out below by hand (Arabic has no fourth paragraph; the closing paragraphs are one n:m unit). One
language version at a time is damaged as converters damage UN files (drop a paragraph, merge two,
split one across a page break with footnotes and a running header between, strip or corrupt the
numbering, hard-wrap the lines, insert running headers), then aligned with French, by `align` and by
the Gale-Church baseline (the `galechurch` package with its shipped parameters, given the same units).

Scores are link precision, recall and F1: a predicted unit pairs every truth key of its French text
with every truth key of the other text; the truth pairs each key with itself. Sentence level: article
paragraphs are run together three articles at a time, the truth pairs sentence k of a paragraph with
sentence k where both versions have the same number of sentences of matching lengths (else the
paragraph as a whole), and each
aligner's sentence units within a block are scored the same way (where the counts match but the
lengths do not, the cut differs, and the paragraph is the truth unit).
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

import galechurch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from align.alignment.numbered import align_document  # noqa: E402
from align.ingest import markdown  # noqa: E402
from align.model import Document, Source  # noqa: E402
from align.segment import Segmenter  # noqa: E402
from align.structure import parse  # noqa: E402

LANGS = ("ar", "zh", "en", "ru", "es")
SYMBOL = "A/RES/217(III)"
# Preamble paragraph -> truth key, per language (read off the texts: "whereas" clauses w1-w7, the
# closing "The General Assembly proclaims ..." paragraphs as one unit).
_WHEREAS = {f"pre.{k}": f"w{k}" for k in range(1, 8)}
PREAMBLE = {
    "fr": _WHEREAS | {"pre.8": "tail", "pre.9": "tail"},
    "en": _WHEREAS | {"pre.8": "tail", "pre.9": "tail", "pre.10": "tail"},
    "zh": _WHEREAS | {"pre.8": "tail", "pre.9": "tail"},  # "因此现在,大会," and "发布……", read apart
    "ru": _WHEREAS | {"pre.8": "tail", "pre.9": "tail"},
    "es": _WHEREAS | {"pre.8": "tail", "pre.9": "tail"},
    "ar": {"pre.1": "w1", "pre.2": "w2", "pre.3": "w3", "pre.4": "w5", "pre.5": "w6", "pre.6": "w7",
           "pre.7": "tail", "pre.8": "tail", "pre.9": "tail"},
}
_NUMBERED = re.compile(r"^(\d+)( -|\.) ", re.M)


def read(lang: str, text: str) -> Document:
    return parse(Source(Path(f"{lang}.md"), lang, SYMBOL, tuple(markdown.read(text))))


def truth_texts(lang: str) -> dict[str, list[str]]:
    """Truth key -> the clean texts of the paragraphs it names, in one language."""
    document = read(lang, (ROOT / "corpora" / f"A_RES_217(III)-{lang.upper()}.md").read_text(encoding="utf-8"))
    keys: dict[str, list[str]] = {}
    for unit in document.units:
        keys.setdefault(PREAMBLE[lang].get(unit.id, unit.id), []).append(unit.text)
    return keys


def _squash(text: str) -> str:
    return "".join(text.split())


def _fragments(original: str, others: list[str]) -> list[str]:
    """The text, and its shortest head and tail of at least a third of it found in no other text:
    a page break cuts a paragraph in two, and each half keeps one of them."""
    fragments = [original]
    if len(original) > 60:
        for take in (lambda n: original[:n], lambda n: original[-n:]):
            for size in range(len(original) // 3, len(original)):
                if not any(take(size) in other for other in others):
                    fragments.append(take(size))
                    break
    return fragments


def keys_of(text: str, truth: dict[str, list[str]]) -> set[str]:
    """The truth keys whose text, or a distinctive head or tail of it, is found in `text`; longest
    first, each match taken out, so a title quoted inside a longer paragraph does not count."""
    found, rest = set(), _squash(text)
    for key, fragments in _fragment_table(tuple((key, _squash(original)) for key, texts in truth.items() for original in texts)):
        for fragment in fragments:
            if fragment in rest:
                found.add(key)
                rest = rest.replace(fragment, "\0", 1)
                break
    return found


@functools.lru_cache(maxsize=64)
def _fragment_table(originals: tuple[tuple[str, str], ...]) -> list[tuple[str, list[str]]]:
    """Each truth text's key and fragments, longest text first: made once per truth, used for every text."""
    everything = [original for _key, original in originals]
    return [(key, _fragments(original, [other for other in everything if other != original]))
            for key, original in sorted(originals, key=lambda item: -len(item[1]))]


# -- damage, as converters do it, on the Markdown of one language version ------------------------

def _body(lines: list[str]) -> list[int]:
    """Indices of body paragraphs (not headings, after the first heading)."""
    return [i for i, line in enumerate(lines) if line and not line.startswith("#") and i > 2]


def drop(text: str, rng: random.Random) -> str:
    lines = text.split("\n\n")
    del lines[rng.choice(_body(lines))]
    return "\n\n".join(lines)


def merge(text: str, rng: random.Random) -> str:
    lines = text.split("\n\n")
    candidates = [i for i in _body(lines) if i + 1 in _body(lines)]
    i = rng.choice(candidates)
    lines[i:i + 2] = [lines[i] + " " + lines[i + 1]]
    return "\n\n".join(lines)


def split_page(text: str, rng: random.Random) -> str:
    lines = text.split("\n\n")
    long = [i for i in _body(lines) if len(lines[i].split()) > 12 or len(lines[i]) > 40]
    i = rng.choice(long)
    words = lines[i].split(" ")
    cut = len(words) // 2 if len(words) > 3 else None
    if cut:
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
    else:  # Chinese: no spaces, cut between characters
        first, second = lines[i][: len(lines[i]) // 2], lines[i][len(lines[i]) // 2:]
    first = first.rstrip(".,;:。，；،؛")
    lines[i:i + 1] = [first, "---", "<sup>9</sup> A/RES/217(III), annex.", "A/RES/217(III)", "12", second]
    return "\n\n".join(lines)


def strip_numbers(text: str, rng: random.Random) -> str:
    return _NUMBERED.sub("", text)


def corrupt_numbers(text: str, rng: random.Random) -> str:
    numbered = list(_NUMBERED.finditer(text))
    match = rng.choice(numbered)
    return text[: match.start(1)] + str(int(match[1]) + rng.randint(2, 5)) + text[match.end(1):]


def hard_wrap(text: str, rng: random.Random) -> str:
    wrapped = []
    for block in text.split("\n\n"):
        if block.startswith("#") or " " not in block:
            wrapped.append(block)
            continue
        line, out = "", []
        for word in block.split(" "):
            if line and len(line) + len(word) > 60:
                out.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        wrapped.append("\n".join(out + [line]))
    return "\n\n".join(wrapped)


def running_headers(text: str, rng: random.Random) -> str:
    lines = text.split("\n\n")
    for page, i in enumerate(sorted(rng.sample(_body(lines), 4), reverse=True), 2):
        lines[i:i] = ["A/RES/217(III)", str(page), f"48-{rng.randint(10000, 99999)}"]
    return "\n\n".join(lines)


def combined(text: str, rng: random.Random) -> str:
    for damage in (running_headers, split_page, merge, drop, corrupt_numbers, hard_wrap):
        text = damage(text, rng)
    return text


DAMAGES: dict[str, Callable[[str, random.Random], str]] = {
    "none": lambda text, rng: text, "drop": drop, "merge": merge, "split-page": split_page,
    "strip-numbers": strip_numbers, "corrupt-numbers": corrupt_numbers, "hard-wrap": hard_wrap,
    "running-headers": running_headers, "combined": combined,
}


# -- scoring ---------------------------------------------------------------------------------------

def score(predicted: list[tuple[str, str]], fr: Document, other: Document, truth_fr: dict, truth_x: dict) -> tuple[int, int, int]:
    """(correct, predicted, truth) link counts. The truth is the finest correct alignment of the two
    versions as they are (damage included): units that share a key are grouped (a merged paragraph
    with the two it holds), and every key on one side of a group is linked with every key on the other."""
    links = {(a, b) for left, right in predicted for a in keys_of(left, truth_fr) for b in keys_of(right, truth_x)}
    return len(links & (truth := gold(fr, other, truth_fr, truth_x))), len(links), len(truth)


def gold(fr: Document, other: Document, truth_fr: dict, truth_x: dict) -> set[tuple[str, str]]:
    left = [keys_of(unit.text, truth_fr) for unit in fr.units]
    right = [keys_of(unit.text, truth_x) for unit in other.units]
    groups: list[tuple[set[str], set[str]]] = []
    for keys in left:
        groups.append((set(keys), set()))
    for keys in right:  # union-find by hand: merge every group that shares a key with this unit
        touching = [group for group in groups if group[0] & keys]
        merged = (set().union(*(g[0] for g in touching)), set().union(*(g[1] for g in touching)) | keys)
        groups = [group for group in groups if group not in touching] + [merged]
    return {(a, b) for lefts, rights in groups for a in lefts for b in rights}


def f1(correct: int, predicted: int, truth: int) -> tuple[float, float, float]:
    precision = correct / predicted if predicted else 1.0
    recall = correct / truth if truth else 1.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def ours(versions: dict[str, Document], lang: str, segmenter: Segmenter) -> list[tuple[str, str]]:
    """align's fr-`lang` pairs, the six versions aligned together as align does (one of them damaged)."""
    aligned = align_document(list(versions.values()), "fr", segmenter, sentences=False)
    return [(unit.texts["fr"], unit.texts[lang]) for unit in aligned.units if "fr" in unit.texts and lang in unit.texts]


def baseline(fr: Document, other: Document) -> list[tuple[str, str]]:
    """galechurch with the parameters it ships with (given the pair's length ratio as mean_xy, it
    returns no alignment at all, cost inf, for every ratio below 1 that we tried: 0.23, 0.5)."""
    left, right = [unit.text for unit in fr.units], [unit.text for unit in other.units]
    result = galechurch.align(left, right)
    return [(" ".join(left[b.source_start:b.source_end]), " ".join(right[b.target_start:b.target_end]))
            for b in result.beads if b.source_end > b.source_start and b.target_end > b.target_start]


# -- sentence level --------------------------------------------------------------------------------

def blocks(lang: str, size: int = 3) -> tuple[Document, list[list[str]]]:
    """The articles run together `size` at a time into one paragraph each; and each block's paragraph keys."""
    document = read(lang, (ROOT / "corpora" / f"A_RES_217(III)-{lang.upper()}.md").read_text(encoding="utf-8"))
    articles = [unit for unit in document.units if unit.kind == "article"]
    numbers = sorted({int(unit.id.split(".")[1]) for unit in articles})
    units, keys = [], []
    for start in range(0, len(numbers), size):
        group = [unit for unit in articles if int(unit.id.split(".")[1]) in numbers[start:start + size]]
        text = ("" if lang == "zh" else " ").join(unit.text for unit in group)
        units.append(type(group[0])(f"b{len(units) + 1}", "article", text))
        keys.append([unit.text for unit in group])
    return Document(SYMBOL, lang, {}, units), keys


def sentence_truth(fr_paragraphs: list[str], x_paragraphs: list[str], lang: str, segmenter: Segmenter) -> tuple[dict, dict]:
    """Sentence truth keys: (paragraph, k) where both versions have as many sentences of matching
    lengths (within a factor 2 of the paragraph's ratio), else (paragraph, *) for the whole paragraph
    (Chinese runs "Everyone has the right to education. Education shall be free" into one sentence
    and splits another: same count, different cut)."""
    truth_fr: dict[str, list[str]] = {}
    truth_x: dict[str, list[str]] = {}
    for index, (left, right) in enumerate(zip(fr_paragraphs, x_paragraphs)):
        left_sentences, right_sentences = segmenter.split(left, "fr"), segmenter.split(right, lang)
        ratio = len(right) / len(left)
        if len(left_sentences) == len(right_sentences) and all(
                0.5 < len(b) / len(a) / ratio < 2 for a, b in zip(left_sentences, right_sentences)):
            for k, (a, b) in enumerate(zip(left_sentences, right_sentences)):
                truth_fr[f"{index}.{k}"], truth_x[f"{index}.{k}"] = [a], [b]
        else:
            truth_fr[f"{index}.*"], truth_x[f"{index}.*"] = left_sentences, right_sentences
    return truth_fr, truth_x


def sentence_scores(segmenter: Segmenter) -> dict[str, dict[str, tuple[int, int, int]]]:
    fr, fr_keys = blocks("fr")
    results: dict[str, dict[str, tuple[int, int, int]]] = {"align": {}, "gale-church": {}}
    for lang in LANGS:
        other, x_keys = blocks(lang)
        aligned = align_document([fr, other], "fr", segmenter)
        ours_pairs = [(unit.texts["fr"], unit.texts[lang]) for unit in aligned.pairs[lang]]
        base_pairs = []
        for left_unit, right_unit in zip(fr.units, other.units):
            left, right = segmenter.split(left_unit.text, "fr"), segmenter.split(right_unit.text, lang)
            for b in galechurch.align(left, right).beads:
                if b.source_end > b.source_start and b.target_end > b.target_start:
                    base_pairs.append((" ".join(left[b.source_start:b.source_end]), " ".join(right[b.target_start:b.target_end])))
        totals = {"align": [0, 0, 0], "gale-church": [0, 0, 0]}
        for block_fr, block_x in zip(fr_keys, x_keys):
            truth_fr, truth_x = sentence_truth(block_fr, block_x, lang, segmenter)
            block_text_fr = _squash(" ".join(block_fr))
            for name, pairs in (("align", ours_pairs), ("gale-church", base_pairs)):
                inside = [(a, b) for a, b in pairs if _squash(a) in block_text_fr]
                links = {(p, q) for a, b in inside for p in keys_of(a, truth_fr) for q in keys_of(b, truth_x)}
                truth = {(key, key) for key in truth_fr}
                totals[name] = [t + n for t, n in zip(totals[name], (len(links & truth), len(links), len(truth)))]
        for name in results:
            results[name][lang] = tuple(totals[name])
    return results


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=5, help="damaged versions per kind and language")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--damages", nargs="+", choices=list(DAMAGES), default=list(DAMAGES), help="only these kinds")
    args = parser.parse_args(argv)
    segmenter = Segmenter()
    clean = {lang: (ROOT / "corpora" / f"A_RES_217(III)-{lang.upper()}.md").read_text(encoding="utf-8") for lang in ("fr", *LANGS)}
    truth = {lang: truth_texts(lang) for lang in clean}
    fr = read("fr", clean["fr"])
    versions = {lang: read(lang, clean[lang]) for lang in LANGS}
    figures: dict[str, dict[str, dict[str, list[float]]]] = {}
    print("Paragraph level: link F1 (precision/recall), align vs the Gale-Church baseline, "
          f"{args.seeds} seeded damaged versions per cell, damage on the non-French side")
    print(f"{'damage':<16}" + "".join(f"{'fr-' + lang:>26}" for lang in LANGS))
    for name, damage in ((name, DAMAGES[name]) for name in args.damages):
        row = f"{name:<16}"
        figures[name] = {}
        for lang in LANGS:
            totals = {"align": [0, 0, 0], "gale-church": [0, 0, 0]}
            for seed in range(args.seeds if name != "none" else 1):
                other = read(lang, damage(clean[lang], random.Random(f"{name}/{lang}/{seed}")))
                damaged = {"fr": fr} | versions | {lang: other}
                for aligner, predicted in (("align", ours(damaged, lang, segmenter)), ("gale-church", baseline(fr, other))):
                    counts = score(predicted, fr, other, truth["fr"], truth[lang])
                    totals[aligner] = [t + c for t, c in zip(totals[aligner], counts)]
            ours_f, base_f = f1(*totals["align"]), f1(*totals["gale-church"])
            figures[name][lang] = {"align": list(ours_f), "gale-church": list(base_f)}
            row += f"   {ours_f[2]:.3f} ({ours_f[0]:.2f}/{ours_f[1]:.2f}) {base_f[2]:.3f}"
        print(row)
    print("\nSentence level inside aligned paragraphs (articles run together 3 at a time): link F1, align vs Gale-Church")
    sentences = sentence_scores(segmenter)
    figures["sentences"] = {lang: {name: list(f1(*sentences[name][lang])) for name in sentences} for lang in LANGS}
    print(f"{'':<16}" + "".join(f"{'fr-' + lang:>26}" for lang in LANGS))
    print(f"{'sentences':<16}" + "".join(
        f"   {figures['sentences'][lang]['align'][2]:.3f} ({figures['sentences'][lang]['align'][0]:.2f}/"
        f"{figures['sentences'][lang]['align'][1]:.2f}) {figures['sentences'][lang]['gale-church'][2]:.3f}" for lang in LANGS))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
