"""Akoma Ntoso for the United Nations (AKN4UN): the UN's own XML of its resolutions, structure in the markup.

What this reader takes from a document (namespace http://docs.oasis-open.org/legaldocml/ns/akn/3.0):
    identity      := FRBRWork/FRBRuri "/akn/un/.../unga/<date>/80-156/" -> A/RES/80/156,
                     ".../unsc/<date>/2618-2022/" -> S/RES/2618(2022); else preface/docNumber;
                     FRBRExpression/FRBRlanguage@language (ISO 639-2: fra, zho, deu, ...) -> fr, zh, de
    cover         := coverPage: each <p> a line, keyed by what the markup calls it (session, agenda item,
                     docTitle "adopted by ...", docProponent ...): one block each; the symbol is not text
    title         := preface docTitle, headed "80/156." as the printed resolution is
    intro         := preamble/formula (the enacting formula: "The General Assembly,")
    preamble      := preamble/container (or recital, citation): one preambular paragraph each
    operative     := mainBody//paragraph: "<num> <content>", "N." whatever the script's own mark
    item          := list/point (or subparagraph): its content, one block each, nested in order, its id path
                     from its place in the lists (a, b, ... then a.i, a.ii)
    heading       := heading, and the num of article/section/part/chapter containers
    reference     := authorialNote@marker -> "[^N]" at its place; its text becomes footnote N
                     (Arabic prints the reference between <sup>(</sup> and <sup>)</sup>: dropped)
    meeting       := conclusions (the meeting line and date)
    annex         := attachments/attachment: its title, then its body as above, ids under "annex."
    parts         := documentCollection + components/component: each part (A, B) as above, ids under "A.", "B."
The markup is trusted where it speaks and read as text where it does not: a paragraph without <num>
goes to the structure stage as its text, whose own rules find a number printed in it (or none).
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from typing import NamedTuple

from lxml import etree

from align.errors import UnreadableInput
from align.ingest.inline import clean
from align.ingest.xmlsafe import parse_xml
from align.langs import parse_lang
from align.model import Block
from align.untext import parts_of, roman

BINARY = True
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
# ISO 639-2 (bibliographic and terminology codes) of the languages the UN publishes in, and a few more.
_ISO_639_2 = {
    "ara": "ar",
    "chi": "zh",
    "zho": "zh",
    "eng": "en",
    "fra": "fr",
    "fre": "fr",
    "rus": "ru",
    "spa": "es",
    "deu": "de",
    "ger": "de",
    "por": "pt",
    "ita": "it",
    "jpn": "ja",
    "hin": "hi",
    "kor": "ko",
    "tur": "tr",
}
# The FRBR work URI of a resolution: its body, its adoption date, its number.
_WORK = re.compile(
    r"/akn/un/[^/]+/[^/]+/(?P<body>unga|unsc)/[^/]*/(?P<a>\d+)-(?P<b>\d+)(?P<part>[A-Z]?)/"
)
# an operative paragraph's <num>: "1.", "1 -"
_NUMBER = re.compile(r"^\s*(?P<n>\d{1,3})\s*[.\-–—]?\s*$")
_ITEM_MARK = re.compile(r"^\(?[^\W\d_]{1,5}\)$")  # "(a)", "a)", "(iv)", "(أ)"
_BRACKET = frozenset("()")
# Containers whose children are the document's parts; their <num> and <heading> are headings.
_CONTAINERS = frozenset(
    {"article", "section", "part", "chapter", "division", "title", "hcontainer", "tblock", "book"}
)
_ITEMS = frozenset({"point", "subparagraph", "item"})
# Lists of items: one inside an item or after it is that item's, one level down
_LISTS = frozenset({"list", "blockList", "sublist"})
# The key of a cover page's line by the first element in it that names what the line is, (element,
# refersTo or name); ("docTitle", "") stands for any docTitle the others do not name, and an inline is a
# key by its name only ("originating document" is not a line). The keys are the header keys the
# structure stage gives a converted PDF's lines (align/langs: Convention.header).
_COVER = {
    ("docAuthority", "#publisher"): "publisher",
    ("docAuthority", "#issuingBody"): "body",
    ("docStatus", ""): "distribution",
    ("docDate", ""): "date",
    ("session", ""): "session",
    ("inline", "agenda item"): "agenda",
    ("inline", "agenda item name"): "agenda-name",
    ("docTitle", "#resolutionNumber"): "number",
    ("docTitle", ""): "adopted",
    ("docProponent", ""): "basis",
}


class Reading(NamedTuple):
    """What an AKN file states: its blocks, document symbol, language, and what the markup lacked."""

    blocks: list[Block]
    symbol: str
    lang: str
    repairs: tuple[str, ...]


def read(data: bytes) -> Reading:
    """Blocks of an AKN4UN document in reading order, footnotes after the text, and its identity."""
    root = parse_xml(data, "Akoma Ntoso XML")
    if etree.QName(root).localname != "akomaNtoso":
        raise UnreadableInput(
            f"XML but not Akoma Ntoso: the root element is <{etree.QName(root).localname}>"
        )
    symbol, lang = _symbol(root), _lang(root)
    reader = _Reader(symbol)
    document = next(
        (
            child
            for child in _elements(root)
            if etree.QName(child).localname not in ("meta", "components")
        ),
        None,
    )
    if document is not None:
        reader.parts(document)
    # a resolution in parts (80/236 A and B) is a collection whose components are the parts
    for place, component in enumerate(root.iterfind(f"{AKN}components/{AKN}component"), 1):
        for part in _elements(component):
            name = " ".join((part.findtext(f"{AKN}preface//{AKN}docNumber") or "").split()).rstrip(
                "."
            )
            reader.blocks.append(
                Block(name if re.fullmatch(r"[A-Z]{1,3}", name) else f"part{place}", kind="part")
            )
            reader.parts(part)
    return Reading(reader.blocks + reader.notes, symbol, lang, tuple(reader.repairs))


def _symbol(root: etree._Element) -> str:
    """The document symbol as printed on the cover, else from the FRBR work URIs, else <docNumber> as
    printed. Where they differ the printed one is right: the work URIs of A/RES/76/235 B name no part,
    A/RES/78/226's French ones say 76/226. A file may hold the parts of one resolution (80/236 A and B: a
    work URI each): it is A/RES/80/236A-B, and a cover printing no parts takes those its works name.

    >>> _symbol(etree.fromstring(f'<a xmlns="{AKN[1:-1]}"><FRBRWork><FRBRuri value="/akn/un/statement/deliberation/unsc/2022-01-31/2619-2022/"/></FRBRWork></a>'))
    'S/RES/2619(2022)'
    """
    works = _worked(root)
    printed = root.find(f".//{AKN}docNumber[@refersTo='#symbol']")
    cover = _as_printed(printed.xpath("string()") if printed is not None else "")
    if cover:
        resolution, parts = parts_of(cover)
        worked = parts_of(works)
        return resolution + (parts or (worked[1] if worked[0] == resolution else ""))
    if works:
        return works
    number = _as_printed(root.findtext(f".//{AKN}docNumber") or "")
    if number:
        return number
    raise UnreadableInput("no document symbol in the Akoma Ntoso metadata (FRBRuri or docNumber)")


def _as_printed(text: str) -> str:
    """The symbol a <docNumber> prints ("S/RES/2619 (2022)." is S/RES/2619(2022)), "" if it prints none."""
    text = " ".join(text.split()).rstrip(".")
    return text.replace(" (", "(") if "/" in text and text[0].isalpha() else ""


def _worked(root: etree._Element) -> str:
    """The symbol the FRBR work URIs name, with the parts they name one each; "" if none does."""
    works = [
        match
        for uri in root.iterfind(f".//{AKN}FRBRWork/{AKN}FRBRuri")
        if (match := _WORK.search(uri.get("value", "")))
    ]
    if not works:
        return ""
    first = works[0]
    if first["body"] == "unsc":
        return f"S/RES/{int(first['a'])}({first['b']})"
    parts = [work["part"] for work in works if work["part"]]
    suffix = parts[0] + (f"-{parts[-1]}" if parts[-1] != parts[0] else "") if parts else ""
    return f"A/RES/{int(first['a'])}/{int(first['b'])}{suffix}"


def _lang(root: etree._Element) -> str:
    element = root.find(f".//{AKN}FRBRExpression/{AKN}FRBRlanguage")
    code = (element.get("language", "") if element is not None else "").strip().lower()
    if not code:
        raise UnreadableInput("no language in the Akoma Ntoso metadata (FRBRlanguage)")
    try:
        return _ISO_639_2.get(code) or parse_lang(code)
    except ValueError:
        raise UnreadableInput(f"unknown language {code!r} in FRBRlanguage") from None


class _Reader:
    """Collects blocks, footnotes and repairs while the parts of a document are read in order."""

    def __init__(self, symbol: str) -> None:
        self.symbol = symbol
        self.blocks: list[Block] = []
        self.notes: list[Block] = []
        self.repairs: list[str] = []
        self._orphan = ""  # a paragraph number the markup left without text

    def add(self, block: Block) -> None:
        if block.text:
            self.blocks.append(block)

    def parts(self, document: etree._Element) -> None:
        """The parts of a document in their order: a file may interleave preamble and body (75_234_C.xml does)."""
        for part in _elements(document):
            name = etree.QName(part).localname
            if name == "coverPage":
                self.cover(part)
            elif name == "preface":
                self.title(part)
            elif name == "preamble":
                self.preamble(part)
            elif name in ("mainBody", "body"):
                self.body(
                    part,
                    single=not any(
                        etree.QName(later).localname == "preamble" for later in part.itersiblings()
                    ),
                )
            elif name == "conclusions":
                self.add(Block(self.text(part), kind="meeting"))
            elif name == "attachments":
                for attachment in part.iterfind(f"{AKN}attachment"):
                    self.annex(attachment)

    def cover(self, page: etree._Element) -> None:
        """The cover page's lines a translator translates, each keyed by its markup; its symbol is not one."""
        for line in _elements(page):
            for element in line.iterdescendants():
                if not isinstance(element.tag, str):
                    continue
                name = etree.QName(element).localname
                if name == "docNumber":
                    break
                refers = element.get("refersTo") or element.get("name") or ""
                key = _COVER.get((name, refers)) or (
                    _COVER.get((name, "")) if name != "inline" else None
                )
                if key:
                    self.add(Block(self.text(line), kind="cover", number=key))
                    break

    def title(self, preface: etree._Element) -> None:
        if any(block.kind != "cover" for block in self.blocks):
            # a part's own preface (the cover page comes first in some files): its number is the part's
            # name, its title a heading
            for title in preface.iterfind(f".//{AKN}docTitle"):
                self.add(Block(self.text(title), kind="heading", level=2))
            return
        title = preface.find(f".//{AKN}docTitle")
        text = self.text(title) if title is not None else ""
        number = re.fullmatch(r"A/RES/(\d+/\d+)", self.symbol)
        if text:  # "80/156. South-South cooperation", as the printed resolution heads it
            self.add(Block(f"{number[1]}. {text}" if number else text, kind="heading", level=1))

    def preamble(self, preamble: etree._Element) -> None:
        """The enacting formula, then each preambular paragraph; one that ends in a list of items gives
        them apart, as an operative paragraph does (the Chinese and Russian files of A/RES/79/93 A put
        part A's only operative paragraph and its items (a) to (e) in the preamble, where French has
        them in the body)."""
        for child in _elements(preamble):
            name = etree.QName(child).localname
            parts = _elements(child)
            if name == "formula" or not parts or etree.QName(parts[-1]).localname != "blockList":
                self.add(Block(self.text(child), kind="intro" if name == "formula" else "preamble"))
                continue
            listed = parts[-1]
            own = [self.text(part) for part in parts[:-1]] + _intros([listed], self.text)
            self.add(Block(" ".join(part for part in own if part), kind="preamble"))
            self.items(listed)

    def body(self, element: etree._Element, single: bool = False) -> None:
        """The parts of a body in order: paragraphs, their items, headings of containers. A resolution's
        only operative paragraph is not numbered (UN practice): `single` says the body is the last of the
        document's operative part, where one unnumbered paragraph alone is that paragraph."""
        children = _elements(element)
        paragraphs = [child for child in children if etree.QName(child).localname == "paragraph"]
        numbered = [
            child for child in paragraphs if _NUMBER.match(child.findtext(f"{AKN}num") or "")
        ]
        # the one paragraph without a number, maybe followed by its items ("(a)" in <num>), none numbered
        lone = (
            single
            and paragraphs[:1] == children[:1]
            and paragraphs[0].find(f"{AKN}num") is None
            and not numbered
            and all(child.find(f"{AKN}num") is not None for child in paragraphs[1:])
        )
        for child in children:
            name = etree.QName(child).localname
            if name == "paragraph":
                self.paragraph(
                    child, "operative" if lone and child is paragraphs[0] else "paragraph"
                )
            elif (
                name in _CONTAINERS
            ):  # an article, a section, a part: its number and heading are headings
                self.body(child)
            elif name in ("num", "heading", "subheading"):
                self.add(Block(self.text(child), kind="heading", level=2))
            elif name in _ITEMS or name in _LISTS:
                self.items(child)
            else:
                self.add(Block(self.text(child)))

    def paragraph(self, element: etree._Element, kind: str = "paragraph") -> None:
        """An operative paragraph: "N. text", its items after it; a paragraph that holds a heading or a
        subheading (an annex's title, a section's mark and title: A/RES/79/161's French file) gives it
        first."""
        for heading in _elements(element):
            if etree.QName(heading).localname in ("heading", "subheading"):
                self.add(Block(self.text(heading), kind="heading", level=2))
        number = element.find(f"{AKN}num")
        if number is None and not any(
            etree.QName(child).localname in ("content", "intro", "p", "list")
            for child in _elements(element)
        ):
            return
        own = [
            self.text(child)
            for child in _elements(element)
            if etree.QName(child).localname in ("content", "intro", "p")
        ]
        own += _intros(_lists(element), self.text)
        text = " ".join(part for part in own if part)
        match = _NUMBER.match(number.text or "") if number is not None else None
        where = f"paragraph {element.get('eId', '?')}"
        if match and not text:  # a number whose text the markup put in the next paragraph
            self.repairs.append(
                f"{where}: <num> {match['n']} without text, given to the next paragraph"
            )
            self._orphan = match["n"]
            return
        if number is None and self._orphan:
            text, self._orphan = f"{self._orphan}. {text}", ""
        elif match:
            text = f"{match['n']}. {text}"
        elif (
            kind == "paragraph"
        ):  # the structure stage finds the number in the text, if it is printed there
            printed = self.text(number) if number is not None else ""
            if not _ITEM_MARK.match(
                printed
            ):  # an item's mark, "(a)", in a paragraph's <num> is no fault
                self.repairs.append(
                    f"{where}: {'<num> ' + repr(printed) if printed else 'no <num>'}, read by its text"
                )
            text = f"{printed} {text}".strip()
        self.add(Block(text, kind=kind))
        for child in _elements(element):
            name = etree.QName(child).localname
            if name == "paragraph":
                self.paragraph(child)
            elif name in _LISTS or name in _ITEMS:
                self.items(child)

    def items(self, element: etree._Element, above: str = "") -> None:
        """Numbered items, each a block whose number is its id path by its place in the markup's lists:
        "a", "b", ... and one level down "a.i", "a.ii" (UN practice), whatever marks the text prints
        (Latin, Cyrillic or Arabic letters, some mixed by mistake: S/RES/2618 (2022) in Russian). A list
        one level down is inside its item, or after it as a <sublist> (A/RES/77/226's items (i) to
        (xiii) of paragraph 2 (a), which were lost)."""
        children = [element] if etree.QName(element).localname in _ITEMS else _elements(element)
        place, path = 0, ""
        for child in children:
            name = etree.QName(child).localname
            if name in _LISTS:  # the list of the item before it
                self.items(child, path or above)
                continue
            if name not in _ITEMS:
                continue
            place += 1
            number = child.find(f"{AKN}num")
            own = [
                self.text(part)
                for part in _elements(child)
                if etree.QName(part).localname in ("content", "intro", "p", "heading")
            ]
            text = " ".join(part for part in own + _intros(_lists(child), self.text) if part)
            if (
                number is None
            ):  # no mark in the markup: the text's own, if it prints one, is read by the structure stage
                self.add(Block(text))
                path = ""
            else:
                mark = roman(place) if above else _letters(place)
                path = f"{above}.{mark}" if above else mark
                self.add(Block(text, kind="item", number=path))
            for listed in _lists(child):
                self.items(listed, path or above)

    def annex(self, attachment: etree._Element) -> None:
        """An annex: a mark that its numbering restarts (the structure stage gives it ids of its own), its parts."""
        self.blocks.append(Block("annex", kind="part"))
        for document in _elements(attachment):
            self.parts(document)

    def text(self, element: etree._Element) -> str:
        """Clean text of an element: references as [^N], footnotes collected, <eol/> a line break."""
        parts: list[str] = []
        self._walk(element, parts)
        return clean("".join(parts))

    def _walk(self, element: etree._Element, parts: list[str]) -> None:
        parts.append(element.text or "")
        for child in element:
            if not isinstance(
                child.tag, str
            ):  # comments and processing instructions: only their tail is text
                pass
            elif etree.QName(child).localname == "authorialNote":
                parts.append(self._note(child))
            elif etree.QName(child).localname in ("eol", "br"):
                parts.append("\n")
            elif not _bracket_of_note(child):
                self._walk(child, parts)
            parts.append(child.tail or "")

    def _note(self, note: etree._Element) -> str:
        marker = (note.get("marker") or "").strip()
        number = marker if marker.isdigit() else str(len(self.notes) + 1)
        # Arabic notes open with "()", the number's place
        text = re.sub(r"^\(\s*\)\s*", "", self.text(note))
        self.notes.append(Block(text, kind="footnote", number=number))
        return f"[^{number}]"


