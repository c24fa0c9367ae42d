"""Repair page-level damage of PDF conversion: running headers, page numbers, job numbers, cut paragraphs."""

from __future__ import annotations

from align.langs.record import ANNEX_MARK, Convention
from align.marks import without_trailing_references
from align.model import Block
from align.structure.conventions import SECTION_MARK
from align.untext import CLAUSE_END, PARAGRAPH_END, furniture, join_lines, opener


def is_furniture(block: Block) -> bool:
    """A running header, page number or job number, which is layout, not text."""
    return block.kind == "paragraph" and furniture(block.text)


def rejoin(blocks: list[Block], conv: Convention, lang: str) -> list[Block]:
    """Drop page breaks, rejoining a paragraph that a page break (and the page's footnotes) cut in two.

    The text after the break continues the paragraph before it when that paragraph does not end with
    paragraph-final punctuation and the text opens neither with a paragraph or sub-paragraph number
    nor, in the preamble, with the word that opened an earlier unnumbered paragraph ending as a clause
    does, or two of them (preambular paragraphs repeat their opening participle: "принимая во внимание",
    "Considérant"; the UDHR's end "...; и"). Footnote blocks are kept, in order, after the paragraph they
    interrupted.
    """
    out: list[Block] = []
    openers: set[str] = set()
    seen: set[str] = set()  # the first words of the paragraphs so far
    broken = False  # a page break or footnote stands between the last paragraph and this block
    for block in blocks:
        if block.kind == "page-break" or block.kind == "footnote":
            broken = True
            if block.kind == "footnote":
                out.append(block)
            continue
        previous = _last_paragraph(out)
        opener = _opener(block.text, lang)
        repeats = (
            opener in openers
            and previous is not None
            and not conv.paragraph.match(out[previous].text)
        )
        if (
            broken
            and previous is not None
            and block.kind == "paragraph"
            and not repeats
            and _continues(out[previous], block, conv)
        ):
            out[previous] = Block(join_lines([out[previous].text, block.text]), kind="paragraph")
        else:
            out.append(block)
            if block.kind == "paragraph" and opener and not conv.paragraph.match(block.text):
                # a preambular paragraph's: one that ends as a clause does, or the second to open so,
                # not a cover line's ("Promotion and protection of ...")
                if opener in seen or without_trailing_references(block.text).endswith(CLAUSE_END):
                    openers.add(opener)
                seen.add(opener)
        broken = False
    return out


def _opener(text: str, lang: str) -> str:
    """The opening word of a paragraph (untext.opener: "вновь подтверждая", Arabic's "إذ تشير" after
    "و"), if it opens with a letter and is long enough to be a paragraph's opening word (not "the").

    >>> _opener("принимая во внимание, что", "ru"), _opener("2006, ses résolutions", "fr"), _opener("the", "en")
    ('принимая', '', '')
    >>> _opener("وإذ تشير إلى قرارها", "ar") == _opener("إذ تشير إلى", "ar") != ""
    True
    """
    word = opener(text, lang) if text[:1].isalpha() else None
    return word if word and (len(word) >= 4 or lang.startswith("zh")) else ""


def _last_paragraph(blocks: list[Block]) -> int | None:
    for index in range(len(blocks) - 1, -1, -1):
        if blocks[index].kind != "footnote":
            return index if blocks[index].kind == "paragraph" else None
    return None


def _continues(before: Block, after: Block, conv: Convention) -> bool:
    if SECTION_MARK.match(before.text) or ANNEX_MARK.match(before.text):
        return False  # "III" or "附件" alone, then a page break: the heading is whole
    if (
        conv.paragraph.match(after.text)
        or conv.sub.match(after.text)
        or conv.meeting.match(after.text)
    ):
        return False
    end = without_trailing_references(before.text)
    # a comma or semicolon may end a paragraph, but the text after it may be one no paragraph opens with:
    # the page broke a list ("64/1 du 6 octobre 2009," | "66/219 du ...")
    return (
        not end.endswith(PARAGRAPH_END)
        or end.endswith(CLAUSE_END)
        and bool(conv.continuation.match(after.text))
    )
