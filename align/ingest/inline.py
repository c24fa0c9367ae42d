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
