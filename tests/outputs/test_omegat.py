"""Our memories in a real CAT tool: Debian's OmegaT 3.6 fills French source files, as a translator has them
in plain text, from tmx/fr-<lang>.tmx of a build of corpora/ with --profile omegat, in console mode, its
project cutting sentences with our omegat/segmentation.conf. The sources: the French UDHR (title,
"Préambule", the recitals, "Article premier" ... "Article 30", the paragraphs) and the French resolutions
of the South-South series in corpora/un-akn (75/234 ... 80/156), their text read from the UN's XML by
lxml here, not by align. The share of source words OmegaT fills is compared with
what a memory of the documents' own units at paragraph level gives (title, headings, recitals,
paragraphs, footnotes, paired by their ids), measured in the same run.

OmegaT reads project_stats.txt's "Remaining" words after console-translate: what no memory filled.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from lxml import etree

from align.ingest import read_source
from align.pipeline.options import BuildOptions
from align.pipeline.run import build
from align.segment import Segmenter
from align.structure import parse
from tests.conftest import CORPORA, CREATED

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
OMEGAT = shutil.which("omegat")
pytestmark = pytest.mark.skipif(OMEGAT is None and not os.environ.get("CI"), reason="Debian's omegat is not installed")
TOKENIZERS = {"fr": "French", "en": "English", "es": "Spanish", "ru": "Russian", "ar": "Arabic", "zh": "SmartChinese"}
LANGS = ("en", "ru", "es", "zh", "ar")
BELOW = {"zh": 0.015, "ar": 0.005}  # how far under the baseline, and why: see the test
PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat><project version="1.0">
<source_dir>__DEFAULT__</source_dir><target_dir>__DEFAULT__</target_dir><tm_dir>__DEFAULT__</tm_dir>
<glossary_dir>__DEFAULT__</glossary_dir><glossary_file>__DEFAULT__</glossary_file><dictionary_dir>__DEFAULT__</dictionary_dir>
<source_lang>fr</source_lang><target_lang>{lang}</target_lang>
<source_tok>org.omegat.tokenizer.LuceneFrenchTokenizer</source_tok><target_tok>org.omegat.tokenizer.Lucene{tokenizer}Tokenizer</target_tok>
<sentence_seg>true</sentence_seg><support_default_translations>true</support_default_translations><remove_tags>false</remove_tags>
</project></omegat>
"""


def source_text() -> str:
    """The French UDHR as a translator's plain text: the Markdown without its marks."""
    markdown = (CORPORA / "A_RES_217(III)-FR.md").read_text(encoding="utf-8")
    paragraphs = [re.sub(r"^#+\s*", "", block.strip()) for block in markdown.split("\n\n") if block.strip()]
    return "\n\n".join(paragraphs) + "\n"


@functools.cache
def resolutions() -> dict[str, dict[str, Path]]:
    """The AKN files of corpora/un-akn: symbol -> language -> file."""
    found: dict[str, dict[str, Path]] = {}
    for path in sorted((CORPORA / "un-akn").rglob("*.xml")):
        document = read_source(path)
        found.setdefault(document.symbol, {})[document.lang] = path
    return found


def akn_text(path: Path) -> str:
    """A French resolution as a translator's plain text, read from the UN's XML: each <p> of the cover page,
    title, preamble, body and meeting line a paragraph (its <num> before it, a line break where <eol/> is),
    the footnotes at the end."""
    root = etree.parse(str(path)).getroot()
    blocks, notes, number = [], [], ""

    def text(element: etree._Element) -> str:
        parts: list[str] = []

        def walk(node: etree._Element) -> None:
            if not isinstance(node.tag, str) or node.tag == f"{AKN}authorialNote":
                return
            parts.append("\n" if node.tag == f"{AKN}eol" else node.text or "")
            for child in node:
                walk(child)
                parts.append(child.tail or "")

        walk(element)
        return "\n".join(" ".join(line.split()) for line in "".join(parts).split("\n")).strip()

    for element in root.iter(f"{AKN}num", f"{AKN}p"):
        names = {etree.QName(up).localname for up in element.iterancestors()}
        if names & {"authorialNote", "meta", "p"}:
            continue
        if element.tag == f"{AKN}num":
            number = "".join(element.itertext()).strip() + " "
        elif body := text(element):
            blocks.append(number + body)
            number = ""
    notes = [" ".join("".join(note.itertext()).split()) for note in root.iter(f"{AKN}authorialNote")]
    return "\n\n".join(blocks + notes) + "\n"


