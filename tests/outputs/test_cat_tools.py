"""What translators get: footnote placeholders, CAT-tool profiles, `align validate`, the SRX file
loaded by the SRX engine, TM look-up; TMX read back by Translate Toolkit and by PythonTmx."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from choppa import SrxDocument, SrxTextIterator
from lxml import etree
from PythonTmx import Ph, from_element
from translate.storage import tmx

from align.pipeline.options import BuildOptions
from align.pipeline.run import build
from align.segment import Segmenter
from align.tools.lookup import lookup
from align.tools.validate import validate_tmx
from tests.conftest import SEED, UDHR_LANGS

# The English version of A/RES/60/212's opening (official wording), with its footnote references.
SEED_EN = """# General Assembly

## Sixtieth session

## Resolution adopted by the General Assembly on 22 December 2005

[on the report of the Second Committee (A/60/493/Add.2)]

### 60/212. South-South cooperation

*The General Assembly,*

*Recalling* its resolution 58/220 of 23 December 2003,

*Recalling also* the 2005 World Summit Outcome,<sup>1</sup>

*Recalling further* its resolution 59/250 of 22 December 2004, which, inter alia, urged the organizations and bodies of the United Nations system to mainstream modalities to support South-South cooperation,

1. *Welcomes* the report of the High-level Committee on South-South Cooperation on its fourteenth session<sup>2</sup> and the decisions adopted at that session;<sup>3</sup>

2. *Takes note* of the report of the Secretary-General on the state of South-South cooperation;<sup>4</sup>

---

<sup>1</sup> See resolution 60/1.

<sup>2</sup> Official Records of the General Assembly, Sixtieth Session, Supplement No. 39 (A/60/39).

<sup>3</sup> Ibid., chap. I.

