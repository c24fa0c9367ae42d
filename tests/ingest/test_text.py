"""Plain text as PDF converters give it: pdfminer.six's text (the converter pdfplumber is built on) of
ODS PDFs printed from real resolutions (scripts/eval_real.py), notes at the foot of each page and their
raised numbers run into the text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from align.ingest import lines as by_line
from align.ingest import pagefoot, read_source
from align.model import Document
from align.structure import parse
from tests.conftest import CORPORA, script

real = script("eval_real")


@pytest.fixture(scope="module")
def versions() -> dict[str, dict[str, Document]]:
    return real.resolutions([CORPORA / "un-akn"])


def _as_pdfminer_reads(document: Document, folder: Path, lines_only: bool = False) -> Document:
    """The version's PDF as pdfminer gives it, or (`lines_only`) with no blank line between paragraphs,
    as pdftotext and PyMuPDF's get_text() give a page: lines, and nothing to tell where a paragraph ends."""
    path = real.printed_pdf(document, folder)
    text = real.pdf_text(path, "lines" if lines_only else "pdfminer")
    copy = path.with_suffix(".txt")
    copy.write_text(text, encoding="utf-8")
    return parse(read_source(copy, document.lang, document.symbol))


def _squashed(units) -> dict[str, str]:
    return {unit.id: "".join(unit.text.split()) for unit in units if unit.kind == "footnote"}


@pytest.mark.parametrize("lang", ["en", "es", "fr", "ru", "zh"])
def test_notes_at_the_page_foot_are_footnotes_and_their_numbers_references(versions, lang: str, tmp_path: Path) -> None:
    """A/RES/80/156, ten notes over six pages, some running over two lines or two chunks, numbers run into
    years ("2024-20346,") and Chinese brackets ("《巴黎协定》2"): before, they were paragraphs that cut the
    paragraph they interrupted in two, and fr-en link F1 over corpora/un-akn was 0.79."""
    document = versions["A/RES/80/156"][lang]
    read = _as_pdfminer_reads(document, tmp_path)
    assert _squashed(read.units) == _squashed(document.units)
    assert [number for unit in read.units for _, number in unit.marks] == [number for unit in document.units for _, number in unit.marks]


@pytest.mark.parametrize("lang", ["en", "es", "fr", "ru", "zh"])
def test_the_text_around_the_notes_is_the_resolution_s_units(versions, lang: str, tmp_path: Path) -> None:
    """Russian opens a preambular paragraph in lower case, as the text a page break cut runs on: pre.4
    ("... утвердила всеобъемлющий," | "рассчитанный на перспективу ...") stayed two paragraphs."""
    document = versions["A/RES/80/156"][lang]
    read = _as_pdfminer_reads(document, tmp_path)
    assert [(unit.id, unit.marks) for unit in read.units if unit.kind != "cover"] == [
        (unit.id, unit.marks) for unit in document.units
    ]


def test_a_security_council_cover_page_stays_above_the_enacting_formula(versions, tmp_path: Path) -> None:
    """S/RES/2619 (2022) has no title: the cover page's lines were read as its first preambular paragraphs."""
    document = versions["S/RES/2619(2022)"]["fr"]
    read = _as_pdfminer_reads(document, tmp_path)
    assert [unit.id for unit in read.units if unit.kind != "cover"] == [unit.id for unit in document.units]
    assert "Distr. générale" in {unit.text for unit in read.units if unit.kind == "cover"}


def test_numbers_set_apart_from_their_notes_find_their_text() -> None:
    """A page foot of A/RES/79/117 as pdfminer gives it: the small raised numbers in a column of their own,
    one note's text above its number, the next note's on the number's line."""
    page = [
        ["6. Takes note with interest of the decision of the Commission to mandate", "basis of the findings of the project on the stocktaking of developments in"],
        ["1 Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 17 (A/79/17).", "2"],
        ["Ibid., chap. IV, sect. D, and annex I.", "Ibid., chap. V, sect. C, and annex II.", "Ibid., chap. VII, sect. D, and annex IV."],
        ["3"],
        ["4"],
        ["05-49002 (E)"],
        ["that should be met with regard to informal"],
        ["Ibid., chap. XII, sects. A and B.2."],
        ["5", "6 Ibid., sect. B.1."],
    ]
    items = list(pagefoot.recover(page))
    assert items[1:5] == [
        (1, "Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 17 (A/79/17)."),
        (2, "Ibid., chap. IV, sect. D, and annex I."),
        (3, "Ibid., chap. V, sect. C, and annex II."),
        (4, "Ibid., chap. VII, sect. D, and annex IV."),
    ]
    assert items[5:] == [["05-49002 (E)"], ["that should be met with regard to informal"], (5, "Ibid., chap. XII, sects. A and B.2."), (6, "Ibid., sect. B.1.")]


