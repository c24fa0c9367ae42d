"""Never lose a file, never write a broken memory: hostile inputs, huge inputs, and builds killed mid-way."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from lxml import etree
from translate.storage import tmx

from align.pipeline.options import BuildOptions
from align.pipeline.run import build
from tests.conftest import CORPORA, CREATED, corpora_with_copies, hostile

DTD = etree.DTD(str(Path(__file__).resolve().parents[1] / "align" / "data" / "tmx14.dtd"))


def outcomes(out: Path) -> dict[str, dict[str, str]]:
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return {Path(record["path"]).name: record for record in report["inputs"]}


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The hostile and broken files of scripts/make_hostile.py beside corpora/, built."""
    folder = hostile.write(tmp_path_factory.mktemp("hostile") / "in")
    out = folder.parent / "out"
    build(BuildOptions.of(inputs=(folder,), out=out))
    return folder, out


def test_every_input_is_accounted_for(hostile_build: tuple[Path, Path]) -> None:
    folder, out = hostile_build
    records = outcomes(out)
    assert sorted(records) == sorted(path.name for path in folder.iterdir())  # every file, once
    for name, (outcome, reason) in hostile.EXPECTED.items():
        assert records[name]["outcome"] == outcome, (name, records[name])
        assert reason in records[name]["reason"], (name, records[name]["reason"])
        assert "\n" not in records[name]["reason"]
    # English is partial: its "Now, therefore," has no French counterpart
    assert {lang: records[f"A_RES_217(III)-{lang}.md"]["outcome"] for lang in ("AR", "ZH", "EN", "FR", "RU", "ES")} == {
        "AR": "aligned", "ZH": "aligned", "EN": "partial", "FR": "aligned", "RU": "aligned", "ES": "aligned"}


def test_outputs_stay_whole_and_clean(hostile_build: tuple[Path, Path]) -> None:
    _folder, out = hostile_build
    for path in [out / "memory.tmx", *(out / "tmx").glob("*.tmx")]:
        document = etree.parse(str(path))
        assert DTD.validate(document), path
        assert len(tmx.tmxfile.parsefile(str(path)).units) > 50
    everything = "".join(path.read_text(encoding="utf-8", errors="replace") for path in out.rglob("*") if path.suffix in (".tmx", ".tsv", ".json", ".jsonl"))
    assert "root:x:0:0" not in everything  # no external entity was read
    assert not any(char in everything for char in "\x01\x07\x0b\x1b")  # control characters never reach an output
    units = pd.read_parquet(out / "units.parquet")
    row = units[(units["document"] == "A/RES/1/12") & (units["unit"] == "op.1")].iloc[0]
    assert row["fr"] == "Décide de continuer."


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
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "A_RES_9_4-FR.md").write_text(f"# Titre\n\n1. Décide de continuer.\n\n{markup}\n", encoding="utf-8")
    build(BuildOptions.of(inputs=(tmp_path / "in",), out=tmp_path / "out"))
    assert outcomes(tmp_path / "out")["A_RES_9_4-FR.md"]["outcome"] in ("partial", "skipped")


def test_nothing_is_written_outside_out(hostile_build: tuple[Path, Path]) -> None:
    folder, out = hostile_build
    written = {path for path in folder.parent.rglob("*")} - {path for path in folder.rglob("*")} - {path for path in out.rglob("*")}
    assert written == {folder, out}
    assert not Path("/tmp/escape").exists() and not (folder.parent.parent / "escape").exists()


