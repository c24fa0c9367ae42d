"""Word (.docx) as UN documents come in it: WordprocessingML read straight from the package.

    paragraph  := w:p of word/document.xml, in reading order (table cells included)
    heading    := a paragraph styled Title or Heading N
    numbering  := w:numPr (on the paragraph or its style) resolved through word/numbering.xml
                  (numFmt decimal / lowerLetter / lowerRoman, lvlText "%1." or "(%1)") and written out,
                  which is how operative paragraphs are numbered in UN .docx files
    reference  := w:footnoteReference -> [^N], N counted in order of appearance as Word displays it
    footnote   := the w:footnote of word/footnotes.xml each reference points to
Headers and footers live in their own parts and are never read. The package is a zip: its size and
member count are bounded (zip bombs), and XML declaring a DTD or entities is refused.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from lxml import etree

from align.errors import UnreadableInput
from align.ingest.inline import clean
from align.ingest.xmlsafe import parse_xml
from align.model import Block
from align.untext import roman

BINARY = True
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# a .docx of UN text unpacks to a few MB; far more is a zip bomb (or minutes of work)
MAX_UNPACKED = 64 * 1024 * 1024
MAX_MEMBERS = 2000
_HEADING = re.compile(r"^(?:Title|Heading ?(\d))$", re.I)


def read(data: bytes) -> list[Block]:
    """Blocks of a Word document in reading order, footnotes after the text."""
    parts = _unpack(data)
    if "word/document.xml" not in parts:
        raise UnreadableInput("not a Word document: no word/document.xml")
    document = _xml(parts["word/document.xml"])
    styles = _styles(parts.get("word/styles.xml"))
    numbering = _Numbering(parts.get("word/numbering.xml"))
    notes = _footnotes(parts.get("word/footnotes.xml"))
    blocks: list[Block] = []
    shown: dict[str, str] = {}  # footnote id -> the number Word displays
    for paragraph in document.iter(f"{W}p"):
        style = _attr(paragraph.find(f"{W}pPr/{W}pStyle"), "val")
        text = _runs(paragraph, shown)
        if not text.strip():
            continue
        heading = _HEADING.match(styles.get(style, {}).get("name", style or ""))
        if heading:
            blocks.append(Block(clean(text), kind="heading", level=int(heading[1] or 1)))
            continue
        blocks.append(Block(clean(numbering.marker(paragraph, styles.get(style, {})) + text)))
    blocks += [
        Block(clean(notes[note_id]), kind="footnote", number=number)
        for note_id, number in shown.items()
        if note_id in notes
    ]
    return blocks


def _unpack(data: bytes) -> dict[str, bytes]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise UnreadableInput("not a Word document: not a zip package") from None
    members = archive.infolist()
    if len(members) > MAX_MEMBERS or sum(member.file_size for member in members) > MAX_UNPACKED:
        raise UnreadableInput(
            f"Word package unpacks to more than {MAX_UNPACKED >> 20} MiB or {MAX_MEMBERS} parts: refused as a zip bomb"
        )
    wanted = ("word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml")
    parts, budget = {}, MAX_UNPACKED
    try:
        for member in members:
            if member.filename in wanted:
                parts[member.filename] = _inflate(archive, member, budget)
                budget -= len(parts[member.filename])
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as error:
        raise UnreadableInput(f"broken Word package: {error}") from None
    return parts


def _inflate(archive: zipfile.ZipFile, member: zipfile.ZipInfo, budget: int) -> bytes:
    """A member's bytes, inflated a block at a time under a running cap: the sizes a zip declares may lie."""
    chunks, size = [], 0
    with archive.open(member) as stream:
        while chunk := stream.read(1 << 20):
            size += len(chunk)
            if size > budget:
                raise UnreadableInput(
                    f"Word package unpacks to more than {MAX_UNPACKED >> 20} MiB: refused as a zip bomb"
                )
            chunks.append(chunk)
    return b"".join(chunks)


def _xml(data: bytes) -> etree._Element:
    return parse_xml(data, "Word XML")


def _attr(element: etree._Element | None, name: str) -> str:
    return element.get(f"{W}{name}", "") if element is not None else ""