<sup>4</sup> A/60/257.
"""


@pytest.fixture(scope="module")
def seed_pair(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seed") / "in"
    folder.mkdir()
    shutil.copy(SEED, folder)
    (folder / "A_RES_60_212-EN.md").write_text(SEED_EN, encoding="utf-8")
    return folder


def tu_of(path: Path, unit: str) -> etree._Element:
    return next(tu for tu in etree.parse(str(path)).iter("tu") if tu.findtext("prop[@type='x-unit']") == unit)


def test_footnote_references_are_placeholders(seed_pair: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(BuildOptions.of(inputs=(seed_pair,), out=out))
    tu = tu_of(out / "memory.tmx", "op.1")
    for tuv in tu.iter("tuv"):
        assert [(ph.get("type"), ph.get("x")) for ph in tuv.iter("ph")] == [("fnote", "2"), ("fnote", "3")]
    en = tu.find("tuv[@{http://www.w3.org/XML/1998/namespace}lang='en']/seg")
    assert en.text == "Welcomes the report of the High-level Committee on South-South Cooperation on its fourteenth session"
    assert [ph.tail for ph in en.iter("ph")] == [" and the decisions adopted at that session;", None]
    assert validate_tmx(out / "memory.tmx") == []
    store = tmx.tmxfile(io.BytesIO((out / "tmx/fr-en.tmx").read_bytes()), sourcelanguage="fr", targetlanguage="en")
    assert "fourteenth session and the decisions" in next(u.target for u in store.units if "fourteenth" in u.target)
    # a second, independent reader sees the placeholders as placeholders
    document = from_element(etree.parse(str(out / "tmx/fr-en.tmx")).getroot())
    [tu] = [tu for tu in document.tus if any(p.text == "op.1" for p in tu.props)]
    assert [type(part) for part in tu.tuvs[1].content] == [str, Ph, str, Ph]
    # the corpora carry the clean text
    assert "session and the decisions adopted at that session;" in (out / "moses/fr-en.en").read_text(encoding="utf-8")


def test_footnote_references_removed_by_option(seed_pair: Path, tmp_path: Path) -> None:
    build(BuildOptions.of(inputs=(seed_pair,), out=tmp_path / "out", footnote_refs="remove"))
    assert not list(etree.parse(str(tmp_path / "out" / "memory.tmx")).iter("ph"))


def test_profiles(seed_pair: Path, tmp_path: Path) -> None:
    trados = tmp_path / "trados"
    build(BuildOptions.of(inputs=(seed_pair,), out=trados, profile="trados", lang_codes=("en=en-US",)))
    assert sorted(path.name for path in (trados / "tmx").glob("*.tmx")) == ["en-fr.tmx", "fr-en.tmx"]
    reverse = etree.parse(str(trados / "tmx" / "en-fr.tmx"))
    assert reverse.find("header").get("srclang") == "en-US"
    assert {tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in reverse.iter("tuv")} == {"fr-FR", "en-US"}
    assert [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in reverse.find("body/tu").iter("tuv")] == ["en-US", "fr-FR"]
    for path in [trados / "memory.tmx", *(trados / "tmx").glob("*.tmx")]:
        assert [p for p in validate_tmx(path) if p.severity == "error"] == []


def test_trados_leaves_out_segments_over_2000_characters(tmp_path: Path) -> None:
    long_fr, long_en = "Décide " + "de continuer " * 200 + ".", "Decides " + "to continue " * 200 + "."
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "A_RES_9_9-FR.md").write_text(f"# Titre\n\n1. {long_fr}\n\n2. Prend note.\n", encoding="utf-8")
    (tmp_path / "in" / "A_RES_9_9-EN.md").write_text(f"# Title\n\n1. {long_en}\n\n2. Takes note.\n", encoding="utf-8")
    result = build(BuildOptions.of(inputs=(tmp_path / "in",), out=tmp_path / "out", profile="trados"))
    units = [tu.findtext("prop[@type='x-unit']") for tu in etree.parse(str(tmp_path / "out" / "memory.tmx")).iter("tu")]
    assert units == ["title", "op.2"]
    assert result.notes == ["profile trados: 1 units with a segment over 2000 characters left out of the TMX files"]


@pytest.mark.parametrize(
    ("tmx_text", "messages"),
    [
        ('<tu tuid="1"><tuv xml:lang="fr"><seg>Bonjour</seg></tuv></tu>',
         ["needs two or more <tuv>, this one has 1"]),
        ('<tu><tuv xml:lang="en"><seg>Hi</seg></tuv><tuv xml:lang="es"><seg>Hola</seg></tuv></tu>',
         ["source language 'fr' has no <tuv> here"]),
        ('<tu><tuv xml:lang="fr"><seg>A<ph x="1"/></seg></tuv><tuv xml:lang="english"><seg> </seg></tuv></tu>',
         ["placeholders", "xml:lang 'english'", "empty <seg>"]),
        ('<tu creationdate="yesterday"><tuv xml:lang="fr"><seg>A</seg></tuv><tuv xml:lang="fr"><seg>B</seg></tuv></tu>',
         ["creationdate 'yesterday'", "language 'fr' appears twice"]),
        ('<tu><tuv xml:lang="fr"><seg>A<b>B</b></seg></tuv><tuv xml:lang="en"><seg>A</seg></tuv></tu>',
         ["not valid against the TMX 1.4b DTD"]),
    ],
)
def test_validate_explains_problems(tmp_path: Path, tmx_text: str, messages: list[str]) -> None:
    path = tmp_path / "bad.tmx"
    path.write_text('<?xml version="1.0"?>\n<tmx version="1.4"><header creationtool="x" creationtoolversion="1" '
                    'segtype="sentence" o-tmf="x" adminlang="en" srclang="fr" datatype="plaintext"/>\n'
                    f"<body>\n{tmx_text}\n</body></tmx>\n", encoding="utf-8")
    found = " | ".join(problem.message for problem in validate_tmx(path))
    for message in messages:
        assert message in found


def test_validate_malformed_xml(tmp_path: Path) -> None:
    path = tmp_path / "broken.tmx"
    path.write_text("<tmx><header></tmx>", encoding="utf-8")
    [problem] = validate_tmx(path)
    assert problem.severity == "error" and problem.message.startswith("not well-formed XML")


@pytest.mark.parametrize("lang", UDHR_LANGS)
def test_segmentation_srx_gives_the_same_segments(built: Path, lang: str) -> None:
    document = SrxDocument(ruleset=str(built / "segmentation.srx"))
    segmenter = Segmenter()
    for text in (built / "moses" / f"fr-{'en' if lang == 'fr' else lang}.{lang}").read_text(encoding="utf-8").splitlines():
        from_file = [s.strip() for s in SrxTextIterator(document, f"{lang}_two", text) if s.strip()]
        assert from_file == segmenter.split(text, lang)


@pytest.mark.parametrize(
    ("query", "lang", "fuzzy", "kind", "unit"),
    [
        ("Toute personne a droit à l'éducation.", "fr", False, "exact", "art.26.1"),
        ("TOUTE personne a droit à l’éducation.", "fr", False, "exact", "art.26.1"),
        ("peines ou traitements cruels", "fr", False, "contains", "art.5"),
        ("Everyone has the right to an education", "en", True, "fuzzy", "art.26.1"),
        ("人人有权享有国籍。", "zh", False, "exact", "art.15.1"),
        ("Каждый человек имеет право на свободу мирных собраний", "ru", False, "contains", "art.20.1"),
    ],
)
def test_lookup(built: Path, query: str, lang: str, fuzzy: bool, kind: str, unit: str) -> None:
    best = lookup(built, query, lang, fuzzy)[0]
    assert (best.kind, best.unit, best.document) == (kind, unit, "A/RES/217(III)")
    assert set(best.texts) == set(UDHR_LANGS)


def test_lookup_finds_nothing_for_unrelated_text(built: Path) -> None:
    assert lookup(built, "Le Conseil de sécurité décide de proroger le mandat de la Force", "fr", fuzzy=True) == []


def test_lookup_reads_the_memory_in_batches_with_the_same_matches(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """units.parquet is read a batch of rows at a time: batches of 7 rows give the matches, their order and
    their texts that one batch of the whole table gives."""
    import align.tools.lookup

    queries = [("Toute personne a droit à la liberté", "fr", True, 10), ("droit", "fr", False, 20), ("Everyone has the right to life", "en", True, 5)]
    whole = [lookup(built, *query) for query in queries]
    monkeypatch.setattr(align.tools.lookup, "BATCH", 7)
    assert [lookup(built, *query) for query in queries] == whole and all(whole) and len(whole[1]) == 20


def test_lookup_answers_at_the_level_of_the_match(built: Path) -> None:
    """A sentence of a longer unit gets that sentence's translations (the pair view), not the whole
    article's; a unit matched whole gets the unit's."""
    sentence = lookup(built, "Tous les êtres humains naissent libres et égaux en dignité et en droits.", "fr")[0]
    assert (sentence.level, sentence.unit) == ("sentence", "art.1")
    assert sentence.texts["en"] == "All human beings are born free and equal in dignity and rights."
    assert all("conscience" not in text for lang, text in sentence.texts.items() if lang not in sentence.whole)
    assert set(sentence.texts) == set(UDHR_LANGS) and len(sentence.whole) < len(UDHR_LANGS) - 2
    whole = lookup(built, "Tout individu a droit à la vie, à la liberté et à la sûreté de sa personne.", "fr")[0]
    assert (whole.level, whole.unit, whole.whole) == ("paragraph", "art.3", ())