def test_text_without_notes_at_its_page_foot_is_left_as_it_is() -> None:
    """Dates, operative paragraphs and a page number are no notes ("4 December 2024" under the meeting line)."""
    page = [["2. Decides to remain seized of the matter."], ["47th plenary meeting"], ["4 December 2024"], ["3"], None, ["1 - يقرر أن يبقي المسألة قيد نظره."]]
    assert list(pagefoot.recover(page)) == page


@pytest.mark.parametrize("symbol", ["A/RES/80/156", "A/RES/79/236"])
@pytest.mark.parametrize("lang", ["en", "es", "fr", "ru", "zh"])
def test_text_given_line_by_line_is_cut_into_its_paragraphs(versions, symbol: str, lang: str, tmp_path: Path) -> None:
    """Lines only: before, each page was one paragraph (PyMuPDF's text of corpora/un-akn: fr-en link F1
    0.62, fr-zh 0.25). The notes and their references are found as in pdfminer's own text."""
    document = versions[symbol][lang]
    read = _as_pdfminer_reads(document, tmp_path, lines_only=True)
    assert _squashed(read.units) == _squashed(document.units)
    assert [number for unit in read.units for _, number in unit.marks] == [number for unit in document.units for _, number in unit.marks]
    if lang in ("en", "es", "fr"):  # Russian and Chinese: see the page break after a comma above
        assert [unit.id for unit in read.units if unit.kind != "cover"] == [unit.id for unit in document.units]


def test_a_russian_preamble_given_line_by_line_keeps_its_paragraphs(versions, tmp_path: Path) -> None:
    """Russian opens its preambular paragraphs in lower case, so a full line ending with a comma before one
    ("... 24 декабря 2024 года," | "подтверждая свою резолюцию 70/1") was read as running on: A/RES/79/236
    lost four of its 25 preambular paragraphs, A/RES/80/156 six of 30. A participle that opens
    preambular paragraphs now cuts there; one that also follows a comma inside a paragraph, at a line's
    start, cuts it too ("..., руководствуясь принципами" in 80/156): one paragraph in two, not two in one."""
    document = versions["A/RES/79/236"]["ru"]
    read = _as_pdfminer_reads(document, tmp_path, lines_only=True)
    assert [unit.id for unit in read.units if unit.kind != "cover"] == [unit.id for unit in document.units]
    document = versions["A/RES/80/156"]["ru"]
    read = _as_pdfminer_reads(document, tmp_path, lines_only=True)
    preamble = [unit.text for unit in read.units if unit.kind == "preamble"]
    assert 30 <= len(preamble) <= 31
    assert "подтверждая свою резолюцию 70/1" in {" ".join(text.split()[:4]) for text in preamble}


@pytest.mark.parametrize("symbol", ["S/RES/2618(2022)", "S/RES/2619(2022)", "S/RES/2620(2022)"])
def test_an_enacting_formula_run_onto_the_line_above_it_stands_apart(versions, symbol: str, tmp_path: Path) -> None:
    """Line by line, "Adoptée par le Conseil de sécurité à sa 8964e séance, le 15 février 2022" and "Le
    Conseil de sécurité," became one paragraph: no enacting formula was found, and the cover page's lines
    were read as the first preambular paragraphs (fr-ar link F1 over corpora/un-akn 0.981)."""
    document = versions[symbol]["fr"]
    read = _as_pdfminer_reads(document, tmp_path, lines_only=True)
    assert [unit.id for unit in read.units if unit.kind != "cover"] == [unit.id for unit in document.units]
    assert "Adoptée par le Conseil de sécurité" in " ".join(read.meta.values())


