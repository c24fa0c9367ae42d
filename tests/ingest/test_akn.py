"""The Akoma Ntoso reader on the UN's own files in corpora/un-akn, as published (faults included), and on
hostile XML."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from align.errors import UnreadableInput
from align.ingest import read_source
from align.structure import parse
from tests.conftest import CORPORA, script

archive = script("check_archive")

AKN = CORPORA / "un-akn"
FILES = sorted(AKN.rglob("*.xml"))
LETTERS = {"Arabic": "ar", "Chinese": "zh", "English": "en", "French": "fr", "Russian": "ru", "Spanish": "es", "German": "de"}


def _kinds(path: Path) -> Counter[str]:
    return Counter(unit.kind for unit in parse(read_source(path)).units)


def test_the_files_are_there() -> None:
    assert len(FILES) == 76


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_symbol_and_language_are_the_ones_the_file_states(path: Path) -> None:
    source = read_source(path)
    assert source.lang == LETTERS[path.parent.name]
    assert source.format == "akn"
    number = path.name.split("-")[0].split("_")
    if path.name.startswith("S_RES"):  # "S_RES_2618 (2022)-2201005E.xml": the symbol without the job number
        assert source.symbol == "S/RES/" + number[2].replace(" ", "")
    else:  # "75_234_F.xml" names no symbol: the content does
        assert source.symbol == "A/RES/" + "/".join(number[-2:] if number[0] == "A" else number[:2])


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_every_paragraph_of_the_markup_reaches_a_block(path: Path) -> None:
    """Nothing the body prints is lost on the way (scripts/check_archive.py, which measures an archive)."""
    assert not archive.lost_paragraphs(path)


# The lines of a General Assembly resolution's cover page, keyed by its markup; the symbol is not one.
COVER = ["cover.publisher", "cover.body", "cover.distribution", "cover.date", "cover.session", "cover.agenda", "cover.agenda-name", "cover.adopted", "cover.basis"]


@pytest.mark.parametrize("path", sorted(AKN.glob("ga/80session/*/A_RES_80_156-*.xml")), ids=lambda path: path.parent.name)
def test_80_156_has_the_same_structure_in_every_language(path: Path) -> None:
    document = parse(read_source(path))
    ids = [unit.id for unit in document.units]
    assert _kinds(path) == {"cover": 9, "title": 1, "intro": 1, "preamble": 30, "operative": 40, "meeting": 2, "footnote": 10}
    assert ids[:12] == [*COVER, "title", "intro", "pre.1"] and "op.40" in ids and "fn.10" in ids
    for unit in document.units:
        assert "[^" not in unit.text and "()" not in unit.text  # references are marks, Arabic's brackets gone
    footnotes = {unit.text for unit in document.units if unit.kind == "footnote"}
    assert not any(note in unit.text for unit in document.units if unit.kind != "footnote" for note in footnotes)
    marks = [number for unit in document.units for number in unit.footnotes]
    assert marks == [str(n) for n in range(1, 11)]  # every reference at its place, in order


def test_markup_at_fault_is_read_by_its_text_and_said() -> None:
    """75_234_C.xml interleaves preamble and body, has a preambular paragraph in the body and operative
    paragraph 4 in a preambular container: the repaired document has the French structure."""
    chinese = parse(read_source(AKN / "ga/75session/Chinese/75_234_C.xml"))
    french = parse(read_source(AKN / "ga/75session/French/75_234_F.xml"))
    assert [unit.id for unit in chinese.units] == [unit.id for unit in french.units]
    assert chinese.units[[unit.id for unit in chinese.units].index("op.4")].text.startswith("鼓励")
    assert "para_9: no <num>" in chinese.meta["repairs"] and "operative" in chinese.meta["repairs"]
    assert "repairs" not in french.meta


def test_numbers_kept_in_the_text_are_found() -> None:
    arabic = parse(read_source(AKN / "ga/77session/Arabic/A_RES_77_185-2228806A.xml"))
    assert [unit.id for unit in arabic.units if unit.kind == "operative"] == [f"op.{n}" for n in range(1, 17)]


def test_items_take_their_place_in_the_list_whatever_letters_print() -> None:
    """The Russian S/RES/2618 (2022) letters op.16's items a) b) c) d) е) f): Latin, one Cyrillic."""
    for path in AKN.glob("sc/*/S_RES_2618*.xml"):
        ids = [unit.id for unit in parse(read_source(path)).units if unit.id.startswith("op.16")]
        assert ids == ["op.16"] + [f"op.16.{letter}" for letter in "abcdef"], path.parent.name


