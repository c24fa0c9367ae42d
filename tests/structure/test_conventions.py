"""UN editorial conventions of the six languages, on short real-looking snippets."""

from pathlib import Path

import pytest

from align.ingest import markdown
from align.model import Source
from align.structure import parse


def units(text: str, lang: str) -> list[tuple[str, str]]:
    document = parse(Source(Path("x.md"), lang, "A/RES/1/1", tuple(markdown.read(text))))
    return [(unit.id, unit.text) for unit in document.units]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "1. Decides:\n\n(a) To act;\n\n(b) To report;\n\n(i) First;\n\n(ii) Second;",
         [("op.1", "Decides:"), ("op.1.a", "To act;"), ("op.1.b", "To report;"), ("op.1.b.i", "First;"), ("op.1.b.ii", "Second;")]),
        ("fr", "1. Décide :\n\na) D'agir ;\n\nb) De rendre compte ;",
         [("op.1", "Décide :"), ("op.1.a", "D'agir ;"), ("op.1.b", "De rendre compte ;")]),
        ("es", "2. Decide:\n\na) Actuar;\n\nb) Informar;", [("op.2", "Decide:"), ("op.2.a", "Actuar;"), ("op.2.b", "Informar;")]),
        ("ru", "3. постановляет:\n\nа) действовать;\n\nб) сообщить;",
         [("op.3", "постановляет:"), ("op.3.a", "действовать;"), ("op.3.b", "сообщить;")]),
        ("ar", "1 - تقرر:\n\n(أ) أن تعمل؛\n\n(ب) أن تقدم تقريرا؛\n\n(هـ) أن تتابع؛",
         [("op.1", "تقرر:"), ("op.1.a", "أن تعمل؛"), ("op.1.b", "أن تقدم تقريرا؛"), ("op.1.e", "أن تتابع؛")]),
        ("ar", "١٢ - ترحب بالتقرير؛", [("op.12", "ترحب بالتقرير؛")]),
        ("zh", "1. 欣见报告；\n\n(a) 行动；", [("op.1", "欣见报告；"), ("op.1.a", "行动；")]),
        # A/RES/79/289, its item mark on a line of its own as a converter wraps it
        ("zh", "3. 还决定高级别会议的安排如下：\n\n(a)\n开幕部分将于上午9时至9时45分举行；\n\n(b)\n全体部分将于上午9时45分至中午12时举行；",
         [("op.3", "还决定高级别会议的安排如下："), ("op.3.a", "开幕部分将于上午9时至9时45分举行；"), ("op.3.b", "全体部分将于上午9时45分至中午12时举行；")]),
        ("zh", "## 第十一条\n\n1. 凡受刑事控告者。\n\n2. 任何人。",
         [("art.11.h", "第十一条"), ("art.11.1", "凡受刑事控告者。"), ("art.11.2", "任何人。")]),
        ("fr", "## Article premier\n\nTous les êtres humains.", [("art.1.h", "Article premier"), ("art.1", "Tous les êtres humains.")]),
        ("ru", "## Статья 2\n\nКаждый человек.\n\nКроме того.",
         [("art.2.h", "Статья 2"), ("art.2.1", "Каждый человек."), ("art.2.2", "Кроме того.")]),
    ],
)
def test_numbering(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert units(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "joined"),
    [
        ("fr", "1. Invite les pays à verser des contributions aux deux fonds\n\n---\n\n<sup>5</sup> A/55/74.\n\nsusmentionnés ;",
         "Invite les pays à verser des contributions aux deux fonds susmentionnés ;"),
        ("zh", "1. 邀请所有国家向上述两个基金\n\n---\n\n<sup>5</sup> A/55/74。\n\n捐款；", "邀请所有国家向上述两个基金捐款；"),
        ("ru", "1. предлагает всем странам\n\n\f\n\n5\n\nA/RES/60/212\n\nвносить взносы;", "предлагает всем странам вносить взносы;"),
    ],
)
def test_page_break_rejoin(lang: str, text: str, joined: str) -> None:
    found = units(text, lang)
    assert found[0] == ("op.1", joined)
    assert all(unit_id.startswith("fn.") for unit_id, _ in found[1:])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. Notes the report;\n\n---\n\n2. Decides to continue.", ["op.1", "op.2"]),  # ends with ";": not rejoined
        ("*Recalling* its resolution,\n\n---\n\n*Noting* the report,", ["pre.1", "pre.2"]),
        ("1. Notes\n\n05-49777 (E)\n\n3\n\nthe report;", ["op.1"]),  # job number and page number dropped
    ],
)
def test_no_false_rejoin_and_furniture_dropped(text: str, expected: list[str]) -> None:
    assert [unit_id for unit_id, _ in units(text, "en")] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a converter wrapped the line after the number; Chinese lines join without a space (A/RES/75/234)
        ("zh", "4.\n鼓励在努力应对COVID-19和从中恢复方面继续开展和推进南南合作；",
         [("op.4", "鼓励在努力应对COVID-19和从中恢复方面继续开展和推进南南合作；")]),
        ("fr", "5.Réaffirme son appui au Comité de haut niveau ;", [("op.5", "Réaffirme son appui au Comité de haut niveau ;")]),
        # never a decimal or a thousand
        ("zh", "1.5摄氏度的目标", [("pre.1", "1.5摄氏度的目标")]),
        ("fr", "10.000 personnes ont été déplacées,", [("pre.1", "10.000 personnes ont été déplacées,")]),
    ],
)
def test_a_number_the_text_runs_into_is_still_the_paragraph_number(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert units(text, lang) == expected


def test_a_preambular_paragraph_opens_after_the_reference_ending_the_one_above() -> None:
    """A/RES/78/159, English, line by line: "... the Monterrey Consensus,8" ran into "Reaffirming the United
    Nations Convention on the Law of the Sea": the note's reference stood between the comma and the
    opening word, and the two were one preambular paragraph."""
    text = (
        "The General Assembly,\n\nRecalling the outcome document to Review the Implementation of the Monterrey Consensus,[^8] "
        "Reaffirming the United Nations Convention on the Law of the Sea,[^9] which provides the legal framework,\n\n"
        "---\n\n[^8]: Resolution 63/239, annex.\n\n[^9]: United Nations, Treaty Series, vol. 1833, No. 31363."
    )
    assert [unit_id for unit_id, _ in units(text, "en")] == ["intro", "pre.1", "pre.2", "fn.8", "fn.9"]


def test_a_cover_line_s_first_word_does_not_stop_a_paragraph_running_on() -> None:
    """A/RES/78/208, English: the agenda item "Promotion and protection of human rights ..." made
    "promotion" a word that opens paragraphs, so "Reaffirming that United Nations electoral assistance and
    support for the" | page break | "promotion of democratization are provided ..." stayed two units."""
    text = (
        "Agenda item 71 (b)\n\nPromotion and protection of human rights: human rights questions\n\n"
        "78/208. Strengthening the role of the United Nations in the promotion of democratization\n\n"
        "The General Assembly,\n\nReaffirming that United Nations electoral assistance and support for the\n\n"
        "05-49002 (E)\n\n2\n\nA/RES/78/208\n\n"
        "promotion of democratization are provided only at the specific request of the Member State concerned,"
    )
    assert units(text, "en")[-1] == (
        "pre.1",
        "Reaffirming that United Nations electoral assistance and support for the promotion of democratization "
        "are provided only at the specific request of the Member State concerned,",
    )


def test_a_recital_after_a_page_break_opens_as_the_ones_before_it() -> None:
    """The Russian UDHR ends its recitals "...; и" and opens each with "принимая во внимание": a page break
    after the second, the third opens a unit of its own (it ran into the second when only recitals ending
    with a comma or semicolon taught which words open one)."""
    text = (
        "## ПРЕАМБУЛА\n\nПринимая во внимание, что признание достоинства является основой свободы; и\n\n"
        "принимая во внимание, что пренебрежение и презрение к правам человека привели к варварским актам; и\n\n"
        "05-49777 (R)\n\n3\n\nпринимая во внимание, что необходимо, чтобы права человека охранялись властью закона; и"
    )
    assert [unit_id for unit_id, _ in units(text, "ru")] == ["preamble", "pre.1", "pre.2", "pre.3"]


@pytest.mark.parametrize(
    ("lang", "text", "meeting"),
    [
        # A/RES/79/112 as the UN published it: "47-e" with a Latin "e", as in 67 of the 920 Russian
        # meeting lines of sessions 76-80
        ("ru", "16. просит Специальный комитет продолжить рассмотрение вопроса;\n\n47-e пленарное заседание\n4 декабря 2024 года",
         "47-e пленарное заседание"),
        # A/RES/ES-11/1, adopted at the first meeting of an emergency special session
        ("fr", "16. Décide d’ajourner à titre provisoire sa onzième session extraordinaire d’urgence et d’autoriser "
         "son président à la rouvrir à la demande des États Membres.\n\n1re séance plénière\n2 mars 2022", "1re séance plénière"),
    ],
)
def test_the_meeting_line_as_the_un_writes_it(lang: str, text: str, meeting: str) -> None:
    """The meeting line is its own unit, not a paragraph (A/RES/79/112's Russian, read from a PDF, was
    one paragraph holding the meeting and its date, and paired with French's meeting line by length)."""
    found = units(text, lang)
    assert found[-2:] == [("meeting", meeting), ("meeting.date", text.rsplit("\n", 1)[1])]


def test_a_meeting_line_glued_to_the_last_paragraph_with_its_date_below() -> None:
    """A/RES/79/237's Chinese as a converter ran its last paragraph into the meeting line, the date left
    on the line below: the paragraph, the meeting line and its date are three units."""
    text = "5. 又决定将题为“从国际安全角度看信息和电信领域的发展”的项目列入大会第八十届会议临时议程。 第55次全体会议(续会)\n\n2024年12月24日"
    assert units(text, "zh") == [
        ("op.5", "又决定将题为“从国际安全角度看信息和电信领域的发展”的项目列入大会第八十届会议临时议程。"),
        ("meeting", "第55次全体会议(续会)"),
        ("meeting.date", "2024年12月24日"),
    ]