@pytest.mark.parametrize("lines_only", [False, True])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_column_of_numbers_set_apart_gives_each_note_its_text(versions, lang: str, lines_only: bool, tmp_path: Path) -> None:
    """A/RES/80/9's second page foot: "5 United Nations, Treaty Series ...", "6", "7", three "Ibid."
    texts, "8", "9 Resolution 73/195, annex.": the texts went to the last number waiting (7) or, counted
    with a note's wrapped line, all ran on into note 5; line by line, that foot was not found and the
    notes stayed in the paragraph above."""
    document = versions["A/RES/80/9"][lang]
    read = _as_pdfminer_reads(document, tmp_path, lines_only=lines_only)
    assert _squashed(read.units) == _squashed(document.units)


@pytest.mark.parametrize(
    ("foot", "notes"),
    [
        (  # A/RES/78/103, Spanish: a note's line opening with a number is no note 17
            [["1 Documentos Oficiales de la Asamblea General, suplemento núm.", "17 (A/78/17)."]],
            [(1, "Documentos Oficiales de la Asamblea General, suplemento núm. 17 (A/78/17).")],
        ),
        (  # A/RES/78/103, Spanish, PyMuPDF: the same, the note's number printed apart above its text
            [["1"], ["Documentos Oficiales de la Asamblea General, suplemento núm.", "17 (A/78/17)."]],
            [(1, "Documentos Oficiales de la Asamblea General, suplemento núm. 17 (A/78/17).")],
        ),
        (  # A/RES/78/208, English: the column of numbers printed between a note and its last line
            [["1 See Official Records, Supplement No. 53 and corrigendum", "2", "3"], ["(A/67/53), chap. III.", "Ibid., chap. IV.", "Ibid."]],
            [(1, "See Official Records, Supplement No. 53 and corrigendum (A/67/53), chap. III."), (2, "Ibid., chap. IV."), (3, "Ibid.")],
        ),
        (  # A/RES/78/208, French: the texts above their numbers, under a note run over two lines
            [["1 Voir Documents officiels (A/67/53),", "chap. III, sect. A.", "Ibid., chap. IV.", "Ibid."], ["2"], ["3"]],
            [(1, "Voir Documents officiels (A/67/53), chap. III, sect. A."), (2, "Ibid., chap. IV."), (3, "Ibid.")],
        ),
    ],
)
def test_the_lines_of_a_page_foot_go_to_their_notes(foot: list[list[str]], notes: list[tuple[int, str]]) -> None:
    page = [["the last paragraph of the page,1 runs on2 to3 its end."], *foot, ["05-49002 (F)"]]
    assert [item for item in pagefoot.recover(page) if isinstance(item, tuple)] == notes


