"""Render the Unicode UDHR XML files to Markdown like a PDF converter's, named by the ODS convention.

Usage: python scripts/render_udhr.py [UDHR_XML_FOLDER] [OUT_FOLDER]
(defaults: ../shared/data/udhr and corpora). The output is committed; rerun to regenerate it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from lxml import etree

NS = {"u": "http://www.unhchr.ch/udhr"}
# Unicode UDHR file code -> ODS language code.
FILES = {"arb": "AR", "cmn_hans": "ZH", "eng": "EN", "fra": "FR", "rus": "RU", "spa": "ES"}
# UN symbol of the Universal Declaration: General Assembly resolution 217 A (III), in ODS file form.
STEM = "A_RES_217(III)"
# How each language version numbers paragraphs: UN Arabic documents write "1 - " (UN editorial practice).
NUMBERING = {"AR": "{} - "}


def render(tree: etree._ElementTree, lang: str) -> str:
    """One language version as Markdown: title, notes, preamble, `Article N` headings, numbered lists."""
    root = tree.getroot()
    out = [f"# {_text(root.find('u:title', NS))}"]
    out += [_text(para) for para in root.findall("u:note/u:para", NS)]
    preamble = root.find("u:preamble", NS)
    out.append(f"## {_text(preamble.find('u:title', NS))}")
    out += [_text(para) for para in preamble.findall("u:para", NS)]
    for article in root.findall("u:article", NS):
        out.append(f"## {_text(article.find('u:title', NS))}")
        out += [_text(para) for para in article.findall("u:para", NS)]
        items = article.findall("u:orderedlist/u:listitem", NS)
        numbering = NUMBERING.get(lang, "{}. ")
        out += [numbering.format(number) + _text(item.find("u:para", NS)) for number, item in enumerate(items, 1)]
    return "\n\n".join(out) + "\n"


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else Path(__file__).resolve().parents[2] / "shared" / "data" / "udhr"
    target = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1] / "corpora"
    for code, lang in FILES.items():
        path = target / f"{STEM}-{lang}.md"
        path.write_text(render(etree.parse(str(source / f"udhr_{code}.xml")), lang), encoding="utf-8")
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
