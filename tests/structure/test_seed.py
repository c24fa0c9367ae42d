"""The seed resolution A/RES/60/212 (French, as a PDF converter gave it) parses to its real structure."""

from collections import Counter

from align.model import Document


def units_by_id(document: Document) -> dict[str, str]:
    return {unit.id: unit.text for unit in document.units}


def test_counts(seed: Document) -> None:
    kinds = Counter(unit.kind for unit in seed.units)
    assert kinds["preamble"] == 3
    assert kinds["operative"] == 16
    assert kinds["footnote"] == 6
    assert [unit.id for unit in seed.units if unit.kind == "operative"] == [f"op.{n}" for n in range(1, 17)]


def test_paragraph_13_is_rejoined_across_the_page_break(seed: Document) -> None:
    text = units_by_id(seed)["op.13"]
    assert "en versant des contributions aux deux fonds susmentionnés, étant entendu que ces fonds" in text
    assert text.endswith("utiliser efficacement ces ressources ;")
    assert not any(unit.text.startswith("susmentionnés") for unit in seed.units)


def test_footnotes_and_paragraphs_do_not_leak(seed: Document) -> None:
    units = units_by_id(seed)
    assert units["fn.5"] == "A/55/74, annexe II."
    assert units["fn.6"] == "A/60/111, annexe II."
    assert units["fn.2"].startswith("Documents officiels de l'Assemblée générale, soixantième session")
    footnote_texts = [unit.text for unit in seed.units if unit.kind == "footnote"]
    for unit in seed.units:
        if unit.kind != "footnote":
            assert not any(note in unit.text for note in footnote_texts), unit.id
            assert "<sup>" not in unit.text and "[^" not in unit.text and "*" not in unit.text
    assert [unit.footnotes for unit in seed.units if unit.id in ("op.1", "op.12")] == [("2", "3"), ("5", "6")]


def test_header_title_intro_and_meeting(seed: Document) -> None:
    units = units_by_id(seed)
    assert units["title"] == "Coopération Sud-Sud"
    assert units["intro"] == "L'Assemblée générale,"
    # printed on two lines, cut as a CAT tool cuts them
    assert (units["meeting"], units["meeting.date"]) == ("68e séance plénière", "22 décembre 2005")
    assert seed.meta["resolution"] == "60/212"
    assert seed.meta["body"] == "Assemblée générale"
    assert seed.meta["date"] == "27 mars 2006"
    assert seed.meta["session"] == "Soixantième session"
    assert seed.meta["agenda"] == "Point 57, b, de l'ordre du jour"
    assert seed.meta["adopted"] == "Résolution adoptée par l'Assemblée générale le 22 décembre 2005"
    assert "A/60/493/Add.2" in seed.meta["basis"]
    assert seed.symbol == "A/RES/60/212" and seed.lang == "fr"