@pytest.mark.parametrize(
    ("page", "notes"),
    [
        (  # A/RES/78/103, Spanish: a note cut after a citation's abbreviation, another's lines a chunk of
            # their own at the page's end; before, the notes were paragraphs
            [
                ["regionales y reafirmadas por la Comisión en su 53er período de sesiones1, y a promover el"],
                ["1 Ibid., septuagésimo quinto período de sesiones, suplemento núm. 17 (A/75/17), segunda parte, cap. X, secc."],
                ["C.4."],
                ["2 Incluidos el Convenio Aduanero sobre Contenedores (Ginebra, 2 de diciembre de 1972), el Convenio"],
                [
                    "Aduanero sobre Importación Temporal de Vehículos Comerciales de Transporte por Carretera (Ginebra, 18",
                    "de mayo de 1956), el Convenio Aduanero Relativo al Transporte Internacional de Mercancías al Amparo de",
                    "los Cuadernos TIR (Ginebra, 14 de noviembre de 1975), el Convenio Internacional sobre la Armonización de",
                    "los Controles de Mercancías en las Fronteras (Ginebra, 21 de octubre de 1982) y el Acuerdo sobre",
                ],
            ],
            [
                (1, "Ibid., septuagésimo quinto período de sesiones, suplemento núm. 17 (A/75/17), segunda parte, cap. X, secc. C.4."),
                (
                    2,
                    "Incluidos el Convenio Aduanero sobre Contenedores (Ginebra, 2 de diciembre de 1972), el Convenio Aduanero sobre "
                    "Importación Temporal de Vehículos Comerciales de Transporte por Carretera (Ginebra, 18 de mayo de 1956), el "
                    "Convenio Aduanero Relativo al Transporte Internacional de Mercancías al Amparo de los Cuadernos TIR (Ginebra, "
                    "14 de noviembre de 1975), el Convenio Internacional sobre la Armonización de los Controles de Mercancías en "
                    "las Fronteras (Ginebra, 21 de octubre de 1982) y el Acuerdo sobre",
                ),
            ],
        ),
        (  # A/RES/78/132, French: a note citing a year's resolutions is no date
            [
                ["ses résolutions antérieures sur la question1,", "ainsi que les résolutions antérieures du Conseil sur la question2,"],
                ["1 Résolutions 56/183, 57/238, 59/220, 60/252, 62/182, 63/202, 64/187, 65/141, 66/184, 67/195, 68/198,"],
                ["69/204, 70/184, 71/212, 72/200, 73/218, 74/197, 75/202 et 76/189."],
                ["2 Résolutions 2006/46, 2008/3, 2009/7, 2010/2, 2011/16, 2012/5, 2013/9, 2014/27, 2015/26, 2016/22,"],
                ["2017/21, 2018/28, 2019/24, 2020/12, 2021/28 et 2022/15 du Conseil économique et social."],
            ],
            [
                (1, "Résolutions 56/183, 57/238, 59/220, 60/252, 62/182, 63/202, 64/187, 65/141, 66/184, 67/195, 68/198, 69/204, 70/184, 71/212, 72/200, 73/218, 74/197, 75/202 et 76/189."),
                (2, "Résolutions 2006/46, 2008/3, 2009/7, 2010/2, 2011/16, 2012/5, 2013/9, 2014/27, 2015/26, 2016/22, 2017/21, 2018/28, 2019/24, 2020/12, 2021/28 et 2022/15 du Conseil économique et social."),
            ],
        ),
        (  # A/RES/78/152, French: a text above the foot whose number is printed apart under a note
            [
                ["Rappelant en outre la Déclaration de Sendai1 et le Cadre de Sendai pour la", "réduction des risques de catastrophe (2015-2030)2,"],
                ["Rappelant la Déclaration de Rio sur l’environnement et le développement3,"],
                ["Ibid., annexe II."],
                ["1 Résolution 69/283, annexe I.", "2", "3 Rapport de la Conférence des Nations Unies sur l’environnement et le développement."],
            ],
            [(1, "Résolution 69/283, annexe I."), (2, "Ibid., annexe II."), (3, "Rapport de la Conférence des Nations Unies sur l’environnement et le développement.")],
        ),
        (  # A/RES/78/6, Chinese line by line: the text of a number printed apart run into the paragraph above
            [
                ["21. 依然欢迎2013年2月12日安全理事会主席声明，9 安理会在该声明中重申其之前的呼吁；"],
                [
                    "31. 邀请国际刑事法院依照《关系协定》第6条的规定，酌情提交法院2023/24年度活动报告，供",
                    "S/PRST/2013/2；见《安全理事会决议及决定，2012年8月1日至2013年7月31日》(S/INF/68)。",
                ],
                ["9", "10 《大会正式记录，第七十八届会议，补编第1号》(A/78/1)。"],
            ],
            [(9, "S/PRST/2013/2；见《安全理事会决议及决定，2012年8月1日至2013年7月31日》(S/INF/68)。"), (10, "《大会正式记录，第七十八届会议，补编第1号》(A/78/1)。")],
        ),
        (  # A/RES/78/152, French line by line (notes 29-31 as 1-3): a note citing a volume that reads as a year is no date
            [
                ["tenu du cycle des réunions du Conseil économique et social1, du forum politique2 et de l’examen3",
                 "1 Résolution 69/313, annexe."],
                ["2 Nations Unies, Recueil des Traités, vol. 1760, no 30619."],
                ["3 Ibid., vol. 1954, no 33480."],
            ],
            [(1, "Résolution 69/313, annexe."), (2, "Nations Unies, Recueil des Traités, vol. 1760, no 30619."), (3, "Ibid., vol. 1954, no 33480.")],
        ),
        (  # A/RES/78/66, Russian line by line: nor one opening with a year
            [
                ["1. подчеркивает жизненно важное значение Договора1 и настоятельную",
                 "1 Конференция 2010 года участников Договора о нераспространении ядерного оружия по",
                 "рассмотрению действия Договора, Заключительный документ, т. I [NPT/CONF.2010/50 (Vol. I)], ч. I,",
                 "Выводы и рекомендации в отношении последующих действий."],
            ],
            [(1, "Конференция 2010 года участников Договора о нераспространении ядерного оружия по рассмотрению действия "
                 "Договора, Заключительный документ, т. I [NPT/CONF.2010/50 (Vol. I)], ч. I, Выводы и рекомендации в "
                 "отношении последующих действий.")],
        ),
        (  # A/RES/79/258 B, Spanish line by line: the page's first notes, run into its last paragraph, are
            # not the one expected (the notes before them were lost)
            [
                ["Habiendo examinado el informe del Secretario General2 y el informe conexo de", "la Comisión Consultiva3,"],
                ["7. Aprueba consignaciones adicionales por valor de 774.200 dólares de los",
                 "Estados Unidos en el proyecto de presupuesto por programas para 2025, que", "2 A/79/726.", "3 A/79/7/Add.46."],
            ],
            [(2, "A/79/726."), (3, "A/79/7/Add.46.")],
        ),
        (  # A/RES/78/136, Spanish line by line: texts of several lines each, set apart from their numbers
            [
                ["hizo suyo el Consenso de Monterrey3, la Declaración de Río4, el Programa 215, el Plan 216 y el Plan de Aplicación7,"],
                [
                    "1 Resolución 63/239, anexo.", "2 Resolución 55/2.", "3", "4",
                    "Informe de la Conferencia Internacional sobre la Financiación para el Desarrollo, Monterrey (México), 18 a",
                    "22 de marzo de 2002, cap. I, resolución 1,",
                    "anexo.",
                    "Informe de la Conferencia de las Naciones Unidas sobre el Medio Ambiente y el Desarrollo, Río de Janeiro, 3",
                    "a 14 de junio de 1992, resolución 1, anexo I.",
                    "Ibid., anexo II.", "5", "6 Resolución S-19/2, anexo.", "7",
                    "Informe de la Cumbre Mundial sobre el Desarrollo Sostenible, Johannesburgo (Sudáfrica), 26 de agosto a 4",
                    "de septiembre de 2002, cap.",
                    "I, resolución 2, anexo.",
                ],
            ],
            [
                (1, "Resolución 63/239, anexo."),
                (2, "Resolución 55/2."),
                (3, "Informe de la Conferencia Internacional sobre la Financiación para el Desarrollo, Monterrey (México), 18 a 22 de marzo de 2002, cap. I, resolución 1, anexo."),
                (4, "Informe de la Conferencia de las Naciones Unidas sobre el Medio Ambiente y el Desarrollo, Río de Janeiro, 3 a 14 de junio de 1992, resolución 1, anexo I."),
                (5, "Ibid., anexo II."),
                (6, "Resolución S-19/2, anexo."),
                (7, "Informe de la Cumbre Mundial sobre el Desarrollo Sostenible, Johannesburgo (Sudáfrica), 26 de agosto a 4 de septiembre de 2002, cap. I, resolución 2, anexo."),
            ],
        ),
        (  # A/RES/79/168, French line by line: the column of numbers printed out of order
            [
                ["2023, et les résolutions 18/6 du 29 septembre 20111, 33/3 du 29 septembre",
                 "20162, 36/4 du 28 septembre 20173, 39/4 du 27 septembre 20184, 42/8 du 26"],
                [
                    "1 Voir Documents officiels de l’Assemblée générale, soixante-sixième session, Supplément no 53A",
                    "3", "2", "4", "5",
                    "(A/66/53/Add.1), chap. II.",
                    "Ibid., soixante et onzième session, Supplément no 53A et rectificatif (A/71/53/Add.1 et",
                    "A/71/53/Add.1/Corr.1), chap. II.",
                    "Ibid., soixante-douzième session, Supplément no 53A (A/72/53/Add.1), chap. III.",
                    "Ibid., soixante-treizième session, Supplément no 53A (A/73/53/Add.1), chap. III.",
                    "Ibid., soixante-quatorzième session, Supplément no 53A (A/74/53/Add.1), chap. III.",
                ],
            ],
            [
                (1, "Voir Documents officiels de l’Assemblée générale, soixante-sixième session, Supplément no 53A "
                    "(A/66/53/Add.1), chap. II."),
                (2, "Ibid., soixante et onzième session, Supplément no 53A et rectificatif (A/71/53/Add.1 et "
                    "A/71/53/Add.1/Corr.1), chap. II."),
                (3, "Ibid., soixante-douzième session, Supplément no 53A (A/72/53/Add.1), chap. III."),
                (4, "Ibid., soixante-treizième session, Supplément no 53A (A/73/53/Add.1), chap. III."),
                (5, "Ibid., soixante-quatorzième session, Supplément no 53A (A/74/53/Add.1), chap. III."),
            ],
        ),
        (  # A/RES/79/129, Spanish line by line: a note's third line opens with a date's day, "26"
            [
                ["decidió establecer la Oficina de Lucha contra el Terrorismo,"],
                [
                    "1 Resolución 60/288.",
                    "2 Exámenes primero a octavo de la Estrategia, que tuvieron lugar los días 4 y 5 de septiembre de 2008, 8 de",
                    "septiembre de 2010, 28 y 29 de junio de 2012, 12 y 13 de junio de 2014, 30 de junio y 1 de julio de 2016,",
                    "26 y 27 de junio de 2018, 30 de junio y 6 y 7 de julio de 2021, y 22 y 23 de junio de 2023, respectivamente.",
                    "3 Resoluciones 62/272, 64/297, 66/282, 68/276, 70/291, 72/284, 75/291 y 77/298.",
                    "4 Véanse A/62/PV.117, A/62/PV.118.",
                    "5 Resolución 50/6.",
                    "6 Resolución 75/1.",
                ],
            ],
            [
                (1, "Resolución 60/288."),
                (2, "Exámenes primero a octavo de la Estrategia, que tuvieron lugar los días 4 y 5 de septiembre de 2008, 8 de "
                    "septiembre de 2010, 28 y 29 de junio de 2012, 12 y 13 de junio de 2014, 30 de junio y 1 de julio de 2016, "
                    "26 y 27 de junio de 2018, 30 de junio y 6 y 7 de julio de 2021, y 22 y 23 de junio de 2023, respectivamente."),
                (3, "Resoluciones 62/272, 64/297, 66/282, 68/276, 70/291, 72/284, 75/291 y 77/298."),
                (4, "Véanse A/62/PV.117, A/62/PV.118."),
                (5, "Resolución 50/6."),
                (6, "Resolución 75/1."),
            ],
        ),
        (  # A/RES/79/209, Chinese by pdfminer: note 8's sales number cut at its line's end, "C.03.II.A." | "1和更正)"
            [
                ["重申《关于环境与发展的里约宣言》6 及其各项原则，"],
                ["考虑到《21世纪议程》7 和《可持续发展问题世界首脑会议执行计划》，8"],
                [
                    "6 《联合国环境与发展会议的报告，1992年6月3日至14日，里约热内卢》，第一卷，《环发会议通过的决议》(联合国出版物，",
                ],
                ["出售品编号：C.93.I.8和更正)，决议1，附件一。"],
                ["7 同上，附件二。", "8 《可持续发展问题世界首脑会议的报告，2002年8月26日至9月4日，南非约翰内斯堡》(联合国出版物，出售品编号：C.03.II.A."],
                ["1和更正)，第一章，决议2，附件。"],
            ],
            [
                (6, "《联合国环境与发展会议的报告，1992年6月3日至14日，里约热内卢》，第一卷，《环发会议通过的决议》(联合国出版物，"
                    "出售品编号：C.93.I.8和更正)，决议1，附件一。"),
                (7, "同上，附件二。"),
                (8, "《可持续发展问题世界首脑会议的报告，2002年8月26日至9月4日，南非约翰内斯堡》(联合国出版物，出售品编号：C.03.II.A."
                    "1和更正)，第一章，决议2，附件。"),
            ],
        ),
    ],
)
def test_a_page_foot_s_notes_as_converters_printed_real_pages(page: list[list[str]], notes: list[tuple[int, str]]) -> None:
    """Page feet of held-out resolutions as converters printed them, trimmed to the lines that matter: each
    case failed before its fix (its notes read as paragraphs, or given to the wrong number); every line of
    the page ends up in the text or in a note, once."""
    items = list(pagefoot.recover([*page, ["05-49003 (S)"]]))
    assert [item for item in items if isinstance(item, tuple)] == notes
    body = [line for item in items if isinstance(item, list) for line in item]
    assert not any(line in text for line in body for _, text in notes)
    kept = re.sub(r"\[\^([0-9]+)\]", r"\1", " ".join(body + [text for _, text in notes]))  # references as printed
    assert all(line.lstrip("0123456789 ")[:20] in kept for chunk in page for line in chunk)  # no line lost