def test_security_council_files_without_preface() -> None:
    document = parse(read_source(AKN / "sc/German/S_RES_2619 (2022)-2201202G.xml"))
    cover = ["cover.publisher", "cover.body", "cover.distribution", "cover.date", "cover.number", "cover.adopted"]
    assert [unit.id for unit in document.units] == [*cover, "intro", "pre.1", "pre.2", "op.1", "op.2", "op.3"]
    assert document.units[6].text == "Der Sicherheitsrat,"
    assert document.units[5].text == "verabschiedet auf der 8961. Sitzung des Sicherheitsrats am 31. Januar 2022"


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


ENTITIES = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xx"><!ENTITY y "&x;&x;&x;&x;">]><akomaNtoso>&y;</akomaNtoso>'


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (ENTITIES.encode(), "declares a DTD or entities"),
        (ENTITIES.replace('"1.0"?', '"1.0" encoding="UTF-16"?').encode("utf-16"), "declares a DTD or entities"),
        (b'<!DOCTYPE akomaNtoso SYSTEM "http://127.0.0.1:9/x.dtd"><akomaNtoso/>', "declares a DTD or entities"),
        (b"<udhr><title>x</title></udhr>", "not Akoma Ntoso"),
        (b"<akomaNtoso><statement>", "broken Akoma Ntoso XML"),
        (b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement/></akomaNtoso>', "no document symbol"),
    ],
    ids=["entities", "entities-utf16", "external-dtd", "other-xml", "truncated", "no-identity"],
)
def test_hostile_or_foreign_xml_is_refused_in_one_line(tmp_path: Path, data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableInput, match=reason) as caught:
        read_source(_write(tmp_path, "doc.xml", data))
    assert "\n" not in str(caught.value)


def test_a_name_that_contradicts_the_content_is_refused(tmp_path: Path) -> None:
    data = (AKN / "ga/80session/French/A_RES_80_156-2520753F.xml").read_bytes()
    with pytest.raises(UnreadableInput, match="file name says A/RES/80/157 in 'fr' but the document states A/RES/80/156"):
        read_source(_write(tmp_path, "A_RES_80_157-2520753F.xml", data))


def _stating(tmp_path: Path, name: str, cover: str, work: str) -> Path:
    """A/RES/80/156's French file under `name`, its cover printing `cover` and its work URIs `work`."""
    text = (AKN / "ga/80session/French/A_RES_80_156-2520753F.xml").read_text(encoding="utf-8")
    text = text.replace(">A/RES/80/156<", f">{cover}<").replace("/80-156/", f"/{work}/")
    return _write(tmp_path, name, text.encode())


@pytest.mark.parametrize(
    ("name", "cover", "work", "symbol"),
    [
        # The UN's own files: A/RES/76/235 B's work URIs name no part, so it was A/RES/76/235 as part A is
        ("A_RES_76_235B_F.xml", "A/RES/76/235 B", "76-235", "A/RES/76/235B"),
        # A/RES/78/226's French work URIs say 76/226; its cover and its name are right
        ("A_RES_78_226-2325984F.xml", "A/RES/78/226", "76-226", "A/RES/78/226"),
        # one file holding both parts, named for the resolution: it was left out as contradicting its name
        ("A_RES_79_93-2423550F.xml", "A/RES/79/93 A-B", "79-93", "A/RES/79/93A-B"),
        # named with a space, which no symbol holds: it was refused as no symbol
        ("A_RES_77_256 A-B-2300172F.xml", "A/RES/77/256 A-B", "77-256", "A/RES/77/256A-B"),
        # A/RES/77/256's Arabic cover prints no parts where its work URIs name them
        ("A_RES_77_256-2300172F.xml", "A/RES/77/256", "77-256B", "A/RES/77/256B"),
    ],
    ids=["part-B", "cover-over-uri", "parts-in-one", "spaced-name", "parts-from-uri"],
)
def test_the_symbol_is_the_one_the_cover_prints(tmp_path: Path, name: str, cover: str, work: str, symbol: str) -> None:
    assert read_source(_stating(tmp_path, name, cover, work)).symbol == symbol


