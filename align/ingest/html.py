"""HTML as saved from the UN web pages: block elements in reading order, footnotes, list numbering;
scripts, styles and navigation dropped. Parsed without network access or entity expansion.

    heading    := h1..h6
    paragraph  := p, li, blockquote, dd, td, div (the innermost blocks that hold text)
    list item  := <ol> numbering written out ("1. ", "(a) " for type="a"), so structure sees it
    reference  := <sup>N</sup>, <sup><a href="#fnN">N</a></sup>, <a class="footnote-ref">N</a>  -> [^N]
    footnote   := an element whose id is fnN / footnoteN, or the items of a "footnotes" list
"""

from __future__ import annotations

import re

from lxml import etree, html

from align.errors import UnreadableInput
from align.ingest.inline import clean
from align.model import Block
from align.untext import roman

_DROP = {
    "script",
    "style",
    "nav",
    "noscript",
    "template",
    "iframe",
    "form",
    "button",
    "svg",
    "math",
    "head",
    "object",
}
_BLOCKS = {
    "p",
    "li",
    "blockquote",
    "dd",
    "dt",
    "td",
    "th",
    "div",
    "section",
    "article",
    "main",
    "body",
    "pre",
    "caption",
}
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_FOOTNOTE_ID = re.compile(r"^(?:fn|footnote|note)[-_:]?(\d+)$", re.I)
_REFERENCE = re.compile(r"^\s*\[?(\d{1,3})\]?\s*$")
_ENTITY = re.compile(r"<!ENTITY", re.I)
MAX_DEPTH = 200  # deeper nesting than this is not a document but an attack on the parser


def read(text: str) -> list[Block]:
    """Blocks of an HTML document in reading order."""
    if _ENTITY.search(
        text
    ):  # entities serve billion-laughs and external-entity attacks, never UN text
        raise UnreadableInput(
            "declares entities (<!ENTITY>): refused, as in billion-laughs and external-entity attacks"
        )
    # huge_tree: libxml2 otherwise cuts a text node past 10 MB short without a word (the file size limit
    # of ingest bounds what it holds)
    parser = html.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        default_doctype=False,
        huge_tree=True,
    )
    try:
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise UnreadableInput(f"not readable as HTML: {error}") from None
    for element in root.iter(*_DROP):
        element.drop_tree()
    main = next(iter(root.iter("main", "article")), None)
    blocks: list[Block] = []
    _walk(root if main is None else main, blocks, 0)
    return blocks


def _walk(element: etree._Element, blocks: list[Block], depth: int, marker: str = "") -> None:
    """The blocks of `element`; `marker`: the number its list gives it, if it is an item of an <ol>."""
    if depth > MAX_DEPTH:
        raise UnreadableInput(f"markup nested more than {MAX_DEPTH} levels deep")
    footnote = _FOOTNOTE_ID.match(element.get("id", ""))
    if footnote and element.tag not in ("a", "sup"):
        blocks.append(Block(_text(element, strip_number=True), kind="footnote", number=footnote[1]))
        return
    if element.tag in _HEADINGS:
        blocks.append(Block(_text(element), kind="heading", level=_HEADINGS[element.tag]))
        return
    if element.tag == "ol" and "footnote" in (
        element.get("class", "") + element.getparent().get("class", "")
    ):
        for number, item in enumerate(element.iterfind("li"), _number(element.get("start"))):
            blocks.append(
                Block(_text(item, strip_number=True), kind="footnote", number=str(number))
            )
        return
    children = list(element)
    first_block = next(
        (k for k, child in enumerate(children) if isinstance(child.tag, str) and _is_block(child)),
        None,
    )
    if element.tag in _BLOCKS or element.tag == "li":
        leading = _text(element, upto=first_block)  # the inline content before any nested block
        if leading.strip():
            blocks.append(Block(marker + leading))
    if first_block is None:
        return
    markers = _markers(element) if element.tag == "ol" else {}
    for child in children[first_block:]:
        if isinstance(child.tag, str):
            _walk(child, blocks, depth + 1, markers.get(child, ""))
        if (child.tail or "").strip() and element.tag in _BLOCKS:
            blocks.append(Block(clean(child.tail)))


def _is_block(element: etree._Element) -> bool:
    return (
        element.tag in _BLOCKS
        or element.tag in _HEADINGS
        or element.tag in ("ol", "ul", "table", "tr", "dl")
    )


def _markers(ol: etree._Element) -> dict[etree._Element, str]:
    """The number an ordered list gives each of its items, written as UN documents print it: "3. ",
    "(c) ", "(iii) " (one pass over the list: a list of 30,000 items costs 30,000 steps)."""
    kind, number, markers = ol.get("type", "1"), _number(ol.get("start")), {}
    for item in ol.iterfind("li"):
        number = _number(item.get("value"), number)
        if kind in ("a", "A") and 1 <= number <= 26:
            markers[item] = f"({chr(ord('a') + number - 1)}) "
        elif kind in ("i", "I"):
            markers[item] = f"({roman(number)}) "
        else:
            markers[item] = f"{number}. "
        number += 1
    return markers


def _number(value: str | None, default: int = 1) -> int:
    """A list number the markup gives ("start", "value"); what is not a plausible one counts as absent.

    >>> _number("3"), _number("x1"), _number("2000000"), _number(None, 7)
    (3, 1, 1, 7)
    """
    return int(value) if value and value.strip().isdigit() and int(value) < 100_000 else default


def _text(
    element: etree._Element, strip_number: bool = False, depth: int = 0, upto: int | None = None
) -> str:
    """Inline text (of the first `upto` element children) with footnote references as [^N] and <br>
    as a line break."""
    if depth > MAX_DEPTH:
        raise UnreadableInput(f"markup nested more than {MAX_DEPTH} levels deep")
    parts: list[str] = [element.text or ""]
    for index, child in enumerate(element):
        if upto is not None and index >= upto:
            break
        if not isinstance(child.tag, str):
            parts.append(child.tail or "")
            continue
        inner = child.text_content()
        if child.tag == "br":
            parts.append("\n")
        elif child.tag == "sup" and _REFERENCE.match(inner):
            parts.append(f"[^{_REFERENCE.match(inner)[1]}]")
        elif (
            child.tag == "a"
            and ("footnote" in child.get("class", "") or child.get("href", "").startswith("#fn"))
            and _REFERENCE.match(inner)
        ):
            parts.append(f"[^{_REFERENCE.match(inner)[1]}]")
        elif child.tag == "sup":
            parts.append(inner)
        else:
            parts.append(_text(child, depth=depth + 1))
        parts.append(child.tail or "")
    text = clean("".join(parts))
    return re.sub(r"^\d{1,3}[.)]?\s+", "", text) if strip_number else text