def test_strict_turns_a_skip_into_failure(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    corpora_with_copies(inputs, 0)
    (inputs / "A_RES_9_5-FR.md").write_bytes(b"")
    command = [sys.executable, "-m", "align", "build", str(inputs), "-o", str(tmp_path / "out")]
    assert subprocess.run(command, capture_output=True).returncode == 0
    assert subprocess.run([*command, "--strict"], capture_output=True).returncode == 1
    assert (tmp_path / "out" / "memory.tmx").is_file()  # everything else is still written


def test_a_file_or_folder_the_system_will_not_read_is_reported_and_the_rest_is_built(tmp_path: Path) -> None:
    """Inputs the system refuses to read (made here so that they refuse root too, as CI runs: a link to
    /proc/self/mem, a file every read of which fails; a folder nested past the longest path the system
    takes) are reported as skipped with the system's reason, in the first build and in a rebuild from the
    cache, and the other documents are built."""
    inputs, out = tmp_path / "in", tmp_path / "out"
    corpora_with_copies(inputs, 0)
    (inputs / "A_RES_99_1-EN.md").symlink_to("/proc/self/mem")
    deep = _nested_past_path_max(inputs / "deep")
    for cached in (0, 3):  # the unreadable file's group is cached with its outcome too
        result = build(BuildOptions.of(inputs=(inputs,), out=out, created=CREATED))
        records = {record.path: (record.outcome, record.reason) for record in result.inputs}
        assert records[str(inputs / "A_RES_99_1-EN.md")] == ("skipped", "cannot be read: Input/output error")
        assert records[deep] == ("skipped", "folder cannot be read: File name too long")
        assert (result.documents, result.cached, result.count("aligned")) == (2, cached, 5)


def _nested_past_path_max(folder: Path) -> str:
    """Folders nested until a path to one is longer than PATH_MAX (4,096 bytes), made through descriptors,
    with a document in the deepest; gives the path of the first one that cannot be listed by its path."""
    folder.mkdir()
    path, descriptor = str(folder), os.open(folder, os.O_RDONLY)
    try:
        while len(path.encode()) <= 4096:
            os.mkdir("d" * 250, dir_fd=descriptor)
            inner = os.open("d" * 250, os.O_RDONLY, dir_fd=descriptor)
            os.close(descriptor)
            path, descriptor = os.path.join(path, "d" * 250), inner
        document = os.open("A_RES_99_2-EN.md", os.O_WRONLY | os.O_CREAT, dir_fd=descriptor)
        os.write(document, (CORPORA / "A_RES_217(III)-EN.md").read_bytes())
        os.close(document)
    finally:
        os.close(descriptor)
    return path


def test_a_second_build_into_the_same_folder_is_refused_while_the_first_runs(tmp_path: Path) -> None:
    """Two builds into one OUT at once would remove each other's files in progress and publish a mix of
    both: while a process holds the folder, `align build` into it fails with one line and writes nothing."""
    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", "import sys; from pathlib import Path; from align.files import only_writer\n"
                               f"with only_writer(Path({str(out)!r})):\n    print('held', flush=True); sys.stdin.read()"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        refused = subprocess.run([sys.executable, "-m", "align", "build", str(CORPORA), "-o", str(out)], capture_output=True, text=True)
        assert refused.returncode == 1 and sorted(path.name for path in out.iterdir()) == [".lock"]
        assert refused.stderr == f"align: error: {out}: another build is writing to this folder; try again when it has finished\n"
    finally:
        holder.communicate("")
    assert build(BuildOptions.of(inputs=(CORPORA,), out=out)).documents == 14  # the folder is free once its holder is gone
    assert build(BuildOptions.of(inputs=(CORPORA,), out=out, jobs=2)).cached == 14  # and again at once: workers do not keep it


@pytest.fixture(scope="module")
def bigger_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """corpora/ with the UDHR under four more symbols: a build long enough to be killed in every stage."""
    return corpora_with_copies(tmp_path_factory.mktemp("kill") / "in", 4)


def _survivors(out: Path) -> list[int]:
    """Processes still running whose command line names `out` (the build's pool workers inherit it)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and str(out).encode() in (entry / "cmdline").read_bytes() \
                    and (entry / "stat").read_text().split(") ")[-1][0] != "Z":
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def _tmx_files(out: Path) -> list[Path]:
    return sorted(out.glob("*.tmx")) + sorted(out.glob("tmx/*.tmx"))


def test_ctrl_c_stops_a_build_with_one_line_and_the_next_build_resumes(bigger_corpus: Path, tmp_path: Path) -> None:
    """Ctrl-C (SIGINT to the build's process group, as a terminal sends it) mid-build: exit 130, one line,
    no traceback, no worker left; the documents written before it come from the cache next time. The build
    starts as from a terminal, SIGINT not ignored: a test run started in the background ignores it, and
    its children inherit that (the build then ran to its end)."""
    out = tmp_path / "out"
    command = [sys.executable, "-m", "align", "build", str(bigger_corpus), "-o", str(out), "--created", CREATED]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while not list(out.glob(".cache/*/*.json")) and time.monotonic() < deadline:  # a document is written
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGINT)
    _stdout, stderr = process.communicate(timeout=60)
    assert (process.returncode, stderr) == (130, "align: interrupted (no output file is left half-written)\n")
    assert not _survivors(out) and not list(out.rglob("*.part"))
    rerun = subprocess.run(command, capture_output=True, text=True)
    assert rerun.returncode == 0 and re.search(r"\(([1-9]\d*) from cache\)", rerun.stdout), rerun.stdout


@pytest.mark.slow
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
    deadline = time.monotonic() + 10
    while _survivors(out) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _survivors(out), "the killed build's workers end with it"
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


def test_what_is_found_but_not_a_file_is_reported_not_followed(tmp_path: Path) -> None:
    """FIFOs, devices, links to nothing, links to folders and link loops were left out of the report;
    a FIFO given as the input gave 0 files and exit 0, even with --strict."""
    inputs = corpora_with_copies(tmp_path / "in", 0)
    os.mkfifo(inputs / "pipe.md")
    (inputs / "sub").mkdir()
    (inputs / "sub" / "loop").symlink_to(inputs)
    (inputs / "dead.md").symlink_to(tmp_path / "nowhere")
    (inputs / "elsewhere").symlink_to(tmp_path)
    result = build(BuildOptions.of(inputs=(inputs,), out=tmp_path / "out", created=CREATED))
    reasons = {Path(record.path).name: record.reason for record in result.inputs if record.outcome == "skipped"}
    assert reasons == {"pipe.md": "a FIFO (named pipe), not a file: not read",
                       "loop": "a link to a folder: not followed (links may loop or leave the input)",
                       "elsewhere": "a link to a folder: not followed (links may loop or leave the input)",
                       "dead.md": "a link to nothing (No such file or directory)"}
    assert result.documents == 2
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    done = subprocess.run([sys.executable, "-m", "align", "build", str(fifo), "-o", str(tmp_path / "out2"), "--strict"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "a FIFO (named pipe)" in done.stderr


@pytest.mark.parametrize("command", [["export", "--format", "jsonl", "--split", "80,10,10"], ["spm", "--vocab-size", "500"]])
def test_commands_that_write_into_out_wait_for_no_build(built: Path, tmp_path: Path, command: list[str]) -> None:
    """`align export` took no lock, and a build started beside it removed its temporary files."""
    out = tmp_path / "out"
    shutil.copytree(built, out)
    holder = subprocess.Popen([sys.executable, "-c", "import sys; from pathlib import Path; from align.files import only_writer\n"
                               f"with only_writer(Path({str(out)!r})):\n    print('held', flush=True); sys.stdin.read()"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        refused = subprocess.run([sys.executable, "-m", "align", command[0], str(out), *command[1:]], capture_output=True, text=True)
        assert refused.returncode == 1 and "another build is writing to this folder" in refused.stderr
        assert not (out / "export").exists() and not (out / "spm").exists()
    finally:
        holder.communicate("")


# What one hostile file may cost the process that reads it (its worker), whatever is in it.
BUDGET_MB, BUDGET_S = 500, 10


def test_each_hostile_file_costs_a_worker_at_most_its_budget(hostile_build: tuple[Path, Path]) -> None:
    """Small files with huge costs: a stream inflating to 400 MB in a 400 KB PDF, Word paragraphs
    unpacking to 190 MB, a list of 30,000 items, a sparse file of a GB, ... each read and parsed alone
    in a process of its own, whose peak memory (VmHWM: the process's own, not the forking parent's) and
    time are measured."""
    folder, _out = hostile_build
    script = ("import re, sys; from pathlib import Path; from align.ingest import read_source; from align.structure import parse\n"
              "try:\n    parse(read_source(Path(sys.argv[1])))\nexcept Exception:\n    pass\n"
              "print(re.search(r'VmHWM:\\s+(\\d+)', Path('/proc/self/status').read_text())[1])")
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".md", ".txt", ".html", ".pdf", ".docx", ".xml"):
            continue
        began = time.monotonic()
        done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=120)
        seconds, megabytes = time.monotonic() - began, int(done.stdout.split()[-1]) / 1024
        assert megabytes < BUDGET_MB and seconds < BUDGET_S, (path.name, round(megabytes), round(seconds, 1))
