"""The PDF reader, on PDFs laid out like ODS prints from the real corpora (scripts/make_fixtures.py):
running headers, page and job numbers, footnotes at the page foot, paragraphs across pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from align.errors import UnreadableInput
from align.ingest import pdf, read_source
from align.pipeline.options import BuildOptions
from align.pipeline.run import build
from align.structure import parse
from tests.conftest import CORPORA, CREATED, fixtures, rendered, units_of

# Arabic is not among them: reportlab does no Arabic shaping or bidi, so no faithful Arabic PDF can be made here.
SOURCES = [path for path in sorted(CORPORA.glob("A_RES_*.md")) if not path.stem.endswith("-AR")]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return rendered(tmp_path_factory.mktemp("pdf"), "pdf", SOURCES)


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.stem)
def test_pdf_reads_as_its_markdown(pdfs: Path, source: Path) -> None:
    assert units_of(pdfs / f"{source.stem}.pdf") == units_of(source)
    for unit in parse(read_source(pdfs / f"{source.stem}.pdf")).units:  # no page furniture in any unit
        assert "05-49" not in unit.text and not unit.text.startswith("A/RES/") and not unit.text.isdigit()


def test_seed_pdf_footnotes_and_the_paragraph_across_pages(pdfs: Path) -> None:
    document = parse(read_source(pdfs / "A_RES_60_212-FR.pdf"))
    units = {unit.id: unit for unit in document.units}
    assert [unit.id for unit in document.units if unit.kind == "footnote"] == [f"fn.{n}" for n in range(1, 7)]
    assert units["fn.2"].text.startswith("Documents officiels de l'Assemblée générale")
    assert "aux deux fonds susmentionnés, étant entendu" in units["op.13"].text
    assert units["op.1"].footnotes == ("2", "3")


def test_build_from_pdfs_aligns_like_markdown(pdfs: Path, tmp_path: Path) -> None:
    folders = {"md": tmp_path / "md", "pdf": tmp_path / "pdf"}
    folders["md"].mkdir()
    folders["pdf"].mkdir()
    for source in SOURCES:
        if "217" in source.stem:
            shutil.copy(source, folders["md"])
            shutil.copy(pdfs / f"{source.stem}.pdf", folders["pdf"])
    for name, folder in folders.items():
        build(BuildOptions.of(inputs=(folder,), out=tmp_path / f"out-{name}", created=CREATED, cache=False))
    for table in ("units.tsv",):
        assert (tmp_path / "out-pdf" / table).read_bytes() == (tmp_path / "out-md" / table).read_bytes()
    assert (tmp_path / "out-pdf" / "moses" / "fr-zh.zh").read_bytes() == (tmp_path / "out-md" / "moses" / "fr-zh.zh").read_bytes()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<", "not a readable PDF"),
        (b"%PDF-1.4\n" + b"0" * 2000, "not a readable PDF"),
    ],
)
def test_broken_pdfs(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableInput, match=reason):
        pdf.read(data)


def test_pdf_without_text(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(path))
    page.rect(100, 100, 200, 200, fill=1)
    page.save()
    with pytest.raises(UnreadableInput, match="holds no text"):
        pdf.read(path.read_bytes())


def test_two_copies_of_a_version_in_different_formats(pdfs: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for lang in ("EN", "FR"):
        shutil.copy(CORPORA / f"A_RES_217(III)-{lang}.md", folder)
    shutil.copy(pdfs / "A_RES_217(III)-FR.pdf", folder)
    (folder / "A_RES_217(III)-FR.html").write_bytes(fixtures.WRITERS["html"][1]((CORPORA / "A_RES_217(III)-FR.md").read_text(encoding="utf-8"), "A/RES/217(III)", "fr"))
    result = build(BuildOptions.of(inputs=(folder,), out=tmp_path / "out", cache=False))
    records = {Path(record.path).name: record for record in result.inputs}
    assert records["A_RES_217(III)-FR.md"].outcome == "aligned"  # Markdown is preferred over HTML and PDF
    for name in ("A_RES_217(III)-FR.html", "A_RES_217(III)-FR.pdf"):
        assert records[name].outcome == "skipped" and "A_RES_217(III)-FR.md already gives A/RES/217(III) in 'fr'" in records[name].reason


def test_a_pdf_of_more_pages_than_a_document_has_is_refused_unread(tmp_path: Path) -> None:
    """A 3 MB PDF of 20,000 pages took 106 s and 4 GB to lay out: the page count is read first."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "A_RES_9_9-FR.pdf"
    page = canvas.Canvas(str(path))
    for number in range(pdf.MAX_PAGES + 1):
        page.drawString(72, 720, f"{number}")
        page.showPage()
    page.save()
    with pytest.raises(UnreadableInput, match=f"PDF of {pdf.MAX_PAGES + 1} pages: over the {pdf.MAX_PAGES} pages"):
        pdf.read(path.read_bytes())
