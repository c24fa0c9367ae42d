"""UN editorial conventions of each language version, as tables of named regular expressions.

One Convention per language; the parser never branches on the language code. Patterns follow the
UN Editorial Manual's practice for resolutions and declarations and what the PDF versions print.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from align.structure.numbers import ARABIC_LETTERS, CYRILLIC_LETTERS


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_DIGITS = r"[0-9٠-٩۰-۹０-９]"
_ARABIC_MARK = "|".join(ARABIC_LETTERS) + "|ه"
# Operative paragraph numbers: "1. " in most languages; Chinese may print "1．"; Arabic "1 - " (UN Arabic
# practice) or "1. ", possibly with Arabic-Indic digits.
_PARAGRAPH = rf"^(?P<n>{_DIGITS}{{1,3}})\s*[.．]\s+"
_ARABIC_PARAGRAPH = rf"^(?P<n>{_DIGITS}{{1,3}})\s*(?:[-–—]|[.．])\s*"
# Sub-paragraphs: "(a)" in English, Chinese and Arabic "(أ)"; "a)" in French, Spanish and Russian "а)";
# roman "(i)" / "i)" one level down.
_SUB_LATIN = r"^\(?(?P<m>[a-z]{1}|[ivx]{1,5})\)\s+"
_SUB_CYRILLIC = rf"^\(?(?P<m>[{CYRILLIC_LETTERS}]|[ivx]{{1,5}})\)\s+"
_SUB_ARABIC = rf"^\((?P<m>{_ARABIC_MARK}|[ivx]{{1,5}})\)\s*"
_LOWER_OR_DIGIT = re.compile(r"^[\da-zß-ÿ]")
# The mark alone on its line that opens a section of a resolution in sections (budget resolutions: I, II,
# ... XXIV), whose operative numbering restarts in each: roman numerals in the Latin and Cyrillic
# versions, Chinese numerals, Arabic ordinal words ("أولا", "ثالث عشر", "رابعا وعشرين").
_ARABIC_ORDINAL = "(?:أولا|عاشرا|حاديا?|ثانيا?|ثالثا?|رابعا?|خامسا?|سادسا?|سابعا?|ثامنا?|تاسعا?)"
SECTION_MARK = re.compile(rf"^(?:[IVXL]{{1,7}}|[一二三四五六七八九十]{{1,3}}|{_ARABIC_ORDINAL}(?:\s+(?:عشر|وعشرين|وثلاثين))?)\.?$")
# A resolution's number and title: "60/212. South-South cooperation", "60/212 - التعاون".
RESOLUTION_TITLE = re.compile(rf"^(?P<n>{_DIGITS}+/{_DIGITS}+)\s*(?:[.．]|[-–—])\s*(?P<title>.+)$")


@dataclass(frozen=True)
class Convention:
    """How one language version writes the parts of a UN resolution or declaration."""

    article: re.Pattern[str]  # an article heading; group n is its number
    preamble: re.Pattern[str]  # the heading that opens a declaration's preamble
    intro: re.Pattern[str]  # "The General Assembly," opening a resolution's preamble
    meeting: re.Pattern[str]  # the closing meeting line
    paragraph: re.Pattern[str] = re.compile(_PARAGRAPH)
    sub: re.Pattern[str] = _rx(_SUB_LATIN)
    header: dict[str, re.Pattern[str]] = field(default_factory=dict)  # meta key -> whole-line pattern
    # how a paragraph's text may go on after a page break, never how one opens: a number that is not a
    # paragraph's own; in French, English and Spanish a small letter too (Russian and German preambular
    # paragraphs open with one)
    continuation: re.Pattern[str] = re.compile(r"^\d")


CONVENTIONS: dict[str, Convention] = {
    "en": Convention(
        article=_rx(r"^Article\s+(?P<n>\d+)$"),
        preamble=_rx(r"^Preamble$"),
        continuation=_LOWER_OR_DIGIT,
        intro=_rx(r"^The (?:General Assembly|Security Council)\s*,?$"),
        meeting=_rx(r"^\d+(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?plenary meeting\b"),
        header={
            "body": _rx(r"^(?:United Nations\s+)?(General Assembly|Security Council|Economic and Social Council)$"),
            "distribution": _rx(r"^Distr\.?:?\s*(.+)$"),
            "session": _rx(r"^(.+ session)$"),
            "agenda": _rx(r"^(Agenda items?\s+.+)$"),
            "adopted": _rx(r"^(Resolution adopted by the .+)$"),
            "basis": _rx(r"^\[?((?:on the report|without reference).+?)\]?$"),
        },
    ),
    "fr": Convention(
        article=_rx(r"^Article\s+(?P<n>\d+|premier)$"),
        preamble=_rx(r"^Préambule$"),
        continuation=_LOWER_OR_DIGIT,
        intro=_rx(r"^(?:L[’']Assemblée générale|Le Conseil de sécurité)\s*,?$"),
        meeting=_rx(r"^\d+(?:e|ème)\s+séance\s+plénière\b"),
        sub=_rx(_SUB_LATIN),
        header={
            "body": _rx(r"^(?:Nations Unies\s+)?(Assemblée générale|Conseil de sécurité|Conseil économique et social)$"),
            "distribution": _rx(r"^Distr\.?:?\s*(.+)$"),
            "session": _rx(r"^(.+ session)$"),
            "agenda": _rx(r"^(Points? .+ de l[’']ordre du jour)$"),
            "adopted": _rx(r"^(Résolution adoptée par .+)$"),
            "basis": _rx(r"^\[?((?:sur la base|sans renvoi).+?)\]?$"),
        },
    ),
    "es": Convention(
        article=_rx(r"^Artículo\s+(?P<n>\d+|primero)$"),
        preamble=_rx(r"^Preámbulo$"),
        continuation=_LOWER_OR_DIGIT,
        intro=_rx(r"^(?:La Asamblea General|El Consejo de Seguridad)\s*,?$"),
        meeting=_rx(r"^\d+[ªa]\s+sesión\s+plenaria\b"),
        header={
            "body": _rx(r"^(?:Naciones Unidas\s+)?(Asamblea General|Consejo de Seguridad|Consejo Económico y Social)$"),
            "distribution": _rx(r"^Distr\.?:?\s*(.+)$"),
            "session": _rx(r"^(.+ período de sesiones)$"),
            "agenda": _rx(r"^(Temas? .+ del programa)$"),
            "adopted": _rx(r"^(Resolución aprobada por .+)$"),
            "basis": _rx(r"^\[?((?:sobre la base|sin remisión).+?)\]?$"),
        },
    ),
    "ru": Convention(
        article=_rx(r"^Статья\s+(?P<n>\d+)$"),
        preamble=_rx(r"^Преамбула$"),
        intro=_rx(r"^(?:Генеральная Ассамблея|Совет Безопасности)\s*,?$"),
        meeting=_rx(r"^\d+[-‑]?е\s+(?:\(возобновленное\)\s+)?пленарное\s+заседание\b"),
        sub=_rx(_SUB_CYRILLIC),
        header={
            "body": _rx(r"^(?:Организация Объединенных Наций\s+)?(Генеральная Ассамблея|Совет Безопасности|Экономический и Социальный Совет)$"),
            "distribution": _rx(r"^Distr\.?:?\s*(.+)$"),
            "session": _rx(r"^(.+ сессия)$"),
            "agenda": _rx(r"^(Пункты? .+ повестки дня)$"),
            "adopted": _rx(r"^(Резолюция, принятая .+)$"),
            "basis": _rx(r"^\[?((?:по докладу|без передачи).+?)\]?$"),
        },
    ),
    "zh": Convention(
        article=_rx(r"^第(?P<n>[一二三四五六七八九十百〇零两\d]+)条$"),
        preamble=_rx(r"^序言$"),
        intro=_rx(r"^(?:大会|安全理事会)\s*[,，]?$"),
        meeting=_rx(r"^第?\d+\s*次全体会议"),  # "第48次全体会议"
        header={
            "body": _rx(r"^(?:联合国\s*)?(大会|安全理事会|经济及社会理事会)$"),
            "distribution": _rx(r"^Distr\.?:?\s*(.+)$"),
            "session": _rx(r"^(第.+届会议)$"),
            "agenda": _rx(r"^(议程项目.+)$"),
            "adopted": _rx(r"^(.+通过的决议)$"),
            "basis": _rx(r"^\[?((?:根据|未发交).+?)\]?$"),
        },
    ),
    "ar": Convention(
        article=_rx(rf"^المادة\s+(?P<n>{_DIGITS}+)$"),
        preamble=_rx(r"^الديباجة$"),
        intro=_rx(r"^إن (?:الجمعية العامة|مجلس الأمن)\s*[،,]?$"),
        meeting=_rx(r"^الجلسة العامة\s+\S+"),
        paragraph=re.compile(_ARABIC_PARAGRAPH),
        sub=re.compile(_SUB_ARABIC),
        header={
            "body": _rx(r"^(?:الأمم المتحدة\s+)?(الجمعية العامة|مجلس الأمن|المجلس الاقتصادي والاجتماعي)$"),
            "distribution": _rx(r"^Distr\.?:?\s*(.+)$"),
            "session": _rx(r"^(الدورة .+)$"),
            "agenda": _rx(r"^(البنود? .+ من جدول الأعمال)$"),
            "adopted": _rx(r"^(قرار اتخذته .+)$"),
            "basis": _rx(r"^\[?((?:بناء على|دون إحالة).+?)\]?$"),
        },
    ),
}

# Languages other than the six: numbering as in English, no header vocabulary; the article words, the
# enacting formula and the meeting line of the other languages UN resolutions are translated into
# (German by the Deutscher Übersetzungsdienst).
GENERIC = Convention(
    article=_rx(r"^(?:Article|Artikel|Artigo|Articolo|Artykuł)\s+(?P<n>\d+)$"),
    preamble=_rx(r"^(?:Preamble|Präambel|Preâmbulo|Preambolo|Preambuła)$"),
    intro=_rx(r"^(?:Die Generalversammlung|Der Sicherheitsrat|A Assembleia Geral|O Conselho de Segurança)\s*,?$"),
    meeting=_rx(r"^\d+\.\s*Plenarsitzung\b|^\d+\.?ª?\s+sessão plenária\b"),
)


def convention(lang: str) -> Convention:
    """The conventions of a language version; the generic table where the language has none."""
    return CONVENTIONS.get(lang, GENERIC)
