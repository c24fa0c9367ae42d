"""PDF as the Official Document System prints UN documents, read with pdfplumber (pdfminer.six): it
gives every character with its font size and position, which is what page furniture, footnotes and
superscript references are recognised by.

Per page, top to bottom:
    furniture := lines in the top 7 % or bottom 6 % of the page (running header, page and job numbers)
    footnotes := lines below a short horizontal rule (or smaller than the body text at the page's foot);
                 a line opening with a small raised number starts footnote N
    body      := the other lines: a larger size is a heading, a vertical gap wider than the line
                 spacing starts a paragraph, a small raised number is a reference [^N]
Pages are separated by page breaks, so `structure` rejoins a paragraph that runs on.
"""

from __future__ import annotations

import io
import re
import zlib
from collections import Counter
from dataclasses import dataclass

from align.errors import UnreadableInput
from align.ingest.inline import clean
from align.model import Block
from align.untext import join_lines

BINARY = True  # the reader takes bytes, not decoded text
_TOP, _BOTTOM = 0.07, 0.06  # the page's header and footer bands, as fractions of its height


@dataclass
class _Line:
    top: float
    bottom: float
    size: float  # the size of its largest characters
    words: list[dict]

    def text(self) -> str:
        out, last = "", None
        for word in sorted(self.words, key=lambda word: word["x0"]):
            if _is_reference(word, self.size):
                out += f"[^{word['text']}]"
            else:
                gap = word["x0"] - last["x1"] if last is not None else 0
                out += (" " if out and gap > 0.15 * word["size"] else "") + word["text"]
            last = word
        return out


def _is_reference(word: dict, size: float) -> bool:
    return word["size"] < 0.8 * size and word["text"].isdigit() and len(word["text"]) <= 3


# The longest UN documents (budget fascicles, treaty series) run to a few hundred pages; a file of
# thousands of tiny pages costs minutes and gigabytes to lay out, and is not a document to align.
MAX_PAGES = 2000
MAX_STREAM = 64 * 1024 * 1024  # a page's content or a font inflates to a few MB at most
_STREAM = re.compile(rb"stream\r?\n")


def read(data: bytes) -> list[Block]:
    """Blocks of a PDF document in reading order."""
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    _check_streams(data)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PAGES:  # counted from the page tree, before any page is read
                raise UnreadableInput(
                    f"PDF of {len(pdf.pages)} pages: over the {MAX_PAGES} pages a document is read to"
                )
            pages = [(page.height, _lines(page), _rule(page)) for page in pdf.pages]
    except (
        PdfminerException,
        PDFSyntaxError,
        PSException,
        ValueError,
        KeyError,
        TypeError,
    ) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise UnreadableInput(f"not a readable PDF: {reason}") from None
    sizes = Counter(
        round(word["size"], 1)
        for _, lines, _ in pages
        for line in lines
        for word in line.words
        for _ in word["text"]
    )
    if not sizes:
        raise UnreadableInput("PDF holds no text (a scan? align does no OCR)")
    body = sizes.most_common(1)[0][0]
    blocks: list[Block] = []
    for index, (height, lines, rule) in enumerate(pages):
        if index:
            blocks.append(Block("", kind="page-break"))
        blocks += _page(height, lines, rule, body)
    return blocks


def _check_streams(data: bytes) -> None:
    """Refuse a PDF with a compressed stream that inflates past MAX_STREAM: pdfminer inflates each stream
    whole into memory (a small file can hold a stream that inflates to gigabytes). Each stream is
    inflated here a bounded piece at a time and dropped; a stream that is not Flate is left to pdfminer."""
    for match in _STREAM.finditer(data):
        end = data.find(b"endstream", match.end())
        if end < 0:
            return
        inflater, size = zlib.decompressobj(), 0
        try:
            piece = inflater.decompress(data[match.end() : end], 1 << 20)
            while piece:
                size += len(piece)
                if size > MAX_STREAM:
                    raise UnreadableInput(
                        f"a compressed stream of this PDF inflates past {MAX_STREAM >> 20} MiB: refused as a bomb"
                    )
                piece = inflater.decompress(inflater.unconsumed_tail, 1 << 20)
        except zlib.error:
            continue


