"""N-way alignment of the six UDHR versions: articles by number, the preamble by length."""

import pytest

from align.alignment.numbered import align_document, choose_pivot
from align.model import AlignedDocument, Document
from align.segment import Segmenter
from tests.conftest import UDHR_LANGS
from tests.structure.test_udhr import ARTICLE_IDS


@pytest.fixture(scope="module")
def aligned(udhr: dict[str, Document]) -> AlignedDocument:
    return align_document(list(udhr.values()), "fr", Segmenter(), sentences=False)


def unit(aligned: AlignedDocument, unit_id: str):
    """The unit of the pivot's `unit_id` (a unit in one other language only is named by its own id)."""
    return next(unit for unit in aligned.units if unit.id == unit_id and "fr" in unit.texts)


def test_every_article_paragraph_in_one_unit_with_six_languages(aligned: AlignedDocument, udhr: dict[str, Document]) -> None:
    for article_id in ARTICLE_IDS:
        found = unit(aligned, article_id)
        assert list(found.texts) == list(UDHR_LANGS)
        for lang in UDHR_LANGS:
            expected = next(u.text for u in udhr[lang].units if u.id == article_id)
            assert found.texts[lang] == expected, (article_id, lang)


def test_preamble_tail_keeps_each_language_as_fine_as_it_is(aligned: AlignedDocument) -> None:
    """The closing paragraphs are cut differently in every version: French "L'Assemblée générale" and
    "Proclame ..." stay two units, and Chinese, which runs them into one paragraph ("因此现在,大会,发布……"),
    is read as the enacting formula and the paragraph it heads, as French has them; nobody is called missing."""
    assembly, proclaims = unit(aligned, "pre.8"), unit(aligned, "pre.9")
    assert assembly.texts["en"] == "The General Assembly" and assembly.texts["fr"] == "L’Assemblée générale"
    assert assembly.texts["zh"] == "因此现在,大会," and assembly.unit_ids["zh"] == "pre.8"
    assert proclaims.texts["en"].startswith("Proclaims this Universal Declaration") and proclaims.unit_ids["en"] == "pre.10"
    assert proclaims.texts["zh"].startswith("发布这一世界人权宣言") and proclaims.unit_ids["zh"] == "pre.9"
    assert not any(flag.startswith("missing-in") for flag in assembly.flags + proclaims.flags)
    # the preceding paragraph is not shifted: "Whereas a common understanding" is pre.7 everywhere
    assert unit(aligned, "pre.7").texts["en"].startswith("Whereas a common understanding")
    assert unit(aligned, "pre.7").texts["zh"].startswith("鉴于对这些权利和自由的普遍了解")


def test_a_lead_in_without_counterpart_is_left_out_of_the_pair(udhr: dict[str, Document]) -> None:
    """English prints "Now, therefore," as a paragraph of its own after the last recital; French has no
    such words. The pair is French pre.7 with English pre.7 alone (what a CAT tool matches), and "Now,
    therefore," is English only, not glued to the recital as the length DP's 1:2 bead had it."""
    aligned = align_document([udhr["fr"], udhr["en"]], "fr", Segmenter(), sentences=False)
    recital = unit(aligned, "pre.7")
    assert recital.texts["en"].endswith("the full realization of this pledge,") and recital.unit_ids["en"] == "pre.7"
    assert "merged" not in recital.flags
    alone = next(u for u in aligned.units if u.texts.get("en") == "Now, therefore,")
    assert list(alone.texts) == ["en"]


def test_paragraph_missing_in_arabic_is_flagged_not_shifted(aligned: AlignedDocument) -> None:
    fourth = unit(aligned, "pre.4")
    assert "ar" not in fourth.texts and "missing-in:ar" in fourth.flags
    assert unit(aligned, "pre.5").unit_ids["ar"] == "pre.4"


def test_each_language_gets_its_finest_sentence_alignment(udhr: dict[str, Document]) -> None:
    aligned = align_document(list(udhr.values()), "fr", Segmenter())
    # Spanish runs Article 1's two sentences into one: the n-way unit stays whole, fr-es too, while the
    # other pairs are aligned sentence by sentence
    assert next(u for u in aligned.units if u.id.startswith("art.1") and u.kind != "heading").id == "art.1"
    assert next(u for u in aligned.units if u.id == "art.1.h").texts["en"] == "Article 1"  # the heading, in the memory too
    pairs = {lang: {u.id: u for u in units} for lang, units in aligned.pairs.items()}
    assert "art.1" in pairs["es"] and "art.1.s1" not in pairs["es"]
    for lang in ("ar", "zh", "en", "ru"):
        assert "art.1" not in pairs[lang] and list(pairs[lang]["art.1.s2"].texts) == sorted(["fr", lang], key=UDHR_LANGS.index)
    assert pairs["en"]["art.1.s2"].texts["en"] == (
        "They are endowed with reason and conscience and should act towards one another in a spirit of brotherhood.")
    assert pairs["zh"]["art.1.s2"].texts["zh"] == "他们赋有理性和良心,并应以兄弟关系的精神相对待。"
    assert pairs["en"]["art.1.s1"].unit_ids == {"en": "art.1.s1", "fr": "art.1.s1"}


def _in_order_once(pieces: list[str], whole: list[str]) -> int:
    """How much of `whole` (a version's texts in order) `pieces` cover, each found after the one before."""
    text, position, covered = "".join(part.replace(" ", "") for part in whole), 0, 0
    for piece in (piece.replace(" ", "") for piece in pieces):
        found = text.find(piece, position)
        assert found >= 0, piece[:60]
        position, covered = found + len(piece), covered + len(piece)
    return covered


def test_every_pair_covers_each_text_once(udhr: dict[str, Document]) -> None:
    """A pair's units cut both versions in order, no text twice, and cover at least what the n-way units
    pair (the pair view is aligned on its own: it may pair more, never less)."""
    aligned = align_document(list(udhr.values()), "fr", Segmenter())
    paragraphs = align_document(list(udhr.values()), "fr", Segmenter(), sentences=False).units
    for lang in ("ar", "zh", "en", "ru", "es"):
        pairs = aligned.pairs[lang]
        for side in ("fr", lang):
            covered = _in_order_once([unit.texts[side] for unit in pairs], [unit.text for unit in udhr[side].units])
            assert covered >= sum(len(p.texts[side].replace(" ", "")) for p in paragraphs if "fr" in p.texts and lang in p.texts)


@pytest.mark.parametrize(("langs", "wanted", "pivot"), [(["fr", "en"], "fr", "fr"), (["en", "zh"], "fr", "en"), (["zh", "ar"], "ru", "ar")])
def test_pivot_fallback(langs: list[str], wanted: str, pivot: str) -> None:
    assert choose_pivot(langs, wanted) == pivot
