"""`align validate FILE.tmx`: the TMX 1.4b DTD plus what CAT tools need of a memory, each problem explained.

Checks beyond the DTD: language codes (RFC 4646 form, as TMX 1.4b asks of xml:lang and srclang), a
tu's source language among its variants (Trados and memoQ drop units without it), two or more
variants per tu, no language twice in one tu, placeholders (<ph x>) that pair across languages, non-empty segments, dates in the TMX form
YYYYMMDDThhmmssZ, unique tuids, and segments over 2,000 characters (rejected by Trados Studio).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lxml import etree

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CODE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_DATE = re.compile(r"^\d{8}T\d{6}Z$")
TRADOS_MAX_CHARS = 2000


@dataclass(frozen=True)
class Problem:
    line: int
    severity: str  # error | warning
    message: str


def dtd() -> etree.DTD:
    """The TMX 1.4 DTD shipped with align (LISA OSCAR; also the DTD of TMX 1.4b)."""
    with resources.files("align.data").joinpath("tmx14.dtd").open("rb") as handle:
        return etree.DTD(handle)


def validate_tmx(path: Path) -> list[Problem]:
    """Every problem found in a TMX file, in file order."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True
    )
    try:
        document = etree.parse(str(path), parser)
    except etree.XMLSyntaxError as error:
        return [Problem(error.lineno or 0, "error", f"not well-formed XML: {error.msg}")]
    schema = dtd()
    problems = (
        []
        if schema.validate(document)
        else [
            Problem(error.line, "error", f"not valid against the TMX 1.4b DTD: {error.message}")
            for error in schema.error_log
        ]
    )
    root = document.getroot()
    header = root.find("header")
    if header is None:
        return problems or [Problem(root.sourceline or 0, "error", "no <header>")]
    problems += _header(header)
    seen: dict[str, int] = {}
    for tu in root.iterfind("body/tu"):
        problems += _tu(tu, header.get("srclang", ""), seen)
    return sorted(problems, key=lambda problem: problem.line)


def _header(header: etree._Element) -> list[Problem]:
    problems = []
    srclang = header.get("srclang", "")
    if srclang != "*all*" and not _CODE.match(srclang):
        problems.append(
            Problem(
                header.sourceline,
                "error",
                f"header srclang {srclang!r} is not a language code like fr or fr-FR",
            )
        )
    if header.get("creationdate") and not _DATE.match(header.get("creationdate")):
        problems.append(
            Problem(
                header.sourceline,
                "error",
                f"header creationdate {header.get('creationdate')!r} is not YYYYMMDDThhmmssZ",
            )
        )
    if header.get("datatype") not in (None, "plaintext", "PlainText"):
        problems.append(
            Problem(
                header.sourceline,
                "warning",
                f"datatype {header.get('datatype')!r}: CAT tools expect plaintext for UN text",
            )
        )
    return problems


def _tu(tu: etree._Element, default_srclang: str, seen: dict[str, int]) -> list[Problem]:
    line, problems = tu.sourceline, []
    tuid = tu.get("tuid")
    if tuid is not None:
        if tuid in seen:
            problems.append(
                Problem(line, "error", f"tuid {tuid!r} already used on line {seen[tuid]}")
            )
        seen.setdefault(tuid, line)
    if tu.get("creationdate") and not _DATE.match(tu.get("creationdate")):
        problems.append(
            Problem(
                line, "error", f"creationdate {tu.get('creationdate')!r} is not YYYYMMDDThhmmssZ"
            )
        )
    langs = [tuv.get(XML_LANG) or tuv.get("lang") or "" for tuv in tu.iterfind("tuv")]
    if len(langs) < 2:
        problems.append(
            Problem(
                line,
                "error",
                f"a translation unit needs two or more <tuv>, this one has {len(langs)}",
            )
        )
    for lang in sorted({lang for lang in langs if langs.count(lang) > 1}):
        problems.append(Problem(line, "error", f"language {lang!r} appears twice in one <tu>"))
    for lang in langs:
        if not _CODE.match(lang):
            problems.append(
                Problem(line, "error", f"xml:lang {lang!r} is not a language code like fr or fr-FR")
            )
    srclang = tu.get("srclang", default_srclang)
    if srclang != "*all*" and srclang.lower() not in (lang.lower() for lang in langs):
        problems.append(
            Problem(
                line,
                "error",
                f"source language {srclang!r} has no <tuv> here: CAT tools drop such units",
            )
        )
    placeholders = {
        tuple(sorted(ph.get("x") or "" for ph in tuv.iter("ph"))) for tuv in tu.iterfind("tuv")
    }
    if len(placeholders) > 1:
        problems.append(
            Problem(
                line,
                "warning",
                "the languages hold different <ph> placeholders: CAT tools report tag mismatches",
            )
        )
    for ph in tu.iter("ph"):
        if not ph.get("x"):
            problems.append(
                Problem(
                    ph.sourceline,
                    "warning",
                    "<ph> without x: CAT tools cannot pair it across languages",
                )
            )
    for tuv in tu.iterfind("tuv"):
        seg = tuv.find("seg")
        text = "".join(seg.itertext()) if seg is not None else ""
        if not text.strip():
            problems.append(Problem(tuv.sourceline, "error", "empty <seg>"))
        elif len(text) > TRADOS_MAX_CHARS:
            problems.append(
                Problem(
                    tuv.sourceline,
                    "warning",
                    f"segment of {len(text)} characters: Trados Studio rejects over {TRADOS_MAX_CHARS}",
                )
            )
    return problems