def _lines(page) -> list[_Line]:
    """The page's words grouped into lines; a raised small number joins the line it is raised over."""
    words = page.extract_words(extra_attrs=["size"], keep_blank_chars=False, x_tolerance=1.5)
    lines: list[_Line] = []
    for word in sorted(words, key=lambda word: (word["bottom"], word["x0"])):
        line = next(
            (
                line
                for line in lines
                if word["top"] < line.bottom - 1 and word["bottom"] > line.top + 1
            ),
            None,
        )
        if line is None:
            lines.append(_Line(word["top"], word["bottom"], word["size"], [word]))
        else:
            line.words.append(word)
            line.top, line.bottom = min(line.top, word["top"]), max(line.bottom, word["bottom"])
            line.size = max(line.size, word["size"])
    return sorted(lines, key=lambda line: line.top)


def _rule(page) -> float | None:
    """The top of the short horizontal rule that separates footnotes from the text, if any."""
    rules = [
        edge["top"]
        for edge in page.lines
        if abs(edge["top"] - edge["bottom"]) < 1 and edge["x1"] - edge["x0"] < 0.5 * page.width
    ]
    return max(rules) if rules else None


def _page(height: float, lines: list[_Line], rule: float | None, body: float) -> list[Block]:
    content = [
        line for line in lines if _TOP * height < line.top and line.bottom < (1 - _BOTTOM) * height
    ]
    if rule is None:  # no rule: the run of smaller lines at the page's foot
        notes_from = len(content)
        while notes_from and content[notes_from - 1].size < 0.9 * body:
            notes_from -= 1
        text_lines, note_lines = content[:notes_from], content[notes_from:]
    else:
        text_lines = [line for line in content if line.bottom <= rule]
        note_lines = [line for line in content if line.top > rule]
    return _paragraphs(text_lines, body) + _footnotes(note_lines)


def _paragraphs(lines: list[_Line], body: float) -> list[Block]:
    gaps = [
        after.top - before.top
        for before, after in zip(lines, lines[1:])
        if after.top - before.top > 0.5 * body
    ]
    # the line spacing: paragraphs are set further apart
    spacing = min(gaps) if gaps else body * 1.3
    blocks: list[Block] = []
    current: list[str] = []
    heading: int = 0

    def flush() -> None:
        if current:
            text = clean(join_lines(current))
            blocks.append(Block(text, kind="heading", level=heading) if heading else Block(text))
            current.clear()

    for index, line in enumerate(lines):
        level = _heading_level(line.size, body)
        new = (
            index == 0 or level != heading or line.top - lines[index - 1].top > spacing + 0.3 * body
        )
        if new:
            flush()
            heading = level
        current.append(line.text())
    flush()
    return blocks


def _heading_level(size: float, body: float) -> int:
    """Heading level by size: the larger, the higher (0: body text)."""
    if size < 1.08 * body:
        return 0
    return 1 if size >= 1.4 * body else 2 if size >= 1.2 * body else 3


def _footnotes(lines: list[_Line]) -> list[Block]:
    notes: list[tuple[str, list[str]]] = []
    for line in lines:
        words = sorted(line.words, key=lambda word: word["x0"])
        first = words[0]
        if (
            first["text"].isdigit()
            and first["size"] < 0.9 * line.size
            or first["text"].isdigit()
            and len(words) > 1
            and not notes
        ):
            notes.append(
                (first["text"], [_Line(line.top, line.bottom, line.size, words[1:]).text()])
            )
        elif notes:
            notes[-1][1].append(line.text())
    return [
        Block(clean(join_lines(parts)), kind="footnote", number=number) for number, parts in notes
    ]
