"""Plain text: blocks separated by blank lines, a form feed is a page break."""

from __future__ import annotations

from align.ingest.inline import clean
from align.model import Block
from align.untext import join_lines


def read(text: str) -> list[Block]:
    """Split plain text into paragraph blocks in reading order."""
    blocks: list[Block] = []
    for page_index, page in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\f")):
        if page_index:
            blocks.append(Block("", kind="page-break"))
        for chunk in page.split("\n\n"):
            text_of_chunk = clean(join_lines(chunk.split("\n")))
            if text_of_chunk:
                blocks.append(Block(text_of_chunk))
    return blocks
