"""Each kind of conversion damage, on the real UDHR, in four scripts: the alignment stays right.

The damages and the scoring are those of scripts/eval_alignment.py (the benchmark runs them on more
seeds, with the Gale-Church baseline beside them)."""

from __future__ import annotations

import random

import pytest

from align.segment import Segmenter
from tests.conftest import evaluation


@pytest.fixture(scope="module")
def clean() -> dict[str, str]:
    return {lang: (evaluation.ROOT / "corpora" / f"A_RES_217(III)-{lang.upper()}.md").read_text(encoding="utf-8")
            for lang in ("fr", *evaluation.LANGS)}


@pytest.fixture(scope="module")
def truth(clean: dict[str, str]) -> dict[str, dict[str, list[str]]]:
    return {lang: evaluation.truth_texts(lang) for lang in clean}


@pytest.mark.parametrize("lang", ["en", "ru", "zh", "ar"])  # Latin, Cyrillic, Han, Arabic
@pytest.mark.parametrize("damage", [name for name in evaluation.DAMAGES if name != "none"])
def test_damage(clean: dict[str, str], truth: dict, damage: str, lang: str) -> None:
    damaged = evaluation.DAMAGES[damage](clean[lang], random.Random(f"{damage}/{lang}/0"))
    assert damaged != clean[lang] or damage == "hard-wrap" and lang == "zh"  # the damage happened
    versions = {code: evaluation.read(code, clean[code]) for code in clean} | {lang: evaluation.read(lang, damaged)}
    predicted = evaluation.ours(versions, lang, Segmenter())
    precision, recall, f1 = evaluation.f1(*evaluation.score(predicted, versions["fr"], versions[lang], truth["fr"], truth[lang]))
    assert f1 >= 0.98, (precision, recall)


def test_the_gold_of_a_merge_groups_the_merged_paragraphs(clean: dict[str, str], truth: dict) -> None:
    fr = evaluation.read("fr", clean["fr"])
    merged = evaluation.read("en", clean["en"].replace("\n\n2. Everyone has the right to leave any country", " 2. Everyone has the right to leave any country"))
    gold = evaluation.gold(fr, merged, truth["fr"], truth["en"])
    assert {("art.13.1", "art.13.2"), ("art.13.2", "art.13.1"), ("art.13.2", "art.13.2")} <= gold
    assert ("art.12", "art.13.1") not in gold
