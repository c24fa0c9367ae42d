"""Footnotes at the foot of a page in plain text whose converter did not mark them, as pdfminer or
PyMuPDF give a UN PDF: the notes are lines opening with their number ("1 Official Records ..."), or
numbers and texts apart where the layout put the small raised number in a column of its own ("2",
"Ibid., chap. IV.", "Ibid., chap. V.", "3"); the references are raised digits run into the text
("the Commission,1 requests", "Receipts;2", "报告1，").

    page := chunk* foot? furniture*     (a page ends at a form feed or at page furniture)
    foot := the chunks ending the page whose lines are notes or their numbers, the first opening with
            the number the notes before lead to expect, or holding the text of that number set apart
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from align.untext import furniture, join_lines

NOTE = re.compile(r"^([0-9]{1,3})(?:\s+(\S.*))?$")  # "12 Ibid." or "12" alone, never "12. Decides"
# a date is no note ("4 December 2024" printed under the meeting line, a note's line "22 de marzo de 2002
# (publicación ..."): a day, words in lower case or an English month, a year; a note may open with a year
# ("1 See 2010 Review Conference ...", "31 Ibid., vol. 1954, no 33480.", "2 Résolutions 2006/46, ...")
_DATE = re.compile(r"^[0-9]{1,2}\s+((?:[^\W\d_]+\s+){1,3})(?:19|20)[0-9]{2}\b")
_MONTHS = frozenset(
    "January February March April May June July August September October November December".split()
)
# a note's number run into the text: after a word, closing punctuation or a year ("2024-20346,": the
# decade 2024-2034, note 6), before a space, punctuation or the end of the line
_REFERENCE = re.compile(
    r"(?:(?<=[^\W\d_]|[,;:)\]”’\"»，。；：、）》」』】〉])|(?<![0-9])(?:19|20)[0-9]{2})([0-9]{1,3})(?=[\s,.;:)，。；：、）]|$)"
)
# what stands before a symbol's part, which is no reference ("A/79/L5")
_IN_SYMBOL = re.compile(r"[/.][A-Za-z]*$")
_LEAD = 20  # how far a page's first note may run ahead of the last one seen (notes the text lost)
_RUN_ON = 3  # at most so many lines of a note run on in a chunk of their own
_GLUED = 4  # so many chunks up from a page's end are looked into for notes run into the text
# a note's line that ends so ended the note, unless with the abbreviation of a citation cut at the line's
# end ("... segunda parte, cap. X, secc." | "C.4."): UN notes use them inside, never as their last word
_NOTE_END = (".", "。")
_CITING = re.compile(
    r"(?<![^\W\d_])(?:vols?|No|chaps?|caps?|sect|secc|núm|paras?|párrs?|pars?|pp?|гл|разд|пп?|т|ч)\.$"
    # or a sales number cut before its last part ("出售品编号：C.03.II.A." | "1和更正)")
    r"|(?<![A-Za-z0-9])[A-Z]\.[0-9]{2}\.[IVX]+\.(?:[A-Z]\.)?$"
)

Chunk = list[str]  # the lines of one blank-line-separated chunk
Note = tuple[int, str]


def recover(chunks: list[Chunk | None]) -> Iterator[Chunk | Note | None]:
    """The chunks (None: a form feed) with each page's foot as its notes (number, text) and the notes'
    references in the text above marked `[^N]`; unchanged where no page's foot holds notes."""
    expected = 1
    page: list[Chunk] = []
    for index, chunk in enumerate([*chunks, None]):  # the last None ends the last page
        if chunk is not None and not _page_end(chunk):
            page.append(chunk)
            continue
        cited = _cited(page)
        page, start = _footed(page, expected, cited)
        notes = _notes(page[start:], cited)[0] if start is not None else []
        if notes:
            yield from _referenced(page[:start], [number for number, _text in notes])
            yield from notes
            expected = notes[-1][0] + 1
        else:
            yield from page
        page = []
        if index < len(chunks):
            yield chunk


def _cited(page: list[Chunk]) -> set[int]:
    """The numbers the page's lines hold as raised digits: the notes it may cite."""
    return {
        int(match[1]) for chunk in page for line in chunk for match in _REFERENCE.finditer(line)
    }


def _footed(page: list[Chunk], expected: int, cited: set[int]) -> tuple[list[Chunk], int | None]:
    """The page and where its foot starts, with the lines above it that are texts of numbers it sets
    apart (see `_set_apart`)."""
    page, start = _opening(page, expected, cited)
    taken = _set_apart(page, start, cited) if start is not None else 0
    if not taken:
        return page, start
    above = page[start - 1]
    head = [above[:-taken]] if taken < len(above) else []
    return page[: start - 1] + head + [above[-taken:]] + page[start:], start - 1 + len(head)


