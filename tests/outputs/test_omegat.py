"""Our memories in a real CAT tool: Debian's OmegaT 3.6 fills the French UDHR, as a translator's plain-text
source file (title, "Préambule", the recitals, "Article premier" ... "Article 30", the paragraphs), from
tmx/fr-<lang>.tmx of a build with --profile omegat, in console mode; the share of source words it fills
is compared with what a memory of the documents' own units at paragraph level gives (title, headings,
recitals, article paragraphs, paired by their ids), measured in the same run.

OmegaT reads project_stats.txt's "Remaining" words after console-translate: what no memory filled.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from align.ingest import read_source
from align.pipeline.options import BuildOptions
from align.pipeline.run import build
from align.segment import Segmenter
from align.structure import parse
from tests.conftest import CORPORA, CREATED

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


def own_units_memory(lang: str, path: Path) -> None:
    """The baseline: the documents' own units (title, headings, recitals, article paragraphs) paired by id."""
    left, right = (parse(read_source(CORPORA / f"A_RES_217(III)-{code.upper()}.md")) for code in ("fr", lang))
    theirs = {unit.id: unit.text for unit in right.units}
    tmx = etree.Element("tmx", version="1.4")
    etree.SubElement(tmx, "header", creationtool="test", creationtoolversion="1", datatype="plaintext", segtype="paragraph",
                     adminlang="en", srclang="fr", **{"o-tmf": "test"})
    body = etree.SubElement(tmx, "body")
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


def filled(tmp_path: Path, lang: str, memory: Path) -> tuple[float, str]:
    """The share of the source's words OmegaT fills from `memory`, and what it logged."""
    rows, log = translate(tmp_path / f"{lang}-{memory.stem}", lang, source_text(), memory)
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
        # Chinese runs two French sentences into one (Article 26.1: "Toute personne a droit à l'éducation.
        # L'éducation doit être gratuite, ..."), and Arabic a recital's: our memory pairs the French two with
        # the one sentence, which OmegaT, cutting the French in two, cannot use; the paragraph-level
        # baseline holds the whole paragraph, which OmegaT fills. So we stay just under it there (0.973
        # against 0.985, 0.906 against 0.909). Chinese "因此现在,大会,发布……" is the enacting formula and
        # the paragraph it heads, two units as in French: 0.925 against 0.937 before it was read so.
        assert ours >= baseline - BELOW[lang]
    else:
        assert ours >= baseline
