"""The six UDHR versions parse to the same article paragraphs, in each language's conventions."""

import pytest

from align.model import Document
from tests.conftest import UDHR_LANGS

# Articles of the UDHR with several paragraphs, and how many (the same in every language version).
SEVERAL = {2: 2, 11: 2, 13: 2, 14: 2, 15: 2, 16: 3, 17: 2, 20: 2, 21: 3, 23: 4, 25: 2, 26: 3, 27: 2, 29: 3}
ARTICLE_IDS = [
    f"art.{n}.{m}" if n in SEVERAL else f"art.{n}"
    for n in range(1, 31)
    for m in range(1, SEVERAL.get(n, 1) + 1)
]
PREAMBLE = {"ar": 9, "zh": 9, "en": 10, "fr": 9, "ru": 9, "es": 9}  # Chinese: its enacting formula read apart
TITLES = {
    "ar": "الإعلان العالمي لحقوق الإنسان",
    "zh": "世界人权宣言",
    "en": "Universal Declaration of Human Rights",
    "fr": "Déclaration universelle des droits de l’homme",
    "ru": "Всеобщая декларация прав человека",
    "es": "Declaración Universal de Derechos Humanos",
}


@pytest.mark.parametrize("lang", UDHR_LANGS)
def test_fifty_article_paragraphs(udhr: dict[str, Document], lang: str) -> None:
    assert len(ARTICLE_IDS) == 50
    assert [unit.id for unit in udhr[lang].units if unit.kind == "article"] == ARTICLE_IDS


@pytest.mark.parametrize("lang", UDHR_LANGS)
def test_preamble_and_title(udhr: dict[str, Document], lang: str) -> None:
    document = udhr[lang]
    assert sum(unit.kind == "preamble" for unit in document.units) == PREAMBLE[lang]
    assert document.units[0].id == "title" and document.units[0].text == TITLES[lang]
    assert all(unit.kind in ("title", "preamble", "article", "heading") for unit in document.units)
    headings = [unit.id for unit in document.units if unit.kind == "heading"]  # every heading reaches the memory
    assert headings == ["preamble", *(f"art.{n}.h" for n in range(1, 31))]


@pytest.mark.parametrize(("lang", "start"), [("ar", "لكل شخص الحق في التعلم"), ("zh", "人人都有受教育的权利"), ("en", "Everyone has the right to education")])
def test_numbered_paragraph_text_has_no_number(udhr: dict[str, Document], lang: str, start: str) -> None:
    text = next(unit.text for unit in udhr[lang].units if unit.id == "art.26.1")
    assert text.startswith(start[:4])
    assert not text[:1].isdigit()


def test_notes_go_to_metadata(udhr: dict[str, Document]) -> None:
    assert "217" in udhr["es"].meta["note"]
    assert "note" not in udhr["fr"].meta
