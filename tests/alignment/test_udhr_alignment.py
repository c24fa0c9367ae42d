"""N-way alignment of the six UDHR versions: articles by number, the preamble by length."""

import pytest

from align.alignment import align_document, choose_pivot
from align.model import AlignedDocument, Document
from align.segment import Segmenter
from tests.conftest import UDHR_LANGS
from tests.structure.test_udhr import ARTICLE_IDS


@pytest.fixture(scope="module")
def aligned(udhr: dict[str, Document]) -> AlignedDocument:
    return align_document(list(udhr.values()), "fr", Segmenter(), sentences=False)


def unit(aligned: AlignedDocument, unit_id: str):
    return next(unit for unit in aligned.units if unit.id == unit_id)


def test_every_article_paragraph_in_one_unit_with_six_languages(aligned: AlignedDocument, udhr: dict[str, Document]) -> None:
    for article_id in ARTICLE_IDS:
        found = unit(aligned, article_id)
        assert list(found.texts) == list(UDHR_LANGS)
        for lang in UDHR_LANGS:
            expected = next(u.text for u in udhr[lang].units if u.id == article_id)
            assert found.texts[lang] == expected, (article_id, lang)


def test_preamble_tail_is_one_n_to_m_unit(aligned: AlignedDocument) -> None:
    tail = unit(aligned, "pre.8-9")
    assert tail.unit_ids == {"ar": "pre.7-9", "zh": "pre.8", "en": "pre.8-10", "fr": "pre.8-9", "ru": "pre.8-9", "es": "pre.8-9"}
    assert tail.texts["en"].startswith("Now, therefore, The General Assembly Proclaims")
    assert "merged" in tail.flags
    # the preceding paragraph is not shifted: "Whereas a common understanding" is pre.7 everywhere
    assert unit(aligned, "pre.7").texts["en"].startswith("Whereas a common understanding")
    assert unit(aligned, "pre.7").texts["zh"].startswith("鉴于对这些权利和自由的普遍了解")


def test_paragraph_missing_in_arabic_is_flagged_not_shifted(aligned: AlignedDocument) -> None:
    fourth = unit(aligned, "pre.4")
    assert "ar" not in fourth.texts and "missing-in:ar" in fourth.flags
    assert unit(aligned, "pre.5").unit_ids["ar"] == "pre.4"


def test_sentences_split_only_where_every_language_agrees(udhr: dict[str, Document]) -> None:
    aligned = align_document(list(udhr.values()), "fr", Segmenter())
    sentences = [u for u in aligned.units if u.level == "sentence"]
    assert sentences, "the UDHR has units that all six versions cut into the same sentences"
    assert {u.id.rsplit(".s", 1)[0] for u in sentences} >= {"art.12"}
    assert all(len(u.texts) == 6 for u in sentences)
    twelve = [u for u in sentences if u.id.startswith("art.12.")]
    assert [u.id for u in twelve] == ["art.12.s1", "art.12.s2"]
    assert twelve[1].texts["en"].startswith("Everyone has the right to the protection of the law")


@pytest.mark.parametrize(("langs", "wanted", "pivot"), [(["fr", "en"], "fr", "fr"), (["en", "zh"], "fr", "en"), (["zh", "ar"], "ru", "ar")])
def test_pivot_fallback(langs: list[str], wanted: str, pivot: str) -> None:
    assert choose_pivot(langs, wanted) == pivot
