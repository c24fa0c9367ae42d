"""Blocks of one language version to a Document: header metadata, then units with stable ids.

Grammar of a UN resolution or declaration as this parser reads it (after page repair):
    document  := header* title note* body footnote*
    header    := body name | distribution | date | session | agenda item (and its name) | adopted
                 | basis: each a unit cover.<key> ("cover.session") and meta; the symbol only meta
    title     := "60/212. Title" (a resolution) | the first heading that is not a header line
    note      := paragraphs between the title and a preamble heading                     (-> meta)
    body      := intro? (preamble | operative | article | heading)* meeting? part*
    meeting   := "64e séance plénière" (-> meeting), the date under it (-> meeting.date)
    part      := an annex, or one part of a resolution in parts (A, B), as the markup marks it, or a
                 section mark alone (I, 一, أولا: the section's place, in roman numerals); then a body
                 whose ids start with its name: "annex.op.1", "B.pre.2", "III.op.1" (its numbering restarts)
    intro     := "The General Assembly," (or a block the markup calls the enacting formula) -> intro
    preamble  := an unnumbered paragraph before any operative paragraph          -> pre.K (by position;
                 p.K in a document that is not the UN's: its symbol, its file's name, has no "/")
    operative := "N." text (Arabic "N -")                                      -> op.N
    sub       := "(a)" / "a)" / "(أ)" / "а)" text, "(i)" one level down        -> op.N.a, op.N.a.i
    article   := article heading (-> art.N.h), then paragraphs: one -> art.N; several -> art.N.M (number or position)
    preamble heading ("Préambule", "Preamble")                                   -> preamble
Blocks whose kind the markup states (AKN's formula, container, conclusions, attachment) are taken as that
kind; the others are recognised by the patterns of the language's conventions.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field

from align.langs.record import ANNEX_MARK, LATIN_LETTERS, Convention, after_heading
from align.marks import strip_references, without_trailing_references
from align.model import Block, Document, Source, Unit
from align.structure.conventions import (
    MARK_BEFORE_TITLE,
    RESOLUTION_TITLE,
    SECTION_MARK,
    convention,
)
from align.structure.numbers import letter_id, parse_number
from align.structure.pages import is_furniture, rejoin
from align.untext import PARAGRAPH_END, SYMBOL_LINE, ascii_digits, join_lines, roman

# A date line in the header: short, with a year ("27 mars 2006", "2006年3月27日").
_DATE = re.compile(
    r"^\D{0,25}\d{1,4}\D{1,25}(?:19|20)\d{2}\D{0,12}$|^(?:19|20)\d{2}年\d{1,2}月\d{1,2}日$"
)
# A line and the date printed under it, which a converter ran into it: "Distr. générale 27 mars 2006",
# "64e séance plénière 15 décembre 2025", "第64次全体会议2025年12月15日".
_TRAILING_DATE = re.compile(
    r"^(.+?)(?:\s+(\d{1,2}\D{1,25}(?:19|20)\d{2}\D{0,12})|\s*((?:19|20)\d{2}年\d{1,2}月\d{1,2}日))$"
)
# The end of a sentence, and at most how long the meeting line and its date are (they end a paragraph
# a converter glued them to).
_SENTENCE_END = re.compile(r"[.。;；!?]\s*")
_MEETING_LENGTH = 80


# A "Préambule" heading this close to the title opens the document's preamble, and what precedes it
# is a note (the UDHR's adoption line); one further down is an annex's (A/RES/79/1's Pact), a heading.
_PREAMBLE_WITHIN = 4
# At most so many lines, none longer than this, make a cover page (publisher, body, distribution, date,
# session, agenda item and its name, adoption line, basis, symbol).
_COVER_LINES, _COVER_LINE_LENGTH = 16, 300
# Cover lines no line runs on from: the agenda item's name is a line of its own ("议程项目139" /
# "2025年方案预算", though it opens as a wrapped date's end does).
_NOT_WRAPPED = ("", "header", "symbol", "agenda")
_SECTION = re.compile(r"^[IVXL]+\.$")  # the ids' prefix in a section of a resolution in sections
_TITLE_LINES = 4  # a title runs over at most so many lines
_INTRO_LENGTH = 40  # an enacting formula is at most this long ("El Consejo de Seguridad,")


def parse(source: Source) -> Document:
    """Parse one language version; every block ends up in a unit or in the metadata."""
    conv = convention(source.lang)
    # Page furniture marks a page boundary: it becomes a page break, so a cut paragraph is rejoined.
    blocks = _intro_apart(
        rejoin(
            [
                Block("", kind="page-break") if is_furniture(block) else block
                for block in source.blocks
            ],
            conv,
            source.lang,
        ),
        conv,
    )
    notes = [block for block in blocks if block.kind == "footnote"]
    cover = [block for block in blocks if block.kind == "cover"]  # the cover page the markup marks
    blocks = [block for block in blocks if block.kind not in ("footnote", "cover")]
    title_at = _title_index(blocks, conv)
    if title_at is not None:
        blocks = _title_rejoined(blocks, title_at, conv)
    # without a title (a Security Council resolution) the cover page's lines stand above the enacting formula
    head = title_at if title_at is not None else _intro_index(blocks, conv)
    meta, units = _header(cover + blocks[:head], conv)
    body = blocks[head + 1 :] if title_at is not None else blocks[head:]
    if title_at is not None:
        match = RESOLUTION_TITLE.match(blocks[title_at].text)
        if match:
            meta["resolution"] = ascii_digits(match["n"])
        units.append(_unit("title", "title", match["title"] if match else blocks[title_at].text))
    preamble_at = next(
        (
            i
            for i, block in enumerate(body[:_PREAMBLE_WITHIN])
            if block.kind == "heading" and conv.preamble.match(block.text)
        ),
        None,
    )
    if preamble_at is not None:
        if preamble_at:
            meta["note"] = " ".join(block.text for block in body[:preamble_at])
        # "Préambule": a translator's text too
        units.append(_unit("preamble", "heading", body[preamble_at].text))
        body = body[preamble_at + 1 :]
    builder = _Body(conv)
    for block in body:
        builder.add(block)
    units += builder.finish()
    # the markup restarts a numbering; a converter's text repeats a number it corrupted
    if source.format == "akn":
        units = _unique(units)
    units += _footnotes(notes)
    if (
        "/" not in source.symbol
    ):  # not a UN document (its symbol is its file's name): no preamble, paragraphs
        units = [_neutral(unit) for unit in units]
    if (
        source.format == "akn"
    ):  # numbers and places the markup states, as opposed to a converter's text
        units = [
            dataclasses.replace(unit, marked=True) if unit.numbered else unit for unit in units
        ]
    repairs = source.repairs + tuple(builder.repairs)
    if repairs:
        meta["repairs"] = "; ".join(repairs)
    return Document(source.symbol, source.lang, meta, units, source.path)


def _unique(units: list[Unit]) -> list[Unit]:
    """The units under ids no other one has: a numbering the markup restarts where it marks no part (an
    annex's second part, sections inside an annex) gave two units one id, and the memory two units one
    tuid. A repeat takes a "'" as a footnote printed twice does; the versions repeat alike, so their ids
    still agree. Not for a converter's text, where a repeated number is more often a corrupted one: the
    later unit, the right one, would lose its id."""
    seen: set[str] = set()
    found = []
    for unit in units:
        id_ = unit.id
        while id_ in seen:
            id_ += "'"
        seen.add(id_)
        found.append(unit if id_ == unit.id else dataclasses.replace(unit, id=id_))
    return found


def _neutral(unit: Unit) -> Unit:
    """An unnumbered paragraph of a document that is not a UN resolution: p.K, where a resolution's would be pre.K."""
    if unit.kind != "preamble":
        return unit
    return dataclasses.replace(
        unit, id=re.sub(r"(^|\.)pre\.(\d+)$", r"\1p.\2", unit.id), kind="paragraph"
    )


def _title_index(blocks: list[Block], conv: Convention) -> int | None:
    """The title's place: never after the enacting formula or a preambular paragraph the markup marks, as
    all above the title is read as cover lines (a Spanish file without its title kept its first heading,
    three operative paragraphs down, and lost what came before)."""
    body = next(
        (index for index, block in enumerate(blocks) if block.kind in ("intro", "preamble")),
        len(blocks),
    )
    blocks = blocks[:body]
    for index, block in enumerate(blocks):
        if RESOLUTION_TITLE.match(block.text):
            return index
    for index, block in enumerate(blocks):
        if (
            block.kind == "heading"
            and not _header_key(block.text, conv)
            and not _is_structure(block.text, conv)
        ):
            return index
    return None


def _title_rejoined(blocks: list[Block], title_at: int, conv: Convention) -> list[Block]:
    """The title whole where a converter's lines cut it: the title-like lines between it and the enacting
    formula are its own ("78/33. 国际法院关于……的咨询" | "意见的后续行动" | "大会，"), as nothing else is
    printed there."""
    end = title_at + 1
    while (
        end < min(len(blocks), title_at + _TITLE_LINES)
        and blocks[end].kind == "paragraph"
        and _title_like(blocks[end].text)
        and not conv.intro.match(blocks[end].text)
        and not _is_structure(blocks[end].text, conv)
    ):
        end += 1
    if end == title_at + 1 or end == len(blocks) or not conv.intro.match(blocks[end].text):
        return blocks
    title = Block(
        join_lines([block.text for block in blocks[title_at:end]]), kind=blocks[title_at].kind
    )
    return [*blocks[:title_at], title, *blocks[end:]]


def _title_like(text: str) -> bool:
    """A title's line: short, and ending as no paragraph does."""
    end = without_trailing_references(text).rstrip()
    return len(text) <= _COVER_LINE_LENGTH and not end.endswith(tuple(".,;:。，；：،؛"))


def _marked_title(text: str) -> int:
    """Where a title starts after the roman numeral of its section ("I Доклад ...", "IV. Report"), or 0."""
    match = MARK_BEFORE_TITLE.match(text)
    return match.end() if match and text[match.end() : match.end() + 1].isupper() else 0


def _heading_end(text: str, conv: Convention) -> int:
    """Where a title with no final punctuation ends in a text that runs on into a preambular paragraph
    ("... para combatir la islamofobia Habiendo examinado ..."), or 0."""
    if conv.opener is None or conv.paragraph.match(text):
        return 0
    match = after_heading(conv.opener).search(text)
    return match.start() if match and _title_like(text[: match.start()]) else 0


def _intro_index(blocks: list[Block], conv: Convention) -> int:
    """Where the enacting formula ("Le Conseil de sécurité,") is among the first blocks, when only cover
    lines (short, none numbered) stand above it; else 0."""
    for index, block in enumerate(blocks[:_COVER_LINES]):
        if conv.intro.match(block.text):
            return index
        if len(block.text) > _COVER_LINE_LENGTH or _is_structure(block.text, conv):
            return 0
    return 0


def _intro_apart(blocks: list[Block], conv: Convention) -> list[Block]:
    """The enacting formula a converter ran onto the line above it ("... le 15 février 2022 Le Conseil
    de sécurité,", "... по борьбе с торговлей людьми Генеральная Ассамблея,"), a block of its own, so that
    the title and the cover page's lines are found above it. Only among the first blocks, before a formula
    standing alone, and only as the formula is printed: opening with a capital and ending with its comma
    (a title's "... by the Security Council" is none)."""
    for index, block in enumerate(blocks[:_COVER_LINES]):
        if conv.intro.match(block.text):
            break
        cut = _intro_at(block.text, conv) if block.kind == "paragraph" else 0
        if cut:
            head = [Block(block.text[:cut].rstrip()), Block(block.text[cut:])]
            return blocks[:index] + head + blocks[index + 1 :]
    return blocks


def _intro_at(text: str, conv: Convention) -> int:
    """Where an enacting formula ends `text` after a word of something else, or 0."""
    if not text.rstrip().endswith((",", "،", "，")):
        return 0
    for start in range(max(1, len(text) - _INTRO_LENGTH), len(text)):
        first, before = text[start], text[start - 1]
        wide = unicodedata.east_asian_width(first) in "WF"
        if (before.isspace() or wide) and not first.islower() and conv.intro.match(text[start:]):
            return start
    return 0


def _is_structure(text: str, conv: Convention) -> bool:
    return bool(conv.preamble.match(text) or conv.article.match(text) or conv.paragraph.match(text))


def _header_key(line: str, conv: Convention) -> tuple[str, str] | None:
    # Arabic's tatweel stretches a word, as the UN prints "الأمــم"
    bare = line.replace("\u0640", "")
    for key, pattern in conv.header.items():
        match = pattern.match(bare)
        if match:
            return key, match[1]
    if SYMBOL_LINE.match(line):
        return "symbol", line
    if _DATE.match(line):
        return "date", line
    return None


def _header(blocks: list[Block], conv: Convention) -> tuple[dict[str, str], list[Unit]]:
    """The metadata of the lines above the title, and the units of those a translator translates: a line
    whose key is known (the session, the agenda item, "adopted by ...") is the unit cover.<key>, which
    pairs across versions by that key. The markup keys its cover page's lines; a converter's text is
    keyed by the language's header patterns, and the unknown line under an agenda item is its name."""
    meta: dict[str, str] = {}
    units: dict[str, Unit] = {}
    key = ""
    for block in blocks:
        if block.kind == "cover":
            lines = [(block.number, block.text)]
        else:
            lines = [
                ("", part) for line in block.text.split("\n") for part in _apart(line.strip(), conv)
            ]
        for known, line in lines:
            previous = key
            key, value = (known, line) if known else _header_key(line, conv) or ("header", line)
            wrapped = previous not in _NOT_WRAPPED and conv.continuation.match(line)
            if key == "header" and wrapped:
                # the end of the line above, which a converter wrapped ("... le 22 décembre" / "2005")
                last = list(units)[-1]
                units[last] = _unit(last, "cover", join_lines([units[last].text, line]))
                meta[previous], key = join_lines([meta[previous], line]), previous
                continue
            if key == "header" and previous == "agenda":
                key = "agenda-name"
            meta[key] = f"{meta[key]} | {value}" if key in meta else value
            if key in ("header", "symbol"):
                continue
            id_, count = f"cover.{key}", 1
            while id_ in units:  # a key printed twice: both lines, the second under cover.<key>.2
                count += 1
                id_ = f"cover.{key}.{count}"
            units[id_] = _unit(id_, "cover", line)
    return meta, list(units.values())


def _glued_meeting(text: str, conv: Convention) -> int:
    """Where the meeting line and its date start in a paragraph a converter glued them to ("... de la
    présente résolution. 48e séance plénière 21 décembre 2020"), or 0: a paragraph never holds them.
    The date may have stayed on the line below ("...临时议程。 第55次全体会议(续会)" | "2024年12月24日"):
    a meeting line ends the paragraph then, with no punctuation after it."""
    for end in _SENTENCE_END.finditer(text, max(0, len(text) - _MEETING_LENGTH)):
        tail = " ".join(text[end.end() :].split())
        if conv.meeting.match(tail) and (_dated(tail) or not tail.endswith(PARAGRAPH_END)):
            return end.end()
    return 0


def _dated(line: str) -> tuple[str, str] | None:
    """A line and the date a converter ran into it, apart (see _TRAILING_DATE), or None."""
    match = _TRAILING_DATE.match(line)
    return (match[1], match[2] or match[3]) if match else None


def _apart(line: str, conv: Convention) -> list[str]:
    """A header line as the document prints it, in lines: a converter may run the date into the
    distribution line above it ("Distr. générale 27 mars 2006")."""
    dated = _dated(line)
    if dated and (_header_key(dated[0], conv) or ("",))[0] == "distribution":
        return list(dated)
    return [line] if line else []


def _unit(id_: str, kind: str, text: str, number: str = "", numbered: bool = True) -> Unit:
    # a converter's line end kept for the language's rules (ingest/lines.py) is a soft one now: no space
    # in Chinese
    clean, marks = strip_references(join_lines(text.split("\n")))
    return Unit(id_, kind, clean, number, marks, numbered)


def _footnotes(blocks: list[Block]) -> list[Unit]:
    units: dict[str, Unit] = {}
    for block in blocks:
        id_ = f"fn.{block.number}"
        while id_ in units:  # a number printed twice: keep both, the second under a derived id
            id_ += "'"
        units[id_] = _unit(id_, "footnote", block.text, block.number)
    return list(units.values())


@dataclass
class _Entry:
    """A paragraph of an article before its id is known (ids depend on how many paragraphs it has)."""

    number: str
    text: str
    subs: list[tuple[str, str]] = field(default_factory=list)  # (letter path, text)


@dataclass
class _Body:
    """Reads body blocks in order and gives each its unit id."""

    conv: Convention
    units: list[Unit] = field(default_factory=list)
    article: str = ""
    entries: list[_Entry] = field(default_factory=list)
    parent: str = ""  # id of the paragraph that sub-paragraphs attach to
    letter: str = ""  # last sub-paragraph letter under the parent
    counts: dict[str, int] = field(default_factory=dict)
    prefix: str = ""  # "annex." inside an annex, "III." in section III: their numbering restarts
    parts: dict[str, int] = field(default_factory=dict)  # how many annexes, sections, ... so far
    # where the markup's kind was overruled by the text
    repairs: list[str] = field(default_factory=list)
    operative: bool = False  # an operative paragraph was read (in this part): unnumbered ones are no longer preambular
    last: int = 0  # the number of the last operative paragraph read in this part

    def add(self, block: Block) -> None:
        text, conv = block.text, self.conv
        if block.kind in ("paragraph", "preamble", "operative") and (
            cut := _glued_meeting(text, conv)
        ):
            self.add(dataclasses.replace(block, text=text[:cut].rstrip()))
            self.add(Block(text[cut:], kind="meeting"))
        elif block.kind == "heading" and (cut := _marked_title(text)):
            # a section's mark and its title in one heading (A/RES/76/246's Russian file: "I Доклад об
            # исполнении бюджета ...", where French has "I" and its title apart)
            self._next_section()
            self._heading(text[cut:])
        elif block.kind == "heading" and not SECTION_MARK.match(text):
            self._heading(text)
        elif block.kind == "part":  # an annex, or a part of a resolution (80/236 A and B)
            self._numbered_part(text)
        elif block.kind in ("paragraph", "heading") and ANNEX_MARK.match(text):
            # an annex's heading: in a converter's text it opens the annex's part, which the markup
            # marks before it
            if not (self.prefix.startswith("annex") and self._part_head()):
                self._numbered_part("annex")
            self._heading(text)
        elif (
            block.kind == "paragraph"
            and self._part_head()
            and _title_like(text)
            and not conv.paragraph.match(text)
        ):
            self._heading(text)  # a part's title, under its mark ("Annex", "III")
        elif block.kind == "paragraph" and self._part_head() and (cut := _heading_end(text, conv)):
            # the part's title and the first paragraph under it, which a converter's lines ran together
            self._heading(text[:cut])
            self.add(dataclasses.replace(block, text=text[cut:].strip()))
        elif block.kind == "paragraph" and conv.article.match(
            text
        ):  # "Article 2" on a line of its own
            self._heading(text)
        elif block.kind in ("paragraph", "heading") and SECTION_MARK.match(
            text
        ):  # section I, II, ... by its place
            self._next_section()
        elif block.kind == "meeting" or conv.meeting.match(text):
            # the meeting line and its date, printed on two lines: two units, as a CAT tool cuts them
            self._close_article()
            dated = _dated(" ".join(text.split()))
            self.units.append(
                _unit(self.prefix + "meeting", "meeting", dated[0] if dated else text)
            )
            if dated:
                self.units.append(_unit(self.prefix + "meeting.date", "meeting", dated[1]))
        elif self.units and self.units[-1].id == self.prefix + "meeting" and _DATE.match(text):
            self.units.append(_unit(self.prefix + "meeting.date", "meeting", text))
        elif block.kind == "intro":
            self.units.append(_unit(self.prefix + "intro", "intro", text))
        elif (
            block.kind == "operative"
        ):  # a resolution's only operative paragraph, unnumbered as the UN prints it
            self._operative("1", text)
        elif block.kind == "preamble" and self.operative and conv.paragraph.match(text):
            self.repairs.append(
                f"a preambular paragraph numbered as an operative one, read as such: {text[:40]!r}"
            )
            self._numbered(text)
        elif (
            block.kind == "preamble"
        ):  # the markup's own preambular paragraph: its place is its number
            self._preamble(text, numbered=True)
        elif block.kind == "item" and (
            self.parent or self.entries
        ):  # the markup's item, its id path given
            self._attach(block.number, text)
        elif conv.sub.match(text) and (self.parent or self.entries):
            self._sub(text)
        elif conv.paragraph.match(text):
            self._numbered(text)
        elif self.article:
            self.entries.append(_Entry("", text))
        elif not self.units and conv.intro.match(text):
            self.units.append(_unit("intro", "intro", text))
        elif not self.operative:
            for paragraph in self._run_apart(text):
                # the enacting formula ("大会，") heading the first preambular paragraph
                if not self.counts.get("pre") and conv.intro.match(paragraph):
                    self.units.append(_unit(self.prefix + "intro", "intro", paragraph))
                else:
                    self._preamble(paragraph)
        else:
            self.units.append(_unit(self._next("para"), "paragraph", text, numbered=False))

    def _part_head(self) -> bool:
        """At the head of a part (an annex, a section): in it, nothing but headings read yet."""
        return bool(self.prefix) and set(self.counts) <= {"h"} and not self.operative

    def _next_section(self) -> None:
        """The next section of a resolution in sections (I, II, ...), named by its place."""
        self.parts["section"] = self.parts.get("section", 0) + 1
        self._part(roman(self.parts["section"]).upper())

    def _numbered_part(self, name: str) -> None:
        """Part `name`, or its second, third... ("annex", "annex2")."""
        self.parts[name] = self.parts.get(name, 0) + 1
        self._part(name if self.parts[name] == 1 else f"{name}{self.parts[name]}")

    def _part(self, name: str) -> None:
        """What follows is in part `name`: its numbering restarts, its units' ids carry the name
        ("annex.op.1", "B.op.1", "III.op.2")."""
        self._close_article()
        self.prefix, self.counts, self.parent, self.letter, self.operative, self.last = (
            f"{name}.",
            {},
            "",
            "",
            False,
            0,
        )

    def _run_apart(self, text: str) -> list[str]:
        """The preambular paragraphs a converter ran into one block (its blank line lost), cut before each
        opening word that follows a comma or semicolon ("..., Rappelant sa résolution"), and an enacting
        formula at the head of the paragraph it introduces: each is a unit of its own, as in the versions
        that kept them apart."""
        cuts = {0, len(text)}
        glued = self.conv.glued_intro and self.conv.glued_intro.match(text)
        if glued:  # the enacting formula heads the paragraph it introduces: a unit of its own
            cuts.add(glued.end(1))
        if self.conv.opener is not None:
            cuts.update(match.start() for match in self.conv.opener.finditer(text))
        ordered = sorted(cuts)
        return [
            text[start:end].strip()
            for start, end in zip(ordered, ordered[1:])
            if text[start:end].strip()
        ]

    def _preamble(self, text: str, numbered: bool = False) -> None:
        self.units.append(_unit(self._next("pre"), "preamble", text, numbered=numbered))
        self.parent, self.letter = self.units[-1].id, ""

    def finish(self) -> list[Unit]:
        self._close_article()
        return self.units

    def _next(self, prefix: str) -> str:
        self.counts[prefix] = self.counts.get(prefix, 0) + 1
        return f"{self.prefix}{prefix}.{self.counts[prefix]}"

    def _heading(self, text: str) -> None:
        self._close_article()
        match = self.conv.article.match(text)
        if match:
            # the generic convention's 第N条 names its number otherwise
            self.article = str(parse_number(match["n"] or match.groupdict().get("cjk") or ""))
            # "Article premier" = "Article 1"
            self.units.append(_unit(f"{self.prefix}art.{self.article}.h", "heading", text))
        elif self.conv.preamble.match(text):
            self.units.append(_unit(f"{self.prefix}preamble", "heading", text))
        else:
            self.units.append(_unit(self._next("h"), "heading", text, numbered=False))

    def _numbered(self, text: str) -> None:
        match = self.conv.paragraph.match(text)
        number, rest = str(int(ascii_digits(match["n"]))), text[match.end() :]
        if self.article:
            self.entries.append(_Entry(number, rest))
            return
        if number == "1" and self.last > 1 and _SECTION.match(self.prefix):
            self._next_section()  # numbered afresh in a resolution in sections: its mark was lost
        self._operative(number, rest)

    def _operative(self, number: str, rest: str) -> None:
        self.operative, self.last = True, int(number)
        self.units.append(_unit(f"{self.prefix}op.{number}", "operative", rest, number))
        self.parent, self.letter = self.units[-1].id, ""

    def _sub(self, text: str) -> None:
        match = self.conv.sub.match(text)
        mark, rest = letter_id(match["m"]), text[match.end() :]
        follows = self.letter and mark == LATIN_LETTERS[(LATIN_LETTERS.index(self.letter) + 1) % 26]
        if len(mark) > 1 or mark in "ivx" and self.letter and not follows:
            path = f"{self.letter}.{mark}"  # a roman numeral one level below the last letter
        else:
            path = mark
        self._attach(path, rest)

    def _attach(self, path: str, rest: str) -> None:
        """A sub-paragraph `path` ("b", "b.ii") of the paragraph or article paragraph it follows."""
        self.letter = path.split(".")[0]
        if self.article:
            if not self.entries:
                self.entries.append(_Entry("", ""))
            self.entries[-1].subs.append((path, rest))
        else:
            self.units.append(_unit(f"{self.parent}.{path}", "subparagraph", rest, path))

    def _close_article(self) -> None:
        if not self.article:
            return
        single = len(self.entries) == 1
        # unnumbered paragraphs among numbered ones (an article's title line, "Champ d'application") are
        # counted apart, so that they take no numbered paragraph's id
        mixed, unnumbered = (
            any(entry.number for entry in self.entries)
            and not all(entry.number for entry in self.entries),
            0,
        )
        for position, entry in enumerate(self.entries, 1):
            unnumbered += not entry.number
            place = entry.number or (f"u{unnumbered}" if mixed else str(position))
            id_ = (
                f"{self.prefix}art.{self.article}"
                if single
                else f"{self.prefix}art.{self.article}.{place}"
            )
            if entry.text:
                self.units.append(
                    _unit(
                        id_,
                        "article",
                        entry.text,
                        entry.number,
                        numbered=bool(entry.number) or single,
                    )
                )
            for path, text in entry.subs:
                self.units.append(_unit(f"{id_}.{path}", "subparagraph", text, path))
        self.article, self.entries, self.letter = "", [], ""