def _opening(page: list[Chunk], expected: int, cited: set[int]) -> tuple[list[Chunk], int | None]:
    """The page and the chunk its foot opens with. Where a converter ran the first notes into the text
    above them with no blank line (pdftotext, PyMuPDF), and no foot opens with the note expected, a chunk
    near the page's end is cut at the line of that note, or of a later one the page cites."""
    start = _foot(page, expected, cited)
    if start is not None and _first(page[start]) == expected:
        return page, start
    # the last chunks, and the one above a foot found opening with a later note
    lowest = (
        max(len(page) - _GLUED, 0) if start is None else max(min(start, len(page) - _GLUED) - 1, 0)
    )
    for index in range(len(page) - 1, lowest - 1, -1):
        lines = [[line] for line in page[index]]
        at = _foot(page[:index] + lines + page[index + 1 :], expected, cited)
        if (
            at is not None
            and index < at < index + len(lines)
            and _opens(lines[at - index], expected, cited)
        ):
            cut = at - index
            return page[:index] + [page[index][:cut]] + lines[cut:] + page[index + 1 :], index + 1
    return page, start


def _set_apart(page: list[Chunk], start: int, cited: set[int]) -> int:
    """How many of the last lines of the chunk above the foot are texts the layout set apart from their
    numbers in the foot, printed above them ("Ibid.", "9", "10 Ibid."; "Ibid., annexe II.", "1 Résolution
    69/283, annexe I.", "2", "3 Rapport ..."), or run by a converter into the paragraph above ("... 供",
    "S/PRST/2013/2；见 ...", "9", "10 ..."): the fewest that each find a number, losing no note."""
    foot = page[start:]
    if start < 2 or not _apart([line for chunk in foot for line in chunk]):
        return 0
    above = page[start - 1]
    notes = len(_notes(foot, cited)[0])
    for taken in range(1, min(len(above), _RUN_ON) + 1):
        if _note_line(above[-taken]):
            break
        found, lost = _notes([above[-taken:], *foot], cited)
        if not lost and len(found) >= notes:
            return taken
    return 0


def _first(chunk: Chunk) -> int | None:
    match = _note_line(chunk[0])
    return int(match[1]) if match else None


def _page_end(chunk: Chunk) -> bool:
    """A job number or running header ends a page; a number alone may be a note's, printed apart."""
    return len(chunk) == 1 and furniture(chunk[0]) and not NOTE.match(chunk[0].strip())


def _note_line(line: str) -> re.Match | None:
    match = NOTE.match(line.strip())
    return (
        match
        if match and not _dated(match[0]) and not (match[2] or "").startswith(("-", "–"))
        else None
    )


def _dated(line: str) -> bool:
    """The line opens with a date, not a note's number (see _DATE)."""
    date = _DATE.match(line)
    return bool(date) and all(word.islower() or word in _MONTHS for word in date[1].split())


def _opens(chunk: Chunk, expected: int, cited: set[int]) -> bool:
    """The chunk opens with the note expected next, or a later one the page cites (notes lost before it)."""
    match = _note_line(chunk[0])
    return bool(match) and (
        int(match[1]) == expected
        or int(match[1]) in cited
        and expected < int(match[1]) <= expected + _LEAD
    )


def _foot(page: list[Chunk], expected: int, cited: set[int]) -> int | None:
    """Where the page's foot starts, or None: the first chunk that opens with the expected note (or one
    the page `cited`) and after which every chunk belongs to the foot."""
    for start in range(1, len(page)):
        if not _opens(page[start], expected, cited):
            continue
        apart = _apart([line for chunk in page[start:] for line in chunk])
        if all(_in_foot(page, index, apart) for index in range(start + 1, len(page))):
            return start
    return None


def _apart(lines: list[str]) -> int:
    """How many numbers the lines set apart from their texts (a note's number alone on its line)."""
    return sum(1 for line in lines if (match := _note_line(line)) and not match[2])


def _in_foot(page: list[Chunk], index: int, apart: int) -> bool:
    """Chunk `index`, below the foot's first, belongs to it: it holds a note or a number, or runs on from
    the note above it, which did not end (a few lines, or any number ending the page), or stands above
    a number set apart, or holds no more lines than the `apart` numbers the foot sets apart from their
    texts (pdfminer's column of numbers, "2" ... "9", above or below their texts)."""
    return (
        any(_note_line(line) for line in page[index])
        or (len(page[index]) <= _RUN_ON or index == len(page) - 1)
        and not _ended(page[index - 1][-1])
        or index + 1 < len(page)
        and bool(_note_line(page[index + 1][0]))
        or len(page[index]) <= apart
    )


def _ended(line: str) -> bool:
    """The note whose line this is ended with it."""
    line = line.rstrip()
    return line.endswith(_NOTE_END) and not _CITING.search(line)


