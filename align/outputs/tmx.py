"""TMX 1.4b: OUT/memory.tmx (all languages) and OUT/tmx/<pivot>-<lang>.tmx (one per pair).

Every <header> and <tu> is built and serialised by lxml (text never goes into XML by string
concatenation), one <tu> at a time in the worker, and appended to the file between the fixed opening
and closing tags; element order follows the TMX 1.4 DTD (tu: note*, prop*, tuv+; tuv: prop*, seg).
"""

from __future__ import annotations

import contextlib
import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from align.files import abort, pair_name
from align.model import AlignedDocument, AlignedUnit, BuildResult
from align.outputs.options import ExportOptions, fits, keep
from align.outputs.pairs import pair_lines
from align.outputs.profiles import PROFILES
from align.streams import OutputFile, Recorder
from align.version import __version__

if TYPE_CHECKING:
    from align.outputs.options import ExportOptions

PROLOGUE = b"<?xml version='1.0' encoding='UTF-8'?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MEMORY = "memory"


def segment(tuv: etree._Element, text: str, marks: tuple[tuple[int, str], ...]) -> etree._Element:
    """<seg> with each footnote reference as an empty <ph type="fnote" x="N"/> at its place (TMX 1.4b:
    ph is a standalone placeholder, "fnote" its type for footnotes, x pairs it across languages; empty,
    so that readers that flatten inline codes into text, like Translate Toolkit, get the clean text)."""
    seg = etree.SubElement(tuv, "seg")
    seg.text = text[: marks[0][0]] if marks else text
    for index, (offset, number) in enumerate(marks):
        placeholder = etree.SubElement(seg, "ph", x=number, type="fnote")
        placeholder.tail = text[
            offset : marks[index + 1][0] if index + 1 < len(marks) else len(text)
        ]
    return seg


def _prop(parent: etree._Element, type_: str, text: str) -> None:
    etree.SubElement(parent, "prop", type=type_).text = text


def translation_unit(
    unit: AlignedUnit, langs: list[str], srclang: str, options: ExportOptions, codes: dict[str, str]
) -> bytes:
    """One <tu>, serialised: its props, then one <tuv> per language in `langs` order; `codes` are the
    language codes to write (`options.tmx_codes()`, made once per document)."""
    placeholders = options.footnote_refs == "ph"
    tu = etree.Element("tu", tuid=f"{unit.document}:{unit.id}", creationdate=options.date)
    if unit.srclang != srclang:  # TMX 1.4b: a tu without the file's srclang names its own
        tu.set(
            "srclang", codes.get(unit.srclang if unit.srclang in langs else langs[0], unit.srclang)
        )
    # each unit says what it is: OmegaT then neither warns nor re-segments
    tu.set("segtype", unit.level)
    _prop(tu, "x-document", unit.document)
    _prop(tu, "x-unit", unit.id)
    _prop(tu, "x-kind", unit.kind)
    _prop(tu, "x-score", f"{unit.score:.4f}")
    if unit.flags:
        _prop(tu, "x-flags", " ".join(unit.flags))
    corrected = [flag.partition(":")[2] for flag in unit.flags if flag.startswith("corrected:")]
    if corrected:  # the languages a translator fixed the pairing of (align review)
        _prop(tu, "x-corrected", " ".join(corrected))
    for lang in langs:
        tuv = etree.SubElement(tu, "tuv")
        tuv.set(XML_LANG, codes.get(lang, lang))
        if unit.unit_ids.get(lang, unit.id) != unit.id:
            _prop(tuv, "x-unit", unit.unit_ids[lang])
        segment(tuv, unit.texts[lang], unit.marks.get(lang, ()) if placeholders else ())
    return etree.tostring(tu, encoding="UTF-8", pretty_print=True)


# The acknowledgement the UN asks of whoever uses its documents' texts (the terms of its AKN archives),
# carried in every memory made of them.
SOURCE_NOTE = (
    "Source: United Nations. The texts are those of United Nations documents (from official files, or "
    "unofficial copies for informational purposes only); the United Nations is acknowledged as the source "
    "of the information."
)


