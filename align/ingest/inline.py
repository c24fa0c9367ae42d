"""Inline text clean-up shared by the readers: whitespace, line joins, NFC."""

from __future__ import annotations

import re
import unicodedata

# Characters that XML 1.0 forbids (Char production, XML 1.0 section 2.2); they never reach an output.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")


def clean(text: str) -> str:
    """NFC, XML-safe, single spaces; keeps hard line breaks ("\\n") without spaces around them.

    >>> clean("  un\\u00a0 texte\\x07 ")
    'un texte'
    """
    text = unicodedata.normalize("NFC", _NOT_XML.sub("", text))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