def own_units_memory(lang: str, path: Path, versions: list[tuple[Path, Path]] | None = None) -> None:
    """The baseline: the documents' own units (title, headings, recitals, paragraphs, footnotes) paired by
    id, for each (French, other) pair of files (default: the UDHR)."""
    if versions is None:
        versions = [tuple(CORPORA / f"A_RES_217(III)-{code.upper()}.md" for code in ("fr", lang))]
    tmx = etree.Element("tmx", version="1.4")
    etree.SubElement(tmx, "header", creationtool="test", creationtoolversion="1", datatype="plaintext", segtype="paragraph",
                     adminlang="en", srclang="fr", **{"o-tmf": "test"})
    body = etree.SubElement(tmx, "body")
    for french, other in versions:
        left, right = parse(read_source(french)), parse(read_source(other))
        theirs = {unit.id: unit.text for unit in right.units}
        for unit in left.units:
            if unit.id in theirs:
                tu = etree.SubElement(body, "tu")
                for code, text in (("fr", unit.text), (lang, theirs[unit.id])):
                    tuv = etree.SubElement(tu, "tuv", {"{http://www.w3.org/XML/1998/namespace}lang": code})
                    etree.SubElement(tuv, "seg").text = text
    path.write_bytes(etree.tostring(tmx, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def translate(project: Path, lang: str, source: str, memory: Path | None = None, rules: Path | None = None) -> tuple[dict[str, list[int]], str]:
    """Run OmegaT's console-translate on a project of `source`; project_stats.txt's rows (segments, words)
    by name, and what OmegaT logged."""
    for folder in ("source", "target", "tm/auto", "omegat", "glossary", "dictionary"):
        (project / folder).mkdir(parents=True)
    (project / "omegat.project").write_text(PROJECT.format(lang=lang, tokenizer=TOKENIZERS[lang]), encoding="utf-8")
    (project / "source" / "source.txt").write_text(source, encoding="utf-8")
    if memory:
        shutil.copy(memory, project / "tm" / "auto" / memory.name)
    if rules:
        shutil.copy(rules, project / "omegat" / "segmentation.conf")
    done = subprocess.run([OMEGAT or "omegat", str(project), "--mode=console-translate", f"--config-dir={project / 'config'}",
                           "--disable-project-locking", "--no-team"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    stats = (project / "omegat" / "project_stats.txt").read_text(encoding="utf-8")
    rows = {row[0].strip(": "): [int(row[1]), int(row[2])] for row in (line.split("\t") for line in stats.splitlines())
            if len(row) > 3 and row[2].strip().isdigit()}
    return rows, done.stdout + done.stderr


def filled(tmp_path: Path, lang: str, memory: Path, source: str | None = None, rules: Path | None = None) -> tuple[float, str]:
    """The share of the source's words (default: the French UDHR) OmegaT fills from `memory`, and what it logged."""
    rows, log = translate(tmp_path / f"{lang}-{memory.stem}", lang, source or source_text(), memory, rules)
    return 1 - rows["Remaining"][1] / rows["Total"][1], log


@pytest.fixture(scope="module")
def memories(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("omegat") / "out"
    build(BuildOptions.of(inputs=(CORPORA,), out=out, created=CREATED, profile="omegat", formats=["tmx", "srx"]))
    return out


def test_omegat_cuts_new_text_as_our_memory_was_cut(memories: Path, tmp_path: Path) -> None:
    """--profile omegat writes omegat/segmentation.conf: OmegaT 3.6 loads it without error and cuts new
    French text where align's rules do (references kept whole), not where its own defaults would."""
    texts = ["Voir le par. 3 de la résolution 60/212. Elle est adoptée.", "Comme indiqué au chap. IV du rapport. Il est noté.",
             "Voir al. b) ci-dessus. Puis la suite.", "Le Conseil, réf. A/60/257. Fin."]
    ours = sum(len(Segmenter().split(text, "fr")) for text in texts)
    rows, log = translate(tmp_path / "ours", "en", "\n\n".join(texts) + "\n", rules=memories / "omegat" / "segmentation.conf")
    assert rows["Total"][0] == ours == 8 and "Error" not in log
    defaults, _ = translate(tmp_path / "defaults", "en", "\n\n".join(texts) + "\n")
    assert defaults["Total"][0] != ours  # without the file OmegaT cuts otherwise: the file is what makes them agree


@pytest.mark.parametrize("lang", LANGS)
def test_omegat_fills_the_french_udhr_from_our_memory(memories: Path, tmp_path: Path, lang: str) -> None:
    ours, log = filled(tmp_path, lang, memories / "tmx" / f"fr-{lang}.tmx")
    baseline_tmx = tmp_path / f"own-units-fr-{lang}.tmx"
    own_units_memory(lang, baseline_tmx)
    baseline, _ = filled(tmp_path, lang, baseline_tmx)
    print(f"fr-{lang}: align {ours:.3f}, own units at paragraph level {baseline:.3f}")
    assert "Error" not in log and "TMXR_WARNING" not in log  # no warning: segtype says what each unit is
    if lang in ("en", "ru"):  # the issue's target, reached once the headings reached the memory
        assert ours >= 0.98
    if lang in BELOW:
        # Chinese runs French Article 26.1's first two sentences into one, and Arabic lacks a recital: our
        # memory leaves those French sentences unfilled, and the paragraph-level baseline fills them with
        # wrong translations (test_where_the_paragraph_memory_fills_more_it_fills_wrongly), hence its lead
        # (0.985 against 0.973, 0.909 against 0.906).
        assert ours >= baseline - BELOW[lang]
    else:
        assert ours >= baseline


@pytest.mark.parametrize("lang", LANGS)
def test_omegat_fills_the_french_resolutions_from_our_memory(memories: Path, tmp_path: Path, lang: str) -> None:
    """The French resolutions of the South-South series in corpora/un-akn (75/234 ... 80/156), as a
    translator has them, cover page and meeting line included: align makes a unit of each line of the
    cover page (cover.session, cover.agenda, ...) and of the meeting line and its date, as OmegaT cuts
    them; the baseline pairs the same units by id."""
    texts = {symbol: akn_text(files["fr"]) for symbol, files in resolutions().items()}
    series = [symbol for symbol, text in texts.items() if "coopération Sud-Sud" in text]
    assert len(series) == 6
    versions = [(resolutions()[symbol]["fr"], resolutions()[symbol][lang]) for symbol in series]
    source = "\n".join(texts[symbol] for symbol in series)
    rules = memories / "omegat" / "segmentation.conf"
    baseline_tmx = tmp_path / f"own-units-fr-{lang}.tmx"
    own_units_memory(lang, baseline_tmx, versions)
    with ThreadPoolExecutor(2) as pool:  # two OmegaT processes at once: each takes seconds to cut the files
        runs = [pool.submit(filled, tmp_path, lang, memory, source, rules) for memory in (memories / "tmx" / f"fr-{lang}.tmx", baseline_tmx)]
        (ours, log), (baseline, _) = (run.result() for run in runs)
    print(f"resolutions fr-{lang}: align {ours:.3f}, own units at paragraph level {baseline:.3f}")
    assert "Error" not in log and "TMXR_WARNING" not in log
    # what is left unfilled is the symbols: "A/RES/75/234", "75/234.", footnotes such as "A/75/371."
    assert ours >= baseline and ours >= 0.98


@pytest.mark.parametrize(
    ("lang", "sentence", "ours", "theirs"),
    [
        # Chinese Article 26.1 runs French's first two sentences into one, then has four sentences as French
        # does: OmegaT pairs a paragraph's sentences by position, so the paragraph-level memory fills French's
        # third sentence with Chinese's third, which translates French's fourth.
        ("zh", "L’enseignement élémentaire est obligatoire.", "初级教育应属义务性质。", "技术和职业教育应普遍设立。"),
        # Arabic has no fourth recital ("relations amicales entre nations"): paired by id, the paragraph-level
        # memory gives it Arabic's fourth, the recital on the peoples of the United Nations.
        ("ar", "Considérant qu’il est essentiel d’encourager le développement de relations amicales entre nations,", None,
         "ولما كانت شعوب الأمم المتحدة قد أكدت في الميثاق"),
    ],
)
def test_where_the_paragraph_memory_fills_more_it_fills_wrongly(
    memories: Path, tmp_path: Path, lang: str, sentence: str, ours: str | None, theirs: str
) -> None:
    """Why the paragraph-level memory fills a little more of the UDHR in Chinese and Arabic: what it fills
    there and our memory does not is filled with the wrong translation."""
    baseline_tmx = tmp_path / "own-units.tmx"
    own_units_memory(lang, baseline_tmx)
    for memory, expected in ((memories / "tmx" / f"fr-{lang}.tmx", ours), (baseline_tmx, theirs)):
        project = tmp_path / memory.stem
        translate(project, lang, sentence + "\n", memory)
        target = (project / "target" / "source.txt").read_text(encoding="utf-8").strip()
        assert target.startswith(expected) if expected else target == sentence, (memory.name, target)
