"""Measure alignment on real UN resolutions: the UN's own Akoma Ntoso files, read as published, and
rendered as a PDF converter prints them with every language damaged at once.

Usage: python scripts/eval_real.py [FOLDER...] [--seeds N] [--conditions akn converted damaged] [--json FILE]

FOLDER (default corpora/un-akn) holds AKN files of resolutions in several languages; a resolution whose
versions do not have the same units (the markup's ids, after the reader's repairs) is left out, since its
truth is not known. The truth: every unit of one version translates the unit with the same id in
another (title, intro, pre.K, op.N, op.N.a, fn.N, meeting), which the markup states. The cover page
(cover.session, ...) is left out of the versions: its lines pair by the keys the markup gives them, and
what is measured here is the body, as in every earlier run of this script.

Three conditions, each aligned by `align` with French as pivot, all languages together as a build does:
  akn        the XML files themselves
  converted  each version rendered as a PDF-to-Markdown converter gives it (the seed's shape: symbol
             line, title, paragraphs, `<sup>N</sup>` references, a page rule every few paragraphs with
             that page's footnotes, the running symbol, a page number and a job number after it), one
             paragraph cut by a page break
  damaged    the same with converter damage in every language at once, seeded: a paragraph dropped,
             two merged, one number corrupted, lines hard-wrapped at 60 characters
  pdf        each version printed as an ODS PDF (scripts/make_fixtures.py: the cover page's lines, section
             marks and annexes, footnotes at the foot of the page that cites them, running header, page and
             job numbers, paragraphs cut by page breaks) and read by `align` from the PDF
  pdftext    the same PDFs as someone else's pipeline gives them, plain text (--converter): pdfminer.six's
             (the converter pdfplumber is built on), its lines with no blank line between paragraphs
             (as pdftotext prints), or PyMuPDF's; footnote references left as plain raised digits, the
             page foot's notes, numbers apart from their text where the layout puts them apart
In the two PDF conditions Arabic stays as published: reportlab, which prints the PDFs, does not shape
Arabic; --convert LANG... prints only those versions, the others read as published (an English PDF
converted by someone else's pipeline beside the UN's XML of the other five).
Both views are scored: memory.tmx's n-way units and each pivot-language pair's own units (tmx/fr-xx.tmx).
The baseline is Gale-Church (the `galechurch` package) on the same rendered text after what a careful
user removes first: page rules, page numbers, running headers, job numbers and the footnotes.
Scores are link precision, recall and F1 (see eval_alignment.py for how links and truth are counted:
a unit's text is matched back to the truth ids it holds, so merged and cut paragraphs score fairly).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import galechurch
import pdfminer.high_level

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_alignment import f1, gold, keys_of  # noqa: E402
from make_fixtures import to_pdf  # noqa: E402

from align.alignment.numbered import align_document  # noqa: E402
from align.errors import AlignError  # noqa: E402
from align.ingest import markdown, read_source  # noqa: E402
from align.langs.record import ARABIC_LETTERS, CYRILLIC_LETTERS, LATIN_LETTERS  # noqa: E402
from align.model import Document, Source  # noqa: E402
from align.segment import Segmenter  # noqa: E402
from align.structure import parse  # noqa: E402

PIVOT = "fr"
CONDITIONS = ("akn", "converted", "damaged", "pdf", "pdftext")
PAGE = 5  # paragraphs on a rendered page
_PART_MARK = re.compile(r"^(?:[IVXLC]+|[A-H])'*\.")  # the section a markup's id names: I.op.1, B.pre.2
_FURNITURE = re.compile(r"^(?:[A-Z]{1,6}(?:/[A-Za-z0-9.()]+)+|\d{1,3}|\d{2}-\d{5}|---)$")


def resolutions(folders: list[Path], cover: bool = False, pairwise: bool = False) -> dict[str, dict[str, Document]]:
    """Symbol -> language -> the version read from its AKN file, for symbols whose body has the same ids
    everywhere (`pairwise`: the versions whose body has the pivot's ids, whatever the others'); without
    its cover page unless `cover`."""
    found: dict[str, dict[str, Document]] = defaultdict(dict)
    for folder in folders:
        for path in sorted(folder.rglob("*.xml")):
            try:
                document = parse(read_source(path))
            except AlignError as error:  # the archive has such files: A_RES_78_130 states 78/13
                print(f"{path}: left out: {error}", file=sys.stderr)
                continue
            if not cover:
                document.units = [unit for unit in document.units if unit.kind != "cover"]
            found[document.symbol][document.lang] = document
    def ids(version: Document) -> tuple[str, ...]:
        return tuple(unit.id for unit in version.units if unit.kind != "cover")

    if pairwise:
        found = {symbol: {lang: version for lang, version in versions.items() if ids(version) == ids(versions[PIVOT])}
                 for symbol, versions in found.items() if PIVOT in versions}
    return {symbol: versions for symbol, versions in sorted(found.items())
            if PIVOT in versions and len(versions) > 1 and len({ids(version) for version in versions.values()}) == 1}


def _mark(path: str, lang: str) -> str:
    """A sub-paragraph's mark as the language prints it: (a) / a) / а) / (أ), (i) one level down."""
    last = path.split(".")[-1]
    if last in LATIN_LETTERS and "." not in path:
        index = LATIN_LETTERS.index(last)
        letter = {"ar": ARABIC_LETTERS, "ru": CYRILLIC_LETTERS}.get(lang, LATIN_LETTERS)[index]
        return f"({letter})" if lang in ("ar", "en", "zh") else f"{letter})"
    return f"({last})"


