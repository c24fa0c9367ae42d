"""Footnote references kept beside clean text: (offset, number) marks, so every corpus output gets
clean text and the TMX gets a <ph type="fnote"> at the very place of the reference.

Readers write a reference `[^N]` (Markdown's footnote syntax); structure turns text with references
into clean text and marks; alignment joins and splits texts and their marks together.
"""

from __future__ import annotations

import re

from align.untext import separator

Mark = tuple[int, str]  # offset in the clean text, footnote number
REFERENCE = re.compile(r"\s*\[\^(\d+)\]")
_TRAILING = re.compile(r"(?:\s*\[\^\d+\])+\s*$")


def without_trailing_references(text: str) -> str:
    """The text without the references that end it: "..., [^3]" ends as "...," does.

    >>> without_trailing_references("le rapport,[^2] [^3]")
    'le rapport,'
    """
    return _TRAILING.sub("", text)


def strip_references(text: str) -> tuple[str, tuple[Mark, ...]]:
    """Clean single-spaced text and the marks of the references it held.

    >>> strip_references("de 2005[^1], et  2006 [^2] ;")
    ('de 2005, et 2006 ;', ((7, '1'), (16, '2')))
    """
    text = " ".join(text.split())
    if "[^" not in text:  # no reference (most texts): already clean
        return text, ()
    clean, marks, position = "", [], 0
    for match in REFERENCE.finditer(text):
        clean += text[position : match.start()]
        marks.append((len(clean), match[1]))
        position = match.end()
    clean += text[position:]
    stripped = clean.lstrip()
    shift = len(clean) - len(stripped)
    return stripped.rstrip(), tuple((max(0, offset - shift), number) for offset, number in marks)


def join_marked(parts: list[tuple[str, tuple[Mark, ...]]]) -> tuple[str, tuple[Mark, ...]]:
    """Texts joined as `join_lines` joins them, their marks moved along.

    >>> join_marked([("fonds", ((5, "6"),)), ("susmentionnés", ())])
    ('fonds susmentionnés', ((5, '6'),))
    """
    text, marks = "", []
    for part, part_marks in parts:
        if not part:
            continue
        text += separator(text, part)
        marks += [(offset + len(text), number) for offset, number in part_marks]
        text += part
    return text, tuple(marks)
