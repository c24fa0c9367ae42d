"""End to end: the `align` command on real corpora, bad inputs beside them, and its exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPORA, CREATED, SEED


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def messy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """corpora/ plus the broken files a real folder holds."""
    folder = tmp_path_factory.mktemp("messy") / "in"
    shutil.copytree(CORPORA, folder)
    (folder / "A_RES_1_1-FR.md").write_bytes(b"")
    (folder / "A_RES_1_2-EN.md").write_bytes(bytes(range(256)) * 40)
    (folder / "A_RES_1_3-QQ.md").write_text("Tous les êtres humains naissent libres et égaux en dignité et en droits. " * 3, encoding="utf-8")
    (folder / "notes.md").write_text("12 34 56 78\n\n90 12 34\n" * 5, encoding="utf-8")
    (folder / "A_RES_1_4-ZH.md").write_text("The General Assembly decides to continue the work of the Committee. " * 4, encoding="utf-8")
    (folder / "A_RES_217(III)-FR.txt").write_text((CORPORA / "A_RES_217(III)-FR.md").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "A_RES_60_212-FR.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    (folder / "A_RES_60_212-EN.docx").write_bytes(b"PK\x03\x04")
    (folder / "LICENSE").write_text("MIT", encoding="utf-8")
    return folder


def test_build_corpora(tmp_path: Path) -> None:
    done = run("build", CORPORA, "-o", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert "6 aligned, 1 partial, 0 skipped, 1 ignored" in done.stdout
    assert (tmp_path / "out" / "memory.tmx").is_file()


def test_bad_inputs_are_reported_and_the_rest_is_built(messy: Path, tmp_path: Path) -> None:
    done = run("build", messy, "-o", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    records = {Path(record["path"]).name: record for record in report["inputs"]}
    assert len(records) == len([path for path in messy.rglob("*") if path.is_file()])  # every file, once
    expected = {
        "A_RES_1_1-FR.md": ("skipped", "empty file"),
        "A_RES_1_2-EN.md": ("skipped", "binary file"),
        "A_RES_1_3-QQ.md": ("skipped", "unknown language code 'QQ'"),
        "notes.md": ("skipped", "language not recognised"),
        "A_RES_1_4-ZH.md": ("skipped", "file name says 'zh' but the text is in 'en'"),
        "A_RES_217(III)-FR.txt": ("skipped", "already gives A/RES/217(III) in 'fr'"),
        "A_RES_60_212-FR.pdf": ("skipped", "not a readable PDF"),
        "A_RES_60_212-EN.docx": ("skipped", ".docx files are not read yet"),
        "LICENSE": ("ignored", "not a document"),
        "README.md": ("ignored", "not a document"),
    }
    for name, (outcome, reason) in expected.items():
        assert records[name]["outcome"] == outcome, name
        assert reason in records[name]["reason"], (name, records[name]["reason"])
        assert "\n" not in records[name]["reason"]
    assert {records[f"A_RES_217(III)-{lang}.md"]["outcome"] for lang in ("AR", "ZH", "EN", "FR", "RU", "ES")} == {"aligned"}
    for name in ("A_RES_1_1-FR.md", "A_RES_1_2-EN.md"):
        assert f"skipped {messy / name}" in done.stderr


def snapshot(out: Path) -> dict[Path, bytes]:
    return {path.relative_to(out): path.read_bytes() for path in sorted(out.rglob("*")) if path.is_file() and ".cache" not in path.parts}


def test_builds_are_byte_identical(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("build", CORPORA, "-o", out, "--created", CREATED).returncode == 0
    first = snapshot(out)
    assert len(first) == 42  # 1 + 5 TMX, 10 + 10 Moses, 5 JSONL, 5 TSV, 3 tables, SRX, 2 reports
    rebuilt = run("build", CORPORA, "-o", out, "--created", CREATED)  # from the cache
    assert "(2 from cache)" in rebuilt.stdout and snapshot(out) == first
    serial = run("build", CORPORA, "-o", tmp_path / "serial", "--created", CREATED, "--jobs", "1", "--no-cache")
    assert "1 workers" in serial.stdout
    assert without_report(snapshot(tmp_path / "serial")) == without_report(first)  # the report records engine and jobs


def without_report(files: dict[Path, bytes]) -> dict[Path, bytes]:
    return {name: data for name, data in files.items() if not name.name.startswith("report.")}


def test_inspect_json_shows_paragraph_13_whole() -> None:
    done = run("inspect", SEED, "--json")
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert set(payload) == {"symbol", "lang", "meta", "units"}
    assert (payload["symbol"], payload["lang"]) == ("A/RES/60/212", "fr")
    units = {unit["id"]: unit for unit in payload["units"]}
    assert set(units["op.13"]) == {"id", "kind", "text"}
    assert units["op.13"]["text"].endswith("aux deux fonds susmentionnés, étant entendu que ces fonds doivent continuer à utiliser efficacement ces ressources ;")


def test_inspect_text() -> None:
    done = run("inspect", SEED)
    assert done.returncode == 0 and "op.13" in done.stdout and "fn.6" in done.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "no-such-folder", "-o", "out"], "no-such-folder: no such file or folder"),
        (["build", str(CORPORA), "-o", "out", "--pivot", "xx"], "unknown language code 'xx'"),
        (["build", str(CORPORA), "-o", "out", "--created", "yesterday"], "--created"),
        (["build", str(CORPORA)], "required: -o/--out"),
        (["inspect", "no-such-file.md"], "no-such-file.md: no such file"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_unusable_arguments_exit_2_with_one_line(args: list[str], message: str) -> None:
    done = run(*args)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_inspect_unreadable_file_is_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "A_RES_1_1-FR.md"
    empty.write_bytes(b"")
    done = run("inspect", empty)
    assert done.returncode == 1
    assert done.stderr.strip() == f"align: error: {empty}: empty file"