def paragraphs(document: Document) -> list[tuple[str, list[str]]]:
    """The version as printed, paragraph by paragraph: (text with <sup>N</sup> references, its footnotes);
    a section's mark (I, II, A) is printed above its first unit, as the markup names the part."""
    notes = {unit.number: unit.text for unit in document.units if unit.kind == "footnote"}
    out = []
    part = ""
    for unit in document.units:
        if unit.kind == "footnote":
            continue
        head = unit.id.split(".")[0].rstrip("'") if _PART_MARK.match(unit.id) else ""
        if head and head != part:
            out.append((head, []))
        part = head or part
        text = unit.text
        for offset, number in sorted(unit.marks, reverse=True):
            text = text[:offset] + f"<sup>{number}</sup>" + text[offset:]
        if unit.kind == "title":
            text = f"## {document.meta.get('resolution', '')}. {text}" if document.meta.get("resolution") else f"## {text}"
        elif unit.kind == "operative":
            text = f"{unit.number} - {text}" if document.lang == "ar" else f"{unit.number}. {text}"
        elif unit.kind == "subparagraph":
            text = f"{_mark(unit.id.split('.op.', 1)[-1].split('.', 1)[1], document.lang)} {text}"
        elif unit.id.endswith("meeting.date") and out:  # printed under the meeting line, in its paragraph
            out[-1] = (f"{out[-1][0]}  \n{text}", out[-1][1])
            continue
        out.append((text, [f"<sup>{number}</sup> {notes[number]}" for _, number in unit.marks if number in notes]))
    return out


def damage(printed: list[tuple[str, list[str]]], rng: random.Random) -> list[tuple[str, list[str]]]:
    """Converter damage: one body paragraph dropped, two merged, one paragraph number corrupted."""
    printed = list(printed)
    body = [i for i, (text, _) in enumerate(printed) if i > 2 and not text.startswith("#")]
    if len(body) > 6:
        del printed[rng.choice(body[:-1])]
        body = [i for i, (text, _) in enumerate(printed) if i > 2 and not text.startswith("#")]
        i = rng.choice([i for i in body if i + 1 in body])
        # the second paragraph's number is lost with the break, never its first word
        printed[i:i + 2] = [(printed[i][0] + " " + re.sub(r"^\d+(?:\.| -) ", "", printed[i + 1][0]), printed[i][1] + printed[i + 1][1])]
    numbered = [i for i, (text, _) in enumerate(printed) if re.match(r"^\d+(\.| -) ", text)]
    if numbered:
        i = rng.choice(numbered)
        number = re.match(r"^\d+", printed[i][0])[0]
        printed[i] = (str(int(number) + rng.randint(2, 5)) + printed[i][0][len(number):], printed[i][1])
    return printed


