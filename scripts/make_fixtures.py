"""Make test fixtures in other formats from the real Markdown documents in corpora/.

Usage: python scripts/make_fixtures.py OUT_FOLDER [--formats html pdf docx] [FILE.md ...]

HTML: the page a browser saves from the UN site: navigation, a script and a style (which the reader
must drop), operative paragraphs as an ordered list, footnote references as <sup><a href="#fnN">,
the footnotes in a list at the end, and the running header and page numbers of the PDF as page furniture.

PDF: an A4 page as ODS prints it (reportlab): the symbol as running header, the page number and job
number at the foot, footnotes below a rule at the foot of the page that cites them, superscript
references, and paragraphs that run on from one page to the next. Latin and Cyrillic in DejaVu Sans,
Chinese in Adobe's STSong-Light; no Arabic (reportlab does no Arabic shaping or bidi).

Word: python-docx, paragraphs numbered by Word list numbering (w:numPr, restarting per list), operative
verbs in italics, real footnotes (word/footnotes.xml), the symbol in the page header.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from align.ingest import markdown  # noqa: E402
from align.ingest.naming import parse_filename  # noqa: E402
from align.langs import LANGUAGES  # noqa: E402
from align.structure.conventions import convention  # noqa: E402
from align.structure.pages import rejoin  # noqa: E402

_NUMBERED = re.compile(r"^(\d+)(?:\.| -) (.*)$", re.S)
_REFERENCE = re.compile(r"\[\^(\d+)\]")


def _inline(text: str) -> str:
    escaped = html.escape(text).replace("\n", "<br>")
    return _REFERENCE.sub(r'<sup><a href="#fn\1" class="footnote-ref">\1</a></sup>', escaped)


def to_html(source: str, symbol: str, lang: str) -> str:
    """One language version as a web page."""
    body, notes, items = [], [], []

    def close_list() -> None:
        if items:
            body.append(f'<ol start="{items[0][0]}">' + "".join(f"<li>{_inline(text)}</li>" for _n, text in items) + "</ol>")
            items.clear()

    for block in markdown.read(source):
        numbered = _NUMBERED.match(block.text) if block.kind == "paragraph" else None
        if numbered and (not items or int(numbered[1]) == items[-1][0] + 1):
            items.append((int(numbered[1]), numbered[2]))
            continue
        close_list()
        if numbered:
            items.append((int(numbered[1]), numbered[2]))
        elif block.kind == "heading":
            body.append(f"<h{block.level}>{_inline(block.text)}</h{block.level}>")
        elif block.kind == "footnote":
            notes.append(f'<li id="fn{block.number}">{_inline(block.text)}</li>')
        elif block.kind == "page-break":
            body.append(f'<div class="page-break"><span>{html.escape(symbol)}</span></div>')
        else:
            body.append(f"<p>{_inline(block.text)}</p>")
    close_list()
    direction = "rtl" if lang == "ar" else "ltr"
    return f"""<!DOCTYPE html>