@pytest.mark.parametrize("symbol", ["A/RES/77/185", "A/RES/80/156"])
def test_a_chinese_preamble_given_line_by_line_keeps_its_paragraphs(versions, symbol: str, tmp_path: Path) -> None:
    """A Chinese line ending with a comma, or with a note's number after it ("...第50/17号决议，11"), fills
    the line as often as not, and a preambular paragraph opens with no capital to show it: A/RES/80/156
    lost 3 of its 30 preambular paragraphs, run into the one above. The verbs that open preambular
    paragraphs ("又回顾", "在这方面，还深为关切") now cut there, and a line end that cuts nothing adds
    no space to Chinese."""
    document = versions[symbol]["zh"]
    read = _as_pdfminer_reads(document, tmp_path, lines_only=True)
    assert [unit.id for unit in read.units if unit.kind != "cover"] == [unit.id for unit in document.units]
    truth = {unit.id: unit.text for unit in document.units}
    assert all(unit.text.count(" ") <= truth[unit.id].count(" ") for unit in read.units if unit.kind != "cover")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (  # A/RES/78/208
            "признавая также, что уважение прав человека, защита демократических\nинститутов и принципов и продвижение "
            "верховенства права создают\nусловия, в которых страны могут содействовать развитию,\nкоренных народов, лиц, "
            "принадлежащих к меньшинствам,",
            "правозащитников, гражданского общества, бизнеса и частного сектора,\nнаучных и академических кругов и всех "
            "других заинтересованных сторон,",
        ),
        (  # A/RES/78/152
            "отмечая, что явление Эль‑Ниньо носит циклический характер и может\nприводить к возникновению масштабных "
            "опасных природных явлений,\nкраткосрочные и долгосрочные последствия для здоровья людей,",
            "состояния экономики и производства продовольствия на местном,\nрегиональном и глобальном уровнях и особенно "
            "пагубно сказалось на\nположении лиц, зарабатывающих на жизнь сельским хозяйством,",
        ),
    ],
    ids=["78-208", "78-152"],
)
def test_a_russian_preambular_paragraph_a_page_break_cut_is_whole(before: str, after: str, tmp_path: Path) -> None:
    """Russian opens a preambular paragraph with a participle in lower case; a noun ending as one might
    ("правозащитников", "состояния") after a page break runs on: it was read as a paragraph of its own."""
    text = f"A/RES/78/152\n\nГенеральная Ассамблея,\n\n{before}\n\n05-49003 (R)\n\n3\n\nA/RES/78/152\n\n{after}\n\n1. Постановляет;\n"
    path = tmp_path / "A_RES_78_152-ru.txt"
    path.write_text(text, encoding="utf-8")
    preamble = [unit for unit in parse(read_source(path, "ru", "A/RES/78/152")).units if unit.kind == "preamble"]
    assert len(preamble) == 1
    assert preamble[0].text.endswith(after.split("\n")[-1])


