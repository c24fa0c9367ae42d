"""Many random, truncated and mutated files of every format in one folder, beside real documents: the
build finishes, every file is in the report once with one outcome, no traceback reaches the terminal,
and the real documents align as they do alone."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import CORPORA, rendered

SEED = 20261206
REAL = [CORPORA / "A_RES_217(III)-EN.md", CORPORA / "A_RES_217(III)-FR.md"]


def _mutated(data: bytes, rng: random.Random) -> bytes:
    """One of: cut short, bytes flipped, a run repeated, a run deleted."""
    data = bytearray(data)
    kind = rng.randrange(4)
    if kind == 0:
        return bytes(data[: rng.randrange(1, max(2, len(data)))])
    for _ in range(rng.randint(1, 20)):
        at = rng.randrange(len(data))
        if kind == 1:
            data[at] = rng.randrange(256)
        elif kind == 2:
            data[at:at] = data[at:at + rng.randint(1, 200)] * rng.randint(2, 50)
        else:
            del data[at:at + rng.randint(1, 500)]
    return bytes(data)


def _samples(tmp: Path) -> list[bytes | tuple[str, bytes]]:
    """Real files of every format the build reads, to be mutated."""
    formats = rendered(tmp / "formats", "docx", [REAL[0]]), rendered(tmp / "pdf", "pdf", [REAL[1]]), rendered(tmp / "html", "html", [REAL[0]])
    paths = [*REAL, CORPORA / "un-akn/ga/80session/French/A_RES_80_156-2520753F.xml", CORPORA / "A_RES_60_212-FR.md",
             *(path for folder in formats for path in folder.iterdir())]
    return [(path.suffix, path.read_bytes()) for path in paths]


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    rng = random.Random(SEED)
    tmp = tmp_path_factory.mktemp("fuzz")
    folder = tmp / "in"
    folder.mkdir()
    samples = _samples(tmp)
    names = []
    for index in range(160):
        suffix, data = rng.choice(samples)
        if index % 8 == 0:  # random bytes under a document's name
            data = rng.randbytes(rng.randrange(0, 4000))
        elif index % 8 == 1 and suffix == ".docx":  # a package whose document.xml is mutated, re-zipped
            with zipfile.ZipFile(folder.parent / "formats" / "A_RES_217(III)-EN.docx") as package:
                members = {name: package.read(name) for name in package.namelist()}
            members["word/document.xml"] = _mutated(members["word/document.xml"], rng)
            path = folder / f"f{index}.docx"
            with zipfile.ZipFile(path, "w") as package:
                for name, content in members.items():
                    package.writestr(name, content)
            names.append(path.name)
            continue
        else:
            data = _mutated(data, rng)
        stem = rng.choice([f"f{index}", f"A_RES_{index}_1-FR", f"A_RES_80_{index}-2520753F", f"x{index}\udcff"])
        path = folder / (stem + suffix)
        path.write_bytes(data)  # "\udcff": the name's byte 0xff, not UTF-8 (os.fsencode)
        names.append(path.name)
    for real in REAL:
        (folder / real.name).write_bytes(real.read_bytes())
        names.append(real.name)
    out = tmp / "out"
    done = subprocess.run([sys.executable, "-m", "align", "build", str(folder), "-o", str(out)], capture_output=True, text=True,
                          errors="backslashreplace", timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout
    return folder, out, names


def test_every_file_has_one_outcome(fuzzed: tuple[Path, Path, list[str]]) -> None:
    folder, out, names = fuzzed
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    listed = [Path(record["path"]).name for record in report["inputs"]]
    assert sorted(listed) == sorted(names)
    assert all(record["outcome"] in ("aligned", "partial", "skipped", "ignored") for record in report["inputs"])
    assert all("\n" not in record["reason"] and len(record["reason"]) < 800 for record in report["inputs"])


def test_the_real_documents_beside_them_align(fuzzed: tuple[Path, Path, list[str]]) -> None:
    _folder, out, _names = fuzzed
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    outcomes = {Path(record["path"]).name: record["outcome"] for record in report["inputs"]}
    # English is partial: its "Now, therefore," has no French counterpart
    assert (outcomes["A_RES_217(III)-EN.md"], outcomes["A_RES_217(III)-FR.md"]) == ("partial", "aligned")
    [udhr] = [document for document in report["documents"] if document["symbol"] == "A/RES/217(III)"]
    assert udhr["langs"] == ["en", "fr"]
