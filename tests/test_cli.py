"""End to end: the `align` command on real corpora, bad inputs beside them, and its exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPORA, CREATED, SEED, hostile


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)], capture_output=True, text=True, timeout=300)


def test_build_corpora(tmp_path: Path) -> None:
    done = run("build", CORPORA, "-o", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert "70 aligned, 1 partial, 0 skipped, 2 ignored" in done.stdout  # 60/212 is here in French only
    assert (tmp_path / "out" / "memory.tmx").is_file()


def test_output_folder_inside_the_input_folder(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for lang in ("EN", "FR"):
        (inputs / f"A_RES_217(III)-{lang}.md").write_bytes((CORPORA / f"A_RES_217(III)-{lang}.md").read_bytes())
    for _ in range(2):  # the second build must not take the first one's outputs for inputs
        done = run("build", inputs, "-o", inputs / "out")
        assert done.returncode == 0 and "2 aligned, 0 partial, 0 skipped, 0 ignored" in done.stdout, done.stdout


def test_bad_inputs_get_one_line_each_and_the_build_goes_on(tmp_path: Path) -> None:
    folder = hostile.write(tmp_path / "in")
    done = run("build", folder, "-o", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    skipped = [line for line in done.stderr.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == sum(outcome == "skipped" for outcome, _ in hostile.EXPECTED.values())
    for name, (outcome, reason) in hostile.EXPECTED.items():
        if outcome == "skipped":
            assert any(line.startswith(f"skipped {folder / name}: ") and reason in line for line in skipped), name
    assert "Traceback" not in done.stderr


def snapshot(out: Path) -> dict[Path, bytes]:
    """The outputs, without the build's own bookkeeping (its cache, and the lock that keeps other builds out)."""
    return {path.relative_to(out): path.read_bytes() for path in sorted(out.rglob("*"))
            if path.is_file() and ".cache" not in path.parts and path.name != ".lock"}


def test_builds_are_byte_identical(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("build", CORPORA, "-o", out, "--created", CREATED).returncode == 0
    first = snapshot(out)
    assert len(first) == 49  # 1 + 6 TMX, 12 + 12 Moses, 6 JSONL, 6 TSV, 3 tables, SRX, 2 reports (German too)
    rebuilt = run("build", CORPORA, "-o", out, "--created", CREATED)  # from the cache
    assert "(12 from cache)" in rebuilt.stdout and snapshot(out) == first
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


def test_an_output_folder_the_system_cannot_make_is_one_line(tmp_path: Path) -> None:
    """The system's refusal (here: OUT under a file, which no user can make) is one line naming the path, not a traceback."""
    (tmp_path / "file").write_bytes(b"")
    out = tmp_path / "file" / "out"
    done = run("build", CORPORA, "-o", out)
    assert (done.returncode, done.stderr) == (1, f"align: error: {out}: Not a directory\n")
    assert "Traceback" in run("--verbose", "build", CORPORA, "-o", out).stderr  # for whoever needs to know where