def test_a_line_opening_with_a_resolution_s_session_runs_on() -> None:
    """A/RES/78/89, French, line by line: "... 1514 (XV) du 14 décembre 1960 et 1541" | "(XV) du 15 décembre
    1960 ..." was cut as if "(XV)" were an item's letter."""
    chunk = [
        "le peuple des Îles Vierges britanniques et qu’elles sont conformes aux principes",
        "clairement définis dans ses résolutions 1514 (XV) du 14 décembre 1960 et 1541",
        "(XV) du 15 décembre 1960 et d’autres résolutions qu’elle a adoptées,",
    ]
    assert by_line.paragraphs(chunk, 80.0) == [chunk]


def test_a_russian_annex_given_line_by_line_keeps_its_heading_and_items(versions, tmp_path: Path) -> None:
    """A/RES/80/9, Russian, line by line: the annex's heading "Приложение" ran onto the meeting line above
    it, so the declaration's paragraphs were read as the resolution's own (op.1 to op.50), and its items
    "а)" to "д)" ran into the paragraph above them: 18 of its 66 units were right."""
    document = versions["A/RES/80/9"]["ru"]
    read = _as_pdfminer_reads(document, tmp_path, lines_only=True)
    assert [unit.id for unit in read.units if unit.kind != "cover"] == [unit.id for unit in document.units]
    assert _squashed(read.units) == _squashed(document.units)


