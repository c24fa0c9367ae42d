"""Annexes and sections in a converter's text, as the UN's XML marks them: A/RES/80/9 (a political
declaration in an annex, its paragraphs numbered afresh) and A/RES/79/258 B (sections I to IV, each
numbered afresh), printed as a PDF converter gives them (scripts/eval_real.py)."""

from __future__ import annotations

import random

import pytest

from align.ingest import read_source
from align.model import Document
from align.structure import parse
from tests.conftest import CORPORA, script

real = script("eval_real")
LANGS = ["ar", "en", "es", "fr", "ru", "zh"]


@pytest.fixture(scope="module")
def versions() -> dict[str, dict[str, Document]]:
    return real.resolutions([CORPORA / "un-akn"])


def _converted(document: Document, seed: int = 0) -> Document:
    """The version as eval_real's converter prints it: a page rule every five paragraphs, its furniture."""
    rng = random.Random(f"{document.symbol}/{document.lang}/{seed}")
    return real.read_markdown(document, real.render(document, real.paragraphs(document), rng, wrap=False))


def _ids(document: Document) -> list[str]:
    return [unit.id for unit in document.units if unit.kind != "cover"]


@pytest.mark.parametrize("lang", LANGS)
def test_an_annex_in_a_converter_s_text_has_ids_of_its_own(versions, lang: str) -> None:
    """Before, the heading "Annex" was a paragraph and the declaration's paragraphs took the resolution's
    ids (op.1 twice); in Chinese the heading ran into the title after it across a page break."""
    document = versions["A/RES/80/9"][lang]
    assert "annex.op.31" in _ids(document)
    assert _ids(_converted(document)) == _ids(document)


@pytest.mark.parametrize("lang", LANGS)
def test_a_section_mark_before_a_page_break_stays_whole(versions, lang: str) -> None:
    """Russian's "III" fell just before a page break and ran into the section's title: sections III and IV
    were numbered as II and III."""
    document = versions["A/RES/79/258B"][lang]
    assert _ids(_converted(document)) == _ids(document)


def test_the_six_versions_of_an_annex_have_the_same_ids(versions) -> None:
    """The markup marks the heading "Annex" as a heading in Arabic and as a paragraph elsewhere, the
    Russian annex letters its items a), b) in Latin: before, A/RES/80/9's versions had four sets of ids
    between them (the evaluation could use two of its six languages)."""
    assert sorted(versions["A/RES/80/9"]) == LANGS
    assert len({tuple(_ids(document)) for document in versions["A/RES/80/9"].values()}) == 1


def test_the_russian_annex_letters_its_items_in_latin() -> None:
    path = next((CORPORA / "un-akn").rglob("A_RES_80_9-2519346R.xml"))
    items = [unit.id for unit in parse(read_source(path)).units if unit.id.startswith("annex.op.18.")]
    assert items == [f"annex.op.18.{letter}" for letter in "abcdef"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_section_whose_mark_was_lost_is_the_next_one(versions, lang: str) -> None:
    """A converter lost section III's mark: its paragraphs, numbered afresh, were read as section II's (two
    units II.op.1), then paired by id with section IV's (damaged Russian 79/258 B: link F1 0.790)."""
    document = versions["A/RES/79/258B"][lang]
    printed = [block for block in real.paragraphs(document) if block[0] != "III"]
    read = real.read_markdown(document, real.render(document, printed, random.Random(0), wrap=False))
    numbered = [unit.id for unit in read.units if unit.kind == "operative"]
    assert numbered == [unit.id for unit in document.units if unit.kind == "operative"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_section_s_title_before_a_page_break_stays_whole(versions, lang: str) -> None:
    """A page break after the titles of sections III and IV (as section IV's fell in a converter's Arabic):
    the recital under a title, which has no final punctuation, ran into it although section II's recital
    had opened with the same words (Arabic's "إذ تشير", Chinese "回顾" were not taken for opening words).
    Sections I and II are not tried: no recital above their titles says how one opens."""
    document = versions["A/RES/79/258B"][lang]
    blocks, notes, page = [document.symbol], [], 1
    for text, foot in real.paragraphs(document):
        blocks.append(text)
        notes += foot
        if blocks[-2] in ("III", "IV"):
            page += 1
            blocks += ["---", *notes, document.symbol, str(page), "24-63879"]
            notes = []
    read = real.read_markdown(document, "\n\n".join([*blocks, "---", *notes]) + "\n")
    assert _ids(read) == _ids(document)


def test_a_section_mark_in_its_title_s_heading_opens_the_section(tmp_path) -> None:
    """A/RES/76/246's Russian file prints each section's mark in its title's heading, with no <section>
    ("<subheading>I Доклад об исполнении бюджета ...</subheading>"), where French has the mark and the
    title apart: its 18 sections were one, their recitals read as unnumbered paragraphs and their
    paragraphs as repeats (op.1', op.1'', ...), and 207 Russian units were left without counterpart.
    A/RES/79/258 B's Russian file marked so reads as marked by its sections."""
    import re

    path = next((CORPORA / "un-akn").rglob("A_RES_79_258B-2506215R.xml"))
    text = path.read_text(encoding="utf-8")
    glued = re.sub(r"<section>\s*<num>\s*([IVX]+)</num>\s*<subheading>\s*", r"<subheading>\t\t\1 ", text)
    glued = glued.replace("</section>", "")
    assert glued.count("<subheading>\t\tIV ") == 1
    copy = tmp_path / path.name
    copy.write_text(glued, encoding="utf-8")
    assert _ids(parse(read_source(copy))) == _ids(parse(read_source(path)))


@pytest.mark.parametrize("mark", ["III", "ثالثا", "ثانياً", "ثالث عشر", "十二"])
def test_section_marks_as_the_versions_print_them(mark: str) -> None:
    """A/RES/76/246's Arabic file prints section II's mark "ثانياً", with its tanween: it was a heading."""
    from align.structure.conventions import SECTION_MARK

    assert SECTION_MARK.match(mark)
