"""Inline text clean-up shared by the readers: whitespace, line joins, NFC."""

from __future__ import annotations

import re
import unicodedata

# Characters that XML 1.0 forbids (Char production, XML 1.0 section 2.2); they never reach an output.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def clean(text: str) -> str:
    """NFC, XML-safe, single spaces; keeps hard line breaks ("\\n") without spaces around them.

    >>> clean("  un\\u00a0 texte\\x07 ")
    'un texte'
    """
    text = unicodedata.normalize("NFC", _NOT_XML.sub("", text))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def join_lines(lines: list[str]) -> str:
    """Join soft-wrapped lines: a space between words, none next to a Chinese character.

    >>> join_lines(["人人生而自由,", "在尊严"])
    '人人生而自由,在尊严'
    >>> join_lines(["droits", "égaux"])
    'droits égaux'
    """
    out = ""
    for line in (line.strip(" \t") for line in lines):
        if line:
            out += separator(out, line) + line
    return out


def separator(before: str, after: str) -> str:
    """What goes between two pieces of text joined into one: a space, or nothing beside Chinese.

    >>> separator("fonds", "susmentionnés"), separator("基金", "捐款"), separator("", "x")
    (' ', '', '')
    """
    if not before or not after or before.endswith("\n") or _CJK.match(before[-1]) or _CJK.match(after[0]):
        return ""
    return " "


_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def roman(number: int) -> str:
    """A lower-case roman numeral, as UN documents number the items below a lettered one: (i), (iv).

    >>> [roman(n) for n in (1, 4, 9, 11, 14, 40)]
    ['i', 'iv', 'ix', 'xi', 'xiv', 'xl']
    """
    if number < 1:
        return str(number)
    out = ""
    for value, numeral in _ROMAN:
        count, number = divmod(number, value)
        out += numeral * count
    return out
