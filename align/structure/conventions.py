"""The parts of UN resolutions that no one language owns: a section's mark, a resolution's number and title
(an annex's heading, which the text readers use too, is in align/langs/record.py).
Each language's own conventions are in its record (align/langs/)."""

from __future__ import annotations

import re

from align.langs import language
from align.langs.record import DIGITS, Convention

# The mark alone on its line that opens a section of a resolution in sections (budget resolutions: I, II,
# ... XXIV), whose operative numbering restarts in each: roman numerals in the Latin and Cyrillic
# versions, Chinese numerals, Arabic ordinal words ("أولا", "ثالث عشر", "رابعا وعشرين"; "ثانياً" with
# its tanween, as A/RES/76/246's Arabic file prints it).
_ARABIC_ORDINAL = "(?:أولا|عاشرا|حاديا?|ثانيا?|ثالثا?|رابعا?|خامسا?|سادسا?|سابعا?|ثامنا?|تاسعا?)"
_ROMAN_MARK = "[IVXL]{1,7}"
SECTION_MARK = re.compile(
    rf"^(?:{_ROMAN_MARK}|[一二三四五六七八九十]{{1,3}}|{_ARABIC_ORDINAL}\u064b?(?:\s+(?:عشر|وعشرين|وثلاثين))?)\.?$"
)
# A roman section mark with its title after it in one heading ("I Доклад ...", "IV. Report")
MARK_BEFORE_TITLE = re.compile(rf"^{_ROMAN_MARK}\.?\s+")
# A resolution's number and title: "60/212. South-South cooperation", "60/212 - التعاون".
RESOLUTION_TITLE = re.compile(rf"^(?P<n>{DIGITS}+/{DIGITS}+)\s*(?:[.．]|[-–—])\s*(?P<title>.+)$")


def convention(lang: str) -> Convention:
    """The conventions of a language version; the generic ones where the language has none."""
    return language(lang).convention
