"""The lines around a resolution's body and the ids of its units. The cover page is translatable text:
each of its lines (the session, the agenda item and its name, "Resolution adopted by ...") is a unit
cover.<key>, from the UN's markup and from a converter's text alike, so that the versions pair line by
line; so are the meeting line and its date; and no two units of a document share an id."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.ingest import markdown, read_source
from align.model import Document, Source
from align.structure import parse
from tests.conftest import CORPORA

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

RESOLUTIONS = sorted((CORPORA / "un-akn" / "ga").glob("*/*/*.xml"))  # the six languages and German


def cover(document: Document) -> dict[str, str]:
    return {unit.id: unit.text for unit in document.units if unit.kind == "cover"}


def as_converted(lines: list[str], lang: str, symbol: str) -> Document:
    return parse(Source(Path(f"{lang}.md"), lang, symbol, tuple(markdown.read("\n\n".join(lines) + "\n"))))


@pytest.mark.parametrize("path", RESOLUTIONS, ids=lambda path: f"{path.parent.name}-{path.stem[:12]}")
def test_a_converters_cover_page_gives_the_units_the_markup_gives(path: Path) -> None:
    """Each line of the real cover page printed on a line of its own above the title, as a PDF converter
    gives it, is recognised by the language's header patterns: the same ids and texts as the markup's."""
    document = parse(read_source(path))
    title = next(unit for unit in document.units if unit.kind == "title")
    marked = cover(document)
    assert len(marked) >= 8 and "cover.session" in marked and "cover.adopted" in marked
    lines = [document.symbol, *marked.values(), f"## {document.symbol.removeprefix('A/RES/')}. {title.text}", "1. Décide de ..."]
    assert cover(as_converted(lines, document.lang, document.symbol)) == marked


def test_the_seed_cover_page(seed: Document) -> None:
    assert cover(seed) == {
        "cover.body": "Assemblée générale",
        "cover.distribution": "Distr. générale",
        "cover.date": "27 mars 2006",
        "cover.session": "Soixantième session",
        "cover.agenda": "Point 57, b, de l'ordre du jour",
        "cover.adopted": "Résolution adoptée par l'Assemblée générale le 22 décembre 2005",
        "cover.basis": "[sur la base du rapport de la Deuxième Commission (A/60/493/Add.2)]",
    }
    assert seed.units[len(cover(seed))].id == "title"


def test_lines_a_converter_ran_together_or_wrapped_are_put_right() -> None:
    """The date run into the distribution line, the adoption line wrapped before its year, the name of
    the agenda item under its number (no pattern knows it: its place does), "الأمــم" stretched by tatweel."""
    lines = [
        "الأمــم المتحـدة",
        "Distr.: General 18 December 2025",
        "البند 23 (ب) من جدول الأعمال",
        "الأنشطة التنفيذية من أجل التنمية",
        "قرار اتخذته الجمعية العامة في 15 كانون الأول/ديسمبر",
        "2025",
        "## 80/156. التعاون فيما بين بلدان الجنوب",
        "1 - يحيط علما",
    ]
    assert cover(as_converted(lines, "ar", "A/RES/80/156")) == {
        "cover.publisher": "الأمــم المتحـدة",
        "cover.distribution": "Distr.: General",
        "cover.date": "18 December 2025",
        "cover.agenda": "البند 23 (ب) من جدول الأعمال",
        "cover.agenda-name": "الأنشطة التنفيذية من أجل التنمية",
        "cover.adopted": "قرار اتخذته الجمعية العامة في 15 كانون الأول/ديسمبر 2025",
    }


@pytest.mark.parametrize("path", [path for path in RESOLUTIONS if "75_234" in path.name], ids=lambda path: path.parent.name)
def test_the_meeting_line_a_converter_glued_to_the_last_paragraph_is_its_own(path: Path) -> None:
    """The real last paragraph of 75/234 with the meeting line and its date run into it, as a converter
    that lost the blank line between them gives it: the paragraph, the meeting line and its date apart."""
    document = parse(read_source(path))
    units = {unit.id: unit for unit in document.units}
    last = [unit for unit in document.units if unit.kind == "operative"][-1]
    number = f"{last.number} -" if document.lang == "ar" else f"{last.number}."
    glued = f"{number} {last.text} {units['meeting'].text}  \n{units['meeting.date'].text}"
    read = as_converted([f"## 75/234. {units['title'].text}", glued], document.lang, document.symbol)
    assert [(unit.id, unit.text) for unit in read.units[1:]] == [
        (last.id, last.text), ("meeting", units["meeting"].text), ("meeting.date", units["meeting.date"].text)]



def test_a_numbering_the_markup_restarts_gives_no_two_units_one_id(tmp_path: Path) -> None:
    """An annex in two parts, each numbered from 1 under a heading of its own and no part marked, as the
    UN's XML of A/RES/78/128 has it (read from the XML, the whole 78th session's memory had 73 duplicate
    tuids): every unit has an id of its own, a repeat a "'" more, so that the memory has no two units under
    one tuid, and versions that restart alike still agree."""
    def paragraphs(*texts: str) -> str:
        return "".join(f"<paragraph><num>{n}.</num><content><p>{text}</p></content></paragraph>" for n, text in enumerate(texts, 1))

    xml = (f'<akomaNtoso xmlns="{AKN_NS}"><statement><meta><identification><FRBRWork>'
           '<FRBRuri value="/akn/un/statement/deliberation/unga/2023-12-19/78-128/"/></FRBRWork><FRBRExpression>'
           '<FRBRlanguage language="fra"/></FRBRExpression></identification></meta>'
           '<preface><p><docTitle>Titre</docTitle></p></preface>'
           f'<mainBody>{paragraphs("Décide de ...")}</mainBody>'
           '<attachments><attachment><doc name="annex"><mainBody>'
           f'<heading>Première partie</heading>{paragraphs("Premier paragraphe.", "Deuxième.")}'
           f'<heading>Deuxième partie</heading>{paragraphs("Premier paragraphe de la seconde partie.", "Et le second.")}'
           '</mainBody></doc></attachment></attachments></statement></akomaNtoso>')
    path = tmp_path / "A_RES_78_128-F.xml"
    path.write_text(xml, encoding="utf-8")
    document = parse(read_source(path))
    ids = [unit.id for unit in document.units]
    assert len(ids) == len(set(ids)), ids
    texts = {unit.id: unit.text for unit in document.units}
    assert (texts["annex.op.1"], texts["annex.op.1'"]) == ("Premier paragraphe.", "Premier paragraphe de la seconde partie.")


@pytest.mark.parametrize(
    ("lang", "glued", "title", "intro"),
    [
        ("ru", "80/9. Политическая декларация ... по борьбе с торговлей людьми Генеральная Ассамблея,", "Политическая декларация ... по борьбе с торговлей людьми", True),
        ("zh", "75/234. 南南合作大会，", "南南合作", True),
        ("en", "80/2. Report of the Security Council", "Report of the Security Council", False),
        ("fr", "80/2. Rapport présenté par le Conseil de sécurité,", "Rapport présenté par le Conseil de sécurité,", False),
    ],
)
def test_an_enacting_formula_run_onto_the_title_is_its_own_unit(lang: str, glued: str, title: str, intro: bool) -> None:
    """A converter's line by line text ran the formula into the title above it; a title that ends with
    the body's name, in lower case or with no comma, is no formula."""
    document = as_converted([glued, "1. Décide de ..."], lang, "A/RES/80/2")
    assert [unit.text for unit in document.units if unit.kind == "title"] == [title]
    assert any(unit.kind == "intro" for unit in document.units) == intro


def test_a_title_a_converter_cut_over_two_lines_is_whole() -> None:
    """A/RES/78/33, Chinese, line by line: the title's second line was read as a preambular paragraph,
    and the enacting formula under it as another."""
    lines = ["78/33. 国际法院关于“以核武器进行威胁或使用核武器的合法性”的咨询", "意见的后续行动", "大会，", "回顾其决议，", "1. 再次着重指出……；"]
    document = as_converted(lines, "zh", "A/RES/78/33")
    assert [(unit.id, unit.text) for unit in document.units[:3]] == [
        ("title", "国际法院关于“以核武器进行威胁或使用核武器的合法性”的咨询意见的后续行动"),
        ("intro", "大会，"),
        ("pre.1", "回顾其决议，"),
    ]
