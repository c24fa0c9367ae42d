"""Property-based tests: UN-like documents generated at random (numbering, footnotes, page breaks,
four scripts) always parse, lose no text, and give TMX that validates and reads back."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from translate.storage import tmx

from align.alignment.numbered import align_document
from align.ingest import markdown
from align.model import BuildResult, Source
from align.outputs.options import ExportOptions
from align.outputs.tmx import TmxExporter
from align.segment import Segmenter
from align.structure import parse

DTD = etree.DTD(str(Path(__file__).resolve().parents[1] / "align" / "data" / "tmx14.dtd"))
# Letters of the four scripts of the UN languages; the Han "words" are runs of characters with no space.
SCRIPTS = {
    "fr": ("abcdefghijklmnopqrstuvwxyzéèàç", " "),
    "ru": ("абвгдежзиклмнопрстуфхцчшщэюя", " "),
    "ar": ("ابتثجحخدذرزسشصضطظعغفقكلمنهوي", " "),
    "zh": ("人权利自由平等尊严和社会国家发展合作", ""),
}
PUNCTUATION = {"fr": (",", ";", "."), "ru": (",", ";", "."), "ar": ("،", "؛", "."), "zh": ("，", "；", "。")}


@dataclass
class Generated:
    lang: str
    markdown: str
    paragraphs: list[str]  # body texts as they must come out, in order
    footnotes: dict[str, str]


@st.composite
def documents(draw: st.DrawFn, lang: str | None = None) -> Generated:
    lang = lang or draw(st.sampled_from(sorted(SCRIPTS)))
    letters, space = SCRIPTS[lang]
    comma, semicolon, stop = PUNCTUATION[lang]
    word = st.text(alphabet=letters, min_size=2, max_size=8)

    def sentence(end: str) -> str:
        return space.join(draw(st.lists(word, min_size=2, max_size=12))) + end

    preamble = [sentence(comma) for _ in range(draw(st.integers(0, 4)))]
    operative = [sentence(semicolon) for _ in range(draw(st.integers(1, 6)))]
    lines, paragraphs, footnotes, note = ["# " + sentence("")], [], {}, 0
    for text in preamble:
        lines.append(text)
        paragraphs.append(text)
    for number, text in enumerate(operative, 1):
        if draw(st.booleans()):  # a footnote reference after the paragraph's first word
            note += 1
            footnotes[str(note)] = sentence(stop)
            cut = text.index(space) if space else 2
            lines_text = f"{text[:cut]}<sup>{note}</sup>{text[cut:]}"
        else:
            lines_text = text
        if draw(st.booleans()) and space and space in text:  # a page break (and its footnotes) cuts the paragraph
            cut = lines_text.rindex(space)
            breaker = ["---"] + [f"<sup>{n}</sup> {t}" for n, t in footnotes.items() if f"<sup>{n}</sup>" in lines_text[:cut]]
            lines += [f"{number}. {lines_text[:cut]}", *breaker, lines_text[cut + 1:]]
        else:
            lines.append(f"{number}. {lines_text}")
        paragraphs.append(text)
    missing = [f"<sup>{n}</sup> {t}" for n, t in footnotes.items() if f"<sup>{n}</sup> {t}" not in lines]
    lines += (["---"] + missing) if missing else []
    return Generated(lang, "\n\n".join(lines) + "\n", paragraphs, footnotes)


def parsed(generated: Generated):
    return parse(Source(Path("x.md"), generated.lang, "A/RES/1/1", tuple(markdown.read(generated.markdown))))


@settings(max_examples=150, deadline=None)
@given(documents())
def test_no_text_is_lost_or_duplicated(generated: Generated) -> None:
    document = parsed(generated)
    body = [unit.text for unit in document.units if unit.kind in ("preamble", "operative")]
    assert body == generated.paragraphs
    notes = {unit.number: unit.text for unit in document.units if unit.kind == "footnote"}
    assert notes == generated.footnotes
    for unit in document.units:
        if unit.kind != "footnote":
            assert not any(note in unit.text for note in generated.footnotes.values())


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400), st.sampled_from(sorted(SCRIPTS)))
def test_parsing_never_crashes(text: str, lang: str) -> None:
    parse(Source(Path("x.md"), lang, "A/RES/1/1", tuple(markdown.read(text))))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_tmx_always_validates_and_reads_back(tmp_path: Path, data: st.DataObject) -> None:
    versions = [parsed(data.draw(documents(lang))) for lang in ("fr", data.draw(st.sampled_from(["ru", "ar", "zh"])))]
    aligned = align_document(versions, "fr", Segmenter())
    out = tmp_path / "out"
    options = ExportOptions(out=out, created="20051222T000000Z")
    exporter = TmxExporter(options)
    exporter.write(TmxExporter.render(aligned, options))
    exporter.close(BuildResult())
    document = etree.parse(str(out / "memory.tmx"))
    assert DTD.validate(document), DTD.error_log.filter_from_errors()
    written = [unit for unit in aligned.units if len(unit.texts) == 2]
    store = tmx.tmxfile(io.BytesIO((out / "memory.tmx").read_bytes()), sourcelanguage="fr", targetlanguage=versions[1].lang)
    assert [(u.source, u.target) for u in store.units] == [(unit.texts["fr"], unit.texts[versions[1].lang]) for unit in written]
