"""The Word reader, on .docx files made from the real corpora by scripts/make_fixtures.py (list
numbering, italic verbs, real footnotes, a running header), in all six languages; hostile packages."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx as python_docx
import pytest

from align.errors import UnreadableInput
from align.ingest import docx, read_source
from align.structure import parse
from tests.conftest import CORPORA, rendered, units_of

SOURCES = sorted(CORPORA.glob("A_RES_*.md"))


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return rendered(tmp_path_factory.mktemp("docx"), "docx", SOURCES)


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.stem)
def test_docx_reads_as_its_markdown(documents: Path, source: Path) -> None:
    path = documents / f"{source.stem}.docx"
    assert python_docx.Document(str(path)).paragraphs  # a package Word's own library opens
    assert units_of(path) == units_of(source)
    assert not any("05-49777" in unit.text for unit in parse(read_source(path)).units)  # the footer is not text


def test_numbering_and_footnotes_come_from_word(documents: Path) -> None:
    package = zipfile.ZipFile(documents / "A_RES_60_212-FR.docx")
    body = package.read("word/document.xml").decode()
    assert "13. " not in body and "<w:numPr>" in body  # the numbers are Word's, not text
    assert "footnoteReference" in body and "word/footnotes.xml" in package.namelist()
    units = {unit.id: unit for unit in parse(read_source(documents / "A_RES_60_212-FR.docx")).units}
    assert units["op.13"].text.startswith("Reconnaît qu'il est nécessaire")
    assert units["fn.6"].text == "A/60/111, annexe II." and units["op.12"].footnotes == ("5", "6")


def _package(document: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("word/document.xml", document)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04 not really", "not a zip package"),
        (_package("<x/>")[:30], "not a zip package"),
        (_package('<!DOCTYPE d [<!ENTITY a "aa">]><w:document/>'), "declares a DTD or entities"),
        (_package("<w:document"), "broken Word XML"),
    ],
)
def test_hostile_and_broken_packages(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableInput, match=reason):
        docx.read(data)


def test_zip_bomb_limit(documents: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx, "MAX_UNPACKED", 1000)
    with pytest.raises(UnreadableInput, match="zip bomb"):
        docx.read((documents / "A_RES_60_212-FR.docx").read_bytes())