<html lang="{lang}" dir="{direction}"><head><meta charset="utf-8"><title>{html.escape(symbol)}</title>
<style>body {{ font-family: serif }}</style><script>window.analytics = "not text";</script></head>
<body><nav><a href="/">United Nations</a> | <a href="/ods">Official Document System</a></nav>
<main>{"".join(body)}<section class="footnotes"><hr><ol>{"".join(notes)}</ol></section></main>
<footer>© United Nations</footer></body></html>
"""


# -- PDF: the layout of an ODS PDF, laid out line by line with reportlab ------------------------------

PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 595.0, 842.0, 72.0
BODY, NOTE, LEADING, NOTE_LEADING = 11.0, 8.0, 14.0, 10.0
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # Debian's fonts-dejavu-core


def _font(lang: str) -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    if lang == "zh":
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))  # Adobe's CID font for simplified Chinese
        return "STSong-Light"
    if lang == "ar":
        raise ValueError("Arabic PDF fixtures need shaping and bidi that reportlab does not do")
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU)))
    return "DejaVuSans"


def _tokens(text: str, lang: str) -> list[tuple[str, str]]:
    """(kind, text) runs of a paragraph: words (characters, for Chinese), footnote references, and
    "glue": what follows a reference with no space between ("2005[^1]," -> 2005, ref 1, glue ",")."""
    tokens: list[tuple[str, str]] = []
    if lang == "zh":  # a character is a word; a reference stays whole
        return [("ref", part[2:-1]) if _REFERENCE.fullmatch(part) else ("word", part)
                for chunk in re.split(r"(\[\^\d+\])", text) for part in ([chunk] if _REFERENCE.fullmatch(chunk) else list(chunk))]
    for word in text.split(" "):
        for index, part in enumerate(re.split(r"(\[\^\d+\])", word)):
            reference = _REFERENCE.fullmatch(part)
            if reference:
                tokens.append(("ref", reference[1]))
            elif part:
                tokens.append(("word" if index == 0 else "glue", part))
    return tokens


def _lines(tokens: list[tuple[str, str]], font: str, size: float, width: float, lang: str) -> list[list[tuple[str, str]]]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    space = "" if lang == "zh" else " "
    lines, line, used = [], [], 0.0
    for kind, text in tokens:
        advance = stringWidth(text, font, size * (0.6 if kind == "ref" else 1)) + (stringWidth(space, font, size) if kind == "word" else 0)
        if line and used + advance > width and kind == "word":  # a line breaks only at a space
            lines.append(line)
            line, used = [], 0.0
        line.append((kind, text))
        used += advance
    return lines + ([line] if line else [])


def to_pdf(source: str, symbol: str, lang: str, path: Path) -> None:
    """One language version as an ODS-style PDF: running header, page number and job number on every
    page, footnotes at the foot of the page that cites them, paragraphs cut by page breaks."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    font = _font(lang)
    notes = {block.number: block.text for block in markdown.read(source) if block.kind == "footnote"}
    pdf = canvas.Canvas(str(path), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=1)
    width = PAGE_WIDTH - 2 * MARGIN
    state = {"page": 0, "y": 0.0, "notes": []}

    def new_page() -> None:
        if state["page"]:
            finish_page()
        state["page"] += 1
        state["y"], state["notes"] = PAGE_HEIGHT - MARGIN, []
        pdf.setFont(font, 9)
        pdf.drawRightString(PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 40, symbol)  # running header
        pdf.drawCentredString(PAGE_WIDTH / 2, 30, str(state["page"]))  # page number
        pdf.drawString(MARGIN, 30, f"05-49{state['page']:03d} ({LANGUAGES[lang].un_letter})")  # job number, as "05-49001 (F)"

    def notes_height(numbers: list[str]) -> float:
        return sum(len(_lines(_tokens(notes[n], lang), font, NOTE, width, lang)) * NOTE_LEADING for n in numbers) + (12 if numbers else 0)

    def finish_page() -> None:
        if state["notes"]:
            y = 60 + notes_height(state["notes"]) - 12
            pdf.line(MARGIN, y + 6, MARGIN + 120, y + 6)  # the rule above the footnotes
            for number in state["notes"]:
                for index, line in enumerate(_lines(_tokens(notes[number], lang), font, NOTE, width - 12, lang)):
                    if index == 0:
                        pdf.setFont(font, NOTE * 0.7)
                        pdf.drawString(MARGIN, y - NOTE_LEADING + 3, number)
                    draw(line, MARGIN + 12, y - NOTE_LEADING, NOTE)
                    y -= NOTE_LEADING
        pdf.showPage()

    def draw(line: list[tuple[str, str]], x: float, y: float, size: float) -> None:
        space = "" if lang == "zh" else " "
        for kind, text in line:
            if kind == "ref":
                pdf.setFont(font, size * 0.6)
                pdf.drawString(x, y + size * 0.45, text)
                x += stringWidth(text, font, size * 0.6)
            else:
                pdf.setFont(font, size)
                x += 0 if x in (MARGIN, MARGIN + 12) or kind == "glue" else stringWidth(space, font, size)
                pdf.drawString(x, y, text)
                x += stringWidth(text, font, size)

    new_page()
    # the PDF paginates afresh: a paragraph the Markdown's page break cut in two is laid out whole
    for block in rejoin(markdown.read(source), convention(lang), lang):
        if block.kind in ("footnote", "page-break"):
            continue
        size = {1: 16.0, 2: 14.0, 3: 12.5}.get(block.level, 12.0) if block.kind == "heading" else BODY
        for line in _lines(_tokens(block.text.replace("\n", " "), lang), font, size, width, lang):
            cited = [text for kind, text in line if kind == "ref" and text in notes]
            if state["y"] - size * 1.3 < 60 + notes_height(state["notes"] + cited):
                new_page()
            state["notes"] += cited
            state["y"] -= size * 1.3
            draw(line, MARGIN, state["y"], size)
        state["y"] -= 8  # the space between paragraphs
    finish_page()
    pdf.save()


