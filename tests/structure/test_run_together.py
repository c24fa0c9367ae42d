"""Preambular paragraphs a converter ran together (the blank line between them lost) are read apart again
by the word that opens each ("Rappelant", "Recalling", "Recordando"), on the UN's real resolutions; and
no real preambular paragraph is cut."""

from __future__ import annotations

import random
import re

import pytest

from tests.conftest import CORPORA, script

evaluation = script("eval_real")
RESOLUTIONS = evaluation.resolutions([CORPORA / "un-akn"])


def converted(document, join: int | None = None) -> list[tuple[str, str]]:
    """The version printed as a converter gives it, preambular paragraphs `join` and `join + 1` run into
    one block, read back: its preambular units (id, text)."""
    printed = evaluation.paragraphs(document)
    if join is not None:
        printed[join : join + 2] = [(printed[join][0] + " " + printed[join + 1][0], printed[join][1] + printed[join + 1][1])]
    version = evaluation.read_markdown(document, evaluation.render(document, printed, random.Random(0), wrap=join is not None))
    return [(unit.id, unit.text) for unit in version.units if unit.kind == "preamble"]


@pytest.mark.parametrize("lang", ["fr", "en", "es"])
def test_paragraphs_run_together_are_read_apart(lang):
    checked = 0
    for symbol, versions in RESOLUTIONS.items():
        document = versions.get(lang)
        if document is None:
            continue
        intact = converted(document)
        # the printed blocks of preambular paragraphs followed by another (a section's mark is printed too)
        texts = {unit.text for unit in document.units if unit.kind == "preamble"}
        printed = [re.sub(r"<sup>\d+</sup>", "", text) in texts for text, _notes in evaluation.paragraphs(document)]
        preamble = [i for i in range(len(printed) - 1) if printed[i] and printed[i + 1]]
        for join in preamble[1::3]:  # a few places in each preamble
            assert converted(document, join) == intact, (symbol, lang, join)
            checked += 1
    assert checked > 30


@pytest.mark.parametrize("lang", ["fr", "en", "es"])
def test_no_real_preambular_paragraph_is_cut(lang):
    for symbol, versions in RESOLUTIONS.items():
        if lang in versions:
            marked = [unit.text for unit in versions[lang].units if unit.kind == "preamble"]
            assert [text for _id, text in converted(versions[lang])] == marked, symbol
