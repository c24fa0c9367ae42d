"""Write a folder of broken and hostile input files, with the outcome `align build` must give each.

Usage: python scripts/make_hostile.py OUT_FOLDER

The folder also holds a copy of corpora/, which must still be aligned in full: whatever comes in,
the build finishes, every file is accounted for, and every output file is whole and valid.
"""

from __future__ import annotations

import codecs
import shutil
import sys
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
FRENCH = (CORPORA / "A_RES_217(III)-FR.md").read_text(encoding="utf-8")
RUSSIAN = (CORPORA / "A_RES_217(III)-RU.md").read_text(encoding="utf-8")

# Akoma Ntoso that expands to a billion characters if its entities are expanded.
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE akomaNtoso [<!ENTITY a "aaaaaaaaaa">'
          + "".join(f'<!ENTITY {b} "{("&" + a + ";") * 10}">' for a, b in zip("abcdefgh", "bcdefghi"))
          + ']><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&i;</akomaNtoso>')

# file name -> (outcome, a fragment of the one-line reason)
EXPECTED: dict[str, tuple[str, str]] = {
    "A_RES_1_1-FR.md": ("skipped", "empty file"),
    "A_RES_1_2-EN.md": ("skipped", "binary file"),
    "A_RES_1_3-QQ.md": ("skipped", "unknown language code 'QQ'"),
    "notes.md": ("skipped", "language not recognised"),
    "A_RES_1_4-ZH.md": ("skipped", "file name says 'zh' but the text is in 'en'"),
    "A_RES_217(III)-FR.txt": ("skipped", "already gives A/RES/217(III) in 'fr'"),
    "A_RES_1_5-FR.md": ("skipped", "no recognisable structure"),
    "A_RES_1_6-FR.md": ("partial", "no other language version"),  # UTF-8 cut inside a character: read
    "A_RES_1_7-FR.md": ("partial", "no other language version"),  # UTF-8 and cp1252 lines: read
    "A_RES_1_8-RU.md": ("partial", "no other language version"),  # UTF-16 without a BOM: read
    "A_RES_1_9-RU.md": ("partial", "no other language version"),  # cp1251: read
    "A_RES_1_10-FR.md": ("skipped", "file too large (200 MiB"),
    "A_RES_1_11-FR.md": ("partial", "no other language version"),  # a line of a million characters
    "A_RES_1_12-FR.md": ("partial", "no other language version"),  # control characters
    "A_RES_1_13-FR.html": ("skipped", "declares entities"),  # billion laughs
    "A_RES_1_14-FR.html": ("skipped", "declares entities"),  # external entity
    "A_RES_1_15-FR.html": ("skipped", "nested more than 200 levels"),
    "A_RES_1_16-FR.pdf": ("skipped", "not a readable PDF"),
    "A_RES_1_17-FR.docx": ("skipped", "not a Word document: not a zip package"),
    "A_RES_1_18-FR.docx": ("skipped", "Word XML declares a DTD or entities"),  # external entity in document.xml
    "A_RES_1_19-FR.docx": ("skipped", "refused as a zip bomb"),
    "A_RES_1_20-FR.doc": ("skipped", ".doc files are not read yet"),
    "A_RES_.._.._escape-FR.md": ("skipped", "not a document symbol"),
    "escape.md": ("partial", "no other language version"),  # claims A/RES/61/1 in its text: read, no path
    "A_RES_1_21-FR.xml": ("skipped", "Akoma Ntoso XML declares a DTD or entities"),  # billion laughs
    "A_RES_1_22-FR.xml": ("skipped", "Akoma Ntoso XML declares a DTD or entities"),  # external DTD
    "A_RES_1_23-FR.xml": ("skipped", "Akoma Ntoso XML declares a DTD or entities"),  # in UTF-16
    "A_RES_1_24-FR.xml": ("skipped", "file too large (1024 MiB"),  # sparse, never read
    "A_RES_1_25-FR.xml": ("skipped", "broken Akoma Ntoso XML"),  # cut short
    "udhr_fra.xml": ("skipped", "XML but not Akoma Ntoso"),
    "A_RES_1_26-FR.pdf": ("skipped", "inflates past 64 MiB: refused as a bomb"),  # 400 MB of zeros in 400 KB
    "A_RES_1_27-FR.docx": ("skipped", "refused as a zip bomb"),  # 190 MB of short paragraphs
    "A_RES_1_28-FR.html": ("partial", "no other language version"),  # a list of 30,000 items
    "README.md": ("ignored", "not a document"),
    "LICENSE": ("ignored", "not a document"),
}