class TmxWriter:
    """One TMX file, streamed: header on open, serialised <tu>s appended, closed on close()."""

    def __init__(
        self, path: Path, srclang: str, options: ExportOptions, layout: Recorder | None = None
    ) -> None:
        self.path = path
        self._stack = contextlib.ExitStack()
        self._file = OutputFile(self._stack, path, layout)
        header = etree.Element(
            "header",
            creationtool="align",
            creationtoolversion=__version__,
            datatype="plaintext",
            segtype="sentence",
            adminlang="en",
            srclang=options.tmx_codes().get(srclang, srclang),
            creationdate=options.date,
        )
        header.set("o-tmf", "align")
        etree.SubElement(header, "note").text = SOURCE_NOTE
        _prop(header, "x-signature", options.made_by)
        self._file.write(
            PROLOGUE
            + b'<tmx version="1.4">\n'
            + etree.tostring(header, encoding="UTF-8", pretty_print=True)
            + b"<body>\n"
        )

    def write(self, units: bytes) -> None:
        self._file.write(units)

    def close(self) -> None:
        self._file.write(b"</body>\n</tmx>\n")
        self._stack.close()

    def abort(self) -> None:
        abort(self._stack)


class TmxExporter:
    """memory.tmx with every unit found in two or more languages, and one bilingual file per pair."""

    def __init__(
        self,
        options: ExportOptions,
        langs: frozenset[str] = frozenset(),
        layout: Recorder | None = None,
    ) -> None:
        self.options, self.layout = options, layout
        self.memory = TmxWriter(options.out / "memory.tmx", options.pivot, options, layout)
        self.pairs: dict[tuple[str, str], TmxWriter] = {}
        self.too_long: set[tuple[str, str]] = set()

    @staticmethod
    def render(document: AlignedDocument, options: ExportOptions) -> dict[object, object]:
        """Serialised <tu>s per file (MEMORY, or a (source, target) pair) and the units too long to write."""
        codes = options.tmx_codes()
        too_long: set[tuple[str, str]] = set()

        def fitting(unit: AlignedUnit) -> bool:
            if fits(unit, options):
                return True
            too_long.add((unit.document, unit.id))
            return False

        files: dict[object, list[bytes]] = {MEMORY: []}
        for unit in document.units:
            if keep(unit, options) and fitting(
                unit
            ):  # a unit in one language only stays in the tables
                files[MEMORY].append(
                    translation_unit(unit, unit.langs, options.pivot, options, codes)
                )
        for unit, pivot, lang, _left, _right in pair_lines(document, options):
            if not fitting(unit):
                continue
            files.setdefault((pivot, lang), []).append(
                translation_unit(unit, [pivot, lang], pivot, options, codes)
            )
            if PROFILES[options.profile].both_directions:
                reverse = dataclasses.replace(unit, srclang=lang)
                files.setdefault((lang, pivot), []).append(
                    translation_unit(reverse, [lang, pivot], lang, options, codes)
                )
        return {
            "files": {key: b"".join(parts) for key, parts in files.items()},
            "too_long": too_long,
        }

    def write(self, rendered: dict[str, object]) -> None:
        for key, data in rendered["files"].items():
            writer = self.memory if key == MEMORY else self._pair(*key)
            writer.write(data)
        self.too_long |= rendered["too_long"]

    def _pair(self, source: str, target: str) -> TmxWriter:
        if (source, target) not in self.pairs:
            path = self.options.out / "tmx" / f"{pair_name(source, target)}.tmx"
            self.pairs[source, target] = TmxWriter(path, source, self.options, self.layout)
        return self.pairs[source, target]

    def abort(self) -> None:
        for writer in [self.memory, *self.pairs.values()]:
            writer.abort()

    def close(self, result: BuildResult) -> list[str]:
        writers = [self.memory, *(self.pairs[key] for key in sorted(self.pairs))]
        for writer in writers:
            writer.close()
        if self.too_long:
            result.notes.append(
                f"profile {self.options.profile}: {len(self.too_long)} units with a segment over "
                f"{PROFILES[self.options.profile].max_chars} characters left out of the TMX files"
            )
        return [str(writer.path.relative_to(self.options.out)) for writer in writers]
