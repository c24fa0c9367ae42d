"""The compiled SRX segmenter cuts exactly where choppa's SrxTextIterator (the Java `segment` port) cuts."""

from __future__ import annotations

from pathlib import Path

import pytest
from choppa import SrxTextIterator
from hypothesis import given, settings
from hypothesis import strategies as st

from align.segment.compiled import segments
from align.segment.srx import _document, break_rules

CORPORA = Path(__file__).resolve().parents[2] / "corpora"
LANGS = ["ar", "en", "es", "fr", "ru", "zh"]
# Characters the rules react to: stops of four scripts, quotes, brackets, spaces, Trados tags, capitals.
TRICKY = "ab AB.!?…\n\u00a0\u2029«»\"'()[]{}<0}{0>19. ,;:p。？！،؟ Art. M. No. ÉЖж"


def choppa(text: str, lang: str) -> list[str]:
    return list(SrxTextIterator(_document(), f"{lang}_two", text))


@pytest.mark.parametrize("path", sorted(CORPORA.glob("*.md")), ids=lambda path: path.name)
def test_same_segments_as_choppa_on_the_corpora(path: Path) -> None:
    lang = path.name[-5:-3].lower()
    text = path.read_text(encoding="utf-8")
    for piece in [text, *text.split("\n\n")]:  # whole documents (many breaks) and every paragraph
        assert segments(piece, break_rules(lang)) == choppa(piece, lang)


@settings(max_examples=400, deadline=None)
@given(lang=st.sampled_from(LANGS), text=st.text(alphabet=TRICKY, max_size=80))
def test_same_segments_as_choppa_on_generated_text(lang: str, text: str) -> None:
    assert segments(text, break_rules(lang)) == choppa(text, lang)