def render(document: Document, printed: list[tuple[str, list[str]]], rng: random.Random, wrap: bool) -> str:
    """Markdown as a converter gives a PDF: pages of PAGE paragraphs, each page's footnotes and furniture
    after a rule at its foot, one paragraph cut by the first page break."""
    blocks = [document.symbol]
    page, notes = 1, []
    cut = True
    for index, (text, foot) in enumerate(printed):
        notes += foot
        if index and index % PAGE == 0:
            if cut and len(text) > 80:  # the page break falls inside this paragraph
                middle = text.rfind(" ", 0, len(text) // 2) if document.lang != "zh" else len(text) // 2
                middle = middle if middle > 0 else len(text) // 2
                blocks.append(text[:middle])
                text, cut = text[middle:].strip(), False
            page += 1
            blocks += ["---", *notes, document.symbol, str(page), f"{rng.randint(20, 25)}-{rng.randint(10000, 99999)}"]
            notes = []
        blocks.append(text)
    blocks += ["---", *notes]
    if wrap:
        blocks = [_wrap(block) for block in blocks]
    return "\n\n".join(blocks) + "\n"


def read_markdown(document: Document, text: str) -> Document:
    """The version printed as `text` (Markdown), as `align` reads it back."""
    return parse(Source(Path(f"{document.lang}.md"), document.lang, document.symbol, tuple(markdown.read(text))))


def _wrap(block: str) -> str:
    if block.startswith("#") or " " not in block:
        return block
    lines, line = [], ""
    for word in block.split(" "):
        if line and len(line) + len(word) > 60:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join(lines + [line])


def denoised(markdown_text: str) -> list[str]:
    """What a careful user gives a length aligner: paragraphs without page furniture or footnotes."""
    kept = []
    for block in markdown_text.split("\n\n"):
        block = " ".join(block.split("\n")).strip()
        if not block or _FURNITURE.match(block) or block.startswith("<sup>"):
            continue
        kept.append(re.sub(r"<sup>\d+</sup>", "", block).lstrip("# "))
    return kept


def truth_of(document: Document) -> dict[str, list[str]]:
    return {unit.id: [unit.text] for unit in document.units}


def counts(pairs: list[tuple[str, str]], left: Document, right: Document, truth_l: dict, truth_r: dict) -> list[int]:
    links = {(a, b) for x, y in pairs for a in keys_of(x, truth_l) for b in keys_of(y, truth_r)}
    truth = gold(left, right, truth_l, truth_r)
    return [len(links & truth), len(links), len(truth)]


def printed_pdf(document: Document, folder: Path) -> Path:
    """The version as an ODS PDF: its cover page's lines (from the metadata the markup gave), then the
    resolution as printed, its footnotes at the foot of the pages that cite them."""
    cover = [document.meta.get("publisher", ""), document.symbol] + [
        document.meta.get(key, "").replace(" | ", "\n\n") for key in ("body", "distribution", "date", "session", "agenda", "agenda-name", "number", "adopted", "basis")]
    printed = paragraphs(document)
    notes = [note for _text, foot in printed for note in foot]
    source = "\n\n".join([line for line in cover if line] + [text for text, _foot in printed] + notes) + "\n"
    path = folder / f"{document.symbol.replace('/', '_')}-{document.lang.upper()}.pdf"
    to_pdf(source, document.symbol, document.lang, path)
    return path


CONVERTERS = ("pdfminer", "lines", "pymupdf")


def pdf_text(path: Path, converter: str = "pdfminer") -> str:
    """A PDF's plain text as a converter gives it: pdfminer.six (blank lines between the boxes it finds),
    the same lines with no blank line (as pdftotext prints a page), or PyMuPDF's page.get_text(), a page
    of lines (`pip install pymupdf`: not a dependency of align; AGPL)."""
    if converter == "pymupdf":
        import pymupdf

        with pymupdf.open(path) as document:
            return "\f".join(page.get_text() for page in document)
    text = pdfminer.high_level.extract_text(path)
    return "\n".join(line for line in text.split("\n") if line.strip()) if converter == "lines" else text


def as_read(versions: dict[str, Document], condition: str, seed: int, converter: str = "pdfminer",
            convert: frozenset[str] = frozenset()) -> tuple[dict[str, Document], dict[str, str]]:
    """Each version as `align` reads it in the condition, and the Markdown it read (none for akn and the
    PDF conditions)."""
    if condition == "akn":
        return versions, {}
    if condition in ("pdf", "pdftext"):
        read = {}
        with tempfile.TemporaryDirectory() as folder:
            for lang, document in versions.items():
                if lang == "ar" or convert and lang not in convert:
                    read[lang] = document
                    continue
                path = printed_pdf(document, Path(folder))
                if condition == "pdftext":
                    text = path.with_suffix(".txt")
                    text.write_text(pdf_text(path, converter), encoding="utf-8")
                    path = text
                read[lang] = parse(read_source(path, lang, document.symbol))
        return read, {}
    read, texts = {}, {}
    for lang, document in versions.items():
        rng = random.Random(f"{document.symbol}/{lang}/{seed}")
        printed = paragraphs(document)
        printed = damage(printed, rng) if condition == "damaged" else printed
        texts[lang] = render(document, printed, rng, wrap=condition == "damaged")
        read[lang] = read_markdown(document, texts[lang])
    return read, texts


def evaluate(versions: dict[str, Document], condition: str, seed: int, segmenter: Segmenter,
             converter: str = "pdfminer", convert: frozenset[str] = frozenset()) -> dict[str, dict[str, list[int]]]:
    """Link counts per language and aligner for one resolution in one condition."""
    truth = {lang: truth_of(document) for lang, document in versions.items()}
    read, texts = as_read(versions, condition, seed, converter, convert)
    aligned = align_document(list(read.values()), PIVOT, segmenter, sentences=False)
    out: dict[str, dict[str, list[int]]] = {}
    for lang in versions:
        if lang == PIVOT:
            continue
        memory = [(unit.texts[PIVOT], unit.texts[lang]) for unit in aligned.units if PIVOT in unit.texts and lang in unit.texts]
        pair = [(unit.texts[PIVOT], unit.texts[lang]) for unit in aligned.pairs.get(lang, []) if unit.texts.get(PIVOT) and unit.texts.get(lang)]
        out[lang] = {"memory": counts(memory, read[PIVOT], read[lang], truth[PIVOT], truth[lang]),
                     "pair": counts(pair, read[PIVOT], read[lang], truth[PIVOT], truth[lang])}
        if texts:
            left, right = denoised(texts[PIVOT]), denoised(texts[lang])
            beads = galechurch.align(left, right).beads
            base = [(" ".join(left[b.source_start:b.source_end]), " ".join(right[b.target_start:b.target_end]))
                    for b in beads if b.source_end > b.source_start and b.target_end > b.target_start]
            out[lang]["gale-church"] = counts(base, read[PIVOT], read[lang], truth[PIVOT], truth[lang])
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[ROOT / "corpora" / "un-akn"])
    parser.add_argument("--seeds", type=int, default=3, help="damaged renderings per resolution")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--converter", choices=CONVERTERS, default="pdfminer", help="pdftext's converter (see pdf_text)")
    parser.add_argument("--convert", nargs="+", default=[], metavar="LANG",
                        help="in the PDF conditions, print and read back these versions only (default: all but Arabic)")
    parser.add_argument("--pairwise", action="store_true",
                        help="keep each version whose units are the pivot's, though others' differ (annexes are marked up differently)")
    parser.add_argument("--conditions", nargs="+", choices=CONDITIONS, default=list(CONDITIONS), help="only these")
    args = parser.parse_args(argv)
    segmenter = Segmenter()
    found = resolutions(args.folders, pairwise=args.pairwise)
    print(f"{len(found)} resolutions whose versions have the same units: {', '.join(found)}")
    figures: dict[str, dict[str, dict[str, list[float]]]] = {}
    langs = sorted({lang for versions in found.values() for lang in versions if lang != PIVOT})
    for condition in args.conditions:
        totals: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
        for versions in found.values():
            for seed in range(args.seeds if condition == "damaged" else 1):
                for lang, by_aligner in evaluate(versions, condition, seed, segmenter, args.converter, frozenset(args.convert)).items():
                    for aligner, numbers in by_aligner.items():
                        totals[lang][aligner] = [t + n for t, n in zip(totals[lang][aligner], numbers)]
        figures[condition] = {lang: {aligner: list(f1(*numbers)) for aligner, numbers in totals[lang].items()} for lang in langs}
        print(f"\n{condition}: link F1 (precision/recall) per pair")
        for aligner in ("memory", "pair", "gale-church"):
            if all(aligner in figures[condition][lang] for lang in langs):
                print(f"  {aligner:<12}" + "".join(
                    f"  {PIVOT}-{lang} {figures[condition][lang][aligner][2]:.3f} "
                    f"({figures[condition][lang][aligner][0]:.3f}/{figures[condition][lang][aligner][1]:.3f})" for lang in langs))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