def _write_pdf(source: str, symbol: str, lang: str) -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "out.pdf"
        to_pdf(source, symbol, lang, target)
        return target.read_bytes()


# -- Word: paragraphs numbered by Word's list numbering, real footnotes, a running header ------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FOOTNOTES = f"""<w:footnotes xmlns:w="{_W}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
{{notes}}</w:footnotes>"""


def _w(tag: str, **attributes: str):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(f"w:{tag}")
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def to_docx(source: str, symbol: str, lang: str) -> bytes:
    """One language version as a Word file: headings styled, operative and article paragraphs numbered
    by Word (one list per run of paragraphs, restarting at 1; Arabic "1 -"), operative verbs in italics,
    footnotes in word/footnotes.xml, the symbol as running header."""
    import io

    import docx
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = symbol
    document.sections[0].footer.paragraphs[0].text = f"05-49777 ({LANGUAGES[lang].un_letter})"
    numbering = document.part.numbering_part.element
    abstract = _w("abstractNum", abstractNumId="90")
    level = _w("lvl", ilvl="0")
    for child in (_w("start", val="1"), _w("numFmt", val="decimal"), _w("lvlText", val="%1 -" if lang == "ar" else "%1.")):
        level.append(child)
    abstract.append(level)
    numbering.insert(0, abstract)
    blocks = rejoin(markdown.read(source), convention(lang), lang)
    notes = {block.number: block.text for block in blocks if block.kind == "footnote"}
    list_id, previous = 0, 0
    for block in blocks:
        if block.kind == "heading":
            document.add_heading(block.text, level=min(block.level, 3))
            continue
        if block.kind != "paragraph":
            continue
        paragraph = document.add_paragraph()
        text = block.text
        numbered = _NUMBERED.match(text)
        if numbered:
            number = int(numbered[1])
            if number == 1 or number != previous + 1 or not list_id:
                list_id += 1
                num = _w("num", numId=str(100 + list_id))
                num.append(_w("abstractNumId", val="90"))
                override = _w("lvlOverride", ilvl="0")
                override.append(_w("startOverride", val=str(number)))
                num.append(override)
                numbering.append(num)
            previous, text = number, numbered[2]
            properties = paragraph._p.get_or_add_pPr()
            numbered_property = _w("numPr")
            numbered_property.append(_w("ilvl", val="0"))
            numbered_property.append(_w("numId", val=str(100 + list_id)))
            properties.append(numbered_property)
        else:
            previous = 0
        for index, part in enumerate(re.split(r"(\[\^\d+\])", text.replace("\n", " "))):
            reference = _REFERENCE.fullmatch(part)
            if reference:
                run = paragraph.add_run()
                run._r.append(_w("footnoteReference", id=reference[1]))
            elif part:
                first, _, rest = part.partition(" ")
                if index == 0 and numbered and rest:  # UN style: the operative verb in italics
                    paragraph.add_run(first).italic = True
                    paragraph.add_run(" " + rest)
                else:
                    paragraph.add_run(part)
    if notes:
        body = "".join(f'<w:footnote w:id="{number}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> '
                       f"{html.escape(text)}</w:t></w:r></w:p></w:footnote>" for number, text in notes.items())
        part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, _FOOTNOTES.format(notes=body).encode(), document.part.package)
        document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


WRITERS = {"html": (".html", lambda source, symbol, lang: to_html(source, symbol, lang).encode()),
           "pdf": (".pdf", _write_pdf),
           "docx": (".docx", to_docx)}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--formats", nargs="+", default=list(WRITERS), choices=list(WRITERS))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for path in args.files or sorted((ROOT / "corpora").glob("*.md")):
        named = parse_filename(path.stem)
        if not named:
            continue
        for name in args.formats:
            suffix, write = WRITERS[name]
            try:
                data = write(path.read_text(encoding="utf-8"), *named)
            except ValueError as error:
                print(f"{path.name}: no {name} fixture: {error}", file=sys.stderr)
                continue
            (args.out / (path.stem + suffix)).write_bytes(data)
            print(args.out / (path.stem + suffix))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