def test_the_cover_page_s_basis_line_is_its_own() -> None:
    """A/RES/78/208, English, line by line: the basis line ran onto the adoption line above it, so the
    cover's "adopted" unit held both and no version's basis paired."""
    chunk = [
        "Resolution adopted by the General Assembly on 19 December 2023",
        "[on the report of the Third Committee (A/78/481/Add.2, para. 139)]",
        "78/208. Strengthening the role of the United Nations in the",
    ]
    assert by_line.paragraphs(chunk, 78.0)[:2] == [chunk[:1], chunk[1:2]]


def test_a_section_s_title_run_into_its_first_paragraph_is_a_heading(versions, tmp_path: Path) -> None:
    """A/RES/79/258 B, Spanish, line by line: the title of section I ends a line with no punctuation
    ("... relativa a las medidas para combatir la islamofobia") and the first preambular paragraph opens
    the next ("Habiendo examinado el informe ..."): they were one preambular paragraph. The words that open
    preambular paragraphs cut a part's title off the paragraph under it."""
    document = versions["A/RES/79/258B"]["es"]
    read = _as_pdfminer_reads(document, tmp_path, lines_only=True)
    headings = {unit.id: unit.text for unit in read.units if unit.kind == "heading"}
    assert headings == {unit.id: unit.text for unit in document.units if unit.kind == "heading"}


