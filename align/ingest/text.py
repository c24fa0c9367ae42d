"""Plain text: blocks separated by blank lines (or found line by line where a converter left none, see
lines), a form feed is a page break; the notes at a page's foot that a PDF converter left as plain
lines are footnotes (see pagefoot)."""

from __future__ import annotations

from align.ingest import lines as by_line
from align.ingest import pagefoot
from align.ingest.inline import clean
from align.model import Block
from align.untext import join_lines


def read(text: str) -> list[Block]:
    """Split plain text into paragraph blocks in reading order."""
    chunks: list[list[str] | None] = []
    for page_index, page in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\f")):
        if page_index:
            chunks.append(None)
        chunks += [
            lines
            for chunk in page.split("\n\n")
            if (lines := [line for line in chunk.split("\n") if line.strip()])
        ]
    texts = [chunk for chunk in chunks if chunk is not None]
    if by_line.unbroken(texts):
        full = by_line.full_length(texts)
        chunks = [
            part
            for chunk in chunks
            for part in ([None] if chunk is None else by_line.paragraphs(chunk, full))
        ]
    blocks: list[Block] = []
    for item in pagefoot.recover(chunks):
        if item is None:
            blocks.append(Block("", kind="page-break"))
        elif isinstance(item, tuple):
            blocks.append(Block(clean(item[1]), kind="footnote", number=str(item[0])))
        elif text_of_chunk := clean(join_lines(item)):
            blocks.append(Block(text_of_chunk))
    return blocks