def _letters(place: int) -> str:
    """An item's letters by its place, as UN lists go on past z: a ... z, aa, bb, ... zz, aaa.

    >>> [_letters(n) for n in (1, 26, 27, 28, 53)]
    ['a', 'z', 'aa', 'bb', 'aaa']
    """
    return string.ascii_lowercase[(place - 1) % 26] * ((place - 1) // 26 + 1)


def _lists(element: etree._Element) -> list[etree._Element]:
    return [child for child in _elements(element) if etree.QName(child).localname in _LISTS]


def _intros(lists: list[etree._Element], text: Callable[[etree._Element], str]) -> list[str]:
    """The texts that open the lists, which belong to the text of the paragraph or item above them."""
    return [
        text(intro)
        for listed in lists
        for intro in _elements(listed)
        if etree.QName(intro).localname in ("intro", "listIntroduction")
    ]


def _elements(element: etree._Element) -> list[etree._Element]:
    return [child for child in element if isinstance(child.tag, str)]


def _bracket_of_note(element: etree._Element) -> bool:
    """A <sup>(</sup> or <sup>)</sup> beside a footnote reference (Arabic's way of printing it)."""
    if (
        etree.QName(element).localname != "sup"
        or (element.text or "").strip() not in _BRACKET
        or len(element)
    ):
        return False
    return any(
        sibling is not None
        and isinstance(sibling.tag, str)
        and etree.QName(sibling).localname == "authorialNote"
        for sibling in (element.getprevious(), element.getnext())
    )