def test_a_name_for_other_parts_than_the_file_holds_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput, match="file name says A/RES/76/235A in 'fr' but the document states A/RES/76/235B"):
        read_source(_stating(tmp_path, "A_RES_76_235A_F.xml", "A/RES/76/235 B", "76-235"))


# A/RES/80/151's French recital that ends in a list, as the UN marks it up
LISTED_RECITAL = """<container name="Réaffirmant également" eId="container_6"><blockList><listIntroduction>
<span class="italic">	Réaffirmant également</span> que le Programme d’action d’Avaza s’articule autour de cinq domaines
d’action prioritaires :</listIntroduction>
<item><num>a)</num><p xml:space="preserve"> Transformation structurelle et science, technologie et innovation ;</p></item>
<item><num>b)</num><p xml:space="preserve"> Commerce, facilitation du commerce et intégration régionale ;</p></item>
<item><num>c)</num><p xml:space="preserve"> Transit, transport et connectivité ;</p></item>
<item><num>d)</num><p xml:space="preserve"> Renforcement des capacités d’adaptation et de la résilience par rapport aux
changements climatiques et aux catastrophes ;</p></item>
<item><num>e)</num><p xml:space="preserve"> Moyens de mise en œuvre,</p></item></blockList></container>"""


def test_a_recital_ending_in_a_list_gives_its_items_apart(tmp_path: Path) -> None:
    """As an operative paragraph's items: the Chinese and Russian files of A/RES/79/93 A put part A's
    operative paragraph and its items in the preamble, and French in the body, so one version's six units
    faced one unit."""
    text = (AKN / "ga/80session/French/A_RES_80_156-2520753F.xml").read_text(encoding="utf-8")
    text = text.replace('<container name="Réaffirmant également"', LISTED_RECITAL + '<container name="Réaffirmant également"', 1)
    units = {unit.id: unit.text for unit in parse(read_source(_write(tmp_path, "A_RES_80_156-2520753F.xml", text.encode()))).units}
    assert units["pre.2"].endswith("s’articule autour de cinq domaines d’action prioritaires :")
    assert units["pre.2.a"] == "Transformation structurelle et science, technologie et innovation ;"
    assert units["pre.2.e"] == "Moyens de mise en œuvre,"
    assert units["pre.3"].startswith("Réaffirmant également")


# A/RES/77/226's French operative paragraph 2, its point (a)'s own points in a <sublist> after it (of
# (i) to (xiii), the first two, shortened), as the UN marks them up
SUBLIST = """<paragraph eId="para_31" class="SingleTxt"><num>2.</num><list eId="para_31_list">
<intro eId="para_31_list_intro"><p xml:space="preserve">	<span class="italic">Se déclare très gravement préoccupée</span> par :</p></intro>
<point eId="para_31_list_point_a"><num>a)</num><content eId="para_31_list_point_a_content"><p xml:space="preserve"> la persistance d’informations faisant état de violations des droits humains, et notamment :</p></content></point>
<sublist eId="para_31_list_point_a_sublist">
<point eId="para_31_list_point_a_sublist_point_i"><num>i)</num><content eId="para_31_list_point_a_sublist_point_i_content">
<p xml:space="preserve"> la torture et les autres peines ou traitements cruels, inhumains ou dégradants ;</p></content></point>
<point eId="para_31_list_point_a_sublist_point_ii"><num>ii)</num><content eId="para_31_list_point_a_sublist_point_ii_content">
<p xml:space="preserve"> l’existence d’un vaste réseau de camps de prisonniers politiques ;</p></content></point>
</sublist>
<point eId="para_31_list_point_b"><num>b)</num><content eId="para_31_list_point_b_content"><p xml:space="preserve"> le refus constant du Gouvernement de reconnaître la situation ;</p></content></point></list></paragraph>"""


def test_a_sublist_after_an_item_is_read_one_level_down(tmp_path: Path) -> None:
    """The UN marks an item's own items as a <sublist> after it: in sessions 76-80, 1,079 of the 1,128
    paragraphs inside sublists (157 files, every language) were read into no block, and left out of
    the memory."""
    path = _with_paragraphs(tmp_path, SUBLIST)
    assert not archive.lost_paragraphs(path)
    blocks = read_source(path).blocks
    listed = [(block.number, block.text) for block in blocks if block.kind == "item"][:4]
    assert listed == [
        ("a", "la persistance d’informations faisant état de violations des droits humains, et notamment :"),
        ("a.i", "la torture et les autres peines ou traitements cruels, inhumains ou dégradants ;"),
        ("a.ii", "l’existence d’un vaste réseau de camps de prisonniers politiques ;"),
        ("b", "le refus constant du Gouvernement de reconnaître la situation ;"),
    ]


