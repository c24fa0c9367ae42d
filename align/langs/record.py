"""The record of one language: what every stage needs to know of it, in one place (one module per language
beside this one; a language without one gets a record with the generic convention)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field


def rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Sub-paragraph letters in each script, in the order UN documents use them; position k maps to the
# k-th Latin letter so that ids agree across languages (Russian а) = French a) = Arabic (أ) = `.a`).
LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
CYRILLIC_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"  # UN Russian skips ё, й, ъ, ы, ь
# abjad order, as UN Arabic letters lists
ARABIC_LETTERS = (
    "أ",
    "ب",
    "ج",
    "د",
    "هـ",
    "و",
    "ز",
    "ح",
    "ط",
    "ي",
    "ك",
    "ل",
    "م",
    "ن",
    "س",
    "ع",
    "ف",
    "ص",
    "ق",
    "ر",
    "ش",
    "ت",
    "ث",
    "خ",
    "ذ",
    "ض",
    "ظ",
    "غ",
)

DIGITS = r"[0-9٠-٩۰-۹０-９]"
ARABIC_MARK = "|".join(ARABIC_LETTERS) + "|ه"
# Operative paragraph numbers: "1. " in most languages; Chinese may print "1．"; Arabic "1 - " (UN Arabic
# practice) or "1. ", possibly with Arabic-Indic digits. A converter that wrapped the line after the
# number leaves none of the space once the lines are joined (Chinese is joined without one): "1.回顾";
# never a decimal ("1.5", "10.000").
PARAGRAPH = rf"^(?P<n>{DIGITS}{{1,3}})\s*[.．](?:\s+|(?=[^\d\s.,]))"
ARABIC_PARAGRAPH = rf"^(?P<n>{DIGITS}{{1,3}})\s*(?:[-–—]|[.．])\s*"
# Sub-paragraphs: "(a)" in English, Chinese and Arabic "(أ)"; "a)" in French, Spanish and Russian "а)";
# roman "(i)" / "i)" one level down.
_SUB_MARK = r"^\(?(?P<m>[a-z]{1}|[ivx]{1,5})\)"
SUB_LATIN = _SUB_MARK + r"\s+"
# Chinese spaces no word from the next: a converter may give "(a)开幕部分" for "(a) 开幕部分"
SUB_UNSPACED = _SUB_MARK + r"\s*(?=\S)"
SUB_CYRILLIC = (
    rf"^\(?(?P<m>[{CYRILLIC_LETTERS}]|[a-z]|[ivx]{{1,5}})\)\s+"  # Latin too: A/RES/80/9's annex
)
SUB_ARABIC = rf"^\((?P<m>{ARABIC_MARK}|[ivx]{{1,5}})\)\s*"
LOWER_OR_DIGIT = re.compile(r"^[\da-zß-ÿ]")


@dataclass(frozen=True)
class Convention:
    """How one language version writes the parts of a UN resolution or declaration."""

    article: re.Pattern[str]  # an article heading; group n is its number
    preamble: re.Pattern[str]  # the heading that opens a declaration's preamble
    intro: re.Pattern[str]  # "The General Assembly," opening a resolution's preamble
    meeting: re.Pattern[str]  # the closing meeting line
    paragraph: re.Pattern[str] = re.compile(PARAGRAPH)
    sub: re.Pattern[str] = rx(SUB_LATIN)
    # meta key -> whole-line pattern
    header: dict[str, re.Pattern[str]] = field(default_factory=dict)
    # how a paragraph's text may go on after a page break, never how one opens: a number that is not a
    # paragraph's own; in French, English and Spanish a small letter too; in Russian, whose preambular
    # paragraphs open with one, a small letter opening no participle (German's open with one as well)
    continuation: re.Pattern[str] = re.compile(r"^\d")
    # the word opening a preambular paragraph ("Recalling"), where it is capitalized, so that a second one
    # after a comma or semicolon shows two paragraphs a converter ran together (structure/parser.py); in
    # Russian, which opens them in lower case, only where a converter's line ended after the comma
    # (a hard line break, see ingest/lines.py)
    opener: re.Pattern[str] | None = None
    # the enacting formula at the head of the paragraph it introduces ("因此现在,大会,发布……"): group 1 is
    # the formula, a unit of its own, as the versions that print it on a line of their own have it
    glued_intro: re.Pattern[str] | None = None


# The heading alone on its line that opens an annex, whose numbering restarts ("Annex", "Annexe II",
# "Приложение I", "附件一", "المرفق الثاني"), in the six languages, German and Portuguese.
ANNEX_MARK = re.compile(
    r"^(?:Annex|Annexe|Anexo|Anlage|Anhang|Приложение|附件|المرفق)"
    r"(?:\s*(?:[IVXLC]{1,6}|\d{1,2}|[A-Z]|[一二三四五六七八九十]{1,3})|\s+ال\S+)?\.?$"
)

# Right after a comma or semicolon, or after the note references that follow one ("Consensus,[^8]")
AFTER_CLAUSE = r"(?:(?<=[,;，；])|(?<=[,;，；]\[\^\d\])|(?<=[,;，；]\[\^\d\d\]))"


def openers(*words: str) -> re.Pattern[str]:
    """A second preambular paragraph's opening inside a text: one of `words` (or patterns) after a comma
    or semicolon (and its notes' references) and a space."""
    return re.compile(AFTER_CLAUSE + r"\s+(?=(?:" + "|".join(words) + r")\b)")


@functools.cache
def after_heading(opener: re.Pattern[str]) -> re.Pattern[str]:
    """The same opening after a word, as where a heading with no final punctuation ran into the first
    paragraph under it ("... para combatir la islamofobia Habiendo examinado el informe ...")."""
    return re.compile(r"(?<=[^\W\d_])" + opener.pattern.removeprefix(AFTER_CLAUSE))


# Languages other than the six: numbered structure recognised generically, in any script. An article is a
# heading of one word and a number, with an ordinal mark or not ("Artikel 1", "Artigo 1.º", "अनुच्छेद १",
# "Статья 1"), or 第N条 ("第１条"); a paragraph opens with a number in any digits, "1.", "(1)" or "１　"; the
# enacting formula, the meeting line and the cover page's lines of the other languages UN resolutions are
# translated into (German by the Deutscher Übersetzungsdienst).
GENERIC = Convention(
    article=rx(
        r"^(?:[^\s\d()]{3,20}\s+(?P<n>\d{1,3}|[IVXLC]{1,7})\s*(?:\.?\s*[ºª°]|\.)?"
        r"|第\s*(?P<cjk>\d{1,3}|[一二三四五六七八九十百〇零两]{1,5})\s*[条條])$"
    ),
    preamble=rx(r"^(?:Preamble|Präambel|Preâmbulo|Preambolo|Preambuła|前文|प्रस्तावना)$"),
    paragraph=rx(r"^\(?(?P<n>\d{1,3})(?:\)\s*|\s*[.．]\s*|(?<=[０-９])\s+)(?=[^\d\s.,])"),
    intro=rx(
        r"^(?:Die Generalversammlung|Der Sicherheitsrat|A Assembleia Geral|O Conselho de Segurança)\s*,?$"
    ),
    meeting=rx(r"^\d+\.\s*Plenarsitzung\b|^\d+\.?ª?\s+sessão plenária\b"),
    header={
        "publisher": rx(r"^(Vereinte Nationen)$"),
        "body": rx(
            r"^(?:Vereinte Nationen\s+)?(Generalversammlung|Sicherheitsrat|Wirtschafts- und Sozialrat)$"
        ),
        "distribution": rx(r"^(?:Distr\.?|Verteilung):?\s*(.+)$"),
        "session": rx(r"^(.+ Tagung)$"),
        "agenda": rx(r"^(Tagesordnungspunkte? .+)$"),
        "adopted": rx(r"^(Resolution der .+, verabschiedet .+|verabschiedet auf der .+)$"),
        "basis": rx(r"^\[?((?:ohne Überweisung|auf der Grundlage|aufgrund).+?)\]?$"),
    },
)


@dataclass(frozen=True)
class Language:
    """One language as UN documents write it."""

    code: str  # ISO 639-1
    name: str  # in English
    native: str = ""  # in itself (a folder may be named so: ingest/naming.py)
    script: str = "latin"  # latin | cyrillic | arabic | han: what ingest/detect.py checks a file's text against
    direction: str = "ltr"  # ltr | rtl, as the review page sets it
    # the letter ending the UN's own file names (A_RES_80_156-2520753F): ingest/naming.py
    un_letter: str = ""
    assembly: str = ""  # the General Assembly's name atop a resolution: ingest/detect.py tells a resolution by it
    # its sub-paragraph letters, in UN order: structure/numbers.py
    letters: Sequence[str] = LATIN_LETTERS
    # how it writes a resolution's parts: structure/parser.py, pages.py
    convention: Convention = GENERIC
    # the locale CAT tools match memories by (--profile trados, memoq): outputs/profiles.py
    region: str = ""
    srx: str = "UN-Common"  # the name of its language rules in segment/rules/un.srx
    fallback: int = 99  # its place among the pivots tried when the asked one is missing (alignment)
