"""Never lose a file, never write a broken memory: hostile inputs, huge inputs, and builds killed mid-way."""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lxml import etree
from translate.storage import tmx

from align.pipeline import BuildOptions, build
from tests.conftest import CORPORA, CREATED, corpora_with_copies

DTD = etree.DTD(str(Path(__file__).resolve().parents[1] / "align" / "data" / "tmx14.dtd"))


def outcomes(out: Path) -> dict[str, dict[str, str]]:
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return {Path(record["path"]).name: record for record in report["inputs"]}


def test_control_characters_never_reach_the_tmx(tmp_path: Path) -> None:
    (tmp_path / "A_RES_9_1-FR.md").write_text("# Titre\x07\n\n1. Décide\x01 de\x0b continuer\x1b.\n", encoding="utf-8")
    (tmp_path / "A_RES_9_1-EN.md").write_text("# Title\n\n1. Decides\x00\x02 to continue.\n", encoding="utf-8")
    build(BuildOptions(inputs=(tmp_path,), out=tmp_path / "out"))
    document = etree.parse(str(tmp_path / "out" / "memory.tmx"))
    assert DTD.validate(document)
    assert [seg.text for seg in document.iter("seg")] == ["Title", "Titre", "Decides to continue.", "Décide de continuer."]


def test_huge_file_is_skipped_by_its_size(tmp_path: Path) -> None:
    with open(tmp_path / "A_RES_9_2-FR.md", "wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: 200 MiB on paper, nothing read
    build(BuildOptions(inputs=(tmp_path,), out=tmp_path / "out"))
    record = outcomes(tmp_path / "out")["A_RES_9_2-FR.md"]
    assert record["outcome"] == "skipped" and record["reason"] == "file too large (200 MiB, limit 50 MiB)"


def test_million_character_lines(tmp_path: Path) -> None:
    (tmp_path / "A_RES_9_3-FR.md").write_text("# Titre\n\n1. " + "mot " * 250_000 + "fin.\n\n2. Décide.\n", encoding="utf-8")
    (tmp_path / "A_RES_9_3-EN.md").write_text("# Title\n\n1. " + "word " * 200_000 + "end.\n\n2. Decides.\n", encoding="utf-8")
    build(BuildOptions(inputs=(tmp_path,), out=tmp_path / "out"))
    assert {record["outcome"] for record in outcomes(tmp_path / "out").values()} == {"aligned"}
    assert DTD.validate(etree.parse(str(tmp_path / "out" / "memory.tmx")))


@pytest.mark.parametrize(
    "markup",
    [
        "<sup><sup><sup>" * 2000 + "texte" + "</sup>" * 6000,
        "*" * 100_000 + " texte " + "_" * 100_000,
        "<div " * 5000 + "texte",
        "[" * 50_000 + "texte](" * 1000,
        "#" * 1000 + " titre",
    ],
)
def test_malformed_markup_is_read_or_skipped_quickly(tmp_path: Path, markup: str) -> None:
    (tmp_path / "A_RES_9_4-FR.md").write_text(f"# Titre\n\n1. Décide de continuer.\n\n{markup}\n", encoding="utf-8")
    build(BuildOptions(inputs=(tmp_path,), out=tmp_path / "out"))
    assert outcomes(tmp_path / "out")["A_RES_9_4-FR.md"]["outcome"] in ("partial", "skipped")


def test_nothing_is_written_outside_out(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    hostile = "# 60/212. Titre\n\nA/RES/../../../../tmp/escape\n\n1. Décide.\n"
    (inputs / "A_RES_.._.._escape-FR.md").write_text(hostile, encoding="utf-8")
    (inputs / "escape.md").write_text("# Assemblée générale\n\n" + hostile, encoding="utf-8")
    before = sorted(path for path in tmp_path.rglob("*"))
    build(BuildOptions(inputs=(inputs,), out=tmp_path / "out"))
    after = sorted(path for path in tmp_path.rglob("*") if not path.is_relative_to(tmp_path / "out"))
    assert after == before
    assert not Path("/tmp/escape").exists()


def test_strict_turns_a_skip_into_failure(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(CORPORA, inputs)
    (inputs / "A_RES_9_5-FR.md").write_bytes(b"")
    command = [sys.executable, "-m", "align", "build", str(inputs), "-o", str(tmp_path / "out")]
    assert subprocess.run(command, capture_output=True).returncode == 0
    assert subprocess.run([*command, "--strict"], capture_output=True).returncode == 1
    assert (tmp_path / "out" / "memory.tmx").is_file()  # everything else is still written


@pytest.fixture(scope="module")
def bigger_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """corpora/ with the UDHR under four more symbols: a build long enough to be killed in every stage."""
    return corpora_with_copies(tmp_path_factory.mktemp("kill") / "in", 4)


def _tmx_files(out: Path) -> list[Path]:
    return sorted(out.glob("*.tmx")) + sorted(out.glob("tmx/*.tmx"))


@pytest.mark.parametrize("seed", range(20))
def test_killed_build_leaves_whole_outputs_and_rerun_finishes(bigger_corpus: Path, tmp_path: Path, seed: int) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "-m", "align", "build", str(bigger_corpus), "-o", str(out)]
    first = subprocess.run([*command, "--created", "20000101T000000Z"], capture_output=True)
    assert first.returncode == 0
    previous = {path: path.read_bytes() for path in _tmx_files(out)}
    process = subprocess.Popen([*command, "--created", CREATED], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(random.Random(seed).uniform(0.3, 3.0))
    process.send_signal(signal.SIGKILL)
    process.wait()
    for path in _tmx_files(out):  # each file is the old one or a complete new one, never a truncated one
        document = etree.parse(str(path))
        assert DTD.validate(document), path
        assert path.read_bytes() == previous[path] or document.find("header").get("creationdate") == CREATED
    rerun = subprocess.run([*command, "--created", CREATED], capture_output=True)
    assert rerun.returncode == 0
    assert not list(out.rglob("*.part"))
    for path in _tmx_files(out):
        assert etree.parse(str(path)).find("header").get("creationdate") == CREATED
        assert len(tmx.tmxfile.parsefile(str(path)).units) > 100
