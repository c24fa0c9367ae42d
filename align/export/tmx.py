"""TMX 1.4b: OUT/memory.tmx (all languages) and OUT/tmx/<pivot>-<lang>.tmx (one per pair).

Written incrementally with lxml's xmlfile, one <tu> at a time; element order follows the TMX 1.4 DTD
(tu: note*, prop*, tuv+; tuv: prop*, seg).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from align import __version__
from align.export.files import abort, atomic_path, pair_name
from align.export.pairs import pair_lines
from align.export.profiles import PROFILES
from align.model import AlignedDocument, AlignedUnit, BuildResult

if TYPE_CHECKING:
    from align.pipeline import BuildOptions

DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def tmx_date(created: str) -> str:
    """The TMX creationdate (ISO 8601 basic, UTC): the pinned one, else now.

    >>> tmx_date("20051222T000000Z")
    '20051222T000000Z'
    """
    return created or datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


class TmxWriter:
    """One TMX file, streamed: header on open, one <tu> per write, closed on close()."""

    def __init__(self, path: Path, srclang: str, options: BuildOptions, date: str) -> None:
        self.path, self.srclang, self.date, self.count = path, srclang, date, 0
        self.codes = options.tmx_codes()
        self.placeholders = options.footnote_refs == "ph"
        self._stack = contextlib.ExitStack()
        temporary = self._stack.enter_context(atomic_path(path))
        self._file = self._stack.enter_context(etree.xmlfile(str(temporary), encoding="UTF-8"))
        self._file.write_declaration()
        self._file.write_doctype(DOCTYPE)
        self._stack.enter_context(self._file.element("tmx", version="1.4"))
        header = etree.Element("header", creationtool="align", creationtoolversion=__version__, datatype="plaintext",
                               segtype="paragraph", adminlang="en", srclang=self.code(srclang), creationdate=date)
        header.set("o-tmf", "align")
        _prop(header, "x-signature", options.signature())
        self._file.write("\n")
        self._file.write(header, pretty_print=True)
        self._stack.enter_context(self._file.element("body"))
        self._file.write("\n")

    def write(self, unit: AlignedUnit, langs: list[str]) -> None:
        tu = etree.Element("tu", tuid=f"{unit.document}:{unit.id}", creationdate=self.date)
        if unit.srclang != self.srclang:
            tu.set("srclang", self.code(unit.srclang if unit.srclang in langs else langs[0]))  # TMX 1.4b: a tu without the header's srclang names its own
        if unit.level == "sentence":
            tu.set("segtype", "sentence")
        _prop(tu, "x-document", unit.document)
        _prop(tu, "x-unit", unit.id)
        _prop(tu, "x-kind", unit.kind)
        _prop(tu, "x-score", f"{unit.score:.4f}")
        if unit.flags:
            _prop(tu, "x-flags", " ".join(unit.flags))
        for lang in langs:
            tuv = etree.SubElement(tu, "tuv")
            tuv.set(XML_LANG, self.code(lang))
            if unit.unit_ids.get(lang, unit.id) != unit.id:
                _prop(tuv, "x-unit", unit.unit_ids[lang])
            segment(tuv, unit.texts[lang], unit.marks.get(lang, ()) if self.placeholders else ())
        self._file.write(tu, pretty_print=True)
        self.count += 1

    def code(self, lang: str) -> str:
        return self.codes.get(lang, lang)

    def close(self) -> None:
        self._stack.close()

    def abort(self) -> None:
        abort(self._stack)


def segment(tuv: etree._Element, text: str, marks: tuple[tuple[int, str], ...]) -> etree._Element:
    """<seg> with each footnote reference as an empty <ph type="fnote" x="N"/> at its place (TMX 1.4b:
    ph is a standalone placeholder, "fnote" its type for footnotes, x pairs it across languages; empty,
    so that readers that flatten inline codes into text, like Translate Toolkit, get the clean text)."""
    seg = etree.SubElement(tuv, "seg")
    seg.text = text[: marks[0][0]] if marks else text
    for index, (offset, number) in enumerate(marks):
        placeholder = etree.SubElement(seg, "ph", x=number, type="fnote")
        placeholder.tail = text[offset: marks[index + 1][0] if index + 1 < len(marks) else len(text)]
    return seg


def _prop(parent: etree._Element, type_: str, text: str) -> None:
    etree.SubElement(parent, "prop", type=type_).text = text


class TmxExporter:
    """memory.tmx with every unit found in two or more languages, and one bilingual file per pair."""

    def __init__(self, options: BuildOptions, langs: frozenset[str] = frozenset()) -> None:
        self.options = options
        self.profile = PROFILES[options.profile]
        self.too_long: set[tuple[str, str]] = set()
        self.date = tmx_date(options.created)
        self.memory = TmxWriter(options.out / "memory.tmx", options.pivot, options, self.date)
        self.pairs: dict[tuple[str, str], TmxWriter] = {}

    def add(self, document: AlignedDocument) -> None:
        for unit in document.units:
            if unit.exportable and self._fits(unit):  # a unit in one language only stays in the tables
                self.memory.write(unit, unit.langs)
        for unit, pivot, lang, _left, _right in pair_lines(document):
            if not self._fits(unit):
                continue
            self._pair(pivot, lang).write(unit, [pivot, lang])
            if self.profile.both_directions:
                self._pair(lang, pivot).write(dataclasses.replace(unit, srclang=lang), [lang, pivot])

    def _fits(self, unit: AlignedUnit) -> bool:
        if self.profile.max_chars and max(map(len, unit.texts.values())) > self.profile.max_chars:
            self.too_long.add((unit.document, unit.id))
            return False
        return True

    def _pair(self, source: str, target: str) -> TmxWriter:
        if (source, target) not in self.pairs:
            path = self.options.out / "tmx" / f"{pair_name(source, target)}.tmx"
            self.pairs[source, target] = TmxWriter(path, source, self.options, self.date)
        return self.pairs[source, target]

    def abort(self) -> None:
        for writer in [self.memory, *self.pairs.values()]:
            writer.abort()

    def close(self, result: BuildResult) -> list[str]:
        writers = [self.memory, *(self.pairs[key] for key in sorted(self.pairs))]
        for writer in writers:
            writer.close()
        if self.too_long:
            result.notes.append(f"profile {self.profile.name}: {len(self.too_long)} units with a segment over "
                                f"{self.profile.max_chars} characters left out of the TMX files")
        return [str(writer.path.relative_to(self.options.out)) for writer in writers]