def test_a_line_of_a_list_of_resolutions_runs_on_whatever_its_length() -> None:
    """A/RES/79/16, French, line by line: a line of resolutions and dates, its digits wide, is as short as a
    paragraph's last line and ends with a comma; the next opened with the next resolution ("33/64 du ..."),
    and the recital was cut in four. No paragraph opens with a digit but a numbered one."""
    chunk = [
        "Rappelant ses résolutions 3263 (XXIX) du 9 décembre 1974, 3474 (XXX) du 11",
        "décembre 1975, 31/71 du 10 décembre 1976, 32/82 du 12 décembre 1977,",
        "33/64 du 14 décembre 1978, 34/77 du 11 décembre 1979, 35/147 du 12",
        "décembre 1980, 36/87 A et B du 9 décembre 1981, 37/75 du 9 décembre 1982,",
    ]
    assert by_line.paragraphs(chunk, 78.0) == [chunk]


def test_a_chinese_line_opening_with_digits_is_not_one_word() -> None:
    """A/RES/78/21, Chinese, line by line: "2023年12月4日大会决议" was taken for one word as wide as the line, which
    would not have fitted after the agenda item's name above it, so the two cover lines were one."""
    chunk = ["防止外层空间的军备竞赛：不首先在外层空间放置武器", "2023年12月4日大会决议"]
    assert by_line.paragraphs(chunk, 82.0) == [chunk[:1], chunk[1:]]


def test_a_one_page_resolution_given_line_by_line_keeps_its_paragraphs(tmp_path: Path) -> None:
    """A/RES/78/124 (English, as pdftotext prints it): its cover lines, short, are most of its lines, so
    what three lines in four reach was no full line, and the title, the enacting formula, the operative
    paragraph and the meeting line ran together."""
    lines = [
        "A/RES/78/124", "United Nations", "A/RES/78/124", "General Assembly", "Distr.: General", "21 December 2023",
        "Seventy-eighth session", "Agenda item 3 (b)",
        "Credentials of representatives to the seventy-eighth session of the General",
        "Assembly: report of the Credentials Committee",
        "Resolution adopted by the General Assembly on 18 December 2023",
        "[without reference to a Main Committee (A/78/605, para. 14)]",
        "78/124. Credentials of representatives to the seventy-eighth", "session of the General Assembly",
        "The General Assembly,", "Having considered the report of the Credentials Committee and the",
        "recommendation contained therein,", "1. Approves the report of the Credentials Committee.1",
        "48th plenary meeting 18 December 2023", "1 A/78/605.", "05-49001 (E)", "1",
    ]
    path = tmp_path / "A_RES_78_124-en.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    document = parse(read_source(path, "en", "A/RES/78/124"))
    units = {unit.id: unit.text for unit in document.units if unit.kind != "cover"}
    assert list(units) == ["title", "intro", "pre.1", "op.1", "meeting", "meeting.date", "fn.1"]
    assert units["title"] == "Credentials of representatives to the seventy-eighth session of the General Assembly"
    assert units["pre.1"] == "Having considered the report of the Credentials Committee and the recommendation contained therein,"
    assert units["op.1"].startswith("Approves the report of the Credentials Committee.")
