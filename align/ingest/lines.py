"""Paragraphs of text that a PDF converter gave line by line with no blank line between paragraphs
(PyMuPDF's `page.get_text()`): a line ends its paragraph when it is short and ends as a paragraph
may, or is short and the next line opens as a paragraph does; page furniture and a note's number
alone are lines of their own; a numbered paragraph or item opens a new one.

    line  := full | short            (short: the next line's first word would have fitted on it)
    break := after a short line ending with . ; : , (and their CJK and Arabic forms), before one that
             does not open with a digit
           | after a line well short of full before one opening with a capital, a digit or a
             character of a script without case
           | around furniture, numbers alone and an annex's heading ("Приложение")
           | before "12." "(a)" "a)" "д)" "12 -" "80/156." (never "(XV)", a resolution's session:
             "1514 (XV)") and the cover page's basis line ("[on the report of the Third Committee", "[根据")
    maybe := a full line ending with , or ; before one opening in lower case or in a script without
             case: kept as a hard line break ("\n"), for structure to cut where the language opens a
             paragraph so (Russian, Chinese)
"""

from __future__ import annotations

import re
import unicodedata

from align.ingest.pagefoot import NOTE
from align.langs.record import ANNEX_MARK
from align.untext import CLAUSE_END, PARAGRAPH_END, UNSPACED, furniture

# Text is given line by line when its chunks are pages: a median chunk this long.
_UNBROKEN_LINES = 12
_SHORT_TEXT = 40  # lines of a text of about a page
# Proportional type fits more or fewer characters on a line: a line that ends with no punctuation ends a
# paragraph only if the next word would have fitted with this much of a full line to spare.
_LOOSE = 0.2
# ... and one that ends as a paragraph may, with this much to spare (digits and capitals are wide)
_TIGHT = 0.05
# a line opening with a number and wider than the text's lines is a note, in smaller type
_NOTE_TYPE = 1.1
# the first word of a line: a Chinese or Japanese character is a word, and so are the digits or letters
# before one ("2023年12月4日大会决议": "2023")
_FIRST_WORD = re.compile(rf"[{UNSPACED}]|[^\s{UNSPACED}]+")
_ENDS = (*PARAGRAPH_END, "]")  # and the basis line's bracket
# a note's number raised after the punctuation that ends a line ("... 第50/17号决议，11")
_RAISED = re.compile(r"(?<=[" + re.escape("".join(PARAGRAPH_END)) + r"])[0-9]{1,3}$")
_OPENS = re.compile(
    r"^(?:[0-9]{1,3}(?:\.|\s+-)\s|\(?(?:[a-z0-9]{1,5}|[а-яё])\)\s|[0-9]{1,3}/[0-9]{1,3}(?:\s?[A-Z])?\.\s"
    r"|\[(?:[a-zа-яё]|根据|未经))"
)


def unbroken(chunks: list[list[str]]) -> bool:
    """The converter put no blank line between paragraphs: its chunks are pages."""
    sizes = sorted(len(chunk) for chunk in chunks)
    return bool(sizes) and sizes[len(sizes) // 2] >= _UNBROKEN_LINES


def paragraphs(chunk: list[str], full: float) -> list[list[str]]:
    """One chunk of lines cut into paragraphs (see the module's grammar); `full`, a full line's width."""
    out: list[list[str]] = []
    current: list[str] = []
    for index, line in enumerate(chunk):
        text = line.strip()
        numbered = NOTE.match(text)  # "12 Ibid." or "12" alone
        alone = (
            furniture(text) or bool(numbered and not numbered[2]) or bool(ANNEX_MARK.match(text))
        )
        # a note in smaller type: wider than the text's lines
        note = numbered and numbered[2] and _width(text) > _NOTE_TYPE * full
        if current and (alone or note or _OPENS.match(text)):
            out.append(current)
            current = []
        current.append(line)
        following = chunk[index + 1].strip() if index + 1 < len(chunk) else ""
        room = (
            full - _width(text) - _width(_next_word(following))
        )  # the next word would have fitted
        end = _RAISED.sub("", text)
        # a line of a list of resolutions is as short as a paragraph's last, its digits being wide, and
        # the next opens with one ("... 32/82 du 12 décembre 1977," | "33/64 du 14 décembre 1978, ..."):
        # no paragraph opens with a digit but a numbered one, which opens anew whatever the line above
        ends = (
            end.endswith(_ENDS)
            and room > _TIGHT * full
            and not following[:1].isdigit()
            or room > _LOOSE * full
            and _opens_anew(following)
        )
        if alone or ends:
            out.append(current)
            current = []
        elif end.endswith(CLAUSE_END) and (following[:1].islower() or _caseless(following[:1])):
            current[-1] = text + "\n"
    return out + ([current] if current else [])


def full_length(chunks: list[list[str]]) -> float:
    """A full line's width: what three lines of the text in four reach; in a text of a page or so, whose
    cover lines are most of its lines, the widest line."""
    widths = sorted(_width(line.strip()) for chunk in chunks for line in chunk)
    if not widths:
        return 0.0
    return float(widths[-1] if len(widths) < _SHORT_TEXT else widths[3 * len(widths) // 4])


def _width(text: str) -> int:
    """Columns the text takes: a Chinese or Japanese character two, as it is printed twice as wide."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _next_word(line: str) -> str:
    """The line's first word, with the space before it; a Chinese character is a word, with no space."""
    word = _FIRST_WORD.match(line)
    if not word:
        return ""
    return word[0] if _width(word[0][:1]) == 2 else " " + word[0]


def _opens_anew(line: str) -> bool:
    """The line does not run on from the one above: it opens with a capital or a digit, or with a
    character of a script without case (Chinese, Arabic)."""
    first = line[:1]
    return bool(first) and (first.isupper() or first.isdigit() or _caseless(first))


def _caseless(char: str) -> bool:
    """A letter of a script without case (Chinese, Arabic)."""
    return char.isalpha() and not char.islower() and not char.isupper()