def _notes(foot: list[Chunk], cited: set[int]) -> tuple[list[Note], int]:
    """The notes of a page's foot, by number: a numbered line starts a note, and so does a number alone
    followed by a line of text. The text lines set apart take the numbers printed apart, in the order of
    the numbers, when they are as many (a column of numbers: "6", "7", then "Ibid., vol. 2237", "Ibid.,
    vol. 1577", "8"); a text line under a note or a text set apart that did not end continues it. A line
    of a note may open with a number ("... suplemento núm." | "17 (A/78/17)."): under any line of a note,
    a numbered line that neither follows its number nor is cited on the page runs on from it (read as
    note 17, it made the next page's notes 2 to 9 unexpected, and paragraphs). With the notes, the
    number of lines placed in none (text set apart above the first note that no number takes)."""
    notes: list[list] = []  # [number, text]
    numbers: list[int] = []  # numbers printed apart, waiting for their text
    orphans: list[tuple[int, str, bool]] = []  # (the note above, text, whether it runs on from it)
    lines = [line.strip() for chunk in foot for line in chunk]
    under = False  # the line above is a note's
    after_note = False  # a note's text came after the last number printed apart
    text_above = False  # the line above is a text set apart (or one running on from a note)
    for index, line in enumerate(lines):
        match = _note_line(line)
        number = int(match[1]) if match else 0
        running = text_above and orphans[-1][2]  # the line above runs on from the note above it
        # on any line of a note ("2 Exámenes ..., 8 de" | "septiembre de 2010, ..." | "26 y 27 de junio")
        runs_on = (under or running) and number != notes[-1][0] + 1 and number not in cited
        under = bool(match and match[2])
        text_above, was_text = False, text_above
        if under and runs_on and running:
            above, text, runs = orphans[-1]
            orphans[-1] = (above, join_lines([text, line]), runs)
            text_above, under = True, False
        elif under and runs_on:
            notes[-1][1] = join_lines([notes[-1][1], line])
        elif match and match[2]:
            notes.append([number, match[2]])
            after_note = True
        elif match:
            numbers.append(number)
            after_note = False
        elif (
            index and len(numbers) == 1 and lines[index - 1] == str(numbers[-1])
        ):  # "2" | "Adopted under ..."
            notes.append([numbers.pop(), line])
            after_note = under = True
        elif was_text and not _ended(lines[index - 1]):  # a text set apart, its next line
            above, text, runs = orphans[-1]
            orphans[-1] = (above, join_lines([text, line]), runs)
            text_above = True
        else:  # under a note that did not end, its next line; else a text set apart
            runs = after_note and not _ended(lines[index - 1])
            orphans.append((len(notes) - 1, line, runs))
            text_above = True
    apart = [index for index, (_above, _text, runs) in enumerate(orphans) if not runs]
    if numbers and len(apart) > len(numbers):
        # the first run on from the note above, printed under the column of numbers ("1 See Official
        # Records ... and corrigendum", "2" ... "9", "(A/67/53 and A/67/53/Corr.1), chap. III.", "Ibid.")
        for index in apart[: len(apart) - len(numbers)]:
            orphans[index] = (*orphans[index][:2], True)
        apart = apart[len(apart) - len(numbers) :]
    # a page prints its notes in the order of their numbers; a converter may give the column of numbers
    # out of it (A/RES/79/168's French: "3", "2", "4", "5", then the texts of 2 to 5)
    numbers.sort()
    if apart and len(apart) == len(numbers):
        notes += [[number, orphans[index][1]] for number, index in zip(numbers, apart)]
        orphans = [orphan for orphan in orphans if orphan[2]]
    elif orphans and len(orphans) == len(numbers):
        notes += [[number, text] for number, (_above, text, _runs) in zip(numbers, orphans)]
        orphans = []
    for above, text, _runs in orphans:
        if above >= 0:
            notes[above][1] = join_lines([notes[above][1], text])
    lost = sum(1 for above, _text, _runs in orphans if above < 0)
    return sorted((number, text) for number, text in notes), lost


def _referenced(body: list[Chunk], numbers: list[int]) -> Iterator[Chunk]:
    """The page's chunks with each note's raised number made a reference `[^N]`: the first found in
    reading order after the reference before it; a number not found is passed over."""
    lines = [list(chunk) for chunk in body]
    place = (0, 0, 0)  # chunk, line, offset: where the next reference is looked for
    for number in numbers:
        found = _find(lines, number, place)
        if found:
            chunk, line, match = found
            text = lines[chunk][line]
            lines[chunk][line] = f"{text[: match.start(1)]}[^{number}]{text[match.end(1) :]}"
            place = (chunk, line, match.start(1) + len(str(number)) + 3)
    yield from lines


def _find(
    lines: list[Chunk], number: int, place: tuple[int, int, int]
) -> tuple[int, int, re.Match] | None:
    for chunk in range(place[0], len(lines)):
        for line in range(place[1] if chunk == place[0] else 0, len(lines[chunk])):
            start = place[2] if (chunk, line) == place[:2] else 0
            text = lines[chunk][line]
            # a number the line's end cut ("第62/209号、2" | "008年12月19日") is no reference
            cut = line + 1 < len(lines[chunk]) and lines[chunk][line + 1][:1].isdigit()
            for match in _REFERENCE.finditer(text, start):
                if (
                    int(match[1]) == number
                    and not _IN_SYMBOL.search(text[: match.start()])
                    and not (cut and match.end() == len(text))
                ):
                    return chunk, line, match
    return None