def write(folder: Path) -> Path:
    """Write the hostile files beside a copy of corpora/'s Markdown documents (whose README is one of them)."""
    shutil.copytree(CORPORA, folder, ignore=shutil.ignore_patterns("un-akn"))
    files: dict[str, bytes] = {
        "A_RES_1_1-FR.md": b"",
        "A_RES_1_2-EN.md": bytes(range(256)) * 40,
        "A_RES_1_3-QQ.md": ("Tous les êtres humains naissent libres et égaux en dignité et en droits. " * 3).encode(),
        "notes.md": b"12 34 56 78\n\n90 12 34\n" * 5,
        "A_RES_1_4-ZH.md": b"The General Assembly decides to continue the work of the Committee. " * 4,
        "A_RES_217(III)-FR.txt": FRENCH.encode(),
        "A_RES_1_5-FR.md": b"# Titre seul\n",
        "A_RES_1_6-FR.md": FRENCH.encode()[:5001] + "é".encode()[:1],
        "A_RES_1_7-FR.md": FRENCH.encode()[:3000] + "\n\n5. Décidé à Genève.\n".encode("cp1252"),
        "A_RES_1_8-RU.md": ("# Декларация\n\n1. Все люди рождаются свободными.\n").encode("utf-16-le") * 3,
        "A_RES_1_9-RU.md": RUSSIAN[:4000].encode("cp1251"),
        "A_RES_1_11-FR.md": ("# Titre\n\n1. " + "mot " * 250_000 + "fin.\n\n2. Décide.\n").encode(),
        "A_RES_1_12-FR.md": "# Titre\x07\n\n1. Décide\x01 de\x0b continuer\x1b.\n".encode(),
        "A_RES_1_13-FR.html": b'<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                              b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><html><body><p>&c;</p></body></html>',
        "A_RES_1_14-FR.html": b'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><html><body><p>&xxe;</p></body></html>',
        "A_RES_1_15-FR.html": b"<html><body>" + b"<div>" * 5000 + b"texte</body></html>",
        "A_RES_1_16-FR.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<",
        "A_RES_1_17-FR.docx": b"PK\x03\x04",
        "A_RES_.._.._escape-FR.md": FRENCH.encode(),
        "escape.md": ("# Assemblée générale\n\nA/RES/61/1\n\n## 61/1. Titre\n\n1. Décide de continuer l'examen de la question "
                      "à sa prochaine session et prie le Secrétaire général de lui présenter un rapport sur la question.\n").encode(),
        "A_RES_1_21-FR.xml": LAUGHS.encode(),
        "A_RES_1_22-FR.xml": b'<!DOCTYPE akomaNtoso SYSTEM "file:///etc/passwd"><akomaNtoso/>',
        "A_RES_1_23-FR.xml": LAUGHS.replace('"1.0"?', '"1.0" encoding="UTF-16"?').encode("utf-16"),
        "A_RES_1_25-FR.xml": (CORPORA / "un-akn/ga/80session/French/A_RES_80_156-2520753F.xml").read_bytes()[:20000],
        "udhr_fra.xml": b'<?xml version="1.0"?><udhr xmlns="http://www.unhchr.ch/udhr"><title>D\xc3\xa9claration</title></udhr>',
        "LICENSE": b"MIT",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    with zipfile.ZipFile(folder / "A_RES_1_18-FR.docx", "w") as package:
        package.writestr("word/document.xml", '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                         '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
                         "<w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>")
    with zipfile.ZipFile(folder / "A_RES_1_19-FR.docx", "w", zipfile.ZIP_DEFLATED) as package, \
            package.open("word/document.xml", "w", force_zip64=True) as member:
        for _ in range(250):  # 250 MiB of zeros, a few hundred KiB packed
            member.write(bytes(1024 * 1024))
    (folder / "A_RES_1_20-FR.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    with open(folder / "A_RES_1_10-FR.md", "wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: 200 MiB on paper, nothing on disk
    with open(folder / "A_RES_1_24-FR.xml", "wb") as handle:
        handle.truncate(1024 * 1024 * 1024)
    (folder / "A_RES_1_26-FR.pdf").write_bytes(_inflating_pdf(400 * 1024 * 1024))
    with zipfile.ZipFile(folder / "A_RES_1_27-FR.docx", "w", zipfile.ZIP_DEFLATED) as package:
        paragraph = b'<w:p><w:r><w:t>mot</w:t></w:r></w:p>'
        package.writestr("word/document.xml", b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                         + paragraph * (190 * 1024 * 1024 // len(paragraph)) + b"</w:body></w:document>")
    items = "".join(f"<li>Décide du point {n}.</li>" for n in range(30_000))
    (folder / "A_RES_1_28-FR.html").write_text(f"<html><body><h1>Titre</h1><ol>{items}</ol></body></html>", encoding="utf-8")
    assert codecs.BOM_UTF16_LE not in files["A_RES_1_8-RU.md"][:2]
    return folder


def _inflating_pdf(size: int) -> bytes:
    """A one-page PDF whose content stream is `size` bytes of zeros, deflated."""
    stream = zlib.compress(bytes(size), 9)
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>>endobj\n"
            b"4 0 obj<</Length " + str(len(stream)).encode() + b"/Filter/FlateDecode>>stream\n" + stream
            + b"\nendstream\nendobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    write(Path(argv[0]))
    print(f"{len(EXPECTED)} hostile or broken files written to {argv[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
