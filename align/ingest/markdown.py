"""Markdown as PDF converters write it: headings, `---` page rules, `<sup>` footnote marks.

Grammar of what this reader recognises (everything else is paragraph text):
    block      := lines separated by one or more blank lines
    heading    := "#"{1,6} " " text  |  text "\\n" ("="+ | "-"+)
    page-break := "---" | "***" | "___" (alone on a line), or a form feed
    footnote   := "<sup>" N "</sup>" text  |  "[^" N "]:" text
    inline     := "<sup>" N "</sup>" -> "[^N]";  "*"/"_" emphasis dropped;  "  " or "\\" at end = line break
"""

from __future__ import annotations

import html
import re

from align.ingest.inline import clean
from align.model import Block
from align.untext import join_lines

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_FOOTNOTE = re.compile(r"^\s*(?:<sup>\s*(\d+)\s*</sup>|\[\^(\d+)\]:)\s*(.*)$", re.S)
_SUP_NUMBER = re.compile(r"<sup>\s*(\d+)\s*</sup>")
_SUP_OTHER = re.compile(r"<sup>(.*?)</sup>", re.S)
_BREAK_TAG = re.compile(r"<br\s*/?>", re.I)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_LINK = re.compile(r"!?\[([^\]^][^\]]*)\]\([^)]*\)")
# Emphasis: runs of * or _ that open or close a span; "_" only at word edges (A_RES_60 stays).
_EMPHASIS = re.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)")
_ESCAPABLE = "\\`*_{}[]()#+-.!|<>"
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")
# Escaped characters wait in the Private Use Area while markup is removed, then come back as text.
_HIDDEN = str.maketrans({chr(0xE000 + index): char for index, char in enumerate(_ESCAPABLE)})
_HIDING = re.compile(f"[\ue000-{chr(0xE000 + len(_ESCAPABLE) - 1)}]")


def read(text: str) -> list[Block]:
    """Split Markdown text into blocks in reading order."""
    blocks: list[Block] = []
    for chunk in _chunks(text.replace("\r\n", "\n").replace("\r", "\n")):
        blocks.extend(_blocks_of(chunk))
    return blocks


def _chunks(text: str) -> list[list[str]]:
    """Lines grouped into blank-line separated chunks; a rule or form feed is a chunk of its own."""
    chunks: list[list[str]] = [[]]
    for line in text.split("\n"):
        for part_index, part in enumerate(line.split("\f")):
            if part_index:
                chunks += [["---"], []]
            if not part.strip():
                chunks.append([])
            elif _RULE.match(part) and not (chunks[-1] and _SETEXT.match(part.strip())):
                chunks += [[part], []]
            else:
                chunks[-1].append(part)
    return [chunk for chunk in chunks if chunk]


def _blocks_of(lines: list[str]) -> list[Block]:
    if len(lines) == 1 and _RULE.match(lines[0]):
        return [Block("", kind="page-break")]
    heading = _HEADING.match(lines[0])
    if heading:
        rest = _blocks_of(lines[1:]) if lines[1:] else []
        return [Block(inline(heading[2]), kind="heading", level=len(heading[1]))] + rest
    if len(lines) == 2 and _SETEXT.match(lines[1].strip()):
        return [Block(inline(lines[0]), kind="heading", level=1 if "=" in lines[1] else 2)]
    text = _join(lines)
    footnote = _FOOTNOTE.match(text)
    if footnote:
        number = footnote[1] or footnote[2]
        return [Block(inline(footnote[3]), kind="footnote", number=number)]
    return [Block(inline(text))]


def _join(lines: list[str]) -> str:
    """Join a chunk's lines, keeping Markdown hard breaks (two trailing spaces, a trailing "\\")."""
    parts = []
    for line in lines:
        hard = (
            line.endswith("  ")
            or line.rstrip().endswith("\\")
            and not line.rstrip().endswith("\\\\")
        )
        parts.append(line.rstrip().removesuffix("\\") + ("\n" if hard else ""))
    return join_lines(parts)


def inline(text: str) -> str:
    """Markdown inline markup to clean text with `[^N]` footnote references.

    >>> inline("*Rappelant* le Document final de 2005<sup>1</sup>,")
    'Rappelant le Document final de 2005[^1],'
    >>> inline("*68<sup>e</sup> séance plénière*")
    '68e séance plénière'
    """
    # Each step runs only where the text (as the steps before left it) has what its pattern needs.
    if "\\" in text:
        text = _ESCAPE.sub(lambda match: chr(0xE000 + _ESCAPABLE.index(match[1])), text)
    if "<" in text:
        text = _SUP_NUMBER.sub(r"[^\1]", text)
        text = _SUP_OTHER.sub(r"\1", text)
        text = _BREAK_TAG.sub("\n", text)
        text = _TAG.sub("", text)
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub("", text)
    if _HIDING.search(text):
        text = text.translate(_HIDDEN)
    return clean(html.unescape(text))