def _runs(paragraph: etree._Element, shown: dict[str, str]) -> str:
    """The paragraph's text; a tab is a space, a break a line break, a footnote reference [^N]."""
    out: list[str] = []
    for node in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}footnoteReference"):
        if node.tag == f"{W}t":
            out.append(node.text or "")
        elif node.tag == f"{W}tab":
            out.append(" ")
        elif node.tag == f"{W}br":
            out.append("\n")
        else:
            note = _attr(node, "id")
            shown.setdefault(note, str(len(shown) + 1))
            out.append(f"[^{shown[note]}]")
    return "".join(out)


def _footnotes(data: bytes | None) -> dict[str, str]:
    """Footnote id -> its text (Word's separator pseudo-notes left out)."""
    if data is None:
        return {}
    notes = {}
    for note in _xml(data).iter(f"{W}footnote"):
        if _attr(note, "type") in ("", "normal"):
            notes[_attr(note, "id")] = " ".join(
                _runs(paragraph, {}) for paragraph in note.iter(f"{W}p")
            )
    return notes


def _styles(data: bytes | None) -> dict[str, dict[str, object]]:
    """Style id -> its name and the numbering it gives its paragraphs."""
    if data is None:
        return {}
    styles = {}
    for style in _xml(data).iter(f"{W}style"):
        num = style.find(f"{W}pPr/{W}numPr")
        styles[_attr(style, "styleId")] = {
            "name": _attr(style.find(f"{W}name"), "val"),
            "numId": _attr(num.find(f"{W}numId"), "val") if num is not None else "",
            "ilvl": _attr(num.find(f"{W}ilvl"), "val") if num is not None else "",
        }
    return styles


class _Numbering:
    """Word's list numbering: counters per list and level, formatted as numbering.xml says."""

    def __init__(self, data: bytes | None) -> None:
        self.levels: dict[
            tuple[str, int], tuple[str, str, int]
        ] = {}  # (numId, ilvl) -> (numFmt, lvlText, start)
        self.counters: dict[str, list[int]] = {}
        if data is None:
            return
        root = _xml(data)
        abstract = {_attr(node, "abstractNumId"): node for node in root.iter(f"{W}abstractNum")}
        for num in root.iter(f"{W}num"):
            definition = abstract.get(_attr(num.find(f"{W}abstractNumId"), "val"))
            if definition is None:
                continue
            overrides = {
                int(_attr(o, "ilvl") or 0): int(_attr(o.find(f"{W}startOverride"), "val") or 1)
                for o in num.iter(f"{W}lvlOverride")
                if o.find(f"{W}startOverride") is not None
            }
            for level in definition.iter(f"{W}lvl"):
                ilvl = int(_attr(level, "ilvl") or 0)
                start = overrides.get(ilvl, int(_attr(level.find(f"{W}start"), "val") or 1))
                self.levels[_attr(num, "numId"), ilvl] = (
                    _attr(level.find(f"{W}numFmt"), "val"),
                    _attr(level.find(f"{W}lvlText"), "val"),
                    start,
                )

    def marker(self, paragraph: etree._Element, style: dict[str, object]) -> str:
        """The number Word shows before the paragraph, as text ("12. ", "(a) "), or ""."""
        num = paragraph.find(f"{W}pPr/{W}numPr")
        num_id = (
            _attr(num.find(f"{W}numId"), "val") if num is not None else str(style.get("numId", ""))
        )
        ilvl = int(
            (_attr(num.find(f"{W}ilvl"), "val") if num is not None else style.get("ilvl")) or 0
        )
        if not num_id or num_id == "0" or (num_id, ilvl) not in self.levels:
            return ""
        kind, template, start = self.levels[num_id, ilvl]
        counters = self.counters.setdefault(num_id, [])
        while len(counters) <= ilvl:
            counters.append(self.levels.get((num_id, len(counters)), ("", "", 1))[2] - 1)
        counters[ilvl] += 1
        del counters[ilvl + 1 :]  # a deeper level starts again under the next item
        value = counters[ilvl]
        shown = {
            "lowerLetter": chr(ord("a") + value - 1),
            "upperLetter": chr(ord("A") + value - 1),
            "lowerRoman": roman(value),
        }.get(kind, str(value))
        return template.replace(f"%{ilvl + 1}", shown) + " " if template else ""