def _with_paragraphs(tmp_path: Path, before_first: str, deep: str = "") -> Path:
    """A/RES/80/156's French file with heading-only paragraphs put before its first operative paragraph
    (and `deep` before its eleventh), as the 79th session's French files print section marks and titles."""
    path = next(AKN.rglob("A_RES_80_156-2520753F.xml"))
    text = path.read_text(encoding="utf-8")
    text = text.replace('<paragraph eId="para_32" ', before_first + '<paragraph eId="para_32" ', 1)
    if deep:
        text = text.replace('<paragraph eId="para_87"', deep + '<paragraph eId="para_87"', 1)
    assert before_first in text and deep in text
    copy = tmp_path / path.name
    copy.write_text(text, encoding="utf-8")
    return copy


def test_a_paragraph_holding_a_subheading_alone_is_read() -> None:
    """A/RES/79/161's French file marks its sections as <paragraph><subheading>I</subheading></paragraph>
    then the section's title the same way; the reader dropped both, and with them some 350 units of text
    per language in each of the 78th and 79th sessions. The mark starts section I, the title is a unit."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        title = "Convention internationale sur l’élimination de toutes les formes de discrimination raciale"
        path = _with_paragraphs(Path(folder), f'<paragraph eId="x1"><subheading>\t\tI</subheading></paragraph>'
                                f'<paragraph eId="x2"><subheading>\t\t{title}</subheading></paragraph>')
        units = parse(read_source(path)).units
    assert [unit.id for unit in units if unit.text == title] == ["I.h.1"]
    assert "I.op.1" in {unit.id for unit in units} and "op.1" not in {unit.id for unit in units}


def test_a_preamble_heading_deep_in_the_body_loses_nothing_before_it(tmp_path: Path) -> None:
    """A/RES/79/1's annex (the Pact for the Future) has its own "Préambule" subheading, hundreds of
    paragraphs down: it is a heading there, and every paragraph before it stays a unit (they became the
    metadata's note, 559 units of text lost, when the subheading was first read)."""
    plain = parse(read_source(next(AKN.rglob("A_RES_80_156-2520753F.xml")))).units
    units = parse(read_source(_with_paragraphs(tmp_path, "", '<paragraph eId="x3"><subheading>Préambule</subheading></paragraph>'))).units
    assert {unit.text for unit in plain} <= {unit.text for unit in units}
    assert len(units) == len(plain) + 1


def test_the_title_after_the_cover_page_keeps_its_number() -> None:
    """The UN's files put the cover page before the preface; the title was then read as a part's own
    heading, without its "80/156.", and a title that reads like a cover line (A/RES/79/117's "Report of
    the Commission ... on the work of its fifty-seventh session") was taken for one."""
    document = parse(read_source(next(AKN.rglob("A_RES_80_156-2520753F.xml"))))
    assert document.meta["resolution"] == "80/156"
    assert [unit.text for unit in document.units if unit.kind == "title"] == ["Coopération Sud-Sud"]


def test_a_file_without_its_title_loses_nothing_before_its_first_heading(tmp_path: Path) -> None:
    """A/RES/79/300's Spanish file has no title: its first heading, three operative paragraphs down, was
    taken for it, and the enacting formula, the preamble and those paragraphs went to the metadata."""
    plain = parse(read_source(next(AKN.rglob("A_RES_80_156-2520753F.xml")))).units
    path = _with_paragraphs(tmp_path, "", '<paragraph eId="x3"><subheading>Mise en œuvre</subheading></paragraph>')
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'<docTitle refersTo="#resolutionTitle">.*?</docTitle>', "", text, count=1, flags=re.S), encoding="utf-8")
    units = parse(read_source(path)).units
    kept = {unit.text for unit in units}
    assert {unit.text for unit in plain if unit.kind != "title"} <= kept and "Mise en œuvre" in kept
    assert not [unit for unit in units if unit.kind == "title"]
